//! Writing formatting into a .docx (一键排版): page setup and the document grid in every
//! `w:sectPr`, alignment, indents and line spacing in the `w:pPr` of the paragraphs a range
//! covers, fonts, sizes and colours in the `w:rPr` of the runs it covers, and the page-number
//! footers. Each property is set in place, or inserted where the schema orders it; nothing else in
//! the properties changes and no text is touched.
//!
//! Tracked (`--annotate`), each changed properties element keeps its former value in a formatting
//! revision by gwlint (`w:rPrChange`, `w:pPrChange`, `w:sectPrChange`), which the drafter accepts
//! or rejects in Word or WPS like any other change.

use super::edit::{AUTHOR, Order, XmlEdit, escape, max_id, preserve_space, raw_offset, repackage, run_props, splice};
use super::{DocxError, W, read_mapped};
use crate::diagnostic::LayoutEdit;
use std::collections::HashMap;
use std::ops::Range;

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What formatting was written.
#[derive(Debug, Clone, Default)]
pub struct LayoutWrite {
    pub bytes: Vec<u8>,
    /// Properties elements (of paragraphs, runs, sections) changed.
    pub changed: usize,
    /// Page-number footers written.
    pub footers: usize,
    /// Edits that could not be written, with why.
    pub not_written: Vec<String>,
}

/// Apply formatting changes to the package. With `track`, every change is a formatting revision
/// by gwlint, and what a revision cannot show (new footers) is left out and counted.
pub fn apply_layout(bytes: &[u8], edits: &[LayoutEdit], track: bool) -> Result<LayoutWrite, DocxError> {
    if edits.is_empty() {
        return Ok(LayoutWrite { bytes: bytes.to_vec(), ..LayoutWrite::default() });
    }
    // A run that a range starts or ends inside (`一、总体要求。` and the sentence after it in
    // one run) is split there first, so that each part can take its own formatting.
    let points: Vec<usize> = edits
        .iter()
        .filter_map(|e| match e {
            LayoutEdit::RunFormat { byte_start, byte_end, .. } => Some([*byte_start, *byte_end]),
            _ => None,
        })
        .flatten()
        .collect();
    let split = split_runs(bytes, &points)?;
    let bytes = split.as_deref().unwrap_or(bytes);
    let mapped = read_mapped(bytes)?;
    let xml = &mapped.document_xml;
    if !xml.contains("<w:body") {
        // Another prefix for the WordprocessingML namespace: nothing is written rather than a
        // part Word cannot read.
        return Ok(LayoutWrite {
            bytes: bytes.to_vec(),
            not_written: vec!["正文不用通常的 w: 前缀，未写入排版".into()],
            ..LayoutWrite::default()
        });
    }
    let doc = super::parse(xml)?;
    let nodes: HashMap<usize, roxmltree::Node> =
        doc.descendants().filter(|n| n.is_element()).map(|n| (n.range().start, n)).collect();
    let by_range = |r: &Range<usize>| nodes.get(&r.start).copied().filter(|n| n.range() == *r);
    let covered =
        |text: &Range<usize>, start: usize, end: usize| !text.is_empty() && text.start < end && start < text.end;
    // A run is formatted only when all its text lies in the range: `一、总体要求。正文……` in one
    // run is not set as body text.
    let within =
        |text: &Range<usize>, start: usize, end: usize| !text.is_empty() && start <= text.start && text.end <= end;
    let mut out = LayoutWrite::default();
    let mut extra_parts: Vec<(&'static str, Vec<u8>)> = Vec::new();
    // What to set on each element, gathered first: two findings on one run (its colour, its
    // font) make one properties element, not two.
    let mut targets: Vec<Target> = Vec::new();
    let paragraphs_in =
        |start: usize, end: usize| mapped.paragraphs.iter().filter(move |p| covered(&p.text, start, end));
    // Findings that share a fix (every page-number finding sets the same footers) set it once.
    let mut seen: Vec<&LayoutEdit> = Vec::new();
    for edit in edits {
        if seen.contains(&edit) {
            continue;
        }
        seen.push(edit);
        match edit {
            LayoutEdit::PageSetup { width, height, top, bottom, left, right } => {
                for section in &mapped.sections {
                    let margin = by_range(&section.element).and_then(|s| child_of(s, "pgMar"));
                    let keep = |name: &str, default: &str| {
                        margin.and_then(|m| m.attribute((W, name))).unwrap_or(default).to_string()
                    };
                    let t = target(&mut targets, section, Kind::Section);
                    t.set(Prop::raw("pgSz", format!("<w:pgSz w:w=\"{width}\" w:h=\"{height}\"/>")));
                    t.set(Prop::raw(
                        "pgMar",
                        format!(
                            "<w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
                            keep("header", "851"),
                            keep("footer", "992")
                        ),
                    ));
                }
            }
            LayoutEdit::DocGrid { line_pitch, char_space } => {
                for section in &mapped.sections {
                    let value = match char_space {
                        Some(space) => format!(
                            "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"{line_pitch}\" w:charSpace=\"{space}\"/>"
                        ),
                        None => format!("<w:docGrid w:type=\"lines\" w:linePitch=\"{line_pitch}\"/>"),
                    };
                    target(&mut targets, section, Kind::Section).set(Prop::raw("docGrid", value));
                }
            }
            LayoutEdit::ParagraphAlign { byte_start, byte_end, align } => {
                for p in paragraphs_in(*byte_start, *byte_end) {
                    target(&mut targets, p, Kind::Paragraph)
                        .set(Prop::raw("jc", format!("<w:jc w:val=\"{}\"/>", escape(align))));
                }
            }
            LayoutEdit::ParagraphIndent { byte_start, byte_end, first_line, left, right, size } => {
                // Word reads the `…Chars` values; the twips beside them are for readers that do not.
                let twips = |hundredths: i32| hundredths * *size as i32 / 10;
                let mut set = Vec::new();
                let mut drop = Vec::new();
                match first_line {
                    Some(n) if *n >= 0 => {
                        set.push(("firstLineChars", n.to_string()));
                        set.push(("firstLine", twips(*n).to_string()));
                        drop.extend(["hanging", "hangingChars"]);
                    }
                    Some(n) => {
                        set.push(("hangingChars", (-n).to_string()));
                        set.push(("hanging", twips(-n).to_string()));
                        drop.extend(["firstLine", "firstLineChars"]);
                    }
                    None => {}
                }
                if let Some(n) = left {
                    set.push(("leftChars", n.to_string()));
                    set.push(("left", twips(*n).to_string()));
                    drop.extend(["start", "startChars"]);
                }
                if let Some(n) = right {
                    set.push(("rightChars", n.to_string()));
                    set.push(("right", twips(*n).to_string()));
                    drop.extend(["end", "endChars"]);
                }
                for p in paragraphs_in(*byte_start, *byte_end) {
                    target(&mut targets, p, Kind::Paragraph).set(Prop::merge("ind", set.clone(), drop.clone()));
                }
            }
            LayoutEdit::RedRule { byte_start, byte_end } => {
                // GB/T 9704 7.2.5: 发文字号之下 4 mm 处, as wide as the 版心 (the paragraph's).
                for p in paragraphs_in(*byte_start, *byte_end) {
                    target(&mut targets, p, Kind::Paragraph).set(Prop::raw(
                        "pBdr",
                        "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"11\" w:color=\"FF0000\"/></w:pBdr>"
                            .into(),
                    ));
                }
            }
            LayoutEdit::LineSpacing { byte_start, byte_end, exact } => {
                for p in paragraphs_in(*byte_start, *byte_end) {
                    target(&mut targets, p, Kind::Paragraph).set(Prop::merge(
                        "spacing",
                        vec![("line", exact.to_string()), ("lineRule", "exact".into())],
                        vec![],
                    ));
                }
            }
            LayoutEdit::RunFormat { byte_start, byte_end, east_asia, size, color } => {
                for r in mapped.runs.iter().filter(|r| within(&r.text, *byte_start, *byte_end)) {
                    let t = target(&mut targets, r, Kind::Run);
                    if let Some(font) = east_asia {
                        // Keep the Latin fonts; a theme font for Chinese would override the one set.
                        t.set(Prop::merge("rFonts", vec![("eastAsia", font.clone())], vec!["eastAsiaTheme"]));
                    }
                    if let Some(c) = color {
                        t.set(Prop::raw("color", format!("<w:color w:val=\"{}\"/>", escape(c))));
                    }
                    if let Some(sz) = size {
                        t.set(Prop::raw("sz", format!("<w:sz w:val=\"{sz}\"/>")));
                        t.set(Prop::raw("szCs", format!("<w:szCs w:val=\"{sz}\"/>")));
                    }
                }
            }
            LayoutEdit::PageNumbers { position } => {
                if track {
                    out.not_written.push("页码页脚不能作为修订写入，请用 --fix 或手工设置".into());
                    continue;
                }
                match super::footers::page_numbers(bytes, &mapped, position)? {
                    Ok(written) => {
                        for section in &mapped.sections {
                            let t = target(&mut targets, section, Kind::Section);
                            for (kind, id) in &written.references {
                                t.set(Prop {
                                    name: "footerReference",
                                    kind: Some(kind),
                                    value: Value::Raw(format!(
                                        "<w:footerReference xmlns:r=\"{R}\" w:type=\"{kind}\" r:id=\"{id}\"/>"
                                    )),
                                });
                            }
                        }
                        out.footers += written.references.len();
                        extra_parts.extend(written.parts);
                    }
                    Err(why) => out.not_written.push(why),
                }
            }
        }
    }
    let mut next_id = max_id(xml) + 1;
    let mut xml_edits = Vec::new();
    for t in &targets {
        let Some(element) = by_range(&t.element.element) else { continue };
        // A section is its own properties element.
        let props = if t.kind == Kind::Section { Some(element) } else { t.element.props.as_ref().and_then(by_range) };
        let mut props_set: Vec<(&str, Option<&str>, String)> =
            t.props.iter().map(|p| (p.name, p.kind, p.render(props))).collect();
        if track && let Some(change) = revision(xml, t.kind, props, &mut next_id) {
            props_set.push((t.kind.change_name(), None, change));
        }
        let edits = set_properties(xml, element, props, t.kind.order(), &props_set);
        xml_edits.extend(edits.into_iter().map(|mut e| {
            if props.is_none() {
                e.text = format!("<{0}>{1}</{0}>", t.kind.wrapper(), e.text);
            }
            e
        }));
    }
    out.changed = targets.len();
    drop(doc);
    let (document, _) = splice(xml, xml_edits);
    let mut parts: Vec<(&str, Vec<u8>)> = vec![("word/document.xml", document.into_bytes())];
    parts.extend(extra_parts);
    // What is written must read: a part that does not parse is an error, never a broken file.
    for (name, content) in &parts {
        let text = std::str::from_utf8(content).map_err(|_| DocxError::Xml(format!("{name} 不是 UTF-8")))?;
        super::parse(text).map_err(|e| DocxError::Xml(format!("排版写入后 {name} 无法解析（请报告这个问题）：{e}")))?;
    }
    out.bytes = repackage(bytes, &parts)?;
    Ok(out)
}

/// The package with every run that holds text on both sides of one of `points` split there, or
/// `None` when no run needs splitting. The text does not change: a split run is closed and a run
/// of the same formatting reopened.
fn split_runs(bytes: &[u8], points: &[usize]) -> Result<Option<Vec<u8>>, DocxError> {
    let mapped = read_mapped(bytes)?;
    let xml = &mapped.document_xml;
    if !xml.contains("<w:body") {
        return Ok(None);
    }
    let mut next_id = max_id(xml) + 1;
    let mut points = points.to_vec();
    points.sort_unstable();
    points.dedup();
    let mut xml_edits = Vec::new();
    let mut preserved: Vec<usize> = Vec::new();
    for p in points {
        let Some(s) = mapped.segments.iter().find(|s| s.text.start < p && p < s.text.end) else { continue };
        let Some(offset) = raw_offset(&xml[s.raw.clone()], p - s.text.start) else { continue };
        let at = s.raw.start + offset;
        let props = run_props(xml, s, &mut next_id);
        xml_edits.push(XmlEdit {
            at,
            end: at,
            order: Order::Replace,
            text: format!("</w:t></w:r><w:r>{props}<w:t xml:space=\"preserve\">"),
            owner: None,
        });
        // The first half keeps its own start tag: it must keep a space that now ends it.
        if !preserved.contains(&s.raw.start) {
            preserved.push(s.raw.start);
            xml_edits.extend(preserve_space(xml, s));
        }
    }
    if xml_edits.is_empty() {
        return Ok(None);
    }
    let (document, _) = splice(xml, xml_edits);
    super::parse(&document).map_err(|e| DocxError::Xml(format!("拆分格式块后正文无法解析（请报告这个问题）：{e}")))?;
    Ok(Some(repackage(bytes, &[("word/document.xml", document.into_bytes())])?))
}

/// The kind of element whose properties are set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Run,
    Section,
}

impl Kind {
    fn wrapper(self) -> &'static str {
        match self {
            Kind::Paragraph => "w:pPr",
            Kind::Run => "w:rPr",
            Kind::Section => "w:sectPr",
        }
    }

    fn order(self) -> &'static [&'static str] {
        match self {
            Kind::Paragraph => PPR_ORDER,
            Kind::Run => RPR_ORDER,
            Kind::Section => SECT_ORDER,
        }
    }

    /// The element that records the former properties as a revision.
    fn change_name(self) -> &'static str {
        match self {
            Kind::Paragraph => "pPrChange",
            Kind::Run => "rPrChange",
            Kind::Section => "sectPrChange",
        }
    }

    /// Children that the recorded former properties may not hold (ECMA-376 CT_PPrBase,
    /// CT_RPrOriginal, CT_SectPrBase).
    fn not_in_revision(self) -> &'static [&'static str] {
        match self {
            Kind::Paragraph => &["rPr", "sectPr", "pPrChange"],
            Kind::Run => &["rPrChange"],
            Kind::Section => &["headerReference", "footerReference", "sectPrChange"],
        }
    }
}

/// One property to set.
#[derive(Clone, Debug)]
struct Prop {
    name: &'static str,
    /// For a property that repeats (`w:footerReference`): the `w:type` this one stands for.
    kind: Option<&'static str>,
    value: Value,
}

#[derive(Clone, Debug)]
enum Value {
    /// The whole element, replacing what is there.
    Raw(String),
    /// Attributes set on what is there (its other attributes kept), and attributes removed.
    Merge { set: Vec<(&'static str, String)>, drop: Vec<&'static str> },
}

impl Prop {
    fn raw(name: &'static str, value: String) -> Prop {
        Prop { name, kind: None, value: Value::Raw(value) }
    }

    fn merge(name: &'static str, set: Vec<(&'static str, String)>, drop: Vec<&'static str>) -> Prop {
        Prop { name, kind: None, value: Value::Merge { set, drop } }
    }

    /// A later setting of the same property: a raw value replaces, merges combine.
    fn absorb(&mut self, later: Prop) {
        match (&mut self.value, later.value) {
            (Value::Merge { set, drop }, Value::Merge { set: more, drop: less }) => {
                set.retain(|(n, _)| !more.iter().any(|(m, _)| m == n) && !less.contains(n));
                set.extend(more);
                drop.retain(|d| !set.iter().any(|(n, _)| n == d));
                drop.extend(less);
            }
            (_, value) => self.value = value,
        }
    }

    /// The element as it will be written, given the properties element it goes into.
    fn render(&self, props: Option<roxmltree::Node>) -> String {
        match &self.value {
            Value::Raw(s) => s.clone(),
            Value::Merge { set, drop } => {
                let existing = props.and_then(|p| child_of(p, self.name));
                let mut attributes = String::new();
                for a in existing.iter().flat_map(|e| e.attributes()) {
                    let local = a.name();
                    let ours = a.namespace() == Some(W);
                    if ours && (drop.contains(&local) || set.iter().any(|(n, _)| *n == local)) {
                        continue;
                    }
                    let prefix = match a.namespace() {
                        Some(W) => "w:".to_string(),
                        Some(ns) => match existing.and_then(|e| e.lookup_prefix(ns)) {
                            Some(p) => format!("{p}:"),
                            None => continue,
                        },
                        None => String::new(),
                    };
                    attributes.push_str(&format!(" {prefix}{local}=\"{}\"", escape(a.value())));
                }
                for (n, v) in set {
                    attributes.push_str(&format!(" w:{n}=\"{}\"", escape(v)));
                }
                format!("<w:{}{attributes}/>", self.name)
            }
        }
    }
}

/// What to set on one element of the XML.
struct Target<'m> {
    element: &'m super::XmlElement,
    kind: Kind,
    props: Vec<Prop>,
}

impl Target<'_> {
    fn set(&mut self, prop: Prop) {
        match self.props.iter_mut().find(|p| p.name == prop.name && p.kind == prop.kind) {
            Some(existing) => existing.absorb(prop),
            None => self.props.push(prop),
        }
    }
}

fn target<'t, 'm>(targets: &'t mut Vec<Target<'m>>, element: &'m super::XmlElement, kind: Kind) -> &'t mut Target<'m> {
    let at = match targets.iter().position(|t| t.element.element == element.element) {
        Some(at) => at,
        None => {
            targets.push(Target { element, kind, props: Vec::new() });
            targets.len() - 1
        }
    };
    &mut targets[at]
}

/// The revision recording `props` as they were, or `None` when an earlier revision already
/// records them (the drafter's original stays what rejecting returns to).
fn revision(xml: &str, kind: Kind, props: Option<roxmltree::Node>, next_id: &mut usize) -> Option<String> {
    let former: String = match props {
        Some(p) => {
            if child_of(p, kind.change_name()).is_some() {
                return None;
            }
            p.children()
                .filter(|c| c.is_element() && !kind.not_in_revision().contains(&c.tag_name().name()))
                .map(|c| &xml[c.range()])
                .collect()
        }
        None => String::new(),
    };
    let id = *next_id;
    *next_id += 1;
    let name = kind.change_name();
    let wrapper = kind.wrapper();
    Some(format!("<w:{name} w:id=\"{id}\" w:author=\"{AUTHOR}\"><{wrapper}>{former}</{wrapper}></w:{name}>"))
}

/// The order of `w:pPr`'s children (ECMA-376 CT_PPr): Word refuses a file whose properties are
/// out of order.
const PPR_ORDER: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];
/// CT_RPr.
const RPR_ORDER: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];
/// CT_SectPr.
const SECT_ORDER: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

pub(super) fn child_of<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == Some(W))
}

/// The `w:type` a header or footer reference stands for (`default` when unsaid).
fn reference_type<'a>(node: roxmltree::Node<'a, '_>) -> &'a str {
    node.attribute((W, "type")).unwrap_or("default")
}

/// Edits that set each `(name, kind, element)` among the children of `props` (replacing one of
/// that name — and, for a repeating property, that `w:type` — or inserting where `order` puts
/// it). Without `props`, one insertion of the elements in order right after `owner`'s start tag,
/// for the caller to wrap in a new properties element.
fn set_properties(
    xml: &str,
    owner: roxmltree::Node,
    props: Option<roxmltree::Node>,
    order: &[&str],
    sets: &[(&str, Option<&str>, String)],
) -> Vec<XmlEdit> {
    let rank = |name: &str| order.iter().position(|o| *o == name).unwrap_or(order.len());
    // Inserted in schema order, so that two new elements before one existing child stay in order.
    let mut sets: Vec<&(&str, Option<&str>, String)> = sets.iter().collect();
    sets.sort_by_key(|(name, _, _)| rank(name));
    let Some(props) = props else {
        let at = owner.range().start + xml[owner.range()].find('>').map_or(0, |i| i + 1);
        let text: String = sets.iter().map(|(_, _, e)| e.as_str()).collect();
        return vec![XmlEdit { at, end: at, order: Order::Replace, text, owner: None }];
    };
    let range = props.range();
    if xml[range.clone()].ends_with("/>") {
        // `<w:rPr/>`: written out whole.
        let tag = props.tag_name().name();
        let text = format!("<w:{tag}>{}</w:{tag}>", sets.iter().map(|(_, _, e)| e.as_str()).collect::<String>());
        return vec![XmlEdit { at: range.start, end: range.end, order: Order::Replace, text, owner: None }];
    }
    let closing = range.end - xml[range.clone()].rfind("</").map_or(0, |i| range.len() - i);
    let mut out = Vec::new();
    for (name, kind, element) in sets {
        let children: Vec<_> = props.children().filter(|c| c.is_element()).collect();
        let same = |c: &&roxmltree::Node| c.tag_name().name() == *name && kind.is_none_or(|k| reference_type(**c) == k);
        if let Some(existing) = children.iter().find(same) {
            let r = existing.range();
            out.push(XmlEdit { at: r.start, end: r.end, order: Order::Replace, text: element.clone(), owner: None });
        } else {
            let at =
                children.iter().find(|c| rank(c.tag_name().name()) > rank(name)).map_or(closing, |c| c.range().start);
            out.push(XmlEdit { at, end: at, order: Order::CommentStart, text: element.clone(), owner: None });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::layout::run_format;
    use crate::source::docx::read;
    use crate::source::docx::tests::{package, package_of};
    use crate::span::Span;

    /// Properties are set in the order the schema gives them, merged per element, and the rest
    /// of each properties element is kept.
    #[test]
    fn layout_edits_set_properties_in_schema_order() {
        let body = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:p><w:pPr><w:spacing w:line=\"560\"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr><w:t>正文</w:t></w:r></w:p><w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:linePitch=\"312\"/></w:sectPr></w:body></w:document>"
        );
        let bytes = package(&body, None, None);
        let title = Span::new(0, "标题".len());
        let body_text = Span::new("标题\n".len(), "标题\n正文".len());
        let edits = [
            LayoutEdit::PageSetup { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 },
            LayoutEdit::ParagraphAlign { byte_start: title.start, byte_end: title.end, align: "center".into() },
            run_format(title, None, None, Some("FF0000")),
            run_format(title, Some("方正小标宋简体"), Some(44), None),
            LayoutEdit::ParagraphAlign { byte_start: body_text.start, byte_end: body_text.end, align: "both".into() },
            run_format(body_text, Some("仿宋_GB2312"), Some(32), None),
        ];
        let written = apply_layout(&bytes, &edits, false).unwrap();
        assert_eq!(written.changed, 5);
        let xml = read_mapped(&written.bytes).unwrap().document_xml;
        roxmltree::Document::parse(&xml).expect("well-formed");
        assert!(xml.contains("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia=\"方正小标宋简体\"/><w:color w:val=\"FF0000\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr><w:t>标题</w:t>"), "{xml}");
        assert!(xml.contains("<w:pPr><w:spacing w:line=\"560\"/><w:jc w:val=\"both\"/></w:pPr>"), "{xml}");
        assert!(
            xml.contains(
                "<w:rPr><w:rFonts w:eastAsia=\"仿宋_GB2312\"/><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr>"
            ),
            "{xml}"
        );
        assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid"), "{xml}");
        assert_eq!(read(&written.bytes).unwrap(), read(&bytes).unwrap(), "formatting never changes the text");
    }

    /// Indents and spacing merge into what is there; two edits on one paragraph make one
    /// element; the grid replaces the old one.
    #[test]
    fn indents_merge_and_the_grid_is_replaced() {
        let body = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\"><w:body><w:p><w:pPr><w:spacing w:before=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"420\" w:hanging=\"420\" w:right=\"10\"/></w:pPr><w:r><w:t>抄送：市委办公室。</w:t></w:r></w:p><w:sectPr><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr></w:body></w:document>"
        );
        let bytes = package(&body, None, None);
        let all = Span::new(0, "抄送：市委办公室。".len());
        let edits = [
            LayoutEdit::ParagraphIndent {
                byte_start: all.start,
                byte_end: all.end,
                first_line: Some(0),
                left: None,
                right: None,
                size: 28,
            },
            LayoutEdit::ParagraphIndent {
                byte_start: all.start,
                byte_end: all.end,
                first_line: None,
                left: Some(100),
                right: Some(100),
                size: 28,
            },
            LayoutEdit::LineSpacing { byte_start: all.start, byte_end: all.end, exact: 579 },
            LayoutEdit::DocGrid { line_pitch: 579, char_space: Some(-849) },
        ];
        let written = apply_layout(&bytes, &edits, false).unwrap();
        let xml = read_mapped(&written.bytes).unwrap().document_xml;
        assert!(
            xml.contains("<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:leftChars=\"100\" w:left=\"280\" w:rightChars=\"100\" w:right=\"280\"/>"),
            "{xml}"
        );
        assert!(xml.contains("<w:spacing w:before=\"120\" w:line=\"579\" w:lineRule=\"exact\"/>"), "{xml}");
        assert!(
            xml.contains("<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-849\"/>"),
            "{xml}"
        );
    }

    /// Tracked, each changed element keeps its former properties in a revision by gwlint; an
    /// element without properties records empty ones; an earlier revision is kept, not doubled.
    #[test]
    fn tracked_formatting_records_the_former_properties() {
        let body = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\"><w:body><w:p><w:pPr><w:jc w:val=\"left\"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val=\"24\"/></w:rPr><w:t>标题</w:t></w:r><w:r><w:t>二</w:t></w:r></w:p><w:p><w:r><w:rPr><w:sz w:val=\"21\"/><w:rPrChange w:id=\"7\" w:author=\"张三\"><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:rPrChange></w:rPr><w:t>正文</w:t></w:r></w:p><w:sectPr><w:footerReference w:type=\"default\" xmlns:r=\"{R}\" r:id=\"rId9\"/><w:pgSz w:w=\"12240\" w:h=\"15840\"/></w:sectPr></w:body></w:document>"
        );
        let bytes = package(&body, None, None);
        let title = Span::new(0, "标题二".len());
        let text = Span::new("标题二\n".len(), "标题二\n正文".len());
        let edits = [
            LayoutEdit::ParagraphAlign { byte_start: title.start, byte_end: title.end, align: "center".into() },
            run_format(title, None, Some(44), None),
            run_format(text, None, Some(32), None),
            LayoutEdit::PageSetup { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 },
        ];
        let written = apply_layout(&bytes, &edits, true).unwrap();
        let xml = read_mapped(&written.bytes).unwrap().document_xml;
        roxmltree::Document::parse(&xml).expect("well-formed");
        assert!(xml.contains("<w:jc w:val=\"center\"/><w:rPr><w:b/></w:rPr><w:pPrChange w:id=\"8\" w:author=\"gwlint\"><w:pPr><w:jc w:val=\"left\"/></w:pPr></w:pPrChange></w:pPr>"), "{xml}");
        assert!(xml.contains("<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/><w:rPrChange w:id=\"9\" w:author=\"gwlint\"><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:rPrChange>"), "{xml}");
        assert!(xml.contains("<w:rPr><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/><w:rPrChange w:id=\"10\" w:author=\"gwlint\"><w:rPr></w:rPr></w:rPrChange></w:rPr><w:t>二"), "{xml}");
        assert!(
            xml.contains("<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:rPrChange w:id=\"7\" w:author=\"张三\">"),
            "{xml}"
        );
        assert_eq!(xml.matches("rPrChange w:id").count(), 3, "{xml}");
        assert!(xml.contains("<w:sectPrChange w:id=\"11\" w:author=\"gwlint\"><w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/></w:sectPr></w:sectPrChange></w:sectPr>"), "{xml}");
    }

    /// Page-number footers replace a footer that holds only a page number, and never one with a
    /// picture (a logo): that is said, and the package is left as it was.
    #[test]
    fn page_numbers_replace_only_a_page_number_footer() {
        let doc = format!(
            "<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p><w:sectPr><w:footerReference w:type=\"default\" r:id=\"rF\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
        );
        let footer = |inner: &str| {
            format!(
                "<w:ftr xmlns:w=\"{W}\"><w:p><w:r><w:t>- </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t> -</w:t></w:r>{inner}</w:p></w:ftr>"
            )
        };
        let parts = |footer: String| {
            package_of(&[
                ("word/document.xml", doc.clone()),
                ("word/footer1.xml", footer),
                (
                    "word/_rels/document.xml.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rF\" Type=\"footer\" Target=\"footer1.xml\"/></Relationships>".to_string(),
                ),
                (
                    "[Content_Types].xml",
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>".into(),
                ),
                ("word/settings.xml", format!("<w:settings xmlns:w=\"{W}\"><w:zoom w:percent=\"100\"/></w:settings>")),
            ])
        };
        let edit = [LayoutEdit::PageNumbers { position: "outside".into() }];
        let plain = parts(footer(""));
        let written = apply_layout(&plain, &edit, false).unwrap();
        assert_eq!(written.footers, 2, "{:?}", written.not_written);
        let (_, layout) = crate::source::docx::read_with_layout(&written.bytes).unwrap();
        assert!(layout.even_and_odd);
        let numbers: Vec<_> = layout.footers.iter().map(|f| f.page_number.as_ref().unwrap()).collect();
        assert_eq!(numbers.len(), 2);
        assert!(numbers.iter().all(|n| n.text == "— 1 —"));
        assert_eq!((numbers[0].align, numbers[1].align), (crate::layout::Align::Right, crate::layout::Align::Left));
        // Again: the same parts, not a second set.
        let again = apply_layout(&written.bytes, &edit, false).unwrap();
        let names: Vec<String> = zip::ZipArchive::new(std::io::Cursor::new(&again.bytes[..]))
            .unwrap()
            .file_names()
            .map(|n| n.unwrap().to_string())
            .collect();
        assert_eq!(names.iter().filter(|n| n.contains("gwlint-footer")).count(), 2, "{names:?}");

        let logo = parts(footer(
            "<w:r><w:drawing><a:blip xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" r:embed=\"rId9\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/></w:drawing></w:r>",
        ));
        let written = apply_layout(&logo, &edit, false).unwrap();
        assert_eq!(written.footers, 0);
        assert!(written.not_written.iter().any(|n| n.contains("图片")), "{:?}", written.not_written);
        assert_eq!(read(&written.bytes).unwrap(), read(&logo).unwrap());
    }
}
