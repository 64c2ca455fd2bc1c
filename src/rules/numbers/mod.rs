//! GW5xx: 数字 (GB/T 15835-2011).

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
