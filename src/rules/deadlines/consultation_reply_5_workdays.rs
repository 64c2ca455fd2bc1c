use super::common::{cannot_check, dates_in, issue_date, param, stated_date};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ConsultationReply5Workdays;

static META: RuleMeta = RuleMeta {
    code: "GW704",
    name: "consultation-reply-5-workdays",
    summary: "征求意见、会签一般应在5个工作日内回复",
    category: Category::Deadlines,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::Jiangmen,
    source: "《江门市人民政府工作规则》二十九：“部门之间征求意见或会签文件时，除主办部门另有时限要求外，一般应在5个工作日内回复……逾期不回复视为无不同意见。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "征求意见、会签默认给对方 5 个工作日（规则包参数 `workdays`）。本规则：\n\n\
- 征求意见的文稿（标题或正文有“征求……意见”）要求“请于X月X日前反馈”，而这个期限距成文日期不足规定的工作日数：\
提示给了几个工作日、最早的合规日期是哪天（主办部门可以另定时限，所以只作提示）；\n\
- 征求意见却没有写回复时限：提示写明时限和“逾期未反馈视为无不同意见”；\n\
- 复函（“来函收悉”）晚于来函日期（前置元数据“来函日期”）加规定的工作日数：警告。\n\n\
工作日按 `lints/calendar/` 中的国务院办公厅节假日安排计算，起算日不计入；日历中没有的年份不核对，并提示补充。",
    bad: "（征求意见函，成文日期2025年9月29日）请于10月9日前反馈意见。",
    good: "请于10月13日前书面反馈意见，逾期未反馈视为无不同意见。",
};

/// The draft itself asks for comments: 现征求/现送你们征求/请……提出（修改）意见/征求意见稿.
static ASKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"现[^。]{0,30}征求|送[^。]{0,10}征求|征求你(?:们|单位|局|委|办|府)?[^。]{0,10}意见|请[^。]{0,40}(?:提出|反馈|提供|研提)[^。]{0,10}意见|请[^。]{0,40}意见[^。]{0,16}(?:反馈|报送|函告|送)|征求意见稿|请予会签|会签[^。]{0,10}(?:文稿|意见)")
        .expect("valid")
});
/// “于X月X日前……反馈”: the deadline and, within the sentence, the act it is for.
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[于在](?P<date>[^。，；]{3,16}?)(之前|以前|前)[^。]{0,40}(反馈|回复|报送|提出|送|函告|返回|告)")
        .expect("valid")
});
/// In a title with its 《》 names emptied: “关于征求《……》意见的函”.
static TITLE_SOLICITING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"征求(?:《》)?[^。《]{0,12}意见|会签").expect("valid"));

fn without_book_titles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '《' => {
                if depth == 0 {
                    out.push('《');
                }
                depth += 1;
            }
            '》' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.push('》');
                }
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A date followed by 前 anywhere: enough to know the draft does set a deadline.
static ANY_DEADLINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[日号](之前|以前|前)").expect("valid"));
static REPLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(来函|征求意见函|来文)收悉|《[^》]+》[^。]{0,30}收悉").expect("valid"));

impl Rule for ConsultationReply5Workdays {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let workdays = param(cx, "workdays", 5);
        let doc = cx.doc;
        let text = cx.text();
        let Some(issued) = issue_date(cx) else { return };
        // The title's own words, not the name of a document in 《》 (“关于征求《……征求意见稿》”
        // counts by its 征求, a reply citing 《关于征求……意见的函》 does not).
        let title_solicits =
            doc.title.as_ref().is_some_and(|t| TITLE_SOLICITING.is_match(&without_book_titles(&t.text)));
        // Restating the rule (“征求意见……一般应在5个工作日内回复”) or reporting a consultation
        // (“已征求……意见”) is not asking: the draft must itself ask for comments.
        let body_solicits = doc.body_paragraphs().any(|p| {
            let s = p.span.text(text);
            ASKING.find_iter(s).any(|m| {
                // “请示……应当提出倾向性意见” speaks of a 请示; it asks nothing.
                if m.as_str().starts_with("请示") {
                    return false;
                }
                let done = ["已", "经", "曾", "均"].iter().any(|w| s[..m.start()].ends_with(w));
                !done && !doc.masks.hits(crate::document::MaskSet::NOT_OWN_WORDS, p.span.sub(m.start(), m.end()))
            })
        });
        let is_reply = doc.body_paragraphs().take(2).any(|p| REPLY.is_match(p.span.text(text)));
        if is_reply && doc.kind() == Some(DocKind::函) {
            self.check_reply(cx, issued, workdays, out);
            return;
        }
        if !(title_solicits || body_solicits)
            || matches!(doc.kind(), Some(DocKind::报告 | DocKind::纪要 | DocKind::请示))
        {
            return;
        }
        let mut deadline = None;
        for p in doc.body_paragraphs() {
            let s = p.span.text(text);
            for c in DEADLINE.captures_iter(s) {
                let m = c.name("date").expect("group");
                let span = p.span.sub(m.start(), m.end());
                if let Some(d) = dates_in(cx, span, Some(issued)).into_iter().next() {
                    deadline = Some(d);
                }
            }
        }
        let Some(deadline) = deadline else {
            // A date before 前 that we could not tie to the reply is still a deadline: say nothing.
            if doc.body_paragraphs().any(|p| ANY_DEADLINE.is_match(p.span.text(text))) {
                return;
            }
            let at = doc
                .last_body_paragraph(cx.text())
                .map(|p| p.span)
                .or(doc.title.as_ref().map(|t| t.span))
                .unwrap_or_default();
            out.push(
                Finding::new(at, "征求意见未写明回复时限")
                    .help(format!("写明“请于X月X日前反馈意见，逾期未反馈视为无不同意见”（一般给{workdays}个工作日）")),
            );
            return;
        };
        let given = match cx.calendar.workdays_between(issued, deadline.date) {
            Ok(n) => n,
            Err(missing) => {
                out.push(Finding::new(deadline.span, cannot_check(&missing)));
                return;
            }
        };
        if given >= workdays {
            return;
        }
        let earliest = cx.calendar.add_workdays(issued, workdays).map(|d| d.zh()).unwrap_or_else(|m| cannot_check(&m));
        out.push(
            Finding::new(
                deadline.span,
                format!(
                    "回复期限只给了{given}个工作日（{}至{}），短于一般的{workdays}个工作日",
                    issued.zh(),
                    deadline.date.zh()
                ),
            )
            .help(format!("如无特殊原因，期限不早于{earliest}；确需从短的，请说明理由"))
            .en(format!("The reply deadline leaves only {given} working days; the rule is {workdays}")),
        );
    }
}

impl ConsultationReply5Workdays {
    /// A reply letter is late when it goes out more than the allowed working days after the
    /// letter it answers.
    fn check_reply(&self, cx: &Context, issued: crate::lang::date::Date, workdays: u32, out: &mut Vec<Finding>) {
        let Some(received) = stated_date(cx, "来函日期") else { return };
        let Some(date) = &cx.doc.date else { return };
        match cx.calendar.workdays_between(received, issued) {
            Ok(n) if n > workdays => out.push(
                Finding::new(date.span, format!("复函晚于来函{n}个工作日，超过一般的{workdays}个工作日"))
                    .help("不能按期回复的，应主动与主办部门沟通并商定回复时限")
                    .severity(Severity::Warning),
            ),
            Ok(_) => {}
            Err(missing) => out.push(Finding::new(date.span, cannot_check(&missing))),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const LETTER: &str = "示例市发展和改革局关于征求《示例市促进民营经济发展若干措施（征求意见稿）》意见的函\n市直有关单位：\n请于10月9日前将书面意见反馈我局。\n示例市发展和改革局\n2025年9月29日\n";

    #[test]
    fn two_working_days_over_national_day() {
        let d = lint_text("t.txt", LETTER, "GW704");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("2个工作日"), "{}", d[0].message);
        assert!(d[0].help.as_deref().unwrap().contains("2025年10月13日"));
    }

    #[test]
    fn enough_time_is_silent_and_missing_years_are_said() {
        assert!(codes_in("t.txt", &LETTER.replace("10月9日", "10月13日"), "GW704").is_empty());
        let d = lint_text("t.txt", &LETTER.replace("2025年9月29日", "2027年9月29日"), "GW704");
        assert!(d[0].message.contains("2027"), "{}", d[0].message);
    }

    #[test]
    fn a_rule_about_requests_asks_for_no_comments() {
        let notice = "示例市人民政府办公室关于规范请示报送工作的通知\n市政府各部门：\n下级机关的请示事项，如需以本部门名义向市政府请示，应当提出倾向性意见后上报。\n示例市人民政府办公室\n2024年5月10日\n";
        assert!(codes_in("t.txt", notice, "GW704").is_empty());
    }

    #[test]
    fn no_deadline() {
        let d = lint_text("t.txt", &LETTER.replace("请于10月9日前将书面意见反馈我局。", "请提出书面意见。"), "GW704");
        assert!(d[0].message.contains("未写明"));
    }
}
