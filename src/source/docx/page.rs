//! Page setup (`w:sectPr`: size, margins, document grid) and the page numbers in the footers.

use super::styles::Styles;
use super::{attr, child, is_w};
use crate::layout::{Footer, FooterKind, Grid, GridKind, PageNumber, Section};
use roxmltree::{Document, Node};

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub(super) fn section(sect: Node) -> Section {
    // LibreOffice writes negative values as unsigned 32-bit numbers (charSpace="4294966271"):
    // read them back as the signed value they stand for.
    let num = |node: Option<Node>, name: &str| {
        node.and_then(|n| attr(n, name)).and_then(|v| v.parse::<i64>().ok()).map(|v| {
            if v > i64::from(i32::MAX) && v <= i64::from(u32::MAX) { (v - (1i64 << 32)) as i32 } else { v as i32 }
        })
    };
    let size = child(sect, "pgSz");
    let margins = child(sect, "pgMar");
    let grid = child(sect, "docGrid").and_then(|g| {
        let kind = match attr(g, "type") {
            Some("lines") => GridKind::Lines,
            Some("linesAndChars" | "snapToChars") => GridKind::LinesAndChars,
            _ => return None,
        };
        Some(Grid { kind, line_pitch: num(Some(g), "linePitch"), char_space: num(Some(g), "charSpace") })
    });
    Section {
        page_width: num(size, "w"),
        page_height: num(size, "h"),
        margin_top: num(margins, "top").map(i32::abs),
        margin_bottom: num(margins, "bottom").map(i32::abs),
        margin_left: num(margins, "left").or_else(|| num(margins, "start")),
        margin_right: num(margins, "right").or_else(|| num(margins, "end")),
        gutter: num(margins, "gutter"),
        grid,
    }
}

/// The footer parts a section refers to: (kind, relationship id).
pub(super) fn footer_refs(sect: Node) -> Vec<(FooterKind, String)> {
    sect.children()
        .filter(|c| is_w(*c, "footerReference"))
        .filter_map(|f| {
            let kind = match attr(f, "type") {
                Some("even") => FooterKind::Even,
                Some("first") => FooterKind::First,
                _ => FooterKind::Default,
            };
            Some((kind, f.attribute((R, "id"))?.to_string()))
        })
        .collect()
}

/// Relationship id → part name, from `word/_rels/document.xml.rels`.
pub(super) fn relationships(rels: &Document) -> Vec<(String, String)> {
    rels.root_element()
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "Relationship")
        .filter_map(|r| {
            let target = r.attribute("Target")?;
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("word/{target}"),
            };
            Some((r.attribute("Id")?.to_string(), part))
        })
        .collect()
}

/// A footer and the paragraph holding its page number (a `PAGE` field, simple or complex, in the
/// footer's paragraphs, text boxes or frames).
pub(super) fn footer(kind: FooterKind, doc: &Document, styles: &Styles) -> Footer {
    // The innermost paragraph with the field: a text box's paragraph, not the one anchoring it.
    let innermost = |p: &Node| !p.descendants().skip(1).any(|d| is_w(d, "p") && has_page_field(d));
    let page_number =
        doc.descendants().filter(|n| is_w(*n, "p")).find(|p| has_page_field(*p) && innermost(p)).map(|p| {
            let ppr = child(p, "pPr");
            let style = ppr.and_then(|p| child(p, "pStyle")).and_then(|s| attr(s, "val"));
            let (props, para_run) = styles.paragraph(style, ppr);
            let mut text = String::new();
            let mut number_style = None;
            for t in p.descendants().filter(|n| is_w(*n, "t")) {
                let piece = t.text().unwrap_or("");
                text.push_str(piece);
                if number_style.is_none() && piece.chars().any(|c| c.is_ascii_digit()) {
                    let run = t.ancestors().find(|a| is_w(*a, "r"));
                    number_style = Some(styles.run(&para_run, run.and_then(|r| child(r, "rPr"))));
                }
            }
            if !text.chars().any(|c| c.is_ascii_digit()) {
                // A field saved without its result: show where the number goes.
                text = format!("{text}1");
            }
            PageNumber {
                text,
                align: props.align.unwrap_or_default(),
                // A page number in a text box (as WPS inserts it) is placed by the box, not by its
                // paragraph's alignment.
                frame_x_align: props.frame_x_align.clone().or_else(|| shape_x_align(p)),
                style: number_style.unwrap_or_else(|| styles.mark(&para_run, ppr)),
                left: props.left.unwrap_or_default(),
                right: props.right.unwrap_or_default(),
            }
        });
    Footer { kind, page_number }
}

/// The horizontal position of the shape a paragraph sits in: VML's
/// `mso-position-horizontal:outside` or DrawingML's `<wp:positionH><wp:align>outside`.
fn shape_x_align(p: Node) -> Option<String> {
    for a in p.ancestors().filter(|a| a.is_element()) {
        match a.tag_name().name() {
            "shape" | "rect" | "roundrect" => {
                let style = a.attribute("style")?;
                let value = style.split(';').find_map(|d| {
                    let (k, v) = d.split_once(':')?;
                    (k.trim() == "mso-position-horizontal").then(|| v.trim().to_string())
                })?;
                return matches!(value.as_str(), "left" | "right" | "center" | "outside" | "inside").then_some(value);
            }
            "anchor" => {
                let align = a
                    .children()
                    .find(|c| c.is_element() && c.tag_name().name() == "positionH")?
                    .children()
                    .find(|c| c.is_element() && c.tag_name().name() == "align")?
                    .text()?
                    .trim()
                    .to_string();
                return matches!(align.as_str(), "left" | "right" | "center" | "outside" | "inside").then_some(align);
            }
            _ => {}
        }
    }
    None
}

fn has_page_field(p: Node) -> bool {
    let is_page = |instr: &str| instr.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("PAGE"));
    p.descendants().any(|n| {
        (is_w(n, "fldSimple") && attr(n, "instr").is_some_and(is_page))
            || (is_w(n, "instrText") && n.text().is_some_and(is_page))
    })
}

/// `w:evenAndOddHeaders` in `word/settings.xml`.
pub(super) fn even_and_odd(settings: &Document) -> bool {
    child(settings.root_element(), "evenAndOddHeaders")
        .is_some_and(|n| attr(n, "val").is_none_or(|v| v != "0" && v != "false"))
}
