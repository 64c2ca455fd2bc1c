use crate::diagnostic::{Finding, Severity};
use crate::rules::routing::common::{
    addresses_subordinates, downward_directive, own_provisions, own_sentences, stated_yes,
};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct NoVetoPledgeDemands;

static META: RuleMeta = RuleMeta {
    code: "GW804",
    name: "no-veto-pledge-demands",
    summary: "非专门文件不提出“一票否决”、签订责任状、达标、示范创建等要求",
    category: Category::Discipline,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《整治形式主义为基层减负若干规定》（中办、国办2024年）关于除专门文件外原则上不对创建示范、达标、“一票否决”和签订责任状等事项提出具体要求的规定（条文待核）",
    fix: FixAvailability::None,
    needs: &[],
    docs: "“一票否决”、层层签订责任状、达标评比和示范创建把压力层层传导给基层，减负规定要求除专门文件外原则上不提这类要求。\
本规则检查下行的通知、意见、决定正文（本机关自己的话）中作出规定的语句：\n\n\
- “一票否决”；\n\
- “签订……责任状（责任书）”；\n\
- 达标、示范：“达标创建（验收、评比）”“示范创建”“创建（争创）……示范”——只在句子指向下级（“各县（市、区）”“各单位”）时报告，\
本机关自己的创建目标（“我市将创建国家生态文明建设示范市”）不报。\n\n\
否定和清理（“不搞‘一票否决’”“取消……责任状”）、写明法律法规依据的（“依法实行一票否决”）、引文和附件不查；\
前置元数据写明“专门文件”的不查。原文为“原则上”，故为警告。",
    bad: "“对发生较大事故的单位，在年度评优中实行一票否决，各单位须与市局签订安全生产责任状。”",
    good: "删除“一票否决”和责任状要求，或由有权机关以专门文件规定。",
};

static VETO_PLEDGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"一票否决|签订[^。；，]{0,10}责任(?:状|书)").expect("valid"));
static DEMONSTRATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:达标|示范)(?:创建|验收|评比)|(?:创建|争创)[^。；，]{0,16}示范").expect("valid"));
static LAWFUL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"依法|(?:法律|法规|条例)[^。；]{0,10}(?:规定|明确)|依照《|根据《").expect("valid"));

impl Rule for NoVetoPledgeDemands {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(kind) = downward_directive(cx, &[]) else { return };
        if stated_yes(cx, "专门文件") {
            return;
        }
        let text = cx.text();
        // “一票否决” and pledges need no modal to be a demand: in a directive, stating the sanction
        // is imposing it. Negations and narration are still filtered by `own_sentences`.
        let mut hits: Vec<(Span, Span)> = own_sentences(cx, &VETO_PLEDGE);
        hits.extend(
            own_provisions(cx, &DEMONSTRATION).into_iter().filter(|(_, s)| addresses_subordinates(s.text(text))),
        );
        hits.sort_by_key(|h| h.0.start);
        let mut seen: Vec<Span> = Vec::new();
        for (m, sentence) in hits {
            if seen.contains(&sentence) || LAWFUL.is_match(sentence.text(text)) {
                continue;
            }
            seen.push(sentence);
            let what = m.text(text);
            out.push(
                Finding::new(
                    m,
                    format!(
                        "{}中提出“{what}”要求：非专门文件原则上不提“一票否决”、责任状、达标和示范创建要求",
                        kind.zh()
                    ),
                )
                .help("删除该要求；确有必要的，由有权机关以专门文件规定，或写明所依据的法律法规")
                .en("Avoid veto, pledge, compliance-target and model-creation demands outside dedicated documents"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const NOTICE: &str = "示例市应急管理局关于加强安全生产工作的通知\n各县（市、区）应急管理局，市直各单位：\n";

    fn doc(body: &str) -> String {
        format!("{NOTICE}{body}\n示例市应急管理局\n2024年2月26日\n")
    }

    #[test]
    fn veto_and_pledges() {
        let text = doc("对发生较大事故的单位，在年度评优中实行一票否决，各单位须与市局签订安全生产责任状。");
        let d = lint_text("t.txt", &text, "GW804");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.text(&text), "一票否决");
        let text = doc("各县（市、区）要积极开展安全社区示范创建。");
        assert_eq!(lint_text("t.txt", &text, "GW804").len(), 1);
    }

    #[test]
    fn negations_own_goals_and_lawful_vetoes_are_silent() {
        for body in [
            "不得以签订责任状等方式转嫁责任，不搞“一票否决”。",
            "我市将积极创建国家安全发展示范城市。",
            "对发生重大事故的，依法实行一票否决。",
            "2023年，各单位均与市局签订了安全生产责任书。",
        ] {
            assert!(codes_in("t.txt", &doc(body), "GW804").is_empty(), "{body}");
        }
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW804").is_empty());
    }
}
