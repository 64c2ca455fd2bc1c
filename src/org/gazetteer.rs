//! China's administrative divisions down to county level (`lints/regions.tsv`, see its README),
//! so that names can be placed without configuration: 台山市 is a county-level city under 江门市,
//! 江门市 is prefecture-level, and both are in 广东省.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::kind::Level;

const REGIONS_TSV: &str = include_str!("../../lints/regions.tsv");

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(REGIONS_TSV));

/// The built-in gazetteer, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// One administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Six-digit GB/T 2260 code, e.g. 440781.
    pub code: u32,
    /// Official name, e.g. “台山市”.
    pub name: &'static str,
    /// The name without its unit word (“台山”); empty when that would be a single character.
    pub short: &'static str,
    /// `Province`, `Prefecture` or `County`.
    pub level: Level,
    /// Code of the division above; `None` for province-level divisions.
    pub parent: Option<u32>,
}

fn autonomous_short_form(name: &str, short: &str) -> Option<String> {
    if short.is_empty() {
        return None;
    }
    ["州", "县", "旗"].iter().find(|unit| name.ends_with(&format!("自治{unit}"))).map(|unit| format!("{short}{unit}"))
}

/// A division name found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionMatch {
    /// The name identifies one division.
    Unique(Region),
    /// Several divisions share the name (鼓楼区, 城区 …) and nothing said which one is meant.
    Ambiguous { name: &'static str, level: Level },
}

impl RegionMatch {
    pub fn name(&self) -> &'static str {
        match self {
            RegionMatch::Unique(region) => region.name,
            RegionMatch::Ambiguous { name, .. } => name,
        }
    }

    pub fn level(&self) -> Level {
        match self {
            RegionMatch::Unique(region) => region.level,
            RegionMatch::Ambiguous { level, .. } => *level,
        }
    }

    pub fn region(&self) -> Option<Region> {
        match self {
            RegionMatch::Unique(region) => Some(*region),
            RegionMatch::Ambiguous { .. } => None,
        }
    }
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    regions: Vec<Region>,
    by_code: FxHashMap<u32, usize>,
    /// Official names, plus the short forms of autonomous 州/县/旗 (延边州), which is why the
    /// keys are owned.
    by_name: FxHashMap<String, Vec<usize>>,
    by_short: FxHashMap<&'static str, Vec<usize>>,
    /// Codes of the divisions some other division names as its parent.
    with_children: FxHashSet<u32>,
    /// Province-level divisions most of whose county-level divisions sit directly under them
    /// (直辖市, 海南): there, a county writing to the province passes no prefecture.
    counties_mostly_direct: FxHashSet<u32>,
    longest_name_bytes: usize,
    /// The first two characters of every name in `by_name` and `by_short`.
    name_heads: FxHashSet<(char, char)>,
}

impl Gazetteer {
    /// Reads the TSV format of `lints/regions.tsv`; malformed lines are skipped rather than fatal,
    /// since a damaged line must not stop the linter.
    pub fn parse(text: &'static str) -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        let mut alternate_names = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(code), Some(name), Some(short), Some(level), parent) =
                (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let (Ok(code), Some(level)) = (code.parse::<u32>(), Level::parse(level)) else {
                continue;
            };
            if name.is_empty() || gazetteer.by_code.contains_key(&code) {
                continue;
            }
            let parent = parent.and_then(|p| p.trim().parse::<u32>().ok());
            let index = gazetteer.regions.len();
            gazetteer.regions.push(Region { code, name, short, level, parent });
            gazetteer.by_code.insert(code, index);
            gazetteer.by_name.entry(name.to_string()).or_default().push(index);
            // 延边州, 长阳县: the usual way to write an autonomous 州, 县 or 旗 in running text.
            if let Some(alternate) = autonomous_short_form(name, short) {
                alternate_names.push((alternate, index));
            }
            if !short.is_empty() {
                gazetteer.by_short.entry(short).or_default().push(index);
            }
            gazetteer.longest_name_bytes = gazetteer.longest_name_bytes.max(name.len());
        }
        gazetteer.with_children = gazetteer.regions.iter().filter_map(|r| r.parent).collect();
        let mut counties: FxHashMap<u32, (usize, usize)> = FxHashMap::default();
        for region in gazetteer.regions.iter().filter(|r| r.level == Level::County) {
            let province = region.code / 10_000 * 10_000;
            let entry = counties.entry(province).or_default();
            entry.0 += 1;
            entry.1 += usize::from(region.parent == Some(province));
        }
        gazetteer.counties_mostly_direct =
            counties.into_iter().filter(|(_, (all, direct))| direct * 2 > *all).map(|(code, _)| code).collect();
        for (alternate, index) in alternate_names {
            if !gazetteer.by_name.contains_key(&alternate) {
                gazetteer.longest_name_bytes = gazetteer.longest_name_bytes.max(alternate.len());
                gazetteer.by_name.insert(alternate, vec![index]);
            }
        }
        let names = gazetteer.by_name.keys().map(String::as_str).chain(gazetteer.by_short.keys().copied());
        gazetteer.name_heads = names
            .filter_map(|name| {
                let mut chars = name.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect();
        gazetteer
    }

    pub fn len(&self) -> usize {
        self.regions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The divisions written so in running text: by an official name (台山市) or the short form
    /// of an autonomous 州/县/旗 (延边州) — `true` — or by a short name of two or more characters
    /// (台山) — `false`.
    pub fn written(&self, name: &str) -> impl Iterator<Item = (&Region, bool)> + '_ {
        let full = self.by_name.get(name).into_iter().flatten().map(|&i| (&self.regions[i], true));
        let short = self.by_short.get(name).into_iter().flatten().map(|&i| (&self.regions[i], false));
        full.chain(short)
    }

    /// Whether some name a division is written by (official, autonomous short form or short)
    /// begins with these two characters: a quick test before [`Gazetteer::written`].
    pub fn may_begin_name(&self, first: char, second: char) -> bool {
        self.name_heads.contains(&(first, second))
    }

    /// The longest name, in bytes.
    pub fn longest_name_bytes(&self) -> usize {
        self.longest_name_bytes
    }

    pub fn get(&self, code: u32) -> Option<&Region> {
        self.by_code.get(&code).and_then(|&i| self.regions.get(i))
    }

    pub fn parent(&self, region: &Region) -> Option<&Region> {
        region.parent.and_then(|code| self.get(code))
    }

    /// The divisions above `region`, nearest first (台山市 → 江门市, 广东省).
    pub fn ancestors(&self, region: &Region) -> Vec<&Region> {
        let mut chain = Vec::new();
        let mut current = self.parent(region);
        // Three tiers at most; the bound guards against a cyclic data file.
        while let Some(region) = current {
            if chain.len() >= 4 {
                break;
            }
            chain.push(region);
            current = self.parent(region);
        }
        chain
    }

    /// `region` itself, then its ancestors.
    pub fn self_and_ancestors<'g>(&'g self, region: &'g Region) -> Vec<&'g Region> {
        let mut chain = vec![region];
        chain.extend(self.ancestors(region));
        chain
    }

    /// Whether a division has divisions under it. A 地级市 without 县 or 区 (东莞市, 中山市) governs
    /// its 镇 and 街道 directly.
    pub fn has_children(&self, code: u32) -> bool {
        self.with_children.contains(&code)
    }

    /// Whether most county-level divisions of the province-level division `code` sit directly
    /// under it (直辖市, 海南省), so that a county not listed here most likely does too.
    pub fn counties_mostly_direct(&self, code: u32) -> bool {
        self.counties_mostly_direct.contains(&code)
    }

    /// Whether `code` is `ancestor` or lies inside it.
    pub fn is_within(&self, code: u32, ancestor: u32) -> bool {
        self.get(code).is_some_and(|region| self.self_and_ancestors(region).iter().any(|r| r.code == ancestor))
    }

    /// Every division with this official name.
    pub fn named(&self, name: &str) -> Vec<&Region> {
        self.indices_to_regions(self.by_name.get(name))
    }

    /// The division an official or short name means. A name that several divisions share is
    /// resolved only near `near` (a division the text is known to be about): first among `near`'s
    /// descendants, then its parent's, then its grandparent's. A short name shared across tiers
    /// (长沙: 长沙市 and 长沙县) means the higher tier, as it does in speech.
    pub fn find(&self, name: &str, near: Option<u32>) -> Option<&Region> {
        if let Some(found) = self.resolve_among(self.by_name.get(name), near) {
            return Some(found);
        }
        if self.by_name.contains_key(name) {
            return None;
        }
        let candidates = self.by_short.get(name)?;
        if let Some(found) = self.resolve_among(Some(candidates), near) {
            return Some(found);
        }
        let regions = self.indices_to_regions(Some(candidates));
        let top = regions.iter().map(|r| r.level).min()?;
        let mut at_top = regions.into_iter().filter(|r| r.level == top);
        match (at_top.next(), at_top.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// The longest official division name at the start of `text`, and its length in bytes.
    pub fn prefix(&self, text: &str, near: Option<u32>) -> Option<(RegionMatch, usize)> {
        let mut ends: Vec<usize> = text
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&end| end <= self.longest_name_bytes)
            .collect();
        ends.reverse();
        for end in ends {
            let Some(candidate) = text.get(..end) else {
                continue;
            };
            let Some(indices) = self.by_name.get(candidate) else {
                continue;
            };
            if let Some(region) = self.resolve_among(Some(indices), near) {
                return Some((RegionMatch::Unique(*region), end));
            }
            let first = self.regions.get(*indices.first()?)?;
            return Some((RegionMatch::Ambiguous { name: first.name, level: first.level }, end));
        }
        None
    }

    /// A name that identifies `region` on its own: its official name, or, where several
    /// divisions share it, the parent's name before it (南京市鼓楼区).
    pub fn qualified_name(&self, region: &Region) -> String {
        let shared = self.by_name.get(region.name).is_some_and(|v| v.len() > 1);
        match self.parent(region) {
            Some(parent) if shared => format!("{}{}", parent.name, region.name),
            _ => region.name.to_string(),
        }
    }

    fn resolve_among(&self, indices: Option<&Vec<usize>>, near: Option<u32>) -> Option<&Region> {
        let regions = self.indices_to_regions(indices);
        match regions.as_slice() {
            [] => None,
            [only] => Some(only),
            _ => {
                let near = self.get(near?)?;
                // Only the near region itself and its direct children, then its parent's: a
                // 城区 named in a 江门市 document is not 汕尾市城区 just because that is the only
                // one in the province.
                for anchor in self.self_and_ancestors(near) {
                    let mut inside = regions.iter().filter(|r| r.code == anchor.code || r.parent == Some(anchor.code));
                    match (inside.next(), inside.next()) {
                        (Some(only), None) => return Some(only),
                        (Some(_), Some(_)) => return None,
                        _ => {}
                    }
                }
                None
            }
        }
    }

    fn indices_to_regions(&self, indices: Option<&Vec<usize>>) -> Vec<&Region> {
        indices.map(|v| v.iter().filter_map(|&i| self.regions.get(i)).collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        gazetteer()
    }

    #[test]
    fn the_embedded_data_covers_every_tier() {
        let count = |level| g().regions().iter().filter(|r| r.level == level).count();
        assert!(count(Level::Province) >= 34);
        assert!(count(Level::Prefecture) > 300);
        assert!(count(Level::County) > 2800);
    }

    #[test]
    fn jiangmen_and_its_counties() {
        let jiangmen = g().find("江门市", None).unwrap();
        assert_eq!((jiangmen.code, jiangmen.level), (440700, Level::Prefecture));
        assert_eq!(g().parent(jiangmen).unwrap().name, "广东省");
        let taishan = g().find("台山市", None).unwrap();
        assert_eq!(taishan.level, Level::County);
        assert_eq!(taishan.parent, Some(440700));
        for county in ["蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市"] {
            let region = g().find(county, None).unwrap();
            assert_eq!(g().parent(region).unwrap().name, "江门市", "{county}");
        }
        let names: Vec<_> = g().ancestors(taishan).iter().map(|r| r.name).collect();
        assert_eq!(names, ["江门市", "广东省"]);
    }

    #[test]
    fn short_names_expand_and_prefer_the_higher_tier() {
        assert_eq!(g().find("江门", None).unwrap().name, "江门市");
        assert_eq!(g().find("台山", None).unwrap().name, "台山市");
        assert_eq!(g().find("广西", None).unwrap().name, "广西壮族自治区");
        assert_eq!(g().find("长沙", None).unwrap().name, "长沙市");
        assert_eq!(g().find("延边", None).unwrap().name, "延边朝鲜族自治州");
    }

    #[test]
    fn shared_names_resolve_only_near_a_known_region() {
        assert!(g().named("鼓楼区").len() >= 3);
        assert_eq!(g().find("鼓楼区", None), None);
        let nanjing = g().find("南京市", None).unwrap();
        let gulou = g().find("鼓楼区", Some(nanjing.code)).unwrap();
        assert_eq!(g().parent(gulou).unwrap().name, "南京市");
        assert_eq!(g().qualified_name(gulou), "南京市鼓楼区");
        assert_eq!(g().qualified_name(g().find("台山市", None).unwrap()), "台山市");
        // A sibling district of the context region finds its namesake through the parent.
        let xuanwu = g().find("玄武区", None).unwrap();
        assert_eq!(g().find("鼓楼区", Some(xuanwu.code)), Some(gulou));
        // …but not a namesake elsewhere in the province.
        let jiangmen = g().find("江门市", None).unwrap();
        assert_eq!(g().find("城区", Some(jiangmen.code)), None);
        let yangquan = g().find("阳泉市", None).unwrap();
        assert_eq!(g().parent(g().find("城区", Some(yangquan.code)).unwrap()), Some(yangquan));
        let dongcheng = g().find("东城区", None).unwrap();
        assert_eq!(g().parent(g().find("朝阳区", Some(dongcheng.code)).unwrap()).unwrap().name, "北京市");
    }

    #[test]
    fn prefixes_take_the_longest_name() {
        let (m, len) = g().prefix("江门市新会区人民政府", None).unwrap();
        assert_eq!((m.name(), len), ("江门市", "江门市".len()));
        let (m, _) = g().prefix("市中区人民政府", None).unwrap();
        assert!(matches!(m, RegionMatch::Ambiguous { name: "市中区", level: Level::County }));
        assert_eq!(g().prefix("市政府", None), None);
        assert_eq!(g().prefix("", None), None);
    }

    #[test]
    fn municipalities_and_directly_administered_counties_hang_from_the_province() {
        let dongcheng = g().find("东城区", None).unwrap();
        assert_eq!(g().parent(dongcheng).unwrap().name, "北京市");
        assert_eq!(g().find("北京市", None).unwrap().level, Level::Province);
        assert_eq!(g().parent(g().find("济源市", None).unwrap()).unwrap().name, "河南省");
        assert_eq!(g().find("东莞市", None).unwrap().level, Level::Prefecture);
        assert!(!g().has_children(g().find("东莞市", None).unwrap().code));
        assert!(g().has_children(g().find("江门市", None).unwrap().code));
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let parsed = Gazetteer::parse("# c\n1\tA市\tA\t市\n\nx\tB\t\t省\t\n2\tC省\t\t未知\t\n3\tD省\t\t省\t\n");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed.get(3).unwrap().name, "D省");
    }
}
