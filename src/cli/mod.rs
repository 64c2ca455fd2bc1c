//! Command-line interface: `check`, `parse`, `rules`, `explain`, `init`, `lsp`, `man`.

mod cache;
mod check;
mod files;
mod man;
mod ordered;
mod parse;
mod rules;
pub mod zh_help;

use clap::{Parser, Subcommand, ValueEnum};
use gwlint::output::{Format, Lang};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "gwlint", version, about = "公文草稿检查工具：行文规则、GB/T 9704 格式、标点与数字、常见用词", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查文件或目录（默认当前目录）；`-` 读标准输入
    Check(CheckArgs),
    /// 显示识别出的公文结构（文种、版头、标题、主送、正文层次、附件、版记……）
    Parse(ParseArgs),
    /// 列出全部规则
    Rules(RulesArgs),
    /// 显示一条规则的说明、依据和示例
    Explain(ExplainArgs),
    /// 在当前目录写一个带注释的 gwlint.toml
    Init(InitArgs),
    /// 在标准输入输出上运行语言服务器（LSP），供编辑器使用
    Lsp,
    /// 写出 man 手册页（gwlint.1 和每个子命令一页，roff 格式）
    Man(ManArgs),
}

#[derive(clap::Args, Debug)]
pub struct ManArgs {
    /// 手册页写入的目录
    #[arg(long, default_value = ".")]
    pub out_dir: PathBuf,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// 要检查的文件或目录；`-` 表示标准输入
    pub paths: Vec<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// 使用指定的配置文件（不再向上查找 gwlint.toml）
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// 只运行这些规则（代码、代码前缀或规则名，逗号分隔）
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// 在默认规则之外再运行这些规则
    #[arg(long, value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// 不运行这些规则
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// 有此级别及以上的问题时退出码为 1
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// 无论发现什么问题，退出码都为 0（读取或配置错误仍为 2）
    #[arg(long)]
    pub exit_zero: bool,
    /// 按规则统计问题数（人类可读格式下代替逐条列表；其他格式写到标准错误）
    #[arg(long)]
    pub statistics: bool,
    /// 提示信息的语言
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: Lang,
    /// 不使用颜色
    #[arg(long)]
    pub no_color: bool,
    /// 只输出问题，不输出汇总
    #[arg(long, short)]
    pub quiet: bool,
    /// 就地应用安全的自动修复
    #[arg(long)]
    pub fix: bool,
    /// 以统一 diff 格式显示修复，不写文件
    #[arg(long)]
    pub diff: bool,
    /// 为每个 .docx 在旁边写一份“原名.gwlint.docx”：每个问题一条 Word 批注，安全修复作为修订（可在 Word/WPS 中接受或拒绝）；原文件不改动
    #[arg(long)]
    pub annotate: bool,
    /// 同时应用不安全的修复（需人工复核）
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// 标准输入的文件名（决定按 Markdown 还是纯文本读取）
    #[arg(long)]
    pub stdin_filename: Option<PathBuf>,
    /// 不读也不写结果缓存（默认：内容、设置和 gwlint 版本都未变的文件沿用上次的结果）
    #[arg(long)]
    pub no_cache: bool,
    /// 结果缓存的目录（默认当前目录下的 .gwlint_cache，或环境变量 GWLINT_CACHE_DIR）
    #[arg(long)]
    pub cache_dir: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// 草稿文件；`-` 表示标准输入
    pub file: PathBuf,
    #[arg(long, value_enum, default_value = "human")]
    pub format: ModelFormat,
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long)]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelFormat {
    Human,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesFormat {
    Human,
    Json,
    /// The rule reference as Markdown, as docs/rules.md holds it.
    Markdown,
}

#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    /// 只列出与此关键词有关的规则（代码、名称、说明、依据中出现），如“序次语”“越级”
    pub query: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: RulesFormat,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// 规则代码或名称（如 GW302、doc-number-format），或关键词（如“序次语”）
    pub rule: String,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// 覆盖已有的 gwlint.toml
    #[arg(long)]
    pub force: bool,
}

/// Exit code, or a message for exit code 2.
/// A number no other call in this process returns: what tells one cache or settings store from
/// another in the threads' memory of the last folder they worked in.
fn instance_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

pub fn run(cli: Cli) -> Result<u8, String> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Rules(args) => rules::list(args),
        Command::Explain(args) => rules::explain(args),
        Command::Init(args) => init(args),
        Command::Lsp => gwlint::lsp::run(),
        Command::Man(args) => man::write(&args.out_dir),
    }
}

fn init(args: InitArgs) -> Result<u8, String> {
    let path = PathBuf::from(gwlint::config::CONFIG_FILE);
    if path.exists() && !args.force {
        return Err(format!("{} 已存在；用 --force 覆盖", path.display()));
    }
    std::fs::write(&path, gwlint::config::STARTER).map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
    println!("已写入 {}", path.display());
    Ok(0)
}
