use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DOC_NUMBER, MaskSet, Standard};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct RangeConnector;

static META: RuleMeta = RuleMeta {
    code: "GW406",
    name: "range-connector",
    summary: "数值范围、起止年份用“～”或“—”，不用短横线",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15835-2011 数值范围（示例“100～150kg”“400—429页”）；GB/T 15834-2011 4.13 连接号",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "数值范围用浪纹线“～”（或一字线“—”），起止年份用一字线“—”，不用短横线“-”、半角波浪号“~”或英文连接号“–”：\
“每月召开2-3次”写作“2～3次”，“（2023-2025年）”写作“（2023—2025年）”。\n\n\
数值范围的连接号可在 `[rules.GW406] range-connector` 中改为 \"—\" 或 \"至\"（默认 \"～\"）；起止年份总是用“—”。\
已经写作“～”或“—”的数值范围不报。\
2012年6月1日（GB/T 15834-2011 施行）之前成文的文件不检查：此前的 GB/T 15834-1995 把半字线“-”列为连接号的一种，未按用途区分。\n\n\
不报：日期“2024-03-05”、电话“0750-3501234”、标准号“GB/T 9704-2012”、型号和编号（字母开头或三段以上）、\
时间“9:00-11:30”、门牌房号“3-2号”“1-3室”、地块和单元编号“5-8地块”“D7-01地块”“2-1单元”、\
前大后小的“3-2”（比分、编号）、后面不是汉字或“%”的数字对。\
修改是确定的，`--fix` 直接修改。",
    bad: "市政府常务会议一般每月召开2-3次；印发《示例市数字政府建设规划（2023-2025年）》。",
    good: "市政府常务会议一般每月召开2～3次；印发《示例市数字政府建设规划（2023—2025年）》。",
};

/// Two numbers joined by a dash or tilde, with optional spaces and a % on the first.
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>[0-9]+(?:\.[0-9]+)?)(?P<pct>[%％])?(?P<sep>[ \t]*[-－–~～—][ \t]*)(?P<b>[0-9]+(?:\.[0-9]+)?)(?P<pct_b>[%％])?").expect("valid")
});

/// What follows a code made of two numbers — a house or room number (3-2号, 1-3室), a plot in a
/// 控制性详细规划 (5-8地块: 街坊5、地块8), a unit (2-1单元): the pair names one thing, it does not
/// span a range.
const CODED_THINGS: &[&str] =
    &["号", "室", "栋", "幢", "座", "户", "路", "地块", "宗地", "单元", "街区", "区块", "街坊"];

fn configured_connector(cx: &Context) -> &'static str {
    let value = cx.params.get("range-connector").or_else(|| cx.params.get("range_connector")).and_then(|v| v.as_str());
    match value {
        Some("—") => "—",
        Some("至") => "至",
        _ => "～",
    }
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

impl Rule for RangeConnector {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // GB/T 15834-1995, in force before June 2012, listed the 半字线 among the 连接号 without
        // telling ranges and years apart.
        if cx.doc.predates(Standard::Punctuation2011) {
            return;
        }
        let text = cx.text();
        let connector = configured_connector(cx);
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.chars.may_contain_any(&['-', '－', '–', '~', '～', '—']) {
                continue;
            }
            let doc_numbers: Vec<Span> = DOC_NUMBER.find_iter(s).map(|m| Span::new(m.start(), m.end())).collect();
            for c in PAIR.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let (a, b, sep) = (c.name("a").expect("a"), c.name("b").expect("b"), c.name("sep").expect("sep"));
                let rel = Span::new(whole.start(), whole.end());
                let span = line.span.sub(whole.start(), whole.end());
                if doc_numbers.iter().any(|d| d.overlaps(rel)) || cx.doc.masks.hits(MaskSet::NON_TEXT, span) {
                    continue;
                }
                let Some(kind) =
                    classify(s, whole.start(), whole.end(), a.as_str(), b.as_str(), c.name("pct_b").is_some())
                else {
                    continue;
                };
                let mark = sep.as_str().trim_matches([' ', '\t']);
                let wanted = match kind {
                    Range::Years => "—",
                    Range::Numbers => connector,
                };
                let acceptable = match kind {
                    Range::Years => mark == "—",
                    Range::Numbers => matches!(mark, "～" | "—") || mark == connector,
                };
                if acceptable {
                    continue;
                }
                let sep_span = line.span.sub(sep.start(), sep.end());
                let fixed = format!("{}{wanted}{}", &s[a.start()..sep.start()], &s[b.start()..whole.end()]);
                let message = match kind {
                    Range::Years => format!("起止年份应使用一字线“—”连接：“{}”应写作“{fixed}”", whole.as_str()),
                    Range::Numbers => {
                        format!("数值范围应使用“{wanted}”连接，不用“{mark}”：“{}”应写作“{fixed}”", whole.as_str())
                    }
                };
                out.push(
                    Finding::new(span, message)
                        .fix(Fix::safe(format!("改为“{fixed}”"), vec![Edit::replace(sep_span, wanted)]))
                        .en(format!("Use “{wanted}” for a range, not “{mark}”: {fixed}")),
                );
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Range {
    Numbers,
    Years,
}

/// Whether the pair at `s[start..end]` is a range of numbers or years, or something else
/// (a date, a phone or standard number, a model, a time, an address).
fn classify(s: &str, start: usize, end: usize, a: &str, b: &str, percent: bool) -> Option<Range> {
    let before = s[..start].chars().next_back();
    // Part of a longer token: 9:00-11:30, GB/T 9704-2012, A3-5, 1.2.3-4, 2024-03-05.
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || "-－–~～—./:：_#·".contains(c)) {
        return None;
    }
    // 图1-2, 表3-1, 附件1-2: the number of a figure, a table or an attachment.
    if ["图", "表", "附件", "编号", "序号", "代码", "号码", "标段"].iter().any(|w| s[..start].ends_with(w))
    {
        return None;
    }
    let lead = s[..start].trim_end_matches([' ', '\t']);
    if lead.len() < start && lead.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || c == '/') {
        return None;
    }
    let rest = &s[end..];
    let after = rest.chars().next();
    if after.is_some_and(|c| c.is_ascii_alphanumeric() || "-－–~～—./:：_".contains(c)) {
        return None;
    }
    let next = rest.trim_start_matches([' ', '\t']).chars().next();
    // Leading zeros are dates (03-05) and phone numbers (0750-3501234).
    let padded = |n: &str| n.len() > 1 && n.starts_with('0') && !n.starts_with("0.");
    if padded(a) || padded(b) || a.len() > 6 || b.len() > 6 {
        return None;
    }
    let (x, y) = (a.parse::<f64>().ok()?, b.parse::<f64>().ok()?);
    if x >= y {
        return None;
    }
    if is_year(a) && is_year(b) {
        let in_parens = matches!(before, Some('（' | '(')) && matches!(after, Some('）' | ')'));
        if next == Some('年')
            || in_parens
            || ["学年", "赛季"].iter().any(|w| rest.trim_start_matches([' ', '\t']).starts_with(w))
        {
            return Some(Range::Years);
        }
    }
    if percent {
        return Some(Range::Numbers);
    }
    if CODED_THINGS.iter().any(|w| rest.trim_start_matches([' ', '\t']).starts_with(w)) {
        return None;
    }
    match next {
        Some(c) if is_han(c) || c == '%' || c == '％' => Some(Range::Numbers),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn numeric_and_year_ranges() {
        assert_fixed(
            "常务会议一般每月召开2-3次，每次10~15个议题，增幅控制在5%-8%。\n印发《示例市数字政府建设规划（2023-2025年）》和《示例市发展纲要(2021-2035)》，2023-2024学年。\n",
            "GW406",
            "常务会议一般每月召开2～3次，每次10～15个议题，增幅控制在5%～8%。\n印发《示例市数字政府建设规划（2023—2025年）》和《示例市发展纲要(2021—2035)》，2023—2024学年。\n",
        );
        assert_fixed("一般每月召开 2 - 3 次\n", "GW406", "一般每月召开 2～3 次\n");
    }

    #[test]
    fn not_ranges() {
        let text = "会议定于2024-03-05召开，联系电话0750-3501234，执行GB/T 9704-2012标准，\
设备型号A3-5型，时间为9:00-11:30，地点在3-2号楼1-3室，比分3-2获胜，如图1-2所示，详见附件1-2和表2-3。\n\
《控制性详细规划（2016）》5-8地块西侧规划支路调整，03街区D7-01地块，2-1单元。\n\
每月召开2～3次，每次10—15人，规划期为2023—2025年。\n";
        assert!(codes_in("t.txt", text, "GW406").is_empty(), "{:?}", codes_in("t.txt", text, "GW406"));
    }

    #[test]
    fn configured_connector() {
        let text = "每月召开2-3次\n";
        let mut settings = crate::test_support::settings_for("GW406");
        settings.params.insert("GW406".into(), toml::from_str("range-connector = \"至\"").unwrap());
        let source = crate::source::Source::from_text("t.txt", text);
        let orgs = crate::org::OrgView::default();
        let fixed = crate::fix::fix_source(&source, &settings, &orgs, crate::diagnostic::Applicability::Safe);
        assert_eq!(fixed.text, "每月召开2至3次\n");
    }

    #[test]
    fn documents_before_june_2012_are_not_judged() {
        let body =
            "示例省团委关于表彰优秀团干部的通报\n各市团委：\n张某被授予2008-2009年度优秀团干部称号。\n示例省团委\n";
        assert!(codes_in("t.txt", &format!("{body}二○○九年五月二十日\n"), "GW406").is_empty());
        assert_eq!(codes_in("t.txt", &format!("{body}2012年6月1日\n"), "GW406").len(), 1);
    }
}
