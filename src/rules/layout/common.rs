//! What the 版式 rules share: the layout paired with the document model's parts, the
//! font-and-size comparison, and grouping of one deviation repeated over many paragraphs into
//! one finding (a draft typed in 宋体小四 throughout is one mistake, not forty).

use crate::diagnostic::LayoutEdit;
use crate::document::{OrdinalStyle, Part};
use crate::lang::is_han;
use crate::layout::{FontFamily, Layout, ParagraphLayout, RunStyle, size_name};
use crate::rules::Context;
use crate::span::Span;

pub fn layout<'a>(cx: &Context<'a>) -> Option<&'a Layout> {
    cx.source.layout.as_deref()
}

/// Each paragraph of the layout with the part of the document its text belongs to (`None` for
/// empty paragraphs and text the model did not place).
pub fn with_parts<'a>(cx: &Context<'a>, layout: &'a Layout) -> Vec<(&'a ParagraphLayout, Option<Part>)> {
    let mut paragraphs = model_parts(cx, layout);
    // A title the text alone did not reveal (a template's `测试文段`, a title without its 文种)
    // still shows by its setting: among the first body paragraphs, the first in 小标宋 or at 小二
    // and above — but not above 一号, the size of a 发文机关标志 the text did not reveal either.
    // It is held to the title's layout, not the body's.
    if cx.doc.title.is_none() {
        let text = cx.text();
        let fonts = crate::layout::FontTable::builtin();
        let titled = |p: &ParagraphLayout| {
            let runs: Vec<_> =
                p.visible_runs(text).filter(|r| text[r.span.start..r.span.end].chars().any(is_han)).collect();
            !runs.is_empty()
                && runs.iter().all(|r| {
                    (r.style.east_asia.as_deref().and_then(|f| fonts.family(f)) == Some(FontFamily::XiaoBiaoSong)
                        || r.style.size.is_some_and(|s| s >= crate::layout::sizes::XIAO_ER))
                        && r.style.size.is_none_or(|s| s <= crate::layout::sizes::YI_HAO)
                })
        };
        if let Some((_, part)) = paragraphs
            .iter_mut()
            .filter(|(p, part)| !p.span.is_empty() && *part == Some(Part::Body) && !p.in_table)
            .take(6)
            .find(|(p, _)| titled(p))
        {
            *part = Some(Part::Title);
        }
    }
    paragraphs
}

/// Each paragraph with the part the document model gave its text.
fn model_parts<'a>(cx: &Context<'a>, layout: &'a Layout) -> Vec<(&'a ParagraphLayout, Option<Part>)> {
    let lines = &cx.doc.lines;
    let mut j = 0;
    layout
        .paragraphs
        .iter()
        .map(|p| {
            while j < lines.len() && lines[j].0.span.end < p.span.start {
                j += 1;
            }
            let part = lines
                .get(j)
                .filter(|(l, _)| !l.span.is_empty() && l.span.start <= p.span.end && l.span.end >= p.span.start)
                .map(|(_, part)| *part);
            (p, part)
        })
        .collect()
}

/// The parts set in the body font (GB/T 9704 5.2.2): 主送, 正文, 附件说明, 署名, 日期, 附注.
pub const BODY_PARTS: [Part; 6] =
    [Part::MainRecipients, Part::Body, Part::AttachmentNote, Part::Signature, Part::Date, Part::Annotation];

/// The paragraph holding byte `at`.
pub fn paragraph_at(paragraphs: &[(&ParagraphLayout, Option<Part>)], at: usize) -> Option<usize> {
    paragraphs.iter().position(|(p, _)| p.span.start <= at && at <= p.span.end)
}

/// `（共 8 段，首见于此）` after a message whose deviation repeats; nothing for one.
pub fn count_note(n: usize, unit: &str) -> String {
    if n > 1 { format!("（共 {n} {unit}，首见于此）") } else { String::new() }
}

/// A font and size GB/T 9704 asks for.
#[derive(Clone, Copy, Debug)]
pub struct Want {
    pub family: FontFamily,
    pub size: u32,
}

impl Want {
    pub fn zh(self) -> String {
        format!("{}{}", size_name(self.size), self.family.zh())
    }
}

/// How a run is set, as a drafter reads it in Word: `宋体 小四`.
pub fn describe(style: &RunStyle) -> String {
    let font = style.east_asia.as_deref().unwrap_or("未指定的中文字体");
    match style.size {
        Some(s) => format!("{font} {}", size_name(s)),
        None => font.to_string(),
    }
}

/// The first run overlapping `range` whose font family or size is not `want` (only runs with
/// Chinese characters are held to the font: Latin letters and digits may have their own), with
/// how it is set.
pub fn deviation(text: &str, para: &ParagraphLayout, range: Span, want: Want) -> Option<(Span, String)> {
    for run in para.visible_runs(text) {
        let start = run.span.start.max(range.start);
        let end = run.span.end.min(range.end);
        if start >= end {
            continue;
        }
        let piece = &text[start..end];
        if !piece.chars().any(|c| !c.is_whitespace() && c != '\u{3000}') {
            continue;
        }
        let han = piece.chars().any(is_han);
        let family_ok = !han || run.style.family() == Some(want.family);
        let size_ok = run.style.size.is_none_or(|s| s == want.size);
        if !family_ok || !size_ok {
            return Some((Span::new(start, end), describe(&run.style)));
        }
    }
    None
}

/// One deviation per distinct way of being wrong, with how many paragraphs share it.
#[derive(Default)]
pub struct Grouped {
    groups: Vec<(String, Span, usize)>,
}

impl Grouped {
    pub fn add(&mut self, found: String, span: Span) {
        match self.groups.iter_mut().find(|(f, _, _)| *f == found) {
            Some((_, _, n)) => *n += 1,
            None => self.groups.push((found, span, 1)),
        }
    }

    /// (how it is set, first span, how many paragraphs) in order of first appearance.
    pub fn into_groups(self) -> Vec<(String, Span, usize)> {
        self.groups
    }
}

/// Where a paragraph's heading ends: a heading of 层次序数 style `一、` or `（一）` is the text up
/// to its first full stop (or the whole line); the rest of the paragraph is body text.
pub fn heading_end(text: &str, start: usize, end: usize) -> usize {
    let line = &text[start..end];
    line.find(['。', '！', '？']).map_or(end, |i| start + i + '。'.len_utf8())
}

/// Set the runs in `span`: the font for Chinese, the size (half-points), the colour.
pub fn run_format(span: Span, east_asia: Option<&str>, size: Option<u32>, color: Option<&str>) -> LayoutEdit {
    LayoutEdit::RunFormat {
        byte_start: span.start,
        byte_end: span.end,
        east_asia: east_asia.map(str::to_string),
        size,
        color: color.map(str::to_string),
    }
}

/// The font name a fix sets for `family` (`lints/fonts.toml` [fix]).
pub fn fix_font(family: FontFamily) -> &'static str {
    crate::layout::FontTable::builtin().fix_font(family)
}

/// Set the indents of the paragraphs in `span`, in hundredths of a character of `size`
/// (half-points); a negative first line is a hanging indent.
pub fn indent(span: Span, first_line: Option<i32>, left: Option<i32>, right: Option<i32>, size: u32) -> LayoutEdit {
    LayoutEdit::ParagraphIndent { byte_start: span.start, byte_end: span.end, first_line, left, right, size }
}

/// Align the paragraphs in `span` (`center`, `right`, `both`, `left`).
pub fn align(span: Span, align: &str) -> LayoutEdit {
    LayoutEdit::ParagraphAlign { byte_start: span.start, byte_end: span.end, align: align.to_string() }
}

/// The font a heading level is set in (GB/T 9704 7.3.3: 一级黑体、二级楷体、三级四级仿宋).
pub fn heading_family(style: OrdinalStyle) -> Option<FontFamily> {
    match style {
        OrdinalStyle::Chinese => Some(FontFamily::HeiTi),
        OrdinalStyle::ParenChinese => Some(FontFamily::KaiTi),
        OrdinalStyle::Arabic | OrdinalStyle::ParenArabic => Some(FontFamily::FangSong),
        _ => None,
    }
}

/// The 层次序数 of the body paragraph that starts in `para`, if it has one.
pub fn ordinal_in<'a>(cx: &Context<'a>, para: &ParagraphLayout) -> Option<&'a crate::document::Ordinal> {
    let body = &cx.doc.body;
    let i = body.partition_point(|p| p.span.start < para.span.start);
    body.get(i).filter(|p| p.span.start <= para.span.end).and_then(|p| p.ordinal.as_ref())
}
