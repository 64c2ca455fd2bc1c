//! GW2xx: 行文规则 (《党政机关公文处理工作条例》第十四条至第十七条, 江门市人民政府工作规则).

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
