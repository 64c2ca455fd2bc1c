//! Recognising organ names without configuration: the built-in model.
//!
//! A name is read as [central body] | [中共] place body, where the place is a gazetteer division
//! (江门市, 江门市新会区), a town nested in one (台山市汶村镇), a relative word resolved against the
//! context (市, 县, 区 …), or an unlisted division name (示例市) when the body is unmistakable.
//! Whatever is not recognised stays `Unknown`: a wrong guess here would turn into a wrong error.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::{Region, RegionMatch, gazetteer};
use super::kind::{Level, OrgKind};
use super::model::Org;

/// What `normalize` drops at a name's end: a 主送 item's colon, a 抄送 item's full stop.
const NORMALIZE_DROPS_AT_END: [char; 9] = ['：', ':', '。', '.', '，', ',', '；', ';', '、'];

/// The form names are compared in: no whitespace, full-width parentheses, no trailing
/// punctuation (a 主送 item keeps its colon, a 抄送 item its full stop).
pub fn normalize(text: &str) -> String {
    // Sized once: names are parsed by the thousand, and growing the string step by step
    // reallocated it several times each.
    let mut out = String::with_capacity(text.len() + 4);
    out.extend(text.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '(' => '（',
        ')' => '）',
        _ => c,
    }));
    while out.ends_with(NORMALIZE_DROPS_AT_END) {
        out.pop();
    }
    out
}

/// A parsed name: the organ, and for a department the function its name states (教育, 发展和改革),
/// which is what a department shares with its counterparts above and below.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    pub org: Org,
    pub function: Option<String>,
}

impl Parsed {
    fn plain(org: Org) -> Parsed {
        Parsed { org, function: None }
    }
}

/// Reads `text` as an organ name. `near` is the GB/T 2260 code of the region the text is about
/// (the sender's), used for relative words (市政府) and for names several regions share.
pub(crate) fn parse(text: &str, near: Option<u32>) -> Parsed {
    // The model is a pure function of the name and the region it is read in, and the same
    // names (市政府, 各县（市、区）人民政府, the sender) are parsed again and again by the
    // recogniser and the rules, in one draft and across a repository. Each thread remembers
    // its recent answers in two generations of at most 256 names: when the young one is full
    // it becomes the old one, and a name found in the old one is brought back — names in use
    // stay, and memory stays bounded (about 1 MB per thousand names per thread).
    const GENERATION: usize = 256;
    thread_local! {
        static PARSED: RefCell<[NameMemo; 2]> = RefCell::default();
    }
    let find =
        |memo: &NameMemo| memo.get(text).and_then(|v| v.iter().find(|(n, _)| *n == near)).map(|(_, p)| p.clone());
    PARSED.with(|memo| {
        // (the answer, whether it is in the young generation)
        let remembered = {
            let memo = memo.borrow();
            find(&memo[0]).map(|p| (p, true)).or_else(|| find(&memo[1]).map(|p| (p, false)))
        };
        let parsed = match remembered {
            Some((parsed, true)) => return parsed,
            Some((parsed, false)) => parsed,
            None => {
                let parsed = parse_uncached(text, near);
                debug_assert!(
                    parsed.org.kind == OrgKind::Unknown || may_name_organ(text),
                    "{text} reads as {:?} but ends with none of `name_endings`",
                    parsed.org.kind
                );
                parsed
            }
        };
        let mut memo = memo.borrow_mut();
        if memo[0].len() >= GENERATION {
            memo[1] = std::mem::take(&mut memo[0]);
        }
        memo[0].entry(text.into()).or_default().push((near, parsed.clone()));
        parsed
    })
}

/// Whether the built-in model could read `text` as an organ of a known kind. `false` is
/// certain: every name it recognises ends with the last character of one of the endings it
/// matches (局, 委员会, 人民政府, 镇, 小学, 有限公司 …; `name_endings`), and `parse` checks
/// that in debug builds. Guessing where a name begins or ends (a space between names, 主送
/// items run together) parses many prefixes and suffixes of ordinary words; this spares most
/// of them the parse.
pub(crate) fn may_name_organ(text: &str) -> bool {
    let last = text.trim_end_matches(|c: char| c.is_whitespace() || NORMALIZE_DROPS_AT_END.contains(&c)).chars().last();
    last.is_some_and(|c| {
        let c = if c == ')' { '）' } else { c };
        NAME_LAST_CHARS.binary_search(&c).is_ok()
    })
}

/// The last characters of every ending the model matches, sorted.
static NAME_LAST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = name_endings().filter_map(|e| e.chars().last()).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
});

/// Every ending (or whole name) with which `parse` returns an organ of a known kind: the
/// tables below, and the literals written in the parsing functions themselves. A new return
/// path with a new ending must add it here (`parse`'s debug assertion says so).
fn name_endings() -> impl Iterator<Item = &'static str> {
    const WRITTEN_IN_THE_PARSER: &[&str] = &[
        // 兵团, its 师 (第八师石河子市), 团 and 团场, their organs
        CORPS,
        "师",
        "市",
        "团",
        "团场",
        "机关",
        "党委",
        "办",
        // 国务院's and 国家's bureaus, the 人民银行's branches, vertical agencies
        "总局",
        "总署",
        "部",
        "室",
        "分行",
        "支行",
        "营业管理部",
        "分局",
        // party committees, their offices, groups and units
        "委",
        "委员会",
        "办公室",
        "办公厅",
        "工作委员会",
        "工委",
        "党组（党委）",
        "党组",
        "党委（党组）",
        // governments, towns, 行署, government departments and units
        "人民政府",
        "政府",
        "办事处",
        "镇",
        "乡",
        "街道",
        "行政公署",
        "行署",
        "研究室",
        "局",
        "科",
        "处",
        "股",
        // 政协, courts, procuratorates
        "政协委员会",
        "政协",
        "中院",
        "中级法院",
        "高院",
        "高级法院",
        "法院",
        "检察院",
        "检察分院",
        // 村（居）委会
        "村民委员会",
        "村委会",
        "社区居民委员会",
        "社区居委会",
        "居民委员会",
        "居委会",
        "社区",
        "村",
    ];
    let central = CENTRAL_ORGANS.iter().map(|(text, ..)| *text);
    let sectors = SECTOR_INSTITUTIONS.iter().flat_map(|(_, endings)| endings.iter().copied());
    [
        WRITTEN_IN_THE_PARSER,
        &TOWN_OFFICE_ENDINGS,
        &TOWN_OFFICE_SHORT_ENDINGS,
        MINISTRIES,
        PARTY_DEPARTMENTS,
        DISCIPLINE_FORMS,
        GOVERNMENT_OFFICE_FORMS,
        CONGRESS_FORMS,
        MASS_ORGANIZATIONS,
        COORDINATION_BODIES,
        DEPARTMENT_SUFFIXES,
        ENTERPRISE_ENDINGS,
        SOCIAL_ORGANIZATION_ENDINGS,
    ]
    .into_iter()
    .flat_map(|list| list.iter().copied())
    .chain(central)
    .chain(sectors)
}

/// Per name, the model's answers by the region it was read in.
type NameMemo = FxHashMap<Box<str>, Vec<(Option<u32>, Parsed)>>;

fn parse_uncached(text: &str, near: Option<u32>) -> Parsed {
    let norm = normalize(text);
    // “各……”, “有关……” name a set of organs (统称), never one organ.
    if norm.is_empty() || norm.starts_with('各') || norm.starts_with("有关") {
        return Parsed::plain(Org::unknown(if norm.is_empty() { text.trim() } else { &norm }));
    }
    if let Some(parsed) = central(&norm) {
        return parsed;
    }
    if let Some(parsed) = corps(&norm) {
        return parsed;
    }
    if let Some(parsed) = prefixed_bodies(&norm, near) {
        return parsed;
    }
    let (party, unprefixed) = strip_party_prefix(&norm);
    let located = locate(unprefixed, near);
    let (place, rest) = match &located {
        Some((place, rest)) => (Some(place), *rest),
        None => (None, unprefixed),
    };
    match body(party, place, rest) {
        Some(parsed) => parsed,
        // An unlisted place name is only trusted when the body after it was recognised — or,
        // for a town (no town is in the gazetteer), when the body is shaped like one of the
        // town's offices: 与儿街镇河长制办公室, 与儿街镇党政办公室, 猗氏镇农业综合服务中心.
        None => match place.filter(|p| !p.guessed || is_town_office(p, rest)) {
            Some(place) => Parsed::plain(place.attach(Org::new(norm, OrgKind::Unknown))),
            None => Parsed::plain(Org::unknown(&norm)),
        },
    }
}

/// How the name of a town's office ends (a town's own organs, 人民政府, 党委, are read as such).
const TOWN_OFFICE_ENDINGS: [&str; 6] = ["办公室", "中心", "服务站", "管理站", "工作站", "所"];

/// The short forms of a town's offices: two characters before 办 (党政办, 河长办, 综治办) or 站
/// (水利站, 文化站, 农技站). Longer bodies before a bare 办 or 站 are phrases more often than
/// names (联合举办, 火车站).
const TOWN_OFFICE_SHORT_ENDINGS: [&str; 2] = ["办", "站"];

/// Whether `rest`, after the town `place`, names one of the town's offices: a named town (two
/// characters or more before 镇, 乡, 街道) and a body of at least two characters before one
/// of the endings, or exactly two before a short form's.
fn is_town_office(place: &Place, rest: &str) -> bool {
    let named = place.region.as_deref().unwrap_or(&place.label).trim_end_matches(['镇', '乡']).trim_end_matches("街道");
    let long_form =
        || TOWN_OFFICE_ENDINGS.iter().any(|end| rest.strip_suffix(end).is_some_and(|body| body.chars().count() >= 2));
    let short_form = || rest.chars().count() == 3 && TOWN_OFFICE_SHORT_ENDINGS.iter().any(|end| rest.ends_with(end));
    place.level == Some(Level::Township)
        && named.chars().count() >= 2
        && rest.chars().all(crate::lang::is_han)
        && (long_form() || short_form())
}

/// Where an organ is: the region part of its name.
#[derive(Debug, Clone)]
struct Place {
    /// How the place is written in canonical names: “江门市”, “南京市鼓楼区”, “台山市汶村镇”, or the
    /// bare relative word (“市”) when no context resolved it.
    label: String,
    region: Option<String>,
    code: Option<u32>,
    level: Option<Level>,
    upper_government: Option<String>,
    upper_party: Option<String>,
    /// A relative word that no context resolved.
    unresolved: bool,
    /// An unlisted division name read from its unit word alone.
    guessed: bool,
}

impl Place {
    fn of_region(region: &Region) -> Place {
        let g = gazetteer();
        let (upper_government, upper_party) = match g.parent(region) {
            Some(parent) => {
                let label = g.qualified_name(parent);
                (Some(government_name(&label)), Some(party_name(&label)))
            }
            None => (Some("国务院".to_string()), Some("中共中央".to_string())),
        };
        Place {
            label: g.qualified_name(region),
            region: Some(region.name.to_string()),
            code: Some(region.code),
            level: Some(region.level),
            upper_government,
            upper_party,
            unresolved: false,
            guessed: false,
        }
    }

    fn named(name: &str, level: Option<Level>) -> Place {
        Place {
            label: name.to_string(),
            region: Some(name.to_string()),
            code: None,
            level,
            upper_government: None,
            upper_party: None,
            unresolved: false,
            guessed: false,
        }
    }

    /// A 镇, 乡 or 街道 inside `around` (the gazetteer stops at counties). Its government answers
    /// to `around`'s when that governs towns; inside a division with counties between, the
    /// county is not known and neither is the parent.
    fn town(name: &str, around: &Place) -> Place {
        let governs = around.governs_towns();
        Place {
            label: format!("{}{}", around.label, name),
            region: Some(name.to_string()),
            code: None,
            level: Some(Level::Township),
            upper_government: governs.then(|| around.government()),
            upper_party: governs.then(|| around.party()),
            unresolved: false,
            guessed: false,
        }
    }

    /// Whether 镇, 乡 and 街道 sit directly under this division: a county, or a 地级市 without
    /// counties (东莞市, 中山市).
    fn governs_towns(&self) -> bool {
        match (self.level, self.code) {
            (Some(Level::County), _) => !self.unresolved,
            (Some(Level::Prefecture), Some(code)) => !gazetteer().has_children(code),
            _ => false,
        }
    }

    fn is_town(&self) -> bool {
        self.level == Some(Level::Township) && !self.unresolved
    }

    fn government(&self) -> String {
        government_name(&self.label)
    }

    fn party(&self) -> String {
        if self.unresolved { format!("{}委", self.label) } else { party_name(&self.label) }
    }

    fn prefixed(&self, body: &str) -> String {
        format!("{}{}", self.label, body)
    }

    fn attach(&self, mut org: Org) -> Org {
        org.level = org.level.or(self.level);
        org.region = self.region.clone();
        org.region_code = self.code;
        org
    }
}

fn government_name(label: &str) -> String {
    if label.ends_with("街道") { format!("{label}办事处") } else { format!("{label}人民政府") }
}

fn party_name(label: &str) -> String {
    if label.ends_with("自治区") { format!("中共{label}委员会") } else { format!("中共{label}委") }
}

fn label_of(place: Option<&Place>) -> &str {
    place.map_or("", |p| p.label.as_str())
}

fn make(name: String, kind: OrgKind, place: Option<&Place>, parent: Option<String>) -> Org {
    let mut org = Org::new(name, kind);
    org.parent = parent;
    match place {
        Some(place) => place.attach(org),
        None => org,
    }
}

fn strip_party_prefix(text: &str) -> (bool, &str) {
    for prefix in ["中国共产党", "中共"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (true, rest);
        }
    }
    (false, text)
}

// ---------------------------------------------------------------------------------------------
// Places

/// Relative words and the divisions they can stand for, longest first.
const RELATIVE_WORDS: [&str; 11] = ["自治区", "自治州", "省", "市", "州", "县", "区", "旗", "盟", "镇", "乡"];

/// Characters that, right after a relative word, show it is part of an ordinary word instead
/// (市场, 区域, 县域, 乡村, 市级, 市直, 市属, 市辖区, 市民, 市长).
const NOT_AFTER_RELATIVE_WORD: [char; 10] = ['场', '域', '村', '级', '直', '属', '辖', '民', '长', '内'];

/// Whether what follows a relative word (市, 县 …) makes it no place: 市场, 县级, 县直, 市民.
pub(crate) fn relative_word_stands_alone(rest: &str) -> bool {
    rest.starts_with(NOT_AFTER_RELATIVE_WORD)
}

static UNLISTED_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{1,8}?)(特别行政区|自治区|自治州|自治县|地区|街道|省|市|盟|县|旗|区|镇|乡)")
        .expect("valid regex")
});

static TOWN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\p{Han}{1,6}?)(镇|乡|街道)").expect("valid regex"));

fn locate(text: &str, near: Option<u32>) -> Option<(Place, &str)> {
    let g = gazetteer();
    if let Some((found, len)) = g.prefix(text, near) {
        let mut place = match found {
            RegionMatch::Unique(region) => Place::of_region(&region),
            RegionMatch::Ambiguous { name, level } => Place::named(name, Some(level)),
        };
        let mut rest = text.get(len..).unwrap_or("");
        // 广东省江门市, 江门市新会区: keep the innermost division.
        while let Some(outer) = place.code {
            match g.prefix(rest, Some(outer)) {
                Some((RegionMatch::Unique(inner), len)) if inner.code != outer && g.is_within(inner.code, outer) => {
                    place = Place::of_region(&inner);
                    rest = rest.get(len..).unwrap_or("");
                }
                _ => break,
            }
        }
        (place, rest) = nested_unlisted_place(place, rest);
        if let Some((town, len)) = town_prefix(rest) {
            place = Place::town(town, &place);
            rest = rest.get(len..).unwrap_or("");
        }
        return Some((place, rest));
    }
    if let Some(found) = relative_place(text, near) {
        return Some(found);
    }
    let (place, rest) = unlisted_place(text)?;
    let (mut place, mut rest) = nested_unlisted_place(place, rest);
    // 资江县梅溪镇: a 镇 under a county the gazetteer does not list.
    if place.level == Some(Level::County)
        && let Some((town, len)) = town_prefix(rest)
    {
        place = Place { guessed: true, ..Place::town(town, &place) };
        rest = rest.get(len..).unwrap_or("");
        return Some((place, rest));
    }
    // A 镇 or 街道 named without its county, in a draft about that county (台城街道办事处 in a
    // 台山市 document): the county is the only sensible parent.
    if place.is_town()
        && let Some(around) = near.and_then(|code| gazetteer().get(code)).map(Place::of_region)
        && around.governs_towns()
    {
        place = Place { guessed: true, ..Place::town(&place.label, &around) };
    }
    Some((place, rest))
}

/// 天津市津南源区, 河北省示例源市, 秦皇源市山海关源区: a division the gazetteer does not list,
/// inside `outer`. It answers to the outer government where no tier can lie between. An unlisted
/// `X市` holding a 县 or 区 is a 地级市 (a 县级市 holds neither).
fn nested_unlisted_place(outer: Place, rest: &str) -> (Place, &str) {
    if town_prefix(rest).is_some() {
        return (outer, rest);
    }
    let Some((inner, inner_rest)) = unlisted_place(rest) else { return (outer, rest) };
    let Some(inner_level) = inner.level.filter(|&l| l < Level::Township) else { return (outer, rest) };
    let outer_level = match outer.level {
        Some(level) => level,
        None if outer.code.is_none() && outer.label.ends_with('市') && inner_level == Level::County => {
            Level::Prefecture
        }
        None => return (outer, rest),
    };
    if inner_level <= outer_level {
        return (outer, rest);
    }
    let directly_under = match (inner_level, outer_level) {
        (Level::County, Level::Prefecture) => true,
        (Level::County, Level::Province) => outer.code.is_some_and(|c| gazetteer().counties_mostly_direct(c)),
        (Level::Prefecture, Level::Province) => true,
        _ => false,
    };
    let outer = Place { level: Some(outer_level), ..outer };
    let mut place = Place {
        label: format!("{}{}", outer.label, inner.label),
        upper_government: directly_under.then(|| outer.government()),
        upper_party: directly_under.then(|| outer.party()),
        ..Place::named(&inner.label, Some(inner_level))
    };
    place.guessed = true;
    (place, inner_rest)
}

fn town_prefix(text: &str) -> Option<(&str, usize)> {
    let caps = TOWN.captures(text)?;
    let stem = caps.get(1)?.as_str();
    let whole = caps.get(0)?;
    let unit = caps.get(2)?.as_str();
    // 城乡 is a word, 会城街道 and 台城街道 are places.
    if (unit == "乡" && stem.ends_with('城')) || stem.contains('各') {
        return None;
    }
    // A 街道 named after the old 镇 (虢镇街道): the 街道 is the unit.
    if unit != "街道" && text[whole.end()..].starts_with("街道") {
        let end = whole.end() + "街道".len();
        return Some((&text[..end], end));
    }
    Some((whole.as_str(), whole.end()))
}

fn relative_place(text: &str, near: Option<u32>) -> Option<(Place, &str)> {
    let word = RELATIVE_WORDS.iter().find(|w| text.starts_with(**w))?;
    let rest = text.get(word.len()..)?;
    if rest.is_empty() || rest.starts_with(NOT_AFTER_RELATIVE_WORD) {
        return None;
    }
    let g = gazetteer();
    let resolved = near.and_then(|code| g.get(code)).and_then(|near| {
        g.self_and_ancestors(near).into_iter().find(|region| relative_word_fits(word, region)).copied()
    });
    let place = match resolved {
        Some(region) => Place::of_region(&region),
        None => Place {
            label: word.to_string(),
            region: None,
            code: None,
            level: relative_word_level(word),
            upper_government: None,
            upper_party: None,
            unresolved: true,
            guessed: false,
        },
    };
    Some((place, rest))
}

fn relative_word_fits(word: &str, region: &Region) -> bool {
    let ends = |suffix: &str| region.name.ends_with(suffix);
    match word {
        "省" => region.level == Level::Province && ends("省"),
        "自治区" => region.level == Level::Province && ends("自治区"),
        // 市 is whichever city the text is in: a county-level 台山市 calls itself 市 too.
        "市" => ends("市"),
        "州" | "自治州" => region.level == Level::Prefecture && ends("州"),
        "盟" => ends("盟"),
        "县" => region.level == Level::County && ends("县"),
        "区" => region.level == Level::County && ends("区"),
        "旗" => ends("旗"),
        _ => false,
    }
}

/// The tier a relative word implies on its own; 市 does not say (地级市 or 县级市).
fn relative_word_level(word: &str) -> Option<Level> {
    match word {
        "省" | "自治区" => Some(Level::Province),
        "州" | "自治州" | "盟" => Some(Level::Prefecture),
        "县" | "区" | "旗" => Some(Level::County),
        "镇" | "乡" => Some(Level::Township),
        _ => None,
    }
}

/// What follows a place's name when the name stands for the place: its organs.
const ORGANS_OF_A_PLACE: [&str; 8] = ["人民政府", "政府", "行政公署", "行署", "委", "党委", "人大", "政协"];

/// Whether `rest`, after `stem` + 州, makes the 州 a place: its organs (大理源州人民政府), a
/// department of it (黔东源州卫生健康委员会) or a county in it (黔东源州台江源县).
fn follows_a_zhou(stem: &str, rest: &str) -> bool {
    ORGANS_OF_A_PLACE.iter().any(|b| rest.starts_with(b))
        || stem.chars().count() >= 2
            && (ends_with_any(rest, DEPARTMENT_SUFFIXES) && !rest.contains(['县', '市', '区', '镇', '乡'])
                || unlisted_place(rest).is_some_and(|(inner, _)| inner.level == Some(Level::County)))
}

fn unlisted_place(text: &str) -> Option<(Place, &str)> {
    // `大理源州人民政府`: 州 alone ends many words, so a 州 is a place only right before its
    // organs (listed ones, 杭州 and 大理州, come from the gazetteer).
    if let Some(at) = text.find('州')
        && let stem = &text[..at]
        && (1..=8).contains(&stem.chars().count())
        && stem.chars().all(crate::lang::is_han)
        && !stem.contains(['省', '市', '县', '区', '镇', '乡', '各', '全', '本'])
        && follows_a_zhou(stem, &text[at + '州'.len_utf8()..])
    {
        let end = at + '州'.len_utf8();
        let mut place = Place::named(&text[..end], Some(Level::Prefecture));
        place.guessed = true;
        return Some((place, &text[end..]));
    }
    let caps = UNLISTED_PLACE.captures(text)?;
    let stem = caps.get(1)?.as_str();
    let mut unit = caps.get(2)?.as_str();
    let mut whole = &text[..caps.get(0)?.end()];
    // A 街道 named after the old 镇 (虢镇街道): the 街道 is the unit.
    if unit == "镇" && text[whole.len()..].starts_with("街道") {
        unit = "街道";
        whole = &text[..whole.len() + "街道".len()];
    }
    let rest = text.get(whole.len()..)?;
    // Right before the organs of the place, a name is a name: 江城市人民政府, 大理源州人民政府.
    let organ_follows = ORGANS_OF_A_PLACE.iter().any(|b| rest.starts_with(b));
    let blocked_stem = stem.starts_with(['各', '全', '本'])
        || stem.contains("有关")
        // 乡镇, 县区, 市区: words for kinds of area, not names.
        || matches!(stem, "乡" | "镇" | "县" | "市" | "区")
        || (matches!(unit, "乡" | "市" | "区") && stem.ends_with('城') && !(organ_follows && stem.chars().count() >= 2))
        || (unit == "区" && stem.ends_with(['园', '新', '发', '片', '景', '税', '验', '范', '社', '校', '矿', '理', '作', '济', '业', '游', '护', '务', '贸']));
    if blocked_stem || rest.starts_with(NOT_AFTER_RELATIVE_WORD) {
        return None;
    }
    let level = match unit {
        "省" | "自治区" | "特别行政区" => Some(Level::Province),
        "自治州" | "地区" | "盟" => Some(Level::Prefecture),
        "县" | "自治县" | "旗" | "区" => Some(Level::County),
        "镇" | "乡" | "街道" => Some(Level::Township),
        _ => None,
    };
    let mut place = Place::named(whole, level);
    place.guessed = true;
    Some((place, rest))
}

// ---------------------------------------------------------------------------------------------
// 新疆生产建设兵团: 兵团 (省级), 师 (地级, often one with a city: 第八师石河子市), 团 (县级), 连.

const CORPS: &str = "新疆生产建设兵团";
static DIVISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(第[一二三四五六七八九十]{1,3}师)(?:\p{Han}{2,4}?市)?").expect("valid regex"));
static REGIMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:第?[一二三四五六七八九十〇零0-9]{1,4}团(?:场)?)").expect("valid regex"));

/// The 兵团's organs: it leads its 师, a 师 its 团. They answer for their areas as governments do.
fn corps(norm: &str) -> Option<Parsed> {
    // An organ of the 兵团 at `level`, led by `parent`.
    let organ = |name: String, kind: OrgKind, level: Option<Level>, parent: Option<String>| {
        let mut org = Org::new(name, kind);
        org.level = level;
        org.parent = parent;
        org
    };
    let after_corps = norm.strip_prefix(CORPS);
    let rest = after_corps.unwrap_or(norm);
    let mut leader: Option<Org> =
        after_corps.map(|_| organ(CORPS.to_string(), OrgKind::Government, Some(Level::Province), None));
    let mut tail = rest;
    if let Some(division) = DIVISION.captures(rest) {
        let name = format!("{CORPS}{}", &division[1]);
        leader = Some(organ(name, OrgKind::Government, Some(Level::Prefecture), Some(CORPS.to_string())));
        tail = &rest[division.get(0)?.end()..];
    }
    if let Some(regiment) = REGIMENT.find(tail) {
        // 一四九团 without its 师: a 团, but whose is not said.
        let parent = leader.map(|l| l.name);
        let name = format!("{}{}", parent.as_deref().unwrap_or(""), regiment.as_str());
        leader = Some(organ(name, OrgKind::Government, Some(Level::County), parent));
        tail = &tail[regiment.end()..];
    }
    let leader = leader?;
    match tail {
        "" | "机关" | "党委" => Some(Parsed::plain(leader)),
        "办公厅" | "办公室" => Some(Parsed::plain(organ(
            format!("{}{tail}", leader.name),
            OrgKind::GeneralOffice,
            leader.level,
            Some(leader.name),
        ))),
        _ if ends_with_any(tail, &["局", "委员会", "委", "办"]) && tail.chars().count() >= 2 => {
            let org = organ(format!("{}{tail}", leader.name), OrgKind::Department, leader.level, Some(leader.name));
            Some(Parsed { org, function: Some(function_of(tail)) })
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Bodies

/// Central organs written in full or in their usual short forms: (as written, canonical name,
/// kind, parent).
const CENTRAL_ORGANS: &[(&str, &str, OrgKind, Option<&str>)] = &[
    ("国务院", "国务院", OrgKind::Government, None),
    ("中华人民共和国国务院", "国务院", OrgKind::Government, None),
    ("国务院办公厅", "国务院办公厅", OrgKind::GeneralOffice, Some("国务院")),
    ("中共中央", "中共中央", OrgKind::PartyCommittee, None),
    ("党中央", "中共中央", OrgKind::PartyCommittee, None),
    ("中国共产党中央委员会", "中共中央", OrgKind::PartyCommittee, None),
    ("中共中央办公厅", "中共中央办公厅", OrgKind::GeneralOffice, Some("中共中央")),
    ("全国人大常委会", "全国人大常委会", OrgKind::PeoplesCongress, None),
    ("全国人民代表大会常务委员会", "全国人大常委会", OrgKind::PeoplesCongress, None),
    ("全国人大常委会办公厅", "全国人大常委会办公厅", OrgKind::GeneralOffice, Some("全国人大常委会")),
    ("全国政协", "全国政协", OrgKind::Cppcc, None),
    ("中国人民政治协商会议全国委员会", "全国政协", OrgKind::Cppcc, None),
    ("全国政协办公厅", "全国政协办公厅", OrgKind::GeneralOffice, Some("全国政协")),
    ("最高人民法院", "最高人民法院", OrgKind::Court, None),
    ("最高人民检察院", "最高人民检察院", OrgKind::Procuratorate, None),
    ("中央纪委国家监委", "中央纪委国家监委", OrgKind::DisciplineCommission, None),
    ("中央纪委", "中央纪委国家监委", OrgKind::DisciplineCommission, None),
    ("国家监委", "中央纪委国家监委", OrgKind::DisciplineCommission, None),
];

/// Central organs, which carry no place in their names.
fn central(norm: &str) -> Option<Parsed> {
    if let Some((_, name, kind, parent)) = CENTRAL_ORGANS.iter().find(|(text, ..)| *text == norm) {
        let mut org = Org::new(name.to_string(), *kind);
        org.level = Some(Level::Central);
        org.parent = parent.map(str::to_string);
        return Some(Parsed::plain(org));
    }
    let central_department = |name: &str, parent: Option<&str>, function: &str| {
        let mut org = Org::new(name.to_string(), OrgKind::Department);
        org.level = Some(Level::Central);
        org.parent = parent.map(str::to_string);
        Some(Parsed { org, function: Some(function_of(function)) })
    };
    if MINISTRIES.contains(&norm) {
        return central_department(norm, Some("国务院"), norm);
    }
    if let Some(tail) = norm.strip_prefix("国务院")
        && ends_with_any(tail, &["委员会", "委", "部", "局", "署", "室"])
    {
        return central_department(norm, Some("国务院"), tail);
    }
    for prefix in ["中共中央", "中央"] {
        if let Some(tail) = norm.strip_prefix(prefix)
            && is_party_department(tail)
        {
            return central_department(&format!("中共中央{tail}"), Some("中共中央"), tail);
        }
    }
    if let Some(caps) = NATIONAL_BUREAU.captures(norm) {
        let tail = caps.get(1).map_or("", |m| m.as_str());
        // 总局/总署 are directly under the 国务院; other 国家局 are run by a ministry.
        let parent = ends_with_any(norm, &["总局", "总署"]).then_some("国务院");
        return central_department(norm, parent, tail);
    }
    None
}

static NATIONAL_BUREAU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^国家([^省市县区镇乡，、]{1,14}?(?:总局|总署|委员会|局|署))$").expect("valid regex"));

/// 国务院组成部门 and the 总署 whose names carry no 国家 or 国务院.
const MINISTRIES: &[&str] = &[
    "外交部",
    "国防部",
    "教育部",
    "科学技术部",
    "工业和信息化部",
    "公安部",
    "国家安全部",
    "民政部",
    "司法部",
    "财政部",
    "人力资源和社会保障部",
    "自然资源部",
    "生态环境部",
    "住房和城乡建设部",
    "交通运输部",
    "水利部",
    "农业农村部",
    "商务部",
    "文化和旅游部",
    "退役军人事务部",
    "应急管理部",
    "审计署",
    "海关总署",
    "中国人民银行",
    "国家发展和改革委员会",
    "国家民族事务委员会",
    "国家卫生健康委员会",
];

/// Names that a prefix puts before the place: 政协江门市委员会, 共青团江门市委, 团市委, and the
/// vertically managed 国家税务总局江门市税务局.
fn prefixed_bodies(norm: &str, near: Option<u32>) -> Option<Parsed> {
    for prefix in ["中国人民政治协商会议", "政协"] {
        let Some(rest) = norm.strip_prefix(prefix) else { continue };
        let Some((place, body)) = locate(rest, near) else { continue };
        let cppcc = place.prefixed("政协");
        return match body {
            "委员会" => Some(Parsed::plain(make(cppcc, OrgKind::Cppcc, Some(&place), None))),
            "委员会办公室" | "委员会办公厅" => {
                let office = format!("{cppcc}{}", body.trim_start_matches("委员会"));
                Some(Parsed::plain(make(office, OrgKind::GeneralOffice, Some(&place), Some(cppcc))))
            }
            _ => None,
        };
    }
    for prefix in ["共青团", "团"] {
        let Some(rest) = norm.strip_prefix(prefix) else { continue };
        let Some((place, "委" | "委员会")) = locate(rest, near) else { continue };
        let name = format!("共青团{}委", place.label);
        return Some(Parsed::plain(make(name, OrgKind::MassOrganization, Some(&place), None)));
    }
    // The central bank's branches are organs led within the bank, not enterprises.
    if let Some(rest) = norm.strip_prefix("中国人民银行")
        && let Some((place, body)) = locate(rest, near)
        && (body.ends_with("分行") || body.ends_with("支行") || body == "营业管理部")
    {
        return Some(Parsed::plain(make(norm.to_string(), OrgKind::Department, Some(&place), None)));
    }
    let caps = VERTICAL_AGENCY.captures(norm)?;
    let rest = caps.get(2)?.as_str();
    let (place, body) = locate(rest, near)?;
    if place.guessed || !ends_with_any(body, &["局", "分局"]) {
        return None;
    }
    // Led from above within its own system, not by the local government: the parent is unknown.
    Some(Parsed {
        org: make(norm.to_string(), OrgKind::Department, Some(&place), None),
        function: Some(function_of(body)),
    })
}

static VERTICAL_AGENCY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(国家\p{Han}{1,12}?总局)(.+)$").expect("valid regex"));

const DISCIPLINE_FORMS: &[&str] =
    &["纪委监委", "纪委", "监委", "纪律检查委员会", "监察委员会", "纪委监察委员会", "纪律检查委员会监察委员会"];

const GOVERNMENT_OFFICE_FORMS: &[&str] =
    &["人民政府办公室", "人民政府办公厅", "人民政府办", "政府办公室", "政府办公厅", "政府办", "府办", "府办公室"];

const CONGRESS_FORMS: &[&str] = &["人大常委会", "人民代表大会常务委员会", "人大常委", "人大"];

const MASS_ORGANIZATIONS: &[&str] = &[
    "总工会",
    "工会",
    "妇联",
    "妇女联合会",
    "科协",
    "科学技术协会",
    "文联",
    "文学艺术界联合会",
    "侨联",
    "归国华侨联合会",
    "残联",
    "残疾人联合会",
    "工商联",
    "工商业联合会",
    "红十字会",
    "社科联",
    "社会科学界联合会",
    "作协",
    "作家协会",
    "团委",
    "总商会",
    "法学会",
    "记者协会",
    "记协",
    "青年联合会",
    "青联",
    "台湾同胞联谊会",
    "台联",
    "计划生育协会",
    "对外友好协会",
    "友协",
];

/// How the names of 议事协调机构 end.
const COORDINATION_BODIES: &[&str] = &["领导小组", "指挥部", "联席会议", "工作小组", "领导小组办公室", "指挥部办公室"];

/// How enterprise names end: 有限公司, 股份有限公司, 集团, 机械厂, and banks with their branches
/// (中国工商银行江门分行). The 中国人民银行's branches are organs, read before these.
const ENTERPRISE_ENDINGS: &[&str] = &["公司", "集团", "厂", "银行", "分行", "支行"];

/// How the names of 社会团体 and 基金会 end. The 群团 among them (总工会, 妇联, 科协, 残联, 作协 …)
/// are matched first, as `MASS_ORGANIZATIONS`.
const SOCIAL_ORGANIZATION_ENDINGS: &[&str] =
    &["协会", "学会", "商会", "基金会", "研究会", "联合会", "促进会", "联谊会", "同学会"];

static VILLAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{1,8}?)(村民委员会|村委会|社区居民委员会|社区居委会|居民委员会|居委会|社区|村)$")
        .expect("valid regex")
});

/// 石头村村民委员会, 石头村委会, 石头村, 东湖社区居委会, 东湖社区 after a 镇 or 街道; the long forms
/// (…村民委员会, …居民委员会, …居委会) anywhere. A bare “X村” or “X社区” with no 镇 before it is
/// too common a word to be taken for an organ.
fn residents_committee(rest: &str, place: Option<&Place>) -> Option<Org> {
    let caps = VILLAGE.captures(rest)?;
    let (stem, unit) = (caps.get(1)?.as_str(), caps.get(2)?.as_str());
    let in_town = place.is_some_and(Place::is_town);
    if matches!(unit, "村" | "社区") && !in_town {
        return None;
    }
    let name = match unit {
        // A 嘎查 is Inner Mongolia's 村: 巴音敖包嘎查村民委员会.
        "村民委员会" | "村委会" if stem.ends_with("嘎查") => format!("{stem}村民委员会"),
        "村民委员会" | "村委会" | "村" => format!("{}村村民委员会", stem.trim_end_matches('村')),
        "社区居民委员会" | "社区居委会" | "社区" => {
            format!("{}社区居民委员会", stem.trim_end_matches("社区"))
        }
        _ => format!("{stem}居民委员会"),
    };
    let mut org = make(format!("{}{name}", label_of(place)), OrgKind::ResidentsCommittee, place, None);
    // Guided (村民委员会组织法第五条, 城市居民委员会组织法第二条), not led; and below every tier.
    org.level = None;
    if let Some(town) = place.filter(|p| p.is_town()) {
        org.guided_by = vec![town.government()];
    }
    Some(org)
}

/// Party departments named after “X委”: 市委组织部, 市委政法委, 市委编办 …
const PARTY_DEPARTMENTS: &[&str] = &[
    "组织部",
    "宣传部",
    "统战部",
    "统一战线工作部",
    "社会工作部",
    "对外联络部",
    "政法委员会",
    "政法委",
    "政策研究室",
    "政研室",
    "机构编制委员会办公室",
    "编办",
    "网络安全和信息化委员会办公室",
    "网信办",
    "外事工作委员会办公室",
    "外办",
    "台湾工作办公室",
    "台办",
    "老干部局",
    "党校",
    "党史研究室",
    "机要局",
    "保密委员会办公室",
    "保密办",
    "巡察工作领导小组办公室",
    "巡察办",
    "农村工作领导小组办公室",
    "农办",
    "直属机关工作委员会",
    "直属机关工委",
    "金融委员会办公室",
    "全面深化改革委员会办公室",
    "改革办",
    "审计委员会办公室",
];

/// Standard abbreviations of department names, expanded so that both spellings compare equal.
const DEPARTMENT_ABBREVIATIONS: &[(&str, &str)] = &[
    ("发改委", "发展和改革委员会"),
    ("发改局", "发展和改革局"),
    ("发展改革委", "发展和改革委员会"),
    ("发展改革委员会", "发展和改革委员会"),
    ("发展改革局", "发展和改革局"),
    ("卫健委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"),
    ("人社局", "人力资源和社会保障局"),
    ("人社厅", "人力资源和社会保障厅"),
    ("住建局", "住房和城乡建设局"),
    ("住建厅", "住房和城乡建设厅"),
    ("工信局", "工业和信息化局"),
    ("工信厅", "工业和信息化厅"),
    ("科技局", "科学技术局"),
    ("科技厅", "科学技术厅"),
    ("市监局", "市场监督管理局"),
    ("交通局", "交通运输局"),
    ("医保局", "医疗保障局"),
    ("应急局", "应急管理局"),
    ("退役军人局", "退役军人事务局"),
    ("政数局", "政务服务数据管理局"),
    ("国资委", "国有资产监督管理委员会"),
    ("民宗局", "民族宗教事务局"),
    ("文广旅体局", "文化广电旅游体育局"),
    ("文旅局", "文化和旅游局"),
    ("文旅厅", "文化和旅游厅"),
    ("教体局", "教育体育局"),
    ("教科局", "教育科学技术局"),
    ("教科体局", "教育科学体育局"),
];

/// Functions run from above within their own system (垂直管理): a 江门市税务局 is led by the
/// 国家税务总局广东省税务局, not by the 江门市人民政府.
const VERTICAL_FUNCTIONS: &[&str] =
    &["税务", "气象", "邮政管理", "烟草专卖", "海事", "国家安全", "统计调查", "金融监督管理", "外汇管理", "海关"];

const DEPARTMENT_SUFFIXES: &[&str] = &["委员会", "局", "厅", "署", "委"];

/// How the name of an area run by a 管理委员会 ends: 开发区, 管理区, 新区, 新城, 工业园, 港区 …
/// (城市管理委员会 and 国有资产监督管理委员会 are departments: 城市, 监督 are not areas).
const AREA_ENDINGS: &[&str] = &["区", "新城", "园", "岛", "港"];

fn expand_department(name: &str) -> String {
    DEPARTMENT_ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == name)
        .map_or_else(|| name.to_string(), |(_, full)| full.to_string())
}

/// The function a department name states: 教育局 → 教育, 发展和改革委员会 → 发展和改革.
fn function_of(department: &str) -> String {
    let expanded = expand_department(department);
    let mut stem = expanded.trim_start_matches("人民政府").to_string();
    for suffix in ["委员会", "总局", "总署", "局", "厅", "署", "委", "部"] {
        if let Some(s) = stem.strip_suffix(suffix)
            && !s.is_empty()
        {
            stem = s.to_string();
            break;
        }
    }
    stem
}

fn ends_with_any(text: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|s| text.ends_with(s) && text.len() > s.len())
}

fn is_party_department(tail: &str) -> bool {
    PARTY_DEPARTMENTS.contains(&tail)
        || (ends_with_any(tail, &["部", "工作委员会", "工委"]) && tail.chars().count() <= 8)
}

/// A department name followed by one of its units: 教育局办公室, 司法局法制科, 卫健委办公室.
fn split_department_unit(text: &str) -> Option<(&str, &str)> {
    for (start, _) in text.char_indices() {
        let Some(tail) = text.get(start..) else { continue };
        for suffix in DEPARTMENT_SUFFIXES {
            if !tail.starts_with(suffix) {
                continue;
            }
            let end = start + suffix.len();
            let (Some(department), Some(unit)) = (text.get(..end), text.get(end..)) else {
                continue;
            };
            if department.chars().count() >= 2 && is_unit_name(unit) {
                return Some((department, unit));
            }
            if *suffix == "委员会" {
                // Not also “委” + “员会…”.
                break;
            }
        }
    }
    None
}

fn is_unit_name(unit: &str) -> bool {
    let chars = unit.chars().count();
    (1..=12).contains(&chars)
        && (is_internal_unit_name(unit) || ends_with_any(unit, &["中心", "所", "站", "队", "分局", "院", "馆"]))
}

fn is_internal_unit_name(unit: &str) -> bool {
    unit == "办公室" || ends_with_any(unit, &["科", "处", "股", "室"])
}

/// Everything after the place (and an optional 中共).
fn body(party: bool, place: Option<&Place>, rest: &str) -> Option<Parsed> {
    let label = label_of(place);
    let plain = |org| Some(Parsed::plain(org));

    if DISCIPLINE_FORMS.contains(&rest) {
        return plain(make(format!("{label}纪委监委"), OrgKind::DisciplineCommission, place, None));
    }

    if let Some(place) = place
        && let Some(parsed) = party_body(party, place, rest)
    {
        return Some(parsed);
    }
    // 市妇女联合会党组, 市财政局党组（党委）: the party group of an organ, led by the place's
    // party committee, whose organ it speaks for in party matters.
    if let Some(organ) = ["党组（党委）", "党组", "党委（党组）"].iter().find_map(|s| rest.strip_suffix(s))
        && organ.chars().count() >= 2
        && let Some(place) = place
    {
        let parent = place.party();
        return plain(make(format!("{label}{rest}"), OrgKind::Department, Some(place), Some(parent)));
    }
    if party {
        return None;
    }

    if let Some(place) = place {
        // A 镇 or 街道 named on its own stands for its government (顺庆区潆溪街道).
        let bare_town = rest.is_empty() && place.is_town();
        // A 盟's or 地区's 行政公署 is the government there (as the province's agency).
        let agency = matches!(rest, "行政公署" | "行署") && place.level == Some(Level::Prefecture);
        if matches!(rest, "人民政府" | "政府")
            || (rest == "办事处" && place.label.ends_with("街道"))
            || bare_town
            || agency
        {
            let parent = place.upper_government.clone();
            return plain(make(place.government(), OrgKind::Government, Some(place), parent));
        }
        if GOVERNMENT_OFFICE_FORMS.contains(&rest) {
            let office = if rest.ends_with("办公厅")
                || (!rest.ends_with("办公室") && place.level == Some(Level::Province))
            {
                "办公厅"
            } else {
                "办公室"
            };
            let government = place.government();
            let name = format!("{government}{office}");
            return plain(make(name, OrgKind::GeneralOffice, Some(place), Some(government)));
        }
        if let Some(tail) = rest.strip_prefix("人民政府").or_else(|| rest.strip_prefix("政府"))
            && !tail.is_empty()
        {
            let government = place.government();
            let name = format!("{government}{tail}");
            // 人民政府办公室秘书科: a unit of the government's office.
            if let Some((office, unit)) = ["办公室", "办公厅"]
                .iter()
                .find_map(|o| tail.strip_prefix(o).map(|unit| (*o, unit)))
                .filter(|(_, unit)| is_internal_unit_name(unit))
            {
                let office = format!("{government}{office}");
                return plain(make(format!("{office}{unit}"), OrgKind::InternalUnit, Some(place), Some(office)));
            }
            if tail == "研究室" || ends_with_any(tail, &["委员会", "局", "办公室", "研究室"]) {
                let org = make(name, OrgKind::Department, Some(place), Some(government));
                return Some(Parsed { org, function: Some(function_of(tail)) });
            }
            return plain(make(name, OrgKind::Unknown, Some(place), Some(government)));
        }
    }

    // A committee of the 人民代表大会 (财政经济委员会, 法制委员会) works under its 常委会 between
    // sessions; it is no department of the government.
    if let Some(committee) =
        rest.strip_prefix("人民代表大会").filter(|c| c.ends_with("委员会") && !c.starts_with("常务"))
    {
        let congress = format!("{label}人大常委会");
        return plain(make(format!("{label}人民代表大会{committee}"), OrgKind::Unknown, place, Some(congress)));
    }
    if let Some((form, office)) = CONGRESS_FORMS.iter().find_map(|f| Some((*f, rest.strip_prefix(f)?))) {
        let congress = format!("{label}人大常委会");
        return match office {
            "" => plain(make(congress, OrgKind::PeoplesCongress, place, None)),
            "办公室" | "办公厅" => {
                let name = format!("{congress}{office}");
                plain(make(name, OrgKind::GeneralOffice, place, Some(congress)))
            }
            // 市人大财政经济委员会 (财经委) is the congress's 专门委员会, named as when written
            // out; the 常委会's own working bodies (法制工作委员会, 法工委, 研究室, 机关) keep
            // the 常委会 in their name.
            _ if form == "人大"
                && (office.ends_with("委员会") && !office.ends_with("工作委员会")
                    || office.ends_with('委') && !office.ends_with("工委"))
                && !office.starts_with('常') =>
            {
                plain(make(format!("{label}人民代表大会{office}"), OrgKind::Unknown, place, Some(congress)))
            }
            _ => plain(make(format!("{congress}{office}"), OrgKind::Unknown, place, Some(congress))),
        };
    }
    if let Some(office) = ["政协委员会", "政协"].iter().find_map(|f| rest.strip_prefix(f)) {
        let cppcc = format!("{label}政协");
        return match office {
            "" => plain(make(cppcc, OrgKind::Cppcc, place, None)),
            "办公室" | "办公厅" => {
                let name = format!("{cppcc}{office}");
                plain(make(name, OrgKind::GeneralOffice, place, Some(cppcc)))
            }
            _ => plain(make(format!("{cppcc}{office}"), OrgKind::Unknown, place, Some(cppcc))),
        };
    }

    if matches!(rest, "中院" | "中级法院" | "高院" | "高级法院" | "法院") || ends_with_any(rest, &["法院"])
    {
        let court = match rest {
            "中院" | "中级法院" => "中级人民法院",
            "高院" | "高级法院" => "高级人民法院",
            "法院" => "人民法院",
            other => other,
        };
        let mut org = make(format!("{label}{court}"), OrgKind::Court, place, None);
        if court.starts_with("中级") {
            org.level = Some(Level::Prefecture);
        } else if court.starts_with("高级") {
            org.level = Some(Level::Province);
        }
        return plain(org);
    }
    if rest == "检察院" || ends_with_any(rest, &["检察院", "检察分院"]) {
        let procuratorate = if rest == "检察院" { "人民检察院" } else { rest };
        return plain(make(format!("{label}{procuratorate}"), OrgKind::Procuratorate, place, None));
    }

    if let Some(committee) = residents_committee(rest, place) {
        return plain(committee);
    }
    // 江门市总工会, and the national ones with no place before them (中华全国总工会, 中国科学技术协会).
    if MASS_ORGANIZATIONS.contains(&rest) && place.is_some()
        || MASS_ORGANIZATIONS.iter().any(|m| m.chars().count() >= 3 && ends_with_any(rest, &[m]))
    {
        return plain(make(format!("{label}{rest}"), OrgKind::MassOrganization, place, None));
    }
    if ends_with_any(rest, COORDINATION_BODIES) {
        return plain(make(format!("{label}{rest}"), OrgKind::CoordinationBody, place, None));
    }

    // The 管理委员会 of an area (屈原管理区管理委员会, 嘉定新城管理委员会, 高新区管委会) is the
    // organ that runs the area — some govern towns in the county's stead — not a 工作部门 of
    // the government: what it may write to whom is not known from the name.
    if let Some(area) = ["管理委员会", "管委会"].iter().find_map(|c| rest.strip_suffix(c))
        && AREA_ENDINGS.iter().any(|e| ends_with_any(area, &[e]))
    {
        return plain(make(format!("{label}{rest}"), OrgKind::Unknown, place, None));
    }
    // A school or hospital named with its place (武侯区棕北小学, 台山市人民医院) sits under that
    // place's education or health department, its 主管部门: writing past it is 越级 (GW202).
    if let Some(place) = place
        && let Some(department) = sector_department(rest)
    {
        // A 镇卫生院 or 镇中心小学 is run by the county's department; towns have none. A
        // 融媒体中心 is run by the party committee's 宣传部.
        let parent = match (place.is_town(), is_party_department(department)) {
            (true, false) => place
                .upper_government
                .as_deref()
                .and_then(|g| g.strip_suffix("人民政府"))
                .map(|county| format!("{county}{department}")),
            (true, true) => place.upper_party.as_deref().map(|county| format!("{county}{department}")),
            (false, false) => Some(format!("{label}{department}")),
            (false, true) => Some(format!("{}{department}", place.party())),
        };
        return plain(make(format!("{label}{rest}"), OrgKind::PublicInstitution, Some(place), parent));
    }
    // A university or college: a public institution whose 主管部门 the name does not settle
    // (the province, a ministry, or the city that founded it).
    if institution_function(rest).is_some() {
        return plain(make(format!("{label}{rest}"), OrgKind::PublicInstitution, place, None));
    }
    if let Some((department, unit)) = split_department_unit(rest) {
        let department = format!("{label}{}", expand_department(department));
        let kind = if is_internal_unit_name(unit) { OrgKind::InternalUnit } else { OrgKind::Unknown };
        return plain(make(format!("{department}{unit}"), kind, place, Some(department)));
    }
    if rest != "委" && ends_with_any(rest, DEPARTMENT_SUFFIXES) {
        let department = expand_department(rest);
        let function = function_of(&department);
        // Vertically managed bureaus answer to their own system, not to the local government.
        let parent = place.map(Place::government).filter(|_| !VERTICAL_FUNCTIONS.contains(&function.as_str()));
        let org = make(format!("{label}{department}"), OrgKind::Department, place, parent);
        return Some(Parsed { org, function: Some(function) });
    }
    if ends_with_any(rest, ENTERPRISE_ENDINGS) {
        return plain(make(format!("{label}{rest}"), OrgKind::Enterprise, place, None));
    }
    if ends_with_any(rest, SOCIAL_ORGANIZATION_ENDINGS) {
        return plain(make(format!("{label}{rest}"), OrgKind::SocialOrganization, place, None));
    }
    if place.is_none() && ends_with_any(rest, &["科", "股", "处"]) && rest.chars().count() <= 8 {
        return plain(Org::new(rest.to_string(), OrgKind::InternalUnit));
    }
    None
}

/// 中共江门市委, 江门市委, 市委办公室, 中共江门市委组织部, 市委组织部干部科.
fn party_body(party: bool, place: &Place, rest: &str) -> Option<Parsed> {
    let committee = place.party();
    if rest == "委" || (party && rest == "委员会") {
        let parent = place.upper_party.clone();
        return Some(Parsed::plain(make(committee, OrgKind::PartyCommittee, Some(place), parent)));
    }
    let tail = if party {
        rest.strip_prefix("委员会").or_else(|| rest.strip_prefix("委"))?
    } else {
        rest.strip_prefix("委")?
    };
    if matches!(tail, "办公室" | "办公厅" | "办") {
        let office = if tail == "办公厅" { "办公厅" } else { "办公室" };
        let name = format!("{committee}{office}");
        return Some(Parsed::plain(make(name, OrgKind::GeneralOffice, Some(place), Some(committee))));
    }
    if is_party_department(tail) {
        let name = format!("{committee}{tail}");
        let org = make(name, OrgKind::Department, Some(place), Some(committee));
        return Some(Parsed { org, function: Some(function_of(tail)) });
    }
    // 市委组织部干部科: a unit of a party department.
    let (department, unit) = PARTY_DEPARTMENTS
        .iter()
        .filter_map(|d| tail.strip_prefix(d).map(|unit| (*d, unit)))
        .find(|(_, unit)| is_internal_unit_name(unit))?;
    let department = format!("{committee}{department}");
    let name = format!("{department}{unit}");
    Some(Parsed::plain(make(name, OrgKind::InternalUnit, Some(place), Some(department))))
}

/// The government (or party committee) of a gazetteer region, as parsing its name would give.
pub(crate) fn region_organ(code: u32, kind: OrgKind) -> Option<Org> {
    let region = gazetteer().get(code)?;
    let place = Place::of_region(region);
    let (name, parent) = match kind {
        OrgKind::Government => (place.government(), place.upper_government.clone()),
        OrgKind::PartyCommittee => (place.party(), place.upper_party.clone()),
        _ => return None,
    };
    Some(make(name, kind, Some(&place), parent))
}

/// Public institutions by what their names end with, and the department of their place that
/// runs them (主管部门). Only bodies whose 主管部门 the name settles: not a 大学 or 学院 (those
/// answer to the province or a ministry), nor a bare 中心.
const SECTOR_INSTITUTIONS: &[(&str, &[&str])] = &[
    ("教育局", &["小学", "中学", "学校", "幼儿园", "中心校", "教师发展中心"]),
    (
        "卫生健康局",
        &[
            "医院",
            "卫生院",
            "妇幼保健院",
            "妇幼保健计划生育服务中心",
            "疾病预防控制中心",
            "疾控中心",
            "急救中心",
            "中心血站",
            "卫生监督所",
            "社区卫生服务中心",
        ],
    ),
    ("民政局", &["敬老院", "福利院", "儿童福利院", "养老院", "救助管理站"]),
    // The shortest name of the function: 文化广电旅游体育局 and 文化和旅游局 both contain it.
    ("文化局", &["图书馆", "文化馆", "博物馆"]),
    ("农业农村局", &["农业技术推广中心", "农技推广中心", "动物疫病预防控制中心"]),
    ("人力资源社会保障局", &["公共就业服务中心", "就业服务中心", "社会保险基金管理中心", "技工学校", "技师学院"]),
    // 县级融媒体中心: run by the party committee's 宣传部.
    ("宣传部", &["融媒体中心"]),
];

/// Universities and colleges: public institutions of education whose 主管部门 the name does
/// not settle. Not a college of a university (its 内设机构), nor the party's and the united
/// front's schools (党校, 行政学院, 社会主义学院), nor an academy of sciences.
const COLLEGES: &[&str] = &["大学", "学院", "高等专科学校"];

/// The function of the department that runs a public institution named `rest` (a school, a
/// hospital, a 融媒体中心, a university …): 教育, 卫生健康, 宣传 ….
pub(crate) fn institution_function(rest: &str) -> Option<String> {
    if let Some(department) = sector_department(rest) {
        return Some(function_of(department));
    }
    let college = COLLEGES.iter().find(|c| ends_with_any(rest, &[c]))?;
    let within = &rest[..rest.len() - college.len()];
    // A 学院 inside a 大学 or 学院 is its unit; a 大学 an academy founded (中国科学院大学,
    // 中国社会科学院大学) is a university.
    let excluded = within.contains("大学")
        || *college != "大学" && within.contains("学院")
        || ["党校", "行政学院", "社会主义学院", "科学院", "干部学院"].iter().any(|e| rest.ends_with(e))
        || rest.contains(['局', '委', '厅', '府', '部']);
    (!excluded).then(|| "教育".to_string())
}

/// The words that end the name of an enterprise or a public institution (支行, 卫生院, 敬老院,
/// 文化馆 …), of two characters or more: what the model knows a unit's name by.
pub(crate) fn unit_endings() -> impl Iterator<Item = &'static str> {
    ENTERPRISE_ENDINGS
        .iter()
        .chain(SECTOR_INSTITUTIONS.iter().flat_map(|(_, endings)| endings.iter()))
        .copied()
        .filter(|w| w.chars().count() >= 2)
}

/// The department that runs a public institution named `rest` (a school, a hospital, a 疾控中心
/// …), when `rest` names one and nothing with an organ in it.
pub(crate) fn sector_department(rest: &str) -> Option<&'static str> {
    // A 高等专科学校 is a college (see `COLLEGES`), not a school of the 教育局's.
    if rest.chars().count() < 2
        || rest.contains(['局', '委', '厅', '府'])
        || rest.contains("大学")
        || rest.ends_with("高等专科学校")
    {
        return None;
    }
    // The bare function is a name too when a place comes before it (区疾病预防控制中心).
    // The longest ending decides: a 技工学校 is the 人社局's, not a 学校 of the 教育局's.
    SECTOR_INSTITUTIONS
        .iter()
        .filter_map(|(department, endings)| {
            endings.iter().filter(|e| rest.ends_with(*e)).map(|e| e.len()).max().map(|len| (len, *department))
        })
        .max_by_key(|&(len, _)| len)
        .map(|(_, department)| department)
}

/// The function of a department name (教育局 → “教育”), `None` for anything else.
pub(crate) fn department_function(name: &str) -> Option<String> {
    let parsed = parse(name, None);
    (parsed.org.kind == OrgKind::Department).then_some(parsed.function).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str) -> Org {
        parse(text, None).org
    }

    fn org_near(text: &str, region: &str) -> Org {
        let code = gazetteer().find(region, None).map(|r| r.code);
        parse(text, code).org
    }

    #[track_caller]
    fn check(org: &Org, name: &str, kind: OrgKind, level: Option<Level>, parent: Option<&str>) {
        assert_eq!(org.name, name, "{org:?}");
        assert_eq!(org.kind, kind, "{org:?}");
        assert_eq!(org.level, level, "{org:?}");
        assert_eq!(org.parent.as_deref(), parent, "{org:?}");
    }

    use Level::{Central, County, Prefecture, Province, Township};
    use OrgKind::*;

    #[test]
    fn normalising_drops_spaces_and_trailing_marks() {
        assert_eq!(normalize(" 江门市 人民政府："), "江门市人民政府");
        assert_eq!(normalize("各县(市、区)人民政府，"), "各县（市、区）人民政府");
        assert_eq!(normalize("市检察院。"), "市检察院");
        assert_eq!(normalize("　"), "");
    }

    #[test]
    fn area_committees_are_no_departments() {
        for text in
            ["岳阳市屈原管理区管理委员会", "嘉定新城管理委员会", "江门高新区管委会", "示例市经济技术开发区管理委员会"]
        {
            assert_eq!(org(text).kind, Unknown, "{text}");
        }
        for text in ["江门市城市管理委员会", "江门市国有资产监督管理委员会"] {
            assert_eq!(org(text).kind, Department, "{text}");
        }
    }

    #[test]
    fn central_organs() {
        check(&org("国务院"), "国务院", Government, Some(Central), None);
        check(&org("国务院办公厅"), "国务院办公厅", GeneralOffice, Some(Central), Some("国务院"));
        check(&org("党中央"), "中共中央", PartyCommittee, Some(Central), None);
        check(&org("教育部"), "教育部", Department, Some(Central), Some("国务院"));
        check(&org("国家税务总局"), "国家税务总局", Department, Some(Central), Some("国务院"));
        check(&org("中央组织部"), "中共中央组织部", Department, Some(Central), Some("中共中央"));
        check(&org("最高人民法院"), "最高人民法院", Court, Some(Central), None);
    }

    #[test]
    fn governments_take_their_level_and_parent_from_the_gazetteer() {
        check(&org("广东省人民政府"), "广东省人民政府", Government, Some(Province), Some("国务院"));
        check(
            &org("广东省人民政府办公厅"),
            "广东省人民政府办公厅",
            GeneralOffice,
            Some(Province),
            Some("广东省人民政府"),
        );
        check(&org("江门市人民政府"), "江门市人民政府", Government, Some(Prefecture), Some("广东省人民政府"));
        check(&org("台山市人民政府"), "台山市人民政府", Government, Some(County), Some("江门市人民政府"));
        check(&org("蓬江区人民政府"), "蓬江区人民政府", Government, Some(County), Some("江门市人民政府"));
        check(&org("江门市新会区人民政府"), "新会区人民政府", Government, Some(County), Some("江门市人民政府"));
        check(
            &org("江门市人民政府办公室"),
            "江门市人民政府办公室",
            GeneralOffice,
            Some(Prefecture),
            Some("江门市人民政府"),
        );
        let taishan = org("台山市人民政府");
        assert_eq!(taishan.region.as_deref(), Some("台山市"));
        assert_eq!(taishan.region_code, Some(440781));
    }

    #[test]
    fn party_committees_and_their_offices() {
        for text in ["中共江门市委", "江门市委", "中共江门市委员会", "中国共产党江门市委员会"]
        {
            check(&org(text), "中共江门市委", PartyCommittee, Some(Prefecture), Some("中共广东省委"));
        }
        check(&org("中共江门市委办公室"), "中共江门市委办公室", GeneralOffice, Some(Prefecture), Some("中共江门市委"));
        check(&org("江门市委组织部"), "中共江门市委组织部", Department, Some(Prefecture), Some("中共江门市委"));
        check(&org("中共台山市委"), "中共台山市委", PartyCommittee, Some(County), Some("中共江门市委"));
        check(&org("中共广东省委"), "中共广东省委", PartyCommittee, Some(Province), Some("中共中央"));
    }

    #[test]
    fn congress_cppcc_courts_procuratorates_and_discipline() {
        check(&org("江门市人大常委会"), "江门市人大常委会", PeoplesCongress, Some(Prefecture), None);
        check(&org("江门市人民代表大会常务委员会"), "江门市人大常委会", PeoplesCongress, Some(Prefecture), None);
        check(&org("江门市政协"), "江门市政协", Cppcc, Some(Prefecture), None);
        check(&org("政协江门市委员会"), "江门市政协", Cppcc, Some(Prefecture), None);
        check(&org("江门市中级人民法院"), "江门市中级人民法院", Court, Some(Prefecture), None);
        check(&org("台山市人民法院"), "台山市人民法院", Court, Some(County), None);
        check(&org("江门市人民检察院"), "江门市人民检察院", Procuratorate, Some(Prefecture), None);
        check(&org("江门市检察院"), "江门市人民检察院", Procuratorate, Some(Prefecture), None);
        check(&org("江门市纪委监委"), "江门市纪委监委", DisciplineCommission, Some(Prefecture), None);
        check(&org("中共江门市纪委"), "江门市纪委监委", DisciplineCommission, Some(Prefecture), None);
        check(&org("江门市总工会"), "江门市总工会", MassOrganization, Some(Prefecture), None);
        check(&org("共青团江门市委"), "共青团江门市委", MassOrganization, Some(Prefecture), None);
    }

    #[test]
    fn departments_share_their_governments_level() {
        check(&org("江门市教育局"), "江门市教育局", Department, Some(Prefecture), Some("江门市人民政府"));
        check(&org("台山市教育局"), "台山市教育局", Department, Some(County), Some("台山市人民政府"));
        check(&org("广东省教育厅"), "广东省教育厅", Department, Some(Province), Some("广东省人民政府"));
        check(&org("江门市发展和改革局"), "江门市发展和改革局", Department, Some(Prefecture), Some("江门市人民政府"));
        check(&org("江门市卫健委"), "江门市卫生健康委员会", Department, Some(Prefecture), Some("江门市人民政府"));
        check(
            &org("江门市人民政府国有资产监督管理委员会"),
            "江门市人民政府国有资产监督管理委员会",
            Department,
            Some(Prefecture),
            Some("江门市人民政府"),
        );
        assert_eq!(parse("台山市教育局", None).function.as_deref(), Some("教育"));
        assert_eq!(department_function("广东省教育厅").as_deref(), Some("教育"));
        assert_eq!(department_function("江门市发改局").as_deref(), Some("发展和改革"));
        assert_eq!(department_function("江门市人民政府"), None);
    }

    #[test]
    fn a_departments_office_is_an_internal_unit_not_a_general_office() {
        check(&org("江门市教育局办公室"), "江门市教育局办公室", InternalUnit, Some(Prefecture), Some("江门市教育局"));
        check(&org("江门市司法局法制科"), "江门市司法局法制科", InternalUnit, Some(Prefecture), Some("江门市司法局"));
        check(
            &org("江门市卫生健康委员会办公室"),
            "江门市卫生健康委员会办公室",
            InternalUnit,
            Some(Prefecture),
            Some("江门市卫生健康委员会"),
        );
        check(
            &org("广东省教育厅基础教育处"),
            "广东省教育厅基础教育处",
            InternalUnit,
            Some(Province),
            Some("广东省教育厅"),
        );
        check(&org("台山市财政局预算股"), "台山市财政局预算股", InternalUnit, Some(County), Some("台山市财政局"));
        check(&org("市委组织部干部科"), "市委组织部干部科", InternalUnit, None, Some("市委组织部"));
    }

    #[test]
    fn abbreviations_resolve_against_the_context_region() {
        check(&org_near("市政府", "江门市"), "江门市人民政府", Government, Some(Prefecture), Some("广东省人民政府"));
        check(&org_near("市政府", "台山市"), "台山市人民政府", Government, Some(County), Some("江门市人民政府"));
        check(&org_near("市政府", "蓬江区"), "江门市人民政府", Government, Some(Prefecture), Some("广东省人民政府"));
        check(&org_near("区政府", "蓬江区"), "蓬江区人民政府", Government, Some(County), Some("江门市人民政府"));
        check(&org_near("省政府", "台山市"), "广东省人民政府", Government, Some(Province), Some("国务院"));
        check(&org_near("市委", "江门市"), "中共江门市委", PartyCommittee, Some(Prefecture), Some("中共广东省委"));
        check(
            &org_near("市府办", "江门市"),
            "江门市人民政府办公室",
            GeneralOffice,
            Some(Prefecture),
            Some("江门市人民政府"),
        );
        check(&org_near("市教育局", "台山市"), "台山市教育局", Department, Some(County), Some("台山市人民政府"));
        check(
            &org_near("市人大常委会办公室", "江门市"),
            "江门市人大常委会办公室",
            GeneralOffice,
            Some(Prefecture),
            Some("江门市人大常委会"),
        );
        check(&org_near("市中级人民法院", "江门市"), "江门市中级人民法院", Court, Some(Prefecture), None);
        // A district shared by several cities resolves near the context.
        check(
            &org_near("鼓楼区人民政府", "玄武区"),
            "南京市鼓楼区人民政府",
            Government,
            Some(County),
            Some("南京市人民政府"),
        );
    }

    #[test]
    fn abbreviations_without_context_keep_only_what_the_word_says() {
        check(&org("市政府"), "市人民政府", Government, None, None);
        check(&org("县政府"), "县人民政府", Government, Some(County), None);
        check(&org("区政府"), "区人民政府", Government, Some(County), None);
        check(&org("省政府"), "省人民政府", Government, Some(Province), None);
        check(&org("市委"), "市委", PartyCommittee, None, None);
        check(&org("市府办"), "市人民政府办公室", GeneralOffice, None, Some("市人民政府"));
        check(&org("市教育局"), "市教育局", Department, None, Some("市人民政府"));
        check(&org("鼓楼区人民政府"), "鼓楼区人民政府", Government, Some(County), None);
    }

    /// No town is in the gazetteer: a named town is trusted before a body shaped like one of its
    /// offices (河长制办公室, 综治中心, 财政所), as a listed county is before any body. Words for
    /// kinds of area (乡镇, 小镇) stay no place.
    #[test]
    fn an_unlisted_towns_offices() {
        for (name, region) in [
            ("与儿街镇河长制办公室", "与儿街镇"),
            ("与儿街镇党政办公室", "与儿街镇"),
            ("晏河乡财政所", "晏河乡"),
            ("帽盔山街道综治中心", "帽盔山街道"),
            ("与儿街镇河长办", "与儿街镇"),
            ("与儿街镇党政办", "与儿街镇"),
            ("走马驿镇水利站", "走马驿镇"),
        ] {
            let found = org(name);
            check(&found, name, Unknown, Some(Township), None);
            assert_eq!(found.region.as_deref(), Some(region), "{found:?}");
            assert!(found.is_recognised());
        }
        for name in [
            "小镇建设办公室",
            "乡镇工作办公室",
            "山区开发办公室",
            "与儿街镇某某",
            "与儿街镇所",
            "小镇河长办",
            "与儿街镇办",
            "与儿街镇站",
            "与儿街镇联合举办",
            "与儿街镇长途汽车站",
        ] {
            assert!(!org(name).is_recognised(), "{name}: {:?}", org(name));
        }
    }

    #[test]
    fn towns_and_unlisted_places() {
        check(&org("台山市汶村镇人民政府"), "台山市汶村镇人民政府", Government, Some(Township), Some("台山市人民政府"));
        check(&org("台山市汶村镇"), "台山市汶村镇人民政府", Government, Some(Township), Some("台山市人民政府"));
        check(&org("东莞市虎门镇人民政府"), "东莞市虎门镇人民政府", Government, Some(Township), Some("东莞市人民政府"));
        // 江门市 has counties: which one leads 会城街道 the name does not say.
        check(&org("江门市会城街道办事处"), "江门市会城街道办事处", Government, Some(Township), None);
        check(
            &org_near("台城街道", "台山市"),
            "台山市台城街道办事处",
            Government,
            Some(Township),
            Some("台山市人民政府"),
        );
        check(&org("台山市汶村镇石头村委会"), "台山市汶村镇石头村村民委员会", ResidentsCommittee, None, None);
        // Words for kinds of area are not names.
        assert_eq!(org("乡镇").kind, Unknown);
        assert_eq!(org("各市（区）民政局").kind, Unknown);
        check(&org("示例市教育局"), "示例市教育局", Department, None, Some("示例市人民政府"));
        check(&org("某区人民政府"), "某区人民政府", Government, Some(County), None);
        check(&org("示例市市场监督管理局"), "示例市市场监督管理局", Department, None, Some("示例市人民政府"));
        // Ordinary words that contain a unit word are not places.
        check(&org("住房和城乡建设局"), "住房和城乡建设局", Department, None, None);
        check(&org("市场监督管理局"), "市场监督管理局", Department, None, None);
        assert_eq!(org("示例市某某").region, None);
        // Unlisted inside unlisted: a 区 or 县 inside an unlisted 市 or 州.
        check(
            &org("秦皇源市山海关源区人民政府"),
            "秦皇源市山海关源区人民政府",
            Government,
            Some(County),
            Some("秦皇源市人民政府"),
        );
        check(
            &org("黔东源州台江源县卫生健康局"),
            "黔东源州台江源县卫生健康局",
            Department,
            Some(County),
            Some("黔东源州台江源县人民政府"),
        );
        check(
            &org("黔东源州台江源县人民政府"),
            "黔东源州台江源县人民政府",
            Government,
            Some(County),
            Some("黔东源州人民政府"),
        );
        check(
            &org("黔东源州卫生健康委员会"),
            "黔东源州卫生健康委员会",
            Department,
            Some(Prefecture),
            Some("黔东源州人民政府"),
        );
        // A town's hospital or school is run by its county's department.
        check(
            &org("台山市汶村镇卫生院"),
            "台山市汶村镇卫生院",
            PublicInstitution,
            Some(Township),
            Some("台山市卫生健康局"),
        );
        check(
            &org("资江源县梅溪镇中心小学"),
            "资江源县梅溪镇中心小学",
            PublicInstitution,
            Some(Township),
            Some("资江源县教育局"),
        );
        // The 兵团, its 师 (with or without their city) and 团.
        check(&org("新疆生产建设兵团"), "新疆生产建设兵团", Government, Some(Province), None);
        check(&org("第八师"), "新疆生产建设兵团第八师", Government, Some(Prefecture), Some("新疆生产建设兵团"));
        check(&org("第八师石河子市"), "新疆生产建设兵团第八师", Government, Some(Prefecture), Some("新疆生产建设兵团"));
        check(
            &org("第八师一四九团"),
            "新疆生产建设兵团第八师一四九团",
            Government,
            Some(County),
            Some("新疆生产建设兵团第八师"),
        );
        check(
            &org("第一师阿拉尔市十团"),
            "新疆生产建设兵团第一师十团",
            Government,
            Some(County),
            Some("新疆生产建设兵团第一师"),
        );
        check(&org("一四九团"), "一四九团", Government, Some(County), None);
        check(
            &org("第八师教育局"),
            "新疆生产建设兵团第八师教育局",
            Department,
            Some(Prefecture),
            Some("新疆生产建设兵团第八师"),
        );
        assert_ne!(org("第八师某某公司").kind, Government);
        // A 盟's 行政公署 is its government.
        check(
            &org("锡林郭勒盟行政公署"),
            "锡林郭勒盟人民政府",
            Government,
            Some(Prefecture),
            Some("内蒙古自治区人民政府"),
        );
        // A district the gazetteer does not list, inside a 直辖市 or a 地级市 it does.
        check(
            &org("天津市津南源区人民政府"),
            "天津市津南源区人民政府",
            Government,
            Some(County),
            Some("天津市人民政府"),
        );
        check(
            &org("江门市示例源区教育局"),
            "江门市示例源区教育局",
            Department,
            Some(County),
            Some("江门市示例源区人民政府"),
        );
        check(
            &org("江门市示例源区人民政府"),
            "江门市示例源区人民政府",
            Government,
            Some(County),
            Some("江门市人民政府"),
        );
        // Inside a province the prefecture between is not known.
        check(&org("河北省示例源县人民政府"), "河北省示例源县人民政府", Government, Some(County), None);
    }

    #[test]
    fn ambiguous_suffixes_stay_unknown() {
        for text in [
            "江门市公共资源交易中心",
            "江门市金融工作办",
            "江门市疾病预防控制所",
            "江门市水文站",
            "江门市外事办公室",
            "某某",
        ] {
            assert_eq!(org(text).kind, Unknown, "{text}");
        }
        let centre = org("江门市公共资源交易中心");
        assert_eq!(centre.level, Some(Prefecture));
        assert_eq!(centre.region.as_deref(), Some("江门市"));
        let unit = org("江门市教育局考试中心");
        assert_eq!((unit.kind, unit.parent.as_deref()), (Unknown, Some("江门市教育局")));
        assert_eq!(org("").kind, Unknown);
    }

    #[test]
    fn less_common_forms() {
        check(&org("延边州人民政府"), "延边朝鲜族自治州人民政府", Government, Some(Prefecture), Some("吉林省人民政府"));
        check(&org("新会区会城街道办事处"), "新会区会城街道办事处", Government, Some(Township), Some("新会区人民政府"));
        check(&org("会城街道办事处"), "会城街道办事处", Government, Some(Township), None);
        check(
            &org("江门市人民政府研究室"),
            "江门市人民政府研究室",
            Department,
            Some(Prefecture),
            Some("江门市人民政府"),
        );
        check(
            &org("江门市人民政府办公室秘书科"),
            "江门市人民政府办公室秘书科",
            InternalUnit,
            Some(Prefecture),
            Some("江门市人民政府办公室"),
        );
        check(&org("国务院国资委"), "国务院国资委", Department, Some(Central), Some("国务院"));
        check(&org("国家发展和改革委员会"), "国家发展和改革委员会", Department, Some(Central), Some("国务院"));
        check(&org("国家林业和草原局"), "国家林业和草原局", Department, Some(Central), None);
        check(&org("北京市东城区人民政府"), "东城区人民政府", Government, Some(County), Some("北京市人民政府"));
        check(&org("北京市人民政府"), "北京市人民政府", Government, Some(Province), Some("国务院"));
        check(&org("江门市委政法委"), "中共江门市委政法委", Department, Some(Prefecture), Some("中共江门市委"));
        check(&org("江门市人社局"), "江门市人力资源和社会保障局", Department, Some(Prefecture), Some("江门市人民政府"));
        check(
            &org_near("市市监局", "江门市"),
            "江门市市场监督管理局",
            Department,
            Some(Prefecture),
            Some("江门市人民政府"),
        );
    }

    #[test]
    fn vertical_agencies_have_no_inferred_parent() {
        let tax = org("国家税务总局江门市税务局");
        check(&tax, "国家税务总局江门市税务局", Department, Some(Prefecture), None);
        check(&org("江门市税务局"), "江门市税务局", Department, Some(Prefecture), None);
        check(&org("江门市气象局"), "江门市气象局", Department, Some(Prefecture), None);
    }

    /// `may_name_organ` is a certain “no”: every piece of the seed regulation (rich in organ
    /// names) and of a published 通知 that it refuses reads as no organ of a known kind, with and
    /// without a region to read it in; and it refuses most pieces, or it would spare nothing.
    #[test]
    fn names_the_quick_test_refuses_are_no_organs() {
        let texts = [
            include_str!("../../fixtures/seed/jiangmen-work-rules-2023.txt"),
            include_str!("../../fixtures/published/001-pifu-haiyan-dimingmingming.txt"),
        ];
        let jiangmen = gazetteer().find("江门市", None).map(|r| r.code);
        let (mut refused, mut known) = (0, 0);
        for line in texts.iter().flat_map(|t| t.lines()) {
            // Character boundaries; every piece of one to fourteen characters.
            let bounds: Vec<usize> =
                std::iter::once(0).chain(line.char_indices().map(|(i, c)| i + c.len_utf8())).collect();
            for (j, &end) in bounds.iter().enumerate().skip(1) {
                for &start in &bounds[j.saturating_sub(14)..j] {
                    let piece = &line[start..end];
                    if may_name_organ(piece) {
                        known += usize::from(parse_uncached(piece, jiangmen).org.kind != OrgKind::Unknown);
                        continue;
                    }
                    refused += 1;
                    for near in [None, jiangmen] {
                        let kind = parse_uncached(piece, near).org.kind;
                        assert_eq!(kind, OrgKind::Unknown, "{piece} (near {near:?})");
                    }
                }
            }
        }
        assert!(known >= 100, "only {known} pieces read as organs");
        assert!(refused >= 20 * known, "{refused} refused, {known} organs");
    }
}
