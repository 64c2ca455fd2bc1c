//! Properties that must hold for every input, checked on generated ones:
//! - byte ↔ (line, character column) ↔ (line, UTF-16 column) conversions agree with a plain
//!   count, round-trip, and clamp bad offsets, on Chinese/ASCII/astral text with CRLF/CR/LF;
//! - every fix's edits lie inside the text, on character boundaries, without overlapping;
//! - applying safe fixes is idempotent (fixing the fixed text changes nothing), on drafts made
//!   of fragments of the repository's fixtures;
//! - recognising and linting never panic, whatever the string.

use gwlint::config::{Selector, Settings};
use gwlint::diagnostic::{Applicability, Diagnostic};
use gwlint::org::OrgView;
use gwlint::source::{LineCol, LineIndex, Source};
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::LazyLock;

static SETTINGS: LazyLock<Settings> = LazyLock::new(|| Settings { select: vec![Selector::All], ..Settings::default() });
static ORGS: LazyLock<OrgView> = LazyLock::new(OrgView::default);

/// Every line of every fixture, seed and draft (UTF-8 ones), to build drafts from.
static FRAGMENTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("fixtures").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
                && let Ok(text) = std::fs::read_to_string(&p)
            {
                out.extend(text.lines().map(str::to_string));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"), &mut out);
    assert!(out.len() > 1000, "fixtures found: {}", out.len());
    out
});

/// Pieces of text of every kind the index must count right: ASCII, Chinese (3 bytes), astral
/// (4 bytes, two UTF-16 units), full-width marks, and every line ending.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9 ,.]{1,6}",
        4 => "[一-龥]{1,6}",
        2 => prop::sample::select(vec!["𠮷", "😀", "𝄞", "𪚥"]).prop_map(str::to_string),
        2 => prop::sample::select(vec!["，", "。", "“", "”", "《", "》", "〔", "〕", "\u{3000}", "\t"]).prop_map(str::to_string),
        3 => prop::sample::select(vec!["\n", "\r\n", "\r", "\r\r\n", "\n\r"]).prop_map(str::to_string),
    ]
}

/// Mixed text; now and then a line long enough (> 4 KiB) to get checkpoints in the index.
fn mixed_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(piece(), 0..60), any::<bool>(), 0usize..60).prop_map(|(pieces, long, at)| {
        let mut pieces = pieces;
        if long {
            let run: String = "江门市𠮷a，".repeat(700);
            pieces.insert(at.min(pieces.len()), run);
        }
        pieces.concat()
    })
}

/// Line starts by the plain definition: a line ends at "\n", "\r\n" or a lone "\r".
fn plain_line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
        i += 1;
    }
    starts
}

/// A draft made of fixture lines, joined by any line ending, sometimes with a few characters
/// spliced in, as Markdown or plain text.
fn draft() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec((any::<Index>(), 0usize..3), 1..30),
        prop::collection::vec((any::<Index>(), piece()), 0..4),
        any::<bool>(),
    )
        .prop_map(|(lines, splices, markdown)| {
            let endings = ["\n", "\r\n", "\n\n"];
            let mut text: String = lines.iter().map(|(i, e)| format!("{}{}", i.get(&FRAGMENTS), endings[*e])).collect();
            for (at, s) in splices {
                let mut pos = at.index(text.len() + 1);
                while !text.is_char_boundary(pos) {
                    pos -= 1;
                }
                text.insert_str(pos, &s);
            }
            (if markdown { "draft.md" } else { "draft.txt" }.to_string(), text)
        })
}

fn check_edits(text: &str, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    for d in diagnostics {
        prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{} span {:?}", d.code, d.span);
        let Some(fix) = &d.fix else { continue };
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for e in &fix.edits {
            prop_assert!(e.byte_start <= e.byte_end && e.byte_end <= text.len(), "{} edit {:?}", d.code, e);
            prop_assert!(
                text.is_char_boundary(e.byte_start) && text.is_char_boundary(e.byte_end),
                "{} edit {:?} splits a character",
                d.code,
                e
            );
            spans.push((e.byte_start, e.byte_end));
        }
        spans.sort();
        for w in spans.windows(2) {
            prop_assert!(w[0].1 <= w[1].0, "{}: edits overlap: {:?}", d.code, w);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn line_index_agrees_with_counting_and_round_trips(text in mixed_text()) {
        let idx = LineIndex::new(&text);
        let starts = plain_line_starts(&text);
        prop_assert_eq!(idx.line_count(), starts.len());
        for (line0, &start) in starts.iter().enumerate() {
            prop_assert_eq!(idx.line_start(line0), start);
        }
        let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        boundaries.push(text.len());
        // All boundaries of short texts; a sample of long ones.
        let step = (boundaries.len() / 400).max(1);
        for &b in boundaries.iter().step_by(step).chain(boundaries.last()) {
            let line0 = starts.partition_point(|&s| s <= b) - 1;
            let before = &text[starts[line0]..b];
            prop_assert_eq!(idx.line_col(&text, b), LineCol { line: line0 + 1, column: before.chars().count() + 1 });
            let col16 = before.encode_utf16().count();
            prop_assert_eq!(idx.utf16_position(&text, b), (line0, col16));
            // Back from UTF-16 — except at a line break's second byte, which is no position.
            let end = idx.line_end(&text, line0);
            if b <= end {
                prop_assert_eq!(idx.offset_of_utf16(&text, line0, col16), b);
            }
        }
        // Offsets inside a character clamp back to its start; past the end, to the end.
        for (i, c) in text.char_indices().step_by(step) {
            for inner in i + 1..i + c.len_utf8() {
                prop_assert_eq!(idx.line_col(&text, inner), idx.line_col(&text, i));
                prop_assert_eq!(idx.utf16_position(&text, inner), idx.utf16_position(&text, i));
            }
        }
        prop_assert_eq!(idx.line_col(&text, text.len() + 7), idx.line_col(&text, text.len()));
        // A column past the end of a line clamps to its end.
        for line0 in 0..starts.len() {
            prop_assert_eq!(idx.offset_of_utf16(&text, line0, usize::MAX), idx.line_end(&text, line0));
        }
        prop_assert_eq!(idx.offset_of_utf16(&text, starts.len(), 0), text.len());
    }

    #[test]
    fn recognise_and_lint_never_panic(text in any::<String>(), markdown in any::<bool>()) {
        let source = Source::from_text(if markdown { "x.md" } else { "x.txt" }, text);
        let _ = gwlint::document::recognise(&source);
        let diagnostics = gwlint::engine::lint(&source, &SETTINGS, &ORGS);
        check_edits(&source.text, &diagnostics)?;
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(source) = Source::from_bytes("x.txt", &bytes) {
            let diagnostics = gwlint::engine::lint(&source, &SETTINGS, &ORGS);
            check_edits(&source.text, &diagnostics)?;
        }
    }

    #[test]
    fn fix_edits_lie_inside_the_text((name, text) in draft()) {
        let source = Source::from_text(name, text);
        let diagnostics = gwlint::engine::lint(&source, &SETTINGS, &ORGS);
        check_edits(&source.text, &diagnostics)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn safe_fixes_are_idempotent((name, text) in draft()) {
        let once = gwlint::fix::fix_source(&Source::from_text(&name, text), &SETTINGS, &ORGS, Applicability::Safe);
        let twice =
            gwlint::fix::fix_source(&Source::from_text(&name, once.text.clone()), &SETTINGS, &ORGS, Applicability::Safe);
        prop_assert_eq!(&twice.text, &once.text, "second pass applied {:?}", twice.applied);
    }
}
