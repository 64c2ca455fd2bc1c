use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::routing::common::{
    clause_before, has_modal, is_provision, negated, own_matches, requests, sentence_of,
};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct SimplifiedReception;

static META: RuleMeta = RuleMeta {
    code: "GW805",
    name: "simplified-reception",
    summary: "调研考察减少陪同、简化接待",
    category: Category::Discipline,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "中央八项规定第一条：到基层调研要轻车简从、减少陪同、简化接待，不张贴悬挂标语横幅，不安排群众迎送，不铺设迎宾地毯，不摆放花草，不安排宴请（条文待核）；地方同类规定如《江门市人民政府工作规则》四十二：“市政府领导同志考察调研、出席会议活动要严格执行中央八项规定及省、市有关要求，减少陪同人员，简化接待工作，规范新闻报道。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "调研、考察、检查的通知和函不应要求层层陪同、迎来送往、悬挂横幅、宴请。本规则检查标题含“调研”“考察”“检查”“视察”的通知和函，\
在正文（本机关自己的话）中提出要求的句子里找：“全程陪同”“主要负责同志（主要领导）陪同”“层层陪同”“迎送”“悬挂（张贴）横幅（标语）”\
“欢迎仪式”“列队欢迎”“宴请”。\n\n\
否定句（“不搞层层陪同，不安排迎送，不悬挂横幅”）不报；引文、附件不查。只作提示。\
依据是中央八项规定，属 national 规则包。",
    bad: "“请各县（市、区）主要负责同志全程陪同，并在调研点悬挂欢迎横幅。”",
    good: "“不搞层层陪同，不安排迎送，不悬挂横幅，由1名分管负责同志陪同即可。”",
};

static RECEPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:全程|主要负责同志|主要负责人|主要领导|层层)陪同|迎送|(?:悬挂|张贴)[^。；，]{0,6}(?:横幅|标语)|欢迎仪式|列队欢迎|宴请")
        .expect("valid")
});
static VISIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"调研|考察|检查|视察").expect("valid"));

impl Rule for SimplifiedReception {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if !matches!(doc.kind(), Some(DocKind::通知 | DocKind::函))
            || !doc.title.as_ref().is_some_and(|t| VISIT.is_match(&t.text))
        {
            return;
        }
        let text = cx.text();
        let mut seen: Vec<Span> = Vec::new();
        for m in own_matches(cx, &RECEPTION) {
            let sentence = sentence_of(cx, m);
            let s = sentence.text(text);
            if seen.contains(&sentence) || negated(clause_before(text, sentence, m)) {
                continue;
            }
            let before = text.get(sentence.start..m.start).unwrap_or("");
            if !(is_provision(s) || has_modal(s) || requests(before)) {
                continue;
            }
            seen.push(sentence);
            out.push(
                Finding::new(m, format!("调研考察要减少陪同人员、简化接待：“{}”", m.text(text)))
                    .help("不搞层层陪同，不安排迎送，不悬挂横幅，不安排宴请；陪同人员按工作需要从简")
                    .en("Keep visits simple: fewer escorts, no welcome ceremonies or banquets"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const NOTICE: &str =
        "示例市人民政府办公室关于吴市长到各县（市、区）开展乡村振兴调研的通知\n各县（市、区）人民政府：\n";

    fn doc(body: &str) -> String {
        format!("{NOTICE}{body}\n示例市人民政府办公室\n2024年3月11日\n")
    }

    #[test]
    fn escorts_and_banners() {
        let text = doc("请各县（市、区）主要负责同志全程陪同，并在调研点悬挂欢迎横幅。");
        let d = lint_text("t.txt", &text, "GW805");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.text(&text), "全程陪同");
    }

    #[test]
    fn simplified_arrangements_are_silent() {
        for body in
            ["不搞层层陪同，不安排迎送，不悬挂横幅，由1名分管负责同志陪同即可。", "调研组轻车简从，不安排宴请。"]
        {
            assert!(codes_in("t.txt", &doc(body), "GW805").is_empty(), "{body}");
        }
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW805").is_empty());
    }
}
