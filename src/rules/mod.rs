//! The rule interface. Each rule lives in its own file under a category folder, with its
//! metadata and documentation beside its check; `registry.rs` is the one table of rules.

pub mod deadlines;
pub mod discipline;
pub mod format;
pub mod kind;
pub mod layout;
pub mod memo;
pub mod meta;
pub mod numbers;
pub mod punct;
pub mod reference;
pub mod registry;
pub mod routing;
pub mod user;
pub mod wording;

use crate::config::RuleParams;
use crate::diagnostic::{Finding, Severity};
use crate::document::Document;
use crate::org::OrgView;
use crate::source::Source;
use serde::Serialize;

pub use registry::{all_rules, find_rule, search_rules};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Category {
    /// GW0xx: about gwlint itself (suppressions, front matter).
    Meta,
    /// GW1xx
    DocKind,
    /// GW2xx
    Routing,
    /// GW3xx
    Format,
    /// GW4xx
    Punctuation,
    /// GW5xx
    Numbers,
    /// GW6xx
    Wording,
    /// GW7xx
    Deadlines,
    /// GW8xx
    Discipline,
    /// GW9xx: the page layout of a .docx (GB/T 9704 5.2, 7).
    Layout,
    /// U0xx: rules a user defined in gwlint.toml.
    User,
}

impl Category {
    pub fn zh(self) -> &'static str {
        match self {
            Category::Meta => "元规则",
            Category::DocKind => "文种",
            Category::Routing => "行文规则",
            Category::Format => "格式",
            Category::Punctuation => "标点",
            Category::Numbers => "数字",
            Category::Wording => "用词",
            Category::Deadlines => "会议与时限",
            Category::Discipline => "廉洁纪律",
            Category::Layout => "版式",
            Category::User => "自定义",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Category::Meta => "meta",
            Category::DocKind => "document kind",
            Category::Routing => "routing",
            Category::Format => "format",
            Category::Punctuation => "punctuation",
            Category::Numbers => "numbers",
            Category::Wording => "wording",
            Category::Deadlines => "meetings and deadlines",
            Category::Discipline => "discipline",
            Category::Layout => "layout",
            Category::User => "user",
        }
    }
}

/// A fact about the draft a rule cannot check without.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Need {
    /// 文种
    Kind,
    /// 发文机关, resolved to an organisation
    Sender,
    /// 行文方向
    Direction,
    /// 主送机关
    Recipients,
    /// How each 主送机关 of a draft going up stands to the sender (上级, 不相隶属 …): a person
    /// addressed is another rule's matter (GW203).
    Relation,
}

impl Need {
    pub const ALL: [Need; 5] = [Need::Kind, Need::Sender, Need::Direction, Need::Recipients, Need::Relation];

    pub fn zh(self) -> &'static str {
        match self {
            Need::Kind => "文种",
            Need::Sender => "发文机关",
            Need::Direction => "行文方向",
            Need::Recipients => "主送机关",
            Need::Relation => "主送机关与发文机关的关系",
        }
    }

    /// Whether the document model has determined this fact.
    pub fn met(self, doc: &Document) -> bool {
        match self {
            Need::Kind => doc.kind().is_some(),
            Need::Sender => doc.parties.sender.as_ref().is_some_and(|s| s.is_recognised()),
            Need::Direction => doc.direction().is_some(),
            // The rules read the resolved parties, which the 主送 line, the 版记 or the front
            // matter's 主送 give.
            Need::Recipients => {
                doc.main_recipients.is_some() || doc.colophon.main.is_some() || !doc.parties.main.is_empty()
            }
            // Asked only of a 请示, 报告 or 意见 going up, where the relation decides whether the
            // 主送 is the sender's 上级 (请示 to a body that is none, 越级); going down or across,
            // or a 议案 to a congress, the rules that need it have nothing to check.
            Need::Relation => {
                let asks_or_reports = doc.kind().is_none_or(|k| {
                    matches!(
                        k,
                        crate::document::DocKind::请示
                            | crate::document::DocKind::报告
                            | crate::document::DocKind::意见
                    )
                });
                doc.direction() != Some(crate::document::Direction::Up)
                    || !asks_or_reports
                    || doc.parties.unplaced_main().next().is_none()
            }
        }
    }
}

/// An enabled rule that could not check the draft, and the first fact it lacked.
#[derive(Clone, Copy, Debug)]
pub struct Unchecked {
    pub code: &'static str,
    pub need: Need,
}

/// Whether a rule can offer a fix (ruff's FixAvailability).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

/// Which jurisdiction pack a rule belongs to. `national` always applies; a regional pack applies
/// to drafts from its region (see `crate::packs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pack {
    National,
    Guangdong,
    Jiangmen,
}

impl Pack {
    pub const ALL: [Pack; 3] = [Pack::National, Pack::Guangdong, Pack::Jiangmen];

    pub fn as_str(self) -> &'static str {
        match self {
            Pack::National => "national",
            Pack::Guangdong => "guangdong",
            Pack::Jiangmen => "jiangmen",
        }
    }

    pub fn parse(s: &str) -> Option<Pack> {
        match s {
            "national" => Some(Pack::National),
            "guangdong" => Some(Pack::Guangdong),
            "jiangmen" => Some(Pack::Jiangmen),
            _ => None,
        }
    }
}

/// Everything about a rule except its check: what `gwlint rules` lists and `explain` prints.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    pub code: &'static str,
    /// kebab-case name, usable wherever a code is.
    pub name: &'static str,
    /// One line in Chinese: what the rule requires.
    pub summary: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// Off unless selected (rules whose false-positive risk the catalogue calls high).
    pub default_enabled: bool,
    pub pack: Pack,
    /// The article it rests on, with a short quotation.
    pub source: &'static str,
    pub fix: FixAvailability,
    /// What the document model must have determined for the rule to check anything; when one
    /// is missing the rule cannot run, and GW004 says so.
    pub needs: &'static [Need],
    /// What it checks and why, in Chinese (Markdown).
    pub docs: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
}

/// What a rule's check reads: the shared, already-built models, and its own parameters.
pub struct Context<'a> {
    pub source: &'a Source,
    pub doc: &'a Document,
    pub orgs: &'a OrgView,
    pub params: &'a RuleParams,
    pub calendar: &'a crate::lang::calendar::Calendar,
    /// The enabled rules that cannot check this draft (their `needs` unmet), for GW004.
    pub unchecked: &'a [Unchecked],
    /// The office's own words (`[words]` in gwlint.toml).
    pub words: &'a [String],
    /// What several rules derive the same way from this draft, derived once.
    pub memo: &'a memo::Memo,
}

impl<'a> Context<'a> {
    pub fn text(&self) -> &'a str {
        &self.source.text
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
    /// Builds ahead what `check` will need and takes long to build (GW610's word and character
    /// models), so that a front end can start it on a thread of its own while the first draft
    /// is read. A head start only: `check` must build what it needs itself.
    fn warm_up(&self) {}
}
