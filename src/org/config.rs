//! The `[[org]]` and `[[group]]` tables of gwlint.toml, and building the configured graph from
//! them. Key names are part of the public contract (contract.md); snake_case spellings from the
//! specification's proposal are accepted too.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::gazetteer::gazetteer;
use super::kind::{Level, OrgKind};
use super::model::{GroupScope, Leader, Org, OrgGroup};
use super::name::{self, normalize};
use super::person::KnownLeader;

/// One `[[org]]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OrgConfig {
    /// An optional short handle other entries may use in `parent`, `guided-by` …
    #[serde(default)]
    pub id: Option<String>,
    /// Full name (全称), e.g. “江门市人民政府”.
    pub name: String,
    /// 规范化简称 and other names the drafts use, e.g. “市政府”.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub kind: Option<OrgKind>,
    #[serde(default)]
    pub level: Option<Level>,
    /// The 行政区 the organ belongs to, when its name does not say (“某区人民政府”).
    #[serde(default)]
    pub region: Option<String>,
    /// 上级机关 (领导关系), by name, alias or id.
    #[serde(default)]
    pub parent: Option<String>,
    /// 业务指导 organs (上级主管部门).
    #[serde(default, alias = "guided_by")]
    pub guided_by: Vec<String>,
    /// Further leading organs under 双重领导.
    #[serde(default, alias = "dual_parents")]
    pub dual_parents: Vec<String>,
    /// 发文机关代字, e.g. “江府”, “江府办函”.
    #[serde(default, alias = "doc_codes")]
    pub doc_codes: Vec<String>,
    #[serde(default, alias = "authorized_to_address_lower_gov")]
    pub authorized_to_address_lower_gov: Option<bool>,
    #[serde(default, alias = "can_issue_orders")]
    pub can_issue_orders: Option<bool>,
    #[serde(default)]
    pub leaders: Vec<LeaderConfig>,
    /// 主要负责人 (name).
    #[serde(default)]
    pub principal: Option<String>,
}

/// One entry of an `[[org]]`'s `leaders`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LeaderConfig {
    pub name: String,
    /// 职务, e.g. “副市长”.
    pub role: String,
}

/// One `[[group]]` table: a 统称 and the organs it stands for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GroupConfig {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Members by name, alias or id.
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default)]
    pub kind: Option<OrgKind>,
    #[serde(default)]
    pub level: Option<Level>,
    /// The organ the members sit under, when they share one.
    #[serde(default)]
    pub of: Option<String>,
}

/// The configured graph, ready for lookups.
#[derive(Debug, Default, Clone)]
pub(crate) struct Registry {
    pub orgs: Vec<Org>,
    /// Normalised names, aliases, ids and recognised full forms → index in `orgs`.
    pub keys: HashMap<String, usize>,
    pub groups: Vec<OrgGroup>,
    pub group_keys: HashMap<String, usize>,
    pub leaders: Vec<KnownLeader>,
    pub doc_codes: HashMap<String, usize>,
}

impl Registry {
    pub fn get(&self, name: &str) -> Option<&Org> {
        // Most drafts are linted without `[[org]]` tables: no need to normalise the name.
        if self.keys.is_empty() {
            return None;
        }
        self.keys.get(&normalize(name)).and_then(|&i| self.orgs.get(i))
    }
}

pub(crate) fn build(orgs: &[OrgConfig], groups: &[GroupConfig]) -> Result<Registry, String> {
    let mut registry = Registry::default();
    let mut inferred_parents = Vec::with_capacity(orgs.len());
    let mut recognised_names = Vec::with_capacity(orgs.len());

    for (index, config) in orgs.iter().enumerate() {
        let (org, inferred_parent, recognised_name) = org_from_config(index, config)?;
        for key in std::iter::once(&org.name).chain(&org.aliases).cloned().chain(config.id.as_deref().map(normalize)) {
            claim_key(&mut registry.keys, &registry.orgs, key, index, &org.name)?;
        }
        registry.orgs.push(org);
        inferred_parents.push(inferred_parent);
        recognised_names.push(recognised_name);
    }
    // The full form the built-in model gives (“中共江门市委” for a configured “中共江门市委员会”)
    // finds the configured organ too, unless something else already claimed it.
    for (index, recognised) in recognised_names.into_iter().enumerate() {
        if let Some(recognised) = recognised {
            registry.keys.entry(recognised).or_insert(index);
        }
    }

    for (index, config) in orgs.iter().enumerate() {
        let name = registry.orgs.get(index).map(|o| o.name.clone()).unwrap_or_default();
        let parent = match &config.parent {
            Some(parent) => Some(reference(&registry, index, &name, parent, "上级机关（parent）")?),
            None => {
                inferred_parents.get(index).cloned().flatten().map(|p| registry.get(&p).map_or(p, |o| o.name.clone()))
            }
        };
        let guided_by = config
            .guided_by
            .iter()
            .map(|g| reference(&registry, index, &name, g, "业务指导机关（guided-by）"))
            .collect::<Result<Vec<_>, _>>()?;
        let dual_parents = config
            .dual_parents
            .iter()
            .map(|d| reference(&registry, index, &name, d, "双重领导机关（dual-parents）"))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(org) = registry.orgs.get_mut(index) {
            org.parent = parent;
            org.guided_by = guided_by;
            org.dual_parents = dual_parents;
        }
    }

    check_cycles(&registry)?;
    fill_levels_and_regions(&mut registry);

    for (index, org) in registry.orgs.iter().enumerate() {
        for code in &org.doc_codes {
            if let Some(&other) = registry.doc_codes.get(code)
                && other != index
            {
                let other = registry.orgs.get(other).map_or("", |o| o.name.as_str());
                return Err(format!("发文机关代字“{code}”重复：同时用于“{other}”和“{}”", org.name));
            }
            registry.doc_codes.insert(code.clone(), index);
        }
        for leader in &org.leaders {
            registry.leaders.push(KnownLeader {
                name: leader.name.clone(),
                role: leader.role.clone(),
                org: org.name.clone(),
            });
        }
        if let Some(principal) = &org.principal
            && !org.leaders.iter().any(|l| &l.name == principal)
        {
            registry.leaders.push(KnownLeader { name: principal.clone(), role: String::new(), org: org.name.clone() });
        }
    }

    for config in groups {
        let group = group_from_config(&registry, config)?;
        let index = registry.groups.len();
        for key in std::iter::once(group.text.clone()).chain(config.aliases.iter().map(|a| normalize(a))) {
            if key.is_empty() {
                continue;
            }
            if registry.keys.contains_key(&key) || registry.group_keys.contains_key(&key) {
                return Err(format!("统称（[[group]]）名称“{key}”与已定义的机关或统称重复"));
            }
            registry.group_keys.insert(key, index);
        }
        registry.groups.push(group);
    }
    Ok(registry)
}

/// The configured organ, the parent its name implies, and the full form the built-in model
/// gives its name when that differs.
fn org_from_config(index: usize, config: &OrgConfig) -> Result<(Org, Option<String>, Option<String>), String> {
    let name = normalize(&config.name);
    if name.is_empty() {
        return Err(format!("[[org]] 第 {} 项缺少机关名称（name）", index + 1));
    }
    let region_code = config.region.as_deref().and_then(|r| {
        let found = gazetteer().find(&normalize(r), None);
        found.map(|region| region.code)
    });
    let parsed = name::parse(&name, region_code).org;
    let mut leaders = Vec::with_capacity(config.leaders.len());
    for leader in &config.leaders {
        let (leader_name, role) = (normalize(&leader.name), normalize(&leader.role));
        if leader_name.is_empty() || role.is_empty() {
            return Err(format!("机关“{name}”的领导（leaders）须同时写明姓名（name）和职务（role）"));
        }
        leaders.push(Leader { name: leader_name, role });
    }
    let aliases: Vec<String> =
        config.aliases.iter().map(|a| normalize(a)).filter(|a| !a.is_empty() && *a != name).collect();
    let recognised_name = (parsed.kind != OrgKind::Unknown && parsed.name != name).then(|| parsed.name.clone());
    let org = Org {
        name: name.clone(),
        kind: config.kind.unwrap_or(parsed.kind),
        level: config.level.or(parsed.level),
        region: config.region.as_deref().map(normalize).or(parsed.region),
        region_code: region_code.or(parsed.region_code),
        parent: None,
        from_config: true,
        aliases,
        guided_by: Vec::new(),
        dual_parents: Vec::new(),
        doc_codes: config.doc_codes.iter().map(|c| normalize(c)).filter(|c| !c.is_empty()).collect(),
        authorized_to_address_lower_gov: config.authorized_to_address_lower_gov,
        can_issue_orders: config.can_issue_orders,
        leaders,
        principal: config.principal.as_deref().map(normalize).filter(|p| !p.is_empty()),
    };
    Ok((org, parsed.parent, recognised_name))
}

fn claim_key(
    keys: &mut HashMap<String, usize>,
    orgs: &[Org],
    key: String,
    index: usize,
    name: &str,
) -> Result<(), String> {
    if key.is_empty() {
        return Ok(());
    }
    match keys.get(&key) {
        Some(&other) if other != index => {
            let other = orgs.get(other).map_or("", |o| o.name.as_str());
            Err(format!("机关名称或简称“{key}”重复：同时用于“{other}”和“{name}”"))
        }
        _ => {
            keys.insert(key, index);
            Ok(())
        }
    }
}

/// The canonical name `text` refers to: a configured organ, or one the built-in model
/// recognises (广东省人民政府 need not be configured to be a parent).
fn reference(registry: &Registry, index: usize, name: &str, text: &str, field: &str) -> Result<String, String> {
    let key = normalize(text);
    if let Some(&target) = registry.keys.get(&key) {
        if target == index {
            return Err(format!("机关“{name}”的{field}不能是它自己"));
        }
        return Ok(registry.orgs.get(target).map_or(key, |o| o.name.clone()));
    }
    let parsed = name::parse(&key, None).org;
    if parsed.kind != OrgKind::Unknown && !key.is_empty() {
        return Ok(parsed.name);
    }
    Err(format!("机关“{name}”的{field}“{text}”未定义：请在 [[org]] 中添加该机关，或检查名称是否有误"))
}

fn check_cycles(registry: &Registry) -> Result<(), String> {
    for (start, org) in registry.orgs.iter().enumerate() {
        let mut path = vec![org.name.clone()];
        let mut current = org.parent.as_deref().and_then(|p| registry.keys.get(p).copied());
        while let Some(index) = current {
            let Some(next) = registry.orgs.get(index) else { break };
            path.push(next.name.clone());
            if index == start {
                return Err(format!("上级机关（parent）形成循环：{}", path.join(" → ")));
            }
            if path.len() > registry.orgs.len() + 1 {
                break;
            }
            current = next.parent.as_deref().and_then(|p| registry.keys.get(p).copied());
        }
    }
    Ok(())
}

/// An organ whose name does not give its tier or area takes them from its parent: a 部门,
/// 办公室 or 内设机构 sits at its leader's tier, a 政府 or 党委 one tier below.
fn fill_levels_and_regions(registry: &mut Registry) {
    for _ in 0..registry.orgs.len() {
        let mut changed = false;
        for index in 0..registry.orgs.len() {
            let Some(org) = registry.orgs.get(index) else { continue };
            if org.level.is_some() && org.region.is_some() {
                continue;
            }
            let Some(parent) = org.parent.as_deref() else { continue };
            let parent = match registry.get(parent) {
                Some(parent) => parent.clone(),
                None => name::parse(parent, None).org,
            };
            let same_tier = !matches!(org.kind, OrgKind::Government | OrgKind::PartyCommittee);
            let level = if same_tier { parent.level } else { parent.level.and_then(Level::below) };
            let Some(org) = registry.orgs.get_mut(index) else { continue };
            if org.level.is_none() && level.is_some() {
                org.level = level;
                changed = true;
            }
            if org.region.is_none() && same_tier && parent.region.is_some() {
                org.region = parent.region.clone();
                org.region_code = parent.region_code;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

fn group_from_config(registry: &Registry, config: &GroupConfig) -> Result<OrgGroup, String> {
    let text = normalize(&config.name);
    if text.is_empty() {
        return Err("统称（[[group]]）缺少名称（name）".to_string());
    }
    let mut members = Vec::with_capacity(config.members.len());
    for member in &config.members {
        let key = normalize(member);
        let org = match registry.get(&key) {
            Some(org) => org.clone(),
            None => {
                let parsed = name::parse(&key, None).org;
                if parsed.kind == OrgKind::Unknown {
                    return Err(format!("统称“{text}”的成员（members）“{member}”未定义：请在 [[org]] 中添加该机关"));
                }
                parsed
            }
        };
        members.push(org);
    }
    let common = |values: Vec<Option<String>>| -> Option<String> {
        let first = values.first()?.clone()?;
        values.iter().all(|v| v.as_deref() == Some(first.as_str())).then_some(first)
    };
    let kind = config.kind.unwrap_or_else(|| {
        let first = members.first().map_or(OrgKind::Unknown, |m| m.kind);
        if members.iter().all(|m| m.kind == first) { first } else { OrgKind::Unknown }
    });
    let level = config.level.or_else(|| {
        let first = members.first()?.level?;
        members.iter().all(|m| m.level == Some(first)).then_some(first)
    });
    let of = match &config.of {
        Some(of) => {
            let key = normalize(of);
            match registry.get(&key) {
                Some(org) => Some(org.name.clone()),
                None => {
                    let parsed = name::parse(&key, None).org;
                    if parsed.kind == OrgKind::Unknown {
                        return Err(format!("统称“{text}”的所属机关（of）“{of}”未定义"));
                    }
                    Some(parsed.name)
                }
            }
        }
        None => common(members.iter().map(|m| m.parent.clone()).collect()),
    };
    let scope = match kind {
        OrgKind::Government | OrgKind::PartyCommittee => GroupScope::LowerAreas,
        OrgKind::Department => GroupScope::Departments,
        OrgKind::InternalUnit => GroupScope::InternalUnits,
        OrgKind::PublicInstitution => GroupScope::Affiliated,
        _ => GroupScope::Unspecified,
    };
    Ok(OrgGroup {
        text,
        kind,
        level,
        scope,
        of,
        function: None,
        members: members.into_iter().map(|m| m.name).collect(),
        from_config: true,
    })
}
