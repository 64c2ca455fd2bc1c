//! `gwlint check`: lint (and optionally fix) every file, render, and choose the exit code.

use super::cache::{self, Cache, SettingsKey};
use super::files::{self, Overrides, ReadError, SettingsCache};
use super::ordered::map_in_order;
use super::{CheckArgs, FailOn};
use gwlint::diagnostic::{Applicability, Severity};
use gwlint::output::{self, FailureCode, FileOutcome, OutputOptions};
use gwlint::source::Source;
use std::io::{IsTerminal, Write};
use std::path::Path;

struct FileRun {
    outcome: FileOutcome,
    /// Fixes applied (or that would be, with --diff): (code, count).
    fixed: Vec<(String, usize)>,
    diff: Option<String>,
    /// Of `fixed`, those found only after earlier fixes changed the text.
    found_after_fixing: usize,
    /// Fixes refused by the structure guard.
    refused: usize,
    /// Fixes a .docx could not take: their text crosses differently formatted runs, or their
    /// formatting did not take.
    not_written: usize,
    /// Why layout fixes were not written, said once per file.
    layout_notes: Vec<String>,
    write_error: Option<String>,
    /// The diagnostics came from the result cache.
    cached: bool,
    /// ... from its folder's pack, without reading the file.
    unread: bool,
    /// The file's part of the report, rendered by the worker that linted it.
    rendered: Option<output::Rendered>,
    /// The result as its folder's cache pack records it.
    filed: Option<cache::Filed>,
}

impl FileRun {
    /// A file's outcome with nothing fixed.
    fn of(outcome: FileOutcome) -> FileRun {
        FileRun {
            outcome,
            fixed: Vec::new(),
            found_after_fixing: 0,
            diff: None,
            refused: 0,
            not_written: 0,
            layout_notes: Vec::new(),
            write_error: None,
            cached: false,
            unread: false,
            rendered: None,
            filed: None,
        }
    }

    /// About the bytes it holds until the consumer takes it: its rendered part, the text (still
    /// there when fixing or for a diff), the findings (what is left of them once rendered is
    /// still a few hundred bytes each).
    fn weight(&self) -> usize {
        let rendered = self.rendered.as_ref().map_or(0, |r| r.parts().0.len());
        let (text, findings) = match &self.outcome {
            FileOutcome::Linted { source, diagnostics } => {
                (source.text.len(), diagnostics.len() * std::mem::size_of::<gwlint::diagnostic::Diagnostic>())
            }
            FileOutcome::Recalled { file, .. } => (0, file.diagnostics.len() * std::mem::size_of::<output::Placed>()),
            FileOutcome::Failed { .. } => (0, 0),
        };
        rendered + text + findings + self.diff.as_ref().map_or(0, String::len)
    }

    /// Not yet linted: the outcome is filled in when the file is.
    fn pending(path: &str) -> FileRun {
        FileRun::of(FileOutcome::Failed { path: path.to_string(), code: FailureCode::IoError, message: String::new() })
    }
}

/// What the whole run has to remember once a file's output is written: counts, and the few
/// messages said at the end.
#[derive(Default)]
struct Tally {
    fixed_by_code: std::collections::BTreeMap<String, usize>,
    files_changed: usize,
    found_after_fixing: usize,
    refused: usize,
    not_written: usize,
    layout_notes: Vec<String>,
    write_errors: Vec<String>,
    diffs: usize,
    failed: bool,
    failing: bool,
    cached: usize,
    /// Of `cached`, files not even read (their folder's pack knew them unchanged).
    unread: usize,
    linted: usize,
    /// With --annotate: files that are no .docx (checked, no copy written).
    not_annotated: usize,
    /// For `--statistics` on standard error, whatever was written to standard output.
    statistics: output::Statistics,
}

pub fn run(args: CheckArgs) -> Result<u8, String> {
    let overrides = Overrides::parse(&args.select, &args.extend_select, &args.ignore)?;
    let settings = SettingsCache::new(args.config.as_deref(), overrides)?;
    let drafts = files::drafts(&args.paths);
    let level = if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    let fixing = args.fix || args.diff;
    // Only a plain check reuses results: fixing and annotating write files from the lint.
    let cache =
        (!args.no_cache && !fixing && !args.annotate).then(|| Cache::open(cache::location(args.cache_dir.as_deref())));
    let selection = format!("{:?} {:?} {:?}", args.select, args.extend_select, args.ignore);

    let opts = OutputOptions {
        lang: args.lang,
        color: !args.no_color && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        summary: !args.quiet,
        // The human listing gives way to the table; machine formats keep their output whole
        // and get the table on standard error.
        statistics: args.statistics && args.format == output::Format::Human,
    };
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let stdin_fix = args.fix && args.paths.len() == 1 && args.paths[0].as_os_str() == files::STDIN;
    let metas: Vec<_> = gwlint::rules::all_rules().iter().map(|r| r.meta()).collect();
    let mut tally = Tally::default();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());

    // Each file's output is written as soon as it and every file before it are done.
    {
        let mut report = if args.diff || stdin_fix {
            None
        } else {
            Some(output::Report::new(args.format, &opts, &metas, &mut out).map_err(|e| e.to_string())?)
        };
        let mut raw = std::io::stdout();
        let renderer = report.is_some().then(|| output::Renderer::new(args.format, &opts));
        let mut packs = cache.as_ref().map(Cache::writer);
        let profile = cache::profile(args.format, &opts);
        let run = map_in_order(
            drafts,
            threads,
            |draft: Result<std::path::PathBuf, String>| {
                let path = draft?;
                let mut run = lint_file_guarded(
                    &path,
                    &args,
                    &settings,
                    cache.as_ref(),
                    &selection,
                    fixing.then_some(level),
                    profile,
                )?;
                if run.rendered.is_none() {
                    run.rendered = renderer.as_ref().and_then(|r| r.render(&run.outcome));
                    // Kept beside the result in its folder's pack, for the next run that shows
                    // this file the same way.
                    if let (Some(profile), Some(filed), Some(rendered)) =
                        (profile, run.filed.as_mut(), run.rendered.as_ref())
                    {
                        filed.shown = Some(cache::ShownHow {
                            profile,
                            path: run.outcome.display_path(),
                            entries: rendered.parts().1,
                            counts: Cache::counts(&run.outcome),
                        });
                        filed.from_pack = false;
                    }
                }
                if run.rendered.is_some() && !args.diff && !stdin_fix {
                    run.outcome.keep_only_counts();
                }
                Ok(run)
            },
            |run: &Result<FileRun, String>| run.as_ref().map_or(0, FileRun::weight),
            |run: Result<FileRun, String>| -> Result<(), String> {
                let mut run = run?;
                tally.add(&run, threshold, args.statistics && !opts.statistics);
                if let (Some(packs), Some(filed)) = (packs.as_mut(), run.filed.take()) {
                    packs.add(filed, run.rendered.as_ref().map(|r| r.parts().0));
                }
                if args.annotate && !is_docx_path(Path::new(&run.outcome.display_path())) {
                    tally.not_annotated += 1;
                }
                if args.diff {
                    if let Some(d) = &run.diff {
                        raw.write_all(d.as_bytes()).map_err(|e| e.to_string())?;
                    }
                } else if stdin_fix {
                    // Fixing standard input writes the fixed text to standard output, as
                    // formatters do.
                    if let FileOutcome::Linted { source, .. } = &run.outcome {
                        raw.write_all(source.text.as_bytes()).map_err(|e| e.to_string())?;
                    }
                }
                if let Some(report) = report.as_mut() {
                    report.add_rendered(&run.outcome, run.rendered).map_err(|e| e.to_string())?;
                }
                Ok(())
            },
        );
        // A run stopped by an error (a broken gwlint.toml, a folder that cannot be walked)
        // still closes its document, so that no half JSON or SARIF reaches a CI upload.
        if let Some(report) = report {
            report.finish().map_err(|e| e.to_string())?;
        }
        if let Some(packs) = packs {
            packs.finish();
        }
        run?;
    }
    drop(out);

    if args.annotate && !args.quiet && tally.not_annotated > 0 {
        eprintln!("（--annotate 只为 .docx 写批注副本；另有 {} 个文件照常检查，不写副本）", tally.not_annotated);
    }
    let human = args.format == output::Format::Human;
    if tally.cached > 0 && human && !args.quiet && !args.statistics {
        eprintln!(
            "（其中 {} 个文件的内容和设置都没有变，沿用了上次的检查结果；--no-cache 可全部重新检查）",
            tally.cached
        );
    }
    if args.statistics || (args.fix && human && !args.quiet) {
        let fixed: usize = tally.fixed_by_code.values().sum();
        if fixed > 0 || args.fix {
            let detail: Vec<String> = tally.fixed_by_code.iter().map(|(c, n)| format!("{c}×{n}")).collect();
            let verb = if args.diff { "可修复" } else { "已修复" };
            // A fix can make the text checkable in a way it was not (full-width digits turned
            // half-width, then their punctuation is seen); say so, or the count applied would
            // contradict the "可自动修复" count printed before fixing.
            let line = format!(
                "{verb} {fixed} 处（{} 个文件）{}{}",
                tally.files_changed,
                if detail.is_empty() { String::new() } else { format!("：{}", detail.join("，")) },
                if tally.found_after_fixing > 0 {
                    format!("；其中 {} 处是前面的修复完成后复查时才发现的", tally.found_after_fixing)
                } else {
                    String::new()
                }
            );
            if args.statistics || human {
                eprintln!("{line}")
            }
        }
        if tally.refused > 0 {
            eprintln!("有 {} 处修复会改变文档结构，未应用，请人工处理。", tally.refused);
        }
        if tally.not_written > 0 {
            eprintln!(
                "有 {} 处修复未能写入 .docx（跨越了格式不同的文字，或排版未生效），请在 Word/WPS 中按提示修改。",
                tally.not_written
            );
        }
        for note in &tally.layout_notes {
            eprintln!("{note}");
        }
    }
    if args.statistics && !opts.statistics {
        tally.statistics.render(&mut std::io::stderr()).map_err(|e| e.to_string())?;
    }
    if args.statistics && cache.is_some() {
        eprintln!(
            "结果缓存：{} 个文件沿用上次的结果（其中 {} 个未改动，没有重新读取），{} 个文件重新检查",
            tally.cached, tally.unread, tally.linted
        );
    }
    for e in &tally.write_errors {
        eprintln!("gwlint: {e}");
    }

    if tally.failed {
        return Ok(2);
    }
    if args.exit_zero {
        return Ok(0);
    }
    if args.diff {
        return Ok(u8::from(tally.diffs > 0));
    }
    Ok(u8::from(tally.failing))
}

impl Tally {
    /// `table`: the run prints the table by rule on standard error (`--statistics` with a
    /// machine format); only then are findings counted by rule here.
    fn add(&mut self, run: &FileRun, threshold: Severity, table: bool) {
        for (code, n) in &run.fixed {
            *self.fixed_by_code.entry(code.clone()).or_default() += n;
        }
        self.files_changed += usize::from(!run.fixed.is_empty());
        self.found_after_fixing += run.found_after_fixing;
        self.refused += run.refused;
        self.not_written += run.not_written;
        self.layout_notes.extend(run.layout_notes.iter().cloned());
        self.diffs += usize::from(run.diff.is_some());
        self.cached += usize::from(run.cached);
        self.unread += usize::from(run.unread);
        self.linted += usize::from(!run.cached && !run.outcome.is_failed());
        if table {
            self.statistics.add(&run.outcome);
        }
        if let Some(e) = &run.write_error {
            self.write_errors.push(e.clone());
            self.failed = true;
        }
        self.failed |= run.outcome.is_failed();
        self.failing |= run.outcome.diagnostics().any(|d| d.severity >= threshold);
    }
}

/// A bug in one rule must not take the other files down or pass this one as clean: a panic
/// becomes a failure of this file (exit 2), named as gwlint's own error, and nothing is written.
fn lint_file_guarded(
    path: &Path,
    args: &CheckArgs,
    settings: &SettingsCache,
    results: Option<&Cache>,
    selection: &str,
    fix_level: Option<Applicability>,
    profile: Option<u64>,
) -> Result<FileRun, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lint_file(path, args, settings, results, selection, fix_level, profile)
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("未知错误");
        Ok(FileRun::of(FileOutcome::Failed {
            path: path.to_string_lossy().replace('\\', "/"),
            code: FailureCode::InternalError,
            message: format!("gwlint 内部错误，此文件未能检查（请报告这个问题）：{what}"),
        }))
    })
}

/// Lint one file, or recall its result. `profile` names how the workers render (see
/// [`cache::profile`]): a file unchanged since it was last shown that way comes back already
/// rendered.
fn lint_file(
    path: &Path,
    args: &CheckArgs,
    cache: &SettingsCache,
    results: Option<&Cache>,
    selection: &str,
    fix_level: Option<Applicability>,
    profile: Option<u64>,
) -> Result<FileRun, String> {
    let display = path.to_string_lossy().replace('\\', "/");
    let failed = |code, message: String| FileRun::of(FileOutcome::Failed { path: display.clone(), code, message });
    let resolved = cache.for_file(path)?;
    let (settings, orgs) = (&resolved.settings, &resolved.orgs);
    let plain = fix_level.is_none() && !args.annotate;
    // The human format draws each finding's text; the others need only the places, which a
    // cached result keeps, so for them a hit is never decoded again.
    let shows_text = args.format == output::Format::Human;
    let outcome = |source: Option<Source>, file: output::Recalled| match source {
        Some(source) => {
            FileOutcome::Linted { source, diagnostics: file.diagnostics.into_iter().map(|p| p.diagnostic).collect() }
        }
        None => FileOutcome::Recalled { path: display.clone(), file },
    };
    // A plain check uses the result cache: where the file's result goes in its folder's pack,
    // and the file's stamp, taken before it is read (a change after that is seen next time).
    let lookup = results.filter(|_| plain && path.as_os_str() != files::STDIN).map(|cache| {
        let settings = *resolved.cache_key.get_or_init(|| SettingsKey::of(settings, selection));
        let filing = cache.place(&settings, path).and_then(|place| Some((place, cache::Stamp::of(path)?)));
        (cache, settings, filing)
    });
    // Unchanged since its folder's pack recorded it: answered without reading the file —
    // already rendered if it was last shown the same way.
    if let Some(profile) = profile
        && let Some((cache, _, Some((place, stamp)))) = &lookup
        && let Some((content, shown)) = cache.recall_shown(place, &stamp.0, profile, &display)
    {
        let (rendered, counted) = Cache::replay(shown);
        let file = output::Recalled { encoding: gwlint::source::Encoding::Utf8, bom: false, diagnostics: counted };
        let mut run = FileRun::of(outcome(None, file));
        run.cached = true;
        run.unread = true;
        run.rendered = Some(rendered);
        run.filed = lookup.and_then(|(_, _, filing)| filing).map(|filing| Cache::filed(filing, content, true));
        return Ok(run);
    }
    if !shows_text
        && let Some((cache, settings, Some((place, stamp)))) = &lookup
        && let Some((content, file)) = cache.recall(place, &stamp.0, settings, path)
    {
        let mut run = FileRun::of(outcome(None, file));
        run.cached = true;
        run.unread = true;
        run.filed = lookup.and_then(|(_, _, filing)| filing).map(|filing| Cache::filed(filing, content, true));
        return Ok(run);
    }
    let (name, original_bytes) = match files::read_bytes(path, args.stdin_filename.as_deref()) {
        Ok(r) => r,
        Err(ReadError::Io(m)) => return Ok(failed(FailureCode::IoError, m)),
        Err(ReadError::Decode(e)) => return Ok(failed(FailureCode::DecodeError, e.to_string())),
    };
    let keyed = lookup.map(|(cache, settings, filing)| {
        let content = Cache::content(&original_bytes);
        (cache, cache.key(&settings, path, content), content, filing)
    });
    // Its content seen before (the file changed back, was moved, or has a twin).
    if let Some((cache, key, content, _)) = &keyed
        && let Some(file) = cache.get(*key)
    {
        let content = *content;
        let source = match shows_text.then(|| Source::read_named(name, &original_bytes)).transpose() {
            Ok(source) => source,
            Err(e) => return Ok(failed(FailureCode::DecodeError, e.to_string())),
        };
        let mut run = FileRun::of(outcome(source, file));
        run.cached = true;
        run.filed = keyed.and_then(|(_, _, _, filing)| filing).map(|filing| Cache::filed(filing, content, false));
        return Ok(run);
    }
    // Not answered by the cache: it is linted, and the slow tables are started now, while it is
    // decoded and modelled.
    resolved.warm_up();
    let source = match Source::read_named(name, &original_bytes) {
        Ok(source) => source,
        Err(e) => return Ok(failed(FailureCode::DecodeError, e.to_string())),
    };
    // A Word document is fixed in its XML, run by run, and annotated in a copy beside it — not
    // one read from standard input, which has no place to be written back to.
    if source.kind == gwlint::source::SourceKind::Docx
        && path.as_os_str() == files::STDIN
        && (args.fix || args.annotate)
    {
        let diagnostics = gwlint::engine::lint(&source, settings, orgs);
        let mut run = FileRun::of(FileOutcome::Linted { source, diagnostics });
        run.write_error = Some("从标准输入读入的 .docx 不能写回修复或批注，请直接给出文件路径；未写入任何内容".into());
        return Ok(run);
    }
    if plain {
        let diagnostics = gwlint::engine::lint(&source, settings, orgs);
        let Some((c, key, content, filing)) = keyed else {
            return Ok(FileRun::of(FileOutcome::Linted { source, diagnostics }));
        };
        let file = output::Placed::all(&source, diagnostics);
        c.put(key, &file);
        let mut run = FileRun::of(outcome(shows_text.then_some(source), file));
        run.filed = filing.map(|filing| Cache::filed(filing, content, false));
        return Ok(run);
    }
    if source.kind == gwlint::source::SourceKind::Docx {
        return Ok(docx_file(path, &display, source, &original_bytes, args, settings, orgs, fix_level));
    }
    let Some(level) = fix_level else {
        let diagnostics = gwlint::engine::lint(&source, settings, orgs);
        return Ok(FileRun::of(FileOutcome::Linted { source, diagnostics }));
    };

    let report = gwlint::fix::fix_source(&source, settings, orgs, level);
    let mut run = FileRun {
        fixed: report.applied.clone(),
        found_after_fixing: report.found_after_fixing,
        refused: report.refused.len(),
        ..FileRun::pending(&display)
    };
    let changed = report.changed(&source.text);
    let fixed_source =
        Source { text: report.text.clone(), index: gwlint::source::LineIndex::new(&report.text), ..source.clone() };
    if changed && args.diff {
        run.diff = Some(unified_diff(&display, &source.text, &report.text));
    }
    let is_stdin = path.as_os_str() == files::STDIN;
    if changed && args.fix && !args.diff && !is_stdin {
        match fixed_source.encode_like(&report.text) {
            Ok(bytes) if bytes != original_bytes => {
                if let Err(e) = write_atomically(path, &bytes) {
                    run.write_error = Some(format!("{display}：写入失败，原文件未改动：{e}"));
                    run.fixed.clear();
                    run.found_after_fixing = 0;
                }
            }
            Ok(_) => {}
            Err(e) => {
                run.write_error = Some(format!("{display}：{e}，未写入任何内容"));
                run.fixed.clear();
                run.found_after_fixing = 0;
            }
        }
    }
    // What remains is what the user still has to see (after --fix), or everything (--diff).
    let reported = if args.fix && !args.diff && run.write_error.is_none() { fixed_source } else { source };
    let diagnostics = gwlint::engine::lint(&reported, settings, orgs);
    run.outcome = FileOutcome::Linted { source: reported, diagnostics };
    Ok(run)
}

/// A Word document: `--fix` writes safe fixes into it (keeping every run's formatting), `--diff`
/// shows them as a diff of its text, and `--annotate` writes `草稿.gwlint.docx` beside it with
/// a comment per finding and each safe fix as a tracked change.
#[allow(clippy::too_many_arguments)]
fn docx_file(
    path: &Path,
    display: &str,
    source: Source,
    original_bytes: &[u8],
    args: &CheckArgs,
    settings: &gwlint::config::Settings,
    orgs: &gwlint::org::OrgView,
    fix_level: Option<Applicability>,
) -> FileRun {
    let mut run = FileRun::pending(display);
    let mut current = source;
    let mut bytes = original_bytes.to_vec();
    if let Some(level) = fix_level {
        match gwlint::fix::fix_docx(path, original_bytes, settings, orgs, level) {
            Ok(fixed) => {
                run.fixed = fixed.report.applied.clone();
                run.found_after_fixing = fixed.report.found_after_fixing;
                run.refused = fixed.report.refused.len();
                run.not_written = fixed.not_written.len();
                run.layout_notes = fixed.report.layout_notes.iter().map(|n| format!("{display}：{n}")).collect();
                if fixed.bytes != original_bytes {
                    if args.diff {
                        run.diff = Some(unified_diff(&format!("{display}（文字）"), &current.text, &fixed.source.text));
                    } else if args.fix {
                        match write_atomically(path, &fixed.bytes) {
                            Ok(()) => {
                                bytes = fixed.bytes;
                                current = fixed.source;
                            }
                            Err(e) => {
                                run.write_error = Some(format!("{display}：写入失败，原文件未改动：{e}"));
                                run.fixed.clear();
                                run.found_after_fixing = 0;
                            }
                        }
                    }
                }
            }
            Err(e) => {
                run.write_error = Some(format!("{display}：{e}；原文件未改动"));
            }
        }
    }
    let diagnostics = gwlint::engine::lint(&current, settings, orgs);
    if args.annotate && !args.diff {
        let copy = annotated_path(path);
        match gwlint::fix::annotate_docx(&bytes, &diagnostics, args.unsafe_fixes) {
            Ok(written) => {
                if let Err(e) = write_new(&copy, &written.bytes, path) {
                    run.write_error = Some(format!("{}：无法写入批注副本：{e}", copy.display()));
                } else if !args.quiet {
                    let mut notes = Vec::new();
                    if written.not_written > 0 {
                        notes.push(format!("另有 {} 处修复跨越了不同格式的文字，只写在批注里", written.not_written));
                    }
                    notes.extend(written.layout_not_written.iter().cloned());
                    eprintln!(
                        "已写入 {}：{} 条批注，{} 处文字修订，{} 处排版修订{}",
                        copy.display(),
                        written.comments,
                        written.written,
                        written.formatted,
                        if notes.is_empty() { String::new() } else { format!("（{}）", notes.join("；")) }
                    );
                }
            }
            Err(e) => run.write_error = Some(format!("{display}：无法写入批注副本：{e}")),
        }
    }
    run.outcome = FileOutcome::Linted { source: current, diagnostics };
    run
}

fn is_docx_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["docx", "docm", "dotx"].iter().any(|d| e.eq_ignore_ascii_case(d)))
}

/// 草稿.docx → 草稿.gwlint.docx, beside it; a .docm or .dotx keeps its own extension, which
/// its content type requires.
fn annotated_path(path: &Path) -> std::path::PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let extension = path.extension().map_or_else(|| "docx".to_string(), |e| e.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}.gwlint.{extension}"))
}

/// Write a new file (or replace an earlier copy) through a temporary file in its folder, with
/// the permissions of the file it was made from.
fn write_new(path: &Path, bytes: &[u8], like: &Path) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(std::fs::metadata(like)?.permissions())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Write through a temporary file in the same folder and rename it over the original, keeping
/// the original's permissions: a crash mid-write never leaves a half-written draft.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
