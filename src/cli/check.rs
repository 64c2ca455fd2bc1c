//! `gwlint check`: lint (and optionally fix) every file, render, and choose the exit code.

use super::files::{self, Overrides, ReadError, SettingsCache};
use super::{CheckArgs, FailOn};
use gwlint::diagnostic::{Applicability, Severity};
use gwlint::output::{self, FailureCode, FileOutcome, OutputOptions};
use gwlint::source::Source;
use rayon::prelude::*;
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
    write_error: Option<String>,
}

pub fn run(args: CheckArgs) -> Result<u8, String> {
    let overrides = Overrides::parse(&args.select, &args.extend_select, &args.ignore)?;
    let cache = SettingsCache::new(args.config.as_deref(), overrides)?;
    let files = files::collect(&args.paths)?;
    let level = if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    let fixing = args.fix || args.diff;

    let runs: Vec<Result<FileRun, String>> =
        files.par_iter().map(|path| lint_file_guarded(path, &args, &cache, fixing.then_some(level))).collect();
    let mut results = Vec::with_capacity(runs.len());
    for r in runs {
        results.push(r?);
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let stdin_fix = args.fix && args.paths.len() == 1 && args.paths[0].as_os_str() == files::STDIN;
    if args.diff {
        for r in &results {
            if let Some(d) = &r.diff {
                out.write_all(d.as_bytes()).map_err(|e| e.to_string())?;
            }
        }
    } else if stdin_fix {
        // Fixing standard input writes the fixed text to standard output, as formatters do.
        if let Some(FileOutcome::Linted { source, .. }) = results.first().map(|r| &r.outcome) {
            out.write_all(source.text.as_bytes()).map_err(|e| e.to_string())?;
        }
    }

    let outcomes: Vec<FileOutcome> = results
        .iter_mut()
        .map(|r| {
            std::mem::replace(
                &mut r.outcome,
                FileOutcome::Failed { path: String::new(), code: FailureCode::IoError, message: String::new() },
            )
        })
        .collect();
    let opts = OutputOptions {
        lang: args.lang,
        color: !args.no_color && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        summary: !args.quiet,
        // The human listing gives way to the table; machine formats keep their output whole
        // and get the table on standard error.
        statistics: args.statistics && args.format == output::Format::Human,
    };
    if !args.diff && !stdin_fix {
        let metas: Vec<_> = gwlint::rules::all_rules().iter().map(|r| r.meta()).collect();
        output::render(&outcomes, args.format, &opts, &metas, &mut out).map_err(|e| e.to_string())?;
    }
    let human = args.format == output::Format::Human;
    if args.statistics || (args.fix && human && !args.quiet) {
        let fixed: usize = results.iter().flat_map(|r| &r.fixed).map(|(_, n)| n).sum();
        if fixed > 0 || args.fix {
            let files_changed = results.iter().filter(|r| !r.fixed.is_empty()).count();
            let mut by_code: std::collections::BTreeMap<&str, usize> = Default::default();
            for (c, n) in results.iter().flat_map(|r| &r.fixed) {
                *by_code.entry(c).or_default() += n;
            }
            let detail: Vec<String> = by_code.iter().map(|(c, n)| format!("{c}×{n}")).collect();
            let verb = if args.diff { "可修复" } else { "已修复" };
            // A fix can make the text checkable in a way it was not (full-width digits turned
            // half-width, then their punctuation is seen); say so, or the count applied would
            // contradict the "可自动修复" count printed before fixing.
            let later: usize = results.iter().map(|r| r.found_after_fixing).sum();
            let line = format!(
                "{verb} {fixed} 处（{files_changed} 个文件）{}{}",
                if detail.is_empty() { String::new() } else { format!("：{}", detail.join("，")) },
                if later > 0 {
                    format!("；其中 {later} 处是前面的修复完成后复查时才发现的")
                } else {
                    String::new()
                }
            );
            if args.statistics || human {
                eprintln!("{line}")
            }
        }
        let refused: usize = results.iter().map(|r| r.refused).sum();
        if refused > 0 {
            eprintln!("有 {refused} 处修复会改变文档结构，未应用，请人工处理。");
        }
    }
    if args.statistics && !opts.statistics {
        output::render_statistics(&outcomes, &mut std::io::stderr()).map_err(|e| e.to_string())?;
    }
    for r in &results {
        if let Some(e) = &r.write_error {
            eprintln!("gwlint: {e}");
        }
    }

    let failed = outcomes.iter().any(|o| matches!(o, FileOutcome::Failed { .. }))
        || results.iter().any(|r| r.write_error.is_some());
    if failed {
        return Ok(2);
    }
    if args.exit_zero {
        return Ok(0);
    }
    if args.diff {
        return Ok(u8::from(results.iter().any(|r| r.diff.is_some())));
    }
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let failing = outcomes.iter().any(
        |o| matches!(o, FileOutcome::Linted { diagnostics, .. } if diagnostics.iter().any(|d| d.severity >= threshold)),
    );
    Ok(u8::from(failing))
}

/// A bug in one rule must not take the other files down or pass this one as clean: a panic
/// becomes a failure of this file (exit 2), named as gwlint's own error, and nothing is written.
fn lint_file_guarded(
    path: &Path,
    args: &CheckArgs,
    cache: &SettingsCache,
    fix_level: Option<Applicability>,
) -> Result<FileRun, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lint_file(path, args, cache, fix_level))).unwrap_or_else(
        |panic| {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("未知错误");
            Ok(FileRun {
                outcome: FileOutcome::Failed {
                    path: path.to_string_lossy().replace('\\', "/"),
                    code: FailureCode::InternalError,
                    message: format!("gwlint 内部错误，此文件未能检查（请报告这个问题）：{what}"),
                },
                fixed: Vec::new(),
                found_after_fixing: 0,
                diff: None,
                refused: 0,
                write_error: None,
            })
        },
    )
}

fn lint_file(
    path: &Path,
    args: &CheckArgs,
    cache: &SettingsCache,
    fix_level: Option<Applicability>,
) -> Result<FileRun, String> {
    let display = path.to_string_lossy().replace('\\', "/");
    let failed = |code, message: String| FileRun {
        outcome: FileOutcome::Failed { path: display.clone(), code, message },
        fixed: Vec::new(),
        found_after_fixing: 0,
        diff: None,
        refused: 0,
        write_error: None,
    };
    let (source, original_bytes) = match files::read(path, args.stdin_filename.as_deref()) {
        Ok(r) => r,
        Err(ReadError::Io(m)) => return Ok(failed(FailureCode::IoError, m)),
        Err(ReadError::Decode(e)) => return Ok(failed(FailureCode::DecodeError, e.to_string())),
    };
    let resolved = cache.for_file(path)?;
    let (settings, orgs) = (&resolved.settings, &resolved.orgs);
    // A Word document is checked as its text; fixes are not written into it (yet).
    let docx = source.kind == gwlint::source::SourceKind::Docx;
    let Some(level) = fix_level.filter(|_| !docx) else {
        let diagnostics = gwlint::engine::lint(&source, settings, orgs);
        let write_error = (docx && fix_level.is_some() && (args.fix || args.diff))
            .then(|| format!("{display}：暂不能把修复写回 .docx，请按提示在 Word 或 WPS 中修改；原文件未改动"));
        return Ok(FileRun {
            outcome: FileOutcome::Linted { source, diagnostics },
            fixed: Vec::new(),
            found_after_fixing: 0,
            diff: None,
            refused: 0,
            write_error,
        });
    };

    let report = gwlint::fix::fix_source(&source, settings, orgs, level);
    let mut run = FileRun {
        outcome: FileOutcome::Failed { path: display.clone(), code: FailureCode::IoError, message: String::new() },
        fixed: report.applied.clone(),
        found_after_fixing: report.found_after_fixing,
        diff: None,
        refused: report.refused.len(),
        write_error: None,
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
