//! GW9xx: 版式 — the page layout of a .docx against GB/T 9704-2012 (page, fonts, grid,
//! indents, 版头 mark and rule, page numbers, 版记, date and attachment positions). The rules
//! read `Source::layout`; a plain-text draft has none and they stay out of its way.
mod common;

#[cfg(test)]
pub(crate) use common::run_format;

pub mod attachment_layout;
pub mod body_font;
pub mod colophon_layout;
pub mod heading_fonts;
pub mod house_fonts;
pub mod issuer_mark_and_rule;
pub mod line_grid;
pub mod page_number;
pub mod page_size_margins;
pub mod paragraph_indent;
pub mod signature_date_layout;
pub mod title_font;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &page_size_margins::PageSizeMargins,
    &body_font::BodyFont,
    &title_font::TitleFont,
    &heading_fonts::HeadingFonts,
    &line_grid::LineGrid,
    &paragraph_indent::ParagraphIndent,
    &issuer_mark_and_rule::IssuerMarkAndRule,
    &page_number::PageNumberLayout,
    &colophon_layout::ColophonLayout,
    &signature_date_layout::SignatureDateLayout,
    &attachment_layout::AttachmentLayout,
    &house_fonts::HouseFonts,
];
