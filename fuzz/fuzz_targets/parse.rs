//! decode + recognise: raw bytes (any encoding, any garbage) through `Source::from_bytes` and the
//! document recogniser, as Markdown or as plain text (chosen by the first byte).
#![no_main]

use gwlint::source::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = match data.split_first() {
        Some((k, rest)) if k & 1 == 1 => ("draft.md", rest),
        Some((_, rest)) => ("draft.txt", rest),
        None => ("draft.txt", data),
    };
    let Ok(source) = Source::from_bytes(name, bytes) else { return };
    let doc = gwlint::document::recognise(&source);
    // Every span the recogniser hands out lies inside the text, on character boundaries.
    let text = source.text.as_str();
    for (line, _) in &doc.lines {
        assert!(line.span.start <= line.span.end && line.span.end <= text.len(), "line span {:?}", line.span);
        assert!(text.is_char_boundary(line.span.start) && text.is_char_boundary(line.span.end));
    }
    // Encoding back what was decoded gives the same text.
    if let Ok(bytes) = source.encode_like(text) {
        let again = Source::from_bytes(name, &bytes).expect("re-decoding our own encoding");
        assert_eq!(again.text, source.text);
    }
});
