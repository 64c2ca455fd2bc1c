//! Text that content rules must not read as the draft's own words: quotations, 《》 names,
//! block quotes, code, URLs and e-mail addresses, Markdown markup, and the bodies of documents
//! the draft 印发/转发. Each rule chooses which kinds it skips.

use super::CharSummary;
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
    const COUNT: usize = 11;
    const ALL: [MaskKind; MaskKind::COUNT] = [
        MaskKind::Quote,
        MaskKind::BookTitle,
        MaskKind::BlockQuote,
        MaskKind::Code,
        MaskKind::Markup,
        MaskKind::Url,
        MaskKind::Email,
        MaskKind::FrontMatter,
        MaskKind::Comment,
        MaskKind::Forwarded,
        MaskKind::Attachment,
    ];

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
    /// Built by `finish`: for each kind, its spans merged where they overlap, sorted, so that a
    /// lookup is a binary search. `None` until `finish` (and after any later `add`), when
    /// lookups scan `spans`.
    #[serde(skip)]
    index: Option<Box<[Vec<Span>; MaskKind::COUNT]>>,
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:https?|ftp)://[!-~]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[!-~]*").unwrap());
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").unwrap());

impl Masks {
    pub fn add(&mut self, kind: MaskKind, span: Span) {
        if !span.is_empty() {
            self.spans.push((kind, span));
            self.index = None;
        }
    }

    pub fn finish(&mut self) {
        self.spans.sort_by_key(|(k, s)| (s.start, s.end, *k as u8));
        self.spans.dedup();
        let mut index: Box<[Vec<Span>; MaskKind::COUNT]> = Box::default();
        for &(kind, span) in &self.spans {
            let merged = &mut index[kind as usize];
            // Spans arrive sorted by start. Merge only spans that share a byte: two masks that
            // merely touch stay apart, so that the boundary between them is in neither (an empty
            // span there overlaps nothing, as with the separate masks).
            match merged.last_mut() {
                Some(last) if span.start < last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        self.index = Some(index);
    }

    pub fn iter(&self) -> impl Iterator<Item = &(MaskKind, Span)> {
        self.spans.iter()
    }

    pub fn covers(&self, kind: MaskKind, span: Span) -> bool {
        match &self.index {
            Some(index) => overlaps_any(&index[kind as usize], span),
            None => self.spans.iter().any(|(k, s)| *k == kind && s.overlaps(span)),
        }
    }

    /// Whether any byte of `span` lies in a mask of one of `kinds`.
    pub fn hits(&self, kinds: MaskSet, span: Span) -> bool {
        let span = if span.is_empty() { Span::new(span.start, span.start + 1) } else { span };
        match &self.index {
            Some(index) => MaskKind::ALL.iter().any(|&k| kinds.has(k) && overlaps_any(&index[k as usize], span)),
            None => self.spans.iter().any(|(k, s)| kinds.has(*k) && s.overlaps(span)),
        }
    }

    /// Mask quotations, 《》 names, URLs and e-mail addresses found in one line of content.
    /// Mask what one line holds; `chars` is the line's character summary, which says exactly
    /// whether the line holds each of the marks the masks start from (most lines hold none).
    pub fn scan_line(&mut self, text: &str, line: Span, chars: &CharSummary) {
        let s = line.text(text);
        // Each pattern needs its literal; most lines have none.
        if (chars.may_contain(':') && s.contains("://"))
            || (chars.may_contain('.') && s.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"www.")))
        {
            for m in URL.find_iter(s) {
                let end = trim_url_tail(m.as_str());
                self.add(MaskKind::Url, line.sub(m.start(), m.start() + end));
            }
        }
        if chars.may_contain('@') {
            for m in EMAIL.find_iter(s) {
                self.add(MaskKind::Email, line.sub(m.start(), m.end()));
            }
        }
        let marks = if chars.may_contain_any(&PAIRED_MARKS) { paired_marks(s) } else { Vec::new() };
        if !marks.is_empty() {
            self.scan_pairs(
                &marks,
                s.len(),
                line,
                &[('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')],
                MaskKind::Quote,
            );
            self.scan_pairs(&marks, s.len(), line, &[('《', '》'), ('〈', '〉')], MaskKind::BookTitle);
        }
        if chars.may_contain('"') {
            self.scan_straight_quotes(s, line);
        }
    }

    /// Matching pairs with nesting; an unclosed opener masks only to the end of its line, so
    /// that one broken quote cannot hide the rest of the draft. `marks` are the line's paired
    /// marks (`paired_marks`) with their offsets; `len` is the line's length.
    fn scan_pairs(&mut self, marks: &[(usize, char)], len: usize, line: Span, pairs: &[(char, char)], kind: MaskKind) {
        let mut stack: Vec<(char, usize)> = Vec::new();
        for &(i, c) in marks {
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
            self.add(kind, line.sub(start, len));
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

/// The marks that open and close quotations and titles.
const PAIRED_MARKS: [char; 12] = ['“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '〈', '〉'];

/// The paired marks of a line (`PAIRED_MARKS`) with their byte offsets. They are all
/// three-byte characters led by 0xE2 or 0xE3, so only those bytes need a closer look.
fn paired_marks(s: &str) -> Vec<(usize, char)> {
    let mut marks = Vec::new();
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b != 0xE2 && b != 0xE3 {
            continue;
        }
        // A lead byte is always a character boundary.
        if let Some(c) = s.get(i..).and_then(|rest| rest.chars().next())
            && PAIRED_MARKS.contains(&c)
        {
            marks.push((i, c));
        }
    }
    marks
}

/// Whether `span` overlaps one of `merged` (disjoint, sorted spans): the only candidate is the
/// first that ends after `span` starts.
fn overlaps_any(merged: &[Span], span: Span) -> bool {
    let i = merged.partition_point(|s| s.end <= span.start);
    merged.get(i).is_some_and(|s| s.overlaps(span))
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
        m.scan_line(text, Span::new(0, text.len()), &CharSummary::of(text));
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
    fn index_answers_as_the_plain_scan_does() {
        // Overlapping, nested, touching and duplicate masks of several kinds.
        let kinds = [MaskKind::Quote, MaskKind::BookTitle, MaskKind::Code, MaskKind::BlockQuote];
        let mut m = Masks::default();
        let mut seed = 7u32;
        for i in 0..300 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let start = (seed >> 8) as usize % 500;
            let len = 1 + (seed >> 20) as usize % if i % 10 == 0 { 200 } else { 12 };
            m.add(kinds[i % kinds.len()], Span::new(start, start + len));
        }
        m.add(MaskKind::Quote, Span::new(600, 610));
        m.add(MaskKind::Quote, Span::new(610, 620));
        let plain = Masks { spans: m.spans.clone(), index: None };
        m.finish();
        let sets = [MaskSet::NON_TEXT, MaskSet::NOT_OWN_WORDS, MaskSet::of(&[MaskKind::Quote]), MaskSet::default()];
        for start in 0..720 {
            for len in [0, 1, 3, 40] {
                let span = Span::new(start, start + len);
                for set in sets {
                    assert_eq!(m.hits(set, span), plain.hits(set, span), "{set:?} {span:?}");
                }
                for kind in kinds {
                    assert_eq!(m.covers(kind, span), plain.covers(kind, span), "{kind:?} {span:?}");
                }
            }
        }
        assert!(!m.covers(MaskKind::Quote, Span::empty(610)), "touching masks do not cover their boundary");
    }

    #[test]
    fn hits_respects_kinds() {
        let t = "甲“乙”丙";
        let mut m = Masks::default();
        m.scan_line(t, Span::new(0, t.len()), &CharSummary::of(t));
        m.finish();
        let yi = Span::new(t.find('乙').unwrap(), t.find('乙').unwrap() + 3);
        assert!(m.hits(MaskSet::NOT_OWN_WORDS, yi));
        assert!(!m.hits(MaskSet::NON_TEXT, yi));
        assert!(!m.hits(MaskSet::NOT_OWN_WORDS, Span::new(0, 3)));
    }
}
