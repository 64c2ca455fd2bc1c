//! From source text to the lines the recogniser classifies. Plain text: every non-blank line.
//! Markdown: the lines of paragraphs and headings found by pulldown-cmark, with Markdown markup
//! (`#`, `>`, `**`, link targets, escapes) recorded as masks and trimmed off line content.

use super::chars::CharSummary;
use super::masks::{MaskKind, Masks};
use crate::lang::is_blank;
use crate::source::SourceKind;
use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// The line's content, without indentation, markup or line break.
    pub span: Span,
    /// 1-based Markdown heading level when the line is a Markdown heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub md_heading: Option<u8>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_quote: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_list: bool,
    /// Whether `DOC_NUMBER` matches somewhere in the line (set by the recogniser), so that
    /// rules looking for 发文字号 can pass over the many lines without one.
    #[serde(skip)]
    pub doc_number: bool,
    /// Which characters the line holds (set by the recogniser), for the rules' "any of my
    /// marks here?" before they search the line.
    #[serde(skip)]
    pub chars: CharSummary,
}

impl Line {
    /// Whether the line holds `c`: the character summary's answer where it is exact (ASCII,
    /// punctuation, full-width forms), else the summary and then the text — a substring search
    /// costs a fixed setup on every line, and most lines lack the character.
    pub fn holds(&self, text: &str, c: char) -> bool {
        self.chars.may_contain(c) && (CharSummary::is_exact_for(c) || self.span.text(text).contains(c))
    }

    /// Whether the line holds any of `chars` (as `holds`).
    pub fn holds_any(&self, text: &str, chars: &[char]) -> bool {
        chars.iter().any(|&c| self.holds(text, c))
    }
}

/// A comment that may carry a suppression directive: `<!-- … -->` in Markdown, a line
/// starting with `//` in plain text. `text` is the comment's inside.
#[derive(Clone, Debug, Serialize)]
pub struct Comment {
    pub span: Span,
    pub text: String,
}

pub struct Extracted {
    pub lines: Vec<Line>,
    pub comments: Vec<Comment>,
}

/// `body` is where the draft proper starts (after any front matter).
pub fn extract(text: &str, kind: SourceKind, body: usize, masks: &mut Masks) -> Extracted {
    match kind {
        SourceKind::Text | SourceKind::Docx => extract_text(text, body),
        SourceKind::Markdown => extract_markdown(text, body, masks),
    }
}

/// The lines of `text[from..to]`, without their breaks (LF, CRLF or CR); no empty line after
/// a final break.
fn physical_lines(text: &str, from: usize, to: usize) -> impl Iterator<Item = Span> + '_ {
    let mut breaks = crate::source::line_breaks(&text[from..to]);
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= to {
            return None;
        }
        let (end, next) = breaks.next().map_or((to, to), |b| (from + b.start, from + b.end));
        let line = Span::new(pos, end);
        pos = next;
        Some(line)
    })
}

fn trimmed(text: &str, line: Span) -> Span {
    let s = line.text(text);
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let content = s.trim_matches(is_blank);
    Span::new(line.start + lead, line.start + lead + content.len())
}

fn extract_text(text: &str, body: usize) -> Extracted {
    let mut lines = Vec::new();
    let mut comments = Vec::new();
    for physical in physical_lines(text, body, text.len()) {
        let content = trimmed(text, physical);
        if content.is_empty() {
            continue;
        }
        let s = content.text(text);
        if let Some(inner) = s.strip_prefix("//") {
            comments.push(Comment { span: content, text: inner.trim().to_string() });
            continue;
        }
        lines.push(Line {
            span: content,
            md_heading: None,
            in_quote: false,
            in_list: false,
            doc_number: false,
            chars: CharSummary::default(),
        });
    }
    Extracted { lines, comments }
}

fn extract_markdown(text: &str, body: usize, masks: &mut Masks) -> Extracted {
    let src = &text[body..];
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut blocks: Vec<(Span, Option<u8>, bool, bool)> = Vec::new();
    let mut text_ranges: Vec<Span> = Vec::new();
    let mut comments = Vec::new();
    let (mut quote_depth, mut list_depth) = (0usize, 0usize);
    let mut open_block: Option<(usize, Option<u8>)> = None;
    let shift = |r: std::ops::Range<usize>| Span::new(r.start + body, r.end + body);

    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        let span = shift(range);
        match event {
            Event::Start(Tag::Paragraph) => open_block = Some((span.start, None)),
            Event::Start(Tag::Heading { level, .. }) => open_block = Some((span.start, Some(level as u8))),
            Event::Start(Tag::TableCell) => open_block = Some((span.start, None)),
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::TableCell) => {
                if let Some((start, heading)) = open_block.take() {
                    blocks.push((Span::new(start, span.end), heading, quote_depth > 0, list_depth > 0));
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quote_depth += 1;
                masks.add(MaskKind::BlockQuote, span);
            }
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Item) => list_depth += 1,
            Event::End(TagEnd::Item) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => masks.add(MaskKind::Code, span),
            Event::Code(_) => masks.add(MaskKind::Code, span),
            Event::Html(html) | Event::InlineHtml(html) => {
                masks.add(MaskKind::Markup, span);
                collect_html_comments(text, span, &html, &mut comments);
            }
            Event::Text(_) | Event::SoftBreak | Event::HardBreak if open_block.is_some() => {
                text_ranges.push(span);
            }
            _ => {}
        }
    }

    // Inside a text block, whatever no Text event covers is markup: `**`, `[`, `](…)`, `#`, `> `.
    text_ranges.sort();
    let mut lines = Vec::new();
    for (block, heading, in_quote, in_list) in blocks {
        let mut cursor = block.start;
        // The text ranges inside the block: they start within it (ranges are sorted by start).
        let from = text_ranges.partition_point(|r| r.start < block.start);
        let to = text_ranges.partition_point(|r| r.start <= block.end);
        let covered: Vec<Span> =
            text_ranges[from..to.max(from)].iter().copied().filter(|r| block.contains(*r)).collect();
        for r in &covered {
            if r.start > cursor {
                masks.add(MaskKind::Markup, Span::new(cursor, r.start));
            }
            cursor = cursor.max(r.end);
        }
        if cursor < block.end {
            masks.add(MaskKind::Markup, Span::new(cursor, block.end));
        }
        // Lines come in order: ranges that end before a line starts can be passed for good.
        let mut first = 0;
        for physical in physical_lines(text, block.start, block.end) {
            while first < covered.len() && covered[first].end <= physical.start {
                first += 1;
            }
            let last = first + covered[first..].partition_point(|r| r.start < physical.end);
            // Content runs from the first covered byte to the last covered byte on the line.
            let on_line: Vec<Span> = covered[first..last].iter().copied().filter(|r| r.overlaps(physical)).collect();
            let (Some(first), Some(last)) = (on_line.first(), on_line.last()) else { continue };
            let span = Span::new(first.start.max(physical.start), last.end.min(physical.end));
            let content = trimmed(text, span);
            if content.is_empty() {
                continue;
            }
            lines.push(Line {
                span: content,
                md_heading: heading,
                in_quote,
                in_list,
                doc_number: false,
                chars: CharSummary::default(),
            });
        }
    }
    lines.sort_by_key(|l| l.span.start);
    Extracted { lines, comments }
}

fn collect_html_comments(text: &str, span: Span, html: &str, out: &mut Vec<Comment>) {
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--") {
        let start = from + open;
        let Some(close) = html[start + 4..].find("-->") else { break };
        let end = start + 4 + close + 3;
        let inner = html[start + 4..end - 3].trim().to_string();
        // The event's string and the source agree for HTML, but stay inside the text if not.
        let abs = Span::new((span.start + start).min(text.len()), (span.start + end).min(text.len()));
        out.push(Comment { span: abs, text: inner });
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str, kind: SourceKind) -> Vec<String> {
        let mut masks = Masks::default();
        extract(text, kind, 0, &mut masks).lines.iter().map(|l| l.span.text(text).to_string()).collect()
    }

    #[test]
    fn plain_text_lines_are_trimmed_of_indentation() {
        let text = "标题\r\n\r\n　　现将有关事项通知如下。\r\n// gwlint-disable GW401\r\n";
        assert_eq!(lines_of(text, SourceKind::Text), ["标题", "现将有关事项通知如下。"]);
    }

    #[test]
    fn markdown_markup_is_not_content() {
        let text = "# 关于开展检查的通知\n\n> 引用的**原话**\n\n正文第一行\n正文第二行\n\n```\n代码\n```\n<!-- gwlint-disable-next-line GW301 -->\n";
        assert_eq!(
            lines_of(text, SourceKind::Markdown),
            ["关于开展检查的通知", "引用的**原话", "正文第一行", "正文第二行"]
        );
        let mut masks = Masks::default();
        let ex = extract(text, SourceKind::Markdown, 0, &mut masks);
        assert_eq!(ex.comments.len(), 1);
        assert_eq!(ex.comments[0].text, "gwlint-disable-next-line GW301");
        assert_eq!(ex.lines[0].md_heading, Some(1));
        assert!(ex.lines[1].in_quote);
        let bold = text.find("**原话").unwrap();
        assert!(masks.covers(MaskKind::Markup, Span::new(bold, bold + 2)));
    }
}
