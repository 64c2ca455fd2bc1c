use super::words::WORDS;
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::{is_cjk_punct, is_han};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct EnumerationOmission;

static META: RuleMeta = RuleMeta {
    code: "GW407",
    name: "enumeration-omission",
    summary: "省略号用“……”；省略号不与“等”连用；“等”前不加顿号",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 4.11 省略号；GB/T 15834-2011 附录B",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "三类问题：\n\n\
1. 省略号的形式是两个“…”（六个点）“……”：英文句点“...”“......”、句号“。。。”、单个“…”或三个“………”都改为“……”。\n\
2. 省略号和“等”“等等”作用相同，不连用：“……等”删去省略号。\n\
3. 并列成分之间用顿号时，“等”“等等”前不加顿号：“交通、水利、等”删去“等”前的顿号。\n\n\
“等级”“等同”“等于”等以“等”开头的词不算。网址、代码中的点不检查；“……等”“、等”在引号内（他人原话）不检查。\
修改是确定的，`--fix` 直接修改。",
    bad: "加快交通、水利、能源、等基础设施建设，完善教育、医疗、养老……等公共服务...",
    good: "加快交通、水利、能源等基础设施建设，完善教育、医疗、养老等公共服务……",
};

/// Malformed ellipses: three or more full stops or 。, or a run of … that is not two or four.
static ELLIPSIS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\.{3,}|。{3,}|…+").expect("valid"));

/// An ellipsis or a 顿号 before 等/等等.
static BEFORE_DENG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?P<mark>……|、)(?P<deng>等等|等)").expect("valid"));

fn chinese_context(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || is_cjk_punct(c))
}

impl Rule for EnumerationOmission {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let others_words = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BlockQuote);
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.chars.may_contain_any(&['.', '。', '…', '等']) {
                continue;
            }
            for m in ELLIPSIS.find_iter(s) {
                let run = m.as_str();
                let span = line.span.sub(m.start(), m.end());
                if cx.doc.masks.hits(MaskSet::NON_TEXT, span) {
                    continue;
                }
                let before = s[..m.start()].chars().next_back();
                let after = s[m.end()..].chars().next();
                if run.starts_with('…') {
                    // …… and ………… (a whole omitted passage) are right.
                    if run.chars().count() % 2 == 0 {
                        continue;
                    }
                } else if run.starts_with('.') && !(chinese_context(before) || chinese_context(after)) {
                    // English text or a row of dots keeps its own form.
                    continue;
                }
                out.push(
                    Finding::new(span, format!("省略号应写作“……”，不写作“{run}”"))
                        .fix(Fix::safe("改为“……”", vec![Edit::replace(span, "……")]))
                        .en(format!("Write the ellipsis as “……”, not “{run}”")),
                );
            }
            for c in BEFORE_DENG.captures_iter(s) {
                let (mark, deng) = (c.name("mark").expect("mark"), c.name("deng").expect("deng"));
                let tail = &s[mark.end()..];
                if deng.as_str() == "等"
                    && WORDS.enumeration_omission.words.deng_words.iter().any(|w| tail.starts_with(w.as_str()))
                {
                    continue;
                }
                let mark_span = line.span.sub(mark.start(), mark.end());
                let span = line.span.sub(mark.start(), deng.end());
                if cx.doc.masks.hits(others_words, span) {
                    continue;
                }
                let d = deng.as_str();
                let finding = if mark.as_str() == "、" {
                    Finding::new(span, format!("“{d}”前不加顿号：“、{d}”"))
                        .fix(Fix::safe("删去顿号", vec![Edit::delete(mark_span)]))
                        .en(format!("No 、 before “{d}”"))
                } else {
                    Finding::new(span, format!("省略号与“{d}”不连用：“……{d}”"))
                        .fix(Fix::safe("删去省略号", vec![Edit::delete(mark_span)]))
                        .en(format!("Do not use an ellipsis together with “{d}”"))
                };
                out.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn word_list_examples() {
        for e in &super::WORDS.enumeration_omission.examples_fire {
            assert!(!codes_in("t.txt", &format!("{e}。\n"), "GW407").is_empty(), "{e} should fire");
        }
        for e in &super::WORDS.enumeration_omission.examples_silent {
            assert!(codes_in("t.txt", &format!("{e}。\n"), "GW407").is_empty(), "{e} should stay silent");
        }
    }

    #[test]
    fn ellipsis_forms() {
        assert_fixed(
            "完善教育、医疗、养老...\n加强统筹。。。\n推进改革…\n深化改革………\n",
            "GW407",
            "完善教育、医疗、养老……\n加强统筹……\n推进改革……\n深化改革……\n",
        );
    }

    #[test]
    fn deng_after_ellipsis_or_dunhao() {
        assert_fixed(
            "加快交通、水利、能源、等基础设施建设，完善教育、医疗、养老……等公共服务，做好防汛、防台、等等工作。\n",
            "GW407",
            "加快交通、水利、能源等基础设施建设，完善教育、医疗、养老等公共服务，做好防汛、防台等等工作。\n",
        );
    }

    #[test]
    fn correct_forms_and_other_words() {
        let text = "完善教育、医疗、养老等公共服务……\n评定质量、等级和信用。\n详见https://example.org/a...b，版本1.2.3。\n\
引用原文：To be continued...\n他说：“交通、水利……等等。”\n…………\n";
        assert!(codes_in("t.txt", text, "GW407").is_empty(), "{:?}", codes_in("t.txt", text, "GW407"));
    }
}
