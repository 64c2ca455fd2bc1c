//! What a rule reports: a diagnostic with its span, message, help and an optional fix made of
//! byte-range edits. Nothing here knows about any particular rule.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" | "提示" => Some(Severity::Info),
            "warning" | "warn" | "警告" => Some(Severity::Warning),
            "error" | "错误" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How safe it is to apply a fix without a human looking (ruff's three classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Only shown; never applied.
    DisplayOnly,
    /// Applied with `--unsafe-fixes`.
    Unsafe,
    /// Applied by `--fix`.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub byte_start: usize,
    pub byte_end: usize,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Edit {
        Edit { byte_start: span.start, byte_end: span.end, replacement: replacement.into() }
    }

    pub fn delete(span: Span) -> Edit {
        Edit::replace(span, "")
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit::replace(Span::empty(at), text)
    }

    pub fn span(&self) -> Span {
        Span::new(self.byte_start, self.byte_end)
    }
}

/// A change of formatting in a Word document — what GB/T 9704 prescribes for an element. Text
/// sources have no formatting; only a .docx is changed by these (`fix::fix_docx`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LayoutEdit {
    /// Every section's paper size and margins, in twips (twentieths of a point).
    PageSetup { width: i32, height: i32, top: i32, bottom: i32, left: i32, right: i32 },
    /// The alignment (`center`, `right`, `both`, `left`) of every paragraph whose text lies in
    /// the byte range.
    ParagraphAlign { byte_start: usize, byte_end: usize, align: String },
    /// Indents of every paragraph whose text lies in the byte range, in hundredths of a
    /// character (`200`: two characters) of `size` (half-points); `None` leaves one as it is.
    ParagraphIndent {
        byte_start: usize,
        byte_end: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        first_line: Option<i32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        left: Option<i32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        right: Option<i32>,
        size: u32,
    },
    /// An exact line spacing (twips) for every paragraph whose text lies in the byte range.
    LineSpacing { byte_start: usize, byte_end: usize, exact: i32 },
    /// Every section's document grid: the line pitch (twips) and, for a character grid, the
    /// character spacing added to the default size (1/4096 pt).
    DocGrid {
        line_pitch: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        char_space: Option<i32>,
    },
    /// A red line under every paragraph whose text lies in the byte range (its bottom border):
    /// the 版头's separator line.
    RedRule { byte_start: usize, byte_end: usize },
    /// Page numbers `— 1 —` in the footers, placed `outside` (odd right, even left: the
    /// standard), `centre` or `right`.
    PageNumbers { position: String },
    /// The font for Chinese, the size (half-points) or the colour (`RRGGBB`) of every run whose
    /// text lies in the byte range.
    RunFormat {
        byte_start: usize,
        byte_end: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        east_asia: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        size: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        color: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub message: String,
    pub edits: Vec<Edit>,
    /// Formatting changes, for a .docx.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layout: Vec<LayoutEdit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix { applicability: Applicability::Safe, message: message.into(), edits, layout: Vec::new() }
    }

    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix { applicability: Applicability::Unsafe, message: message.into(), edits, layout: Vec::new() }
    }

    pub fn display_only(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix { applicability: Applicability::DisplayOnly, message: message.into(), edits, layout: Vec::new() }
    }

    /// A safe change of formatting only: it never touches a word.
    pub fn layout(message: impl Into<String>, layout: Vec<LayoutEdit>) -> Fix {
        Fix { applicability: Applicability::Safe, message: message.into(), edits: Vec::new(), layout }
    }

    /// The smallest span covering every edit.
    pub fn span(&self) -> Option<Span> {
        self.edits.iter().map(Edit::span).reduce(|a, b| a.cover(b))
    }
}

/// A finding, before it is placed in a file for output. `code`, `rule`, `category` and
/// `source` come from the rule's metadata and are filled in by the engine. (De)serializable for
/// the CLI's result cache.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    // Code, name, category and citation are nearly always the rule's own static text: borrowed,
    // they cost no allocation per finding (a large corpus has hundreds of thousands).
    pub code: Text,
    pub rule: Text,
    pub category: Text,
    pub severity: Severity,
    pub message: String,
    /// English rendering of `message`, shown with `--lang en` when present.
    pub message_en: Option<String>,
    pub source: Text,
    pub span: Span,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

/// Text that is usually static (a rule's metadata) and sometimes made at run time.
pub type Text = std::borrow::Cow<'static, str>;

/// What a rule hands the engine: everything else comes from its metadata.
#[derive(Clone, Debug)]
pub struct Finding {
    pub span: Span,
    pub message: String,
    pub message_en: Option<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// Overrides the rule's default severity (e.g. a heuristic match reported lower).
    pub severity: Option<Severity>,
    /// Overrides the rule's cited source when one finding rests on a different article.
    pub source: Option<String>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>) -> Finding {
        Finding { span, message: message.into(), message_en: None, help: None, fix: None, severity: None, source: None }
    }

    pub fn en(mut self, message: impl Into<String>) -> Finding {
        self.message_en = Some(message.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }

    /// The one fix several findings share, carried by the first of them (`shared` is then
    /// empty): each finding shows the same change, which is applied once.
    pub fn fix_once(mut self, shared: &mut Option<Fix>) -> Finding {
        if let Some(fix) = shared.take() {
            self.fix = Some(fix);
        }
        self
    }

    pub fn severity(mut self, severity: Severity) -> Finding {
        self.severity = Some(severity);
        self
    }

    pub fn source(mut self, source: impl Into<String>) -> Finding {
        self.source = Some(source.into());
        self
    }
}
