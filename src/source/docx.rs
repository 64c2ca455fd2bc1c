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
//! Zip bombs and oversized parts are refused by size before they are inflated.

use roxmltree::{Document, Node};
use std::collections::HashMap;
use std::io::Read;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The largest part gwlint inflates. A draft's document.xml is a few hundred kilobytes.
const MAX_PART: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    NotZip,
    NoDocument,
    TooLarge(String),
    Xml(String),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::NotZip => write!(f, "不是有效的 .docx 文件（无法按 zip 打开，文件可能已损坏或不完整）"),
            DocxError::NoDocument => write!(f, "不是有效的 .docx 文件（缺少正文 word/document.xml）"),
            DocxError::TooLarge(part) => write!(f, ".docx 中的 {part} 解压后超过 64 MB，不予读取"),
            DocxError::Xml(e) => write!(f, ".docx 的 XML 无法解析：{e}"),
        }
    }
}

impl std::error::Error for DocxError {}

/// The text of a .docx, one line per paragraph (and per manual line break).
pub fn read(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let numbering = part(&mut archive, "word/numbering.xml")?;
    let styles = part(&mut archive, "word/styles.xml")?;
    let doc = parse(&document)?;
    let numbering = numbering.as_deref().map(parse).transpose()?;
    let styles = styles.as_deref().map(parse).transpose()?;
    let mut reader = Reader {
        numbering: numbering.as_ref().map(Numbering::new).unwrap_or_default(),
        style_numbering: styles.as_ref().map(style_numbering).unwrap_or_default(),
        counters: HashMap::new(),
        lines: Vec::new(),
    };
    if let Some(body) = child(doc.root_element(), "body") {
        reader.block(body);
    }
    let mut text = reader.lines.join("\n");
    text.push('\n');
    Ok(text)
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
    /// Style id → (numId, ilvl) a paragraph style numbers its paragraphs with.
    style_numbering: HashMap<String, (String, usize)>,
    /// numId → the counter of each level.
    counters: HashMap<String, Vec<u32>>,
    lines: Vec<String>,
}

impl Reader {
    /// Block-level content: paragraphs, tables, content controls.
    fn block(&mut self, node: Node) {
        for c in node.children().filter(Node::is_element) {
            if is_w(c, "p") {
                self.paragraph(c);
            } else if is_w(c, "tbl") {
                for row in c.children().filter(|r| is_w(*r, "tr")) {
                    for cell in row.children().filter(|c| is_w(*c, "tc")) {
                        self.block(cell);
                    }
                }
            } else if is_w(c, "sdt") {
                if let Some(content) = child(c, "sdtContent") {
                    self.block(content);
                }
            } else if is_w(c, "customXml") || is_w(c, "ins") || is_w(c, "moveTo") {
                self.block(c);
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        let mut text = self.number(p);
        let mut boxes = Vec::new();
        self.inline(p, &mut text, &mut boxes);
        // Text boxes anchored here come first: a 版头 drawn in a box stands above the title.
        for b in boxes {
            self.block(b);
        }
        self.lines.extend(text.split('\n').map(str::to_string));
    }

    /// Runs and what holds them, in order; text boxes are collected, not read inline.
    fn inline<'a, 'i>(&self, node: Node<'a, 'i>, text: &mut String, boxes: &mut Vec<Node<'a, 'i>>) {
        for c in node.children().filter(Node::is_element) {
            let name = c.tag_name().name();
            if c.tag_name().namespace() == Some(MC) {
                // Markup compatibility: the first choice, never the fallback (it repeats the box).
                if name == "AlternateContent"
                    && let Some(choice) = c.children().find(|n| n.is_element() && n.tag_name().name() == "Choice")
                {
                    self.inline(choice, text, boxes);
                }
                continue;
            }
            if c.tag_name().namespace() != Some(W) {
                // Drawing containers (wp:, a:, wps:, v:): look inside for a text box.
                self.inline(c, text, boxes);
                continue;
            }
            match name {
                "t" => text.push_str(c.text().unwrap_or("")),
                "tab" if node.tag_name().name() == "r" => text.push('\t'),
                "br" | "cr" if attr(c, "type").is_none_or(|t| t == "textWrapping") => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                "txbxContent" => boxes.push(c),
                // Deleted text, moved-away text, field codes, comments and notes are not read.
                "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "pPr" | "rPr" | "commentReference"
                | "footnoteReference" | "endnoteReference" => {}
                _ => self.inline(c, text, boxes),
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

/// One level of a list: its start, number format and text pattern (`%1、`).
#[derive(Clone, Debug)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `w:isLgl`: every level shown in Arabic numerals.
    legal: bool,
}

#[derive(Default)]
struct Numbering {
    /// numId → its levels (abstract definition with overrides applied).
    nums: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn new(doc: &Document) -> Numbering {
        let root = doc.root_element();
        let mut abstracts: HashMap<&str, Vec<Level>> = HashMap::new();
        for a in root.children().filter(|c| is_w(*c, "abstractNum")) {
            let Some(id) = attr(a, "abstractNumId") else { continue };
            abstracts.insert(id, levels_of(a));
        }
        let mut nums = HashMap::new();
        for n in root.children().filter(|c| is_w(*c, "num")) {
            let (Some(id), Some(abs)) = (attr(n, "numId"), child(n, "abstractNumId").and_then(|a| attr(a, "val")))
            else {
                continue;
            };
            let Some(mut levels) = abstracts.get(abs).cloned() else { continue };
            for o in n.children().filter(|c| is_w(*c, "lvlOverride")) {
                let Some(i) = attr(o, "ilvl").and_then(|v| v.parse::<usize>().ok()) else { continue };
                if let Some(start) = child(o, "startOverride").and_then(|s| attr(s, "val")).and_then(|v| v.parse().ok())
                    && let Some(l) = levels.get_mut(i)
                {
                    l.start = start;
                }
                if let Some(lvl) = child(o, "lvl")
                    && let Some(l) = levels.get_mut(i)
                {
                    *l = level_of(lvl);
                }
            }
            nums.insert(id.to_string(), levels);
        }
        Numbering { nums }
    }

    fn levels(&self, id: &str) -> Option<&Vec<Level>> {
        self.nums.get(id)
    }
}

fn levels_of(abstract_num: Node) -> Vec<Level> {
    let mut levels: Vec<(usize, Level)> = abstract_num
        .children()
        .filter(|c| is_w(*c, "lvl"))
        .map(|l| (attr(l, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0), level_of(l)))
        .collect();
    levels.sort_by_key(|(i, _)| *i);
    let mut out = Vec::new();
    for (i, l) in levels {
        while out.len() < i {
            out.push(Level { start: 1, format: "decimal".into(), text: String::new(), legal: false });
        }
        out.push(l);
    }
    out
}

fn level_of(lvl: Node) -> Level {
    let val = |name: &str| child(lvl, name).and_then(|n| attr(n, "val")).map(str::to_string);
    Level {
        start: val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
        format: val("numFmt").unwrap_or_else(|| "decimal".into()),
        text: val("lvlText").unwrap_or_default(),
        legal: child(lvl, "isLgl").is_some_and(|n| attr(n, "val").is_none_or(|v| v != "0" && v != "false")),
    }
}

/// Paragraph styles that carry numbering, with their basedOn chains followed.
fn style_numbering(doc: &Document) -> HashMap<String, (String, usize)> {
    type StyleNumbering<'a> = (Option<(String, usize)>, Option<&'a str>);
    let mut own: HashMap<&str, StyleNumbering> = HashMap::new();
    for s in doc.root_element().children().filter(|c| is_w(*c, "style")) {
        let Some(id) = attr(s, "styleId") else { continue };
        let num = child(s, "pPr").and_then(|p| child(p, "numPr")).and_then(|n| {
            let num_id = child(n, "numId").and_then(|v| attr(v, "val"))?.to_string();
            let level = child(n, "ilvl").and_then(|v| attr(v, "val")).and_then(|v| v.parse().ok()).unwrap_or(0);
            Some((num_id, level))
        });
        let based = child(s, "basedOn").and_then(|b| attr(b, "val"));
        own.insert(id, (num, based));
    }
    let mut out = HashMap::new();
    for id in own.keys() {
        let mut at = Some(*id);
        for _ in 0..16 {
            let Some((num, based)) = at.and_then(|a| own.get(a)) else { break };
            if let Some(num) = num {
                out.insert(id.to_string(), num.clone());
                break;
            }
            at = *based;
        }
    }
    out
}

/// A counter in a Word number format.
fn render(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographDigital"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese(n),
        "ideographTraditional" => {
            const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
            STEMS.get((n as usize).wrapping_sub(1)).map_or_else(|| n.to_string(), |s| (*s).to_string())
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect()
        }
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// 一 … 十, 十一 … 九十九, 一百 …
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => DIGITS[0].to_string(),
        1..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { DIGITS[(n % 10) as usize] }),
        20..=99 => {
            format!(
                "{}十{}",
                DIGITS[(n / 10) as usize],
                if n.is_multiple_of(10) { "" } else { DIGITS[(n % 10) as usize] }
            )
        }
        _ => n.to_string(),
    }
}

fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(base + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
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
