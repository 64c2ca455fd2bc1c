use super::common::{own_matches, says_anywhere, sentence_of};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Direction, DocKind};
use crate::lang::segment::segment;
use crate::org::{Addressee, Org, OrgKind, Relation};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct ConsultAndCountersign;

static META: RuleMeta = RuleMeta {
    code: "GW210",
    name: "consult-and-countersign",
    summary: "涉及他部门职权须协商会签；有分歧须列明各方理据并提出办理建议",
    category: Category::Routing,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十九条（六）：“公文涉及其他地区或者部门职权范围内的事项，起草单位必须征求相关地区或者部门意见，力求达成一致。”；《江门市人民政府工作规则》二十九：“协商后仍不能取得一致意见的，主办部门应当列明各方意见及理据，提出办理建议。”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "请示或下行文安排其他部门承担工作（“由市住建局牵头、市自然资源局配合”）时，起草单位应事先征求这些部门的意见，\
并在文中说明（“已征求……意见”“经与……协商一致”“会签”）。本规则：\n\n\
- 正文安排他部门“牵头、配合、会同”而没有协商说明：提示；\n\
- 文中报告征求意见的机关有分歧（“市财政局对此有不同意见”“双方存在分歧”“经协商仍未能达成一致”），\
却没有写各方理由和办理建议：警告。\n\n\
是否“报告分歧”看谁持有意见、是肯定还是否定：“均无不同意见”“未提出异议”是一致意见；\
“如有不同意见，请……反馈”“未协商一致的，不得……”是假设或规定；“听取不同意见”“对各方提出的不同意见进行了研究”\
是起草单位自己的工作；群众、专家的意见不是部门之间的分歧；“经协商已达成一致”说明分歧已解决；引号内的文字不查。\
纪要本身就是协调结果，不检查。",
    bad: "拟由市住建局牵头、市自然资源局和市城管局配合开展整治。妥否，请批示。",
    good: "……已书面征求市自然资源局、市城管局意见，两单位均无不同意见。妥否，请批示。",
};

/// A duty given to an organ: “县公安局负责……”, “由市住建局牵头、市城管局配合”. The organ's name is
/// found inside the words before the verb (see `organ_given_duty`).
static DUTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}、]{2,80}?(?:局|委员会|委|办公室|办|厅|中心|大队|支队|人民政府|政府|办事处)(?:[^。；，、\n]{0,3}?)(?:牵头|负责|配合|会同|协助|承担)")
        .expect("valid")
});
/// Words that end a duty's verb, to cut the organ's name out of `DUTY`'s match.
const DUTY_VERBS: [&str; 6] = ["牵头", "负责", "配合", "会同", "协助", "承担"];
/// What may stand before an organ's name in the same run of characters: 由县公安局, 请市财政局.
const NOT_A_NAME_START: &str = "由请和与及并将在对向从经期间时内中后前等把让";
static CONSULTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"征求[^。]{0,30}意见|(协商|商议)一致|经(与|同)[^。]{0,20}(协商|商议|沟通)|会签|联合(报|行文|上报)|无不同意见|意见一致|达成一致").expect("valid")
});
/// Words that may report a disagreement: an opinion that differs (不同意见, 异议), a split
/// (分歧), or a failure to agree (未能达成一致). Whether they do depends on the sentence.
static DISAGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"不同意见|异议|分歧|(?:未能|未|不能|无法|没有|没能)(?:协商|达成|取得|形成)一致(?:意见)?|意见不(?:一致|统一)",
    )
    .expect("valid")
});
/// A party's view set out: `市财政局认为……`, `我院主张……`, `理由是……`. The bare words 原因 or
/// 依据 are not (`由于价格上涨等原因`, `依据《预算法》`).
static REASONED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"认为|主张|坚持|意见(?:是|为)|理由(?:是|为|如下)|理据").expect("valid"));
static PROPOSAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"建议|拟").expect("valid"));

impl Rule for ConsultAndCountersign {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let relevant = doc.kind() == Some(DocKind::请示)
            || (doc.direction() == Some(Direction::Down) && doc.kind() != Some(DocKind::纪要));
        if !relevant || doc.kind() == Some(DocKind::纪要) {
            return;
        }
        let text = cx.text();
        let others: Vec<(Span, String)> = match doc.parties.sender.as_ref() {
            Some(sender) => own_matches(cx, &DUTY).into_iter().flat_map(|m| organs_given_duty(cx, sender, m)).collect(),
            None => Vec::new(),
        };
        let disagreements: Vec<_> = own_matches(cx, &DISAGREEMENT)
            .into_iter()
            .filter(|&cue| {
                let sentence = sentence_of(cx, cue);
                reports_disagreement(sentence.text(text), cue.start - sentence.start..cue.end - sentence.start)
            })
            .collect();
        if let Some(at) = disagreements.first() {
            let reasoned = says_anywhere(cx, &REASONED) && says_anywhere(cx, &PROPOSAL);
            if !reasoned {
                out.push(
                    Finding::new(*at, "有不同意见时，应当列明各方意见及理据，并提出办理建议")
                        .help("分别写明各方意见和理由，再写“建议……”")
                        .severity(Severity::Warning)
                        .source("《江门市人民政府工作规则》二十九"),
                );
            }
            return;
        }
        if !others.is_empty() && doc.kind() == Some(DocKind::请示) && !says_anywhere(cx, &CONSULTED) {
            let mut names: Vec<&str> = Vec::new();
            for (_, name) in &others {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
            out.push(
                Finding::new(
                    others[0].0,
                    format!("正文安排了其他部门的工作（{}），但未说明是否已征求其意见", names.join("、")),
                )
                .help("写明“已征求……意见，……无不同意见”或“经与……协商一致”；必要时会签或联合报批"),
            );
        }
    }
}

/// The organs a `DUTY` match gives work to (one, or a list: 市公安局、市网信办配合) that are other
/// organs than the sender and not ones it leads or guides: their spans and names.
fn organs_given_duty(cx: &Context, sender: &Org, m: Span) -> Vec<(Span, String)> {
    let text = cx.text();
    let matched = m.text(text);
    let Some(name_end) = DUTY_VERBS.iter().filter_map(|v| matched.rfind(v)).min() else { return Vec::new() };
    let words = matched[..name_end].trim_end_matches(|c: char| !c.is_alphanumeric() || "要也均则".contains(c));
    let mut out = Vec::new();
    let mut at = 0;
    for part in words.split('、') {
        if let Some((offset, name)) = organ_in(cx, sender, part) {
            let start = m.start + at + offset;
            out.push((Span::new(start, start + name.len()), name));
        }
        at += part.len() + '、'.len_utf8();
    }
    out
}

/// The organ named at the end of `words`, if another organ than the sender's own: the longest
/// tail that reads as an organ of a known or relatively named place.
fn organ_in(cx: &Context, sender: &Org, words: &str) -> Option<(usize, String)> {
    let sender_place = sender.region.as_deref().unwrap_or("\u{0}");
    for (at, first) in words.char_indices() {
        let name = &words[at..];
        if NOT_A_NAME_START.contains(first) || name.chars().count() < 3 {
            continue;
        }
        let relative = "县市区省州旗镇乡".contains(first);
        let Addressee::Org(org) = cx.orgs.resolve(name, Some(sender)) else { continue };
        let placed = relative || name.starts_with(sender_place) || org.region_code.is_some();
        if org.kind == OrgKind::Unknown || !placed {
            continue;
        }
        let own = matches!(
            cx.orgs.relation(sender, &org),
            Relation::Same | Relation::Subordinate | Relation::Guided | Relation::Superior | Relation::Guiding
        );
        let addressed =
            cx.doc.parties.main.iter().any(|p| matches!(&p.addressee, Addressee::Org(o) if o.name == org.name));
        return (!own && !addressed).then(|| (at, name.to_string()));
    }
    None
}

// ── Whether a sentence reports a disagreement among the organs consulted ─────────────────────
// “不同意见” is as often agreement (“均无不同意见”), an invitation (“如有不同意见，请……反馈”),
// or the object of the drafter's own handling (“听取不同意见”“对不同意见进行了认真研究”) as it
// is a report. A report has a holder — an organ — that has, holds or raises the opinion, and
// neither negates nor supposes it; a failure to agree (“未能达成一致”) is a report by itself.

const CLAUSE_STOPS: [char; 5] = ['，', '；', '：', ',', ';'];

/// Verbs by which a holder has an opinion or a split, at the end of the words before the cue:
/// “市财政局对此有不同意见”, “持不同意见”, “在执法主体上存在分歧”, “提出异议”.
static HOLDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:有|持|存在|提出|提|出现|产生)了?(?:一些|一定|较大|明显|重大|较多|少量|个别|部分)?的?$")
        .expect("valid")
});
/// What may follow a split that reports it: “双方分歧较大”, “意见分歧仍未消除”.
static SPLIT_REPORTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:较大|很大|明显|突出|严重|仍|依然|尚|未能)").expect("valid"));
/// A supposition or a general rule rather than a report: “如有不同意见”, “若对方案有异议”,
/// “部门之间未协商一致的，不得向下行文”, “出现分歧时”.
static SUPPOSED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:如果|如|若|倘若|假如|凡|一旦|对于|避免|防止|减少)|如有|若有|如对|若对").expect("valid")
});
static SUPPOSED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:的(?:[，,；]|单位|部门|机关|事项|情况下|话)|时|前|之前|之处)").expect("valid"));
/// A clause that takes the opinion as its topic: “对……提出的不同意见”, “针对……的异议”.
static HANDLED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"针对|就|关于|对[^方]").expect("valid"));
/// The disagreement was settled later in the sentence: “……提出异议，经协商已达成一致”.
static RESOLVED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"已[^，。；不未]{0,12}?(?:一致|消除|化解|解决|采纳|吸收|修改)").expect("valid"));

/// Whether `sentence` reports that consulted organs disagree, for the cue at `cue`.
fn reports_disagreement(sentence: &str, cue: Range<usize>) -> bool {
    let clause_start = sentence[..cue.start].rfind(CLAUSE_STOPS).map_or(0, |i| i + char_len(sentence, i));
    let before = &sentence[clause_start..cue.start];
    let after = &sentence[cue.end..];
    if SUPPOSED_BEFORE.is_match(before) || SUPPOSED_AFTER.is_match(after) || RESOLVED.is_match(after) {
        return false;
    }
    let word = &sentence[cue.clone()];
    let verb_at = match word {
        // 未能达成一致、意见不一致: the failure is the report; the holder may go unsaid
        // (“经反复协商，仍未能达成一致”), but not be somebody other than organs.
        w if w.ends_with("一致") || w.ends_with("一致意见") || w.ends_with("统一") => {
            return holder(sentence, clause_start, cue.start) != Some(Holder::Public);
        }
        "分歧" if SPLIT_REPORTED.is_match(after) => cue.start,
        _ => match HOLDING.find(before) {
            // “对市财政局提出的不同意见进行了研究”: a relative clause inside the drafter's own
            // handling of the opinion, not a report of it.
            Some(verb) if verb.as_str().ends_with('的') && HANDLED.is_match(before) => return false,
            Some(verb) => clause_start + verb.start(),
            // No verb of holding: the words are the object of the drafter's own act
            // (听取不同意见, 对不同意见进行研究) or a negation (无不同意见).
            None => return false,
        },
    };
    // 没有、未提出、并不存在: the holding verb is negated.
    let negated =
        sentence[..verb_at].ends_with(['没', '未', '不', '无', '毋']) || sentence[..verb_at].ends_with("没能");
    !negated && holder(sentence, clause_start, verb_at) == Some(Holder::Organ)
}

#[derive(Debug, PartialEq, Eq)]
enum Holder {
    Organ,
    Public,
}

/// The holder of an opinion whose verb is at `verb_at`: the first holder word of its clause
/// (the subject comes first: “部分群众对市住建局的方案有不同意见”), else of the nearest earlier
/// clause that names one (“已征求市财政局意见，该局有不同意见”). Words, not characters, decide:
/// the 部 of 部分 and the 局 of 大局 name no organ.
fn holder(sentence: &str, clause_start: usize, verb_at: usize) -> Option<Holder> {
    let first_in = |s: &str| segment(head(s, CLAUSE_READ)).into_iter().find_map(|w| holder_word(w.text));
    if let Some(h) = first_in(&sentence[clause_start..verb_at]) {
        return Some(h);
    }
    sentence[..clause_start].split(CLAUSE_STOPS).rev().take(CLAUSES_BACK).find_map(first_in)
}

/// How much of a clause is read for its holder (characters), and how many earlier clauses.
/// Real clauses are far shorter and their subject comes first; the bounds keep a sentence of
/// thousands of cues and no stop from being segmented again whole for each cue (quadratic).
const CLAUSE_READ: usize = 200;
const CLAUSES_BACK: usize = 32;

/// The first `chars` characters of `s`.
fn head(s: &str, chars: usize) -> &str {
    s.char_indices().nth(chars).map_or(s, |(at, _)| &s[..at])
}

/// What a single word says about who holds an opinion: the public, experts and deputies, whose
/// views are no disagreement among the organs consulted, or an organ (or a party to a 协商).
fn holder_word(word: &str) -> Option<Holder> {
    const PUBLIC: &[&str] = &[
        "群众", "公众", "市民", "居民", "村民", "网民", "各界", "专家", "学者", "代表", "委员", "同志", "企业", "商户",
        "个人",
    ];
    const PARTIES: &[&str] = &["双方", "各方", "多方", "两方", "三方", "对方", "有关方面"];
    const ORGAN_ENDINGS: &[&str] =
        &["政府", "部门", "单位", "机关", "街道", "局", "委", "办", "厅", "署", "部", "院", "镇", "乡"];
    // Two-character words ending like an organ are organs only with a determiner or a place
    // before the ending (该局、两局、市委、党委); 大局、举办、全部、内部 are not.
    const SHORT_ORGAN_HEADS: &str = "该本我两各三贵你此其市省县区镇乡党";
    if PUBLIC.iter().any(|p| word.ends_with(p)) {
        return Some(Holder::Public);
    }
    if PARTIES.contains(&word) {
        return Some(Holder::Organ);
    }
    let chars = word.chars().count();
    let organ = ORGAN_ENDINGS.iter().any(|e| {
        word.ends_with(e)
            && (e.chars().count() > 1
                || chars >= 3
                || chars == 2 && word.chars().next().is_some_and(|c| SHORT_ORGAN_HEADS.contains(c)))
    });
    organ.then_some(Holder::Organ)
}

fn char_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::{CLAUSE_READ, Holder, head, holder};
    use crate::test_support::{codes_in, lint_text};

    /// A clause longer than what is read keeps the holder named at its start; a holder named
    /// only past that is not looked for (real clauses are far shorter).
    #[test]
    fn a_long_clause_is_read_from_its_start() {
        let filler = "经过反复研究讨论".repeat(40);
        let sentence = format!("市财政局{filler}有不同意见");
        let verb = sentence.find("有不同").unwrap();
        assert_eq!(holder(&sentence, 0, verb), Some(Holder::Organ));
        let late = format!("{filler}市财政局有不同意见");
        assert_eq!(holder(&late, 0, late.find("有不同").unwrap()), None);
        assert_eq!(head("一二三", 2), "一二");
        assert_eq!(head("一二", 5), "一二");
        assert!(filler.chars().count() > CLAUSE_READ);
    }

    #[test]
    fn other_departments_without_consultation() {
        let text = "示例市住房和城乡建设局关于开展违建整治的请示\n示例市人民政府：\n拟由市住建局牵头、市自然资源局和市城管局配合开展整治。\n妥否，请批示。\n";
        assert_eq!(lint_text("t.txt", text, "GW210").len(), 1);
    }

    #[test]
    fn every_organ_of_a_list_is_given_the_duty() {
        let text = "郑州市商务局关于开展整治的请示\n郑州市人民政府：\n拟由我局牵头，市市场监督管理局、市公安局配合开展整治。\n妥否，请批示。\n郑州市商务局\n2024年1月1日\n";
        let d = lint_text("t.txt", text, "GW210");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("市市场监督管理局、市公安局"), "{}", d[0].message);
    }

    #[test]
    fn duties_given_in_a_division_of_tasks() {
        let text = "湄潭县住房和城乡建设局关于开展占道经营整治行动的请示\n湄潭县人民政府：\n我局拟开展集中整治。具体分工如下：\n（一）县综合行政执法局负责占道经营的日常巡查。\n（二）县公安局交警大队负责清理占用机动车道的经营行为。\n（三）我局负责统筹协调。\n妥否，请批示。\n湄潭县住房和城乡建设局\n2024年4月22日\n";
        let d = lint_text("t.txt", text, "GW210");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("县综合行政执法局"), "{}", d[0].message);
        let consulted =
            text.replace("具体分工如下", "已征求县综合行政执法局、县公安局意见，均无不同意见。具体分工如下");
        assert!(codes_in("t.txt", &consulted, "GW210").is_empty());
        // Only the sender's own work, or its own units': nothing to consult.
        let own = text
            .replace("（一）县综合行政执法局负责占道经营的日常巡查。\n（二）县公安局交警大队负责清理占用机动车道的经营行为。\n", "（一）县城市管理办公室负责日常巡查。\n")
            .replace("县城市管理办公室", "局办公室");
        assert!(codes_in("t.txt", &own, "GW210").is_empty(), "{:?}", lint_text("t.txt", &own, "GW210"));
    }

    fn request(body: &str) -> String {
        format!("示例市住房和城乡建设局关于开展违建整治的请示\n示例市人民政府：\n{body}\n妥否，请批示。\n")
    }

    #[test]
    fn reported_disagreements_warn() {
        for body in [
            "我局已就方案征求市财政局意见，市财政局对此有不同意见。",
            "市财政局、市公安局持不同意见。",
            "已征求市城管局意见，该局提出异议。",
            "经反复协商，仍未能达成一致。",
            "双方意见分歧较大。",
        ] {
            assert_eq!(codes_in("t.txt", &request(body), "GW210").len(), 1, "{body}");
        }
    }

    #[test]
    fn agreement_invitations_and_handling_are_silent() {
        for body in [
            "已书面征求市城管局、市财政局意见，均无不同意见。",
            "征求意见期间，各单位没有不同意见，也未提出异议。",
            "如有不同意见，请于5月10日前书面反馈我局。",
            "对方案有不同意见的，请书面反馈。",
            "起草过程中，我局广泛听取不同意见。",
            "我局对各方提出的不同意见进行了认真研究。",
            "部门之间未协商一致的，不得向下行文。",
            "市财政局曾提出不同意见，经协商已达成一致。",
            "部分群众对整治方案有不同意见。",
            "根据规定“有不同意见的，应当列明各方理据”。",
        ] {
            assert!(codes_in("t.txt", &request(body), "GW210").is_empty(), "{body}");
        }
    }

    #[test]
    fn consulted_or_unreasoned_disagreement() {
        let text = "示例市住房和城乡建设局关于开展违建整治的请示\n示例市人民政府：\n拟由市住建局牵头、市城管局配合开展整治。已书面征求市城管局意见，该局无不同意见。\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW210").is_empty());
        let text = "示例市住房和城乡建设局关于开展违建整治的请示\n示例市人民政府：\n我局与市城管局在执法主体上存在分歧。\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW210");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
    }

    #[test]
    fn incidental_reasons_are_no_views_set_out() {
        let split = "示例市人民医院关于申请追加建设资金的请示\n示例市卫生健康委员会：\n由于价格上涨等原因，项目投资增加6800万元。我院拟申请专项债券解决4000万元。就上述资金安排，我院与市财政局多次沟通，双方意见存在分歧，未能达成一致。\n妥否，请批示。\n";
        let d = lint_text("t.txt", split, "GW210");
        assert_eq!(d.len(), 1, "{d:?}");
        let set_out = split.replace(
            "未能达成一致。",
            "未能达成一致。市财政局认为应由医院自筹，理由是……；我院认为……。建议由市财政安排2800万元。",
        );
        assert!(codes_in("t.txt", &set_out, "GW210").is_empty());
    }

    #[test]
    fn holders_are_words_not_characters() {
        use super::{Holder, holder_word};
        for organ in ["市财政局", "该局", "两局", "有关部门", "双方", "市委", "财政部"] {
            assert_eq!(holder_word(organ), Some(Holder::Organ), "{organ}");
        }
        for public in ["群众", "人大代表", "专家"] {
            assert_eq!(holder_word(public), Some(Holder::Public), "{public}");
        }
        for neither in ["部分", "大局", "举办", "内部", "方案"] {
            assert_eq!(holder_word(neither), None, "{neither}");
        }
    }
}
