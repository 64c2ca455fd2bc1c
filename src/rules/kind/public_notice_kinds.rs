use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct PublicNoticeKinds;

static META: RuleMeta = RuleMeta {
    code: "GW108",
    name: "public-notice-kinds",
    summary: "公告、通告的选用；公布性公文不标主送、不标密级",
    category: Category::DocKind,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第八条（五）“公告。适用于向国内外宣布重要事项或者法定事项。”（六）“通告。适用于在一定范围内公布应当遵守或者周知的事项。”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "公告向国内外宣布重要事项或法定事项；在一定范围内公布应当遵守或周知的事项（停水、施工、交通管制）用通告。本规则：\n\n\
- 公告、通告标了密级：面向社会公布的公文标密级自相矛盾（错误）；\n\
- 公告、通告有主送机关：公布性公文一般不标主送（提示）；\n\
- 部门或县级机关就停水、施工、交通管制等局部事项用“公告”（提示，建议通告）。\n\n\
招标、征收土地等法律规定用“公告”的事项不在此列。",
    bad: "《示例县水务局公告》：因管网改造，城西片区4月2日停水。",
    good: "《示例县水务局关于城西片区临时停水的通告》",
};

static LOCAL_MATTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"施工|停水|停电|停气|交通管制|封闭|路段|辖区|绕行").expect("valid"));
static STATUTORY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"招标|征收|征地|拍卖|挂牌|出让|选举|公示").expect("valid"));

impl Rule for PublicNoticeKinds {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(kind) = doc.kind().filter(|k| matches!(k, DocKind::公告 | DocKind::通告)) else { return };
        if let Some(secrecy) = &doc.header.secrecy {
            out.push(
                Finding::new(secrecy.span, format!("{}是公布性公文，不应标注密级“{}”", kind.zh(), secrecy.text))
                    .help("删去密级；确属涉密事项的，不应以公告、通告公布")
                    .severity(Severity::Error),
            );
        }
        if let Some(main) = &doc.main_recipients {
            out.push(Finding::new(main.field.span, format!("{}一般不标注主送机关", kind.zh())).help("删去主送机关"));
        }
        if kind == DocKind::公告 {
            let text = cx.text();
            let body: String = doc.body_paragraphs().map(|p| p.span.text(text)).collect();
            let title = doc.title.as_ref().map_or("", |t| t.text.as_str());
            let local_issuer = doc
                .issuer
                .as_ref()
                .is_some_and(|i| i.name.ends_with('局') || i.name.contains('县') || i.name.contains('区'));
            if local_issuer && LOCAL_MATTER.is_match(&body) && !STATUTORY.is_match(&body) && !STATUTORY.is_match(title)
            {
                let span = doc
                    .title_ending
                    .as_ref()
                    .map_or(doc.title.as_ref().map(|t| t.span).unwrap_or_default(), |e| e.span);
                out.push(
                    Finding::new(span, "局部、临时性事项一般用“通告”，不用“公告”")
                        .help("公告用于向国内外宣布重要事项或者法定事项"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn local_matter_in_an_announcement() {
        let d = lint_text("t.txt", "示例县水务局关于城西片区停水的公告\n因管网改造，城西片区4月2日停水。\n", "GW108");
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn classified_announcement_is_an_error() {
        let d = lint_text("t.txt", "机密★1年\n示例市人民政府关于调整限行措施的通告\n正文。\n", "GW108");
        assert!(d.iter().any(|d| d.severity == crate::diagnostic::Severity::Error));
    }

    #[test]
    fn proper_notices_are_silent() {
        assert!(
            codes_in("t.txt", "示例县水务局关于城西片区临时停水的通告\n因管网改造，城西片区4月2日停水。\n", "GW108")
                .is_empty()
        );
        assert!(
            codes_in(
                "t.txt",
                "示例县自然资源局国有建设用地使用权挂牌出让公告\n经批准，挂牌出让地块，施工条件具备。\n",
                "GW108"
            )
            .is_empty()
        );
    }
}
