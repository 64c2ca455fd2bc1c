use super::common::{Grouped, Want, deviation, fix_font, layout, run_format, with_parts};
use crate::diagnostic::{Finding, Fix, Severity};
use crate::document::Part;
use crate::layout::{Align, FontFamily, sizes};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct TitleFont;

static META: RuleMeta = RuleMeta {
    code: "GW903",
    name: "title-font",
    summary: "标题一般用二号小标宋体字，居中排布",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.1 标题：“一般用2号小标宋体字，编排于红色分隔线下空二行位置，分一行或多行居中排布”",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "只检查 .docx。文档模型认出的标题（一行或多行）：\n\n\
- 汉字字体属小标宋一类（方正小标宋简体、方正小标宋_GBK 等，见 `lints/fonts.toml`；华文中宋、宋体加粗不算）；\n\
- 字号为二号（22 磅）；\n\
- 段落居中（左对齐、两端对齐加空格凑出来的“居中”在换行后会错位）。\n\n\
标题回行是否“词意完整、排列对称”需要人看，不检查。",
    bad: "标题用“宋体 三号”加粗，两端对齐",
    good: "标题用“方正小标宋简体 二号”，居中",
};

impl Rule for TitleFont {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let text = cx.text();
        let want = Want { family: FontFamily::XiaoBiaoSong, size: sizes::ER_HAO };
        let mut fonts = Grouped::default();
        let mut aligned = None;
        let mut title_spans = Vec::new();
        for (para, part) in with_parts(cx, layout) {
            if part != Some(Part::Title) || para.in_text_box {
                continue;
            }
            title_spans.push(para.span);
            if let Some((span, found)) = deviation(text, para, para.span, want) {
                fonts.add(found, span);
            }
            if para.align != Align::Centre && aligned.is_none() {
                aligned = Some((para.span, para.align));
            }
        }
        for (found, span, _) in fonts.into_groups() {
            out.push(
                Finding::new(span, format!("标题用了“{found}”，国标一般用{}", want.zh()))
                    .help("标题字体设为方正小标宋简体（或同类小标宋字体），字号二号")
                    .fix(Fix::layout(
                        format!("标题设为{}二号", fix_font(want.family)),
                        title_spans
                            .iter()
                            .map(|s| run_format(*s, Some(fix_font(want.family)), Some(want.size), None))
                            .collect(),
                    ))
                    .en(format!("The title is set in “{found}”; GB/T 9704 uses 22 pt XiaoBiaoSong")),
            );
        }
        if let Some((span, align)) = aligned {
            out.push(
                Finding::new(span, format!("标题段落为{}，标题应居中排布", align.zh()))
                    .help("把标题段落设为居中对齐，不要用空格凑位置")
                    .fix(Fix::layout(
                        "标题段落设为居中",
                        title_spans.iter().map(|s| super::common::align(*s, "center")).collect(),
                    ))
                    .en("The title paragraph is not centred"),
            );
        }
    }
}
