//! `--format concise`: `path:line:col: CODE [severity] message`, one line per diagnostic
//! (character columns; severity 错误/警告/提示 in Chinese, error/warning/info in English), and
//! `path: io-error message` for a file that could not be read. Line breaks inside a message
//! are shown as spaces so each diagnostic stays on one line.

use super::{Item, OutputOptions, message, severity_name};
use std::io::{self, Write};

fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

pub(super) fn item(item: &Item<'_>, opts: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    {
        match item {
            Item::Linted { path, diagnostics, .. } => {
                for x in diagnostics {
                    let (d, pos) = (x.d, x.at);
                    writeln!(
                        out,
                        "{}:{}:{}: {} [{}] {}",
                        path,
                        pos.start.line,
                        pos.start.column,
                        d.code,
                        severity_name(d.severity, opts.lang),
                        one_line(message(d, opts.lang)),
                    )?;
                }
            }
            Item::Failed { path, code, message } => writeln!(out, "{}: {} {}", path, code.as_str(), one_line(message))?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Format, Lang, OutputOptions};

    #[test]
    fn chinese_lines() {
        let text = render_to_string(Format::Concise, &zh());
        assert_eq!(
            text,
            "草稿/损坏 文件.txt: decode-error 不是文本文件（含 NUL 字节或控制字符）\n\
             草稿/请示.md:2:3: GW302 [错误] 发文字号的年份应使用六角括号〔〕\n"
        );
    }

    #[test]
    fn english_lines() {
        let text = render_to_string(
            Format::Concise,
            &OutputOptions { lang: Lang::En, color: false, summary: true, statistics: false },
        );
        assert!(text.contains("草稿/请示.md:2:3: GW302 [error] The year in a document number takes 〔〕 brackets\n"));
    }
}
