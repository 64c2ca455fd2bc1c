use super::common::{after, is_numeral_like, prev_char};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::numerals::to_chinese_number;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ApproximateNumbers;

static META: RuleMeta = RuleMeta {
    code: "GW506",
    name: "approximate-numbers",
    summary: "相邻两数连用表示概数不加顿号；概数用汉字数字",
    category: Category::Numbers,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 4.5.3.4（顿号）：“相邻或相近两数字连用表示概数通常不用顿号。若相邻两数字连用为缩略形式，宜用顿号。”；GB/T 15835-2011 关于概数用汉字数字的规定",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "相邻或相近的两个数连用表示概数时，中间不加顿号，并用汉字数字：“三、五天”写作“三五天”，“七、八十人”写作“七八十人”，\
“3、4个月”写作“三四个月”。\n\n\
只在两个数相邻（相差1，或“三五”）且后接量词、单位（天、个、人、次、年、万……）时提示。确数的并列不报告：\
“一、二等奖”“6、7月”“一、二年级”“五、六十年代”“一、二季度”“第一、二批”“十四届人大一、二次会议”“分别新增3、4个”等。确数与概数有时难以分辨，故只作提示，改写需人工确认。",
    bad: "每周开展三、五次巡查",
    good: "每周开展三五次巡查",
};

static HAN_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>[一两二三四五六七八九])、(?P<b>[一二三四五六七八九])(?P<ten>十)?").expect("valid")
});
static ARABIC_PAIR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?P<a>[0-9])、(?P<b>[0-9])").expect("valid"));
/// Where either pair may be: the lines the rule looks at, found in one search of the draft.
static ANY_PAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[一两二三四五六七八九0-9]、[一二三四五六七八九0-9]").expect("valid"));
/// Measure words and units after an approximate number.
static FOLLOWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:天|日|个|人|名|位|次|遍|年|岁|周|米|公里|千米|万|千|百|家|户|项|条|所|座|台|辆|倍|成|小时|分钟|元|吨|亩|公顷|篇|本|份|件|批|种|类)").expect("valid")
});
/// Exact enumerations that look like approximate numbers: 一、二等奖, 一、二年级, 一、二次会议.
static EXACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:等|年级|年代|季度|月|号|级|类|期|次会议|次全会|次全体|批次|种类)").expect("valid")
});

fn han_value(c: &str) -> u32 {
    match c {
        "一" => 1,
        "两" | "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        "六" => 6,
        "七" => 7,
        "八" => 8,
        _ => 9,
    }
}

/// Before the pair: labels that make it a list of exact numbers (附件3、4, 表1、2, 第三、四条).
fn labelled(prev: Option<char>) -> bool {
    is_numeral_like(prev) || prev.is_some_and(|p| "件表图条款项章节号组例附".contains(p))
}

/// “分别新增3、4个”: exact numbers given respectively.
fn respectively(s: &str, at: usize) -> bool {
    let head = s.get(..at).unwrap_or("");
    let clause = head.rfind(['，', '。', '；']).map_or(head, |i| &head[i..]);
    clause.contains("分别") || clause.contains("依次")
}

fn near(a: u32, b: u32) -> bool {
    b == a + 1 || (a, b) == (3, 5)
}

impl Rule for ApproximateNumbers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        for (line, _) in cx.doc.lines_matching(text, &ANY_PAIR) {
            let s = line.span.text(text);
            for c in HAN_PAIR.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let (a, b) = (han_value(&c["a"]), han_value(&c["b"]));
                let rest = after(s, whole.end());
                if !near(a, b)
                    || labelled(prev_char(s, whole.start()))
                    || respectively(s, whole.start())
                    || !FOLLOWER.is_match(rest)
                    || EXACT.is_match(rest)
                {
                    continue;
                }
                // 一、二十人 is not 一二十: with 十 only 二…九 make sense.
                if c.name("ten").is_some() && a == 1 {
                    continue;
                }
                let span = line.span.sub(whole.start(), whole.end());
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let original = whole.as_str();
                let fixed = original.replace('、', "");
                out.push(
                    Finding::new(span, format!("“{original}”表示概数时中间不用顿号，宜写作“{fixed}”"))
                        .help("相邻两数连用表示概数不加顿号；若是确数并列，可忽略")
                        .fix(Fix::unsafe_(format!("改为“{fixed}”"), vec![Edit::replace(span, fixed.clone())]))
                        .en(format!("Approximate number “{original}” takes no 顿号; write “{fixed}”")),
                );
            }
            for c in ARABIC_PAIR.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let (Some(a), Some(b)) = (c["a"].parse::<u32>().ok(), c["b"].parse::<u32>().ok()) else { continue };
                let rest = after(s, whole.end());
                let prev = prev_char(s, whole.start());
                if a == 0
                    || !near(a, b)
                    || labelled(prev)
                    || respectively(s, whole.start())
                    || prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.')
                    || !FOLLOWER.is_match(rest)
                    || EXACT.is_match(rest)
                {
                    continue;
                }
                // 3、4个 as a list of exact numbers (第3、4个; 附件3、4) is excluded above; 3、45 is not a pair.
                if rest.starts_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
                let span = line.span.sub(whole.start(), whole.end());
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let original = whole.as_str();
                let fixed = format!("{}{}", to_chinese_number(a), to_chinese_number(b));
                out.push(
                    Finding::new(span, format!("“{original}”表示概数时宜用汉字数字且不加顿号，写作“{fixed}”"))
                        .help("概数用汉字数字（如“三四个月”）；若是确数并列，可忽略")
                        .fix(Fix::unsafe_(format!("改为“{fixed}”"), vec![Edit::replace(span, fixed.clone())]))
                        .en(format!("Approximate number “{original}”: write “{fixed}”")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn approximate_pairs_with_dunhao() {
        let d = lint_text("t.txt", "每周开展三、五次巡查，抽调七、八十人，用时3、4个月。\n", "GW506");
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(d[0].fix.as_ref().unwrap().applicability, Applicability::Unsafe);
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "三五");
        assert_eq!(d[1].fix.as_ref().unwrap().edits[0].replacement, "七八十");
        assert_eq!(d[2].fix.as_ref().unwrap().edits[0].replacement, "三四");
    }

    #[test]
    fn exact_enumerations_are_silent() {
        let text = "评出一、二等奖，6、7月开展，一、二年级，一、二季度，第一、二批，十四届市人大一、二次会议，附件3、4份，一、三次，十一、十二个，五、六十年代，两区分别新增3、4个。\n一、总体要求\n";
        assert!(codes_in("t.txt", text, "GW506").is_empty(), "{:?}", codes_in("t.txt", text, "GW506"));
    }
}
