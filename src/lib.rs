//! gwlint — a linter for draft Chinese party and government official documents (公文).
//!
//! The flow: source bytes → decoded text (`source`) → document model (`document`) + organisation
//! view (`org`) → rules (`rules`, driven by `engine`) → diagnostics → fixes (`fix`) / output
//! (`output`).

pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod lang;
pub mod layout;
#[cfg(feature = "cli")]
pub mod lsp;
pub mod org;
pub mod output;
pub mod packs;
pub mod rules;
pub mod source;
pub mod span;
pub mod suppress;
#[cfg(test)]
mod test_support;
