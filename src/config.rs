//! `gwlint.toml`: discovery upward from each file, strict validation with file:line errors, and
//! the resolved `Settings` the engine runs with (rule selection, severities, parameters, rule
//! packs, document defaults and the organisation graph).

use crate::diagnostic::Severity;
use crate::packs::{AppliedPacks, PackFile, PackSelection};
use crate::rules::{Pack, Rule, RuleMeta, all_rules};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const CONFIG_FILE: &str = "gwlint.toml";

/// A rule's parameters, from its own `[rules.GWnnn]` table.
pub type RuleParams = toml::Table;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: {}", p.display(), l, self.message),
            (Some(p), None) => write!(f, "{}: {}", p.display(), self.message),
            (None, Some(l)) => write!(f, "第 {l} 行：{}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// How rules are picked: a code (GW302), a code prefix (GW3, GW), a name, or ALL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    All,
    Prefix(String),
    Code(String),
}

impl Selector {
    pub fn parse(s: &str) -> Result<Selector, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("ALL") {
            return Ok(Selector::All);
        }
        if let Some(rule) = all_rules().iter().find(|r| r.meta().name == s || r.meta().code.eq_ignore_ascii_case(s)) {
            return Ok(Selector::Code(rule.meta().code.to_string()));
        }
        let upper = s.to_ascii_uppercase();
        // A category prefix (GW1 … GW8, GW10 …) is valid even before its rules exist.
        let category_prefix = upper.len() <= 4
            && upper.len() > 2
            && upper.starts_with("GW")
            && upper[2..].chars().all(|c| c.is_ascii_digit())
            && !upper[2..].starts_with('9');
        if upper == "GW" || category_prefix || all_rules().iter().any(|r| r.meta().code.starts_with(&upper)) {
            return Ok(Selector::Prefix(upper));
        }
        // Users' own rules: U001, or a prefix such as U or U0.
        if upper.starts_with('U') && upper.len() <= 4 && upper[1..].chars().all(|c| c.is_ascii_digit()) {
            return Ok(if upper.len() == 4 { Selector::Code(upper) } else { Selector::Prefix(upper) });
        }
        Err(format!("未知的规则代码或名称“{s}”（用 gwlint rules 查看全部规则）"))
    }

    pub fn matches(&self, code: &str) -> bool {
        match self {
            Selector::All => true,
            Selector::Prefix(p) => code.starts_with(p.as_str()),
            Selector::Code(c) => c == code,
        }
    }

    /// More specific selectors win over less specific ones (ruff's rule).
    fn specificity(&self) -> usize {
        match self {
            Selector::All => 0,
            Selector::Prefix(p) => p.len(),
            Selector::Code(c) => c.len() + 10,
        }
    }
}

pub fn parse_selectors(list: &[String]) -> Result<Vec<Selector>, String> {
    list.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(Selector::parse).collect()
}

/// Defaults for drafts that do not say themselves (`[document]`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DocumentDefaults {
    /// 发文机关
    pub sender: Option<String>,
    /// 文种
    pub doc_type: Option<String>,
}

/// `[calendar]`: extra or replacement years for the working-day calendar.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CalendarConfig {
    /// Year files in the format of `lints/calendar/<year>.toml`, relative to the config file.
    #[serde(default)]
    files: Vec<String>,
}

/// `[words]`: the office's own words (names of places, people, enterprises, projects) that no
/// wording rule may question.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct WordsConfig {
    #[serde(default)]
    allow: Vec<String>,
    /// Word-list files shared by an office, one word per line (`#` starts a comment), relative
    /// to the config file.
    #[serde(default)]
    files: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rule_packs: Option<Spanned<Vec<String>>>,
    calendar: Option<CalendarConfig>,
    words: Option<WordsConfig>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    document: Option<DocumentDefaults>,
    #[serde(default)]
    org: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    group: Vec<Spanned<toml::Value>>,
    /// Users' own rules (`[[rule]]`).
    #[serde(default)]
    rule: Vec<Spanned<toml::Value>>,
}

/// What the engine runs with, resolved from config and command line.
#[derive(Debug, Clone)]
pub struct Settings {
    pub path: Option<PathBuf>,
    /// `rule-packs`, or the sender's jurisdiction when the config does not list them.
    pub packs: PackSelection,
    pub select: Vec<Selector>,
    pub extend_select: Vec<Selector>,
    pub ignore: Vec<Selector>,
    /// Per-rule severity; `None` means the rule is off.
    pub severities: FxHashMap<String, Option<Severity>>,
    /// Rule parameters from `[rules.GWnnn]`, filled in from custom pack files; the built-in
    /// packs' parameters join per draft, as those packs apply (`rule_params`).
    pub params: FxHashMap<String, RuleParams>,
    pub document: DocumentDefaults,
    /// `[[org]]` and `[[group]]` tables, handed to the organisation model.
    pub orgs: Vec<(toml::Value, usize)>,
    pub groups: Vec<(toml::Value, usize)>,
    /// Rules turned on by custom rule packs.
    pub pack_enabled: Vec<String>,
    /// The working-day calendar: built-in years plus `[calendar] files`.
    pub calendar: std::sync::Arc<crate::lang::calendar::Calendar>,
    /// Users' own rules from `[[rule]]`, compiled.
    pub user_rules: Vec<std::sync::Arc<crate::rules::user::UserRule>>,
    /// The office's own words (`[words]`): never questioned as wrong characters.
    pub words: std::sync::Arc<Vec<String>>,
    /// The text of every file these settings were read from — the config, then each pack,
    /// calendar and word-list file it names — for the CLI's result cache to key on.
    pub inputs: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            path: None,
            packs: PackSelection::ByJurisdiction,
            select: Vec::new(),
            extend_select: Vec::new(),
            ignore: Vec::new(),
            severities: FxHashMap::default(),
            params: FxHashMap::default(),
            document: DocumentDefaults::default(),
            orgs: Vec::new(),
            groups: Vec::new(),
            pack_enabled: Vec::new(),
            calendar: std::sync::Arc::new(crate::lang::calendar::Calendar::builtin().clone()),
            user_rules: Vec::new(),
            words: std::sync::Arc::default(),
            inputs: Vec::new(),
        }
    }
}

static EMPTY_PARAMS: std::sync::LazyLock<RuleParams> = std::sync::LazyLock::new(RuleParams::new);

impl Settings {
    /// The rule packs that apply to a draft from `sender`, and why.
    pub fn packs_for(&self, sender: Option<&crate::org::Org>, orgs: &crate::org::OrgView) -> AppliedPacks {
        self.packs.apply(sender, orgs)
    }

    /// Whether `rule` runs on a draft `packs` apply to, and at what severity.
    pub fn effective_severity(&self, meta: &RuleMeta, packs: &AppliedPacks) -> Option<Severity> {
        let configured = self.severities.get(meta.code);
        if let Some(None) = configured {
            return None;
        }
        let best = |list: &[Selector]| list.iter().filter(|s| s.matches(meta.code)).map(Selector::specificity).max();
        let in_pack = packs.contains(meta.pack) || self.pack_enabled.iter().any(|c| c == meta.code);
        let selected = if self.select.is_empty() {
            (meta.default_enabled && in_pack) || configured.is_some()
        } else {
            best(&self.select).is_some()
        };
        let selected = selected || best(&self.extend_select).is_some();
        let ignored = match (best(&self.ignore), best(&self.select).max(best(&self.extend_select))) {
            (Some(i), Some(s)) => i >= s,
            (Some(_), None) => true,
            _ => false,
        };
        if !selected || ignored {
            return None;
        }
        Some(configured.copied().flatten().unwrap_or(meta.default_severity))
    }

    /// Whether a user rule runs, and at what severity: on unless deselected, at its own level
    /// unless `[rules]` sets another.
    pub fn user_rule_severity(&self, rule: &crate::rules::user::UserRule) -> Option<Severity> {
        let code = rule.code.as_str();
        if let Some(None) = self.severities.get(code) {
            return None;
        }
        let matches = |list: &[Selector]| list.iter().any(|s| s.matches(code));
        let selected = self.select.is_empty() || matches(&self.select) || matches(&self.extend_select);
        if !selected || matches(&self.ignore) {
            return None;
        }
        Some(self.severities.get(code).copied().flatten().unwrap_or(rule.severity))
    }

    /// A rule's parameters on a draft `packs` apply to: `[rules.GWnnn]` first, then custom pack
    /// files, then the applying built-in packs, the most local first (江门's numbers over
    /// national ones).
    pub fn rule_params(&self, code: &str, packs: &AppliedPacks) -> Cow<'_, RuleParams> {
        // Asked for every rule on every draft, and for most rules nothing sets anything: no
        // allocation then.
        let own = if self.params.is_empty() { &EMPTY_PARAMS } else { self.params.get(code).unwrap_or(&EMPTY_PARAMS) };
        let mut setting = packs.builtin().filter_map(|pack| Some((pack, pack.params.get(code)?)));
        let Some(first) = setting.next() else {
            return Cow::Borrowed(own);
        };
        let mut from_packs = vec![first];
        from_packs.extend(setting);
        // One pack alone sets them (the national defaults): its table as it is, not a copy.
        if let ([(_, table)], true) = (from_packs.as_slice(), own.is_empty()) {
            return Cow::Borrowed(table);
        }
        from_packs.sort_by_key(|(pack, _)| std::cmp::Reverse(pack.tier()));
        let mut params = own.clone();
        for (_, table) in from_packs {
            for (key, value) in table {
                params.entry(key.clone()).or_insert_with(|| value.clone());
            }
        }
        Cow::Owned(params)
    }

    /// The rules that run on a draft `packs` apply to, with their severities.
    pub fn enabled_rules(&self, packs: &AppliedPacks) -> Vec<(&'static dyn Rule, Severity)> {
        all_rules().iter().filter_map(|r| self.effective_severity(r.meta(), packs).map(|s| (*r, s))).collect()
    }

    /// Read and validate a config file.
    pub fn load(path: &Path) -> Result<Settings, ConfigError> {
        let text = read_text(path).map_err(|e| ConfigError {
            path: Some(path.to_path_buf()),
            line: None,
            message: format!("无法读取配置文件：{e}"),
        })?;
        Settings::parse(&text, Some(path))
    }

    pub fn parse(text: &str, path: Option<&Path>) -> Result<Settings, ConfigError> {
        let err = |offset: Option<usize>, message: String| ConfigError {
            path: path.map(Path::to_path_buf),
            line: offset.map(|o| line_of(text, o)),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let offset = e.span().map(|s| s.start);
            err(offset, zh_error(e.message()))
        })?;
        let mut settings =
            Settings { path: path.map(Path::to_path_buf), inputs: vec![text.to_string()], ..Settings::default() };
        let mut pack_files: Vec<(PackFile, Option<usize>)> = Vec::new();
        if let Some(packs) = raw.rule_packs {
            let span = packs.span();
            let (mut listed, mut custom) = (Vec::new(), Vec::new());
            for p in packs.into_inner() {
                if let Some(pack) = Pack::parse(&p) {
                    listed.push(pack);
                } else if p.ends_with(".toml") {
                    let base = path.and_then(Path::parent).unwrap_or(Path::new("."));
                    let file = base.join(&p);
                    let text = read_text(&file)
                        .map_err(|e| err(Some(span.start), format!("无法读取规则包“{}”：{e}", file.display())))?;
                    settings.inputs.push(text.clone());
                    let pack: PackFile = toml::from_str(&text).map_err(|e| ConfigError {
                        path: Some(file.clone()),
                        line: e.span().map(|s| line_of(&text, s.start)),
                        message: zh_error(e.message()),
                    })?;
                    custom.push(pack.name.clone());
                    pack_files.push((pack, Some(span.start)));
                } else {
                    let builtin: Vec<&str> = Pack::ALL.iter().map(|p| p.as_str()).collect();
                    return Err(err(
                        Some(span.start),
                        format!("未知的规则包“{p}”（可用：{}，或规则包文件 *.toml）", builtin.join("、")),
                    ));
                }
            }
            settings.packs = PackSelection::Listed { packs: listed, custom };
        }
        if let Some(calendar) = raw.calendar {
            let mut cal = crate::lang::calendar::Calendar::builtin().clone();
            let base = path.and_then(Path::parent).unwrap_or(Path::new("."));
            for f in &calendar.files {
                let file = base.join(f);
                let text = read_text(&file)
                    .map_err(|e| err(None, format!("无法读取工作日历文件“{}”：{e}", file.display())))?;
                settings.inputs.push(text.clone());
                let year: crate::lang::calendar::YearFile = toml::from_str(&text).map_err(|e| ConfigError {
                    path: Some(file.clone()),
                    line: e.span().map(|s| line_of(&text, s.start)),
                    message: zh_error(e.message()),
                })?;
                cal.add_year(&year).map_err(|m| ConfigError { path: Some(file.clone()), line: None, message: m })?;
            }
            settings.calendar = std::sync::Arc::new(cal);
        }
        if let Some(words) = raw.words {
            let mut all = words.allow.clone();
            let base = path.and_then(Path::parent).unwrap_or(Path::new("."));
            for f in &words.files {
                let file = base.join(f);
                let text =
                    read_text(&file).map_err(|e| err(None, format!("无法读取词表文件“{}”：{e}", file.display())))?;
                settings.inputs.push(text.clone());
                all.extend(
                    text.lines()
                        .map(|l| l.split('#').next().unwrap_or("").trim())
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                );
            }
            all.retain(|w| !w.is_empty());
            settings.words = std::sync::Arc::new(all);
        }
        for (key, value) in raw.rules.unwrap_or_default() {
            let (key_span, key) = (key.span(), key.into_inner());
            let value_span = value.span();
            let value = value.into_inner();
            match key.as_str() {
                "select" | "ignore" | "extend-select" => {
                    let list = string_list(&value)
                        .ok_or_else(|| err(Some(value_span.start), format!("rules.{key} 应为字符串数组")))?;
                    let selectors = parse_selectors(&list).map_err(|m| err(Some(value_span.start), m))?;
                    match key.as_str() {
                        "select" => settings.select = selectors,
                        "ignore" => settings.ignore = selectors,
                        _ => settings.extend_select = selectors,
                    }
                }
                _ => {
                    let code = match Selector::parse(&key) {
                        Ok(Selector::Code(code)) => code,
                        _ => {
                            return Err(err(
                                Some(key_span.start),
                                format!("未知的规则代码“{key}”（用 gwlint rules 查看全部规则）"),
                            ));
                        }
                    };
                    match value {
                        toml::Value::String(s) => {
                            let sev = parse_level(&s).map_err(|m| err(Some(value_span.start), m))?;
                            settings.severities.insert(code, sev);
                        }
                        toml::Value::Table(mut table) => {
                            if let Some(level) = table.remove("severity") {
                                let s = level
                                    .as_str()
                                    .ok_or_else(|| err(Some(value_span.start), "severity 应为字符串".into()))?;
                                let sev = parse_level(s).map_err(|m| err(Some(value_span.start), m))?;
                                settings.severities.insert(code.clone(), sev);
                            }
                            settings.params.insert(code, table);
                        }
                        _ => {
                            return Err(err(
                                Some(value_span.start),
                                format!("rules.{key} 应为级别字符串（error/warning/info/off）或参数表"),
                            ));
                        }
                    }
                }
            }
        }
        // Custom pack parameters fill in what the user's own [rules.X] tables leave unsaid; the
        // built-in packs' join per draft, after both.
        for (pack, at) in pack_files {
            for name in &pack.enable {
                match Selector::parse(name) {
                    Ok(Selector::Code(code)) => settings.pack_enabled.push(code),
                    _ => return Err(err(at, format!("规则包“{}”启用了未知的规则“{name}”", pack.name))),
                }
            }
            for (code, table) in pack.rules {
                let code = match Selector::parse(&code) {
                    Ok(Selector::Code(c)) => c,
                    _ => return Err(err(at, format!("规则包“{}”中有未知的规则“{code}”", pack.name))),
                };
                let params = settings.params.entry(code).or_default();
                for (k, v) in table {
                    params.entry(k).or_insert(v);
                }
            }
        }
        for entry in raw.rule {
            let at = Some(entry.span().start);
            let config = crate::rules::user::UserRuleConfig::deserialize(entry.into_inner())
                .map_err(|e| err(at, format!("[[rule]]：{}", e.message())))?;
            let rule = crate::rules::user::UserRule::compile(&config).map_err(|m| err(at, m))?;
            if settings.user_rules.iter().any(|r| r.code == rule.code || r.name == rule.name) {
                return Err(err(at, format!("自定义规则 {}（{}）重复定义", rule.code, rule.name)));
            }
            settings.user_rules.push(std::sync::Arc::new(rule));
        }
        settings.document = raw.document.unwrap_or_default();
        settings.orgs =
            raw.org.into_iter().map(|v| (v.span().start, v.into_inner())).map(|(o, v)| (v, line_of(text, o))).collect();
        settings.groups = raw
            .group
            .into_iter()
            .map(|v| (v.span().start, v.into_inner()))
            .map(|(o, v)| (v, line_of(text, o)))
            .collect();
        Ok(settings)
    }
}

fn parse_level(s: &str) -> Result<Option<Severity>, String> {
    match s {
        "off" | "关闭" => Ok(None),
        _ => Severity::parse(s).map(Some).ok_or_else(|| format!("未知的级别“{s}”（可用：error、warning、info、off）")),
    }
}

fn string_list(v: &toml::Value) -> Option<Vec<String>> {
    v.as_array()?.iter().map(|x| x.as_str().map(str::to_string)).collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Finds the `gwlint.toml` that governs `path`: the nearest one in it or its ancestors.
/// Read a file the config names (or the config itself) as text in whatever encoding a 文秘's
/// editor saved it — UTF-8 with or without BOM, GBK/GB18030 (Windows Notepad's “ANSI”), UTF-16
/// with BOM — with the reason in Chinese when it cannot be read.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| crate::source::io_reason(&e))?;
    crate::source::decode(&bytes).map(|d| d.text).map_err(|e| e.to_string())
}

/// A TOML or settings error in Chinese: the messages of the toml and serde crates, translated
/// where they follow a known form; anything else is kept as it is.
pub fn zh_error(message: &str) -> String {
    let m = message.trim();
    let quoted = |s: &str| s.replace('`', "");
    let list = |expected: &str| quoted(expected).replace(", or ", "、").replace(" or ", "、").replace(", ", "、");
    if let Some(rest) = m.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected.trim_start_matches(", expected ").trim_start_matches("one of ");
        // A rule's level written under another table: say where it belongs.
        let misplaced = if name.starts_with("GW") { "；规则的设置应写在 [rules] 下" } else { "" };
        return if expected.is_empty() || expected.starts_with("there are no fields") {
            format!("未知的设置项“{name}”{misplaced}")
        } else {
            format!("未知的设置项“{name}”（这里可用的有：{}）{misplaced}", list(expected))
        };
    }
    if m.contains("string values must be quoted") || m.contains("invalid string") && m.contains('“') {
        return "取值要用英文半角双引号括起来，如 sender = \"某某局\"；中文引号“”不行".to_string();
    }
    if let Some(rest) = m.strip_prefix("missing field `") {
        return format!("缺少设置项“{}”", rest.trim_end_matches('`'));
    }
    if let Some(rest) = m.strip_prefix("unknown variant `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected.trim_start_matches(", expected ").trim_start_matches("one of ");
        return format!("不认识的取值“{name}”（可用的有：{}）", list(expected));
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("取值的类型不对：这里应是{}，写成了{}", zh_kind(expected), zh_kind(found));
    }
    if m.starts_with("duplicate key") {
        return format!("设置项重复出现（{m}）");
    }
    if m.starts_with("invalid") || m.starts_with("expected") || m.starts_with("unclosed") {
        return format!("TOML 写法有误（{m}）：检查引号、方括号和等号");
    }
    m.to_string()
}

fn zh_kind(s: &str) -> String {
    let s = s.trim();
    let word = if s.starts_with("a string") || s.starts_with("string") {
        "文字（要加英文双引号）"
    } else if s.starts_with("a sequence") || s.starts_with("sequence") || s.contains("array") {
        "列表（用方括号 [ ]）"
    } else if s.starts_with("integer") || s.starts_with("an integer") || s.starts_with("u") || s.starts_with("i") {
        "整数"
    } else if s.starts_with("a boolean") || s.starts_with("boolean") {
        "true 或 false"
    } else if s.contains("map") || s.contains("table") || s.starts_with("struct") {
        "一组设置（表）"
    } else {
        return s.to_string();
    };
    word.to_string()
}

pub fn discover(path: &Path) -> Option<PathBuf> {
    let start = if path.is_dir() { path.to_path_buf() } else { path.parent()?.to_path_buf() };
    let start = if start.as_os_str().is_empty() { PathBuf::from(".") } else { start };
    let abs = std::fs::canonicalize(&start).unwrap_or(start);
    abs.ancestors().map(|d| d.join(CONFIG_FILE)).find(|p| p.is_file())
}

/// The organisation view for these settings: the built-in model extended by `[[org]]`.
pub fn org_view(settings: &Settings) -> Result<crate::org::OrgView, ConfigError> {
    use crate::org::{GroupConfig, OrgConfig, OrgView};
    let err = |line: Option<usize>, message: String| ConfigError { path: settings.path.clone(), line, message };
    let orgs = settings
        .orgs
        .iter()
        .map(|(v, line)| {
            OrgConfig::deserialize(v.clone()).map_err(|e| err(Some(*line), format!("[[org]]：{}", e.message())))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let groups = settings
        .groups
        .iter()
        .map(|(v, line)| {
            GroupConfig::deserialize(v.clone()).map_err(|e| err(Some(*line), format!("[[group]]：{}", e.message())))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if orgs.is_empty() && groups.is_empty() {
        return Ok(OrgView::default());
    }
    OrgView::with_groups(&orgs, &groups).map_err(|m| err(None, m))
}

/// The commented starter file `gwlint init` writes.
pub const STARTER: &str = include_str!("../lints/gwlint.starter.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_graph_errors_are_config_errors() {
        let s = Settings::parse(
            "[[org]]\nname = \"江门市人民政府\"\nkind = \"政府\"\n\n[[org]]\nname = \"江门市教育局\"\nkind = \"局\"\n",
            None,
        )
        .unwrap();
        let e = org_view(&s).unwrap_err();
        assert_eq!(e.line, Some(5), "{e}");
        let s = Settings::parse("[[org]]\nname = \"江门市人民政府\"\nkind = \"政府\"\nlevel = \"市\"\n", None).unwrap();
        assert!(org_view(&s).unwrap().get("江门市人民政府").is_some());
    }

    fn workdays(s: &Settings, code: &str, sender: &str) -> Option<i64> {
        let orgs = crate::org::OrgView::default();
        let sender = orgs.parse_name(sender);
        let packs = s.packs_for(Some(&sender), &orgs);
        s.rule_params(code, &packs).get("workdays").and_then(|v| v.as_integer())
    }

    #[test]
    fn packs_supply_parameters_and_users_override_them() {
        let s =
            Settings::parse("rule-packs = [\"national\", \"jiangmen\"]\n[rules.GW704]\nworkdays = 3\n", None).unwrap();
        assert_eq!(workdays(&s, "GW704", "四川省教育厅"), Some(3));
        assert_eq!(workdays(&s, "GW703", "四川省教育厅"), Some(10), "a listed pack applies wherever the sender is");
        let s = Settings::parse("", None).unwrap();
        assert_eq!(workdays(&s, "GW703", "台山市教育局"), Some(10), "a 江门 draft gets the 江门 numbers");
        assert_eq!(workdays(&s, "GW703", "南充市教育局"), None, "and no other draft does");
        let s = Settings::parse("rule-packs = [\"national\"]\n", None).unwrap();
        assert_eq!(workdays(&s, "GW703", "台山市教育局"), None, "unless the config lists its packs");
    }

    #[test]
    fn a_local_packs_parameters_win_over_national_ones() {
        let s = Settings::parse("", None).unwrap();
        let orgs = crate::org::OrgView::default();
        let funding = |sender: &str| {
            let sender = orgs.parse_name(sender);
            let packs = s.packs_for(Some(&sender), &orgs);
            s.rule_params("GW211", &packs).get("funding").and_then(toml::Value::as_bool)
        };
        assert_eq!(funding("台山市人民政府"), Some(true));
        assert_eq!(funding("南充市人民政府"), Some(false));
        let listed = Settings::parse("rule-packs = [\"jiangmen\", \"national\"]\n", None).unwrap();
        let sender = orgs.parse_name("南充市人民政府");
        let packs = listed.packs_for(Some(&sender), &orgs);
        assert_eq!(listed.rule_params("GW211", &packs).get("funding").and_then(toml::Value::as_bool), Some(true));
    }

    #[test]
    fn regional_rules_run_where_their_pack_applies() {
        let orgs = crate::org::OrgView::default();
        let jiangmen_rule = all_rules().iter().find(|r| r.meta().pack == Pack::Jiangmen).expect("a 江门 rule").meta();
        let by_jurisdiction = Settings::parse("", None).unwrap();
        let listed = Settings::parse("rule-packs = [\"national\"]\n", None).unwrap();
        let taishan = orgs.parse_name("台山市教育局");
        let nanchong = orgs.parse_name("南充市教育局");
        let runs = |s: &Settings, sender: &crate::org::Org| {
            s.effective_severity(jiangmen_rule, &s.packs_for(Some(sender), &orgs)).is_some()
        };
        assert!(runs(&by_jurisdiction, &taishan));
        assert!(!runs(&by_jurisdiction, &nanchong));
        assert!(!runs(&listed, &taishan));
        assert!(by_jurisdiction.effective_severity(jiangmen_rule, &by_jurisdiction.packs_for(None, &orgs)).is_none());
    }

    #[test]
    fn custom_pack_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("zhuhai.toml"),
            "name = \"zhuhai\"\nenable = [\"GW704\"]\n[rules.GW704]\nworkdays = 7\n",
        )
        .unwrap();
        let config = dir.path().join("gwlint.toml");
        std::fs::write(&config, "rule-packs = [\"national\", \"zhuhai.toml\"]\n").unwrap();
        let s = Settings::load(&config).unwrap();
        assert_eq!(workdays(&s, "GW704", "珠海市教育局"), Some(7));
        assert!(s.pack_enabled.contains(&"GW704".to_string()));
        assert_eq!(s.packs, PackSelection::Listed { packs: vec![Pack::National], custom: vec!["zhuhai".into()] });
    }

    #[test]
    fn calendar_years_from_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("2027.toml"), "year = 2027\nnotice = \"国务院办公厅关于2027年部分节假日安排的通知\"\n[[holiday]]\nname = \"元旦\"\nfrom = \"2027-01-01\"\nto = \"2027-01-03\"\n").unwrap();
        let config = dir.path().join("gwlint.toml");
        std::fs::write(&config, "[calendar]\nfiles = [\"2027.toml\"]\n").unwrap();
        let s = Settings::load(&config).unwrap();
        assert!(s.calendar.covers(2027));
        std::fs::write(&config, "[calendar]\nfiles = [\"missing.toml\"]\n").unwrap();
        assert!(Settings::load(&config).is_err());
    }

    #[test]
    fn user_rules_load_and_bad_patterns_name_the_line() {
        let s = Settings::parse("[[rule]]\ncode = \"U001\"\nname = \"no-xiangguan\"\nkind = \"existence\"\nwords = [\"相关部门\"]\nmessage = \"请写明具体部门，不写“{match}”\"\n", None).unwrap();
        assert_eq!(s.user_rules.len(), 1);
        let e = Settings::parse("rule-packs = [\"national\"]\n\n[[rule]]\ncode = \"U001\"\nname = \"x\"\nkind = \"existence\"\npattern = \"[\"\nmessage = \"m\"\n", None).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("正则"), "{e}");
    }

    #[test]
    fn starter_config_is_valid() {
        Settings::parse(STARTER, None).unwrap();
    }

    #[test]
    fn unknown_keys_and_codes_are_errors_with_lines() {
        let e = Settings::parse("rule-packs = [\"national\"]\n[rules]\nGW999 = \"error\"\n", None).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = Settings::parse("[document]\nsender = \"甲\"\nkind = \"请示\"\n", None).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = Settings::parse("[rules]\nselect = [\"GW1\", \"nonsense\"]\n", None).unwrap_err();
        assert!(e.message.contains("nonsense"), "{e}");
        let e = Settings::parse("rule-packs = [\"shanghai\"]\n", None).unwrap_err();
        assert_eq!(e.line, Some(1));
    }
}

#[cfg(test)]
mod reading_tests {
    use super::*;

    #[test]
    fn a_config_saved_as_gbk_is_read_and_errors_are_chinese() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE);
        let (gbk, _, _) = encoding_rs::GBK.encode("[document]\nsender = \"江门市交通运输局\"\n");
        std::fs::write(&path, &gbk).unwrap();
        let settings = Settings::load(&path).expect("GBK config loads");
        assert_eq!(settings.document.sender.as_deref(), Some("江门市交通运输局"));

        std::fs::write(&path, "[document]\nunit = \"x\"\n").unwrap();
        let e = Settings::load(&path).unwrap_err().to_string();
        assert!(e.contains("未知的设置项“unit”") && e.contains("sender"), "{e}");
        std::fs::write(&path, "[rules]\nignore = \"GW401\"\n").unwrap();
        let e = Settings::load(&path).unwrap_err().to_string();
        assert!(e.contains("应为字符串数组"), "{e}");
        std::fs::write(&path, "[document]\nsender = 3\n").unwrap();
        let e = Settings::load(&path).unwrap_err().to_string();
        assert!(e.contains("类型不对") && e.contains("文字"), "{e}");
        std::fs::write(&path, "[document]\nsender = “某某局”\n").unwrap();
        let e = Settings::load(&path).unwrap_err().to_string();
        assert!(e.contains(":2:") && e.contains("英文半角双引号"), "{e}");
        std::fs::write(&path, "[words]\nGW509 = \"off\"\n").unwrap();
        let e = Settings::load(&path).unwrap_err().to_string();
        assert!(e.contains("allow、files") && e.contains("[rules]") && !e.contains(" or "), "{e}");
        std::fs::write(&path, "[words]\nfiles = [\"没有这个文件.txt\"]\n").unwrap();
        let e = Settings::load(&path).unwrap_err().to_string();
        assert!(e.contains("文件不存在") && !e.contains("os error"), "{e}");
    }
}
