use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct InvalidFrontMatter;

static META: RuleMeta = RuleMeta {
    code: "GW003",
    name: "invalid-front-matter",
    summary: "前置元数据无法读取或含未知的键",
    category: Category::Meta,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "gwlint 约定：前置元数据中的键为“文种、发文机关、主送、抄送、签发人、成文日期、密级”等中文键",
    fix: FixAvailability::None,
    needs: &[],
    docs: "草稿开头 `---` 之间的前置元数据用来说明正文里没有写明的事实（文种、发文机关、行文方向、经政府同意等）。\
写错的键或读不懂的行会被忽略，依赖它们的规则就会按猜测而不是按声明来检查，因此逐条报告。",
    bad: "---\n文中: 请示\n---",
    good: "---\n文种: 请示\n---",
};

impl Rule for InvalidFrontMatter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(fm) = &cx.doc.front_matter else { return };
        for (span, problem) in &fm.problems {
            out.push(
                Finding::new(*span, format!("前置元数据：{problem}")).help("按“键: 值”书写，键用 gwlint 认识的中文键"),
            );
        }
    }
}
