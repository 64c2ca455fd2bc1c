//! GW602 zuochu: 作出决定、部署、贡献 (not 做出). Entries in `lints/wording/confusables.toml` [GW602].

use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use std::sync::LazyLock;

pub struct Zuochu;

static META: RuleMeta = RuleMeta {
    code: "GW602",
    name: "zuochu",
    summary: "“作出决定、部署、贡献”等抽象宾语前用“作出”，不写“做出”",
    category: Category::Wording,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "公文易错词汇编（《现代汉语词典》：“作出”多带抽象宾语）；《江门市人民政府工作规则》用例“作出江门新的更大贡献”“已作出明确规定”（实务）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "“做出”后紧跟（或隔着“了”“新的”“更大”“明确”等少量修饰语跟着）决定、决策、部署、安排、规定、贡献、努力、\
承诺、批示、指示、答复、解释、说明、判断、评价、调整、处理、处分、处罚、结论、回应等抽象宾语时，提示改为“作出”。\n\n\
具体产物（“做出样品”）、“做出色”“做出成效”等不在表内，不报。规范本身有宽严分歧，故只作提示，改法需 `--unsafe-fixes`。\
引号、书名号内的文字不查。词表在 `lints/wording/confusables.toml` 的 [GW602] 部分。",
    bad: "市政府做出部署，要求各地加快推进项目建设。",
    good: "市政府作出部署，要求各地加快推进项目建设。",
};

pub(super) static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::builtin(include_str!("../../../lints/wording/confusables.toml"), "GW602"));

impl Rule for Zuochu {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        TABLE.check(cx, &META, Policy { max_fix: FixClass::Unsafe }, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn zuochu_before_abstract_objects() {
        assert_eq!(codes_in("t.txt", "市政府做出部署。\n", "GW602"), ["GW602:做出"]);
        assert_eq!(codes_in("t.txt", "为全市发展做出了新的更大贡献。\n", "GW602"), ["GW602:做出"]);
        assert_eq!(codes_in("t.txt", "对此做出明确规定。\n", "GW602"), ["GW602:做出"]);
        let d = lint_text("t.txt", "市政府做出决定。\n", "GW602");
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "作出");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
    }

    #[test]
    fn concrete_objects_and_other_words_are_silent() {
        let text = "市政府作出部署。车间做出样品，把工作做出色，要做出成效来，叫做出发点。\n";
        assert!(codes_in("t.txt", text, "GW602").is_empty());
    }
}
