//! The one table of rules.
use super::Rule;

pub fn all_rules() -> &'static [&'static dyn Rule] {
    &[]
}

pub fn find_rule(code_or_name: &str) -> Option<&'static dyn Rule> {
    all_rules().iter().copied().find(|r| r.meta().code.eq_ignore_ascii_case(code_or_name) || r.meta().name == code_or_name)
}
