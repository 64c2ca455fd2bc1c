//! What several routing rules ask of a draft: its own sentences matching a pattern, and the facts
//! a draft may state about approvals.

use crate::document::MaskSet;
use crate::lang::address::{HONORIFIC_YOU, is_address_term};
use crate::org::Org;
use crate::rules::Context;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Matches of `re` in the 正文's own words (not quotations, 《》 names, forwarded documents).
pub fn own_matches(cx: &Context, re: &Regex) -> Vec<Span> {
    let text = cx.text();
    let mut out = Vec::new();
    for p in cx.doc.body_paragraphs() {
        let s = p.span.text(text);
        for m in re.find_iter(s) {
            let span = p.span.sub(m.start(), m.end());
            if !cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                out.push(span);
            }
        }
    }
    out
}

/// Whether the title or 正文 (own words or not) contains a match: used for exemptions such as
/// “经市人民政府同意”, which count wherever they are written.
pub fn says_anywhere(cx: &Context, re: &Regex) -> bool {
    let text = cx.text();
    cx.doc.title.as_ref().is_some_and(|t| re.is_match(&t.text))
        || cx.doc.body_paragraphs().any(|p| re.is_match(p.span.text(text)))
}

/// Whether the draft, in its own words, calls its addressee “贵X”: the courtesy of 平行文
/// between organs that do not lead one another, never used to a superior or a subordinate.
pub fn addresses_as_peer(cx: &Context) -> bool {
    let text = cx.text();
    own_matches(cx, &HONORIFIC_YOU).iter().any(|m| is_address_term(text, m.start, m.end))
}

/// A front-matter statement that is present and not “否”.
pub fn stated_yes(cx: &Context, key: &str) -> bool {
    match cx.doc.front_matter.as_ref().and_then(|fm| fm.get(key)) {
        Some(entry) => entry.value.as_bool() != Some(false) && !entry.value.as_text().trim().is_empty(),
        None => false,
    }
}

/// Whether the facts about `org` come from the user's configuration rather than its name.
pub fn configured(org: &Org) -> bool {
    org.from_config
}

// ── Provisions: what the draft itself orders, requests or forbids ─────────────────────────────
// Used by the content rules GW211–GW216, GW705–GW706 and GW801–GW805: a match counts only in
// a sentence that lays something down (a normative modal or an order to subordinates), not in
// one that reports a fact (“市财政已安排经费500万元”) or forbids it (“不再另行制发配套文件”).

const SENTENCE_STOPS: [char; 6] = ['。', '！', '？', '；', '!', '?'];
const CLAUSE_STOPS: [char; 9] = ['。', '！', '？', '；', '!', '?', '，', ',', '：'];

/// The sentence around `span` inside the paragraph (of the 正文 or an attachment) that holds
/// it: from the previous 。！？； to the next, without the marks.
pub fn sentence_of(cx: &Context, span: Span) -> Span {
    let text = cx.text();
    let Some(p) = cx.doc.body.iter().find(|p| p.span.contains(span)) else { return span };
    let s = p.span.text(text);
    let (rel_start, rel_end) = (span.start - p.span.start, span.end - p.span.start);
    let start = s.get(..rel_start).and_then(|b| b.rfind(SENTENCE_STOPS).map(|i| i + char_len(b, i))).unwrap_or(0);
    let end = s.get(rel_end..).and_then(|a| a.find(SENTENCE_STOPS)).map_or(s.len(), |i| rel_end + i);
    p.span.sub(start, end)
}

fn char_len(s: &str, at: usize) -> usize {
    s.get(at..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8)
}

/// The part of the clause (since the last ，；：。) that comes before `span`, inside `sentence`.
pub fn clause_before(text: &str, sentence: Span, span: Span) -> &str {
    let before = text.get(sentence.start..span.start.max(sentence.start)).unwrap_or("");
    before.rfind(CLAUSE_STOPS).map_or(before, |i| before.get(i + char_len(before, i)..).unwrap_or(""))
}

static STRONG_NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"不得|不准|不要|不宜|不应|不再|不搞|不予|不必|不请|不邀请|不安排|不组织|严禁|禁止|杜绝|避免|防止|取消|清理|纠正|无须|无需|一律不|勿")
        .expect("valid")
});
static LEADING_NOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ 　]*(?:并|也|均|都|一般|原则上|再|从)?不(?:[^断仅少同足]|$)").expect("valid"));

/// Whether what follows `clause` is forbidden or ruled out rather than laid down:
/// “不得……”, “严禁……”, “不发贺信、贺电，不题词、题字”, “不再另行制发……”.
pub fn negated(clause: &str) -> bool {
    if STRONG_NEGATION.is_match(clause) || LEADING_NOT.is_match(clause) {
        return true;
    }
    // “不” directly before the match (“不悬挂横幅”, “不另行制定”).
    let tail: String = clause.chars().rev().take(3).collect();
    tail.contains('不')
}

static MODAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"应当|应|必须|务必|须|要|将|予以|一律|确保").expect("valid"));
static IMPERATIVE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:请|要求|由)?(?:全市|市直)?(?:各|你们|你单位|你(?:局|委|办|厅|院|县|区|市|镇)|[市县区镇乡]、[县区镇乡街村])")
        .expect("valid")
});
static REQUEST_TO_SUBORDINATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:请|要求|督促|责成)(?:全市|市直)?(?:各|你们|你单位|基层)").expect("valid"));
static LEADING_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ 　]*(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.．、])?[ 　]*")
        .expect("valid")
});
/// A sentence that reports what a higher authority requires (“省商务厅要求各地市……”).
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:党中央|中央|国务院|国家|省|上级)[^，。；：]{0,14}(?:要求|提出|明确|规定|指出|强调|印发)")
        .expect("valid")
});
static NARRATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"已经|已|曾|累计|共计|截至|截止|去年|上年|近年来|此前").expect("valid"));

/// Whether a normative modal (应、须、要、将、予以、一律、确保) stands in `sentence` — not the 要 of
/// 重要/主要/需要, the 应 of 相应/应急, nor the 将 of 现将.
pub fn has_modal(sentence: &str) -> bool {
    MODAL.find_iter(sentence).any(|m| {
        let prev = sentence[..m.start()].chars().next_back();
        let next = sentence[m.end()..].chars().next();
        let is = |c: Option<char>, set: &str| c.is_some_and(|c| set.contains(c));
        match m.as_str() {
            "应" => !is(prev, "相供适对响反效呼回答感顺") && !is(next, "急用届聘收付征对变答邀"),
            "要" => !is(prev, "主重需纪摘提简只概扼必紧首纲") && !is(next, "点素件害闻塞员领旨务求"),
            "将" => !is(prev, "现特即") && !is(next, "近领军士"),
            "须" => !is(next, "知臾"),
            _ => true,
        }
    })
}

/// Whether `sentence` lays something down: a normative modal, or an order to subordinates
/// (“请各县（市、区）……”, “各单位……”, “市、县两级设立……”) that does not narrate the past.
pub fn is_provision(sentence: &str) -> bool {
    let rest = LEADING_ORDINAL.find(sentence).map_or(sentence, |m| &sentence[m.end()..]);
    if REPORTED.is_match(rest) {
        return false;
    }
    if has_modal(sentence) {
        return true;
    }
    (IMPERATIVE_SUBJECT.is_match(rest) || REQUEST_TO_SUBORDINATES.is_match(sentence)) && !NARRATIVE.is_match(sentence)
}

/// Whether `sentence` is addressed to subordinates (各…、你们、基层、下级).
pub fn addresses_subordinates(sentence: &str) -> bool {
    static SUBORDINATES: LazyLock<Regex> = LazyLock::new(|| {
        // `各试点城市住房和城乡建设部门`: 各, a few words, and organs.
        Regex::new(r"各(?:县|区|市|镇|乡|街|地|级|单位|部门|有关|成员|学校|医院|村|社区|旗|盟|州|苏木)|各[^项类种自个方位界，。；、由向经报][^，。；、由向经报]{0,13}(?:部门|单位|机构|局|委)|你们|你单位|基层|下级|[市县区镇]、[县区镇乡街村]")
            .expect("valid")
    });
    SUBORDINATES.is_match(sentence)
}

/// Whether a sentence of the 正文 tells the draft's recipients to act: it names them (by a word
/// for subordinates, or as the 主送 names them: `各A级旅游景区要……`), or an earlier sentence of
/// its paragraph did and it goes on without a subject of its own (`……；每季度末将本通知贯彻执行
/// 情况上报市文化和旅游局`).
pub fn directed_at_recipients(cx: &Context, sentence: Span) -> bool {
    let text = cx.text();
    let names_recipient = |s: &str| {
        addresses_subordinates(s)
            || cx.doc.parties.main.iter().any(|p| {
                let name = p.field.text.trim();
                name.chars().count() >= 3 && s.contains(name)
            })
    };
    let own = sentence.text(text);
    if names_recipient(own) {
        return true;
    }
    let Some(paragraph) = cx.doc.body.iter().find(|p| p.span.start <= sentence.start && sentence.end <= p.span.end)
    else {
        return false;
    };
    // A sentence with a subject of its own (`我局将……`, `市财政局要……`) is about that subject.
    static OWN_SUBJECT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^，。；：]{1,20}?(?:要|应当|应|须|必须|负责|将)").expect("valid"));
    let rest = LEADING_ORDINAL.find(own).map_or(own, |m| &own[m.end()..]).trim_start();
    let subjectless = !OWN_SUBJECT.find(rest).is_some_and(|m| {
        let subject = &rest[..m.end()];
        ["我", "本", "市", "县", "区", "省"].iter().any(|w| subject.starts_with(w))
    });
    subjectless && names_recipient(&text[paragraph.span.start..sentence.start])
}

static GOVERNMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"经\p{Han}{0,10}(?:人民政府|政府)(?:同意|批准|授权)").expect("valid"));
static GOVERNMENT_OR_PARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"经\p{Han}{0,10}(?:人民政府|政府|市委|县委|区委)(?:同意|批准|授权)").expect("valid"));

/// `经X人民政府同意` (批准, 授权) in the draft's title or 正文, or `经政府同意` stated in front
/// matter: a department writing with its government's consent (条例第十六条（二）). With
/// `party`, a 党委's consent (`经县委同意`) counts too.
pub fn with_government_consent(cx: &Context, party: bool) -> bool {
    stated_yes(cx, "经政府同意") || says_government_consent(cx, party)
}

/// `经X人民政府同意` in the title or 正文 itself (front matter aside).
pub fn says_government_consent(cx: &Context, party: bool) -> bool {
    says_anywhere(cx, if party { &GOVERNMENT_OR_PARTY } else { &GOVERNMENT })
}

/// Whether the text before a match asks for something (恳请、邀请、请、申请……, not 请示/请假).
pub fn requests(clause_or_sentence_prefix: &str) -> bool {
    static REQUEST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"恳请|拟请|敬请|烦请|特请|邀请|申请|请求|请").expect("valid"));
    REQUEST
        .find_iter(clause_or_sentence_prefix)
        .any(|m| m.as_str() != "请" || !clause_or_sentence_prefix[m.end()..].starts_with(['示', '假', '柬']))
}

/// A match of `re` in the 正文's own words that lies in a provision and is not negated, with
/// its sentence.
pub fn own_provisions(cx: &Context, re: &Regex) -> Vec<(Span, Span)> {
    let text = cx.text();
    own_matches(cx, re)
        .into_iter()
        .filter_map(|m| {
            let sentence = sentence_of(cx, m);
            (is_provision(sentence.text(text)) && !negated(clause_before(text, sentence, m))).then_some((m, sentence))
        })
        .collect()
}

/// Matches in the draft's own sentences that state something in force: like `own_provisions`,
/// but without requiring a modal — in a directive, “实行一票否决” imposes it as much as
/// “要实行一票否决”. Reported requirements, narration and negations are still left out.
pub fn own_sentences(cx: &Context, re: &Regex) -> Vec<(Span, Span)> {
    let text = cx.text();
    own_matches(cx, re)
        .into_iter()
        .filter_map(|m| {
            let sentence = sentence_of(cx, m);
            let s = sentence.text(text);
            let rest = LEADING_ORDINAL.find(s).map_or(s, |o| &s[o.end()..]);
            // “2023年，各单位均签订了……”: a dated account or a completed act (了) is history.
            static DATED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{4}年").expect("valid"));
            // “……《……的批复》明确该中心核定编制10名”: another document's content, reported.
            static CITED: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"》[^，。；]{0,4}(?:明确|规定|要求|提出|指出)").expect("valid"));
            let completed = s.contains('了') || DATED.is_match(rest) || CITED.is_match(s);
            let stated = !REPORTED.is_match(rest)
                && !NARRATIVE.is_match(s)
                && !completed
                && !negated(clause_before(text, sentence, m));
            stated.then_some((m, sentence))
        })
        .collect()
}

/// Whether the draft is (or 印发s) an administrative 规范性文件: stated in front matter
/// (“规范性文件: 是”), numbered as one (Guangdong's “X规〔2024〕1号”), or written as one —
/// see [`written_as_provisions`].
pub fn is_normative(cx: &Context) -> bool {
    /// The answer for one draft, kept in its memo: four rules ask.
    struct Normative(bool);
    cx.memo.get_or_init(|| Normative(judge_normative(cx))).0
}

fn judge_normative(cx: &Context) -> bool {
    static NORMATIVE_NUMBER: LazyLock<Regex> =
        // 粤府规〔…〕, and the 规发/规字 of other provinces (卫政规发〔2025〕3号, 鲁政办规字〔…〕).
        LazyLock::new(|| Regex::new(r"^\p{Han}{1,10}规(?:发|字)?[〔\[［(（]").expect("valid"));
    if let Some(stated) = cx.doc.stated_bool("规范性文件") {
        return stated;
    }
    stated_yes(cx, "规范性文件")
        || cx.doc.header.doc_number.as_ref().is_some_and(|n| NORMATIVE_NUMBER.is_match(n.text.trim()))
        || written_as_provisions(cx)
}

/// A draft that is, or 印发s, a set of provisions an administrative organ lays down for others:
/// written in articles (`第一条`…) or saying whom it binds (`本办法适用于……`, `本通知所称……`),
/// closing with its own entry into force (`本办法自……起施行`), under a name of the kinds
/// 规范性文件 take (办法、规定、细则、规则 — and the 条例/法 that GW214 reports) or as a 通知,
/// 决定 or 通告 that rules by itself. Most drafts never say they are 规范性文件; their form does. Left out: a
/// 令 (that is a 规章, under the 规章制定程序条例), a 转发/批转 of another organ's, the Party's own
/// 党内规范性文件, and an organ's internal 制度/守则/规程, which bind its own staff rather than
/// the public.
pub fn written_as_provisions(cx: &Context) -> bool {
    use crate::document::{DocKind, Part, PartFilter};
    static OWN_ENTRY_INTO_FORCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"本(?:实施)?(?:办法|规定|细则|规则|条例|法|通知|决定|意见|通告)(?:[（(][^）)]{0,6}[）)])?自[^。；]{2,20}起(?:施行|实施|执行|生效)")
            .expect("valid")
    });
    static PROVISION_NAME: LazyLock<Regex> =
        // 法 as a law's name, not 方法、做法、算法 (《……评分方法》 is no provision).
        LazyLock::new(|| {
            Regex::new(r"(?:办法|规定|细则|规则|条例|[^方做算手说看想]法)(?:[（(][^）)]*[）)])?[》〉]?$")
                .expect("valid")
        });
    // `关于印发《……办法》的通知`, and with the marks left out or the title broken over two lines
    // (`关于印发⏎日照市……暂行办法的通知`).
    static ISSUED_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:印发|发布|公布|颁布)[^《〈]{0,20}[《〈]([^》〉]+)[》〉]|(?:印发|发布|公布|颁布)\s*([^《〈》〉]{4,60}?)的通知\s*$")
            .expect("valid")
    });
    static FIRST_ARTICLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\s\u{3000}*_#]*第[一1]条[*_]*[\s\u{3000}]").expect("valid"));
    let doc = cx.doc;
    if doc.kind() == Some(DocKind::命令) {
        return false;
    }
    if doc.header.doc_number.as_ref().is_some_and(|n| n.text.contains("令")) {
        return false;
    }
    if doc.parties.sender.as_ref().is_some_and(|s| s.name.starts_with("中共") || s.name.starts_with("中国共产党"))
    {
        return false;
    }
    let Some(title) = doc.title.as_ref() else { return false };
    // A 转发/批转 passes on another organ's provisions; it checks them no more than it wrote them.
    if title.text.contains("转发") || title.text.contains("批转") {
        return false;
    }
    let flat: String = title.text.chars().filter(|c| !c.is_whitespace()).collect();
    let name =
        ISSUED_NAME.captures(&flat).and_then(|c| c.get(1).or_else(|| c.get(2))).map_or(flat.as_str(), |m| m.as_str());
    let name = name.trim_end_matches(['（', '(']).trim();
    // How an organ runs itself (《X人民政府工作规则》, 议事规则, 机关考勤管理办法) binds its own
    // staff, not the public.
    static INTERNAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:工作|议事|办事|会议|公文处理)(?:规则|细则|规程|规定)|机关|内部|本局|本委").expect("valid")
    });
    if INTERNAL.is_match(name) {
        return false;
    }
    // A 通知 or 决定 can lay down rules itself (葫政发's 门前责任区 notice): then it says whom
    // they bind or what its words mean (`本通知适用于……`, `本通知所称……`).
    let named_as_provisions = PROVISION_NAME.is_match(name);
    let self_ruling_kind =
        matches!(doc.kind(), Some(DocKind::通知 | DocKind::决定 | DocKind::通告)) && !title.text.contains("印发");
    if !named_as_provisions && !self_ruling_kind {
        return false;
    }
    let text = cx.text();
    let parts = [PartFilter::Is(Part::Body), PartFilter::AnyAttachment];
    static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"本(?:实施)?(?:办法|规定|细则|规则|条例|通知|决定|通告)(?:所称|所指|适用于)").expect("valid")
    });
    let (mut articles, mut scope, mut in_force) = (false, false, false);
    for (line, _) in doc.lines_in(&parts) {
        let s = line.span.text(text);
        articles |= FIRST_ARTICLE.is_match(s);
        scope |= SCOPE.is_match(s);
        in_force |= OWN_ENTRY_INTO_FORCE.is_match(s);
    }
    in_force && (named_as_provisions && (articles || scope) || self_ruling_kind && scope)
}

/// The 文种 of a downward directive draft (通知、意见、决定, plus `extra`), when the draft is one.
pub fn downward_directive(cx: &Context, extra: &[crate::document::DocKind]) -> Option<crate::document::DocKind> {
    use crate::document::{Direction, DocKind};
    use crate::org::GroupScope;
    let kind = cx.doc.kind()?;
    let directive = matches!(kind, DocKind::通知 | DocKind::意见 | DocKind::决定) || extra.contains(&kind);
    let down = match cx.doc.direction() {
        Some(d) => d == Direction::Down,
        // 意见 and 纪要 imply no direction; a 主送 of lower-level 统称 settles it.
        None => cx.doc.parties.main.iter().any(|p| {
            p.addressee.group().is_some_and(|g| {
                matches!(
                    g.scope,
                    GroupScope::LowerAreas
                        | GroupScope::Departments
                        | GroupScope::Affiliated
                        | GroupScope::InternalUnits
                )
            })
        }),
    };
    (directive && down).then_some(kind)
}

/// Where the body gives work to one of `subjects` by name — `县自然资源局负责……`,
/// `（四）凤城镇人民政府要……` — a subject opening a clause (or following the paragraph's 层次序数)
/// and followed by a word of duty.
pub fn tasks_given_to(cx: &Context, subjects: &[&str]) -> Vec<Span> {
    const TASK_WORDS: [&str; 5] = ["要", "须", "应当", "应", "负责"];
    let text = cx.text();
    let mut out = Vec::new();
    for p in cx.doc.body_paragraphs() {
        let s = p.span.text(text);
        let after_ordinal = p.ordinal.as_ref().map(|o| o.span.end.saturating_sub(p.span.start));
        for subject in subjects.iter().filter(|s| !s.is_empty()) {
            for (at, _) in s.match_indices(subject) {
                let after = &s[at + subject.len()..];
                let opens_clause = s[..at].chars().next_back().is_none_or(|c| "，。；：、 \u{3000}".contains(c))
                    || s[..at].ends_with(['、', '．', '.'])
                    || after_ordinal == Some(at);
                if opens_clause && TASK_WORDS.iter().any(|w| after.starts_with(w)) {
                    out.push(p.span.sub(at, at + subject.len()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modals_are_not_parts_of_other_words() {
        assert!(has_modal("各地要安排专项经费"));
        assert!(has_modal("市财政局应将工作经费纳入预算"));
        assert!(!has_modal("这是一项重要的主要工作"));
        assert!(!has_modal("现将有关情况报告如下"));
        assert!(!has_modal("做好应急处置和相应保障"));
    }

    #[test]
    fn provisions_are_orders_not_facts() {
        assert!(is_provision("市、县两级设立数字经济发展中心，各核定事业编制10名"));
        assert!(is_provision("请各县（市、区）于1个月内制定配套实施细则"));
        assert!(!is_provision("2023年市财政已安排专项经费500万元"));
        assert!(!is_provision("省商务厅要求各地市报送贯彻落实情况，我局将汇总上报"));
    }

    #[test]
    fn negations() {
        assert!(negated("不再另行"));
        assert!(negated("市政府各部门不得以贯彻落实、督查考核等名义擅自要求下级"));
        assert!(negated("不题词、题字、"));
        assert!(negated("纪念文集不请领导同志"));
        assert!(!negated("对工作不力的单位实行"));
        assert!(!negated("不断加大"));
    }

    #[test]
    fn requests_skip_qingshi() {
        assert!(requests("恳请吴市长为我会"));
        assert!(!requests("特此请示"));
        assert!(!requests("我会拟于10月举办座谈会，并"));
    }
}
