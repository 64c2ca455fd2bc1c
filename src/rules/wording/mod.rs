//! GW6xx: 用词 (国家通用语言文字法, common wording errors).
//!
//! The table-driven rules (GW601–GW606, GW608's ambiguous characters, GW609) share one matcher,
//! `table`, over the word tables in `lints/wording/*.toml`.
pub mod context_confusables;
pub mod domain_confusables;
pub mod foreign_words;
mod guifan;
pub mod jiezhi;
pub mod political_phrases;
pub mod standard_forms;
pub mod table;
pub mod traditional_chars;
pub mod typo_dictionary;
pub mod wrong_characters;
pub mod zuochu;

use super::Rule;

/// How many built-in word tables there are (a bit each in `table::AllHeads`: at most 32).
pub(crate) const BUILTIN_TABLES: usize = 8;

/// The built-in word tables, in rule order. Their words' heads are searched for together, once
/// per draft (`table::HeadStarts`).
pub(crate) fn builtin_tables() -> [&'static table::Table; BUILTIN_TABLES] {
    [
        &jiezhi::TABLE,
        &zuochu::TABLE,
        &context_confusables::TABLE,
        &standard_forms::TABLE,
        &typo_dictionary::TABLE,
        &domain_confusables::TABLE,
        &traditional_chars::AMBIGUOUS,
        &political_phrases::TABLE,
    ]
}

pub static RULES: &[&dyn Rule] = &[
    &jiezhi::JiezhiVsJiezhi,
    &zuochu::Zuochu,
    &context_confusables::ContextConfusables,
    &standard_forms::StandardForms,
    &typo_dictionary::TypoDictionary,
    &domain_confusables::DomainConfusables,
    &foreign_words::ForeignWords,
    &traditional_chars::TraditionalVariantChars,
    &political_phrases::FixedPoliticalPhrases,
    &wrong_characters::WrongCharacters,
];
