//! The 公文 document model (being built).
#[derive(Debug, Default)]
pub struct Document {}
