//! GW609 fixed-political-phrases: fixed political formulations checked against a user-maintained
//! table (`lints/wording/phrases.toml` ships only a few examples).

use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use std::sync::LazyLock;

pub struct FixedPoliticalPhrases;

static META: RuleMeta = RuleMeta {
    code: "GW609",
    name: "fixed-political-phrases",
    summary: "固定提法核对（用户维护词表）",
    category: Category::Wording,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第二十条（四）：审核“人名、地名、时间、数字、段落顺序、引文等是否准确”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "按词表核对固定提法的写法：\n\n\
- 习惯加引号的提法漏了引号（“增强四个意识”→“增强‘四个意识’”）；\n\
- 词表列出的常见误写（只查引号内，如“四个意思”）；\n\
- 引号内与带引号提法用字相同、字序不同的写法（“意识四个”）。\n\n\
gwlint 只附极少示例（“两个确立”“四个意识”“四个自信”“两个维护”“两个大局”“国之大者”“三个务必”），\
不内置权威词表：提法会更新，须由本单位审定。词表在 `lints/wording/phrases.toml`，\
单位在 gwlint.toml 中用 `[[rules.GW609.entry]]` 补充（格式相同）、`disable` 停用某条。只作提示，改法需 `--unsafe-fixes`。\
书名号内的文字不查。近似匹配（编辑距离为1）没有做：“两个确保”与“两个确立”只差一字，都是实际使用的提法。",
    bad: "增强四个意识、坚定“四个自信”。",
    good: "增强“四个意识”、坚定“四个自信”。",
};

pub(super) static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::builtin(include_str!("../../../lints/wording/phrases.toml"), "GW609"));

/// The quoted canonical forms: entries whose replacement is the match itself in quotation marks.
static QUOTED: LazyLock<Vec<String>> = LazyLock::new(|| {
    TABLE
        .entries
        .iter()
        .filter(|e| e.replace.as_deref().is_some_and(|r| r == format!("“{}”", e.label)))
        .map(|e| e.label.clone())
        .collect()
});

impl Rule for FixedPoliticalPhrases {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        TABLE.check(cx, &META, Policy { max_fix: FixClass::Unsafe }, out);
        reordered(cx, out);
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
        let Some(phrase) = QUOTED.iter().find(|p| {
            let mut s: Vec<char> = p.chars().collect();
            s.sort_unstable();
            s == sorted
        }) else {
            continue;
        };
        out.push(
            Finding::new(inner_span, format!("提法“{inner}”疑为“{phrase}”的误写（字序颠倒）"))
                .help(format!("核对提法，改为“{phrase}”"))
                .en(format!("“{inner}” looks like a misordered “{phrase}”"))
                .fix(Fix::unsafe_(format!("改为“{phrase}”"), vec![Edit::replace(inner_span, phrase.clone())])),
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
