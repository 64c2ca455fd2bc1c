//! Recognising a person where an organ is expected: “王副市长”, “尊敬的李书记”, “市委书记”.
//! GW203 forbids 以本机关名义向上级机关负责人个人报送公文, so these must not pass as organs.

use std::sync::LazyLock;

use regex::Regex;

use super::kind::OrgKind;
use super::name;

/// A configured leader, flattened for matching.
#[derive(Debug, Clone)]
pub(crate) struct KnownLeader {
    pub name: String,
    pub role: String,
    pub org: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonMatch {
    pub title: Option<String>,
    pub name: Option<String>,
    pub org: Option<String>,
}

/// 职务 words, as a regex alternation.
/// `主要领导`, `分管领导`, `主要负责人` (and `主要负责` once a trailing 同志 is cut) name the
/// leader by office rather than by title.
const TITLES: &str = "(?:(?:常务副|副|代)?(?:总理|省长|市长|县长|区长|州长|镇长|乡长|主席|书记|秘书长|主任|\
     局长|厅长|部长|处长|科长|股长|所长|站长|馆长|队长|行长|社长|院长|检察长|庭长|署长|总经理|董事长|理事长|会长|校长|\
     主任委员|政治委员|政委|教导员|领导)\
     |(?:主要|分管)领导|主要负责人|主要负责)";

static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("{TITLES}$")).expect("valid regex"));
static LEADING_TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{TITLES}")).expect("valid regex"));

/// Common single-character surnames and the compound ones, enough to tell “王副市长” from
/// “中心主任”.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖\
    田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛\
    闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤区伍甄容麦关冼岑邝温甘欧骆翁蓝植阮钟";
/// The same, as a set: asked for every character of a draft by GW610.
static SURNAME_SET: LazyLock<rustc_hash::FxHashSet<char>> = LazyLock::new(|| SURNAMES.chars().collect());
const COMPOUND_SURNAMES: &[&str] =
    &["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟"];

/// Words before a title that stand for “this organ” without naming it: 市领导, 局领导.
const ORGAN_WORDS: &[&str] = &["市", "县", "区", "省", "镇", "乡", "局", "厅", "委", "院", "部", "办"];

/// Endings that mark the words before a title as an organ's name (办公室主任, 某中心主任).
const ORGAN_ENDINGS: &[&str] = &[
    "办公室",
    "办",
    "局",
    "委",
    "部",
    "厅",
    "院",
    "科",
    "处",
    "室",
    "中心",
    "政府",
    "人大",
    "政协",
    "常委会",
    "委员会",
    "管委会",
    "党委",
    "党组",
    "公司",
    // 工会主席, 小组组长, 支部书记, 学校校长: an organ's office, not a person's name.
    "会",
    "组",
    "支部",
    "校",
];

/// `norm` is normalised text; `near` the sender's region code.
pub(crate) fn recognise(norm: &str, leaders: &[KnownLeader], near: Option<u32>) -> Option<PersonMatch> {
    let honoured = norm.starts_with("尊敬的");
    let text = norm.strip_prefix("尊敬的").unwrap_or(norm);
    // `各位市领导`, `各位领导`: leaders addressed as a group are still persons.
    let text = text.strip_prefix("各位").unwrap_or(text);
    let (text, comrade) = match text.strip_suffix("同志") {
        Some(text) => (text, true),
        None => (text, false),
    };
    if text.is_empty() {
        return None;
    }
    // `县委宣传部王部长并转张书记`: a leader, and through them another — persons either way.
    for joint in ["并转", "并报", "并呈", "转呈", "转报"] {
        if let Some((first, second)) = text.split_once(joint)
            && !first.is_empty()
        {
            return recognise(first, leaders, near).or_else(|| recognise(second, leaders, near));
        }
    }
    if let Some(found) = configured(text, leaders) {
        return Some(found);
    }
    if comrade && looks_like_personal_name(text) && text.chars().count() >= 2 {
        return Some(PersonMatch { title: None, name: Some(text.to_string()), org: None });
    }
    let title = TITLE.find(text)?;
    let before = text.get(..title.start())?;
    let title = Some(title.as_str().to_string());
    if before.is_empty() || ORGAN_WORDS.contains(&before) {
        return Some(PersonMatch { title, name: None, org: None });
    }
    if looks_like_personal_name(before) {
        let name = (before.chars().count() >= 2 && !COMPOUND_SURNAMES.contains(&before)).then(|| before.to_string());
        return Some(PersonMatch { title, name, org: None });
    }
    let organ = name::parse(before, near).org;
    if organ.kind != OrgKind::Unknown {
        return Some(PersonMatch { title, name: None, org: Some(organ.name) });
    }
    if ORGAN_ENDINGS.iter().any(|e| before.ends_with(e)) {
        return Some(PersonMatch { title, name: None, org: None });
    }
    // An organ, then whom the title belongs to: a surname (`县政府周县长`), or a full name
    // (`市卫生健康委员会陈立新主任`).
    let surname = COMPOUND_SURNAMES.iter().copied().find(|s| before.ends_with(s)).or_else(|| {
        before.chars().last().filter(|&c| is_surname_char(c)).map(|c| &before[before.len() - c.len_utf8()..])
    });
    let starts: Vec<usize> = before.char_indices().map(|(at, _)| at).collect();
    let full_names = [3, 2]
        .into_iter()
        .filter_map(|n| starts.len().checked_sub(n).map(|k| &before[starts[k]..]))
        .filter(|name| looks_like_personal_name(name) && before[..before.len() - name.len()].chars().count() >= 2);
    for name in surname.into_iter().chain(full_names) {
        let organ = &before[..before.len() - name.len()];
        let known = name::parse(organ, near).org;
        if ORGAN_ENDINGS.iter().any(|e| organ.ends_with(e)) || known.kind != OrgKind::Unknown {
            let org = (known.kind != OrgKind::Unknown).then_some(known.name);
            return Some(PersonMatch { title, name: Some(name.to_string()), org });
        }
    }
    // A name the surname list does not hold — `边巴书记`, `巴特尔主席`, `艾尔肯·吐尔逊主任`, as
    // the minority nationalities are named — is a name all the same when it is short and names no
    // place; addressed as `尊敬的……`, it is a person whatever it is.
    let place = before.ends_with(['省', '市', '县', '区', '镇', '乡', '州', '旗', '盟', '村', '全', '各']);
    let short_name = (2..=8).contains(&before.chars().count())
        && before.chars().all(|c| crate::lang::is_han(c) || crate::lang::NAME_DOTS.contains(&c))
        && (before.chars().count() <= 4 || before.contains(crate::lang::NAME_DOTS));
    if honoured || short_name && !place {
        return Some(PersonMatch { title, name: Some(before.to_string()), org: None });
    }
    None
}

/// A 职务, then perhaps a colon and a name, at the end: `局长　李某某`, `某某局局长：杨建华`.
static SIGNED_BY_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    // Names of the minority nationalities run longer and carry a middle dot (艾尔肯·吐尔逊).
    let dots: String = crate::lang::NAME_DOTS.iter().collect();
    Regex::new(&format!(r"{TITLES}(?:[ \u{{3000}}]*[:：]?[ \u{{3000}}]*(?<name>[\p{{Han}}{dots}]{{2,12}}))?$"))
        .expect("valid regex")
});

/// Endings of an organ's name: after a 职务-looking word (`领导小组办公室`, `主任委员会`) they make
/// the whole an organ, not an office and a person's name.
const ORGAN_TAILS: &[&str] = &[
    "办公室",
    "小组",
    "委员会",
    "领导小组",
    "指挥部",
    "中心",
    "局",
    "厅",
    "处",
    "科",
    "室",
    "部",
    "会",
    "院",
    "组",
    "所",
    "站",
    "队",
    "办",
    "委",
];

/// Whether a signature line names a person (职务, perhaps with a name) rather than an organ.
pub fn is_personal_signature(text: &str) -> bool {
    SIGNED_BY_PERSON
        .captures(text)
        .is_some_and(|c| c.name("name").is_none_or(|n| !ORGAN_TAILS.iter().any(|t| n.as_str().ends_with(t))))
}

/// The organ a personal signature names before the office: `某局局长` → `某局`.
pub fn organ_before_title(text: &str) -> Option<&str> {
    let title = TITLE.find(text)?;
    let organ = &text[..title.start()];
    (organ.chars().count() >= 3).then_some(organ)
}

/// Whether a 主送 item names someone by office or as 同志: `区委张书记`, `市民政局主要领导`.
pub fn names_person_by_office(text: &str) -> bool {
    TITLE.is_match(text) || text.ends_with("同志")
}

/// Whether `text` ends with a 职务: in `局长　张三` a person's name comes next.
pub fn ends_with_title(text: &str) -> bool {
    TITLE.is_match(text)
}

/// Whether `text` starts with a 职务 (`市财政局　局长`).
pub fn starts_with_title(text: &str) -> bool {
    LEADING_TITLE.is_match(text)
}

/// Whether `c` is a common single-character surname.
pub fn is_surname_char(c: char) -> bool {
    SURNAME_SET.contains(&c)
}

/// Whether `text` starts with a common surname.
pub fn starts_with_surname(text: &str) -> bool {
    COMPOUND_SURNAMES.iter().any(|s| text.starts_with(s)) || text.chars().next().is_some_and(is_surname_char)
}

/// Whether `text` is, as a whole, shaped like a full personal name: a common surname and one or
/// two more 汉字 (张三, 欧阳明). Shape only: 方案 is shaped like one too.
pub fn is_full_name(text: &str) -> bool {
    (2..=3).contains(&text.chars().count()) && text.chars().all(crate::lang::is_han) && starts_with_surname(text)
}

fn looks_like_personal_name(text: &str) -> bool {
    starts_with_surname(text) && (1..=3).contains(&text.chars().count())
}

/// A configured leader by full name, name and role in either order, or surname and role.
fn configured(text: &str, leaders: &[KnownLeader]) -> Option<PersonMatch> {
    let found = |leader: &KnownLeader| PersonMatch {
        title: (!leader.role.is_empty()).then(|| leader.role.clone()),
        name: Some(leader.name.clone()),
        org: Some(leader.org.clone()),
    };
    if let Some(leader) = leaders
        .iter()
        .find(|l| text == l.name || text == format!("{}{}", l.name, l.role) || text == format!("{}{}", l.role, l.name))
    {
        return Some(found(leader));
    }
    let by_surname: Vec<&KnownLeader> =
        leaders.iter().filter(|l| !l.role.is_empty() && text == format!("{}{}", surname(&l.name), l.role)).collect();
    match by_surname.as_slice() {
        [only] => Some(found(only)),
        // Two 王副市长: the role is certain, the person is not.
        [first, ..] => Some(PersonMatch {
            title: Some(first.role.clone()),
            name: None,
            org: Some(first.org.clone()).filter(|o| by_surname.iter().all(|l| &l.org == o)),
        }),
        [] => None,
    }
}

fn surname(name: &str) -> &str {
    if let Some(compound) = COMPOUND_SURNAMES.iter().find(|s| name.starts_with(**s)) {
        return compound;
    }
    name.char_indices().nth(1).and_then(|(end, _)| name.get(..end)).unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organ_then_a_surname_and_title_is_a_person() {
        let p = recognise("县政府周县长", &[], None).expect("a person");
        assert_eq!(p.name.as_deref(), Some("周"));
        assert_eq!(p.title.as_deref(), Some("县长"));
        assert!(recognise("尊敬的各位市领导", &[], None).is_some());
        assert!(recognise("县政府办公室", &[], None).is_none());
        assert_eq!(recognise("管委会李主任", &[], None).and_then(|p| p.title).as_deref(), Some("主任"));
        // Through one leader to another.
        let through = recognise("县委宣传部王部长并转张书记", &[], None).expect("a person");
        assert_eq!(through.title.as_deref(), Some("部长"));
        assert!(recognise("县委宣传部并转县委", &[], None).is_none());
    }

    #[test]
    fn a_signature_by_office_and_name_but_not_an_organ_named_after_one() {
        assert!(is_personal_signature("某县交通运输局局长　张三"));
        assert!(is_personal_signature("局长：艾尔肯·吐尔逊"));
        assert!(is_personal_signature("局长：艾尔肯・吐尔逊"));
        assert!(is_personal_signature("县长"));
        assert!(is_personal_signature("局长　扎西平措"));
        // Offices of units below a county and of a congress committee sign as a 局长 does.
        assert!(is_personal_signature("县公安局交警大队大队长　岑国栋"));
        assert!(is_personal_signature("代表资格审查委员会主任委员　黄镇东"));
        assert!(is_personal_signature("派出所所长　冉某某"));
        assert!(!is_personal_signature("山南市国家安全人民防线工作领导小组办公室"));
        assert!(!is_personal_signature("县委主任委员会"));
    }

    fn leaders() -> Vec<KnownLeader> {
        vec![
            KnownLeader { name: "王小明".into(), role: "副市长".into(), org: "江门市人民政府".into() },
            KnownLeader { name: "张大伟".into(), role: "市长".into(), org: "江门市人民政府".into() },
        ]
    }

    fn person(text: &str) -> Option<PersonMatch> {
        recognise(&name::normalize(text), &leaders(), None)
    }

    #[test]
    fn configured_leaders_by_name_title_or_surname() {
        for text in ["王副市长", "王小明", "王小明副市长", "副市长王小明", "尊敬的王副市长："]
        {
            let found = person(text).unwrap();
            assert_eq!(found.name.as_deref(), Some("王小明"), "{text}");
            assert_eq!(found.title.as_deref(), Some("副市长"), "{text}");
            assert_eq!(found.org.as_deref(), Some("江门市人民政府"), "{text}");
        }
        assert_eq!(person("张市长").unwrap().name.as_deref(), Some("张大伟"));
    }

    #[test]
    fn titles_without_configuration() {
        let li = person("尊敬的李书记").unwrap();
        assert_eq!((li.title.as_deref(), li.name), (Some("书记"), None));
        let comrade = person("陈志强同志").unwrap();
        assert_eq!((comrade.title, comrade.name.as_deref()), (None, Some("陈志强")));
        let full = person("陈志强副局长").unwrap();
        assert_eq!(full.name.as_deref(), Some("陈志强"));
        let secretary = recognise("市委书记", &[], Some(440700)).unwrap();
        assert_eq!(secretary.org.as_deref(), Some("中共江门市委"));
        assert_eq!(person("市领导").unwrap().title.as_deref(), Some("领导"));
        assert_eq!(person("常务副市长").unwrap().title.as_deref(), Some("常务副市长"));
        assert!(person("办公室主任").is_some());
        assert_eq!(person("中心主任").unwrap().org, None);
        assert_eq!(person("欧阳主任").unwrap().name, None);
    }

    #[test]
    fn names_without_a_listed_surname() {
        // The 间隔号 as GB/T 15834 has it, and the look-alikes drafters type for it.
        for text in
            ["尊敬的边巴书记", "边巴书记", "巴特尔主席", "艾尔肯·吐尔逊主任", "艾尔肯‧吐尔逊主任", "买买提・艾力书记"]
        {
            let p = person(text).unwrap_or_else(|| panic!("{text} is a person"));
            assert!(p.name.is_some(), "{text}: {p:?}");
        }
        assert!(person("全县书记").is_none_or(|p| p.name.is_none()));
    }

    #[test]
    fn organs_are_not_people() {
        for text in ["江门市人民政府", "市委", "江门市教育局", "领导小组", "主席团", "关于做好工作的书记", ""]
        {
            assert_eq!(person(text), None, "{text}");
        }
    }
}
