//! Rules a user writes in `gwlint.toml` (`[[rule]]`), in the two kinds a 文秘 needs most:
//! **existence** (these words or this pattern should not appear) and **substitution** (write B
//! instead of A). Each has its own code (U001…), name, message, severity, an optional scope (the
//! parts of the 公文 it applies to) and an optional 文种 filter. A pattern that does not compile
//! is a configuration error, never silence.

use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DocKind, MaskKind, MaskSet, Part};
use crate::rules::Context;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UserRuleConfig {
    pub code: String,
    pub name: String,
    /// "existence" or "substitution".
    pub kind: String,
    /// A regular expression (Rust regex syntax).
    #[serde(default)]
    pub pattern: Option<String>,
    /// Literal words; an alternative to `pattern` for existence rules.
    #[serde(default)]
    pub words: Vec<String>,
    /// Substitution pairs: wrong → right.
    #[serde(default)]
    pub swap: BTreeMap<String, String>,
    /// For a substitution by `pattern`: the replacement (may use `$1`).
    #[serde(default)]
    pub replace: Option<String>,
    /// The message; `{match}` and `{replace}` are filled in.
    pub message: String,
    #[serde(default)]
    pub severity: Option<String>,
    /// Parts of the document: 标题、主送、正文、附件说明、署名、成文日期、附注、附件、版记、全文.
    #[serde(default)]
    pub scope: Vec<String>,
    /// Only for these 文种.
    #[serde(default)]
    pub doc_kinds: Vec<String>,
    /// "safe", "unsafe" (default) or "none": how a substitution's fix is applied.
    #[serde(default)]
    pub fix: Option<String>,
    /// The rule's basis, shown with each finding.
    #[serde(default)]
    pub source: Option<String>,
    /// Also check inside quotations and 《》 names (off by default).
    #[serde(default)]
    pub include_quotes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FixClass {
    Safe,
    Unsafe,
    None,
}

#[derive(Debug)]
pub struct UserRule {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub source: String,
    regex: Regex,
    /// For substitutions by word: the replacement of each alternative.
    swap: BTreeMap<String, String>,
    replace: Option<String>,
    message: String,
    scope: Vec<Part>,
    whole_document: bool,
    kinds: Vec<DocKind>,
    fix: FixClass,
    include_quotes: bool,
}

fn part_names(name: &str) -> Option<Vec<Part>> {
    Some(match name {
        "标题" => vec![Part::Title],
        "主送" | "主送机关" => vec![Part::MainRecipients],
        "正文" => vec![Part::Body],
        "附件说明" => vec![Part::AttachmentNote],
        "署名" | "发文机关署名" => vec![Part::Signature],
        "成文日期" => vec![Part::Date],
        "附注" => vec![Part::Annotation],
        "版头" => vec![Part::Header],
        "版记" => vec![Part::Colophon, Part::PublicAttribute],
        "附件" | "全文" => vec![],
        _ => return None,
    })
}

impl UserRule {
    pub fn compile(c: &UserRuleConfig) -> Result<UserRule, String> {
        let code_ok = c.code.len() == 4 && c.code.starts_with('U') && c.code[1..].chars().all(|d| d.is_ascii_digit());
        if !code_ok {
            return Err(format!("自定义规则代码“{}”应为 U 加三位数字，如 U001", c.code));
        }
        if c.name.is_empty() || !c.name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-') {
            return Err(format!("自定义规则 {} 的名称“{}”应为小写字母、数字和连字符", c.code, c.name));
        }
        let severity = match c.severity.as_deref() {
            None => Severity::Warning,
            Some(s) => Severity::parse(s)
                .ok_or_else(|| format!("自定义规则 {} 的级别“{s}”无效（error、warning、info）", c.code))?,
        };
        let fix = match c.fix.as_deref() {
            None | Some("unsafe") => FixClass::Unsafe,
            Some("safe") => FixClass::Safe,
            Some("none") => FixClass::None,
            Some(other) => return Err(format!("自定义规则 {} 的 fix “{other}”无效（safe、unsafe、none）", c.code)),
        };
        let pattern = match (c.kind.as_str(), &c.pattern, c.words.is_empty(), c.swap.is_empty()) {
            ("existence", Some(p), true, true) => p.clone(),
            ("existence", None, false, true) => alternation(c.words.iter()),
            ("substitution", None, true, false) => alternation(c.swap.keys()),
            ("substitution", Some(p), true, true) if c.replace.is_some() => p.clone(),
            ("existence", ..) => {
                return Err(format!("自定义规则 {}：existence 规则需要 pattern 或 words 之一", c.code));
            }
            ("substitution", ..) => {
                return Err(format!("自定义规则 {}：substitution 规则需要 swap 表，或 pattern 加 replace", c.code));
            }
            (other, ..) => {
                return Err(format!("自定义规则 {} 的 kind “{other}”无效（existence、substitution）", c.code));
            }
        };
        let regex = Regex::new(&pattern).map_err(|e| format!("自定义规则 {} 的正则表达式无效：{e}", c.code))?;
        if regex.is_match("") {
            return Err(format!("自定义规则 {} 的正则表达式会匹配空字符串", c.code));
        }
        let mut scope = Vec::new();
        let mut whole_document = c.scope.is_empty();
        for s in &c.scope {
            let parts = part_names(s).ok_or_else(|| format!("自定义规则 {} 的 scope “{s}”无效（标题、主送、正文、附件说明、署名、成文日期、附注、版头、版记、附件、全文）", c.code))?;
            if s == "全文" {
                whole_document = true;
            }
            if s == "附件" {
                scope.push(Part::Attachment(usize::MAX));
            }
            scope.extend(parts);
        }
        let kinds = c
            .doc_kinds
            .iter()
            .map(|k| DocKind::parse(k).ok_or_else(|| format!("自定义规则 {} 的文种“{k}”不是法定文种", c.code)))
            .collect::<Result<_, _>>()?;
        Ok(UserRule {
            code: c.code.clone(),
            name: c.name.clone(),
            severity,
            source: c.source.clone().unwrap_or_else(|| "本单位自定义规则（gwlint.toml）".to_string()),
            regex,
            swap: c.swap.clone(),
            replace: c.replace.clone(),
            message: c.message.clone(),
            scope,
            whole_document,
            kinds,
            fix,
            include_quotes: c.include_quotes,
        })
    }

    fn in_scope(&self, part: Part) -> bool {
        self.whole_document
            || self.scope.iter().any(|p| match (p, part) {
                (Part::Attachment(_), Part::Attachment(_)) => true,
                (a, b) => *a == b,
            })
    }

    pub fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if !self.kinds.is_empty() && !cx.doc.kind().is_some_and(|k| self.kinds.contains(&k)) {
            return;
        }
        let skip = if self.include_quotes {
            MaskSet::NON_TEXT
        } else {
            MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle)
        };
        let text = cx.text();
        for (line, part) in &cx.doc.lines {
            if !self.in_scope(*part) {
                continue;
            }
            let s = line.span.text(text);
            for c in self.regex.captures_iter(s) {
                let m = c.get(0).expect("match");
                let span = line.span.sub(m.start(), m.end());
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let replacement = match (self.swap.get(m.as_str()), &self.replace) {
                    (Some(r), _) => Some(r.clone()),
                    (None, Some(r)) => {
                        let mut expanded = String::new();
                        c.expand(r, &mut expanded);
                        Some(expanded)
                    }
                    _ => None,
                };
                let message = self
                    .message
                    .replace("{match}", m.as_str())
                    .replace("{replace}", replacement.as_deref().unwrap_or(""));
                let mut f = Finding::new(span, message).severity(self.severity);
                if let Some(r) = replacement {
                    let edit = vec![Edit::replace(span, r.clone())];
                    let label = format!("改为“{r}”");
                    match self.fix {
                        FixClass::Safe => f = f.fix(Fix::safe(label, edit)),
                        FixClass::Unsafe => f = f.fix(Fix::unsafe_(label, edit)),
                        FixClass::None => f = f.help(label),
                    }
                }
                out.push(f);
            }
        }
    }
}

fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut words: Vec<&String> = words.collect();
    // Longest first, so that a longer word wins over its prefix.
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(toml_text: &str) -> Result<UserRule, String> {
        let c: UserRuleConfig = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        UserRule::compile(&c)
    }

    #[test]
    fn bad_definitions_are_errors() {
        assert!(rule("code = \"X1\"\nname = \"a\"\nkind = \"existence\"\nwords = [\"甲\"]\nmessage = \"m\"").is_err());
        assert!(
            rule("code = \"U001\"\nname = \"a\"\nkind = \"existence\"\npattern = \"(\"\nmessage = \"m\"")
                .unwrap_err()
                .contains("正则")
        );
        assert!(
            rule("code = \"U001\"\nname = \"a\"\nkind = \"existence\"\npattern = \"a*\"\nmessage = \"m\"").is_err()
        );
        assert!(rule("code = \"U001\"\nname = \"a\"\nkind = \"existence\"\nwords = [\"甲\"]\nmessage = \"m\"\nscope = [\"封面\"]").is_err());
        assert!(rule("code = \"U001\"\nname = \"a\"\nkind = \"substitution\"\nmessage = \"m\"").is_err());
    }
}
