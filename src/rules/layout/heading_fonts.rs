use super::common::{
    Grouped, Want, count_note, deviation, fix_font, heading_end, heading_family, layout, ordinal_in, run_format,
    with_parts,
};
use crate::diagnostic::{Finding, Fix, Severity};
use crate::document::{OrdinalStyle, Part};
use crate::layout::sizes;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct HeadingFonts;

static META: RuleMeta = RuleMeta {
    code: "GW904",
    name: "heading-fonts",
    summary: "层次标题一般第一层用黑体、第二层用楷体、第三层和第四层用仿宋体，均为三号",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.3 正文：“文中结构层次序数依次可以用‘一、’‘（一）’‘1.’‘（1）’标注；一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查 .docx 的正文。以层次序数开头的段落，其标题部分——从序数到第一个句号（没有句号则到段末）——\
应按层次用字体：“一、”黑体，“（一）”楷体，“1.”“（1）”仿宋，字号都是三号。句号之后的文字是正文，归 GW902。\n\n\
加粗不算错（不少单位的二级、三级标题习惯加粗）。自动编号的序数由 Word 按编号格式显示，它的字体不在段落文字里，不检查。\n\n\
修复（`--fix`、`--annotate`）把每一层标题的文字设为该层的字体（黑体、楷体_GB2312、仿宋_GB2312，见 `lints/fonts.toml` 的 [fix]）和三号；\
标题和其后正文在同一个格式块（run）里时，先在标题末尾把它拆成两块，文字不变。",
    bad: "一、总体要求（用“仿宋_GB2312 三号”加粗）",
    good: "一、总体要求（用“黑体 三号”）",
};

fn level(style: OrdinalStyle) -> &'static str {
    match style {
        OrdinalStyle::Chinese => "一级标题",
        OrdinalStyle::ParenChinese => "二级标题",
        OrdinalStyle::Arabic => "三级标题",
        _ => "四级标题",
    }
}

impl Rule for HeadingFonts {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let text = cx.text();
        let mut by_level: Vec<(OrdinalStyle, Grouped, Vec<Span>)> = Vec::new();
        for (para, part) in with_parts(cx, layout) {
            if part != Some(Part::Body) || para.in_table || para.in_text_box {
                continue;
            }
            let Some(ordinal) = ordinal_in(cx, para) else { continue };
            let Some(family) = heading_family(ordinal.style) else { continue };
            let range = Span::new(para.span.start, heading_end(text, ordinal.span.start, para.span.end));
            let want = Want { family, size: sizes::SAN_HAO };
            if let Some((span, found)) = deviation(text, para, range, want) {
                let at = match by_level.iter().position(|(s, _, _)| *s == ordinal.style) {
                    Some(i) => i,
                    None => {
                        by_level.push((ordinal.style, Grouped::default(), Vec::new()));
                        by_level.len() - 1
                    }
                };
                by_level[at].1.add(found, span);
                // A run holding the heading and the sentence after it is split by the fix.
                by_level[at].2.push(range);
            }
        }
        for (style, groups, ranges) in by_level {
            let want = Want { family: heading_family(style).expect("filtered"), size: sizes::SAN_HAO };
            // One fix for the level, on its first finding: the others show the same change.
            let font = fix_font(want.family);
            let mut fix = (!ranges.is_empty()).then(|| {
                Fix::layout(
                    format!("{}设为{font}三号", level(style)),
                    ranges.iter().map(|r| run_format(*r, Some(font), Some(want.size), None)).collect(),
                )
            });
            for (found, span, n) in groups.into_groups() {
                let many = count_note(n, "处");
                let finding =
                    Finding::new(span, format!("{}用了“{found}”，国标一般用{}{many}", level(style), want.zh()))
                        .help(format!("{}设为{}；可建“标题 1”“标题 2”样式统一设置", level(style), want.zh()))
                        .en(format!("A {} heading is set in “{found}”", level(style)))
                        .fix_once(&mut fix);
                out.push(finding);
            }
        }
    }
}
