use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, Part, PartFilter};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ForumsCeremonies;

static META: RuleMeta = RuleMeta {
    code: "GW706",
    name: "forums-ceremonies",
    summary: "论坛、庆典、节会从严控制，会议活动经费纳入预算管理",
    category: Category::Deadlines,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::Jiangmen,
    source: "《江门市人民政府工作规则》二十五：“严格控制和规范会议、论坛、庆典、节会等活动。各类会议活动经费要纳入预算管理。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "请示举办论坛、庆典、节会（文化节、旅游节、美食节等）、峰会、博览会、开幕式、周年庆祝活动时，应说明经费来源，\
会议活动经费要纳入预算管理。本规则只看**请示**：标题事由为“举办（举行、承办、筹办）……论坛（庆典、节、峰会、博览会、交易会、开幕式、周年庆祝）”，\
而正文、附件都没有说明经费（“预算”“经费来源”“已列入”“经费……安排（解决、列支、自筹）”）时提示。\
通知、工作规则等描述这项纪律的文件不查。只作提示。属江门规则包。",
    bad: "《关于举办首届示例市美食文化节的请示》，正文未写经费来源。",
    good: "“所需经费已列入本局2024年部门预算。”",
};

static EVENT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:举办|举行|承办|筹办|召开)[^的]{0,30}(?:节|论坛|庆典|峰会|博览会|交易会|开幕式|周年庆祝|周年庆|庆祝大会)(?:活动)?(?:有关事项|相关事项)?的请示")
        .expect("valid")
});
static FUNDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"预算|经费来源|已列入|已纳入|(?:经费|资金|费用)[^。]{0,15}(?:安排|解决|列支|自筹|承担|保障|赞助)")
        .expect("valid")
});

impl Rule for ForumsCeremonies {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.kind() != Some(DocKind::请示) {
            return;
        }
        let Some(title) = &doc.title else { return };
        let Some(event) = EVENT_TITLE.find(&title.text) else { return };
        let text = cx.text();
        let parts = [PartFilter::Is(Part::Body), PartFilter::AnyAttachment, PartFilter::Is(Part::Annotation)];
        if doc.lines_in(&parts).any(|(l, _)| FUNDING.is_match(l.span.text(text))) {
            return;
        }
        let what = event.as_str().trim_end_matches("的请示");
        out.push(
            Finding::new(
                title.span.sub(event.start(), event.end()),
                format!("请示{what}，未说明经费来源及是否纳入预算"),
            )
            .help("严格控制论坛、庆典、节会；写明活动规模和所需经费，如“所需经费已列入本局2024年部门预算”")
            .en("A request to hold a forum, ceremony or festival should state how it is funded"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const REQUEST: &str = "示例市文化广电旅游体育局关于举办首届示例市美食文化节的请示\n示例市人民政府：\n为推动文旅消费，我局拟于10月举办首届示例市美食文化节。\n";

    #[test]
    fn festival_without_funding() {
        let text = format!("{REQUEST}妥否，请批示。\n示例市文化广电旅游体育局\n2024年6月3日\n");
        let d = lint_text("t.txt", &text, "GW706");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn funding_stated_or_other_kinds_are_silent() {
        let text = format!(
            "{REQUEST}所需经费已列入本局2024年部门预算。\n妥否，请批示。\n示例市文化广电旅游体育局\n2024年6月3日\n"
        );
        assert!(codes_in("t.txt", &text, "GW706").is_empty());
        let notice = "示例市文化广电旅游体育局关于举办首届示例市美食文化节的通知\n各县（市、区）文化广电旅游体育局：\n定于10月举办美食文化节。\n示例市文化广电旅游体育局\n2024年6月3日\n";
        assert!(codes_in("t.txt", notice, "GW706").is_empty());
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW706").is_empty());
    }
}
