use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DOC_NUMBER, MaskKind, MaskSet, Part};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

pub struct CitingDocuments;

static META: RuleMeta = RuleMeta {
    code: "GW312",
    name: "citing-documents",
    summary: "引用公文先引标题，后引发文字号",
    category: Category::Format,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "实务：引用公文应当先引标题，后引发文字号（原《国家行政机关公文处理办法》的规定，该办法已废止，实践沿用）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查正文（含附件）中对其他公文的引用（实务，提示）：\n\n\
- 发文字号写在标题之前（“根据示府〔2024〕5号《……的通知》”）：建议改为“《……的通知》（示府〔2024〕5号）”；\n\
- 标题之后的发文字号没有加圆括号（“《……的通知》示府〔2024〕5号”）：建议加“（）”；\n\
- 只写发文字号不写标题（“根据示府〔2024〕5号文件精神”“按照示府〔2024〕5号要求”）：提示补引标题。\n\n\
问题标在文号（及其后应当前置的标题）上，不含前面的“根据……印发的”“国务院”等词：\
代字从引用词、“的”等虚词或发文机关名称之后开始；找不到代字的起点时，只标括号和顺序号。\
修改建议需人工确认（`--unsafe-fixes`）；代字起点不确定时，调整语序的建议只显示、不应用。只认六角括号或带“号”字的文号（与 GW302 相同）；\
书名号、引号内的文字不查；半角括号的全角转换由 GW401 负责。标题过长时有的单位惯例只写文号，故只作提示。",
    bad: "根据示府〔2024〕5号《示例市人民政府关于加强安全生产工作的通知》要求",
    good: "根据《示例市人民政府关于加强安全生产工作的通知》（示府〔2024〕5号）要求",
};

/// Words that run into a 文号's 代字 in the regex match (“各区要按照示府办〔2023〕18号”,
/// “根据市政府办公室印发的江府办〔2024〕3号”): the 代字 starts after the last of them.
const WORDS_BEFORE_CODE: &[&str] = &[
    "根据", "按照", "依据", "依照", "参照", "贯彻", "落实", "执行", "对照", "结合", "印发", "转发", "下发", "批转",
    "制发", "发布", "收到", "转来", "报来", "详见", "参见", "的", "了", "之", "和", "与", "及", "或", "等",
];
/// One-character words, stripped only at the very start of the run (示经信 is a 代字).
const LEADING_CHARS: &[&str] = &["经", "按", "据", "依", "照", "并", "见"];
/// What follows a bare 文号 when it stands for the document it numbers.
const CITING_TAILS: &[&str] = &["文件", "文", "精神", "要求", "规定", "通知"];
/// How long a 发文机关代字 runs at most (江发改价格, 工信部联规): a longer run means we could not
/// find where it starts.
const LONGEST_CODE: usize = 5;
/// What may continue an organ's abbreviation inside a 代字 (人社部发, 工信部联规, 国办函).
const CODE_CONTINUATIONS: &[char] = &['发', '联', '函', '令', '字'];

/// Where the 代字 starts in the run of 汉字 the pattern matched before the bracket.
struct CodeStart {
    /// Byte offset inside the run.
    at: usize,
    /// Where the issuing organ's name starts, if one stands before the 代字; else `at`.
    organ_at: usize,
    /// Words were cut from the front: the number is cited in running text.
    cut: bool,
    /// Whether the start is where a boundary was found, not a guess.
    certain: bool,
}

/// The 代字 in `run`, the 汉字 before a 文号's bracket: after the last citing word or particle
/// (根据、印发的), after the name of the organ that issued it (国务院国发, 省政府办公厅粤府办), or at
/// a leading 经/按 when the run starts there. `run_starts_text` says whether a non-汉字 (or the
/// line start) precedes the run, i.e. whether the run is all the 汉字 there are.
fn code_start(cx: &Context, run: &str, run_starts_text: bool) -> CodeStart {
    // Each word's last occurrence (overlapping matches come in order of their ends), one search
    // for all of them.
    static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| crate::lang::small_automaton(WORDS_BEFORE_CODE));
    let mut last_end = [0; WORDS_BEFORE_CODE.len()];
    for m in WORDS.find_overlapping_iter(run) {
        last_end[m.pattern().as_usize()] = m.end();
    }
    let mut at = last_end.into_iter().filter(|&end| end < run.len()).max().unwrap_or(0);
    if at == 0
        && let Some(w) = LEADING_CHARS.iter().find(|w| run.starts_with(**w) && run.len() > w.len())
    {
        at = w.len();
    }
    let (cut, organ_at) = (at > 0, at);
    if let Some(organ_end) = issuing_organ(cx, &run[at..]) {
        at += organ_end;
    }
    let code_chars = run[at..].chars().count();
    CodeStart { at, organ_at, cut, certain: code_chars <= LONGEST_CODE && (at > 0 || run_starts_text) }
}

/// The end of an organ's name written before its 代字 (国务院｜国发, 江门市财政局｜江财), longest
/// first. Not where the rest continues the organ's abbreviation (人社部｜发, 工信部｜联规).
fn issuing_organ(cx: &Context, run: &str) -> Option<usize> {
    let sender = cx.doc.parties.sender.as_ref();
    let ends: Vec<usize> = run.char_indices().map(|(i, _)| i).skip(2).collect();
    ends.into_iter().rev().find(|&end| {
        let rest = &run[end..];
        rest.chars().count() >= 2
            && !rest.starts_with(CODE_CONTINUATIONS)
            && cx.orgs.known_organ(&run[..end], sender).is_some()
    })
}

impl Rule for CitingDocuments {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        for (line, part) in &cx.doc.lines {
            if !matches!(part, Part::Body | Part::Attachment(_)) {
                continue;
            }
            let s = line.span.text(text);
            if !line.doc_number {
                continue;
            }
            for c in DOC_NUMBER.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let open = c.name("open").expect("group");
                let has_hao = c.name("hao").is_some();
                if !has_hao && open.as_str() != "〔" {
                    continue;
                }
                if !has_hao && s[whole.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
                // The 代字 proper: drop the words the pattern swallowed before it.
                let code = c.name("code").expect("group");
                let run_starts_text = !s[..code.start()].chars().next_back().is_some_and(is_han);
                let found = code_start(cx, code.as_str(), run_starts_text);
                // Where the start is a guess, point at what is surely the 文号: the bracket on.
                let start = if found.certain { code.start() + found.at } else { open.start() };
                let (from, to) = (start, whole.end());
                let span = line.span.sub(from, to);
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let number = &s[from..to];
                let before = &s[..from];
                let after = &s[to..];
                if after.starts_with('《') {
                    // 文号《标题》 → 《标题》（文号）: the finding covers the two it reorders.
                    let Some(close) = after.find('》') else { continue };
                    let title = &after[..close + '》'.len_utf8()];
                    let reordered = line.span.sub(from, to + title.len());
                    let message = format!("改为“{title}（{number}）”");
                    let edits = vec![Edit::replace(reordered, format!("{title}（{number}）"))];
                    out.push(
                        Finding::new(reordered, format!("引用公文应先引标题，后引发文字号：“{number}”写在了标题之前"))
                            .help(format!("写作“{title}（{number}）”"))
                            .fix(if found.certain {
                                Fix::unsafe_(message, edits)
                            } else {
                                // Moving a 代字 we could not delimit would carry words with it.
                                Fix::display_only(message, edits)
                            })
                            .en("Cite a document by its title first, then its number"),
                    );
                } else if before.ends_with('》') {
                    out.push(
                        Finding::new(span, format!("标题之后的发文字号“{number}”应加圆括号"))
                            .help(format!("写作“《……》（{number}）”"))
                            .fix(Fix::unsafe_(
                                "加“（）”",
                                vec![Edit::insert(span.start, "（"), Edit::insert(span.end, "）")],
                            ))
                            .en("Put the document number in brackets after the title"),
                    );
                } else if !s[..code.start() + found.organ_at].ends_with(['（', '('])
                    && (CITING_TAILS.iter().any(|t| after.starts_with(t)) || found.cut)
                {
                    out.push(
                        Finding::new(span, format!("引用公文只写了发文字号“{number}”，未引标题"))
                            .help(format!("先引标题，后引发文字号：“《……》（{number}）”"))
                            .severity(Severity::Info)
                            .en("Cite the document's title, not only its number"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::test_support::{codes_in, lint_text};

    fn body(s: &str) -> String {
        format!("示例市应急管理局关于开展检查的通知\n各区应急管理局：\n{s}\n示例市应急管理局\n2024年3月5日\n")
    }

    #[test]
    fn number_before_title() {
        let text = body("根据示府〔2024〕5号《示例市人民政府关于加强安全生产工作的通知》要求，现通知如下。");
        let d = lint_text("t.txt", &text, "GW312");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.text(&text), "示府〔2024〕5号《示例市人民政府关于加强安全生产工作的通知》");
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.edits[0].replacement, "《示例市人民政府关于加强安全生产工作的通知》（示府〔2024〕5号）");
    }

    #[test]
    fn the_span_is_the_number_not_the_words_before_it() {
        let text = body(
            "根据市政府办公室印发的江府办〔2024〕3号文件精神，依据国务院国发〔2024〕1号和省政府办公厅粤府办〔2023〕5号要求，\
经示经信〔2023〕2号批准，按照人社部发〔2024〕7号和工信部联规〔2024〕9号文件执行。",
        );
        assert_eq!(
            codes_in("t.txt", &text, "GW312"),
            [
                "GW312:江府办〔2024〕3号",
                "GW312:国发〔2024〕1号",
                "GW312:粤府办〔2023〕5号",
                "GW312:示经信〔2023〕2号",
                "GW312:人社部发〔2024〕7号",
                "GW312:工信部联规〔2024〕9号",
            ]
        );
    }

    #[test]
    fn an_undelimited_code_is_not_moved() {
        // Nothing tells where the 代字 starts in 我局近日收悉示府: point at the number only and
        // show, but never apply, the reordering.
        let text = body("我局近日收悉示府〔2024〕5号《示例市人民政府关于加强安全生产工作的通知》，现通知如下。");
        let d = lint_text("t.txt", &text, "GW312");
        assert_eq!(d.len(), 1);
        assert!(d[0].span.text(&text).starts_with("〔2024〕5号《"), "{}", d[0].span.text(&text));
        assert_eq!(d[0].fix.as_ref().unwrap().applicability, Applicability::DisplayOnly);
    }

    #[test]
    fn unbracketed_and_bare_numbers() {
        let text = body("根据《示例市人民政府关于加强安全生产工作的通知》示府〔2024〕5号要求，现通知如下。");
        assert_eq!(codes_in("t.txt", &text, "GW312"), ["GW312:示府〔2024〕5号"]);
        let text = body("根据示府〔2024〕5号文件精神，现通知如下。");
        assert_eq!(codes_in("t.txt", &text, "GW312"), ["GW312:示府〔2024〕5号"]);
    }

    #[test]
    fn proper_citations_stay_silent() {
        let text = body(
            "根据《示例市人民政府关于加强安全生产工作的通知》（示府〔2024〕5号）要求，现通知如下。\n案号（2023）粤07民初123号已审结。\n\
按照《国务院关于加强安全生产工作的决定》（国务院国发〔2024〕1号）执行。",
        );
        assert!(codes_in("t.txt", &text, "GW312").is_empty());
    }
}
