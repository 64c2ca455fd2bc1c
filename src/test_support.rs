//! Helpers for rule unit tests: lint a snippet with one rule selected, and check fixes.

use crate::config::{Selector, Settings};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::org::OrgView;
use crate::source::Source;

pub fn settings_for(code: &str) -> Settings {
    Settings { select: vec![Selector::parse(code).expect("known rule")], ..Settings::default() }
}

pub fn lint_text(path: &str, text: &str, code: &str) -> Vec<Diagnostic> {
    let source = Source::from_text(path, text);
    crate::engine::lint(&source, &settings_for(code), &OrgView::default())
}

/// The texts of the diagnostics' spans.
pub fn codes_in(path: &str, text: &str, code: &str) -> Vec<String> {
    lint_text(path, text, code).iter().map(|d| format!("{}:{}", d.code, d.span.text(text))).collect()
}

/// Safe fixes turn `text` into `expected`, and a second pass changes nothing.
pub fn assert_fixed(text: &str, code: &str, expected: &str) {
    let settings = settings_for(code);
    let orgs = OrgView::default();
    let once = crate::fix::fix_source(&Source::from_text("t.txt", text), &settings, &orgs, Applicability::Safe);
    assert_eq!(once.text, expected, "fixing {text:?}");
    let twice = crate::fix::fix_source(&Source::from_text("t.txt", &once.text), &settings, &orgs, Applicability::Safe);
    assert_eq!(twice.text, once.text, "second fix changed {expected:?}");
}
