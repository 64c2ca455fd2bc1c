use super::common::{clause_before, own_matches, sentence_of};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ForwardWithOpinion;

static META: RuleMeta = RuleMeta {
    code: "GW209",
    name: "forward-with-opinion",
    summary: "转报下级请示须提出倾向性意见，不得原文转报",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十五条（三）：“下级机关的请示事项，如需以本机关名义向上级机关请示，应当提出倾向性意见后上报，不得原文转报上级机关。”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "把下级的请示转报上级时，本机关要先审核并提出倾向性意见（同意、建议批准、拟……），上级据此决策；原文转报等于把审核责任推给上级。\
本规则在请示转报下级请示（“现将《某县……的请示》转报”“附件：……的请示”）而全文没有本机关意见（“经审核”“我局认为”“建议同意”“拟同意”）时报告。\
意见写在附件的审核意见表里时，请在正文中概述。",
    bad: "现将《某县人民政府关于调整城区规划的请示》转报给你们，请审批。",
    good: "经审核，我局认为某县调整方案符合……建议予以批准。现将该县请示随文附送。妥否，请批示。",
};

static FORWARDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"转报|现将[^。]{0,40}《[^》]+请示》[^。]{0,12}(报上|报送|呈上|转上|呈报|附后|随文)|随文(附送|附上|报送)[^。]{0,20}请示").expect("valid")
});
/// The forwarding organ's own view: it examined the request (经审核), judges it (认为), agrees or
/// not (同意, 不同意 — whoever the sentence names as subject, since in a forwarding 请示 outside
/// quotation that is the author), or proposes what the superior should decide (建议…). `经…同意`
/// reports an approval already given, not a view.
static OPINION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"经(?:审核|研究|核查|审查|认真研究|实地核查|综合评估|评估)|认为|建议|拟(?:同意|支持)|(?:原则)?同意[^，。；]{0,30}(?:申请|申报|请示|请求|意见|方案|报告|所请|该|其|上报)").expect("valid")
});

impl Rule for ForwardWithOpinion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.kind() != Some(DocKind::请示) {
            return;
        }
        let forwarding = own_matches(cx, &FORWARDING);
        // The author's own 请示 attached is a second matter (GW102), not a forwarded one.
        let own = crate::document::requests::own_names(doc);
        let attached_request = doc.attachment_note.as_ref().and_then(|n| {
            n.items
                .iter()
                .find(|i| i.name.text.ends_with("请示") && !own.iter().any(|o| i.name.text.starts_with(o.as_str())))
        });
        let at = forwarding.first().copied().or_else(|| attached_request.map(|i| i.name.span));
        let Some(at) = at else { return };
        let text = cx.text();
        // `经县政府同意…`: an approval already given, not this organ's view.
        let reported_approval = |m: &crate::span::Span| {
            let said = m.text(text);
            said.contains("同意")
                && !said.starts_with('经')
                && clause_before(text, sentence_of(cx, *m), *m).contains('经')
        };
        if own_matches(cx, &OPINION).iter().any(|m| !reported_approval(m)) {
            return;
        }
        out.push(
            Finding::new(at, "转报下级请示应当提出本机关的倾向性意见，不得原文转报")
                .help("写明审核意见，如“经审核，我局认为……建议予以批准”")
                .en("Forwarding a subordinate's request requires this organ's own recommendation"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn plain_forwarding() {
        let text = "示例市自然资源局关于转报某县调整城区规划的请示\n示例市人民政府：\n现将《某县人民政府关于调整城区规划的请示》转报给你们，请审批。\n妥否，请批示。\n";
        assert_eq!(lint_text("t.txt", text, "GW209").len(), 1);
    }

    #[test]
    fn the_authors_own_request_attached_is_no_forwarding() {
        let text = "示例县应急管理局关于建设物资储备库的请示\n县人民政府：\n拟建设物资储备库。\n妥否，请批示。\n附件：1.建设方案\n　　　2.示例县应急管理局关于购置消防车辆的请示\n示例县应急管理局\n2026年3月25日\n";
        assert!(codes_in("t.txt", text, "GW209").is_empty());
        let forwarded = text.replace("2.示例县应急管理局关于购置", "2.某镇人民政府关于购置");
        assert_eq!(codes_in("t.txt", &forwarded, "GW209").len(), 1);
    }

    #[test]
    fn an_opinion_in_other_words_is_one() {
        let base = "宾川县人民政府关于转报宾居镇申请列入历史文化名镇名录的请示\n大理白族自治州人民政府：\n宾居镇人民政府报送了《宾居镇人民政府关于申请列入历史文化名镇名录的请示》，现转报你府。\nOPINION\n妥否，请批示。\n宾川县人民政府\n2024年9月25日\n";
        for opinion in [
            "县人民政府同意宾居镇的申报。",
            "该镇符合申报条件，建议州人民政府将宾居镇列入名录。",
            "县政府认为申报材料齐全。",
        ] {
            assert!(codes_in("t.txt", &base.replace("OPINION", opinion), "GW209").is_empty(), "{opinion}");
        }
        // An approval already given, or a view quoted from the town, is not the author's.
        for none in [
            "该镇已经县人民政府同意开展申报。",
            "为此，该镇经县人民政府同意开展申报。",
            "该镇来文称“恳请同意本镇的申报”。",
        ] {
            assert_eq!(codes_in("t.txt", &base.replace("OPINION", none), "GW209").len(), 1, "{none}");
        }
    }

    #[test]
    fn forwarding_with_opinion_is_silent() {
        let text = "示例市自然资源局关于转报某县调整城区规划的请示\n示例市人民政府：\n经审核，我局认为某县调整方案符合国土空间规划，建议予以批准。现将该县请示随文附送。\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW209").is_empty());
    }
}
