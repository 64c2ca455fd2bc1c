//! clap writes its help and usage errors with English labels (`Usage:`, `Options:`, `Print help`).
//! The words are few and fixed; this module renders clap's output in Chinese so that `--help`
//! and a mistyped option read the same as everything else gwlint says.

/// Labels and phrases of clap's output, and how they read in Chinese. Longer phrases first, so a
/// phrase is replaced before a label inside it.
const PHRASES: &[(&str, &str)] = &[
    ("Print this message or the help of the given subcommand(s)", "显示本帮助，或某个命令的帮助"),
    ("For more information, try", "更多信息请运行"),
    ("Print help (see more with '--help')", "显示帮助（用 '--help' 看完整说明）"),
    ("Print help (see a summary with '-h')", "显示帮助（用 '-h' 看简要说明）"),
    ("Print help", "显示帮助"),
    ("Print version", "显示版本"),
    ("unexpected argument", "无法识别的参数"),
    ("invalid value", "无效的值"),
    ("' for '", "'，用于 '"),
    ("a value is required for", "缺少值："),
    ("the following required arguments were not provided", "缺少必需的参数"),
    ("unrecognized subcommand", "无法识别的命令"),
    ("tip: a similar argument exists:", "提示：有相近的参数："),
    ("tip: a similar subcommand exists:", "提示：有相近的命令："),
    ("tip: to pass", "提示：要把"),
    ("' as a value, use '", "' 作为值传入，请写 '"),
    ("' found", "'"),
    ("'--help'.", "'--help'。"),
    ("[possible values: ", "［可选值："),
    ("[possible values:", "［可选值："),
    ("possible values: ", "可选值："),
    ("[default: ", "［默认："),
    ("[default:", "［默认："),
    ("[aliases: ", "［别名："),
    ("Usage: ", "用法："),
    ("Usage:", "用法："),
    ("Commands:", "命令："),
    ("Arguments:", "参数："),
    ("Options:", "选项："),
    ("error: ", "错误："),
];

/// `text` (clap's help, version or error output) with its English labels in Chinese.
/// clap's English labels in Chinese, and nothing else changed (for the man pages, whose
/// brackets are roff's).
pub fn translate_phrases(text: &str) -> String {
    let mut out = text.to_string();
    for (english, chinese) in PHRASES {
        out = out.replace(english, chinese);
    }
    out
}

pub fn translate(text: &str) -> String {
    let out = translate_phrases(text);
    // The brackets opened as ［ close as ］.
    let mut result = String::with_capacity(out.len());
    let mut open = 0usize;
    for c in out.chars() {
        match c {
            '［' => {
                open += 1;
                result.push(c);
            }
            ']' if open > 0 => {
                open -= 1;
                result.push('］');
            }
            _ => result.push(c),
        }
    }
    result
}

// Tested end to end in tests/cli.rs (`help_and_usage_errors_are_chinese`): the binary's own
// unit tests are not built (Cargo.toml, `test = false`).
