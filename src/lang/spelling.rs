//! A small noisy-channel model of wrong characters, for GW610.
//!
//! A drafter types with a pinyin input method: a wrong character sounds like the right one, or
//! (handwriting, OCR, five-stroke input) looks like it. The model proposes, for a character that
//! stands alone in the best segmentation of its neighbourhood, the sound-alike or look-alike that
//! turns the neighbourhood into much more probable Chinese: the segmentation's log-probability
//! under a unigram word model (jieba's dictionary and gwlint's 公文 vocabulary) must rise by more
//! than a threshold, and the character must then belong to a word of two or more characters. A
//! character already inside a dictionary word is never questioned. Deterministic, offline, and
//! bounded: a window of a few characters, candidates pruned to those that make a word.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// How far (in characters) on each side of a character the model looks.
const WINDOW: usize = 3;
/// The longest dictionary word considered.
const MAX_WORD: usize = 6;

/// Word frequencies: jieba's dictionary, the segmenter's 公文 vocabulary, and the spelling
/// check's own 公文 words (`lints/spelling/gongwen-words.txt`).
pub struct Lexicon {
    freq: HashMap<&'static str, u64>,
    log_total: f64,
    /// Every pair of adjacent characters inside a word of the lexicon: a quick test that a
    /// candidate can make a word with a neighbour at all.
    pairs: rustc_hash::FxHashSet<u64>,
}

fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut freq: HashMap<&'static str, u64> = HashMap::default();
    freq.reserve(360_000);
    let spelling_words = include_str!("../../lints/spelling/gongwen-words.txt");
    for dict in [super::segment::DICT, super::segment::GONGWEN_DICT, spelling_words] {
        for line in dict.lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.split_whitespace();
            if let (Some(word), Some(n)) = (parts.next(), parts.next().and_then(|n| n.parse::<u64>().ok())) {
                let e = freq.entry(word).or_insert(0);
                *e = (*e).max(n);
            }
        }
    }
    let total: u64 = freq.values().sum();
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
        self.freq.get(word).map(|&f| (f.max(1) as f64).ln() - self.log_total)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.freq.contains_key(word)
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

    /// The best segmentation's log-probability of `chars`, and the length of the word holding
    /// character `at`.
    fn segment(&self, chars: &[char], at: usize) -> (f64, usize) {
        let (score, back) = self.best_split(chars);
        let holding =
            Self::words(&back).find(|&(start, len)| start <= at && at < start + len).map_or(1, |(_, len)| len);
        (score, holding)
    }

    /// For each character of `chars`, whether it stands alone in the best segmentation.
    fn alone(&self, chars: &[char]) -> Vec<bool> {
        let (_, back) = self.best_split(chars);
        let mut alone = vec![false; chars.len()];
        for (start, len) in Self::words(&back) {
            alone[start] = len == 1;
        }
        alone
    }

    /// Whether some dictionary word of two or more characters runs through position `at`.
    fn word_through(&self, chars: &[char], at: usize) -> bool {
        let mut word = String::with_capacity(MAX_WORD * 4);
        for len in 2..=MAX_WORD.min(chars.len()) {
            for start in at.saturating_sub(len - 1)..=at {
                if start + len > chars.len() {
                    break;
                }
                word.clear();
                word.extend(&chars[start..start + len]);
                if self.contains(&word) {
                    return true;
                }
            }
        }
        false
    }
}

/// How a wrong character relates to the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Sound,
    Shape,
}

/// Sound-alike and look-alike characters (`lints/spelling/confusion.tsv`, from ECSpell, MIT).
static CONFUSION: LazyLock<HashMap<char, Vec<(char, Channel)>>> = LazyLock::new(|| {
    let mut map: HashMap<char, Vec<(char, Channel)>> = HashMap::default();
    for line in include_str!("../../lints/spelling/confusion.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let Some(key) = cols.next().and_then(|k| k.chars().next()) else { continue };
        let sound = cols.next().unwrap_or("");
        let shape = cols.next().unwrap_or("");
        let entry = map.entry(key).or_default();
        entry.extend(sound.chars().map(|c| (c, Channel::Sound)));
        entry.extend(shape.chars().filter(|c| !sound.contains(*c)).map(|c| (c, Channel::Shape)));
    }
    map
});

/// A proposed correction: the character at `index` (in the characters given) should be `right`.
#[derive(Clone, Debug, PartialEq)]
pub struct Suspect {
    pub index: usize,
    pub right: char,
    pub channel: Channel,
    /// How much more probable (natural log) the neighbourhood reads with the correction.
    pub gain: f64,
}

/// The model's settings: the gain a correction must bring, and what a look-alike costs more
/// than a sound-alike (pinyin input makes sound errors the common ones).
#[derive(Clone, Copy, Debug)]
pub struct Model {
    pub threshold: f64,
    pub shape_cost: f64,
}

impl Default for Model {
    fn default() -> Model {
        Model { threshold: 8.0, shape_cost: 1.0 }
    }
}

impl Model {
    /// Suspected wrong characters in a run of Chinese characters (`chars` holds no punctuation:
    /// the caller splits there). `keep` tells positions never to question (names, quotations).
    pub fn suspects(&self, chars: &[char], keep: impl Fn(usize) -> bool) -> Vec<Suspect> {
        // A correction can make its neighbour's error visible (二登奖 after 一等奖、): the run is
        // read again with the corrections so far, a few times at most.
        let mut fixed = chars.to_vec();
        let mut found: Vec<Suspect> = Vec::new();
        let mut flagged = vec![false; chars.len()];
        for _ in 0..3 {
            let more: Vec<Suspect> = self.pass(&fixed, |i| keep(i) || flagged[i]);
            if more.is_empty() {
                break;
            }
            for s in &more {
                fixed[s.index] = s.right;
                flagged[s.index] = true;
            }
            found.extend(more);
        }
        found.sort_by_key(|s| s.index);
        found
    }

    fn pass(&self, chars: &[char], keep: impl Fn(usize) -> bool) -> Vec<Suspect> {
        let lexicon = Lexicon::get();
        let mut out = Vec::new();
        let mut window: Vec<char> = Vec::with_capacity(2 * WINDOW + 1);
        // Only a character standing alone in the run's best segmentation is questioned: one
        // segmentation of the run first, then the few candidates that make a word.
        let alone = lexicon.alone(chars);
        for i in 0..chars.len() {
            if !alone[i] || keep(i) || !crate::lang::is_han(chars[i]) {
                continue;
            }
            let Some(candidates) = CONFUSION.get(&chars[i]) else { continue };
            let (a, b) = (i.saturating_sub(WINDOW), (i + WINDOW + 1).min(chars.len()));
            window.clear();
            window.extend_from_slice(&chars[a..b]);
            let at = i - a;
            let (base, holding) = lexicon.segment(&window, at);
            if holding >= 2 {
                continue;
            }
            let mut best: Option<Suspect> = None;
            for &(c, channel) in candidates {
                let left = at > 0 && lexicon.pairs.contains(&pair(window[at - 1], c));
                let right = at + 1 < window.len() && lexicon.pairs.contains(&pair(c, window[at + 1]));
                if !left && !right {
                    continue;
                }
                window[at] = c;
                if !lexicon.word_through(&window, at) {
                    continue;
                }
                let (score, holding) = lexicon.segment(&window, at);
                if holding < 2 {
                    continue;
                }
                let cost = if channel == Channel::Shape { self.shape_cost } else { 0.0 };
                let gain = score - base - cost;
                if gain > self.threshold && best.as_ref().is_none_or(|s| gain > s.gain) {
                    best = Some(Suspect { index: i, right: c, channel, gain });
                }
            }
            window[at] = chars[i];
            out.extend(best);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(text: &str) -> Vec<(char, char)> {
        let chars: Vec<char> = text.chars().collect();
        Model::default().suspects(&chars, |_| false).into_iter().map(|s| (chars[s.index], s.right)).collect()
    }

    #[test]
    fn sound_alikes_that_make_a_word_are_found() {
        assert_eq!(fixes("大力培育发展大数局产业"), [('局', '据')]);
        assert_eq!(fixes("认真部署今年安全生产工作"), []);
    }

    #[test]
    fn correct_official_text_is_left_alone() {
        for text in ["现将有关事项通知如下", "各区人民政府要加强领导", "经市人民政府同意", "请示妥否请批示"]
        {
            assert_eq!(fixes(text), [], "{text}");
        }
    }

    #[test]
    fn kept_positions_are_not_questioned() {
        let chars: Vec<char> = "发展大数局产业".chars().collect();
        assert!(Model::default().suspects(&chars, |i| i == 4).is_empty());
    }
}
