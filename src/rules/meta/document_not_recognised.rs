use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, Document};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct DocumentNotRecognised;

static META: RuleMeta = RuleMeta {
    code: "GW004",
    name: "document-not-recognised",
    summary: "未能确定文种、发文机关、主送机关或其间的关系，依赖它们的规则未能检查",
    category: Category::Meta,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "gwlint 约定：识别不出的部分要说出来，不能让规则悄悄跳过",
    fix: FixAvailability::None,
    needs: &[],
    docs: "行文规则（文种、请示一文一事、越级、多头报文……）要先知道这份草稿是什么文种、谁发给谁。\
识别不出时，这些规则无从检查——本规则把这一点说出来：缺了什么、为什么没识别出来、有几条规则因此没有检查。\n\n\
- **文种**：标题没有识别出来，或标题不以法定文种结尾；\n\
- **发文机关**：版头、标题、署名都没有写明，或写明的名称不在机构表中；\n\
- **主送机关**：请示、报告、通知、函、批复、意见、通报、议案没有识别出主送机关（公告、通告、令、纪要、\
公报、决议、决定本来就可以不标主送）；\n\
- **主送机关与发文机关的关系**：请示、报告、意见上行时，机构表说不出主送机关是不是发文机关的上级（例如发文机关、\
主送机关一方的所在地或主管部门不明），“不相隶属用函”（GW105）和“越级行文”（GW202）无从判断。\n\n\
完全不像公文的文件（没有标题、主送、发文字号、文种、署名，例如仓库里的 README）只报告一次“未识别为公文”，\
文字、标点、数字规则照常检查。运行 `gwlint parse 文件` 可以看到识别结果；在前置元数据中写明“文种”“发文机关”，\
或在 gwlint.toml 的 `[[org]]` 中声明本单位，都能补上识别不出的部分。",
    bad: "某某县农业农村局关于农田水利建设情况的汇报\n（标题以“汇报”结尾：文种未能确定）",
    good: "某某县农业农村局关于农田水利建设情况的报告\n某某县人民政府：",
};

/// Why a fact is missing, in the drafter's terms.
fn why(doc: &Document, need: Need) -> String {
    match need {
        Need::Kind => match (&doc.title, &doc.title_ending) {
            (None, _) => "未识别出标题，文种无从确定".into(),
            (Some(_), Some(ending)) => format!("标题以“{}”结尾，不是法定文种", ending.text),
            (Some(t), None) => format!("标题“{}”未以文种结尾", excerpt(&t.text)),
        },
        Need::Sender => match &doc.issuer {
            None => "版头、标题、署名都没有写明发文机关".into(),
            Some(i) => format!("发文机关“{}”不在机构表中（可在 gwlint.toml 的 [[org]] 中声明）", i.name),
        },
        Need::Recipients => "未识别出主送机关（标题之后应是“主送机关：”一行）".into(),
        Need::Relation => {
            let sender = doc.parties.sender.as_ref().map_or("发文机关", |s| s.name.as_str());
            let unknown: Vec<String> = doc.parties.unplaced_main().map(|p| format!("“{}”", p.field.text)).collect();
            format!(
                "{}与“{sender}”的隶属关系不明（可在 gwlint.toml 的 [[org]] 中声明本单位的上级）",
                unknown.join("、")
            )
        }
        Need::Direction => "行文方向无从确定".into(),
    }
}

fn excerpt(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect();
    let mut out: String = one_line.chars().take(24).collect();
    if one_line.chars().count() > 24 {
        out.push('…');
    }
    out
}

impl Rule for DocumentNotRecognised {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // An empty file says nothing, and nothing need be said about it.
        if doc.lines.is_empty() {
            return;
        }
        // Recipients are missing only where the kind takes them; direction follows from the
        // kind and the parties, so it is never the first thing to say.
        let relevant = |need: Need| match need {
            Need::Recipients => doc.kind().is_some_and(DocKind::takes_recipients),
            Need::Direction => false,
            _ => true,
        };
        let unchecked: Vec<_> = cx.unchecked.iter().filter(|u| relevant(u.need)).collect();
        if unchecked.is_empty() {
            return;
        }
        let mut missing: Vec<Need> = unchecked.iter().map(|u| u.need).collect();
        missing.sort();
        missing.dedup();
        let codes: Vec<&str> = unchecked.iter().map(|u| u.code).collect();
        let first_line = doc.lines.first().map_or(Span::new(0, 0), |(l, _)| l.span);
        let span = doc.title.as_ref().map_or(first_line, |t| t.span);
        let listed = if codes.len() > 6 { format!("{} 等", codes[..6].join("、")) } else { codes.join("、") };
        let finding = if !doc.looks_like_official_document() {
            Finding::new(span, format!("未识别为公文（没有标题、主送机关、发文字号、文种或署名），已跳过 {} 条公文规则，只检查文字、标点和数字", codes.len()))
                .help("如果这是公文草稿，检查标题和主送机关的写法，或在前置元数据中写明“文种”“发文机关”；如果不是，可在 gwlint.toml 或 pre-commit 的 exclude 中排除")
                .en(format!("Not recognised as an official document; {} document rules were skipped", codes.len()))
        } else {
            let names: Vec<&str> = missing.iter().map(|n| n.zh()).collect();
            let reasons: Vec<String> = missing.iter().map(|&n| why(doc, n)).collect();
            Finding::new(
                span,
                format!("未能确定{}，{} 条规则未能检查（{listed}）：{}", names.join("、"), codes.len(), reasons.join("；")),
            )
            .help("运行 gwlint parse 查看识别结果；在前置元数据中写明“文种”“发文机关”，或在 gwlint.toml 的 [[org]] 中声明本单位")
            .en(format!("Could not determine {}; {} rules could not check this draft", names.join(", "), codes.len()))
        };
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;

    /// With every default rule on: GW004 speaks of the rules that could not run.
    fn lint_text(path: &str, text: &str, code: &str) -> Vec<Diagnostic> {
        let source = crate::source::Source::from_text(path, text);
        let settings = crate::config::Settings::default();
        let d = crate::engine::lint(&source, &settings, &crate::org::OrgView::default());
        d.into_iter().filter(|d| d.code == code).collect()
    }

    /// A speech has a title (ending in 讲话) though no legal kind, 主送 or 文号: GW004 says
    /// which rules could not run and why, not that the draft has no title.
    #[test]
    fn a_speech_is_a_document_whose_kind_is_not_a_legal_one() {
        let text = "在全县冬季道路交通安全工作会议上的讲话\n县公安局交通警察大队大队长　岑国栋\n（2025年11月6日）\n同志们：\n今天召开这次会议。\n";
        let d = lint_text("t.txt", text, "GW004");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("未能确定文种"), "{}", d[0].message);
        assert!(d[0].message.contains("“讲话”"), "{}", d[0].message);
    }

    #[test]
    fn says_what_is_missing_and_how_many_rules_could_not_run() {
        let text = "某某县农业农村局关于农田水利建设情况的说明\n某某县人民政府：\n现将有关情况说明如下。\n";
        let d = lint_text("t.txt", text, "GW004");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("未能确定文种"), "{}", d[0].message);
        assert!(d[0].message.contains("“说明”"), "{}", d[0].message);
        // `情况汇报` does a 报告's work: the rules check it as one (GW103 names the word).
        let report = text.replace("的说明", "的情况汇报").replace("说明如下", "汇报如下");
        assert!(lint_text("t.txt", &report, "GW004").is_empty());
        assert!(d[0].message.contains("GW101"), "{}", d[0].message);
    }

    /// A request to a body the organisation model cannot place against the sender (a town named
    /// without its county, to a county's 财政局): GW105 and GW202 cannot tell whether it is a
    /// 上级, and GW004 says so instead of letting them fall quiet.
    #[test]
    fn an_unknown_relation_is_said() {
        let text = "关于申请拨付防汛物资储备经费的请示\n延吉市财政局：\n申请拨付防汛物资储备经费20万元。\n妥否，请批示。\n依兰镇人民政府\n2025年3月26日\n（联系人：王某，电话：0433-1234567）\n";
        let d = lint_text("t.txt", text, "GW004");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("关系"), "{}", d[0].message);
        assert!(d[0].message.contains("GW105"), "{}", d[0].message);
        assert!(d[0].message.contains("“延吉市财政局”"), "{}", d[0].message);
        // A known superior leaves nothing unsaid.
        let known =
            text.replace("延吉市财政局：", "延吉市人民政府：").replace("依兰镇人民政府\n", "延吉市卫生健康局\n");
        let known = lint_text("t.txt", &known, "GW004");
        assert!(known.iter().all(|d| !d.message.contains("关系")), "{known:?}");
    }

    #[test]
    fn recipients_stated_in_front_matter_are_recipients() {
        let body = "台山市教育局关于申请校舍维修经费的请示\n\n我局拟对校舍进行维修，所需经费请予核拨。\n\n妥否，请批示。\n\n台山市教育局\n2024年3月1日\n";
        let missing = lint_text("t.md", body, "GW004");
        assert!(missing.iter().any(|d| d.message.contains("主送机关")), "{missing:?}");
        let stated = format!("---\n主送: [台山市人民政府]\n---\n{body}");
        let d = lint_text("t.md", &stated, "GW004");
        assert!(d.iter().all(|d| !d.message.contains("主送机关")), "{d:?}");
    }

    #[test]
    fn a_recognised_draft_is_silent() {
        let text = "江门市教育局关于申请校舍维修资金的请示\n江门市人民政府：\n拟申请资金1850万元。\n妥否，请批示。\n江门市教育局\n2024年4月8日\n";
        assert!(lint_text("t.txt", text, "GW004").is_empty());
        // A 公告 has no 主送 by design.
        let text =
            "江门市人民政府关于征收土地的公告\n根据有关规定，现将有关事项公告如下。\n江门市人民政府\n2024年4月8日\n";
        assert!(lint_text("t.txt", text, "GW004").is_empty());
    }

    #[test]
    fn an_unknown_sender_is_named() {
        let text = "某某协同创新联盟关于申请经费的请示\n某某市科学技术局：\n拟申请经费。\n妥否，请批示。\n某某协同创新联盟\n2024年4月8日\n";
        let d = lint_text("t.txt", text, "GW004");
        assert!(d.iter().any(|d| d.message.contains("发文机关“某某协同创新联盟”不在机构表中")), "{d:?}");
    }

    #[test]
    fn a_file_that_is_no_document_is_said_once() {
        let d = lint_text("README.md", "本仓库说明\n\n这里存放各科室的草稿。\n", "GW004");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.starts_with("未识别为公文"), "{}", d[0].message);
    }
}
