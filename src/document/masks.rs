//! Text that content rules must not read as the draft's own words: quotations, 《》 names,
//! block quotes, code, URLs and e-mail addresses, Markdown markup, and the bodies of documents
//! the draft 印发/转发. Each rule chooses which kinds it skips.

use crate::span::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum MaskKind {
    /// “…” ‘…’ 「…」 and straight "…" around Chinese.
    Quote,
    /// 《…》 〈…〉
    BookTitle,
    BlockQuote,
    Code,
    Markup,
    Url,
    Email,
    FrontMatter,
    Comment,
    /// The body of an attached document that the draft 印发/转发/批转.
    Forwarded,
    /// Any attachment after the 成文日期.
    Attachment,
}

impl MaskKind {
    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of mask kinds, for `Masks::hits`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MaskSet(u16);

impl MaskSet {
    pub const fn of(kinds: &[MaskKind]) -> MaskSet {
        let mut bits = 0;
        let mut i = 0;
        while i < kinds.len() {
            bits |= kinds[i].bit();
            i += 1;
        }
        MaskSet(bits)
    }

    pub const fn with(self, kind: MaskKind) -> MaskSet {
        MaskSet(self.0 | kind.bit())
    }

    pub fn has(self, kind: MaskKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// Never text: markup, code, links, comments and front matter. Every rule skips these.
    pub const NON_TEXT: MaskSet = MaskSet::of(&[
        MaskKind::Code,
        MaskKind::Markup,
        MaskKind::Url,
        MaskKind::Email,
        MaskKind::FrontMatter,
        MaskKind::Comment,
    ]);

    /// What content rules (request language, orders, wording) skip: also other people's words.
    pub const NOT_OWN_WORDS: MaskSet = MaskSet::NON_TEXT
        .with(MaskKind::Quote)
        .with(MaskKind::BookTitle)
        .with(MaskKind::BlockQuote)
        .with(MaskKind::Forwarded);
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Masks {
    spans: Vec<(MaskKind, Span)>,
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:https?|ftp)://[!-~]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[!-~]*").unwrap());
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").unwrap());

impl Masks {
    pub fn add(&mut self, kind: MaskKind, span: Span) {
        if !span.is_empty() {
            self.spans.push((kind, span));
        }
    }

    pub fn finish(&mut self) {
        self.spans.sort_by_key(|(k, s)| (s.start, s.end, *k as u8));
        self.spans.dedup();
    }

    pub fn iter(&self) -> impl Iterator<Item = &(MaskKind, Span)> {
        self.spans.iter()
    }

    pub fn covers(&self, kind: MaskKind, span: Span) -> bool {
        self.spans.iter().any(|(k, s)| *k == kind && s.overlaps(span))
    }

    /// Whether any byte of `span` lies in a mask of one of `kinds`.
    pub fn hits(&self, kinds: MaskSet, span: Span) -> bool {
        let span = if span.is_empty() { Span::new(span.start, span.start + 1) } else { span };
        // Spans are sorted by start; skip those that start after `span` ends.
        let upto = self.spans.partition_point(|(_, s)| s.start < span.end);
        self.spans[..upto].iter().any(|(k, s)| kinds.has(*k) && s.overlaps(span))
    }

    /// Mask quotations, 《》 names, URLs and e-mail addresses found in one line of content.
    pub fn scan_line(&mut self, text: &str, line: Span) {
        let s = line.text(text);
        for m in URL.find_iter(s) {
            let end = trim_url_tail(m.as_str());
            self.add(MaskKind::Url, line.sub(m.start(), m.start() + end));
        }
        for m in EMAIL.find_iter(s) {
            self.add(MaskKind::Email, line.sub(m.start(), m.end()));
        }
        self.scan_pairs(s, line, &[('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')], MaskKind::Quote);
        self.scan_pairs(s, line, &[('《', '》'), ('〈', '〉')], MaskKind::BookTitle);
        self.scan_straight_quotes(s, line);
    }

    /// Matching pairs with nesting; an unclosed opener masks only to the end of its line, so
    /// that one broken quote cannot hide the rest of the draft.
    fn scan_pairs(&mut self, s: &str, line: Span, pairs: &[(char, char)], kind: MaskKind) {
        let mut stack: Vec<(char, usize)> = Vec::new();
        for (i, c) in s.char_indices() {
            if let Some(&(_, close)) = pairs.iter().find(|(open, _)| *open == c) {
                stack.push((close, i));
            } else if pairs.iter().any(|(_, close)| *close == c)
                && let Some(pos) = stack.iter().rposition(|(close, _)| *close == c)
            {
                let (_, start) = stack[pos];
                stack.truncate(pos);
                if stack.is_empty() || kind == MaskKind::Quote {
                    self.add(kind, line.sub(start, i + c.len_utf8()));
                }
            }
        }
        if let Some(&(_, start)) = stack.first() {
            self.add(kind, line.sub(start, s.len()));
        }
    }

    fn scan_straight_quotes(&mut self, s: &str, line: Span) {
        let positions: Vec<usize> = s.match_indices('"').map(|(i, _)| i).collect();
        for pair in positions.chunks_exact(2) {
            let inner = &s[pair[0] + 1..pair[1]];
            if inner.chars().any(crate::lang::is_han) {
                self.add(MaskKind::Quote, line.sub(pair[0], pair[1] + 1));
            }
        }
    }
}

/// A URL written in Chinese text usually runs straight into punctuation: stop before it.
fn trim_url_tail(url: &str) -> usize {
    url.trim_end_matches(['.', ',', ';', ':', ')', '"', '\'', '!', '?']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> Vec<(MaskKind, &str)> {
        let mut m = Masks::default();
        m.scan_line(text, Span::new(0, text.len()));
        m.finish();
        m.iter().map(|(k, s)| (*k, s.text(text))).collect()
    }

    #[test]
    fn quotes_titles_and_links() {
        let t = "报告称“妥否，请批示”，见《关于“两个确立”的通知》和https://www.gov.cn/a.html。";
        let m = masked(t);
        assert!(m.contains(&(MaskKind::Quote, "“妥否，请批示”")));
        assert!(m.contains(&(MaskKind::BookTitle, "《关于“两个确立”的通知》")));
        assert!(m.contains(&(MaskKind::Url, "https://www.gov.cn/a.html")));
    }

    #[test]
    fn unclosed_quote_stops_at_line_end() {
        let t = "他说“请批示";
        assert_eq!(masked(t), [(MaskKind::Quote, "“请批示")]);
    }

    #[test]
    fn hits_respects_kinds() {
        let t = "甲“乙”丙";
        let mut m = Masks::default();
        m.scan_line(t, Span::new(0, t.len()));
        m.finish();
        let yi = Span::new(t.find('乙').unwrap(), t.find('乙').unwrap() + 3);
        assert!(m.hits(MaskSet::NOT_OWN_WORDS, yi));
        assert!(!m.hits(MaskSet::NON_TEXT, yi));
        assert!(!m.hits(MaskSet::NOT_OWN_WORDS, Span::new(0, 3)));
    }
}
