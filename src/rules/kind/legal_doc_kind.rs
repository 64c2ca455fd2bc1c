use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::kind::title_kind;
use crate::document::{DocKind, Evidence};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct LegalDocKind;

static META: RuleMeta = RuleMeta {
    code: "GW103",
    name: "legal-doc-kind",
    summary: "使用15种法定文种；不生造、不重叠文种",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第八条：“公文种类主要有：（一）决议……（十五）纪要。”；第十九条（四）“文种正确，格式规范。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "公文标题的最后一个词是文种，应为条例第八条的 15 种之一：决议、决定、命令（令）、公报、公告、通告、意见、通知、\
通报、报告、请示、批复、议案、函、纪要（“会议纪要”“复函”也接受）。\
“答复”（提案、建议办理答复，属函）、“决定书”（属决定）是通行名称，只作提示；\
文种字间的排版空格（“……的 批 复”）不影响识别。本规则报告：\n\n\
- 以事务文书作标题（方案、办法、规定、要点、总结、汇报、说明、申请……）：这类文书应作为附件，用“关于印发《……》的通知”行文；\n\
- 文种重叠（“请示报告”“申请报告”“请示函”），可安全改为正确文种时给出修改；\n\
- 标题没有文种；\n\
- “关于请求……的请示”语义重复（提示）。\n\n\
讲话稿、发言、致辞、贺信、贺电和简报不是公文，不报。只检查公文的主标题；书名号内的名称（如印发的《工作规则》）不是文种。前置元数据声明了文种时以声明为准。",
    bad: "示例市文化广电旅游体育局2024年工作要点\n关于申请建设资金的请示报告",
    good: "示例市文化广电旅游体育局关于印发2024年工作要点的通知\n关于申请建设资金的请示",
};

/// Doubled kinds and the kind they should be.
const DOUBLED: &[(&str, &str)] =
    &[("请示报告", "请示"), ("申请报告", "请示"), ("报告请示", "请示"), ("请示函", "函"), ("申请函", "函")];

static REDUNDANT_REQUEST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"关于请求.+的请示$").expect("valid"));

impl Rule for LegalDocKind {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(title) = &doc.title else { return };
        // `本仓库说明` heading a README is no 公文 title (GW004 says the file was not judged).
        if !doc.looks_like_official_document() {
            return;
        }
        if doc.kind.as_ref().is_some_and(|k| k.evidence == Evidence::FrontMatter) {
            return;
        }
        let trimmed = title.text.trim_end_matches(['。', '.', ' ', '\u{3000}']);
        if let Some(ending) = &doc.title_ending {
            if let Some((bad, good)) = DOUBLED.iter().find(|(bad, _)| ending.text == *bad) {
                out.push(
                    Finding::new(ending.span, format!("文种重叠：“{bad}”不是法定文种，应为“{good}”"))
                        .help(format!("标题以“{good}”结尾"))
                        .fix(Fix::safe(format!("改为“{good}”"), vec![Edit::replace(ending.span, *good)]))
                        .en(format!("“{bad}” doubles two document kinds; use “{good}”")),
                );
                return;
            }
            // Speeches, greetings and bulletins (a 简报 is never sent as an attachment) are not
            // 公文 at all; the kinds rule has nothing to say.
            let not_gongwen = crate::document::kind::names_no_gongwen(&ending.text);
            let stand_in = doc.kind.as_ref().filter(|k| k.evidence == Evidence::StandIn).map(|k| k.kind);
            if (doc.kind.is_none() || stand_in.is_some()) && DocKind::parse(&ending.text).is_none() && !not_gongwen {
                let help = match stand_in {
                    Some(kind) => format!("按其作用应为“{}”，标题以“{}”结尾", kind.zh(), kind.zh()),
                    None => format!(
                        "事务文书应作为附件行文，如“关于印发《……{}》的通知”；或改用 15 种法定文种之一",
                        ending.text
                    ),
                };
                out.push(
                    Finding::new(ending.span, format!("“{}”不是法定文种", ending.text))
                        .help(help)
                        .en(format!("“{}” is not one of the 15 legal document kinds", ending.text)),
                );
                return;
            }
        } else if doc.kind.is_none() && !trimmed.ends_with('》') {
            out.push(
                Finding::new(title.span, "标题缺少文种")
                    .help("标题由发文机关名称、事由和文种组成，以 15 种法定文种之一结尾")
                    .en("The title does not end with a document kind"),
            );
            return;
        }
        // 答复, 决定书: names in use for a legal kind, said once as information.
        if let Some(named) = title_kind(&title.text).filter(|t| t.is_unusual_name())
            && doc.kind() == Some(named.kind)
        {
            let span = title.span.sub(named.start, named.start + named.len);
            out.push(
                Finding::new(span, format!("“{}”是通行名称，对应的法定文种是“{}”", named.word, named.kind.zh()))
                    .help(format!("本单位要求使用法定文种名称的，标题可改以“{}”结尾", named.kind.zh()))
                    .severity(Severity::Info)
                    .en(format!("“{}” is an accepted name for the legal kind “{}”", named.word, named.kind.zh())),
            );
        }
        if doc.kind() == Some(DocKind::请示) && REDUNDANT_REQUEST.is_match(trimmed) {
            let at = trimmed.find("请求").unwrap_or(0);
            out.push(
                Finding::new(title.span.sub(at, at + "请求".len()), "“关于请求……的请示”语义重复")
                    .help("删去“请求”，如“关于追加经费的请示”")
                    .severity(Severity::Info),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn a_file_that_is_no_document_is_not_judged() {
        assert!(codes_in("README.md", "本仓库说明\n\n这里存放各科室的草稿。\n", "GW103").is_empty());
    }

    /// A speech or a bulletin is no 公文: its title's last word names no kind to correct.
    #[test]
    fn speeches_and_bulletins_are_not_judged_as_kinds() {
        let speech = "在全县冬季道路交通安全工作会议上的讲话\n县公安局交通警察大队大队长　岑国栋\n（2025年11月6日）\n同志们：\n今天召开这次会议。\n";
        assert!(codes_in("t.txt", speech, "GW103").is_empty());
        let bulletin = "工作简报\n第12期\n开发区管委会办公室　　2025年12月18日\n开发区扎实开展根治欠薪专项行动\n为保障农民工按时拿到工资，开展专项行动。\n";
        assert!(codes_in("t.txt", bulletin, "GW103").is_empty());
        // A plan is a document that should travel as an attachment: still said.
        assert_eq!(codes_in("t.txt", "示例县森林防火工作方案\n各分场：\n正文。\n", "GW103").len(), 1);
    }

    #[test]
    fn non_legal_and_doubled_kinds() {
        let d = lint_text("t.txt", "示例市文化广电旅游体育局2024年工作要点\n各科室：\n正文。\n", "GW103");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("工作要点") || d[0].message.contains("要点"), "{}", d[0].message);
        assert_fixed(
            "关于申请建设资金的请示报告\n示例市人民政府：\n正文。\n",
            "GW103",
            "关于申请建设资金的请示\n示例市人民政府：\n正文。\n",
        );
    }

    #[test]
    fn legal_kinds_and_book_titles_are_silent() {
        for title in [
            "江门市人民政府关于印发《江门市人民政府工作规则》的通知",
            "示例市人民政府关于同意设立示例公园的批复",
            "示例市人民政府常务会议纪要",
            "示例市教育局关于商请支持的复函",
            "示例市人民政府令",
        ] {
            assert!(codes_in("t.txt", &format!("{title}\n各区人民政府：\n正文。\n"), "GW103").is_empty(), "{title}");
        }
    }

    #[test]
    fn missing_kind() {
        let d = lint_text("t.txt", "示例市应急管理局关于开展安全生产大检查\n各区应急管理局：\n正文。\n", "GW103");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("缺少文种"));
    }

    #[test]
    fn accepted_names_are_information_and_spaced_kinds_are_kinds() {
        let d =
            lint_text("t.txt", "关于区政协九届四次会议第202045号提案办理情况的答复\n吴传平委员：\n正文。\n", "GW103");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
        assert_eq!(d[0].span.text("关于区政协九届四次会议第202045号提案办理情况的答复"), "答复");
        let d = lint_text("t.txt", "三元区人民政府关于小蕉小学南侧地块项目房屋征收决定书\n正文。\n", "GW103");
        assert!(d.iter().all(|d| d.severity == crate::diagnostic::Severity::Info), "{d:#?}");
        for title in ["下陆区人民政府 关于同意团结社区和老下陆社区整合的 批 复", "示例海事局关于水域施工作业的航行通告"]
        {
            assert!(codes_in("t.txt", &format!("{title}\n各有关单位：\n正文。\n"), "GW103").is_empty(), "{title}");
        }
    }
}
