//! Recognising 统称: 各县（市、区）人民政府, 市政府各部门, 各直属事业单位, 局属各单位, 各科室 …

use super::gazetteer::gazetteer;
use super::kind::{Level, OrgKind};
use super::model::{GroupScope, Org, OrgGroup};
use super::name::{self, region_organ};

/// Area words as they appear in 统称, longest first.
const AREA_TOKENS: &[&str] = &[
    "地级以上市",
    "设区的市",
    "设区市",
    "地级市",
    "县级市",
    "计划单列市",
    "副省级市",
    "省辖市",
    "自治区",
    "直辖市",
    "自治州",
    "自治县",
    // County-level areas by other names: 六枝特区, 神农架林区.
    "特区",
    "林区",
    "街道",
    "乡镇",
    "镇街",
    "地区",
    // 各市（地）: 地区 in the short form provinces with 地区 use.
    "地",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
    "镇",
    "乡",
    "街",
];

/// What may follow the area words: the organs of those areas.
const AREA_BODIES: &[(&str, OrgKind)] = &[
    ("人民政府", OrgKind::Government),
    ("政府", OrgKind::Government),
    ("办事处", OrgKind::Government),
    ("党委和人民政府", OrgKind::Unknown),
    ("党委、人民政府", OrgKind::Unknown),
    ("党委和政府", OrgKind::Unknown),
    ("党委", OrgKind::PartyCommittee),
    ("党工委", OrgKind::PartyCommittee),
    ("党（工）委", OrgKind::PartyCommittee),
    ("党委（党工委）", OrgKind::PartyCommittee),
    ("", OrgKind::Unknown),
];

/// The member words after 各 / 有关, and what they make the group.
const MEMBER_WORDS: &[(&str, OrgKind, GroupScope)] = &[
    ("部门", OrgKind::Department, GroupScope::Departments),
    ("工作部门", OrgKind::Department, GroupScope::Departments),
    ("部委", OrgKind::Department, GroupScope::Departments),
    ("部委办", OrgKind::Department, GroupScope::Departments),
    ("部委办局", OrgKind::Department, GroupScope::Departments),
    ("委办局", OrgKind::Department, GroupScope::Departments),
    ("直属机构", OrgKind::Department, GroupScope::Departments),
    ("直属部门", OrgKind::Department, GroupScope::Departments),
    ("直属事业单位", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("事业单位", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("所属事业单位", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("下属事业单位", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("直属单位", OrgKind::Unknown, GroupScope::Affiliated),
    ("所属单位", OrgKind::Unknown, GroupScope::Affiliated),
    ("下属单位", OrgKind::Unknown, GroupScope::Affiliated),
    ("单位", OrgKind::Unknown, GroupScope::Affiliated),
    ("科室", OrgKind::InternalUnit, GroupScope::InternalUnits),
    ("处室", OrgKind::InternalUnit, GroupScope::InternalUnits),
    ("股室", OrgKind::InternalUnit, GroupScope::InternalUnits),
    ("内设机构", OrgKind::InternalUnit, GroupScope::InternalUnits),
    ("人民团体", OrgKind::MassOrganization, GroupScope::Unspecified),
    ("群团组织", OrgKind::MassOrganization, GroupScope::Unspecified),
    ("中小学", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("中小学校", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("学校", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("幼儿园", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("医院", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("医疗机构", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("医疗卫生机构", OrgKind::PublicInstitution, GroupScope::Affiliated),
    ("所属企业", OrgKind::Enterprise, GroupScope::Affiliated),
    ("下属企业", OrgKind::Enterprise, GroupScope::Affiliated),
    ("权属企业", OrgKind::Enterprise, GroupScope::Affiliated),
    ("子公司", OrgKind::Enterprise, GroupScope::Affiliated),
    ("企业", OrgKind::Enterprise, GroupScope::Unspecified),
    ("社会组织", OrgKind::SocialOrganization, GroupScope::Unspecified),
    // A 团's 连队.
    ("连队", OrgKind::Unknown, GroupScope::Affiliated),
    ("团场", OrgKind::Unknown, GroupScope::Affiliated),
    ("行业协会", OrgKind::SocialOrganization, GroupScope::Unspecified),
];

/// 统称 of the 村民委员会 and 居民委员会 under a 镇 or 街道.
const RESIDENTS_COMMITTEES: &[&str] = &[
    "村（居）委会",
    "村（居）民委员会",
    "村（社区）",
    "村、社区",
    "村委会",
    "村民委员会",
    "社区居委会",
    "社区居民委员会",
    "居委会",
    "社区",
    "村",
];

/// Owner words that mean the sender itself: 局属各单位, 局机关各科室, 本局各科室.
const SELF_OWNERS: &[&str] = &[
    "局属",
    "局机关",
    "局",
    "本局",
    "委属",
    "委机关",
    "本委",
    "厅属",
    "厅机关",
    "本厅",
    "办属",
    "本单位",
    "院属",
    "中心",
];

/// Owner words that put a 统称 under the sender: 辖区各社区居民委员会, 区属各中小学校, 所属各单位.
/// A drafter writes 区属/县属/市属 for the bodies of the sender's own area and field; either way
/// they are the sender's to lead or guide, never its superiors.
const SUBORDINATE_OWNERS: &[&str] =
    &["辖区", "区属", "县属", "市属", "镇属", "乡属", "所属", "下属", "直属", "团属", "师属", "兵团"];

/// Owner words by which an enterprise names its own subsidiaries: 集团公司各所属企业, 公司各子公司.
const ENTERPRISE_SELF_OWNERS: &[&str] = &["集团公司", "集团", "公司", "本公司", "本集团"];

/// Reads `norm` (normalised) as a 统称, relative to the sender `context`.
pub(crate) fn recognise(norm: &str, context: Option<&Org>, near: Option<u32>) -> Option<OrgGroup> {
    lower_areas(norm, context)
        .or_else(|| lower_area_counterparts(norm, context))
        .or_else(|| lower_area_institutions(norm, context))
        .or_else(|| residents_committees(norm, context))
        .or_else(|| members_of_owner(norm, context, near))
        .or_else(|| areas_of_a_named_place(norm, near))
}

/// The tier a bare 市 among area words stands for, read from the organ writing: under a 省 the
/// 地级市, under a 地级市 its 县级市 (“各市（区）” in a 江门市 document are 台山市, 开平市 … and
/// the 区). Elsewhere it cannot be told.
fn city_tier(sender: Option<&Org>) -> Option<Level> {
    match sender?.level? {
        Level::Province => Some(Level::Prefecture),
        Level::Prefecture => Some(Level::County),
        _ => None,
    }
}

/// 各县（市、区）卫生健康局, 各镇（街）财政所, 各市（区）民政局: the same department in every
/// lower-tier area.
fn lower_area_counterparts(norm: &str, context: Option<&Org>) -> Option<OrgGroup> {
    // 妇联, 团委, 总工会, 科协: the mass organisations of each area go by the same counterpart logic.
    const DEPARTMENT_ENDINGS: &[&str] = &[
        "局",
        // 各旗县区文化和旅游主管部门: the department named by its field, not its name.
        "主管部门",
        // 各县（区）委组织部: the 党委's departments.
        "部",
        "委员会",
        "委",
        "办公室",
        "厅",
        "分局",
        "所",
        "站",
        "中心",
        "妇联",
        "总工会",
        "科协",
        "文联",
        "侨联",
        "残联",
    ];
    let rest = norm.strip_prefix('各')?;
    let tier = city_tier(context);
    // The longest run of area words at the start, then a department name.
    let split =
        rest.char_indices().map(|(i, _)| i).chain(std::iter::once(rest.len())).filter(|&i| i > 0).rev().find(|&i| {
            let (areas, body) = rest.split_at(i);
            !body.is_empty() && matches!(area_level(areas, tier), Some(Some(_)))
        })?;
    let (areas, body) = rest.split_at(split);
    if body.chars().count() < 2
        || !DEPARTMENT_ENDINGS.iter().any(|e| body.ends_with(e))
        || body.starts_with(['人', '政', '党'])
        // 各市场监管局: one word, not 市 + 场监管局.
        || (areas.ends_with('市') && body.starts_with('场'))
    {
        return None;
    }
    let level = area_level(areas, tier)??;
    // `县（区）委组织部`: the 委 after the area words makes them the 党委's departments.
    let (owner_kind, body) = match body.strip_prefix('委') {
        Some(rest) if rest.ends_with('部') => (OrgKind::PartyCommittee, rest),
        _ if body.ends_with('部') && !body.ends_with("部门") => return None,
        _ => (OrgKind::Government, body),
    };
    let mut found = group(norm, OrgKind::Department, Some(level), GroupScope::LowerAreas);
    found.of = context.and_then(|sender| area_owner(sender, owner_kind, Some(level)));
    found.function = name::department_function(body).or_else(|| {
        // 文化和旅游主管部门, 教育行政主管部门: the field is the name.
        let field = body.trim_end_matches("主管部门").trim_end_matches("行政");
        let party_department = owner_kind == OrgKind::PartyCommittee;
        (party_department || field != body && !field.is_empty()).then(|| field.to_string())
    });
    Some(found)
}

/// 各乡镇卫生院, 各镇（街道）中心小学, 各县（区）人民医院: the public institutions of every
/// lower-tier area, run by the sector's department of the sender's area.
fn lower_area_institutions(norm: &str, context: Option<&Org>) -> Option<OrgGroup> {
    let rest = norm.strip_prefix('各')?;
    let tier = city_tier(context);
    let split = rest.char_indices().map(|(i, _)| i).filter(|&i| i > 0).rev().find(|&i| {
        let (areas, body) = rest.split_at(i);
        !body.is_empty() && matches!(area_level(areas, tier), Some(Some(_)))
    })?;
    let (areas, body) = rest.split_at(split);
    let department = name::sector_department(&format!("某{body}")).filter(|_| body.chars().count() >= 2)?;
    let level = area_level(areas, tier)??;
    let mut found = group(norm, OrgKind::PublicInstitution, Some(level), GroupScope::LowerAreas);
    found.of = context
        .and_then(|sender| area_owner(sender, OrgKind::Government, Some(level)))
        .map(|government| format!("{}{department}", government.strip_suffix("人民政府").unwrap_or(&government)));
    Some(found)
}

fn group(text: &str, kind: OrgKind, level: Option<Level>, scope: GroupScope) -> OrgGroup {
    OrgGroup {
        text: text.to_string(),
        kind,
        level,
        scope,
        of: None,
        function: None,
        members: Vec::new(),
        from_config: false,
    }
}

/// 各县（市、区）人民政府, 各省、自治区、直辖市人民政府, 各镇人民政府, 街道办事处, 各地级以上市.
fn lower_areas(norm: &str, context: Option<&Org>) -> Option<OrgGroup> {
    let areas_and_body = norm.strip_prefix('各').unwrap_or(norm);
    // 各市（地）人民政府（行署）: a 地区's 行政公署 stands for its government.
    let areas_and_body = ["（行署）", "（行政公署）", "、行署", "、行政公署"]
        .iter()
        .find_map(|note| areas_and_body.strip_suffix(note))
        .unwrap_or(areas_and_body);
    let tier = city_tier(context);
    let (areas, kind, level) = AREA_BODIES.iter().find_map(|(body, kind)| {
        let areas = areas_and_body.strip_suffix(body)?;
        Some((areas, *kind, area_level(areas, tier)?))
    })?;
    // Without 各 only the one form that is written so: “街道办事处” after “各镇人民政府、”.
    if !norm.starts_with('各') && areas != "街道" {
        return None;
    }
    let mut found = group(norm, kind, level, GroupScope::LowerAreas);
    found.of = context.and_then(|sender| area_owner(sender, kind, level));
    Some(found)
}

/// 各村（居）委会, 各村（社区）, 各社区居委会: the 村民委员会 and 居民委员会 a 镇 or 街道 guides.
/// With 辖区 before them (辖区各社区居民委员会) they are the sender's whatever its name reads as:
/// a 街道办事处 written after its district's name may not parse as a township government.
fn residents_committees(norm: &str, context: Option<&Org>) -> Option<OrgGroup> {
    let (own, rest) = match norm.strip_prefix("辖区") {
        Some(rest) => (true, rest),
        None => (false, norm),
    };
    let members = rest.strip_prefix('各')?;
    if !RESIDENTS_COMMITTEES.contains(&members) {
        return None;
    }
    let mut found = group(norm, OrgKind::ResidentsCommittee, None, GroupScope::LowerAreas);
    found.of = context
        .filter(|sender| own || (sender.kind == OrgKind::Government && sender.level == Some(Level::Township)))
        .map(|town| town.name.clone());
    Some(found)
}

/// 新会区各镇人民政府, 台山市各乡镇人民政府, 全市各镇（街道）, 江门市各县（市、区）民政局: the lower
/// areas of the place written before 各, rather than of the sender's.
fn areas_of_a_named_place(norm: &str, near: Option<u32>) -> Option<OrgGroup> {
    let at = norm.find('各').filter(|&at| at > 0)?;
    let (place, areas) = norm.split_at(at);
    let place = place.strip_prefix(['全', '本']).unwrap_or(place);
    let government = name::parse(&format!("{place}人民政府"), near).org;
    if government.kind != OrgKind::Government || government.region_code.is_none() {
        return None;
    }
    let mut found =
        lower_areas(areas, Some(&government)).or_else(|| lower_area_counterparts(areas, Some(&government)))?;
    found.text = norm.to_string();
    Some(found)
}

/// The tier the area words name, `Some(None)` for a mix of tiers, `None` when the words are not
/// all area words. Words in parentheses are alternatives to the word before them: in
/// “县（市、区）” the 市 is a county-level city. A bare 市 takes `city_tier`, when known.
fn area_level(areas: &str, city_tier: Option<Level>) -> Option<Option<Level>> {
    let mut rest = areas;
    let mut depth = 0usize;
    let mut levels = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('（') {
            depth += 1;
            rest = r;
            continue;
        }
        if let Some(r) = rest.strip_prefix('）') {
            depth = depth.saturating_sub(1);
            rest = r;
            continue;
        }
        if let Some(r) = rest.strip_prefix(['、', '和']) {
            rest = r;
            continue;
        }
        let token = AREA_TOKENS.iter().find(|t| rest.starts_with(**t))?;
        // 地 is an area word only as the alternative in 市（地）; 各地 means everywhere.
        if *token == "地" && depth == 0 {
            return None;
        }
        rest = rest.get(token.len()..)?;
        if depth > 0 {
            continue;
        }
        levels.push(match *token {
            "市" => city_tier,
            "省" | "自治区" | "直辖市" => Some(Level::Province),
            "地级以上市" | "设区的市" | "设区市" | "地级市" | "计划单列市" | "副省级市" | "省辖市" | "自治州"
            | "州" | "盟" | "地区" | "地" => Some(Level::Prefecture),
            "县" | "区" | "旗" | "自治县" | "县级市" | "特区" | "林区" => Some(Level::County),
            _ => Some(Level::Township),
        });
    }
    let first = *levels.first()?;
    Some(first.filter(|_| levels.iter().all(|l| *l == first)))
}

/// The organ whose lower areas these are: the sender's own government (or party committee).
fn area_owner(sender: &Org, kind: OrgKind, level: Option<Level>) -> Option<String> {
    let code = sender.region_code?;
    let region = gazetteer().get(code)?;
    if level.is_some_and(|level| !region.level.is_above(level)) {
        return None;
    }
    let organ_kind = if kind == OrgKind::PartyCommittee { OrgKind::PartyCommittee } else { OrgKind::Government };
    region_organ(code, organ_kind).map(|org| org.name)
}

/// 市政府各部门, 市直各单位, 局属各单位, 市委有关部委办, 各直属事业单位, 各有关单位, 各科室.
fn members_of_owner(norm: &str, context: Option<&Org>, near: Option<u32>) -> Option<OrgGroup> {
    let (owner, mut members, relevant) = split_owner(norm)?;
    let mut relevant = relevant;
    for prefix in ["有关", "各"] {
        if let Some(rest) = members.strip_prefix(prefix) {
            relevant |= prefix == "有关";
            members = rest;
        }
    }
    // 局属各市场监督管理所, 所属各基层站所, 直属各分局: the owner's own units by the name of
    // their kind, which the word list need not hold.
    const UNIT_ENDINGS: &[&str] = &["所", "站", "队", "分局", "中心", "大队", "中队", "支队", "馆", "院", "校"];
    let own_units = (SELF_OWNERS.contains(&owner) || SUBORDINATE_OWNERS.contains(&owner))
        && members.chars().count() >= 2
        && UNIT_ENDINGS.iter().any(|e| members.ends_with(e));
    let own_units_word = (members, OrgKind::Unknown, GroupScope::Affiliated);
    let (_, kind, scope) = match MEMBER_WORDS.iter().find(|(word, ..)| *word == members) {
        Some(found) => found,
        None if own_units => &own_units_word,
        None => return None,
    };
    let scope = match *scope {
        _ if relevant && members == "单位" => GroupScope::Unspecified,
        // 全市各中小学: everywhere in the area, not only those directly under its government.
        GroupScope::Affiliated if owner.starts_with(['全', '本']) => GroupScope::WithinArea,
        scope => scope,
    };
    let mut found = group(norm, *kind, None, scope);
    if let Some(owner) = owner_org(owner, scope, context, near) {
        found.level = owner.level;
        found.of = Some(owner.name);
    }
    if scope == GroupScope::Unspecified && owner.is_empty() {
        found.of = None;
        found.level = None;
    }
    Some(found)
}

/// Splits at the first 各 or 有关: (owner, members, whether 有关 was said).
fn split_owner(norm: &str) -> Option<(&str, &str, bool)> {
    let each = norm.find('各');
    let relevant = norm.find("有关");
    let (at, len, is_relevant) = match (each, relevant) {
        (Some(e), Some(r)) if r < e => (r, "有关".len(), true),
        (Some(e), _) => (e, '各'.len_utf8(), false),
        (None, Some(r)) => (r, "有关".len(), true),
        (None, None) => return None,
    };
    Some((norm.get(..at)?, norm.get(at + len..)?, is_relevant))
}

fn owner_org(owner: &str, scope: GroupScope, context: Option<&Org>, near: Option<u32>) -> Option<Org> {
    // A 科 writing of “局机关各科室” or “各科室” means its own department's units.
    let department_of_unit = context
        .filter(|c| c.kind == OrgKind::InternalUnit)
        .and_then(|unit| unit.parent.as_deref())
        .map(|parent| name::parse(parent, near).org);
    let context = department_of_unit.as_ref().or(context);
    if owner.is_empty() {
        let sender = context?;
        return match scope {
            // “各部门” in a government's document: that government's departments.
            GroupScope::Departments => match sender.kind {
                OrgKind::Government | OrgKind::PartyCommittee => Some(sender.clone()),
                OrgKind::GeneralOffice => Some(name::parse(sender.parent.as_deref()?, near).org),
                _ => None,
            },
            GroupScope::Affiliated | GroupScope::InternalUnits => Some(sender.clone()),
            _ => None,
        };
    }
    if SUBORDINATE_OWNERS.contains(&owner) {
        return context.cloned();
    }
    if ENTERPRISE_SELF_OWNERS.contains(&owner) {
        return context.filter(|c| c.kind == OrgKind::Enterprise).cloned();
    }
    if SELF_OWNERS.contains(&owner) {
        // “局属各单位” is written by a 局, not by a government.
        let not_a_bureau = [OrgKind::Unknown, OrgKind::Government, OrgKind::PartyCommittee];
        return context.filter(|c| !not_a_bureau.contains(&c.kind)).cloned();
    }
    // 市直, 县直, 市直机关: the government of that area.
    for suffix in ["直机关", "直"] {
        if let Some(area) = owner.strip_suffix(suffix) {
            let org = name::parse(&format!("{area}政府"), near).org;
            return (org.kind == OrgKind::Government).then_some(org);
        }
    }
    // A bare area word (“市各有关单位”, “全市各中小学”) means its government.
    let owner = owner.strip_prefix(['全', '本']).unwrap_or(owner);
    let text = if matches!(owner, "市" | "县" | "区" | "省" | "镇" | "乡") {
        format!("{owner}政府")
    } else {
        owner.to_string()
    };
    let org = name::parse(&text, near).org;
    (org.kind != OrgKind::Unknown).then_some(org)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jiangmen_government() -> Org {
        name::parse("江门市人民政府", None).org
    }

    fn recognise_for(text: &str, sender: &Org) -> Option<OrgGroup> {
        recognise(&name::normalize(text), Some(sender), sender.region_code)
    }

    #[test]
    fn the_seed_main_recipients() {
        let sender = jiangmen_government();
        let counties = recognise_for("各县（市、区）人民政府", &sender).unwrap();
        assert_eq!(counties.kind, OrgKind::Government);
        assert_eq!(counties.level, Some(Level::County));
        assert_eq!(counties.scope, GroupScope::LowerAreas);
        assert_eq!(counties.of.as_deref(), Some("江门市人民政府"));

        let departments = recognise_for("市政府各部门", &sender).unwrap();
        assert_eq!(departments.kind, OrgKind::Department);
        assert_eq!(departments.level, Some(Level::Prefecture));
        assert_eq!(departments.scope, GroupScope::Departments);
        assert_eq!(departments.of.as_deref(), Some("江门市人民政府"));

        let institutions = recognise_for("各直属事业单位", &sender).unwrap();
        assert_eq!(institutions.kind, OrgKind::PublicInstitution);
        assert_eq!(institutions.scope, GroupScope::Affiliated);
        assert_eq!(institutions.of.as_deref(), Some("江门市人民政府"));
    }

    #[test]
    fn area_groups() {
        let province = name::parse("广东省人民政府", None).org;
        let cities = recognise_for("各地级以上市人民政府", &province).unwrap();
        assert_eq!((cities.level, cities.of.as_deref()), (Some(Level::Prefecture), Some("广东省人民政府")));
        let mixed = recognise_for("各市、县（区）人民政府", &province).unwrap();
        assert_eq!(mixed.level, None);
        let state = name::parse("国务院", None).org;
        let provinces = recognise_for("各省、自治区、直辖市人民政府", &state).unwrap();
        assert_eq!(provinces.level, Some(Level::Province));

        let county = name::parse("台山市人民政府", None).org;
        let towns = recognise_for("各镇人民政府", &county).unwrap();
        assert_eq!((towns.level, towns.of.as_deref()), (Some(Level::Township), Some("台山市人民政府")));
        let streets = recognise_for("街道办事处", &county).unwrap();
        assert_eq!((streets.kind, streets.level), (OrgKind::Government, Some(Level::Township)));
        let bare = recognise_for("各县（市、区）", &jiangmen_government()).unwrap();
        assert_eq!((bare.kind, bare.level), (OrgKind::Unknown, Some(Level::County)));
        let party = recognise_for("各县（市、区）党委", &jiangmen_government()).unwrap();
        assert_eq!(party.of.as_deref(), Some("中共江门市委"));
        // A county's sender cannot have counties below it.
        let upward = recognise_for("各县（市、区）人民政府", &county).unwrap();
        assert_eq!(upward.of, None);
    }

    #[test]
    fn owner_groups() {
        let bureau = name::parse("江门市教育局", None).org;
        let units = recognise_for("局属各单位", &bureau).unwrap();
        assert_eq!((units.scope, units.of.as_deref()), (GroupScope::Affiliated, Some("江门市教育局")));
        let sections = recognise_for("各科室", &bureau).unwrap();
        assert_eq!(sections.kind, OrgKind::InternalUnit);
        assert_eq!(sections.of.as_deref(), Some("江门市教育局"));
        let city_units = recognise_for("市直各单位", &bureau).unwrap();
        assert_eq!(city_units.of.as_deref(), Some("江门市人民政府"));
        assert_eq!(city_units.level, Some(Level::Prefecture));
        let party = recognise_for("市委有关部委办", &bureau).unwrap();
        assert_eq!((party.kind, party.of.as_deref()), (OrgKind::Department, Some("中共江门市委")));
        let relevant = recognise_for("各有关单位", &bureau).unwrap();
        assert_eq!((relevant.scope, relevant.of.as_deref()), (GroupScope::Unspecified, None));
        let not_a_bureau = recognise_for("局机关各科室", &jiangmen_government()).unwrap();
        assert_eq!(not_a_bureau.of, None);
        let ministries = recognise_for("国务院各部委", &bureau).unwrap();
        assert_eq!(ministries.of.as_deref(), Some("国务院"));
        assert_eq!(ministries.level, Some(Level::Central));
    }

    #[test]
    fn ordinary_names_are_not_groups() {
        let sender = jiangmen_government();
        for text in ["江门市教育局", "市纪委监委", "市人大常委会办公室", "台山市人民政府", "各", "有关"]
        {
            assert_eq!(recognise_for(text, &sender), None, "{text}");
        }
    }
}
