//! GW5xx: 数字 (GB/T 15835-2011).
pub mod approximate_numbers;
pub mod chinese_zero;
mod common;
pub mod date_writing;
pub mod fullwidth_digits;
pub mod legal_units;
pub mod numeral_form_consistency;
pub mod range_units;
pub mod relative_time;
pub mod times_for_decrease;
pub mod year_abbrev;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &year_abbrev::YearAbbrev,
    &date_writing::DateWriting,
    &range_units::RangeUnits,
    &fullwidth_digits::FullwidthDigits,
    &chinese_zero::ChineseZero,
    &approximate_numbers::ApproximateNumbers,
    &numeral_form_consistency::NumeralFormConsistency,
    &times_for_decrease::TimesForDecrease,
    &relative_time::RelativeTime,
    &legal_units::LegalUnits,
];
