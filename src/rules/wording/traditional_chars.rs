//! GW608 traditional-variant-chars: traditional and variant characters in a simplified draft.
//! The one-to-one map and the ambiguous characters are in `lints/wording/traditional.toml`.

use super::table::{self, FixClass, Policy, Scope, Table, UserParams};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

pub struct TraditionalVariantChars;

static META: RuleMeta = RuleMeta {
    code: "GW608",
    name: "traditional-variant-chars",
    summary: "不用繁体字、异体字",
    category: Category::Wording,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《中华人民共和国国家通用语言文字法》第九条：“国家机关以普通话和规范汉字为公务用语用字。”",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "查找简体公文中的繁体字、异体字（含少量日文新字体），例如“加強組織領導”。\n\n\
- 只对应一个规范字的（強→强、組→组、綫→线），`--fix` 直接替换；相邻的几个字合并为一条提示；\n\
- 一对多或在某些词中仍然规范的字（乾→干，但“乾坤”“乾隆”不改；於→于，姓氏可用“於”；藉→借，但“狼藉”“慰藉”不改；\
瞭→了，但“瞭望”不改；徵、夥、麽、祇、鍾、鍊等）只作建议，需 `--unsafe-fixes`；\
“乾”“於”在道路、村镇名（“乾明路”）和人名（“於崇亮代表”“於崇亮、翁思聪”）中是规范字，不报；\n\
- “著”等在规范汉字中常用的字不查。\n\n\
引号和书名号内的文字（可能是引用的港澳台文件名称、原文）、网址和代码不查。\
姓名、地名中依法保留的字（《国家通用语言文字法》第十七条），用 `[rules.GW608] allow = [\"鍾南山\"]` 放行。\
字表在 `lints/wording/traditional.toml`，是 gwlint 自己整理的常用字表，不是完整的繁简转换表。",
    bad: "加強組織領導，落實工作責任。",
    good: "加强组织领导，落实工作责任。",
};

const FILE: &str = include_str!("../../../lints/wording/traditional.toml");

#[derive(Deserialize)]
struct Chars {
    #[serde(rename = "one-to-one")]
    one_to_one: String,
}

/// Traditional or variant character → its one standard simplified form.
pub(super) static ONE_TO_ONE: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    let chars: Chars = toml::from_str(FILE).expect("lints/wording/traditional.toml is valid");
    chars
        .one_to_one
        .split_whitespace()
        .filter_map(|pair| {
            let mut it = pair.chars();
            match (it.next(), it.next(), it.next()) {
                (Some(a), Some(b), None) => Some((a, b)),
                _ => None,
            }
        })
        .collect()
});

/// Characters whose standard form depends on the word: suggestions only.
/// The keys of `ONE_TO_ONE` in the Basic Multilingual Plane as a bit set, so that the common
/// case — a character that is not in the table — costs one bit test instead of a hash.
static BMP_KEYS: LazyLock<Box<[u64; 1024]>> = LazyLock::new(|| {
    let mut bits = Box::new([0u64; 1024]);
    for &c in ONE_TO_ONE.keys() {
        let u = c as u32;
        if u < 0x1_0000 {
            bits[(u >> 6) as usize] |= 1 << (u & 63);
        }
    }
    bits
});

/// The one standard character for a traditional or variant one, if the table has it.
fn simplified(c: char) -> Option<char> {
    let u = c as u32;
    if u < 0x1_0000 && BMP_KEYS[(u >> 6) as usize] & (1 << (u & 63)) == 0 {
        return None;
    }
    ONE_TO_ONE.get(&c).copied()
}

pub(super) static AMBIGUOUS: LazyLock<Table> = LazyLock::new(|| Table::builtin(FILE, "GW608"));

/// Flagged characters separated by at most this many other Han characters join one finding.
const MAX_GAP: usize = 1;

impl Rule for TraditionalVariantChars {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        AMBIGUOUS.check(cx, &META, Policy { max_fix: FixClass::Unsafe }, out);
        let user = UserParams::read(cx.params, META.code);
        let text = cx.text();
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if s.is_ascii() {
                continue;
            }
            let accepted: Vec<(usize, usize)> = user
                .allow
                .iter()
                .filter(|w| !w.is_empty())
                .flat_map(|w| s.match_indices(w.as_str()).map(|(i, m)| (i, i + m.len())))
                .collect();
            // (byte offset in line, character, replacement)
            let mut group: Vec<(usize, char, char)> = Vec::new();
            let mut gap = 0;
            for (i, c) in s.char_indices() {
                let flagged = simplified(c).filter(|_| {
                    let span = line.span.sub(i, i + c.len_utf8());
                    table::in_scope(cx, Scope::OutsideQuotes, span) && !accepted.iter().any(|&(a, b)| a <= i && i < b)
                });
                match flagged {
                    Some(simple) => {
                        group.push((i, c, simple));
                        gap = 0;
                    }
                    None if !group.is_empty() && is_han(c) && gap < MAX_GAP => gap += 1,
                    None if group.is_empty() => {}
                    None => {
                        report(line.span, s, &group, out);
                        group.clear();
                        gap = 0;
                    }
                }
            }
            report(line.span, s, &group, out);
        }
    }
}

fn report(line: Span, s: &str, group: &[(usize, char, char)], out: &mut Vec<Finding>) {
    let (Some(first), Some(last)) = (group.first(), group.last()) else { return };
    let (start, end) = (first.0, last.0 + last.1.len_utf8());
    let Some(original) = s.get(start..end) else { return };
    let converted: String = original.chars().map(|c| simplified(c).unwrap_or(c)).collect();
    let edits =
        group.iter().map(|&(i, c, simple)| Edit::replace(line.sub(i, i + c.len_utf8()), simple.to_string())).collect();
    let chars: String = group.iter().map(|g| g.1).collect();
    let message = if chars == original {
        format!("“{original}”是繁体字或异体字，规范汉字写作“{converted}”")
    } else {
        format!("“{original}”中的“{chars}”是繁体字或异体字，规范汉字写作“{converted}”")
    };
    out.push(
        Finding::new(line.sub(start, end), message)
            .help(format!("改为“{converted}”"))
            .en(format!("Traditional or variant characters in “{original}”; standard simplified form: “{converted}”"))
            .fix(Fix::safe(format!("改为“{converted}”"), edits)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn one_to_one_table_is_consistent() {
        let map = &*ONE_TO_ONE;
        assert!(map.len() > 800, "{}", map.len());
        let pairs = FILE.split("\"\"\"").nth(1).unwrap().split_whitespace().count();
        assert_eq!(pairs, map.len(), "malformed or duplicate pairs in one-to-one");
        for (&t, &s) in map {
            assert_eq!(simplified(t), Some(s), "the bit set knows {t}");
            assert_eq!(simplified(s), None);
            assert_ne!(t, s);
            assert!(!map.contains_key(&s), "{t}→{s}: the target is itself mapped (not idempotent)");
            assert!(is_han(t) && is_han(s));
        }
        for e in &AMBIGUOUS.entries {
            let c = e.label.chars().next().unwrap();
            assert!(!map.contains_key(&c), "{c} is both one-to-one and ambiguous");
        }
        // Characters that are standard in some words must never be replaced blindly.
        for c in
            ['著', '乾', '於', '藉', '瞭', '徵', '夥', '麽', '祇', '鍾', '覆', '干', '后', '里', '台', '系', '余', '面']
        {
            assert!(!map.contains_key(&c), "{c} must not be in one-to-one");
        }
    }

    #[test]
    fn catalogue_example_is_grouped_and_fixed() {
        let text = "加強組織領導，落實工作責任。\n";
        let d = lint_text("t.txt", text, "GW608");
        assert_eq!(d.iter().map(|d| d.span.text(text)).collect::<Vec<_>>(), ["強組織領導", "實", "責"]);
        assert_fixed(text, "GW608", "加强组织领导，落实工作责任。\n");
    }

    #[test]
    fn ambiguous_characters_are_suggestions() {
        let text = "深入瞭解企業訴求，建設瞭望塔。\n";
        let d = lint_text("t.txt", text, "GW608");
        let got: Vec<_> = d.iter().map(|d| (d.span.text(text), d.fix.as_ref().unwrap().applicability)).collect();
        use crate::diagnostic::Applicability::*;
        assert_eq!(got, [("瞭", Unsafe), ("業訴", Safe), ("設", Safe)]);
        assert_fixed(text, "GW608", "深入瞭解企业诉求，建设瞭望塔。\n");
    }

    #[test]
    fn quotes_titles_urls_and_allowed_names_are_skipped() {
        let text = "转发《香港特別行政區政府公告》，来函称“依法辦理”，详见https://www.gov.hk/a.html。\n";
        assert!(codes_in("t.txt", text, "GW608").is_empty(), "{:?}", codes_in("t.txt", text, "GW608"));
        let mut settings = crate::test_support::settings_for("GW608");
        settings.params.insert("GW608".into(), toml::from_str("allow = [\"鍾南山\", \"黃大仙\"]").unwrap());
        let text = "邀请鍾南山院士，前往黃大仙區。\n";
        let d = crate::engine::lint(
            &crate::source::Source::from_text("t.txt", text),
            &settings,
            &crate::org::OrgView::default(),
        );
        assert_eq!(d.iter().map(|d| d.span.text(text)).collect::<Vec<_>>(), ["區"]);
    }

    #[test]
    fn simplified_text_is_silent() {
        let text = "加强组织领导，显著提升，乾坤朗朗，狼藉一片，瞭望塔。\n";
        assert!(codes_in("t.txt", text, "GW608").is_empty(), "{:?}", codes_in("t.txt", text, "GW608"));
    }

    #[test]
    fn characters_standard_in_names_are_left_in_names() {
        for text in [
            "常德经开区关于对乾明路与书院巷交叉路口采取限制交通措施的通告\n",
            "於崇亮、翁思聪、姜国富代表：\n",
            "感谢於红梅同志的支持。\n",
            "联系人：於红梅　电话：12345678\n",
        ] {
            assert!(codes_in("t.txt", text, "GW608").is_empty(), "{text}: {:?}", codes_in("t.txt", text, "GW608"));
        }
        // Elsewhere they are still suggestions, never safe fixes.
        let text = "本通知适用於全市，保持环境整洁乾净。\n";
        let d = lint_text("t.txt", text, "GW608");
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|d| d.fix.as_ref().unwrap().applicability == crate::diagnostic::Applicability::Unsafe));
    }
}
