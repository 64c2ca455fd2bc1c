use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct UnusedSuppression;

static META: RuleMeta = RuleMeta {
    code: "GW001",
    name: "unused-suppression",
    summary: "抑制指令未抑制任何问题",
    category: Category::Meta,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "gwlint 约定：过时的抑制指令会掩盖今后出现的真问题",
    fix: FixAvailability::None,
    needs: &[],
    docs: "`gwlint-disable`、`gwlint-disable-next-line`、`gwlint-disable-file` 指令所针对的规则在该范围内没有报告任何问题时报告。\
这类指令多是修改草稿后遗留下来的，留着它会让今后在同一位置出现的真问题被悄悄放过。\n\n\
本规则由引擎在应用抑制指令之后检查，不读取正文。",
    bad: "<!-- gwlint-disable-next-line GW302 -->\n江府〔2023〕20号",
    good: "江府〔2023〕20号",
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Reported by the engine's suppression pass (`engine::UNUSED_SUPPRESSION`), which alone
    /// knows which directives were used.
    fn check(&self, _cx: &Context, _out: &mut Vec<Finding>) {}
}
