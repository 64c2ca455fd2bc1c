//! The working-day calendar: 法定节假日 and 调休 workdays per year, from the 国务院办公厅's
//! annual notices, kept as data in `lints/calendar/<year>.toml` (users add or override years in
//! `gwlint.toml` `[calendar] files`).
//!
//! Counting convention: the start day is excluded — “N个工作日内” after a date D ends on the N-th
//! working day after D. A deadline that falls on a holiday gives only the working days before
//! it. A year without data is never guessed: the answer is `Err(MissingYear)`.

use super::date::Date;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// 法定节假日（含连休中的周末）
    Holiday,
    /// 调休上班的周末
    AdjustedWorkday,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingYear(pub i32);

impl std::fmt::Display for MissingYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "工作日历中没有 {} 年的节假日安排", self.0)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearFile {
    pub year: i32,
    pub notice: String,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub holiday: Vec<HolidayEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayEntry {
    pub name: String,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub workdays: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    days: HashMap<Date, DayKind>,
    years: BTreeSet<i32>,
    notices: BTreeMap<i32, String>,
}

const BUILTIN: &[&str] = &[
    include_str!("../../lints/calendar/2020.toml"),
    include_str!("../../lints/calendar/2021.toml"),
    include_str!("../../lints/calendar/2022.toml"),
    include_str!("../../lints/calendar/2023.toml"),
    include_str!("../../lints/calendar/2024.toml"),
    include_str!("../../lints/calendar/2025.toml"),
    include_str!("../../lints/calendar/2026.toml"),
];

static BUILTIN_CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
    let mut c = Calendar::default();
    for text in BUILTIN {
        let file: YearFile = toml::from_str(text).expect("lints/calendar file is valid");
        c.add_year(&file).expect("lints/calendar dates are valid");
    }
    c
});

impl Calendar {
    pub fn builtin() -> &'static Calendar {
        &BUILTIN_CALENDAR
    }

    /// Add (or replace) a year's schedule.
    pub fn add_year(&mut self, file: &YearFile) -> Result<(), String> {
        let date = |s: &str| Date::parse_iso(s).ok_or_else(|| format!("{} 年节假日：无效日期“{s}”", file.year));
        // Replacing a year drops what an earlier file said about it.
        if self.years.contains(&file.year) {
            self.days.retain(|d, _| d.year != file.year);
        }
        for h in &file.holiday {
            let (from, to) = (date(&h.from)?, date(&h.to)?);
            if to < from || to.ordinal() - from.ordinal() > 15 {
                return Err(format!("{} 年“{}”的起止日期不合理：{}—{}", file.year, h.name, h.from, h.to));
            }
            for z in from.ordinal()..=to.ordinal() {
                self.days.insert(Date::from_ordinal(z), DayKind::Holiday);
            }
            for w in &h.workdays {
                self.days.insert(date(w)?, DayKind::AdjustedWorkday);
            }
        }
        self.years.insert(file.year);
        self.notices.insert(
            file.year,
            match &file.number {
                Some(n) => format!("《{}》（{n}）", file.notice),
                None => format!("《{}》", file.notice),
            },
        );
        Ok(())
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The notice a year's schedule comes from, for messages.
    pub fn notice(&self, year: i32) -> Option<&str> {
        self.notices.get(&year).map(String::as_str)
    }

    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn is_workday(&self, d: Date) -> Result<bool, MissingYear> {
        if !self.covers(d.year) {
            return Err(MissingYear(d.year));
        }
        Ok(match self.days.get(&d) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::AdjustedWorkday) => true,
            None => !d.is_weekend(),
        })
    }

    /// The `n`-th working day after `start` (start excluded).
    pub fn add_workdays(&self, start: Date, n: u32) -> Result<Date, MissingYear> {
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d = d.add_days(1);
            if self.is_workday(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// Working days in (start, end]: how many a deadline `end` leaves after `start`.
    pub fn workdays_between(&self, start: Date, end: Date) -> Result<u32, MissingYear> {
        let mut count = 0;
        let mut d = start;
        while d < end {
            d = d.add_days(1);
            if self.is_workday(d)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn every_day_agrees_with_the_published_schedules() {
        // chinese_holiday (Apache-2.0) is an independent transcription of the same notices.
        let cal = Calendar::builtin();
        let mut z = d(2020, 1, 1).ordinal();
        let end = d(2026, 12, 25).ordinal();
        let mut mismatches = Vec::new();
        while z <= end {
            let day = Date::from_ordinal(z);
            let oracle = chinese_holiday::chinese_holiday(chinese_holiday::Ymd::new(
                day.year as u16,
                day.month as u8,
                day.day as u8,
            ))
            .is_workday();
            if cal.is_workday(day).unwrap() != oracle {
                mismatches.push(day.to_string());
            }
            z += 1;
        }
        assert!(mismatches.is_empty(), "differs from the published schedule on {mismatches:?}");
    }

    #[test]
    fn national_day_2025() {
        let cal = Calendar::builtin();
        for day in 1..=8 {
            assert!(!cal.is_workday(d(2025, 10, day)).unwrap(), "10/{day}");
        }
        assert!(cal.is_workday(d(2025, 9, 28)).unwrap());
        assert!(cal.is_workday(d(2025, 10, 11)).unwrap());
        // The example: a letter dated 9/29 asking for replies by 10/9 gives 2 working days.
        assert_eq!(cal.workdays_between(d(2025, 9, 29), d(2025, 10, 9)).unwrap(), 2);
        assert_eq!(cal.add_workdays(d(2025, 9, 29), 5).unwrap(), d(2025, 10, 13));
    }

    #[test]
    fn spring_festival_2026_and_missing_years() {
        let cal = Calendar::builtin();
        assert_eq!(cal.add_workdays(d(2026, 2, 12), 5).unwrap(), d(2026, 2, 26));
        assert_eq!(cal.add_workdays(d(2026, 9, 28), 5).unwrap(), d(2026, 10, 10));
        assert_eq!(cal.add_workdays(d(2026, 12, 28), 5), Err(MissingYear(2027)));
        assert_eq!(cal.is_workday(d(2019, 6, 3)), Err(MissingYear(2019)));
    }

    #[test]
    fn a_year_can_be_added_or_replaced() {
        let mut cal = Calendar::builtin().clone();
        let file: YearFile = toml::from_str("year = 2027\nnotice = \"测试\"\n[[holiday]]\nname = \"元旦\"\nfrom = \"2027-01-01\"\nto = \"2027-01-03\"\nworkdays = []\n").unwrap();
        cal.add_year(&file).unwrap();
        assert!(!cal.is_workday(d(2027, 1, 1)).unwrap());
        assert!(cal.is_workday(d(2027, 1, 4)).unwrap());
    }
}
