use super::common::{dates_in, issue_date, param, stated_date};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct MinutesWithin2Days;

static META: RuleMeta = RuleMeta {
    code: "GW701",
    name: "minutes-within-2-days",
    summary: "常务会议、全体会议纪要2天内起草呈批",
    category: Category::Deadlines,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::Jiangmen,
    source: "《江门市人民政府工作规则》二十二：“市政府全体会议和市政府常务会议的纪要，由市政府办公室 2 天内起草呈批，按程序报市长签发。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "全体会议、常务会议的纪要要在会后 2 天内起草呈批。本规则对标题含“全体会议”“常务会议”的纪要，\
取会议日期（前置元数据“会议日期”，或正文开头“X月X日……召开/主持”）和成文日期，相差超过规定天数时提示。\
“2 天”原文未说明是自然日还是工作日，默认按自然日，可在规则包参数中改为工作日（`unit = \"workday\"`）。\
成文日期不一定是呈批日期，因此只作提示。",
    bad: "（常务会议纪要）会议日期2024年3月4日，成文日期2024年3月8日。",
    good: "成文日期2024年3月6日以内。",
};

static MEETING_TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"全体会议|常务会议").expect("valid"));
static HELD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"召开|主持").expect("valid"));

impl Rule for MinutesWithin2Days {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.kind() != Some(DocKind::纪要) || !doc.title.as_ref().is_some_and(|t| MEETING_TITLE.is_match(&t.text)) {
            return;
        }
        let Some(issued) = issue_date(cx) else { return };
        let text = cx.text();
        let meeting = stated_date(cx, "会议日期").or_else(|| {
            let first = doc.body_paragraphs().next()?;
            HELD.is_match(first.span.text(text)).then_some(())?;
            dates_in(cx, first.span, Some(issued)).into_iter().next().map(|m| m.date)
        });
        let Some(meeting) = meeting else { return };
        let days = param(cx, "days", 2);
        let by_workdays = cx.params.get("unit").and_then(|v| v.as_str()) == Some("workday");
        let elapsed = if by_workdays {
            match cx.calendar.workdays_between(meeting, issued) {
                Ok(n) => i64::from(n),
                Err(_) => return,
            }
        } else {
            issued.ordinal() - meeting.ordinal()
        };
        if elapsed > i64::from(days) {
            let unit = if by_workdays { "个工作日" } else { "天" };
            let at = doc.date.as_ref().map(|d| d.span).unwrap_or_default();
            out.push(
                Finding::new(
                    at,
                    format!("纪要在会议（{}）后{elapsed}{unit}才成文，超过{days}{unit}内起草呈批的要求", meeting.zh()),
                )
                .help("会后及时起草呈批；如成文日期不是呈批日期，可忽略本提示"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const MINUTES: &str =
        "示例市人民政府常务会议纪要\n2024年3月4日，市长主持召开市政府第15次常务会议。\n会议议定如下。\n2024年3月8日\n";

    #[test]
    fn late_minutes() {
        assert_eq!(lint_text("t.txt", MINUTES, "GW701").len(), 1);
    }

    #[test]
    fn timely_minutes_and_other_meetings_are_silent() {
        assert!(codes_in("t.txt", &MINUTES.replace("3月8日\n", "3月6日\n"), "GW701").is_empty());
        assert!(codes_in("t.txt", &MINUTES.replace("常务会议纪要", "专题会议纪要"), "GW701").is_empty());
    }
}
