//! GW4xx: 标点符号 (GB/T 15834-2011).
pub mod book_marks_for_laws;
pub mod book_marks_misuse;
pub mod duplicate_punct;
pub mod enumeration_omission;
pub mod fullwidth_punct;
pub mod no_dunhao_between_marked;
pub mod ordinal_punct;
pub mod paired_marks_and_quotes;
pub mod range_connector;
pub mod stray_spaces;
mod words;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &fullwidth_punct::FullwidthPunct,
    &ordinal_punct::OrdinalPunct,
    &book_marks_for_laws::BookMarksForLaws,
    &book_marks_misuse::BookMarksMisuse,
    &no_dunhao_between_marked::NoDunhaoBetweenMarked,
    &range_connector::RangeConnector,
    &enumeration_omission::EnumerationOmission,
    &paired_marks_and_quotes::PairedMarksAndQuotes,
    &duplicate_punct::DuplicatePunct,
    &stray_spaces::StraySpaces,
];
