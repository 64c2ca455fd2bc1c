//! Rendering diagnostics: human (miette), json, sarif, github, concise. Spans arrive as byte
//! ranges; this is the edge where they become lines and character columns.

use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// One file's outcome: its diagnostics, or why it could not be read.
pub enum FileOutcome {
    Linted { source: Source, diagnostics: Vec<Diagnostic> },
    Failed { path: String, code: FailureCode, message: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureCode {
    IoError,
    DecodeError,
}

impl FailureCode {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureCode::IoError => "io-error",
            FailureCode::DecodeError => "decode-error",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Concise,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

pub struct OutputOptions {
    pub lang: Lang,
    pub color: bool,
}
