//! Code actions: a quick fix per fixable diagnostic, “在此行禁用” (a suppression directive on
//! the line above), and `source.fixAll.gwlint` (every safe fix, through the same fixed-point
//! loop and structure guard as `gwlint check --fix`).

use super::convert::{self, PositionEncoding};
use super::settings::Resolved;
use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::engine::{INVALID_SUPPRESSION, UNUSED_SUPPRESSION};
use crate::fix;
use crate::org::OrgView;
use crate::source::{LineIndex, Source, SourceKind};
use crate::span::Span;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

pub const FIX_ALL_KIND: CodeActionKind = CodeActionKind::new("source.fixAll.gwlint");

/// Marks a fix a person must check before accepting it.
pub const NEEDS_REVIEW: &str = "（需复核）";

/// Whether the client asked for actions of `kind` (kinds are hierarchical: asking for
/// `source` or `source.fixAll` includes `source.fixAll.gwlint`).
pub fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    let Some(only) = only else { return true };
    only.iter().any(|o| {
        let (o, k) = (o.as_str(), kind.as_str());
        o.is_empty() || k == o || k.strip_prefix(o).is_some_and(|rest| rest.starts_with('.'))
    })
}

/// The document an action edits: its URI and, when the client takes versioned edits, the
/// version the edits were computed for. A client refuses a versioned edit once the document has
/// moved on, so a fix computed before the last keystroke can never land at stale offsets.
pub struct EditTarget<'a> {
    pub uri: &'a Uri,
    pub version: Option<i32>,
}

fn workspace_edit(target: &EditTarget, edits: Vec<TextEdit>) -> WorkspaceEdit {
    match target.version {
        Some(version) => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: target.uri.clone(),
                    version: Some(version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        },
        None => {
            WorkspaceEdit { changes: Some(HashMap::from([(target.uri.clone(), edits)])), ..WorkspaceEdit::default() }
        }
    }
}

/// Actions for the diagnostics that touch `requested` (a cursor or a selection).
pub fn code_actions(
    target: &EditTarget,
    source: &Source,
    diagnostics: &[Diagnostic],
    requested: Span,
    only: Option<&[CodeActionKind]>,
    enc: PositionEncoding,
    resolved: &Resolved,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let touching: Vec<&Diagnostic> =
        diagnostics.iter().filter(|d| d.span.start <= requested.end && requested.start <= d.span.end).collect();

    if wanted(only, &CodeActionKind::QUICKFIX) {
        for d in &touching {
            if let Some(action) = quick_fix(target, source, d, enc) {
                actions.push(CodeActionOrCommand::CodeAction(action));
            }
        }
        let mut disabled: Vec<(usize, &str)> = Vec::new();
        for d in &touching {
            // Silencing the report about a directive with another directive helps nobody.
            if d.code == UNUSED_SUPPRESSION || d.code == INVALID_SUPPRESSION {
                continue;
            }
            let line = source.index.line_of(d.span.start.min(source.text.len()));
            if disabled.contains(&(line, d.code.as_ref())) {
                continue;
            }
            disabled.push((line, d.code.as_ref()));
            let edit = disable_edit(source, line, &d.code);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("在此行禁用 {}", d.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![convert::diagnostic(source, d, enc)]),
                edit: Some(workspace_edit(target, vec![convert::text_edit(source, &edit, enc)])),
                ..CodeAction::default()
            }));
        }
    }

    // A name taken for a wrong character: the office adds it to its own words.
    if wanted(only, &CodeActionKind::QUICKFIX) {
        for d in touching.iter().filter(|d| d.code == WRONG_CHARACTER) {
            for word in words_around(source, d.span) {
                if let Some(action) = add_word(target, source, d, &word, &resolved.settings, enc) {
                    actions.push(CodeActionOrCommand::CodeAction(action));
                }
            }
        }
    }

    if wanted(only, &FIX_ALL_KIND)
        && let Some(action) = fix_all(target, source, enc, &resolved.settings, &resolved.orgs)
    {
        actions.push(CodeActionOrCommand::CodeAction(action));
    }
    actions
}

/// The rule whose findings may be a name the dictionary lacks.
const WRONG_CHARACTER: &str = "GW610";

/// The two-character words a questioned character may belong to: with the character before,
/// and with the one after.
fn words_around(source: &Source, span: Span) -> Vec<String> {
    let text = &source.text;
    let before = text[..span.start].chars().next_back().filter(|c| crate::lang::is_han(*c));
    let after = text[span.end..].chars().next().filter(|c| crate::lang::is_han(*c));
    let this = &text[span.start..span.end];
    let mut words = Vec::new();
    if let Some(b) = before {
        words.push(format!("{b}{this}"));
    }
    if let Some(a) = after {
        words.push(format!("{this}{a}"));
    }
    words
}

/// “加入词典”: `word` added to `[words] allow` in the config that applies — the one found, or a
/// new gwlint.toml beside the document.
fn add_word(
    target: &EditTarget,
    source: &Source,
    d: &Diagnostic,
    word: &str,
    settings: &Settings,
    enc: PositionEncoding,
) -> Option<CodeAction> {
    let config_path = match &settings.path {
        Some(path) => path.clone(),
        None => convert::uri_to_path(target.uri.as_str())?.parent()?.join("gwlint.toml"),
    };
    let uri = convert::path_to_uri(&config_path)?;
    let existing = std::fs::read_to_string(&config_path).ok();
    let old = existing.clone().unwrap_or_default();
    let new = with_word(&old, word)?;
    let config = Source::from_text(&config_path, old.clone());
    let edit = convert::text_edit(&config, &Edit::replace(Span::new(0, old.len()), new), enc);
    let mut changes = Vec::new();
    if existing.is_none() {
        changes.push(lsp_types::DocumentChangeOperation::Op(lsp_types::ResourceOp::Create(lsp_types::CreateFile {
            uri: uri.clone(),
            options: Some(lsp_types::CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) }),
            annotation_id: None,
        })));
    }
    changes.push(lsp_types::DocumentChangeOperation::Edit(TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
        edits: vec![OneOf::Left(edit)],
    }));
    Some(CodeAction {
        title: format!("加入词典：“{word}”（写入 {} 的 [words]）", config_path.file_name()?.to_string_lossy()),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![convert::diagnostic(source, d, enc)]),
        edit: Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(changes)),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// The config text with `word` in `[words] allow`: added to the list when the table has one on
/// a line of its own, else a table or key added; `None` when the word is there already or the
/// table is written in a way this cannot edit safely.
fn with_word(config: &str, word: &str) -> Option<String> {
    let quoted = format!("\"{word}\"");
    let lines: Vec<&str> = config.lines().collect();
    let Some(table) = lines.iter().position(|l| l.trim() == "[words]") else {
        let sep = if config.is_empty() || config.ends_with('\n') { "" } else { "\n" };
        return Some(format!("{config}{sep}\n[words]\nallow = [{quoted}]\n"));
    };
    let end =
        lines[table + 1..].iter().position(|l| l.trim_start().starts_with('[')).map_or(lines.len(), |i| table + 1 + i);
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    match (table + 1..end).find(|&i| lines[i].trim_start().starts_with("allow")) {
        Some(i) => {
            let line = lines[i];
            if line.contains(&quoted) {
                return None;
            }
            let close = line.rfind(']')?;
            let open = line.find('[')?;
            let inner = line[open + 1..close].trim();
            let joined = if inner.is_empty() { quoted } else { format!("{inner}, {quoted}") };
            out[i] = format!("{}[{joined}]{}", &line[..open], &line[close + 1..]);
        }
        None => out.insert(table + 1, format!("allow = [{quoted}]")),
    }
    let mut text = out.join("\n");
    if config.ends_with('\n') {
        text.push('\n');
    }
    Some(text)
}

fn fix_title(code: &str, message: &str, applicability: Applicability) -> String {
    let review = if applicability == Applicability::Safe { "" } else { NEEDS_REVIEW };
    format!("{code}：{message}{review}")
}

fn quick_fix(target: &EditTarget, source: &Source, d: &Diagnostic, enc: PositionEncoding) -> Option<CodeAction> {
    let fix = d.fix.as_ref().filter(|f| f.applicability != Applicability::DisplayOnly && !f.edits.is_empty())?;
    let edits = fix.edits.iter().map(|e| convert::text_edit(source, e, enc)).collect();
    Some(CodeAction {
        title: fix_title(&d.code, &fix.message, fix.applicability),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![convert::diagnostic(source, d, enc)]),
        edit: Some(workspace_edit(target, edits)),
        is_preferred: Some(fix.applicability == Applicability::Safe),
        ..CodeAction::default()
    })
}

/// Quick fixes rebuilt from the `data` the server attached when it published the diagnostics,
/// for a document the server does not hold (closed, or never opened).
pub fn from_published(uri: &Uri, published: &[lsp_types::Diagnostic]) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for d in published.iter().filter(|d| d.source.as_deref() == Some("gwlint")) {
        let Some(fix) = d.data.as_ref().and_then(|data| data.get("fix")) else { continue };
        let Ok(edits) = serde_json::from_value::<Vec<TextEdit>>(fix["edits"].clone()) else { continue };
        let (Some(message), Some(applicability)) = (fix["message"].as_str(), fix["applicability"].as_str()) else {
            continue;
        };
        let applicability = if applicability == "safe" { Applicability::Safe } else { Applicability::Unsafe };
        let code = match &d.code {
            Some(lsp_types::NumberOrString::String(s)) => s.clone(),
            Some(lsp_types::NumberOrString::Number(n)) => n.to_string(),
            None => String::new(),
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: fix_title(&code, message, applicability),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![d.clone()]),
            edit: Some(workspace_edit(&EditTarget { uri, version: None }, edits)),
            is_preferred: Some(applicability == Applicability::Safe),
            ..CodeAction::default()
        }));
    }
    actions
}

/// All safe fixes at once, or nothing when none applies.
fn fix_all(
    target: &EditTarget,
    source: &Source,
    enc: PositionEncoding,
    settings: &Settings,
    orgs: &OrgView,
) -> Option<CodeAction> {
    let report = fix::fix_source(source, settings, orgs, Applicability::Safe);
    if !report.changed(&source.text) {
        return None;
    }
    let edits = minimal_edits(source, &report.text).iter().map(|e| convert::text_edit(source, e, enc)).collect();
    Some(CodeAction {
        title: format!("gwlint：修复全部可安全修复的问题（{} 处）", report.total_applied()),
        kind: Some(FIX_ALL_KIND),
        edit: Some(workspace_edit(target, edits)),
        ..CodeAction::default()
    })
}

/// Edits turning `source` into `new`: one per changed line, trimmed to the changed characters,
/// so that the editor keeps cursors, marks and folds. Fixes never change the line count (the
/// structure guard refuses those); should that ever differ, one edit spans the changed region.
pub fn minimal_edits(source: &Source, new: &str) -> Vec<Edit> {
    let old = source.text.as_str();
    let new_index = LineIndex::new(new);
    let lines = source.index.line_count();
    if new_index.line_count() != lines {
        return changed_region(old, new, 0).into_iter().collect();
    }
    let line_range = |index: &LineIndex, text: &str, line: usize| {
        let end = if line + 1 < index.line_count() { index.line_start(line + 1) } else { text.len() };
        (index.line_start(line), end)
    };
    (0..lines)
        .filter_map(|line| {
            let (os, oe) = line_range(&source.index, old, line);
            let (ns, ne) = line_range(&new_index, new, line);
            changed_region(&old[os..oe], &new[ns..ne], os)
        })
        .collect()
}

/// The single edit replacing what differs between `old` and `new` (after their common prefix
/// and suffix), with offsets shifted by `base`.
fn changed_region(old: &str, new: &str, base: usize) -> Option<Edit> {
    if old == new {
        return None;
    }
    let prefix: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let old_end = old.len() - suffix;
    let new_end = new.len() - suffix;
    Some(Edit::replace(Span::new(base + prefix, base + old_end), &new[prefix..new_end]))
}

/// A `gwlint-disable-next-line CODE` directive for `line`: added to the directive already on
/// the line above if there is one, otherwise on a new line above, in the container (indent,
/// block quote) of the line so that Markdown keeps the comment where it was put.
pub fn disable_edit(source: &Source, line: usize, code: &str) -> Edit {
    let (text, index) = (source.text.as_str(), &source.index);
    let markdown = source.kind == SourceKind::Markdown;
    if line > 0 {
        let (ps, pe) = (index.line_start(line - 1), index.line_end(text, line - 1));
        let prev = &text[ps..pe];
        let trimmed = prev.trim();
        let directive = if markdown {
            trimmed.strip_prefix("<!--").and_then(|s| s.strip_suffix("-->"))
        } else {
            trimmed.strip_prefix("//")
        };
        if let Some(inner) = directive
            && inner.split_whitespace().next() == Some("gwlint-disable-next-line")
        {
            let at = if markdown {
                let close = prev.rfind("-->").unwrap_or(prev.len());
                ps + prev[..close].trim_end().len()
            } else {
                ps + prev.trim_end().len()
            };
            return Edit::insert(at, format!(" {code}"));
        }
    }
    let start = index.line_start(line);
    let content = &text[start..index.line_end(text, line)];
    let container: &str = if markdown {
        let kept = content.len() - content.trim_start_matches([' ', '\t', '>']).len();
        &content[..kept]
    } else {
        ""
    };
    let directive = if markdown {
        format!("<!-- gwlint-disable-next-line {code} -->")
    } else {
        format!("// gwlint-disable-next-line {code}")
    };
    Edit::insert(start, format!("{container}{directive}{}", source.line_ending.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_goes_into_words_allow() {
        assert_eq!(with_word("", "五邑").unwrap(), "\n[words]\nallow = [\"五邑\"]\n");
        assert_eq!(
            with_word("[rules]\nselect = [\"ALL\"]\n", "五邑").unwrap(),
            "[rules]\nselect = [\"ALL\"]\n\n[words]\nallow = [\"五邑\"]\n"
        );
        assert_eq!(
            with_word("[words]\nallow = [\"帆顺\"]  # 船名\n[rules]\n", "五邑").unwrap(),
            "[words]\nallow = [\"帆顺\", \"五邑\"]  # 船名\n[rules]\n"
        );
        assert_eq!(
            with_word("[words]\nfiles = [\"a.txt\"]\n", "五邑").unwrap(),
            "[words]\nallow = [\"五邑\"]\nfiles = [\"a.txt\"]\n"
        );
        assert_eq!(with_word("[words]\nallow = [\"五邑\"]\n", "五邑"), None, "already there");
        // Whatever is written must load.
        let text = with_word("[words]\nallow = [\"帆顺\"]\n", "五邑").unwrap();
        let settings = crate::config::Settings::parse(&text, None).unwrap();
        assert_eq!(*settings.words, ["帆顺", "五邑"]);
    }
    use crate::fix::apply_edits;

    fn md(text: &str) -> Source {
        Source::from_text("通知.md", text)
    }

    fn diagnostic(source: &Source, needle: &str, fix: crate::diagnostic::Fix) -> Diagnostic {
        let at = source.text.find(needle).unwrap();
        Diagnostic {
            code: "GW601".into(),
            rule: "foreign-words".into(),
            category: "用词".into(),
            severity: crate::diagnostic::Severity::Warning,
            message: "示例".into(),
            message_en: None,
            source: "".into(),
            span: Span::new(at, at + needle.len()),
            help: None,
            fix: Some(fix),
        }
    }

    fn titles(actions: &[CodeActionOrCommand]) -> Vec<String> {
        actions
            .iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title.clone(),
                CodeActionOrCommand::Command(c) => c.title.clone(),
            })
            .collect()
    }

    #[test]
    fn unsafe_fixes_ask_for_review_and_display_only_ones_are_not_offered() {
        use crate::diagnostic::Fix;
        let s = Source::from_text("通知.txt", "推进𠮷祥路BRT建设。\n");
        let uri: Uri = "file:///tmp/%E9%80%9A%E7%9F%A5.txt".parse().unwrap();
        let unsafe_fix =
            diagnostic(&s, "BRT", Fix::unsafe_("改为“快速公交”", vec![Edit::replace(Span::new(0, 0), "")]));
        let shown = diagnostic(&s, "BRT", Fix::display_only("可改为“快速公交”", vec![]));
        let requested = unsafe_fix.span;
        let resolved = Resolved::default();
        let only = [CodeActionKind::QUICKFIX];
        let got = code_actions(
            &EditTarget { uri: &uri, version: None },
            &s,
            &[unsafe_fix, shown],
            requested,
            Some(&only),
            PositionEncoding::Utf16,
            &resolved,
        );
        assert_eq!(titles(&got), ["GW601：改为“快速公交”（需复核）", "在此行禁用 GW601"]);
        let CodeActionOrCommand::CodeAction(fix) = &got[0] else { panic!() };
        assert_eq!(fix.is_preferred, Some(false));
    }

    #[test]
    fn quick_fixes_rebuild_from_published_data() {
        use crate::diagnostic::Fix;
        let s = Source::from_text("通知.txt", "𠮷祥路已开通,请周知。\n");
        let comma = s.text.find(',').unwrap();
        let d = diagnostic(&s, ",", Fix::safe("改为“，”", vec![Edit::replace(Span::new(comma, comma + 1), "，")]));
        let published = convert::diagnostic(&s, &d, PositionEncoding::Utf16);
        let uri: Uri = "untitled:Untitled-1".parse().unwrap();
        let got = from_published(&uri, &[published]);
        assert_eq!(titles(&got), ["GW601：改为“，”"]);
        let CodeActionOrCommand::CodeAction(a) = &got[0] else { panic!() };
        let edits = &a.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        assert_eq!(edits[0].range.start.character, 7);
        assert_eq!(edits[0].new_text, "，");
    }

    #[test]
    fn kinds_are_hierarchical() {
        let source_kind = [CodeActionKind::SOURCE];
        let fix_all_kind = [CodeActionKind::SOURCE_FIX_ALL];
        let quickfix = [CodeActionKind::QUICKFIX];
        assert!(wanted(None, &FIX_ALL_KIND));
        assert!(wanted(Some(&source_kind), &FIX_ALL_KIND));
        assert!(wanted(Some(&fix_all_kind), &FIX_ALL_KIND));
        assert!(!wanted(Some(&quickfix), &FIX_ALL_KIND));
        assert!(!wanted(Some(&fix_all_kind), &CodeActionKind::QUICKFIX));
        assert!(!wanted(Some(&[CodeActionKind::new("source.fix")]), &FIX_ALL_KIND));
    }

    #[test]
    fn disable_inserts_a_directive_line_in_the_same_container() {
        let s = md("# 标题\n\n> 引用,内容\n");
        let e = disable_edit(&s, 2, "GW401");
        assert_eq!(apply_edits(&s.text, &[&e]), "# 标题\n\n> <!-- gwlint-disable-next-line GW401 -->\n> 引用,内容\n");
        let t = Source::from_text("通知.txt", "标题\r\n　　正文,内容\r\n");
        let e = disable_edit(&t, 1, "GW401");
        assert_eq!(apply_edits(&t.text, &[&e]), "标题\r\n// gwlint-disable-next-line GW401\r\n　　正文,内容\r\n");
    }

    #[test]
    fn disable_extends_an_existing_directive() {
        let s = md("<!-- gwlint-disable-next-line GW401 -->\n正文,内容\n");
        let e = disable_edit(&s, 1, "GW402");
        assert_eq!(apply_edits(&s.text, &[&e]), "<!-- gwlint-disable-next-line GW401 GW402 -->\n正文,内容\n");
        let t = Source::from_text("通知.txt", "// gwlint-disable-next-line GW401\n正文\n");
        let e = disable_edit(&t, 1, "GW402");
        assert_eq!(apply_edits(&t.text, &[&e]), "// gwlint-disable-next-line GW401 GW402\n正文\n");
    }

    #[test]
    fn minimal_edits_touch_only_changed_characters() {
        let s = Source::from_text("通知.txt", "第一行,不变\n𠮷祥路,开通\n");
        let new = "第一行，不变\n𠮷祥路，开通\n";
        let edits = minimal_edits(&s, new);
        assert_eq!(edits.len(), 2);
        assert!(edits.iter().all(|e| e.replacement == "，" && e.span().len() == 1));
        let refs: Vec<&Edit> = edits.iter().collect();
        assert_eq!(apply_edits(&s.text, &refs), new);
        // A changed line count falls back to one edit over the changed region.
        let edits = minimal_edits(&s, "第一行,不变\n");
        let refs: Vec<&Edit> = edits.iter().collect();
        assert_eq!(apply_edits(&s.text, &refs), "第一行,不变\n");
    }
}
