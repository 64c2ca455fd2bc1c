use super::common::{own_matches, says_anywhere};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Direction, DocKind};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ConsultAndCountersign;

static META: RuleMeta = RuleMeta {
    code: "GW210",
    name: "consult-and-countersign",
    summary: "涉及他部门职权须协商会签；有分歧须列明各方理据并提出办理建议",
    category: Category::Routing,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十九条（六）：“公文涉及其他地区或者部门职权范围内的事项，起草单位必须征求相关地区或者部门意见，力求达成一致。”；《江门市人民政府工作规则》二十九：“协商后仍不能取得一致意见的，主办部门应当列明各方意见及理据，提出办理建议。”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "请示或下行文安排其他部门承担工作（“由市住建局牵头、市自然资源局配合”）时，起草单位应事先征求这些部门的意见，\
并在文中说明（“已征求……意见”“经与……协商一致”“会签”）。本规则：\n\n\
- 正文安排他部门“牵头、配合、会同”而没有协商说明：提示；\n\
- 写到“分歧”“不同意见”“未能达成一致”，却没有写各方理由和办理建议：警告。\n\n\
纪要本身就是协调结果，不检查。",
    bad: "拟由市住建局牵头、市自然资源局和市城管局配合开展整治。妥否，请批示。",
    good: "……已书面征求市自然资源局、市城管局意见，两单位均无不同意见。妥否，请批示。",
};

/// An arrangement that gives other departments work: “由市住建局牵头、市城管局配合”.
static OTHER_DEPARTMENTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}{1,10}(局|委|办|厅|中心)[^。；]{0,6}(牵头|配合)").expect("valid"));
static CONSULTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"征求[^。]{0,30}意见|(协商|商议)一致|经(与|同)[^。]{0,20}(协商|商议|沟通)|会签|联合(报|行文|上报)|无不同意见|意见一致|达成一致").expect("valid")
});
static DISAGREEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"分歧|不同意见|未能达成一致|意见不一致").expect("valid"));
static REASONED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"理由|理据|依据|原因").expect("valid"));
static PROPOSAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"建议|拟").expect("valid"));

impl Rule for ConsultAndCountersign {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let relevant = doc.kind() == Some(DocKind::请示)
            || (doc.direction() == Some(Direction::Down) && doc.kind() != Some(DocKind::纪要));
        if !relevant || doc.kind() == Some(DocKind::纪要) {
            return;
        }
        let sender = doc.parties.sender.as_ref().map(|s| s.name.clone()).unwrap_or_default();
        let text = cx.text();
        let others: Vec<_> = own_matches(cx, &OTHER_DEPARTMENTS)
            .into_iter()
            .filter(|s| {
                let t = s.text(text);
                sender.is_empty()
                    || !t.contains(
                        sender
                            .trim_start_matches(|c: char| c != '市' && c != '县' && c != '区')
                            .trim_start_matches(['市', '县', '区']),
                    )
            })
            .collect();
        // “无不同意见” is agreement: a match right after 无/没有 does not count.
        let disagreements: Vec<_> = own_matches(cx, &DISAGREEMENT)
            .into_iter()
            .filter(|s| {
                let before = &text[..s.start];
                !(before.ends_with('无') || before.ends_with("没有"))
            })
            .collect();
        if let Some(at) = disagreements.first() {
            let reasoned = says_anywhere(cx, &REASONED) && says_anywhere(cx, &PROPOSAL);
            if !reasoned {
                out.push(
                    Finding::new(*at, "有不同意见时，应当列明各方意见及理据，并提出办理建议")
                        .help("分别写明各方意见和理由，再写“建议……”")
                        .severity(Severity::Warning)
                        .source("《江门市人民政府工作规则》二十九"),
                );
            }
            return;
        }
        if !others.is_empty() && doc.kind() == Some(DocKind::请示) && !says_anywhere(cx, &CONSULTED) {
            out.push(
                Finding::new(others[0], "正文安排了其他部门的工作，但未说明是否已征求其意见")
                    .help("写明“已征求……意见，……无不同意见”或“经与……协商一致”；必要时会签或联合报批"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn other_departments_without_consultation() {
        let text = "示例市住房和城乡建设局关于开展违建整治的请示\n示例市人民政府：\n拟由市住建局牵头、市自然资源局和市城管局配合开展整治。\n妥否，请批示。\n";
        assert_eq!(lint_text("t.txt", text, "GW210").len(), 1);
    }

    #[test]
    fn consulted_or_unreasoned_disagreement() {
        let text = "示例市住房和城乡建设局关于开展违建整治的请示\n示例市人民政府：\n拟由市住建局牵头、市城管局配合开展整治。已书面征求市城管局意见，该局无不同意见。\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW210").is_empty());
        let text = "示例市住房和城乡建设局关于开展违建整治的请示\n示例市人民政府：\n我局与市城管局在执法主体上存在分歧。\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW210");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
    }
}
