use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::org::{Addressee, GroupScope, Level, Org, OrgKind};
use crate::rules::routing::common::{
    clause_before, has_modal, is_provision, negated, own_matches, requests, says_anywhere, sentence_of, stated_yes,
};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct DeptMeetingAttendance;

static META: RuleMeta = RuleMeta {
    code: "GW705",
    name: "dept-meeting-attendance",
    summary: "部门会议请县（市、区）政府负责人出席、越级召开须经批准；市政府领导一般不出席部门工作会议",
    category: Category::Deadlines,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::Jiangmen,
    source: "《江门市人民政府工作规则》二十五：“市政府各部门召开的全市性会议，未按有关规定报经批准，不得请各县（市、区）政府负责人出席。全市性会议……一般不越级召开，凡召开到县级以下的会议须按有关规定报经批准。”；同条：“市政府领导同志一般不出席部门的工作会议，兼任部门负责同志的参加本部门会议除外。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "本规则只看部门的会议通知和请示、函，不看描述这些纪律的工作规则：\n\n\
- 部门（局、委、办等，不是政府或政府办公室）发出的会议通知（文种为通知、标题含“会议”），正文要求下级人民政府负责人\
（“各县（市、区）人民政府分管负责同志”“台山市人民政府副市长”）参加、出席：警告；\n\
- 市级部门的会议通知要求镇（街）、村（居）人员参会（召开到县级以下）：提示；\n\
- 部门的请示、函请市政府领导同志（市长、副市长、市政府领导）出席会议：提示（市政府领导同志一般不出席部门的工作会议）。\n\n\
只看提出要求的句子（“请……参加”“须……出席”），否定句、引文、附件不查。文中写明已按规定报经批准（“已报经市政府同意”），\
或前置元数据“报批依据”写明批准文号的，不报。由部门承办、以市政府办公室名义发出的会议通知不在此列。属江门规则包。",
    bad: "示例市水利局通知：“请各县（市、区）人民政府分管负责同志参加全市防汛工作会议。”（无批准依据）",
    good: "参会范围为“各县（市、区）水利局主要负责同志”；或注明“本次会议已按规定报经市人民政府批准”。",
};

static GOV_LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<gov>\p{Han}{1,8}?(?:（市、区）|\(市、区\))?(?:人民)?政府)[^。；，、]{0,8}?(?:分管|主要)?(?:负责同志|领导同志|领导|负责人|县长|区长|副县长|副区长|副市长|市长)")
        .expect("valid")
});
static ATTEND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"参加|出席|参会|列席|与会").expect("valid"));
static TOWNSHIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"各镇（街(?:道)?）|镇（街(?:道)?）|各乡镇|乡镇（街道）|各镇|各街道|村（居）|村（社区）|各村|各社区|村委会|居委会").expect("valid")
});
static CITY_LEADER_ATTENDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:副?市长|市政府(?:主要|分管)?(?:领导|负责同志)|市领导)[^。；]{0,12}(?:出席|参加)").expect("valid")
});
static APPROVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"报经[^。]{0,12}(?:批准|同意)|经\p{Han}{0,10}(?:人民政府|政府)(?:同意|批准)").expect("valid")
});
static CITY_NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Han}{1,5}市[^县区镇]*$").expect("valid"));

/// Whether the department sits at city (地级) level: configured, or named “X市…局” with no 县区.
fn city_level(sender: &Org) -> bool {
    match sender.level {
        Some(level) => level == Level::Prefecture,
        None => CITY_NAME.is_match(&sender.name),
    }
}

/// Where in `gov` a lower-level government's name starts (“请台山市人民政府” → 台山市人民政府).
fn lower_government(cx: &Context, sender: &Org, gov: &str) -> Option<usize> {
    let below = |level: Option<Level>| match (level, sender.level) {
        (Some(l), Some(s)) => s.is_above(l),
        (Some(l), None) => matches!(l, Level::County | Level::Township),
        _ => false,
    };
    let starts: Vec<usize> = gov.char_indices().map(|(i, _)| i).collect();
    for &i in &starts {
        let candidate = &gov[i..];
        if candidate.chars().count() < 4 {
            break;
        }
        let lower = match cx.orgs.resolve(candidate, Some(sender)) {
            Addressee::Org(o) if o.kind == OrgKind::Government => below(o.level),
            Addressee::Group(g) if g.kind == OrgKind::Government => g.scope == GroupScope::LowerAreas || below(g.level),
            _ => continue,
        };
        return lower.then_some(i);
    }
    None
}

impl Rule for DeptMeetingAttendance {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(sender) = doc.parties.sender.as_ref().filter(|s| s.kind == OrgKind::Department) else { return };
        if stated_yes(cx, "报批依据") || says_anywhere(cx, &APPROVED) {
            return;
        }
        let text = cx.text();
        let roster = attendee_lists(cx);
        let demand = |m: Span| -> Option<Span> {
            let sentence = sentence_of(cx, m);
            let s = sentence.text(text);
            let before = text.get(sentence.start..m.start).unwrap_or("");
            // An item under “参会人员” is a summons as much as “请……参加”.
            let listed = roster.iter().any(|r| r.contains(m));
            let asks = is_provision(s) || has_modal(s) || requests(before);
            ((listed || (asks && ATTEND.is_match(s))) && !negated(clause_before(text, sentence, m))).then_some(sentence)
        };
        match doc.kind() {
            Some(DocKind::通知) if doc.title.as_ref().is_some_and(|t| t.text.contains("会议")) => {
                let mut seen: Vec<Span> = Vec::new();
                for m in own_matches(cx, &GOV_LEADER) {
                    let gov = GOV_LEADER.captures(m.text(text)).and_then(|c| c.name("gov")).map_or("", |g| g.as_str());
                    let Some(offset) = lower_government(cx, sender, gov) else { continue };
                    let m = Span::new(m.start + offset, m.end);
                    let Some(sentence) = demand(m) else { continue };
                    if seen.contains(&sentence) {
                        continue;
                    }
                    seen.push(sentence);
                    out.push(
                        Finding::new(m, format!("部门会议请下级政府负责人出席须按规定报经批准：“{}”", m.text(text)))
                            .help("参会范围改为下级对口部门负责同志；确需请县（市、区）政府负责人出席的，按规定报经批准，并在文中或前置元数据“报批依据”中写明")
                            .en("A department's meeting may not summon lower-level government leaders without approval"),
                    );
                }
                if city_level(sender) {
                    for m in own_matches(cx, &TOWNSHIP) {
                        let Some(sentence) = demand(m) else { continue };
                        if seen.contains(&sentence) {
                            continue;
                        }
                        seen.push(sentence);
                        out.push(
                            Finding::new(
                                m,
                                format!(
                                    "全市性会议一般不越级召开，召开到县级以下（“{}”）须按有关规定报经批准",
                                    m.text(text)
                                ),
                            )
                            .help("由县级对口部门参会后再行传达；确需召开到镇（街）、村（居）的，按规定报经批准并写明")
                            .severity(Severity::Info)
                            .en("Meetings reaching below county level need approval"),
                        );
                    }
                }
            }
            Some(DocKind::请示 | DocKind::函) => {
                for m in own_matches(cx, &CITY_LEADER_ATTENDS) {
                    let sentence = sentence_of(cx, m);
                    let s = sentence.text(text);
                    let before = text.get(sentence.start..m.start).unwrap_or("");
                    if !s.contains("会议") || !requests(before) || negated(clause_before(text, sentence, m)) {
                        continue;
                    }
                    out.push(
                        Finding::new(m, format!("市政府领导同志一般不出席部门的工作会议：“{}”", m.text(text)))
                            .help("确有必要的，说明理由（如兼任本部门负责同志、会议经市政府批准为全市性重要会议）")
                            .severity(Severity::Info)
                            .source("《江门市人民政府工作规则》二十五：“市政府领导同志一般不出席部门的工作会议”")
                            .en("City government leaders generally do not attend departmental work meetings"),
                    );
                    break;
                }
            }
            _ => {}
        }
    }
}

/// The paragraphs under a “参会人员 / 参加人员 / 出席人员 / 参会范围” heading, up to the next
/// heading of the same or a higher level.
fn attendee_lists(cx: &Context) -> Vec<Span> {
    static ROSTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:参会|参加|出席|与会)(?:人员|范围|对象)").expect("valid"));
    let text = cx.text();
    let paragraphs: Vec<_> = cx.doc.body_paragraphs().collect();
    let mut lists = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let Some(o) = &p.ordinal else { continue };
        let title = text.get(o.span.end..p.span.end).unwrap_or("");
        if !ROSTER.is_match(title) {
            continue;
        }
        let level = o.style.level().unwrap_or(1);
        let end = paragraphs[i + 1..]
            .iter()
            .find(|q| q.ordinal.as_ref().is_some_and(|qo| qo.style.level().unwrap_or(1) <= level))
            .map_or_else(|| paragraphs.last().map_or(p.span.end, |l| l.span.end), |q| q.span.start);
        lists.push(Span::new(p.span.start, end));
    }
    lists
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{codes_in, lint_text};

    const NOTICE: &str =
        "示例市水利局关于召开全市防汛工作会议的通知\n各县（市、区）水利局：\n定于5月10日召开全市防汛工作会议。";

    fn doc(body: &str) -> String {
        format!("{NOTICE}{body}\n示例市水利局\n2024年5月6日\n")
    }

    #[test]
    fn lower_government_leaders_summoned() {
        let text = doc("请各县（市、区）人民政府分管负责同志参加会议。");
        let d = lint_text("t.txt", &text, "GW705");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(d[0].span.text(&text), "各县（市、区）人民政府分管负责同志");
    }

    #[test]
    fn county_leaders_listed_under_attendees() {
        let text = "示例市水利局关于召开全市防汛工作会议的通知\n各县（市、区）水利局：\n一、会议时间\n2024年5月10日上午。\n二、参会人员\n（一）各县（市、区）人民政府分管水利工作的负责同志；\n（二）各县（市、区）水利局主要负责同志。\n示例市水利局\n2024年5月6日\n";
        assert_eq!(lint_text("t.txt", text, "GW705").len(), 1);
    }

    #[test]
    fn townships_are_info() {
        let text = doc("各镇（街）分管负责同志须参会。");
        let d = lint_text("t.txt", &text, "GW705");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn counterparts_approval_and_negation_are_silent() {
        for body in [
            "请各县（市、区）水利局主要负责同志参加会议。",
            "本次会议已按规定报经市人民政府批准，请各县（市、区）人民政府分管负责同志参加。",
            "会议不请各县（市、区）人民政府负责同志出席。",
        ] {
            assert!(codes_in("t.txt", &doc(body), "GW705").is_empty(), "{body}");
        }
        let government = doc("请各县（市、区）人民政府分管负责同志参加会议。")
            .replace("示例市水利局关于", "示例市人民政府办公室关于")
            .replace("示例市水利局\n", "示例市人民政府办公室\n");
        assert!(codes_in("t.txt", &government, "GW705").is_empty());
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW705").is_empty());
    }

    #[test]
    fn requests_for_city_leaders_at_department_meetings() {
        let text = "示例市水利局关于召开全市水利工作会议的请示\n示例市人民政府：\n我局拟于3月5日召开全市水利工作会议，恳请王副市长出席会议并讲话。\n妥否，请批示。\n示例市水利局\n2024年2月20日\n";
        let d = lint_text("t.txt", text, "GW705");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Info);
    }
}
