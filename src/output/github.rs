//! `--format github`: GitHub Actions workflow commands, one per line, e.g.
//! `::error file=草稿/请示.md,line=2,col=3,endLine=2,endColumn=9,title=GW302 doc-number-format::…`.
//! `warning` → `::warning`, `info` → `::notice`; columns are characters, `endColumn` exclusive.
//! Escaping follows the Actions runner: in the message `%`, `\r`, `\n`; in property values also
//! `:` and `,`.

use super::{Item, OutputOptions, message};
use crate::diagnostic::Severity;
use std::io::{self, Write};

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escape a workflow command's message (data).
pub(super) fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a workflow command's property value.
pub(super) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(super) fn item(item: &Item<'_>, opts: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    {
        match item {
            Item::Linted { path, diagnostics, .. } => {
                let file = escape_property(path);
                for x in diagnostics {
                    let (d, pos) = (x.d, x.at);
                    writeln!(
                        out,
                        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                        command(d.severity),
                        file,
                        pos.start.line,
                        pos.start.column,
                        pos.end.line,
                        pos.end.column,
                        escape_property(&format!("{} {}", d.code, d.rule)),
                        escape_data(message(d, opts.lang)),
                    )?;
                }
            }
            Item::Failed { path, code, message } => writeln!(
                out,
                "::error file={},title={}::{}",
                escape_property(path),
                code.as_str(),
                escape_data(message)
            )?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{FileOutcome, Format};
    use crate::diagnostic::Severity;
    use crate::source::Source;

    #[test]
    fn lines_for_diagnostics_and_failed_files() {
        let text = render_to_string(Format::Github, &zh());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "::error file=草稿/损坏 文件.txt,title=decode-error::不是文本文件（含 NUL 字节或控制字符）",
                "::error file=草稿/请示.md,line=2,col=3,endLine=2,endColumn=9,title=GW302 doc-number-format::发文字号的年份应使用六角括号〔〕",
            ]
        );
    }

    #[test]
    fn escaping_and_levels() {
        let mut d = diagnostic();
        d.severity = Severity::Warning;
        d.rule = "a,b:c".into();
        d.message = "100% 完成, 见: 附件\r\n第二行".into();
        let mut info = diagnostic();
        info.severity = Severity::Info;
        let outcomes =
            vec![FileOutcome::Linted { source: Source::from_text("dir,1/a:b%.md", TEXT), diagnostics: vec![d, info] }];
        let mut out = Vec::new();
        crate::output::render(&outcomes, crate::output::Format::Github, &zh(), &[], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "one line per diagnostic: {text}");
        assert_eq!(
            lines[0],
            "::warning file=dir%2C1/a%3Ab%25.md,line=2,col=3,endLine=2,endColumn=9,\
             title=GW302 a%2Cb%3Ac::100%25 完成, 见: 附件%0D%0A第二行"
        );
        assert!(lines[1].starts_with("::notice file="));
    }
}
