use super::common::{after, continues_number, prev_char};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct RangeUnits;

static META: RuleMeta = RuleMeta {
    code: "GW503",
    name: "range-units",
    summary: "数值范围两端的“%”“万”“亿”不省略",
    category: Category::Numbers,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15835-2011 数值范围：“如果省略数值的附加符号或计量单位会造成歧义，则不应省略”，示例“9亿～16亿（不写为9～16亿）”“13万元～17万元（不写为13～17万元）”",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "表示数值范围时，百分号和“万”“亿”“万亿”等数量级单位，前后两个数都要写：\
“6～8%”写作“6%～8%”，“5～8亿元”写作“5亿～8亿元”。“5至8亿元”同样有歧义（可读作“5”至“8亿元”），一并报告。\n\n\
只处理这几种附加符号；“100～150千克”这类计量单位按 GB/T 15835 可以只写在后一个数后面，不报告；没有单位的范围（“2～3次”）不报告，\
连接号本身的写法由 GW406 检查。书名号、引号内的文字不检查。\n\n\
在前一个数后补上同样的符号或单位，不改变原意，`--fix` 直接修改。",
    bad: "增速保持在6～8%，总投资5～8亿元。",
    good: "增速保持在6%～8%，总投资5亿～8亿元。",
};

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>[0-9]+(?:\.[0-9]+)?)[ \t]*(?:～|~|〜|—|–|-|－|至|到)[ \t]*(?P<b>[0-9]+(?:\.[0-9]+)?)[ \t]*(?P<unit>[%％]|万亿|亿|万)").expect("valid")
});

impl Rule for RangeUnits {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.chars.may_contain_any(&['%', '％', '万', '亿']) {
                continue;
            }
            for c in RANGE.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let a = c.name("a").expect("group");
                let unit = c.name("unit").expect("group");
                let prev = prev_char(s, a.start());
                // Part of a code, a date or a longer range: G15-3%, 2023-5-8万.
                if continues_number(prev) || matches!(prev, Some('-' | '－' | '～' | '~' | '—' | '–')) {
                    continue;
                }
                // 万分之一, 亿分之三: a fraction, not a magnitude.
                if after(s, unit.end()).starts_with("分之") {
                    continue;
                }
                let span = line.span.sub(whole.start(), whole.end());
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let u = unit.as_str();
                let original = whole.as_str();
                let at = line.span.start + a.end();
                let mut expected = original.to_string();
                expected.insert_str(a.end() - whole.start(), u);
                out.push(
                    Finding::new(span, format!("数值范围“{original}”省略了前一个数的“{u}”，应写作“{expected}”"))
                        .help(format!("范围两端都写“{u}”，避免歧义"))
                        .fix(Fix::safe(format!("在“{}”后补“{u}”", a.as_str()), vec![Edit::insert(at, u)]))
                        .en(format!("Range “{original}” drops “{u}” after the first number; write “{expected}”")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn adds_the_missing_unit() {
        assert_fixed("增速保持在6～8%，总投资5～8亿元。\n", "GW503", "增速保持在6%～8%，总投资5亿～8亿元。\n");
        assert_fixed("每人补助1.5至2万元，规模3-5万亿元。\n", "GW503", "每人补助1.5万至2万元，规模3万亿-5万亿元。\n");
    }

    #[test]
    fn complete_ranges_and_unitless_ranges_are_silent() {
        let text =
            "增长6%～8%，投资5亿～8亿元，每月召开 2-3 次，面积100～150平方米，误差控制在1～2万分之一，2023-2025年。\n";
        assert!(codes_in("t.txt", text, "GW503").is_empty(), "{:?}", codes_in("t.txt", text, "GW503"));
    }
}
