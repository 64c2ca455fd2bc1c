//! The editable word lists of the punctuation rules, `lints/punct-words.toml`, parsed once.

use serde::Deserialize;
use std::sync::LazyLock;

/// One section of the file: a rule's lists, with examples the unit tests check.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Lists<T> {
    #[serde(flatten)]
    pub words: T,
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples_fire: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples_silent: Vec<String>,
}

/// GW404: the last words of names that are not works.
#[derive(Deserialize)]
pub struct NotWorks {
    pub meeting: Vec<String>,
    pub event: Vec<String>,
    pub organ: Vec<String>,
    pub licence: Vec<String>,
    pub award: Vec<String>,
    pub exceptions: Vec<String>,
}

/// GW407: words that start with 等.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct DengWords {
    pub deng_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct PunctWords {
    pub book_marks_misuse: Lists<NotWorks>,
    pub enumeration_omission: Lists<DengWords>,
}

pub static WORDS: LazyLock<PunctWords> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../lints/punct-words.toml")).expect("lints/punct-words.toml is valid")
});
