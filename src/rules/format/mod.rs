//! GW3xx: 公文格式 (GB/T 9704-2012 and 《党政机关公文处理工作条例》第九条).
pub mod doc_number_format;
pub mod issue_date_format;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[&doc_number_format::DocNumberFormat, &issue_date_format::IssueDateFormat];
