//! The draft's own requests: the request recogniser (`lang::request`) run over the 正文, with
//! quotations, 《》 titles, block quotes and forwarded documents left out, and the sender's own
//! names telling `某某县人民政府恳请…` in that county's own draft from a reported request.

use super::{Document, MaskSet, Part};
use crate::lang::request;
use crate::span::Span;
use serde::Serialize;

/// A request the draft makes, in byte spans of the source text.
#[derive(Clone, Debug, Serialize)]
pub struct OwnRequest {
    /// The asking word (恳请, 请, 报请 …).
    pub act: Span,
    /// What is to be granted (批准, 支持, 安排 …), when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<Span>,
    /// From the asking word to the end of its clause.
    pub clause: Span,
    /// The matter asked for.
    pub matter: Span,
    /// `妥否，请批示`, `特此请示`: a closing formula.
    pub closing: bool,
    /// Asked with a word that asks by itself (恳请, 报请 …).
    pub strong: bool,
    /// Index into `Document::body` of the paragraph it stands in.
    pub paragraph: usize,
    /// Whether the request is its paragraph's only sentence (a closing on its own line).
    pub stands_alone: bool,
}

/// An asking word the recogniser read and did not count as the draft's own request, with why:
/// `gwlint parse` shows these, so that a request not seen is never a silent one.
#[derive(Clone, Debug, Serialize)]
pub struct SetAside {
    pub act: Span,
    pub reason: request::NotRequest,
}

/// The names the author goes by: the sender's name and its usual short forms.
pub fn own_names(doc: &Document) -> Vec<String> {
    let Some(issuer) = &doc.issuer else { return Vec::new() };
    let name = issuer.name.as_str();
    let mut names = vec![name.to_string()];
    if let Some(place) = name.strip_suffix("人民政府") {
        names.push(format!("{place}政府"));
        // 某某县人民政府 also calls itself 县人民政府 / 县政府.
        if let Some(level) = place.chars().last().filter(|c| "省市县区镇乡州旗".contains(*c)) {
            names.push(format!("{level}人民政府"));
            names.push(format!("{level}政府"));
        }
    }
    names
}

pub fn attach(doc: &mut Document, text: &str) {
    let owned = own_names(doc);
    // In a draft going down, `请贵院科学调配……` tells the recipient what to do: only a weak
    // request for a decision (批准, 同意 …) or a closing (妥否，请批示) still asks.
    let downward = doc.direction() == Some(super::Direction::Down);
    let recipient = match doc.direction() {
        Some(super::Direction::Up) => request::Recipient::Superior,
        Some(super::Direction::Across) => request::Recipient::Peer,
        _ => request::Recipient::Unknown,
    };
    let own: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut found = Vec::new();
    let mut set_aside = Vec::new();
    for (index, p) in doc.body.iter().enumerate() {
        if p.part != Part::Body {
            continue;
        }
        let s = p.span.text(text);
        for candidate in request::candidates_in(s, &own, recipient) {
            let act = p.span.sub(candidate.act.start, candidate.act.end);
            let r = match candidate.verdict {
                Ok(r) => r,
                Err(reason) => {
                    set_aside.push(SetAside { act, reason });
                    continue;
                }
            };
            // `（一）个人申请。符合条件的职工……`: a run-in heading ending in the asking word names
            // a step of a procedure; it asks nothing.
            if let Some(ordinal) = &p.ordinal {
                let from = ordinal.span.end.saturating_sub(p.span.start);
                let heading = &s[from.min(s.len())..];
                let heading_end = heading.find(['。', '：', ':']).map(|i| from + i);
                if heading_end == Some(candidate.act.end)
                    && heading[..heading_end.unwrap_or(from) - from].chars().count() <= 10
                {
                    set_aside.push(SetAside { act, reason: request::NotRequest::Noun });
                    continue;
                }
            }
            let decides = r.grant.as_ref().is_some_and(|g| request::is_decision(&s[g.clone()]));
            if downward && !r.closing && !r.strong && !decides {
                set_aside.push(SetAside { act, reason: request::NotRequest::Downward });
                continue;
            }
            if doc.masks.hits(MaskSet::NOT_OWN_WORDS, act) {
                set_aside.push(SetAside { act, reason: request::NotRequest::Quoted });
                continue;
            }
            // A closing is pointed at whole: `妥否，请批示`, `特此报告，请批示`.
            let clause = if r.closing {
                let from = s[..r.act.start].rfind(['。', '；', '！', '？']).map_or(0, |p| p + '。'.len_utf8());
                let lead = s[from..].len() - s[from..].trim_start_matches(crate::lang::is_blank).len();
                from + lead..r.clause.end
            } else {
                r.clause.clone()
            };
            let before = s[..clause.start].trim_matches(crate::lang::is_blank);
            let after = s[clause.end..].trim_matches(|c: char| crate::lang::is_blank(c) || "。！.".contains(c));
            let opens = before.is_empty();
            found.push(OwnRequest {
                act,
                grant: r.grant.map(|g| p.span.sub(g.start, g.end)),
                clause: p.span.sub(clause.start, clause.end),
                matter: p.span.sub(r.matter.start, r.matter.end),
                closing: r.closing,
                strong: r.strong,
                paragraph: index,
                stands_alone: opens && after.is_empty(),
            });
        }
    }
    doc.requests = found;
    doc.not_requests = set_aside;
}
