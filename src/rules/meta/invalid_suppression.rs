use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct InvalidSuppression;

static META: RuleMeta = RuleMeta {
    code: "GW002",
    name: "invalid-suppression",
    summary: "抑制指令写错：规则不存在或 enable 无对应的 disable",
    category: Category::Meta,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "gwlint 约定：写错的抑制指令不会生效",
    fix: FixAvailability::None,
    needs: &[],
    docs: "抑制指令中写了不存在的规则代码或名称，或者 `gwlint-enable` 前面没有对应的 `gwlint-disable`。\
写错的指令不会抑制任何问题，起草人却以为已经处理过了。",
    bad: "<!-- gwlint-disable GW9999 -->",
    good: "<!-- gwlint-disable GW401 -->",
};

impl Rule for InvalidSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Reported by the engine's suppression pass (`engine::INVALID_SUPPRESSION`).
    fn check(&self, _cx: &Context, _out: &mut Vec<Finding>) {}
}
