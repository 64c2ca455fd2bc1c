use super::common::{cannot_check, dates_in, issue_date, param};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct MeetingRequest10Workdays;

static META: RuleMeta = RuleMeta {
    code: "GW703",
    name: "meeting-request-10-workdays",
    summary: "全市性会议、重要活动原则上提前10个工作日请示",
    category: Category::Deadlines,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::Jiangmen,
    source: "《江门市人民政府工作规则》二十五：“市政府各部门召开全市性会议和举行重要活动，主办部门应事先征得市政府分管领导同志同意，原则上提前10个工作日正式向市政府报送请示”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "部门召开全市性会议、举行重要活动，要在会前（规则包参数 `workdays`，默认 10）个工作日报送请示。\
本规则对请示中“拟于/定于X月X日召开全市……会议/举办……活动”，用成文日期和拟定日期计算相隔的工作日，不足时警告，\
并给出按期报送的最晚成文日期。未写“已征得分管领导同意”时另作提示。“原则上”——紧急会议可例外，所以只是警告。",
    bad: "成文日期2024年9月20日，请示“拟于9月26日召开全市安全生产工作会议”。",
    good: "成文日期2024年9月6日，拟于9月26日召开。",
};

static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(拟于|定于|计划于|拟定于)(?P<rest>[^。]{0,40}?(召开|举办|举行)[^。]{0,30}?(全市|全县|全区)?[^。]{0,20}?(会议|大会|活动|论坛|节|赛|仪式))").expect("valid")
});
static CITYWIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"全市|全县|全区|活动|大会|论坛|节|赛|仪式").expect("valid"));
static LEADER_CONSENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(分管|市领导|市政府领导)[^。]{0,12}同意").expect("valid"));

impl Rule for MeetingRequest10Workdays {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.kind() != Some(DocKind::请示) {
            return;
        }
        // JM二十五 binds the government's departments; a 群团 or a county is not one.
        if doc
            .parties
            .sender
            .as_ref()
            .is_some_and(|s| s.kind != crate::org::OrgKind::Department && s.kind != crate::org::OrgKind::Unknown)
        {
            return;
        }
        let Some(issued) = issue_date(cx) else { return };
        let text = cx.text();
        let limit = param(cx, "workdays", 10);
        for p in doc.body_paragraphs() {
            let s = p.span.text(text);
            let Some(c) = PLANNED.captures(s) else { continue };
            let whole = c.get(0).expect("match");
            if !CITYWIDE.is_match(whole.as_str()) {
                continue;
            }
            let span = p.span.sub(whole.start(), whole.end());
            let Some(planned) = dates_in(cx, span, Some(issued)).into_iter().next() else { continue };
            match cx.calendar.workdays_between(issued, planned.date) {
                Ok(n) if n < limit => {
                    let latest = latest_issue(cx, planned.date, limit);
                    out.push(
                        Finding::new(
                            planned.span,
                            format!(
                                "请示距拟办日期（{}）只有{n}个工作日，原则上应提前{limit}个工作日报送",
                                planned.date.zh()
                            ),
                        )
                        .help(match latest {
                            Some(d) => format!("按期报送的成文日期不晚于{}；确属紧急的，请在请示中说明理由", d.zh()),
                            None => "提前报送；确属紧急的，请在请示中说明理由".into(),
                        }),
                    );
                }
                Ok(_) => {}
                Err(missing) => out.push(Finding::new(planned.span, cannot_check(&missing)).severity(Severity::Info)),
            }
            let consent = doc.body_paragraphs().any(|q| LEADER_CONSENT.is_match(q.span.text(text)));
            if !consent {
                out.push(
                    Finding::new(span, "召开全市性会议、举行重要活动应事先征得分管领导同意，请示中未见说明")
                        .help("写明“已征得市政府分管领导同意”")
                        .severity(Severity::Info),
                );
            }
            return;
        }
    }
}

/// The last date from which `planned` is still `limit` working days away.
fn latest_issue(cx: &Context, planned: crate::lang::date::Date, limit: u32) -> Option<crate::lang::date::Date> {
    let mut d = planned;
    for _ in 0..60 {
        d = d.add_days(-1);
        if cx.calendar.workdays_between(d, planned).ok()? >= limit {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const REQUEST: &str = "示例市应急管理局关于召开全市安全生产工作会议的请示\n示例市人民政府：\n经市政府分管领导同意，我局拟于9月26日召开全市安全生产工作会议。\n妥否，请批示。\n示例市应急管理局\n2024年9月20日\n";

    #[test]
    fn too_close_to_the_meeting() {
        let d = lint_text("t.txt", REQUEST, "GW703");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].help.as_deref().unwrap().contains("2024年9月11日"), "{:?}", d[0].help);
    }

    #[test]
    fn in_time_is_silent() {
        assert!(codes_in("t.txt", &REQUEST.replace("2024年9月20日", "2024年9月6日"), "GW703").is_empty());
    }
}
