//! The word model: a unigram model over jieba's dictionary and gwlint's 公文 vocabulary, and the
//! best segmentation of a few characters under it.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The longest dictionary word considered.
const MAX_WORD: usize = 6;

/// The frequency given to a listed typo's correct form that the dictionaries lack: as rare as
/// a word jieba has seen at all.
const LISTED_RIGHT_FREQUENCY: u64 = 3;

/// GW605's table (`lints/wording/typos.toml`).
static TYPOS: LazyLock<toml::Table> = LazyLock::new(|| {
    include_str!("../../../lints/wording/typos.toml").parse().expect("the bundled typo table is valid TOML")
});

/// The certain typos of the table (the entries fixed without asking), as (typo, correct form).
fn listed_typos(table: &toml::Table) -> Vec<(&str, &str)> {
    let entries = table.get("GW605").and_then(|t| t.get("entry")).and_then(toml::Value::as_array);
    entries
        .into_iter()
        .flatten()
        .filter(|e| e.get("fix").and_then(toml::Value::as_str) == Some("safe"))
        .filter_map(|e| Some((e.get("match")?.as_str()?, e.get("replace")?.as_str()?)))
        .collect()
}

/// Word frequencies: jieba's dictionary, the segmenter's 公文 vocabulary, and the spelling
/// check's own 公文 words (`lints/spelling/gongwen-words.txt`), less GW605's certain typos.
pub struct Lexicon {
    /// Each word's frequency; [`PERSONAL_NAME`] marks a word jieba lists only as a person's name.
    freq: HashMap<&'static str, u64>,
    log_total: f64,
    /// Every pair of adjacent characters inside a word of the lexicon: a quick test that a
    /// candidate can make a word with a neighbour at all.
    pairs: rustc_hash::FxHashSet<u64>,
}

/// The bit of a frequency that marks a person's name (jieba's tag `nr`): 高志强 is in the
/// dictionary, but turning 苟志强 into it corrects nothing.
const PERSONAL_NAME: u64 = 1 << 63;

fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut freq: HashMap<&'static str, u64> = HashMap::default();
    freq.reserve(360_000);
    let spelling_words = include_str!("../../../lints/spelling/gongwen-words.txt");
    for dict in [crate::lang::segment::DICT, crate::lang::segment::GONGWEN_DICT, spelling_words] {
        for line in dict.lines().filter(|l| !l.starts_with('#')) {
            // "word frequency [tag]", one space apart (a plain split: this runs on 350,000 lines
            // at start-up).
            let mut parts = line.split(' ').filter(|p| !p.is_empty());
            if let (Some(word), Some(n)) = (parts.next(), parts.next().and_then(|n| n.parse::<u64>().ok())) {
                // A name only while every list that has the word tags it so.
                let name = if parts.next().is_some_and(|tag| tag.starts_with("nr")) { PERSONAL_NAME } else { 0 };
                let n = n.min(PERSONAL_NAME - 1);
                freq.entry(word).and_modify(|e| *e = ((*e & !PERSONAL_NAME).max(n)) | (*e & name)).or_insert(n | name);
            }
        }
    }
    // One notion of a wrong word: GW605's table of certain typos (布署, 部份, 震憾 …) says which
    // "words" of jieba's dictionary are misspellings, and which words they stand for.
    for (wrong, right) in listed_typos(&TYPOS) {
        freq.remove(wrong);
        freq.entry(right).or_insert(LISTED_RIGHT_FREQUENCY);
    }
    let total: u64 = freq.values().map(|f| f & !PERSONAL_NAME).sum();
    let mut pairs = rustc_hash::FxHashSet::default();
    pairs.reserve(600_000);
    for word in freq.keys() {
        let mut chars = word.chars();
        let Some(mut previous) = chars.next() else { continue };
        for c in chars {
            pairs.insert(pair(previous, c));
            previous = c;
        }
    }
    Lexicon { freq, log_total: (total.max(1) as f64).ln(), pairs }
});

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn log_p(&self, word: &str) -> Option<f64> {
        self.freq.get(word).map(|&f| ((f & !PERSONAL_NAME).max(1) as f64).ln() - self.log_total)
    }

    fn is_personal_name(&self, word: &str) -> bool {
        self.freq.get(word).is_some_and(|&f| f & PERSONAL_NAME != 0)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.freq.contains_key(word)
    }

    /// Whether the characters, as one word, are in the lexicon (without building a string for
    /// the usual short word).
    pub fn contains_chars(&self, chars: &[char]) -> bool {
        let mut buffer = [0u8; MAX_WORD * 4];
        if chars.len() > MAX_WORD {
            return self.contains(&chars.iter().collect::<String>());
        }
        let mut len = 0;
        for c in chars {
            len += c.encode_utf8(&mut buffer[len..]).len();
        }
        std::str::from_utf8(&buffer[..len]).is_ok_and(|word| self.contains(word))
    }

    /// The best segmentation of `chars`: its log-probability, and for each end position the
    /// length of the word that ends there (follow them back from the end). A character no word
    /// covers costs as if seen half a time.
    fn best_split(&self, chars: &[char]) -> (f64, Vec<usize>) {
        let n = chars.len();
        let unseen = 0.5f64.ln() - self.log_total;
        let mut best = vec![f64::NEG_INFINITY; n + 1];
        let mut back = vec![1usize; n + 1];
        best[0] = 0.0;
        let mut word = String::with_capacity(MAX_WORD * 4);
        for end in 1..=n {
            for len in 1..=MAX_WORD.min(end) {
                // A word holds each of its adjacent pairs: one missing ends the search here.
                if len >= 2 && !self.pairs.contains(&pair(chars[end - len], chars[end - len + 1])) {
                    break;
                }
                word.clear();
                word.extend(&chars[end - len..end]);
                let p = match self.log_p(&word) {
                    Some(p) => p,
                    None if len == 1 => unseen,
                    None => continue,
                };
                let v = best[end - len] + p;
                if v > best[end] {
                    best[end] = v;
                    back[end] = len;
                }
            }
        }
        (best[n], back)
    }

    /// The words of the best split, as (start, length), from the end backwards.
    fn words(back: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut end = back.len() - 1;
        std::iter::from_fn(move || {
            (end > 0).then(|| {
                let len = back[end];
                end -= len;
                (end, len)
            })
        })
    }

    /// The best segmentation's log-probability of `chars`, and the length of the shortest word
    /// holding one of the characters `at..at + len`.
    pub(super) fn segment(&self, chars: &[char], at: usize, len: usize) -> (f64, usize) {
        let (score, back) = self.best_split(chars);
        let holding = Self::words(&back)
            .filter(|&(start, n)| start < at + len && at < start + n)
            .map(|(_, n)| n)
            .min()
            .unwrap_or(1);
        (score, holding)
    }

    /// How many of `chars` the best segmentation leaves outside words of two or more
    /// characters (a person's name counts as loose characters).
    pub fn loose_characters(&self, chars: &[char]) -> usize {
        let (_, back) = self.best_split(chars);
        Self::words(&back)
            .filter(|&(start, n)| n == 1 || self.is_personal_name(&chars[start..start + n].iter().collect::<String>()))
            .map(|(_, n)| n)
            .sum()
    }

    /// Whether `a` followed by `b` occurs inside some word.
    pub(super) fn may_join(&self, a: char, b: char) -> bool {
        self.pairs.contains(&pair(a, b))
    }

    /// Whether some dictionary word of two or more characters runs through position `at`.
    pub(super) fn word_through(&self, chars: &[char], at: usize) -> bool {
        // Such a word joins the character to a neighbour.
        let joins_left = at > 0 && self.may_join(chars[at - 1], chars[at]);
        let joins_right = at + 1 < chars.len() && self.may_join(chars[at], chars[at + 1]);
        if !joins_left && !joins_right {
            return false;
        }
        for len in 2..=MAX_WORD.min(chars.len()) {
            for start in at.saturating_sub(len - 1)..=at {
                if start + len > chars.len() {
                    break;
                }
                if self.contains_chars(&chars[start..start + len]) {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typo_tables_certain_typos_are_not_words() {
        let typos = listed_typos(&TYPOS);
        assert!(typos.contains(&("布署", "部署")) && typos.contains(&("部份", "部分")), "{typos:?}");
        // jieba's dictionary has both; the lexicon keeps only the right one.
        let lexicon = Lexicon::get();
        for (wrong, right) in [("布署", "部署"), ("部份", "部分"), ("震憾", "震撼")] {
            assert!(!lexicon.contains(wrong) && lexicon.contains(right), "{wrong} / {right}");
        }
        // An entry fixed only with the drafter's say-so (做为) stays a word.
        assert!(lexicon.contains("做为"));
    }
}
