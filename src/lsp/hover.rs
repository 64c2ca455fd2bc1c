//! Hover: over a diagnostic's range, the rule's own documentation — what `gwlint explain`
//! prints — so the reason and the article it rests on are one mouse move away.

use super::convert::{self, PositionEncoding};
use crate::diagnostic::Diagnostic;
use crate::rules::{FixAvailability, RuleMeta, find_rule};
use crate::source::Source;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

/// The documentation of every rule whose diagnostic covers `at` (a byte offset), narrowest
/// first; the range is that of the narrowest (a whole-document note such as GW004 comes last).
pub fn hover(source: &Source, diagnostics: &[Diagnostic], at: usize, enc: PositionEncoding) -> Option<Hover> {
    // The end is inclusive so that a cursor just after the offending text still counts.
    let mut under: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.span.start <= at && at <= d.span.end).collect();
    under.sort_by_key(|d| d.span.end - d.span.start);
    let first = under.first()?;
    let mut codes: Vec<&str> = Vec::new();
    let mut sections = Vec::new();
    for d in &under {
        if codes.contains(&d.code.as_ref()) {
            continue;
        }
        codes.push(&d.code);
        if let Some(rule) = find_rule(&d.code) {
            sections.push(rule_markdown(rule.meta(), Some(d)));
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(convert::range(source, first.span, enc)),
    })
}

/// A rule's documentation as Markdown: code, name, summary, source, docs, examples; with the
/// diagnostic when there is one (its cited source can differ from the rule's).
pub fn rule_markdown(m: &RuleMeta, d: Option<&Diagnostic>) -> String {
    let fix = match m.fix {
        FixAvailability::Always => "可自动修复",
        FixAvailability::Sometimes => "部分情形可自动修复",
        FixAvailability::None => "不自动修复",
    };
    let source = d.map_or(m.source, |d| d.source.as_ref());
    let mut out = format!(
        "### {} `{}`\n\n**{}**\n\n类别：{}　级别：{}　{}\n\n**依据**：{}\n\n{}",
        m.code,
        m.name,
        m.summary,
        m.category.zh(),
        d.map_or(m.default_severity, |d| d.severity).zh(),
        fix,
        source,
        m.docs.trim()
    );
    if !m.bad.is_empty() {
        out.push_str(&format!("\n\n**反例**\n\n```text\n{}\n```", m.bad.trim_end()));
    }
    if !m.good.is_empty() {
        out.push_str(&format!("\n\n**正例**\n\n```text\n{}\n```", m.good.trim_end()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::org::OrgView;

    #[test]
    fn hover_shows_the_rule_under_the_cursor() {
        let source = Source::from_text("通知.txt", "𠮷祥路公交站点已开通,请周知。\n");
        let diagnostics = crate::engine::lint(&source, &Settings::default(), &OrgView::default());
        let comma = source.text.find(',').unwrap();
        let h = hover(&source, &diagnostics, comma, PositionEncoding::Utf16).expect("a hover");
        let HoverContents::Markup(m) = h.contents else { panic!("markdown expected") };
        assert!(m.value.contains("GW401"), "{}", m.value);
        assert!(m.value.contains("**依据**"), "{}", m.value);
        assert_eq!(h.range.unwrap().start.character, 11);
        // At the start of the line only the note that the text is no 公文 (GW004) is under the cursor.
        let at_start = hover(&source, &diagnostics, 0, PositionEncoding::Utf16);
        let HoverContents::Markup(m) = at_start.expect("GW004").contents else { panic!("markdown expected") };
        assert!(m.value.contains("GW004") && !m.value.contains("GW401"), "{}", m.value);
    }
}
