//! `gwlint man`: manual pages from the command-line definition itself (clap_mangen), so they
//! can never disagree with `--help`: `gwlint.1` with what the command as a whole does, its exit
//! codes, files and examples, and one `gwlint-<子命令>.1` per subcommand. `docs/man/` holds the
//! generated pages; a test fails when they are stale.

use super::Cli;
use clap::CommandFactory;
use std::path::Path;

/// What `--help` cannot say: exit codes, the files gwlint reads, examples, where to read more.
const EXTRA: &str = r#".SH "EXIT STATUS"
.TP
.B 0
没有达到 \fB\-\-fail\-on\fR 级别（默认 warning）的问题。
.TP
.B 1
有达到该级别的问题。
.TP
.B 2
用法错误、配置错误，或有文件无法读取（其余文件照常检查；没读到的文件绝不当作“未发现问题”）。
.SH FILES
.TP
.I gwlint.toml
从被检查文件所在目录向上查找的配置文件：本单位名称和层级、地方规则包、规则开关和级别、专名词表、工作日历。\fBgwlint init\fR 生成带注释的样例。
.TP
.I .gwlintignore
与 .gitignore 写法相同，列出检查目录时跳过的文件。
.SH EXAMPLES
.TP
.B gwlint check 草稿.docx
检查一份 Word 草稿，列出问题、依据和改法。
.TP
.B gwlint check \-\-annotate 草稿.docx
在原文件旁写 草稿.gwlint.docx：每个问题一条批注，安全修复作为修订。
.TP
.B gwlint check \-\-fix .
就地应用当前目录下所有草稿的安全修复（保持编码和换行符）。
.TP
.B gwlint check \-\-format sarif . > gwlint.sarif
为代码扫描平台输出 SARIF。
.TP
.B gwlint explain GW302
显示一条规则的要求、依据、反例和正例。
.SH "SEE ALSO"
docs/user-guide.md（给文秘的使用指南），docs/rules.md（全部规则），docs/contract.md（命令行和 JSON 输出约定），dist/gwlint.html（离线网页版）。
"#;

pub fn write(dir: &Path) -> Result<u8, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("无法创建目录 {}：{e}", dir.display()))?;
    for (name, page) in pages() {
        let path = dir.join(&name);
        std::fs::write(&path, page).map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(0)
}

/// Every page, as (file name, roff).
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let version = env!("CARGO_PKG_VERSION");
    let cli = Cli::command().version(version);
    let mut pages = Vec::new();
    let mut main = Vec::new();
    let man = clap_mangen::Man::new(cli.clone()).manual("gwlint 手册").source(format!("gwlint {version}"));
    man.render(&mut main).expect("writing to memory");
    main.extend_from_slice(EXTRA.as_bytes());
    pages.push(("gwlint.1".to_string(), main));
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("gwlint-{}", sub.get_name());
        let mut page = Vec::new();
        let sub = sub.clone().name(name.clone()).bin_name(format!("gwlint {}", sub.get_name())).version(version);
        clap_mangen::Man::new(sub)
            .manual("gwlint 手册")
            .source(format!("gwlint {version}"))
            .render(&mut page)
            .expect("writing to memory");
        pages.push((format!("{name}.1"), page));
    }
    pages
        .into_iter()
        .map(|(name, page)| {
            // clap's labels in Chinese; roff keeps its ASCII brackets.
            let page = super::zh_help::translate_phrases(&String::from_utf8_lossy(&page))
                .replace("［默认：", "[默认：")
                .replace("Possible values:", "可选值：");
            (name, page.into_bytes())
        })
        .collect()
}
