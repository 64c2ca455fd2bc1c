//! The 文种 phrase table of `lints/doc-kinds.toml`: each kind's usual closing (结语), for the
//! suggestions GW104 makes. Requests are found by the request recogniser (`lang::request`).

use crate::document::DocKind;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct Raw {
    closings: HashMap<String, String>,
}

pub struct Phrases {
    closings: HashMap<String, String>,
}

pub static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let raw: Raw =
        toml::from_str(include_str!("../../../lints/doc-kinds.toml")).expect("lints/doc-kinds.toml is valid");
    Phrases { closings: raw.closings }
});

impl Phrases {
    /// The usual closing of a kind, for suggestions.
    pub fn closing_for(&self, kind: DocKind) -> Option<&str> {
        self.closings.get(kind.zh()).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_closing_names_a_kind() {
        let raw: Raw = toml::from_str(include_str!("../../../lints/doc-kinds.toml")).unwrap();
        assert!(!raw.closings.is_empty());
        for kind in raw.closings.keys() {
            assert!(DocKind::parse(kind).is_some(), "{kind}");
        }
        assert_eq!(PHRASES.closing_for(DocKind::请示), Some("妥否，请批示。"));
    }
}
