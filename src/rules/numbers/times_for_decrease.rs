use super::common::after;
use crate::diagnostic::{Finding, Severity};
use crate::document::MaskSet;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct TimesForDecrease;

static META: RuleMeta = RuleMeta {
    code: "GW508",
    name: "times-for-decrease",
    summary: "“倍”不用于表示减少",
    category: Category::Numbers,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "出版物编校实务：“倍”字不能用于表示减少的场合（减少用分数或百分数表示）",
    fix: FixAvailability::None,
    needs: &[],
    docs: "“倍”只用于增加。“缩短了2倍”“降低一倍”在数学上说不通（减少一倍即减为零），应改写为分数、百分数或写明前后的数值：\
“审批时限缩短了三分之二”“由15个工作日压缩至5个工作日”。\n\n\
只在减少类动词（减少、降低、下降、缩小、压缩、缩短、减轻、减小、削减）后4个字以内出现“X倍”时报告；\
“降至原来的0.5倍”这类写明“至/为/到”的说法、中间出现“增、提、扩、加”等词的句子、“倍增”不报告。\
改写需要人工判断，不提供自动修改。引号、书名号内和所印发文件中的文字不检查。",
    bad: "审批时限缩短了2倍",
    good: "审批时限由15个工作日压缩至5个工作日",
};

static DECREASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<verb>减少|降低|下降|缩小|压缩|缩短|减轻|减小|削减)(?P<gap>[^，。；：、！？,;:\n]{0,4}?)(?P<n>[0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两几数]+)倍").expect("valid")
});

impl Rule for TimesForDecrease {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.holds(text, '倍') {
                continue;
            }
            for c in DECREASE.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let gap = &c["gap"];
                // 降至原来的0.5倍 states a ratio; 增/提/扩/加 mean the 倍 belongs to an increase.
                if gap.contains([
                    '至', '为', '到', '成', '增', '提', '扩', '加', '升', '翻', '高', '快', '比', '是', '的',
                ]) {
                    continue;
                }
                if after(s, whole.end()).starts_with(['增', '数']) {
                    continue;
                }
                let span = line.span.sub(whole.start(), whole.end());
                if cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                    continue;
                }
                let original = whole.as_str();
                out.push(
                    Finding::new(span, format!("“{original}”用“倍”表示减少"))
                        .help("“倍”只用于增加；减少用分数或百分数（如“缩短了三分之二”“下降50%”），或写明前后数值")
                        .en(format!("“{original}” uses 倍 (times) for a decrease; use a fraction or percentage")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::codes_in;

    #[test]
    fn decreases_by_times() {
        let text = "审批时限缩短了2倍，成本降低一倍，能耗下降了1.5倍。\n";
        assert_eq!(codes_in("t.txt", text, "GW508").len(), 3, "{:?}", codes_in("t.txt", text, "GW508"));
    }

    #[test]
    fn increases_and_ratios_are_silent() {
        let text =
            "产值增长了2倍，事故下降至原来的0.5倍，下降速度加快2倍，减少、降低，实施收入倍增计划，减少排放倍数。\n";
        assert!(codes_in("t.txt", text, "GW508").is_empty(), "{:?}", codes_in("t.txt", text, "GW508"));
    }
}
