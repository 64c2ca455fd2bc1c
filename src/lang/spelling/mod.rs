//! A small noisy-channel model of wrong characters, for GW610.
//!
//! A drafter types with a pinyin input method: a wrong character sounds like the right one, or
//! (handwriting, OCR, five-stroke input) looks like it. For a character whose neighbours make an
//! unusual pair in official text, the model tries its candidates ([`candidates`]: listed
//! sound-alikes and look-alikes, every common character of its syllable, and what official text
//! writes between the two neighbours) and keeps the one that makes the neighbourhood much more
//! probable on two counts added together:
//!
//! - the context ([`ngrams`]): the characters around it under a character trigram model of about
//!   22 million characters of published laws, regulations and government work reports;
//! - the words ([`lexicon`]): the best segmentation of three characters on each side under a
//!   unigram word model (jieba's dictionary and gwlint's 公文 vocabulary); the candidate must
//!   then belong to a word of two or more characters,
//!
//! less what the channel costs. Two wrong characters side by side are tried as one word typed
//! for another of the same sound (绝顶 for 决定). Deterministic, offline, and bounded: most
//! characters are passed over after one pair lookup, most candidates after two more.
//!
//! The constants below were set on ECSpell's odw.train and checked against the published
//! documents and correct fixtures (docs/spelling.md).

mod candidates;
mod lexicon;
mod ngrams;

use candidates::Candidate;
pub use candidates::Channel;
pub use lexicon::Lexicon;
use ngrams::{CharModel, Counts, Slot};

/// Builds the word model, the character model and the candidate tables now (about 0.1 s),
/// rather than when the first draft asks.
pub fn warm_up() {
    Lexicon::get();
    CharModel::get().frames();
    candidates::warm_up();
}

/// How far (in characters) on each side of a character the word model looks.
const WINDOW: usize = 3;

/// A character is questioned only when the pair it makes with a neighbour was seen fewer times
/// than this in official text. Mostly a speed gate: the context and word scores decide. On
/// odw.train, 3 found about 10 % fewer wrong characters than 20 at the same precision; 50 finds
/// about 4 % more than 20, for about a quarter more time.
const RARE_PAIR: u32 = 20;

/// ... or, when the rarer of its two pairs was seen fewer times than this, where the three
/// characters were seen together once at most. On odw.train, 100 finds 2 % more wrong characters at
/// the same precision (1,000: 2.1 %), for about 7 % more instructions with GW610 on.
const UNSEEN_TRIPLE_PAIR: u32 = 100;

/// ... and only when the characters around it, as written, are this improbable (natural log):
/// a character that reads well in its context is left alone.
const IMPROBABLE: f64 = -16.0;

/// How many of the left neighbour's most frequent followers are tried as context candidates.
const FOLLOWERS: usize = 64;

/// A candidate whose context alone gains less than this is not weighed further: the words seldom
/// make up the rest (on odw.train, 10 instead of 4 lost 2 of 590 corrections and saved three
/// quarters of the segmentations).
const CONTEXT_FLOOR: f64 = 10.0;

/// ... and a candidate that only the context proposes (neither sounds nor looks like the
/// character written) must gain this much in context alone: nothing else speaks for it. On
/// odw.train, 22 loses none of the 10-or-more's corrections (24 loses 1 %), takes away two
/// false findings on published documents (城控详规划 read as 城市制) and weighs a third fewer
/// candidates' words.
const CONTEXT_ONLY_FLOOR: f64 = 22.0;

/// What a correction costs more where the caller guesses a name from the text's shape (after a
/// lone surname, before 同志, a title or an institution's ending): such a guess is often wrong
/// (县级人民政付 is 政府, 肖除 is 消除), so it asks for more evidence rather than none. On odw.train,
/// 12 finds about 7 % more wrong characters at the same precision than not questioning them at
/// all; 10 and less flag road and people's names in published documents (五邑路). Such a
/// position is also questioned only where it fits neither neighbour, and never with a candidate
/// only the context proposes: that loses one correction in 500 and a third of the time names
/// would otherwise cost.
pub const GUESSED_NAME_COST: f64 = 12.0;

/// What a second wrong character beside the first costs: two errors side by side are much
/// rarer than one.
const PAIR_COST: f64 = 6.0;

/// A proposed correction: the character at `index` (in the characters given) should be `right`.
#[derive(Clone, Debug, PartialEq)]
pub struct Suspect {
    pub index: usize,
    pub right: char,
    pub channel: Channel,
    /// How much more probable (natural log) the neighbourhood reads with the correction, less
    /// the channel's cost.
    pub gain: f64,
}

/// The model's setting: the gain a correction must bring.
#[derive(Clone, Copy, Debug)]
pub struct Model {
    pub threshold: f64,
}

impl Default for Model {
    fn default() -> Model {
        Model { threshold: 18.0 }
    }
}

/// Whether the model could question anything in a run of Chinese characters: some pair of
/// neighbours (its ends included) is rarer in official text than [`UNSEEN_TRIPLE_PAIR`], the
/// most a questioned character's rarer pair may have been seen. A run without
/// one yields no suspect at any threshold and with any protection, so a caller may skip what it
/// would spend on protecting names there (most runs of correct text).
pub fn has_rare_pair(chars: &[char]) -> bool {
    let context = CharModel::get();
    let mut before = context.index(ngrams::START);
    for &c in chars.iter().chain(&[ngrams::END]) {
        let here = context.index(c);
        if context.pair_count(before, here) < UNSEEN_TRIPLE_PAIR {
            return true;
        }
        before = here;
    }
    false
}

impl Model {
    /// Suspected wrong characters in a run of Chinese characters (`chars` holds no punctuation:
    /// the caller splits there). `keep` tells positions never to question (names, quotations).
    pub fn suspects(&self, chars: &[char], keep: impl Fn(usize) -> bool) -> Vec<Suspect> {
        self.suspects_with_guesses(chars, keep, |_| false)
    }

    /// [`suspects`](Self::suspects), where a correction at a `guessed` position (one that may be
    /// a name, as its shape suggests) must gain [`GUESSED_NAME_COST`] more.
    pub fn suspects_with_guesses(
        &self,
        chars: &[char],
        keep: impl Fn(usize) -> bool,
        guessed: impl Fn(usize) -> bool,
    ) -> Vec<Suspect> {
        // A correction can make its neighbour's error visible (二登奖 after 一等奖、): the run is
        // read again with the corrections so far, a few times at most.
        let mut fixed = chars.to_vec();
        let mut found: Vec<Suspect> = Vec::new();
        let mut flagged = vec![false; chars.len()];
        for _ in 0..3 {
            let more: Vec<Suspect> = self.pass(&fixed, |i| keep(i) || flagged[i], &guessed);
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

    fn pass(&self, chars: &[char], keep: impl Fn(usize) -> bool, guessed: &impl Fn(usize) -> bool) -> Vec<Suspect> {
        let context = CharModel::get();
        // The run with its boundary marks, as the table's indices: position i of `chars` is
        // i + 1 here.
        let mut marked: Vec<Option<u16>> = Vec::with_capacity(chars.len() + 2);
        marked.push(context.index(ngrams::START));
        marked.extend(chars.iter().map(|&c| context.index(c)));
        marked.push(context.index(ngrams::END));
        // Each adjacent pair of the marked run, and how often it was seen.
        let links: Vec<Option<&Counts>> = marked.windows(2).map(|w| context.pair_counts(w[0], w[1])).collect();
        let pairs: Vec<u32> = links.iter().map(|link| link.map_or(0, |p| p.count)).collect();
        // A character official text never writes is a name or a rare word more often than a
        // typo, unless the confusion table lists it.
        let known: Vec<bool> = marked[1..=chars.len()].iter().map(Option::is_some).collect();
        // The fixed characters of a frame around a repeated one (应建尽建: 应 and 尽).
        let mut framed: Vec<usize> = Vec::new();
        for i in 0..chars.len().saturating_sub(3) {
            let (a, x, b) = (chars[i], chars[i + 1], chars[i + 2]);
            if x == chars[i + 3]
                && a != x
                && b != x
                && a != b
                && let (Some(a), Some(b)) = (marked[i + 1], marked[i + 3])
                && context.is_frame(a, b)
            {
                framed.extend([i, i + 2]);
            }
        }
        // A character written twice (季季有走访, 层层压实, 人人参与) is a reduplication made on
        // purpose: one slip would not repeat its neighbour, and two slips would not agree
        // (odw.train has no error inside such a pair).
        let doubled = |i: usize| (i > 0 && chars[i - 1] == chars[i]) || chars.get(i + 1) == Some(&chars[i]);
        let questioned = |i: usize| {
            !keep(i)
                && crate::lang::is_han(chars[i])
                && (known[i] || candidates::is_listed(chars[i]))
                && !framed.contains(&i)
                && !doubled(i)
        };
        let mut out: Vec<Suspect> = Vec::new();
        let mut flagged = vec![false; chars.len()];
        for i in 0..chars.len() {
            // Two ordinary pairs that official text (almost) never wrote as one triple (应地制宜:
            // 应地 and 地制 are both common) are questioned as a rare pair is.
            let rarer = pairs[i].min(pairs[i + 1]);
            let rare = rarer < RARE_PAIR
                || rarer < UNSEEN_TRIPLE_PAIR
                    && links[i].is_some_and(|p| marked[i + 2].is_some_and(|k| context.triple_count(p, k) == 0));
            if !rare || !questioned(i) {
                continue;
            }
            let mut trial = Trial::single(chars, &mut marked, i, (links[i], links[i + 1]));
            trial.fits_neither = pairs[i].max(pairs[i + 1]) < RARE_PAIR;
            (trial.open_left, trial.open_right) = (pairs[i] == 0, pairs[i + 1] == 0);
            if trial.context_before > IMPROBABLE {
                continue;
            }
            // A guessed name is questioned only where it fits neither neighbour, and must gain
            // more (below).
            if guessed(i) {
                if !trial.fits_neither {
                    continue;
                }
                trial.extra_cost = GUESSED_NAME_COST;
            }
            if let Some(s) = self.best_single(&mut trial) {
                flagged[i] = true;
                out.push(s);
            }
        }
        // Two wrong characters side by side: each alone repairs nothing, the pair does. Tried
        // where no single correction next to them explains the rare pairs, and where either
        // both ends are rare pairs, or the two make a rare pair and stand apart from their
        // outer neighbours (乖买人口 for 拐卖人口; not 会议暨, whose 议 belongs to 会议).
        let lexicon = Lexicon::get();
        let apart = |i: usize| {
            (i == 0 || !lexicon.contains_chars(&chars[i - 1..=i]))
                && (i + 2 >= chars.len() || !lexicon.contains_chars(&chars[i + 1..=i + 2]))
        };
        let mut i = 0;
        while i + 1 < chars.len() {
            let free = (i.saturating_sub(1)..(i + 3).min(chars.len())).all(|k| !flagged[k]);
            let rare_ends = pairs[i] < RARE_PAIR && pairs[i + 2] < RARE_PAIR;
            let rare_within = pairs[i + 1] < RARE_PAIR && apart(i);
            if free && (rare_ends || rare_within) && questioned(i) && questioned(i + 1) {
                let mut trial = Trial::new(chars, &mut marked, i, 2);
                trial.extra_cost = if guessed(i) || guessed(i + 1) { GUESSED_NAME_COST } else { 0.0 };
                if let Some((first, second)) = self.best_pair(&mut trial) {
                    flagged[i] = true;
                    flagged[i + 1] = true;
                    out.push(first);
                    out.push(second);
                    i += 2;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    fn best_single(&self, trial: &mut Trial) -> Option<Suspect> {
        let context = CharModel::get();
        let lexicon = Lexicon::get();
        let i = trial.at;
        let (left, right) = trial.neighbours();
        let mut best: Option<Suspect> = None;
        let mut weigh = |trial: &mut Trial, c: char, k: u16, channel: Channel| {
            // A candidate that makes an unknown pair with a neighbour cannot read better, unless
            // the pair lies across a word boundary: the character written makes an unknown pair
            // there too and no word, the candidate makes a common pair and a word with its other
            // neighbour (资今尚 for 资金尚, 气侯寒冷 for 气候寒冷; not 对乌木桩, whose 乌木 is a word).
            let left_pair = context.pair_counts(left, Some(k));
            let with_left = left_pair.map_or(0, |p| p.count);
            if with_left == 0 && !trial.open_left {
                return;
            }
            let right_pair = context.pair_counts(Some(k), right);
            let with_right = right_pair.map_or(0, |p| p.count);
            if with_right == 0 && (!trial.open_right || with_left == 0) {
                return;
            }
            if with_left == 0 || with_right == 0 {
                let chars = trial.chars;
                let across = if with_right == 0 {
                    with_left >= RARE_PAIR
                        && i > 0
                        && lexicon.contains_chars(&[chars[i - 1], c])
                        && !(i + 1 < chars.len() && lexicon.contains_chars(&chars[i..=i + 1]))
                } else {
                    with_right >= RARE_PAIR
                        && i + 1 < chars.len()
                        && lexicon.contains_chars(&[c, chars[i + 1]])
                        && !(i > 0 && lexicon.contains_chars(&chars[i - 1..=i]))
                };
                if !across {
                    return;
                }
            }
            let floor = if channel == Channel::Context { CONTEXT_ONLY_FLOOR } else { CONTEXT_FLOOR };
            let Some(gain) = trial.gain_one(c, k, (left_pair, right_pair), floor) else { return };
            // A character already inside a word is seldom a look-alike or a misreading of
            // another (汗水 is not 污水).
            let in_word = trial.in_word() && matches!(channel, Channel::Shape | Channel::Context);
            let gain = gain - channel.cost() - if in_word { IN_WORD_COST } else { 0.0 } - trial.extra_cost;
            if gain > self.threshold && best.as_ref().is_none_or(|s| gain > s.gain) {
                best = Some(Suspect { index: i, right: c, channel, gain });
            }
        };
        let listed = candidates::list(trial.chars[i]);
        for &((c, k, channel), _) in listed.all.iter() {
            weigh(trial, c, k, channel);
        }
        // What official text writes between the two neighbours, when the character written fits
        // neither of them and neither sound nor shape explains the error; not for a guessed
        // name, which the context alone never corrected on odw.train. (Followers are distinct:
        // only the listed candidates need skipping.)
        if let (Some(l), true) = (left, trial.fits_neither && trial.extra_cost == 0.0) {
            for (c, k) in context.followers(l).take(FOLLOWERS) {
                if context.pair_count(Some(k), right) > 0 && Some(k) != trial.marked[i + 1] && !listed.contains(k) {
                    weigh(trial, c, k, Channel::Context);
                }
            }
        }
        best
    }

    fn best_pair(&self, trial: &mut Trial) -> Option<(Suspect, Suspect)> {
        let (i, chars) = (trial.at, trial.chars);
        let lexicon = Lexicon::get();
        let context = CharModel::get();
        let (left, right) = trial.neighbours();
        // A pinyin input method swaps a whole word for another typed the same (绝顶 for 决定):
        // both characters read the same syllables, and together they make a word.
        let seconds: Vec<Candidate> = candidates::list(chars[i + 1])
            .all
            .iter()
            .filter(|&&((_, k2, _), reads_same)| reads_same && context.pair_count(Some(k2), right) > 0)
            .map(|&(candidate, _)| candidate)
            .collect();
        if seconds.is_empty() {
            return None;
        }
        let mut best: Option<(Suspect, Suspect)> = None;
        for &((first, k1, first_channel), first_reads_same) in candidates::list(chars[i]).all.iter() {
            if !first_reads_same || context.pair_count(left, Some(k1)) == 0 {
                continue;
            }
            for &(second, k2, second_channel) in &seconds {
                if !lexicon.may_join(first, second) {
                    continue;
                }
                if !lexicon.contains_chars(&[first, second]) {
                    continue;
                }
                let Some(gain) = trial.gain(&[first, second], &[k1, k2]) else { continue };
                let gain = gain - first_channel.cost() - second_channel.cost() - PAIR_COST - trial.extra_cost;
                if gain > self.threshold && best.as_ref().is_none_or(|(s, _)| gain > s.gain) {
                    best = Some((
                        Suspect { index: i, right: first, channel: first_channel, gain },
                        Suspect { index: i + 1, right: second, channel: second_channel, gain },
                    ));
                }
            }
        }
        best
    }
}

/// What a look-alike or context candidate costs more for a character already inside a word
/// (found by an independent tester's drafts: 汗水→污水, 强基→进行).
const IN_WORD_COST: f64 = 4.0;

/// Replacing `len` characters of a run from `at`: what the context and the words gain.
struct Trial<'a> {
    chars: &'a [char],
    /// The run as the n-gram table's indices, between boundary marks.
    marked: &'a mut Vec<Option<u16>>,
    at: usize,
    len: usize,
    /// The context's log-probability as written.
    context_before: f64,
    /// Whether the character written makes a rare pair on both sides.
    fits_neither: bool,
    /// Whether the character written makes a pair official text never wrote with its left
    /// (right) neighbour: a word boundary, across which a correction may make one too.
    open_left: bool,
    open_right: bool,
    /// The word model's score of the window as written, and whether the characters replaced
    /// sit in words of two or more, once needed.
    words_before: Option<(f64, bool)>,
    /// The neighbourhood of a single character replaced, once needed.
    slot: Option<Slot<'static>>,
    /// What a correction here costs more (a guessed name).
    extra_cost: f64,
}

impl<'a> Trial<'a> {
    /// Replacing the one character at `at`, whose pairs with its neighbours are `links`.
    fn single(
        chars: &'a [char],
        marked: &'a mut Vec<Option<u16>>,
        at: usize,
        links: (Option<&Counts>, Option<&Counts>),
    ) -> Trial<'a> {
        let context = CharModel::get();
        let slot = context.slot(marked, at + 1);
        // The context as written is what `local_one` gives for the character written (one the
        // table lacks has no index: then the general way).
        let context_before = match marked[at + 1] {
            Some(written) => context.local_one(&slot, written, links.0, links.1, f64::NEG_INFINITY),
            None => Some(context.local(marked, at + 1, 1)),
        }
        .unwrap_or(f64::NEG_INFINITY);
        Trial { slot: Some(slot), ..Trial::with_context(chars, marked, at, 1, context_before) }
    }

    /// Replacing the `len` characters from `at` (two side by side).
    fn new(chars: &'a [char], marked: &'a mut Vec<Option<u16>>, at: usize, len: usize) -> Trial<'a> {
        let context_before = CharModel::get().local(marked, at + 1, len);
        Trial::with_context(chars, marked, at, len, context_before)
    }

    /// A trial whose context as written is known, nothing else yet.
    fn with_context(
        chars: &'a [char],
        marked: &'a mut Vec<Option<u16>>,
        at: usize,
        len: usize,
        context_before: f64,
    ) -> Trial<'a> {
        Trial {
            chars,
            marked,
            at,
            len,
            context_before,
            fits_neither: false,
            open_left: false,
            open_right: false,
            words_before: None,
            slot: None,
            extra_cost: 0.0,
        }
    }

    /// Whether the characters replaced sit in words of two or more as written (known once a
    /// candidate has been weighed).
    fn in_word(&self) -> bool {
        self.words_before.is_some_and(|(_, in_word)| in_word)
    }

    /// The characters just before and just after the ones replaced (boundary marks included).
    fn neighbours(&self) -> (Option<u16>, Option<u16>) {
        (self.marked[self.at], self.marked[self.at + 1 + self.len])
    }

    /// How much more probable the run reads with `replacement` (as characters and as the
    /// table's indices) in place, or `None` when it cannot be a correction: too little gain in
    /// context, or the replacement not inside a word of two or more.
    fn gain(&mut self, replacement: &[char], indices: &[u16]) -> Option<f64> {
        let context = CharModel::get();
        let (at, len) = (self.at + 1, self.len);
        let written: [Option<u16>; 2] = [self.marked[at], self.marked[at + len - 1]];
        for (k, &index) in indices.iter().enumerate() {
            self.marked[at + k] = Some(index);
        }
        let after = context.local_above(self.marked, at, len, self.context_before + CONTEXT_FLOOR);
        self.marked[at..at + len].copy_from_slice(&written[..len]);
        self.with_words(replacement, after? - self.context_before)
    }

    /// [`gain`](Self::gain) for one character `c` (index `k`), given the pairs it makes with
    /// its neighbours, when the context gains at least `floor`.
    fn gain_one(&mut self, c: char, k: u16, pairs: (Option<&Counts>, Option<&Counts>), floor: f64) -> Option<f64> {
        let context = CharModel::get();
        let slot = self.slot.get_or_insert_with(|| context.slot(self.marked, self.at + 1));
        let after = context.local_one(slot, k, pairs.0, pairs.1, self.context_before + floor);
        self.with_words(&[c], after? - self.context_before)
    }

    /// The context's gain plus the words', or `None` (see [`gain`](Self::gain)).
    fn with_words(&mut self, replacement: &[char], context_gain: f64) -> Option<f64> {
        let lexicon = Lexicon::get();
        let len = self.len;
        if context_gain < CONTEXT_FLOOR {
            return None;
        }
        let (a, b) = (self.at.saturating_sub(WINDOW), (self.at + len + WINDOW).min(self.chars.len()));
        let mut window: Vec<char> = self.chars[a..b].to_vec();
        let w_at = self.at - a;
        let (words_before, _) = *self.words_before.get_or_insert_with(|| {
            let (score, holding) = lexicon.segment(&window, w_at, len);
            (score, holding >= 2)
        });
        window[w_at..w_at + len].copy_from_slice(replacement);
        if !lexicon.word_through(&window, w_at) {
            return None;
        }
        let (words, holding) = lexicon.segment(&window, w_at, len);
        if holding < 2 {
            return None;
        }
        Some(context_gain + words - words_before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(text: &str) -> Vec<(char, char, Channel)> {
        let chars: Vec<char> = text.chars().collect();
        Model::default().suspects(&chars, |_| false).into_iter().map(|s| (chars[s.index], s.right, s.channel)).collect()
    }

    #[test]
    fn each_channel_finds_its_kind_of_typo() {
        // Listed sound-alike, a character of the same syllable, a listed look-alike, and one
        // that only the context explains (侃 for 形: neither sounds nor looks alike).
        assert_eq!(fixes("大力培育发展大数局产业"), [('局', '据', Channel::Sound)]);
        assert_eq!(fixes("加强多式联云公共信息交换共享"), [('云', '运', Channel::SameSyllable)]);
        assert_eq!(fixes("核心应急救暖能力显著增强"), [('暖', '援', Channel::Shape)]);
        assert_eq!(fixes("出现下列情侃之一的"), [('侃', '形', Channel::Context)]);
    }

    #[test]
    fn two_wrong_characters_side_by_side_are_one_word_of_the_same_sound() {
        let found = fixes("开展绩效平谷工作");
        assert_eq!(found.iter().map(|&(w, r, _)| (w, r)).collect::<Vec<_>>(), [('平', '评'), ('谷', '估')]);
    }

    #[test]
    fn correct_official_text_is_left_alone() {
        for text in [
            "现将有关事项通知如下",
            "各区人民政府要加强领导",
            "经市人民政府同意",
            "请示妥否请批示",
            "认真部署今年安全生产工作",
            "本条例自发布之日起施行",
            "督查室将紧盯未办结事项",
            "建立第三方机构评估机制",
            // An independent tester's drafts: a word the law corpus seldom has is not a
            // look-alike of one it has, nor two characters another word of like sound.
            "凝聚着全体教职工的心血和汗水",
            "确保不影响今冬供热",
            "对报名强基计划的学生",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }

    #[test]
    fn a_character_only_the_context_proposes_needs_a_strong_context() {
        // 控详规划 (控制性详细规划) reads oddly to a model of laws and reports, but 市 and 制
        // neither sound nor look like 控 and 详: the context alone must gain CONTEXT_ONLY_FLOOR.
        assert_eq!(fixes("根据桃浦科技智慧城控详规划和项目建议书的批复"), []);
        assert_eq!(fixes("出现下列情侃之一的"), [('侃', '形', Channel::Context)]);
    }

    #[test]
    fn a_frame_around_a_repeated_character_is_not_questioned() {
        // 应X尽X takes any verb (应修尽修, 应入尽入 were read as 应修抢修, 进入侵入); official text
        // shows 应 and 尽 around many repeated characters. 球快办快 is no frame: 球 is still a typo.
        assert_eq!(fixes("对危旧房屋做到应修尽修"), []);
        assert_eq!(fixes("适龄儿童少年应入尽入"), []);
        assert_eq!(fixes("对群众诉球快办快结"), [('球', '求', Channel::Sound)]);
    }

    /// Both pairs ordinary, the three never written together: 应地 and 地制 are common, 应地制
    /// is not (因地制宜); likewise 融和发 (融合), 立建全 (健全).
    #[test]
    fn an_unseen_triple_of_ordinary_pairs_is_questioned() {
        assert_eq!(fixes("各地要坚持应地制宜发展清洁能源"), [('应', '因', Channel::Sound)]);
        assert_eq!(fixes("推动数字经济与实体经济深度融和发展"), [('和', '合', Channel::Sound)]);
        assert_eq!(fixes("加快建立建全长效工作机制"), [('建', '健', Channel::Sound)]);
    }

    #[test]
    fn a_doubled_character_is_not_questioned() {
        // 季季 read as 积极 (near in sound, both characters changed): reduplication is meant.
        assert_eq!(fixes("网格员做到季季有走访"), []);
        assert_eq!(fixes("网格员做到积季有走访"), [('季', '极', Channel::Sound)]);
    }

    #[test]
    fn kept_positions_are_not_questioned() {
        let chars: Vec<char> = "发展大数局产业".chars().collect();
        assert!(Model::default().suspects(&chars, |i| i == 4).is_empty());
        let chars: Vec<char> = "开展绩效平谷工作".chars().collect();
        assert!(!Model::default().suspects(&chars, |_| false).is_empty());
        assert!(Model::default().suspects(&chars, |i| i == 5).is_empty(), "a pair needs both its characters");
    }

    #[test]
    fn a_higher_threshold_is_more_conservative() {
        let chars: Vec<char> = "加强多式联云公共信息交换共享".chars().collect();
        let gain = Model::default().suspects(&chars, |_| false)[0].gain;
        assert!(Model { threshold: gain + 0.1 }.suspects(&chars, |_| false).is_empty());
        assert_eq!(Model { threshold: gain - 0.1 }.suspects(&chars, |_| false).len(), 1);
    }

    /// A correction may make a pair official text never wrote with one neighbour when that pair
    /// lies across a word boundary (气候|温和, 资金|尚): the corrected character makes a word with
    /// its other neighbour, and the one written makes none across the boundary. A correction
    /// that would break a word written there is not offered (乌木 in 对乌木桩).
    #[test]
    fn an_unseen_pair_across_a_word_boundary_does_not_bar_a_correction() {
        assert_eq!(fixes("当地气侯温和雨量充沛"), [('侯', '候', Channel::Sound)]);
        assert_eq!(fixes("配套资今尚未到位"), [('今', '金', Channel::Sound)]);
        assert_eq!(fixes("对乌木桩白浮至大沙坝进行调整"), []);
    }
}
