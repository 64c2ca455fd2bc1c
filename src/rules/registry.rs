//! The one table of rules, in code order. Adding a rule: write its file, add it here.

use super::Rule;
use super::{format, meta, punct, wording};

static RULES: &[&dyn Rule] = &[
    &meta::unused_suppression::UnusedSuppression,
    &meta::invalid_suppression::InvalidSuppression,
    &meta::invalid_front_matter::InvalidFrontMatter,
    &format::doc_number_format::DocNumberFormat,
    &format::issue_date_format::IssueDateFormat,
    &punct::fullwidth_punct::FullwidthPunct,
    &wording::foreign_words::ForeignWords,
];

pub fn all_rules() -> &'static [&'static dyn Rule] {
    RULES
}

/// A rule by code (case-insensitive) or kebab-case name.
pub fn find_rule(code_or_name: &str) -> Option<&'static dyn Rule> {
    let key = code_or_name.trim();
    RULES.iter().copied().find(|r| r.meta().code.eq_ignore_ascii_case(key) || r.meta().name == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        let mut last = "";
        for r in RULES {
            let m = r.meta();
            assert!(codes.insert(m.code), "duplicate code {}", m.code);
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(m.code > last, "registry out of code order at {}", m.code);
            last = m.code;
            assert!(m.code.starts_with("GW") && m.code.len() == 5, "{}", m.code);
            assert!(m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", m.name);
            assert!(!m.source.is_empty() && !m.docs.is_empty() && !m.bad.is_empty() && !m.good.is_empty(), "{} lacks docs", m.code);
        }
    }
}
