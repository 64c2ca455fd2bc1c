//! 结构层次序数 at the start of a line: 一、 （一） 1. （1） ① and 第X章 / 第X节 / 第X条.

use crate::lang::numerals::{is_chinese_numeral_char, parse_chinese_number};
use crate::span::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum OrdinalStyle {
    /// 一、
    Chinese,
    /// （一）
    ParenChinese,
    /// 1.
    Arabic,
    /// （1）
    ParenArabic,
    /// ①
    Circled,
    /// 第一章
    Chapter,
    /// 第一节
    Section,
    /// 第一条
    Article,
}

impl OrdinalStyle {
    /// The GB/T 9704 7.3.3 level (1–4) of the four standard styles.
    pub fn level(self) -> Option<u8> {
        match self {
            OrdinalStyle::Chinese => Some(1),
            OrdinalStyle::ParenChinese => Some(2),
            OrdinalStyle::Arabic => Some(3),
            OrdinalStyle::ParenArabic => Some(4),
            _ => None,
        }
    }

    pub fn example(self) -> &'static str {
        match self {
            OrdinalStyle::Chinese => "一、",
            OrdinalStyle::ParenChinese => "（一）",
            OrdinalStyle::Arabic => "1.",
            OrdinalStyle::ParenArabic => "（1）",
            OrdinalStyle::Circled => "①",
            OrdinalStyle::Chapter => "第一章",
            OrdinalStyle::Section => "第一节",
            OrdinalStyle::Article => "第一条",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ordinal {
    pub style: OrdinalStyle,
    pub number: u32,
    /// The whole marker, including brackets and any punctuation after it.
    pub span: Span,
    /// Punctuation written after the number (、 . ． ， ： …), with its span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub punct: Option<(char, Span)>,
    /// Whether the brackets are half-width `()`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub halfwidth_parens: bool,
    /// The text after the mark goes on with another number and a counter (`一、二等奖`,
    /// `1、2号楼`, `三、八届政协委员`): an abbreviated list of numbers, unless the numbering
    /// around the line shows it to be the next heading. Only the reader of the whole sequence
    /// (GW304) can tell; everyone else leaves it alone.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub list_like: bool,
}

const AFTER_MARK: &[char] = &['、', '.', '．', '，', ',', '：', ':'];

/// An angle in degrees and minutes: `22 °28′`, `22°28'`, `22度28分`.
static DEGREES_AND_MINUTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{1,3}[ \u{3000}]*[°º度][ \u{3000}]*[0-9]{1,2}(?:\.[0-9]+)?[ \u{3000}]*[′'’分]").expect("valid")
});

/// Parses an ordinal at the very start of `line` (content already trimmed).
pub fn parse_ordinal(text: &str, line: Span) -> Option<Ordinal> {
    let s = line.text(text);
    let mut chars = s.char_indices().peekable();
    let (_, first) = *chars.peek()?;

    if first == '第' {
        let rest = &s['第'.len_utf8()..];
        let num_len: usize =
            rest.chars().take_while(|c| is_chinese_numeral_char(*c) || c.is_ascii_digit()).map(char::len_utf8).sum();
        let unit = rest[num_len..].chars().next()?;
        let style = match unit {
            '章' => OrdinalStyle::Chapter,
            '节' => OrdinalStyle::Section,
            '条' => OrdinalStyle::Article,
            _ => return None,
        };
        let digits = &rest[..num_len];
        let number = digits.parse::<u32>().ok().or_else(|| parse_chinese_number(digits))?;
        let end = '第'.len_utf8() + num_len + unit.len_utf8();
        return Some(Ordinal {
            style,
            number,
            span: line.sub(0, end),
            punct: None,
            halfwidth_parens: false,
            list_like: false,
        });
    }

    if let Some(c) = ('①'..='⑳').find(|c| *c == first) {
        let number = c as u32 - '①' as u32 + 1;
        return Some(
            Ordinal {
                style: OrdinalStyle::Circled,
                number,
                span: line.sub(0, c.len_utf8()),
                punct: punct_after(s, c.len_utf8(), line),
                halfwidth_parens: false,
                list_like: false,
            }
            .with_punct_span(),
        );
    }

    if first == '（' || first == '(' {
        let open = first.len_utf8();
        let close_at = s[open..].find(['）', ')'])? + open;
        let inner = &s[open..close_at];
        if inner.is_empty() || inner.chars().count() > 4 {
            return None;
        }
        let close_char = s[close_at..].chars().next()?;
        let (style, number) = if inner.chars().all(|c| c.is_ascii_digit()) {
            (OrdinalStyle::ParenArabic, inner.parse().ok()?)
        } else if inner.chars().all(is_chinese_numeral_char) {
            (OrdinalStyle::ParenChinese, parse_chinese_number(inner)?)
        } else {
            return None;
        };
        let end = close_at + close_char.len_utf8();
        let halfwidth = first == '(' || close_char == ')';
        return Some(
            Ordinal {
                style,
                number,
                span: line.sub(0, end),
                punct: punct_after(s, end, line),
                halfwidth_parens: halfwidth,
                list_like: false,
            }
            .with_punct_span(),
        );
    }

    if is_chinese_numeral_char(first) {
        let num_len: usize = s.chars().take_while(|c| is_chinese_numeral_char(*c)).map(char::len_utf8).sum();
        let punct = punct_after(s, num_len, line)?;
        // 三五天 is not an ordinal; an ordinal has at most 四 characters.
        if s[..num_len].chars().count() > 4 {
            return None;
        }
        // 一、二等奖 and 一、二季度 abbreviate a list of numbers, but 三、八届政协委员… after 二、
        // is item 三: the line alone cannot tell, so it is marked for the reader of the sequence.
        let number = parse_chinese_number(&s[..num_len])?;
        let list_like = abbreviated_list(&s[num_len + punct.0.len_utf8()..], number, is_chinese_numeral_char, |n| {
            parse_chinese_number(n)
        });
        if number == 0 {
            return None;
        }
        return Some(
            Ordinal {
                style: OrdinalStyle::Chinese,
                number,
                span: line.sub(0, num_len),
                punct: Some(punct),
                halfwidth_parens: false,
                list_like,
            }
            .with_punct_span(),
        );
    }

    if first.is_ascii_digit() {
        let num_len = s.bytes().take_while(u8::is_ascii_digit).count();
        if num_len > 3 {
            return None;
        }
        let punct = punct_after(s, num_len, line)?;
        let first: u32 = s[..num_len].parse().ok()?;
        let list_like =
            abbreviated_list(&s[num_len + punct.0.len_utf8()..], first, |c| c.is_ascii_digit(), |n| n.parse().ok());
        // 1.5亿元 is a decimal, not an ordinal; but a decimal carries no minutes of arc, so
        // `10.22 °28′09″N` in a list of points is point 10 at 22°28′.
        let after = punct.1.end - line.start;
        if matches!(punct.0, '.' | '．')
            && s[after..].starts_with(|c: char| c.is_ascii_digit())
            && !DEGREES_AND_MINUTES.is_match(&s[after..])
        {
            return None;
        }
        // 9:30 is a time.
        if matches!(punct.0, ':' | '：') && s[after..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let number = first;
        return Some(
            Ordinal {
                style: OrdinalStyle::Arabic,
                number,
                span: line.sub(0, num_len),
                punct: Some(punct),
                halfwidth_parens: false,
                list_like,
            }
            .with_punct_span(),
        );
    }
    None
}

/// After “一、” or “1、” (`first`): a greater number and a counter word (一、二等奖, 1、2号楼,
/// 第一、二季度). A list of numbers goes up: 一、一季度 and 二、一季度 are items whose text
/// begins with a number.
fn abbreviated_list(
    rest: &str,
    first: u32,
    is_digit: impl Fn(char) -> bool,
    value: impl Fn(&str) -> Option<u32>,
) -> bool {
    let digits: usize = rest.chars().take_while(|c| is_digit(*c)).map(char::len_utf8).sum();
    digits > 0
        && value(&rest[..digits]).is_some_and(|next| next > first)
        && ["等", "季度", "年级", "类", "级", "批", "期", "号", "次", "届", "档", "星"]
            .iter()
            .any(|w| rest[digits..].starts_with(w))
}

fn punct_after(s: &str, at: usize, line: Span) -> Option<(char, Span)> {
    // `1\. ` is how Markdown keeps a numbered paragraph from turning into a list: the dot, escaped.
    let escape = usize::from(s[at..].starts_with("\\."));
    let c = s[at + escape..].chars().next()?;
    AFTER_MARK.contains(&c).then(|| (c, line.sub(at, at + escape + c.len_utf8())))
}

impl Ordinal {
    /// Extend the marker's span over the punctuation that follows it.
    fn with_punct_span(mut self) -> Ordinal {
        if let Some((_, p)) = self.punct {
            self.span = self.span.cover(p);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ord(s: &str) -> Option<(OrdinalStyle, u32, Option<char>, String)> {
        parse_ordinal(s, Span::new(0, s.len()))
            .map(|o| (o.style, o.number, o.punct.map(|p| p.0), o.span.text(s).to_string()))
    }

    #[test]
    fn the_four_levels() {
        assert_eq!(ord("一、总体要求"), Some((OrdinalStyle::Chinese, 1, Some('、'), "一、".into())));
        assert_eq!(
            ord("四十五、本规则自发布之日起施行。"),
            Some((OrdinalStyle::Chinese, 45, Some('、'), "四十五、".into()))
        );
        assert_eq!(ord("（一）指导思想"), Some((OrdinalStyle::ParenChinese, 1, None, "（一）".into())));
        assert_eq!(ord("（一）、加强领导"), Some((OrdinalStyle::ParenChinese, 1, Some('、'), "（一）、".into())));
        assert_eq!(ord("1.明确责任"), Some((OrdinalStyle::Arabic, 1, Some('.'), "1.".into())));
        assert_eq!(ord("2、明确责任"), Some((OrdinalStyle::Arabic, 2, Some('、'), "2、".into())));
        assert_eq!(ord("(3)细化"), Some((OrdinalStyle::ParenArabic, 3, None, "(3)".into())));
        assert_eq!(ord("第二章 组成人员"), Some((OrdinalStyle::Chapter, 2, None, "第二章".into())));
        assert_eq!(ord("第十二条　本办法"), Some((OrdinalStyle::Article, 12, None, "第十二条".into())));
    }

    #[test]
    fn not_ordinals() {
        assert_eq!(ord("1.5亿元已拨付"), None);
        assert_eq!(ord("2023年9月22日"), None);
        assert_eq!(ord("9:30召开"), None);
        assert_eq!(ord("一是加强领导"), None);
        assert_eq!(ord("（此页无正文）"), None);
        assert_eq!(ord("第一时间报告"), None);
    }

    #[test]
    fn lists_of_numbers_are_marked_not_dropped() {
        let list_like = |s: &str| parse_ordinal(s, Span::new(0, s.len())).map(|o| (o.number, o.list_like));
        assert_eq!(list_like("一、二等奖获奖项目将推荐参加省级比赛。"), Some((1, true)));
        assert_eq!(list_like("1、2号实验楼的改造工程已完工。"), Some((1, true)));
        assert_eq!(list_like("三、八届政协委员于1月14日报到。"), Some((3, true)));
        assert_eq!(list_like("三、政协委员于1月14日报到。"), Some((3, false)));
        // A list of numbers goes up: what begins with the same or a smaller number is an item.
        assert_eq!(list_like("一、一季度巡河工作情况"), Some((1, false)));
        assert_eq!(list_like("二、一季度工作情况"), Some((2, false)));
        assert_eq!(list_like("2、1号楼的改造工程已完工。"), Some((2, false)));
    }

    #[test]
    fn an_escaped_markdown_dot_is_the_mark() {
        assert_eq!(ord("1\\. 22°26′26.55″N；"), Some((OrdinalStyle::Arabic, 1, Some('.'), "1\\.".into())));
    }

    #[test]
    fn a_point_numbered_without_a_blank_is_no_decimal() {
        // 10.22 °28′ in a list of coordinates: a decimal carries no minutes of arc.
        assert_eq!(ord("10.22 °28 ′09.01 ″N,113 °54 ′30.64 ″E;").map(|o| o.1), Some(10));
        assert_eq!(ord("10.22°28′09″N").map(|o| o.1), Some(10));
        assert_eq!(ord("10.22°为本次测量的偏角"), None);
        assert_eq!(ord("1.5亿元已拨付"), None);
    }
}
