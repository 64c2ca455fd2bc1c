use super::common::stated_yes;
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::org::{Addressee, Org, OrgKind};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct IssuanceConsolidation;

static META: RuleMeta = RuleMeta {
    code: "GW213",
    name: "issuance-consolidation",
    summary: "分工方案原则上与文件合并印发；部门职权内事务不以政府名义发文",
    category: Category::Routing,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《整治形式主义为基层减负若干规定》（中办、国办2024年8月发布）第1条：“严格控制临时性、配套类、分工类发文”；《国务院工作规则》（2013）四十五：“属部门职权范围内事务、应由部门自行发文或联合发文的，不再由国务院批转或国务院办公厅转发。”；《江门市人民政府工作规则》三十四：“属部门职权范围内事务、应由部门自行发文或联合发文的，不以市政府或市政府办公室名义发文。”“分工方案原则上应与文件合并印发，不单独发文。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "精简文件、从严控制分工类发文。本规则只看标题，给出两类提示：\n\n\
- 单独印发分工方案：标题为“关于印发……（任务）分工方案（责任分工、分工表）的通知”，而不是与主文件一并印发\
（“关于印发《……若干措施》及其任务分工的通知”不报）；\n\
- 政府或政府办公厅（室）批转、转发本级部门的文件：标题“……转发（批转）市XX局关于……的通知”。是否属部门职权范围内的事务，\
文本无法判断，故只作提示，请起草人核实是否应由部门自行发文或联合发文。\n\n\
上级明确要求单独印发分工方案、事项跨多个部门确需以政府名义统筹的，可在前置元数据“报批依据”中写明，本规则不再提示。原文为“原则上”“严格控制”，故只作提示。全国适用（减负规定和国务院工作规则是全国性规定，各地政府工作规则多有同样条款）；江门的草稿还引江门规则三十四。",
    bad: "《示例市人民政府办公室关于印发〈示例市优化营商环境若干措施重点任务分工方案〉的通知》（在“若干措施”印发一个月后单独发出）",
    good: "分工表作为《示例市优化营商环境若干措施》的附件一并印发。",
};

static DIVISION_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    // The name in 《》 may hold a 的 of its own (`《〈关于……的实施意见〉重点任务分工方案》`).
    Regex::new(r"印发\s*(?P<what>[《〈][^》]*?(?:分工方案|任务分工|责任分工|分工表|分工安排)[》〉]|[^的《〈]*?(?:分工方案|任务分工|责任分工|分工表|分工安排))的通知").expect("valid")
});
static TOGETHER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[》〉](?:及其?|和|与|暨|及有关)").expect("valid"));
static FORWARDS_DEPARTMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:批转|转发)\s*(?P<org>[\p{Han}（）()]{2,24}?(?:局|委员会|委|办公室|办|中心|厅))\s*(?:关于|《|〈)")
        .expect("valid")
});

/// Whether `dept` is one of the 工作部门 of the government `sender` stands for.
fn own_department(cx: &Context, sender: &Org, name: &str) -> bool {
    let government = match sender.kind {
        OrgKind::Government => Some(sender.name.clone()),
        OrgKind::GeneralOffice => sender.parent.clone(),
        _ => None,
    };
    let Some(government) = government else { return false };
    match cx.orgs.resolve(name, Some(sender)) {
        Addressee::Org(org) => org.kind == OrgKind::Department && org.parent.as_deref() == Some(government.as_str()),
        _ => false,
    }
}

impl Rule for IssuanceConsolidation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(title) = &doc.title else { return };
        if doc.kind() != Some(DocKind::通知) || stated_yes(cx, "报批依据") {
            return;
        }
        if let Some(c) = DIVISION_PLAN.captures(&title.text) {
            let what = c.name("what").expect("group");
            if !TOGETHER.is_match(what.as_str()) {
                let span = title.span.sub(what.start(), what.end());
                out.push(
                    Finding::new(span, format!("分工方案原则上应与文件合并印发，不单独发文：“{}”", what.as_str()))
                        .help("把分工方案作为主文件的附件一并印发；上级要求单独印发的，在前置元数据“报批依据”中写明")
                        .en(
                            "A division-of-tasks plan should be issued together with its main document, not separately",
                        ),
                );
            }
        }
        let Some(sender) = &doc.parties.sender else { return };
        if let Some(c) = FORWARDS_DEPARTMENT.captures(&title.text) {
            let org = c.name("org").expect("group");
            if own_department(cx, sender, org.as_str()) {
                let span = title.span.sub(org.start(), org.end());
                out.push(
                    Finding::new(
                        span,
                        format!("{}转发本级部门“{}”的文件：属部门职权范围内的事务，应由部门自行发文或联合发文", sender.name, org.as_str()),
                    )
                    .help("核实该事项是否属部门职权范围；是的，由部门自行发文或联合发文，不以政府或政府办公室名义转发")
                    .en("Matters within a department's remit should be issued by the department, not forwarded by the government"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn separate_division_plan() {
        let text = "示例市人民政府办公室关于印发《示例市优化营商环境若干措施重点任务分工方案》的通知\n各县（市、区）人民政府，市政府各部门：\n现将《示例市优化营商环境若干措施重点任务分工方案》印发给你们，请认真组织实施。\n示例市人民政府办公室\n2024年4月2日\n";
        let d = lint_text("t.txt", text, "GW213");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.text(text), "《示例市优化营商环境若干措施重点任务分工方案》");
    }

    #[test]
    fn plan_issued_with_its_document_is_silent() {
        let text = "示例市人民政府关于印发《示例市优化营商环境若干措施》及其任务分工的通知\n各县（市、区）人民政府，市政府各部门：\n现将《示例市优化营商环境若干措施》及其任务分工印发给你们。\n示例市人民政府\n2024年4月2日\n";
        assert!(codes_in("t.txt", text, "GW213").is_empty());
    }

    #[test]
    fn government_forwards_its_own_department() {
        let text = "江门市人民政府办公室转发市教育局关于加强校园安全管理工作意见的通知\n各县（市、区）人民政府，市政府各部门：\n经市人民政府同意，现将市教育局《关于加强校园安全管理工作的意见》转发给你们，请认真贯彻执行。\n江门市人民政府办公室\n2024年4月2日\n";
        let d = lint_text("t.txt", text, "GW213");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.text(text), "市教育局");
        assert!(d[0].source.contains("江门市人民政府工作规则"), "{}", d[0].source);
    }

    #[test]
    fn a_plan_named_after_a_document_with_its_own_de() {
        let text = "中共芜湖市委办公室 芜湖市人民政府办公室\n关于印发《〈关于加快建设现代化产业体系的实施意见〉重点任务分工方案》的通知\n各县（市、区）人民政府：\n　　现将分工方案印发给你们。\n\n中共芜湖市委办公室　　芜湖市人民政府办公室\n2025年3月3日\n";
        assert_eq!(lint_text("t.txt", text, "GW213").len(), 1);
        let broken = "龙岩市人民政府办公室关于印发\n《龙岩市优化营商环境若干措施重点任务分工方案》的通知\n各县（市、区）人民政府：\n　　现印发给你们。\n\n龙岩市人民政府办公室\n2025年3月3日\n";
        assert_eq!(lint_text("t.txt", broken, "GW213").len(), 1);
    }

    #[test]
    fn a_title_broken_after_the_verb() {
        let text = "邢台市人民政府办公室转发\n市教育局关于进一步规范校外培训机构管理意见的通知\n各县（市、区）人民政府：\n　　市教育局《关于进一步规范校外培训机构管理的意见》已经市政府同意，现转发给你们。\n\n邢台市人民政府办公室\n2025年3月3日\n";
        assert_eq!(lint_text("t.txt", text, "GW213").len(), 1);
    }

    /// National texts ask the same of every government; only 江门's drafts are cited 江门's rules.
    #[test]
    fn every_government_is_checked_and_cited_national_texts() {
        let text = "哈尔滨市人民政府办公室转发市教育局关于做好秋季开学工作意见的通知\n各区、县（市）人民政府，市政府各委、办、局：\n经市人民政府同意，现将市教育局《关于做好秋季开学工作的意见》转发给你们，请认真贯彻执行。\n哈尔滨市人民政府办公室\n2025年8月20日\n";
        let d = lint_text("t.txt", text, "GW213");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].source.contains("国务院工作规则"), "{}", d[0].source);
        assert!(!d[0].source.contains("江门"), "{}", d[0].source);
    }

    #[test]
    fn forwarding_higher_documents_is_silent() {
        let text = "江门市人民政府办公室转发省教育厅关于加强校园安全管理工作意见的通知\n各县（市、区）人民政府，市政府各部门：\n现将省教育厅《关于加强校园安全管理工作的意见》转发给你们。\n江门市人民政府办公室\n2024年4月2日\n";
        assert!(codes_in("t.txt", text, "GW213").is_empty());
        let text = "江门市教育局转发市卫生健康局关于做好学校传染病防控工作的通知\n各县（市、区）教育局：\n现转发给你们。\n江门市教育局\n2024年4月2日\n";
        assert!(codes_in("t.txt", text, "GW213").is_empty());
    }
}
