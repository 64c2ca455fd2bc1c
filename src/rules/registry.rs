//! The one table of rules, in code order. Each category folder lists its rules in its
//! `mod.rs` (`RULES`); adding a rule means writing its file and listing it there.

use super::Rule;
use super::{deadlines, discipline, format, kind, meta, numbers, punct, routing, wording};
use std::sync::LazyLock;

static RULES: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static dyn Rule> = [
        meta::RULES,
        kind::RULES,
        routing::RULES,
        format::RULES,
        punct::RULES,
        numbers::RULES,
        wording::RULES,
        deadlines::RULES,
        discipline::RULES,
    ]
    .concat();
    all.sort_by_key(|r| r.meta().code);
    all
});

pub fn all_rules() -> &'static [&'static dyn Rule] {
    &RULES
}

/// A rule by code (case-insensitive) or kebab-case name.
pub fn find_rule(code_or_name: &str) -> Option<&'static dyn Rule> {
    let key = code_or_name.trim();
    all_rules().iter().copied().find(|r| r.meta().code.eq_ignore_ascii_case(key) || r.meta().name == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for r in all_rules() {
            let m = r.meta();
            assert!(codes.insert(m.code), "duplicate code {}", m.code);
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(m.code.starts_with("GW") && m.code.len() == 5, "{}", m.code);
            assert!(m.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", m.name);
            assert!(
                !m.source.is_empty() && !m.docs.is_empty() && !m.bad.is_empty() && !m.good.is_empty(),
                "{} lacks docs",
                m.code
            );
            let category_digit = m.code.as_bytes()[2] - b'0';
            let expected = match category_digit {
                0 => super::super::Category::Meta,
                1 => super::super::Category::DocKind,
                2 => super::super::Category::Routing,
                3 => super::super::Category::Format,
                4 => super::super::Category::Punctuation,
                5 => super::super::Category::Numbers,
                6 => super::super::Category::Wording,
                7 => super::super::Category::Deadlines,
                _ => super::super::Category::Discipline,
            };
            assert_eq!(m.category, expected, "{} is in the wrong category", m.code);
        }
    }
}
