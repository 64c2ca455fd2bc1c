//! The one table of rules, in code order. Each category folder lists its rules in its
//! `mod.rs` (`RULES`); adding a rule means writing its file and listing it there.

use super::Rule;
use super::{deadlines, discipline, format, kind, layout, meta, numbers, punct, routing, wording};
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
        layout::RULES,
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

/// Rules whose code, name, summary, basis or docs mention `query` (a Chinese keyword such as
/// 序次语, or a word of a name), best first: matches in the summary before those only in the docs.
/// Case is ignored for Latin letters.
pub fn search_rules(query: &str) -> Vec<&'static dyn Rule> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    // A code or its prefix (GW4, gw40) names codes only: GW999 is no mention of GW9999.
    if query.starts_with("gw") && query[2..].chars().all(|c| c.is_ascii_digit()) {
        return all_rules().iter().copied().filter(|r| r.meta().code.to_lowercase().starts_with(&query)).collect();
    }
    let mut scored: Vec<(u8, &'static dyn Rule)> = all_rules()
        .iter()
        .copied()
        .filter_map(|rule| {
            let m = rule.meta();
            let has = |s: &str| s.to_lowercase().contains(&query);
            let score = if has(m.code) || has(m.name) || has(m.summary) {
                0
            } else if has(m.source) || has(m.bad) || has(m.good) {
                1
            } else if has(m.docs) {
                2
            } else {
                return None;
            };
            Some((score, rule))
        })
        .collect();
    scored.sort_by_key(|(score, rule)| (*score, rule.meta().code));
    scored.into_iter().map(|(_, rule)| rule).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rules_are_found_by_chinese_keywords() {
        let codes = |q: &str| search_rules(q).iter().map(|r| r.meta().code).collect::<Vec<_>>();
        assert_eq!(codes("序次语").first(), Some(&"GW402"), "{:?}", codes("序次语"));
        assert!(codes("越级").contains(&"GW202"));
        assert!(codes("ordinal").contains(&"GW402"));
        assert!(codes("没有这个词的规则xyz").is_empty());
        // Codes by prefix only.
        assert!(codes("GW999").is_empty());
        assert!(codes("gw40").iter().all(|c| c.starts_with("GW40")) && codes("gw40").contains(&"GW402"));
    }

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
                8 => super::super::Category::Discipline,
                _ => super::super::Category::Layout,
            };
            assert_eq!(m.category, expected, "{} is in the wrong category", m.code);
        }
    }
}
