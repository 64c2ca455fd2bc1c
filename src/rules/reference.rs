//! The rule reference (`docs/rules.md`), written from the rules' own metadata so that it never
//! drifts from what the rules do: `gwlint rules --format markdown > docs/rules.md`, and a test
//! fails when the file is stale.

use super::{FixAvailability, all_rules};
use std::fmt::Write;

/// The whole reference as Markdown.
pub fn rules_reference_markdown() -> String {
    let mut out = String::new();
    out.push_str("# gwlint 规则参考\n\n");
    out.push_str(
        "本文由各规则自带的元数据生成（`gwlint rules --format markdown > docs/rules.md`），与程序一致；\
         请勿手工编辑。`gwlint explain 代码` 在终端显示同样的内容。\n\n\
         规则包：`national`（全国性规定）始终适用；地方规则包（`guangdong`、`jiangmen`）按发文机关所在地自动适用，\
         或由 gwlint.toml 的 `rule-packs` 指定。\n\n",
    );
    out.push_str("| 代码 | 名称 | 类别 | 默认级别 | 规则包 | 修复 | 说明 |\n|---|---|---|---|---|---|---|\n");
    for rule in all_rules() {
        let m = rule.meta();
        let level = if m.default_enabled { m.default_severity.zh() } else { "默认关闭" };
        let _ = writeln!(
            out,
            "| [{code}](#{anchor}) | `{name}` | {category} | {level} | {pack} | {fix} | {summary} |",
            code = m.code,
            anchor = m.code.to_lowercase(),
            name = m.name,
            category = m.category.zh(),
            pack = m.pack.as_str(),
            fix = fix_word(m.fix),
            summary = m.summary.replace('|', "\\|"),
        );
    }
    for rule in all_rules() {
        let m = rule.meta();
        let _ = write!(
            out,
            "\n## {code}\n\n**`{name}`** — {summary}\n\n类别：{category}　默认级别：{level}　规则包：{pack}　修复：{fix}\n\n\
             ### 依据\n\n{source}\n\n### 说明\n\n{docs}\n\n### 反例\n\n```text\n{bad}\n```\n\n### 正例\n\n```text\n{good}\n```\n",
            code = m.code,
            name = m.name,
            summary = m.summary,
            category = m.category.zh(),
            level = if m.default_enabled { m.default_severity.zh() } else { "默认关闭" },
            pack = m.pack.as_str(),
            fix = fix_word(m.fix),
            source = m.source,
            docs = m.docs,
            bad = m.bad,
            good = m.good,
        );
    }
    out
}

fn fix_word(fix: FixAvailability) -> &'static str {
    match fix {
        FixAvailability::Always => "可自动修复",
        FixAvailability::Sometimes => "部分可自动修复",
        FixAvailability::None => "不自动修复",
    }
}
