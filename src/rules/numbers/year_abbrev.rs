use super::common::{after, before, hits_any, issue_year, owned_elsewhere, prev_char, value};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct YearAbbrev;

static META: RuleMeta = RuleMeta {
    code: "GW501",
    name: "year-abbrev",
    summary: "年份不简写（“23年底”应为“2023年底”）",
    category: Category::Numbers,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.2.5、7.3.5.4：“年份应标全称”；GB/T 15835-1995 5.1.1.1：“年份一般不用简写。如1990年不应简作‘九〇年’或‘90年’。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "正文中的年份应写全称，不写“23年底”“截至24年6月”。\n\n\
只在两位数后面明确是年份时报告：后接“X月”“底”“初”“末”“度”“上半年”“下半年”“第X季度”“X季度”，\
或前有“截至”“截止”、前有“自”“从”且后接“起”“以来”“开始”。\
“工作23年”“23年来”“近10年间”这类时长不报告；发文字号由 GW302 检查，成文日期由 GW303 检查；引号、书名号内的文字不检查。\n\n\
补全的世纪取自成文日期（没有成文日期时按 20XX 补全），须人工确认（`--unsafe-fixes`）。",
    bad: "截至23年底，全市累计建成5G基站4200个。",
    good: "截至2023年底，全市累计建成5G基站4200个。",
};

static YY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{2}年").expect("valid"));
static POINT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{1,2}月|底|初|末|年底|年初|年末|度|上半年|下半年|第[一二三四1-4]季度|[一二三四1-4]季度|前三季度|春节|元旦|同期|相比|同比)").expect("valid")
});
/// Words after “自/从 YY年” that make it a point in time.
static FROM_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:起|以来|开始)").expect("valid"));
/// A count of years is a duration, never a year: 近10年, 满20年, 第15年.
const DURATION_BEFORE: &str = "近第每满前后余多约超逾达历这那该数几十共用计再连整";

impl Rule for YearAbbrev {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let owned = owned_elsewhere(cx);
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        let issued = issue_year(cx);
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            // The pattern ends in 年; asking whether the line holds it rules out most lines far faster.
            if !line.holds(text, '年') {
                continue;
            }
            for m in YY.find_iter(s) {
                let prev = prev_char(s, m.start());
                if prev.is_some_and(|p| {
                    p.is_ascii_digit()
                        || matches!(p, '.' | '〔' | '[' | '［' | '【' | '-' | '/' | '～' | '~' | '—' | '、')
                        || p.is_ascii_alphabetic()
                        || DURATION_BEFORE.contains(p)
                }) {
                    continue;
                }
                let rest = after(s, m.end());
                let head = before(s, m.start());
                // 坚守23年初心不改: 初/底 starting a word after a duration.
                if ["初心", "初衷", "底线", "底气", "底色", "度过"].iter().any(|w| rest.starts_with(w)) {
                    continue;
                }
                // 较23年, 比22年, 与23年相比: a comparison names a year, not a span of years.
                let compared = ["较", "比", "与", "同"].iter().any(|w| head.ends_with(w));
                let point = POINT_AFTER.is_match(rest)
                    || compared
                    || head.ends_with("截至")
                    || head.ends_with("截止")
                    || ((head.ends_with('自') || head.ends_with('从'))
                        && FROM_AFTER.is_match(rest)
                        && !["起算", "起步", "起计"].iter().any(|w| rest.starts_with(w)));
                if !point {
                    continue;
                }
                let span = line.span.sub(m.start(), m.end());
                if cx.doc.masks.hits(skip, span) || hits_any(&owned, span) {
                    continue;
                }
                let yy = &m.as_str()[..2];
                let Some(short) = value(yy) else { continue };
                let full = complete(short, issued);
                let original = m.as_str();
                out.push(
                    Finding::new(span, format!("年份“{original}”不应简写，应写全称（如“{full}年”）"))
                        .help("年份写四位数字，如“2023年底”")
                        .fix(Fix::unsafe_(format!("改为“{full}年”"), vec![Edit::replace(span, format!("{full}年"))]))
                        .en(format!("Abbreviated year “{original}”; write it in full, e.g. “{full}年”")),
                );
            }
        }
    }
}

/// The full year for a two-digit one: the century of the issue date, unless that puts it more
/// than thirty years after the issue date; without an issue date, 2000–2050 or 1951–1999.
fn complete(short: u32, issued: Option<u32>) -> u32 {
    let base = issued.unwrap_or(2020);
    let mut full = base / 100 * 100 + short;
    if full > base + 30 {
        full -= 100;
    }
    full
}

#[cfg(test)]
mod tests {
    use super::complete;
    use crate::diagnostic::Applicability;
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn abbreviated_years_are_flagged() {
        let d = lint_text("t.txt", "截至23年底，全市累计建成5G基站4200个。\n", "GW501");
        assert_eq!(d.len(), 1);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.edits[0].replacement, "2023年");
        assert_eq!(codes_in("t.txt", "24年6月启动，24年上半年完成，自22年起实施，23年度预算。\n", "GW501").len(), 4);
    }

    #[test]
    fn durations_and_full_years_are_silent() {
        let text = "他在基层工作23年，23年来坚持不懈，近10年底数清楚，连续12年保持增长，坚守30年初心不改。\n2023年底完成，示府〔23〕5号，延长至20年。使用年限从10年起算的除外。\n";
        assert!(codes_in("t.txt", text, "GW501").is_empty(), "{:?}", codes_in("t.txt", text, "GW501"));
    }

    #[test]
    fn century_follows_issue_date() {
        assert_eq!(complete(23, Some(2024)), 2023);
        assert_eq!(complete(99, Some(2024)), 1999);
        assert_eq!(complete(30, None), 2030);
    }
}
