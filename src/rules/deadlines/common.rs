//! What the deadline rules share: the draft's own dates and the rule pack's numbers.

use crate::document::DATE_LINE;
use crate::lang::calendar::MissingYear;
use crate::lang::date::Date;
use crate::lang::dates::{DateMention, find_dates};
use crate::lang::numerals::parse_chinese_number;
use crate::rules::Context;

/// The 成文日期 as a date, when written out fully.
pub fn issue_date(cx: &Context) -> Option<Date> {
    if let Some(stated) = cx.doc.stated("成文日期")
        && let Some(m) = find_dates(&stated, 0, None).into_iter().next()
    {
        return Some(m.date);
    }
    let date = cx.doc.date.as_ref()?;
    let c = DATE_LINE.captures(&date.text)?;
    let num = |s: &str| s.parse::<u32>().ok().or_else(|| parse_chinese_number(s));
    let year = num(c.name("y")?.as_str()).filter(|y| *y >= 1900)?;
    Date::new(year as i32, num(c.name("m")?.as_str())?, num(c.name("d")?.as_str())?)
}

/// A date stated in front matter under `key` (会议日期, 来函日期).
pub fn stated_date(cx: &Context, key: &str) -> Option<Date> {
    let text = cx.doc.stated(key)?;
    Date::parse_iso(&text).or_else(|| find_dates(&text, 0, None).into_iter().next().map(|m| m.date))
}

/// Dates written in a paragraph of the 正文, years inferred from `reference`.
pub fn dates_in(cx: &Context, span: crate::span::Span, reference: Option<Date>) -> Vec<DateMention> {
    find_dates(span.text(cx.text()), span.start, reference)
}

/// A whole-number parameter of the rule (from the rule pack or `[rules.GWnnn]`).
pub fn param(cx: &Context, key: &str, default: u32) -> u32 {
    cx.params.get(key).and_then(|v| v.as_integer()).and_then(|v| u32::try_from(v).ok()).unwrap_or(default)
}

/// The message for a date the calendar cannot judge.
pub fn cannot_check(missing: &MissingYear) -> String {
    format!("{missing}，无法按工作日核对；请在 gwlint.toml 的 [calendar] files 中补充该年的安排")
}
