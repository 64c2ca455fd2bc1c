use super::common::{after, hits_any, owned_elsewhere, prev_char};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::numerals::{is_chinese_numeral_char, parse_chinese_number};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::{Captures, Regex};
use std::sync::LazyLock;

pub struct NumeralFormConsistency;

static META: RuleMeta = RuleMeta {
    code: "GW507",
    name: "numeral-form-consistency",
    summary: "数字形式不混写：同一日期、同类编号用同一种数字形式",
    category: Category::Numbers,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15835-2011 4.3 同类别同形式：“2008年8月8日　二〇〇八年八月八日（不写为‘二〇〇八年8月8日’）”“十一届全国人大一次会议（不写为‘11届全国人大1次会议’）”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "同一个日期、同一组届次不混用阿拉伯数字和汉字数字；阿拉伯数字不与“千”“百”混写。提示三种情况：\n\n\
- 混写的日期：“二〇二四年3月”“2024年三月”“3月五日”，建议全部改为阿拉伯数字（正文日期的常见写法）；\n\
- “3千万元”“5百万”“1.5千亩”这类阿拉伯数字加“千”“百”，建议写作“3000万元”“500万”“1500亩”\
（“千米”“千克”“千瓦”“百分之”等单位和说法不报告）；\n\
- 届次与会次混写：“十四届市人大3次会议”，应统一写作“十四届市人大三次会议”。\n\n\
成文日期行由 GW303 检查；引号、书名号内的文字不检查。改写需人工确认（`--unsafe-fixes`）。",
    bad: "全年完成投资3千万元",
    good: "全年完成投资3000万元",
};

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?P<y>[0-9]{4}|[〇零○一二三四五六七八九]{4})年)?(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:(?P<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?P<suf>[日号]))?").expect("valid")
});
static THOUSANDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<mag>[千百])").expect("valid"));
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>[一二三四五六七八九十]+|[0-9]+)届[^。；，\n]{0,12}?(?P<b>[一二三四五六七八九十]+|[0-9]+)次(?:全体)?(?:会议|全会)").expect("valid")
});
/// Units beginning with 千/百 and idioms with 百分: not a magnitude written in Chinese.
const AFTER_QIAN: &str = "米克瓦帕焦卡伏赫兆分";

fn arabic(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl Rule for NumeralFormConsistency {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let owned = owned_elsewhere(cx);
        let skip_set = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        let skip = |span: Span| cx.doc.masks.hits(skip_set, span) || hits_any(&owned, span);
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if s.is_ascii() {
                continue;
            }
            // Each pattern needs its literal; most lines have none, and asking for it is
            // far cheaper than the pattern's.
            if line.holds(text, '月') {
                // Only a date written with both kinds of numeral can be reported, and most are
                // all Arabic: their groups are read only when the whole match mixes the two
                // (reading groups costs several times the search).
                for date in DATE.find_iter(s).filter(|m| mixes_numerals(m.as_str())) {
                    if let Some(c) = DATE.captures_at(s, date.start()) {
                        mixed_date(s, line.span, &c, &skip, out);
                    }
                }
            }
            if line.holds_any(text, &['千', '百']) {
                for c in THOUSANDS.captures_iter(s) {
                    thousands(s, line.span, &c, &skip, out);
                }
            }
            if !line.chars.may_contain('届') {
                continue;
            }
            for c in SESSION.captures_iter(s) {
                let (a, b) = (&c["a"], &c["b"]);
                if arabic(a) == arabic(b)
                    || prev_char(s, c.get(0).expect("match").start())
                        .is_some_and(|p| p.is_ascii_digit() || is_chinese_numeral_char(p))
                {
                    continue;
                }
                let whole = c.get(0).expect("match");
                let span = line.span.sub(whole.start(), whole.end());
                if skip(span) {
                    continue;
                }
                out.push(
                    Finding::new(span, format!("届次“{a}届”与会次“{b}次”混用汉字数字和阿拉伯数字"))
                        .help("届次、会次统一用汉字数字，如“十四届市人大三次会议”")
                        .en(format!("Session numbers “{a}届” and “{b}次” mix Chinese and Arabic numerals")),
                );
            }
        }
    }
}

/// Whether a date as matched holds an Arabic digit and a Chinese numeral: each of its parts is
/// written in one kind only, so only then can its parts differ.
fn mixes_numerals(date: &str) -> bool {
    date.bytes().any(|b| b.is_ascii_digit()) && date.chars().any(|c| "〇零○一二三四五六七八九十".contains(c))
}

fn mixed_date(s: &str, line: Span, c: &Captures, skip: &dyn Fn(Span) -> bool, out: &mut Vec<Finding>) {
    let whole = c.get(0).expect("match");
    let parts: Vec<&str> = ["y", "m", "d"].iter().filter_map(|n| c.name(n).map(|x| x.as_str())).collect();
    if parts.len() < 2 || parts.iter().all(|p| arabic(p)) || parts.iter().all(|p| !arabic(p)) {
        return;
    }
    let prev = prev_char(s, whole.start());
    if prev.is_some_and(|p| p.is_ascii_digit() || is_chinese_numeral_char(p) || p == '〇') {
        return;
    }
    let span = line.sub(whole.start(), whole.end());
    if skip(span) {
        return;
    }
    let num = |x: &str| if arabic(x) { x.trim_start_matches('0').parse::<u32>().ok() } else { parse_chinese_number(x) };
    let mut expected = String::new();
    let mut ok = true;
    if let Some(y) = c.name("y") {
        match num(y.as_str()) {
            Some(v) => expected.push_str(&format!("{v}年")),
            None => ok = false,
        }
    }
    match num(&c["m"]) {
        Some(v) => expected.push_str(&format!("{v}月")),
        None => ok = false,
    }
    if let (Some(d), Some(suf)) = (c.name("d"), c.name("suf")) {
        match num(d.as_str()) {
            Some(v) => expected.push_str(&format!("{v}{}", suf.as_str())),
            None => ok = false,
        }
    }
    let original = whole.as_str();
    let mut finding = Finding::new(span, format!("日期“{original}”混用汉字数字和阿拉伯数字"))
        .help("同一日期用同一种数字形式，正文一般写阿拉伯数字")
        .en(format!("The date “{original}” mixes Chinese and Arabic numerals"));
    if ok {
        finding = finding.fix(Fix::unsafe_(format!("改为“{expected}”"), vec![Edit::replace(span, expected.clone())]));
    }
    out.push(finding);
}

fn thousands(s: &str, line: Span, c: &Captures, skip: &dyn Fn(Span) -> bool, out: &mut Vec<Finding>) {
    let whole = c.get(0).expect("match");
    let n = c.name("n").expect("group");
    let mag = &c["mag"];
    let prev = prev_char(s, whole.start());
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '.' | '-' | '/' | '_')) {
        return;
    }
    let rest = after(s, whole.end());
    if rest.starts_with(|ch: char| AFTER_QIAN.contains(ch)) || rest.starts_with(|ch: char| ch.is_ascii_digit()) {
        return;
    }
    let span = line.sub(whole.start(), whole.end());
    if skip(span) {
        return;
    }
    let original = whole.as_str();
    let mut finding = Finding::new(span, format!("“{original}”混用阿拉伯数字和汉字数字“{mag}”"))
        .help("写作阿拉伯数字（如“3000万元”），或用“万”“亿”作单位")
        .en(format!("“{original}” mixes an Arabic number with the Chinese “{mag}”"));
    // 2万5千: the number before 万 makes the value a sum; only point it out.
    let after_wan = prev.is_some_and(|p| matches!(p, '万' | '亿'))
        && s.get(..whole.start())
            .is_some_and(|h| h.trim_end_matches(['万', '亿']).ends_with(|ch: char| ch.is_ascii_digit()));
    if !after_wan && let Some(v) = shift(n.as_str(), if mag == "千" { 3 } else { 2 }) {
        finding = finding.fix(Fix::unsafe_(format!("改为“{v}”"), vec![Edit::replace(span, v)]));
    }
    out.push(finding);
}

/// `n` × 10^k as a decimal string: shift("1.5", 3) = "1500".
fn shift(n: &str, k: usize) -> Option<String> {
    let (int, frac) = n.split_once('.').unwrap_or((n, ""));
    let mut frac = frac.to_string();
    while frac.len() < k {
        frac.push('0');
    }
    let (moved, rest) = frac.split_at(k);
    let mut out = format!("{int}{moved}").trim_start_matches('0').to_string();
    if out.is_empty() {
        out.push('0');
    }
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    if out.len() > 24 { None } else { Some(out) }
}

#[cfg(test)]
mod tests {
    use super::shift;
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn mixed_dates() {
        let d = lint_text("t.txt", "二〇二四年3月启动，2024年三月完成，3月五日验收。\n", "GW507");
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "2024年3月");
        assert_eq!(d[1].fix.as_ref().unwrap().edits[0].replacement, "2024年3月");
        assert_eq!(d[2].fix.as_ref().unwrap().edits[0].replacement, "3月5日");
    }

    #[test]
    fn arabic_with_qian_bai() {
        let d = lint_text("t.txt", "全年完成投资3千万元，新增1.5千亩，补助5百万元，合计2万5千元。\n", "GW507");
        assert_eq!(d.len(), 4, "{d:?}");
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "3000");
        assert_eq!(d[1].fix.as_ref().unwrap().edits[0].replacement, "1500");
        assert_eq!(d[2].fix.as_ref().unwrap().edits[0].replacement, "500");
        assert!(d[3].fix.is_none());
    }

    #[test]
    fn sessions() {
        assert_eq!(codes_in("t.txt", "十四届市人大3次会议审议通过。\n", "GW507").len(), 1);
        assert!(
            codes_in("t.txt", "十四届市人大三次会议审议通过，市十五届人大常委会第二次会议。\n", "GW507").is_empty()
        );
    }

    #[test]
    fn consistent_forms_are_silent() {
        let text = "2024年3月5日、二〇二四年三月五日，管网12千米，功率5千瓦，增长5百分点以内的情形另议，3000万元。\n";
        assert!(codes_in("t.txt", text, "GW507").is_empty(), "{:?}", codes_in("t.txt", text, "GW507"));
    }

    #[test]
    fn shifting() {
        assert_eq!(shift("3", 3).as_deref(), Some("3000"));
        assert_eq!(shift("1.5", 3).as_deref(), Some("1500"));
        assert_eq!(shift("1.2345", 3).as_deref(), Some("1234.5"));
        assert_eq!(shift("0.5", 2).as_deref(), Some("50"));
    }
}
