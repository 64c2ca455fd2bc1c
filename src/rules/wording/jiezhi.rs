//! GW601 jiezhi-vs-jiezhi: 截至 / 截止. Entries in `lints/wording/confusables.toml` [GW601].

use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use std::sync::LazyLock;

pub struct JiezhiVsJiezhi;

static META: RuleMeta = RuleMeta {
    code: "GW601",
    name: "jiezhi-vs-jiezhi",
    summary: "“截至”带时间宾语，“截止”表示到期停止，不混用",
    category: Category::Wording,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "公文易错词汇编（依《现代汉语词典》释义）：截止＝到一定期限停止，不带时间宾语；截至＝截止到某个时候，带时间宾语（实务）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查“截至”“截止”的混用：\n\n\
1. “截止”后直接跟时间（“截止2024年6月底”“截止目前”）——表示“到某时为止”应写“截至”或“截止到”；\n\
2. “截至”后没有时间宾语（“于6月30日截至。”“截至日期”）——表示到期停止应写“截止”；\n\
3. “截至到”——“至”已是“到”，写“截至”或“截止到”。\n\n\
“截止到”“截止于”“截止日期”“截至日前”等正确用法不报。引号、书名号内的文字不查。\
改法只作建议（需 `--unsafe-fixes`）：例如“申报截止6月30日”的本意可能是“申报截止时间为6月30日”，须人工选择。\n\n\
词表在 `lints/wording/confusables.toml` 的 [GW601] 部分。",
    bad: "截止2024年6月底，全市已完成投资12亿元；报名于6月30日截至。",
    good: "截至2024年6月底，全市已完成投资12亿元；报名于6月30日截止。",
};

pub(super) static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::builtin(include_str!("../../../lints/wording/confusables.toml"), "GW601"));

impl Rule for JiezhiVsJiezhi {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        TABLE.check(cx, &META, Policy { max_fix: FixClass::Unsafe }, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn jiezhi_with_a_time_object() {
        let text = "截止2024年6月底，全市已完成投资12亿元。\n";
        let d = lint_text("t.txt", text, "GW601");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.text(text), "截止");
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.edits[0].replacement, "截至");
    }

    #[test]
    fn jiezhi_without_a_time_object() {
        assert_eq!(codes_in("t.txt", "报名于6月30日截至。\n", "GW601"), ["GW601:截至"]);
        assert_eq!(codes_in("t.txt", "截至日期为6月30日。\n", "GW601"), ["GW601:截至"]);
        assert_eq!(codes_in("t.txt", "截至到目前，已完成80%。\n", "GW601"), ["GW601:截至到"]);
    }

    #[test]
    fn correct_uses_are_silent() {
        let text = "截至目前，已完成80%。报名于6月30日截止，截止到6月30日，截止日期为6月30日，截止时间另行通知。截至日前已有120人报名。\n";
        assert!(codes_in("t.txt", text, "GW601").is_empty());
    }

    #[test]
    fn quoted_text_is_not_checked() {
        assert!(codes_in("t.txt", "来文称“截止2024年6月底已完成”，现予转发。\n", "GW601").is_empty());
    }
}
