use super::common::{Grouped, count_note, indent, layout, with_parts};
use crate::diagnostic::{Finding, Fix, LayoutEdit, Severity};
use crate::document::Part;
use crate::layout::{Align, ParagraphLayout};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct ParagraphIndent;

static META: RuleMeta = RuleMeta {
    code: "GW906",
    name: "paragraph-indent",
    summary: "正文每个自然段左空二字，回行顶格",
    category: Category::Layout,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.3 正文：“编排于主送机关名称下一行，每个自然段左空二字，回行顶格。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查 .docx 的正文段落（表格、文本框、居中或右对齐的段落除外）：\n\n\
- 首行缩进应为 2 个字符（“段落 → 特殊 → 首行 → 2 字符”），允许 ±0.25 字；\
用两个全角空格“　　”开头、不设缩进的也算左空二字；\n\
- 回行顶格：段落不应有左缩进或悬挂缩进。只有一行的段落（如层次标题）不会回行，左缩进 2 字也就等于左空二字，不报。\n\n\
首行缩进按“字符”设时直接读字符数；按厘米或磅设时按该段文字的字号折算（三号字 2 字符 = 32 磅 ≈ 1.13 厘米）。\n\n\
修复（`--fix`、`--annotate`）把这些段落设为首行缩进 2 字符（已键入的行首空格计入）、左缩进 0、不悬挂；\
行首键入了两个以上全角空格的段落不改（多出的空格要删，是文字的修改）。",
    bad: "正文段落首行缩进 0.74 厘米（小四号字的 2 字符），或左缩进 2 字符",
    good: "正文段落首行缩进 2 字符，左缩进 0",
};

/// Leading spaces typed in the text, in characters: they count as the indent (two full-width,
/// or four half-width).
fn typed_indent(para: &ParagraphLayout, text: &str) -> f64 {
    let content = &text[para.span.start..para.span.end];
    content.chars().take_while(|c| *c == '\u{3000}' || *c == ' ').map(|c| if c == ' ' { 0.5 } else { 1.0 }).sum()
}

/// The indents that make a paragraph 左空二字、回行顶格 with the spaces it has typed; `None`
/// when it has typed more than two characters' worth (deleting them is a change of text).
pub fn indent_fix(para: &ParagraphLayout, text: &str) -> Option<LayoutEdit> {
    let typed = typed_indent(para, text);
    // In characters of the body's 三号, the size GW902's fix gives it: a reader that goes by
    // the twips (LibreOffice) then indents by two of the characters it shows.
    let first = ((2.0 - typed) * 100.0).round() as i32;
    (typed <= 2.0).then(|| indent(para.span, Some(first), Some(0), None, crate::layout::sizes::SAN_HAO))
}

/// Why a body paragraph is not 左空二字、回行顶格, if it is not.
pub fn problem(para: &ParagraphLayout, text: &str) -> Option<String> {
    let size = para.size();
    let typed = typed_indent(para, text);
    let hanging = para.hanging.in_chars(size);
    let left = para.left.in_chars(size);
    let first = para.first_line.in_chars(size) + typed;
    // A paragraph on one line never wraps: only where it starts is seen (a heading set with a
    // left indent of two characters reads as 左空二字).
    let content = text[para.span.start..para.span.end].trim_start_matches(['\u{3000}', ' ']);
    let width: f64 = content.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum();
    let start = left + first - hanging;
    if (start - 2.0).abs() <= 0.25 && start + width <= 28.0 {
        return None;
    }
    if hanging > 0.25 {
        return Some(format!("设了悬挂缩进 {hanging:.1} 字"));
    }
    if left.abs() > 0.25 {
        return Some(format!("左缩进 {left:.1} 字，回行不能顶格"));
    }
    ((first - 2.0).abs() > 0.25).then(|| {
        if first.abs() < 0.05 { "首行没有缩进".to_string() } else { format!("首行缩进 {first:.1} 字") }
    })
}

impl Rule for ParagraphIndent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let text = cx.text();
        let mut found = Grouped::default();
        let mut edits = Vec::new();
        for (para, part) in with_parts(cx, layout) {
            if part != Some(Part::Body) || para.in_table || para.in_text_box || para.span.is_empty() {
                continue;
            }
            if matches!(para.align, Align::Centre | Align::Right) {
                continue;
            }
            if let Some(p) = problem(para, text) {
                found.add(p, para.span);
                edits.extend(indent_fix(para, text));
            }
        }
        // One fix for every paragraph, on the first finding: the others show the same change.
        let mut fix = (!edits.is_empty()).then(|| Fix::layout("正文段落设为首行缩进 2 字符、左缩进 0", edits));
        for (problem, span, n) in found.into_groups() {
            let many = count_note(n, "段");
            let finding = Finding::new(span, format!("正文段落{problem}；每个自然段应左空二字、回行顶格{many}"))
                .help("段落设置：特殊格式“首行”、缩进值 2 字符，左右缩进 0")
                .en(format!("Body paragraph: {problem}; indent the first line by two characters"))
                .fix_once(&mut fix);
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Indent;
    use crate::span::Span;

    fn para(text: &str, first: Indent, left: Indent) -> ParagraphLayout {
        ParagraphLayout { span: Span::new(0, text.len()), first_line: first, left, ..ParagraphLayout::default() }
    }

    #[test]
    fn two_characters_however_they_are_set() {
        let t = "各镇人民政府要加强领导。";
        assert_eq!(problem(&para(t, Indent { chars: Some(200), twips: Some(640) }, Indent::default()), t), None);
        assert_eq!(problem(&para(t, Indent { chars: None, twips: Some(640) }, Indent::default()), t), None);
        let typed = "\u{3000}\u{3000}各镇人民政府要加强领导。";
        assert_eq!(problem(&para(typed, Indent::default(), Indent::default()), typed), None);
    }

    #[test]
    fn wrong_indents_are_named() {
        let t = "各镇人民政府要加强领导。";
        assert_eq!(problem(&para(t, Indent::default(), Indent::default()), t).as_deref(), Some("首行没有缩进"));
        assert_eq!(
            problem(&para(t, Indent { chars: None, twips: Some(420) }, Indent::default()), t).as_deref(),
            Some("首行缩进 1.3 字")
        );
        assert_eq!(
            problem(&para(t, Indent { chars: Some(200), twips: None }, Indent { chars: Some(200), twips: None }), t)
                .as_deref(),
            Some("左缩进 2.0 字，回行不能顶格")
        );
    }

    #[test]
    fn a_left_indent_matters_only_where_a_line_wraps() {
        let two = Indent { chars: Some(200), twips: None };
        let heading = "一、总体要求";
        assert_eq!(problem(&para(heading, Indent::default(), two), heading), None, "one line starts two in");
        let long = "各镇人民政府要加强领导，落实责任，确保各项工作按时完成，并将落实情况报送市政府办公室。";
        assert_eq!(
            problem(&para(long, Indent::default(), two), long).as_deref(),
            Some("左缩进 2.0 字，回行不能顶格"),
            "its second line would not start at the margin"
        );
    }
}
