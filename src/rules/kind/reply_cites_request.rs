use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::document::kind::title_kind;
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ReplyCitesRequest;

static META: RuleMeta = RuleMeta {
    code: "GW106",
    name: "reply-cites-request",
    summary: "批复、复函开头引述来文标题和发文字号",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第八条（十二）：“批复。适用于答复下级机关请示事项。”；实务：批复开头引述“你X《关于……的请示》（X〔年〕X号）收悉”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "批复、复函答复的是具体的来文，开头应引述来文的标题和发文字号，写明“收悉”，使收文机关知道答复的是哪件事。\
本规则检查批复、标题含“复函”的函和以“答复”为题的函：正文前两段里既没有“收悉”，也没有一句话以“你（贵）X”引出来文\
（《标题》、文号、来文、来函、申请、材料、提案……）并写明收到（“悉”“收到”“业经……批准”，提案答复的“现将您提出的……提案办理情况答复如下”）时报告。\
“你单位报来的《……审批表》等有关申报材料悉”“你市《关于……的请示》（……号）业经省政府批准”都算已引述来文；\
来文没有标题或文号的，引其一也可以。这是实务惯例，报告为警告。",
    bad: "经研究，同意你县调整城区规划。",
    good: "你县《关于调整城区规划的请示》（示县府〔2024〕12号）收悉。经研究，批复如下：……",
};

impl Rule for ReplyCitesRequest {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // A 函 is a reply when its title says 复函, or ends in 答复 (to a proposal or suggestion).
        let is_reply_letter = doc.kind() == Some(DocKind::函)
            && doc
                .title
                .as_ref()
                .is_some_and(|t| t.text.contains("复函") || title_kind(&t.text).is_some_and(|k| k.word == "答复"));
        if doc.kind() != Some(DocKind::批复) && !is_reply_letter {
            return;
        }
        let text = cx.text();
        let first_two: Vec<_> = doc.body_paragraphs().take(2).collect();
        let Some(first) = first_two.first() else { return };
        if let Some(citing) = first_two.iter().find(|p| cites_incoming(p.span.text(text))) {
            // Cited, but by neither its title in 《》 nor its number: which document is answered
            // the reader cannot look up.
            let opening = citing.span.text(text);
            let sentence = opening.split_inclusive(['。', '；']).find(|s| s.contains('悉') || ACKNOWLEDGED.is_match(s));
            // A 请示 always carries its title and number; an application (申请) or a proposal may
            // have neither, and a 复函 citing one as `你单位……的申请收悉` cites all there is.
            if let Some(sentence) = sentence
                && doc.kind() == Some(DocKind::批复)
                && sentence.contains("请示")
                && !sentence.contains('《')
                && !NUMBER_CITED.is_match(sentence)
                && !sentence.contains("提案")
                && !sentence.contains("建议")
            {
                let at = opening.find(sentence).unwrap_or(0);
                out.push(
                    Finding::new(citing.span.sub(at, at + sentence.len()), "引述来文未写明标题（加书名号）和发文字号")
                        .help("写为“你X《关于……的请示》（X〔年〕X号）收悉”")
                        .en("Cite the request by its title in 《》 and its document number"),
                );
            }
            return;
        }
        out.push(
            Finding::new(first.span, format!("{}开头未引述来文", if is_reply_letter { "复函" } else { "批复" }))
                .help("开头写明“你X《关于……的请示》（X〔年〕X号）收悉”")
                .en("A reply should open by citing the title and number of the request it answers"),
        );
    }
}

/// The addressee's own document, named: 你县《…》, 贵局来函, 你单位报来的…材料, 你镇东政〔2023〕176号文,
/// 您提出的《…》（第202045号）.
static CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[你您贵][^。；！？]{0,80}?(?:《|来文|来函|〔|号文|申请|材料|提案|建议|请示|报告|函)").expect("valid")
});

/// A document number in a citation: `示县府〔2024〕12号`, `[2022]21号`, `176号文`.
static NUMBER_CITED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]|\d+号").expect("valid"));

/// Its receipt acknowledged: (收)悉, 收到, 业经省政府批准; or the answer announced, as a reply to a
/// proposal does: 现将您提出的……提案办理情况答复如下.
static ACKNOWLEDGED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"悉|收到|业经[^。；！？]{0,30}批准|(?:答复|函复)如下").expect("valid"));

/// Whether a paragraph opens a reply by citing the document it answers: 收悉 anywhere, or one
/// sentence that names the addressee's document and then says it was received (or approved).
fn cites_incoming(paragraph: &str) -> bool {
    paragraph.contains("收悉")
        || paragraph
            .split_inclusive(['。', '；', '！', '？'])
            .any(|sentence| CITED.find(sentence).is_some_and(|cited| ACKNOWLEDGED.is_match(&sentence[cited.end()..])))
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn reply_without_citation() {
        let d = lint_text(
            "t.txt",
            "示例市人民政府关于同意示例县调整城区规划的批复\n示例县人民政府：\n经研究，同意你县调整城区规划。\n此复。\n",
            "GW106",
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn reply_with_citation_is_silent() {
        let text = "示例市人民政府关于同意示例县调整城区规划的批复\n示例县人民政府：\n你县《关于调整城区规划的请示》（示县府〔2024〕12号）收悉。经研究，批复如下：\n同意调整。\n此复。\n";
        assert!(codes_in("t.txt", text, "GW106").is_empty());
    }

    #[test]
    fn other_accepted_openings_are_citations() {
        for opening in [
            "你单位报来的《地名命名更名申报审批表》等有关地名命名申报材料悉。",
            "你市《关于营口市老边区2022年度第10批次建设用地的请示》（营政土字[2022]21号）业经省政府批准。",
            "你镇东政〔2023〕176号文悉。",
            "贵局来函已收到。",
            "你乡关于调整村庄规划的申请收到。",
            "您提出的《关于请求成立西园社区的提案》（第202045号）已收到，现答复如下：",
            "现将您提出的关于加快建设乡村道路维修及维护的提案办理情况答复如下：",
        ] {
            assert!(super::cites_incoming(opening), "{opening}");
        }
        for opening in
            ["经研究，同意你县调整城区规划。", "你市要严格按照批准的规划实施建设管理。", "我镇已知悉有关情况。"]
        {
            assert!(!super::cites_incoming(opening), "{opening}");
        }
    }

    #[test]
    fn a_citation_by_neither_title_nor_number() {
        let text = "示例省人民政府关于示例市消防规划的批复\n示例市人民政府：\n你市报来的关于审批消防规划的请示收悉。经研究，批复如下：\n一、原则同意。\n此复。\n";
        let d = lint_text("t.txt", text, "GW106");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("书名号"), "{}", d[0].message);
        let numbered = text.replace("的请示收悉", "的请示（示府〔2026〕3号）收悉");
        assert!(codes_in("t.txt", &numbered, "GW106").is_empty());
        let titled = text.replace("关于审批消防规划的请示", "《关于审批消防规划的请示》");
        assert!(codes_in("t.txt", &titled, "GW106").is_empty());
    }

    #[test]
    fn an_answer_to_a_proposal_is_a_reply() {
        let d = lint_text(
            "t.txt",
            "关于区政协九届四次会议第202045号提案办理情况的答复\n吴传平委员：\n经研究，现答复如下：\n",
            "GW106",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("复函"), "{}", d[0].message);
    }
}
