//! Which characters a line holds, read once when the document is built.
//!
//! Most rules look at a line only if it holds some mark of theirs — a half-width comma, a
//! full-width digit, a dash, 月 or 万 — and most lines hold none. Each rule used to find that
//! out by decoding the whole line again (fifteen passes over every line). The summary is one
//! pass: exact for ASCII and for the punctuation and full-width blocks, a 256-bit filter for
//! every other character. "No" is always right; "yes" for a character outside the exact blocks
//! may be wrong, and the rule then searches the line as before.

/// The characters of one line. See the module comment.
///
/// One bit per character of the exact blocks, 256 shared bits for all others, in one array:
/// ASCII (words 0–1), U+2000–U+207F general punctuation (— – … ‘ ’ “ ” ‰, words 2–3),
/// U+3000–U+307F CJK symbols and punctuation (、。〈〉《》「」【】〔〕, the ideographic space,
/// words 4–5), U+FF00–U+FFEF full-width forms (，：；！？（）％ and the full-width letters and
/// digits, words 6–9), and a hash of any other code point (words 10–13).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CharSummary {
    bits: [u64; 14],
}

/// Where each block's bits begin.
const PUNCTUATION: usize = 128;
const CJK_MARKS: usize = 256;
const FULLWIDTH: usize = 384;
const OTHERS: usize = 640;

/// The bit that stands for `c`.
fn slot(c: char) -> usize {
    let code = c as u32;
    match code {
        0..=0x7F => code as usize,
        0x2000..=0x207F => PUNCTUATION + (code - 0x2000) as usize,
        0x3000..=0x307F => CJK_MARKS + (code - 0x3000) as usize,
        0xFF00..=0xFFEF => FULLWIDTH + (code - 0xFF00) as usize,
        _ => OTHERS + (code.wrapping_mul(0x9E37_79B1) >> 24) as usize,
    }
}

impl CharSummary {
    pub fn of(line: &str) -> CharSummary {
        let mut summary = CharSummary::default();
        let bytes = line.as_bytes();
        // ASCII bytes without decoding; the rest character by character.
        if bytes.is_ascii() {
            for &b in bytes {
                summary.bits[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            return summary;
        }
        for c in line.chars() {
            let at = slot(c);
            summary.bits[at / 64] |= 1 << (at % 64);
        }
        summary
    }

    /// Whether the answer for `c` is exact: "yes" means the line holds it.
    pub fn is_exact_for(c: char) -> bool {
        slot(c) < OTHERS
    }

    /// False only when `c` is not in the line.
    pub fn may_contain(&self, c: char) -> bool {
        let at = slot(c);
        self.bits[at / 64] & (1 << (at % 64)) != 0
    }

    /// False only when none of `chars` is in the line.
    pub fn may_contain_any(&self, chars: &[char]) -> bool {
        chars.iter().any(|&c| self.may_contain(c))
    }

    /// Whether any bit of `from..from + count` is set (within one block).
    fn any_in(&self, from: usize, count: usize) -> bool {
        let end = from + count;
        let mut at = from;
        while at < end {
            let word = at / 64;
            let (low, high) = (at % 64, (end - word * 64).min(64));
            let mask = if high - low == 64 { u64::MAX } else { ((1u64 << (high - low)) - 1) << low };
            if self.bits[word] & mask != 0 {
                return true;
            }
            at = (word + 1) * 64;
        }
        false
    }

    /// Whether the line holds an ASCII letter (exact).
    pub fn has_ascii_letter(&self) -> bool {
        self.any_in(usize::from(b'A'), 26) || self.any_in(usize::from(b'a'), 26)
    }

    /// Whether the line holds a full-width letter or digit, ０–９ Ａ–Ｚ ａ–ｚ (exact): what
    /// GW504 reports.
    pub fn has_fullwidth_alnum(&self) -> bool {
        // Offsets from U+FF00: digits 0x10–0x19, capitals 0x21–0x3A, small letters 0x41–0x5A.
        self.any_in(FULLWIDTH + 0x10, 10) || self.any_in(FULLWIDTH + 0x21, 26) || self.any_in(FULLWIDTH + 0x41, 26)
    }

    /// Whether the line holds a digit, 0–9 or ０–９ (exact).
    pub fn has_digit(&self) -> bool {
        self.any_in(usize::from(b'0'), 10) || self.any_in(FULLWIDTH + 0x10, 10)
    }

    /// Whether every character of the line is ASCII (exact).
    pub fn is_ascii(&self) -> bool {
        self.bits[2..].iter().all(|&w| w == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::CharSummary;

    fn chars_around() -> Vec<char> {
        // Every character of the exact blocks and their edges, and a spread of others.
        let mut all: Vec<char> = (0u32..0x80)
            .chain(0x1FF0..0x2090)
            .chain(0x2FF0..0x3090)
            .chain(0xFEF0..0x10000)
            .filter_map(char::from_u32)
            .collect();
        all.extend("通知请示报告万亿月年届等千百贵州乂𠀀é".chars());
        all
    }

    #[test]
    fn every_character_of_the_line_may_be_there() {
        let all = chars_around();
        for (k, &c) in all.iter().enumerate() {
            let line: String = [c, all[(k * 7 + 3) % all.len()], '通'].iter().collect();
            let summary = CharSummary::of(&line);
            for d in line.chars() {
                assert!(summary.may_contain(d), "{line:?} {d:?}");
            }
        }
    }

    #[test]
    fn exactness_is_known_per_character() {
        for c in ['，', '。', '5', 'a', '—', '“', '《', '\u{3000}', '５'] {
            assert!(CharSummary::is_exact_for(c), "{c:?}");
        }
        for c in ['年', '月', '通', '𠀀', 'é'] {
            assert!(!CharSummary::is_exact_for(c), "{c:?}");
        }
    }

    #[test]
    fn the_exact_blocks_say_no_exactly() {
        let summary = CharSummary::of("通知，请于5月10日前报送。");
        for c in ['，', '。', '5', '1', '0'] {
            assert!(summary.may_contain(c));
        }
        for c in [',', '.', '、', '；', '-', '—', '～', '％', '５', 'a', '\u{3000}', ' '] {
            assert!(!summary.may_contain(c), "{c:?}");
        }
        assert!(!summary.is_ascii());
        assert!(!summary.has_ascii_letter());
        assert!(!summary.has_fullwidth_alnum());
    }

    #[test]
    fn letters_digits_and_ascii_lines() {
        let ascii = CharSummary::of("GB/T 9704-2012");
        assert!(ascii.is_ascii() && ascii.has_ascii_letter() && !ascii.has_fullwidth_alnum());
        assert!(!CharSummary::of("2024-5-8").has_ascii_letter());
        for line in ["第５条", "ＡＢ", "ｚ", "Ｚ", "０", "９"] {
            assert!(CharSummary::of(line).has_fullwidth_alnum(), "{line}");
        }
        for line in ["（）", "％", "＠", "［", "｀", "｛", "～"] {
            assert!(!CharSummary::of(line).has_fullwidth_alnum(), "{line}");
        }
        // The definition the rules used: ０–９, Ａ–Ｚ, ａ–ｚ.
        for code in 0xFF00u32..0xFFF0 {
            let c = char::from_u32(code).unwrap();
            let expected = matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ');
            assert_eq!(CharSummary::of(&c.to_string()).has_fullwidth_alnum(), expected, "{c}");
        }
        assert!(CharSummary::of("").is_ascii());
        for (line, digit) in [("2024", true), ("〔２０２４〕", true), ("二〇二四年", false), ("/:", false), ("", false)]
        {
            assert_eq!(CharSummary::of(line).has_digit(), digit, "{line}");
        }
    }
}
