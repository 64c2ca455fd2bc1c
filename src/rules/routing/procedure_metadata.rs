use super::common::{is_normative, own_matches, says_government_consent, stated_yes};
use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, Part, PartFilter};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct ProcedureMetadata;

static META: RuleMeta = RuleMeta {
    code: "GW216",
    name: "procedure-metadata",
    summary: "程序性要求提示：合法性审核、公平竞争审查、经政府同意、公开属性",
    category: Category::Routing,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十六条（二）：“需经政府审批的具体事项，经政府同意后可以由政府职能部门行文，文中须注明已经政府同意。”；国办发〔2018〕37号关于行政规范性文件合法性审核的要求；《江门市人民政府工作规则》二十八：“涉及市场主体经济活动的，应进行公平竞争审查”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "合法性审核、公平竞争审查、政府同意和公开属性认定都是办文流程中的事实，文本只能提示起草人核对。本规则给出四种提示：\n\n\
- **合法性审核**：声明为行政规范性文件（前置元数据“规范性文件: 是”或“X规〔年〕号”编号）的文稿，正文、附件、附注和前置元数据\
（“合法性审核”）都没有合法性审核（审查）的记载；\n\
- **公平竞争审查**：标题显示为涉及市场主体经济活动的政策（扶持、奖励、补贴、优惠、准入、招商引资，或“促进（支持、鼓励）……产业（企业、经济、外贸、消费）”的措施、办法、意见），\
文中和前置元数据（“公平竞争审查”）都没有公平竞争审查的记载；请示、报告、函、纪要、批复不查；\n\
- **经政府同意**：前置元数据写明“经政府同意”，正文却没有注明“经X人民政府同意”；\n\
- **公开属性**：参数 `require-public-attribute = true` 时，文稿没有“公开方式：……”、附注“此件……公开”或前置元数据“公开方式”。\n\n\
这些只是提醒，不是违规判断，级别为提示。前置元数据键“合法性审核”“公平竞争审查”尚未列入前置元数据键表，使用时会另有未知键提示。",
    bad: "部门起草的《关于促进外贸发展的若干措施》，文中和前置元数据都没有公平竞争审查结论。",
    good: "前置元数据“公平竞争审查: 已审查（2024-05-10）”；版记前“公开方式：主动公开”。",
};

static LEGALITY_REVIEW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"合法性(?:审核|审查)").expect("valid"));
static FAIR_COMPETITION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"公平竞争审查").expect("valid"));
static MARKET_POLICY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"扶持|奖励|补贴|奖补|优惠政策|准入|招商引资|(?:促进|支持|鼓励)[^的]{0,15}(?:企业|产业|经济|外贸|消费|投资|民营|中小)")
        .expect("valid")
});
static POLICY_FORM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"措施|政策|办法|意见|方案|规定|细则|若干").expect("valid"));
static PUBLIC_ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"公开方式[:：]|此件(?:公开发布|依申请公开|不予公开|主动公开)").expect("valid"));

/// Whether any line of the 正文, attachments, 附注 or 版记 area mentions `re`.
fn mentioned(cx: &Context, re: &Regex) -> bool {
    let text = cx.text();
    let parts = [
        PartFilter::Is(Part::Body),
        PartFilter::AnyAttachment,
        PartFilter::Is(Part::Annotation),
        PartFilter::Is(Part::PublicAttribute),
        PartFilter::Is(Part::Colophon),
    ];
    cx.doc.lines_in(&parts).any(|(l, _)| re.is_match(l.span.text(text)))
}

/// Where to point a document-level reminder: the title, else the first line of the 正文.
fn anchor(cx: &Context) -> Option<Span> {
    cx.doc.title.as_ref().map(|t| t.span).or_else(|| cx.doc.body_paragraphs().next().map(|p| p.span))
}

impl Rule for ProcedureMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(at) = anchor(cx) else { return };
        let normative = is_normative(cx);
        if normative && !stated_yes(cx, "合法性审核") && !mentioned(cx, &LEGALITY_REVIEW) {
            out.push(
                Finding::new(at, "行政规范性文件须经司法行政部门合法性审核，文稿中未见审核记载")
                    .help("送司法行政部门合法性审核，并在前置元数据“合法性审核”中记录审核意见文号或日期")
                    .en("A normative document needs a legality review; none is recorded"),
            );
        }
        let policy_kind = !matches!(
            doc.kind(),
            Some(
                DocKind::请示
                    | DocKind::报告
                    | DocKind::函
                    | DocKind::纪要
                    | DocKind::批复
                    | DocKind::议案
                    | DocKind::通报
            )
        );
        // A market policy by its title, or by what its own text grants to enterprises.
        static GRANT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"企业[^。]{0,30}(?:给予|予以|发放|享受)[^。]{0,12}(?:补贴|奖励|扶持|奖补|补助)|(?:给予|予以|发放)[^。]{0,20}企业[^。]{0,12}(?:补贴|奖励|扶持|奖补|补助)").expect("valid")
        });
        let market_policy =
            doc.title.as_ref().is_some_and(|t| MARKET_POLICY.is_match(&t.text) && POLICY_FORM.is_match(&t.text))
                || !own_matches(cx, &GRANT).is_empty();
        if policy_kind && market_policy && !stated_yes(cx, "公平竞争审查") && !mentioned(cx, &FAIR_COMPETITION) {
            out.push(
                Finding::new(at, "涉及市场主体经济活动的政策措施应进行公平竞争审查，文稿中未见审查记载")
                    .help("按公平竞争审查制度完成审查，并在前置元数据“公平竞争审查”中记录结论和日期")
                    .en("Policies affecting market players need a fair-competition review; none is recorded"),
            );
        }
        if stated_yes(cx, "经政府同意") && !says_government_consent(cx, false) {
            out.push(
                Finding::new(at, "前置元数据写明已经政府同意，但正文未注明“经X人民政府同意”")
                    .help("在正文开头写明“经X人民政府同意，现将……”")
                    .source("《党政机关公文处理工作条例》第十六条（二）")
                    .en("The text must state that the government has agreed"),
            );
        }
        let require_public = cx.params.get("require-public-attribute").and_then(toml::Value::as_bool).unwrap_or(false);
        if require_public
            && doc.public_attribute.is_none()
            && doc.stated("公开方式").is_none()
            && !mentioned(cx, &PUBLIC_ATTRIBUTE)
        {
            out.push(
                Finding::new(at, "未标注公开属性")
                    .help("在成文日期后（版记前）标注“公开方式：主动公开（依申请公开、不予公开）”")
                    .en("The public-release attribute is not marked"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const POLICY: &str = "示例市商务局关于印发《示例市促进外贸发展若干措施》的通知\n各县（市、区）商务主管部门：\n现将《示例市促进外贸发展若干措施》印发给你们，请认真贯彻执行。\n示例市商务局\n2024年5月6日\n";

    #[test]
    fn market_policy_without_fair_competition_review() {
        let d = lint_text("t.txt", POLICY, "GW216");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("公平竞争审查"));
        let reviewed = POLICY.replace("请认真贯彻执行。", "请认真贯彻执行。本措施已经公平竞争审查。");
        assert!(codes_in("t.txt", &reviewed, "GW216").is_empty());
    }

    #[test]
    fn normative_documents_need_legality_review() {
        let text = format!("---\n规范性文件: 是\n---\n{POLICY}");
        assert_eq!(lint_text("t.txt", &text, "GW216").len(), 2);
        let text = format!("---\n规范性文件: 是\n---\n{POLICY}")
            .replace("请认真贯彻执行。", "请认真贯彻执行。本措施已经市司法局合法性审核，并经公平竞争审查。");
        assert!(codes_in("t.txt", &text, "GW216").is_empty());
    }

    #[test]
    fn stated_consent_must_be_written() {
        let text = "---\n经政府同意: 是\n---\n示例市农业农村局关于做好秋冬种工作的通知\n各县（市、区）人民政府：\n请抓好落实。\n示例市农业农村局\n2024年9月2日\n";
        assert_eq!(lint_text("t.txt", text, "GW216").len(), 1);
        let written = text.replace("请抓好落实。", "经市人民政府同意，请抓好落实。");
        assert!(codes_in("t.txt", &written, "GW216").is_empty());
    }

    #[test]
    fn requests_and_the_seed_are_silent() {
        let text = "示例市商务局关于申请外贸发展扶持资金的请示\n示例市人民政府：\n妥否，请批示。\n示例市商务局\n2024年5月6日\n";
        assert!(codes_in("t.txt", text, "GW216").is_empty());
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW216").is_empty());
    }
}
