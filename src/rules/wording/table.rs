//! The shared word-table matcher behind the table-driven wording rules (GW601–GW606, GW608's
//! ambiguous characters, GW609). The tables live in `lints/wording/*.toml`, where a 文秘 can edit
//! them without touching Rust; each file holds one section per rule code:
//!
//! ```toml
//! [GW605]
//! message = "“{match}”是别字，应为“{replace}”"   # default message of the section
//!
//! [[GW605.entry]]
//! match = "布署"              # literal text (or `match-regex = "…"`)
//! unless-after = ["代"]       # context conditions, see below
//! replace = "部署"
//! fix = "safe"                # safe | unsafe | none
//! example = "认真布署安全生产工作"          # must match
//! counter-example = "认真部署安全生产工作"  # must not match
//! ```
//!
//! Context conditions look at the rest of the same line: `before`/`after` (the text must end /
//! start with one of the listed strings), `before-regex`/`after-regex` (a regex anchored at the
//! match), and the exclusions `unless-before`, `unless-after`, `unless-before-regex`,
//! `unless-after-regex`. Rust's `regex` has no look-around, so these stand in for it.
//! `unless-name = true` keeps an entry silent where the match begins a proper name (a road or
//! village before 路/街/村/镇/巷/道, a person before 代表/委员/同志/先生/女士 or alone in a list
//! of names): for characters standard in names only (乾 qián, the surname 於).
//! `scope` says where an entry applies: `outside-quotes` (default: not inside “…”, 《…》 or a
//! Markdown block quote),
//! `anywhere` (also inside quotes), `inside-quotes` (only inside “…”).
//!
//! Messages and help may use `{match}` (the matched text), `{replace}`, `{word}` (the match
//! with the `before`/`after` context it was found in, e.g. “台帐”) and `{word-fixed}`.
//!
//! Users extend or trim a table in gwlint.toml: `[rules.GW605] allow = ["九洲"]` (words in which
//! a match is accepted), `disable = ["既使"]` (entries, by their `match`), and `[[rules.GW605.entry]]`
//! tables in the same format as the built-in ones.

use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::rules::{Context, RuleMeta};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// How far a replacement may be applied without a human.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixClass {
    /// Message only (the replacement, if any, is shown in the help).
    #[default]
    None,
    /// A suggestion: applied only with `--unsafe-fixes`.
    Unsafe,
    /// Certain: applied by `--fix`.
    Safe,
}

/// Where in the text an entry applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Not inside quotations, Markdown block quotes or 《》 names (someone else's words, cited titles).
    #[default]
    OutsideQuotes,
    /// Also inside quotations (still not inside 《》).
    Anywhere,
    /// Only inside quotations — for entries about how a quoted phrase is written.
    InsideQuotes,
    /// Inside quotations and 《》 names too — for entries about how a cited name itself is
    /// written (a law's or a document's title).
    Everywhere,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawSection {
    message: Option<String>,
    help: Option<String>,
    en: Option<String>,
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RawEntry {
    #[serde(rename = "match")]
    literal: Option<String>,
    match_regex: Option<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    before_regex: Option<String>,
    after_regex: Option<String>,
    #[serde(default)]
    unless_before: Vec<String>,
    #[serde(default)]
    unless_after: Vec<String>,
    unless_before_regex: Option<String>,
    unless_after_regex: Option<String>,
    #[serde(default)]
    unless_name: bool,
    /// Silent where the match lies inside one of these (the correct form that contains it:
    /// “国务院办” inside “国务院办公厅”).
    #[serde(default)]
    unless_within: Vec<String>,
    replace: Option<String>,
    fix: Option<FixClass>,
    message: Option<String>,
    help: Option<String>,
    en: Option<String>,
    severity: Option<String>,
    #[serde(default)]
    scope: Scope,
    /// The published text the entry rests on, cited with each finding instead of the rule's.
    source: Option<String>,
    example: Option<String>,
    counter_example: Option<String>,
}

enum Pattern {
    Literal(String),
    Regex(Regex),
}

/// One compiled table entry.
pub struct Entry {
    pattern: Pattern,
    /// The `match` text (or the regex source): how users name an entry in `disable`.
    pub label: String,
    before: Vec<String>,
    after: Vec<String>,
    before_re: Option<Regex>,
    after_re: Option<Regex>,
    unless_before: Vec<String>,
    unless_after: Vec<String>,
    unless_before_re: Option<Regex>,
    unless_after_re: Option<Regex>,
    /// Silent where the match begins a proper name (`unless-name = true`).
    unless_name: bool,
    pub replace: Option<String>,
    pub fix: FixClass,
    message: Option<String>,
    help: Option<String>,
    en: Option<String>,
    severity: Option<Severity>,
    pub scope: Scope,
    unless_within: Vec<String>,
    pub source: Option<String>,
    pub example: Option<String>,
    pub counter_example: Option<String>,
}

impl Entry {
    fn compile(raw: RawEntry) -> Result<Entry, String> {
        let anchored = |src: &Option<String>, start: bool| -> Result<Option<Regex>, String> {
            src.as_ref()
                .map(|s| {
                    let full = if start { format!("^(?:{s})") } else { format!("(?:{s})$") };
                    Regex::new(&full).map_err(|e| format!("正则“{s}”无效：{e}"))
                })
                .transpose()
        };
        let (pattern, label) = match (&raw.literal, &raw.match_regex) {
            (Some(l), None) if !l.is_empty() => (Pattern::Literal(l.clone()), l.clone()),
            (None, Some(r)) if !r.is_empty() => {
                (Pattern::Regex(Regex::new(r).map_err(|e| format!("正则“{r}”无效：{e}"))?), r.clone())
            }
            _ => return Err("须且只须写一个非空的 match 或 match-regex".into()),
        };
        let severity = match &raw.severity {
            Some(s) => Some(Severity::parse(s).ok_or_else(|| format!("未知的级别“{s}”"))?),
            None => None,
        };
        let fix = raw.fix.unwrap_or(if raw.replace.is_some() { FixClass::Unsafe } else { FixClass::None });
        if fix != FixClass::None && raw.replace.is_none() {
            return Err(format!("“{label}”：fix = {fix:?} 需要 replace"));
        }
        Ok(Entry {
            pattern,
            label,
            before_re: anchored(&raw.before_regex, false)?,
            after_re: anchored(&raw.after_regex, true)?,
            unless_before_re: anchored(&raw.unless_before_regex, false)?,
            unless_after_re: anchored(&raw.unless_after_regex, true)?,
            before: raw.before,
            after: raw.after,
            unless_before: raw.unless_before,
            unless_after: raw.unless_after,
            unless_name: raw.unless_name,
            replace: raw.replace,
            fix,
            message: raw.message,
            help: raw.help,
            en: raw.en,
            severity,
            scope: raw.scope,
            unless_within: raw.unless_within,
            source: raw.source,
            example: raw.example,
            counter_example: raw.counter_example,
        })
    }

    /// Whether the context conditions hold for a match at `start..end` of `line`; if so, the
    /// extent of the "word" — the match with the required context it was found in
    /// (`before`/`after` and their regexes), which messages quote as `{word}`.
    fn context(&self, line: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        let (before, after) = (line.get(..start)?, line.get(end..)?);
        let ends = |list: &[String]| list.iter().filter(|b| before.ends_with(b.as_str())).map(|b| b.len()).max();
        let starts = |list: &[String]| list.iter().filter(|a| after.starts_with(a.as_str())).map(|a| a.len()).max();
        if ends(&self.unless_before).is_some()
            || starts(&self.unless_after).is_some()
            || self.unless_before_re.as_ref().is_some_and(|r| r.is_match(before))
            || self.unless_after_re.as_ref().is_some_and(|r| r.is_match(after))
            || (self.unless_name && begins_proper_name(before, after))
            || within_any(line, start, end, &self.unless_within)
        {
            return None;
        }
        let mut lead = 0;
        let mut trail = 0;
        if !self.before.is_empty() {
            lead = ends(&self.before)?;
        }
        if !self.after.is_empty() {
            trail = starts(&self.after)?;
        }
        if let Some(r) = &self.before_re {
            lead = lead.max(before.len() - r.find(before)?.start());
        }
        if let Some(r) = &self.after_re {
            trail = trail.max(r.find(after)?.end());
        }
        Some((start - lead, end + trail))
    }
}

/// A road, street or village named after the match: 乾明路, 乾元村.
static PLACE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{0,2}?(?:路|街|村|镇|巷|道)").expect("valid"));
/// A person named by the match and what follows, before a title: 於崇亮代表, 於崇亮、翁思聪委员.
static PERSON_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{1,2}(?:[、，,]\p{Han}{2,3})*(?:代表|委员|同志|先生|女士)").expect("valid"));
/// A two- or three-character name standing alone: up to a list mark, a colon, a blank or the end.
static NAME_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Han}{1,2}(?:[、：:\s]|$)").expect("valid"));

/// Whether the match at the end of `before` and the start of `after` begins a proper name: a
/// place before a road, street or village generic, a person before a title, or a name standing
/// alone as an item (at the line's start or after 、：（ or a blank, and ending at 、： or a
/// blank) — where a character kept by 《通用规范汉字表》 for names (乾 qián, 於 as a surname)
/// is standard.
fn begins_proper_name(before: &str, after: &str) -> bool {
    let item_start = before.trim_end_matches([' ', '\u{3000}']).len() < before.len()
        || before.is_empty()
        || before.ends_with(['、', '：', ':', '（', '(']);
    PLACE_AFTER.is_match(after) || PERSON_AFTER.is_match(after) || (item_start && NAME_AFTER.is_match(after))
}

/// A match of one entry inside one line (byte offsets relative to the line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
    /// The match with the context that made it one (for `{word}` in messages).
    pub word: (usize, usize),
}

/// One rule's section of a table file, compiled.
pub struct Table {
    pub code: String,
    message: Option<String>,
    help: Option<String>,
    en: Option<String>,
    pub entries: Vec<Entry>,
    /// The overlapping automaton over the literal patterns, built the first time a line holds
    /// one of them: a draft without any of a large table's words never pays for it.
    literals: std::sync::OnceLock<AhoCorasick>,
    /// The literal patterns, in automaton order.
    patterns: Vec<String>,
    /// The words' first three characters, for the question "may this line hold any of them?"
    /// asked before the overlapping search (see `heads`).
    heads: Vec<String>,
    /// An automaton over `heads`, built the first time a table is searched on its own: a
    /// built-in table is searched together with the others (`HeadStarts`) and never builds it.
    any_literal: std::sync::OnceLock<Option<AhoCorasick>>,
    /// For each Aho-Corasick pattern, the entries (in table order) whose `match` it is.
    by_literal: Vec<Vec<usize>>,
    regex_entries: Vec<usize>,
}

/// Whether any of `ranges` (sorted, disjoint) overlaps `span`.
fn touches(ranges: &[Range<usize>], span: Span) -> bool {
    let first_ending_after = ranges.partition_point(|r| r.end <= span.start);
    ranges.get(first_ending_after).is_some_and(|r| r.start < span.end)
}

/// The heads of every built-in table's words in one automaton: a draft is searched once for
/// all the tables, not once per table (eight searches of every draft were 8 % of a run).
struct AllHeads {
    tables: [&'static Table; super::BUILTIN_TABLES],
    /// The plain search, which finds where heads are: every head it passes over overlaps a
    /// head it reports (all heads together are about 3 KB: a DFA of 680 KB).
    first: AhoCorasick,
    /// Every occurrence, overlapping (a head of one table may hide inside another's): run only
    /// around what `first` found.
    every: AhoCorasick,
    /// For each head, the tables (bits by position in `tables`) whose head it is.
    owners: Vec<u32>,
    /// The longest head, in bytes.
    longest: usize,
}

static ALL_HEADS: LazyLock<Option<AllHeads>> = LazyLock::new(|| {
    let tables = super::builtin_tables();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut heads: Vec<&str> = Vec::new();
    const { assert!(super::BUILTIN_TABLES <= 32, "one bit per table in `owners`") };
    let mut owners: Vec<u32> = Vec::new();
    for (slot, table) in tables.iter().enumerate() {
        for head in &table.heads {
            let id = *index.entry(head).or_insert_with(|| {
                heads.push(head);
                owners.push(0);
                heads.len() - 1
            });
            owners[id] |= 1 << slot;
        }
    }
    if heads.is_empty() {
        return None;
    }
    let automaton =
        |kind, shape| AhoCorasick::builder().match_kind(kind).kind(Some(shape)).build(&heads).expect("heads build");
    let longest = heads.iter().map(|h| h.len()).max().unwrap_or(0);
    Some(AllHeads {
        tables,
        first: automaton(MatchKind::LeftmostFirst, AhoCorasickKind::DFA),
        // A compact NFA: it runs on a few bytes around each head, and its DFA took 680 KB.
        every: automaton(MatchKind::Standard, AhoCorasickKind::ContiguousNFA),
        owners,
        longest,
    })
});

/// The position of a built-in table among those searched together.
fn shared_slot(table: &Table) -> Option<usize> {
    ALL_HEADS.as_ref()?.tables.iter().position(|t| std::ptr::eq(*t, table))
}

/// Where in one draft each built-in table's heads begin, in order: every occurrence, found by
/// one search for all tables and kept in the draft's memo for the rules that read them.
struct HeadStarts(Vec<Vec<usize>>);

impl HeadStarts {
    fn of(text: &str) -> HeadStarts {
        let Some(all) = ALL_HEADS.as_ref() else { return HeadStarts(Vec::new()) };
        let bytes = text.as_bytes();
        // A head the plain search passed over overlaps one it reported, so it lies within
        // `longest - 1` bytes of it; the overlapping search runs on those neighbourhoods, merged
        // so that each occurrence lies in exactly one. (Bytes, not characters: a head begins
        // with a character's first byte, which no other byte of UTF-8 equals.)
        let reach = all.longest.saturating_sub(1);
        let mut windows: Vec<Range<usize>> = Vec::new();
        for m in all.first.find_iter(bytes) {
            let window = m.start().saturating_sub(reach)..(m.end() + reach).min(bytes.len());
            match windows.last_mut() {
                Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
                _ => windows.push(window),
            }
        }
        let mut starts = vec![Vec::new(); all.tables.len()];
        for window in windows {
            for m in all.every.find_overlapping_iter(&bytes[window.clone()]) {
                let owners = all.owners[m.pattern().as_usize()];
                for (slot, list) in starts.iter_mut().enumerate() {
                    if owners & (1 << slot) != 0 {
                        list.push(window.start + m.start());
                    }
                }
            }
        }
        // Overlapping matches come in the order they end.
        starts.iter_mut().for_each(|list| list.sort_unstable());
        HeadStarts(starts)
    }
}

/// Which lines may hold one of a table's words.
enum LinesWithHeads {
    /// Where the built-in table's heads begin (`HeadStarts`, the table's slot): a line holds
    /// one of its words only if one of its heads begins in it.
    Starts(std::sync::Arc<HeadStarts>, usize),
    /// The ranges of the table's own non-overlapping search for its heads (`heads_in`).
    Ranges(Vec<Range<usize>>),
}

impl LinesWithHeads {
    fn touch(&self, line: Span) -> bool {
        match self {
            LinesWithHeads::Starts(all, slot) => {
                let starts = &all.0[*slot];
                starts.get(starts.partition_point(|&s| s < line.start)).is_some_and(|&s| s < line.end)
            }
            LinesWithHeads::Ranges(ranges) => touches(ranges, line),
        }
    }
}

/// What a rule allows a table to do.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// The strongest fix the rule may offer; entries asking for more are lowered to it.
    pub max_fix: FixClass,
}

impl Table {
    /// The section `code` of a table file.
    pub fn parse(file: &str, code: &str) -> Result<Table, String> {
        Table::from_toml(toml::from_str(file).map_err(|e| e.to_string())?, code)
    }

    /// A table from an already parsed file (a built-in table extended with generated entries).
    pub fn from_toml(doc: toml::Table, code: &str) -> Result<Table, String> {
        let section: RawSection = match doc.get(code) {
            Some(v) => v.clone().try_into().map_err(|e: toml::de::Error| format!("[{code}]：{e}"))?,
            None => RawSection::default(),
        };
        let entries = section
            .entry
            .into_iter()
            .enumerate()
            .map(|(i, e)| Entry::compile(e).map_err(|m| format!("[{code}] 第{}条：{m}", i + 1)));
        Ok(Table::build(code, section.message, section.help, section.en, entries.collect::<Result<_, _>>()?))
    }

    /// A built-in table; its file is checked by the unit tests, so failure is a build defect.
    pub fn builtin(file: &str, code: &str) -> Table {
        Table::parse(file, code).unwrap_or_else(|e| panic!("lints/wording table: {e}"))
    }

    fn build(
        code: &str,
        message: Option<String>,
        help: Option<String>,
        en: Option<String>,
        entries: Vec<Entry>,
    ) -> Table {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut by_literal: Vec<Vec<usize>> = Vec::new();
        let mut regex_entries = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            match &e.pattern {
                Pattern::Literal(l) => {
                    let id = *index.entry(l.as_str()).or_insert_with(|| {
                        patterns.push(l.as_str());
                        by_literal.push(Vec::new());
                        patterns.len() - 1
                    });
                    by_literal[id].push(i);
                }
                Pattern::Regex(_) => regex_entries.push(i),
            }
        }
        // “Any of them here?” asks only for the words' first three characters: a line without
        // them holds none of the words, and the exact search follows on the lines that do.
        // Three characters keep the automaton a small DFA even for a table of long names (the
        // 规范表述 and law titles of GW609: 176 words, 5.4 KB, whose own DFA would take 1.8 MB
        // and whose compact NFA, run on every line, was the largest single cost of a run;
        // two characters let too many lines through, four make the heads an NFA again).
        let mut heads: Vec<String> =
            patterns.iter().map(|p| p.char_indices().nth(3).map_or(*p, |(at, _)| &p[..at]).to_string()).collect();
        heads.sort_unstable();
        heads.dedup();
        let patterns: Vec<String> = patterns.into_iter().map(str::to_string).collect();
        Table {
            code: code.to_string(),
            message,
            help,
            en,
            entries,
            literals: std::sync::OnceLock::new(),
            patterns,
            heads,
            any_literal: std::sync::OnceLock::new(),
            by_literal,
            regex_entries,
        }
    }

    /// Every non-overlapping match in one line: for each place a pattern occurs, the first entry
    /// (in table order) whose context holds; where matches overlap, the earlier and longer wins.
    pub fn find(&self, line: &str) -> Vec<Hit> {
        // Most lines hold none of the words: a plain search (which can skip ahead) says so far
        // faster than the overlapping one, which must visit every byte.
        self.find_where(line, self.any_literal().is_some_and(|a| a.is_match(line)))
    }

    /// The automaton over the heads alone, for a table searched on its own (a user's entries).
    /// Leftmost-first semantics let aho-corasick use its SIMD (Teddy) search where it can.
    fn any_literal(&self) -> Option<&AhoCorasick> {
        self.any_literal
            .get_or_init(|| {
                let small = self.heads.iter().map(String::len).sum::<usize>() <= 2048;
                (!self.heads.is_empty()).then(|| {
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostFirst)
                        .kind(Some(if small { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA }))
                        .build(&self.heads)
                        .expect("literal patterns build")
                })
            })
            .as_ref()
    }

    /// As `find`, told whether the line may hold one of the literal words (`may_hold_literal`:
    /// when false, only the regex entries are searched).
    fn find_where(&self, line: &str, may_hold_literal: bool) -> Vec<Hit> {
        let mut hits = Vec::new();
        if may_hold_literal {
            let ac = self.literals.get_or_init(|| {
                // A full DFA for the small tables: the overlapping search visits every byte.
                let small = self.patterns.iter().map(String::len).sum::<usize>() <= 2048;
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(if small { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA }))
                    .build(&self.patterns)
                    .expect("literal patterns build")
            });
            for m in ac.find_overlapping_iter(line) {
                let (start, end) = (m.start(), m.end());
                if let Some((entry, word)) = self.by_literal[m.pattern().as_usize()]
                    .iter()
                    .find_map(|&i| self.entries[i].context(line, start, end).map(|w| (i, w)))
                {
                    hits.push(Hit { entry, start, end, word });
                }
            }
        }
        for &i in &self.regex_entries {
            if let Pattern::Regex(re) = &self.entries[i].pattern {
                for m in re.find_iter(line) {
                    if m.is_empty() {
                        continue;
                    }
                    if let Some(word) = self.entries[i].context(line, m.start(), m.end()) {
                        hits.push(Hit { entry: i, start: m.start(), end: m.end(), word });
                    }
                }
            }
        }
        resolve_overlaps(hits)
    }

    /// Where the words' heads occur in the whole draft, in order and without overlap: one
    /// search of the text instead of one per line, each of which cost a fixed setup beyond its
    /// bytes (most lines are short). A line holds one of the words only if one of these ranges
    /// touches it — a head the non-overlapping search passed over overlaps a range it reported,
    /// and that range then touches the head's line.
    fn heads_in(&self, text: &str) -> Vec<Range<usize>> {
        self.any_literal().map_or_else(Vec::new, |a| a.find_iter(text).map(|m| m.range()).collect())
    }

    /// Which lines of the draft may hold one of this table's words: for a built-in table, from
    /// the one search of the draft shared by all of them; for another, from its own search.
    fn lines_with_heads(&self, cx: &Context) -> LinesWithHeads {
        match shared_slot(self) {
            Some(slot) => LinesWithHeads::Starts(cx.memo.get_or_init(|| HeadStarts::of(cx.text())), slot),
            None => LinesWithHeads::Ranges(self.heads_in(cx.text())),
        }
    }

    /// Run the table over the draft and report each match as a finding of `meta`'s rule.
    pub fn check(&self, cx: &Context, meta: &RuleMeta, policy: Policy, out: &mut Vec<Finding>) {
        let user = UserParams::read(cx.params, meta.code);
        if let Some(problem) = &user.problem {
            out.push(
                Finding::new(
                    Span::empty(0),
                    format!("gwlint.toml 中 [rules.{}] 的词条无效，已忽略：{problem}", meta.code),
                )
                .help("按 lints/wording/ 中词表的格式改正该词条")
                .severity(Severity::Info),
            );
        }
        let text = cx.text();
        let tables: Vec<&Table> = std::iter::once(self).chain(user.table.as_ref()).collect();
        let heads: Vec<LinesWithHeads> = tables.iter().map(|t| t.lines_with_heads(cx)).collect();
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if s.is_ascii() {
                continue;
            }
            let mut hits: Vec<(usize, Hit)> = Vec::new();
            for (t, table) in tables.iter().enumerate() {
                let may_hold_literal = heads[t].touch(line.span);
                if may_hold_literal || !table.regex_entries.is_empty() {
                    hits.extend(table.find_where(s, may_hold_literal).into_iter().map(|h| (t, h)));
                }
            }
            hits.sort_by_key(|(_, h)| (h.start, std::cmp::Reverse(h.end)));
            let mut last_end = 0;
            for (t, hit) in hits {
                if hit.start < last_end {
                    continue;
                }
                let table = tables[t];
                let entry = &table.entries[hit.entry];
                let span = line.span.sub(hit.start, hit.end);
                if user.disable.contains(&entry.label)
                    || !in_scope(cx, entry.scope, span)
                    || allowed(s, hit, &user.allow)
                {
                    continue;
                }
                last_end = hit.end;
                out.push(table.finding(entry, span, s, hit, policy));
            }
        }
    }

    fn finding(&self, entry: &Entry, span: Span, line: &str, hit: Hit, policy: Policy) -> Finding {
        let matched = line.get(hit.start..hit.end).unwrap_or("");
        let replace = entry.replace.as_deref().unwrap_or(matched);
        // The context a match was found in, without the punctuation a condition may have looked at.
        let wordish = |c: char| crate::lang::is_han(c) || c.is_alphanumeric();
        let word_before = line.get(hit.word.0..hit.start).unwrap_or("").trim_start_matches(|c: char| !wordish(c));
        let word_after = line.get(hit.end..hit.word.1).unwrap_or("").trim_end_matches(|c: char| !wordish(c));
        let fill = |t: &str| {
            t.replace("{match}", matched)
                .replace("{replace}", replace)
                .replace("{word}", &format!("{word_before}{matched}{word_after}"))
                .replace("{word-fixed}", &format!("{word_before}{replace}{word_after}"))
        };
        let message = entry.message.as_deref().or(self.message.as_deref()).map_or_else(
            || {
                if entry.replace.is_some() {
                    format!("“{matched}”应为“{replace}”")
                } else {
                    format!("“{matched}”用词需核对")
                }
            },
            fill,
        );
        let mut finding = Finding::new(span, message);
        match entry.help.as_deref().or(self.help.as_deref()) {
            Some(h) => finding = finding.help(fill(h)),
            None if entry.replace.is_some() => finding = finding.help(format!("改为{}", quoted(replace))),
            None => {}
        }
        if let Some(en) = entry.en.as_deref().or(self.en.as_deref()) {
            finding = finding.en(fill(en));
        }
        if let Some(sev) = entry.severity {
            finding = finding.severity(sev);
        }
        if let Some(source) = &entry.source {
            finding = finding.source(source.clone());
        }
        if let Some(r) = &entry.replace {
            let edits = vec![Edit::replace(span, r.clone())];
            // Name the fixed word (“改为“台账””) when the match is only part of it.
            let word_fixed = format!("{word_before}{r}{word_after}");
            let label = format!("改为{}", quoted(if word_fixed.chars().count() <= 10 { &word_fixed } else { r }));
            match entry.fix.min(policy.max_fix) {
                FixClass::Safe => finding = finding.fix(Fix::safe(label, edits)),
                FixClass::Unsafe => finding = finding.fix(Fix::unsafe_(label, edits)),
                FixClass::None => {}
            }
        }
        finding
    }
}

/// `text` in Chinese quotation marks, unless it already carries its own.
fn quoted(text: &str) -> String {
    if text.starts_with('“') || text.ends_with('”') { text.to_string() } else { format!("“{text}”") }
}

fn resolve_overlaps(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.entry));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    kept
}

/// Whether a match at `span` lies where its entry applies.
pub fn in_scope(cx: &Context, scope: Scope, span: Span) -> bool {
    let masks = &cx.doc.masks;
    let always = MaskSet::NON_TEXT.with(MaskKind::BookTitle);
    match scope {
        Scope::OutsideQuotes => !masks.hits(always.with(MaskKind::Quote).with(MaskKind::BlockQuote), span),
        Scope::Anywhere => !masks.hits(always, span),
        Scope::InsideQuotes => !masks.hits(always, span) && masks.covers(MaskKind::Quote, span),
        Scope::Everywhere => !masks.hits(MaskSet::NON_TEXT, span),
    }
}

/// Whether the match sits inside one of the user's accepted words (a company name, a person).
fn allowed(line: &str, hit: Hit, allow: &[String]) -> bool {
    within_any(line, hit.start, hit.end, allow)
}

/// Whether `start..end` of `line` lies inside an occurrence of one of `words`.
fn within_any(line: &str, start: usize, end: usize, words: &[String]) -> bool {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .any(|w| line.match_indices(w.as_str()).any(|(i, _)| i <= start && end <= i + w.len()))
}

/// A rule's table parameters from gwlint.toml.
#[derive(Default)]
pub struct UserParams {
    pub allow: Vec<String>,
    pub disable: Vec<String>,
    pub table: Option<Table>,
    pub problem: Option<String>,
}

impl UserParams {
    pub fn read(params: &crate::config::RuleParams, code: &str) -> UserParams {
        let strings = |key: &str| -> Vec<String> {
            params
                .get(key)
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
                .unwrap_or_default()
        };
        let mut user = UserParams { allow: strings("allow"), disable: strings("disable"), ..UserParams::default() };
        if let Some(v) = params.get("entry") {
            let parsed: Result<Vec<RawEntry>, String> =
                v.clone().try_into().map_err(|e: toml::de::Error| e.to_string());
            match parsed.and_then(|raws| {
                raws.into_iter()
                    .enumerate()
                    .map(|(i, r)| Entry::compile(r).map_err(|m| format!("第{}条：{m}", i + 1)))
                    .collect::<Result<Vec<_>, _>>()
            }) {
                Ok(entries) => user.table = Some(Table::build(code, None, None, None, entries)),
                Err(e) => user.problem = Some(e),
            }
        }
        user
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::test_support::lint_text;

    /// Every built-in table, with the rule that reads it and the strongest fix it may offer.
    pub(crate) fn builtin_tables() -> Vec<(&'static Table, &'static str, FixClass)> {
        let policies = [
            ("GW601", FixClass::Unsafe),
            ("GW602", FixClass::Unsafe),
            ("GW603", FixClass::Unsafe),
            ("GW604", FixClass::Safe),
            ("GW605", FixClass::Safe),
            ("GW606", FixClass::None),
            ("GW608", FixClass::Unsafe),
            ("GW609", FixClass::Unsafe),
        ];
        super::super::builtin_tables().into_iter().zip(policies).map(|(t, (code, fix))| (t, code, fix)).collect()
    }

    #[test]
    fn every_entry_has_a_matching_example_and_a_silent_counter_example() {
        let mut failures = Vec::new();
        for (table, code, max_fix) in builtin_tables() {
            assert_eq!(table.code, code);
            assert!(!table.entries.is_empty(), "{code}: empty table");
            for (i, e) in table.entries.iter().enumerate() {
                let (Some(ex), Some(counter)) = (&e.example, &e.counter_example) else {
                    failures.push(format!("{code} “{}”: example and counter-example are required", e.label));
                    continue;
                };
                if !table.find(ex).iter().any(|h| h.entry == i) {
                    failures.push(format!("{code} “{}”: example {ex:?} does not match", e.label));
                }
                // Quotations and scopes are masks of a whole document: such counter-examples are
                // checked through the rule below only.
                let masked = e.scope != Scope::OutsideQuotes
                    || counter.contains(['“', '”', '‘', '’', '《', '》', '「', '」', '"']);
                if !masked && table.find(counter).iter().any(|h| h.entry == i) {
                    failures.push(format!("{code} “{}”: counter-example {counter:?} matches", e.label));
                }
                if e.fix > max_fix {
                    failures.push(format!(
                        "{code} “{}”: fix {:?} is stronger than the rule allows ({max_fix:?})",
                        e.label, e.fix
                    ));
                }
                // Through the whole rule too (masks, overlaps with other entries), except for
                // entries that only apply inside quotations, whose examples carry the quotes.
                let got = lint_text("t.txt", &format!("{ex}\n"), code);
                if got.is_empty() {
                    failures.push(format!("{code} “{}”: rule is silent on example {ex:?}", e.label));
                }
                let got = lint_text("t.txt", &format!("{counter}\n"), code);
                if !got.is_empty() {
                    failures.push(format!(
                        "{code} “{}”: rule fires on counter-example {counter:?}: {:?}",
                        e.label,
                        got.iter().map(|d| &d.message).collect::<Vec<_>>()
                    ));
                }
                // A replacement must not match the same entry again at the same place.
                if let (Some(r), Some(h)) = (&e.replace, table.find(ex).into_iter().find(|h| h.entry == i)) {
                    let fixed = format!("{}{r}{}", &ex[..h.start], &ex[h.end..]);
                    if table.find(&fixed).iter().any(|k| k.entry == i && k.start == h.start) {
                        failures.push(format!("{code} “{}”: replacement is not idempotent on {fixed:?}", e.label));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{} table failures:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn table_files_have_only_known_sections() {
        let files = [
            (
                "confusables.toml",
                include_str!("../../../lints/wording/confusables.toml"),
                &["GW601", "GW602", "GW603", "GW606"][..],
            ),
            ("typos.toml", include_str!("../../../lints/wording/typos.toml"), &["GW605"][..]),
            ("standard-forms.toml", include_str!("../../../lints/wording/standard-forms.toml"), &["GW604"][..]),
            ("phrases.toml", include_str!("../../../lints/wording/phrases.toml"), &["GW609"][..]),
            ("traditional.toml", include_str!("../../../lints/wording/traditional.toml"), &["GW608", "one-to-one"][..]),
        ];
        for (name, text, known) in files {
            let doc: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            for key in doc.keys() {
                assert!(known.contains(&key.as_str()), "{name}: unknown section [{key}]");
            }
        }
    }

    fn table(src: &str) -> Table {
        Table::parse(src, "GW699").unwrap()
    }

    #[test]
    fn context_conditions() {
        let t = table(
            r#"
[[GW699.entry]]
match = "甲乙"
after = ["丙"]
unless-before = ["丁"]
[[GW699.entry]]
match = "甲乙"
after-regex = "[0-9]+"
unless-after-regex = "[0-9]+号"
"#,
        );
        assert_eq!(t.find("甲乙丙").len(), 1);
        assert!(t.find("丁甲乙丙").is_empty());
        assert_eq!(t.find("甲乙12").first().map(|h| (h.entry, h.word)), Some((1, (0, 8))));
        assert_eq!(t.find("甲乙丙丙").first().map(|h| h.word), Some((0, 9)));
        assert!(t.find("甲乙12号").is_empty());
        assert!(t.find("甲乙").is_empty());
    }

    #[test]
    fn one_search_of_the_draft_finds_what_each_line_holds() {
        // The lines a table searches are those where its heads begin (the one search shared by
        // the built-in tables) or those its own heads' ranges touch (a user's table); on drafts
        // made of every example (words at line starts and ends, lines run together, CRLF), each
        // way must give each line exactly the hits of searching the line alone.
        let key = |hits: Vec<Hit>| hits.into_iter().map(|h| (h.entry, h.start, h.end)).collect::<Vec<_>>();
        for (table, code, _) in builtin_tables() {
            let examples: Vec<&str> = table.entries.iter().filter_map(|e| e.example.as_deref()).collect();
            for separator in ["\n", "\r\n", "", "。\n\n", "布\n"] {
                let text = examples.join(separator) + "\n";
                let own = LinesWithHeads::Ranges(table.heads_in(&text));
                let slot = shared_slot(table).expect("a built-in table is searched with the others");
                let shared = LinesWithHeads::Starts(std::sync::Arc::new(HeadStarts::of(&text)), slot);
                let mut found = 0;
                let mut start = 0;
                for line in text.split_inclusive('\n') {
                    let content = line.trim_end_matches(['\r', '\n']);
                    let span = Span::new(start, start + content.len());
                    start += line.len();
                    let alone = key(table.find(content));
                    found += alone.len();
                    for heads in [&own, &shared] {
                        assert_eq!(key(table.find_where(content, heads.touch(span))), alone, "{code} {content}");
                    }
                }
                assert!(found > 0 || examples.is_empty(), "{code}");
            }
        }
    }

    #[test]
    fn overlaps_keep_the_earlier_longer_match() {
        let t = table(
            r#"
[[GW699.entry]]
match = "以至"
[[GW699.entry]]
match = "以至于"
[[GW699.entry]]
match-regex = "至于[0-9]"
"#,
        );
        let hits = t.find("以至于5");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entry, 1);
    }

    #[test]
    fn bad_entries_are_reported() {
        assert!(Table::parse("[[GW699.entry]]\nreplace = \"甲\"\n", "GW699").is_err());
        assert!(Table::parse("[[GW699.entry]]\nmatch = \"甲\"\nfix = \"safe\"\n", "GW699").is_err());
        assert!(Table::parse("[[GW699.entry]]\nmatch = \"甲\"\nmatchs = \"乙\"\n", "GW699").is_err());
        assert!(Table::parse("[[GW699.entry]]\nmatch = \"甲\"\nafter-regex = \"(\"\n", "GW699").is_err());
        assert!(Table::parse("[[GW699.entry]]\nmatch = \"甲\"\nfix = \"sure\"\n", "GW699").is_err());
    }

    #[test]
    fn odd_offsets_never_panic() {
        let t = table("[[GW699.entry]]\nmatch = \"帐\"\nbefore = [\"台\"]\nafter-regex = \"\"\n");
        for s in ["", "帐", "台帐", "台帐台帐", "a帐b", "台\u{301}帐"] {
            let _ = t.find(s);
        }
    }
}
