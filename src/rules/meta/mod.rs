//! GW0xx: rules about gwlint's own directives and metadata in the draft.
pub mod invalid_front_matter;
pub mod invalid_suppression;
pub mod unused_suppression;
