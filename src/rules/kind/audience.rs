//! Who a draft speaks to, for the 文种 rules that judge tone and address terms:
//!
//! - whether its 主送 are bodies the sending organ administers — enterprises, 社会组织, the
//!   public, and their 统称 (各经营户、各有关企业) — rather than organs it stands to in a 行文
//!   relation. A 市场监管局 giving 各经营户 work by 通知 and calling one of them “你公司” is
//!   ordinary administration, not 平行文 between 不相隶属机关;
//! - whether a directive word (严格执行、务必) in a sentence tells the addressee what to do, or
//!   reports the sender's own conduct (“我局将严格执行……”), a third party's, or a provision.

use crate::org::{Addressee, Party};
use crate::rules::Context;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How the names of the public and of groups of 管理对象 end when the organisation model does
/// not read them as enterprises or 社会组织 (各食品经营户, 各生产经营单位, 广大市民).
const ADMINISTERED_ENDINGS: &[&str] = &[
    "企业",
    "公司",
    "经营户",
    "商户",
    "个体工商户",
    "市场主体",
    "经营单位",
    "经营者",
    "从业人员",
    "从业者",
    "业主",
    "消费者",
    "用人单位",
    "社会组织",
    "协会",
    "商会",
    "学会",
    "市民",
    "居民",
    "村民",
    "群众",
    "公众",
    "社会各界",
];

/// Whether a 主送 party is a body an organ administers rather than an organ.
pub fn is_administered(party: &Party) -> bool {
    let named = |text: &str| ADMINISTERED_ENDINGS.iter().any(|e| text.ends_with(e));
    match &party.addressee {
        Addressee::Org(org) => org.kind.is_outside_the_state(),
        Addressee::Group(group) => group.kind.is_outside_the_state() || named(&group.text),
        Addressee::Unknown { text } => named(text),
        Addressee::Person { .. } => false,
    }
}

/// Whether a state organ writes to its 管理对象 only: every 主送 is an enterprise, a 社会组织,
/// the public or a 统称 of them.
pub fn addresses_administered_bodies(cx: &Context) -> bool {
    let parties = &cx.doc.parties;
    let sender_is_organ = parties.sender.as_ref().is_some_and(|s| s.kind.is_state_organ());
    sender_is_organ && !parties.main.is_empty() && parties.main.iter().all(is_administered)
}

/// Whom a directive word tells to act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Directed {
    /// The addressee: “请你局务必……”, “贵单位要严格执行……”, or an unaddressed formula
    /// (“请遵照执行”, “不得有误”) that can only speak to the reader.
    Addressee,
    /// The sender itself: “我局将严格执行……”.
    Sender,
    /// A third party, a provision, or nobody said (“各企业要严格执行……”, “《办法》规定……”).
    Other,
}

/// Who a clause is about, by the first party it names: the addressee (你局、贵单位、请……), the
/// sender (我局、本单位) or a third party (各企业、有关单位 — not 各项、各类).
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<addressee>
            你(?:们|单位|公司|中心|机关|[局委办厅部院司市县区镇府校])
          | 贵(?:单位|公司|中心|机关|[局委办厅部院司府校会])
          | (?:恳|敬|烦|特|务)?请 )
      | (?P<sender>
            我(?:们|单位|公司|中心|机关|[局委办厅部院司市县区镇])
          | 本(?:单位|机关|部门|公司|中心|[局委办厅部院]) )
      | (?P<third>各[^项类种自个方] | 有关(?:单位|部门|企业|方面))",
    )
    .expect("valid")
});

/// Words in which 请 asks nobody: 申请、邀请、提请、报请、聘请, and 请示、请假、请柬.
fn asks_nobody(s: &str, at: Range<usize>) -> bool {
    let before = &s[..at.start];
    let after = &s[at.end..];
    ["申", "邀", "提", "报", "聘", "宴", "呈"].iter().any(|w| before.ends_with(w))
        || ["示", "假", "柬"].iter().any(|w| after.starts_with(w))
}

/// The first party a piece of a sentence names.
fn first_party(s: &str) -> Option<Directed> {
    PARTY.captures_iter(s).find_map(|c| {
        let m = c.get(0).expect("match");
        if c.name("addressee").is_some() {
            (!m.as_str().ends_with('请') || !asks_nobody(s, m.range())).then_some(Directed::Addressee)
        } else if c.name("sender").is_some() {
            Some(Directed::Sender)
        } else {
            Some(Directed::Other)
        }
    })
}

const CLAUSE_STOPS: [char; 5] = ['，', '；', '：', ',', ';'];

/// Whom the directive word at `cue` in `sentence` tells to act: the first party named in its
/// clause (“我局将……，请你局严格执行” directs the addressee; “请你局……，我局将严格执行” does
/// not), else the first named in the sentence before it. A formula that can only speak to the
/// reader (`imperative`: 遵照执行、不得有误、务必) directs the addressee when nobody is named and no
/// provision is cited; a word that also narrates (严格执行) needs the addressee named.
pub fn directed_at(sentence: &str, cue: Range<usize>, imperative: bool) -> Directed {
    let before = &sentence[..cue.start];
    let clause_start =
        before.rfind(CLAUSE_STOPS).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    // The formula may carry its own 请 (请遵照执行): it counts as naming the addressee.
    let own = &sentence[clause_start..cue.end];
    if let Some(party) = first_party(own).or_else(|| first_party(before)) {
        return party;
    }
    static PROVISION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"》|规定|条例|办法|细则|规则").expect("valid"));
    if imperative && !PROVISION.is_match(before) { Directed::Addressee } else { Directed::Other }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sentence: &str, word: &str, imperative: bool) -> Directed {
        let start = sentence.find(word).expect("word in sentence");
        directed_at(sentence, start..start + word.len(), imperative)
    }

    #[test]
    fn the_addressee_is_directed() {
        assert_eq!(at("请你局务必于6月30日前报送", "务必", true), Directed::Addressee);
        assert_eq!(at("贵单位要严格执行进货查验制度", "严格执行", false), Directed::Addressee);
        assert_eq!(at("我局已完成审核，请你局严格执行", "严格执行", false), Directed::Addressee);
        assert_eq!(at("请遵照执行", "请遵照执行", true), Directed::Addressee);
        assert_eq!(at("务必于6月30日前报送", "务必", true), Directed::Addressee);
    }

    #[test]
    fn the_sender_third_parties_and_provisions_are_not() {
        assert_eq!(at("我局将严格执行贵局的意见", "严格执行", false), Directed::Sender);
        assert_eq!(at("请你局予以支持，我局将严格执行有关规定", "严格执行", false), Directed::Sender);
        assert_eq!(at("我局申请务必在汛期前完工", "务必", true), Directed::Sender);
        assert_eq!(at("各施工单位要严格执行安全规程", "严格执行", false), Directed::Other);
        assert_eq!(at("项目建设严格执行招投标制度", "严格执行", false), Directed::Other);
        assert_eq!(at("《办法》第十条规定，务必逐项核实", "务必", true), Directed::Other);
    }
}
