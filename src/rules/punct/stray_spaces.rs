use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DOC_NUMBER, MaskKind, MaskSet, Part};
use crate::lang::is_han;
use crate::org::{self, Org, OrgKind};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct StraySpaces;

static META: RuleMeta = RuleMeta {
    code: "GW410",
    name: "stray-spaces",
    summary: "中文行文中不加多余空格",
    category: Category::Punctuation,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十一条：“公文使用的汉字、数字、外文字符、计量单位和标点符号等，按照有关国家标准和规定执行。”；实务：公文以“字”为排版单位，汉字与数字之间不加空格",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "公文正文中汉字与汉字、汉字与阿拉伯数字之间，以及中文标点前后、书名号和引号内侧，不加空格（半角、全角或不换行空格）：\
“由市政府办公室 2 天内起草呈批”写作“由市政府办公室2天内起草呈批”，“《示例市人民政府 工作规则》”写作“《示例市人民政府工作规则》”。\n\n\
这与 AutoCorrect、zhlint、lint-md 等中英文排版工具“中文与数字之间加空格”的规则相反；同时使用时请关闭那些规则。\n\n\
不报：章节标题的字距和序数后的空格（“第一章 总 则”“第十二条　本办法……”）、两字姓名补足字距（“王  五”）、\
下一个栏目前的间隔（“联系人：张三  电话：……”）、汉字与英文单词之间的空格、版头（发文字号与签发人之间）、\
发文机关署名、成文日期和版记（印发机关与印发日期之间）的排版空格、用制表符或多处宽空白对齐的表格行、发文字号、网址和代码。\n\n\
两个名称之间的空格也不报，无论在标题、正文还是署名中：联合发文机关（“中国人民银行 财政部”）、职务与姓名（“局长　张三”）、\
机构与姓名（“办公室 王五”；“联系人”一行里，内设机构之后的两三个字或用间隔号连写的译名（到标点、空格或行尾为止）按姓名看待，不论姓氏是否常见：“联系人：政教处 者永宏，”“联系人：党政办 古丽米拉·艾尔肯”）、\
姓名与姓名（“张三 李四”）；名单一行只写姓名和单位（“乌力吉巴雅尔　达拉特旗统计局”，先后不论，姓名不论姓氏和长短）、\
行末写单位和姓名（“（供稿：平阳三村居委会　仝晓燕）”）。\n\n\
删去空格一般是确定的，`--fix` 直接修改；空格两侧像名称而未能确认（如“中国证监会 国家外汇局”）、或在没有标点的一行（如简报标题“我校扎实推进营养改善计划　让山区孩子吃得饱”）里隔开两个短语时，删去与否需人工确认（`--unsafe-fixes`）。",
    bad: "市政府全体会议和市政府常务会议的纪要，由市政府办公室 2 天内起草呈批。",
    good: "市政府全体会议和市政府常务会议的纪要，由市政府办公室2天内起草呈批。",
};

/// 第一章 总 则, 第十二条　本办法: the space after a chapter, section or article number.
static DIVISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第[一二三四五六七八九十百零〇两0-9]+(?:章|节|条|编|部分|篇|款)").expect("valid"));

/// The next field of a line: 电话：, 签发人：
static FIELD_LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Han}{1,6}[：:]").expect("valid"));

/// A full date closing the line (署名 and date on one line).
static TRAILING_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\S{0,3}$").expect("valid"));

const SPACES: [char; 4] = [' ', '\t', '\u{a0}', '\u{3000}'];

fn is_space(c: char) -> bool {
    SPACES.contains(&c)
}

/// Clause marks after which, and before which, no space belongs.
fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '、' | '？' | '！')
}

fn is_opening(c: char) -> bool {
    matches!(c, '《' | '“' | '‘' | '（' | '〔' | '【')
}

fn is_closing(c: char) -> bool {
    matches!(c, '》' | '”' | '’' | '）' | '〕' | '】')
}

/// Whether a space between `prev` and `next` is out of place in Chinese text.
fn stray(prev: char, next: char) -> bool {
    let text_like = |c: char| is_han(c) || c.is_ascii_digit();
    (is_han(prev) && (text_like(next) || is_clause_mark(next) || is_closing(next)))
        || (prev.is_ascii_digit() && (is_han(next) || is_clause_mark(next)))
        || ((is_clause_mark(prev) || is_opening(prev)) && text_like(next))
}

/// What ends a token on either side of a space: another space or a separating mark.
fn ends_token(c: char) -> bool {
    is_space(c)
        || matches!(c, '、' | '，' | '：' | '；' | '。' | '（' | '）' | '《' | '》' | '“' | '”' | ',' | ':' | ';')
}

/// The token that ends right before a space run.
fn token_before(before: &str) -> &str {
    let start = before.char_indices().rev().find(|&(_, c)| ends_token(c)).map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// The token that starts right after a space run.
fn token_after(after: &str) -> &str {
    let end = after.char_indices().find(|&(_, c)| ends_token(c)).map_or(after.len(), |(i, _)| i);
    &after[..end]
}

/// Longest organ name we look for at a token's edge, in characters.
const LONGEST_ORGAN_NAME: usize = 24;

/// Whether `name` is, as a whole, an organ the organisation model recognises: the organ, when
/// it is. A bare ending (公司, 银行) is not a name; 市委 and 市政府 are.
fn organ(cx: &Context, name: &str) -> Option<Org> {
    let org = cx.orgs.known_organ(name, cx.doc.parties.sender.as_ref())?;
    let named = name.chars().count() >= 3 || matches!(org.kind, OrgKind::PartyCommittee | OrgKind::Government);
    named.then_some(org)
}

/// Whether `token` ends with an organ's name (经国务院同意，中国人民银行｜).
fn ends_with_organ(cx: &Context, token: &str) -> bool {
    let starts: Vec<usize> = token.char_indices().map(|(i, _)| i).collect();
    starts.iter().rev().skip(1).take(LONGEST_ORGAN_NAME - 1).any(|&i| organ(cx, &token[i..]).is_some())
}

/// Whether `token` starts with an organ's name (｜财政部联合印发). A place the gazetteer does not
/// list counts only when the left side names it too (示例市财政局 示例市教育局): otherwise
/// “市住建局 会同市水务局” would read 会同 as a city.
fn starts_with_organ(cx: &Context, left: &str, token: &str) -> bool {
    let ends: Vec<usize> = token.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    ends.iter().skip(1).take(LONGEST_ORGAN_NAME - 1).any(|&e| {
        organ(cx, &token[..e]).is_some_and(|org| match (&org.region, org.region_code) {
            (Some(place), None) => left.contains(place.as_str()),
            _ => true,
        })
    })
}

/// Words that end the name of a 内设机构 or a small unit: before a person's full name they make
/// a contact line (办公室 王五, 党政办 王五).
const UNIT_ENDINGS: &[&str] = &["办公室", "办公厅", "办", "司", "科", "处", "股", "室", "中心", "站", "所", "队"];

/// Whether a space between `left` and `right` (the tokens either side) separates two names —
/// organs, people, a 职务 and a name (中国人民银行 财政部, 局长　张三, 办公室 王五, 张三 李四) — or
/// pads a two-character name (王　五). Such a space is typeset, wherever the line is. `contact`:
/// the space stands after “联系人” on its line; `edges`: whether `left` starts the line and
/// `right` ends it (closing marks aside).
fn separates_names(cx: &Context, left: &str, right: &str, contact: bool, edges: Edges) -> bool {
    let line_end = edges.end;
    // A roster line (表彰名单: 乌力吉巴雅尔　达拉特旗统计局): a name and its organ, in either
    // order, and nothing else on the line. The name may be of any surname and length (Mongolian
    // and Uyghur names run to six characters and more without a 间隔号).
    if edges.start
        && edges.end
        && (roster_name(left) && organ(cx, right).is_some() || organ(cx, left).is_some() && roster_name(right))
    {
        return true;
    }
    let two_char_name_padding = left.chars().count() == 1 && org::starts_with_surname(left);
    let left_title = org::ends_with_title(left);
    // A speech's byline (州政协主席　者文华): a title, then the speaker's name to the line's end,
    // whatever the surname.
    if two_char_name_padding || left_title && (org::starts_with_surname(right) || line_end && name_slot(right)) {
        return true;
    }
    let left_person = org::is_full_name(left);
    let left_unit = UNIT_ENDINGS.iter().any(|e| left.ends_with(e));
    if (left_person || left_unit) && org::is_full_name(right)
        || (contact || line_end) && name_slot(right) && (left_unit || ends_with_organ(cx, left))
        || left_person && org::starts_with_title(right)
    {
        return true;
    }
    ends_with_organ(cx, left)
        && (org::is_full_name(right) || org::starts_with_title(right) || starts_with_organ(cx, left, right))
}

/// Whether a space's tokens reach the line's start and its end (closing marks aside).
#[derive(Clone, Copy)]
struct Edges {
    start: bool,
    end: bool,
}

/// Marks that may close a line after a name (（供稿：某居委会　仝晓燕）).
const CLOSING_MARKS: &str = "）)】」』”";

/// A person's name on a roster line: a name slot, or up to eight 汉字 (乌力吉巴雅尔,
/// 宝音德力格尔) where no organ is named.
fn roster_name(token: &str) -> bool {
    name_slot(token) || (2..=8).contains(&token.chars().count()) && token.chars().all(crate::lang::is_han)
}

/// Whether `right`, after a unit and a space in a contact line, fills its name slot (联系人：政教处
/// 鲁海英，电话……): two or three 汉字 set off by a mark, a space or the line's end, or a name
/// written with a 间隔号 (古丽米拉·艾尔肯, GB/T 15834-2011 4.14). A person whatever the surname:
/// drafters write rare ones (者, 妥, 禚, 隗) that no surname list holds. (Asking the dictionary
/// instead of the line would build the word segmenter, ~0.1 s and 30 MB, for one draft that
/// otherwise never needs it.)
fn name_slot(right: &str) -> bool {
    let han = |part: &str| !part.is_empty() && part.chars().all(crate::lang::is_han);
    let parts: Vec<&str> = right.split(crate::lang::NAME_DOTS).collect();
    match parts.as_slice() {
        [one] => (2..=3).contains(&one.chars().count()) && han(one),
        several => several.len() <= 4 && several.iter().all(|p| han(p)) && right.chars().count() <= 16,
    }
}

/// Characters that end organ names (局, 委员会, 政府, 公司 …).
const ORGAN_ENDING_CHARS: &str = "局委部厅署院行会办室处科所站队社司团府";

/// Whether a space between two 汉字 that we could not read as separating names may still do so:
/// the left side ends like an organ, a 职务 or a person, and the right side could begin one.
/// Deleting it then is a guess, so the fix needs review.
fn maybe_between_names(left: &str, right: &str) -> bool {
    let ends_an_organ = |c: char| ORGAN_ENDING_CHARS.contains(c);
    let left_like =
        left.chars().next_back().is_some_and(ends_an_organ) || org::ends_with_title(left) || org::is_full_name(left);
    let right_like = right.chars().take(LONGEST_ORGAN_NAME).any(ends_an_organ)
        || org::is_full_name(right)
        || org::starts_with_title(right);
    left_like && right_like
}

impl Rule for StraySpaces {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        for (line, part) in &cx.doc.lines {
            // Layout spaces: 版头, 署名, 成文日期 and 版记 are laid out with spaces by design.
            if matches!(part, Part::Header | Part::Signature | Part::Date | Part::Colophon | Part::Preamble) {
                continue;
            }
            let s = line.span.text(text);
            if !line.chars.may_contain_any(&SPACES) || line.chars.is_ascii() {
                continue;
            }
            check_line(cx, s, line.span, out);
        }
        // Inside the 成文日期 and the 发文字号 a blank is never layout (`2020年5月 14日`,
        // `东政〔2023〕176 号`, left by PDF and web conversion): GW302/GW303 judge the token
        // without it, and it is reported here.
        for field in [cx.doc.date.as_ref(), cx.doc.header.doc_number.as_ref()].into_iter().flatten() {
            let inner = field.text.trim_matches(is_space);
            if inner.contains(is_space) {
                let lead = field.text.len() - field.text.trim_start_matches(is_space).len();
                check_line(cx, inner, field.span.sub(lead, lead + inner.len()), out);
            }
        }
    }
}

fn check_line(cx: &Context, s: &str, line: Span, out: &mut Vec<Finding>) {
    // Columns aligned with tabs or wide gaps: a table typed as text, not running text.
    if s.contains('\t') || wide_gaps(s) >= 2 {
        return;
    }
    let runs = stray_runs(cx, s, line);
    let mut k = 0;
    while k < runs.len() {
        let first = runs[k];
        // 办公室 2 天: a number set off by spaces on both sides is one finding.
        let second = runs.get(k + 1).copied().filter(|r| {
            let between = &s[first.span.end..r.span.start];
            between.chars().count() <= 10 && between.chars().all(|c| !is_han(c) && !is_space(c) && !is_clause_mark(c))
        });
        k += if second.is_some() { 2 } else { 1 };
        let (start, end) = (first.span.start, second.map_or(first.span.end, |r| r.span.end));
        let span = line.sub(start, end);
        let edits: Vec<Edit> =
            std::iter::once(first).chain(second).map(|r| Edit::delete(line.sub(r.span.start, r.span.end))).collect();
        let certain = first.certain && second.is_none_or(|r| r.certain);
        let shown = context(s, start, end);
        let fixed: String = shown.chars().filter(|&c| !is_space(c)).collect();
        let where_ = if cx.doc.masks.hits(MaskSet::of(&[MaskKind::BookTitle]), span) {
            "书名号内"
        } else {
            "中文行文中"
        };
        out.push(
            Finding::new(span, format!("{where_}的多余空格：“{shown}”应写作“{fixed}”"))
                .fix(if certain {
                    Fix::safe("删去空格", edits)
                } else {
                    Fix::unsafe_("删去空格（如是两个名称或两个短语之间的间隔，请保留或改用标点）", edits)
                })
                .en("Stray space in Chinese text"),
        );
    }
}

/// How many runs of two or more spaces a line has.
fn wide_gaps(s: &str) -> usize {
    let mut n = 0;
    let mut run = 0;
    for c in s.chars().chain(std::iter::once('x')) {
        if is_space(c) {
            run += 1;
        } else {
            if run >= 2 {
                n += 1;
            }
            run = 0;
        }
    }
    n
}

/// A run of spaces (line-relative) that does not belong in Chinese text.
#[derive(Clone, Copy)]
struct StrayRun {
    span: Span,
    /// False where the run may still separate names we could not read: its deletion needs review.
    certain: bool,
}

/// Runs of spaces that do not belong in Chinese text.
fn stray_runs(cx: &Context, s: &str, line: Span) -> Vec<StrayRun> {
    let division_end = DIVISION.find(s).map_or(0, |m| m.end());
    let doc_numbers: Vec<Span> = DOC_NUMBER.find_iter(s).map(|m| Span::new(m.start(), m.end())).collect();
    // A space between two phrases of a line without punctuation — a headline (我校扎实推进
    // 营养改善计划　让山区孩子吃得饱) — may be the line's only separator: deleting it runs the
    // phrases together, so the drafter decides. A document's title (关于…的通知, 《…》) is one
    // phrase: a space in it is stray.
    let headline = !s.chars().any(|c| is_clause_mark(c) || c == '《') && !s.contains("关于");
    // A 纪要's roll (出席：李明远　王　瑾　陈国富) lists names; spaces part and pad them.
    let roll_names = crate::document::kind::roll_names_start(s.trim_start_matches(is_space))
        .map(|at| at + (s.len() - s.trim_start_matches(is_space).len()));
    let mut runs = Vec::new();
    let mut pos = 0;
    while let Some(off) = s[pos..].find(is_space) {
        let start = pos + off;
        let len: usize = s[start..].chars().take_while(|&c| is_space(c)).map(char::len_utf8).sum();
        let end = start + len;
        pos = end;
        let (Some(prev), Some(next)) = (s[..start].chars().next_back(), s[end..].chars().next()) else { continue };
        if !stray(prev, next) || start == division_end {
            continue;
        }
        let rel = Span::new(start, end);
        if doc_numbers.iter().any(|d| d.overlaps(rel) || d.end == start || d.start == end) {
            continue;
        }
        let (left, right) = (token_before(&s[..start]), token_after(&s[end..]));
        let name_like = |t: &str| (1..=4).contains(&t.chars().count()) && t.chars().all(is_han);
        if roll_names.is_some_and(|at| start >= at) && name_like(left) && name_like(right) {
            continue;
        }
        // 总 则: letter-spacing between single characters.
        if left.chars().count() == 1 && right.chars().count() == 1 {
            continue;
        }
        let rest = &s[end..];
        if FIELD_LABEL.is_match(rest) || TRAILING_DATE.is_match(rest) {
            continue;
        }
        if cx.doc.masks.hits(MaskSet::NON_TEXT, line.sub(start, end)) {
            continue;
        }
        let between_han = is_han(prev) && is_han(next);
        // The token runs to the line's end, but for closing marks (（供稿：某居委会　仝晓燕）).
        let line_end = rest[right.len()..].chars().all(|c| is_space(c) || CLOSING_MARKS.contains(c));
        let line_start = s[..start].trim_start_matches(is_space) == left;
        let edges = Edges { start: line_start, end: line_end };
        if between_han && separates_names(cx, left, right, s[..start].contains("联系人"), edges) {
            continue;
        }
        let phrases = between_han && headline && left.chars().count() >= 4 && right.chars().count() >= 4;
        runs.push(StrayRun { span: rel, certain: !(phrases || between_han && maybe_between_names(left, right)) });
    }
    runs
}

/// A few characters either side of the space, for the message.
fn context(s: &str, start: usize, end: usize) -> String {
    let before: String = s[..start].chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = s[end..].chars().take(4).collect();
    format!("{before}{}{after}", &s[start..end])
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn blanks_inside_a_date_or_doc_number_are_reported() {
        let text = "示例市教育局关于开展培训的通知\n各学校：\n现将有关事项通知如下。\n示例市教育局\n2020年5月 14日\n";
        let d = crate::test_support::lint_text("t.txt", text, "GW410");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn removes_spaces_between_han_and_digits() {
        assert_fixed(
            "纪要由市政府办公室 2 天内起草呈批，一般每月召开 2-3 次。\n印发《示例市人民政府 工作规则》。\n要求 ，全面　落实。\n",
            "GW410",
            "纪要由市政府办公室2天内起草呈批，一般每月召开2-3次。\n印发《示例市人民政府工作规则》。\n要求，全面落实。\n",
        );
    }

    #[test]
    fn spaces_between_names_are_layout() {
        let text = "中国人民银行 财政部关于做好个人养老金业务的通知\n各省、自治区、直辖市人民政府：\n\
经国务院同意，中国人民银行 财政部联合印发本通知。会议由局长　张三主持，副局长 李四、王　五出席。\n\
联系人：办公室 王五；出席：张三 李四；市应急管理局 局长 王五。\n";
        assert!(codes_in("t.txt", text, "GW410").is_empty(), "{:?}", codes_in("t.txt", text, "GW410"));
    }

    /// Independent testers' contact lines name people of rare surnames (者永宏, 禚洪亮, 隗建军):
    /// the name slot after a unit is a name whatever its surname; a word there is no name.
    #[test]
    fn a_contact_lines_name_slot_is_a_name_whatever_the_surname() {
        let text = "关于做好防火工作的通知\n各乡（镇）人民政府：\n请认真落实。\n\
联系人：县森林草原防火科 隗建军，电话：0457-1234567；政教处 者永宏；防火科 古丽米拉·艾尔肯。\n";
        assert!(codes_in("t.txt", text, "GW410").is_empty(), "{:?}", codes_in("t.txt", text, "GW410"));
        let text = "关于做好防火工作的通知\n各乡（镇）人民政府：\n请县防火科 负责，政教处 牵头落实。\n";
        assert_eq!(codes_in("t.txt", text, "GW410").len(), 2, "{:?}", codes_in("t.txt", text, "GW410"));
    }

    /// A speech's byline: a title, then the speaker to the line's end, whatever the surname; a
    /// title before a word in a sentence is no byline.
    #[test]
    fn a_bylines_speaker_is_a_name_whatever_the_surname() {
        let text = "在全县防汛工作会议上的讲话\n县人民政府县长　者文华\n（2025年6月3日）\n同志们：\n";
        assert!(codes_in("t.txt", text, "GW410").is_empty(), "{:?}", codes_in("t.txt", text, "GW410"));
        let text = "在全县防汛工作会议上的讲话\n由县长　牵头，各乡镇配合。\n";
        assert_eq!(codes_in("t.txt", text, "GW410").len(), 1, "{:?}", codes_in("t.txt", text, "GW410"));
    }

    /// A roster (表彰名单) lists a name and its organ per line, in either order, whatever the
    /// surname or the name's length; an attribution puts a unit and a name at a line's end.
    /// Inside a sentence the same space is stray.
    #[test]
    fn roster_lines_and_attributions_are_layout() {
        let text = "关于表彰先进个人的决定\n各旗区统计局：\n二、先进个人（3名）\n乌力吉巴雅尔　达拉特旗统计局\n佴志强　东胜区统计局\n鄂托克旗统计局　宝音德力格尔\n　　（供稿：平阳三村居委会　仝晓燕）\n";
        assert!(codes_in("t.txt", text, "GW410").is_empty(), "{:?}", codes_in("t.txt", text, "GW410"));
        let text = "关于表彰先进个人的决定\n各旗区统计局：\n会议由佴志强　东胜区统计局负责落实。\n";
        assert_eq!(codes_in("t.txt", text, "GW410").len(), 1, "{:?}", codes_in("t.txt", text, "GW410"));
    }

    /// A headline's space between two phrases is reported, but deleting it is the drafter's
    /// call; in a sentence the same space is stray for certain.
    #[test]
    fn a_space_between_a_headlines_phrases_is_an_unsafe_fix() {
        use crate::diagnostic::Applicability::{Safe, Unsafe};
        let applicability = |text: &str| -> Vec<_> {
            let d = crate::test_support::lint_text("t.txt", text, "GW410");
            d.iter().map(|d| d.fix.as_ref().map(|f| f.applicability)).collect()
        };
        assert_eq!(applicability("我校扎实推进营养改善计划　让山区孩子吃得饱吃得好\n"), [Some(Unsafe)]);
        assert_eq!(applicability("我校扎实推进营养改善计划　让山区孩子吃得饱，吃得好。\n"), [Some(Safe)]);
    }

    #[test]
    fn a_space_that_may_separate_names_is_an_unsafe_fix() {
        let text = "中国证监会 国家外汇局联合发文，市财政局 高度重视。\n";
        let d = crate::test_support::lint_text("t.txt", text, "GW410");
        let applicability: Vec<_> = d.iter().map(|d| d.fix.as_ref().map(|f| f.applicability)).collect();
        use crate::diagnostic::Applicability::{Safe, Unsafe};
        assert_eq!(applicability, [Some(Unsafe), Some(Safe)]);
        assert_fixed(text, "GW410", "中国证监会 国家外汇局联合发文，市财政局高度重视。\n");
    }

    #[test]
    fn markdown_code_is_not_text() {
        let text = "# 示例市人民政府关于做好防汛工作的通知\n\n各区人民政府：\n\n运行`防汛 2 号`脚本，访问 https://example.org/a 页面。\n";
        assert!(codes_in("t.md", text, "GW410").is_empty(), "{:?}", codes_in("t.md", text, "GW410"));
    }

    #[test]
    fn layout_spaces_are_fine() {
        let text = "第一章 总 则\n第二章 组成人员和政府职能\n第十二条　本办法自发布之日起施行。\n\
出席：王  五、李四\n　　出席：李明远　王　瑾　陈国富　黄小梅　杨　建\n请假：周　林（公务）\n（联系人：张三  电话：0750-1234567）\n使用 Windows 系统办公。\n\
附　件\n序号  单位名称      联系人\n1     示例市财政局  王五\n";
        assert!(codes_in("t.txt", text, "GW410").is_empty(), "{:?}", codes_in("t.txt", text, "GW410"));
    }
}
