//! Which characters a wrong one may stand for: its sound-alikes and look-alikes from ECSpell's
//! confusion sets (`lints/spelling/confusion.tsv`, MIT), and every common character read the
//! same way without tones (the `pinyin` crate's data, first reading), since a pinyin input method
//! offers them all under one syllable.

use super::ngrams::CharModel;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

/// How a wrong character relates to the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Listed as a sound-alike.
    Sound,
    /// Listed as a look-alike.
    Shape,
    /// Not listed, but read the same (without tones).
    SameSyllable,
    /// Neither: what official text writes between the neighbours (a misrecognised or
    /// mistyped character unlike the right one).
    Context,
}

impl Channel {
    /// What the channel costs (natural log): a pinyin input method mostly errs by sound, and a
    /// listed sound-alike is likelier than any character of the syllable.
    pub fn cost(self) -> f64 {
        match self {
            Channel::Sound => 0.0,
            Channel::SameSyllable => 1.0,
            Channel::Shape => 2.0,
            // At 8 every tenth on odw.train is wrong; at 12 they cost no precision there but
            // gave four more false alarms on published documents than at 14. At 16, a second
            // independent tester's correct drafts lost three of six false alarms (保畜、保畅
            // read as 保护) and no planted error; odw.train lost 0.7 % of its finds.
            Channel::Context => 16.0,
        }
    }
}

/// A character must be this common in official text to be offered for its syllable: rare ones
/// would only bring noise.
const COMMON: u32 = 20;

/// A candidate: the character, its index in the n-gram table, and how it relates.
pub type Candidate = (char, u16, Channel);

/// Sound-alike and look-alike characters (`lints/spelling/confusion.tsv`, from ECSpell, MIT;
/// `lints/spelling/glyph-alikes.tsv`; `lints/spelling/component-alikes.tsv`), those official
/// text writes.
static CONFUSION: LazyLock<HashMap<char, Vec<Candidate>>> = LazyLock::new(|| {
    let model = CharModel::get();
    let mut map: HashMap<char, Vec<Candidate>> = HashMap::default();
    for line in include_str!("../../../lints/spelling/confusion.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let Some(key) = cols.next().and_then(|k| k.chars().next()) else { continue };
        let sound = cols.next().unwrap_or("");
        let shape = cols.next().unwrap_or("");
        let entry = map.entry(key).or_default();
        let sounds = sound.chars().map(|c| (c, Channel::Sound));
        let shapes = shape.chars().map(|c| (c, Channel::Shape));
        for (c, channel) in sounds.chain(shapes) {
            // Each character once, as a sound-alike if listed as both.
            if let (Some(k), false) = (model.index(c), entry.iter().any(|&(l, _, _)| l == c)) {
                entry.push((c, k, channel));
            }
        }
    }
    // Look-alikes by printed shape that the sets above lack (木/术, 撤/撒; `glyph-alikes.py`),
    // and characters one whole part apart (属/嘱, 存/荐; `component-alikes.py`).
    let tables = [
        include_str!("../../../lints/spelling/glyph-alikes.tsv"),
        include_str!("../../../lints/spelling/component-alikes.tsv"),
    ];
    for line in tables.iter().flat_map(|table| table.lines()) {
        let mut cols = line.split('\t');
        let (Some(key), Some(alike)) = (cols.next().and_then(|k| k.chars().next()), cols.next()) else { continue };
        if key == '#' {
            continue;
        }
        let entry = map.entry(key).or_default();
        // One that also reads the same (讯/汛) is offered for its sound, which costs less.
        for c in alike.chars().filter(|&c| reading(c).is_none() || reading(c) != reading(key)) {
            if let (Some(k), false) = (model.index(c), entry.iter().any(|&(l, _, _)| l == c)) {
                entry.push((c, k, Channel::Shape));
            }
        }
    }
    map
});

/// Common characters by toneless syllable (with their indices), each list in code point order.
static SYLLABLES: LazyLock<HashMap<&'static str, Vec<(char, u16)>>> = LazyLock::new(|| {
    let model = CharModel::get();
    let mut map: HashMap<&'static str, Vec<(char, u16)>> = HashMap::default();
    for (c, count) in model.characters() {
        if count < COMMON {
            continue;
        }
        if let (Some(syllable), Some(k)) = (reading(c), model.index(c)) {
            map.entry(syllable).or_default().push((c, k));
        }
    }
    for list in map.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    map
});

/// A character's toneless reading: its first, most common one (a character's rarer readings
/// offered as many false candidates as right ones on odw.train and on published documents).
fn reading(c: char) -> Option<&'static str> {
    use pinyin::ToPinyin;
    c.to_pinyin().map(|p| p.plain())
}

/// Builds the confusion and syllable tables now.
pub fn warm_up() {
    LazyLock::force(&CONFUSION);
    LazyLock::force(&SYLLABLES);
}

/// Whether the confusion table lists `c`.
pub fn is_listed(c: char) -> bool {
    CONFUSION.contains_key(&c)
}

/// Every candidate for `c` that official text writes, each with whether it reads as `c` does
/// (without tones): listed ones first, then the rest of its syllable. No candidate twice, never
/// `c` itself.
pub fn list(c: char) -> Rc<Candidates> {
    // A draft asks again and again for the same few thousand characters; each thread keeps the
    // lists it has built (bounded by the characters official text has).
    thread_local! {
        static LISTS: RefCell<HashMap<char, Rc<Candidates>>> = RefCell::default();
    }
    LISTS.with(|lists| {
        if let Some(found) = lists.borrow().get(&c) {
            return Rc::clone(found);
        }
        let all = build(c);
        let mut indices: Vec<u16> = all.iter().map(|&((_, k, _), _)| k).collect();
        indices.sort_unstable();
        let built = Rc::new(Candidates { all: all.into(), indices: indices.into() });
        lists.borrow_mut().insert(c, Rc::clone(&built));
        built
    })
}

/// A character's candidates, as [`list`] gives them.
pub struct Candidates {
    pub all: Box<[Reading]>,
    /// Their indices in the n-gram table, sorted.
    indices: Box<[u16]>,
}

impl Candidates {
    /// Whether the indexed character is among them.
    pub fn contains(&self, index: u16) -> bool {
        self.indices.binary_search(&index).is_ok()
    }
}

/// A candidate and whether it reads as the written character does.
pub type Reading = (Candidate, bool);

fn build(c: char) -> Vec<Reading> {
    let mut out = Vec::new();
    let listed = CONFUSION.get(&c).map_or(&[][..], Vec::as_slice);
    let own = reading(c);
    for &(k, index, channel) in listed {
        if k != c {
            out.push(((k, index, channel), own.is_some() && reading(k) == own));
        }
    }
    let Some(syllable) = own else { return out };
    for &(k, index) in SYLLABLES.get(syllable).map_or(&[][..], Vec::as_slice) {
        if k != c && !listed.iter().any(|&(l, _, _)| l == k) {
            out.push(((k, index, Channel::SameSyllable), true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(c: char) -> Vec<(char, Channel)> {
        list(c).all.iter().map(|&((k, _, channel), _)| (k, channel)).collect()
    }

    #[test]
    fn listed_alikes_come_first_then_the_syllable() {
        let all = candidates('局');
        assert!(all.contains(&('据', Channel::Sound)), "{all:?}");
        // 举 is read ju like 局 and common in official text.
        assert!(all.iter().any(|&(k, _)| k == '举'), "{all:?}");
        let first_unlisted = all.iter().position(|&(_, ch)| ch == Channel::SameSyllable).unwrap();
        assert!(all[first_unlisted..].iter().all(|&(_, ch)| ch == Channel::SameSyllable));
        assert!(!all.iter().any(|&(k, _)| k == '局'));
        let mut keys: Vec<char> = all.iter().map(|&(k, _)| k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len(), "no candidate twice");
    }

    #[test]
    fn only_a_characters_first_reading_brings_its_syllable() {
        // 行 reads xing first (hang second), 重 zhong (chong).
        assert_eq!(reading('行'), Some("xing"));
        assert_eq!(reading('重'), Some("zhong"));
        assert!(SYLLABLES["xing"].iter().any(|&(c, _)| c == '型'));
        assert!(!SYLLABLES["xing"].iter().any(|&(c, _)| c == '航'));
        // 运 is not listed for 云, but read the same.
        assert!(candidates('云').contains(&('运', Channel::SameSyllable)));
    }

    /// Look-alikes by printed shape that ECSpell's sets lack are offered as look-alikes (木 for
    /// 术, 面 for 而); one that also reads the same is offered for its sound (讯 for 汛).
    #[test]
    fn printed_look_alikes_complete_the_listed_ones() {
        assert!(candidates('木').contains(&('术', Channel::Shape)), "{:?}", candidates('木'));
        assert!(candidates('面').contains(&('而', Channel::Shape)));
        assert!(candidates('讯').contains(&('汛', Channel::SameSyllable)), "{:?}", candidates('讯'));
        assert!(!candidates('讯').contains(&('汛', Channel::Shape)));
    }

    /// Characters one whole part apart are look-alikes both ways (存 for 荐, 嘱 for 属); a
    /// character drawn as strokes around another (贝: ⺆ around 人) is not its part's.
    #[test]
    fn a_part_added_or_dropped_makes_a_look_alike() {
        assert!(candidates('存').contains(&('荐', Channel::Shape)), "{:?}", candidates('存'));
        assert!(candidates('嘱').contains(&('属', Channel::Shape)), "{:?}", candidates('嘱'));
        assert!(candidates('贝').contains(&('员', Channel::Shape)), "{:?}", candidates('贝'));
        assert!(!candidates('贝').iter().any(|&(c, _)| c == '人'), "{:?}", candidates('贝'));
    }
}
