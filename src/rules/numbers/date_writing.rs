use super::common::{after, continues_number, hits_any, in_table_row, next_char, owned_elsewhere, prev_char, value};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet, Part};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct DateWriting;

static META: RuleMeta = RuleMeta {
    code: "GW502",
    name: "date-writing",
    summary: "日期不编虚位；“日”不写“号”；时刻写“时”",
    category: Category::Numbers,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.5.4：成文日期“月、日不编虚位（即1不编为01）”（正文中的日期从同）；GB/T 15835 时刻的写法（如“15时40分”）；实务：正文日期用“日”不用“号”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查正文、标题、附件中的日期写法：\n\n\
- 月、日不编虚位：“2024年07月05日”应为“2024年7月5日”；\n\
- 日期用“日”不用“号”：“3月5号”应为“3月5日”；\n\
- 正文中不用“2024.3.5”“2024/3/5”这类扩展格式，写作“2024年3月5日”；\n\
- 时刻写“时”不写“点”：“下午3点”写作“下午3时”（提示）。\n\n\
不报告：成文日期行（由 GW303 检查）、版记的印发日期（GW311）、引号和书名号内的文字、表格行和附件中的扩展格式日期（GB/T 15835 允许在表格等处使用）。\
“5号楼”“3号线”这类编号不是日期，不报告；“X月X号”后紧接名词（楼、线、院、馆……）时不改。\n\n\
去虚位和“号”改“日”是确定的修改，`--fix` 直接完成；“号”后接不常见的汉字、扩展格式改写、“点”改“时”需人工确认（`--unsafe-fixes`）。",
    bad: "请于2024年07月05号前报送",
    good: "请于2024年7月5日前报送",
};

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y>[0-9]{4}年)?(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})(?P<suf>[日号]))?").expect("valid")
});
static EXPANDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y>[0-9]{4})(?P<s1>[./])(?P<m>[0-9]{1,2})(?P<s2>[./])(?P<d>[0-9]{1,2})").expect("valid")
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<pre>上午|下午|晚上|早上|中午|凌晨|傍晚|夜间)?(?P<h>[0-9]{1,2})点(?P<rest>[0-9]{1,2}分|半|整)?")
        .expect("valid")
});

/// After “X月X号”: a noun that makes “X号” a label (5号楼, 3号线), not a day.
const LABEL_NOUNS: &str = "楼栋幢座院线馆门窗房室厅台桥街路码床仓库井坑位车船站厂箱柜洞桩孔罐舱巷弄令机文件";
/// After “X月X号”: words that follow a date (前, 起, 上午, 召开…), so “号” is surely the day.
const DATE_FOLLOWERS: &str = "前后起止至到以之当上下晚早中凌傍召举开在为是的及和与或截零全期那这正左";

/// After “3点整”“3点半”: what may follow a clock time.
const CLOCK_FOLLOWERS: &str = "前后起至到以召举开在的出集准左正";

enum Hao {
    Day,
    Maybe,
    Label,
}

fn classify_hao(next: Option<char>) -> Hao {
    match next {
        None => Hao::Day,
        Some(c) if LABEL_NOUNS.contains(c) => Hao::Label,
        Some(c) if c.is_ascii_digit() || c.is_ascii_alphabetic() => Hao::Label,
        Some(c) if !is_han(c) || DATE_FOLLOWERS.contains(c) => Hao::Day,
        Some(_) => Hao::Maybe,
    }
}

fn skip_set() -> MaskSet {
    MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote)
}

impl Rule for DateWriting {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let owned = owned_elsewhere(cx);
        for (line, part) in &cx.doc.lines {
            let s = line.span.text(text);
            if line.chars.is_ascii() && !line.chars.may_contain_any(&['.', '/']) {
                continue;
            }
            let skip = |span: Span| cx.doc.masks.hits(skip_set(), span) || hits_any(&owned, span);
            // Each pattern needs its literal, which most lines lack.
            if line.holds(text, '月') {
                check_dates(s, line.span, &skip, out);
            }
            if line.holds_any(text, &['.', '/'])
                && !matches!(part, Part::Attachment(_))
                && !in_table_row(text, line.span)
            {
                check_expanded(s, line.span, &skip, out);
            }
            if line.holds(text, '点') {
                check_clock(s, line.span, &skip, out);
            }
        }
    }
}

fn check_dates(s: &str, line: Span, skip: &dyn Fn(Span) -> bool, out: &mut Vec<Finding>) {
    // A date is reported only for a month or day written with a leading 0 or a day ending 号;
    // most are written right, and their groups (several times the search's cost) are not read.
    let may_be_wrong = |m: &regex::Match| {
        let d = m.as_str();
        d.starts_with('0') || d.contains("年0") || d.contains("月0") || d.ends_with('号')
    };
    for date in DATE.find_iter(s).filter(may_be_wrong) {
        let Some(c) = DATE.captures_at(s, date.start()) else { continue };
        let whole = c.get(0).expect("match");
        if prev_char(s, whole.start()).is_some_and(|p| p.is_ascii_digit() || p == '.') {
            continue;
        }
        let m = c.name("m").expect("group").as_str();
        let d = c.name("d").map(|x| x.as_str());
        let Some(month) = value(m) else { continue };
        if !(1..=12).contains(&month) || d.and_then(value).is_some_and(|v| !(1..=31).contains(&v)) {
            continue;
        }
        let span = line.sub(whole.start(), whole.end());
        if skip(span) {
            continue;
        }
        let mut problems = Vec::new();
        let padded = |x: &str| x.len() > 1 && x.starts_with('0');
        if padded(m) || d.is_some_and(padded) {
            problems.push("月、日不编虚位");
        }
        let mut certain = true;
        let suf = c.name("suf").map(|x| x.as_str());
        if suf == Some("号") {
            match classify_hao(next_char(s, whole.end())) {
                Hao::Label => continue,
                Hao::Maybe => certain = false,
                Hao::Day => {}
            }
            problems.push("日期用“日”不用“号”");
        }
        if problems.is_empty() {
            continue;
        }
        let y = c.name("y").map_or("", |x| x.as_str());
        let mut expected = format!("{y}{month}月");
        if let Some(d) = d.and_then(value) {
            expected.push_str(&format!("{d}日"));
        }
        let original = whole.as_str();
        let edit = vec![Edit::replace(span, expected.clone())];
        let message = format!("改为“{expected}”");
        let fix = if certain { Fix::safe(message, edit) } else { Fix::unsafe_(message, edit) };
        out.push(
            Finding::new(span, format!("日期“{original}”写法不规范：{}", problems.join("；")))
                .help(format!("写作“{expected}”"))
                .fix(fix)
                .en(format!("Write the date “{original}” as “{expected}”")),
        );
    }
}

fn check_expanded(s: &str, line: Span, skip: &dyn Fn(Span) -> bool, out: &mut Vec<Finding>) {
    for c in EXPANDED.captures_iter(s) {
        let whole = c.get(0).expect("match");
        if c["s1"] != c["s2"]
            || continues_number(prev_char(s, whole.start()))
            || prev_char(s, whole.start()) == Some('-')
        {
            continue;
        }
        let next = next_char(s, whole.end());
        if continues_number(next)
            || next == Some('-')
            || after(s, whole.end()).starts_with(['版', '级', '节', '条', '款', '章'])
        {
            continue;
        }
        let (Some(y), Some(m), Some(d)) = (value(&c["y"]), value(&c["m"]), value(&c["d"])) else { continue };
        if !(1900..=2099).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            continue;
        }
        let span = line.sub(whole.start(), whole.end());
        if skip(span) {
            continue;
        }
        let expected = format!("{y}年{m}月{d}日");
        out.push(
            Finding::new(span, format!("正文中的日期“{}”应写作“{expected}”", whole.as_str()))
                .help("扩展格式日期只用于表格、注释等处；正文写“年、月、日”")
                .fix(Fix::unsafe_(format!("改为“{expected}”"), vec![Edit::replace(span, expected.clone())]))
                .en(format!("Write the date “{}” as “{expected}” in running text", whole.as_str())),
        );
    }
}

fn check_clock(s: &str, line: Span, skip: &dyn Fn(Span) -> bool, out: &mut Vec<Finding>) {
    for c in CLOCK.captures_iter(s) {
        let whole = c.get(0).expect("match");
        let (pre, rest) = (c.name("pre"), c.name("rest"));
        if pre.is_none() && rest.is_none() {
            continue;
        }
        // 3点整改意见, 3点半数: 整/半 starting a word is not a clock time.
        if rest.is_some_and(|r| matches!(r.as_str(), "整" | "半"))
            && next_char(s, whole.end()).is_some_and(|n| is_han(n) && !CLOCK_FOLLOWERS.contains(n))
        {
            continue;
        }
        let h = c.name("h").expect("group");
        if prev_char(s, h.start()).is_some_and(|p| p.is_ascii_digit() || p == '.' || p == '第')
            || value(h.as_str()).is_none_or(|v| v > 24)
        {
            continue;
        }
        let span = line.sub(whole.start(), whole.end());
        if skip(span) {
            continue;
        }
        let rest_new = match rest.map(|r| r.as_str()) {
            Some("半") => "30分".to_string(),
            Some(r) => r.to_string(),
            None => String::new(),
        };
        let expected = format!("{}{}时{rest_new}", pre.map_or("", |p| p.as_str()), h.as_str());
        out.push(
            Finding::new(span, format!("时刻“{}”宜写作“{expected}”", whole.as_str()))
                .help("公文中的时刻用“时”“分”，不用“点”")
                .severity(Severity::Info)
                .fix(Fix::unsafe_(format!("改为“{expected}”"), vec![Edit::replace(span, expected.clone())]))
                .en(format!("Write the time “{}” as “{expected}”", whole.as_str())),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Applicability, Severity};
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn padded_dates_and_hao() {
        assert_fixed("请于2024年07月05号前报送。\n", "GW502", "请于2024年7月5日前报送。\n");
        assert_fixed("会议定于3月5号上午召开。\n", "GW502", "会议定于3月5日上午召开。\n");
        assert_fixed("自2024年01月起施行，截至09月30日。\n", "GW502", "自2024年1月起施行，截至9月30日。\n");
    }

    #[test]
    fn hao_before_a_label_noun_is_not_a_day() {
        assert!(codes_in("t.txt", "3月5号楼完成主体封顶，地铁3号线开通，6月1号文件已下发。\n", "GW502").is_empty());
        let d = lint_text("t.txt", "按照3月5号会议精神执行。\n", "GW502");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fix.as_ref().unwrap().applicability, Applicability::Unsafe);
    }

    #[test]
    fn expanded_dates_are_suggestions() {
        let d = lint_text("t.txt", "请于2024.3.5前报送。\n", "GW502");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fix.as_ref().unwrap().applicability, Applicability::Unsafe);
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "2024年3月5日");
        assert!(codes_in("t.txt", "系统升级到V2024.3.5版，标准GB/T 9704.1.2，比例1.2.3。\n", "GW502").is_empty());
    }

    #[test]
    fn clock_times() {
        let d = lint_text("t.txt", "会议于下午3点半召开，9点30分签到。\n", "GW502");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].severity, Severity::Info);
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "下午3时30分");
        assert!(codes_in("t.txt", "提出3点意见，第2点尤为重要，3点整改要求，3点半数以上。\n", "GW502").is_empty());
        assert_eq!(codes_in("t.txt", "8点半前到达，9点整出发。\n", "GW502").len(), 2);
    }

    #[test]
    fn issue_date_line_and_correct_dates_are_silent() {
        let text = "关于开展检查的通知\n各区人民政府：\n请于2024年7月5日前报送，10月1日起施行。\n示例市人民政府\n2024年07月05日\n";
        assert!(codes_in("t.txt", text, "GW502").is_empty(), "{:?}", codes_in("t.txt", text, "GW502"));
    }
}
