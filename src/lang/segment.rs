//! The one shared word segmenter: jieba's algorithm without the HMM (the most probable route
//! through every dictionary word of a run, under a unigram model of word frequencies), read from
//! the bundled dictionary in place.
//!
//! jieba-rs built a trie of its 350 000 words in every process that segmented anything: about
//! 0.5 G instructions (13 % of a whole-corpus run's) and 30 MB for one rule's few clauses.
//! `dict.txt` is sorted by bytes (a test keeps it so), so here a word or a prefix is found by
//! binary search over the file's lines: building the index costs a few million instructions and
//! 1.4 MB. The words it gives are jieba-rs 0.11's `cut(text, false)`, word for word (tested
//! against jieba-rs on every text of the repository).

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// jieba's general dictionary (MIT, from the jieba-rs distribution; one `word frequency tag` per
/// line, sorted by bytes) followed by gwlint's own 公文 vocabulary, which wins on conflicts.
pub(crate) static DICT: &str = include_str!("../../lints/segmenter/dict.txt");
pub(crate) static GONGWEN_DICT: &str = include_str!("../../lints/segmenter/gongwen.txt");

/// The dictionary as the segmenter reads it.
struct Dictionary {
    /// Where each line of [`DICT`] starts, in the file's (byte) order of words.
    lines: Vec<u32>,
    /// The lines whose word begins with a character (sorted by bytes, they are consecutive).
    by_first: HashMap<char, Range<usize>>,
    /// The 公文 vocabulary's words and frequencies: they replace the general dictionary's.
    own: HashMap<&'static str, u64>,
    /// The 公文 words in byte order, for prefixes.
    own_sorted: Vec<&'static str>,
    /// ln of the sum of every word's frequency.
    log_total: f64,
}

/// A dictionary line's word and frequency (0 when it has none, as jieba reads it).
fn entry(line: &str) -> (&str, u64) {
    let mut parts = line.split_whitespace();
    let word = parts.next().unwrap_or("");
    (word, parts.next().and_then(|f| f.parse().ok()).unwrap_or(0))
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    // Where each line starts, and the sum of the frequencies: 350 000 lines, so bytes and
    // `memchr` rather than `split_whitespace` and `parse` (0.1 G instructions).
    let bytes = DICT.as_bytes();
    let mut lines = Vec::with_capacity(360_000);
    let mut by_first: HashMap<char, Range<usize>> = HashMap::default();
    let mut total: u64 = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        let line = &bytes[start..end];
        if !line.is_empty() {
            let first = DICT[start..].chars().next().expect("a line has a character");
            if by_first.get(&first).is_none_or(|r: &Range<usize>| r.end != lines.len()) {
                by_first.insert(first, lines.len()..lines.len());
            }
            by_first.get_mut(&first).expect("inserted").end += 1;
            lines.push(start as u32);
            let digits = memchr::memchr(b' ', line).map_or(&[][..], |space| &line[space + 1..]);
            total += digits.iter().take_while(|b| b.is_ascii_digit()).fold(0, |n, &d| n * 10 + u64::from(d - b'0'));
        }
        start = end + 1;
    }
    let mut own: HashMap<&'static str, u64> = HashMap::default();
    for line in GONGWEN_DICT.lines() {
        let (word, freq) = entry(line);
        if !word.is_empty() {
            own.insert(word, freq);
        }
    }
    let mut dictionary = Dictionary { lines, by_first, own_sorted: own.keys().copied().collect(), own, log_total: 0.0 };
    dictionary.own_sorted.sort_unstable();
    for (word, &freq) in &dictionary.own {
        total = total - dictionary.general(word).map_or(0, |k| entry(dictionary.line(k)).1) + freq;
    }
    dictionary.log_total = (total as f64).ln();
    dictionary
});

impl Dictionary {
    fn line(&self, k: usize) -> &'static str {
        let start = self.lines[k] as usize;
        let rest = &DICT[start..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    }

    /// The word of the line starting at `start`, as bytes (what the lines are sorted by).
    fn key(start: u32) -> &'static [u8] {
        let rest = &DICT.as_bytes()[start as usize..];
        &rest[..rest.iter().position(u8::is_ascii_whitespace).unwrap_or(rest.len())]
    }

    /// The general dictionary's line of `word`.
    fn general(&self, word: &str) -> Option<usize> {
        self.lines.binary_search_by(|&start| Self::key(start).cmp(word.as_bytes())).ok()
    }

    /// `piece`'s frequency if it is a word, and whether some word begins with it (itself
    /// included). `within` holds the lines whose word begins with `piece` less its last
    /// character (or is `None` for a piece of one character); it is narrowed to those beginning
    /// with `piece`, so that a piece grown one character at a time is searched among ever fewer
    /// lines (a hostile run of one character costs no more than a run of words).
    fn look_up(&self, piece: &str, within: &mut Option<Range<usize>>) -> (Option<u64>, bool) {
        let own_prefix = {
            let at = self.own_sorted.partition_point(|w| *w < piece);
            self.own_sorted.get(at).is_some_and(|w| w.starts_with(piece))
        };
        let range = within.take().unwrap_or_else(|| {
            let first = piece.chars().next().expect("a piece has a character");
            self.by_first.get(&first).cloned().unwrap_or(0..0)
        });
        let lines = &self.lines[range.clone()];
        // Sorted by bytes, the words beginning with `piece` follow the last one below it.
        let lo = lines.partition_point(|&start| Self::key(start) < piece.as_bytes());
        let hi = lo + lines[lo..].partition_point(|&start| Self::key(start).starts_with(piece.as_bytes()));
        *within = Some(range.start + lo..range.start + hi);
        let general_prefix = hi > lo;
        let freq = match self.own.get(piece) {
            Some(&freq) => Some(freq),
            None if general_prefix && Self::key(lines[lo]) == piece.as_bytes() => {
                Some(entry(self.line(range.start + lo)).1)
            }
            None => None,
        };
        (freq, own_prefix || general_prefix)
    }
}

/// A word and its byte range inside the segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
}

/// Characters cut into words by the dictionary: 汉字 of every CJK block, ASCII letters and
/// digits, and `+#&._%-` (jieba's default class). Anything else is a word of its own.
fn in_words(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}'
        | 'a'..='z' | 'A'..='Z' | '0'..='9'
        | '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// `text` cut into words, in order, covering it.
pub fn segment(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some(&(_, first)) = rest.peek() {
        chars.clear();
        let cut = in_words(first);
        while let Some(&(at, c)) = rest.peek() {
            if in_words(c) != cut {
                break;
            }
            chars.push((at, c));
            rest.next();
        }
        let end = rest.peek().map_or(text.len(), |&(at, _)| at);
        if cut {
            cut_run(text, &chars, end, &mut words);
        } else {
            // Each character alone; a CR LF together.
            let mut k = 0;
            while k < chars.len() {
                let n = if chars[k].1 == '\r' && chars.get(k + 1).is_some_and(|&(_, c)| c == '\n') { 2 } else { 1 };
                let (start, stop) = (chars[k].0, chars.get(k + n).map_or(end, |&(at, _)| at));
                words.push(Word { text: &text[start..stop], start, end: stop });
                k += n;
            }
        }
    }
    words
}

/// One run of `chars` (ending at byte `end`) cut along its most probable route.
fn cut_run<'t>(text: &'t str, chars: &[(usize, char)], end: usize, words: &mut Vec<Word<'t>>) {
    let dictionary = &*DICTIONARY;
    let n = chars.len();
    let byte = |k: usize| chars.get(k).map_or(end, |&(at, _)| at);
    // Each position's words: where they end and ln of their frequency.
    let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (i, here) in edges.iter_mut().enumerate() {
        let mut within = None;
        for k in i + 1..=n {
            let (freq, more) = dictionary.look_up(&text[byte(i)..byte(k)], &mut within);
            if let Some(freq) = freq {
                here.push((k, (freq as f64).ln()));
            }
            if !more {
                break;
            }
        }
    }
    // The best route from each position to the end, computed from the end, in jieba's
    // arithmetic (ties go to the longer word), so that equal routes are chosen the same way.
    let log_total = dictionary.log_total;
    let mut route: Vec<(f64, usize)> = vec![(0.0, n); n + 1];
    for i in (0..n).rev() {
        let mut best: Option<(f64, usize)> = None;
        for &(stop, log_freq) in &edges[i] {
            let p = log_freq - log_total + route[stop].0;
            if best.is_none_or(|(q, e)| p > q || (p == q && stop > e)) {
                best = Some((p, stop));
            }
        }
        route[i] = best.unwrap_or((0.0 - log_total + route[i + 1].0, i + 1));
    }
    // Single ASCII letters and digits the route leaves alone are one word together.
    let mut push =
        |a: usize, b: usize| words.push(Word { text: &text[byte(a)..byte(b)], start: byte(a), end: byte(b) });
    let mut loose: Option<usize> = None;
    let mut x = 0;
    while x < n {
        let y = route[x].1;
        if y - x == 1 && chars[x].1.is_ascii_alphanumeric() {
            loose.get_or_insert(x);
        } else {
            if let Some(a) = loose.take() {
                push(a, x);
            }
            push(x, y);
        }
        x = y;
    }
    if let Some(a) = loose {
        push(a, n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_with_byte_offsets() {
        let text = "恳请市政府予以批准";
        let words = segment(text);
        assert!(words.iter().any(|w| w.text == "恳请"), "{words:?}");
        for w in &words {
            assert_eq!(&text[w.start..w.end], w.text);
        }
    }

    #[test]
    fn gongwen_vocabulary_is_known() {
        let words: Vec<_> = segment("请于5个工作日内报送发文字号").into_iter().map(|w| w.text).collect();
        assert!(words.contains(&"发文字号"), "{words:?}");
    }

    /// The segmenter finds words by binary search: the dictionary must stay sorted by bytes,
    /// each word once.
    #[test]
    fn the_dictionary_is_sorted_by_bytes_without_repeats() {
        let mut previous = "";
        for (n, line) in DICT.lines().enumerate() {
            let (word, _) = entry(line);
            assert!(
                word.as_bytes() > previous.as_bytes(),
                "lints/segmenter/dict.txt line {}: {word:?} must come after {previous:?} (sorted by bytes, no repeats)",
                n + 1
            );
            previous = word;
        }
    }

    /// The frequencies read byte by byte add up as the lines parsed one by one do.
    #[test]
    fn the_total_is_every_word_counted_once() {
        let mut freq: HashMap<&str, u64> = DICT.lines().map(entry).collect();
        freq.extend(GONGWEN_DICT.lines().map(entry).filter(|(w, _)| !w.is_empty()));
        assert_eq!(DICTIONARY.log_total, (freq.values().sum::<u64>() as f64).ln());
        assert_eq!(DICTIONARY.lines.len(), DICT.lines().count());
    }

    /// The words are jieba-rs 0.11's, on every kind of text the repository holds: drafts,
    /// published documents, the seed, rule fixtures (punctuation, ASCII, CR LF, mixed scripts).
    #[test]
    fn cuts_as_jieba_does() {
        let mut jieba = jieba_rs::Jieba::with_dict(&mut DICT.as_bytes()).unwrap();
        jieba.load_dict(&mut GONGWEN_DICT.as_bytes()).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = vec![
            "A股和B股，3D打印、4S店；C++与C#程序。\r\n第1.5条 50%的ABC123abc\r\n".into(),
            "发文机关标志发文机关发文字号 发文".into(),
            String::new(),
        ];
        let mut stack = vec![root.join("fixtures"), root.join("benches")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "txt" || e == "md" || e == "tsv")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() > 500, "{} texts", texts.len());
        let mut compared = 0;
        for text in &texts {
            let ours: Vec<(&str, usize, usize)> = segment(text).iter().map(|w| (w.text, w.start, w.end)).collect();
            let theirs: Vec<(&str, usize, usize)> =
                jieba.cut(text, false).iter().map(|t| (t.word, t.byte_start, t.byte_end)).collect();
            if ours != theirs {
                let at = ours.iter().zip(&theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
                panic!("differs from jieba at word {at}: {:?} vs {:?}", ours.get(at..at + 5), theirs.get(at..at + 5));
            }
            compared += ours.len();
        }
        assert!(compared > 100_000, "{compared} words");
    }
}
