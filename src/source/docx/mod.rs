//! Reading a .docx (OOXML, as Word and WPS write it) into the text a drafter sees, so that every
//! rule runs on it unchanged.
//!
//! - Reading order: body paragraphs and tables (cell by cell, row by row), content controls, and
//!   text boxes — a 版头 is often drawn in one — whose paragraphs come before the paragraph that
//!   anchors them. Headers and footers are not part of the text.
//! - Each paragraph is a line; a manual line break (`w:br`) starts a new line too, as the drafter
//!   sees it on the page.
//! - Tracked changes read as accepted: insertions and moves in are kept, deletions and moves out
//!   are left out. Comments are ignored.
//! - Automatic numbering is rendered as the text the reader sees (`一、`, `（一）`, `1.`), from
//!   the paragraph's own numbering or its style's.
//!
//! - The layout (`crate::layout`) is read alongside: page setup, each paragraph's resolved
//!   properties and runs (as byte spans into the text), red separator lines, page numbers.
//!
//! Zip bombs and oversized parts are refused by size before they are inflated.

mod edit;
mod footers;
mod format;
mod numbering;
mod page;
mod styles;

pub use edit::{Annotation, DocxEdits, annotate, apply_fixes};
pub use format::{LayoutWrite, apply_layout};

use crate::layout::{FooterKind, Layout, ParagraphLayout, RunLayout, Section, is_red};
use crate::span::Span;
use numbering::{Numbering, render, style_numbering};
use roxmltree::{Document, Node};
use std::collections::HashMap;
use std::io::Read;
use styles::{RunProps, Styles};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The largest part gwlint inflates. A draft's document.xml is a few hundred kilobytes.
const MAX_PART: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    NotZip,
    /// A compound file (OLE) under a .docx name: encrypted with an opening password, or a .doc
    /// renamed.
    Encrypted,
    OldFormat,
    NoDocument,
    TooLarge(String),
    Xml(String),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::NotZip => write!(f, "不是有效的 .docx 文件（无法按 zip 打开，文件可能已损坏或不完整）"),
            DocxError::Encrypted => {
                write!(f, "文件设了打开密码（已加密），gwlint 不能读取：请在 Word/WPS 中取消密码后另存为 .docx 再检查")
            }
            DocxError::OldFormat => {
                write!(
                    f,
                    "这是旧版 Word/WPS 文档（.doc/.wps）改成了 .docx 的名字：请在 Word/WPS 中“另存为” .docx 再检查"
                )
            }
            DocxError::NoDocument => write!(f, "不是有效的 .docx 文件（缺少正文 word/document.xml）"),
            DocxError::TooLarge(part) => write!(f, ".docx 中的 {part} 解压后超过 64 MB，不予读取"),
            DocxError::Xml(e) => write!(f, ".docx 的 XML 无法解析：{e}"),
        }
    }
}

impl std::error::Error for DocxError {}

/// The text of a .docx, one line per paragraph (and per manual line break).
pub fn read(bytes: &[u8]) -> Result<String, DocxError> {
    read_with_layout(bytes).map(|(text, _)| text)
}

/// The text of a .docx and its layout, whose spans index into that text.
pub fn read_with_layout(bytes: &[u8]) -> Result<(String, Layout), DocxError> {
    read_mapped(bytes).map(|m| (m.text, m.layout))
}

/// Where a piece of the text stands in `word/document.xml`: a `w:t`'s content.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    /// Byte range in the text.
    pub text: std::ops::Range<usize>,
    /// Byte range of the element's content in the XML (escaped as written).
    pub raw: std::ops::Range<usize>,
    /// Byte range of its run's `w:rPr` in the XML, to give a split run the same formatting.
    pub run_props: Option<std::ops::Range<usize>>,
    /// Inside an existing tracked insertion or move: no new revision may go in there.
    pub in_revision: bool,
}

/// Where an element with properties stands in `word/document.xml`: a paragraph (`w:pPr`), a run
/// (`w:rPr`) or a section (`w:sectPr` itself).
#[derive(Debug, Clone)]
pub(crate) struct XmlElement {
    /// Byte range in the text (empty for a section).
    pub text: std::ops::Range<usize>,
    /// The element's byte range in the XML.
    pub element: std::ops::Range<usize>,
    /// Its properties element's range, when it has one.
    pub props: Option<std::ops::Range<usize>>,
}

/// A .docx read with everything needed to write it back: the text, its layout, the XML of
/// `word/document.xml`, and where each piece of the text stands in that XML.
pub(crate) struct Mapped {
    pub text: String,
    pub layout: Layout,
    pub document_xml: String,
    pub segments: Vec<Segment>,
    pub paragraphs: Vec<XmlElement>,
    pub runs: Vec<XmlElement>,
    pub sections: Vec<XmlElement>,
}

pub(crate) fn read_mapped(bytes: &[u8]) -> Result<Mapped, DocxError> {
    // Word saves a document with an opening password as an OLE compound file holding an
    // `EncryptionInfo` stream (MS-OFFCRYPTO), not as a zip.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let encrypted = bytes.windows(name.len()).any(|w| w == name.as_slice());
        return Err(if encrypted { DocxError::Encrypted } else { DocxError::OldFormat });
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let numbering = part(&mut archive, "word/numbering.xml")?;
    let styles = part(&mut archive, "word/styles.xml")?;
    let theme = part(&mut archive, "word/theme/theme1.xml")?;
    let settings = part(&mut archive, "word/settings.xml")?;
    let rels = part(&mut archive, "word/_rels/document.xml.rels")?;
    let doc = parse(&document)?;
    let numbering = numbering.as_deref().map(parse).transpose()?;
    let styles = styles.as_deref().map(parse).transpose()?;
    let theme = theme.as_deref().map(parse).transpose()?;
    let mut reader = Reader {
        numbering: numbering.as_ref().map(Numbering::new).unwrap_or_default(),
        style_numbering: styles.as_ref().map(style_numbering).unwrap_or_default(),
        styles: Styles::new(styles.as_ref(), theme.as_ref()),
        counters: HashMap::new(),
        lines: Vec::new(),
        len: 0,
        paragraphs: Vec::new(),
        sections: Vec::new(),
        footer_refs: Vec::new(),
        table_depth: 0,
        box_depth: 0,
        segments: Vec::new(),
        xml_paragraphs: Vec::new(),
        xml_runs: Vec::new(),
        xml_sections: Vec::new(),
    };
    if let Some(body) = child(doc.root_element(), "body") {
        reader.block(body);
        if let Some(sect) = child(body, "sectPr") {
            reader.section(sect);
        }
    }
    let mut text = reader.lines.join("\n");
    text.push('\n');

    let mut layout = Layout {
        sections: std::mem::take(&mut reader.sections),
        paragraphs: std::mem::take(&mut reader.paragraphs),
        even_and_odd: settings.as_deref().map(parse).transpose()?.is_some_and(|s| page::even_and_odd(&s)),
        default_size: reader.styles.default_size(),
        footers: Vec::new(),
    };
    let rels = rels.as_deref().map(parse).transpose()?.map(|r| page::relationships(&r)).unwrap_or_default();
    let mut seen = Vec::new();
    for (kind, id) in std::mem::take(&mut reader.footer_refs) {
        let Some((_, name)) = rels.iter().find(|(r, _)| *r == id) else { continue };
        if seen.contains(&(kind, name.clone())) {
            continue;
        }
        seen.push((kind, name.clone()));
        if let Some(xml) = part(&mut archive, name)? {
            layout.footers.push(page::footer(kind, &parse(&xml)?, &reader.styles));
        }
    }
    let segments = std::mem::take(&mut reader.segments);
    let paragraphs = std::mem::take(&mut reader.xml_paragraphs);
    let runs = std::mem::take(&mut reader.xml_runs);
    let sections = std::mem::take(&mut reader.xml_sections);
    drop(doc);
    Ok(Mapped { text, layout, document_xml: document, segments, paragraphs, runs, sections })
}

fn parse(xml: &str) -> Result<Document<'_>, DocxError> {
    Document::parse_with_options(xml, roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() })
        .map_err(|e| DocxError::Xml(e.to_string()))
}

/// A part of the package, inflated within the size limit; `None` when the package lacks it.
fn part<R: Read + std::io::Seek>(archive: &mut zip::ZipArchive<R>, name: &str) -> Result<Option<String>, DocxError> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(DocxError::NotZip),
    };
    if file.size() > MAX_PART {
        return Err(DocxError::TooLarge(name.to_string()));
    }
    // The declared size may lie: read one byte past the limit to know.
    let mut bytes = Vec::new();
    (&mut file).take(MAX_PART + 1).read_to_end(&mut bytes).map_err(|_| DocxError::NotZip)?;
    if bytes.len() as u64 > MAX_PART {
        return Err(DocxError::TooLarge(name.to_string()));
    }
    String::from_utf8(bytes).map(Some).map_err(|_| DocxError::Xml(format!("{name} 不是 UTF-8")))
}

fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

struct Reader {
    numbering: Numbering,
    styles: Styles,
    /// Style id → (numId, ilvl) a paragraph style numbers its paragraphs with.
    style_numbering: HashMap<String, (String, usize)>,
    /// numId → the counter of each level.
    counters: HashMap<String, Vec<u32>>,
    lines: Vec<String>,
    /// Bytes of text so far, line breaks included: where the next line starts.
    len: usize,
    paragraphs: Vec<ParagraphLayout>,
    sections: Vec<Section>,
    footer_refs: Vec<(FooterKind, String)>,
    table_depth: usize,
    box_depth: usize,
    segments: Vec<Segment>,
    xml_paragraphs: Vec<XmlElement>,
    xml_runs: Vec<XmlElement>,
    xml_sections: Vec<XmlElement>,
}

impl Reader {
    /// Block-level content: paragraphs, tables, content controls.
    fn block(&mut self, node: Node) {
        for c in node.children().filter(Node::is_element) {
            if is_w(c, "p") {
                self.paragraph(c);
            } else if is_w(c, "tbl") {
                self.table_depth += 1;
                for row in c.children().filter(|r| is_w(*r, "tr")) {
                    for cell in row.children().filter(|c| is_w(*c, "tc")) {
                        self.block(cell);
                    }
                }
                self.table_depth -= 1;
            } else if is_w(c, "sdt") {
                if let Some(content) = child(c, "sdtContent") {
                    self.block(content);
                }
            } else if is_w(c, "customXml") || is_w(c, "ins") || is_w(c, "moveTo") {
                self.block(c);
            }
        }
    }

    fn section(&mut self, sect: Node) {
        self.xml_sections.push(XmlElement { text: 0..0, element: sect.range(), props: Some(sect.range()) });
        self.sections.push(page::section(sect));
        self.footer_refs.extend(page::footer_refs(sect));
    }

    fn paragraph(&mut self, p: Node) {
        let ppr = child(p, "pPr");
        let style = ppr.and_then(|ppr| child(ppr, "pStyle")).and_then(|s| attr(s, "val"));
        let (props, para_run) = self.styles.paragraph(style, ppr);
        let mut text = self.number(p);
        let mut boxes = Vec::new();
        let mut runs = Vec::new();
        let mut red = props.red_border.unwrap_or(false);
        let mut segments = Vec::new();
        let mut xml_runs = Vec::new();
        self.inline(
            p,
            &mut text,
            &mut Inline {
                boxes: &mut boxes,
                runs: &mut runs,
                para_run: &para_run,
                red: &mut red,
                segments: &mut segments,
                xml_runs: &mut xml_runs,
            },
        );
        // Text boxes anchored here come first: a 版头 drawn in a box stands above the title.
        self.box_depth += 1;
        for b in boxes {
            self.block(b);
        }
        self.box_depth -= 1;
        let base = self.len;
        for line in text.split('\n') {
            self.len += line.len() + 1;
            self.lines.push(line.to_string());
        }
        let shift = |s: Span| Span::new(base + s.start, base + s.end);
        self.segments
            .extend(segments.into_iter().map(|s| Segment { text: base + s.text.start..base + s.text.end, ..s }));
        self.xml_runs
            .extend(xml_runs.into_iter().map(|r| XmlElement { text: base + r.text.start..base + r.text.end, ..r }));
        self.xml_paragraphs.push(XmlElement {
            text: base..base + text.len(),
            element: p.range(),
            props: ppr.map(|n| n.range()),
        });
        self.paragraphs.push(ParagraphLayout {
            span: Span::new(base, base + text.len()),
            align: props.align.unwrap_or_default(),
            first_line: props.first_line.unwrap_or_default(),
            hanging: props.hanging.unwrap_or_default(),
            left: props.left.unwrap_or_default(),
            right: props.right.unwrap_or_default(),
            line_spacing: props.spacing,
            off_grid: props.snap_to_grid == Some(false),
            in_table: self.table_depth > 0,
            in_text_box: self.box_depth > 0,
            frame_x_align: props.frame_x_align.clone(),
            red_rule: red,
            mark_size: self.styles.mark(&para_run, ppr).size,
            runs: runs.into_iter().map(|r| RunLayout { span: shift(r.span), ..r }).collect(),
        });
        if let Some(sect) = ppr.and_then(|ppr| child(ppr, "sectPr")) {
            self.section(sect);
        }
    }

    /// Runs and what holds them, in order; text boxes are collected, not read inline.
    fn inline<'a, 'i>(&self, node: Node<'a, 'i>, text: &mut String, at: &mut Inline<'_, 'a, 'i>) {
        for c in node.children().filter(Node::is_element) {
            let name = c.tag_name().name();
            if c.tag_name().namespace() == Some(MC) {
                // Markup compatibility: the first choice, never the fallback (it repeats the box).
                if name == "AlternateContent"
                    && let Some(choice) = c.children().find(|n| n.is_element() && n.tag_name().name() == "Choice")
                {
                    self.inline(choice, text, at);
                }
                continue;
            }
            if c.tag_name().namespace() != Some(W) {
                // Drawing containers (wp:, a:, wps:, v:): look inside for a text box.
                if is_red_line(c) {
                    *at.red = true;
                }
                self.inline(c, text, at);
                continue;
            }
            match name {
                "t" => {
                    let start = text.len();
                    text.push_str(c.text().unwrap_or(""));
                    // Where the content stands in the XML; an empty `w:t` has none.
                    // Only text written plainly (entities allowed): CDATA's markers are not text.
                    let plain = |n: &Node| !n.document().input_text()[n.range()].starts_with("<![CDATA[");
                    if let Some(content) =
                        c.first_child().filter(|n| n.is_text() && c.children().count() == 1 && plain(n))
                    {
                        let run = c.parent().filter(|r| is_w(*r, "r"));
                        at.segments.push(Segment {
                            text: start..text.len(),
                            raw: content.range(),
                            run_props: run.and_then(|r| child(r, "rPr")).map(|r| r.range()),
                            in_revision: c.ancestors().any(|a| is_w(a, "ins") || is_w(a, "moveTo")),
                        });
                    }
                }
                "tab" if node.tag_name().name() == "r" => text.push('\t'),
                "br" | "cr" if attr(c, "type").is_none_or(|t| t == "textWrapping") => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                "txbxContent" => at.boxes.push(c),
                "r" => {
                    let start = text.len();
                    self.inline(c, text, at);
                    if text.len() > start {
                        let style = self.styles.run(at.para_run, child(c, "rPr"));
                        at.runs.push(RunLayout { span: Span::new(start, text.len()), style });
                        at.xml_runs.push(XmlElement {
                            text: start..text.len(),
                            element: c.range(),
                            props: child(c, "rPr").map(|r| r.range()),
                        });
                    }
                }
                // Deleted text, moved-away text, field codes, comments and notes are not read.
                "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "pPr" | "rPr" | "commentReference"
                | "footnoteReference" | "endnoteReference" => {}
                _ => self.inline(c, text, at),
            }
        }
    }

    /// The automatic number of a paragraph as rendered (`一、`, `（二）`), advancing the counters.
    fn number(&mut self, p: Node) -> String {
        let own = child(p, "pPr").and_then(|ppr| child(ppr, "numPr")).map(|num| {
            let id = child(num, "numId").and_then(|n| attr(n, "val")).unwrap_or("0").to_string();
            let level = child(num, "ilvl").and_then(|n| attr(n, "val")).and_then(|v| v.parse().ok()).unwrap_or(0);
            (id, level)
        });
        let styled = || {
            let style = child(p, "pPr").and_then(|ppr| child(ppr, "pStyle")).and_then(|s| attr(s, "val"))?;
            self.style_numbering.get(style).cloned()
        };
        let Some((id, level)) = own.or_else(styled) else { return String::new() };
        // numId 0 switches numbering off.
        let Some(levels) = self.numbering.levels(&id) else { return String::new() };
        let Some(format) = levels.get(level) else { return String::new() };
        // How many items each level has had since it last restarted; an item shows its level's
        // start plus that count less one (a level not yet used shows its start).
        let counters = self.counters.entry(id.clone()).or_default();
        counters.resize(levels.len(), 0);
        counters[level] = counters[level].saturating_add(1);
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        if format.format == "bullet" {
            return String::new();
        }
        let mut out = String::new();
        let mut chars = format.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let at = (d as usize).saturating_sub(1);
                if let (Some(n), Some(l)) = (counters.get(at), levels.get(at)) {
                    let shown = l.start.saturating_add(n.saturating_sub(1));
                    out.push_str(&render(shown, if format.legal { "decimal" } else { &l.format }));
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// What reading a paragraph's inline content collects besides its text.
struct Inline<'x, 'a, 'i> {
    boxes: &'x mut Vec<Node<'a, 'i>>,
    /// Runs with spans relative to the paragraph's text.
    runs: &'x mut Vec<RunLayout>,
    para_run: &'x RunProps,
    red: &'x mut bool,
    /// Each `w:t`, with its range relative to the paragraph's text.
    segments: &'x mut Vec<Segment>,
    /// Each run with text, likewise.
    xml_runs: &'x mut Vec<XmlElement>,
}

/// A red line drawn as a shape: a line or connector with a red outline, a thin red-filled
/// rectangle (how many templates draw the 版头 separator), or a VML line with a red stroke.
fn is_red_line(node: Node) -> bool {
    let name = node.tag_name().name();
    if name == "line" {
        return node.attribute("strokecolor").is_some_and(|c| is_red(c) || c.eq_ignore_ascii_case("red"));
    }
    if name != "spPr" {
        return false;
    }
    fn element<'a, 'i>(n: Node<'a, 'i>, tag: &str) -> Option<Node<'a, 'i>> {
        n.children().find(|c| c.is_element() && c.tag_name().name() == tag)
    }
    let red_fill = |n: Option<Node>| {
        n.and_then(|n| element(n, "solidFill"))
            .and_then(|f| element(f, "srgbClr"))
            .and_then(|c| c.attribute("val"))
            .is_some_and(is_red)
    };
    let geometry = element(node, "prstGeom").and_then(|g| g.attribute("prst")).unwrap_or("");
    let height = element(node, "xfrm")
        .and_then(|x| element(x, "ext"))
        .and_then(|e| e.attribute("cy"))
        .and_then(|v| v.parse::<i64>().ok());
    let outline_red = red_fill(element(node, "ln"));
    // 72000 EMU = 2 mm: thinner than any box, as thick as a printed rule.
    let thin = height.is_some_and(|h| h <= 72_000);
    (outline_red && (geometry.contains("line") || geometry.contains("Connector") || height == Some(0)))
        || (red_fill(Some(node)) && thin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A .docx package holding `document` (and optionally numbering and styles).
    pub(crate) fn package(document: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let mut add = |name: &str, body: &str| {
            zip.start_file(name, options).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        };
        add("word/document.xml", document);
        if let Some(n) = numbering {
            add("word/numbering.xml", n);
        }
        if let Some(s) = styles {
            add("word/styles.xml", s);
        }
        zip.finish().unwrap().into_inner()
    }

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{inner}<w:sectPr/></w:body></w:document>"#
        )
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_runs_tables_and_breaks() {
        let doc = body(&format!(
            "{}<w:p><w:r><w:t>关于</w:t></w:r><w:r><w:t>申请资金的请示</w:t></w:r></w:p><w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl><w:p><w:r><w:t>示例县教育局</w:t><w:br/><w:t>2024年3月5日</w:t></w:r></w:p>",
            p("示例县教育局文件"),
            p("甲"),
            p("乙"),
        ));
        let text = read(&package(&doc, None, None)).unwrap();
        assert_eq!(text, "示例县教育局文件\n关于申请资金的请示\n甲\n乙\n示例县教育局\n2024年3月5日\n");
    }

    #[test]
    fn tracked_changes_read_as_accepted() {
        let doc = body(
            "<w:p><w:r><w:t>请示</w:t></w:r><w:del><w:r><w:delText>报告</w:delText></w:r></w:del><w:ins><w:r><w:t>如下</w:t></w:r></w:ins></w:p>",
        );
        assert_eq!(read(&package(&doc, None, None)).unwrap(), "请示如下\n");
    }

    #[test]
    fn a_text_box_comes_before_its_anchor_and_only_once() {
        let boxed = format!(
            "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>示教〔2024〕3号</w:t></w:r></w:p>",
            p("示例县教育局文件"),
            p("示例县教育局文件")
        );
        let text = read(&package(&body(&boxed), None, None)).unwrap();
        assert_eq!(text, "示例县教育局文件\n示教〔2024〕3号\n");
    }

    #[test]
    fn automatic_numbering_is_rendered() {
        let numbering = format!(
            r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        );
        let item = |level: u8, text: &str| {
            format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            )
        };
        let styles = format!(
            r#"<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style></w:styles>"#
        );
        let doc = body(&format!(
            "{}{}{}<w:p><w:pPr><w:pStyle w:val=\"H1x\"/></w:pPr><w:r><w:t>工作要求</w:t></w:r></w:p>",
            item(0, "基本情况"),
            item(1, "资金"),
            item(1, "编制"),
        ));
        let text = read(&package(&doc, Some(&numbering), Some(&styles))).unwrap();
        assert_eq!(text, "一、基本情况\n（一）资金\n（二）编制\n二、工作要求\n");
    }

    #[test]
    fn bad_packages_are_clear_errors() {
        assert_eq!(read(b"PK\x03\x04 truncated"), Err(DocxError::NotZip));
        assert_eq!(read(b"not a zip at all"), Err(DocxError::NotZip));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("hello.txt", zip::write::SimpleFileOptions::default()).unwrap();
        let empty = zip.finish().unwrap().into_inner();
        assert_eq!(read(&empty), Err(DocxError::NoDocument));
        let broken = package("<w:document><w:body>", None, None);
        assert!(matches!(read(&broken), Err(DocxError::Xml(_))));
    }

    /// A package with any parts, by name.
    pub(crate) fn package_of(parts: &[(&str, String)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, body) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn styles_resolve_as_word_resolves_them() {
        let styles = format!(
            r#"<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:style><w:style w:type="character" w:styleId="Kai"><w:rPr><w:rFonts w:eastAsia="楷体"/><w:b/></w:rPr></w:style></w:styles>"#
        );
        let theme = r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>"#;
        let doc = body(
            "<w:p><w:r><w:t>默认</w:t></w:r></w:p>             <w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:ind w:hanging=\"0\"/></w:pPr><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Kai\"/><w:sz w:val=\"28\"/><w:color w:val=\"ff0000\"/></w:rPr><w:t>楷体</w:t></w:r></w:p>",
        );
        let bytes = package_of(&[
            ("word/document.xml", doc),
            ("word/styles.xml", styles),
            ("word/theme/theme1.xml", theme.to_string()),
        ]);
        let (text, layout) = read_with_layout(&bytes).unwrap();
        assert_eq!(text, "默认\n正文楷体\n");
        let [plain, body] = &layout.paragraphs[..] else { panic!("{:?}", layout.paragraphs) };
        assert_eq!(plain.runs[0].style.east_asia.as_deref(), Some("等线"), "theme font through the defaults");
        assert_eq!(plain.runs[0].style.size, Some(32), "the default paragraph style applies without a pStyle");
        assert_eq!(plain.first_line.chars, Some(200));
        assert_eq!(body.first_line, Default::default(), "a hanging indent, even 0, clears the inherited first line");
        let [zheng, kai] = &body.runs[..] else { panic!() };
        assert_eq!((zheng.span.start, zheng.span.end), (7, 13), "spans index the text");
        assert_eq!(zheng.style.east_asia.as_deref(), Some("仿宋_GB2312"));
        assert_eq!(kai.style.east_asia.as_deref(), Some("楷体"), "character style over paragraph style");
        assert_eq!((kai.style.size, kai.style.bold), (Some(28), true), "direct formatting over both");
        assert!(kai.style.is_red());
        assert_eq!(layout.default_size, Some(32));
    }

    #[test]
    fn red_rules_page_setup_and_page_numbers() {
        let line = |prst: &str, cy: u32, fill: &str| {
            format!(
                "<w:p><w:r><w:drawing><wp:anchor xmlns:wp=\"x\"><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><wps:wsp><wps:spPr><a:xfrm><a:ext cx=\"5600000\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"{prst}\"/>{fill}</wps:spPr></wps:wsp></a:graphic></wp:anchor></w:drawing></w:r></w:p>"
            )
        };
        let red_outline = "<a:ln w=\"19050\"><a:solidFill><a:srgbClr val=\"FF0000\"/></a:solidFill></a:ln>";
        let red_fill = "<a:solidFill><a:srgbClr val=\"E60012\"/></a:solidFill>";
        let doc = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>{}{}{}{}<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:color="FF0000"/></w:pBdr></w:pPr></w:p><w:sectPr><w:footerReference w:type="default" r:id="rF"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:bottom="1984" w:left="1588" w:right="1474"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="4294966447"/></w:sectPr></w:body></w:document>"#,
            line("line", 0, red_outline),
            line("rect", 20000, red_fill),
            line("rect", 900000, red_fill),
            line("line", 0, "<a:ln><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln>"),
        );
        let footer = format!(
            r#"<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:framePr w:xAlign="outside"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE \* MERGEFORMAT "><w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:sz w:val="28"/></w:rPr><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#
        );
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rF" Type="footer" Target="footer1.xml"/></Relationships>"#;
        let bytes = package_of(&[
            ("word/document.xml", doc),
            ("word/footer1.xml", footer),
            ("word/_rels/document.xml.rels", rels.to_string()),
            ("word/settings.xml", format!(r#"<w:settings xmlns:w="{W}"><w:evenAndOddHeaders/></w:settings>"#)),
        ]);
        let (_, layout) = read_with_layout(&bytes).unwrap();
        let red: Vec<bool> = layout.paragraphs.iter().map(|p| p.red_rule).collect();
        assert_eq!(
            red,
            [true, true, false, false, true],
            "red line, thin red bar, not a red box, not a black line, red border"
        );
        let section = &layout.sections[0];
        assert_eq!(section.margin_top, Some(2098));
        let grid = section.grid.unwrap();
        assert_eq!(grid.char_space, Some(-849), "LibreOffice's unsigned negative");
        assert!(layout.even_and_odd);
        let number = layout.footers[0].page_number.as_ref().unwrap();
        assert_eq!(number.text, "— 3 —");
        assert_eq!(number.frame_x_align.as_deref(), Some("outside"));
        assert_eq!((number.style.latin.as_deref(), number.style.size), (Some("宋体"), Some(28)));
    }

    /// WPS puts the page number in a text box placed `outside`; its paragraph is left-aligned
    /// inside the box. The box's place is the number's.
    #[test]
    fn a_page_number_in_a_text_box_is_placed_by_the_box() {
        let doc = format!(
            r#"<w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p><w:sectPr><w:footerReference w:type="default" r:id="rF"/></w:sectPr></w:body></w:document>"#
        );
        let footer = format!(
            r#"<w:ftr xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:p><w:r><w:pict><v:shape style="position:absolute;mso-position-horizontal:outside;mso-position-horizontal-relative:margin"><v:textbox><w:txbxContent><w:p><w:r><w:t>— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> —</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p></w:ftr>"#
        );
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rF" Type="footer" Target="footer1.xml"/></Relationships>"#;
        let bytes = package_of(&[
            ("word/document.xml", doc),
            ("word/footer1.xml", footer),
            ("word/_rels/document.xml.rels", rels.to_string()),
        ]);
        let (_, layout) = read_with_layout(&bytes).unwrap();
        let number = layout.footers[0].page_number.as_ref().unwrap();
        assert_eq!(number.text, "— 1 —", "the box's paragraph, not the one anchoring it");
        assert_eq!(number.frame_x_align.as_deref(), Some("outside"));
    }

    #[test]
    fn numbers_in_word_formats() {
        assert_eq!(render(3, "chineseCounting"), "三");
        assert_eq!(render(12, "chineseCounting"), "十二");
        assert_eq!(render(20, "chineseCountingThousand"), "二十");
        assert_eq!(render(2, "ideographTraditional"), "乙");
        assert_eq!(render(3, "decimalEnclosedCircle"), "③");
        assert_eq!(render(4, "upperRoman"), "IV");
        assert_eq!(render(7, "decimalFullWidth"), "７");
    }
}
