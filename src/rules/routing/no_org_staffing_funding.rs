use super::common::{clause_before, downward_directive, is_normative, own_provisions, own_sentences, stated_yes};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct NoOrgStaffingFunding;

static META: RuleMeta = RuleMeta {
    code: "GW211",
    name: "no-org-staffing-funding",
    summary: "非专门文件原则上不对机构、编制、经费作出规定",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《整治形式主义为基层减负若干规定》（中办、国办2024年）第3条：除专门文件外，原则上不对机构编制、干部配备、工资福利待遇等事项提出具体要求（条文待核）；经费另见地方规定，如《江门市人民政府工作规则》二十八：“涉及机构、编制及经费问题的，要严格控制和把关，除有关专门文件外，其他政府规章、政策性文件原则上不对机构、编制及经费问题作出规定。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "机构设置、编制核定和经费安排有专门的审批程序（机构编制部门、财政预算），一般政策性文件不宜顺带作出规定。\
本规则检查下行的通知、意见、决定、命令的正文（本机关自己的话）中**作出规定**的语句：\n\n\
- 设立机构：“设立……中心”“组建……机构”“成立……事业单位”；\n\
- 编制：“核定（核增、调整、配备）……编制（领导职数）”“编制10名”；\n\
- 经费（规则参数 `funding = true` 时）：“专项经费”“工作经费”“经费纳入……预算”“所需经费由……保障”。\
全国性的减负规定只说机构编制；经费是地方规定（江门规则二十八）加上的，由江门规则包打开。\n\n\
只有含规定性情态词（应、要、须、将、予以、一律、确保）或直接对下级提出要求（“请各县（市、区）……”“各单位……”“市、县两级……”）\
的句子才算规定；叙述既成事实（“市财政已安排经费500万元”）、否定句（“不新设机构”“所需经费从现有渠道统筹解决”）不报；\
由社区、业主、企业、社会组织等国家机关以外的主体设立的（“由社区牵头成立物业服务站”“鼓励企业设立研发中心”）没有编制，也不报。\
成立领导小组、工作专班等议事协调机构只作提示。\n\n\
不检查：报告、请示、函、纪要；前置元数据写明“专门文件”的；标题本身就是机构、编制、经费事项的专门文件（“关于设立……的通知”“……经费管理办法”）；\
印发、转发的附件和引文（默认掩码）。原文为“原则上”，故为警告，不作错误。属 national 规则包。",
    bad: "示例市人民政府关于加快数字经济发展的意见：“市、县两级设立数字经济发展中心，各核定事业编制10名，所需经费纳入同级财政预算。”",
    good: "“机构编制事项按程序另行报批，所需经费从现有渠道统筹解决。”",
};

static ORG: LazyLock<Regex> = LazyLock::new(|| {
    // `明确承担……职责的专门机构`: requiring a body for the task sets one up as much as 设立 does.
    Regex::new(r"(?:增设|设立|成立|组建|新设)[^。；，、]{0,12}(?:机构|中心|事业单位|办公室|管理局|服务站)|(?:明确|指定|确定)[^。；，]{0,24}(?:专门|专职|专设)机构")
        .expect("valid")
});
static COORDINATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:成立|组建|设立)[^。；，]{0,15}(?:领导小组|工作专班|指挥部|联席会议|工作组)").expect("valid")
});
static STAFF: LazyLock<Regex> = LazyLock::new(|| {
    // A quota of staff (`配备专职管理人员不少于3名`) is 干部配备, which the 减负规定 keeps out too.
    Regex::new(r"(?:核定|核增|增加|调整|配备|下达|增设|划转|核减)[^。；，]{0,8}(?:编制|领导职数)|编制[0-9一二三四五六七八九十]+名|配备[^。；，]{0,10}(?:人员|干部)[^。；，]{0,4}(?:不少于|不低于|至少)?[0-9一二三四五六七八九十]+名")
        .expect("valid")
});
static FUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:专项|工作)经费|经费(?:保障|列入|纳入)|(?:所需|相关)经费[^。；，]{0,10}(?:纳入|列入|由)[^。；，]{0,10}(?:预算|财政|承担|安排|保障)|纳入[^。；，]{0,6}预算")
        .expect("valid")
});
/// The clause keeps to existing money or rules out new bodies: not a provision on them.
static RESTRAINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"自行解决|统筹解决|现有(?:渠道|经费|资金|编制|机构)|现行|原渠道|原有渠道|预算管理|不另|不新增|不新设|不增加|从严控制|另行报批|按程序报批|按规定程序")
        .expect("valid")
});
/// A title about 机构、编制 or 经费 itself: the 专门文件 the rule exempts.
static SPECIAL_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"机构|编制|经费|预算|资金|财政|设立|成立|组建|职能配置|职责调整|三定").expect("valid")
});

/// Who may found a body outside the state: a community, the owners, an enterprise, a social
/// organisation. What they set up (由社区牵头成立物业服务站, 鼓励企业设立研发中心) has no 编制 and
/// no place in the 机构编制 the rule guards.
const NON_STATE_FOUNDERS: &[&str] = &[
    "社区",
    "村（居）",
    "村居",
    "村委会",
    "居委会",
    "村民委员会",
    "居民委员会",
    "业主大会",
    "业主委员会",
    "业主",
    "小区",
    "物业服务企业",
    "企业",
    "公司",
    "社会组织",
    "社会力量",
    "社会资本",
    "协会",
    "商会",
    "行业组织",
    "群众",
    "居民",
    "村民",
    "志愿者",
];

/// What may stand between the founder and the founding verb: 由社区牵头成立, 企业可自主设立.
const FOUNDER_TAIL: &[&str] =
    &["牵头", "组织", "负责", "自行", "自主", "依法", "共同", "联合", "发起", "可以", "可", "要", "应", "积极", "按需"];

/// Whether the clause before a founding verb names a founder outside the state as its subject.
fn founded_outside_the_state(before: &str) -> bool {
    let mut rest = before.trim_end();
    while let Some(shorter) = FOUNDER_TAIL.iter().find_map(|w| rest.strip_suffix(w)) {
        rest = shorter;
    }
    // The founder is the subject, not a place or a beneficiary (在社区设立, 为企业设立).
    NON_STATE_FOUNDERS.iter().any(|w| {
        rest.strip_suffix(w).is_some_and(|before| {
            !["在", "为", "向", "给", "对", "依托", "面向", "针对", "帮助", "服务"].iter().any(|p| before.ends_with(p))
        })
    })
}

/// One sentence's provisions on institutions, staffing or funding.
struct Provision {
    sentence: Span,
    /// The earliest match, where the finding points.
    first: Span,
    /// 机构、编制、经费、议事协调机构
    what: Vec<&'static str>,
    quotes: Vec<String>,
    /// Only a 领导小组-style coordination body: reported as a hint.
    coordination_only: bool,
}

impl Rule for NoOrgStaffingFunding {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // A directive, or a document declared 规范性文件 (a 办法 or 规定 standing on its own).
        let label = match downward_directive(cx, &[DocKind::命令]) {
            Some(kind) => kind.zh(),
            None if is_normative(cx) => "规范性文件",
            None => return,
        };
        if stated_yes(cx, "专门文件") || cx.doc.title.as_ref().is_some_and(|t| SPECIAL_TITLE.is_match(&t.text)) {
            return;
        }
        let text = cx.text();
        let mut by_sentence: Vec<Provision> = Vec::new();
        let mut add = |hits: Vec<(Span, Span)>, what: &'static str, coordination: bool| {
            for (m, sentence) in hits {
                if RESTRAINT.is_match(sentence.text(text)) {
                    continue;
                }
                let quote = m.text(text).to_string();
                match by_sentence.iter_mut().find(|e| e.sentence == sentence) {
                    Some(e) => {
                        if m.overlaps(e.first) {
                            continue;
                        }
                        if !e.what.contains(&what) {
                            e.what.push(what);
                        }
                        e.quotes.push(quote);
                        e.coordination_only &= coordination;
                        if m.start < e.first.start {
                            e.first = m;
                        }
                    }
                    None => by_sentence.push(Provision {
                        sentence,
                        first: m,
                        what: vec![what],
                        quotes: vec![quote],
                        coordination_only: coordination,
                    }),
                }
            }
        };
        add(own_provisions(cx, &COORDINATION), "议事协调机构", true);
        // Setting up a body or fixing staff numbers is a provision by its very wording (“增设……科，
        // 核增行政编制3名”); funding sentences need a modal, since drafts often report funds.
        let by_the_state = |&(m, sentence): &(Span, Span)| !founded_outside_the_state(clause_before(text, sentence, m));
        add(own_sentences(cx, &ORG).into_iter().filter(by_the_state).collect(), "机构", false);
        add(own_sentences(cx, &STAFF), "编制", false);
        // 经费 is a local addition (江门规则二十八); the national text speaks of 机构编制 only.
        if cx.params.get("funding").and_then(toml::Value::as_bool).unwrap_or(false) {
            add(own_provisions(cx, &FUND), "经费", false);
        }
        by_sentence.sort_by_key(|e| e.first.start);
        for Provision { first: span, what, quotes, coordination_only: coordination, .. } in by_sentence {
            let quoted = quotes.iter().map(|q| format!("“{q}”")).collect::<Vec<_>>().join("");
            if coordination {
                out.push(
                    Finding::new(span, format!("{}中设立议事协调机构：{quoted}", label))
                        .help("议事协调机构应从严控制；确需设立的，按规定程序报批，或以专门文件明确")
                        .severity(Severity::Info)
                        .en("Ad-hoc coordination bodies set up in a general policy document should be strictly controlled"),
                );
                continue;
            }
            let what: Vec<&str> = what.into_iter().filter(|w| *w != "议事协调机构").collect();
            out.push(
                Finding::new(span, format!("非专门文件原则上不对{}作出规定：{quoted}", what.join("、")))
                    .help(format!("删去{}条款，改为“机构编制事项按程序另行报批”“所需经费从现有渠道统筹解决”；确属专门文件的，在前置元数据写明“专门文件”", what.join("、")))
                    .en("A general policy document should not lay down institutions, staffing or funding"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const OPINION: &str = "示例市人民政府关于加快数字经济发展的意见\n各县（市、区）人民政府，市政府各部门：\n为加快数字经济发展，提出如下意见。\n";

    fn doc(body: &str) -> String {
        format!("{OPINION}{body}\n示例市人民政府\n2024年6月3日\n")
    }

    /// The same opinion from 江门, where the 江门 pack adds 经费.
    fn jiangmen_doc(body: &str) -> String {
        doc(body).replace("示例市", "江门市")
    }

    /// Requiring a designated body and a quota of staff is setting them: 干部配备 too (减负规定).
    #[test]
    fn a_designated_body_and_a_staff_quota() {
        let text = "湖州市人民政府办公室关于加强地下管线管理工作的通知\n各区县人民政府，市政府各部门：\n　　五、落实保障措施。各区县要明确承担地下管线综合管理职责的专门机构，配备专职管理人员不少于3名。\n\n湖州市人民政府办公室\n2025年3月3日\n";
        let d = crate::test_support::lint_text("t.txt", text, "GW211");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("专门机构") && d[0].message.contains("不少于3名"), "{}", d[0].message);
        let modest = text.replace(
            "明确承担地下管线综合管理职责的专门机构，配备专职管理人员不少于3名",
            "加强地下管线综合管理，落实管理责任",
        );
        assert!(crate::test_support::codes_in("t.txt", &modest, "GW211").is_empty());
    }

    /// A body a community, the owners or an enterprise set up has no 编制 (an independent
    /// tester's correct 意见: 由社区牵头成立物业服务站). One the state sets up is still reported.
    #[test]
    fn bodies_founded_outside_the_state_are_no_provision() {
        for body in [
            "对难以引入物业服务企业的小区，由社区牵头成立物业服务站，提供保洁等基础服务。",
            "鼓励企业设立研发中心，提升创新能力。",
            "支持社会力量设立养老服务机构。",
        ] {
            assert!(codes_in("t.txt", &doc(body), "GW211").is_empty(), "{body}");
        }
        for body in [
            "由市民政局牵头成立养老服务指导中心。",
            "各县要成立数字经济发展中心。",
            "各街道要在社区设立退役军人服务站。",
            "区政府为企业设立服务中心。",
        ] {
            assert_eq!(codes_in("t.txt", &doc(body), "GW211").len(), 1, "{body}");
        }
    }

    #[test]
    fn institutions_staffing_and_funding_in_one_sentence() {
        let body = "市、县两级设立数字经济发展中心，各核定事业编制10名，所需经费纳入同级财政预算。";
        let text = jiangmen_doc(body);
        let d = lint_text("t.txt", &text, "GW211");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("机构、编制、经费"), "{}", d[0].message);
        assert_eq!(d[0].span.text(&text), "设立数字经济发展中心");
        // Nationally, 机构编制 only.
        let d = lint_text("t.txt", &doc(body), "GW211");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("不对机构、编制作出规定"), "{}", d[0].message);
    }

    #[test]
    fn modal_provisions_fire() {
        let text = jiangmen_doc("各地要安排专项经费，保障平台建设。");
        assert_eq!(codes_in("t.txt", &text, "GW211"), ["GW211:专项经费"]);
        let text = jiangmen_doc("（三）强化保障。市财政局应将数字经济工作经费纳入年度预算。");
        assert_eq!(lint_text("t.txt", &text, "GW211").len(), 1);
        // Funding is a 江门 provision, not a national one.
        assert!(codes_in("t.txt", &doc("各地要安排专项经费，保障平台建设。"), "GW211").is_empty());
    }

    #[test]
    fn facts_restraint_and_negation_are_silent() {
        for body in [
            "2023年市财政已安排专项经费500万元，支持数字经济发展。",
            "机构编制事项按程序另行报批，所需经费从现有渠道统筹解决。",
            "不新设机构，不增加编制。",
            "各地要抓好工作落实，确保各项措施落地见效。",
            "市委编办《关于设立数字经济发展中心的批复》明确该中心核定事业编制10名。",
        ] {
            assert!(codes_in("t.txt", &jiangmen_doc(body), "GW211").is_empty(), "{body}");
        }
    }

    #[test]
    fn coordination_bodies_are_info() {
        let text = doc("各县（市、区）要成立数字经济发展工作领导小组。");
        let d = lint_text("t.txt", &text, "GW211");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
    }

    #[test]
    fn reports_special_documents_and_other_kinds_are_silent() {
        let body = "市、县两级设立数字经济发展中心，各核定事业编制10名，所需经费纳入同级财政预算。";
        let report = format!("示例市发展和改革局关于数字经济发展情况的报告\n示例市人民政府：\n{body}\n特此报告。\n");
        assert!(codes_in("t.txt", &report, "GW211").is_empty());
        let special = format!("---\n专门文件: 机构编制\n---\n{}", doc(body));
        assert!(codes_in("t.txt", &special, "GW211").is_empty());
        let titled = doc(body).replace("关于加快数字经济发展的意见", "关于设立数字经济发展中心的通知");
        assert!(codes_in("t.txt", &titled, "GW211").is_empty());
    }
}
