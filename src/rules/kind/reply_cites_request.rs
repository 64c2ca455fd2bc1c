use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};

pub struct ReplyCitesRequest;

static META: RuleMeta = RuleMeta {
    code: "GW106",
    name: "reply-cites-request",
    summary: "批复、复函开头引述来文标题和发文字号",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第八条（十二）：“批复。适用于答复下级机关请示事项。”；实务：批复开头引述“你X《关于……的请示》（X〔年〕X号）收悉”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "批复、复函答复的是具体的来文，开头应引述来文的标题和发文字号，写明“收悉”，使收文机关知道答复的是哪件事。\
本规则检查批复和标题含“复函”的函：正文前两段没有“收悉”时报告。来文没有文号的，只引标题也可以。这是实务惯例，报告为警告。",
    bad: "经研究，同意你县调整城区规划。",
    good: "你县《关于调整城区规划的请示》（示县府〔2024〕12号）收悉。经研究，批复如下：……",
};

impl Rule for ReplyCitesRequest {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let is_reply_letter =
            doc.kind() == Some(DocKind::函) && doc.title.as_ref().is_some_and(|t| t.text.contains("复函"));
        if doc.kind() != Some(DocKind::批复) && !is_reply_letter {
            return;
        }
        let text = cx.text();
        let first_two: Vec<_> = doc.body_paragraphs().take(2).collect();
        let Some(first) = first_two.first() else { return };
        if first_two.iter().any(|p| p.span.text(text).contains("收悉")) {
            return;
        }
        out.push(
            Finding::new(first.span, format!("{}开头未引述来文", if is_reply_letter { "复函" } else { "批复" }))
                .help("开头写明“你X《关于……的请示》（X〔年〕X号）收悉”")
                .en("A reply should open by citing the title and number of the request it answers"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn reply_without_citation() {
        let d = lint_text(
            "t.txt",
            "示例市人民政府关于同意示例县调整城区规划的批复\n示例县人民政府：\n经研究，同意你县调整城区规划。\n此复。\n",
            "GW106",
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn reply_with_citation_is_silent() {
        let text = "示例市人民政府关于同意示例县调整城区规划的批复\n示例县人民政府：\n你县《关于调整城区规划的请示》（示县府〔2024〕12号）收悉。经研究，批复如下：\n同意调整。\n此复。\n";
        assert!(codes_in("t.txt", text, "GW106").is_empty());
    }
}
