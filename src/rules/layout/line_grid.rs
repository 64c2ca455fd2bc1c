use super::common::{layout, with_parts};
use crate::diagnostic::{Finding, Fix, LayoutEdit, Severity};
use crate::document::Part;
use crate::layout::{GridKind, Layout, LineRule, ParagraphLayout, Section};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct LineGrid;

static META: RuleMeta = RuleMeta {
    code: "GW905",
    name: "line-grid",
    summary: "一般每面排 22 行、每行排 28 个字，并撑满版心",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 5.2.3 行数和字数：“一般每面排22行，每行排28个字，并撑满版心。特定情况可以作适当调整。”",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "只检查 .docx。按 Word 排版的算法求每面行数和每行字数：\n\n\
- **行数**：正文多数段落用“固定值”行距时，为版心高度 ÷ 行距；否则按文档网格的行距（“布局 → 文档网格 → 指定行和字符网格”）。\
两者都没有时无法确定，以提示说明。版心 225 mm 排 22 行，行距约 28.95 磅（579 缇）；28.8 磅也是 22 行。\n\
- **字数**：设了“指定行和字符网格”时，字距 = 默认字号 + 网格的字符间距调整，每行字数 = 版心宽 ÷ 字距；\
没有字符网格时按正文字号计算。三号字（16 磅）不用字符网格时，156 mm 的版心每行只排得下 27 个字，\
所以国标的 28 字要用字符网格把字距压到约 15.8 磅。\n\n\
只检查正文所在的节。\n\n\
修复（`--fix`、`--annotate`）设“指定行和字符网格”：行距 = 版心高 ÷ 22（取整到缇），字符间距调整 = 版心宽 ÷ 28 − 默认字号；\
页边距不合国标时按国标的版心（156 mm × 225 mm）计算，与 GW901 的修复一致。正文用“固定值”行距时，这些段落的行距也设为同一值。",
    bad: "行距“单倍行距”、未设文档网格：每面约 19 行，每行 27 字",
    good: "文档网格“指定行和字符网格”：每行 28 字、每页 22 行（或行距固定值 28.95 磅加字符网格）",
};

const TWIPS_PER_PT: f64 = 20.0;

/// Lines per page, and how that was determined; `None` when neither an exact line spacing nor
/// a line grid fixes it.
pub fn lines_per_page(section: &Section, body: &[&ParagraphLayout]) -> Option<(u32, &'static str)> {
    let height = f64::from(section.page_height? - section.margin_top? - section.margin_bottom?);
    let exact: Vec<i32> =
        body.iter().filter_map(|p| p.line_spacing.filter(|s| s.rule == LineRule::Exact).map(|s| s.value)).collect();
    if exact.len() * 2 > body.len() && !exact.is_empty() {
        let mut sorted = exact;
        sorted.sort_unstable();
        let pitch = f64::from(sorted[sorted.len() / 2]);
        return (pitch > 0.0).then(|| ((height / pitch + 0.05).floor() as u32, "固定行距"));
    }
    let grid = section.grid?;
    let pitch = f64::from(grid.line_pitch?);
    (pitch > 0.0).then(|| ((height / pitch + 0.05).floor() as u32, "文档网格"))
}

/// Characters per line: by the character grid when there is one, else by the body's size.
pub fn chars_per_line(
    section: &Section,
    default_size: Option<u32>,
    body_size: Option<u32>,
) -> Option<(u32, &'static str)> {
    let width =
        f64::from(section.page_width? - section.margin_left? - section.margin_right? - section.gutter.unwrap_or(0));
    let width_pt = width / TWIPS_PER_PT;
    let (pitch, how) = match section.grid {
        Some(g) if g.kind == GridKind::LinesAndChars => {
            let base = f64::from(default_size?) / 2.0;
            (base + f64::from(g.char_space.unwrap_or(0)) / 4096.0, "字符网格")
        }
        _ => (f64::from(body_size?) / 2.0, "正文字号"),
    };
    (pitch > 0.0).then(|| ((width_pt / pitch + 0.05).floor() as u32, how))
}

/// The grid that gives 22 lines of 28 characters on `section`'s 版心 (GB/T 9704's, when the
/// page itself is not the standard's: GW901's fix sets that page), and the exact line spacing
/// that matches it.
pub fn standard_grid(section: &Section, default_size: Option<u32>) -> (i32, Option<i32>) {
    let standard = super::page_size_margins::problems(section).is_empty();
    let mm = |v: f64| v * crate::layout::TWIPS_PER_MM;
    let (height, width) = match (standard, section) {
        (
            true,
            Section {
                page_width: Some(w),
                page_height: Some(h),
                margin_top: Some(t),
                margin_bottom: Some(b),
                margin_left: Some(l),
                margin_right: Some(r),
                gutter,
                ..
            },
        ) => (f64::from(h - t - b), f64::from(w - l - r - gutter.unwrap_or(0))),
        _ => (mm(225.0), mm(156.0)),
    };
    let line_pitch = (height / 22.0).floor() as i32;
    let char_space = default_size.map(|size| {
        let pitch = width / TWIPS_PER_PT / 28.0;
        ((pitch - f64::from(size) / 2.0) * 4096.0).floor() as i32
    });
    (line_pitch, char_space)
}

fn body<'a>(cx: &Context<'a>, layout: &'a Layout) -> Vec<&'a ParagraphLayout> {
    with_parts(cx, layout)
        .into_iter()
        .filter(|(p, part)| *part == Some(Part::Body) && !p.in_table && !p.in_text_box && !p.off_grid)
        .map(|(p, _)| p)
        .collect()
}

impl Rule for LineGrid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let Some(section) = layout.sections.last() else { return };
        let body = body(cx, layout);
        let Some(first) = body.first() else { return };
        let text = cx.text();
        // The size most of the body is set in.
        let mut sizes: Vec<u32> = body.iter().flat_map(|p| p.visible_runs(text)).filter_map(|r| r.style.size).collect();
        sizes.sort_unstable();
        let body_size = sizes.get(sizes.len() / 2).copied();
        let mut problems = Vec::new();
        let (line_pitch, char_space) = standard_grid(section, layout.default_size);
        let mut edits = vec![LayoutEdit::DocGrid { line_pitch, char_space }];
        // Paragraphs at an exact spacing are not on the grid's lines: they get the same pitch.
        for p in body.iter().filter(|p| p.line_spacing.is_some_and(|s| s.rule == LineRule::Exact)) {
            edits.push(LayoutEdit::LineSpacing { byte_start: p.span.start, byte_end: p.span.end, exact: line_pitch });
        }
        let fix = Fix::layout("设文档网格：每页 22 行、每行 28 字", edits);
        match lines_per_page(section, &body) {
            Some((22, _)) => {}
            Some((n, how)) => problems.push(format!("按{how}每面 {n} 行")),
            None if section.page_height.is_none() || section.margin_top.is_none() || section.margin_bottom.is_none() => {
                out.push(
                    Finding::new(first.span, "文档未写明纸张大小或上下页边距，无法确定每面行数；国标一般每面 22 行")
                        .severity(Severity::Info)
                        .help("先按 GW901 设好纸张和页边距，再在“布局 → 文档网格”中设每页 22 行、每行 28 字")
                        .fix(fix.clone())
                        .en("Lines per page cannot be determined (no page size or margins)"),
                )
            }
            None => out.push(
                Finding::new(first.span, "未设固定行距，也未设文档网格，无法确定每面行数；国标一般每面 22 行")
                    .severity(Severity::Info)
                    .help("在“布局 → 文档网格”中选“指定行和字符网格”，每页 22 行、每行 28 字；或把正文行距设为固定值 28.95 磅")
                    .fix(fix.clone())
                    .en("Lines per page cannot be determined (no exact spacing, no document grid)"),
            ),
        }
        if let Some((n, how)) = chars_per_line(section, layout.default_size, body_size)
            && n != 28
        {
            problems.push(format!("按{how}每行 {n} 字"));
        }
        if !problems.is_empty() {
            out.push(
                Finding::new(first.span, format!("{}，国标一般每面 22 行、每行 28 字", problems.join("，")))
                    .help("在“布局 → 文档网格”中选“指定行和字符网格”，每行 28 字、每页 22 行（页边距先按 GW901 设好）")
                    .fix(fix)
                    .en(format!("{}; GB/T 9704 sets 22 lines of 28 characters", problems.join(", "))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Grid, LineSpacing, TWIPS_PER_MM};

    fn a4() -> Section {
        let t = |mm: f64| Some((mm * TWIPS_PER_MM).round() as i32);
        Section {
            page_width: Some(11906),
            page_height: Some(16838),
            margin_top: t(37.0),
            margin_bottom: t(35.0),
            margin_left: t(28.0),
            margin_right: t(26.0),
            ..Section::default()
        }
    }

    fn para(spacing: Option<LineSpacing>) -> ParagraphLayout {
        ParagraphLayout { line_spacing: spacing, ..ParagraphLayout::default() }
    }

    #[test]
    fn the_template_grid_gives_22_lines_of_28() {
        let mut s = a4();
        s.grid = Some(Grid { kind: GridKind::LinesAndChars, line_pitch: Some(579), char_space: Some(-849) });
        let p = para(None);
        assert_eq!(lines_per_page(&s, &[&p]), Some((22, "文档网格")));
        assert_eq!(chars_per_line(&s, Some(32), Some(32)), Some((28, "字符网格")));
    }

    #[test]
    fn exact_spacing_decides_lines_and_the_body_size_decides_characters_without_a_grid() {
        let s = a4();
        let exact = para(Some(LineSpacing { value: 576, rule: LineRule::Exact }));
        assert_eq!(lines_per_page(&s, &[&exact, &exact]), Some((22, "固定行距")));
        let loose = para(Some(LineSpacing { value: 600, rule: LineRule::Exact }));
        assert_eq!(lines_per_page(&s, &[&loose]), Some((21, "固定行距")));
        assert_eq!(chars_per_line(&s, Some(32), Some(32)), Some((27, "正文字号")));
        assert_eq!(lines_per_page(&s, &[&para(None)]), None, "single spacing and no grid: unknown");
    }
}
