use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::org::{Addressee, OrgKind};
use crate::rules::routing::common::{clause_before, negated, own_matches, sentence_of, stated_yes};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct NoCongratulationsInscriptions;

static META: RuleMeta = RuleMeta {
    code: "GW801",
    name: "no-congratulations-inscriptions",
    summary: "领导同志不发贺信贺电，不题词、题字，不公开出版著作、讲话单行本",
    category: Category::Discipline,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "中央八项规定第七条：“要严格文稿发表，除中央统一安排外，个人不公开出版著作、讲话单行本，不发贺信、贺电，不题词、题字。”（条文待核）；地方同类规定如《江门市人民政府工作规则》四十二：“市政府领导同志不公开出版著作、讲话单行本，不发贺信、贺电，不题词、题字、作序，特殊情况必须严格按照有关规定报批。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "本规则检查请示、函（含邀请函）中**请求**领导同志发贺信贺电、题词题字、出版著作或讲话单行本的语句：\
该句在所求事项之前有请求词（恳请、拟请、邀请、请……），并且点名领导（省长、市长、县长、区长及其副职，\
X政府（主要、分管）领导、领导同志，X委书记），或者文稿主送政府、政府办公厅（室）或领导个人。\
另查标题为“……市长（省长、县长……）……贺信（贺电）”、署名为这些领导的贺信稿。\
作序不在中央八项规定之列，规则参数 `prefaces = true` 时一并检查（江门规则包打开，依据江门规则四十二）。\n\n\
叙述历史（“1958年某领导题写校名”）、否定句（“不发贺信、贺电”）、引号和书名号内的文字、印发或转发的附件都不查；\
工作规则、通知等描述这项纪律的文件不查。特殊情况确需报批的，在前置元数据“报批依据”中写明批准文号，本规则降为提示。\
依据是中央八项规定，属 national 规则包。",
    bad: "《示例市文联关于恳请市长为建会70周年题词并发贺信的请示》：“恳请吴市长为我会建会70周年题词，并发贺信。”",
    good: "“我会将于10月举办建会70周年座谈会，不邀请市政府领导题词、发贺信。”",
};

static CONGRATULATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"题词|题字|题写|作序|写序|撰写序言|贺信|贺电|贺词|(?:出版|印制|编印)[^。；，]{0,10}(?:讲话单行本|单行本|讲话汇编|讲话选编|讲话稿|著作|文集)")
        .expect("valid")
});
static PREFACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:作序|写序|撰写序言)$").expect("valid"));
static PUBLICATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:出版|印制|编印)").expect("valid"));
/// The leaders of a government or 党委 at any tier: 市长, 副县长, 省政府分管领导, 区委书记 ….
static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"副?(?:省|市|州|县|区|旗|盟|镇|乡)长|(?:省|市|州|县|区)(?:政府|委)?(?:主要|分管)?(?:领导|负责同志)|领导同志|(?:省|市|州|县|区)委书记")
        .expect("valid")
});
static LEADER_SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"副?(?:省|市|州|县|区|旗|盟)长").expect("valid"));
static LEADER_GREETING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:副?(?:省|市|州|县|区|旗|盟)长|(?:省|市|州|县|区)(?:人民)?政府)[^。]{0,30}(?:贺信|贺电)$")
        .expect("valid")
});

/// Whether the draft goes to a government, its office or a leader in person.
fn addressed_to_government(cx: &Context) -> bool {
    cx.doc.parties.main.iter().any(|p| match &p.addressee {
        Addressee::Org(o) => matches!(o.kind, OrgKind::Government | OrgKind::GeneralOffice),
        Addressee::Person { .. } => true,
        _ => false,
    })
}

impl Rule for NoCongratulationsInscriptions {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let text = cx.text();
        let approved = stated_yes(cx, "报批依据");
        let lower = |f: Finding| if approved { f.severity(Severity::Info) } else { f };
        // 作序 is a local addition (江门规则四十二), not in the 八项规定.
        let prefaces = cx.params.get("prefaces").and_then(toml::Value::as_bool).unwrap_or(false);
        let banned = if prefaces {
            "领导同志不发贺信贺电，不题词、题字、作序"
        } else {
            "领导同志不发贺信贺电，不题词、题字"
        };
        if matches!(doc.kind(), Some(DocKind::请示 | DocKind::函)) {
            let to_government = addressed_to_government(cx);
            let mut seen = Vec::new();
            for m in own_matches(cx, &CONGRATULATION) {
                let sentence = sentence_of(cx, m);
                if seen.contains(&sentence) || (!prefaces && PREFACE.is_match(m.text(text))) {
                    continue;
                }
                let before = text.get(sentence.start..m.start).unwrap_or("");
                // “拟将李副市长的讲话印制成单行本”: a plan laid before the government asks as much.
                let plans = ["拟", "计划", "准备"].iter().any(|w| before.contains(w));
                // Asked by the draft itself (the shared request recogniser), earlier in the sentence.
                let asked = doc.requests.iter().any(|r| r.act.start >= sentence.start && r.act.start < m.start);
                if !(asked || plans) || negated(clause_before(text, sentence, m)) {
                    continue;
                }
                // Publishing: only a leader's own works or speeches; greetings and inscriptions:
                // a named leader, or a draft sent to the government or a leader.
                let names_leader = LEADER.is_match(sentence.text(text));
                let publication = PUBLICATION.is_match(m.text(text));
                if !names_leader && (publication || !to_government) {
                    continue;
                }
                seen.push(sentence);
                let what = m.text(text);
                out.push(lower(
                    Finding::new(m, format!("请求领导同志{what}：{banned}"))
                        .help(
                            "删去该请求；确属特殊情况的，严格按照有关规定报批，并在前置元数据“报批依据”中写明批准文号",
                        )
                        .en("Do not ask leaders for congratulatory letters or inscriptions"),
                ));
            }
        }
        // A greeting drafted in a leader's name.
        // A plain-text greeting has no recognised title: its first line stands for one.
        let heading = doc.title.as_ref().map(|t| (t.span, t.text.as_str())).or_else(|| {
            let first = doc.body_paragraphs().next()?;
            let s = first.span.text(text);
            (s.chars().count() <= 60 && !s.contains(['。', '，'])).then_some((first.span, s))
        });
        if let Some((span, heading)) = heading {
            let signed_by_leader = doc.signature.iter().any(|s| LEADER_SIGNATURE.is_match(&s.text));
            let t = heading.trim_end_matches(['。', ' ']);
            if (t.ends_with("贺信") || t.ends_with("贺电")) && (signed_by_leader || LEADER_GREETING_TITLE.is_match(t))
            {
                out.push(lower(
                    Finding::new(span, "以领导同志名义起草贺信、贺电")
                        .help("领导同志不发贺信、贺电；特殊情况须严格按照有关规定报批，并在前置元数据“报批依据”中写明")
                        .en("Leaders do not send congratulatory letters without approval"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{codes_in, lint_text};

    const REQUEST: &str =
        "示例市文学艺术界联合会关于建会70周年纪念活动有关事项的请示\n示例市人民政府：\n今年10月是我会建会70周年。";

    fn doc(body: &str) -> String {
        format!("{REQUEST}{body}\n妥否，请批示。\n示例市文学艺术界联合会\n2024年8月5日\n")
    }

    #[test]
    fn requests_for_inscriptions_and_greetings() {
        let text = doc("恳请吴市长为我会建会70周年题词，并发贺信。");
        let d = lint_text("t.txt", &text, "GW801");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].span.text(&text), "题词");
        assert_eq!(d[0].severity, Severity::Warning);
        // 作序 only where a local pack adds it (江门规则四十二).
        let text = doc("拟请为纪念文集作序。");
        assert!(lint_text("t.txt", &text, "GW801").is_empty());
        let d = lint_text("t.txt", &text.replace("示例市", "江门市"), "GW801");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("作序"), "{}", d[0].message);
    }

    #[test]
    fn leaders_of_every_tier() {
        let county = "示例县文学艺术界联合会关于建会30周年纪念活动有关事项的请示\n示例县人民政府：\n恳请王县长为我会建会30周年题词。\n妥否，请批示。\n示例县文学艺术界联合会\n2024年8月5日\n";
        assert_eq!(lint_text("t.txt", county, "GW801").len(), 1);
        let greeting = "示例省省长致首届示例国际博览会的贺信\n值此博览会开幕之际，谨致热烈祝贺。\n示例省省长　李某某\n2024年9月1日\n";
        assert_eq!(lint_text("t.txt", greeting, "GW801").len(), 1);
    }

    #[test]
    fn approval_lowers_to_info() {
        let text = format!("---\n报批依据: 示委办函〔2024〕12号\n---\n{}", doc("恳请吴市长为我会建会70周年题词。"));
        let d = lint_text("t.txt", &text, "GW801");
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn history_negation_and_rules_are_silent() {
        for body in [
            "1958年，时任市长题写了会名。",
            "纪念活动从简举办，不邀请市政府领导题词、发贺信。",
            "活动期间收到省文联发来的贺信。",
        ] {
            assert!(codes_in("t.txt", &doc(body), "GW801").is_empty(), "{body}");
        }
        let seed = include_str!("../../../fixtures/seed/jiangmen-work-rules-2023.txt");
        assert!(codes_in("t.txt", seed, "GW801").is_empty());
    }

    #[test]
    fn greeting_in_a_leaders_name() {
        let text = "示例市市长致首届示例国际美食节的贺信\n值此首届示例国际美食节开幕之际，谨致热烈祝贺。\n示例市市长　吴某某\n2024年9月1日\n";
        assert_eq!(lint_text("t.txt", text, "GW801").len(), 1);
    }
}
