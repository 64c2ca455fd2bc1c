//! GW4xx: 标点符号 (GB/T 15834-2011).
pub mod fullwidth_punct;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[&fullwidth_punct::FullwidthPunct];
