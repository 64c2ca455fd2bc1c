//! Rendering diagnostics: human (miette), json, sarif, github, concise. Spans arrive as byte
//! ranges; this is the edge where they become lines and character columns.
//!
//! ## Position convention (every format)
//! Lines and columns are 1-based and columns count characters (Unicode scalar values), never
//! bytes. `start` is the position of the first character of the span; `end` is the position
//! *just after* its last character (exclusive end). So a 2-character span on line 1 starting at
//! column 3 has end column 5, and an empty span has `start == end`. SARIF's `endColumn` follows
//! the same (exclusive) convention, as SARIF itself specifies; so do the GitHub annotations.
//!
//! Spans past the end of the text, or inside a multi-byte character, are clamped back onto the
//! text and a character boundary: rendering never panics on a bad span.
//!
//! ## Order
//! Every format writes files sorted by their display path and, within a file, diagnostics by
//! position (start, end, code), so output is deterministic whatever order linting finished in.

mod concise;
mod github;
#[cfg(feature = "cli")]
mod human;
mod json;
mod sarif;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity, Text};
use crate::rules::RuleMeta;
use crate::source::{Encoding, LineCol, Source};
use crate::span::Span;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// One file's outcome: its diagnostics, or why it could not be read.
pub enum FileOutcome {
    Linted {
        source: Source,
        diagnostics: Vec<Diagnostic>,
    },
    /// Diagnostics recalled from a result cache with their places already resolved, so the
    /// file's text need not be decoded again. Formats that show the text itself (the human
    /// one) show each finding without its snippet; callers that want snippets decode and
    /// pass `Linted`.
    Recalled {
        path: String,
        file: Recalled,
    },
    Failed {
        path: String,
        code: FailureCode,
        message: String,
    },
}

impl FileOutcome {
    /// The path as shown in every output format (forward slashes).
    pub fn display_path(&self) -> String {
        match self {
            FileOutcome::Linted { source, .. } => source.display_path(),
            FileOutcome::Recalled { path, .. } | FileOutcome::Failed { path, .. } => path.replace('\\', "/"),
        }
    }

    /// The file's diagnostics (none for a file that could not be read).
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        let (linted, recalled): (&[Diagnostic], &[Placed]) = match self {
            FileOutcome::Linted { diagnostics, .. } => (diagnostics, &[]),
            FileOutcome::Recalled { file, .. } => (&[], &file.diagnostics),
            FileOutcome::Failed { .. } => (&[], &[]),
        };
        linted.iter().chain(recalled.iter().map(|p| &p.diagnostic))
    }

    pub fn is_failed(&self) -> bool {
        matches!(self, FileOutcome::Failed { .. })
    }

    /// Drop what only rendering needed — texts, fix edits, the file's text — keeping what the
    /// run's counts and exit code need: path, codes, rule names, severities, fix applicability.
    /// A worker that has rendered a file's part calls it, so that the large part of a result
    /// is freed on the thread that made it rather than on the one thread writing the report.
    pub fn keep_only_counts(&mut self) {
        fn strip(d: &mut Diagnostic) {
            d.message = String::new();
            d.message_en = None;
            d.help = None;
            if let Some(fix) = &mut d.fix {
                fix.message = String::new();
                fix.edits = Vec::new();
                fix.layout = Vec::new();
            }
        }
        match self {
            FileOutcome::Linted { source, diagnostics } => {
                source.text = String::new();
                source.index = crate::source::LineIndex::new("");
                source.layout = None;
                diagnostics.iter_mut().for_each(strip);
            }
            FileOutcome::Recalled { file, .. } => {
                for p in &mut file.diagnostics {
                    strip(&mut p.diagnostic);
                    p.edits = Vec::new();
                }
            }
            FileOutcome::Failed { .. } => {}
        }
    }
}

/// What the formats need of a linted file besides its diagnostics, kept so that a cached result
/// renders exactly as a fresh one without the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recalled {
    pub encoding: Encoding,
    pub bom: bool,
    /// In the order the formats write them (see [`Placed::all`]).
    pub diagnostics: Vec<Placed>,
}

/// A diagnostic with its place in the text resolved: its span's, and each fix edit's (in the
/// order of `fix.edits`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub diagnostic: Diagnostic,
    pub at: Position,
    pub edits: Vec<Position>,
}

impl Placed {
    /// A finding known only by what the run counts (see [`FileOutcome::keep_only_counts`]):
    /// its code, rule name, severity and fix applicability.
    pub fn counted(code: Text, rule: Text, severity: Severity, fix: Option<Applicability>) -> Placed {
        let fix = fix.map(|applicability| Fix {
            applicability,
            message: String::new(),
            edits: Vec::new(),
            layout: Vec::new(),
        });
        let diagnostic = Diagnostic {
            code,
            rule,
            category: Text::Borrowed(""),
            severity,
            message: String::new(),
            message_en: None,
            source: Text::Borrowed(""),
            span: Span::default(),
            help: None,
            fix,
        };
        let origin = LineCol { line: 1, column: 1 };
        Placed {
            diagnostic,
            at: Position { start: origin, end: origin, byte_start: 0, byte_end: 0 },
            edits: Vec::new(),
        }
    }

    pub fn of(source: &Source, diagnostic: Diagnostic) -> Placed {
        Placed { at: position(source, diagnostic.span), edits: edit_positions(source, &diagnostic), diagnostic }
    }

    /// A linted file's diagnostics placed, in the order every format writes them.
    pub fn all(source: &Source, diagnostics: Vec<Diagnostic>) -> Recalled {
        let mut diagnostics: Vec<Placed> = diagnostics.into_iter().map(|d| Placed::of(source, d)).collect();
        diagnostics.sort_by(|a, b| writing_order(&a.diagnostic, &b.diagnostic));
        Recalled { encoding: source.encoding, bom: source.bom, diagnostics }
    }
}

/// Where each of a diagnostic's fix edits is, in the order of `fix.edits`.
fn edit_positions(source: &Source, d: &Diagnostic) -> Vec<Position> {
    d.fix.iter().flat_map(|f| &f.edits).map(|e| position(source, e.span())).collect()
}

/// Within a file: by span, then code, then message.
fn writing_order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    (a.span.start, a.span.end, &a.code, &a.message).cmp(&(b.span.start, b.span.end, &b.code, &b.message))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureCode {
    IoError,
    DecodeError,
    /// gwlint itself failed on this file (a bug): the file is reported, never passed as clean.
    InternalError,
}

impl FailureCode {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureCode::IoError => "io-error",
            FailureCode::DecodeError => "decode-error",
            FailureCode::InternalError => "internal-error",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    // The terminal's report (miette): only in the command-line build.
    #[cfg(feature = "cli")]
    Human,
    Json,
    Sarif,
    Github,
    Concise,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Lang {
    Zh,
    En,
}

pub struct OutputOptions {
    pub lang: Lang,
    pub color: bool,
    /// Whether the human format ends with a summary line (`--quiet` turns it off).
    pub summary: bool,
    /// `--statistics` in the human format: the table by rule instead of each finding, as ruff
    /// does (unreadable files and the summary are still written).
    pub statistics: bool,
}

/// Render every outcome in `format` to `out`, files in path order (component by component). `rules` is the rule table
/// (for SARIF's `tool.driver.rules`); diagnostics whose code is not in it are still rendered.
pub fn render(
    outcomes: &[FileOutcome],
    format: Format,
    opts: &OutputOptions,
    rules: &[&'static RuleMeta],
    out: &mut dyn Write,
) -> io::Result<()> {
    // Path order, component by component, as `gwlint check` walks a folder.
    let mut order: Vec<&FileOutcome> = outcomes.iter().collect();
    order.sort_by_cached_key(|o| std::path::PathBuf::from(o.display_path()));
    let mut report = Report::new(format, opts, rules, out)?;
    for outcome in order {
        report.add(outcome)?;
    }
    report.finish()
}

/// A report written as files arrive, in any format: each file's diagnostics are written as soon
/// as it is added, and only counts stay behind (for the summary, `--statistics` and the exit
/// code) — plus, for SARIF, the table of rules that have results and the unreadable files'
/// notices, which that format puts after its results. The caller adds files in path order.
pub struct Report<'a> {
    format: Format,
    opts: &'a OutputOptions,
    rules: &'a [&'static RuleMeta],
    out: io::BufWriter<&'a mut dyn Write>,
    totals: Totals,
    statistics: Statistics,
    /// JSON entries or SARIF results written so far (for separators).
    written: usize,
    sarif: sarif::Run,
    renderer: Renderer<'a>,
}

/// One file's part of a report, rendered apart from the report (on another thread).
pub struct Rendered {
    bytes: Vec<u8>,
    /// JSON objects in `bytes`, each written after a `,` separator.
    entries: usize,
}

impl Rendered {
    /// A part rendered before (kept by the result cache), as [`Renderer::render`] made it.
    pub fn from_parts(bytes: Vec<u8>, entries: usize) -> Rendered {
        Rendered { bytes, entries }
    }

    pub fn parts(&self) -> (&[u8], usize) {
        (&self.bytes, self.entries)
    }
}

/// Renders one file's part of a report on any thread, for every format whose part does not
/// depend on the files before it — all but SARIF, whose results point into a rule table built
/// in file order. Rendering in the workers keeps the one thread that writes the report from
/// becoming the bottleneck of a run whose results come from the cache.
pub struct Renderer<'a> {
    format: Format,
    opts: &'a OutputOptions,
    #[cfg(feature = "cli")]
    human: Option<human::Writer>,
}

impl<'a> Renderer<'a> {
    pub fn new(format: Format, opts: &'a OutputOptions) -> Renderer<'a> {
        Renderer {
            format,
            opts,
            #[cfg(feature = "cli")]
            human: matches!(format, Format::Human).then(|| human::Writer::new(opts)),
        }
    }

    /// The file's part, or `None` for SARIF (the report renders that itself).
    pub fn render(&self, outcome: &FileOutcome) -> Option<Rendered> {
        if self.format == Format::Sarif {
            return None;
        }
        let item = Item::of(outcome);
        // Sized once instead of grown by doubling: pretty JSON takes about a kilobyte a finding.
        let per_finding = match self.format {
            Format::Json => 1200,
            #[cfg(feature = "cli")]
            Format::Human => 600,
            _ => 200,
        };
        let mut bytes = Vec::with_capacity(256 + per_finding * outcome.diagnostics().count());
        let mut entries = 0;
        let written = match self.format {
            #[cfg(feature = "cli")]
            Format::Human => self.human.as_ref().expect("made for the human format").item(&item, self.opts, &mut bytes),
            Format::Json => {
                // Counted from one, so that every entry is written with its separator.
                let mut count = 1;
                let r = json::item(&item, self.opts, &mut count, &mut bytes);
                entries = count - 1;
                r
            }
            Format::Github => github::item(&item, self.opts, &mut bytes),
            Format::Concise => concise::item(&item, self.opts, &mut bytes),
            Format::Sarif => unreachable!("SARIF returned above"),
        };
        // Writing into a Vec cannot fail.
        written.ok()?;
        Some(Rendered { bytes, entries })
    }
}

impl<'a> Report<'a> {
    pub fn new(
        format: Format,
        opts: &'a OutputOptions,
        rules: &'a [&'static RuleMeta],
        out: &'a mut dyn Write,
    ) -> io::Result<Report<'a>> {
        // The formats write in many small pieces; standard output is line-buffered, so without a
        // buffer every line of output would be a system call of its own.
        let mut report = Report {
            format,
            opts,
            rules,
            out: io::BufWriter::with_capacity(64 * 1024, out),
            totals: Totals::default(),
            statistics: Statistics::default(),
            written: 0,
            sarif: sarif::Run::default(),
            renderer: Renderer::new(format, opts),
        };
        if format == Format::Sarif {
            sarif::begin(&mut report.out)?;
        }
        Ok(report)
    }

    /// Write one file's outcome.
    pub fn add(&mut self, outcome: &FileOutcome) -> io::Result<()> {
        let rendered = self.renderer.render(outcome);
        self.add_rendered(outcome, rendered)
    }

    /// Write one file's outcome, its part already rendered by [`Renderer::render`] with this
    /// report's format and options (`None` for SARIF).
    pub fn add_rendered(&mut self, outcome: &FileOutcome, rendered: Option<Rendered>) -> io::Result<()> {
        self.totals.add(outcome);
        // The table is the human format's, with `--statistics` (the others' is the caller's).
        if self.opts.statistics {
            self.statistics.add(outcome);
        }
        let Some(Rendered { bytes, entries }) = rendered else {
            let item = Item::of(outcome);
            return self.sarif.item(&item, self.opts, self.rules, &mut self.written, &mut self.out);
        };
        if self.format == Format::Json && entries > 0 && self.written == 0 {
            // The array's first entry opens it instead of following a separator.
            self.out.write_all(b"[")?;
            self.out.write_all(&bytes[1..])?;
        } else {
            self.out.write_all(&bytes)?;
        }
        self.written += entries;
        Ok(())
    }

    /// Close the report (JSON's array, SARIF's run, the human summary) and flush it.
    pub fn finish(mut self) -> io::Result<()> {
        let out: &mut dyn Write = &mut self.out;
        match self.format {
            #[cfg(feature = "cli")]
            Format::Human => human::finish(&self.totals, &self.statistics, self.opts, out)?,
            Format::Json => json::finish(self.written, out)?,
            Format::Sarif => self.sarif.finish(self.written, out)?,
            Format::Github | Format::Concise => {}
        }
        self.out.flush()?;
        Ok(())
    }
}

/// Serialize `value` pretty-printed (2 spaces) with every line indented by `indent` spaces, as
/// it would stand inside an enclosing pretty-printed document. JSON strings never hold a raw
/// line break, so indenting by lines is exact.
pub(crate) fn write_indented(out: &mut dyn Write, value: &impl serde::Serialize, indent: usize) -> io::Result<()> {
    /// Passes bytes through, writing the indent after every line break (and before the first).
    struct Indented<'a> {
        out: &'a mut dyn Write,
        pad: &'a [u8],
    }
    impl Write for Indented<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let mut rest = buf;
            while let Some(at) = rest.iter().position(|&b| b == b'\n') {
                self.out.write_all(&rest[..=at])?;
                self.out.write_all(self.pad)?;
                rest = &rest[at + 1..];
            }
            self.out.write_all(rest)?;
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            self.out.flush()
        }
    }
    let pad = vec![b' '; indent];
    out.write_all(&pad)?;
    serde_json::to_writer_pretty(Indented { out, pad: &pad }, value).map_err(io::Error::from)
}

/// `--statistics`: per code, the rule's name, how many findings and how many `--fix` applies.
#[derive(Default)]
pub struct Statistics {
    rows: BTreeMap<String, StatisticsRow>,
}

#[derive(Default)]
struct StatisticsRow {
    name: String,
    count: usize,
    fixable: usize,
}

impl Statistics {
    pub fn add(&mut self, outcome: &FileOutcome) {
        for d in outcome.diagnostics() {
            if !self.rows.contains_key(d.code.as_ref()) {
                self.rows.insert(d.code.to_string(), StatisticsRow { name: d.rule.to_string(), ..Default::default() });
            }
            let row = self.rows.get_mut(d.code.as_ref()).expect("inserted above");
            row.count += 1;
            if is_safe_fix(d) {
                row.fixable += 1;
            }
        }
    }

    pub fn of(outcomes: &[FileOutcome]) -> Statistics {
        let mut s = Statistics::default();
        for o in outcomes {
            s.add(o);
        }
        s
    }

    /// One row per code (count, fixable count, code, rule name), most frequent first, ties by
    /// code. "Fixable" means a fix `--fix` applies (safe applicability).
    pub fn render(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut rows: Vec<(&str, &StatisticsRow)> = self.rows.iter().map(|(c, r)| (c.as_str(), r)).collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
        let headers = ["数量", "可修复", "代码", "规则"];
        let body: Vec<[String; 4]> = rows
            .iter()
            .map(|(code, r)| [r.count.to_string(), r.fixable.to_string(), code.to_string(), r.name.clone()])
            .collect();
        let mut widths = headers.map(display_width);
        for row in &body {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(display_width(cell));
            }
        }
        let write_row = |out: &mut dyn Write, cells: [&str; 4]| -> io::Result<()> {
            let mut line = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[i] - display_width(cell));
                if i < 2 {
                    // Counts right-aligned.
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < cells.len() {
                        line.push_str(&pad);
                    }
                }
                if i + 1 < cells.len() {
                    line.push_str("  ");
                }
            }
            writeln!(out, "{}", line.trim_end())
        };
        write_row(out, headers)?;
        for row in &body {
            write_row(out, [&row[0], &row[1], &row[2], &row[3]])?;
        }
        Ok(())
    }
}

/// Totals over all outcomes, for summaries and exit codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Diagnostics with a safe fix (`--fix` applies them).
    pub fixable: usize,
    /// Diagnostics with an unsafe fix (`--unsafe-fixes`).
    pub unsafe_fixable: usize,
    /// Files that could not be read or decoded.
    pub failed_files: usize,
    /// Files that were read and linted.
    pub linted_files: usize,
}

impl Totals {
    pub fn of(outcomes: &[FileOutcome]) -> Totals {
        let mut t = Totals::default();
        for outcome in outcomes {
            t.add(outcome);
        }
        t
    }

    pub fn add(&mut self, outcome: &FileOutcome) {
        let t = self;
        {
            match outcome {
                FileOutcome::Failed { .. } => t.failed_files += 1,
                FileOutcome::Linted { .. } | FileOutcome::Recalled { .. } => {
                    t.linted_files += 1;
                    for d in outcome.diagnostics() {
                        match d.severity {
                            Severity::Error => t.errors += 1,
                            Severity::Warning => t.warnings += 1,
                            Severity::Info => t.infos += 1,
                        }
                        match d.fix.as_ref().map(|f| f.applicability) {
                            Some(Applicability::Safe) => t.fixable += 1,
                            Some(Applicability::Unsafe) => t.unsafe_fixable += 1,
                            _ => {}
                        }
                    }
                }
            }
        }
    }

    pub fn diagnostics(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Where a span is, in every unit the formats need. See the module docs for the convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub start: LineCol,
    /// Just after the last character (exclusive end).
    pub end: LineCol,
    /// The span clamped into the text and onto character boundaries.
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Locate `span` in `source`, clamping it into the text (never panics).
pub fn position(source: &Source, span: Span) -> Position {
    let (byte_start, byte_end) = clamp_span(&source.text, span);
    Position { start: source.line_col(byte_start), end: source.line_col(byte_end), byte_start, byte_end }
}

/// Clamp a byte span into `text` with `start <= end`: a start inside a character moves back to
/// that character's start, an end inside one moves forward past it (the span covers every
/// character it touches).
pub(crate) fn clamp_span(text: &str, span: Span) -> (usize, usize) {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.max(span.start).min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// The message in the requested language (Chinese unless `en` is asked for and available).
pub(crate) fn message(d: &Diagnostic, lang: Lang) -> &str {
    match (lang, &d.message_en) {
        (Lang::En, Some(en)) => en,
        _ => &d.message,
    }
}

pub(crate) fn severity_name(s: Severity, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.zh(),
        Lang::En => s.as_str(),
    }
}

pub(crate) fn is_safe_fix(d: &Diagnostic) -> bool {
    d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe)
}

/// A file's outcome as the formats write it.
pub(crate) enum Item<'a> {
    Linted {
        path: String,
        /// The text, when the outcome has it (a recalled one has not); the human format draws
        /// it.
        #[cfg_attr(not(feature = "cli"), allow(dead_code))]
        text: Option<&'a str>,
        encoding: Encoding,
        bom: bool,
        /// In position order (see [`writing_order`]).
        diagnostics: Vec<ItemDiagnostic<'a>>,
    },
    Failed {
        path: String,
        code: FailureCode,
        message: &'a str,
    },
}

/// One diagnostic and where it and its edits are.
pub(crate) struct ItemDiagnostic<'a> {
    pub d: &'a Diagnostic,
    pub at: Position,
    pub edits: Cow<'a, [Position]>,
}

impl<'a> Item<'a> {
    pub(crate) fn of(outcome: &'a FileOutcome) -> Item<'a> {
        let path = outcome.display_path();
        match outcome {
            FileOutcome::Linted { source, diagnostics } => {
                let mut diagnostics: Vec<&Diagnostic> = diagnostics.iter().collect();
                diagnostics.sort_by(|a, b| writing_order(a, b));
                let diagnostics = diagnostics
                    .into_iter()
                    .map(|d| ItemDiagnostic {
                        d,
                        at: position(source, d.span),
                        edits: edit_positions(source, d).into(),
                    })
                    .collect();
                Item::Linted { path, text: Some(&source.text), encoding: source.encoding, bom: source.bom, diagnostics }
            }
            FileOutcome::Recalled { file, .. } => Item::Linted {
                path,
                text: None,
                encoding: file.encoding,
                bom: file.bom,
                diagnostics: file
                    .diagnostics
                    .iter()
                    .map(|p| ItemDiagnostic { d: &p.diagnostic, at: p.at, edits: Cow::Borrowed(&p.edits) })
                    .collect(),
            },
            FileOutcome::Failed { code, message, .. } => Item::Failed { path, code: *code, message },
        }
    }
}

fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::diagnostic::{Edit, Fix};

    pub const TEXT: &str = "江门市人民政府文件\n江府[2023]20号\n";

    /// The `[2023]` span on line 2 (bytes 34..40; character columns 3..9).
    pub fn bracket_span() -> Span {
        let start = TEXT.find('[').unwrap();
        let end = TEXT.find(']').unwrap() + 1;
        Span::new(start, end)
    }

    pub fn diagnostic() -> Diagnostic {
        let span = bracket_span();
        Diagnostic {
            code: "GW302".into(),
            rule: "doc-number-format".into(),
            category: "格式".into(),
            severity: Severity::Error,
            message: "发文字号的年份应使用六角括号〔〕".into(),
            message_en: Some("The year in a document number takes 〔〕 brackets".into()),
            source: "GB/T 9704—2012 7.2.4".into(),
            span,
            help: Some("改为：江府〔2023〕20号".into()),
            fix: Some(Fix::safe(
                "将方括号改为六角括号",
                vec![
                    Edit::replace(Span::new(span.start, span.start + 1), "〔"),
                    Edit::replace(Span::new(span.end - 1, span.end), "〕"),
                ],
            )),
        }
    }

    pub fn outcomes() -> Vec<FileOutcome> {
        vec![
            FileOutcome::Linted {
                source: Source::from_text("草稿/请示.md", TEXT), diagnostics: vec![diagnostic()]
            },
            FileOutcome::Failed {
                path: "草稿/损坏 文件.txt".into(),
                code: FailureCode::DecodeError,
                message: "不是文本文件（含 NUL 字节或控制字符）".into(),
            },
        ]
    }

    pub fn zh() -> OutputOptions {
        OutputOptions { lang: Lang::Zh, color: false, summary: true, statistics: false }
    }

    pub fn render_to_string(format: Format, opts: &OutputOptions) -> String {
        let rules: Vec<&'static RuleMeta> = vec![&DOC_NUMBER_RULE];
        let mut out = Vec::new();
        render(&outcomes(), format, opts, &rules, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    pub static OTHER_RULE: RuleMeta = RuleMeta {
        code: "GW101",
        name: "one-issue-per-request",
        summary: "请示应当一文一事",
        category: crate::rules::Category::Routing,
        default_severity: Severity::Error,
        default_enabled: true,
        pack: crate::rules::Pack::National,
        source: "《党政机关公文处理工作条例》第十五条（三）",
        fix: crate::rules::FixAvailability::None,
        needs: &[],
        docs: "请示应当一文一事。",
        bad: "",
        good: "",
    };

    pub static DOC_NUMBER_RULE: RuleMeta = RuleMeta {
        code: "GW302",
        name: "doc-number-format",
        summary: "发文字号的年份用六角括号〔〕括入",
        category: crate::rules::Category::Format,
        default_severity: Severity::Error,
        default_enabled: true,
        pack: crate::rules::Pack::National,
        source: "GB/T 9704—2012 7.2.4",
        fix: crate::rules::FixAvailability::Always,
        needs: &[],
        docs: "发文字号由发文机关代字、年份、发文顺序号组成。年份用六角括号“〔〕”括入。",
        bad: "江府[2023]20号",
        good: "江府〔2023〕20号",
    };
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn position_uses_character_columns_and_exclusive_end() {
        let source = Source::from_text("草稿/请示.md", TEXT);
        let p = position(&source, bracket_span());
        assert_eq!(p.start, LineCol { line: 2, column: 3 });
        assert_eq!(p.end, LineCol { line: 2, column: 9 });
        assert_eq!((p.byte_start, p.byte_end), (34, 40));
    }

    #[test]
    fn spans_past_the_end_are_clamped() {
        let source = Source::from_text("a.txt", "通知");
        let p = position(&source, Span::new(4, 99));
        assert_eq!((p.byte_start, p.byte_end), (3, 6));
        assert_eq!(p.start, LineCol { line: 1, column: 2 });
        assert_eq!(p.end, LineCol { line: 1, column: 3 });
        let p = position(&source, Span::new(50, 10));
        assert_eq!((p.byte_start, p.byte_end), (6, 6));
        let p = position(&source, Span::new(1, 2));
        assert_eq!((p.byte_start, p.byte_end), (0, 3));
        assert_eq!((p.start.column, p.end.column), (1, 2));
    }

    #[test]
    fn files_sorted_by_path_and_diagnostics_by_position() {
        let mut late = diagnostic();
        late.span = Span::new(43, 44);
        let early = diagnostic();
        let outcomes = vec![
            FileOutcome::Linted { source: Source::from_text("b.md", TEXT), diagnostics: vec![late, early] },
            FileOutcome::Failed { path: "a.md".into(), code: FailureCode::IoError, message: "x".into() },
        ];
        let mut out = Vec::new();
        render(&outcomes, Format::Concise, &test_support::zh(), &[], &mut out).unwrap();
        let lines: Vec<String> = String::from_utf8(out).unwrap().lines().map(str::to_string).collect();
        assert!(lines[0].starts_with("a.md: io-error"), "{lines:?}");
        assert!(lines[1].starts_with("b.md:2:3: GW302") && lines[2].starts_with("b.md:2:11: GW302"), "{lines:?}");
    }

    #[test]
    fn statistics_table() {
        let mut second = diagnostic();
        second.fix = None;
        let mut other = diagnostic();
        other.code = "GW101".into();
        other.rule = "one-issue-per-request".into();
        other.fix = None;
        let outcomes = vec![FileOutcome::Linted {
            source: Source::from_text("a.md", TEXT),
            diagnostics: vec![other, diagnostic(), second],
        }];
        let mut out = Vec::new();
        Statistics::of(&outcomes).render(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("数量"));
        assert_eq!(lines[1], "   2       1  GW302  doc-number-format");
        assert_eq!(lines[2], "   1       0  GW101  one-issue-per-request");
    }

    #[test]
    fn totals_count_severities_and_fixes() {
        let t = Totals::of(&outcomes());
        assert_eq!(
            t,
            Totals {
                errors: 1,
                warnings: 0,
                infos: 0,
                fixable: 1,
                unsafe_fixable: 0,
                failed_files: 1,
                linted_files: 1
            }
        );
        assert_eq!(t.diagnostics(), 1);
    }
}
