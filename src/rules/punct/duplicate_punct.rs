use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::MaskSet;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct DuplicatePunct;

static META: RuleMeta = RuleMeta {
    code: "GW409",
    name: "duplicate-punct",
    summary: "点号不叠用（“，，”“。。”“，。”）",
    category: Category::Punctuation,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 点号的用法",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "同一处停顿只用一个点号。\n\n\
- 同一点号重复（“，，”“。。”“、、”“；；”“：：”）：合并为一个，`--fix` 直接修改；\n\
- 不同点号相连（“，。”“；。”“：。”“。，”“、，”等）：应保留哪一个需要看语义，只提示，不自动修改。\n\n\
三个以上的“。。。”是误写的省略号，由 GW407 处理；“……”“——”和问号、叹号的连用（“？！”）不在此列。",
    bad: "请各单位认真落实，，确保实效。。",
    good: "请各单位认真落实，确保实效。",
};

const MARKS: &[char] = &['，', '。', '、', '；', '：'];

/// Whether two of `MARKS` stand next to each other somewhere in `s` — what every finding needs;
/// one pass without allocating, so that the many lines without are passed over cheaply.
fn has_two_marks_in_a_row(s: &str) -> bool {
    let mut after_mark = usize::MAX;
    for (i, c) in s.char_indices() {
        if MARKS.contains(&c) {
            if i == after_mark {
                return true;
            }
            after_mark = i + c.len_utf8();
        }
    }
    false
}

impl Rule for DuplicatePunct {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.chars.may_contain_any(MARKS) || !has_two_marks_in_a_row(s) {
                continue;
            }
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let mut k = 0;
            while k < chars.len() {
                let (i, c) = chars[k];
                if !MARKS.contains(&c) {
                    k += 1;
                    continue;
                }
                let run = chars[k..].iter().take_while(|(_, c)| MARKS.contains(c)).count();
                let end = chars.get(k + run).map_or(s.len(), |&(j, _)| j);
                let span = line.span.sub(i, end);
                k += run;
                if run < 2 || cx.doc.masks.hits(MaskSet::NON_TEXT, span) {
                    continue;
                }
                let marks = &s[i..end];
                let first = marks.chars().next().expect("run");
                if marks.chars().all(|m| m == first) {
                    // 。。。 is a mistyped ellipsis (GW407).
                    if first == '。' && run >= 3 {
                        continue;
                    }
                    let extra = Span::new(span.start + first.len_utf8(), span.end);
                    out.push(
                        Finding::new(span, format!("点号重复：“{marks}”应只用一个“{first}”"))
                            .fix(Fix::safe(format!("改为“{first}”"), vec![Edit::delete(extra)]))
                            .en(format!("Repeated punctuation “{marks}”: keep one “{first}”")),
                    );
                } else {
                    // Which mark to keep depends on the sentence: show one candidate, never apply it.
                    let last = marks.chars().next_back().expect("run");
                    let keep_last = Span::new(span.start, span.end - last.len_utf8());
                    out.push(
                        Finding::new(span, format!("点号叠用：“{marks}”，一处停顿只用一个点号"))
                            .help("按语义保留其中一个点号")
                            .fix(Fix::display_only(format!("例如只保留“{last}”"), vec![Edit::delete(keep_last)]))
                            .en(format!("Stacked punctuation “{marks}”: one pause takes one mark")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn merges_repeated_marks() {
        assert_fixed(
            "请各单位认真落实，，确保实效。。\n交通、、水利；；\n",
            "GW409",
            "请各单位认真落实，确保实效。\n交通、水利；\n",
        );
    }

    #[test]
    fn mixed_marks_are_reported_without_fix() {
        let text = "请各单位认真落实，。确保实效；。\n";
        assert_eq!(codes_in("t.txt", text, "GW409"), ["GW409:，。", "GW409:；。"]);
        assert_fixed(text, "GW409", text);
    }

    #[test]
    fn ellipsis_and_question_marks_are_fine() {
        let text = "加强统筹。。。\n真的吗？！\n内容……。\n“好。”，\n";
        assert!(codes_in("t.txt", text, "GW409").is_empty(), "{:?}", codes_in("t.txt", text, "GW409"));
    }
}
