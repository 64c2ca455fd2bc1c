use super::common::{clause_before, is_normative, negated, sentence_of};
use crate::diagnostic::{Finding, Severity};
use crate::document::{MaskKind, MaskSet, Part};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct NormativeForbiddenContent;

static META: RuleMeta = RuleMeta {
    code: "GW215",
    name: "normative-forbidden-content",
    summary: "规范性文件不得设定行政许可、行政处罚、行政强制、收费等事项",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）：行政规范性文件“不得设定行政许可、行政处罚、行政强制等事项，增加办理行政许可事项的条件，规定出具循环证明、重复证明、无谓证明的内容”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "行政许可、行政处罚、行政强制只能由法律、法规、规章设定，行政规范性文件只能在上位法规定的范围内作出具体规定。\
本规则检查**规范性文件**（前置元数据“规范性文件: 是”，发文字号为“X规〔年〕号”样式，或写成条文并以“本办法自……起施行”结尾，见 GW214）的正文及其印发的附件\
（规范性文件本身就是发文机关自己的话；转发、批转的上级文件不查），找出自行设定的：\n\n\
- 行政处罚：“处（并处、予以）……罚款（没收、吊销、责令停产停业、拘留）”；\n\
- 行政强制：“查封”“扣押”“冻结”；\n\
- 行政许可：“须经……审批（批准、许可）”“应当取得……许可”；\n\
- 收费：“收取……费”“缴纳……保证金（押金）”；\n\
- 证明：“出具（开具）……证明”（提示）。\n\n\
同一句（“除……外”从句除外）或前一句引用了上位法（“依照《……》”“根据……法律法规”“依法”）的转述性条款不报；否定句（“不得收取任何费用”）不报。\
引号、书名号内的文字不查。不是规范性文件的文稿一律不查。",
    bad: "“违反本办法规定的，由市城管局处500元以上2000元以下罚款。”（无上位法依据）",
    good: "“违反本办法规定的，由市城管局依照《示例省城乡容貌和环境卫生管理条例》第X条予以处罚。”",
};

/// What the document sets up itself, with the kind of power it is.
static FORBIDDEN: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (r"(?:处|并处|予以|给予)[^。；，]{0,20}(?:罚款|没收|吊销|责令停产停业|拘留)", "行政处罚"),
        (r"查封|扣押|冻结", "行政强制"),
        (r"(?:须|需|必须|应当|应)经[^。；，]{0,24}(?:审批|批准|许可)|(?:须|必须|应当|应)(?:取得|办理)[^。；，]{0,10}(?:许可|审批)", "行政许可"),
        (r"收取[^。；，]{0,10}费|(?:缴纳|交纳|收取)[^。；，]{0,10}(?:保证金|押金)", "收费"),
        (r"(?:出具|开具)[^。；，]{0,10}证明", "证明事项"),
    ]
    .into_iter()
    .map(|(p, what)| (Regex::new(p).expect("valid"), what))
    .collect()
});
/// A restatement of a higher-level law, not a new power.
static CITES_LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:依照|依据|根据|按照|适用)《|依法|(?:依照|依据|根据|按照)[^。；]{0,12}(?:法律|法规|规章|规定)")
        .expect("valid")
});

/// `除……外`: what a clause excepts.
static EXCEPTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"除[^，。；]{1,40}(?:以外|之外|外)").expect("valid"));

/// Own words of the normative document: the 正文 and, when the draft 印发s it (not 转发/批转), the
/// attachment; quotations, 《》 and block quotes excluded.
fn own_normative_matches(cx: &Context, re: &Regex) -> Vec<Span> {
    let text = cx.text();
    let issues_own = cx.doc.title.as_ref().is_some_and(|t| {
        ["印发", "发布", "公布", "颁布"].iter().any(|w| t.text.contains(w))
            && !t.text.contains("转发")
            && !t.text.contains("批转")
    });
    let masks = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
    let mut out = Vec::new();
    for p in
        cx.doc.body.iter().filter(|p| p.part == Part::Body || (issues_own && matches!(p.part, Part::Attachment(_))))
    {
        for m in re.find_iter(p.span.text(text)) {
            let span = p.span.sub(m.start(), m.end());
            if !cx.doc.masks.hits(masks, span) {
                out.push(span);
            }
        }
    }
    out
}

impl Rule for NormativeForbiddenContent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if !is_normative(cx) {
            return;
        }
        let text = cx.text();
        let mut hits: Vec<(Span, Span, &str)> = Vec::new();
        for (re, what) in FORBIDDEN.iter() {
            for m in own_normative_matches(cx, re) {
                let sentence = sentence_of(cx, m);
                if hits.iter().any(|(_, s, _)| *s == sentence) || negated(clause_before(text, sentence, m)) {
                    continue;
                }
                // The sentence itself, or the one before it, cites the law it restates.
                let previous = text
                    .get(..sentence.start)
                    .and_then(|b| b.char_indices().next_back())
                    .map_or(Span::empty(sentence.start), |(i, _)| sentence_of(cx, Span::empty(i)));
                // Without a `除……外` clause: `除依法办理规划许可外，还须经街道审批` cites the law
                // for the permit it excepts, not for the approval it adds.
                let governing = EXCEPTED.replace_all(sentence.text(text), "");
                let previous_cites = CITES_LAW.is_match(&EXCEPTED.replace_all(previous.text(text), ""));
                if CITES_LAW.is_match(&governing) || previous_cites {
                    continue;
                }
                hits.push((m, sentence, what));
            }
        }
        hits.sort_by_key(|h| h.0.start);
        for (m, _, what) in hits {
            let quote = m.text(text);
            let f = Finding::new(m, format!("规范性文件不得自行设定{what}：“{quote}”"))
                .help("删除该条款，或写明所依据的法律、法规、规章条文（“依照《……》第X条……”）")
                .en(format!("A normative document must not create {what} on its own authority"));
            out.push(if what == "证明事项" { f.severity(Severity::Info) } else { f });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{codes_in, lint_text};

    fn rules(article: &str) -> String {
        format!(
            "---\n规范性文件: 是\n---\n示例市人民政府关于印发《示例市城市容貌管理办法》的通知\n各县（市、区）人民政府，市政府各部门：\n现将《示例市城市容貌管理办法》印发给你们，请认真贯彻执行。\n示例市人民政府\n2024年6月3日\n示例市城市容貌管理办法\n第一条　为加强城市容貌管理，制定本办法。\n第十八条　{article}\n第十九条　本办法自2024年7月1日起施行，有效期5年。\n"
        )
    }

    #[test]
    fn fines_licences_and_fees_set_by_the_document() {
        let text = rules("违反本办法规定的，由市城管局处500元以上2000元以下罚款。");
        assert_eq!(codes_in("t.txt", &text, "GW215"), ["GW215:处500元以上2000元以下罚款"]);
        let text = rules("在城市道路设置户外广告的，须经市城管局审批。");
        assert_eq!(lint_text("t.txt", &text, "GW215").len(), 1);
        let text = rules("市城管局可以向申请人收取审查费。");
        assert_eq!(lint_text("t.txt", &text, "GW215").len(), 1);
        let text = rules("申请人应当出具居住地社区证明。");
        assert_eq!(lint_text("t.txt", &text, "GW215")[0].severity, Severity::Info);
    }

    #[test]
    fn restating_the_law_and_negations_are_silent() {
        for article in [
            "违反本办法规定的，由市城管局依照《示例省城乡容貌和环境卫生管理条例》第三十条予以处罚。",
            "违反本办法规定的，由市城管局依法处以罚款。",
            "办理户外广告设置审批，不得收取任何费用。",
            "不得要求申请人出具无谓证明。",
        ] {
            assert!(codes_in("t.txt", &rules(article), "GW215").is_empty(), "{article}");
        }
    }

    /// The law a `除……外` clause cites covers what it excepts, not the approval the sentence adds.
    #[test]
    fn a_citation_for_the_excepted_permit_covers_nothing_else() {
        let text = rules(
            "村民新建住宅，除依法办理乡村建设规划许可外，还须经所在街道办事处审批同意并缴纳住宅建设保证金后方可开工。",
        );
        assert_eq!(codes_in("t.txt", &text, "GW215"), ["GW215:须经所在街道办事处审批"]);
        let text = rules("村民新建住宅，应当缴纳住宅建设保证金。");
        assert_eq!(codes_in("t.txt", &text, "GW215"), ["GW215:缴纳住宅建设保证金"]);
        let text = rules("村民新建住宅，依法办理乡村建设规划许可，须经所在街道办事处审批。");
        assert!(codes_in("t.txt", &text, "GW215").is_empty());
    }

    #[test]
    fn only_normative_documents() {
        // Neither declared nor written as provisions that enter into force: a 方案 quoting articles.
        let text = rules("违反本办法规定的，由市城管局处500元以上2000元以下罚款。")
            .replace("规范性文件: 是", "草稿: 是")
            .replace("第十九条　本办法自2024年7月1日起施行，有效期5年。\n", "");
        assert!(codes_in("t.txt", &text, "GW215").is_empty());
        // Written as provisions, it is one, declared or not.
        let text =
            rules("违反本办法规定的，由市城管局处500元以上2000元以下罚款。").replace("规范性文件: 是", "草稿: 是");
        assert_eq!(codes_in("t.txt", &text, "GW215"), ["GW215:处500元以上2000元以下罚款"]);
        let forwarded =
            rules("违反本办法规定的，由市城管局处500元以上2000元以下罚款。").replace("关于印发", "关于转发");
        assert!(codes_in("t.txt", &forwarded, "GW215").is_empty());
    }
}
