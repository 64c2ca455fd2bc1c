use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::org::{Addressee, OrgKind};
use crate::rules::routing::common::{
    clause_before, negated, own_matches, requests, says_anywhere, sentence_of, stated_yes,
};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct AgreementWitness;

static META: RuleMeta = RuleMeta {
    code: "GW802",
    name: "agreement-witness",
    summary: "对外签署合作协议、邀请市政府领导出席见证须按规定报批",
    category: Category::Discipline,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::Jiangmen,
    source: "《江门市人民政府工作规则》三十五：“确需签署协议的，主管部门应充分征求市财政局、市司法局等相关部门意见，严格按程序报批……各县（市、区）、各部门对外签署合作协议需邀请市政府领导同志出席见证的，须符合中央八项规定及其实施细则精神和省、市实施办法有关规定，提前报市政府办公室按程序报批。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "以政府或部门名义对外签署合作协议要实事求是、杜绝形式主义。本规则检查请示和函中**拟签署**合作协议（框架协议、备忘录）的语句，给出提示：\n\n\
- 以函直接邀请市政府领导出席签约、见证，而主送不是市政府或市政府办公室：提示须提前报市政府办公室按程序报批；\n\
- 请示（或报市政府、市政府办公室的函）拟签署协议，文中没有写明已征求市财政局、市司法局等部门意见：提示补充说明。\n\n\
叙述已签协议（没有“拟、恳请、请、邀请”等请求词）、否定句、引文和附件不查；前置元数据写明“报批依据”的不再提示。\
只是提示，不是违规判断。属江门规则包。",
    bad: "“拟于5月20日与示例集团签署战略合作框架协议，恳请王副市长出席见证。”（未说明征求财政、司法部门意见）",
    good: "“……恳请王副市长出席见证。协议文本已征求市财政局、市司法局意见，两局均无不同意见。”",
};

static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:签署|签订|签约)[^。；]{0,20}(?:协议|备忘录|合作)|(?:协议|备忘录)[^。；]{0,10}(?:签署|签订|签约)|签约(?:仪式|活动)")
        .expect("valid")
});
static WITNESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:副?市长|市政府(?:主要|分管)?(?:领导|负责同志)|市领导)[^。；]{0,12}(?:出席|见证)").expect("valid")
});
static CONSULTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:征求|听取|会签)[^。]{0,30}(?:财政|司法)|(?:财政局|司法局)[^。]{0,20}(?:意见|审核|审查|会签)")
        .expect("valid")
});

impl Rule for AgreementWitness {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(kind) = doc.kind().filter(|k| matches!(k, DocKind::请示 | DocKind::函)) else { return };
        if stated_yes(cx, "报批依据") {
            return;
        }
        let text = cx.text();
        // The first sentence that proposes signing an agreement.
        let Some((m, sentence)) = own_matches(cx, &SIGNING).into_iter().find_map(|m| {
            let sentence = sentence_of(cx, m);
            let before = text.get(sentence.start..m.start).unwrap_or("");
            let proposes = requests(before) || before.contains('拟');
            (proposes && !negated(clause_before(text, sentence, m))).then_some((m, sentence))
        }) else {
            return;
        };
        let s = sentence.text(text);
        // The invitation may stand in a later sentence than the signing itself.
        let invitation = own_matches(cx, &WITNESS).into_iter().find(|w| requests(sentence_of(cx, *w).text(text)));
        let witness = WITNESS.find(s).filter(|_| requests(s));
        let to_office = doc.parties.main.iter().any(|p| {
            matches!(&p.addressee, Addressee::Org(o) if matches!(o.kind, OrgKind::Government | OrgKind::GeneralOffice))
        });
        if let Some(w) = witness
            && kind == DocKind::函
            && !to_office
        {
            out.push(
                Finding::new(sentence.sub(w.start(), w.end()), "邀请市政府领导同志出席签约见证，须提前报市政府办公室按程序报批")
                    .help("不直接发函邀请；按程序向市政府办公室报批，写明符合中央八项规定及其实施细则精神和省、市实施办法有关规定")
                    .en("Inviting government leaders to witness a signing must first be submitted for approval"),
            );
            return;
        }
        if !says_anywhere(cx, &CONSULTED) {
            let span = witness.map(|w| sentence.sub(w.start(), w.end())).or(invitation).unwrap_or(m);
            out.push(
                Finding::new(span, "拟对外签署合作协议，未说明是否已征求市财政局、市司法局等相关部门意见")
                    .help("写明“协议文本已征求市财政局、市司法局等部门意见”，并说明签署的必要性")
                    .en("State that the finance and justice bureaus were consulted on the agreement"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const REQUEST: &str = "示例市商务局关于与示例集团签署战略合作框架协议的请示\n示例市人民政府：\n";

    fn doc(body: &str) -> String {
        format!("{REQUEST}{body}\n妥否，请批示。\n示例市商务局\n2024年5月6日\n")
    }

    #[test]
    fn witness_request_without_consultation() {
        let text = doc("拟于5月20日与示例集团签署战略合作框架协议，恳请王副市长出席见证。");
        let d = lint_text("t.txt", &text, "GW802");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.text(&text), "副市长出席见证");
    }

    #[test]
    fn consultation_stated_is_silent() {
        let text = doc(
            "拟于5月20日与示例集团签署战略合作框架协议，恳请王副市长出席见证。协议文本已征求市财政局、市司法局意见，均无不同意见。",
        );
        assert!(codes_in("t.txt", &text, "GW802").is_empty());
    }

    #[test]
    fn letters_inviting_leaders_directly() {
        let text = "示例市商务局关于邀请出席签约仪式的函\n示例集团有限公司：\n我局拟于5月20日与贵公司签署战略合作框架协议，拟邀请市政府分管领导出席见证。\n示例市商务局\n2024年5月6日\n";
        let d = lint_text("t.txt", text, "GW802");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("报批"));
    }

    #[test]
    fn signed_agreements_and_rules_are_silent() {
        let text = doc("2023年，我局与示例集团签署了战略合作框架协议，合作进展顺利。");
        assert!(codes_in("t.txt", &text, "GW802").is_empty());
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW802").is_empty());
    }
}
