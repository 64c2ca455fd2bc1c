//! The 文种 phrase tables of `lints/doc-kinds.toml`, and finding them in the draft's own words.

use crate::document::{DocKind, MaskSet, Paragraph};
use crate::rules::Context;
use crate::span::Span;
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Raw {
    request_closings: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))] // checked by the table test
    request_closing_examples: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))] // checked by the table test
    request_closing_counter_examples: Vec<String>,
    request_phrases: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))] // checked by the table test
    request_phrase_examples: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))] // checked by the table test
    request_phrase_counter_examples: Vec<String>,
    closings: HashMap<String, String>,
}

pub struct Phrases {
    pub request_closings: Vec<Regex>,
    pub request_phrases: Vec<Regex>,
    closings: HashMap<String, String>,
}

pub static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let raw: Raw =
        toml::from_str(include_str!("../../../lints/doc-kinds.toml")).expect("lints/doc-kinds.toml is valid");
    let compile =
        |list: &[String]| list.iter().map(|p| Regex::new(p).expect("lints/doc-kinds.toml pattern compiles")).collect();
    Phrases {
        request_closings: compile(&raw.request_closings),
        request_phrases: compile(&raw.request_phrases),
        closings: raw.closings,
    }
});

impl Phrases {
    /// The usual closing of a kind, for suggestions.
    pub fn closing_for(&self, kind: DocKind) -> Option<&str> {
        self.closings.get(kind.zh()).map(String::as_str)
    }
}

/// A match of one of `patterns` in a paragraph of the 正文, in the draft's own words (not in
/// quotations, 《》 names, block quotes or forwarded documents).
pub struct Hit<'d> {
    pub span: Span,
    pub paragraph: &'d Paragraph,
    /// Whether the match is the whole paragraph (a closing standing on its own line).
    pub stands_alone: bool,
}

pub fn own_hits<'d>(cx: &Context<'d>, patterns: &[Regex]) -> Vec<Hit<'d>> {
    let text = cx.text();
    let mut hits = Vec::new();
    for p in cx.doc.body_paragraphs() {
        let s = p.span.text(text);
        for re in patterns {
            for m in re.find_iter(s) {
                let span = p.span.sub(m.start(), m.end());
                if cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                    continue;
                }
                let rest = s[m.end()..].trim_matches(|c: char| matches!(c, '。' | '！' | '.' | ' ' | '\u{3000}'));
                let before = s[..m.start()].trim();
                hits.push(Hit { span, paragraph: p, stands_alone: rest.is_empty() && before.is_empty() });
            }
        }
    }
    hits.sort_by_key(|h| h.span.start);
    hits.dedup_by(|a, b| a.span.overlaps(b.span));
    hits
}

/// Whether a phrase starting at `at` is said by the draft's author: at the start of a sentence
/// or clause, possibly after 另/同时/此外 or a first-person subject such as 我局.
pub fn said_by_author(s: &str, at: usize) -> bool {
    static OPENERS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[。；！？：，,;])[ 　]*(?:另外?|同时|此外|为此|因此|鉴于此|综上|特|现|故)?[，,]?[ 　]*(?:我(?:局|委|办|厅|院|府|县|区|市|镇|街|单位|们|部|中心|司|馆|校|所|站|会)|本(?:局|委|办|单位))?[ 　]*$")
            .expect("valid")
    });
    OPENERS.is_match(&s[..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_examples_match_and_counter_examples_do_not() {
        let raw: Raw = toml::from_str(include_str!("../../../lints/doc-kinds.toml")).unwrap();
        let any = |res: &[Regex], s: &str| res.iter().any(|r| r.is_match(s));
        for e in &raw.request_closing_examples {
            assert!(any(&PHRASES.request_closings, e), "closing example {e}");
        }
        for e in &raw.request_closing_counter_examples {
            assert!(!any(&PHRASES.request_closings, e), "closing counter-example {e}");
        }
        for e in &raw.request_phrase_examples {
            assert!(any(&PHRASES.request_phrases, e), "phrase example {e}");
        }
        for e in &raw.request_phrase_counter_examples {
            assert!(!any(&PHRASES.request_phrases, e), "phrase counter-example {e}");
        }
    }

    #[test]
    fn author_is_the_subject() {
        let s = "现将情况报告如下。另，恳请市政府予以安排。";
        assert!(said_by_author(s, s.find("恳请").unwrap()));
        let s = "我局恳请市政府支持。";
        assert!(said_by_author(s, s.find("恳请").unwrap()));
        let s = "某县政府恳请市政府支持。";
        assert!(!said_by_author(s, s.find("恳请").unwrap()));
    }
}
