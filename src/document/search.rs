//! Searching the draft once for a pattern instead of once per line.
//!
//! A rule that runs a regex on every line pays the regex engine's fixed cost of a search (about
//! a thousand instructions: its cache, its start state, the match bookkeeping) on every line,
//! most of which hold nothing for it; on short lines that cost is larger than the scan itself.
//! `Document::lines_matching` searches the whole text once and gives back the lines a match
//! touches, on which the rule then runs exactly as before.

use super::{Document, Line, Part};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;

/// Something that finds non-overlapping matches in a text: a regex, or the words of a table.
pub trait Finder {
    fn ranges<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Range<usize>> + 't>;
    /// Whether it can search the whole text for what it would find in a line (no anchors).
    fn searches_like_lines(&self) -> bool;
}

impl Finder for Regex {
    fn ranges<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
        Box::new(self.find_iter(text).map(|m| m.range()))
    }
    fn searches_like_lines(&self) -> bool {
        !has_anchor(self.as_str())
    }
}

/// A pattern built on first use, as rules keep theirs.
impl<T: Finder, F: FnOnce() -> T> Finder for std::sync::LazyLock<T, F> {
    fn ranges<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
        (**self).ranges(text)
    }
    fn searches_like_lines(&self) -> bool {
        (**self).searches_like_lines()
    }
}

/// Words found as they are (leftmost-first or leftmost-longest): a word another hides
/// overlaps the one reported, on the same line, so the argument below holds for them too.
impl Finder for AhoCorasick {
    fn ranges<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
        Box::new(self.find_iter(text).map(|m| m.range()))
    }
    fn searches_like_lines(&self) -> bool {
        true
    }
}

impl Document {
    /// The lines (in order) that a match of `finder` in the whole of `text` overlaps or touches:
    /// a superset of the lines in which it, searched on the line alone, matches.
    ///
    /// Why a superset: let the line-alone search match at `q`. The whole-text search reaches `q`
    /// (or a match before it that covers `q` — touching this line) and finds a match starting
    /// at or before `q`; if it starts inside the line it is reported here, and if it starts
    /// before the line it either ends before the line (and the search goes on towards `q`) or
    /// runs into it, touching it. This holds for every pattern that looks only at characters
    /// and at word boundaries: the end of a line and a line break look the same to `\b`.
    /// Patterns with `^`, `$`, `\A` or `\z` see the line's ends and the text's differently and
    /// may not be searched this way (checked in debug builds).
    pub fn lines_matching<'d>(
        &'d self,
        text: &str,
        finder: &impl Finder,
    ) -> impl Iterator<Item = &'d (Line, Part)> + 'd {
        debug_assert!(finder.searches_like_lines(), "lines_matching needs a pattern without anchors");
        let lines = &self.lines;
        let mut touched: Vec<usize> = Vec::new();
        for m in finder.ranges(text) {
            let mut i = lines.partition_point(|(line, _)| line.span.end < m.start);
            while let Some((line, _)) = lines.get(i) {
                if line.span.start > m.end {
                    break;
                }
                // In order and each once, even where lines abut (one match may end where the
                // next begins, at the boundary of two lines).
                if touched.last().is_none_or(|&last| i > last) {
                    touched.push(i);
                }
                i += 1;
            }
        }
        touched.into_iter().map(move |i| &lines[i])
    }
}

/// Whether a regex pattern holds `^`, `$`, `\A` or `\z` outside a character class.
fn has_anchor(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    let mut class_depth = 0_usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let escaped = chars.next();
                if class_depth == 0 && matches!(escaped, Some('A' | 'z')) {
                    return true;
                }
            }
            '[' => class_depth += 1,
            ']' if class_depth > 0 => class_depth -= 1,
            '^' | '$' if class_depth == 0 => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    #[test]
    fn anchors_are_told_from_classes_and_escapes() {
        assert!(has_anchor("^第"));
        assert!(has_anchor("年$"));
        assert!(has_anchor(r"\A年"));
        assert!(!has_anchor("[^年]+"));
        assert!(!has_anchor(r"[0-9\]^]年"));
        assert!(!has_anchor(r"\$\^年"));
        assert!(!has_anchor(r"[[:digit:]&&[^5]]年\b"));
    }

    #[test]
    fn the_lines_found_at_once_hold_every_line_match() {
        // Lines searched one by one against the whole text searched once, for patterns that
        // can and cannot cross a line break, on LF and CRLF text and lines run together.
        let patterns = [r"[0-9]+年", r"\s*年\s*", r"年[^。]*。", r"\b[A-Z]{2,}\b", r"(?:百|千)?万", r"x*"];
        for body in ["2024年\n第一季度\r\n今年 年底。\n 年\nAB CD\n\n三千万\n", "年\n\n年年。\r\n\r\nXY年"]
        {
            let source = Source::from_text("t.txt", body);
            let (text, doc) = (&source.text, super::super::recognise(&source));
            for pattern in patterns {
                let re = Regex::new(pattern).unwrap();
                let found: Vec<usize> = doc.lines_matching(text, &re).map(|(l, _)| l.span.start).collect();
                for (line, _) in &doc.lines {
                    if re.is_match(line.span.text(text)) {
                        assert!(found.contains(&line.span.start), "{pattern} {:?}", line.span.text(text));
                    }
                }
                let mut sorted = found.clone();
                sorted.dedup();
                assert_eq!(sorted, found, "each line once, in order");
            }
        }
    }
}
