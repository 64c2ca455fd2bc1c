//! Helpers shared by the GW5xx rules: spans other rules own, neighbouring characters, and the
//! issue year used to complete abbreviated years.

use crate::document::{DATE_LINE, DOC_NUMBER, Part};
use crate::lang::numerals::is_chinese_numeral_char;
use crate::rules::Context;
use crate::span::Span;
use std::sync::Arc;

/// Text other rules own and that the number rules leave alone: 发文字号 (GW302), the 成文日期
/// line and a date noted under the title (GW303), and the 印发日期 of the 版记 (GW311).
/// Absolute spans, found once per draft for the five number rules that ask.
pub fn owned_elsewhere(cx: &Context) -> Arc<OwnedElsewhere> {
    cx.memo.get_or_init(|| OwnedElsewhere(find_owned_elsewhere(cx)))
}

/// The spans of `owned_elsewhere`.
pub struct OwnedElsewhere(Vec<Span>);

impl std::ops::Deref for OwnedElsewhere {
    type Target = [Span];
    fn deref(&self) -> &[Span] {
        &self.0
    }
}

fn find_owned_elsewhere(cx: &Context) -> Vec<Span> {
    let text = cx.text();
    let doc = cx.doc;
    let mut spans = Vec::new();
    let header_number = doc.header.doc_number.as_ref().map(|f| f.span);
    for (line, part) in &doc.lines {
        let dated_note = *part == Part::Preamble
            && DATE_LINE.is_match(line.span.text(text).trim_matches(|c| matches!(c, '（' | '）' | '(' | ')')));
        if *part == Part::Date || dated_note {
            spans.push(line.span);
            continue;
        }
        let s = line.span.text(text);
        if !line.doc_number {
            continue;
        }
        for c in DOC_NUMBER.captures_iter(s) {
            let whole = c.get(0).expect("match");
            let span = line.span.sub(whole.start(), whole.end());
            let in_header = header_number.is_some_and(|h| h.overlaps(span));
            let open = c.name("open").map_or("", |m| m.as_str());
            // The same test GW302 applies before it treats a bracketed year as a 文号.
            if in_header || c.name("hao").is_some() || open == "〔" {
                spans.push(span);
            }
        }
    }
    spans.extend(header_number);
    spans.extend(doc.date.as_ref().map(|f| f.span));
    spans.extend(doc.colophon.print_date.as_ref().map(|f| f.span));
    spans
}

pub fn hits_any(spans: &[Span], span: Span) -> bool {
    spans.iter().any(|s| s.overlaps(span) || (span.is_empty() && s.start <= span.start && span.start < s.end))
}

pub fn prev_char(s: &str, at: usize) -> Option<char> {
    s.get(..at).and_then(|p| p.chars().next_back())
}

pub fn next_char(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|p| p.chars().next())
}

/// The text after byte `at`, or "" when `at` is not a boundary.
pub fn after(s: &str, at: usize) -> &str {
    s.get(at..).unwrap_or("")
}

/// The text before byte `at`, or "" when `at` is not a boundary.
pub fn before(s: &str, at: usize) -> &str {
    s.get(..at).unwrap_or("")
}

/// A character that would make a number continue: digits, a decimal point, Latin letters.
pub fn continues_number(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '．' | '/' | '_') || ('０'..='９').contains(&c))
}

pub fn is_numeral_like(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_ascii_digit() || is_chinese_numeral_char(c) || matches!(c, '〇' | '○' | '万' | '亿' | '第' | '几' | '数')
    })
}

/// The year of the 成文日期, when it is written with four Arabic digits.
pub fn issue_year(cx: &Context) -> Option<u32> {
    let date = cx.doc.date.as_ref()?;
    let c = DATE_LINE.captures(&date.text)?;
    let y = c.name("y")?.as_str();
    if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) { y.parse().ok() } else { None }
}

/// Whether the physical source line holding `span` is a Markdown or plain-text table row.
pub fn in_table_row(text: &str, span: Span) -> bool {
    let start = text.get(..span.start).and_then(|p| p.rfind('\n')).map_or(0, |i| i + 1);
    let end = text.get(span.end..).and_then(|p| p.find('\n')).map_or(text.len(), |i| span.end + i);
    let line = text.get(start..end).unwrap_or("").trim();
    line.starts_with('|') || line.matches('|').count() >= 2 || line.contains('\t')
}

/// Arabic value of a run of ASCII digits, if it fits.
pub fn value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}
