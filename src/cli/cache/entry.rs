//! The on-disk form of one cache entry: a small binary record rather than JSON, because a warm
//! run over a large archive spends its time reading entries back. Every diagnostic is stored
//! with its places already resolved ([`gwlint::output::Placed`]), so a hit needs neither the
//! decoded text nor a line index for the machine formats.
//!
//! ```text
//! "GWC\x02"  key (16 bytes, LE)  xxh3-64 of the body (8 bytes, LE)  body
//! body: encoding, bom, count, then per diagnostic its fields and places
//! ```
//! Numbers are LEB128. A string is either new (0, length, UTF-8 bytes) or a back-reference
//! (k + 1 for the k-th new string of this entry): a rule's long citation is stored once per
//! file, not once per finding. Anything that does not decode exactly — a short or damaged
//! file, a checksum or key that differs, invalid UTF-8, bytes left over — is a miss.

use gwlint::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity, Text};
use gwlint::output::{Placed, Position, Recalled};
use gwlint::rules::RuleMeta;
use gwlint::source::{Encoding, LineCol};
use gwlint::span::Span;
use std::collections::HashMap;
use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"GWC\x02";
const HEADER: usize = MAGIC.len() + 16 + 8;

pub fn encode(key: u128, file: &Recalled) -> Vec<u8> {
    let mut w = Writer { buf: Vec::with_capacity(1024), strings: HashMap::new(), count: 0 };
    w.buf.extend_from_slice(MAGIC);
    w.buf.extend_from_slice(&key.to_le_bytes());
    w.buf.extend_from_slice(&[0; 8]);
    w.byte(encoding_tag(file.encoding));
    w.byte(u8::from(file.bom));
    w.num(file.diagnostics.len());
    for p in &file.diagnostics {
        let d = &p.diagnostic;
        w.str(&d.code);
        w.str(&d.rule);
        w.str(&d.category);
        w.byte(d.severity as u8);
        w.str(&d.message);
        w.opt(d.message_en.as_deref());
        w.str(&d.source);
        w.num(d.span.start);
        w.num(d.span.end);
        w.opt(d.help.as_deref());
        match &d.fix {
            None => w.byte(0),
            Some(fix) => {
                w.byte(1);
                w.byte(fix.applicability as u8);
                w.str(&fix.message);
                w.num(fix.edits.len());
                for e in &fix.edits {
                    w.num(e.byte_start);
                    w.num(e.byte_end);
                    w.str(&e.replacement);
                }
                // Formatting fixes (a .docx's) are rare and nested: stored as their JSON.
                let layout = if fix.layout.is_empty() {
                    String::new()
                } else {
                    serde_json::to_string(&fix.layout).unwrap_or_default()
                };
                w.new_str(&layout);
            }
        }
        w.position(&p.at);
        w.num(p.edits.len());
        for at in &p.edits {
            w.position(at);
        }
    }
    let check = xxhash_rust::xxh3::xxh3_64(&w.buf[HEADER..]);
    w.buf[HEADER - 8..HEADER].copy_from_slice(&check.to_le_bytes());
    w.buf
}

pub fn decode(key: u128, bytes: &[u8]) -> Option<Recalled> {
    let (header, body) = (bytes.get(..HEADER)?, &bytes[HEADER..]);
    if &header[..4] != MAGIC
        || header[4..20] != key.to_le_bytes()
        || header[20..28] != xxhash_rust::xxh3::xxh3_64(body).to_le_bytes()
    {
        return None;
    }
    let mut r = Reader { rest: body, strings: Vec::new() };
    let encoding = encoding_of(r.byte()?)?;
    let bom = match r.byte()? {
        0 => false,
        1 => true,
        _ => return None,
    };
    let count = r.num()?;
    let mut diagnostics = Vec::with_capacity(count.min(body.len()));
    for _ in 0..count {
        // A rule's own code, name, category and citation come back as its static text.
        let code = r.str()?;
        let meta = rule_meta(code);
        let code = meta.map_or_else(|| Text::Owned(code.to_string()), |m| Text::Borrowed(m.code));
        let rule = r.text(meta.map(|m| m.name))?;
        let category = r.text(meta.map(|m| m.category.zh()))?;
        let severity = severity_of(r.byte()?)?;
        let message = r.string()?;
        let message_en = r.opt()?;
        let source = r.text(meta.map(|m| m.source))?;
        let span = Span::new(r.num()?, r.num()?);
        let help = r.opt()?;
        let fix = match r.byte()? {
            0 => None,
            1 => {
                let applicability = applicability_of(r.byte()?)?;
                let message = r.string()?;
                let n = r.num()?;
                let mut edits = Vec::with_capacity(n.min(r.rest.len()));
                for _ in 0..n {
                    edits.push(Edit { byte_start: r.num()?, byte_end: r.num()?, replacement: r.string()? });
                }
                let layout = r.string()?;
                let layout = if layout.is_empty() { Vec::new() } else { serde_json::from_str(&layout).ok()? };
                Some(Fix { applicability, message, edits, layout })
            }
            _ => return None,
        };
        let at = r.position()?;
        let n = r.num()?;
        let mut edits = Vec::with_capacity(n.min(r.rest.len()));
        for _ in 0..n {
            edits.push(r.position()?);
        }
        let diagnostic = Diagnostic { code, rule, category, severity, message, message_en, source, span, help, fix };
        diagnostics.push(Placed { diagnostic, at, edits });
    }
    r.rest.is_empty().then_some(Recalled { encoding, bom, diagnostics })
}

pub fn severity_of(tag: u8) -> Option<Severity> {
    [Severity::Info, Severity::Warning, Severity::Error].into_iter().find(|s| *s as u8 == tag)
}

fn applicability_of(tag: u8) -> Option<Applicability> {
    [Applicability::DisplayOnly, Applicability::Unsafe, Applicability::Safe].into_iter().find(|a| *a as u8 == tag)
}

/// A fix's applicability as one byte: 0 for no fix, else its tag plus one.
pub fn fix_tag(fix: Option<Applicability>) -> u8 {
    fix.map_or(0, |a| a as u8 + 1)
}

/// The reverse of [`fix_tag`]: `None` for a byte that is no tag, `Some(None)` for no fix.
pub fn fix_of(tag: u8) -> Option<Option<Applicability>> {
    match tag {
        0 => Some(None),
        t => applicability_of(t - 1).map(Some),
    }
}

fn rule_meta(code: &str) -> Option<&'static RuleMeta> {
    static BY_CODE: OnceLock<HashMap<&'static str, &'static RuleMeta>> = OnceLock::new();
    BY_CODE
        .get_or_init(|| gwlint::rules::all_rules().iter().map(|r| (r.meta().code, r.meta())).collect())
        .get(code)
        .copied()
}

fn encoding_tag(e: Encoding) -> u8 {
    match e {
        Encoding::Utf8 => 0,
        Encoding::Gbk => 1,
        Encoding::Gb18030 => 2,
        Encoding::Utf16Le => 3,
        Encoding::Utf16Be => 4,
    }
}

fn encoding_of(tag: u8) -> Option<Encoding> {
    [Encoding::Utf8, Encoding::Gbk, Encoding::Gb18030, Encoding::Utf16Le, Encoding::Utf16Be]
        .get(usize::from(tag))
        .copied()
}

/// A number as LEB128: seven bits a byte, low first, the high bit set on all but the last.
pub(super) fn put_num(buf: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        buf.push((n as u8) | 0x80);
        n >>= 7;
    }
    buf.push(n as u8);
}

/// The number at the front of `bytes` (LEB128), which it then skips.
pub(super) fn take_num(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

struct Writer<'a> {
    buf: Vec<u8>,
    strings: HashMap<&'a str, usize>,
    /// New strings written so far (the reader numbers them in this order).
    count: usize,
}

impl<'a> Writer<'a> {
    fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    fn num(&mut self, n: usize) {
        put_num(&mut self.buf, n as u64);
    }

    fn str(&mut self, s: &'a str) {
        if let Some(&k) = self.strings.get(s) {
            self.num(k + 1);
            return;
        }
        self.strings.insert(s, self.count);
        self.new_str(s);
    }

    /// A string written in full, never referred back to.
    fn new_str(&mut self, s: &str) {
        self.count += 1;
        self.num(0);
        self.num(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&'a str>) {
        match s {
            None => self.byte(0),
            Some(s) => {
                self.byte(1);
                self.str(s);
            }
        }
    }

    fn position(&mut self, p: &Position) {
        for n in [p.start.line, p.start.column, p.end.line, p.end.column, p.byte_start, p.byte_end] {
            self.num(n);
        }
    }
}

struct Reader<'a> {
    rest: &'a [u8],
    strings: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(b)
    }

    fn num(&mut self) -> Option<usize> {
        usize::try_from(take_num(&mut self.rest)?).ok()
    }

    fn str(&mut self) -> Option<&'a str> {
        match self.num()? {
            0 => {
                let len = self.num()?;
                if len > self.rest.len() {
                    return None;
                }
                let (bytes, rest) = self.rest.split_at(len);
                self.rest = rest;
                let s = std::str::from_utf8(bytes).ok()?;
                self.strings.push(s);
                Some(s)
            }
            k => self.strings.get(k - 1).copied(),
        }
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    /// A string that is usually `known`: then borrowed, else owned.
    fn text(&mut self, known: Option<&'static str>) -> Option<Text> {
        let s = self.str()?;
        Some(match known {
            Some(k) if k == s => Text::Borrowed(k),
            _ => Text::Owned(s.to_string()),
        })
    }

    fn opt(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }

    fn position(&mut self) -> Option<Position> {
        let start = LineCol { line: self.num()?, column: self.num()? };
        let end = LineCol { line: self.num()?, column: self.num()? };
        Some(Position { start, end, byte_start: self.num()?, byte_end: self.num()? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Recalled {
        let text = "江门市人民政府文件\n江府[2023]20号\n各单位要高度重视,认真落实。\n";
        let source = gwlint::source::Source::from_text("a.txt", text);
        let mut diagnostics = gwlint::engine::lint(&source, &Default::default(), &Default::default());
        assert!(diagnostics.iter().any(|d| d.fix.is_some()), "the sample needs a finding with a fix");
        let mut with_layout = diagnostics[0].clone();
        with_layout.message_en = Some("English".into());
        with_layout.fix = Some(Fix {
            applicability: Applicability::Unsafe,
            message: "版式".into(),
            edits: Vec::new(),
            layout: vec![gwlint::diagnostic::LayoutEdit::PageNumbers { position: "outside".into() }],
        });
        diagnostics.push(with_layout);
        let mut file = gwlint::output::Placed::all(&source, diagnostics);
        file.encoding = Encoding::Gb18030;
        file.bom = true;
        file
    }

    #[test]
    fn an_entry_round_trips_exactly() {
        let file = sample();
        let bytes = encode(7, &file);
        assert_eq!(decode(7, &bytes), Some(file));
    }

    #[test]
    fn a_rules_citation_is_stored_once_per_file() {
        let file = sample();
        let citation = &file.diagnostics[0].diagnostic.source;
        let bytes = encode(7, &file);
        let occurrences = bytes.windows(citation.len()).filter(|w| *w == citation.as_bytes()).count();
        assert_eq!(occurrences, 1);
    }

    #[test]
    fn any_damage_is_a_miss_never_a_panic() {
        let bytes = encode(7, &sample());
        assert_eq!(decode(8, &bytes), None, "another key");
        for cut in 0..bytes.len() {
            assert_eq!(decode(7, &bytes[..cut]), None, "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x41;
            assert_eq!(decode(7, &damaged), None, "byte {at} changed");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(7, &longer), None, "bytes left over");
    }
}
