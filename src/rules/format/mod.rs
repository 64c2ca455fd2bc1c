//! GW3xx: 公文格式 (GB/T 9704-2012 and 《党政机关公文处理工作条例》第九条).
pub mod annotation;
pub mod attachment_consistency;
pub mod attachment_note;
pub mod citing_documents;
pub mod colophon;
pub mod doc_number_format;
pub mod header_elements;
pub mod heading_hierarchy;
pub mod issue_date_format;
pub mod main_recipient;
pub mod minutes_format;
pub mod org_names_abbrev;
pub mod title_elements;
pub mod title_punctuation;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &title_elements::TitleElements,
    &doc_number_format::DocNumberFormat,
    &issue_date_format::IssueDateFormat,
    &heading_hierarchy::HeadingHierarchy,
    &main_recipient::MainRecipient,
    &attachment_note::AttachmentNoteFormat,
    &attachment_consistency::AttachmentConsistency,
    &title_punctuation::TitlePunctuation,
    &header_elements::HeaderElements,
    &annotation::Annotation,
    &colophon::ColophonFormat,
    &citing_documents::CitingDocuments,
    &org_names_abbrev::OrgNamesAbbrev,
    &minutes_format::MinutesFormat,
];
