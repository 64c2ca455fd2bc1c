use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, Form};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};

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
    needs: &[Need::Kind],
    docs: "报告用于向上级汇报工作、反映情况、回复询问，不要求上级答复；夹带的请示事项得不到及时批复。\
本规则检查报告（以及通知、通报、决定、公告、通告、命令、决议、公报）正文中本机关自己提出的请求。\
请求按结构识别，而不是按整句措辞：请求词（恳请、拟请、报请、提请、请求、申请；请、希望、望、盼、建议）\
由本机关说出，对象是上级或不相隶属机关，并请对方给予什么（批准、审定、支持、安排、解决、协调、\
给予倾斜、列入预算……）。\n\n\
- **请求性结语**（“妥否，请批示”“特此报告，请批示”“望批复为盼”）：单独成段或位于全文末段时为错误；\n\
- **正文中的请求**（“请市政府予以支持”“希望市政府给予政策倾斜”“报请市政府审定”“此外，我区某镇……恳请市里协调解决”）：警告。\n\n\
**不算请求**：对下级的要求（“请各单位……”“请你局认真组织实施”）；名词（申请人、请示报告制度）；\
已完成的（经请示市政府同意、已报请）；今后的打算（将向省厅申请）；否定；转述他人的请求（某县来文恳请、\
群众希望）；引号、书名号内的文字；条件性的告知（如需了解，请与……联系）；客套（敬请谅解）；\
供参考的建议（建议进一步加强……）——报告可以提出意见建议（条例第八条（十二）），只有请对方作出\
决定的“建议市政府批准……”才算请求。报告向人民代表大会或其常委会提请审议、审查、批准、确认、任免或公告（如代表法规定，代表资格的终止由本级人大常委会予以公告），是法定程序，不算夹带；向它们要经费、要政策仍算。\
函可以请求批准（条例第八条（十四）），意见可以“如无不妥，请批转”，均不在检查之列；纪要记载会议\
的决定，也不在检查之列。判定依据和 380 多个标注例句见 fixtures/requests/。\
改法：把请求事项另行请示。",
    bad: "……现将有关情况报告如下。另，养护资金缺口800万元，恳请市政府予以安排。\n妥否，请批示。",
    good: "……现将有关情况报告如下。\n特此报告。\n（资金缺口另文《关于追加道路养护资金的请示》报批）",
};

/// Kinds that must not carry a request (TL第十五条（四）“报告等非请示性公文”). A 纪要 records
/// what a meeting decided — `会议同意报请市委审定` is the meeting's decision, not the 纪要
/// asking its readers — so it is not among them.
fn non_request_kind(kind: DocKind) -> bool {
    matches!(
        kind,
        DocKind::报告
            | DocKind::通知
            | DocKind::通报
            | DocKind::决定
            | DocKind::公告
            | DocKind::通告
            | DocKind::命令
            | DocKind::决议
            | DocKind::公报
    )
}

/// What a 人民代表大会 or its 常委会 does on a report by law.
fn is_congress_act(words: &str) -> bool {
    matches!(words, "审议" | "审查" | "审定" | "确认" | "批准" | "决定" | "公告" | "任命" | "免职" | "罢免" | "备案")
}

/// At most `n` characters of `s`, with an ellipsis when cut.
fn excerpt(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

impl Rule for NoRequestInReport {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(kind) = cx.doc.kind().filter(|k| non_request_kind(*k)) else { return };
        let last = cx.doc.body.iter().rposition(|p| p.part == crate::document::Part::Body);
        let text = cx.text();
        let doc = cx.doc;
        let names_congress =
            |s: &str| ["人民代表大会", "人大常委会", "人大", "常务委员会"].iter().any(|w| s.contains(w));
        let to_congress = doc.form == Form::Speech
            || doc.main_recipients.as_ref().is_some_and(|m| names_congress(&m.field.text))
            || doc.preamble.iter().any(|p| names_congress(&p.text))
            || doc.title.as_ref().is_some_and(|t| names_congress(&t.text) && t.text.contains("会议"));
        for r in &cx.doc.requests {
            let grant = r.grant.map(|g| g.text(text));
            // A report to a 人民代表大会 or its 常委会 asks it to do what the law gives it to do —
            // deliberate, examine, approve, decide, appoint, or announce (代表资格终止 is announced
            // by the 常委会 under the 代表法): that is the statutory procedure (监督法, 地方组织法,
            // 代表法), not a request slipped in.
            // `报请…予以公告`: the act is the matter of a light grant word.
            let act_asked = grant.is_some_and(is_congress_act)
                || grant.is_some_and(|g| matches!(g, "予以" | "给予")) && is_congress_act(r.matter.text(text));
            if to_congress && act_asked {
                continue;
            }
            let said = excerpt(r.clause.text(text).trim_end_matches(['。', '；']), 30);
            let f = if r.closing {
                let f = Finding::new(r.clause, format!("{}中夹带了请示性结语“{said}”", kind.zh()))
                    .help("把需要上级批准的事项另行请示；本文以本文种的结语结束")
                    .en(format!("A {} must not carry a request closing such as “{said}”", kind.zh()));
                if r.stands_alone || Some(r.paragraph) == last { f } else { f.severity(Severity::Warning) }
            } else {
                Finding::new(r.clause, format!("{}中夹带了请示事项：“{said}”", kind.zh()))
                    .help("报告不得夹带请示事项：请求批准、解决的事项应另行请示")
                    .severity(Severity::Warning)
                    .en(format!("A {} must not carry a request for approval", kind.zh()))
            };
            out.push(f);
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
    fn a_congress_is_asked_to_do_what_the_law_gives_it() {
        let report = |to: &str, ask: &str| {
            format!(
                "某委员会关于个别代表的代表资格的报告\n{to}：\n某某的代表资格终止。\n{ask}\n以上报告，请予审议。\n某委员会\n2008年6月24日\n"
            )
        };
        let to_congress = report("全国人民代表大会常务委员会", "现报请全国人民代表大会常务委员会予以公告。");
        assert!(codes_in("t.txt", &to_congress, "GW101").is_empty());
        // The same words to a government ask it for something: a request slipped into a report.
        let to_government = report("示例市人民政府", "现报请市人民政府予以公告。");
        assert_eq!(codes_in("t.txt", &to_government, "GW101").len(), 2);
        // A congress asked for money is asked for what a 请示 asks.
        let money = report("示例市人大常委会", "恳请市人大常委会安排专项经费50万元。");
        assert_eq!(codes_in("t.txt", &money, "GW101").len(), 1);
    }

    #[test]
    fn requests_and_letters_may_ask() {
        let text = "示例市教育局关于商请办理用地审批手续的函\n示例市自然资源局：\n恳请贵局予以支持。\n请予函复。\n";
        assert!(codes_in("t.txt", text, "GW101").is_empty());
        let text = "示例市教育局关于申请维修资金的请示\n示例市人民政府：\n恳请市政府予以安排。\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW101").is_empty());
    }
}
