use super::phrases::{PHRASES, own_hits, said_by_author};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct NoRequestInReport;

static META: RuleMeta = RuleMeta {
    code: "GW101",
    name: "no-request-in-report",
    summary: "报告等非请示性公文不得夹带请示事项",
    category: Category::DocKind,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十五条（四）：“请示应当一文一事。不得在报告等非请示性公文中夹带请示事项。”；《江门市人民政府工作规则》二十七：“请示应当一文一事，报告不得夹带请示事项。”",
    fix: FixAvailability::None,
    docs: "报告用于向上级汇报工作、反映情况、回复询问，不要求上级答复；夹带的请示事项得不到及时批复。\
本规则检查报告（以及通知、通报、纪要、决定、公告、通告、命令）正文中本机关自己说出的请示性语句：\n\n\
- **请求性结语**（“妥否，请批示”“请予批准”“特此请示”）：单独成段或位于全文末段时为错误，出现在段中为警告；\n\
- **请求批准、支持的措辞**（“恳请市政府予以安排”“拟请批准”“申请追加经费”）：位于句首或“我局”等本机关主语之后时为警告。\n\n\
引号内的转述（如报告引用下级来文的“妥否，请批示”）、书名号内的文件名、引用块、印发或转发的附件都不检查；\
“请各单位……”这类指向下级的要求不算请求。函可以请求批准（条例第八条（十四）），不在检查之列。\
改法：把请求事项另行请示。",
    bad: "……现将有关情况报告如下。另，养护资金缺口800万元，恳请市政府予以安排。\n妥否，请批示。",
    good: "……现将有关情况报告如下。\n特此报告。\n（资金缺口另文《关于追加道路养护资金的请示》报批）",
};

/// Kinds that must not carry a request (TL第十五条（四）“报告等非请示性公文”).
fn non_request_kind(kind: DocKind) -> bool {
    matches!(
        kind,
        DocKind::报告
            | DocKind::通知
            | DocKind::通报
            | DocKind::纪要
            | DocKind::决定
            | DocKind::公告
            | DocKind::通告
            | DocKind::命令
            | DocKind::决议
            | DocKind::公报
    )
}

impl Rule for NoRequestInReport {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(kind) = cx.doc.kind().filter(|k| non_request_kind(*k)) else { return };
        let last = cx.doc.last_body_paragraph().map(|p| p.span);
        let closings = own_hits(cx, &PHRASES.request_closings);
        for hit in &closings {
            let closing_line = hit.stands_alone || Some(hit.paragraph.span) == last;
            let text = hit.span.text(cx.text());
            let f = Finding::new(hit.span, format!("{}中夹带了请示性结语“{text}”", kind.zh()))
                .help("把需要上级批准的事项另行请示；本文以本文种的结语结束")
                .en(format!("A {} must not carry a request closing such as “{text}”", kind.zh()));
            out.push(if closing_line { f } else { f.severity(Severity::Warning) });
        }
        let text = cx.text();
        for hit in own_hits(cx, &PHRASES.request_phrases) {
            if closings.iter().any(|c| c.span.overlaps(hit.span)) {
                continue;
            }
            let para = hit.paragraph.span.text(text);
            if !said_by_author(para, hit.span.start - hit.paragraph.span.start) {
                continue;
            }
            let phrase = hit.span.text(text);
            out.push(
                Finding::new(hit.span, format!("{}中夹带了请示事项：“{phrase}”", kind.zh()))
                    .help("报告不得夹带请示事项：请求批准、解决的事项应另行请示")
                    .severity(Severity::Warning)
                    .en(format!("A {} must not carry a request for approval", kind.zh())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const REPORT: &str = "示例市交通运输局关于2024年道路养护工作情况的报告\n示例市人民政府：\n现将有关情况报告如下。\n";

    #[test]
    fn closing_and_request_in_a_report() {
        let text = format!(
            "{REPORT}另，养护资金缺口800万元，恳请市政府予以安排。\n妥否，请批示。\n示例市交通运输局\n2024年12月5日\n"
        );
        let d = lint_text("t.txt", &text, "GW101");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
        assert_eq!(d[1].severity, crate::diagnostic::Severity::Error);
        assert_eq!(d[1].span.text(&text), "妥否，请批示");
    }

    #[test]
    fn quoted_requests_and_downward_asks_are_silent() {
        let text = format!(
            "{REPORT}某县人民政府来文称“妥否，请批示”，我局已答复。某县政府恳请市政府支持，我局正在研究。请各单位予以支持。\n特此报告。\n"
        );
        assert!(codes_in("t.txt", &text, "GW101").is_empty());
    }

    #[test]
    fn requests_and_letters_may_ask() {
        let text = "示例市教育局关于商请办理用地审批手续的函\n示例市自然资源局：\n恳请贵局予以支持。\n请予函复。\n";
        assert!(codes_in("t.txt", text, "GW101").is_empty());
        let text = "示例市教育局关于申请维修资金的请示\n示例市人民政府：\n恳请市政府予以安排。\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW101").is_empty());
    }
}
