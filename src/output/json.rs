//! `--format json`: one pretty-printed JSON array of diagnostic objects (the contract's fields),
//! in file then position order, followed by a newline. Written element by element as files are
//! finished, so the array never has to be held whole.

use super::{Item, Lang, OutputOptions, message, position};
use crate::diagnostic::Diagnostic;
use crate::source::{LineCol, Source};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Diagnostic(DiagnosticJson<'a>),
    Failed(FailedJson<'a>),
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    path: &'a str,
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

impl From<LineCol> for Location {
    fn from(lc: LineCol) -> Self {
        Location { line: lc.line, column: lc.column }
    }
}

#[derive(Serialize)]
struct FixJson<'a> {
    applicability: &'static str,
    message: &'a str,
    edits: Vec<EditJson<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    layout: &'a [crate::diagnostic::LayoutEdit],
}

#[derive(Serialize)]
struct EditJson<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct FailedJson<'a> {
    path: &'a str,
    code: &'static str,
    severity: &'static str,
    message: &'a str,
}

fn diagnostic_json<'a>(path: &'a str, source: &Source, d: &'a Diagnostic, lang: Lang) -> DiagnosticJson<'a> {
    let pos = position(source, d.span);
    DiagnosticJson {
        path,
        code: &d.code,
        rule: &d.rule,
        category: &d.category,
        severity: d.severity.as_str(),
        message: message(d, lang),
        source: &d.source,
        start: pos.start.into(),
        end: pos.end.into(),
        byte_start: pos.byte_start,
        byte_end: pos.byte_end,
        help: d.help.as_deref(),
        fix: d.fix.as_ref().map(|f| FixJson {
            applicability: f.applicability.as_str(),
            message: &f.message,
            edits: f
                .edits
                .iter()
                .map(|e| EditJson { byte_start: e.byte_start, byte_end: e.byte_end, replacement: &e.replacement })
                .collect(),
            layout: &f.layout,
        }),
    }
}

/// One file's entries, each written as the array's next element.
pub(super) fn item(item: &Item<'_>, opts: &OutputOptions, written: &mut usize, out: &mut dyn Write) -> io::Result<()> {
    let mut entry = |e: Entry<'_>| -> io::Result<()> {
        out.write_all(if *written == 0 { b"[\n" } else { b",\n" })?;
        *written += 1;
        super::write_indented(out, &e, 2)
    };
    match item {
        Item::Linted { path, source, diagnostics } => {
            for d in diagnostics {
                entry(Entry::Diagnostic(diagnostic_json(path, source, d, opts.lang)))?;
            }
        }
        Item::Failed { path, code, message } => {
            entry(Entry::Failed(FailedJson { path, code: code.as_str(), severity: "error", message }))?
        }
    }
    Ok(())
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

    #[test]
    fn no_diagnostics_is_an_empty_array() {
        let mut out = Vec::new();
        crate::output::render(&[], crate::output::Format::Json, &zh(), &[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
