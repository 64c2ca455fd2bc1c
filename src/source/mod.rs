//! Reading a draft: bytes → decoded text (UTF-8 ± BOM, GBK/GB18030, UTF-16 with BOM), the
//! facts needed to write it back unchanged (encoding, BOM, line endings), and the line index.

mod decode;
mod line_index;
pub(crate) use line_index::line_breaks;

pub use decode::{DecodeError, Encoding, decode, document_format, encode};
pub mod docx;
pub use line_index::{LineCol, LineIndex};

use std::path::{Path, PathBuf};

/// Why a file could not be read, in Chinese, for every front end and for config files.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        std::io::ErrorKind::IsADirectory => "这是目录而不是文件".to_string(),
        _ => format!("无法读取（{e}）"),
    }
}

/// Office and layout formats a draft may arrive in: the .docx family is read, the others are
/// named and refused (the file walker picks them all up so none passes unseen).
pub const DOCUMENT_EXTENSIONS: &[&str] = &["docx", "docm", "dotx", "doc", "dot", "wps", "wpt", "rtf", "pdf", "ofd"];

/// The dominant line ending of a file, kept so fixes write back what they read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum LineEnding {
    Lf,
    CrLf,
    Cr,
}

impl LineEnding {
    pub fn detect(text: &str) -> LineEnding {
        let bytes = text.as_bytes();
        let (mut lf, mut crlf, mut cr) = (0usize, 0usize, 0usize);
        for line_break in line_index::line_breaks(text) {
            match (line_break.len(), bytes[line_break.start]) {
                (2, _) => crlf += 1,
                (_, b'\r') => cr += 1,
                _ => lf += 1,
            }
        }
        if crlf >= lf && crlf >= cr && crlf > 0 {
            LineEnding::CrLf
        } else if cr > lf {
            LineEnding::Cr
        } else {
            LineEnding::Lf
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
            LineEnding::Cr => "\r",
        }
    }
}

/// What kind of draft this is, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum SourceKind {
    Markdown,
    Text,
    /// A Word document read as its text (one line per paragraph); fixes are written into its XML
    /// (`fix::fix_docx`), never as text.
    Docx,
}

impl SourceKind {
    pub fn from_path(path: &Path) -> SourceKind {
        match path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()) {
            Some(e) if e == "md" || e == "markdown" => SourceKind::Markdown,
            Some(e) if e == "docx" || e == "docm" || e == "dotx" => SourceKind::Docx,
            _ => SourceKind::Text,
        }
    }
}

/// A decoded draft. `text` is exactly what was read (line endings included); every span in
/// gwlint indexes into it.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub kind: SourceKind,
    pub text: String,
    pub encoding: Encoding,
    pub bom: bool,
    pub line_ending: LineEnding,
    pub index: LineIndex,
    /// The page layout, where the format carries one (.docx); its spans index into `text`.
    pub layout: Option<std::sync::Arc<crate::layout::Layout>>,
}

impl Source {
    /// Build from already-decoded text (the LSP, tests, stdin after decoding).
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Source {
        let path = path.into();
        let text = text.into();
        Source {
            kind: SourceKind::from_path(&path),
            index: LineIndex::new(&text),
            line_ending: LineEnding::detect(&text),
            path,
            text,
            encoding: Encoding::Utf8,
            bom: false,
            layout: None,
        }
    }

    /// Decode raw bytes; fails on binary or undecodable input.
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<Source, DecodeError> {
        let decoded = decode(bytes)?;
        let mut source = Source::from_text(path, decoded.text);
        source.encoding = decoded.encoding;
        source.bom = decoded.bom;
        Ok(source)
    }

    /// Read a Word document (.docx): its text, as every rule reads it, and its layout.
    /// Read a draft by its name and bytes, as every front end does: a Word package (by name or
    /// by content) as a .docx; a file named as another office or layout format refused with its
    /// name, never read as text (Word saves web pages as .doc); anything else decoded as text.
    pub fn read_named(name: impl Into<PathBuf>, bytes: &[u8]) -> Result<Source, DecodeError> {
        let name = name.into();
        let extension = name.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let word_package = document_format(bytes) == Some("Word 文档（.docx）");
        if word_package || extension.as_deref().is_some_and(|e| matches!(e, "docx" | "docm" | "dotx")) {
            return Source::from_docx(name, bytes).map_err(|e| DecodeError::Docx(e.to_string()));
        }
        if let Some(ext) = extension.filter(|e| DOCUMENT_EXTENSIONS.contains(&e.as_str())) {
            let named = match ext.as_str() {
                "pdf" => "PDF 文件（.pdf）",
                "ofd" => "OFD 版式文件（.ofd）",
                "rtf" => "RTF 文档（.rtf）",
                "wps" | "wpt" => "WPS 文档（.wps）",
                "doc" | "dot" => "Word 文档（.doc）",
                _ => "Word 文档（.docx）",
            };
            let format = document_format(bytes).filter(|f| !f.starts_with("压缩包")).unwrap_or(named);
            return Err(DecodeError::Document(format));
        }
        Source::from_bytes(name, bytes)
    }

    pub fn from_docx(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<Source, docx::DocxError> {
        let (text, layout) = docx::read_with_layout(bytes)?;
        let mut source = Source::from_text(path, text);
        source.kind = SourceKind::Docx;
        source.layout = Some(std::sync::Arc::new(layout));
        Ok(source)
    }

    /// The bytes to write for `text` in this source's own encoding and BOM.
    pub fn encode_like(&self, text: &str) -> Result<Vec<u8>, DecodeError> {
        encode(text, self.encoding, self.bom)
    }

    pub fn line_col(&self, byte: usize) -> LineCol {
        self.index.line_col(&self.text, byte)
    }

    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }
}
