//! Writing into a .docx: safe fixes applied in place (`--fix`), or findings handed back as Word
//! comments and tracked changes (`--annotate`).
//!
//! The XML of `word/document.xml` is edited as text, at the byte ranges the reader recorded for
//! each `w:t` ([`super::Segment`]): everything not touched stays byte for byte as Word or WPS
//! wrote it, and every other part of the package is copied unchanged (compressed data included).
//! A position that falls where the text has no `w:t` (an automatic number, a tab, a paragraph
//! break) is moved to the nearest text. An edit that would cross from one `w:t` into another is
//! not written, and is counted, never half-applied.

use super::{DocxError, Segment, read_mapped};
use crate::diagnostic::{Edit, LayoutEdit};
use crate::span::Span;
use std::io::{Read, Write};

/// A finding to hand back: a comment on its text, and the edits of a safe fix to show as a
/// tracked change.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub span: Span,
    /// The comment's paragraphs.
    pub comment: Vec<String>,
    /// Edits in the text's coordinates, shown as one tracked change each.
    pub edits: Vec<Edit>,
}

/// What writing into a package did.
#[derive(Debug, Clone, Default)]
pub struct DocxEdits {
    pub bytes: Vec<u8>,
    /// Comments anchored.
    pub comments: usize,
    /// Edits written (as text, or as tracked changes).
    pub written: usize,
    /// Edits that could not be written (across formatting runs, or inside an earlier revision).
    pub not_written: usize,
    /// Paragraphs, runs and sections whose formatting changed as a revision.
    pub formatted: usize,
    /// Formatting changes that a revision cannot show (new page-number footers).
    pub layout_not_written: Vec<String>,
}

/// The author of every comment and revision gwlint writes.
pub(super) const AUTHOR: &str = "gwlint";

/// Apply `edits` (text coordinates, non-overlapping) to the package as plain text replacements.
/// Returns the new package and, for each edit, whether it was written.
pub fn apply_fixes(bytes: &[u8], edits: &[Edit]) -> Result<(Vec<u8>, Vec<bool>), DocxError> {
    let mapped = read_mapped(bytes)?;
    let xml = &mapped.document_xml;
    let mut xml_edits = Vec::new();
    let mut written = vec![false; edits.len()];
    for (i, e) in edits.iter().enumerate() {
        if let Some((at, end)) = within_one_segment(&mapped.segments, xml, e.byte_start, e.byte_end) {
            xml_edits.push(XmlEdit { at, end, order: Order::Replace, text: escape(&e.replacement), owner: Some(i) });
            written[i] = true;
        }
    }
    let (document, skipped) = splice(xml, xml_edits);
    for i in skipped {
        written[i] = false;
    }
    let package = repackage(bytes, &[("word/document.xml", document.into_bytes())])?;
    Ok((package, written))
}

/// Write each annotation as a comment anchored to its span, its edits as tracked changes, and
/// the formatting changes `layout` as formatting revisions.
pub fn annotate(bytes: &[u8], annotations: &[Annotation], layout: &[LayoutEdit]) -> Result<DocxEdits, DocxError> {
    // Formatting first: it changes no text, so every span stays where it is.
    let formatted = super::apply_layout(bytes, layout, true)?;
    let bytes = &formatted.bytes[..];
    let mapped = read_mapped(bytes)?;
    let xml = &mapped.document_xml;
    if !xml.contains("<w:body") {
        return Err(DocxError::Xml(if xml.contains(":body") {
            "正文不用通常的 w: 前缀，gwlint 不能在其中写入批注".into()
        } else {
            "文档没有正文（w:body），没有可以写批注的地方".into()
        }));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let comments_xml = super::part(&mut archive, "word/comments.xml")?;
    let rels = super::part(&mut archive, "word/_rels/document.xml.rels")?;
    let types = super::part(&mut archive, "[Content_Types].xml")?.ok_or(DocxError::NoDocument)?;

    // Annotation ids share one space in a document: start above every id already there.
    let mut next_id = max_id(xml).max(comments_xml.as_deref().map_or(0, max_id)) + 1;
    let segments = &mapped.segments;
    let mut xml_edits = Vec::new();
    let mut comments = Vec::new();
    let mut not_written = 0;
    let mut tracked = 0;
    for a in annotations {
        let Some(start) = locate(segments, xml, a.span.start, Side::Start) else { continue };
        let end = locate(segments, xml, a.span.end.max(a.span.start), Side::End)
            .filter(|e| e.raw >= start.raw)
            .unwrap_or(start.clone());
        let id = next_id;
        next_id += 1;
        let range_start = format!("<w:commentRangeStart w:id=\"{id}\"/>");
        let range_end = format!("<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>");
        if end.raw == start.raw {
            // A point: its start and end in one place, in that order.
            xml_edits.push(split_with(
                xml,
                segments,
                &start,
                Order::CommentStart,
                &format!("{range_start}{range_end}"),
                &mut next_id,
            ));
        } else {
            xml_edits.push(split_with(xml, segments, &start, Order::CommentStart, &range_start, &mut next_id));
            xml_edits.push(split_with(xml, segments, &end, Order::CommentEnd, &range_end, &mut next_id));
        }
        comments.push(comment(id, &a.comment));
        for e in &a.edits {
            let Some((at, end)) = within_one_segment(segments, xml, e.byte_start, e.byte_end) else {
                not_written += 1;
                continue;
            };
            let seg = segment_at(segments, e.byte_start, e.byte_end).expect("mapped");
            if seg.in_revision {
                not_written += 1;
                continue;
            }
            let mut change = String::from("</w:t></w:r>");
            if end > at {
                let props = run_props(xml, seg, &mut next_id);
                change.push_str(&format!(
                    "<w:del w:id=\"{}\" w:author=\"{AUTHOR}\"><w:r>{props}<w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
                    next_id,
                    &xml[at..end]
                ));
                next_id += 1;
            }
            if !e.replacement.is_empty() {
                let props = run_props(xml, seg, &mut next_id);
                change.push_str(&format!(
                    "<w:ins w:id=\"{}\" w:author=\"{AUTHOR}\"><w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins>",
                    next_id,
                    escape(&e.replacement)
                ));
                next_id += 1;
            }
            change.push_str(&format!("<w:r>{}<w:t xml:space=\"preserve\">", run_props(xml, seg, &mut next_id)));
            xml_edits.push(XmlEdit { at, end, order: Order::Replace, text: change, owner: Some(tracked) });
            tracked += 1;
        }
    }
    // A `w:t` split in two keeps its own start tag for the first half: without
    // `xml:space="preserve"` Word would drop a space that now ends it.
    let mut split: Vec<usize> = xml_edits
        .iter()
        .filter_map(|e| segments.iter().position(|s| s.raw.start <= e.at && e.at <= s.raw.end))
        .collect();
    split.sort_unstable();
    split.dedup();
    xml_edits.extend(split.into_iter().filter_map(|i| preserve_space(xml, &segments[i])));
    let (document, skipped) = splice(xml, xml_edits);
    let written = tracked - skipped.len();
    not_written += skipped.len();

    let mut parts: Vec<(&str, Vec<u8>)> = vec![("word/document.xml", document.into_bytes())];
    let comment_count = comments.len();
    let comments_part = match comments_xml {
        Some(existing) => insert_before(&existing, "</w:comments>", &comments.concat())
            .ok_or_else(|| DocxError::Xml("word/comments.xml 缺少 </w:comments>".into()))?,
        None => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{}\">{}</w:comments>",
            super::W,
            comments.concat()
        ),
    };
    parts.push(("word/comments.xml", comments_part.into_bytes()));
    const COMMENTS_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
    let rels = rels.unwrap_or_else(|| {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".to_string()
    });
    if !rels.contains(COMMENTS_TYPE) {
        let rel = format!("<Relationship Id=\"rIdGwlintComments\" Type=\"{COMMENTS_TYPE}\" Target=\"comments.xml\"/>");
        let rels = insert_before(&rels, "</Relationships>", &rel)
            .ok_or_else(|| DocxError::Xml("document.xml.rels 缺少 </Relationships>".into()))?;
        parts.push(("word/_rels/document.xml.rels", rels.into_bytes()));
    }
    if !types.contains("/word/comments.xml") {
        let over = "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>";
        let types = insert_before(&types, "</Types>", over)
            .ok_or_else(|| DocxError::Xml("[Content_Types].xml 缺少 </Types>".into()))?;
        parts.push(("[Content_Types].xml", types.into_bytes()));
    }
    // What is written must read: a part that does not parse is an error, never a broken file.
    for (name, content) in &parts {
        let xml = std::str::from_utf8(content).map_err(|_| DocxError::Xml(format!("{name} 不是 UTF-8")))?;
        super::parse(xml).map_err(|e| DocxError::Xml(format!("写入批注后 {name} 无法解析（请报告这个问题）：{e}")))?;
    }
    let bytes = repackage(bytes, &parts)?;
    Ok(DocxEdits {
        bytes,
        comments: comment_count,
        written,
        not_written,
        formatted: formatted.changed,
        layout_not_written: formatted.not_written,
    })
}

fn comment(id: usize, paragraphs: &[String]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(p)))
        .collect();
    format!("<w:comment w:id=\"{id}\" w:author=\"{AUTHOR}\" w:initials=\"GW\">{body}</w:comment>")
}

fn insert_before(xml: &str, closing: &str, what: &str) -> Option<String> {
    let at = xml.rfind(closing)?;
    Some(format!("{}{what}{}", &xml[..at], &xml[at..]))
}

/// The largest `w:id` in the XML.
pub(super) fn max_id(xml: &str) -> usize {
    xml.match_indices("w:id=\"")
        .filter_map(|(at, m)| {
            let rest = &xml[at + m.len()..];
            rest[..rest.find('"')?].parse::<usize>().ok()
        })
        .max()
        .unwrap_or(0)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Order {
    /// At one place a comment ends before the next begins, and a change follows its comment's start.
    CommentEnd,
    CommentStart,
    Replace,
}

#[derive(Debug)]
pub(super) struct XmlEdit {
    pub at: usize,
    pub end: usize,
    pub order: Order,
    pub text: String,
    /// The caller's index of this edit, reported back when it cannot be written.
    pub owner: Option<usize>,
}

/// Splice the edits into the XML in one pass. Replacements that overlap one written before are
/// dropped (their owners returned); an insertion point inside a replaced range moves to its end.
pub(super) fn splice(xml: &str, mut edits: Vec<XmlEdit>) -> (String, Vec<usize>) {
    edits.sort_by_key(|e| (e.at, e.order));
    let mut out = String::with_capacity(xml.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut cursor = 0;
    let mut skipped = Vec::new();
    for e in edits {
        if e.at < cursor {
            if e.end > e.at {
                skipped.extend(e.owner);
                continue;
            }
        } else {
            out.push_str(&xml[cursor..e.at]);
            cursor = e.at;
        }
        out.push_str(&e.text);
        cursor = cursor.max(e.end);
    }
    out.push_str(&xml[cursor..]);
    (out, skipped)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Start,
    End,
}

/// A place in the XML: inside the content of `segment`, at byte `raw`.
#[derive(Clone, Debug)]
struct Place {
    segment: usize,
    raw: usize,
}

/// Where text position `pos` stands in the XML. A position between two pieces of text goes with
/// the following piece when it starts something, with the preceding when it ends something.
fn locate(segments: &[Segment], xml: &str, pos: usize, side: Side) -> Option<Place> {
    let inside = |s: &Segment| s.text.start <= pos && pos <= s.text.end;
    let found = match side {
        Side::Start => segments.iter().position(|s| inside(s) && (pos < s.text.end || s.text.is_empty())),
        Side::End => segments.iter().rposition(|s| inside(s) && (pos > s.text.start || s.text.is_empty())),
    }
    .or_else(|| segments.iter().position(inside));
    if let Some(i) = found {
        let s = &segments[i];
        return Some(Place { segment: i, raw: s.raw.start + raw_offset(&xml[s.raw.clone()], pos - s.text.start)? });
    }
    // No text here (a number, a tab, a paragraph break): the nearest text on the side asked.
    match side {
        Side::Start => segments
            .iter()
            .position(|s| s.text.start >= pos)
            .or_else(|| segments.len().checked_sub(1))
            .map(|i| Place { segment: i, raw: segments[i].raw.start }),
        Side::End => segments
            .iter()
            .rposition(|s| s.text.end <= pos)
            .or_else(|| (!segments.is_empty()).then_some(0))
            .map(|i| Place { segment: i, raw: segments[i].raw.end }),
    }
}

/// The one segment holding all of `start..end` (an insertion at a boundary goes with the
/// segment it starts).
fn segment_at(segments: &[Segment], start: usize, end: usize) -> Option<&Segment> {
    let holds = |s: &&Segment| s.text.start <= start && end <= s.text.end;
    segments.iter().filter(holds).find(|s| start < s.text.end || start == end).or_else(|| segments.iter().find(holds))
}

/// The XML range of text `start..end` when one `w:t` holds all of it.
fn within_one_segment(segments: &[Segment], xml: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = segment_at(segments, start, end)?;
    let content = &xml[s.raw.clone()];
    let at = s.raw.start + raw_offset(content, start - s.text.start)?;
    let until = s.raw.start + raw_offset(content, end - s.text.start)?;
    Some((at, until))
}

/// `xml:space="preserve"` added to the start tag of a `w:t` about to be split in two: its
/// first half keeps that tag, and a space that now ends it must not be dropped by Word.
pub(super) fn preserve_space(xml: &str, segment: &Segment) -> Option<XmlEdit> {
    let content_start = segment.raw.start;
    let tag = &xml[xml[..content_start].rfind('<')?..content_start];
    (tag.ends_with('>') && !tag.contains("xml:space")).then(|| XmlEdit {
        at: content_start - 1,
        end: content_start - 1,
        order: Order::CommentEnd,
        text: " xml:space=\"preserve\"".into(),
        owner: None,
    })
}

/// A point insertion at `place`: the run is closed, `inner` written, and a run of the same
/// formatting reopened for the rest of the text.
fn split_with(
    xml: &str,
    segments: &[Segment],
    place: &Place,
    order: Order,
    inner: &str,
    next_id: &mut usize,
) -> XmlEdit {
    let props = run_props(xml, &segments[place.segment], next_id);
    XmlEdit {
        at: place.raw,
        end: place.raw,
        order,
        text: format!("</w:t></w:r>{inner}<w:r>{props}<w:t xml:space=\"preserve\">"),
        owner: None,
    }
}

/// The run's formatting to repeat on a split-off run. A recorded formatting change goes with it
/// (rejecting the change must restore the whole run) under a new id, which must stay unique.
pub(super) fn run_props(xml: &str, segment: &Segment, next_id: &mut usize) -> String {
    let Some(range) = segment.run_props.clone() else { return String::new() };
    let props = &xml[range];
    let Some(change) = props.find("<w:rPrChange") else { return props.to_string() };
    let Some(id_at) = props[change..].find(" w:id=\"").map(|i| change + i + " w:id=\"".len()) else {
        return props.to_string();
    };
    let Some(id_end) = props[id_at..].find('"').map(|i| id_at + i) else { return props.to_string() };
    let id = *next_id;
    *next_id += 1;
    format!("{}{id}{}", &props[..id_at], &props[id_end..])
}

/// The byte offset in escaped XML content that decoded offset `decoded` corresponds to.
pub(super) fn raw_offset(raw: &str, decoded: usize) -> Option<usize> {
    let mut count = 0;
    let mut at = 0;
    while count < decoded {
        let rest = raw.get(at..)?;
        let c = rest.chars().next()?;
        if c == '&' {
            let semi = rest.find(';')?;
            count += decode_entity(&rest[1..semi])?.len_utf8();
            at += semi + 1;
        } else if rest.starts_with("\r\n") {
            count += 1;
            at += 2;
        } else {
            count += c.len_utf8();
            at += c.len_utf8();
        }
    }
    (count == decoded).then_some(at)
}

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The package with `parts` replaced (or added); every other entry copied as it was stored.
pub(super) fn repackage(bytes: &[u8], parts: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, DocxError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let write_err = |e: zip::result::ZipError| DocxError::Xml(format!("写入 .docx 失败：{e}"));
    let mut written: Vec<&str> = Vec::new();
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).map_err(|_| DocxError::NotZip)?;
        let name = file.name().map_err(|_| DocxError::NotZip)?.to_string();
        match parts.iter().find(|(n, _)| *n == name) {
            Some((n, content)) => {
                drop(file);
                out.start_file(*n, options).map_err(write_err)?;
                out.write_all(content).map_err(|e| DocxError::Xml(e.to_string()))?;
                written.push(n);
            }
            None => out.raw_copy_file(file).map_err(write_err)?,
        }
    }
    for (n, content) in parts.iter().filter(|(n, _)| !written.contains(n)) {
        out.start_file(*n, options).map_err(write_err)?;
        out.write_all(content).map_err(|e| DocxError::Xml(e.to_string()))?;
    }
    let cursor = out.finish().map_err(write_err)?;
    let mut bytes = Vec::new();
    let mut cursor = cursor;
    cursor.set_position(0);
    cursor.read_to_end(&mut bytes).map_err(|e| DocxError::Xml(e.to_string()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::LayoutEdit;
    use crate::source::docx::read;
    use crate::source::docx::tests::package;

    fn doc(paragraphs: &[&str]) -> Vec<u8> {
        let body: String = paragraphs
            .iter()
            .map(|p| {
                format!("<w:p><w:r><w:rPr><w:rFonts w:eastAsia=\"仿宋_GB2312\"/></w:rPr><w:t>{p}</w:t></w:r></w:p>")
            })
            .collect();
        package(
            &format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{}\"><w:body>{body}<w:sectPr/></w:body></w:document>",
                super::super::W
            ),
            None,
            None,
        )
    }

    fn with_types(bytes: Vec<u8>) -> Vec<u8> {
        repackage(
            &bytes,
            &[(
                "[Content_Types].xml",
                b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>".to_vec(),
            )],
        )
        .unwrap()
    }

    /// Properties are set in the order the schema gives them, merged per element, and the rest
    /// of each properties element is kept.
    /// Two new properties before one existing child keep the schema's order; a comment on an
    /// empty span opens before it closes; what is written parses.
    #[test]
    fn new_properties_keep_schema_order_and_point_comments_open_first() {
        let body = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"{}\"><w:body><w:p><w:r><w:rPr><w:sz w:val=\"24\"/><w:lang w:val=\"zh-CN\"/></w:rPr><w:t>示例市人民政府文件</w:t></w:r></w:p></w:body></w:document>",
            super::super::W
        );
        let bytes = package(&body, None, None);
        let all = Span::new(0, "示例市人民政府文件".len());
        let edits = [
            LayoutEdit::RunFormat {
                byte_start: all.start,
                byte_end: all.end,
                east_asia: None,
                size: None,
                color: Some("FF0000".into()),
            },
            LayoutEdit::RunFormat {
                byte_start: all.start,
                byte_end: all.end,
                east_asia: Some("方正小标宋简体".into()),
                size: None,
                color: None,
            },
        ];
        let fixed = super::super::apply_layout(&bytes, &edits, false).unwrap().bytes;
        let xml = read_mapped(&fixed).unwrap().document_xml;
        assert!(
            xml.contains(
                "<w:rPr><w:rFonts w:eastAsia=\"方正小标宋简体\"/><w:color w:val=\"FF0000\"/><w:sz w:val=\"24\"/><w:lang"
            ),
            "{xml}"
        );

        let typed = with_types(bytes);
        let point = Annotation { span: Span::new(6, 6), comment: vec!["缺少……".into()], edits: vec![] };
        let out = annotate(&typed, &[point], &[]).unwrap();
        let xml = read_mapped(&out.bytes).unwrap().document_xml;
        let (open, close) = (xml.find("<w:commentRangeStart").unwrap(), xml.find("<w:commentRangeEnd").unwrap());
        assert!(open < close, "{xml}");
    }

    #[test]
    fn raw_offsets_count_entities_as_their_characters() {
        assert_eq!(raw_offset("a&amp;b", 1), Some(1));
        assert_eq!(raw_offset("a&amp;b", 2), Some(6));
        assert_eq!(raw_offset("中&#x6587;", "中文".len()), Some("中&#x6587;".len()));
        assert_eq!(raw_offset("ab", 5), None);
    }

    #[test]
    fn fixes_replace_text_and_keep_the_runs_formatting() {
        let bytes = doc(&["各县区人民政府:", "A&amp;B"]);
        let text = read(&bytes).unwrap();
        let colon = text.find(':').unwrap();
        let amp = text.find('&').unwrap();
        let edits =
            vec![Edit::replace(Span::new(colon, colon + 1), "："), Edit::replace(Span::new(amp, amp + 1), "和")];
        let (fixed, written) = apply_fixes(&bytes, &edits).unwrap();
        assert_eq!(written, [true, true]);
        assert_eq!(read(&fixed).unwrap(), "各县区人民政府：\nA和B\n");
        let xml = read_mapped(&fixed).unwrap().document_xml;
        assert_eq!(xml.matches("仿宋_GB2312").count(), 2, "{xml}");
    }

    #[test]
    fn an_edit_across_runs_is_not_written() {
        let body = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"{}\"><w:body><w:p><w:r><w:t>关于</w:t></w:r><w:r><w:t>请示</w:t></w:r></w:p></w:body></w:document>",
            super::super::W
        );
        let bytes = package(&body, None, None);
        let (fixed, written) = apply_fixes(&bytes, &[Edit::replace(Span::new(3, 9), "X")]).unwrap();
        assert_eq!(written, [false]);
        assert_eq!(read(&fixed).unwrap(), "关于请示\n");
    }

    #[test]
    fn annotations_become_comments_and_tracked_changes() {
        let bytes = with_types(doc(&["各县区人民政府:", "特此请示。"]));
        let text = read(&bytes).unwrap();
        let colon = text.find(':').unwrap();
        let a = Annotation {
            span: Span::new(0, colon + 1),
            comment: vec!["GW305 main-recipient：主送机关后用全角冒号".into(), "依据：GB/T 9704-2012 7.3.2".into()],
            edits: vec![Edit::replace(Span::new(colon, colon + 1), "：")],
        };
        let b = Annotation {
            span: Span::new(text.find('特').unwrap(), text.len() - 1),
            comment: vec!["第二条".into()],
            edits: vec![],
        };
        let out = annotate(&bytes, &[a, b], &[]).unwrap();
        assert_eq!((out.comments, out.written, out.not_written), (2, 1, 0));
        // Read as accepted, the annotated copy is the fixed text; the original text is kept as a deletion.
        assert_eq!(read(&out.bytes).unwrap(), "各县区人民政府：\n特此请示。\n");
        let mapped = read_mapped(&out.bytes).unwrap();
        let xml = &mapped.document_xml;
        assert!(xml.contains("<w:delText xml:space=\"preserve\">:</w:delText>"), "{xml}");
        // The split `w:t`s keep their spaces.
        assert!(!xml.contains("<w:t>"), "{xml}");
        assert!(xml.contains("w:author=\"gwlint\""));
        assert_eq!(xml.matches("<w:commentRangeStart").count(), 2);
        roxmltree::Document::parse(xml).expect("well-formed document.xml");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&out.bytes)).unwrap();
        let comments = super::super::part(&mut archive, "word/comments.xml").unwrap().unwrap();
        roxmltree::Document::parse(&comments).expect("well-formed comments.xml");
        assert!(comments.contains("GW305 main-recipient"));
        let types = super::super::part(&mut archive, "[Content_Types].xml").unwrap().unwrap();
        assert!(types.contains("/word/comments.xml"));
    }
}
