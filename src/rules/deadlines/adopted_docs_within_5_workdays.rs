use super::common::{cannot_check, dates_in, issue_date, param, stated_date};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::lang::dates::find_dates;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct AdoptedDocsWithin5Workdays;

static META: RuleMeta = RuleMeta {
    code: "GW702",
    name: "adopted-docs-within-5-workdays",
    summary: "会议通过、需作修改的文件原则上5个工作日内印发",
    category: Category::Deadlines,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::Jiangmen,
    source: "《江门市人民政府工作规则》二十二：“市政府全体会议和市政府常务会议讨论通过决定印发的文件，不需修改的立即印发，需作修改的原则上须在会议结束后 5 个工作日内印发。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "文中写明“经市政府第N次常务会议审议通过”的文件，其印发日期（版记“……印发”，没有则取成文日期）\
晚于会议日期加规定的工作日数（规则包参数 `workdays`，默认 5）时提示。会议日期取同一句中的日期或前置元数据“会议日期”。\
“原则上”——会签、合法性审查等程序可能合理地延后，因此只作提示。日历中没有的年份不核对。",
    bad: "“已经2024年5月6日市政府第15次常务会议审议通过”，版记“2024年5月20日印发”。",
    good: "2024年5月10日印发。",
};

static ADOPTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"经[^。]{0,40}(常务会议|全体会议)[^。]{0,8}(审议|讨论|研究)?通过").expect("valid"));

impl Rule for AdoptedDocsWithin5Workdays {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // An 议案 takes the 草案 the meeting adopted to the 人大 for 审议: it is submitted, not
        // a document the meeting decided to 印发.
        if doc.kind() == Some(DocKind::议案) {
            return;
        }
        let text = cx.text();
        let Some(issued) = issue_date(cx) else { return };
        let printed =
            doc.colophon.print_date.as_ref().and_then(|f| find_dates(&f.text, f.span.start, None).into_iter().next());
        let (out_date, at) = match &printed {
            Some(p) => (p.date, p.span),
            None => (issued, doc.date.as_ref().map(|d| d.span).unwrap_or_default()),
        };
        for p in doc.body_paragraphs() {
            let s = p.span.text(text);
            let Some(m) = ADOPTED.find(s) else { continue };
            let sentence = p.span.sub(m.start(), m.end());
            let meeting = dates_in(cx, sentence, Some(issued))
                .into_iter()
                .next()
                .map(|d| d.date)
                .or_else(|| stated_date(cx, "会议日期"));
            let Some(meeting) = meeting else { continue };
            let limit = param(cx, "workdays", 5);
            match cx.calendar.workdays_between(meeting, out_date) {
                Ok(n) if n > limit => out.push(
                    Finding::new(
                        at,
                        format!("会议（{}）通过的文件在{n}个工作日后才印发，原则上应在{limit}个工作日内", meeting.zh()),
                    )
                    .help("需作修改的文件在会议结束后及时印发；确因程序延后的，可忽略本提示"),
                ),
                Ok(_) => {}
                Err(missing) => out.push(Finding::new(at, cannot_check(&missing)).severity(Severity::Info)),
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const NOTICE: &str = "示例市人民政府关于印发《示例市养犬管理办法》的通知\n各区人民政府：\n《示例市养犬管理办法》已经2024年5月6日市政府第15次常务会议审议通过，现印发给你们。\n示例市人民政府\n2024年5月20日\n";

    #[test]
    fn issued_too_late() {
        assert_eq!(lint_text("t.txt", NOTICE, "GW702").len(), 1);
    }

    #[test]
    fn a_bill_submitted_after_the_meeting_is_not_late_issuance() {
        let bill = "示例市人民政府关于提请审议《示例市养犬管理条例（草案）》的议案\n示例市人民代表大会常务委员会：\n《示例市养犬管理条例（草案）》已经2024年5月6日市人民政府第15次常务会议讨论通过，现提请审议。\n市长　张某\n2024年5月20日\n";
        assert!(codes_in("t.txt", bill, "GW702").is_empty());
    }

    #[test]
    fn issued_in_time() {
        assert!(codes_in("t.txt", &NOTICE.replace("5月20日", "5月10日"), "GW702").is_empty());
    }
}
