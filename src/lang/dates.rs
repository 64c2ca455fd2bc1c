//! Dates as drafts write them — 2025年10月9日, 10月9日 (year from context), 二〇二五年十月九日,
//! 本月底, 下周三 — found in a line with their spans and resolved against a reference date.

use super::date::{Date, days_in_month};
use super::numerals::parse_chinese_number;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Year, month and day written.
    Full,
    /// Month and day written; the year came from the reference date.
    YearInferred,
    /// A relative expression (本月底, 下周三) resolved against the reference date.
    Relative,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub date: Date,
    pub precision: Precision,
    /// This date ends a range whose start is the mention before it (10月1日至7日).
    pub ends_range: bool,
}

static ABSOLUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?P<y>[0-9]{4}|[〇零一二三四五六七八九○]{4})年)?(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]")
        .expect("valid")
});
/// The end of a range written after a date: 至7日, —10月7日, ～2026年1月5日.
static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ 　]*(?:至|到|—|－|-|～|~)[ 　]*(?:(?P<y>[0-9]{4})年)?(?:(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月)?(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]").expect("valid")
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<which>本|下|上)(?:周|星期)(?P<wd>[一二三四五六日天])|(?P<month>本月|下月)(?P<end>底|末)")
        .expect("valid")
});

fn number(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| parse_chinese_number(s))
}

/// Every date written in `text` (which starts at `base` in the document). `reference` supplies
/// the year of 10月9日 and anchors 本月底/下周三; without it those are skipped.
pub fn find_dates(text: &str, base: usize, reference: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in ABSOLUTE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Some(month), Some(day)) = (number(&c["m"]), number(&c["d"])) else { continue };
        let (year, precision) = match c.name("y") {
            Some(y) => match number(y.as_str()) {
                Some(y) => (y as i32, Precision::Full),
                None => continue,
            },
            None => match reference {
                Some(r) => (r.year, Precision::YearInferred),
                None => continue,
            },
        };
        let Some(date) = Date::new(year, month, day) else { continue };
        out.push(DateMention {
            span: Span::new(base + whole.start(), base + whole.end()),
            date,
            precision,
            ends_range: false,
        });
        // A range's end takes the year and month it does not write from its start.
        if let Some(r) = RANGE_END.captures(&text[whole.end()..]) {
            let end_y = r.name("y").and_then(|y| y.as_str().parse().ok()).unwrap_or(year);
            let end_m = r.name("m").and_then(|m| number(m.as_str())).unwrap_or(month);
            let end_d = r.name("d").and_then(|d| number(d.as_str()));
            if let Some(end) = end_d.and_then(|d| Date::new(end_y, end_m, d)).filter(|e| *e > date) {
                let m = r.get(0).expect("match");
                let at = whole.end() + m.start() + m.as_str().len()
                    - m.as_str()
                        .trim_start_matches(|c: char| {
                            !c.is_ascii_digit() && !super::numerals::is_chinese_numeral_char(c)
                        })
                        .len();
                out.push(DateMention {
                    span: Span::new(base + at, base + whole.end() + m.end()),
                    date: end,
                    precision,
                    ends_range: true,
                });
            }
        }
    }
    let Some(reference) = reference else { return out };
    for c in RELATIVE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let date = if let Some(month) = c.name("month") {
            let (y, m) =
                if month.as_str() == "本月" { (reference.year, reference.month) } else { next_month(reference) };
            Date::new(y, m, days_in_month(y, m))
        } else {
            let target = match &c["wd"] {
                "一" => 0,
                "二" => 1,
                "三" => 2,
                "四" => 3,
                "五" => 4,
                "六" => 5,
                _ => 6,
            };
            let monday = reference.add_days(-i64::from(reference.weekday()));
            let week_offset = match &c["which"] {
                "下" => 7,
                "上" => -7,
                _ => 0,
            };
            Some(monday.add_days(week_offset + target))
        };
        if let Some(date) = date {
            out.push(DateMention {
                span: Span::new(base + whole.start(), base + whole.end()),
                date,
                precision: Precision::Relative,
                ends_range: false,
            });
        }
    }
    // A range's end written in full (—2026年1月2日) is found twice; keep the range's reading.
    out.sort_by_key(|m| (m.span.start, !m.ends_range));
    out.dedup_by(|later, earlier| later.span.start < earlier.span.end);
    out
}

fn next_month(d: Date) -> (i32, u32) {
    if d.month == 12 { (d.year + 1, 1) } else { (d.year, d.month + 1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, reference: Option<Date>) -> Vec<(String, &str, Precision)> {
        find_dates(text, 0, reference)
            .into_iter()
            .map(|m| (m.date.to_string(), m.span.text(text), m.precision))
            .collect()
    }

    #[test]
    fn absolute_and_inferred() {
        let r = Date::new(2025, 9, 29);
        assert_eq!(
            dates("请于10月9日前反馈，会议定于2025年10月15日召开，二〇二五年十月九日", r),
            [
                ("2025-10-09".into(), "10月9日", Precision::YearInferred),
                ("2025-10-15".into(), "2025年10月15日", Precision::Full),
                ("2025-10-09".into(), "二〇二五年十月九日", Precision::Full),
            ]
        );
        assert!(dates("请于10月9日前反馈", None).is_empty());
        assert!(dates("2月30日", r).is_empty());
    }

    #[test]
    fn ranges() {
        let r = Date::new(2025, 9, 29);
        let found = find_dates("10月1日至7日放假，2025年12月29日—2026年1月2日调整", 0, r);
        let ends: Vec<_> = found.iter().filter(|m| m.ends_range).map(|m| m.date.to_string()).collect();
        assert_eq!(ends, ["2025-10-07", "2026-01-02"]);
        assert_eq!(found.len(), 4, "{found:?}");
    }

    #[test]
    fn relative_expressions() {
        let r = Date::new(2025, 9, 29); // a Monday
        assert_eq!(dates("本月底前", r)[0].0, "2025-09-30");
        assert_eq!(dates("下周三前", r)[0].0, "2025-10-08");
        assert_eq!(dates("下月底", Date::new(2025, 12, 5))[0].0, "2026-01-31");
    }
}
