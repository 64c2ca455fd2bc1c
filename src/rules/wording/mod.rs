//! GW6xx: 用词 (国家通用语言文字法, common wording errors).
pub mod foreign_words;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[&foreign_words::ForeignWords];
