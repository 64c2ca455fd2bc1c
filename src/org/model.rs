//! The values the organisation model hands to rules.

use serde::Serialize;

use super::kind::{Level, OrgKind};

/// One organ, as far as it is known. Fields that could not be established are `None` (or empty):
/// rules must treat them as unknown, not as “no”.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Org {
    /// Canonical name: the configured name, or the normalised full form of a recognised name
    /// (“市府办” in a 江门市 document → “江门市人民政府办公室”; “江门市委” → “中共江门市委”).
    pub name: String,
    pub kind: OrgKind,
    pub level: Option<Level>,
    /// The 行政区 the organ belongs to (“江门市”, “台山市”, “汶村镇”).
    pub region: Option<String>,
    /// GB/T 2260 code of `region`, when the gazetteer identifies it.
    pub region_code: Option<u32>,
    /// Canonical name of the organ that leads it (上级机关, 领导关系).
    pub parent: Option<String>,
    /// Declared in `[[org]]` rather than inferred from the name.
    pub from_config: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// 业务指导 organs (上级主管部门): writing to them is not 越级.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub guided_by: Vec<String>,
    /// Further leading organs under 双重领导.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dual_parents: Vec<String>,
    /// 发文机关代字, e.g. “江府”, “江府办函”.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub doc_codes: Vec<String>,
    /// 经授权可向下级政府行文 (TL第十六条（二）); `None` when not declared.
    pub authorized_to_address_lower_gov: Option<bool>,
    /// 可发布命令（令）、规章; `None` when not declared.
    pub can_issue_orders: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leaders: Vec<Leader>,
    /// 主要负责人.
    pub principal: Option<String>,
}

impl Org {
    /// A department's own 办公室 (办公厅): the internal unit that may write out for it (条例第十七条).
    pub fn is_department_office(&self) -> bool {
        self.kind == OrgKind::InternalUnit && (self.name.ends_with("办公室") || self.name.ends_with("办公厅"))
    }

    /// An organ about which only the name is known.
    pub fn unknown(name: &str) -> Org {
        Org::new(name.to_string(), OrgKind::Unknown)
    }

    pub(crate) fn new(name: String, kind: OrgKind) -> Org {
        Org {
            name,
            kind,
            level: None,
            region: None,
            region_code: None,
            parent: None,
            from_config: false,
            aliases: Vec::new(),
            guided_by: Vec::new(),
            dual_parents: Vec::new(),
            doc_codes: Vec::new(),
            authorized_to_address_lower_gov: None,
            can_issue_orders: None,
            leaders: Vec::new(),
            principal: None,
        }
    }

    /// Whether anything beyond the bare text was recognised.
    pub fn is_recognised(&self) -> bool {
        self.kind != OrgKind::Unknown || self.region.is_some() || self.parent.is_some()
    }
}

/// A leader of an organ, for 签发人 and 个人报送 checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Leader {
    pub name: String,
    /// 职务, e.g. “副市长”.
    pub role: String,
}

/// Who a 统称 covers, relative to the organ in `OrgGroup::of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GroupScope {
    /// The organs of the lower-tier areas under `of`'s area: 各县（市、区）人民政府, 各镇人民政府.
    LowerAreas,
    /// The 工作部门 of `of`: 市政府各部门, 市委有关部委办, 国务院各部委.
    Departments,
    /// The units directly under `of`: 各直属事业单位, 局属各单位, 市直各单位.
    Affiliated,
    /// `of`'s own 内设机构: 各科室, 各处室.
    InternalUnits,
    /// Every such body anywhere in `of`'s area, whoever leads it: 全市各中小学, 全县各医院.
    WithinArea,
    /// An open set the text does not pin down: 各有关单位, 各人民团体.
    Unspecified,
}

/// A 统称 in a 主送 or 抄送 line, such as 各县（市、区）人民政府 or 市政府各部门.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgGroup {
    /// The text as written (normalised).
    pub text: String,
    /// Kind of every member, `Unknown` when mixed or not said (市直各单位).
    pub kind: OrgKind,
    /// Tier of every member, when one tier.
    pub level: Option<Level>,
    pub scope: GroupScope,
    /// Canonical name of the organ the members belong to or sit under, when known.
    pub of: Option<String>,
    /// The function counterpart departments share (各县（市、区）民政局 → “民政”).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// Members named in a `[[group]]` configuration.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    pub from_config: bool,
}

/// A resolved 主送 / 抄送 item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Addressee {
    Org(Org),
    Group(OrgGroup),
    /// A person rather than an organ: “王副市长”, “尊敬的李书记”, “市委书记”.
    Person {
        text: String,
        /// 职务 when recognised (“副市长”).
        title: Option<String>,
        /// Full name when a configured leader matched.
        name: Option<String>,
        /// The organ the person leads or serves, when known.
        org: Option<String>,
    },
    Unknown {
        text: String,
    },
}

impl Addressee {
    pub fn org(&self) -> Option<&Org> {
        match self {
            Addressee::Org(org) => Some(org),
            _ => None,
        }
    }

    pub fn group(&self) -> Option<&OrgGroup> {
        match self {
            Addressee::Group(group) => Some(group),
            _ => None,
        }
    }

    pub fn is_person(&self) -> bool {
        matches!(self, Addressee::Person { .. })
    }
}

/// How `to` stands to `from`, read as “to is from's …”.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Relation {
    /// `to` is `from`'s direct 上级 (领导关系, including a declared 双重领导).
    Superior,
    /// `to` leads `from` two or more steps up: writing to it is 越级. `skipped` names the organs
    /// in between, nearest first (台山市教育局 → 江门市人民政府 skips 台山市人民政府).
    SuperiorSkipping { skipped: Vec<String> },
    /// `to` gives `from` 业务指导 (上级主管部门: 台山市教育局 → 江门市教育局).
    Guiding,
    /// `to` is `from`'s 业务主管 two or more tiers up; `skipped` names the counterparts in between
    /// (台山市教育局 → 广东省教育厅 skips 江门市教育局).
    GuidingSkipping { skipped: Vec<String> },
    /// `to` is led by `from`, directly or further down.
    Subordinate,
    /// `from` gives `to` 业务指导 (江门市教育局 → 台山市教育局).
    Guided,
    /// The same organ.
    Same,
    /// Both are led by the same organ and sit at the same tier (市教育局 and 市财政局; 台山市
    /// and 开平市人民政府). A 市 department and a county government share a leader but are
    /// `Unaffiliated`.
    Peer,
    /// Both sit in one known hierarchy with no line of leadership or guidance between them
    /// (不相隶属).
    Unaffiliated,
    /// Not enough is known to say.
    Unknown,
}

impl Relation {
    /// Upward: `to` leads or guides `from`.
    pub fn is_upward(&self) -> bool {
        matches!(
            self,
            Relation::Superior
                | Relation::SuperiorSkipping { .. }
                | Relation::Guiding
                | Relation::GuidingSkipping { .. }
        )
    }

    /// Downward: `from` leads or guides `to`.
    pub fn is_downward(&self) -> bool {
        matches!(self, Relation::Subordinate | Relation::Guided)
    }
}
