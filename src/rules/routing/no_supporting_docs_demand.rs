use super::common::{directed_at_recipients, downward_directive, own_provisions, stated_yes, with_government_consent};
use crate::diagnostic::{Finding, Severity};
use crate::org::OrgKind;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct NoSupportingDocsDemand;

static META: RuleMeta = RuleMeta {
    code: "GW212",
    name: "no-supporting-docs-demand",
    summary: "不得要求下级制发配套文件、报送贯彻落实情况",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《整治形式主义为基层减负若干规定》（中办、国办2024年）第3条：文件一般不提出报送贯彻落实情况、制定配套文件的要求（条文待核）；地方同类规定如《江门市人民政府工作规则》三十四：“从严控制配套类、分工类发文。市政府各部门不得以贯彻落实、督查考核等名义擅自要求下级制发配套文件。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "层层制发配套文件、层层报送落实情况是文山会海的主要来源。本规则检查下行的通知、意见、决定正文（本机关自己的话）中\
对下级提出的两类要求：\n\n\
- 制发配套文件：“制定（出台、印发）配套文件（配套政策、实施细则、实施方案、具体办法、实施意见）”；\n\
- 报送贯彻落实情况：“报送（上报、报告）贯彻落实情况（落实情况、贯彻情况、本通知执行情况）”。\n\n\
句子须指向下级（“各县（市、区）”“各单位”“你们”）并是要求（情态词或“请……”）；否定句（“不再另行制发配套文件”）、\
预算、资金、项目的执行情况报送（属日常统计）不报。\n\n\
发文机关是部门时为警告（部门不得向下级提出指令性要求，地方规则如江门规则三十四也专门约束“市政府各部门”）；\
是政府或其办公厅（室）时降为提示（减负规定的一般要求）。\
经政府同意（全文写明“经X人民政府同意”或前置元数据“经政府同意”）、有报批依据（前置元数据“报批依据”），或同句写明法律法规授权的，不报。\
减负规定是全国性规定，本规则属 national 规则包。",
    bad: "示例市商务局通知：“请各县（市、区）于1个月内制定配套实施细则，并每季度报送贯彻落实情况。”",
    good: "“各县（市、区）直接按本通知执行，不再另行制发配套文件。”",
};

static SUPPORTING_DOCS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:制定|出台|研究制定|印发|制发)[^。；，]{0,20}(?:配套文件|配套政策|配套措施|实施细则|实施方案|具体办法|实施意见)")
        .expect("valid")
});
static IMPLEMENTATION_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    // The verb before its object (`报送贯彻落实情况`) or, with 将, after it (`将本通知贯彻落实情况报
    // 州人社局`) — there only the document's own implementation: `将减排措施落实情况报` is a
    // working report, not one on carrying out the document.
    Regex::new(r"(?:报送|上报|报告|反馈)[^。；，]{0,15}(?:贯彻落实|贯彻执行|贯彻|落实|执行)情况|将[^。；，]{0,15}(?:贯彻落实|贯彻执行|贯彻)情况(?:报送|上报|报告|报|反馈)|将(?:本|该|上述)(?:通知|意见|文件|决定|方案|办法)[^。；，]{0,8}(?:落实|执行)情况(?:报送|上报|报告|报|反馈)").expect("valid")
});
static ROUTINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:预算|资金|项目|计划)执行情况").expect("valid"));
static AUTHORISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:法律|法规|规章|条例)[^。；]{0,12}(?:授权|规定)|经\p{Han}{0,10}(?:人民政府|政府)(?:同意|批准|授权)")
        .expect("valid")
});
impl Rule for NoSupportingDocsDemand {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(kind) = downward_directive(cx, &[]) else { return };
        if stated_yes(cx, "报批依据") || with_government_consent(cx, false) {
            return;
        }
        let government =
            cx.doc.parties.sender.as_ref().is_some_and(|s| {
                matches!(s.kind, OrgKind::Government | OrgKind::GeneralOffice | OrgKind::PartyCommittee)
            });
        let text = cx.text();
        let mut seen = Vec::new();
        let demands = [
            (&*SUPPORTING_DOCS, "制发配套文件", "各地直接按本文件执行，不再另行制发配套文件"),
            (
                &*IMPLEMENTATION_REPORT,
                "报送贯彻落实情况",
                "删去报送贯彻落实情况的要求；确需了解进展的，利用已有渠道或统计数据",
            ),
        ];
        for (re, what, instead) in demands {
            for (m, sentence) in own_provisions(cx, re) {
                let s = sentence.text(text);
                let quote = m.text(text);
                if seen.contains(&sentence)
                    || !directed_at_recipients(cx, sentence)
                    || AUTHORISED.is_match(s)
                    || ROUTINE.is_match(quote)
                {
                    continue;
                }
                seen.push(sentence);
                let f = Finding::new(m, format!("{}要求下级{what}：“{quote}”", kind.zh()))
                    .help(format!("从严控制配套类发文：{instead}"))
                    .en("Do not require subordinates to issue supporting documents or report on implementation");
                out.push(if government { f.severity(Severity::Info) } else { f });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{codes_in, lint_text};

    const NOTICE: &str = "示例市商务局关于促进夜间经济发展的通知\n各县（市、区）商务主管部门，局属各单位：\n";

    /// A clause without a subject goes on telling whoever the sentence before it told.
    #[test]
    fn a_demand_carried_on_from_the_sentence_before() {
        let text = "赤峰市文化和旅游局关于加强A级旅游景区安全管理工作的通知\n各旗县区文化和旅游主管部门，各A级旅游景区：\n　　一、工作要求。各旗县区文化和旅游主管部门要结合本地实际抓好落实；每季度末将本通知贯彻执行情况上报市文化和旅游局。\n\n赤峰市文化和旅游局\n2025年4月28日\n";
        assert_eq!(codes_in("t.txt", text, "GW212"), ["GW212:将本通知贯彻执行情况上报"]);
        // The sender's own undertaking is not a demand.
        let own = text.replace("每季度末将本通知", "我局将于每季度末将本通知");
        assert!(codes_in("t.txt", &own, "GW212").is_empty(), "{:?}", lint_text("t.txt", &own, "GW212"));
    }

    #[test]
    fn recipients_named_by_a_phrase_of_their_own() {
        let text = "甘肃省住房和城乡建设厅关于开展完整社区建设试点工作的通知\n各市（州）住房和城乡建设局：\n　　各试点城市住房和城乡建设部门要在本通知印发后2个月内出台本地区完整社区建设试点实施方案。\n\n甘肃省住房和城乡建设厅\n2025年3月3日\n";
        assert_eq!(codes_in("t.txt", text, "GW212").len(), 1);
        // `各项资金由市财政局……` names no recipient.
        let funds = text
            .replace("各试点城市住房和城乡建设部门要", "各项资金由省财政厅统筹，")
            .replace("出台本地区", "由省厅出台本地区");
        assert!(codes_in("t.txt", &funds, "GW212").is_empty(), "{funds}");
    }

    fn doc(body: &str) -> String {
        format!("{NOTICE}{body}\n示例市商务局\n2024年3月1日\n")
    }

    #[test]
    fn department_demands_supporting_documents_and_reports() {
        let text = doc("请各县（市、区）于1个月内制定配套实施细则，并每季度报送贯彻落实情况。");
        let d = lint_text("t.txt", &text, "GW212");
        assert_eq!(d.len(), 1, "{d:?}");
        let text = doc("请各县（市、区）于1个月内制定配套实施细则。各单位要于每季度末报送本通知贯彻落实情况。");
        let d = lint_text("t.txt", &text, "GW212");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        // A longer object between the verb and the documents; the report with 将 before its verb.
        let text = doc(
            "各县（市、区）要在1个月内出台本地区促进夜间经济发展的配套政策。各单位要于每月10日前将本通知贯彻落实情况报市商务局。",
        );
        let d = lint_text("t.txt", &text, "GW212");
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn government_sender_is_info() {
        let text = doc("请各县（市、区）人民政府结合实际制定实施方案。")
            .replace("示例市商务局关于", "示例市人民政府关于")
            .replace("示例市商务局\n", "示例市人民政府\n");
        let d = lint_text("t.txt", &text, "GW212");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn negations_consent_and_routine_reports_are_silent() {
        for body in [
            "各县（市、区）直接按本通知执行，不再另行制发配套文件。",
            "经市人民政府同意，请各县（市、区）制定实施方案。",
            "请局属各单位于每月5日前报送预算执行情况。",
            "我局已制定配套实施细则，现印发给你们。",
            "省商务厅要求各地市报送贯彻落实情况，我局将汇总上报。",
            "接到预警后，各县（市、区）须在2小时内启动响应，并将减排措施落实情况报市商务局。",
        ] {
            assert!(codes_in("t.txt", &doc(body), "GW212").is_empty(), "{body}");
        }
    }
}
