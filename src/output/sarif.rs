//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//!
//! - One run; `tool.driver.rules` lists every rule that has a result, in the order of its first
//!   result, and each result's `ruleIndex` points into that list. The results are written as
//!   files finish, the tool and the invocation after them (member order means nothing in JSON). A code missing from the rule table (a user
//!   rule, say) gets a minimal descriptor built from the diagnostic, so `ruleIndex` always holds.
//! - `columnKind` is `unicodeCodePoints`; regions are 1-based with an exclusive `endColumn`.
//! - Artifact URIs are the relative display paths with forward slashes; characters that are
//!   not allowed in a URI path (space, `%`, `#`, `?` …) are percent-encoded, Chinese is kept.
//!   Absolute paths become `file://` URIs.
//! - `fixes[].artifactChanges[].replacements[].deletedRegion` uses `byteOffset`/`byteLength`
//!   for UTF-8 files (offsets of the file's bytes, i.e. the decoded text's offsets plus 3 when
//!   the file has a BOM). For GB18030 and UTF-16 files a decoded-text byte offset would not be
//!   a file offset, so the region is given as lines and character columns instead.
//! - Unreadable files become `invocations[0].toolExecutionNotifications` (level `error`), and
//!   `executionSuccessful` is false when there is any.

use super::{Item, ItemDiagnostic, OutputOptions, Position, message};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleMeta;
use crate::source::Encoding;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::io::{self, Write};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The opening of the log, up to the results array.
pub(super) fn begin(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
    )
}

/// What the run's closing needs: the rules that have results, in order of their first result
/// (each result's `ruleIndex` points into it), and the notices of unreadable files.
#[derive(Default)]
pub(super) struct Run {
    index: BTreeMap<String, usize>,
    descriptors: Vec<Value>,
    notifications: Vec<Value>,
}

impl Run {
    /// One file: its results, written at once; or its notice, kept for the end.
    pub(super) fn item(
        &mut self,
        item: &Item<'_>,
        opts: &OutputOptions,
        rules: &[&'static RuleMeta],
        written: &mut usize,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match item {
            Item::Linted { path, encoding, bom, diagnostics, .. } => {
                let uri = artifact_uri(path);
                for x in diagnostics {
                    let d = x.d;
                    let next = self.descriptors.len();
                    let rule_index = *self.index.entry(d.code.to_string()).or_insert(next);
                    if rule_index == next {
                        self.descriptors.push(match rules.iter().find(|r| r.code == d.code) {
                            Some(meta) => rule_descriptor(meta),
                            None => fallback_descriptor(d),
                        });
                    }
                    out.write_all(if *written == 0 { b"\n" } else { b",\n" })?;
                    *written += 1;
                    super::write_indented(out, &result(x, (*encoding, *bom), &uri, rule_index, opts), 8)?;
                }
            }
            Item::Failed { path, code, message } => self.notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{path}: {message}") },
                "descriptor": { "id": code.as_str() },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": artifact_uri(path) } }
                }],
            })),
        }
        Ok(())
    }

    /// Close the results, then the tool (with its rule table) and the invocation.
    pub(super) fn finish(&mut self, written: usize, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if written == 0 { b"],\n" } else { b"\n      ],\n" })?;
        let tool = json!({
            "driver": {
                "name": "gwlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": std::mem::take(&mut self.descriptors),
            }
        });
        let mut invocation = Map::new();
        invocation.insert("executionSuccessful".into(), Value::Bool(self.notifications.is_empty()));
        if !self.notifications.is_empty() {
            invocation
                .insert("toolExecutionNotifications".into(), Value::Array(std::mem::take(&mut self.notifications)));
        }
        out.write_all(b"      \"tool\": ")?;
        write_continued(out, &tool, 6)?;
        out.write_all(b",\n      \"invocations\": ")?;
        write_continued(out, &json!([Value::Object(invocation)]), 6)?;
        out.write_all(b"\n    }\n  ]\n}\n")
    }
}

/// A value after its key: its first line stays on the key's line, the rest are indented.
fn write_continued(out: &mut dyn Write, value: &Value, indent: usize) -> io::Result<()> {
    let mut text = Vec::new();
    super::write_indented(&mut text, value, indent)?;
    out.write_all(&text[indent..])
}

fn rule_descriptor(meta: &RuleMeta) -> Value {
    let mut rule = Map::new();
    rule.insert("id".into(), meta.code.into());
    rule.insert("name".into(), meta.name.into());
    rule.insert("shortDescription".into(), json!({ "text": meta.summary }));
    if !meta.source.is_empty() {
        rule.insert("fullDescription".into(), json!({ "text": meta.source }));
    }
    if !meta.docs.is_empty() {
        rule.insert("help".into(), json!({ "text": meta.docs, "markdown": meta.docs }));
    }
    rule.insert("defaultConfiguration".into(), json!({ "level": level(meta.default_severity) }));
    rule.insert("properties".into(), json!({ "category": meta.category.zh(), "tags": [meta.category.zh()] }));
    Value::Object(rule)
}

fn fallback_descriptor(d: &Diagnostic) -> Value {
    let mut rule = Map::new();
    rule.insert("id".into(), d.code.as_ref().into());
    rule.insert("name".into(), d.rule.as_ref().into());
    rule.insert("shortDescription".into(), json!({ "text": d.rule }));
    if !d.source.is_empty() {
        rule.insert("fullDescription".into(), json!({ "text": d.source }));
    }
    rule.insert("properties".into(), json!({ "category": d.category, "tags": [d.category] }));
    Value::Object(rule)
}

/// `file` is the file's encoding and whether it starts with a byte-order mark.
fn result(x: &ItemDiagnostic<'_>, file: (Encoding, bool), uri: &str, rule_index: usize, opts: &OutputOptions) -> Value {
    let (d, pos) = (x.d, x.at);
    let mut r = Map::new();
    r.insert("ruleId".into(), d.code.as_ref().into());
    r.insert("ruleIndex".into(), rule_index.into());
    r.insert("level".into(), level(d.severity).into());
    r.insert("message".into(), json!({ "text": message(d, opts.lang) }));
    r.insert(
        "locations".into(),
        json!([{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": {
                    "startLine": pos.start.line,
                    "startColumn": pos.start.column,
                    "endLine": pos.end.line,
                    "endColumn": pos.end.column,
                }
            }
        }]),
    );
    // A change of formatting only (a .docx's 版式 fix) has no text replacement for SARIF to carry,
    // and SARIF requires at least one.
    if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .zip(x.edits.iter())
            .map(|(e, at)| {
                json!({
                    "deletedRegion": deleted_region(file, at),
                    "insertedContent": { "text": e.replacement },
                })
            })
            .collect();
        r.insert(
            "fixes".into(),
            json!([{
                "description": { "text": fix.message },
                "artifactChanges": [{
                    "artifactLocation": { "uri": uri },
                    "replacements": replacements,
                }]
            }]),
        );
    }
    Value::Object(r)
}

/// The region an edit replaces: byte offsets in a UTF-8 file, lines and columns in any other.
fn deleted_region((encoding, bom): (Encoding, bool), at: &Position) -> Value {
    let (start, end) = (at.byte_start, at.byte_end);
    match encoding {
        Encoding::Utf8 => {
            let bom = if bom { 3 } else { 0 };
            json!({ "byteOffset": start + bom, "byteLength": end - start })
        }
        Encoding::Gbk | Encoding::Gb18030 | Encoding::Utf16Le | Encoding::Utf16Be => {
            let (s, e) = (at.start, at.end);
            json!({
                "startLine": s.line,
                "startColumn": s.column,
                "endLine": e.line,
                "endColumn": e.column,
            })
        }
    }
}

/// A display path as a SARIF artifact URI (see the module docs).
pub(super) fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    let bytes = rest.as_bytes();
    let is_drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let (prefix, body) = if rest.starts_with('/') {
        ("file://", rest)
    } else if is_drive {
        ("file:///", rest)
    } else {
        ("", rest)
    };
    let mut uri = String::from(prefix);
    for (i, c) in body.char_indices() {
        let keep_colon = is_drive && i == 1;
        match c {
            ':' if keep_colon => uri.push(c),
            ' ' | '%' | '#' | '?' | '"' | '<' | '>' | '`' | '{' | '}' | '|' | '^' | '[' | ']' | ':' => {
                uri.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_ascii_control() => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{FileOutcome, Format, render};
    use super::*;
    use crate::rules::RuleMeta;
    use crate::source::Source;

    fn sarif(outcomes: &[FileOutcome], rules: &[&'static RuleMeta]) -> Value {
        let mut out = Vec::new();
        render(outcomes, Format::Sarif, &zh(), rules, &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn structure_regions_and_rules() {
        let v: Value = serde_json::from_str(&render_to_string(Format::Sarif, &zh())).unwrap();
        assert_eq!(v["$schema"], SCHEMA);
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "gwlint");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert!(driver.get("informationUri").is_none());
        let rule = &driver["rules"][0];
        assert_eq!(rule["id"], "GW302");
        assert_eq!(rule["name"], "doc-number-format");
        assert_eq!(rule["shortDescription"]["text"], "发文字号的年份用六角括号〔〕括入");
        assert_eq!(rule["fullDescription"]["text"], "GB/T 9704—2012 7.2.4");
        assert!(rule["help"]["text"].as_str().unwrap().contains("六角括号"));
        assert_eq!(rule["defaultConfiguration"]["level"], "error");
        assert_eq!(rule["properties"]["category"], "格式");

        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "GW302");
        assert_eq!(result["ruleIndex"], 0);
        assert_eq!(result["level"], "error");
        assert_eq!(result["message"]["text"], "发文字号的年份应使用六角括号〔〕");
        let loc = &result["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "草稿/请示.md");
        assert_eq!(loc["region"], json!({ "startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 9 }));
        let fix = &result["fixes"][0];
        assert_eq!(fix["description"]["text"], "将方括号改为六角括号");
        let change = &fix["artifactChanges"][0];
        assert_eq!(change["artifactLocation"]["uri"], "草稿/请示.md");
        assert_eq!(
            change["replacements"][0],
            json!({ "deletedRegion": { "byteOffset": 34, "byteLength": 1 },
                    "insertedContent": { "text": "〔" } })
        );

        let inv = &run["invocations"][0];
        assert_eq!(inv["executionSuccessful"], false);
        let note = &inv["toolExecutionNotifications"][0];
        assert_eq!(note["level"], "error");
        assert_eq!(note["descriptor"]["id"], "decode-error");
        assert_eq!(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "草稿/损坏%20文件.txt");
    }

    #[test]
    fn rule_index_points_into_used_rules_only() {
        let mut early = diagnostic();
        early.code = "GW101".into();
        early.rule = "one-issue-per-request".into();
        early.span = crate::span::Span::new(0, 3);
        let mut user = diagnostic();
        user.code = "U001".into();
        user.rule = "no-foo".into();
        user.category = "自定义".into();
        user.fix = None;
        user.span = crate::span::Span::new(500, 600); // past the end: clamped, no panic
        let outcomes = vec![FileOutcome::Linted {
            source: Source::from_text("./a b.md", TEXT),
            diagnostics: vec![diagnostic(), early, user],
        }];
        let v = sarif(&outcomes, &[&DOC_NUMBER_RULE, &OTHER_RULE]);
        let run = &v["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["GW101", "GW302", "U001"]);
        for result in run["results"].as_array().unwrap() {
            let i = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], result["ruleId"]);
            let region = &result["locations"][0]["physicalLocation"]["region"];
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(region[key].as_u64().unwrap() >= 1, "{key} is 1-based");
            }
            assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "a%20b.md");
        }
        assert_eq!(run["results"][0]["ruleId"], "GW101");
        assert_eq!(rules[2]["name"], "no-foo");
        assert_eq!(run["invocations"][0]["executionSuccessful"], true);
        assert!(run["invocations"][0].get("toolExecutionNotifications").is_none());
    }

    #[test]
    fn non_utf8_files_get_line_column_deleted_regions() {
        let mut source = Source::from_text("a.txt", TEXT);
        source.encoding = Encoding::Gb18030;
        let outcomes = vec![FileOutcome::Linted { source, diagnostics: vec![diagnostic()] }];
        let v = sarif(&outcomes, &[&DOC_NUMBER_RULE]);
        let region = &v["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][1]["deletedRegion"];
        assert_eq!(region, &json!({ "startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 9 }));
    }

    #[test]
    fn uris() {
        assert_eq!(artifact_uri("草稿/请示.md"), "草稿/请示.md");
        assert_eq!(artifact_uri(".\\草稿\\a b#1.md"), "草稿/a%20b%231.md");
        assert_eq!(artifact_uri("/tmp/100%.md"), "file:///tmp/100%25.md");
        assert_eq!(artifact_uri("C:\\x\\y.md"), "file:///C:/x/y.md");
        assert_eq!(artifact_uri("a:b.md"), "a%3Ab.md");
    }
}
