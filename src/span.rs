//! Byte ranges into the decoded text. Every span in gwlint is one of these; conversion to
//! characters, lines or UTF-16 happens only at the output edge (see `source::LineIndex`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// A sub-span given relative offsets inside `self`.
    pub fn sub(&self, rel_start: usize, rel_end: usize) -> Span {
        Span::new(self.start + rel_start, self.start + rel_end)
    }

    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A piece of the document: its text (borrowed from the source on demand) and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    pub text: String,
    pub span: Span,
}

impl Field {
    pub fn new(text: &str, span: Span) -> Self {
        Field { text: text.to_string(), span }
    }
}
