//! GW606 domain-confusables (off by default): 法制/法治、制定/制订、考察/考查、界限/界线、
//! 度过/渡过、泄露/泄漏. Entries in `lints/wording/confusables.toml` [GW606].

use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use std::sync::LazyLock;

pub struct DomainConfusables;

static META: RuleMeta = RuleMeta {
    code: "GW606",
    name: "domain-confusables",
    summary: "法制/法治、制定/制订、考察/考查、界限/界线、度过/渡过、泄露/泄漏等语境词对（提示核对）",
    category: Category::Wording,
    default_severity: Severity::Info,
    default_enabled: false,
    pack: Pack::National,
    source: "公文易错词汇编（实务）：“制定”重结果、“制订”重过程，公文一般用“制定”；“泄露”用于秘密、信息",
    fix: FixAvailability::None,
    needs: &[],
    docs: "按搭配提示需要结合语境判断的词对，只请人工核对，不提供改法：\n\n\
- “法制政府、法制国家、法制社会、法制思维、法制建设” → 可能应为“法治”；\n\
- “渡过时光、假期、晚年” → “度过”；“度过难关、危机” → “渡过”；\n\
- “泄漏秘密、信息” → “泄露”；“泄露燃气、有毒气体” → “泄漏”；\n\
- “制订法律、法规、政策、制度、办法” → “制定”；\n\
- “考查干部、人选” → “考察”；\n\
- “划清界线” → “界限”；“行政区域界限” → “界线”。\n\n\
这些词对的对错取决于语义，误报风险高，故默认关闭；需要时用 `--select GW606` 或在 gwlint.toml 中 `extend-select = [\"GW606\"]` 开启。\
引号、书名号内的文字不查。词表在 `lints/wording/confusables.toml` 的 [GW606] 部分。",
    bad: "加快建设法制政府。",
    good: "加快建设法治政府。",
};

pub(super) static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::builtin(include_str!("../../../lints/wording/confusables.toml"), "GW606"));

impl Rule for DomainConfusables {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        TABLE.check(cx, &META, Policy { max_fix: FixClass::None }, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn hints_without_fixes() {
        let text = "加快建设法制政府，严禁泄漏国家秘密。\n";
        let d = lint_text("t.txt", text, "GW606");
        assert_eq!(d.iter().map(|d| d.span.text(text)).collect::<Vec<_>>(), ["法制", "泄漏"]);
        assert!(d.iter().all(|d| d.fix.is_none() && d.help.as_deref().is_some_and(|h| h.contains("法治") || h.contains("泄露"))));
    }

    #[test]
    fn off_by_default() {
        let meta = crate::rules::find_rule("GW606").unwrap().meta();
        assert!(!meta.default_enabled);
        let settings = crate::config::Settings::default();
        assert!(settings.effective_severity(meta, &crate::packs::AppliedPacks::national_only()).is_none());
    }

    #[test]
    fn correct_pairs_are_silent() {
        let text = "加快建设法治政府，健全社会主义法制；帮助企业渡过难关，度过美好时光；防止燃气泄漏；制订工作计划；勘定行政区域界线。\n";
        assert!(codes_in("t.txt", text, "GW606").is_empty(), "{:?}", codes_in("t.txt", text, "GW606"));
    }
}
