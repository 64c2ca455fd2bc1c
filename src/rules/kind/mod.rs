//! GW1xx: 文种 (《党政机关公文处理工作条例》第八条、第十五条).

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
