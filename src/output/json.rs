//! `--format json`: one pretty-printed JSON array of diagnostic objects (the contract's fields),
//! in file then position order, followed by a newline. Written element by element as files are
//! finished, so the array never has to be held whole.

use super::{Item, ItemDiagnostic, Lang, OutputOptions, message};
use std::io::{self, Write};

// The array is written by hand rather than through serde: a warm cached run over a large
// archive is mostly this loop, and serde's pretty printer (re-indented line by line) cost
// several times more. The tests check the bytes against serde_json's own pretty printing.

/// One file's entries, each written as the array's next element.
pub(super) fn item(item: &Item<'_>, opts: &OutputOptions, written: &mut usize, buf: &mut Vec<u8>) -> io::Result<()> {
    match item {
        Item::Linted { path, diagnostics, .. } => {
            for x in diagnostics {
                buf.extend_from_slice(if *written == 0 { b"[\n" } else { b",\n" });
                *written += 1;
                diagnostic(buf, path, x, opts.lang)?;
            }
        }
        Item::Failed { path, code, message } => {
            buf.extend_from_slice(if *written == 0 { b"[\n" } else { b",\n" });
            *written += 1;
            let mut o = Object::open(buf, 1);
            o.str("path", path);
            o.str("code", code.as_str());
            o.str("severity", "error");
            o.str("message", message);
            o.close();
        }
    }
    Ok(())
}

fn diagnostic(buf: &mut Vec<u8>, path: &str, x: &ItemDiagnostic<'_>, lang: Lang) -> io::Result<()> {
    let (d, at) = (x.d, &x.at);
    let mut o = Object::open(buf, 1);
    o.str("path", path);
    o.str("code", &d.code);
    o.str("rule", &d.rule);
    o.str("category", &d.category);
    o.str("severity", d.severity.as_str());
    o.str("message", message(d, lang));
    o.str("source", &d.source);
    for (key, lc) in [("start", at.start), ("end", at.end)] {
        let mut p = o.object(key);
        p.num("line", lc.line);
        p.num("column", lc.column);
        p.close();
    }
    o.num("byte_start", at.byte_start);
    o.num("byte_end", at.byte_end);
    match &d.help {
        Some(help) => o.str("help", help),
        None => o.raw("help", b"null"),
    }
    match &d.fix {
        None => o.raw("fix", b"null"),
        Some(fix) => {
            let mut f = o.object("fix");
            f.str("applicability", fix.applicability.as_str());
            f.str("message", &fix.message);
            if fix.edits.is_empty() {
                f.raw("edits", b"[]");
            } else {
                f.key("edits");
                f.buf.extend_from_slice(b"[");
                for (i, e) in fix.edits.iter().enumerate() {
                    f.buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
                    let mut eo = Object::open(f.buf, f.depth + 2);
                    eo.num("byte_start", e.byte_start);
                    eo.num("byte_end", e.byte_end);
                    eo.str("replacement", &e.replacement);
                    eo.close();
                }
                f.buf.push(b'\n');
                indent(f.buf, f.depth + 1);
                f.buf.push(b']');
            }
            if !fix.layout.is_empty() {
                // Rare (a .docx's formatting fixes) and deeply nested: serde writes it.
                f.key("layout");
                let mut nested = Vec::new();
                let pad = 2 * (f.depth + 1);
                super::write_indented(&mut nested, &fix.layout, pad)?;
                f.buf.extend_from_slice(&nested[pad..]);
            }
            f.close();
        }
    }
    o.close();
    Ok(())
}

/// A JSON object being written as serde_json's pretty printer writes it (two spaces a level),
/// its opening brace already at `depth`.
struct Object<'b> {
    buf: &'b mut Vec<u8>,
    depth: usize,
    fields: usize,
}

impl<'b> Object<'b> {
    /// Start an object on a line of its own at `depth`.
    fn open(buf: &'b mut Vec<u8>, depth: usize) -> Object<'b> {
        indent(buf, depth);
        buf.push(b'{');
        Object { buf, depth, fields: 0 }
    }

    fn key(&mut self, key: &str) {
        self.buf.extend_from_slice(if self.fields == 0 { b"\n" } else { b",\n" });
        self.fields += 1;
        indent(self.buf, self.depth + 1);
        string(self.buf, key);
        self.buf.extend_from_slice(b": ");
    }

    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        string(self.buf, value);
    }

    fn num(&mut self, key: &str, value: usize) {
        self.key(key);
        self.buf.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    fn raw(&mut self, key: &str, value: &[u8]) {
        self.key(key);
        self.buf.extend_from_slice(value);
    }

    /// A nested object as this one's next field.
    fn object(&mut self, key: &str) -> Object<'_> {
        self.key(key);
        self.buf.push(b'{');
        Object { buf: self.buf, depth: self.depth + 1, fields: 0 }
    }

    fn close(self) {
        if self.fields == 0 {
            self.buf.push(b'}');
        } else {
            self.buf.push(b'\n');
            indent(self.buf, self.depth);
            self.buf.push(b'}');
        }
    }
}

fn indent(buf: &mut Vec<u8>, depth: usize) {
    buf.resize(buf.len() + 2 * depth, b' ');
}

/// A JSON string as serde_json writes it: `"` and `\\` escaped, control characters as short
/// escapes where JSON has one and `\\u00XX` otherwise, everything else (Chinese included) as is.
pub(crate) fn string(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let bytes = s.as_bytes();
    // Most strings need no escape at all; this test has no early exit, so it vectorises.
    let plain = !bytes.iter().fold(false, |any, &b| any | (b < 0x20) | (b == b'"') | (b == b'\\'));
    if plain {
        buf.extend_from_slice(bytes);
        buf.push(b'"');
        return;
    }
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        buf.extend_from_slice(&bytes[from..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            buf.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
        } else {
            buf.extend_from_slice(escape);
        }
        from = i + 1;
    }
    buf.extend_from_slice(&bytes[from..]);
    buf.push(b'"');
}

/// Close the array (`[]` when nothing was written).
pub(super) fn finish(written: usize, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(if written == 0 { b"[]\n" } else { b"\n]\n" })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Format, Lang, OutputOptions};
    use serde_json::{Value, json};

    fn parse(opts: &OutputOptions) -> Vec<Value> {
        let text = render_to_string(Format::Json, opts);
        assert!(text.ends_with("]\n"));
        assert!(text.contains("\n  {\n    \"path\""), "2-space pretty print: {text}");
        match serde_json::from_str(&text).unwrap() {
            Value::Array(items) => items,
            other => panic!("not an array: {other}"),
        }
    }

    #[test]
    fn diagnostic_object_has_contract_fields_with_character_columns() {
        let items = parse(&zh());
        // Failed file "草稿/损坏 文件.txt" sorts before "草稿/请示.md".
        assert_eq!(items.len(), 2);
        let d = &items[1];
        assert_eq!(
            d,
            &json!({
                "path": "草稿/请示.md",
                "code": "GW302",
                "rule": "doc-number-format",
                "category": "格式",
                "severity": "error",
                "message": "发文字号的年份应使用六角括号〔〕",
                "source": "GB/T 9704—2012 7.2.4",
                "start": { "line": 2, "column": 3 },
                "end": { "line": 2, "column": 9 },
                "byte_start": 34,
                "byte_end": 40,
                "help": "改为：江府〔2023〕20号",
                "fix": {
                    "applicability": "safe",
                    "message": "将方括号改为六角括号",
                    "edits": [
                        { "byte_start": 34, "byte_end": 35, "replacement": "〔" },
                        { "byte_start": 39, "byte_end": 40, "replacement": "〕" }
                    ]
                }
            })
        );
    }

    #[test]
    fn failed_file_object_has_no_span_fields() {
        let items = parse(&zh());
        assert_eq!(
            items[0],
            json!({
                "path": "草稿/损坏 文件.txt",
                "code": "decode-error",
                "severity": "error",
                "message": "不是文本文件（含 NUL 字节或控制字符）"
            })
        );
    }

    #[test]
    fn english_message_and_null_help_and_fix() {
        let mut d = diagnostic();
        d.help = None;
        d.fix = None;
        let outcomes = vec![super::super::FileOutcome::Linted {
            source: crate::source::Source::from_text("a.md", TEXT),
            diagnostics: vec![d],
        }];
        let mut out = Vec::new();
        let opts = OutputOptions { lang: Lang::En, color: false, summary: true, statistics: false };
        crate::output::render(&outcomes, crate::output::Format::Json, &opts, &[], &mut out).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v[0]["message"], "The year in a document number takes 〔〕 brackets");
        assert_eq!(v[0]["help"], Value::Null);
        assert_eq!(v[0]["fix"], Value::Null);
    }

    /// The bytes written by hand equal serde_json's pretty printing of the same objects (the
    /// contract's fields, in order) — with escapes, null help and fix, no edits, several
    /// edits, formatting fixes, and a file that could not be read.
    #[test]
    fn hand_written_array_equals_serde_pretty_printing() {
        use crate::diagnostic::{Applicability, Fix, LayoutEdit};
        let mut escaped = diagnostic();
        escaped.message = "引号\"反斜杠\\换行\n回车\r制表\t\u{8}\u{c}\u{1}\u{1f}\u{7f}末".into();
        escaped.help = None;
        escaped.fix = None;
        let mut no_edits = diagnostic();
        no_edits.fix = Some(Fix {
            applicability: Applicability::Unsafe,
            message: "版式".into(),
            edits: Vec::new(),
            layout: vec![
                LayoutEdit::PageNumbers { position: "outside".into() },
                LayoutEdit::ParagraphIndent {
                    byte_start: 1,
                    byte_end: 2,
                    first_line: Some(2),
                    left: None,
                    right: None,
                    size: 16,
                },
            ],
        });
        let outcomes = vec![
            super::super::FileOutcome::Linted {
                source: crate::source::Source::from_text("草稿/a\"b.md", TEXT),
                diagnostics: vec![diagnostic(), escaped, no_edits],
            },
            super::super::FileOutcome::Failed {
                path: "草稿/坏.txt".into(),
                code: super::super::FailureCode::DecodeError,
                message: "不是\t文本".into(),
            },
        ];
        let mut out = Vec::new();
        crate::output::render(&outcomes, Format::Json, &zh(), &[], &mut out).unwrap();
        let written = String::from_utf8(out).unwrap();
        let mut expected = serde_json::to_string_pretty(&oracle::entries(&outcomes)).unwrap();
        expected.push('\n');
        assert_eq!(written, expected);
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap().as_array().unwrap().len(), 4);
    }

    /// The contract's objects as serde derives them, the reference for the hand-written bytes.
    mod oracle {
        use crate::diagnostic::LayoutEdit;
        use crate::output::{FileOutcome, Item};
        use serde::Serialize;

        #[derive(Serialize)]
        #[serde(untagged)]
        pub enum Entry<'a> {
            Diagnostic(DiagnosticJson<'a>),
            Failed { path: String, code: &'static str, severity: &'static str, message: &'a str },
        }

        #[derive(Serialize)]
        pub struct DiagnosticJson<'a> {
            path: String,
            code: &'a str,
            rule: &'a str,
            category: &'a str,
            severity: &'static str,
            message: &'a str,
            source: &'a str,
            start: Location,
            end: Location,
            byte_start: usize,
            byte_end: usize,
            help: Option<&'a str>,
            fix: Option<FixJson<'a>>,
        }

        #[derive(Serialize)]
        struct Location {
            line: usize,
            column: usize,
        }

        #[derive(Serialize)]
        struct FixJson<'a> {
            applicability: &'static str,
            message: &'a str,
            edits: Vec<EditJson<'a>>,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            layout: &'a [LayoutEdit],
        }

        #[derive(Serialize)]
        struct EditJson<'a> {
            byte_start: usize,
            byte_end: usize,
            replacement: &'a str,
        }

        pub fn entries(outcomes: &[FileOutcome]) -> Vec<Entry<'_>> {
            let mut order: Vec<&FileOutcome> = outcomes.iter().collect();
            order.sort_by_cached_key(|o| std::path::PathBuf::from(o.display_path()));
            let mut entries = Vec::new();
            for outcome in order {
                match Item::of(outcome) {
                    Item::Linted { path, diagnostics, .. } => {
                        for x in diagnostics {
                            let d = x.d;
                            entries.push(Entry::Diagnostic(DiagnosticJson {
                                path: path.clone(),
                                code: &d.code,
                                rule: &d.rule,
                                category: &d.category,
                                severity: d.severity.as_str(),
                                message: &d.message,
                                source: &d.source,
                                start: Location { line: x.at.start.line, column: x.at.start.column },
                                end: Location { line: x.at.end.line, column: x.at.end.column },
                                byte_start: x.at.byte_start,
                                byte_end: x.at.byte_end,
                                help: d.help.as_deref(),
                                fix: d.fix.as_ref().map(|f| FixJson {
                                    applicability: f.applicability.as_str(),
                                    message: &f.message,
                                    edits: f
                                        .edits
                                        .iter()
                                        .map(|e| EditJson {
                                            byte_start: e.byte_start,
                                            byte_end: e.byte_end,
                                            replacement: &e.replacement,
                                        })
                                        .collect(),
                                    layout: &f.layout,
                                }),
                            }));
                        }
                    }
                    Item::Failed { path, code, message } => {
                        entries.push(Entry::Failed { path, code: code.as_str(), severity: "error", message })
                    }
                }
            }
            entries
        }
    }

    #[test]
    fn no_diagnostics_is_an_empty_array() {
        let mut out = Vec::new();
        crate::output::render(&[], crate::output::Format::Json, &zh(), &[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
