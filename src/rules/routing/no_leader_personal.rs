use super::common::{says_anywhere, stated_yes};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Direction, DocKind};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct NoLeaderPersonal;

static META: RuleMeta = RuleMeta {
    code: "GW203",
    name: "no-leader-personal",
    summary: "不以本机关名义向上级机关负责人个人报送公文",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十五条（五）：“除上级机关负责人直接交办事项外，不得以本机关名义向上级机关负责人报送公文，不得以本机关负责人名义向上级机关报送公文。”；《江门市人民政府工作规则》二十七：“一般不得直接向市政府领导同志个人报送公文”",
    fix: FixAvailability::None,
    needs: &[Need::Direction],
    docs: "公文由机关向机关报送：主送写领导个人（“王副市长”“尊敬的李书记”），或者署名只有“局长 李某某”而没有机关名称，都不合行文规则。\
上级机关负责人直接交办的事项除外——正文写明（“根据您……的直接交办”“根据您的批示要求”）或在前置元数据写明“领导交办: 是”即不报主送一项。只检查请示、报告、意见（以及文种不明的上行文）；议案、命令由行政首长签署，不在此列。",
    bad: "尊敬的王副市长：\n……\n示例市住房和城乡建设局局长 李某某",
    good: "示例市人民政府：\n……\n示例市住房和城乡建设局",
};

/// The leader addressed assigned the matter: `您…交办`, `您…批示`, `直接交办`.
static ASSIGNED_BY_THE_LEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"您[^。]{0,40}(?:交办|批示|指示|交代)|(?:直接|亲自|当面)交办").expect("valid"));

impl Rule for NoLeaderPersonal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // 议案 and 命令 are signed by the head of government by law (JM三十二): not this rule's case.
        let upward = match doc.kind() {
            Some(DocKind::请示 | DocKind::报告 | DocKind::意见) => true,
            Some(_) => false,
            None => doc.direction() == Some(Direction::Up),
        };
        if !upward {
            return;
        }
        // The exception of 第十五条（五）: the leader addressed gave the task in person — stated
        // in the front matter, or in the draft's words (`根据您…的直接交办`, `根据您的批示要求`).
        let assigned = stated_yes(cx, "领导交办") || says_anywhere(cx, &ASSIGNED_BY_THE_LEADER);
        for party in doc.parties.main.iter().filter(|p| p.addressee.is_person() && !assigned) {
            out.push(
                Finding::new(party.field.span, format!("不得以机关名义向领导个人报送公文：主送“{}”", party.field.text))
                    .help("主送上级机关（如“示例市人民政府”）；确属领导直接交办的，在前置元数据写明“领导交办: 是”")
                    .en("Do not address an official document to a leader in person"),
            );
        }
        for sig in &doc.signature {
            if crate::org::is_personal_signature(&sig.text) {
                out.push(
                    Finding::new(sig.span, format!("不得以本机关负责人名义向上级机关报送公文：署名“{}”", sig.text))
                        .help("署发文机关全称或者规范化简称"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn addressed_to_a_vice_mayor() {
        let d = lint_text(
            "t.txt",
            "示例市住房和城乡建设局关于老旧小区改造进展的报告\n尊敬的王副市长：\n现将情况报告如下。\n特此报告。\n示例市住房和城乡建设局局长 李某某\n2024年5月6日\n",
            "GW203",
        );
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn assigned_by_the_leader_or_addressed_to_the_government() {
        let text = "---\n领导交办: 是\n---\n示例市住房和城乡建设局关于老旧小区改造进展的报告\n王副市长：\n现将情况报告如下。\n";
        assert!(codes_in("t.md", text, "GW203").is_empty());
        // Said in the draft's words.
        for said in ["根据您9月3日在座谈会上的直接交办，我局开展了调研。", "根据您的批示要求，我局开展了调查。"]
        {
            let text = format!("示例市住房和城乡建设局关于老旧小区改造进展的报告\n王副市长：\n{said}\n特此报告。\n");
            assert!(codes_in("t.txt", &text, "GW203").is_empty(), "{said}");
        }
        assert!(
            codes_in(
                "t.txt",
                "示例市住房和城乡建设局关于老旧小区改造进展的报告\n示例市人民政府：\n现将情况报告如下。\n",
                "GW203"
            )
            .is_empty()
        );
    }
}
