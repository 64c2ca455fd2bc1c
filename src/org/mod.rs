//! Organisations: who sends, who receives, and how they relate.
//!
//! Two sources of knowledge, the first winning: the user's `[[org]]` / `[[group]]` configuration
//! (the organisation graph of rules.md §5), and a built-in model that reads common names
//! (江门市人民政府, 台山市教育局, 中共江门市委, 市府办 …) with the help of an embedded gazetteer of
//! China's administrative divisions (`lints/regions.tsv`). Facts neither source gives stay unknown,
//! and rules that need them stay silent.

mod config;
pub mod gazetteer;
mod group;
mod kind;
mod list;
mod model;
mod name;
pub mod parties;
mod person;
mod relation;

pub use config::{GroupConfig, LeaderConfig, OrgConfig};
pub use kind::{Level, OrgKind};
pub use model::{Addressee, GroupScope, Leader, Org, OrgGroup, Relation};
pub(crate) use name::department_function;
pub use name::normalize;
pub(crate) use name::unit_endings;
pub use parties::{Parties, Party};
pub use person::{
    ends_with_title, is_full_name, is_personal_signature, is_surname_char, names_person_by_office, organ_before_title,
    starts_with_surname, starts_with_title,
};
pub use relation::tier_of_unnamed_government;

use crate::span::Span;
use config::Registry;

/// The organisation model a lint run works with: the configured graph plus the built-in model.
#[derive(Debug, Default, Clone)]
pub struct OrgView {
    registry: Registry,
}

impl OrgView {
    /// The view of a configuration's `[[org]]` tables. Errors are Chinese messages naming the
    /// offending entry (duplicate names, unknown `parent`, cycles …).
    pub fn new(configs: &[OrgConfig]) -> Result<OrgView, String> {
        OrgView::with_groups(configs, &[])
    }

    /// As [`OrgView::new`], with the `[[group]]` tables too.
    pub fn with_groups(configs: &[OrgConfig], groups: &[GroupConfig]) -> Result<OrgView, String> {
        Ok(OrgView { registry: config::build(configs, groups)? })
    }

    /// The configured organs, in configuration order.
    pub fn orgs(&self) -> &[Org] {
        &self.registry.orgs
    }

    /// The configured 统称.
    pub fn groups(&self) -> &[OrgGroup] {
        &self.registry.groups
    }

    /// A configured organ by name, alias or id.
    pub fn get(&self, name: &str) -> Option<&Org> {
        self.registry.get(name)
    }

    /// The configured organ a 发文机关代字 belongs to (“江府办函” → 江门市人民政府办公室).
    pub fn by_doc_code(&self, code: &str) -> Option<&Org> {
        let code = normalize(code);
        self.registry.doc_codes.get(&code).and_then(|&i| self.registry.orgs.get(i))
    }

    /// Whether `name` could be read as an organ of a known kind — configured, or by the built-in
    /// model. `false` is certain, and cheap: for guesses at where a name begins or ends.
    pub fn may_name_known_organ(&self, name: &str) -> bool {
        name::may_name_organ(name) || self.get(name).is_some()
    }

    /// `name` read in `context`, when it is an organ of a known kind: for guesses at where a
    /// name begins or ends, which mostly are not names and are refused before the parse.
    pub fn known_organ(&self, name: &str, context: Option<&Org>) -> Option<Org> {
        if !self.may_name_known_organ(name) {
            return None;
        }
        Some(self.parse_name_in(name, context)).filter(|org| org.kind != OrgKind::Unknown)
    }

    /// The organ a name stands for, read by the built-in model, without a context region.
    /// A name that turns out to be configured yields the configured organ.
    pub fn parse_name(&self, name: &str) -> Org {
        self.parse_name_in(name, None)
    }

    /// As [`OrgView::parse_name`], reading relative names (市政府, 市府办, 区教育局) and names that
    /// several regions share against `context`'s region.
    pub fn parse_name_in(&self, name: &str, context: Option<&Org>) -> Org {
        if let Some(org) = self.get(name) {
            return org.clone();
        }
        let near = context.and_then(|c| self.region_code(c));
        if near.is_none()
            && let Some(qualified) = context.and_then(|c| self.qualify_relative(name, c))
        {
            return self.parse_name_in(&qualified, None);
        }
        let org = name::parse(name, near).org;
        match self.get(&org.name) {
            Some(configured) => configured.clone(),
            None => org,
        }
    }

    /// A relative name (县自然资源局, 区政府) written by an organ of a place the gazetteer does not
    /// list (瑞金源县教育体育局): the name with that place written out (瑞金源县自然资源局). The
    /// place is the context's own, or that of the organ above it whose unit word matches.
    fn qualify_relative(&self, name: &str, context: &Org) -> Option<String> {
        let norm = normalize(name);
        let unit = norm.chars().next().filter(|c| "省市州盟县区旗镇乡".contains(*c))?;
        let rest = &norm[unit.len_utf8()..];
        if rest.is_empty() || name::relative_word_stands_alone(rest) {
            return None;
        }
        let mut org = context.clone();
        for _ in 0..3 {
            if let Some(region) = org.region.as_deref().filter(|r| r.ends_with(unit))
                && let Some(at) = org.name.find(region)
            {
                return Some(format!("{}{rest}", &org.name[..at + region.len()]));
            }
            org = name::parse(org.parent.as_deref()?, None).org;
        }
        None
    }

    /// What a 主送 / 抄送 item refers to. Configured names and aliases first, then 统称, then
    /// people (“王副市长”), then the built-in name model.
    pub fn resolve(&self, text: &str, context: Option<&Org>) -> Addressee {
        let norm = normalize(text);
        if norm.is_empty() {
            return Addressee::Unknown { text: text.trim().to_string() };
        }
        if let Some(org) = self.get(&norm) {
            return Addressee::Org(org.clone());
        }
        if let Some(group) = self.registry.group_keys.get(&norm).and_then(|&i| self.registry.groups.get(i)) {
            return Addressee::Group(group.clone());
        }
        let near = context.and_then(|c| self.region_code(c));
        if let Some(mut group) = group::recognise(&norm, context, near) {
            if let Some(of) = group.of.as_deref().and_then(|of| self.get(of)) {
                group.of = Some(of.name.clone());
            }
            return Addressee::Group(group);
        }
        if let Some(person) = person::recognise(&norm, &self.registry.leaders, near) {
            let org = person.org.map(|o| self.get(&o).map_or(o, |c| c.name.clone()));
            return Addressee::Person { text: norm, title: person.title, name: person.name, org };
        }
        let org = self.parse_name_in(&norm, context);
        if org.is_recognised() { Addressee::Org(org) } else { Addressee::Unknown { text: norm } }
    }

    /// What a 主送 / 抄送 item refers to, as one addressee or — when the item runs several organs
    /// together (省委省政府, 中共江门市委 江门市人民政府) and reads as nothing whole — as each of
    /// them, split by longest match. Byte ranges are relative to `text`.
    pub fn resolve_each(&self, text: &str, context: Option<&Org>) -> Vec<(Addressee, std::ops::Range<usize>)> {
        let whole = self.resolve(text, context);
        let unread = match &whole {
            Addressee::Unknown { .. } => true,
            Addressee::Org(org) => org.kind == OrgKind::Unknown,
            _ => false,
        };
        if unread && let Some(organs) = self.organs_run_together(text, context, 0) {
            return organs;
        }
        vec![(whole, 0..text.len())]
    }

    /// `text` as two or more organs of known kinds written one after another, longest first.
    fn organs_run_together(
        &self,
        text: &str,
        context: Option<&Org>,
        depth: usize,
    ) -> Option<Vec<(Addressee, std::ops::Range<usize>)>> {
        const MOST_ORGANS: usize = 4;
        if depth >= MOST_ORGANS {
            return None;
        }
        let known = |part: &str| match self.may_name_known_organ(part).then(|| self.resolve(part, context))? {
            Addressee::Org(org) if org.kind != OrgKind::Unknown => Some(Addressee::Org(org)),
            _ => None,
        };
        let ends = text.char_indices().map(|(i, _)| i).skip(2).collect::<Vec<_>>();
        for &end in ends.iter().rev() {
            let (head, tail) = text.split_at(end);
            let Some(first) = known(head) else { continue };
            let tail_start = end + (tail.len() - tail.trim_start().len());
            let tail = tail.trim();
            if tail.is_empty() {
                continue;
            }
            let rest = match known(tail) {
                Some(organ) => vec![(organ, 0..tail.len())],
                None => match self.organs_run_together(tail, context, depth + 1) {
                    Some(rest) => rest,
                    None => continue,
                },
            };
            let head_len = head.trim_end().len();
            let mut organs = vec![(first, 0..head_len)];
            organs.extend(rest.into_iter().map(|(a, r)| (a, r.start + tail_start..r.end + tail_start)));
            return Some(organs);
        }
        None
    }

    /// The items of a 主送 / 抄送 line with their byte ranges relative to `text`; see
    /// [`list::split_list`].
    pub fn split_list(text: &str) -> Vec<(String, Span)> {
        list::split_list(text)
    }

    /// The organ that leads `org` (its `parent`), when known.
    pub fn parent(&self, org: &Org) -> Option<Org> {
        let parent = org.parent.as_deref()?;
        Some(self.parse_name(parent))
    }

    /// The chain of leading organs above `org`, nearest first (台山市教育局 → 台山市人民政府,
    /// 江门市人民政府, 广东省人民政府, 国务院). Stops where the next parent is unknown.
    pub fn ancestors(&self, org: &Org) -> Vec<Org> {
        let mut chain: Vec<Org> = Vec::new();
        let mut current = org.parent.clone();
        while let Some(parent) = current {
            // A configured cycle is rejected at load time; this bound keeps odd input finite.
            if chain.len() >= 12 || parent == org.name || chain.iter().any(|a| a.name == parent) {
                break;
            }
            let parent = self.parse_name(&parent);
            current = parent.parent.clone();
            chain.push(parent);
        }
        chain
    }

    /// The GB/T 2260 code of the division `org` lies in: its own region's, or else that of the
    /// nearest leading organ that has one (a 镇, which the gazetteer does not list, lies in its
    /// county).
    pub fn region_code(&self, org: &Org) -> Option<u32> {
        let own = |org: &Org| {
            org.region_code.or_else(|| {
                let region = org.region.as_deref()?;
                gazetteer::gazetteer().find(region, None).map(|r| r.code)
            })
        };
        own(org).or_else(|| self.ancestors(org).iter().find_map(own))
    }
}

#[cfg(test)]
mod tests;
