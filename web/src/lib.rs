//! The web page's engine: gwlint's library behind a small wasm-bindgen interface.
//!
//! The page holds the draft as bytes (what the drafter dropped, or the UTF-8 of what was
//! pasted) and its name, and asks this module to lint it, apply one fix, apply every safe fix or
//! write the annotated .docx. Every call is a plain function of its inputs; the page keeps no
//! state here. Results cross as JSON strings (findings) or bytes (documents).
//!
//! Spans stay byte ranges into the decoded text inside gwlint; this is an output edge, where
//! they also become UTF-16 offsets (what JavaScript strings index by) and lines and columns.

use gwlint::config::{self, Settings};
use gwlint::diagnostic::{Applicability, Diagnostic};
use gwlint::org::OrgView;
use gwlint::source::{Source, SourceKind};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The settings a page's `gwlint.toml` text gives (empty: the defaults). Files a config names
/// (calendar, word lists, pack files) cannot be read by a page; the error says which.
fn settings(config: &str) -> Result<(Settings, OrgView), String> {
    let settings = if config.trim().is_empty() {
        Settings::default()
    } else {
        Settings::parse(config, None).map_err(|e| format!("gwlint.toml 有误：{e}"))?
    };
    let orgs = config::org_view(&settings).map_err(|e| format!("gwlint.toml 有误：{e}"))?;
    Ok((settings, orgs))
}

fn read(name: &str, bytes: &[u8]) -> Result<Source, String> {
    Source::read_named(name, bytes).map_err(|e| format!("{name}：{e}"))
}

/// UTF-16 offsets of the text's character boundaries, indexed by byte (other bytes: the
/// offset of the character they are inside).
struct Utf16Offsets(Vec<u32>);

impl Utf16Offsets {
    fn new(text: &str) -> Utf16Offsets {
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut units = 0u32;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                table.push(units);
            }
            units += ch.len_utf16() as u32;
        }
        table.push(units);
        Utf16Offsets(table)
    }

    fn at(&self, byte: usize) -> u32 {
        self.0[byte.min(self.0.len() - 1)]
    }
}

#[derive(Serialize)]
struct Lint {
    ok: bool,
    /// "text", "markdown" or "docx".
    kind: &'static str,
    /// The encoding the draft was read in ("UTF-8", "GBK" …); a .docx is "docx".
    encoding: String,
    text: String,
    diagnostics: Vec<Finding>,
}

#[derive(Serialize)]
struct Finding {
    index: usize,
    code: String,
    rule: String,
    category: String,
    severity: &'static str,
    severity_zh: &'static str,
    message: String,
    help: Option<String>,
    source: String,
    line: usize,
    column: usize,
    /// UTF-16 offsets into `text`: [start, end).
    start: u32,
    end: u32,
    fix: Option<FixView>,
}

#[derive(Serialize)]
struct FixView {
    /// "safe", "unsafe" or "display-only".
    applicability: &'static str,
    message: String,
    /// The text edits, in UTF-16 offsets, for showing what the fix changes.
    edits: Vec<EditView>,
    /// Whether the fix also sets formatting (一键排版, .docx only).
    layout: bool,
}

#[derive(Serialize)]
struct EditView {
    start: u32,
    end: u32,
    replacement: String,
}

#[derive(Serialize)]
struct Failure {
    ok: bool,
    error: String,
}

fn failure(error: String) -> String {
    serde_json::to_string(&Failure { ok: false, error }).unwrap_or_default()
}

fn kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Markdown => "markdown",
        SourceKind::Text => "text",
        SourceKind::Docx => "docx",
    }
}

fn lint_source(name: &str, bytes: &[u8], config: &str) -> Result<(Source, Vec<Diagnostic>), String> {
    let (settings, orgs) = settings(config)?;
    let source = read(name, bytes)?;
    let diagnostics = gwlint::engine::lint(&source, &settings, &orgs);
    Ok((source, diagnostics))
}

/// Lint a draft. `name` decides how it is read (`.docx`, `.md`, anything else as text);
/// `config` is the text of a gwlint.toml, or empty. Returns JSON: `{ok, kind, encoding, text,
/// diagnostics}` or `{ok: false, error}`.
#[wasm_bindgen]
pub fn lint(name: &str, bytes: &[u8], config: &str) -> String {
    match lint_source(name, bytes, config) {
        Ok((source, diagnostics)) => serde_json::to_string(&view(&source, &diagnostics)).unwrap_or_default(),
        Err(e) => failure(e),
    }
}

fn view(source: &Source, diagnostics: &[Diagnostic]) -> Lint {
    let offsets = Utf16Offsets::new(&source.text);
    let findings = diagnostics
        .iter()
        .enumerate()
        .map(|(index, d)| {
            let at = gwlint::output::position(source, d.span);
            Finding {
                index,
                code: d.code.to_string(),
                rule: d.rule.to_string(),
                category: d.category.to_string(),
                severity: d.severity.as_str(),
                severity_zh: d.severity.zh(),
                message: d.message.clone(),
                help: d.help.clone(),
                source: d.source.to_string(),
                line: at.start.line,
                column: at.start.column,
                start: offsets.at(at.byte_start),
                end: offsets.at(at.byte_end),
                fix: d.fix.as_ref().map(|f| FixView {
                    applicability: f.applicability.as_str(),
                    message: f.message.clone(),
                    edits: f
                        .edits
                        .iter()
                        .map(|e| EditView {
                            start: offsets.at(e.byte_start),
                            end: offsets.at(e.byte_end),
                            replacement: e.replacement.clone(),
                        })
                        .collect(),
                    layout: !f.layout.is_empty(),
                }),
            }
        })
        .collect();
    Lint {
        ok: true,
        kind: kind_name(source.kind),
        encoding: if source.kind == SourceKind::Docx { "docx".into() } else { source.encoding.name().to_string() },
        text: source.text.clone(),
        diagnostics: findings,
    }
}

/// Apply the fix of finding `index` (as `lint` numbered them for the same inputs). A text draft
/// comes back as UTF-8 text; a .docx as the package with the fix written into its XML, every
/// run keeping its formatting. Errors when the finding has no fix, or the fix cannot be written.
#[wasm_bindgen]
pub fn apply_fix(name: &str, bytes: &[u8], config: &str, index: usize) -> Result<Vec<u8>, JsError> {
    apply_fix_bytes(name, bytes, config, index).map_err(|e| JsError::new(&e))
}

fn apply_fix_bytes(name: &str, bytes: &[u8], config: &str, index: usize) -> Result<Vec<u8>, String> {
    let (source, diagnostics) = lint_source(name, bytes, config)?;
    let fix = diagnostics
        .get(index)
        .and_then(|d| d.fix.as_ref())
        .filter(|f| f.applicability != Applicability::DisplayOnly)
        .ok_or_else(|| "这条问题没有可应用的修复".to_string())?;
    if source.kind != SourceKind::Docx {
        let edits: Vec<&gwlint::diagnostic::Edit> = fix.edits.iter().collect();
        return Ok(gwlint::fix::apply_edits(&source.text, &edits).into_bytes());
    }
    let mut package = bytes.to_vec();
    if !fix.edits.is_empty() {
        let (written, done) = gwlint::source::docx::apply_fixes(&package, &fix.edits).map_err(|e| e.to_string())?;
        if done.iter().any(|d| !d) {
            return Err("这处修复跨越了不同格式的文字，不能自动写入，请在 Word/WPS 中手工修改".to_string());
        }
        package = written;
    }
    if !fix.layout.is_empty() {
        package = gwlint::source::docx::apply_layout(&package, &fix.layout, false).map_err(|e| e.to_string())?.bytes;
    }
    Ok(package)
}

/// Apply every safe fix (and the unsafe ones when `include_unsafe`), repeated to a fixed point
/// as `gwlint check --fix` does. A text draft comes back as UTF-8 text, a .docx as its package.
#[wasm_bindgen]
pub fn fix_all(name: &str, bytes: &[u8], config: &str, include_unsafe: bool) -> Result<Vec<u8>, JsError> {
    fix_all_bytes(name, bytes, config, include_unsafe).map_err(|e| JsError::new(&e))
}

fn fix_all_bytes(name: &str, bytes: &[u8], config: &str, include_unsafe: bool) -> Result<Vec<u8>, String> {
    let (settings, orgs) = settings(config)?;
    let level = if include_unsafe { Applicability::Unsafe } else { Applicability::Safe };
    let source = read(name, bytes)?;
    if source.kind == SourceKind::Docx {
        let fixed = gwlint::fix::fix_docx(std::path::Path::new(name), bytes, &settings, &orgs, level)
            .map_err(|e| e.to_string())?;
        return Ok(fixed.bytes);
    }
    Ok(gwlint::fix::fix_source(&source, &settings, &orgs, level).text.into_bytes())
}

/// The annotated copy of a .docx (`gwlint check --annotate`): a Word comment per finding and
/// each safe fix as a tracked change, to accept or reject in Word or WPS.
#[wasm_bindgen]
pub fn annotate(name: &str, bytes: &[u8], config: &str) -> Result<Vec<u8>, JsError> {
    annotate_bytes(name, bytes, config).map_err(|e| JsError::new(&e))
}

fn annotate_bytes(name: &str, bytes: &[u8], config: &str) -> Result<Vec<u8>, String> {
    let (source, diagnostics) = lint_source(name, bytes, config)?;
    if source.kind != SourceKind::Docx {
        return Err("只有 .docx 文档能写批注副本".to_string());
    }
    gwlint::fix::annotate_docx(bytes, &diagnostics, false).map(|w| w.bytes).map_err(|e| e.to_string())
}

#[derive(Serialize)]
struct RuleView {
    code: &'static str,
    name: &'static str,
    summary: &'static str,
    category: &'static str,
    severity_zh: &'static str,
    enabled: bool,
    source: &'static str,
    docs: &'static str,
    bad: &'static str,
    good: &'static str,
}

/// Every rule's documentation (what `gwlint explain` shows), as JSON.
#[wasm_bindgen]
pub fn rules() -> String {
    let rules: Vec<RuleView> = gwlint::rules::all_rules()
        .iter()
        .map(|r| {
            let m = r.meta();
            RuleView {
                code: m.code,
                name: m.name,
                summary: m.summary,
                category: m.category.zh(),
                severity_zh: m.default_severity.zh(),
                enabled: m.default_enabled,
                source: m.source,
                docs: m.docs,
                bad: m.bad,
                good: m.good,
            }
        })
        .collect();
    serde_json::to_string(&rules).unwrap_or_default()
}

/// gwlint's version, shown on the page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(json: &str) -> serde_json::Value {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let offsets = Utf16Offsets::new("a𠮷，b");
        assert_eq!(offsets.at(0), 0);
        assert_eq!(offsets.at(1), 1);
        assert_eq!(offsets.at(5), 3, "𠮷 is two UTF-16 units");
        assert_eq!(offsets.at(8), 4);
        assert_eq!(offsets.at(99), 5, "past the end clamps to the end");
    }

    #[test]
    fn lint_reports_findings_with_offsets_into_the_text() {
        let draft = "关于申请经费的请示\n\n市财政局：\n\n我局拟购置设备,请予批准。\n";
        let out = parsed(&lint("草稿.txt", draft.as_bytes(), ""));
        assert_eq!(out["ok"], true);
        let text: Vec<u16> = out["text"].as_str().unwrap().encode_utf16().collect();
        let comma = out["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "GW401").expect("GW401");
        let (start, end) = (comma["start"].as_u64().unwrap() as usize, comma["end"].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16(&text[start..end]).unwrap(), ",");
    }

    #[test]
    fn apply_fix_changes_only_that_finding() {
        let draft = "关于申请经费的请示\n\n市财政局：\n\n我局拟购置设备,请予批准。\n";
        let out = parsed(&lint("草稿.txt", draft.as_bytes(), ""));
        let index = out["diagnostics"].as_array().unwrap().iter().position(|d| d["code"] == "GW401").unwrap();
        let fixed = String::from_utf8(apply_fix_bytes("草稿.txt", draft.as_bytes(), "", index).unwrap()).unwrap();
        assert!(fixed.contains("我局拟购置设备，请予批准。"));
        assert_eq!(fixed.len(), draft.len() + 2, "one ASCII comma became one full-width comma");
    }

    #[test]
    fn a_bad_config_and_a_refused_format_are_errors_not_clean_results() {
        let out = parsed(&lint("草稿.txt", "通知".as_bytes(), "[rules\n"));
        assert_eq!(out["ok"], false);
        assert!(out["error"].as_str().unwrap().contains("gwlint.toml"));
        let out = parsed(&lint("草稿.pdf", b"%PDF-1.7", ""));
        assert_eq!(out["ok"], false);
        assert!(out["error"].as_str().unwrap().contains("PDF"));
    }
}
