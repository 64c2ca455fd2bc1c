//! gwlint.toml (being built).
pub type RuleParams = toml::Table;
