//! How two organs stand to each other: 领导 (and 越级), 业务指导, 同级, 不相隶属.

use super::OrgView;
use super::kind::{Level, OrgKind};
use super::model::{Addressee, GroupScope, Org, OrgGroup, Relation};
use super::name::{department_function, institution_function};

impl OrgView {
    /// How `to` stands to `from` (“to is from's …”). Configured facts first, then what names and
    /// the gazetteer imply; `Unknown` where neither settles it.
    pub fn relation(&self, from: &Org, to: &Org) -> Relation {
        let from = self.configured_or(from);
        let to = self.configured_or(to);
        if from.name == to.name || same_department_written_otherwise(&from, &to) {
            return Relation::Same;
        }
        let above_from = self.ancestors(&from);
        if let Some(steps) = above_from.iter().position(|a| a.name == to.name) {
            return match steps {
                0 => Relation::Superior,
                _ => Relation::SuperiorSkipping {
                    skipped: above_from.iter().take(steps).map(|a| a.name.clone()).collect(),
                },
            };
        }
        if from.dual_parents.contains(&to.name) {
            return Relation::Superior;
        }
        // A school's or hospital's 主管部门 may go by a longer name (教育科学体育局 for 教育局):
        // the department of the same place whose function contains the sector's.
        if from.kind == OrgKind::PublicInstitution
            && to.kind == OrgKind::Department
            && to.region.is_some()
            && to.region == from.region
            && let Some(sector) = from.parent.as_deref().and_then(department_function)
            && department_function(&to.name).is_some_and(|f| plain_function(&f).contains(&plain_function(&sector)))
        {
            return Relation::Superior;
        }
        if let Some(guidance) = self.guidance(&from, &to) {
            return guidance;
        }
        if let Some(system) = same_system(&from, &to) {
            return system;
        }
        // A school or hospital under a department (its 主管部门) reaches that department's
        // 业务主管 above only past it: 武侯区棕北小学 → 成都市教育局 skips 武侯区教育局.
        if from.kind == OrgKind::PublicInstitution
            && let Some(leader) = self.parent(&from).filter(|p| p.kind == OrgKind::Department)
        {
            match self.guidance(&leader, &to) {
                Some(Relation::Guiding) => return Relation::GuidingSkipping { skipped: vec![leader.name] },
                Some(Relation::GuidingSkipping { skipped }) => {
                    return Relation::GuidingSkipping {
                        skipped: std::iter::once(leader.name).chain(skipped).collect(),
                    };
                }
                _ => {}
            }
        }
        // A department that regulates or funds institutions of every sector leads none outside
        // its own field: a hospital asking the 人社局, a 融媒体中心 the 财政局, a college the
        // 自然资源和规划局 writes a 函 (不相隶属). Any other department may be an institution's
        // 主管 (a 技师学院's 人社局, a university's ministry, a 教体局 by another name): those
        // stay as found.
        if from.kind == OrgKind::PublicInstitution
            && to.kind == OrgKind::Department
            && to.parent.as_deref().is_some_and(|p| self.parse_name(p).kind == OrgKind::Government)
            && let Some(function) = department_function(&to.name)
            && let Some((functions, own_units)) =
                REGULATORS.iter().find(|(f, _)| f.iter().any(|w| function.contains(w)))
            && institution_sector(&from).is_some_and(|sector| !functions.iter().any(|w| sector.contains(w)))
            && !functions.iter().chain(own_units.iter()).any(|w| from.name.contains(w))
        {
            return Relation::Unaffiliated;
        }
        // A government writing to a department of a government above its own leader passes the
        // governments between (七道江镇人民政府 → 吉林省自然资源厅 passes 浑江区 and 白山市).
        if from.kind == OrgKind::Government
            && to.kind == OrgKind::Department
            && let Some(steps) = to.parent.as_deref().and_then(|p| above_from.iter().position(|a| a.name == p))
            && steps >= 1
        {
            return Relation::SuperiorSkipping {
                skipped: above_from.iter().take(steps).map(|a| a.name.clone()).collect(),
            };
        }
        // A state enterprise reports to the 国资委 of its place, which 履行出资人职责 for it.
        // Where either place is not known (an unlisted place, a bare 市国资委), the 国资委 a
        // state enterprise writes to is taken for its own.
        let places_unknown = from.region_code.is_none() || to.region_code.is_none();
        if from.kind == OrgKind::Enterprise
            && to.name.ends_with("国有资产监督管理委员会")
            && (from.region.is_some() && from.region == to.region || places_unknown)
        {
            return Relation::Superior;
        }
        let above_to = self.ancestors(&to);
        if above_to.iter().any(|a| a.name == from.name) || to.dual_parents.contains(&from.name) {
            return Relation::Subordinate;
        }
        if self.guidance(&to, &from).is_some() {
            return Relation::Guided;
        }
        // An enterprise or a 协会 and an organ of the state with no configured line between them.
        let outside_and_state = |a: &Org, b: &Org| a.kind.is_outside_the_state() && b.kind.is_state_organ();
        if outside_and_state(&from, &to) || outside_and_state(&to, &from) {
            return Relation::Unaffiliated;
        }
        // A 人大, 政协, 法院, 检察院 or 群团 (or its office) and a government department of the same place:
        // neither leads the other (市科协 and 市教育局). With the government itself the line is
        // not so plain (a 总工会 asks it for funds by 请示 in practice): left unknown.
        let (from_line, to_line) = (self.system_of(&from), self.system_of(&to));
        let outside_the_government = |k: Option<OrgKind>| k.is_some_and(|k| SYSTEMS.contains(&k));
        // Only the government's departments: a 党委 department may well lead a 群团 of its place
        // (the 统战部 and the 工商联, the 宣传部 and the 文联), so that pair is left unknown.
        let government_line = |o: &Org| {
            o.kind == OrgKind::Department
                && o.parent.as_deref().is_none_or(|p| self.parse_name(p).kind != OrgKind::PartyCommittee)
        };
        let same_place = from.region.is_some() && from.region == to.region;
        if same_place
            && (outside_the_government(from_line) && government_line(&to)
                || outside_the_government(to_line) && government_line(&from))
        {
            return Relation::Unaffiliated;
        }
        // Same leader and same tier: 市教育局 and 市财政局. A 市 department and a county
        // government share a leader too, but are not 同级.
        let same_tier = from.level.is_none() || to.level.is_none() || from.level == to.level;
        if from.parent.is_some() && from.parent == to.parent && same_tier {
            return Relation::Peer;
        }
        let share_a_leader = above_from.iter().any(|a| above_to.iter().any(|b| a.name == b.name));
        // An institution named for a department's field may be run by it, whatever the name's
        // sector says (a 疾病预防控制中心 and the 疾病预防控制局).
        let named_for = |institution: &Org, department: &Org| {
            institution.kind == OrgKind::PublicInstitution
                && department.kind == OrgKind::Department
                && department_function(&department.name)
                    .is_some_and(|f| plain_function(&institution.name).contains(&plain_function(&f)))
        };
        if share_a_leader && !may_be_unrecognised_counterparts(&from, &to) && !named_for(&from, &to) {
            return Relation::Unaffiliated;
        }
        // The names give the sender's leaders only part of the way up (a 镇 named without its
        // county, a county the gazetteer does not list): the tiers tell what lies between.
        let chain_broken = above_from
            .last()
            .is_none_or(|top| top.parent.is_none() && top.level.is_some_and(|l| l > super::kind::Level::Province));
        if chain_broken && let Some(skipping) = tiers_skipped(&from, &to, &above_from) {
            return skipping;
        }
        Relation::Unknown
    }

    /// How a 统称's members stand to `from`; `Unknown` unless they all stand alike.
    pub fn group_relation(&self, from: &Org, group: &OrgGroup) -> Relation {
        if !group.members.is_empty() {
            let mut relations = group.members.iter().map(|member| self.relation(from, &self.parse_name(member)));
            let Some(first) = relations.next() else { return Relation::Unknown };
            return if relations.all(|r| r == first) { first } else { Relation::Unknown };
        }
        if group.kind.is_outside_the_state() && from.kind.is_state_organ() {
            return Relation::Unaffiliated;
        }
        let Some(of) = group.of.as_deref() else { return Relation::Unknown };
        if group.scope == GroupScope::Unspecified {
            return Relation::Unknown;
        }
        let of = self.parse_name(of);
        match self.relation(from, &of) {
            // The 村（居）委会 a 镇 or 街道 guides.
            Relation::Same if group.kind == OrgKind::ResidentsCommittee => Relation::Guided,
            // The members sit under `from` itself.
            Relation::Same | Relation::Subordinate => Relation::Subordinate,
            // A department's 办公室 writes for its department (GW206 lets it write out): the
            // department's own bodies are its to address.
            Relation::Superior if from.is_department_office() && group.scope == GroupScope::Affiliated => {
                Relation::Subordinate
            }
            // Bodies anywhere in the area of `from`'s leader: some it may guide, some not.
            Relation::Superior if group.scope == GroupScope::WithinArea => Relation::Unknown,
            // The same department one tier down (江门市民政局 → 各市（区）民政局).
            Relation::Superior if is_counterpart_below(from, group) => Relation::Guided,
            // The members sit under `from`'s own leader: its peers if they are organs like it
            // (市教育局 → 市政府各部门; 台山市人民政府 → 各县（市、区）人民政府), otherwise organs
            // it does not lead (市教育局 → 各县（市、区）人民政府, 各直属事业单位).
            Relation::Superior => {
                let alike = match group.scope {
                    // A bare 各镇（街道） is the areas' organs, whatever their kind.
                    GroupScope::LowerAreas => {
                        (group.kind == from.kind || group.kind == OrgKind::Unknown)
                            && group.level.is_some()
                            && group.level == from.level
                    }
                    _ => group.kind == from.kind || group.kind == OrgKind::Unknown,
                };
                if alike { Relation::Peer } else { Relation::Unaffiliated }
            }
            _ => Relation::Unknown,
        }
    }

    /// How an addressee stands to `from`: organs and 统称 as above; people and unknown items are
    /// `Unknown`.
    pub fn addressee_relation(&self, from: &Org, to: &Addressee) -> Relation {
        match to {
            Addressee::Org(org) => self.relation(from, org),
            Addressee::Group(group) => self.group_relation(from, group),
            Addressee::Person { .. } | Addressee::Unknown { .. } => Relation::Unknown,
        }
    }

    /// The configured organ of that name, else `org` as given.
    fn configured_or(&self, org: &Org) -> Org {
        self.get(&org.name).cloned().unwrap_or_else(|| org.clone())
    }

    /// Whether `to` gives `from` 业务指导: declared in `guided-by`, or a department of the same
    /// function whose leader is above `from`'s leader (台山市教育局 → 江门市教育局, 广东省教育厅).
    fn guidance(&self, from: &Org, to: &Org) -> Option<Relation> {
        if from.guided_by.contains(&to.name) {
            return Some(Relation::Guiding);
        }
        // A 村委会's own town, named with more or less of the places above it (唐江镇人民政府 for
        // 南康区唐江镇人民政府): the one the name of the 村委会 holds.
        // The longer name must hold the shorter after a whole place name (…区 唐江镇), not in
        // the middle of another town's (大石桥镇 is not 石桥镇).
        let same_town = |long: &str, short: &str| {
            long.strip_suffix(short)
                .is_some_and(|places| places.is_empty() || places.ends_with(['县', '区', '市', '旗', '州', '盟']))
        };
        if from.kind == OrgKind::ResidentsCommittee
            && to.kind == OrgKind::Government
            && to.level == Some(Level::Township)
            && from.guided_by.iter().any(|town| same_town(town, &to.name) || same_town(&to.name, town))
        {
            return Some(Relation::Guiding);
        }
        // The 办公厅（室） system: 区委办公室 answers in its work to 市委办公室, 县政府办公室 to
        // 市政府办公室.
        if from.kind == OrgKind::GeneralOffice && to.kind == OrgKind::GeneralOffice {
            let (from_leader, to_leader) =
                (self.parse_name(from.parent.as_deref()?), self.parse_name(to.parent.as_deref()?));
            if from_leader.kind != to_leader.kind {
                return None;
            }
            let above = self.ancestors(&from_leader);
            let steps = above.iter().position(|a| a.name == to_leader.name)?;
            let office = from.name.strip_prefix(from_leader.name.as_str()).filter(|o| !o.is_empty())?;
            return Some(if steps == 0 {
                Relation::Guiding
            } else {
                Relation::GuidingSkipping {
                    skipped: above.iter().take(steps).map(|a| format!("{}{office}", a.name)).collect(),
                }
            });
        }
        if from.kind != OrgKind::Department || to.kind != OrgKind::Department {
            return None;
        }
        let function = department_function(&from.name)?;
        // Merged bureaus keep both lines of guidance: 教育体育局 answers to 教育厅 (and 体育局),
        // 文体旅局 to 文化和旅游局.
        let theirs = department_function(&to.name)?;
        if !functions_overlap(&function, &theirs) {
            return None;
        }
        let (from_leader, to_leader) = (from.parent.as_deref()?, to.parent.as_deref()?);
        let above = self.ancestors(&self.parse_name(from_leader));
        let steps = above.iter().position(|a| a.name == to_leader)?;
        if steps == 0 {
            return Some(Relation::Guiding);
        }
        // The counterparts in between, named as `from` is named under its own leader.
        let own_area = from_leader.trim_end_matches("人民政府");
        let own_part = from.name.strip_prefix(own_area).filter(|p| !p.is_empty());
        let skipped = above
            .iter()
            .take(steps)
            .map(|leader| {
                let area = leader.name.trim_end_matches("人民政府");
                match own_part {
                    Some(part) => format!("{area}{part}"),
                    None => format!("{area}{function}主管部门"),
                }
            })
            .collect();
        Some(Relation::GuidingSkipping { skipped })
    }
}

/// Whether a group of departments is `from`'s own function one tier below it.
fn is_counterpart_below(from: &Org, group: &OrgGroup) -> bool {
    group.kind == OrgKind::Department
        && group
            .function
            .as_deref()
            .zip(department_function(&from.name))
            .is_some_and(|(theirs, own)| theirs == own || functions_overlap(&own, theirs))
        && group.level.is_some()
        && group.level == from.level.and_then(super::kind::Level::below)
}

/// Two departments at different tiers whose functions overlap in wording (文化广电旅游体育局
/// and 文化和旅游厅) may be counterparts that merged or split: not provably 不相隶属.
fn may_be_unrecognised_counterparts(from: &Org, to: &Org) -> bool {
    if from.kind != OrgKind::Department || to.kind != OrgKind::Department || from.level == to.level {
        return false;
    }
    let (Some(a), Some(b)) = (department_function(&from.name), department_function(&to.name)) else {
        return true;
    };
    let chars: Vec<char> = a.chars().collect();
    chars.windows(2).any(|pair| b.contains(&pair.iter().collect::<String>())) || functions_overlap(&a, &b)
}

/// The fields of work a department's function names, its abbreviations read out: 文体旅 is
/// 文化, 体育 and 旅游; 文化广电和旅游 is 文化, 广电 and 旅游.
fn fields_of(function: &str) -> Vec<&'static str> {
    // Longer names first; then the one-character forms merged bureaus are named with.
    const FIELDS: &[(&str, &str)] = &[
        ("广播电视", "广电"),
        ("新闻出版", "新闻出版"),
        ("卫生健康", "卫生健康"),
        ("卫生计生", "卫生健康"),
        ("人力资源", "人社"),
        ("社会保障", "人社"),
        ("城乡建设", "住建"),
        ("住房", "住建"),
        ("科学技术", "科技"),
        ("工业和信息化", "工信"),
        ("工业", "工信"),
        ("信息化", "工信"),
        ("文化", "文化"),
        ("体育", "体育"),
        ("旅游", "旅游"),
        ("广电", "广电"),
        ("卫生", "卫生健康"),
        ("健康", "卫生健康"),
        ("教育", "教育"),
        ("科技", "科技"),
        ("商务", "商务"),
        ("农业", "农业农村"),
        ("农村", "农业农村"),
        ("水利", "水利"),
        ("水务", "水利"),
        ("交通", "交通运输"),
        ("运输", "交通运输"),
        ("文", "文化"),
        ("体", "体育"),
        ("旅", "旅游"),
        ("广", "广电"),
        ("卫", "卫生健康"),
        ("健", "卫生健康"),
        ("教", "教育"),
        ("科", "科技"),
        ("商", "商务"),
        ("农", "农业农村"),
        ("水", "水利"),
        ("交", "交通运输"),
    ];
    let mut out = Vec::new();
    let mut rest = function;
    while let Some(c) = rest.chars().next() {
        match FIELDS.iter().find(|(written, _)| rest.starts_with(written)) {
            Some((written, field)) => {
                if !out.contains(field) {
                    out.push(*field);
                }
                rest = &rest[written.len()..];
            }
            None => rest = &rest[c.len_utf8()..],
        }
    }
    out
}

/// Whether two departments' functions name a field in common (or one contains the other).
fn functions_overlap(a: &str, b: &str) -> bool {
    a.contains(b) || b.contains(a) || {
        let theirs = fields_of(b);
        fields_of(a).iter().any(|f| theirs.contains(f))
    }
}

/// The leaders' governments the names did not give, named by their tier.
const TIER_GOVERNMENTS: [(Level, &str); 4] = [
    (Level::Township, "所属镇（乡、街道）人民政府"),
    (Level::County, "所属县（市、区）人民政府"),
    (Level::Prefecture, "所属市（州、盟）人民政府"),
    (Level::Province, "所属省级人民政府"),
];

fn government_of_tier(level: Level) -> &'static str {
    TIER_GOVERNMENTS.iter().find(|(l, _)| *l == level).map_or("所属省级人民政府", |(_, name)| name)
}

/// The tier a skipped government named only by its tier stands for (`所属县（市、区）人民政府`).
pub fn tier_of_unnamed_government(name: &str) -> Option<Level> {
    TIER_GOVERNMENTS.iter().find(|(_, n)| *n == name).map(|(level, _)| *level)
}

/// Organs that stand outside the government's line of leadership, each in its own system.
const SYSTEMS: [OrgKind; 6] = [
    OrgKind::PeoplesCongress,
    OrgKind::Cppcc,
    OrgKind::Court,
    OrgKind::Procuratorate,
    OrgKind::DisciplineCommission,
    OrgKind::MassOrganization,
];

impl OrgView {
    /// The kind of organ `org` speaks for: its own, or its leader's when it is that organ's
    /// 办公室 or a unit of it (市政协办公室 speaks for the 政协).
    fn system_of(&self, org: &Org) -> Option<OrgKind> {
        match org.kind {
            OrgKind::GeneralOffice | OrgKind::InternalUnit => self.parent(org).map(|p| p.kind),
            kind => Some(kind),
        }
    }
}

/// Organs of one system at different tiers, placed by the gazetteer: a 检察院 and those above it
/// (领导), a 法院, 人大常委会, 政协, 纪委 or 群团 and its counterparts above (指导). Tiers in
/// between are named after the sender (江油市人民检察院 → 四川省人民检察院 passes 绵阳市人民检察院).
fn same_system(from: &Org, to: &Org) -> Option<Relation> {
    if from.kind != to.kind || !SYSTEMS.contains(&from.kind) {
        return None;
    }
    let g = super::gazetteer::gazetteer();
    let (from_code, to_code) = (from.region_code?, to.region_code?);
    let (from_region, to_region) = (g.get(from_code)?, g.get(to_code)?);
    // The organ's name without its place: 共青团委, 人民检察院, 科学技术协会.
    let body = |org: &Org, place: &str| {
        org.name.find(place).map(|at| format!("{}{}", &org.name[..at], &org.name[at + place.len()..]))
    };
    if body(from, from_region.name)? != body(to, to_region.name)? || from_code == to_code {
        return None;
    }
    if !g.is_within(from_code, to_code) {
        return None;
    }
    let skipped: Vec<String> = g
        .ancestors(from_region)
        .into_iter()
        .take_while(|r| r.code != to_code)
        .map(|r| from.name.replacen(from_region.name, &g.qualified_name(r), 1))
        .collect();
    let leads = from.kind == OrgKind::Procuratorate || from.kind == OrgKind::DisciplineCommission;
    Some(match (leads, skipped.is_empty()) {
        (true, true) => Relation::Superior,
        (true, false) => Relation::SuperiorSkipping { skipped },
        (false, true) => Relation::Guiding,
        (false, false) => Relation::GuidingSkipping { skipped },
    })
}

/// One department under two spellings of its function: 住房和城乡建设局 and 住房城乡建设局.
fn same_department_written_otherwise(a: &Org, b: &Org) -> bool {
    let function = |org: &Org| department_function(&org.name).map(|f| plain_function(&f));
    a.kind == OrgKind::Department
        && b.kind == OrgKind::Department
        && a.parent.is_some()
        && a.parent == b.parent
        && function(a).is_some_and(|f| Some(f) == function(b))
}

/// The organs between `from` and a government or department whose tier is far above `from`'s,
/// for an organ whose chain of leaders the names give only in part (七道江镇人民政府 named
/// without its county, a county the gazetteer does not list): wherever it lies, a 镇 that writes
/// to a 省 government has passed its 县 and 市. Leaders the names do give (`known`, nearest
/// first) are named; the rest by their tier. Only governments, their departments and the 村（居）
/// 委会 a 镇 guides count: theirs are the 层级 of 逐级行文.
fn tiers_skipped(from: &Org, to: &Org, known: &[Org]) -> Option<Relation> {
    use OrgKind::{Department, Government, ResidentsCommittee};
    if from.from_config || to.from_config {
        return None;
    }
    let to_level = match to.level {
        Some(level) => level,
        // An unlisted `X市` above an organ whose names stop at a 县 or 区: a 县 or 区 the
        // gazetteer does not list stands under a 地级市 (直辖市 are all listed), so that is what
        // the 市 is.
        None if to.region_code.is_none()
            && to.region.as_deref().is_some_and(|r| r.ends_with('市'))
            && known.last().is_some_and(|top| {
                top.level == Some(Level::County)
                    && top.region_code.is_none()
                    && top.region.as_deref().is_some_and(|r| r.ends_with(['县', '区', '旗']))
            }) =>
        {
            Level::Prefecture
        }
        None => return None,
    };
    if to_level == Level::Central {
        return None;
    }
    // The first tier passed on the way up: a department's own government and the 镇 that guides a
    // 村委会 sit at the sender's tier; a government's leader is one tier up.
    let (start, guiding) = match (from.kind, to.kind) {
        (Government, Government | Department) => (from.level?.above()?, false),
        (Department, Government) => (from.level?, false),
        (Department, Department) => (from.level?.above()?, true),
        (ResidentsCommittee, Government) => (Level::Township, false),
        _ => return None,
    };
    // Where most counties sit directly under the province (直辖市, 海南), an unlisted county
    // most likely does too: no prefecture lies between.
    if to_level == Level::Province
        && from.level == Some(Level::County)
        && to.region_code.is_some_and(|code| super::gazetteer::gazetteer().counties_mostly_direct(code))
    {
        return None;
    }
    let mut tiers = Vec::new();
    let mut level = start;
    while level > to_level {
        tiers.push(level);
        level = level.above()?;
    }
    if tiers.is_empty() {
        return None;
    }
    let named = |level: Level| {
        let kind = if guiding { Department } else { Government };
        known.iter().find(|o| o.level == Some(level) && o.kind == kind).map(|o| o.name.clone())
    };
    let generic = |level: Level| match (guiding, level) {
        (false, Level::County) if from.kind == Department => "本级人民政府",
        (false, Level::Prefecture) if from.kind == Department && from.level == Some(Level::Prefecture) => {
            "本级人民政府"
        }
        (false, level) => government_of_tier(level),
        (true, Level::County) => "县级对口主管部门",
        (true, Level::Prefecture) => "市级对口主管部门",
        (true, _) => "省级对口主管部门",
    };
    let skipped = tiers.into_iter().map(|level| named(level).unwrap_or_else(|| generic(level).to_string())).collect();
    Some(if guiding { Relation::GuidingSkipping { skipped } } else { Relation::SuperiorSkipping { skipped } })
}

/// A department's function without its joining words: 人力资源和社会保障 and 人力资源社会保障
/// are one.
fn plain_function(function: &str) -> String {
    function.replace(['和', '与', '及'], "")
}

/// Departments that regulate, fund or approve for public institutions of every sector and run
/// none but their own: the words of their function, and the words that name an institution
/// of their own (a 技工学校 is the 人社局's, a 不动产登记中心 the 自然资源局's).
const REGULATORS: &[(&[&str], &[&str])] = &[
    (&["财政"], &[]),
    (&["自然资源", "国土", "规划"], &["测绘", "地质", "不动产"]),
    (&["住房和城乡建设", "住房城乡建设", "住建"], &["住房", "建设工程", "房产"]),
    (&["生态环境", "环境保护"], &["环境"]),
    (&["市场监督管理", "市场监管"], &["质量", "计量", "标准", "检验", "特种设备"]),
    (&["发展和改革", "发展改革"], &["价格", "发展研究"]),
    (&["医疗保障"], &["医保", "医疗保险"]),
    (&["审计"], &[]),
    (&["统计"], &["调查"]),
    (&["税务"], &[]),
    (&["人力资源"], &["人社", "技工", "技师", "就业", "人才", "社会保险", "劳动"]),
];

/// The function of the department that runs a public institution: its 主管部门's, when the
/// model knows it, else what its name says (a hospital: 卫生健康; a college: 教育).
fn institution_sector(org: &Org) -> Option<String> {
    org.parent.as_deref().and_then(department_function).or_else(|| {
        let name = org.name.as_str();
        let rest = org.region.as_deref().and_then(|r| name.split_once(r)).map_or(name, |(_, rest)| rest);
        institution_function(rest)
    })
}
