//! `gwlint rules` and `gwlint explain`.

use super::{ExplainArgs, RulesArgs, RulesFormat};
use gwlint::rules::{FixAvailability, Rule, all_rules, find_rule, search_rules};

pub fn list(args: RulesArgs) -> Result<u8, String> {
    let rules: Vec<&'static dyn Rule> = match args.query.as_deref() {
        Some(query) => search_rules(query),
        None => all_rules().to_vec(),
    };
    if rules.is_empty() {
        return Err(format!("没有与“{}”有关的规则；用 gwlint rules 查看全部规则", args.query.unwrap_or_default()));
    }
    let metas: Vec<_> = rules.iter().map(|r| r.meta()).collect();
    match args.format {
        RulesFormat::Markdown => print!("{}", gwlint::rules::reference::rules_reference_markdown()),
        RulesFormat::Json => {
            let rows: Vec<serde_json::Value> = metas
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "code": m.code, "name": m.name, "summary": m.summary, "category": m.category.zh(),
                        "default_severity": m.default_severity, "default_enabled": m.default_enabled,
                        "pack": m.pack, "fixable": m.fix, "source": m.source,
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
        }
        RulesFormat::Human => {
            let pad = |s: &str, w: usize| {
                format!("{s}{}", " ".repeat(w.saturating_sub(unicode_width::UnicodeWidthStr::width(s))))
            };
            println!(
                "{}{}{}{}{}{}说明",
                pad("代码", 7),
                pad("名称", 34),
                pad("类别", 12),
                pad("默认级别", 10),
                pad("规则包", 11),
                pad("修复", 8)
            );
            for m in metas {
                let fix = match m.fix {
                    FixAvailability::Always => "可修复",
                    FixAvailability::Sometimes => "部分",
                    FixAvailability::None => "—",
                };
                let level = if m.default_enabled { m.default_severity.zh() } else { "默认关闭" };
                println!(
                    "{}{}{}{}{}{}{}",
                    pad(m.code, 7),
                    pad(m.name, 34),
                    pad(m.category.zh(), 12),
                    pad(level, 10),
                    pad(m.pack.as_str(), 11),
                    pad(fix, 8),
                    m.summary
                );
            }
            println!(
                "\nnational 规则包始终适用；地方规则包（guangdong、jiangmen）按发文机关所在地自动适用。\
                 gwlint.toml 写明 rule-packs 时只用其中列出的规则包。用 gwlint parse 查看某份草稿适用哪些规则包。"
            );
        }
    }
    Ok(0)
}

pub fn explain(args: ExplainArgs) -> Result<u8, String> {
    // A code or a name first; otherwise a keyword (序次语, 越级) that one rule or several mention.
    let rule = match find_rule(&args.rule) {
        Some(rule) => rule,
        None => match search_rules(&args.rule).as_slice() {
            [] => return Err(format!("没有与“{}”有关的规则；用 gwlint rules 查看全部规则", args.rule)),
            [only] => *only,
            several => {
                println!("与“{}”有关的规则有 {} 条，用 gwlint explain 代码 查看其中一条：\n", args.rule, several.len());
                for rule in several {
                    println!("  {}  {:<34}{}", rule.meta().code, rule.meta().name, rule.meta().summary);
                }
                return Ok(0);
            }
        },
    };
    let m = rule.meta();
    let fix = match m.fix {
        FixAvailability::Always => "总能自动修复（`--fix`）",
        FixAvailability::Sometimes => "部分情形可自动修复；其余只给建议",
        FixAvailability::None => "不自动修复",
    };
    println!("# {} {}：{}\n", m.code, m.name, m.summary);
    println!(
        "类别：{}　默认级别：{}{}　规则包：{}　修复：{}\n",
        m.category.zh(),
        m.default_severity.zh(),
        if m.default_enabled { "" } else { "（默认关闭）" },
        m.pack.as_str(),
        fix
    );
    println!("## 依据\n\n{}\n", m.source);
    println!("## 说明\n\n{}\n", m.docs);
    println!("## 反例\n\n```\n{}\n```\n", m.bad);
    println!("## 正例\n\n```\n{}\n```", m.good);
    Ok(0)
}
