//! What sort of organ something is, and at which tier of government it sits.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The sort of organ. The 行文规则 depend on it: a 部门 may not issue directives to a lower
/// 政府 (GW204), a 内设机构 may not write to outside bodies (GW206), and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    /// 党委: 中共中央, 中共X省委, 中共X市委 …
    PartyCommittee,
    /// 人民政府 (and the 国务院, and a 街道办事处 as the county government's 派出机关).
    Government,
    /// 工作部门 of a government or 党委: X局, X厅, X委员会, 教育部, 市委组织部 …
    Department,
    /// 办公厅（室） of a 党委, 政府, 人大 or 政协 — the one organ of those that writes on their behalf.
    GeneralOffice,
    /// 内设机构 of a department: X科, X处, X股, and the department's own 办公室.
    InternalUnit,
    /// 事业单位. Never inferred from a name alone (a “中心” may be either this or a 内设机构).
    PublicInstitution,
    /// 人大常委会.
    PeoplesCongress,
    /// 政协.
    Cppcc,
    /// 人民法院.
    Court,
    /// 人民检察院.
    Procuratorate,
    /// 纪委监委.
    DisciplineCommission,
    /// 企业: 公司, 集团, 厂, 银行及其分支行.
    Enterprise,
    /// 群团组织: 工会, 共青团, 妇联, 科协, 文联, 侨联, 残联 …
    MassOrganization,
    /// 社会组织 (社会团体, 基金会): 协会, 学会, 商会, 研究会 … — not the 群团 above, and led by
    /// no organ of the state, though it may be registered with one.
    SocialOrganization,
    /// 村民委员会 and 居民委员会, the 基层群众性自治组织: guided, not led, by the 乡镇 government
    /// or 街道办事处 above them.
    ResidentsCommittee,
    /// 议事协调机构: 领导小组, 指挥部, 联席会议 …
    CoordinationBody,
    /// Not known; rules that need the kind stay silent.
    Unknown,
}

impl OrgKind {
    pub const ALL: [OrgKind; 17] = [
        OrgKind::PartyCommittee,
        OrgKind::Government,
        OrgKind::Department,
        OrgKind::GeneralOffice,
        OrgKind::InternalUnit,
        OrgKind::PublicInstitution,
        OrgKind::PeoplesCongress,
        OrgKind::Cppcc,
        OrgKind::Court,
        OrgKind::Procuratorate,
        OrgKind::DisciplineCommission,
        OrgKind::Enterprise,
        OrgKind::MassOrganization,
        OrgKind::SocialOrganization,
        OrgKind::ResidentsCommittee,
        OrgKind::CoordinationBody,
        OrgKind::Unknown,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            OrgKind::PartyCommittee => "党委",
            OrgKind::Government => "政府",
            OrgKind::Department => "部门",
            OrgKind::GeneralOffice => "办公厅（室）",
            OrgKind::InternalUnit => "内设机构",
            OrgKind::PublicInstitution => "事业单位",
            OrgKind::PeoplesCongress => "人大",
            OrgKind::Cppcc => "政协",
            OrgKind::Court => "法院",
            OrgKind::Procuratorate => "检察院",
            OrgKind::DisciplineCommission => "纪委监委",
            OrgKind::Enterprise => "企业",
            OrgKind::MassOrganization => "群团",
            OrgKind::SocialOrganization => "社会组织",
            OrgKind::ResidentsCommittee => "村（居）民委员会",
            OrgKind::CoordinationBody => "议事协调机构",
            OrgKind::Unknown => "未知",
        }
    }

    /// A `kind` value from configuration: the Chinese names (as in the contract), a few common
    /// synonyms, and the English names of the specification's proposal.
    pub fn parse(value: &str) -> Option<OrgKind> {
        let value = value.trim();
        let kind = match value {
            "党委" | "党的委员会" | "党委机关" => OrgKind::PartyCommittee,
            "政府" | "人民政府" => OrgKind::Government,
            "部门" | "工作部门" | "政府部门" | "党委部门" => OrgKind::Department,
            "办公厅（室）" | "办公厅(室)" | "办公厅室" | "办公厅" | "办公室" => {
                OrgKind::GeneralOffice
            }
            "内设机构" | "内设科室" | "科室" => OrgKind::InternalUnit,
            "事业单位" | "直属事业单位" => OrgKind::PublicInstitution,
            "人大" | "人大常委会" => OrgKind::PeoplesCongress,
            "政协" => OrgKind::Cppcc,
            "法院" | "人民法院" => OrgKind::Court,
            "检察院" | "人民检察院" => OrgKind::Procuratorate,
            "纪委监委" | "纪委" | "监委" => OrgKind::DisciplineCommission,
            "企业" | "国有企业" => OrgKind::Enterprise,
            "群团" | "群团组织" | "人民团体" => OrgKind::MassOrganization,
            "社会组织" | "社会团体" | "社团" => OrgKind::SocialOrganization,
            "村（居）民委员会"
            | "村(居)民委员会"
            | "村民委员会"
            | "居民委员会"
            | "村委会"
            | "居委会"
            | "村（居）委会"
            | "基层群众性自治组织" => OrgKind::ResidentsCommittee,
            "议事协调机构" => OrgKind::CoordinationBody,
            "未知" => OrgKind::Unknown,
            _ => {
                return match value.to_ascii_lowercase().replace('-', "_").as_str() {
                    "party_committee" => Some(OrgKind::PartyCommittee),
                    "government" => Some(OrgKind::Government),
                    "department" => Some(OrgKind::Department),
                    "office" | "general_office" => Some(OrgKind::GeneralOffice),
                    "internal_unit" => Some(OrgKind::InternalUnit),
                    "institution" | "public_institution" => Some(OrgKind::PublicInstitution),
                    "people_congress" | "peoples_congress" => Some(OrgKind::PeoplesCongress),
                    "cppcc" => Some(OrgKind::Cppcc),
                    "court" => Some(OrgKind::Court),
                    "procuratorate" => Some(OrgKind::Procuratorate),
                    "discipline" | "discipline_commission" => Some(OrgKind::DisciplineCommission),
                    "enterprise" => Some(OrgKind::Enterprise),
                    "mass_org" | "mass_organization" => Some(OrgKind::MassOrganization),
                    "social_org" | "social_organization" | "association" => Some(OrgKind::SocialOrganization),
                    "residents_committee" | "villagers_committee" | "community" => Some(OrgKind::ResidentsCommittee),
                    "deliberative_body" | "coordination_body" => Some(OrgKind::CoordinationBody),
                    "unknown" => Some(OrgKind::Unknown),
                    _ => None,
                };
            }
        };
        Some(kind)
    }

    /// The organs that lead others by hierarchy (their lower counterparts and their own 部门).
    pub fn is_leading_organ(self) -> bool {
        matches!(self, OrgKind::PartyCommittee | OrgKind::Government)
    }

    /// Organs of the party and the state: the hierarchy 隶属关系 are read in.
    pub fn is_state_organ(self) -> bool {
        matches!(
            self,
            OrgKind::PartyCommittee
                | OrgKind::Government
                | OrgKind::Department
                | OrgKind::GeneralOffice
                | OrgKind::InternalUnit
                | OrgKind::PublicInstitution
                | OrgKind::PeoplesCongress
                | OrgKind::Cppcc
                | OrgKind::Court
                | OrgKind::Procuratorate
                | OrgKind::DisciplineCommission
                | OrgKind::CoordinationBody
        )
    }

    /// Bodies outside that hierarchy: an enterprise or a 协会 stands 不相隶属 to every organ of the
    /// state unless the configuration declares a line between them.
    pub fn is_outside_the_state(self) -> bool {
        matches!(self, OrgKind::Enterprise | OrgKind::SocialOrganization)
    }
}

impl Serialize for OrgKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.zh())
    }
}

impl<'de> Deserialize<'de> for OrgKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        OrgKind::parse(&value).ok_or_else(|| {
            serde::de::Error::custom(format!("未知的机关类型（kind）“{value}”，可选值：{}", allowed_kinds()))
        })
    }
}

fn allowed_kinds() -> String {
    let mut names: Vec<&str> =
        OrgKind::ALL.iter().filter(|kind| **kind != OrgKind::Unknown).map(|kind| kind.zh()).collect();
    // The contract spells the 办公厅（室） value “办公室”; offer the spelling users will type.
    if let Some(office) = names.iter_mut().find(|name| **name == "办公厅（室）") {
        *office = "办公室";
    }
    names.join("、")
}

/// The tier of government an organ belongs to. Ordered from the top: `Central < Province < …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// 中央.
    Central,
    /// 省级: 省, 自治区, 直辖市.
    Province,
    /// 地级: 地级市, 地区, 自治州, 盟.
    Prefecture,
    /// 县级: 县, 市辖区, 县级市, 自治县, 旗.
    County,
    /// 乡级: 乡, 镇, 街道.
    Township,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::Central, Level::Province, Level::Prefecture, Level::County, Level::Township];

    pub fn zh(self) -> &'static str {
        match self {
            Level::Central => "中央",
            Level::Province => "省",
            Level::Prefecture => "市",
            Level::County => "县",
            Level::Township => "乡",
        }
    }

    pub fn parse(value: &str) -> Option<Level> {
        let value = value.trim();
        let level = match value {
            "中央" | "国家" | "全国" => Level::Central,
            "省" | "省级" => Level::Province,
            "市" | "地级" | "地级市" | "地市" => Level::Prefecture,
            "县" | "县级" | "区" | "县区" => Level::County,
            "乡" | "镇" | "街道" | "乡镇" | "乡级" | "镇街" => Level::Township,
            _ => {
                return match value.to_ascii_lowercase().as_str() {
                    "central" | "national" => Some(Level::Central),
                    "province" | "provincial" => Some(Level::Province),
                    "prefecture" | "city" => Some(Level::Prefecture),
                    "county" => Some(Level::County),
                    "township" | "town" => Some(Level::Township),
                    _ => None,
                };
            }
        };
        Some(level)
    }

    /// The tier directly above, if any.
    pub fn above(self) -> Option<Level> {
        match self {
            Level::Central => None,
            Level::Province => Some(Level::Central),
            Level::Prefecture => Some(Level::Province),
            Level::County => Some(Level::Prefecture),
            Level::Township => Some(Level::County),
        }
    }

    /// The tier directly below, if any.
    pub fn below(self) -> Option<Level> {
        match self {
            Level::Central => Some(Level::Province),
            Level::Province => Some(Level::Prefecture),
            Level::Prefecture => Some(Level::County),
            Level::County => Some(Level::Township),
            Level::Township => None,
        }
    }

    /// Whether `self` is a higher tier than `other` (中央 is higher than 省).
    pub fn is_above(self, other: Level) -> bool {
        self < other
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.zh())
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        Level::parse(&value).ok_or_else(|| {
            serde::de::Error::custom(format!("未知的层级（level）“{value}”，可选值：中央、省、市、县、乡"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_chinese_names() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.zh()), Some(kind), "{kind:?}");
        }
    }

    #[test]
    fn kinds_accept_the_contract_values_and_english_names() {
        assert_eq!(OrgKind::parse("办公室"), Some(OrgKind::GeneralOffice));
        assert_eq!(OrgKind::parse("内设机构"), Some(OrgKind::InternalUnit));
        assert_eq!(OrgKind::parse("internal_unit"), Some(OrgKind::InternalUnit));
        assert_eq!(OrgKind::parse("internal-unit"), Some(OrgKind::InternalUnit));
        assert_eq!(OrgKind::parse("government"), Some(OrgKind::Government));
        assert_eq!(OrgKind::parse("社会团体"), Some(OrgKind::SocialOrganization));
        assert_eq!(OrgKind::parse("村委会"), Some(OrgKind::ResidentsCommittee));
        assert_eq!(OrgKind::parse("政付"), None);
    }

    #[test]
    fn levels_round_trip_and_order_from_the_top() {
        for level in Level::ALL {
            assert_eq!(Level::parse(level.zh()), Some(level));
        }
        assert_eq!(Level::parse("prefecture"), Some(Level::Prefecture));
        assert_eq!(Level::parse("镇"), Some(Level::Township));
        assert!(Level::Province.is_above(Level::County));
        assert_eq!(Level::County.above(), Some(Level::Prefecture));
        assert_eq!(Level::Township.below(), None);
    }

    #[test]
    fn bad_config_values_get_chinese_errors() {
        let err = toml::from_str::<std::collections::HashMap<String, OrgKind>>("k = \"政付\"").unwrap_err().to_string();
        assert!(err.contains("未知的机关类型（kind）“政付”"), "{err}");
        assert!(err.contains("办公室"), "{err}");
        let err = toml::from_str::<std::collections::HashMap<String, Level>>("l = \"地区级\"").unwrap_err().to_string();
        assert!(err.contains("未知的层级（level）“地区级”"), "{err}");
    }
}
