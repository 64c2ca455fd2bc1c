//! GW604 standard-forms: 其他、账、交代、反映、通信. Entries in `lints/wording/standard-forms.toml`.

use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use std::sync::LazyLock;

pub struct StandardForms;

static META: RuleMeta = RuleMeta {
    code: "GW604",
    name: "standard-forms",
    summary: "公文规范写法：其他、账、交代、反映、通信",
    category: Category::Wording,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "公文易错词汇编与写作实务：公文统一用“其他”；“账”用于钱物出入的记载；公文中一般用“交代”，不用“交待”（实务）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "公文习用的规范写法：\n\n\
- “其它” → “其他”（公文统一用“其他”）。“其它”是《现代汉语词典》收录的规范词形，统一用“其他”是编辑惯例，\
故只作提示；替换是确定的，`--fix` 直接修改；\n\
- “帐户、帐目、台帐、记帐、对帐……” → “账”（“帐”只用于帐篷、蚊帐）；\n\
- “交待” → “交代”（“外交待遇”“提交待审议”“移交待办”等不是“交待”，不报）；\n\
- “反应情况、问题、意见、诉求”“如实反应” → “反映”（“不良反应”“化学反应”“应急反应”不报）；\n\
- “通讯畅通、通讯保障、通讯网络、通讯基站……” → “通信”（“通讯员”“通讯录”“新闻通讯”正确）。\
《现代汉语词典》里“通讯”也有“利用电讯设备传递消息”一义，已发布的法律法规两种写法都有，多数写“通信”：\
这是科技名词规范和公文习惯，不是对错，只作提示。\n\n\
除“其它”外，改法只作建议（需 `--unsafe-fixes`）。引号、书名号内的文字不查。词表在 `lints/wording/standard-forms.toml`。",
    bad: "其它事项另行通知；请建立工作台帐。",
    good: "其他事项另行通知；请建立工作台账。",
};

pub(super) static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::builtin(include_str!("../../../lints/wording/standard-forms.toml"), "GW604"));

impl Rule for StandardForms {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        TABLE.check(cx, &META, Policy { max_fix: FixClass::Safe }, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn catalogue_example() {
        let text = "其它事项另行通知；请建立工作台帐。\n";
        let d = lint_text("t.txt", text, "GW604");
        let got: Vec<_> = d.iter().map(|d| (d.span.text(text), d.fix.as_ref().unwrap().applicability)).collect();
        assert_eq!(got, [("其它", Applicability::Safe), ("帐", Applicability::Unsafe)]);
        // 其它 is a standard form in the dictionaries; 其他 is an editorial convention.
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
        assert_eq!(d[1].severity, crate::diagnostic::Severity::Warning);
    }

    #[test]
    fn only_qita_is_fixed_automatically() {
        assert_fixed("其它事项另行通知；请建立工作台帐。\n", "GW604", "其他事项另行通知；请建立工作台帐。\n");
    }

    #[test]
    fn near_misses_are_silent() {
        let text = "搭建救灾帐篷，发放蚊帐；享受外交待遇，提交待审议事项；药品不良反应问题；更新通讯录，通讯员按时报送稿件。\n";
        assert!(codes_in("t.txt", text, "GW604").is_empty(), "{:?}", codes_in("t.txt", text, "GW604"));
    }
}
