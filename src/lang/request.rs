//! The request recogniser: finds where a sentence of the draft asks its addressee to decide,
//! approve, grant or act — the asking that belongs in a 请示 (or a 函) and that a 报告 must not
//! carry (《党政机关公文处理工作条例》第十五条（四）).
//!
//! A request is read as a frame, not matched as a phrase: an asking word (恳请, 报请, 请, 希望,
//! 建议 …), said by the draft's author (no third-party subject, no reporting verb, not quoted),
//! still to be granted (not 已报请, 经请示, 将申请, 不再申请), addressed upward or across (not
//! 请各单位…), and — for the weak words 请/希望/望/建议 — asking for something to be granted
//! (批准, 支持, 安排资金, 列入…). Everything else is a candidate with the reason it is not a
//! request, so that tests and `gwlint parse` can say why. The word lists are in
//! `lints/requests.toml`; the labelled sentences that hold this module to account are in
//! `fixtures/requests/requests.tsv`.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Lexicon {
    strong_acts: Vec<String>,
    weak_acts: Vec<String>,
    grants: Vec<String>,
    decisions: WordList,
    downward_addressees: Vec<String>,
    superior_audiences: Vec<String>,
    courtesies: WordList,
    reporting_markers: Vec<String>,
    completed_markers: WordList,
    plan_markers: WordList,
    deferred_requests: WordList,
    negations: Vec<String>,
    negations_anywhere: WordList,
    modals: WordList,
    instructions: Vec<String>,
    non_grants: Vec<String>,
}

/// A list of words found anywhere in a text: one search for the whole list, not one per word.
#[derive(Deserialize)]
#[serde(from = "Vec<String>")]
struct WordList {
    any: AhoCorasick,
}

impl From<Vec<String>> for WordList {
    fn from(words: Vec<String>) -> WordList {
        WordList { any: crate::lang::small_automaton(&words) }
    }
}

impl WordList {
    /// Whether `text` holds any of the words.
    fn found_in(&self, text: &str) -> bool {
        self.any.is_match(text)
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut l: Lexicon =
        toml::from_str(include_str!("../../lints/requests.toml")).expect("lints/requests.toml is valid");
    // Longest first, so that 恳请 wins over 请 and 审阅批示 over 批示.
    for list in [&mut l.strong_acts, &mut l.weak_acts, &mut l.grants, &mut l.downward_addressees] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    l
});

/// Whether a grant word asks for a decision (批准, 同意, 安排 …) rather than for an act.
pub fn is_decision(grant: &str) -> bool {
    LEXICON.decisions.found_in(grant)
}

/// Why a candidate asking word is not a request of this draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum NotRequest {
    /// Part of a noun or another word: 申请人, 请示报告制度, 邀请, 期望, 提出建议.
    Noun,
    /// 不再申请, 无需报请.
    Negated,
    /// Already asked or granted: 已报请, 经请示市政府同意.
    Completed,
    /// An intention to ask someone later: 将向省厅申请.
    Plan,
    /// Someone else's request, reported: 某县来文恳请, 群众希望.
    Reported,
    /// Inside quotation marks or a 《》 title.
    Quoted,
    /// Addressed to subordinates or the public, or an instruction: 请各单位…, 望各地…, 请与…联系.
    Downward,
    /// Courtesy: 敬请谅解, 恳请各位领导一如既往关心支持.
    Courtesy,
    /// A suggestion for reference that asks for no decision: 建议进一步加强….
    Proposal,
    /// A weak asking word with nothing to grant: 请按此执行, 如需了解，请联系….
    NoGrant,
}

impl NotRequest {
    pub fn zh(self) -> &'static str {
        match self {
            NotRequest::Noun => "名词或其他词的一部分",
            NotRequest::Negated => "否定",
            NotRequest::Completed => "已完成的请求",
            NotRequest::Plan => "今后的打算",
            NotRequest::Reported => "转述他人的请求",
            NotRequest::Quoted => "引文",
            NotRequest::Downward => "对下级或公众的要求",
            NotRequest::Courtesy => "客套语",
            NotRequest::Proposal => "供参考的建议",
            NotRequest::NoGrant => "没有请求给予的事项",
        }
    }
}

/// A request the draft itself makes. Ranges are byte offsets into the analysed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The asking word: 恳请, 请, 报请 …
    pub act: Range<usize>,
    /// What is to be granted (批准, 支持, 安排 …), when named.
    pub grant: Option<Range<usize>>,
    /// From the asking word to the end of its clause: whom, and what.
    pub clause: Range<usize>,
    /// The matter asked for: what follows the grant (or the asking word) in the clause.
    pub matter: Range<usize>,
    /// A closing formula (`妥否，请批示`, `特此请示`): a short sentence of its own.
    pub closing: bool,
    /// Asked with a word that asks by itself (恳请, 报请 …), not a weak 请/希望/建议.
    pub strong: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub act: Range<usize>,
    pub verdict: Result<Request, NotRequest>,
}

/// Every asking word in `text` (a paragraph or sentence) with its verdict. `own_names` are the
/// names the author goes by (the sender's full and short names), so that `某县人民政府恳请…`
/// in that county's own draft is its own request and not a reported one.
pub fn candidates(text: &str, own_names: &[&str]) -> Vec<Candidate> {
    candidates_in(text, own_names, Recipient::Unknown)
}

/// Whom the draft is addressed to, as far as its direction tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipient {
    /// Not known, or subordinates: 你X and 请各单位… give work.
    Unknown,
    /// A superior (请示, 报告): 你X is the superior misnamed (GW107 says so), and what is asked
    /// of a named superior is asked, whatever the verb.
    Superior,
    /// An organ the author does not lead (函): 你X, 贵X are the recipient, asked, not told.
    Peer,
}

/// [`candidates`] in a draft whose recipient is known: going up, “请你镇审核批准” asks the
/// superior, wrongly called 你, instead of instructing a subordinate; across, “请贵委于…反馈”
/// asks a peer.
pub fn candidates_in(text: &str, own_names: &[&str], recipient: Recipient) -> Vec<Candidate> {
    let quoted = quoted_ranges(text);
    let mut out = Vec::new();
    for found in ACTS.automaton.find_iter(text) {
        let (word, strong) = &ACTS.words[found.pattern().as_usize()];
        let act = found.range();
        let verdict = if quoted.iter().any(|q| q.contains(&act.start)) {
            Err(NotRequest::Quoted)
        } else {
            judge(text, act.clone(), word, *strong, own_names, recipient)
        };
        out.push(Candidate { act, verdict });
    }
    out
}

/// The asking words in one automaton: at each place the longest word that starts there, the
/// text after it searched next — one pass over the text instead of every word tried at every
/// character.
struct Acts {
    automaton: AhoCorasick,
    /// Per pattern: the word and whether it asks on its own (strong) or only with a grant.
    words: Vec<(String, bool)>,
}

static ACTS: LazyLock<Acts> = LazyLock::new(|| {
    let lex = &*LEXICON;
    let mut words: Vec<(String, bool)> = Vec::new();
    let listed = lex.strong_acts.iter().map(|w| (w, true)).chain(lex.weak_acts.iter().map(|w| (w, false)));
    for (word, strong) in listed {
        // A word in both lists counts as weak.
        match words.iter_mut().find(|(w, _)| w == word) {
            Some(entry) => entry.1 = strong,
            None => words.push((word.clone(), strong)),
        }
    }
    // 请示 itself always asks; where only 请 is listed, it takes 请's strength.
    if !words.iter().any(|(w, _)| w == "请示") {
        let strong = words.iter().find(|(w, _)| w == "请").is_none_or(|(_, s)| *s);
        words.push(("请示".to_owned(), strong));
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words.iter().map(|(w, _)| w))
        .expect("the asking words build an automaton");
    Acts { automaton, words }
});

/// The grant words, leftmost then longest (`first_grant`).
static GRANTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&LEXICON.grants)
        .expect("the grant words build an automaton")
});

/// The requests `text` makes.
pub fn requests(text: &str, own_names: &[&str]) -> Vec<Request> {
    candidates(text, own_names).into_iter().filter_map(|c| c.verdict.ok()).collect()
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?' | '\n')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '；' | ';' | '。' | '！' | '？' | '!' | '?' | '\n')
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| crate::lang::is_blank(c) || matches!(c, '“' | '”' | '"'))
}

fn judge(
    text: &str,
    act: Range<usize>,
    word: &str,
    strong: bool,
    own_names: &[&str],
    recipient: Recipient,
) -> Result<Request, NotRequest> {
    let lex = &*LEXICON;
    let clause_start = text[..act.start].rfind(is_clause_end).map_or(0, |p| p + char_len(text, p));
    let clause_end = text[act.end..].find(is_clause_end).map_or(text.len(), |p| act.end + p);
    let sentence_start = text[..act.start].rfind(is_sentence_end).map_or(0, |p| p + char_len(text, p));
    let prefix = trim(&text[clause_start..act.start]);
    let rest = trim(&text[act.end..clause_end]);
    let rest_at = act.end + text[act.end..clause_end].find(rest).unwrap_or(0);
    let before = text[..act.start].chars().next_back();
    let after = text[act.end..].chars().next();

    if is_part_of_other_word(word, before, after, &text[act.end..], prefix) {
        return Err(NotRequest::Noun);
    }
    let ends_with_any = |s: &str, list: &[String]| list.iter().any(|w| s.ends_with(w.as_str()));
    // 不再申请, 无需报请, 未予批准.
    let prefix_tail = prefix.trim_end_matches(['再', '必', '需', '须', '用', '能', '要']);
    if ends_with_any(prefix_tail, &lex.negations)
        || ends_with_any(prefix, &lex.negations)
        || lex.negations_anywhere.found_in(prefix)
    {
        return Err(NotRequest::Negated);
    }
    // 已报请, 经请示市政府同意, 此前已申请, 申请过.
    // A sentence opened by a date alone (`2024年11月，我局报请…`) narrates what was done.
    // Only the clause right after the date: later clauses may turn to asking now (`今年7月以来，
    // 我县遭受强降雨……，恳请市政府…`).
    let clauses_between =
        text[sentence_start..clause_start].split(is_clause_end).filter(|c| !trim(c).is_empty()).count();
    let opening_clause = trim(text[sentence_start..clause_start].split(is_clause_end).next().unwrap_or(""));
    let dated_opening = clauses_between == 1
        && narrated_date(opening_clause)
        && opening_clause.chars().count() <= 12
        && !["拟", "将", "计划", "预计", "力争", "争取"].iter().any(|w| text[sentence_start..act.start].contains(w));
    if lex.completed_markers.found_in(prefix)
        || dated_opening
        || narrated_date(prefix) && !["现将", "特将", "兹将", "今将"].iter().any(|w| prefix.starts_with(w))
        || prefix.ends_with('经')
        || starts_with_jing(prefix)
        || after == Some('过')
    {
        return Err(NotRequest::Completed);
    }
    // 将向省厅申请, 拟另行请示: asking later, somebody else. (现将…报请 is asking now.)
    let plans_possible = matches!(word, "申请" | "报请" | "提请" | "呈请" | "请示" | "请求");
    // `现将…计划报请…`: what follows 现将 is the object handed up, not an intention.
    let disposal = ["现将", "特将", "兹将", "今将"].iter().any(|w| prefix.starts_with(w));
    // `我局将依法报请…`: a subject, then 将 — what the author will do next.
    let subject_then_jiang =
        prefix.find('将').is_some_and(|at| ["我", "本"].iter().any(|w| prefix.starts_with(w)) && at <= 12);
    let future_jiang = (prefix.ends_with('将') || subject_then_jiang) && !disposal;
    if plans_possible && !disposal && (lex.plan_markers.found_in(prefix) || future_jiang) {
        return Err(NotRequest::Plan);
    }
    // 可在60日内申请行政复议, 应当提前申请: a procedure described, not a request made.
    if plans_possible && lex.modals.found_in(prefix) {
        return Err(NotRequest::Noun);
    }
    let own = |s: &str| own_names.iter().any(|n| !n.is_empty() && s.contains(n));
    // 来文恳请, 据某县反映, 群众希望: a reported request.
    let said_before = &text[sentence_start..act.start];
    // A sentence that opens with someone else reporting (`企业普遍反映…，希望…`) goes on in
    // their words.
    // The reporting clause may come after a time or place (`其间，两镇先后报来请示，申请…`).
    let clauses_before: Vec<&str> = text[sentence_start..clause_start].split(is_clause_end).map(trim).collect();
    // Past the first clause only a document handed in opens someone else's words: `群众反映强烈`
    // describes, `两镇报来请示` reports.
    let reporter_at = clauses_before.iter().enumerate().position(|(i, clause)| {
        let at = if i == 0 {
            reporting_at(clause)
        } else {
            ["报来", "转来", "来文", "来函", "呈来", "送来"].iter().filter_map(|m| clause.find(m)).min()
        };
        at.map(|at| &clause[..at]).is_some_and(|who| third_party_subject(who) && !own(who))
    });
    // …unless the author takes the word back in a later clause: `某街道报来《…》，现转报给你们，请审批`.
    let author_resumes = |after: usize| {
        clauses_before
            .iter()
            .skip(after + 1)
            .any(|c| ["现", "特", "我", "本", "为此", "经审核", "经研究", "经审查"].iter().any(|w| c.starts_with(w)))
    };
    let reported_sentence = sentence_start < clause_start && reporter_at.is_some_and(|at| !author_resumes(at));
    if (reporting(prefix) || reported_speech(said_before) || third_party_subject(prefix) || reported_sentence)
        && !own(prefix)
    {
        return Err(NotRequest::Reported);
    }
    // `会议议定，请市财政局…`: a meeting's decision gives work out (纪要); it asks no one.
    const MEETING_DECIDES: &[&str] = &["议定", "决定", "要求", "明确", "强调", "指出", "确定", "商定", "同意"];
    if !strong && opening_clause.strip_prefix("会议").is_some_and(|v| MEETING_DECIDES.contains(&v)) {
        return Err(NotRequest::Downward);
    }
    // 请各单位…, 望各地…: work given to others, not a request.
    let addressee_free = rest.trim_start_matches(['予', '以']);
    let superior_audience = lex.superior_audiences.iter().any(|w| addressee_free.starts_with(w.as_str()));
    // A word for the public may open an organ's name: `市民` in `市民政局`, `企业` in
    // `企业服务中心`. A name ending within a few characters is that organ, not the public.
    let opens_organ_name = |w: &str| {
        let organ_end = addressee_length(addressee_free);
        let group_word =
            ["各", "你", "有关", "相关", "全", "广大", "大家", "本", "属地"].iter().any(|g| w.starts_with(g));
        !group_word && organ_end > w.len() && addressee_free[w.len()..organ_end].chars().count() <= 4
    };
    // Going up, 你X is the superior, misnamed; across, 你X and 贵X are the peer addressed: the
    // recipient is asked, whatever verb follows.
    let addresses_recipient =
        recipient != Recipient::Unknown && crate::lang::address::leading_term_len(addressee_free) > 0;
    if !superior_audience
        && !addresses_recipient
        && lex.downward_addressees.iter().any(|w| addressee_free.starts_with(w.as_str()) && !opens_organ_name(w))
    {
        return Err(NotRequest::Downward);
    }
    // 请接到通知后立即转发, 请按附件填写, 请县农业农村局加强指导: instructions.
    // An addressee stands before the verb; `请转发各县…部门`, `请予办理××同志…` name none.
    let addressee_end = if lex.grants.iter().any(|g| addressee_free.starts_with(g.as_str())) {
        0
    } else {
        addressee_length(addressee_free)
    };
    let verb_phrase = &addressee_free[addressee_end..];
    // Prepositions (按照, 参照) open an instruction only right after 请; after a named addressee
    // they open the request's manner (请省厅参照…标准提高…).
    let imperative = |w: &String| !matches!(w.as_str(), "按照" | "按" | "参照" | "结合" | "对照" | "遵照" | "持");
    if !strong
        && !addresses_recipient
        && lex.instructions.iter().any(|w| {
            addressee_free.starts_with(w.as_str())
                || addressee_end > 0 && imperative(w) && verb_phrase.starts_with(w.as_str())
        })
    {
        return Err(NotRequest::Downward);
    }
    // `请各位委员安排好…`, `请…所有权人积极配合`: an instruction word, or a verb with 好
    // (安排好, 做好, 落实好), before anything is asked to be granted.
    let instructed = |clause: &str| {
        lex.instructions.iter().filter(|w| w.chars().count() >= 2 && imperative(w)).any(|w| clause.contains(w.as_str()))
            || clause.char_indices().any(|(at, c)| {
                c == '好'
                    && at > 0
                    && !clause[..at].ends_with('友')
                    && !clause[..at].ends_with('良')
                    && !clause[..at].ends_with('美')
            })
    };
    let up_to_grant = first_grant(rest).map_or(rest, |g| {
        let next = rest[g.end..].chars().next().map_or(0, char::len_utf8);
        &rest[..g.end + next]
    });
    if !strong && word != "建议" && !addresses_recipient && instructed(up_to_grant) {
        return Err(NotRequest::Downward);
    }
    if lex.non_grants.iter().any(|w| addressee_free.starts_with(w.as_str()) || verb_phrase.starts_with(w.as_str())) {
        return Err(NotRequest::NoGrant);
    }
    // The grant may follow in the next clause of the sentence: 请市政府召集…，研究解决….
    let sentence_end = text[act.end..].find(is_sentence_end).map_or(text.len(), |p| act.end + p);
    // Past the addressee's name: 资助 in `县学生资助管理中心` grants nothing.
    let skip = rest.len() - addressee_free.len() + addressee_end;
    let grant = first_grant(&rest[skip..])
        .map(|r| rest_at + skip + r.start..rest_at + skip + r.end)
        .or_else(|| first_grant(&text[clause_end..sentence_end]).map(|r| clause_end + r.start..clause_end + r.end))
        .or_else(|| (word == "盼" && rest.starts_with('复')).then(|| rest_at..rest_at + '复'.len_utf8()));
    // 报请审批的事项, 我市恳请省政府支持的项目: a request named, not made.
    if grant.as_ref().is_some_and(|g| text[g.end..].starts_with('的')) || text[act.end..].starts_with('的') {
        return Err(NotRequest::Noun);
    }
    const WEAK_GRANTS: &[&str] = &["予以", "给予", "支持", "指导", "帮助", "关注", "指正"];
    // A courtesy may close the sentence after what the guests are asked to do (`恳请各位领导
    // 多走走、多看看，多提宝贵意见`): the whole of what is asked is read.
    let asked = trim(&text[act.end..sentence_end]);
    let concrete = lex.grants.iter().any(|g| !WEAK_GRANTS.contains(&g.as_str()) && asked.contains(g.as_str()));
    if lex.courtesies.found_in(asked) && !concrete {
        return Err(NotRequest::Courtesy);
    }
    let asks_named_recipient = matches!(word, "请" | "望" | "希望" | "盼")
        && (recipient == Recipient::Superior && addressee_end > 0 || addresses_recipient)
        && !trim(verb_phrase).is_empty();
    match word {
        "建议" => {
            let decides = lex.decisions.found_in(rest);
            let opens_proposal =
                ["下一步", "今后", "进一步", "加强", "加大", "完善", "继续", "在", "对", "把", "由", "以"]
                    .iter()
                    .any(|w| rest.starts_with(w));
            // `建议将…纳入预算，并将按程序另行请示`: the author says the asking is still to come.
            let deferred = lex.deferred_requests.found_in(&text[sentence_start..sentence_end]);
            if !decides || opens_proposal || deferred {
                return Err(NotRequest::Proposal);
            }
        }
        "请示" => {
            // Only the closing `特此请示` / `现将…请示如下` / `请示复` asks; elsewhere 请示 is the noun.
            // The 征询 word may stand in a clause of its own: `妥否，请示。` (请示 the verb,
            // 请求指示) closes as `妥否，请批示。` does.
            const INQUIRIES: [&str; 3] = ["妥否", "当否", "可否"];
            let lead = trim(&text[sentence_start..act.start]).trim_end_matches(['，', ',']);
            // `特向县政府请示：` names the superior between the lead word and the verb.
            let lead_word = match prefix.rfind('向') {
                Some(at) if at > 0 && addressee_length(&prefix[at + '向'.len_utf8()..]) > 0 => &prefix[..at],
                _ => prefix,
            };
            let closing = ["特此", "现", "谨此", "特", "为此", "故"]
                .iter()
                .chain(INQUIRIES.iter())
                .any(|w| lead_word == *w || lead_word.ends_with(&format!("，{w}")))
                || rest.is_empty() && INQUIRIES.iter().any(|w| lead.ends_with(w))
                || rest.starts_with("如下")
                || rest.starts_with('复');
            if !closing {
                return Err(NotRequest::Noun);
            }
        }
        // Going up, what is asked of a superior named before the verb (请领导定夺, 请县里帮我们
        // 想想办法, 望县里派些执法力量支援), and across, of the peer addressed as 你X or 贵X
        // (还请你们多派些人手), is asked, granting word or not: only instructions, already set
        // aside above, are not.
        _ if !strong && grant.is_none() && !asks_named_recipient => return Err(NotRequest::NoGrant),
        // 希望/望/要求 ask a request only of a named organ or leader (`希望市政府给予…`) or in a
        // closing (`望予支持为盼`); `希望受表彰的单位珍惜荣誉` exhorts.
        "希望" | "望" | "要求"
            if addressee_end == 0
                && addressee_free.len() == rest.len()
                && grant.as_ref().is_none_or(|g| g.start != rest_at) =>
        {
            return Err(NotRequest::NoGrant);
        }
        _ => {}
    }
    let matter_start = grant.clone().map_or(rest_at, |g| g.end);
    let matter_end = text[matter_start..].find(is_clause_end).map_or(text.len(), |p| matter_start + p).max(clause_end);
    let matter = trim_range(text, matter_start..matter_end);
    let matter = if matter.is_empty() { grant.clone().unwrap_or(act.clone()) } else { matter };
    // A closing formula asks for the decision itself and nothing after it: `妥否，请批示`,
    // `请予批准`, `望批复为盼`, `特此请示`.
    const DECISION_ASKED: &[&str] =
        &["批示", "明示", "批复", "审批", "审定", "批准", "示复", "指示", "核示", "审示", "阅示", "复", "核准", "函复"];
    // `现将有关事项请示如下` opens the matter; it does not close the document.
    // `建议予以批准` in a forwarding 请示 is the forwarding organ's opinion, not its closing.
    let closing = word == "请示" && !rest.starts_with("如下")
        || matches!(word, "请" | "恳请" | "敬请" | "特请" | "烦请" | "望" | "盼" | "希望")
            && grant.as_ref().is_some_and(|g| {
                DECISION_ASKED.contains(&&text[g.clone()])
                    && matches!(trim(&text[g.end..matter_end]), "" | "为盼" | "为荷" | "是盼" | "为感" | "是荷")
            });
    let clause = act.start..clause_end;
    Ok(Request { act, grant, clause, matter, closing, strong })
}

fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = trim(s);
    let at = r.start + s.find(t).unwrap_or(0);
    at..at + t.len()
}

/// The leftmost, then longest, grant word in `s`.
fn first_grant(s: &str) -> Option<Range<usize>> {
    GRANTS.find(s).map(|m| m.range())
}

/// `我局于2023年11月向省厅申请`: a request dated before the asking word is narrated, not made —
/// a draft asks now, and dates only what it asks for.
fn narrated_date(prefix: &str) -> bool {
    let digit_before = |unit: char| {
        prefix.match_indices(unit).any(|(at, _)| {
            prefix[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十〇".contains(c))
        })
    };
    digit_before('年')
        || digit_before('月')
        || ["去年", "上年", "日前", "近日", "前不久", "此前"].iter().any(|w| prefix.contains(w))
}

/// 经请示…: 经 opening a clause is a completed procedure; 经济, 经费, 经营 are other words.
fn starts_with_jing(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    chars.next() == Some('经') && !chars.next().is_some_and(|c| "济费营验过常历典办手".contains(c))
}

/// Where the first reporting verb of `s` stands, if any.
fn reporting_at(s: &str) -> Option<usize> {
    LEXICON.reporting_markers.iter().filter_map(|m| s.find(m.as_str())).min().filter(|_| reporting(s))
}

/// A reporting verb before the asking word in the same sentence: 来文称, 据反映, 表示.
fn reporting(said_before: &str) -> bool {
    let lex = &*LEXICON;
    lex.reporting_markers.iter().any(|m| match m.as_str() {
        // 称 alone is a reporting verb only before a quotation or a pause, not in 名称/简称.
        "称" => said_before.match_indices('称').any(|(at, _)| {
            let next = said_before[at + '称'.len_utf8()..].chars().next();
            let prev = said_before[..at].chars().next_back();
            next.is_none_or(|c| matches!(c, '，' | '：' | ':' | '“' | ','))
                && !prev.is_some_and(|c| "名简职统号声宣对堪俗通总昵并".contains(c))
        }),
        // 据此 means “accordingly”.
        "据" => said_before.match_indices('据').any(|(at, _)| !said_before[at..].starts_with("据此")),
        "提出" => said_before.contains("提出") && !said_before.ends_with("提出"),
        m => said_before.contains(m),
    })
}

/// `来文称：`, `表示，`: a reporting verb followed by a pause makes the rest of the sentence
/// someone else's words.
fn reported_speech(said_before: &str) -> bool {
    ["称", "表示", "提出", "反映", "认为", "要求"].iter().any(|m| {
        said_before.match_indices(m).any(|(at, _)| {
            let next = said_before[at + m.len()..].chars().next();
            let prev = said_before[..at].chars().next_back();
            next.is_some_and(|c| matches!(c, '，' | '：' | ':' | '“' | ','))
                && !prev.is_some_and(|c| "名简职统号声宣对堪俗通总昵并的".contains(c))
                && !adverbial_clause(&said_before[..at])
                && !first_person_clause(&said_before[..at])
        })
    })
}

/// Whether the clause ending here has the author speak (`我委研究认为，` `经研究，本局认为，`):
/// its own words follow, not someone else's.
fn first_person_clause(before: &str) -> bool {
    let clause = before.rsplit(is_clause_end).next().unwrap_or(before).trim_start();
    let clause = clause.strip_prefix('经').unwrap_or(clause);
    clause.starts_with('我') || clause.starts_with('本')
}

/// Whether the clause ending here opens with a preposition (`按照上级要求，` `根据群众反映，`):
/// the word after it names a basis, not someone else speaking on.
fn adverbial_clause(before: &str) -> bool {
    let clause = before.rsplit(is_clause_end).next().unwrap_or(before).trim_start();
    ["按照", "根据", "依据", "依照", "遵照", "按", "据此", "结合", "为落实", "落实", "贯彻"]
        .iter()
        .any(|p| clause.starts_with(p))
}

/// How much of `s` names the addressee before its verb: `市政府`, `省卫生健康委`, `市里`.
fn addressee_length(s: &str) -> usize {
    const ENDS: &[&str] = &[
        "人民政府",
        "政府",
        "办公厅",
        "办公室",
        "委员会",
        "常委会",
        "厅",
        "局",
        "委",
        "办",
        "部",
        "署",
        "院",
        // A level for its government (市里, 镇上: how county and township drafts say it).
        "省里",
        "市里",
        "州里",
        "县里",
        "旗里",
        "区里",
        "镇里",
        "乡里",
        "省上",
        "市上",
        "县上",
        "区上",
        "镇上",
        "乡上",
        "领导",
        "同志",
        "中心",
        "公司",
        "上级",
        "财政",
        "编委",
        "人大",
        "党委",
        "组织",
        "校",
        "医院",
        "单位",
    ];
    // 你县, 贵单位, 你们: the addressee by an address term, whatever the draft's direction
    // (a superior wrongly called 你县 is still the one asked).
    let term = crate::lang::address::leading_term_len(s);
    if term > 0 {
        return term;
    }
    // Standard (not leftmost) matching reports the occurrence that ends first, of any word.
    static EARLIEST_END: LazyLock<AhoCorasick> = LazyLock::new(|| crate::lang::small_automaton(ENDS));
    let head = s.char_indices().nth(16).map_or(s, |(at, _)| &s[..at]);
    let Some(m) = EARLIEST_END.find(head) else { return 0 };
    // An addressee is a name or a list of names (`市财政局、市发改委`): 汉字 and brackets only,
    // each item ending like one. `绥望公路、S303线部分路段` holds a road's number and ends
    // inside 部分: no addressee.
    let names = &head[..m.end()];
    let is_name = |item: &str| ENDS.iter().any(|e| item.len() > e.len() && item.ends_with(e));
    let plain = names.chars().all(|c| crate::lang::is_han(c) || "、（）()".contains(c));
    if !plain || names.contains('、') && !names.split('、').all(is_name) {
        return 0;
    }
    m.end()
}

/// The clause's subject, before the asking word, is someone other than the author:
/// `某县恳请`, `群众希望`, `该企业申请`. A first-person subject (我局, 本单位) is the author.
fn third_party_subject(prefix: &str) -> bool {
    let p = prefix.trim_start_matches(|c: char| "另外此同时并且而".contains(c));
    let mut p = p;
    for adverb in [
        "多次", "一再", "再次", "反复", "强烈", "迫切", "普遍", "纷纷", "曾经", "也", "还", "都", "均", "亦", "曾",
        "又", "再", "特",
    ] {
        p = p.trim_end_matches(adverb);
    }
    const OWN_OR_ADVERBIAL: &[&str] = &[
        "我", "本", "为", "现", "特", "故", "经", "根据", "按照", "依据", "鉴于", "对", "就", "由于", "因", "在",
        "今年", "目前", "当前", "近年",
    ];
    if p.is_empty() || OWN_OR_ADVERBIAL.iter().any(|w| p.starts_with(w)) {
        return false;
    }
    // A group counted (不少基层干部, 部分企业) or a party to a case (信访人, 当事人) is never the
    // author.
    const QUANTIFIED: &[&str] = &["不少", "许多", "很多", "部分", "一些", "多数", "大多数", "少数", "个别", "有的"];
    let party = p.chars().count() >= 3
        && p.ends_with('人')
        && !p.ends_with("个人")
        && !p.ends_with("本人")
        && p.chars().all(crate::lang::is_han);
    if QUANTIFIED.iter().any(|q| p.starts_with(q)) || party {
        return true;
    }
    const SUBJECTS: &[&str] = &[
        "政府", "局", "委", "办", "厅", "院", "县", "区", "市", "镇", "乡", "村", "街道", "社区", "公司", "企业",
        "群众", "居民", "村民", "农户", "学校", "医院", "单位", "代表", "委员", "部门", "协会", "家长", "师生", "职工",
        "商户", "业主", "游客", "百姓", "人员", "方面", "集团", "中心", "站", "所", "队", "省", "厂",
    ];
    static ANY_SUBJECT: LazyLock<AhoCorasick> = LazyLock::new(|| crate::lang::small_automaton(SUBJECTS));
    p.chars().count() <= 24 && ANY_SUBJECT.is_match(p)
}

/// Whether an asking word is only part of another word here.
fn is_part_of_other_word(word: &str, before: Option<char>, after: Option<char>, rest: &str, prefix: &str) -> bool {
    let before_in = |set: &str| before.is_some_and(|c| set.contains(c));
    let after_in = |set: &str| after.is_some_and(|c| set.contains(c));
    let prefix_ends = |ws: &[&str]| ws.iter().any(|w| prefix.ends_with(w));
    match word {
        // 邀请, 聘请, 宴请; 请假, 请柬, 请缨, 请教, 请愿.
        "请" => before_in("邀聘延宴约吁祈回敦申") || after_in("假柬帖缨客教愿战功"),
        "申请" => {
            // 申请、审核、审批: a step named in a procedure, not an asking.
            after_in("人书表者、")
                || [
                    "材料", "条件", "程序", "期限", "时间", "资料", "流程", "手续", "事项", "资格", "报告", "理由",
                    "单位", "额度", "范围", "金额", "数量", "主体", "对象",
                ]
                .iter()
                .any(|w| rest.starts_with(w))
                || prefix_ends(&["提出", "受理", "提交", "收到", "的", "审核", "办理", "接受", "做好", "按"])
                || ["受理", "收到", "提交"].iter().any(|w| prefix.contains(w))
        }
        "建议" => {
            after_in("书案稿和、。，；》”及与")
                || rest.starts_with("如下") && prefix.is_empty()
                || prefix_ends(&["提出", "的", "条", "项", "些", "点", "意见", "和", "及", "合理化", "有关"])
        }
        "希望" => rest.starts_with("工程") || prefix_ends(&["的", "新", "有", "充满", "带来", "看到"]),
        "望" => before_in("希展观瞻渴期盼声威名指眺看守失欲愿厚众张探遥仰企") || after_in("远着见族"),
        "盼" => before_in("期企切为热渴") || after_in("望头"),
        "要求" => {
            after_in("。，、；）")
                || prefix_ends(&["的", "有关", "相关", "工作", "总体", "具体", "和", "及", "新", "各项", "上述", "规定", "明确"])
                // 按附件3要求, 根据省厅要求: the requirement of someone, a noun.
                || ["按", "根据", "依照", "依据", "遵照", "结合", "对照"].iter().any(|w| prefix.contains(w))
                || rest.is_empty()
        }
        "请求" => after_in("函书权") || prefix_ends(&["的", "提出", "此项", "该"]),
        "提请" | "报请" => false,
        _ => false,
    }
}

/// Byte ranges inside quotation marks and 《》.
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        let closes = match c {
            '”' => Some('“'),
            '’' => Some('‘'),
            '」' => Some('「'),
            '』' => Some('『'),
            '》' => Some('《'),
            _ => None,
        };
        if let Some(o) = closes {
            if let Some(pos) = open.iter().rposition(|(oc, _)| *oc == o) {
                let (_, at) = open[pos];
                open.truncate(pos);
                out.push(at..i);
            }
        } else if matches!(c, '“' | '‘' | '「' | '『' | '《') {
            open.push((c, i));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(s: &str) -> bool {
        !requests(s, &[]).is_empty()
    }

    fn reason(s: &str) -> Option<NotRequest> {
        candidates(s, &[]).into_iter().find_map(|c| c.verdict.err())
    }

    #[test]
    fn frames_and_their_parts() {
        let s = "为缓解资金压力，恳请市财政安排补助资金200万元。";
        let r = &requests(s, &[])[0];
        assert_eq!(&s[r.act.clone()], "恳请");
        assert!(!requests("拟申请增加事业编制5名。", &[])[0].closing);
        assert!(requests("望批复为盼。", &[])[0].closing);
        assert_eq!(&s[r.grant.clone().unwrap()], "安排");
        assert_eq!(&s[r.matter.clone()], "补助资金200万元");
        assert!(!r.closing);
        let s = "妥否，请批示。";
        assert!(requests(s, &[])[0].closing);
        // 请示 the verb after a 征询 clause closes too; 请示 the noun after one does not.
        for s in ["妥否，请示。", "以上意见当否，请示。"] {
            assert!(requests(s, &[]).first().is_some_and(|r| r.closing), "{s}");
        }
        assert!(requests("妥否，请示报告制度另行规定。", &[]).is_empty());
    }

    /// 你X going up is the superior misnamed (GW107 says so): what follows it asks. Going
    /// down, or where the direction is not known, it is a subordinate told what to do.
    #[test]
    fn a_superior_misnamed_as_you_is_still_asked() {
        let s = "以上报告妥否，请你镇审核批准后实施。";
        let up = candidates_in(s, &[], Recipient::Superior);
        assert!(up.iter().any(|c| c.verdict.as_ref().is_ok_and(|r| &s[r.act.clone()] == "请")), "{up:?}");
        assert_eq!(reason(s), Some(NotRequest::Downward));
        // Going up, what grants nothing still asks nothing, and 各单位 is still below.
        let up = |s: &str| candidates_in(s, &[], Recipient::Superior).into_iter().find_map(|c| c.verdict.err());
        assert_eq!(up("请你镇知悉。"), Some(NotRequest::NoGrant));
        assert_eq!(up("请各单位于5月10日前报送。"), Some(NotRequest::Downward));
        // 望 asks only of a named addressee; an address term names one (你县, 贵单位), whatever
        // its unit word, as an organ's name does.
        for s in ["部分堤防年久失修，望你县给予资金支持。", "望贵单位给予协助。", "望你市给予支持。"]
        {
            let asked = candidates_in(s, &[], Recipient::Superior);
            assert!(
                asked.iter().any(|c| c.verdict.as_ref().is_ok_and(|r| &s[r.act.clone()] == "望")),
                "{s}: {asked:?}"
            );
        }
        assert_eq!(up("望社会各界给予支持。"), Some(NotRequest::NoGrant));
    }

    #[test]
    fn what_is_not_a_request_says_why() {
        assert_eq!(reason("申请人应当提交身份证明。"), Some(NotRequest::Noun));
        assert_eq!(reason("经请示市政府同意，现将有关事项通知如下。"), Some(NotRequest::Completed));
        assert_eq!(reason("下一步，我局将向省厅申请专项资金。"), Some(NotRequest::Plan));
        assert_eq!(reason("某县人民政府来文恳请市政府支持。"), Some(NotRequest::Reported));
        // A basis named with a preposition is no one speaking on: the request is the author's.
        assert!(asks("按照市委、市政府关于保障公立医院运行的要求，请市政府同意追加经费200万元。"));
        assert!(asks("根据省厅要求，请市政府同意设置感染性疾病科。"));
        assert!(!asks("省厅要求，请市政府同意设置感染性疾病科。"), "someone else speaking on");
        // The author takes the word back: a 转报 asks in its own voice.
        assert!(asks("某街道办事处报来《关于调整行政区划的请示》，现转报给你们，请审批。"));
        assert_eq!(reason("请各单位于5月10日前报送。"), Some(NotRequest::Downward));
        assert_eq!(reason("敬请谅解。"), Some(NotRequest::Courtesy));
        assert_eq!(reason("建议进一步加强宣传。"), Some(NotRequest::Proposal));
        assert_eq!(reason("如需了解详情，请与办公室联系。"), Some(NotRequest::Downward));
        assert_eq!(reason("请按此执行。"), Some(NotRequest::Downward));
        assert_eq!(reason("请予备案。"), Some(NotRequest::NoGrant));
        assert_eq!(reason("我局不再申请该项资金。"), Some(NotRequest::Negated));
        assert_eq!(reason("来文中“妥否，请批示”的写法不规范。"), Some(NotRequest::Quoted));
        // A place's name with 望 in it: no organ follows (部 ends 部分 here), nothing is asked
        // (an independent tester's speech, read as a request in a 报告).
        assert_eq!(
            reason("绥望公路、S303线部分路段和通村公路路面结冰，车辆制动距离成倍增加。"),
            Some(NotRequest::NoGrant)
        );
        // A list of organs is still an addressee.
        assert!(asks("望市财政局、市发展改革局给予支持。"));
    }

    #[test]
    fn own_names_make_a_named_subject_the_author() {
        let s = "某某县人民政府恳请市政府给予支持。";
        assert!(!asks(s));
        assert_eq!(requests(s, &["某某县人民政府"]).len(), 1);
    }

    /// The labelled sentences of `fixtures/requests/requests.tsv`, written by a 文秘 who had not
    /// seen this module (decisions in `requests-decisions.md`).
    #[test]
    fn labelled_sentences() {
        let data = include_str!("../../fixtures/requests/requests.tsv");
        let mut wrong = Vec::new();
        let mut rows = 0;
        for (n, line) in data.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (label, category, sentence) = (cols[0], cols[1], cols[3]);
            rows += 1;
            let got = asks(sentence);
            if got != (label == "ask") {
                wrong.push(format!("{}: {label}/{category}: {sentence} → {:?}", n + 1, candidates(sentence, &[])));
            }
        }
        // Row 8 (`县人民政府决定提请…`) names its author in the third person: only the sender's
        // own names (which the rules pass in) tell it from a reported request.
        const KNOWN: &[&str] = &["8: "];
        wrong.retain(|w| !KNOWN.iter().any(|k| w.starts_with(k)));
        assert!(rows >= 300, "{rows} rows");
        assert!(wrong.is_empty(), "{} of {rows} sentences misread:\n{}", wrong.len(), wrong.join("\n"));
        let own = requests("县人民政府决定提请县人大常委会审议关于设立××县生态保护补偿基金的议案。", &["县人民政府"]);
        assert_eq!(own.len(), 1);
    }
}
