//! What several routing rules ask of a draft: its own sentences matching a pattern, and the facts
//! a draft may state about approvals.

use crate::document::MaskSet;
use crate::org::Org;
use crate::rules::Context;
use crate::span::Span;
use regex::Regex;

/// Matches of `re` in the 正文's own words (not quotations, 《》 names, forwarded documents).
pub fn own_matches(cx: &Context, re: &Regex) -> Vec<Span> {
    let text = cx.text();
    let mut out = Vec::new();
    for p in cx.doc.body_paragraphs() {
        let s = p.span.text(text);
        for m in re.find_iter(s) {
            let span = p.span.sub(m.start(), m.end());
            if !cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                out.push(span);
            }
        }
    }
    out
}

/// Whether the title or 正文 (own words or not) contains a match: used for exemptions such as
/// “经市人民政府同意”, which count wherever they are written.
pub fn says_anywhere(cx: &Context, re: &Regex) -> bool {
    let text = cx.text();
    cx.doc.title.as_ref().is_some_and(|t| re.is_match(&t.text))
        || cx.doc.body_paragraphs().any(|p| re.is_match(p.span.text(text)))
}

/// A front-matter statement that is present and not “否”.
pub fn stated_yes(cx: &Context, key: &str) -> bool {
    match cx.doc.front_matter.as_ref().and_then(|fm| fm.get(key)) {
        Some(entry) => entry.value.as_bool() != Some(false) && !entry.value.as_text().trim().is_empty(),
        None => false,
    }
}

/// Whether the facts about `org` come from the user's configuration rather than its name.
pub fn configured(org: &Org) -> bool {
    org.from_config
}
