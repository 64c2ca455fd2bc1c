use super::common::{align, describe, fix_font, layout, paragraph_at, run_format, with_parts};
use crate::diagnostic::{Applicability, Finding, Fix, LayoutEdit, Severity};
use crate::document::Part;
use crate::lang::is_han;
use crate::layout::{Align, FontFamily};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct IssuerMarkAndRule;

static META: RuleMeta = RuleMeta {
    code: "GW907",
    name: "issuer-mark-and-rule",
    summary: "发文机关标志居中、红色，推荐小标宋体字；发文字号之下有红色分隔线",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.2.4 发文机关标志：“居中排布……推荐使用小标宋体字，颜色为红色”；7.2.6（版头中的分隔线）：“发文字号之下4 mm处居中印一条与版心等宽的红色分隔线。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查有发文机关标志的 .docx：\n\n\
- 标志文字为红色（警告）；段落居中（警告；画在文本框里的标志由文本框定位，不查对齐）；\n\
- 字体属小标宋一类（国标用“推荐”，所以只作提示）；字号由发文机关酌定，不检查；\n\
- 版头与标题之间有红色分隔线：段落的红色上、下边框，红色直线或细长的红色矩形（很多模板这样画）都算。\
找不到时以提示说明——分隔线若是图片，gwlint 认不出来，请自行核对。\n\n\
修复：标志设为红色、居中、小标宋（可自动修复）；缺分隔线时，在发文字号所在段落加红色下边框（1.5 磅，距文字约 4 mm）——\
这一项可能与认不出的图片分隔线重复，属“不安全修复”，要与 `--fix` 或 `--annotate` 一起加 `--unsafe-fixes` 才写入。",
    bad: "发文机关标志“示例市人民政府文件”用黑色宋体，版头下没有分隔线",
    good: "发文机关标志红色方正小标宋简体、居中，发文字号下一条红色横线",
};

impl Rule for IssuerMarkAndRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let Some(mark) = &cx.doc.header.issuer_mark else { return };
        let text = cx.text();
        let paragraphs = with_parts(cx, layout);
        let Some(at) = paragraph_at(&paragraphs, mark.span.start) else {
            return;
        };
        let para = paragraphs[at].0;
        let runs: Vec<_> =
            para.visible_runs(text).filter(|r| r.span.start < mark.span.end && r.span.end > mark.span.start).collect();
        if let Some(run) = runs.iter().find(|r| !r.style.is_red()) {
            let colour =
                run.style.color.as_deref().filter(|c| *c != "AUTO").map_or("黑色".to_string(), |c| format!("#{c}"));
            out.push(
                Finding::new(run.span, format!("发文机关标志为{colour}，应为红色"))
                    .help("把发文机关标志的字体颜色设为红色（如 #FF0000）")
                    .fix(Fix::layout("发文机关标志设为红色", vec![run_format(mark.span, None, None, Some("FF0000"))]))
                    .en("The issuer mark is not red"),
            );
        }
        if let Some(run) = runs.iter().find(|r| {
            text[r.span.start..r.span.end].chars().any(is_han) && r.style.family() != Some(FontFamily::XiaoBiaoSong)
        }) {
            out.push(
                Finding::new(run.span, format!("发文机关标志用了“{}”，国标推荐小标宋体字", describe(&run.style)))
                    .severity(Severity::Info)
                    .help("发文机关标志改用方正小标宋简体（或同类小标宋字体）")
                    .fix(Fix::layout(
                        format!("发文机关标志改用{}", fix_font(FontFamily::XiaoBiaoSong)),
                        vec![run_format(mark.span, Some(fix_font(FontFamily::XiaoBiaoSong)), None, None)],
                    ))
                    .en("The issuer mark is not in XiaoBiaoSong (recommended)"),
            );
        }
        if !para.in_text_box && para.align != Align::Centre {
            out.push(
                Finding::new(mark.span, format!("发文机关标志为{}，应居中排布", para.align.zh()))
                    .help("把发文机关标志所在段落设为居中")
                    .fix(Fix::layout("发文机关标志所在段落设为居中", vec![align(mark.span, "center")]))
                    .en("The issuer mark is not centred"),
            );
        }
        // The red rule: on any paragraph down to the title's first line (a shape may be anchored
        // to a paragraph above the mark's text box).
        let title = paragraphs.iter().skip(at).position(|(_, part)| *part == Some(Part::Title)).map(|i| i + at);
        let end = title.unwrap_or_else(|| (at + 4).min(paragraphs.len() - 1));
        if !paragraphs[..=end].iter().any(|(p, _)| p.red_rule) {
            let number = cx.doc.header.doc_number.as_ref().map(|n| n.span);
            let mut finding =
                Finding::new(number.unwrap_or(mark.span), "版头下未找到红色分隔线（若分隔线是图片，请自行核对）")
                    .severity(Severity::Info)
                    .help("在发文字号下方加一条与版心等宽的红色横线：段落下边框设为红色，或插入红色直线")
                    .en("No red separator line found under the header");
            // Unsafe: a line drawn as a picture is not seen, and a second line must not be added
            // without the drafter's word.
            if let Some(number) = number {
                finding = finding.fix(Fix {
                    applicability: Applicability::Unsafe,
                    ..Fix::layout(
                        "在发文字号所在段落下加红色分隔线（段落下边框）",
                        vec![LayoutEdit::RedRule { byte_start: number.start, byte_end: number.end }],
                    )
                });
            }
            out.push(finding);
        }
    }
}
