use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DOC_NUMBER, MaskKind, MaskSet, Part};
use crate::lang::is_han;
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
发文机关署名、成文日期和版记（印发机关与印发日期之间）的排版空格、用制表符或多处宽空白对齐的表格行、发文字号、网址和代码。删去空格的修改是确定的，`--fix` 直接修改。",
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

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{3000}')
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

/// The non-space text next to a space run, up to a space or a separating mark.
fn token_len(chars: impl Iterator<Item = char>) -> usize {
    chars.take_while(|&c| !is_space(c) && !matches!(c, '、' | '，' | '：' | '；' | '。' | '（' | '）')).count()
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
            if !s.contains(is_space) || s.is_ascii() {
                continue;
            }
            check_line(cx, s, line.span, out);
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
            let between = &s[first.end..r.start];
            between.chars().count() <= 10 && between.chars().all(|c| !is_han(c) && !is_space(c) && !is_clause_mark(c))
        });
        k += if second.is_some() { 2 } else { 1 };
        let (start, end) = (first.start, second.map_or(first.end, |r| r.end));
        let span = line.sub(start, end);
        let edits: Vec<Edit> =
            std::iter::once(first).chain(second).map(|r| Edit::delete(line.sub(r.start, r.end))).collect();
        let shown = context(s, start, end);
        let fixed: String = shown.chars().filter(|&c| !is_space(c)).collect();
        let where_ = if cx.doc.masks.hits(MaskSet::of(&[MaskKind::BookTitle]), span) {
            "书名号内"
        } else {
            "中文行文中"
        };
        out.push(
            Finding::new(span, format!("{where_}的多余空格：“{shown}”应写作“{fixed}”"))
                .fix(Fix::safe("删去空格", edits))
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

/// Runs of spaces (line-relative) that do not belong in Chinese text.
fn stray_runs(cx: &Context, s: &str, line: Span) -> Vec<Span> {
    let division_end = DIVISION.find(s).map_or(0, |m| m.end());
    let doc_numbers: Vec<Span> = DOC_NUMBER.find_iter(s).map(|m| Span::new(m.start(), m.end())).collect();
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
        // 总 则, 王  五: letter-spacing between single characters.
        if token_len(s[..start].chars().rev()) == 1 && token_len(s[end..].chars()) == 1 {
            continue;
        }
        let rest = &s[end..];
        if FIELD_LABEL.is_match(rest) || TRAILING_DATE.is_match(rest) {
            continue;
        }
        if cx.doc.masks.hits(MaskSet::NON_TEXT, line.sub(start, end)) {
            continue;
        }
        runs.push(rel);
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
    fn removes_spaces_between_han_and_digits() {
        assert_fixed(
            "纪要由市政府办公室 2 天内起草呈批，一般每月召开 2-3 次。\n印发《示例市人民政府 工作规则》。\n要求 ，全面　落实。\n",
            "GW410",
            "纪要由市政府办公室2天内起草呈批，一般每月召开2-3次。\n印发《示例市人民政府工作规则》。\n要求，全面落实。\n",
        );
    }

    #[test]
    fn markdown_code_is_not_text() {
        let text = "# 示例市人民政府关于做好防汛工作的通知\n\n各区人民政府：\n\n运行`防汛 2 号`脚本，访问 https://example.org/a 页面。\n";
        assert!(codes_in("t.md", text, "GW410").is_empty(), "{:?}", codes_in("t.md", text, "GW410"));
    }

    #[test]
    fn layout_spaces_are_fine() {
        let text = "第一章 总 则\n第二章 组成人员和政府职能\n第十二条　本办法自发布之日起施行。\n\
出席：王  五、李四\n（联系人：张三  电话：0750-1234567）\n使用 Windows 系统办公。\n\
附　件\n序号  单位名称      联系人\n1     示例市财政局  王五\n";
        assert!(codes_in("t.txt", text, "GW410").is_empty(), "{:?}", codes_in("t.txt", text, "GW410"));
    }
}
