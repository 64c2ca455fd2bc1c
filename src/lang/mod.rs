//! Chinese-language helpers shared by the document model and the rules.

pub mod address;
pub mod calendar;
pub mod date;
pub mod dates;
pub mod numerals;
pub mod request;
pub mod segment;
pub mod spelling;

/// Han ideographs (CJK Unified, extensions, compatibility) — what "汉字" means to the rules.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
        || c == '〇'
}

/// Full-width CJK punctuation that ends or separates Chinese clauses.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '…'
            | '—'
            | '·'
            | '～'
    )
}

/// The marks that join the parts of a transliterated name (艾尔肯·吐尔逊): the 间隔号 of
/// GB/T 15834 (U+00B7) and the look-alikes drafters type for it (•, ‧, ・).
pub const NAME_DOTS: [char; 4] = ['·', '•', '‧', '・'];

/// Whitespace as drafts use it, including the ideographic space U+3000 used for indentation.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}'
}

pub fn trim_blank(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// A line set in spaced letters, as short names in a 版头 or 署名 are spaced to a longer one's
/// width (`株 洲 市 财 政 局`): the name without its spaces. `None` unless every blank-separated
/// word is one character and there are at least three.
pub fn unspaced_letters(s: &str) -> Option<String> {
    let words = blank_separated(s);
    (words.len() >= 3 && words.iter().all(|(_, w)| w.chars().count() == 1))
        .then(|| words.iter().map(|(_, w)| *w).collect())
}

/// The words of `s` separated by blanks (spaces, ideographic spaces, tabs), with byte offsets.
pub fn blank_separated(s: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (is_blank(c), start) {
            (true, Some(from)) => {
                words.push((from, &s[from..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push((from, &s[from..]));
    }
    words
}

/// An automaton for a short word list searched in short texts (a clause, a prefix): an NFA
/// without a prefilter is built in a fraction of a DFA's time (it is built in every run,
/// including a one-file run or an editor's first lint) and searches such texts as fast.
pub(crate) fn small_automaton<I: AsRef<[u8]>>(words: impl IntoIterator<Item = I>) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .prefilter(false)
        .build(words)
        .expect("a word list builds an automaton")
}

#[cfg(test)]
mod tests {
    #[test]
    fn spaced_letters_are_one_name() {
        assert_eq!(super::unspaced_letters("株 洲 市 财 政 局").as_deref(), Some("株洲市财政局"));
        assert_eq!(super::unspaced_letters("江门市民政局　台山市民政局"), None);
        assert_eq!(super::unspaced_letters("局 长"), None);
    }

    #[test]
    fn blank_separated_words_keep_offsets() {
        let s = "江门市民政局　台山市民政局 x";
        let w = super::blank_separated(s);
        assert_eq!(w.iter().map(|(_, w)| *w).collect::<Vec<_>>(), ["江门市民政局", "台山市民政局", "x"]);
        for (at, word) in w {
            assert_eq!(&s[at..at + word.len()], word);
        }
    }
}
