use super::common::{Grouped, Want, count_note, deviation, fix_font, indent, layout, run_format, with_parts};
use crate::diagnostic::{Finding, Fix, LayoutEdit, Severity};
use crate::document::Part;
use crate::layout::{FontFamily, sizes};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct ColophonLayout;

static META: RuleMeta = RuleMeta {
    code: "GW909",
    name: "colophon-layout",
    summary: "版记（抄送机关、印发机关和印发日期）一般用四号仿宋体字，左右各空一字",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.4.2 抄送机关：“一般用4号仿宋体字，在印发机关和印发日期之上一行、左右各空一字编排。”；7.4.3 印发机关和印发日期：“一般用4号仿宋体字，编排在末条分隔线之上，印发机关左空一字，印发日期右空一字”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查 .docx 中文档模型认出的版记各行（“抄送：”“主送：”和“……印发”行，含放在表格里的版记）：\n\n\
- 汉字字体属仿宋一类，字号四号（14 磅）；版记常与正文同用三号字，这是最常见的偏差；\n\
- 左右各空一字：段落左右缩进约 1 字，或在行首加一个全角空格（印发日期一侧的空字常用空格凑，不检查）。\n\n\
版记的分隔线（首条、末条粗线，中间细线）多用表格边框或图形画成，目前不检查。\n\n\
修复（`--fix`、`--annotate`）把版记各行设为仿宋_GB2312 四号；顶格的行设为左右各缩进 1 字，\
“抄送：”行回行时与冒号后的首字对齐（悬挂缩进）。放在表格里的版记只改字体。",
    bad: "“抄送：市委办公室，市人大常委会办公室。”用三号仿宋、顶格",
    good: "“抄送：市委办公室，市人大常委会办公室。”用四号仿宋，左右各空一字",
};

impl Rule for ColophonLayout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let text = cx.text();
        let want = Want { family: FontFamily::FangSong, size: sizes::SI_HAO };
        let mut fonts = Grouped::default();
        let mut flush = None;
        let mut font_edits = Vec::new();
        let mut indent_edits = Vec::new();
        for (para, part) in with_parts(cx, layout) {
            if part != Some(Part::Colophon) || para.span.is_empty() {
                continue;
            }
            if let Some((span, found)) = deviation(text, para, para.span, want) {
                fonts.add(found, span);
                font_edits.push(run_format(para.span, Some(fix_font(want.family)), Some(want.size), None));
            }
            let size = para.size();
            let typed = text[para.span.start..para.span.end].starts_with(['\u{3000}', ' ']);
            let left = para.left.in_chars(size) + para.first_line.in_chars(size);
            if !typed && left < 0.5 && !para.in_table {
                flush.get_or_insert(para.span);
                indent_edits.push(colophon_indent(&text[para.span.start..para.span.end], para.span));
            }
        }
        let mut font_fix =
            (!font_edits.is_empty()).then(|| Fix::layout(format!("版记设为{}四号", fix_font(want.family)), font_edits));
        for (found, span, n) in fonts.into_groups() {
            let many = count_note(n, "行");
            let finding = Finding::new(span, format!("版记用了“{found}”，国标一般用{}{many}", want.zh()))
                .help("版记各行字号设为四号，字体仿宋")
                .en(format!("The colophon is set in “{found}”; GB/T 9704 uses 14 pt FangSong"))
                .fix_once(&mut font_fix);
            out.push(finding);
        }
        if let Some(span) = flush {
            out.push(
                Finding::new(span, "版记行顶格编排，应左右各空一字")
                    .fix(Fix::layout("版记各行左右各缩进 1 字", indent_edits.clone()))
                    .severity(Severity::Info)
                    .help("版记段落左、右缩进各设 1 字符")
                    .en("Colophon lines are indented one character on each side"),
            );
        }
    }
}

/// Indents for a colophon line: one character in on each side; a `抄送：` line wraps under the
/// first name after its colon (GB/T 9704 7.4.2: 回行时与冒号后的首字对齐).
fn colophon_indent(line: &str, span: crate::span::Span) -> LayoutEdit {
    let label = line
        .char_indices()
        .take(8)
        .find(|(_, c)| matches!(c, '：' | ':'))
        .map(|(i, c)| line[..i + c.len_utf8()].chars().map(|c| if c.is_ascii() { 50 } else { 100 }).sum::<i32>());
    match label {
        Some(width) => indent(span, Some(-width), Some(100 + width), Some(100), sizes::SI_HAO),
        None => indent(span, Some(0), Some(100), Some(100), sizes::SI_HAO),
    }
}
