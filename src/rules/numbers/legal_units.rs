use super::common::{continues_number, prev_char};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

pub struct LegalUnits;

static META: RuleMeta = RuleMeta {
    code: "GW510",
    name: "legal-units",
    summary: "使用国家法定计量单位",
    category: Category::Numbers,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十一条：“公文使用的汉字、数字、外文字符、计量单位和标点符号等，按照有关国家标准和规定执行。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "提示紧跟在数字后面的非法定计量单位：公尺、公分、公升、公吨、英尺、英寸、英里、英亩、加仑、磅、盎司、华氏度、马力、大卡、市斤、市两、市尺、市寸、市里、公斤力等，\
并给出应改用的法定单位和换算关系。单位表在 `lints/numbers-units.toml`，可增删。\n\n\
默认不提示“亩”（农业、土地文件通用）以及“公里”“公斤”“公顷”“吨”等法定单位或其通用名称；“磅”用作字号、行距时不提示；\
不是紧跟数字的字面相连（“开足马力”“三市两区”）不提示。引号、书名号内的文字（如引用外国资料原文）不检查。\n\n\
与法定单位一一对应的名称（公尺→米、公分→厘米、公升→升、公吨→吨）可建议直接改单位名（`--unsafe-fixes`）；其余需要换算数值，只作提示。",
    bad: "新建管网长度12000公尺",
    good: "新建管网长度12千米",
};

#[derive(Deserialize)]
struct Table {
    unit: Vec<Unit>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Unit {
    unit: String,
    #[serde(rename = "use")]
    replacement: String,
    note: String,
    #[serde(default)]
    rename: bool,
    #[serde(default)]
    arabic_only: bool,
    #[serde(default)]
    skip_if_line_has: Vec<String>,
    #[allow(dead_code)]
    example: Option<String>,
    #[allow(dead_code)]
    not_example: Option<String>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../lints/numbers-units.toml")).expect("lints/numbers-units.toml is valid")
});

/// A number, an optional 万/亿, an optional 平方/立方, then one of the units (longest first).
/// The units' names alone: a line without one cannot match `UNIT_AFTER_NUMBER`, and searching the
/// draft once for a few words is far cheaper than running the pattern, which begins with any
/// digit or numeral.
static UNIT_NAMES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    // Leftmost-first: the semantics under which aho-corasick can use its SIMD (Teddy) search.
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(TABLE.unit.iter().map(|u| u.unit.as_str()))
        .expect("unit names build")
});

static UNIT_AFTER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let mut units: Vec<&str> = TABLE.unit.iter().map(|u| u.unit.as_str()).collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.len()));
    let alternation = units.iter().map(|u| regex::escape(u)).collect::<Vec<_>>().join("|");
    Regex::new(&format!(
        r"(?P<n>(?P<arabic>[0-9]+(?:\.[0-9]+)?)|[一二三四五六七八九十百千两〇零几数]+)(?:万|亿)?[ \t]*(?:平方|立方)?(?P<unit>{alternation})"
    ))
    .expect("valid")
});

impl Rule for LegalUnits {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        for (line, _) in cx.doc.lines_matching(text, &UNIT_NAMES) {
            let s = line.span.text(text);
            for c in UNIT_AFTER_NUMBER.captures_iter(s) {
                let n = c.name("n").expect("group");
                let unit_m = c.name("unit").expect("group");
                let Some(unit) = TABLE.unit.iter().find(|u| u.unit == unit_m.as_str()) else { continue };
                let arabic = c.name("arabic").is_some();
                if (unit.arabic_only && !arabic) || (arabic && continues_number(prev_char(s, n.start()))) {
                    continue;
                }
                if unit.skip_if_line_has.iter().any(|w| s.contains(w.as_str())) {
                    continue;
                }
                let span = line.span.sub(unit_m.start(), unit_m.end());
                let whole = c.get(0).expect("match");
                if cx.doc.masks.hits(skip, line.span.sub(whole.start(), whole.end())) {
                    continue;
                }
                let name = unit.unit.as_str();
                let mut finding = Finding::new(
                    span,
                    format!("“{}”中的“{name}”不是法定计量单位，应改用“{}”", whole.as_str(), unit.replacement),
                )
                .help(format!("{}；计量单位按 GB 3100～3102 使用", unit.note))
                .en(format!("“{name}” is not a legal unit of measurement; use {}", unit.replacement));
                if unit.rename {
                    finding = finding.fix(Fix::unsafe_(
                        format!("改为“{}”", unit.replacement),
                        vec![Edit::replace(span, unit.replacement.clone())],
                    ));
                }
                out.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn table_examples() {
        for u in &TABLE.unit {
            if let Some(ex) = &u.example {
                let hits = codes_in("t.txt", &format!("{ex}。\n"), "GW510");
                assert_eq!(hits, [format!("GW510:{}", u.unit)], "example for {}: {ex}", u.unit);
            }
            if let Some(ex) = &u.not_example {
                assert!(
                    codes_in("t.txt", &format!("{ex}。\n"), "GW510").is_empty(),
                    "not-example for {}: {ex}",
                    u.unit
                );
            }
        }
    }

    #[test]
    fn rename_is_an_unsafe_fix() {
        let d = lint_text("t.txt", "新建管网长度12000公尺，绿地3万平方公尺。\n", "GW510");
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].fix.as_ref().unwrap().edits[0].replacement, "米");
        assert_eq!(d[1].fix.as_ref().unwrap().applicability, crate::diagnostic::Applicability::Unsafe);
    }

    #[test]
    fn customary_units_are_silent() {
        let text = "新增耕地300亩，道路12公里，补助大米50公斤，开足马力推进，引进“100英尺游艇”项目。\n";
        assert!(codes_in("t.txt", text, "GW510").is_empty(), "{:?}", codes_in("t.txt", text, "GW510"));
    }
}
