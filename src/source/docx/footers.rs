//! Page numbers as GB/T 9704-2012 7.5 sets them: `— 1 —` in 四号半角宋体 in the footer, odd
//! pages right and even pages left, one character in from the edge of the 版心.
//!
//! gwlint writes its own footer parts and points every section's default (and even) footer at
//! them. A footer that holds anything besides a page number (a logo, a line of text) is the
//! drafter's, and is never replaced.

use super::{DocxError, Mapped, W, part};
use std::io::Cursor;

const FOOTER_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const FOOTER_CONTENT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
const ODD_PART: &str = "word/gwlint-footer-odd.xml";
const EVEN_PART: &str = "word/gwlint-footer-even.xml";
const ODD_ID: &str = "rIdGwlintFooterOdd";
const EVEN_ID: &str = "rIdGwlintFooterEven";

/// The footers to write and the references every section is to hold.
pub struct FooterWrite {
    /// (`w:type`, relationship id).
    pub references: Vec<(&'static str, String)>,
    pub parts: Vec<(&'static str, Vec<u8>)>,
}

/// Footers for `position` (`outside`: the standard; `centre`, `right`: a configured practice),
/// or why they cannot be written.
pub fn page_numbers(bytes: &[u8], mapped: &Mapped, position: &str) -> Result<Result<FooterWrite, String>, DocxError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let rels_xml = part(&mut archive, "word/_rels/document.xml.rels")?;
    let types = part(&mut archive, "[Content_Types].xml")?.ok_or(DocxError::NoDocument)?;
    let settings = part(&mut archive, "word/settings.xml")?;
    let relationships = match &rels_xml {
        Some(r) => super::page::relationships(&super::parse(r)?),
        None => Vec::new(),
    };
    // Footers other than gwlint's own, as the sections refer to them.
    let doc = super::parse(&mapped.document_xml)?;
    let mut existing: Vec<String> = Vec::new();
    for sect in doc.descendants().filter(|n| super::is_w(*n, "sectPr")) {
        for (_, id) in super::page::footer_refs(sect) {
            if let Some((_, name)) = relationships.iter().find(|(r, _)| *r == id)
                && name != ODD_PART
                && name != EVEN_PART
                && !existing.contains(name)
            {
                existing.push(name.clone());
            }
        }
    }
    for name in &existing {
        let Some(xml) = part(&mut archive, name)? else { continue };
        let footer = super::parse(&xml)?;
        let text: String =
            footer.descendants().filter(|n| super::is_w(*n, "t")).filter_map(|t| t.text()).collect::<String>();
        if !text.chars().all(is_page_number_furniture) {
            return Ok(Err(format!("页脚中除页码外还有文字（“{}”），未替换页脚", text.trim())));
        }
        // A text box holding the page number (as WPS inserts it) goes with the footer; a picture
        // (a logo, a seal) is the drafter's.
        let picture = footer.descendants().any(|n| {
            n.is_element()
                && (n.tag_name().name() == "blip"
                    || n.tag_name().name() == "imagedata" && n.attributes().any(|a| a.name() == "id"))
        });
        if picture {
            return Ok(Err("页脚中有图片，未替换页脚".into()));
        }
    }
    let outside = position != "centre" && position != "right";
    let even_needed = outside || mapped.layout.even_and_odd;
    let (odd_align, odd_side) = match position {
        "centre" => ("center", None),
        _ => ("right", Some("right")),
    };
    let mut parts: Vec<(&'static str, Vec<u8>)> = vec![(ODD_PART, footer(odd_align, odd_side).into_bytes())];
    let mut references = vec![("default", ODD_ID.to_string())];
    if even_needed {
        let (align, side) = match position {
            "centre" => ("center", None),
            "right" => ("right", Some("right")),
            _ => ("left", Some("left")),
        };
        parts.push((EVEN_PART, footer(align, side).into_bytes()));
        references.push(("even", EVEN_ID.to_string()));
    }
    // Relationships and content types for the new parts (kept when a run before wrote them).
    let mut rels = rels_xml.unwrap_or_else(|| {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".to_string()
    });
    let mut types = types;
    for (name, id) in [(ODD_PART, ODD_ID), (EVEN_PART, EVEN_ID)].into_iter().take(parts.len()) {
        if !rels.contains(&format!("Id=\"{id}\"")) {
            let target = name.trim_start_matches("word/");
            let rel = format!("<Relationship Id=\"{id}\" Type=\"{FOOTER_TYPE}\" Target=\"{target}\"/>");
            rels = insert_before(&rels, "</Relationships>", &rel)
                .ok_or_else(|| DocxError::Xml("document.xml.rels 缺少 </Relationships>".into()))?;
        }
        if !types.contains(&format!("PartName=\"/{name}\"")) {
            let over = format!("<Override PartName=\"/{name}\" ContentType=\"{FOOTER_CONTENT}\"/>");
            types = insert_before(&types, "</Types>", &over)
                .ok_or_else(|| DocxError::Xml("[Content_Types].xml 缺少 </Types>".into()))?;
        }
    }
    parts.push(("word/_rels/document.xml.rels", rels.into_bytes()));
    parts.push(("[Content_Types].xml", types.into_bytes()));
    if outside && !mapped.layout.even_and_odd {
        match settings {
            Some(s) => parts.push(("word/settings.xml", even_and_odd_on(&s)?.into_bytes())),
            None => return Ok(Err("文档没有 settings.xml，不能设“奇偶页不同”".into())),
        }
    }
    Ok(Ok(FooterWrite { references, parts }))
}

/// Characters a footer may hold and still be only a page number: digits, dashes, spaces and the
/// words of `第 1 页 共 3 页`.
fn is_page_number_furniture(c: char) -> bool {
    c.is_ascii_digit() || c.is_whitespace() || "—–-－‒―~～第页共/".contains(c) || c == '\u{3000}'
}

/// A footer with one paragraph: `— PAGE —` in 四号宋体, aligned, one character in from `side`.
fn footer(align: &str, side: Option<&str>) -> String {
    let indent = match side {
        Some(side) => format!("<w:ind w:{side}Chars=\"100\" w:{side}=\"280\"/>"),
        None => String::new(),
    };
    let props = "<w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>";
    let run = |inner: &str| format!("<w:r>{props}{inner}</w:r>");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"{W}\"><w:p><w:pPr>{indent}<w:jc w:val=\"{align}\"/></w:pPr>{}{}{}{}{}{}{}</w:p></w:ftr>",
        run("<w:t xml:space=\"preserve\">— </w:t>"),
        run("<w:fldChar w:fldCharType=\"begin\"/>"),
        run("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"),
        run("<w:fldChar w:fldCharType=\"separate\"/>"),
        run("<w:t>1</w:t>"),
        run("<w:fldChar w:fldCharType=\"end\"/>"),
        run("<w:t xml:space=\"preserve\"> —</w:t>"),
    )
}

/// `word/settings.xml` with `w:evenAndOddHeaders` on, in its place in CT_Settings.
fn even_and_odd_on(settings: &str) -> Result<String, DocxError> {
    // The children CT_Settings puts before `w:evenAndOddHeaders`.
    const BEFORE: &[&str] = &[
        "writeProtection",
        "view",
        "zoom",
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "hideSpellingErrors",
        "hideGrammaticalErrors",
        "activeWritingStyle",
        "proofState",
        "formsDesign",
        "attachedTemplate",
        "linkStyles",
        "stylePaneFormatFilter",
        "stylePaneSortMethod",
        "documentType",
        "mailMerge",
        "revisionView",
        "trackRevisions",
        "doNotTrackMoves",
        "doNotTrackFormatting",
        "documentProtection",
        "autoFormatOverride",
        "styleLockTheme",
        "styleLockQFSet",
        "defaultTabStop",
        "autoHyphenation",
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
    ];
    let doc = super::parse(settings)?;
    let root = doc.root_element();
    let element = "<w:evenAndOddHeaders/>";
    let children: Vec<_> = root.children().filter(|c| c.is_element()).collect();
    if let Some(old) = children.iter().find(|c| super::is_w(**c, "evenAndOddHeaders")) {
        let r = old.range();
        return Ok(format!("{}{element}{}", &settings[..r.start], &settings[r.end..]));
    }
    let before = |c: &roxmltree::Node| c.tag_name().namespace() == Some(W) && BEFORE.contains(&c.tag_name().name());
    let at = match children.iter().find(|c| !before(c)) {
        Some(c) => c.range().start,
        None => {
            let r = root.range();
            if settings[r.clone()].ends_with("/>") {
                return Err(DocxError::Xml("word/settings.xml 为空元素，不能设“奇偶页不同”".into()));
            }
            r.start + settings[r.clone()].rfind("</").unwrap_or(r.len())
        }
    };
    Ok(format!("{}{element}{}", &settings[..at], &settings[at..]))
}

fn insert_before(xml: &str, closing: &str, what: &str) -> Option<String> {
    let at = xml.rfind(closing)?;
    Some(format!("{}{what}{}", &xml[..at], &xml[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_and_odd_goes_in_its_place() {
        let s = format!(
            "<w:settings xmlns:w=\"{W}\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/></w:settings>"
        );
        let out = even_and_odd_on(&s).unwrap();
        assert!(
            out.contains("<w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/><w:characterSpacingControl"),
            "{out}"
        );
        let off = format!("<w:settings xmlns:w=\"{W}\"><w:evenAndOddHeaders w:val=\"0\"/></w:settings>");
        assert_eq!(
            even_and_odd_on(&off).unwrap(),
            format!("<w:settings xmlns:w=\"{W}\"><w:evenAndOddHeaders/></w:settings>")
        );
    }

    #[test]
    fn a_footer_is_a_page_field_between_em_dashes() {
        let xml = footer("right", Some("right"));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let text: String = doc.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect();
        assert_eq!(text, "— 1 —");
        assert!(xml.contains("<w:ind w:rightChars=\"100\" w:right=\"280\"/><w:jc w:val=\"right\"/>"));
        assert!(xml.contains(" PAGE "));
        assert!(is_page_number_furniture('—') && is_page_number_furniture('页') && !is_page_number_furniture('密'));
    }
}
