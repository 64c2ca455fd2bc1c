use super::common::layout;
use crate::diagnostic::Severity;
use crate::diagnostic::{Finding, Fix, LayoutEdit};
use crate::layout::{Section, TWIPS_PER_MM};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct PageSizeMargins;

static META: RuleMeta = RuleMeta {
    code: "GW901",
    name: "page-size-margins",
    summary: "A4 纸；天头 37 mm、订口 28 mm（各 ±1 mm），版心 156 mm × 225 mm",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 5.1 幅面尺寸（公文用纸采用 GB/T 148 中规定的 A4 型纸）；5.2.1 页边与版心尺寸：“公文用纸天头（上白边）为37 mm±1 mm，公文用纸订口（左白边）为28 mm±1 mm，版心尺寸为156 mm×225 mm。”",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "只检查 .docx（文本草稿没有页面设置）。读每一节的页面设置：\n\n\
- 纸张为 A4（210 mm × 297 mm，横向也不符合）；\n\
- 上边距（天头）37 mm、左边距（订口，含装订线）28 mm，各允许 ±1 mm；\n\
- 版心 156 mm × 225 mm，即右边距 26 mm、下边距 35 mm，同样允许 ±1 mm。\n\n\
Word 中在“布局 → 页边距 → 自定义页边距”里设置：上 3.7 厘米、下 3.5 厘米、左 2.8 厘米、右 2.6 厘米，纸张 A4。\
多节文档每节单独检查，同样的问题只报一次。",
    bad: "页边距：上 2.54 厘米、下 2.54 厘米、左 3.18 厘米、右 3.18 厘米（Word 默认）",
    good: "页边距：上 3.7 厘米、下 3.5 厘米、左 2.8 厘米、右 2.6 厘米，纸张 A4",
};

const TOLERANCE_MM: f64 = 1.0;

/// A4 portrait with the margins of GB/T 9704 5.2.1 (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm).
pub fn gb_page() -> LayoutEdit {
    let t = |mm: f64| (mm * TWIPS_PER_MM).round() as i32;
    LayoutEdit::PageSetup {
        width: t(210.0),
        height: t(297.0),
        top: t(37.0),
        bottom: t(35.0),
        left: t(28.0),
        right: t(26.0),
    }
}

fn mm(twips: i32) -> f64 {
    f64::from(twips) / TWIPS_PER_MM
}

/// What is wrong with a section's page, in the order a drafter fixes it.
pub fn problems(s: &Section) -> Vec<String> {
    let mut out = Vec::new();
    let off = |v: f64, want: f64| (v - want).abs() > TOLERANCE_MM;
    // Without them the program that opens the file decides (Word's own default may be Letter).
    if s.page_width.is_none() || s.page_height.is_none() {
        out.push("文档未写明纸张大小（由打开它的软件决定，不一定是 A4）".to_string());
    }
    if [s.margin_top, s.margin_bottom, s.margin_left, s.margin_right].iter().any(Option::is_none) {
        out.push("文档未写明全部页边距".to_string());
    }
    if let (Some(w), Some(h)) = (s.page_width, s.page_height) {
        let (w, h) = (mm(w), mm(h));
        if off(w, 210.0) || off(h, 297.0) {
            out.push(if !off(w, 297.0) && !off(h, 210.0) {
                "纸张为横向，公文用 A4 纵向".to_string()
            } else {
                format!("纸张为 {w:.0} mm × {h:.0} mm，公文用 A4（210 mm × 297 mm）")
            });
            return out;
        }
    }
    let side = |name: &str, v: Option<i32>, want: f64, out: &mut Vec<String>| {
        if let Some(v) = v.map(mm)
            && off(v, want)
        {
            out.push(format!("{name} {v:.1} mm，应为 {want:.0} mm"));
        }
    };
    side("上边距（天头）", s.margin_top, 37.0, &mut out);
    side("左边距（订口）", s.margin_left.map(|l| l + s.gutter.unwrap_or(0)), 28.0, &mut out);
    side("右边距", s.margin_right, 26.0, &mut out);
    side("下边距", s.margin_bottom, 35.0, &mut out);
    out
}

impl Rule for PageSizeMargins {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let at = layout.paragraphs.iter().find(|p| !p.span.is_empty()).map_or(Span::new(0, 0), |p| p.span);
        let mut said: Vec<String> = Vec::new();
        for section in &layout.sections {
            let found = problems(section);
            if found.is_empty() || said.contains(&found.join("；")) {
                continue;
            }
            let message = format!("页面设置不符合国标：{}", found.join("；"));
            said.push(found.join("；"));
            out.push(
                Finding::new(at, message)
                    .help("在“布局 → 页边距 → 自定义页边距”中设为上 3.7 厘米、下 3.5 厘米、左 2.8 厘米、右 2.6 厘米，纸张 A4 纵向")
                    .fix(Fix::layout("纸张设为 A4 纵向，页边距设为上 37 mm、下 35 mm、左 28 mm、右 26 mm", vec![gb_page()]))
                    .en("The page is not A4 with GB/T 9704 margins (top 37 mm, left 28 mm, text block 156 × 225 mm)"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(w: f64, h: f64, top: f64, bottom: f64, left: f64, right: f64) -> Section {
        let t = |v: f64| Some((v * TWIPS_PER_MM).round() as i32);
        Section {
            page_width: t(w),
            page_height: t(h),
            margin_top: t(top),
            margin_bottom: t(bottom),
            margin_left: t(left),
            margin_right: t(right),
            ..Section::default()
        }
    }

    #[test]
    fn the_standard_page_passes_within_a_millimetre() {
        assert!(problems(&section(210.0, 297.0, 37.0, 35.0, 28.0, 26.0)).is_empty());
        assert!(problems(&section(210.0, 297.0, 37.9, 34.2, 27.1, 26.5)).is_empty());
    }

    #[test]
    fn word_defaults_and_other_papers_are_named() {
        let defaults = problems(&section(210.0, 297.0, 25.4, 25.4, 31.8, 31.8));
        assert_eq!(defaults.len(), 4, "{defaults:?}");
        assert!(defaults[0].starts_with("上边距（天头） 25.4 mm"), "{defaults:?}");
        assert_eq!(problems(&section(297.0, 210.0, 37.0, 35.0, 28.0, 26.0)), ["纸张为横向，公文用 A4 纵向"]);
        assert!(problems(&section(215.9, 279.4, 37.0, 35.0, 28.0, 26.0))[0].contains("216 mm × 279 mm"));
    }

    #[test]
    fn a_gutter_counts_toward_the_binding_margin() {
        let mut s = section(210.0, 297.0, 37.0, 35.0, 20.0, 26.0);
        s.gutter = Some((8.0 * TWIPS_PER_MM) as i32);
        assert!(problems(&s).is_empty());
    }
}
