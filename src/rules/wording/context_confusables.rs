//! GW603 context-confusables: 必须/必需、以至/以致、启用/起用. Entries in
//! `lints/wording/confusables.toml` [GW603].

use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use std::sync::LazyLock;

pub struct ContextConfusables;

static META: RuleMeta = RuleMeta {
    code: "GW603",
    name: "context-confusables",
    summary: "必须/必需、以至/以致、启用/起用按语境区分",
    category: Category::Wording,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "公文易错词汇编（实务）：“必须”是副词，用在动词前；“必需”指不可缺少；“以致”多引出不好的结果；“启用”用于开始使用，“起用”用于人员",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "按搭配提示容易混用的词：\n\n\
- “必需”后紧跟“加强、坚持、严格、按照、确保、落实”等动词或副词 → “必须”；“必须品”“所必须的” → “必需”；\n\
- “以至（于）”后紧跟“造成、导致、出现、发生、延误、影响、损失”等不好的结果 → “以致”；\n\
- “起用”后跟印章、系统、平台、设施等物 → “启用”；“自5月1日起用。”→“自5月1日起启用。”；\
“启用”后跟干部、人才 → “起用”。\n\n\
只查词表中的搭配，不做词性分析：词表外的动词（“必需开展”之类）不报。\
“自6月1日起用新印章”可读作“自……起，用新印章”，不报。“以至”表示程度、范围延伸（“从市到县以至乡镇”）不报。\
只作提示，改法需 `--unsafe-fixes`；引号、书名号内的文字不查。词表在 `lints/wording/confusables.toml` 的 [GW603] 部分。",
    bad: "各单位必需加强值班值守；新印章自5月1日起用。",
    good: "各单位必须加强值班值守；新印章自5月1日起启用。",
};

pub(super) static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::builtin(include_str!("../../../lints/wording/confusables.toml"), "GW603"));

impl Rule for ContextConfusables {
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
    fn catalogue_example() {
        let text = "各单位必需加强值班值守；新印章自5月1日起用。\n";
        let d = lint_text("t.txt", text, "GW603");
        let got: Vec<_> =
            d.iter().map(|d| (d.span.text(text), d.fix.as_ref().unwrap().edits[0].replacement.as_str())).collect();
        assert_eq!(got, [("必需", "必须"), ("起用", "起启用")]);
    }

    #[test]
    fn other_pairs() {
        assert_eq!(codes_in("t.txt", "整改不力，以至造成损失。\n", "GW603"), ["GW603:以至"]);
        assert_eq!(codes_in("t.txt", "整改不力，以至于造成损失。\n", "GW603"), ["GW603:以至于"]);
        assert_eq!(codes_in("t.txt", "保障生活必须品供应。\n", "GW603"), ["GW603:必须"]);
        assert_eq!(codes_in("t.txt", "要大胆启用年轻干部。\n", "GW603"), ["GW603:启用"]);
        assert_eq!(codes_in("t.txt", "机关将起用新印章。\n", "GW603"), ["GW603:起用"]);
    }

    #[test]
    fn correct_uses_are_silent() {
        let text = "各单位必须加强值班值守，保障生活必需品供应，提供所必需的条件，明确所必须遵守的规定。\
从市到县以至乡镇都要落实。大胆起用年轻干部，启用人才数据库，自6月1日起用新印章，新印章自5月1日起启用。\n";
        assert!(codes_in("t.txt", text, "GW603").is_empty(), "{:?}", codes_in("t.txt", text, "GW603"));
    }
}
