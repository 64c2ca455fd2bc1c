//! GW0xx: rules about gwlint's own directives and metadata in the draft.
pub mod document_not_recognised;
pub mod invalid_front_matter;
pub mod invalid_suppression;
pub mod unused_suppression;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &unused_suppression::UnusedSuppression,
    &invalid_suppression::InvalidSuppression,
    &invalid_front_matter::InvalidFrontMatter,
    &document_not_recognised::DocumentNotRecognised,
];
