//! Rule packs by jurisdiction: what each built-in pack holds (`lints/packs/*.toml`) and which
//! packs apply to a draft, and why.
//!
//! `national` always applies. A regional pack names its region by GB/T 2260 code (`region`); it
//! applies by itself to a draft whose resolved sender lies in that region, as the gazetteer
//! places it — a 台山市教育局 draft meets the 江门 rules. A `rule-packs` list in gwlint.toml
//! switches this off: then exactly the listed packs apply.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::org::gazetteer::gazetteer;
use crate::org::{Org, OrgView};
use crate::rules::Pack;

/// A rule pack file: built-in (`lints/packs/<name>.toml`) or the user's own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct PackFile {
    pub name: String,
    #[serde(default)]
    #[allow(dead_code)] // documentation for people reading the file
    pub description: Option<String>,
    /// The GB/T 2260 code of the region the pack is for (440700 for 江门市).
    #[serde(default)]
    pub region: Option<u32>,
    /// Titles of the local texts the pack stands for (`《江门市人民政府工作规则》`): a rule's
    /// citation of them is shown only to drafts the pack applies to.
    #[serde(default)]
    pub cites: Vec<String>,
    /// Rules (codes or names) the pack turns on beyond those of its built-in namesake.
    #[serde(default)]
    pub enable: Vec<String>,
    #[serde(default)]
    pub rules: BTreeMap<String, toml::Table>,
}

/// A built-in pack, as its file describes it.
#[derive(Debug)]
pub struct BuiltinPack {
    pub pack: Pack,
    /// GB/T 2260 code of the region the pack covers; `None` for `national`.
    pub region: Option<u32>,
    /// Rule parameters by code (江门's 2/5/10/5 working days).
    pub params: FxHashMap<String, toml::Table>,
    /// Titles of the local texts it stands for.
    pub cites: Vec<String>,
}

const BUILTIN_FILES: &[(Pack, &str)] = &[
    (Pack::National, include_str!("../lints/packs/national.toml")),
    (Pack::Guangdong, include_str!("../lints/packs/guangdong.toml")),
    (Pack::Jiangmen, include_str!("../lints/packs/jiangmen.toml")),
];

static BUILTIN: LazyLock<Vec<BuiltinPack>> = LazyLock::new(|| {
    BUILTIN_FILES
        .iter()
        .map(|(pack, text)| {
            let file: PackFile = toml::from_str(text).expect("built-in rule pack is valid");
            BuiltinPack {
                pack: *pack,
                region: file.region,
                params: file.rules.into_iter().collect(),
                cites: file.cites,
            }
        })
        .collect()
});

impl BuiltinPack {
    /// The tier of its region, `None` for `national`: a more local pack's parameters win.
    pub fn tier(&self) -> Option<crate::org::Level> {
        self.region.and_then(|code| gazetteer().get(code)).map(|r| r.level)
    }
}

/// The built-in packs, `national` first.
pub fn builtin() -> &'static [BuiltinPack] {
    &BUILTIN
}

/// The built-in pack of this name.
pub fn builtin_pack(pack: Pack) -> Option<&'static BuiltinPack> {
    builtin().iter().find(|b| b.pack == pack)
}

/// How `gwlint.toml` chooses packs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PackSelection {
    /// No `rule-packs`: `national`, and the regional packs of the sender's region.
    #[default]
    ByJurisdiction,
    /// `rule-packs` lists these built-in packs (and `custom`, the names of pack files).
    Listed { packs: Vec<Pack>, custom: Vec<String> },
}

/// One pack that applies to a draft, and why.
#[derive(Debug, Clone, Serialize)]
pub struct AppliedPack {
    /// `national`, `jiangmen` …, or a custom pack's own name.
    pub name: String,
    /// What people call it: 全国, 广东, 江门 (the region's short name), or the custom name.
    pub label: String,
    #[serde(skip)]
    pub pack: Option<Pack>,
    /// GB/T 2260 code of the region that made it apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_code: Option<u32>,
    pub reason: String,
}

/// The packs that apply to one draft.
#[derive(Debug, Clone, Serialize)]
pub struct AppliedPacks {
    pub packs: Vec<AppliedPack>,
    /// Why no regional pack applies, when none does by jurisdiction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl AppliedPacks {
    pub fn contains(&self, pack: Pack) -> bool {
        self.packs.iter().any(|p| p.pack == Some(pack))
    }

    /// The built-in packs among them, in order.
    pub fn builtin(&self) -> impl Iterator<Item = &'static BuiltinPack> + '_ {
        self.packs.iter().filter_map(|p| p.pack).filter_map(builtin_pack)
    }

    /// A rule's `source` as this draft should read it: the national text for everyone, a local
    /// text (《江门市人民政府工作规则》…) only where its pack applies. Citations are separated
    /// by `；`; a source made only of local citations is kept whole (the rule was chosen).
    pub fn cite<'s>(&self, source: &'s str) -> Cow<'s, str> {
        // One citation is kept whole whether or not it is local.
        if !source.contains('；') {
            return Cow::Borrowed(source);
        }
        let foreign = |segment: &str| {
            builtin()
                .iter()
                .filter(|b| !self.contains(b.pack))
                .any(|b| b.cites.iter().any(|t| starts_with_ignoring_spaces(segment, t)))
        };
        let kept: Vec<&str> = source.split('；').filter(|s| !foreign(s)).collect();
        if kept.is_empty() || kept.len() == source.split('；').count() {
            Cow::Borrowed(source)
        } else {
            Cow::Owned(kept.join("；"))
        }
    }

    /// Only `national`: what a draft gets when nothing places it.
    pub fn national_only() -> AppliedPacks {
        AppliedPacks { packs: vec![national()], note: None }
    }
}

/// Whether `text`, with its whitespace left out, begins with `prefix` (a citation may be
/// written `《江门市人民政府工作规则》 第十条` or across a line break). Reads only as far as
/// `prefix` goes: sources can be long.
fn starts_with_ignoring_spaces(text: &str, prefix: &str) -> bool {
    let mut text = text.chars().filter(|c| !c.is_whitespace());
    prefix.chars().all(|p| text.next() == Some(p))
}

/// 全国 for `national`; a regional pack's region's short name (江门).
fn label(pack: Pack) -> String {
    let region = builtin_pack(pack).and_then(|b| b.region).and_then(|code| gazetteer().get(code));
    region.map_or_else(|| "全国".to_string(), |r| if r.short.is_empty() { r.name } else { r.short }.to_string())
}

fn national() -> AppliedPack {
    AppliedPack {
        name: Pack::National.as_str().to_string(),
        label: label(Pack::National),
        pack: Some(Pack::National),
        region_code: None,
        reason: "全国性规定，始终适用".to_string(),
    }
}

impl PackSelection {
    /// The packs that apply to a draft from `sender` (its resolved 发文机关, if any).
    pub fn apply(&self, sender: Option<&Org>, orgs: &OrgView) -> AppliedPacks {
        match self {
            PackSelection::Listed { packs, custom } => {
                let listed = |name: &str, pack: Option<Pack>| AppliedPack {
                    name: name.to_string(),
                    label: pack.map_or_else(|| name.to_string(), label),
                    pack,
                    region_code: None,
                    reason: "gwlint.toml 的 rule-packs 列出".to_string(),
                };
                AppliedPacks {
                    packs: packs
                        .iter()
                        .map(|p| listed(p.as_str(), Some(*p)))
                        .chain(custom.iter().map(|name| listed(name, None)))
                        .collect(),
                    note: Some(
                        "gwlint.toml 写明了 rule-packs，只启用其中列出的规则包，不按发文机关所在地启用".to_string(),
                    ),
                }
            }
            PackSelection::ByJurisdiction => by_jurisdiction(sender, orgs),
        }
    }
}

fn by_jurisdiction(sender: Option<&Org>, orgs: &OrgView) -> AppliedPacks {
    let mut applied = AppliedPacks::national_only();
    let Some(sender) = sender else {
        applied.note = Some("未识别发文机关，不启用地方规则包".to_string());
        return applied;
    };
    let Some(code) = orgs.region_code(sender) else {
        applied.note = Some(format!("未能确定发文机关“{}”所属的行政区，不启用地方规则包", sender.name));
        return applied;
    };
    let g = gazetteer();
    for builtin in builtin() {
        let Some(region) = builtin.region.filter(|&region| g.is_within(code, region)) else { continue };
        let region_name = g.get(region).map_or("", |r| r.name);
        applied.packs.push(AppliedPack {
            name: builtin.pack.as_str().to_string(),
            label: label(builtin.pack),
            pack: Some(builtin.pack),
            region_code: Some(region),
            reason: format!("发文机关“{}”属{region_name}（{}）", sender.name, short_code(region)),
        });
    }
    if applied.packs.len() == 1 {
        let place = g.get(code).map_or_else(String::new, |r| g.qualified_name(r));
        applied.note =
            Some(format!("发文机关“{}”属{place}（{}），不在任何地方规则包的范围内", sender.name, short_code(code)));
    }
    applied
}

/// A division code as people write it: 440700 → “4407”, 440000 → “44”.
pub fn short_code(code: u32) -> String {
    let mut code = code;
    while code != 0 && code.is_multiple_of(100) {
        code /= 100;
    }
    code.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packs_for(sender: &str) -> AppliedPacks {
        let orgs = OrgView::default();
        let sender = orgs.parse_name(sender);
        PackSelection::ByJurisdiction.apply(Some(&sender), &orgs)
    }

    fn names(applied: &AppliedPacks) -> Vec<&str> {
        applied.packs.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn local_citations_are_kept_only_where_their_pack_applies() {
        let source = "《党政机关公文处理工作条例》第十五条；《江门市人民政府\n工作规则》第十条；《广东省地方立法条例》";
        let national = "《党政机关公文处理工作条例》第十五条";
        assert_eq!(packs_for("台山市教育局").cite(source), source);
        assert_eq!(packs_for("韶关市教育局").cite(source), format!("{national}；《广东省地方立法条例》"));
        assert_eq!(packs_for("长沙市教育局").cite(source), national);
        // A source of local citations only is kept whole, and so is one citation.
        assert_eq!(
            packs_for("长沙市教育局").cite("《江门市人民政府工作规则》第十条"),
            "《江门市人民政府工作规则》第十条"
        );
        assert!(!starts_with_ignoring_spaces("《江门市", "《江门市人民政府工作规则》"));
    }

    #[test]
    fn regional_packs_follow_the_senders_region() {
        let taishan = packs_for("台山市教育局");
        assert_eq!(names(&taishan), ["national", "guangdong", "jiangmen"]);
        let jiangmen = taishan.packs.iter().find(|p| p.name == "jiangmen").unwrap();
        assert_eq!(jiangmen.reason, "发文机关“台山市教育局”属江门市（4407）");
        assert_eq!((jiangmen.region_code, jiangmen.label.as_str()), (Some(440700), "江门"));
        assert_eq!(names(&packs_for("台山市汶村镇人民政府")), ["national", "guangdong", "jiangmen"]);
        assert_eq!(names(&packs_for("佛山市人民政府")), ["national", "guangdong"]);
        let sichuan = packs_for("南充市顺庆区教育局");
        assert_eq!(names(&sichuan), ["national"]);
        assert!(sichuan.note.as_deref().is_some_and(|n| n.contains("不在任何地方规则包的范围内")), "{sichuan:?}");
        // Central organs lie in no region.
        assert_eq!(names(&packs_for("教育部")), ["national"]);
    }

    #[test]
    fn no_sender_no_regional_pack() {
        let applied = PackSelection::ByJurisdiction.apply(None, &OrgView::default());
        assert_eq!(names(&applied), ["national"]);
        assert_eq!(applied.note.as_deref(), Some("未识别发文机关，不启用地方规则包"));
    }

    #[test]
    fn a_listed_selection_is_exactly_what_it_lists() {
        let orgs = OrgView::default();
        let sender = orgs.parse_name("台山市教育局");
        let listed = PackSelection::Listed { packs: vec![Pack::National], custom: vec!["zhuhai".into()] };
        let applied = listed.apply(Some(&sender), &orgs);
        assert_eq!(names(&applied), ["national", "zhuhai"]);
        assert!(!applied.contains(Pack::Jiangmen));
    }

    /// A rule sits in the pack of the text it rests on first: the 条例, the national standards,
    /// the 八项规定 or the 减负 provisions → national; a province's or a city's own rules → that
    /// pack, whose file holds the local numbers.
    #[test]
    fn each_rule_sits_in_the_pack_of_the_text_it_rests_on() {
        for rule in crate::rules::all_rules() {
            let meta = rule.meta();
            let expected = if meta.source.starts_with("《江门") {
                Pack::Jiangmen
            } else if meta.source.starts_with("《广东") {
                Pack::Guangdong
            } else {
                Pack::National
            };
            assert_eq!(meta.pack, expected, "{} rests on {}", meta.code, meta.source);
        }
    }

    #[test]
    fn built_in_regions_are_gazetteer_divisions() {
        for pack in builtin() {
            if let Some(region) = pack.region {
                assert!(gazetteer().get(region).is_some(), "{:?}: {region}", pack.pack);
            }
        }
        assert_eq!(builtin_pack(Pack::Jiangmen).and_then(|p| p.region), Some(440700));
        assert_eq!(builtin_pack(Pack::Guangdong).and_then(|p| p.region), Some(440000));
        assert_eq!(builtin_pack(Pack::National).and_then(|p| p.region), None);
        assert_eq!(
            (short_code(440700), short_code(440000), short_code(440781)),
            ("4407".into(), "44".into(), "440781".into())
        );
    }
}
