//! GW609 fixed-political-phrases: fixed formulations (规范表述) checked against tables — the
//! shipped, sourced `lints/wording/guifan.tsv`, the few quoted 提法 in `lints/wording/phrases.toml`,
//! and a unit's own entries in gwlint.toml.

use super::guifan;
use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct FixedPoliticalPhrases;

static META: RuleMeta = RuleMeta {
    code: "GW609",
    name: "fixed-political-phrases",
    summary: "规范表述核对：法律法规和文件名称、机构名称、固定提法（附出处的内置表和单位词表）",
    category: Category::Wording,
    // The quoted-提法 entries are hints; the sourced 规范表述 rows raise their own warnings.
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第二十条（四）：审核“人名、地名、时间、数字、段落顺序、引文等是否准确”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "按词表核对规范表述：\n\n\
- **规范表述表**（`lints/wording/guifan.tsv`，警告）：法律、行政法规、党内法规和重要文件的名称（《老年人权益保护法》→\
《中华人民共和国老年人权益保障法》），机构名称（人力资源与社会保障部→人力资源和社会保障部；\
同名的地方部门也查：住房与城乡建设局→住房和城乡建设局、农业和农村局→农业农村局），\
以及固定提法的误写（全过程民主→全过程人民民主）。每一条都注明出处：文件名称、发布机关、日期、原文摘句和网址，\
报出时“依据”引的就是这条出处。书名号和引号内也查（名称本身写错正是要查的）。名称类给出替换建议，提法类只提示，\
按原文改正。只收有官方或官方转载原文、或国家法律法规数据库镜像可核的条目；随语境而定的写法（旧机构名、旧提法）不收；\
已发布公文中也在用的写法不算错。\n\
- **法律、行政法规的名称**：引用的《中华人民共和国……法／条例》不在国家法律法规数据库的名称表中（`lints/wording/laws.tsv`，\
据其镜像 LawRefBook/Laws 2025年4月19日的文本，966 件），而与某一件只差一个词或一个字时（《中华人民共和国劳动合同管理法》\
→《中华人民共和国劳动合同法》；警告，改法需确认）。差得更多的不报：可能是名称表之后公布的新法律。\n\
- 习惯加引号的提法漏了引号（“增强四个意识”→“增强‘四个意识’”；提示）；\n\
- 词表列出的常见误写（只查引号内，如“四个意思”；提示）；\n\
- 引号内与带引号提法用字相同、字序不同的写法（“意识四个”；提示）。\n\n\
提法会更新：单位在 gwlint.toml 中用 `[[rules.GW609.entry]]` 补充（格式同 `lints/wording/phrases.toml`，\
可写 `source` 注明出处）、`disable` 停用某条。改法一律需 `--unsafe-fixes`。\
近似匹配（编辑距离为1）没有做：“两个确保”与“两个确立”只差一字，都是实际使用的提法。",
    bad: "增强四个意识、坚定“四个自信”。",
    good: "增强“四个意识”、坚定“四个自信”。",
};

pub(super) static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut doc: toml::Table =
        toml::from_str(include_str!("../../../lints/wording/phrases.toml")).expect("lints/wording/phrases.toml parses");
    let entries = guifan::entries(guifan::GUIFAN).unwrap_or_else(|e| panic!("lints/wording/guifan.tsv: {e}"));
    let section = doc.entry("GW609").or_insert_with(|| toml::Value::Table(Default::default()));
    let list = section
        .as_table_mut()
        .expect("[GW609] is a table")
        .entry("entry")
        .or_insert_with(|| toml::Value::Array(Vec::new()));
    list.as_array_mut().expect("[[GW609.entry]] is a list").extend(entries);
    Table::from_toml(doc, "GW609").unwrap_or_else(|e| panic!("lints/wording table: {e}"))
});

/// The quoted canonical forms: entries whose replacement is the match itself in quotation marks.
static QUOTED: LazyLock<Vec<String>> = LazyLock::new(|| {
    TABLE
        .entries
        .iter()
        .filter(|e| e.replace.as_deref().is_some_and(|r| r == format!("“{}”", e.label)))
        .map(|e| e.label.clone())
        .collect()
});

/// The quoted phrases by their characters in sorted order (the first phrase for each set), so
/// that a quotation is compared with all of them by one lookup.
static QUOTED_BY_CHARS: LazyLock<HashMap<Vec<char>, &'static str>> = LazyLock::new(|| {
    let mut by_chars = HashMap::new();
    for phrase in QUOTED.iter() {
        let mut key: Vec<char> = phrase.chars().collect();
        key.sort_unstable();
        by_chars.entry(key).or_insert(phrase.as_str());
    }
    by_chars
});

impl Rule for FixedPoliticalPhrases {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        TABLE.check(cx, &META, Policy { max_fix: FixClass::Unsafe }, out);
        reordered(cx, out);
        guifan::unknown_law_titles(cx, out);
    }
}

/// A quotation whose characters are those of a known phrase in another order.
fn reordered(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text();
    let skip = MaskSet::NON_TEXT.with(MaskKind::BookTitle);
    for (kind, span) in cx.doc.masks.iter() {
        if *kind != MaskKind::Quote {
            continue;
        }
        let quoted = span.text(text);
        let mut chars = quoted.chars();
        let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else { continue };
        let inner = chars.as_str();
        if inner.chars().count() < 3 || !inner.chars().all(is_han) || QUOTED.iter().any(|p| p == inner) {
            continue;
        }
        let inner_span = Span::new(span.start + open.len_utf8(), span.end - close.len_utf8());
        if cx.doc.masks.hits(skip, inner_span) {
            continue;
        }
        let mut sorted: Vec<char> = inner.chars().collect();
        sorted.sort_unstable();
        let Some(&phrase) = QUOTED_BY_CHARS.get(&sorted) else { continue };
        out.push(
            Finding::new(inner_span, format!("提法“{inner}”疑为“{phrase}”的误写（字序颠倒）"))
                .help(format!("核对提法，改为“{phrase}”"))
                .en(format!("“{inner}” looks like a misordered “{phrase}”"))
                .fix(Fix::unsafe_(format!("改为“{phrase}”"), vec![Edit::replace(inner_span, phrase.to_owned())])),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn missing_quotes() {
        let text = "增强四个意识、坚定“四个自信”。\n";
        let d = lint_text("t.txt", text, "GW609");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.text(text), "四个意识");
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].replacement, "“四个意识”");
    }

    #[test]
    fn seed_wording_is_silent() {
        let text = "深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，胸怀“两个大局”、牢记“国之大者”。\n\
        坚决落实‘两个维护’制度机制。\n";
        assert!(codes_in("t.txt", text, "GW609").is_empty(), "{:?}", codes_in("t.txt", text, "GW609"));
    }

    #[test]
    fn misspellings_in_quotes_only() {
        assert_eq!(codes_in("t.txt", "增强“四个意思”。\n", "GW609"), ["GW609:四个意思"]);
        assert!(codes_in("t.txt", "这段话有四个意思。\n", "GW609").is_empty());
    }

    #[test]
    fn reordered_phrase_in_quotes() {
        assert_eq!(codes_in("t.txt", "增强“意识四个”。\n", "GW609"), ["GW609:意识四个"]);
        assert!(codes_in("t.txt", "转发《关于增强四个意识的通知》。\n", "GW609").is_empty());
    }
}
