//! Every rule (`--select ALL`, every rule pack) over arbitrary text, as Markdown or plain text:
//! no panic, and every diagnostic and fix edit lies inside the text on character boundaries.
#![no_main]

use gwlint::config::{Selector, Settings};
use gwlint::org::OrgView;
use gwlint::source::Source;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SETTINGS: LazyLock<Settings> = LazyLock::new(|| Settings { select: vec![Selector::All], ..Settings::default() });
static ORGS: LazyLock<OrgView> = LazyLock::new(|| gwlint::config::org_view(&SETTINGS).expect("default org view"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (name, text) = match text.strip_prefix('#') {
        Some(_) => ("draft.md", text),
        None => ("draft.txt", text),
    };
    let source = Source::from_text(name, text);
    let diagnostics = gwlint::engine::lint(&source, &SETTINGS, &ORGS);
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{} span {:?}", d.code, d.span);
        if let Some(fix) = &d.fix {
            for e in &fix.edits {
                assert!(e.byte_start <= e.byte_end && e.byte_end <= text.len(), "{} edit {e:?}", d.code);
                assert!(
                    text.is_char_boundary(e.byte_start) && text.is_char_boundary(e.byte_end),
                    "{} edit {e:?} splits a character",
                    d.code
                );
            }
        }
    }
});
