use super::common::{
    BODY_PARTS, Grouped, Want, count_note, deviation, fix_font, heading_end, heading_family, layout, ordinal_in,
    run_format, with_parts,
};
use crate::diagnostic::{Finding, Fix, Severity};
use crate::document::Part;
use crate::layout::{FontFamily, sizes};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct BodyFont;

static META: RuleMeta = RuleMeta {
    code: "GW902",
    name: "body-font",
    summary: "正文等要素一般用三号仿宋体字，文字为黑色",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 5.2.2 字体和字号：“如无特殊说明，公文格式各要素一般用3号仿宋体字。特定情况可以作适当调整。”；5.2.4 文字的颜色：“如无特殊说明，公文中文字的颜色均为黑色。”；7.3.3 正文“一般用3号仿宋体字”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查 .docx。主送机关、正文（层次标题本身除外，见 GW904）、附件说明、发文机关署名、成文日期和附注的文字，\
按 Word 的样式规则（文档默认 → 段落样式及其基准样式 → 字符样式 → 直接格式）求出每段文字实际的字体和字号：\n\n\
- 汉字的字体应属仿宋一类：仿宋_GB2312、仿宋、FangSong、方正仿宋_GBK 等都算（等效表见 `lints/fonts.toml`）；\
数字和字母可以另用字体（如 Times New Roman），不检查；\n\
- 字号为三号（16 磅）；\n\
- 文字为黑色（“自动”也算黑色）。\n\n\
表格中的文字不检查（表格常用小一号字，属国标允许的“适当调整”）。同样的偏差出现在多段时只报一次，并说明共有几段。\
单位另有字体要求（如一律用方正字体）时，用 GW912 house-fonts 配置。",
    bad: "正文用“宋体 小四”（Word 默认样式）",
    good: "正文用“仿宋_GB2312 三号”，层次标题另按 GW904",
};

impl Rule for BodyFont {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let text = cx.text();
        let want = Want { family: FontFamily::FangSong, size: sizes::SAN_HAO };
        let mut fonts = Grouped::default();
        let mut deviating = Vec::new();
        let mut colours = Grouped::default();
        let mut coloured = Vec::new();
        for (para, part) in with_parts(cx, layout) {
            let Some(part) = part.filter(|p| BODY_PARTS.contains(p)) else { continue };
            if para.in_table || para.in_text_box {
                continue;
            }
            // A heading's own words are GW904's; the sentences after it are body text.
            let mut range = para.span;
            if part == Part::Body
                && let Some(ordinal) = ordinal_in(cx, para)
                && heading_family(ordinal.style).is_some()
            {
                range = Span::new(heading_end(text, ordinal.span.start, para.span.end), para.span.end);
            }
            if let Some((span, found)) = deviation(text, para, range, want) {
                fonts.add(found, span);
                // A run holding the heading and the sentence after it is split by the fix.
                deviating.push(range);
            }
            if let Some(run) = para.visible_runs(text).find(|r| {
                r.span.start < range.end
                    && r.span.end > range.start
                    && r.style.color.as_deref().is_some_and(|c| c != "AUTO" && c != "000000")
            }) {
                colours.add(run.style.color.clone().unwrap_or_default(), run.span);
                coloured.push(range);
            }
        }
        // One fix for all the body text, on the first finding: the others show the same change.
        let mut fix = (!deviating.is_empty()).then(|| {
            Fix::layout(
                format!("正文设为{}三号", fix_font(want.family)),
                deviating.iter().map(|r| run_format(*r, Some(fix_font(want.family)), Some(want.size), None)).collect(),
            )
        });
        for (found, span, n) in fonts.into_groups() {
            let many = count_note(n, "段");
            let finding = Finding::new(span, format!("正文文字用了“{found}”，国标一般用{}{many}", want.zh()));
            let finding = finding.fix_once(&mut fix);
            out.push(
                finding
                    .help("选中正文，字体设为仿宋_GB2312（或仿宋），字号设为三号；最好改“正文”样式，一次改全")
                    .en(format!("Body text is set in “{found}”; GB/T 9704 uses 16 pt FangSong")),
            );
        }
        let mut colour_fix = (!coloured.is_empty()).then(|| {
            Fix::layout(
                "正文文字设为黑色",
                coloured.iter().map(|r| run_format(*r, None, None, Some("000000"))).collect(),
            )
        });
        for (colour, span, n) in colours.into_groups() {
            let many = count_note(n, "段");
            let finding = Finding::new(span, format!("正文文字颜色为 #{colour}，公文文字一般为黑色{many}"))
                .help("把字体颜色改为“自动”或黑色")
                .en(format!("Body text is coloured #{colour}; official documents print black"))
                .fix_once(&mut colour_fix);
            out.push(finding);
        }
    }
}
