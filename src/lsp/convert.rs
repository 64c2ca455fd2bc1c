//! The one edge where byte spans meet LSP positions. Everything inside gwlint speaks byte
//! ranges into the decoded text; the client speaks (line, character) in the position encoding
//! agreed at `initialize` — UTF-16 code units unless it offered UTF-8.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::source::Source;
use crate::span::Span;
use lsp_types::{DiagnosticSeverity, DiagnosticTag, NumberOrString, Position, PositionEncodingKind, Range, TextEdit};
use serde_json::json;
use std::path::{Path, PathBuf};

/// How the client counts characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PositionEncoding {
    Utf8,
    Utf16,
}

impl PositionEncoding {
    /// UTF-8 when the client offers it (no counting needed on our side), otherwise the
    /// protocol's mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> PositionEncoding {
        match offered {
            Some(list) if list.iter().any(|k| k.as_str() == PositionEncodingKind::UTF8.as_str()) => {
                PositionEncoding::Utf8
            }
            _ => PositionEncoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Clamp into the text and back onto a character boundary, so that a stale or hostile
/// offset can never split a character.
fn clamp(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

pub fn position(source: &Source, byte: usize, enc: PositionEncoding) -> Position {
    let (text, index) = (&source.text, &source.index);
    let (line, character) = match enc {
        PositionEncoding::Utf16 => index.utf16_position(text, byte),
        PositionEncoding::Utf8 => {
            let byte = clamp(text, byte);
            let line = index.line_of(byte);
            (line, byte - index.line_start(line))
        }
    };
    Position::new(to_u32(line), to_u32(character))
}

pub fn range(source: &Source, span: Span, enc: PositionEncoding) -> Range {
    Range::new(position(source, span.start, enc), position(source, span.end.max(span.start), enc))
}

/// The byte offset of a client position; lines and columns past the end clamp, as the
/// protocol asks.
pub fn offset(source: &Source, pos: Position, enc: PositionEncoding) -> usize {
    let (text, index) = (&source.text, &source.index);
    let (line, character) = (pos.line as usize, pos.character as usize);
    match enc {
        PositionEncoding::Utf16 => index.offset_of_utf16(text, line, character),
        PositionEncoding::Utf8 => index.offset_of_utf8(text, line, character),
    }
}

pub fn span(source: &Source, range: Range, enc: PositionEncoding) -> Span {
    let start = offset(source, range.start, enc);
    let end = offset(source, range.end, enc);
    Span::new(start.min(end), start.max(end))
}

pub fn text_edit(source: &Source, edit: &Edit, enc: PositionEncoding) -> TextEdit {
    TextEdit { range: range(source, edit.span(), enc), new_text: edit.replacement.clone() }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// An engine diagnostic as the editor shows it. `data` carries the rule name and the fix as
/// ready-made text edits, so a client (or this server, for a document it no longer holds)
/// can build the quick fix from the diagnostic alone.
pub fn diagnostic(source: &Source, d: &Diagnostic, enc: PositionEncoding) -> lsp_types::Diagnostic {
    let message = match &d.help {
        // Editors show only the message; the help says what to write instead, which is what a
        // 文秘 needs most, so it goes on a second line.
        Some(help) if !help.is_empty() => format!("{}\n{help}", d.message),
        _ => d.message.clone(),
    };
    let fix = d.fix.as_ref().filter(|f| f.applicability != Applicability::DisplayOnly).map(|f| {
        let edits: Vec<TextEdit> = f.edits.iter().map(|e| text_edit(source, e, enc)).collect();
        json!({ "applicability": f.applicability.as_str(), "message": f.message, "edits": edits })
    });
    let mut data = json!({ "rule": d.rule });
    if let Some(fix) = fix {
        data["fix"] = fix;
    }
    let tags = (d.code == crate::engine::UNUSED_SUPPRESSION).then(|| vec![DiagnosticTag::UNNECESSARY]);
    lsp_types::Diagnostic {
        range: range(source, d.span, enc),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: None,
        source: Some("gwlint".to_string()),
        message,
        related_information: None,
        tags,
        data: Some(data),
    }
}

/// The local path of a `file:` URI. Percent-encoded names (every Chinese file name arrives
/// that way) are decoded by `url`, which lsp-types' own URI type cannot do.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let url = url::Url::parse(uri).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// The `file:` URI of a local path (percent-encoded, as clients send them).
pub fn path_to_uri(path: &std::path::Path) -> Option<lsp_types::Uri> {
    url::Url::from_file_path(path).ok()?.as_str().parse().ok()
}

/// A name for a document that has no file (`untitled:Untitled-1`): its last segment, decoded,
/// so that the extension still tells Markdown from text.
pub fn uri_file_name(uri: &str) -> PathBuf {
    let last = uri.rsplit(['/', ':']).next().unwrap_or(uri);
    let last = last.split(['?', '#']).next().unwrap_or(last);
    PathBuf::from(percent_decode(last))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b)))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `path` is a gwlint configuration file.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == crate::config::CONFIG_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::from_text("草稿.txt", text)
    }

    #[test]
    fn astral_characters_count_two_utf16_units_and_four_bytes() {
        let s = src("第一行\n𠮷祥路,开通\n");
        let comma = s.text.find(',').unwrap();
        assert_eq!(position(&s, comma, PositionEncoding::Utf16), Position::new(1, 4));
        assert_eq!(position(&s, comma, PositionEncoding::Utf8), Position::new(1, 10));
        assert_eq!(offset(&s, Position::new(1, 4), PositionEncoding::Utf16), comma);
        assert_eq!(offset(&s, Position::new(1, 10), PositionEncoding::Utf8), comma);
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let s = src("通知\r\n正文");
        assert_eq!(offset(&s, Position::new(0, 99), PositionEncoding::Utf16), "通知".len());
        assert_eq!(offset(&s, Position::new(9, 0), PositionEncoding::Utf16), s.text.len());
        // Inside a character (a hostile UTF-8 column) falls back to its start.
        assert_eq!(offset(&s, Position::new(0, 1), PositionEncoding::Utf8), 0);
        assert_eq!(position(&s, 1, PositionEncoding::Utf8), Position::new(0, 0));
    }

    #[test]
    fn encoding_is_utf8_only_when_offered() {
        assert_eq!(PositionEncoding::negotiate(None), PositionEncoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(PositionEncoding::negotiate(Some(&offered)), PositionEncoding::Utf8);
        assert_eq!(PositionEncoding::negotiate(Some(&[PositionEncodingKind::UTF32])), PositionEncoding::Utf16);
    }

    #[test]
    fn chinese_file_uris_decode() {
        let uri = "file:///tmp/%E5%85%AC%E6%96%87/%E9%80%9A%E7%9F%A5.md";
        assert_eq!(uri_to_path(uri), Some(PathBuf::from("/tmp/公文/通知.md")));
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        assert_eq!(uri_file_name("untitled:%E8%8D%89%E7%A8%BF.md"), PathBuf::from("草稿.md"));
    }

    #[test]
    fn raw_chinese_uris_are_rejected_by_lsp_types() {
        // Why the server re-encodes incoming URIs before handing params to lsp-types.
        assert!("file:///tmp/通知.md".parse::<lsp_types::Uri>().is_err());
    }
}
