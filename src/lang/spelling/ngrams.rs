//! What published official Chinese says next: character n-gram counts of about 22 million
//! characters of laws, regulations, rules, judicial interpretations and government work reports
//! (`lints/spelling/hanzi-ngrams.bin`, built by `lints/spelling/build-ngrams.py`, which documents
//! the source and the format).
//!
//! The counts give an interpolated (Kneser–Ney style, absolute discount) estimate of a character
//! given the two before it. GW610 asks how much more probable the few characters around a
//! suspect read with a candidate in its place; a typo like 作出绝顶 (决定) makes two dictionary
//! words, so only the context model sees that 出绝 and 绝顶 are never written in official text.
//!
//! The table is embedded and read in place: characters and pairs go into hash maps on first use
//! (a few milliseconds), triples are searched in the embedded bytes.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

static DATA: &[u8] = include_bytes!("../../../lints/spelling/hanzi-ngrams.bin");

/// The mark counted before a run of Chinese characters, and after it.
pub const START: char = '^';
pub const END: char = '$';

/// How many different characters official text must have put into a frame (`a X b X`) for it
/// to count as one.
const FRAME_FILLERS: usize = 3;

/// No index: the table lacks the character.
const NONE: u16 = u16::MAX;

/// How much of each seen count is given to unseen continuations.
const DISCOUNT: f64 = 0.75;

#[derive(Clone, Copy, Default)]
pub(super) struct Counts {
    /// Times seen.
    pub(super) count: u32,
    /// Times something followed it, and how many different things did.
    followers: u32,
    distinct_followers: u32,
    /// For a pair: where the triples it starts lie in the table (by triple).
    triples: (u32, u32),
}

/// The neighbourhood of one position, for [`CharModel::local_one`].
pub(super) struct Slot<'a> {
    /// Whether the position is the first after the start mark.
    first: bool,
    before: Option<u16>,
    /// The two characters before it, as a pair.
    before_pair: Option<&'a Counts>,
    after: Option<u16>,
    /// The character after that, if any, and its probability after `after`.
    second_after: Option<(Option<u16>, f64)>,
}

pub struct CharModel {
    /// The index of a character of the Basic Multilingual Plane, by its code (`NONE` when the
    /// table lacks it): looked up for every character of every run, so a plain array, not a
    /// hash map.
    bmp: Box<[u16]>,
    index: HashMap<char, u16>,
    /// By index: the character and its counts.
    characters: Vec<char>,
    chars: Vec<Counts>,
    /// By index: the characters seen after it, most frequent first.
    followers: Vec<Vec<(u16, u32)>>,
    pairs: HashMap<u32, Counts>,
    /// The triples' bytes: (u16, u16, u16, u16 count), sorted.
    triples: &'static [u8],
    /// The frames around a repeated character (`is_frame`), found the first time one is asked.
    frames: std::sync::OnceLock<rustc_hash::FxHashSet<(u16, u16)>>,
    /// Characters counted, plus one per distinct character: half of it the add-half smoothing's
    /// mass, the other half left for characters the table lacks.
    unigram_total: f64,
}

static MODEL: LazyLock<CharModel> =
    LazyLock::new(|| CharModel::parse(DATA).expect("the bundled n-gram table is well formed"));

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn u16_at(data: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([data[at], data[at + 1]])
}

impl CharModel {
    pub fn get() -> &'static CharModel {
        &MODEL
    }

    fn parse(data: &'static [u8]) -> Option<CharModel> {
        if data.get(..4)? != b"GWNG" || u32_at(data, 4)? != 1 {
            return None;
        }
        let (n_chars, n_pairs, n_triples) =
            (u32_at(data, 8)? as usize, u32_at(data, 12)? as usize, u32_at(data, 16)? as usize);
        let total = u64::from(u32_at(data, 20)?) | (u64::from(u32_at(data, 24)?) << 32);
        let counts = |at: usize| -> Option<Counts> {
            Some(Counts {
                count: u32_at(data, at + 4)?,
                followers: u32_at(data, at + 8)?,
                distinct_followers: u32_at(data, at + 12)?,
                triples: (0, 0),
            })
        };
        let mut at = 28;
        let mut index = HashMap::default();
        index.reserve(n_chars);
        let mut chars = Vec::with_capacity(n_chars);
        let mut characters = Vec::with_capacity(n_chars);
        for i in 0..n_chars {
            let c = char::from_u32(u32_at(data, at)?)?;
            index.insert(c, u16::try_from(i).ok().filter(|&i| i != NONE)?);
            characters.push(c);
            chars.push(counts(at)?);
            at += 16;
        }
        let mut pairs = HashMap::default();
        pairs.reserve(n_pairs);
        let mut followers: Vec<Vec<(u16, u32)>> = vec![Vec::new(); n_chars];
        for _ in 0..n_pairs {
            let key = u32_at(data, at)?;
            let pair = counts(at)?;
            followers.get_mut((key >> 16) as usize)?.push(((key & 0xFFFF) as u16, pair.count));
            pairs.insert(key, pair);
            at += 16;
        }
        for list in &mut followers {
            list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        let mut bmp = vec![NONE; 0x10000].into_boxed_slice();
        for (&c, &i) in &index {
            if let Some(slot) = bmp.get_mut(c as usize) {
                *slot = i;
            }
        }
        let triples = data.get(at..at + n_triples * 8)?;
        // Each pair learns where its triples lie, so a lookup searches only those.
        let mut k = 0;
        while k < n_triples {
            let (a, b) = (u16_at(triples, k * 8), u16_at(triples, k * 8 + 2));
            let mut end = k + 1;
            while end < n_triples && u16_at(triples, end * 8) == a && u16_at(triples, end * 8 + 2) == b {
                end += 1;
            }
            if let Some(pair) = pairs.get_mut(&(u32::from(a) << 16 | u32::from(b))) {
                pair.triples = (u32::try_from(k).ok()?, u32::try_from(end).ok()?);
            }
            k = end;
        }
        Some(CharModel {
            bmp,
            index,
            characters,
            chars,
            followers,
            pairs,
            triples,
            unigram_total: total as f64 + n_chars as f64,
            frames: std::sync::OnceLock::new(),
        })
    }

    /// The character's index in the table, if official text has it at all.
    pub fn index(&self, c: char) -> Option<u16> {
        match self.bmp.get(c as usize) {
            Some(&i) => (i != NONE).then_some(i),
            None => self.index.get(&c).copied(),
        }
    }

    /// The characters official text writes after the indexed one (and their indices), most
    /// frequent first.
    pub fn followers(&self, a: u16) -> impl Iterator<Item = (char, u16)> + '_ {
        self.followers[usize::from(a)].iter().map(|&(c, _)| (self.characters[usize::from(c)], c))
    }

    /// The characters official text has, with their counts.
    pub fn characters(&self) -> impl Iterator<Item = (char, u32)> + '_ {
        self.index.iter().map(|(&c, &i)| (c, self.chars[usize::from(i)].count))
    }

    fn pair(&self, a: u16, b: u16) -> Option<&Counts> {
        self.pairs.get(&(u32::from(a) << 16 | u32::from(b)))
    }

    /// Times the pair was seen (0 for pairs seen once, and for characters the table lacks).
    pub fn pair_count(&self, a: Option<u16>, b: Option<u16>) -> u32 {
        self.pair_counts(a, b).map_or(0, |p| p.count)
    }

    /// Times `c` followed the pair (0 for triples seen once).
    pub(super) fn triple_count(&self, pair: &Counts, c: u16) -> u32 {
        let (mut lo, mut hi) = (pair.triples.0 as usize, pair.triples.1 as usize);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match u16_at(self.triples, mid * 8 + 4).cmp(&c) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u32::from(u16_at(self.triples, mid * 8 + 6)),
            }
        }
        0
    }

    fn p1(&self, c: Option<u16>) -> f64 {
        let count = c.map_or(0, |c| self.chars[usize::from(c)].count);
        (f64::from(count) + 0.5) / self.unigram_total
    }

    fn p2(&self, a: Option<u16>, c: Option<u16>) -> f64 {
        self.p2_with(a, c, self.pair_counts(a, c))
    }

    /// `p2(a, c)`, given the pair `a c` already looked up.
    fn p2_with(&self, a: Option<u16>, c: Option<u16>, pair: Option<&Counts>) -> f64 {
        let lower = self.p1(c);
        let Some(context) = a.map(|a| self.chars[usize::from(a)]).filter(|x| x.followers > 0) else { return lower };
        interpolate(pair.map_or(0, |p| p.count), context, lower)
    }

    fn p3(&self, a: Option<u16>, b: Option<u16>, c: Option<u16>) -> f64 {
        self.p3_with(self.pair_counts(a, b), c, self.p2(b, c))
    }

    /// `p3(a, b, c)`, given the pair `a b` already looked up and `p2(b, c)`.
    fn p3_with(&self, context: Option<&Counts>, c: Option<u16>, lower: f64) -> f64 {
        let Some(context) = context.filter(|x| x.followers > 0) else { return lower };
        let seen = c.map_or(0, |c| self.triple_count(context, c));
        interpolate(seen, *context, lower)
    }

    /// Whether official text uses `a X b X` as a frame: a fixed pair of characters around a
    /// repeated one (应收尽收, 应保尽保, 能减尽减). Read from the table: at least `FRAME_FILLERS`
    /// different characters `X` were seen both as `a X b` and as `X b X`. A frame takes any
    /// verb a drafter needs (应建尽建), so its characters are not typos of something likelier.
    pub(super) fn is_frame(&self, a: u16, b: u16) -> bool {
        self.frames().contains(&(a, b))
    }

    /// The frames, found once (by the warm-up, or the first draft that asks).
    pub(super) fn frames(&self) -> &rustc_hash::FxHashSet<(u16, u16)> {
        self.frames.get_or_init(|| self.find_frames())
    }

    /// Every frame of the table, from one pass over its triples.
    fn find_frames(&self) -> rustc_hash::FxHashSet<(u16, u16)> {
        let triples = || {
            self.triples.chunks_exact(8).map(|t| {
                let at = |k: usize| u16::from_le_bytes([t[k], t[k + 1]]);
                (at(0), at(2), at(4))
            })
        };
        // `X b` pairs that official text followed with `X` again.
        let repeats: rustc_hash::FxHashSet<(u16, u16)> =
            triples().filter(|&(x, b, c)| c == x && b != x).map(|(x, b, _)| (x, b)).collect();
        let mut fillers: HashMap<(u16, u16), usize> = HashMap::default();
        for (a, x, b) in triples() {
            if a != x && a != b && repeats.contains(&(x, b)) {
                *fillers.entry((a, b)).or_default() += 1;
            }
        }
        fillers.into_iter().filter(|&(_, n)| n >= FRAME_FILLERS).map(|(frame, _)| frame).collect()
    }

    /// The pair's counts, if it was seen more than once.
    pub(super) fn pair_counts(&self, a: Option<u16>, b: Option<u16>) -> Option<&Counts> {
        self.pair(a?, b?)
    }

    /// What [`local_above`](Self::local_above) gives for one character, `k`, put at `at` (the
    /// character there is ignored), from the pairs it makes with its neighbours, which the
    /// caller has looked up already (`left`, `right`): the same numbers in the same order, with
    /// four hash lookups fewer. `slot` holds what does not depend on `k`.
    pub(super) fn local_one(
        &self,
        slot: &Slot,
        k: u16,
        left: Option<&Counts>,
        right: Option<&Counts>,
        floor: f64,
    ) -> Option<f64> {
        let bound = floor.exp() * (1.0 - 1e-9);
        let k = Some(k);
        // After the run's start mark alone, or after two characters.
        let own = self.p2_with(slot.before, k, left);
        let mut product = if slot.first { own } else { self.p3_with(slot.before_pair, k, own) };
        if product < bound {
            return None;
        }
        product *= self.p3_with(left, slot.after, self.p2_with(k, slot.after, right));
        if product < bound {
            return None;
        }
        if let Some((second_after, after_p2)) = slot.second_after {
            product *= self.p3_with(right, second_after, after_p2);
            if product < bound {
                return None;
            }
        }
        Some(product.ln())
    }

    /// What [`local_one`](Self::local_one) needs of the text around position `at` (≥ 1, before
    /// the end mark).
    pub(super) fn slot(&self, text: &[Option<u16>], at: usize) -> Slot<'_> {
        let before = text[at - 1];
        let after = text[at + 1];
        Slot {
            first: at == 1,
            before,
            before_pair: if at == 1 { None } else { self.pair_counts(text[at - 2], before) },
            after,
            second_after: text.get(at + 2).map(|&c| (c, self.p2(after, c))),
        }
    }

    /// The log-probability of the characters `at..at + len + 2` of `text` (which starts with
    /// [`START`] and ends with [`END`]) given the ones before: everything in the sequence that
    /// the characters `at..at + len` take part in.
    pub fn local(&self, text: &[Option<u16>], at: usize, len: usize) -> f64 {
        self.local_above(text, at, len, f64::NEG_INFINITY).unwrap_or(f64::NEG_INFINITY)
    }

    /// [`local`](Self::local), or `None` once it is certain to come out below `floor`: every
    /// factor is a probability, so the product only falls — most candidates are dismissed
    /// after one or two factors.
    pub fn local_above(&self, text: &[Option<u16>], at: usize, len: usize, floor: f64) -> Option<f64> {
        // One logarithm of the product, not one per factor: at most four factors, each above
        // 1e-25 (a twice backed-off unigram of a 22-million-character table), so the product
        // cannot underflow. The bound is a hair lower than the floor, so that rounding in exp
        // and ln can never dismiss what the full product would keep.
        let bound = floor.exp() * (1.0 - 1e-9);
        let mut product = 1.0;
        for j in at..(at + len + 2).min(text.len()) {
            product *= match j {
                0 => 1.0,
                1 => self.p2(text[0], text[1]),
                _ => self.p3(text[j - 2], text[j - 1], text[j]),
            };
            if product < bound {
                return None;
            }
        }
        Some(product.ln())
    }
}

fn interpolate(seen: u32, context: Counts, lower: f64) -> f64 {
    let followers = f64::from(context.followers);
    (f64::from(seen) - DISCOUNT).max(0.0) / followers
        + DISCOUNT * f64::from(context.distinct_followers) / followers * lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indices(text: &str) -> Vec<Option<u16>> {
        let m = CharModel::get();
        std::iter::once(START).chain(text.chars()).chain(std::iter::once(END)).map(|c| m.index(c)).collect()
    }

    #[test]
    fn official_wording_is_more_probable_than_its_typo() {
        let m = CharModel::get();
        for (right, wrong, at) in
            [("作出决定", "作出绝顶", 3), ("召开会议", "召开悔意", 3), ("部署工作", "布署工作", 1)]
        {
            let (r, w) = (indices(right), indices(wrong));
            assert!(m.local(&r, at, 1) > m.local(&w, at, 1) + 5.0, "{right} / {wrong}");
        }
    }

    #[test]
    fn probabilities_are_proper() {
        let m = CharModel::get();
        let a = m.index('人');
        // Over every character the table knows, the next character's probabilities sum to 1
        // (less the mass of characters it does not know).
        let sum: f64 = (0..m.chars.len()).map(|c| m.p3(m.index('的'), a, Some(c as u16))).sum();
        assert!((0.97..=1.0001).contains(&sum), "{sum}");
        assert!(m.pair_count(m.index('人'), m.index('民')) > 1000);
        assert_eq!(m.pair_count(m.index('人'), None), 0);
        assert!(m.index('\u{10FFFF}').is_none());
    }

    #[test]
    fn a_damaged_table_is_refused() {
        assert!(CharModel::parse(b"GWNG").is_none());
        assert!(CharModel::parse(&DATA[..DATA.len() - 3]).is_none());
        assert!(CharModel::parse(b"XXXX\x01\0\0\0").is_none());
    }
}
