use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::structure::parse_ordinal;
use crate::document::{MaskSet, Part};
use crate::lang::numerals::is_chinese_numeral_char;
use crate::lang::{is_cjk_punct, is_han};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::source::SourceKind;
use crate::span::Span;

pub struct PairedMarksAndQuotes;

static META: RuleMeta = RuleMeta {
    code: "GW408",
    name: "paired-marks-and-quotes",
    summary: "标号成对使用；引号用“”‘’，引号内再用引号时外双内单",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 4.8 引号；标号成对使用",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查：\n\n\
1. **标号成对**：括号“（）”、书名号“《》”、引号“”‘’、六角括号“〔〕”、方头括号“【】”缺前半或后半（不给修改，需人工判断缺在哪里）。\
一段文字在行尾断开、下一两行才闭合的（纯文本常见的硬换行）不算；多段引文每段开头用前引号、只在最后一段末尾用后引号，合乎规范，不报。\n\
2. **直引号**：包住中文的半角直引号 `\"…\"` 改为“…”（在双引号内的改为‘…’）；一行中有多对直引号而无法确定配对时，修改需人工确认。\
直引号个数为奇数时只报告，不修改。\n\
3. **直角引号**：横排简体文本中的「」『』改为“”‘’。\n\
4. **引号嵌套**：双引号内又用双引号的，建议里面一层改为单引号‘’（需人工确认，`--unsafe-fixes`）。\n\
5. **括号半角全角混用**：一半是半角“(”“)”的括号改为全角。\n\n\
网址、代码等非正文内容不检查；行首序次语的括号由 GW402 负责，两半都是半角的括号由 GW401 负责。",
    bad: "深刻领悟\"两个确立\"的决定性意义，要做到“学习“四史”常态化”。",
    good: "深刻领悟“两个确立”的决定性意义，要做到“学习‘四史’常态化”。",
};

/// How many further lines a mark may stay open before it counts as unclosed: text files are
/// often hard-wrapped, and a 《》 name or a quotation may run on to the next line.
const MAX_CARRY: usize = 2;

const FAMILIES: usize = 9;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Paren,
    Book,
    Double,
    Single,
    Hexagon,
    Lenticular,
    Angle,
    Corner,
    WhiteCorner,
}

impl Group {
    fn count(&self, family: Family) -> usize {
        self.counts[family as usize]
    }

    fn recount(&mut self) {
        self.counts = [0; FAMILIES];
        for o in &self.stack {
            self.counts[o.family as usize] += 1;
        }
    }

    fn push(&mut self, open: Open) {
        self.counts[open.family as usize] += 1;
        self.stack.push(open);
    }

    /// Remove and return the marks from `pos` up.
    fn drain_from(&mut self, pos: usize) -> Vec<Open> {
        let drained: Vec<Open> = self.stack.drain(pos..).collect();
        for o in &drained {
            self.counts[o.family as usize] -= 1;
        }
        drained
    }

    fn take(&mut self) -> Vec<Open> {
        self.counts = [0; FAMILIES];
        std::mem::take(&mut self.stack)
    }
}

fn opener(c: char) -> Option<Family> {
    Some(match c {
        '（' | '(' => Family::Paren,
        '《' => Family::Book,
        '“' => Family::Double,
        '‘' => Family::Single,
        '〔' => Family::Hexagon,
        '【' => Family::Lenticular,
        '〈' => Family::Angle,
        '「' => Family::Corner,
        '『' => Family::WhiteCorner,
        _ => return None,
    })
}

fn closer(c: char) -> Option<Family> {
    Some(match c {
        '）' | ')' => Family::Paren,
        '》' => Family::Book,
        '”' => Family::Double,
        '’' => Family::Single,
        '〕' => Family::Hexagon,
        '】' => Family::Lenticular,
        '〉' => Family::Angle,
        '」' => Family::Corner,
        '』' => Family::WhiteCorner,
        _ => return None,
    })
}

fn pair_of(f: Family) -> (char, char) {
    match f {
        Family::Paren => ('（', '）'),
        Family::Book => ('《', '》'),
        Family::Double => ('“', '”'),
        Family::Single => ('‘', '’'),
        Family::Hexagon => ('〔', '〕'),
        Family::Lenticular => ('【', '】'),
        Family::Angle => ('〈', '〉'),
        Family::Corner => ('「', '」'),
        Family::WhiteCorner => ('『', '』'),
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    ch: char,
    at: usize,
    line: usize,
    /// A “ opened inside exactly one other “.
    nested: bool,
}

/// The state of the scan over one run of lines in which marks are still open.
#[derive(Default)]
struct Group {
    stack: Vec<Open>,
    /// How many marks of each family `stack` holds, so that the common questions (is a “ open?
    /// is there anything to close?) need no scan of a stack that a hostile line can make huge.
    counts: [usize; FAMILIES],
    /// Whether this run of lines has had an unpaired mark (then nesting is not judged).
    broken: bool,
    nested: Vec<(usize, usize)>,
}

impl Rule for PairedMarksAndQuotes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let mut g = Group::default();
        let mut prev: Option<(Span, Part)> = None;
        for (idx, (line, part)) in cx.doc.lines.iter().enumerate() {
            let s = line.span.text(text);
            if let (false, Some((prev_span, prev_part))) = (g.stack.is_empty(), prev) {
                if s.starts_with('“') && prev_part == *part && g.count(Family::Double) > 0 {
                    // A quotation of several paragraphs: each opens with “, only the last closes.
                    g.stack.retain(|o| o.family != Family::Double);
                    g.recount();
                }
                if prev_part != *part || !runs_on(cx, prev_span, line.span) {
                    close_group(&mut g, text, out);
                } else if g.stack.first().is_some_and(|o| idx - o.line > MAX_CARRY) {
                    let (old, young): (Vec<Open>, Vec<Open>) = g.stack.iter().partition(|o| idx - o.line > MAX_CARRY);
                    for o in old {
                        report_unclosed(&o, text, out);
                        g.broken = true;
                    }
                    g.stack = young;
                    g.recount();
                }
                if g.stack.is_empty() {
                    close_group(&mut g, text, out);
                }
            }
            prev = Some((line.span, *part));
            let ordinal_end = ordinal_end(text, line.span);
            let doubles_open = g.count(Family::Double);
            straight_quotes(cx, s, line.span, doubles_open, out);
            scan_line(cx, s, line.span, idx, ordinal_end, &mut g, out);
            if g.stack.is_empty() {
                close_group(&mut g, text, out);
            }
        }
        close_group(&mut g, text, out);
    }
}

/// Where a line-start ordinal ends: its brackets belong to GW402, and “1）” “a）” (a closing
/// bracket only) are list markers, not unpaired marks.
fn ordinal_end(text: &str, line: Span) -> usize {
    if let Some(o) = parse_ordinal(text, line) {
        return o.span.end;
    }
    let s = line.text(text);
    let marker: usize = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || is_chinese_numeral_char(*c))
        .take(3)
        .map(char::len_utf8)
        .sum();
    match s[marker..].chars().next() {
        Some(c @ ('）' | ')')) if marker > 0 => line.start + marker + c.len_utf8(),
        _ => line.start,
    }
}

/// Whether the sentence of line `prev` may go on in line `next`: the line stops mid-sentence
/// (a hard-wrapped text), or, in Markdown, both lines are in one paragraph.
fn runs_on(cx: &Context, prev: Span, next: Span) -> bool {
    let text = cx.text();
    let ends_sentence =
        prev.text(text).trim_end_matches(['”', '’', '）', '》', '】']).ends_with(['。', '！', '？', '；', '…', '：']);
    if !ends_sentence {
        return true;
    }
    cx.source.kind == SourceKind::Markdown
        && text.get(prev.end..next.start).is_some_and(|gap| gap.matches('\n').count() == 1)
}

/// Every opening and closing mark (`opener`, `closer`).
const MARKS: [char; 20] =
    ['（', '(', '《', '“', '‘', '〔', '【', '〈', '「', '『', '）', ')', '》', '”', '’', '〕', '】', '〉', '」', '』'];

fn scan_line(cx: &Context, s: &str, line: Span, idx: usize, ordinal_end: usize, g: &mut Group, out: &mut Vec<Finding>) {
    // Most lines hold no bracket or quotation mark; the line summary knows these marks exactly.
    if !cx.doc.lines[idx].0.chars.may_contain_any(&MARKS) {
        return;
    }
    let mut previous: Option<char> = None;
    for (i, c) in s.char_indices() {
        let before = previous.replace(c);
        let at = line.start + i;
        if at < ordinal_end || (opener(c).is_none() && closer(c).is_none()) {
            continue;
        }
        if cx.doc.masks.hits(MaskSet::NON_TEXT, Span::new(at, at + c.len_utf8())) {
            continue;
        }
        // An apostrophe (it’s) or single quotes around English are not Chinese quotation marks.
        if matches!(c, '‘' | '’') {
            let after = s[i + c.len_utf8()..].chars().next();
            if before.is_some_and(|n| n.is_ascii_alphabetic()) || after.is_some_and(|n| n.is_ascii_alphabetic()) {
                continue;
            }
        }
        if let Some(family) = opener(c) {
            // Exactly one quotation mark open, and it is a “.
            let nested = c == '“' && g.count(Family::Double) == 1 && g.count(Family::Single) == 0;
            g.push(Open { family, ch: c, at, line: idx, nested });
            continue;
        }
        let Some(family) = closer(c) else { continue };
        // Nothing of the family open: no scan. Otherwise the scan passes only marks it drains.
        let found = if g.count(family) == 0 { None } else { g.stack.iter().rposition(|o| o.family == family) };
        match found {
            Some(pos) => {
                let above: Vec<Open> = g.drain_from(pos + 1);
                let open = g.drain_from(pos).pop().expect("found");
                for o in above.iter().filter(|o| o.ch != '(') {
                    report_unclosed(o, cx.text(), out);
                    g.broken = true;
                }
                paired(cx, open, c, at, g, out);
            }
            None if c == ')' => {}
            None => {
                let (o, _) = pair_of(family);
                let before: String = s[..i].chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
                out.push(
                    Finding::new(
                        Span::new(at, at + c.len_utf8()),
                        format!("标号不成对：{c}前面没有与之配对的{o}，见“……{before}{c}”"),
                    )
                    .en(format!("“{c}” has no matching “{o}”")),
                );
                g.broken = true;
            }
        }
    }
}

/// A matched pair: mixed-width parentheses and corner brackets get their fixes; a nested
/// double quote is remembered until the run of lines is known to be balanced.
fn paired(cx: &Context, open: Open, close: char, close_at: usize, g: &mut Group, out: &mut Vec<Finding>) {
    let text = cx.text();
    let open_span = Span::new(open.at, open.at + open.ch.len_utf8());
    let close_span = Span::new(close_at, close_at + close.len_utf8());
    match open.family {
        Family::Paren if (open.ch == '(') != (close == ')') => {
            let (half, full) = if open.ch == '(' { (open_span, "（") } else { (close_span, "）") };
            out.push(
                Finding::new(open_span.cover(close_span), "括号前后不一致：一半是半角，应都用全角“（）”")
                    .fix(Fix::safe(format!("改为全角“{full}”"), vec![Edit::replace(half, full)]))
                    .en("Mixed half-width and full-width parentheses: use （）"),
            );
        }
        Family::Corner | Family::WhiteCorner => {
            let (o, c) = if open.family == Family::Corner { ("“", "”") } else { ("‘", "’") };
            let inner: String = text.get(open_span.end..close_span.start).unwrap_or("").chars().take(12).collect();
            out.push(
                Finding::new(
                    open_span.cover(close_span),
                    format!("横排简体公文的引号用“”‘’，不用{}{}：{}{inner}{}", open.ch, close, open.ch, close),
                )
                .fix(Fix::safe(
                    format!("改为{o}{inner}{c}"),
                    vec![Edit::replace(open_span, o), Edit::replace(close_span, c)],
                ))
                .en("Use “” and ‘’ instead of corner brackets in horizontal simplified Chinese"),
            );
        }
        Family::Double if open.nested => g.nested.push((open.at, close_at)),
        _ => {}
    }
}

fn report_unclosed(o: &Open, text: &str, out: &mut Vec<Finding>) {
    if o.ch == '(' {
        return;
    }
    let (_, c) = pair_of(o.family);
    // The first 13 characters of the rest of the line. Fourteen characters decide them (a
    // "\r\n" may end the line there), so look no further into what may be a very long line.
    let rest = text.get(o.at..).unwrap_or("");
    let head = rest.char_indices().nth(14).map_or(rest, |(i, _)| &rest[..i]);
    let after: String = head.lines().next().unwrap_or("").chars().take(13).collect();
    out.push(
        Finding::new(
            Span::new(o.at, o.at + o.ch.len_utf8()),
            format!("标号不成对：{}没有与之配对的{c}，见“{after}……”", o.ch),
        )
        .en(format!("“{}” is never closed by “{c}”", o.ch)),
    );
}

/// End a run of lines: what is still open is unclosed; nesting is judged only when every mark
/// in the run was paired.
fn close_group(g: &mut Group, text: &str, out: &mut Vec<Finding>) {
    for o in g.take() {
        if o.ch != '(' {
            report_unclosed(&o, text, out);
            g.broken = true;
        }
    }
    if !g.broken {
        for &(open, close) in &g.nested {
            let inner = text.get(open + '“'.len_utf8()..close).unwrap_or("");
            let span = Span::new(open, close + '”'.len_utf8());
            let mut finding =
                Finding::new(span, format!("引号内再用引号时，里面一层应用单引号：“{inner}”应写作‘{inner}’"))
                    .en("Inside double quotation marks, use single marks ‘’");
            if !inner.contains(['‘', '’', '“', '”']) {
                finding = finding.fix(Fix::unsafe_(
                    format!("改为‘{inner}’"),
                    vec![
                        Edit::replace(Span::new(open, open + '“'.len_utf8()), "‘"),
                        Edit::replace(Span::new(close, close + '”'.len_utf8()), "’"),
                    ],
                ));
            }
            out.push(finding);
        }
    }
    g.nested.clear();
    g.broken = false;
}

/// Straight double quotes around Chinese: “” (or ‘’ inside a double quotation).
fn straight_quotes(cx: &Context, s: &str, line: Span, doubles_open: usize, out: &mut Vec<Finding>) {
    if !s.contains('"') {
        return;
    }
    let quotes: Vec<usize> = s
        .match_indices('"')
        .map(|(i, _)| i)
        .filter(|&i| !cx.doc.masks.hits(MaskSet::NON_TEXT, line.sub(i, i + 1)))
        .collect();
    let han_next_to =
        |i: usize| s[..i].chars().next_back().is_some_and(is_han) || s[i + 1..].chars().next().is_some_and(is_han);
    if quotes.len() % 2 == 1 {
        if quotes.iter().all(|&i| han_next_to(i)) {
            let i = quotes[0];
            out.push(
                Finding::new(line.sub(i, i + 1), "半角直引号不成对；中文引号应使用“”")
                    .help("补齐引号，并改为全角引号“”")
                    .en("Unpaired straight quotation mark in Chinese text"),
            );
        }
        return;
    }
    let pairs: Vec<(usize, usize)> =
        quotes.chunks_exact(2).map(|p| (p[0], p[1])).filter(|&(a, b)| s[a + 1..b].chars().any(is_han)).collect();
    // With several pairs on a line, “a"b"c"d” could also be nesting; the pairing is certain only
    // when punctuation (or nothing) separates one pair from the next.
    let certain = pairs.windows(2).all(|w| {
        let gap = &s[w[0].1 + 1..w[1].0];
        gap.is_empty() || gap.chars().any(|c| is_cjk_punct(c) && !matches!(c, '“' | '”' | '‘' | '’'))
    });
    // Curly quotes before each pair on the line, counted as the pairs go (they are in order).
    let (mut opens, mut closes, mut counted) = (0, 0, 0);
    for &(a, b) in &pairs {
        // Inside a double quotation (counting curly quotes before it on the line), use ‘’.
        let since = &s[counted..a];
        opens += since.matches('“').count();
        closes += since.matches('”').count();
        counted = a;
        let depth = doubles_open + opens;
        let inside = depth > closes;
        let (o, c) = if inside { ("‘", "’") } else { ("“", "”") };
        let inner = &s[a + 1..b];
        let span = line.sub(a, b + 1);
        let edits = vec![Edit::replace(line.sub(a, a + 1), o), Edit::replace(line.sub(b, b + 1), c)];
        let msg = format!("改为{o}{inner}{c}");
        let fix = if certain { Fix::safe(msg, edits) } else { Fix::unsafe_(msg, edits) };
        out.push(
            Finding::new(span, format!("中文引号应使用{o}{c}，不用半角直引号：\"{inner}\""))
                .fix(fix)
                .en("Use Chinese quotation marks “” instead of straight quotes"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn marks_are_every_opener_and_closer() {
        // A line is skipped unless it holds one of MARKS: they must be all the marks there are.
        let all: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| super::opener(c).is_some() || super::closer(c).is_some())
            .collect();
        let mut marks = super::MARKS.to_vec();
        marks.sort_unstable();
        assert_eq!(marks, all);
    }

    #[test]
    fn straight_and_corner_quotes() {
        assert_fixed(
            "深刻领悟\"两个确立\"的决定性意义，增强\"四个意识\"、坚定\"四个自信\"。\n要做到“学习\"四史\"常态化”。\n坚持「人民至上」。\n",
            "GW408",
            "深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”。\n要做到“学习‘四史’常态化”。\n坚持“人民至上”。\n",
        );
    }

    #[test]
    fn nested_double_quotes_are_suggested_not_fixed() {
        let text = "要做到“学习“四史”常态化”。\n";
        assert_eq!(codes_in("t.txt", text, "GW408"), ["GW408:“四史”"]);
        assert_fixed(text, "GW408", text);
    }

    #[test]
    fn unpaired_marks() {
        let text = "请于3月底前报送《示例市安全生产工作方案。\n详见附件）。\n他说“好。\n";
        let hits = codes_in("t.txt", text, "GW408");
        assert_eq!(hits, ["GW408:《", "GW408:）", "GW408:“"]);
    }

    #[test]
    fn wrapped_lines_and_multi_paragraph_quotes_are_fine() {
        let text = "报送行政规范性文件，还应当符合《广东省行政规范\n性文件管理规定》的规定。\n\
会议指出：“第一段引文。\n“第二段引文。\n“第三段引文。”\n\
详见附件（另发）。It’s fine. 深刻领悟“两个确立”。\n(一)加强领导\n1）明确分工\na）细化措施\n";
        assert!(codes_in("t.txt", text, "GW408").is_empty(), "{:?}", codes_in("t.txt", text, "GW408"));
    }

    #[test]
    fn ambiguous_straight_pairs_are_unsafe() {
        let text = "要做到\"学习\"四史\"常态化\"。\n";
        let found = crate::test_support::lint_text("t.txt", text, "GW408");
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .all(|d| d.fix.as_ref().is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Unsafe))
        );
        assert_fixed(text, "GW408", text);
    }

    #[test]
    fn markdown_code_and_links_are_not_marks() {
        let text = "# 示例市人民政府关于做好防汛工作的通知\n\n各区人民政府：\n\n配置项`\"名称\"`和[链接](https://example.org/a\"b) 不检查。\n";
        assert!(codes_in("t.md", text, "GW408").is_empty(), "{:?}", codes_in("t.md", text, "GW408"));
    }

    #[test]
    fn mixed_width_parentheses() {
        assert_fixed("认真落实（详见附件)。\n", "GW408", "认真落实（详见附件）。\n");
    }
}
