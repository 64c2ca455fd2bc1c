//! `--format human` (the default): one miette report per diagnostic, then a summary line.
//!
//! Each report starts with **our own header line**, `path:line:col: CODE rule [严重程度]`, whose
//! line and column are computed with `Source::line_col` (characters, 1-based); it is the
//! authoritative location and the one terminals and editors can jump to.
//!
//! miette's own snippet box would print `[path:line:col]` with a UTF-8 *byte* column
//! (`江府[2023]` → `2:7` where the character column is 3). Two things prevent that:
//! - the handler is built `without_primary_span_start()`, so miette's box shows only `[path]`;
//! - the snippet text is given through [`NamedText`], a `SourceCode` that reports the
//!   *character* column of a span, so whatever miette prints about columns is in characters too.
//!
//! The label under the span says what the fix does when there is one, otherwise a short phrase
//! (此处); `help:` shows the diagnostic's help. The code appears as `GW302(doc-number-format)`.
//! Width is fixed at [`WIDTH`] columns; the theme is `unicode_nocolor` unless `opts.color`.

use super::{Item, ItemDiagnostic, Lang, OutputOptions, Totals, clamp_span, message, severity_name};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::source::LineIndex;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan,
    SpanContents,
};
use std::fmt;
use std::io::{self, Write};

/// Width of the rendered reports.
pub const WIDTH: usize = 100;

/// A file's text under a name, reporting character (not byte) columns to miette.
#[derive(Clone, Copy)]
struct NamedText<'a> {
    name: &'a str,
    text: &'a str,
    /// The text's lines, so that a snippet is cut from its neighbourhood: miette's own reader
    /// walks the text from its first byte for every snippet, which on a long draft with many
    /// findings took most of a run's time.
    lines: &'a LineIndex,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // The snippet starts at the first context line before the span's line. Read from the
        // line before that (miette looks one byte behind an empty span), miette counts exactly
        // what it would from the text's start, less the lines skipped.
        let skipped = self.lines.line_of(span.offset()).saturating_sub(context_lines_before + 1);
        let window = self.lines.line_start(skipped).min(span.offset());
        let local: SourceSpan = (span.offset() - window, span.len()).into();
        let inner = self.text.as_bytes()[window..].read_span(&local, context_lines_before, context_lines_after)?;
        let (offset, _) = clamp_span(self.text, crate::span::Span::empty(span.offset()));
        let line_start = self.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            (inner.span().offset() + window, inner.span().len()).into(),
            inner.line() + skipped,
            column,
            inner.line_count() + skipped,
        )))
    }
}

/// One diagnostic as miette sees it.
struct Report<'a> {
    message: &'a str,
    code: String,
    severity: miette::Severity,
    help: Option<&'a str>,
    label: LabeledSpan,
    text: NamedText<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report").field("code", &self.code).field("message", &self.message).finish()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    // The header line above the report already names the code and the rule; miette would
    // print it a second time.
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        None
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.text)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

fn label_text(d: &Diagnostic, lang: Lang) -> String {
    match (&d.fix, lang) {
        (Some(fix), Lang::Zh) => match fix.applicability {
            Applicability::Safe => fix.message.clone(),
            Applicability::Unsafe => format!("{}（需 --unsafe-fixes）", fix.message),
            Applicability::DisplayOnly => format!("{}（仅供参考）", fix.message),
        },
        (Some(fix), Lang::En) => match fix.applicability {
            Applicability::Safe => fix.message.clone(),
            Applicability::Unsafe => format!("{} (needs --unsafe-fixes)", fix.message),
            Applicability::DisplayOnly => format!("{} (suggestion only)", fix.message),
        },
        (None, Lang::Zh) => "此处".to_string(),
        (None, Lang::En) => "here".to_string(),
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }

    fn severity(&self, s: Severity, text: &str) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, text)
    }
}

/// One finding: its header line, miette's drawing of it in `file` (none when the text is not
/// at hand: a result recalled from the cache), and its source.
fn write_report(
    out: &mut dyn Write,
    handler: &GraphicalReportHandler,
    style: &Style,
    file: NamedText<'_>,
    drawn: bool,
    x: &ItemDiagnostic<'_>,
    lang: Lang,
) -> io::Result<()> {
    let (path, text) = (file.name, drawn.then_some(file.text));
    let (d, pos) = (x.d, x.at);
    let sev = severity_name(d.severity, lang);
    // An empty span at the very end, after the final line break, sits on a line miette does not
    // draw; show its marker at the end of the last line instead (the header keeps the truth).
    let (mut label_start, mut label_end) = (pos.byte_start, pos.byte_end);
    if let Some(text) = text
        && label_start == label_end
        && label_start == text.len()
    {
        let last = text.trim_end_matches(['\n', '\r']).len();
        (label_start, label_end) = (last, last);
    }
    writeln!(
        out,
        "{}: {} {} [{}]",
        style.paint("1", &format!("{}:{}:{}", path, pos.start.line, pos.start.column)),
        style.paint("1", &d.code),
        d.rule,
        style.severity(d.severity, sev),
    )?;
    let report = Report {
        message: message(d, lang),
        code: format!("{}({})", d.code, d.rule),
        severity: miette_severity(d.severity),
        help: d.help.as_deref(),
        label: LabeledSpan::new_primary_with_span(Some(label_text(d, lang)), (label_start, label_end - label_start)),
        text: file,
    };
    let mut rendered = String::new();
    // Without the text (a result recalled from the cache) there is no snippet to draw.
    if text.is_none() || handler.render_report(&mut rendered, &report).is_err() {
        // miette could not read the snippet: fall back to the message and help alone.
        rendered.clear();
        rendered.push_str(&format!("{}\n\n  × {}\n", report.code, report.message));
        if let Some(help) = report.help {
            rendered.push_str(&format!("  help: {help}\n"));
        }
    }
    let rendered = rendered.trim_end_matches('\n');
    writeln!(out, "{rendered}")?;
    // The article the finding rests on: a drafter must be able to cite it back.
    if !d.source.is_empty() {
        let label = if lang == Lang::En { "source" } else { "依据" };
        writeln!(out, "  {label}：{}", d.source)?;
    }
    writeln!(out)
}

fn summary(t: &Totals, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    match lang {
        Lang::Zh => {
            // A run that could not read a file never says that nothing was found.
            if t.diagnostics() == 0 && t.failed_files == 0 {
                lines.push("未发现问题。".to_string());
            } else if t.diagnostics() == 0 && t.linted_files == 0 {
                lines.push("没有读到任何文件，未作检查：".to_string());
            } else if t.diagnostics() == 0 {
                lines.push("已读取的文件中未发现问题，但检查并不完整：".to_string());
            } else {
                lines.push(format!(
                    "共发现 {} 个问题（错误 {}，警告 {}，提示 {}），其中 {} 个可自动修复（--fix）。",
                    t.diagnostics(),
                    t.errors,
                    t.warnings,
                    t.infos,
                    t.fixable
                ));
            }
            if t.failed_files > 0 {
                lines.push(format!("另有 {} 个文件无法读取。", t.failed_files));
            }
        }
        Lang::En => {
            if t.diagnostics() == 0 && t.failed_files == 0 {
                lines.push("No problems found.".to_string());
            } else if t.diagnostics() == 0 && t.linted_files == 0 {
                lines.push("No file could be read; nothing was checked:".to_string());
            } else if t.diagnostics() == 0 {
                lines.push("No problems in the files that were read, but the check is incomplete:".to_string());
            } else {
                lines.push(format!(
                    "Found {} problems ({} errors, {} warnings, {} info); {} fixable with --fix.",
                    t.diagnostics(),
                    t.errors,
                    t.warnings,
                    t.infos,
                    t.fixable
                ));
            }
            if t.failed_files > 0 {
                lines.push(format!("{} files could not be read.", t.failed_files));
            }
        }
    }
    lines
}

/// The terminal report's renderer, made once per report.
pub(super) struct Writer {
    handler: GraphicalReportHandler,
    style: Style,
}

impl Writer {
    pub(super) fn new(opts: &OutputOptions) -> Writer {
        let theme = if opts.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        let handler =
            GraphicalReportHandler::new_themed(theme).with_width(WIDTH).with_links(false).without_primary_span_start();
        Writer { handler, style: Style { color: opts.color } }
    }

    /// One file: each finding with its text (none with `--statistics`), or why it was not read.
    pub(super) fn item(&self, item: &Item<'_>, opts: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
        match item {
            Item::Linted { path, text, diagnostics, .. } => {
                if opts.statistics || diagnostics.is_empty() {
                    return Ok(());
                }
                let lines = LineIndex::new(text.unwrap_or_default());
                let file = NamedText { name: path, text: text.unwrap_or_default(), lines: &lines };
                for x in diagnostics.iter() {
                    write_report(out, &self.handler, &self.style, file, text.is_some(), x, opts.lang)?;
                }
            }
            Item::Failed { path, message, .. } => {
                let what = match opts.lang {
                    Lang::Zh => "无法读取：",
                    Lang::En => "cannot read: ",
                };
                writeln!(out, "{}: {}{}", self.style.paint("1", path), self.style.paint("1;31", what), message)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

/// The table (`--statistics`) and the summary line.
pub(super) fn finish(
    totals: &Totals,
    statistics: &super::Statistics,
    opts: &OutputOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if opts.statistics {
        statistics.render(out)?;
        writeln!(out)?;
    }
    for line in summary(totals, opts.lang).into_iter().filter(|_| opts.summary) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{FileOutcome, Format, Lang, OutputOptions};
    use super::*;
    use crate::source::Source;
    use crate::span::Span;

    fn render_one(text: &str, d: Diagnostic) -> String {
        let outcomes = vec![FileOutcome::Linted { source: Source::from_text("a.md", text), diagnostics: vec![d] }];
        let mut out = Vec::new();
        crate::output::render(&outcomes, crate::output::Format::Human, &zh(), &[], &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn character_column_header_and_chinese_message() {
        let text = render_to_string(Format::Human, &zh());
        assert!(text.contains("草稿/请示.md:2:3: GW302 doc-number-format [错误]\n"), "{text}");
        assert!(!text.contains(":2:7"), "no byte column anywhere: {text}");
        assert!(!text.contains("GW302(doc-number-format)"), "the code is named once, in the header: {text}");
        assert!(text.contains("× 发文字号的年份应使用六角括号〔〕"), "{text}");
        assert!(text.contains("╭─[草稿/请示.md]"), "{text}");
        assert!(text.contains("2 │ 江府[2023]20号"), "{text}");
        assert!(text.contains("将方括号改为六角括号"), "label: {text}");
        assert!(text.contains("help: 改为：江府〔2023〕20号"), "{text}");
        assert!(text.contains("依据："), "the cited article is shown: {text}");
        assert!(text.contains("草稿/损坏 文件.txt: 无法读取：不是文本文件"), "{text}");
        assert!(!text.contains('\x1b'), "no colour: {text:?}");
        assert!(
            text.ends_with(
                "共发现 1 个问题（错误 1，警告 0，提示 0），其中 1 个可自动修复（--fix）。\n\
                 另有 1 个文件无法读取。\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_run_that_could_not_read_a_file_is_never_clean() {
        let failed = vec![crate::output::FileOutcome::Failed {
            path: "缺失.txt".into(),
            code: crate::output::FailureCode::IoError,
            message: "无法读取：文件不存在".into(),
        }];
        let mut out = Vec::new();
        crate::output::render(&failed, crate::output::Format::Human, &zh(), &[], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("未发现问题。"), "{text}");
        assert!(text.contains("另有 1 个文件无法读取"), "{text}");
    }

    #[test]
    fn no_problems() {
        let mut out = Vec::new();
        crate::output::render(&[], crate::output::Format::Human, &zh(), &[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "未发现问题。\n");
    }

    #[test]
    fn english_and_colour() {
        let opts = OutputOptions { lang: Lang::En, color: true, summary: true, statistics: false };
        let text = render_to_string(Format::Human, &opts);
        assert!(text.contains('\x1b'));
        assert!(text.contains("The year in a document number takes"));
        assert!(text.contains("Found 1 problems (1 errors, 0 warnings, 0 info); 1 fixable with --fix."));
    }

    #[test]
    fn odd_spans_do_not_panic() {
        for span in [
            Span::new(0, 0),
            Span::new(1, 2),
            Span::new(TEXT.len(), TEXT.len()),
            Span::new(TEXT.len() - 1, TEXT.len()),
            Span::new(TEXT.len() + 5, TEXT.len() + 50),
            Span::new(0, TEXT.len()),
            Span::new(30, 10),
        ] {
            let mut d = diagnostic();
            d.span = span;
            let text = render_one(TEXT, d);
            assert!(text.contains("× 发文字号"), "{span:?}: {text}");
        }
        // An empty span after the final newline is marked at the end of the last line.
        let mut d = diagnostic();
        d.span = Span::new(TEXT.len(), TEXT.len());
        let eof = render_one(TEXT, d);
        assert!(eof.contains("a.md:3:1: GW302"), "{eof}");
        assert!(eof.contains("2 │ 江府[2023]20号\n   ·               ▲"), "{eof}");
        // Empty file, CRLF file.
        let mut d = diagnostic();
        d.span = Span::new(0, 5);
        assert!(render_one("", d.clone()).contains("a.md:1:1: GW302"));
        d.span = Span::new(6, 12);
        let crlf = render_one("通知\r\n江府[2023]\r\n", d);
        assert!(crlf.contains("a.md:1:3: GW302"), "{crlf}");
    }

    #[test]
    fn snippets_cut_from_the_neighbourhood_are_those_of_the_whole_text() {
        // Every span start and length over texts with LF, CRLF and lone CR, with and without
        // context lines: the windowed read gives what miette's read of the whole text gives.
        for text in ["第一行\n第二行\n\n第四行很长很长\n", "一\r\n二二\r\n\r\n四\r\n", "甲\r乙\r\r丙", "无换行"]
        {
            let lines = LineIndex::new(text);
            let named = NamedText { name: "a.md", text, lines: &lines };
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for len in [0, 1, 3, 7] {
                    let len = len.min(text.len() - start);
                    for context in [0, 1, 2] {
                        let span: SourceSpan = (start, len).into();
                        let whole = text.as_bytes().read_span(&span, context, context);
                        let cut = named.read_span(&span, context, context);
                        match (whole, cut) {
                            (Ok(w), Ok(c)) => {
                                let at = format!("{text:?} {start}+{len} ±{context}");
                                assert_eq!(w.data(), c.data(), "{at}");
                                assert_eq!(w.span(), c.span(), "{at}");
                                assert_eq!(w.line(), c.line(), "{at}");
                                assert_eq!(w.line_count(), c.line_count(), "{at}");
                            }
                            (Err(_), Err(_)) => {}
                            (w, c) => panic!("{text:?} {start}+{len}: {:?} vs {:?}", w.is_ok(), c.is_ok()),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn named_text_reports_character_columns() {
        let lines = LineIndex::new(TEXT);
        let src = NamedText { name: "a.md", text: TEXT, lines: &lines };
        let span: SourceSpan = (34, 6).into();
        let contents = src.read_span(&span, 0, 0).unwrap();
        assert_eq!(contents.line(), 1);
        assert_eq!(contents.column(), 2);
        assert_eq!(contents.name(), Some("a.md"));
    }
}
