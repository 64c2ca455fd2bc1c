//! Address terms: how a draft names its addressee with a pronoun and a unit word — 你局, 你们,
//! 你镇 for a subordinate; 贵局, 贵单位 for an organ it does not lead.

use regex::Regex;
use std::sync::LazyLock;

/// The unit words an organ's name ends in, as they follow 你 or 贵 (贵局, 你镇, 贵连), as a
/// regex alternation.
pub const UNIT_WORDS: &str = "部|局|委|厅|办|单位|院|校|司|公司|集团|府|省|自治区|市|州|盟|县|旗|区|镇|乡|苏木|村|嘎查|街道|社区|中心|会|所|处|科|站|队|馆|园|社|行|师|团|连|场";

/// “你X” and “你们”: how an organ addresses a subordinate.
pub static PLAIN_YOU: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("你(?:们|{UNIT_WORDS})")).expect("valid"));

/// The honorific “贵X” for the addressee (贵办, 贵局, 贵单位, 贵连); see `is_honorific_look_alike`
/// for the places and words that begin the same way.
pub static HONORIFIC_YOU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("贵(?:{UNIT_WORDS})")).expect("valid"));

/// Whether the `PLAIN_YOU` or `HONORIFIC_YOU` match at `start..end` of `text` is an address
/// term, not a place, a word or part of a name (贵州, 你所在, 王永贵局长).
pub fn is_address_term(text: &str, start: usize, end: usize) -> bool {
    !is_honorific_look_alike(&text[start..]) && !is_pronoun_before_word(&text[start..end], &text[end..])
}

/// Whether the text at a `HONORIFIC_YOU` match is a place or a word (贵州, 贵阳, 贵重, 贵在), not
/// the honorific. (贵县, renamed 贵港 in 1988, is no longer a place: `贵县（市、区）` is one.)
fn is_honorific_look_alike(from: &str) -> bool {
    const LOOK_ALIKES: &[&str] =
        &["贵州", "贵阳", "贵港", "贵溪", "贵定", "贵德", "贵南", "贵池", "贵宾", "贵重", "贵在", "贵行业"];
    LOOK_ALIKES.iter().any(|w| from.starts_with(w))
}

/// Whether a `PLAIN_YOU` or `HONORIFIC_YOU` match is part of other words: the pronoun before
/// 所在, 所属 (你所在单位), or the end of a person's name before an office (王永贵局长,
/// 张富贵委员, 刘长贵书记 — the unit word opens the office).
fn is_pronoun_before_word(matched: &str, after: &str) -> bool {
    let unit_opens_office = ["长", "员", "书记", "主任"].iter().any(|w| after.starts_with(w));
    matched.ends_with('所') && (after.starts_with('在') || after.starts_with('属'))
        || matched.starts_with('贵') && unit_opens_office
        || matched.starts_with('你') && after.starts_with('长')
}

/// The byte length of the address term that opens `s` (你县, 你们, 贵局), or 0 when none does.
pub fn leading_term_len(s: &str) -> usize {
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("^(?:{}|{})", PLAIN_YOU.as_str(), HONORIFIC_YOU.as_str())).expect("valid")
    });
    LEADING.find(s).filter(|m| is_address_term(s, 0, m.end())).map_or(0, |m| m.end())
}

#[cfg(test)]
mod tests {
    use super::leading_term_len;

    #[test]
    fn leading_terms() {
        assert_eq!(leading_term_len("你县给予支持"), "你县".len());
        assert_eq!(leading_term_len("你们审核"), "你们".len());
        assert_eq!(leading_term_len("贵单位协助"), "贵单位".len());
        assert_eq!(leading_term_len("你公司整改"), "你公司".len());
        // The units of every level, in every region: 旗, 盟, 苏木, 嘎查, 州.
        for term in ["贵旗", "你盟", "贵苏木", "你嘎查", "你州", "贵自治区"] {
            assert_eq!(leading_term_len(&format!("{term}要切实履行")), term.len(), "{term}");
        }
        assert_eq!(leading_term_len("贵州省财政厅"), 0);
        assert_eq!(leading_term_len("你所在单位"), 0);
        assert_eq!(leading_term_len("你所属单位"), 0);
        assert_eq!(leading_term_len("贵局长带队"), 0);
        assert_eq!(leading_term_len("你组织专家"), 0);
        assert_eq!(leading_term_len("市政府你县"), 0);
        assert_eq!(leading_term_len("你好"), 0);
    }
}
