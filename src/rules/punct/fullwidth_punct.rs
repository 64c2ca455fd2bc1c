use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DOC_NUMBER, MaskSet};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct FullwidthPunct;

static META: RuleMeta = RuleMeta {
    code: "GW401",
    name: "fullwidth-punct",
    summary: "中文语境用全角标点",
    category: Category::Punctuation,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十一条：“公文使用的汉字、数字、外文字符、计量单位和标点符号等，按照有关国家标准和规定执行。”；GB/T 15834-2011 标点符号的中文形式",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "紧挨汉字的半角逗号、分号、冒号、问号、叹号、句号，以及括住中文的半角圆括号，应改为全角的“，；：？！。（）”。\n\n\
半角“.”在中文里可能是句号，也常常是逗号、小数点或缩写：只有它结束句子（其后是行尾，或另起一句，\
如“.请……”“.二、……”）时才由 `--fix` 改为“。”；句中的“.”只报告，改“。”还是“，”由起草人决定。\n\n\
不报告：时间“9:30”和比例“1:500”、小数和版本号、序次语“1.”“一.”（见 GW402）、文件名（“方案.docx”）、发文字号（见 GW302）、\
网址、电子邮箱、代码、Markdown 标记，以及连续三个以上英文单词组成的外文片段。其余各处都可由 `--fix` 安全修改。\n\n\
本规则负责所有半角标点到全角的转换，包括主送机关、附件说明、抄送等处的半角冒号；各部分的专门规则只检查标点的有无和位置。",
    bad: "各单位要高度重视,认真落实(详见附件).",
    good: "各单位要高度重视，认真落实（详见附件）。",
};

fn fullwidth(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '.' => '。',
        _ => return None,
    })
}

/// Characters that make the context Chinese on either side of a mark.
fn chinese_side(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || matches!(c, '”' | '’' | '）' | '》' | '〕' | '“' | '‘' | '（' | '《' | '〔'))
}

impl Rule for FullwidthPunct {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.chars.is_ascii() && line.chars.may_contain_any(&[',', ';', ':', '?', '!', '.', '(', ')']) {
                check_line(cx, s, line.span, out);
            }
        }
    }
}

fn check_line(cx: &Context, s: &str, line: Span, out: &mut Vec<Finding>) {
    let mut skip: Vec<Span> =
        DOC_NUMBER.find_iter(s).map(|m| Span::new(m.start(), m.end())).chain(latin_runs(s)).collect();
    // Sorted and merged where they overlap, so that a lookup is a binary search.
    skip.sort();
    skip.dedup_by(|next, kept| {
        let overlapping = next.start < kept.end;
        if overlapping {
            kept.end = kept.end.max(next.end);
        }
        overlapping
    });
    let skipped = |rel: Span| {
        let k = skip.partition_point(|sp| sp.end <= rel.start);
        skip.get(k).is_some_and(|sp| sp.overlaps(rel))
    };
    let ordinal_end = crate::document::structure::parse_ordinal(s, Span::new(0, s.len())).map_or(0, |o| o.span.end);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let partners = paren_partners(&chars);
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    // Which closing parentheses (by character index) belong to a pair this rule converts.
    let mut paren_pairs_done = vec![false; chars.len()];
    for (k, &(i, c)) in chars.iter().enumerate() {
        // Only these marks are ever reported; decide that before the costlier checks.
        if !matches!(c, '(' | ',' | ';' | ':' | '?' | '!' | '.') {
            continue;
        }
        let rel = Span::new(i, i + 1);
        let abs = Span::new(line.start + i, line.start + i + 1);
        if i < ordinal_end || skipped(rel) || cx.doc.masks.hits(MaskSet::NON_TEXT, abs) {
            continue;
        }
        let (prev, next) = (if k > 0 { at(k - 1) } else { None }, at(k + 1));
        match c {
            '(' => {
                if let Some(close) = partners[k] {
                    let inner = &s[i + 1..chars[close].0];
                    if inner.chars().any(is_han) || chinese_side(prev) {
                        paren_pairs_done[close] = true;
                        let close_abs = Span::new(line.start + chars[close].0, line.start + chars[close].0 + 1);
                        let shown: String = s[i..chars[close].0 + 1].chars().take(20).collect();
                        out.push(
                            Finding::new(abs.cover(close_abs), format!("中文语境中的括号应使用全角“（）”：{shown}"))
                                .fix(Fix::safe(
                                    "改为全角括号“（）”",
                                    vec![Edit::replace(abs, "（"), Edit::replace(close_abs, "）")],
                                ))
                                .en("Use full-width parentheses （） in Chinese text"),
                        );
                    }
                }
            }
            ')' => {}
            ',' | ';' | ':' | '?' | '!' => {
                if !(chinese_side(prev) || chinese_side(next)) {
                    continue;
                }
                // 9:30, 1:500 — digits on both sides of a colon are a time or a ratio.
                if c == ':' && prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
                    continue;
                }
                // 1,000 — a thousands separator.
                if c == ',' && prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
                    continue;
                }
                let full = fullwidth(c).expect("listed");
                push_mark(out, abs, c, full);
            }
            '.' => {
                // Not 1.5, v1.2, a.b, "..." or "…": a dot after Chinese, alone.
                let runs = prev == Some('.') || next == Some('.');
                // After a bracket pair this rule converts, the context is Chinese too.
                let after_converted = prev == Some(')') && k > 0 && paren_pairs_done[k - 1];
                if runs || !(chinese_side(prev) || after_converted) || after_chinese_ordinal(&s[..i]) {
                    continue;
                }
                match full_stop_role(&s[i + 1..]) {
                    DotRole::EndsSentence => push_mark(out, abs, c, '。'),
                    DotRole::Unclear => out.push(
                        Finding::new(abs, "中文语境中不用半角“.”：句末用“。”，句中停顿用“，”")
                            .help("按语意改为“。”或“，”")
                            .fix(Fix::display_only("改为“。”", vec![Edit::replace(abs, "。")]))
                            .en("A half-width “.” in Chinese text: use “。” at the end of a sentence, “，” inside one"),
                    ),
                    // .docx, .cn: part of a file name or an address.
                    DotRole::NotPunctuation => {}
                }
            }
            _ => {}
        }
    }
}

/// What a “.” after Chinese is, judged by what follows it.
enum DotRole {
    /// The end of a line (after any closing marks) or the start of a new sentence: a 。.
    EndsSentence,
    /// Chinese text goes on: a 。 or, as often, a ， — only the drafter can tell.
    Unclear,
    /// Latin letters or digits follow: a file name or an address (方案.docx).
    NotPunctuation,
}

/// How a new sentence opens: a 层次序数 (二、 （二） 2. 第二) or a word that only starts one.
static NEW_SENTENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|第[一二三四五六七八九十]+[，、是]|请|特此|此外|另外|为此|对此)",
    )
    .expect("valid")
});

fn full_stop_role(rest: &str) -> DotRole {
    let closers = |c: char| is_closing_mark(c) || c.is_whitespace() || c == '\u{3000}';
    let after_closers = rest.trim_start_matches(closers);
    if after_closers.is_empty() {
        return DotRole::EndsSentence;
    }
    let next_text = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if NEW_SENTENCE.is_match(next_text) {
        return DotRole::EndsSentence;
    }
    match rest.chars().next() {
        Some(c) if is_han(c) || closers(c) || matches!(c, '“' | '‘' | '《' | '（') => DotRole::Unclear,
        _ => DotRole::NotPunctuation,
    }
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | ')' | '》' | '〕' | '】')
}

/// Whether `before` ends with a Chinese-numeral ordinal (一, 十二) standing at the start of a line
/// or after a separator: “一.加强领导” is a 层次序数 written with a dot, GW402's concern.
fn after_chinese_ordinal(before: &str) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let digits = before.chars().rev().take_while(|&c| numeral(c)).count();
    (1..=3).contains(&digits) && before.chars().rev().nth(digits).is_none_or(|c| !is_han(c))
}

fn push_mark(out: &mut Vec<Finding>, span: Span, half: char, full: char) {
    out.push(
        Finding::new(span, format!("中文语境中应使用全角标点“{full}”，不用半角“{half}”"))
            .fix(Fix::safe(format!("改为“{full}”"), vec![Edit::replace(span, full.to_string())]))
            .en(format!("Use the full-width “{full}” instead of “{half}” in Chinese text")),
    );
}

/// For each `(` (by character index), the `)` that closes it: the first after it at which the
/// count of `(` and `)` from it balances. One pass with a stack, however many are unclosed.
fn paren_partners(chars: &[(usize, char)]) -> Vec<Option<usize>> {
    let mut partners = vec![None; chars.len()];
    let mut open: Vec<usize> = Vec::new();
    for (k, &(_, c)) in chars.iter().enumerate() {
        match c {
            '(' => open.push(k),
            ')' => {
                if let Some(o) = open.pop() {
                    partners[o] = Some(k);
                }
            }
            _ => {}
        }
    }
    partners
}

/// Runs of three or more Latin words: an English phrase keeps its own punctuation.
fn latin_runs(s: &str) -> impl Iterator<Item = Span> + '_ {
    static RUN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"[A-Za-z][A-Za-z'-]*(?:[ ,.;:?!()]+[A-Za-z0-9][A-Za-z0-9'-]*){2,}[.,;:?!)]*").expect("valid")
    });
    RUN.find_iter(s).map(|m| Span::new(m.start(), m.end()))
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn converts_marks_next_to_chinese() {
        assert_fixed("各单位要高度重视,认真落实(详见附件).\n", "GW401", "各单位要高度重视，认真落实（详见附件）。\n");
        assert_fixed("请问是否可行?请回复!\n", "GW401", "请问是否可行？请回复！\n");
        assert_fixed("要求如下:一是加强;二是落实\n", "GW401", "要求如下：一是加强；二是落实\n");
    }

    #[test]
    fn leaves_times_numbers_links_and_english_alone() {
        let text = "会议于9:30召开，比例尺1:500，投资1.5亿元，共1,000人。\n详见https://www.gov.cn/a,b.html。\n引用原文：Made in China, for the world.\n江府[2023]20号\n1.明确责任\n";
        assert!(codes_in("t.txt", text, "GW401").is_empty(), "{:?}", codes_in("t.txt", text, "GW401"));
    }

    #[test]
    fn a_dot_is_a_full_stop_only_where_a_sentence_ends() {
        // End of line (after a closing bracket), and a new sentence after it: safe.
        assert_fixed(
            "请认真落实（详见附件）.\n各单位要高度重视.请于1月20日前报送.二、加强领导.\n",
            "GW401",
            "请认真落实（详见附件）。\n各单位要高度重视。请于1月20日前报送。二、加强领导。\n",
        );
        // Inside a sentence the dot may be a comma: reported, but never fixed by itself.
        let text = "各单位要高度重视.认真落实安全生产责任.\n";
        let d = lint_text("t.txt", text, "GW401");
        let applicability: Vec<_> = d.iter().map(|d| d.fix.as_ref().map(|f| f.applicability)).collect();
        assert_eq!(applicability, [Some(Applicability::DisplayOnly), Some(Applicability::Safe)]);
        assert_fixed(text, "GW401", "各单位要高度重视.认真落实安全生产责任。\n");
    }

    #[test]
    fn dots_that_are_not_full_stops() {
        let text = "要求：一.加强领导；二.落实责任。\n附件：实施方案.docx，联系邮箱：ab.cd@example.gov.cn，网站：www.gov.cn。\n增长1.5个百分点。\n";
        assert!(codes_in("t.txt", text, "GW401").is_empty(), "{:?}", codes_in("t.txt", text, "GW401"));
    }

    #[test]
    fn markdown_markup_is_not_punctuation() {
        let text = "正文见[附件](https://example.org/a.md)。代码`a,b`不检查。\n";
        assert!(codes_in("t.md", text, "GW401").is_empty());
    }
}
