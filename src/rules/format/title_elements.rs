use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DocKind, Evidence, Form, MaskSet, Part, Standard};
use crate::lang::is_blank;
use crate::org::OrgKind;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct TitleElements;

static META: RuleMeta = RuleMeta {
    code: "GW301",
    name: "title-elements",
    summary: "标题由发文机关名称、事由和文种组成",
    category: Category::Format,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第九条（七）：“标题。由发文机关名称、事由和文种组成。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查公文主标题的组成（缺文种由 GW103 负责）：\n\n\
- **缺发文机关名称**：标题以“关于”“印发”“转发”“批转”开头。版头没有发文机关标志时为警告；\
版头已有发文机关标志（“示例市教育局文件”）时降为提示——部分地方允许此时省略，\
如本单位允许，可在 `[rules.GW301]` 中设 `allow-omitted-issuer = true` 关闭此项。\
草稿已写出发文机关（署名、前置元数据或配置）时给出补全建议（需人工确认，`--unsafe-fixes`）；\n\
- **缺事由**：“关于”与“的＋文种”之间没有内容（警告）；\n\
- **转发标题层层叠套**（提示）：标题中出现两次以上“转发”，或“的通知的通知”，建议省略中间层次，\
只保留最初发文机关的文件标题。\n\n\
2012年7月1日之前成文的，按当时施行的 2000 年《国家行政机关公文处理办法》（标题“一般应当标明发文机关”），缺发文机关名称只作提示。\
纪要（纪要标志由会议名称组成，GB/T 9704 10.3）和命令（令）不查发文机关名称；\
标题下有“（……会议通过）”或“……会议通过”题注的（人大、党代会的决议、决定），以及人大文件标题下署了报告人\
（“大会副秘书长　付正中”）的，题注、署名已载明制发主体，也不查；人大的决议、决定按惯例以“关于……的决议（决定）”为题，不查。\
标题回行的排列（梯形、菱形）属版式，不检查；标题长度也不提示。",
    bad: "关于开展安全生产大检查的通知",
    good: "示例市应急管理局关于开展安全生产大检查的通知",
};

/// Openings that show the issuer's name is missing.
const ISSUERLESS_OPENINGS: &[&str] = &["关于", "印发", "转发", "批转"];

impl Rule for TitleElements {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(title) = &doc.title else { return };
        let text = title.text.as_str();
        let lead = text.len() - text.trim_start_matches(is_blank).len();
        let body = &text[lead..];
        let allow_omitted = cx.params.get("allow-omitted-issuer").and_then(|v| v.as_bool()).unwrap_or(false);
        // 纪要 and 令 have their own marks; a report delivered as a speech is titled by its
        // subject and names its speaker under the title.
        let exempt = matches!(doc.kind(), Some(DocKind::纪要 | DocKind::命令))
            || doc.form == Form::Speech
            || issuer_named_under_title(cx);

        if !exempt
            && !allow_omitted
            && let Some(opening) = ISSUERLESS_OPENINGS.iter().find(|o| body.starts_with(**o))
        {
            let span = title.span.sub(lead, lead + opening.len());
            let has_mark = doc.header.issuer_mark.is_some();
            let mut finding = Finding::new(span, "标题缺少发文机关名称：标题应由发文机关名称、事由和文种组成")
                .en("The title lacks the issuing organ's name");
            if doc.predates(Standard::Regulations2012) {
                // The 2000 办法 (第十条（六）) asked for the organ only “一般”.
                finding = finding
                    .severity(Severity::Info)
                    .source("《国家行政机关公文处理办法》（2000年）第十条（六）：公文标题“应当准确简要地概括公文的主要内容，一般应当标明发文机关，并准确标明公文种类”（成文于2012年7月1日之前）")
                    .help("成文时施行的 2000 年办法只要求标题“一般应当标明发文机关”");
            } else if has_mark {
                finding = finding
                    .severity(Severity::Info)
                    .help("版头已有发文机关标志；如本单位不允许省略，在标题开头补写发文机关名称");
            } else {
                finding = finding.help("在标题开头写明发文机关全称或者规范化简称");
            }
            if let Some(name) = issuer_name(cx) {
                finding = finding.fix(Fix::unsafe_(
                    format!("在标题前补“{name}”"),
                    vec![Edit::insert(title.span.start + lead, name)],
                ));
            }
            out.push(finding);
        }

        // “关于的通知”: no 事由.
        if let (Some(at), Some(ending)) = (body.find("关于"), doc.title_ending.as_ref()) {
            let from = title.span.start + lead + at + "关于".len();
            if ending.span.start >= from {
                let between = Span::new(from, ending.span.start).text(cx.text());
                if between.trim_matches(is_blank).trim_end_matches('的').trim_matches(is_blank).is_empty() {
                    out.push(
                        Finding::new(title.span.sub(lead + at, ending.span.end - title.span.start), "标题缺少事由")
                            .help("在“关于”之后写明公文的主要内容")
                            .en("The title lacks its subject"),
                    );
                }
            }
        }

        self.check_nesting(cx, out);
    }
}

impl TitleElements {
    fn check_nesting(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(title) = &cx.doc.title else { return };
        let text = title.text.as_str();
        let outside = |at: usize, len: usize| {
            !cx.doc
                .masks
                .hits(MaskSet::NON_TEXT.with(crate::document::MaskKind::BookTitle), title.span.sub(at, at + len))
        };
        let forwards: Vec<usize> = text.match_indices("转发").map(|(i, _)| i).filter(|&i| outside(i, 6)).collect();
        if forwards.len() >= 2 {
            let at = forwards[1];
            out.push(
                Finding::new(title.span.sub(at, at + "转发".len()), "转发标题层层叠套")
                    .help("省略中间层次，只保留最初发文机关的文件标题，如“示例县人民政府关于转发省政府关于……的通知”")
                    .severity(Severity::Info)
                    .en("Nested forwarding in the title"),
            );
            return;
        }
        const DOUBLE: &str = "的通知的通知";
        if let Some(at) = text.find(DOUBLE) {
            let second = at + "的通知".len();
            out.push(
                Finding::new(title.span.sub(second, at + DOUBLE.len()), "标题中“的通知的通知”叠用")
                    .help("转发性通知的标题可省略被转发文件标题末尾的“的通知”，或只保留最后一层“的通知”")
                    .severity(Severity::Info)
                    .en("“的通知的通知” repeats in the title"),
            );
        }
    }
}

/// A note under a title saying which meeting adopted the text: `（2017年1月23日县十六届人民代表
/// 大会第一次会议通过）`, `2019年3月11日…常务委员会第十六次会议通过`.
static ADOPTION_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?[^（）()。；]{0,80}?会议[^（）()。；]{0,24}?(?:通过|批准)[）)]?$").expect("valid")
});

/// The reporter under the title of a report to a 人大: `大会副秘书长　付正中`.
static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{1,16}?(?:秘书长|主任|委员长|主席|长)[ \t\u{3000}]+\p{Han}{2,4}$").expect("valid")
});

/// Whether the lines under the title name the body that issues the document, as the 人大 and
/// other assemblies print it instead of an organ in the title: a note of the meeting that
/// adopted it, or — for a 人大 document — the reporter's name; a 人大's own 决议 and 决定 are
/// titled “关于……的决议” by custom.
fn issuer_named_under_title(cx: &Context) -> bool {
    let doc = cx.doc;
    let Some(title) = &doc.title else { return false };
    let text = cx.text();
    let under: Vec<&str> = doc
        .lines
        .iter()
        .filter(|(line, part)| line.span.start >= title.span.end && matches!(part, Part::Preamble | Part::Body))
        .take(3)
        .map(|(line, _)| line.span.text(text).trim_matches(is_blank))
        .collect();
    if under.iter().any(|s| ADOPTION_NOTE.is_match(s)) {
        return true;
    }
    let congress = doc.parties.sender.as_ref().is_some_and(|s| s.kind == OrgKind::PeoplesCongress)
        || std::iter::once(title.text.as_str())
            .chain(under.iter().copied())
            .any(|s| s.contains("人民代表大会") || s.contains("人大"));
    congress
        && (matches!(doc.kind(), Some(DocKind::决议 | DocKind::决定)) || under.iter().any(|s| REPORTER.is_match(s)))
}

/// The issuer's name, when the draft says it somewhere other than the title.
fn issuer_name(cx: &Context) -> Option<String> {
    let doc = cx.doc;
    // A joint issuance names several organs; leave that to the drafter.
    if doc.signature.len() > 1 {
        return None;
    }
    let issuer = doc.issuer.as_ref()?;
    matches!(issuer.evidence, Evidence::FrontMatter | Evidence::Config | Evidence::Signature | Evidence::IssuerMark)
        .then(|| issuer.name.clone())
        .filter(|n| !n.is_empty() && n.chars().count() <= 30)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Applicability, Severity};
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn missing_issuer_is_a_warning_with_a_suggestion() {
        let d = lint_text(
            "t.txt",
            "关于开展安全生产大检查的通知\n各区应急管理局：\n正文。\n示例市应急管理局\n2024年3月5日\n",
            "GW301",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.edits[0].replacement, "示例市应急管理局");
    }

    #[test]
    fn issuer_mark_lowers_to_info() {
        let d = lint_text(
            "t.txt",
            "示例市应急管理局文件\n示应急〔2024〕3号\n关于开展安全生产大检查的通知\n各区应急管理局：\n正文。\n",
            "GW301",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn nesting_and_missing_subject() {
        let d = codes_in(
            "t.txt",
            "示例县人民政府关于转发示例市人民政府关于转发省政府关于做好防汛工作的通知的通知的通知\n各乡镇人民政府：\n正文。\n",
            "GW301",
        );
        assert_eq!(d, ["GW301:转发"]);
        let d = codes_in("t.txt", "示例市人民政府关于的通知\n各区人民政府：\n正文。\n", "GW301");
        assert_eq!(d, ["GW301:关于的通知"]);
    }

    #[test]
    fn complete_titles_stay_silent() {
        for title in [
            "江门市人民政府关于印发《江门市人民政府工作规则》的通知",
            "示例市交通运输局关于2024年道路养护工作情况的报告",
            "示例市人民政府第5次常务会议纪要",
            "示例县人民政府关于转发省政府关于做好防汛工作的通知",
        ] {
            let text = format!("{title}\n各区人民政府：\n正文。\n");
            assert!(codes_in("t.txt", &text, "GW301").is_empty(), "{title}");
        }
    }

    #[test]
    fn before_july_2012_a_missing_issuer_is_information() {
        let text = "关于印发《海口市人民政府工作规则》的通知\n各区人民政府：\n正文。\n二○一一年四月八日\n";
        let d = lint_text("t.txt", text, "GW301");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn notes_of_adoption_and_reporters_name_the_issuer() {
        for text in [
            "关于太湖县人民政府工作报告的决议\n（2017年1月23日县十六届人民代表大会第一次会议通过）\n会议听取和审议了县人民政府县长所作的《政府工作报告》。\n",
            "关于将区六届人大三次会议议案交区人民政府办理的决定\n2019年3月11日滁州市琅琊区第六届人民代表大会常务委员会第十六次会议通过\n经区人大常委会会议审议，决定将此议案交区人民政府办理。\n",
            "关于湖北省第十三届人民代表大会第二次会议代表提出议案处理意见的报告\n大会副秘书长　付正中\n大会主席团：\n现向大会主席团报告代表所提议案的处理意见。\n",
        ] {
            assert!(codes_in("t.txt", text, "GW301").is_empty(), "{text}");
        }
        // A reporter's name alone names no organ outside the 人大.
        let d = codes_in("t.txt", "关于2024年道路养护工作情况的报告\n局长　张某\n示例市人民政府：\n正文。\n", "GW301");
        assert_eq!(d.len(), 1);
    }
}
