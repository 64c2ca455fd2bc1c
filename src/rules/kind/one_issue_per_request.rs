use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, MaskSet};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct OneIssuePerRequest;

static META: RuleMeta = RuleMeta {
    code: "GW102",
    name: "one-issue-per-request",
    summary: "请示应当一文一事",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十五条（四）：“请示应当一文一事。”；《江门市人民政府工作规则》二十七：“请示应当一文一事”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "一份请示只请求一个事项，上级才能逐件批复。本规则在请示中收集“多个事项”的迹象：\n\n\
1. 两处以上本机关的请求性结语（“妥否，请批示”等）；\n\
2. 标题事由用“和、及、、”连接了两个各带请求动词的事项（“关于申请增加编制和追加办公经费的请示”）；\n\
3. 正文用“同时、另外、此外、另”引出又一项请求（“同时，恳请追加办公经费”“此外，我区某镇……恳请……”），或“请一并审批”；\n\
4. 两个以上一级分条（“一、关于……”“二、关于……”）各自提出请求；\n\
5. 各处请求的对象分属资金、编制、用地、机构、活动中的两类以上。\n\n\
请求由统一的请求识别器找出（与 GW101 相同：按“谁向谁请求给予什么”的结构识别，“申请人”、\
“经请示同意”、转述他人的请求都不算）。\
有第 1、2 条或两条以上迹象时报告警告（结语写明“以上两项请示”也算一条迹象），只有一条迹象时报告提示——结语次数本身不能断定一文多事，\
同一事项下的几个组成部分（“同意设立并核定名称”）也不是多事。改法：拆分为几份请示。",
    bad: "《关于申请增加编制和追加办公经费的请示》：……拟申请增加事业编制5名。同时，恳请追加办公经费30万元。妥否，请批示。",
    good: "拆为《关于申请增加事业编制的请示》《关于追加办公经费的请示》两件。",
};

/// Verbs that make a part of a title's 事由 a matter of its own: what is asked to be done.
static REQUEST_VERB: &str = "申请|请求|增加|追加|调整|设立|拨付|安排|审批|批准|核定|核增|购置|建设|举办|召开|变更|撤销|划拨|解决|\
增配|增设|新建|改扩建|扩建|改建|维修|修缮|配备|招聘|成立|更名|立项|补助|减免|延长|列入|纳入|划转|收回|出让|征收";

/// A title may run over lines: the matter may too.
static TITLE_MATTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)关于(?P<matter>.+)的请示$").expect("valid"));
/// 并 joins two matters only when what it joins are different kinds of matter: “设立并核定名称”
/// is one matter done in two steps, “设立管委会并追加资金” two.
static JOINER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[和及、并]|以及").expect("valid"));
static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(REQUEST_VERB).expect("valid"));
/// `以上两项请示`, `上述三个事项`: the draft says it asks for several things.
static COUNTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:两|二|三|四|五|几|多|[2-9])(?:项|个事项|件事)").expect("valid"));
/// A connective that adds one more thing: the request after it is a further matter.
static ANOTHER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ 　]*(?:同时|另外|此外|另|还有|再者)").expect("valid"));
/// “请一并审批”: a second matter slipped in under the same closing.
static TOGETHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:请|恳请)?一并(?:审批|批准|批复|解决|安排|审定|考虑|研究|恳请|请求|申请|报请|提请|请示)")
        .expect("valid")
});
/// A clause that adds a further grant to the same request: `，并同意追加…`, `，同时安排…`.
static FURTHER_GRANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:并|并且|同时|另|还|以及)(?:请|恳请)?(?:同意|批准|安排|追加|核拨|拨付|解决|给予|核定|增加|设立)")
        .expect("valid")
});

impl Rule for OneIssuePerRequest {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if cx.doc.kind() != Some(DocKind::请示) {
            return;
        }
        let text = cx.text();
        let mut signals: Vec<(Span, String)> = Vec::new();
        let requests = &cx.doc.requests;
        // Formulas stacked in one closing paragraph (`特此请示。妥否，请批复。`) are one closing.
        // So are closings in consecutive paragraphs (`……特此请示。` then `妥否，请批示。`): only a
        // closing after further matter closes a second matter.
        let mut closings: Vec<_> = requests.iter().filter(|r| r.closing).collect();
        closings.dedup_by(|later, earlier| later.paragraph <= earlier.paragraph + 1);
        let two_closings = closings.len() >= 2;
        if two_closings {
            signals.push((closings[1].clause, format!("有 {} 处请求性结语", closings.len())));
        }
        let mut attached_own_request = false;
        let title_joins = title_joins_matters(cx);
        if let Some((span, what)) = title_joins.clone() {
            signals.push((span, what));
        }
        // `以上两项请示`: the draft counts its own matters.
        if let Some(c) = closings.iter().find(|c| COUNTED.is_match(c.clause.text(text))) {
            signals.push((
                c.clause,
                format!("结语写明“{}”", COUNTED.find(c.clause.text(text)).map_or("", |m| m.as_str())),
            ));
        }
        // 同时/另外/此外 … a further request after a first one. The title asks the first matter
        // of a 请示, so a connective opening even the first request in the body adds one.
        // A closing inside a paragraph of its own matter (`另，……所需经费45万元，请一并审批。`)
        // counts with the matters.
        let matters: Vec<_> =
            requests.iter().filter(|r| !r.closing || r.clause.text(text).chars().count() > 12).collect();
        let title_asks =
            cx.doc.title.as_ref().is_some_and(|t| TITLE_MATTER.is_match(t.text.trim_end_matches(['。', ' '])));
        // The connective may open the request's sentence or its whole paragraph.
        for r in matters.iter().skip(usize::from(!title_asks)) {
            let p = cx.doc.body[r.paragraph].span;
            let before = Span::new(p.start, r.act.start).text(text);
            let sentence = before.rsplit(['。', '；']).next().unwrap_or(before);
            let opening = ANOTHER.find(sentence).map(|m| (r.act.start - sentence.len() + m.start(), m.as_str()));
            let opening = opening.or_else(|| ANOTHER.find(before).map(|m| (p.start + m.start(), m.as_str())));
            if let Some((at, word)) = opening {
                signals.push((Span::new(at, r.clause.end), format!("“{word}”又提出一项请求")));
            }
        }
        // `恳请批准举办赛事，并同意追加维修资金`: a further grant of another kind of matter in the
        // same sentence.
        for r in &matters {
            let own_kind = matter_kind(Span::new(r.act.end, r.matter.end.max(r.act.end)).text(text));
            if let Some((span, clause)) = further_grants(text, r)
                .into_iter()
                .find(|(_, c)| matter_kind(c).is_some_and(|k| own_kind.is_some_and(|own| own != k)))
            {
                let head: String = clause.chars().take(6).collect();
                signals.push((span, format!("“{head}……”在同一请求中又提出另一事项")));
            }
        }
        for p in cx.doc.body_paragraphs() {
            let s = p.span.text(text);
            for m in TOGETHER.find_iter(s) {
                let span = p.span.sub(m.start(), m.end());
                if !cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                    signals.push((span, format!("“{}”把另一事项一并提出", m.as_str())));
                }
            }
        }
        // Any recognised request that asks for something `一并` (恳请一并同意, 请一并予以支持):
        // the drafter says a further matter rides along.
        for r in requests.iter() {
            let clause = r.clause.text(text);
            if let Some(at) = clause.find("一并") {
                let span = Span::new(r.clause.start + at, r.clause.end);
                let said = signals.iter().any(|(sp, why)| why.ends_with("把另一事项一并提出") && sp.overlaps(span));
                if !said && !cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                    signals.push((span, format!("“{}”把另一事项一并提出", span.text(text))));
                }
            }
        }
        // The author's own second 请示 slipped in as an attachment.
        let own = crate::document::requests::own_names(cx.doc);
        if let Some(item) = cx.doc.attachment_note.as_ref().and_then(|n| {
            n.items
                .iter()
                .find(|i| i.name.text.ends_with("请示") && own.iter().any(|o| i.name.text.starts_with(o.as_str())))
        }) {
            signals.push((item.name.span, format!("附件另附本机关的请示《{}》", item.name.text)));
            attached_own_request = true;
        }
        if let Some((span, what)) = distinct_matters(cx) {
            signals.push((span, what));
        }
        // Requests under two or more numbered sections (一、关于… 二、关于…), each asking.
        let sections = asking_sections(cx);
        // Sections each headed `关于…` and each asking name their matters themselves.
        let matters_headed = sections.len() >= 2 && sections.iter().all(|s| heading_names_matter(s.text(text)));
        if sections.len() >= 2 {
            signals.push((sections[1], format!("{} 个分条各自提出请求", sections.len())));
        }
        if signals.is_empty() {
            return;
        }
        let (span, _) = signals[0].clone();
        let reasons: Vec<&str> = signals.iter().map(|(_, r)| r.as_str()).collect();
        // Two closings, or a title that itself joins two asked matters, are decisive alone.
        let strong =
            two_closings || title_joins.is_some() || matters_headed || attached_own_request || signals.len() >= 2;
        let f = Finding::new(span, format!("请示应当一文一事，本文疑似请求了多个事项：{}", reasons.join("；")))
            .help("核对是否一文多事；如是，拆分为几份请示，每份只请求一个事项")
            .en("A request (请示) should ask for one matter only");
        out.push(if strong { f } else { f.severity(Severity::Info) });
    }
}

/// Kinds of matter a request can be about; two kinds in one 请示 are two matters.
const MATTERS: &[(&str, &[&str])] = &[
    ("资金", &["资金", "经费", "拨付", "补助", "补贴", "费用", "款项", "专款"]),
    ("编制", &["编制", "职数", "岗位"]),
    ("用地", &["用地", "土地", "地块"]),
    ("机构", &["机构", "挂牌", "设立", "成立"]),
    ("活动", &["举办", "召开", "会议", "活动", "论坛"]),
];

/// The clauses after a request's own, in its sentence, that add a further grant (`，并同意追加…`).
fn further_grants<'t>(text: &'t str, r: &crate::document::requests::OwnRequest) -> Vec<(Span, &'t str)> {
    let sentence_end = text[r.clause.end..].find(['。', '；', '\n']).map_or(text.len(), |p| r.clause.end + p);
    let mut at = r.clause.end;
    let mut out = Vec::new();
    for piece in text[r.clause.end..sentence_end].split_inclusive('，') {
        let start = at;
        at += piece.len();
        let clause = piece.trim_start_matches('，').trim_end_matches('，');
        if FURTHER_GRANT.is_match(clause) {
            let lead = piece.len() - piece.trim_start_matches('，').len();
            out.push((Span::new(start + lead, start + lead + clause.len()), clause));
        }
    }
    out
}

/// The kind of matter a phrase is about, when it names one.
fn matter_kind(phrase: &str) -> Option<&'static str> {
    MATTERS.iter().find(|(_, keys)| keys.iter().any(|k| phrase.contains(k))).map(|(kind, _)| *kind)
}

/// What each of the draft's own requests asks for, read word by word: the request verb must be a
/// word of its own (申请, not 申请人), and what follows it up to the end of the clause is sorted
/// into kinds of matter. Two kinds are a sign of two matters in one 请示.
fn distinct_matters(cx: &Context) -> Option<(Span, String)> {
    let text = cx.text();
    let mut found: Vec<(&'static str, Span)> = Vec::new();
    // The title's 事由 is the first matter asked for (`关于举办…活动的请示`).
    if let Some(title) = &cx.doc.title
        && let Some(m) = TITLE_MATTER.captures(title.text.trim_end_matches(['。', ' '])).and_then(|c| c.name("matter"))
        && let Some(kind) = matter_kind(m.as_str())
    {
        found.push((kind, title.span));
    }
    let headings = section_headings(cx);
    for r in cx.doc.requests.iter().filter(|r| !r.closing) {
        let matter = Span::new(r.act.end, r.matter.end.max(r.act.end)).text(text);
        // Under `一、关于…用地问题` the heading names what the section's request is about.
        let heading = headings.iter().rev().find(|(at, _)| *at <= r.paragraph).map(|(_, h)| h.text(text));
        if let Some(kind) = matter_kind(matter).or_else(|| heading.and_then(matter_kind))
            && !found.iter().any(|(k, _)| *k == kind)
        {
            found.push((kind, r.act));
        }
        // A further grant in the same sentence asks for its own matter.
        for (span, clause) in further_grants(text, r) {
            if let Some(kind) = matter_kind(clause)
                && !found.iter().any(|(k, _)| *k == kind)
            {
                found.push((kind, span));
            }
        }
    }
    (found.len() >= 2).then(|| {
        let kinds: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
        (found[1].1, format!("请求涉及{}等不同事项", kinds.join("、")))
    })
}

/// The first-level section headings of the body, with the paragraph each opens.
fn section_headings(cx: &Context) -> Vec<(usize, Span)> {
    cx.doc
        .body
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.part == crate::document::Part::Body && p.ordinal.as_ref().is_some_and(|o| o.style.level() == Some(1))
        })
        .map(|(i, p)| (i, p.span))
        .collect()
}

/// `一、关于县城第二水厂建设用地问题`: a heading that names a matter of its own.
fn heading_names_matter(heading: &str) -> bool {
    let heading = heading.trim_start_matches(crate::lang::is_blank);
    heading.starts_with("关于") || heading.contains("、关于") || heading.contains("）关于")
}

/// The first-level sections (`一、关于…`) under which the draft makes a request of its own.
fn asking_sections(cx: &Context) -> Vec<Span> {
    let headings = section_headings(cx);
    let mut sections: Vec<(usize, Span)> = Vec::new();
    for r in cx.doc.requests.iter().filter(|r| !r.closing) {
        if let Some(&(at, span)) = headings.iter().rev().find(|(at, _)| *at <= r.paragraph)
            && !sections.iter().any(|(s, _)| *s == at)
        {
            sections.push((at, span));
        }
    }
    sections.sort_by_key(|(at, _)| *at);
    sections.into_iter().map(|(_, s)| s).collect()
}

/// The title's matter joins two parts that each carry a request verb.
fn title_joins_matters(cx: &Context) -> Option<(Span, String)> {
    let title = cx.doc.title.as_ref()?;
    let c = TITLE_MATTER.captures(title.text.trim_end_matches(['。', ' ']))?;
    let matter = c.name("matter")?;
    // Joiners inside 《》 belong to a document's name, not to the matter.
    let inside_book =
        |at: usize| matter.as_str()[..at].matches('《').count() > matter.as_str()[..at].matches('》').count();
    let joins: Vec<(usize, bool)> = JOINER
        .find_iter(matter.as_str())
        .filter(|m| !inside_book(m.start()))
        .map(|m| (m.start(), m.as_str() == "并"))
        .collect();
    if joins.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    let mut from = 0;
    for &(at, _) in &joins {
        parts.push(&matter.as_str()[from..at]);
        from = at + matter.as_str()[at..].chars().next().map_or(1, char::len_utf8);
    }
    parts.push(&matter.as_str()[from..]);
    let asking = parts.iter().filter(|p| VERB.is_match(p)).count();
    // Joined only by 并, the parts are two matters when they are two kinds of matter.
    let only_bing = joins.iter().all(|&(_, bing)| bing);
    let kinds: Vec<&str> = parts.iter().filter_map(|p| matter_kind(p)).collect();
    let distinct_kinds = kinds.iter().enumerate().any(|(i, k)| kinds[..i].iter().any(|e| e != k));
    // "设立并核定名称" is one matter in two steps; two verbs each with its own object make two.
    if asking >= 2 && parts.iter().filter(|p| p.chars().count() >= 4).count() >= 2 && (!only_bing || distinct_kinds) {
        return Some((
            title.span.sub(matter.start(), matter.end()),
            format!("标题事由“{}”连接了 {asking} 个请求事项", matter.as_str()),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn two_matters_in_title_and_body() {
        let text = "示例市卫生健康局关于申请增加编制和追加办公经费的请示\n示例市人民政府：\n拟申请增加事业编制5名。同时，恳请追加办公经费30万元。\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW102");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0].message.contains("标题事由"), "{}", d[0].message);
    }

    #[test]
    fn one_matter_in_several_points_is_silent() {
        let text = "示例市教育局关于申请城区中小学校舍维修资金的请示\n示例市人民政府：\n一、基本情况\n排查发现需维修校舍11栋。\n二、资金需求\n维修加固工程需资金1850万元，拟申请市级财政安排。\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW102").is_empty());
        let text = "示例市民政局关于同意设立并核定示例公园名称的请示\n示例市人民政府：\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW102").is_empty());
        let text = "示例市卫生健康局关于申请建设并配备发热门诊设备的请示\n示例市人民政府：\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW102").is_empty());
    }

    #[test]
    fn bing_joining_two_kinds_of_matter_in_a_wrapped_title() {
        let text = "示例县人民政府\n关于申请设立示例旅游度假区管理委员会并追加\n2025年旅游基础设施建设资金的请示\n示例市人民政府：\n拟设立管理委员会。\n同时，恳请追加补助资金2000万元。\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW102");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn the_authors_own_second_request_as_an_attachment() {
        let text = "示例县应急管理局关于建设物资储备库的请示\n县人民政府：\n拟建设物资储备库。\n妥否，请批示。\n附件：1.建设方案\n　　　2.示例县应急管理局关于购置消防车辆的请示\n示例县应急管理局\n2026年3月25日\n";
        let d = lint_text("t.txt", text, "GW102");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(
            codes_in("t.txt", &text.replace("2.示例县应急管理局关于购置消防车辆的请示", "2.预算表"), "GW102")
                .is_empty()
        );
    }

    #[test]
    fn sections_each_headed_by_their_matter_and_asking() {
        let text = "示例县人民政府关于解决县城发展若干困难问题的请示\n示例州人民政府：\n现将有关事项请示如下：\n一、关于第二水厂建设用地问题\n恳请州政府予以调剂解决。\n二、关于县中学扩建补助资金问题\n恳请州政府给予补助1000万元。\n以上请示当否，请批示。\n";
        let d = lint_text("t.txt", text, "GW102");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn a_further_grant_of_another_matter_in_one_sentence() {
        let text = "示例市体育局关于举办山地马拉松赛的请示\n市人民政府：\n恳请市政府批准举办本届赛事，并同意追加游泳馆维修改造资金120万元。\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW102");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        let one = text.replace("，并同意追加游泳馆维修改造资金120万元", "，并同意由市体育中心承办");
        assert!(codes_in("t.txt", &one, "GW102").is_empty());
    }

    #[test]
    fn distinct_matters_are_read_word_by_word() {
        let text = "示例市卫生健康局关于加强基层医疗工作的请示\n示例市人民政府：\n拟申请增加事业编制5名。另外恳请安排专项资金200万元。\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW102");
        assert!(d[0].message.contains("编制、资金"), "{}", d[0].message);
        // 申请人 is a word of its own: no request there.
        let text = "示例市教育局关于申请校舍维修资金的请示\n示例市人民政府：\n申请人应当提交编制说明。拟申请资金1850万元。\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW102").is_empty());
    }

    #[test]
    fn a_single_weak_signal_is_info() {
        let text = "示例市教育局关于申请校舍维修资金的请示\n示例市人民政府：\n拟申请资金1850万元。另，请协调供电部门配合施工。\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW102");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }
}
