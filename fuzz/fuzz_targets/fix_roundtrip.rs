//! Safe fixes are idempotent: fixing the fixed text changes nothing; every fix's edits lie inside
//! the text, on character boundaries, and never overlap within one fix.
#![no_main]

use gwlint::config::{Selector, Settings};
use gwlint::diagnostic::Applicability;
use gwlint::org::OrgView;
use gwlint::source::Source;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SETTINGS: LazyLock<Settings> = LazyLock::new(|| Settings { select: vec![Selector::All], ..Settings::default() });
static ORGS: LazyLock<OrgView> = LazyLock::new(|| gwlint::config::org_view(&SETTINGS).expect("default org view"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let name = if text.starts_with('#') { "draft.md" } else { "draft.txt" };
    let source = Source::from_text(name, text);
    for d in gwlint::engine::lint(&source, &SETTINGS, &ORGS) {
        let Some(fix) = &d.fix else { continue };
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for e in &fix.edits {
            assert!(e.byte_start <= e.byte_end && e.byte_end <= text.len(), "{} edit {e:?}", d.code);
            assert!(text.is_char_boundary(e.byte_start) && text.is_char_boundary(e.byte_end), "{} edit {e:?}", d.code);
            spans.push((e.byte_start, e.byte_end));
        }
        spans.sort();
        for w in spans.windows(2) {
            assert!(w[0].1 <= w[1].0, "{}: overlapping edits {:?}", d.code, w);
        }
    }
    let once = gwlint::fix::fix_source(&source, &SETTINGS, &ORGS, Applicability::Safe);
    let fixed = Source::from_text(name, once.text.clone());
    let twice = gwlint::fix::fix_source(&fixed, &SETTINGS, &ORGS, Applicability::Safe);
    assert_eq!(twice.text, once.text, "fixing twice differs from fixing once (first pass applied {:?})", once.applied);
});
