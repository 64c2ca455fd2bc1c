//! Organisations: who sends, who receives, and how they relate. (Being built.)

#[derive(Debug, Default)]
pub struct OrgView {}
