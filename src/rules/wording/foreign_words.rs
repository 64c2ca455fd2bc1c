use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::is_han;
use crate::lang::numerals::is_mistyped_zero;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::LazyLock;

pub struct ForeignWords;

static META: RuleMeta = RuleMeta {
    code: "GW607",
    name: "foreign-words",
    summary: "外文须作必要注释；不得混入误植的外文词",
    category: Category::Wording,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《中华人民共和国国家通用语言文字法》第十一条：“汉语文出版物中需要使用外国语言文字的，应当用国家通用语言文字作必要的注释。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "两类问题：\n\n\
1. **误入的英文词**（警告）：夹在汉字之间的 and、or、the、of 等英文功能词，几乎都是编辑、翻译或文本转换时的残留，\
例如“党的二十大精神 and 党中央决策部署”。`and`/`or` 的改法（“和”“或”）只作建议，需要 `--unsafe-fixes`。\n\
2. **未注释的外文缩写**（提示）：首次出现、前后没有中文全称的外文缩写（如“推进 BRT 建设”）。\
GDP、5G、PM2.5、Wi-Fi 等通用术语不提示；允许清单在 `lints/foreign-terms.toml`，单位可在 `[rules.GW607] allow` 中补充。\n\n\
网址、电子邮箱、代码、引号和书名号内的文字不检查。",
    bad: "全面贯彻落实党的二十大精神 and 党中央决策部署",
    good: "全面贯彻落实党的二十大精神和党中央决策部署",
};

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Terms {
    allow: Vec<String>,
    stray_words: Vec<String>,
}

static TERMS: LazyLock<Terms> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../lints/foreign-terms.toml")).expect("lints/foreign-terms.toml is valid")
});

/// The built-in allow list, hashed once (a draft's own additions are few and checked apart).
static ALLOWED: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| TERMS.allow.iter().map(String::as_str).collect());

/// A Latin word standing between two Han characters, with optional spaces.
static STRAY: LazyLock<Regex> = LazyLock::new(|| {
    let words = TERMS.stray_words.join("|");
    Regex::new(&format!(r"(?i)(?P<before>\p{{Han}})(?P<lead>[ \t\u{{3000}}]*)(?P<word>{words})(?P<trail>[ \t\u{{3000}}]*)(?P<after>\p{{Han}})")).expect("valid")
});

/// Upper-case abbreviations and mixed tokens such as PM2.5, BRT, Wi-Fi.
static ABBREV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9][A-Za-z0-9.\-/]*[A-Za-z0-9]|[A-Z]").expect("valid"));

impl Rule for ForeignWords {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle);
        let extra: Vec<String> = cx
            .params
            .get("allow")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            .unwrap_or_default();
        let allowed = |token: &str| ALLOWED.contains(token) || extra.iter().any(|e| e == token);
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if s.is_ascii() {
                continue;
            }
            // A finding needs a Latin letter: a stray word is letters (under (?i), K and ſ also
            // stand for k and s), an abbreviation has two capitals. Most lines have none.
            if !line.chars.has_ascii_letter() && !line.chars.may_contain_any(&['\u{212A}', '\u{17F}']) {
                continue;
            }
            let mut pos = 0;
            while let Some(c) = STRAY.captures_at(s, pos) {
                let word = c.name("word").expect("group");
                let after = c.name("after").expect("group");
                pos = after.start();
                let span = line.span.sub(word.start(), word.end());
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let lead = c.name("lead").expect("group");
                let trail = c.name("trail").expect("group");
                let whole = line.span.sub(lead.start(), trail.end());
                let mut finding = Finding::new(span, format!("汉字之间混入了英文词“{}”，疑为编辑残留", word.as_str()))
                    .help("删除或改为相应的中文")
                    .en(format!("Stray English word “{}” between Chinese characters", word.as_str()));
                if let Some(zh) = translation(word.as_str()) {
                    finding = finding.fix(Fix::unsafe_(format!("改为“{zh}”"), vec![Edit::replace(whole, zh)]));
                }
                out.push(finding);
            }
            for m in ABBREV.find_iter(s) {
                let token = m.as_str();
                let span = line.span.sub(m.start(), m.end());
                // One abbreviation with sizes or models after it (DN300、DN110: 公称直径) is
                // explained once, as its letters.
                let stem = token.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '/'));
                let key = if is_abbreviation(stem) { stem } else { token };
                if !is_abbreviation(token)
                    || is_placeholder(token)
                    || allowed(token)
                    || allowed(key)
                    || seen.contains(key)
                    || cx.doc.masks.hits(skip, span)
                {
                    continue;
                }
                // 二OO五年: a 〇 typed as a letter, which GW505 (chinese-zero) reports.
                if is_mistyped_zero(s, m.start(), m.end()) {
                    continue;
                }
                // Part of a 发文字号, a standard number or a longer Latin phrase: not an abbreviation in Chinese prose.
                let before = s[..m.start()].chars().next_back();
                let after = s[m.end()..].chars().next();
                if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '/')
                    || after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
                seen.insert(key.to_string());
                if glossed(s, m.start(), m.end()) {
                    continue;
                }
                out.push(
                    Finding::new(span, format!("外文缩写“{token}”首次出现时未注明中文含义"))
                        .help(format!("首次出现时写作“中文全称（{token}）”，或改用中文"))
                        .severity(Severity::Info)
                        .en(format!("Abbreviation “{token}” is not explained in Chinese at first use")),
                );
            }
        }
    }
}

fn translation(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "and" => Some("和"),
        "or" => Some("或"),
        _ => None,
    }
}

/// A template's blank to fill (`XXXX人民政府`, `20XX年`): its letters are all X.
fn is_placeholder(token: &str) -> bool {
    token.chars().filter(char::is_ascii_alphabetic).all(|c| c == 'X')
}

/// Two or more capitals (BRT, PPP), possibly with digits — the kind of token that needs a gloss.
fn is_abbreviation(token: &str) -> bool {
    token.chars().filter(char::is_ascii_uppercase).count() >= 2
        && token.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/'))
}

/// Whether a Chinese gloss stands right next to the token: 快速公交（BRT） or BRT（快速公交）.
fn glossed(s: &str, start: usize, end: usize) -> bool {
    let before = &s[..start];
    let after = &s[end..];
    let opened = before.ends_with('（') || before.ends_with('(');
    let han_before = before.trim_end_matches(['（', '(']).chars().next_back().is_some_and(is_han);
    if opened && han_before {
        return true;
    }
    if let Some(rest) = after.strip_prefix('（').or_else(|| after.strip_prefix('(')) {
        return rest.chars().take_while(|c| *c != '）' && *c != ')').any(is_han);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn stray_english_words() {
        let d = lint_text("t.txt", "全面贯彻落实党的二十大精神 and 党中央决策部署，要严格控制 and 把关。\n", "GW607");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].span.text("全面贯彻落实党的二十大精神 and 党中央决策部署，要严格控制 and 把关。\n"), "and");
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "和");
    }

    #[test]
    fn accepted_terms_and_glossed_abbreviations_are_silent() {
        let text = "全市GDP增长5%，建成5G基站，PM2.5浓度下降，公共场所覆盖Wi-Fi。\n推进快速公交（BRT）建设，BRT线路增至3条。\n执行GB/T 9704-2012。详见https://www.gov.cn/and/or.html。\n";
        assert!(codes_in("t.txt", text, "GW607").is_empty(), "{:?}", codes_in("t.txt", text, "GW607"));
    }

    #[test]
    fn a_letter_o_for_chinese_zero_is_not_english() {
        let text = "二OO五年以来，二〇一O年、二ｏｏ八年均有记载。\n";
        assert!(codes_in("t.txt", text, "GW607").is_empty(), "{:?}", codes_in("t.txt", text, "GW607"));
        assert_eq!(codes_in("t.txt", text, "GW505").len(), 3, "{:?}", codes_in("t.txt", text, "GW505"));
    }

    #[test]
    fn unexplained_abbreviation_is_info_once() {
        let d = lint_text("t.txt", "推进BRT建设，BRT线路增至3条。\n", "GW607");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
    }

    /// Sizes after one abbreviation (DN300、DN110) are one abbreviation to explain, not three.
    #[test]
    fn sizes_after_one_abbreviation_are_said_once() {
        let text = "敷设DN300球墨铸铁管道1.2公里，DN110、DN200支管同步改造。\n";
        let d = lint_text("t.txt", text, "GW607");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("DN300"), "{}", d[0].message);
    }

    #[test]
    fn a_template_blank_is_not_an_abbreviation() {
        let text = "XXXX人民政府关于XX工作的通知\nXX发〔20XX〕XX号\n推进BRT建设。\n";
        let d = lint_text("t.txt", text, "GW607");
        assert_eq!(d.iter().map(|d| d.span.text(text)).collect::<Vec<_>>(), ["BRT"]);
    }
}
