//! GW609 fixed-political-phrases: fixed formulations (规范表述) checked against tables — the
//! shipped, sourced `lints/wording/guifan.tsv`, the few quoted 提法 in `lints/wording/phrases.toml`,
//! and a unit's own entries in gwlint.toml.

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
    let entries = guifan_entries(GUIFAN).unwrap_or_else(|e| panic!("lints/wording/guifan.tsv: {e}"));
    let section = doc.entry("GW609").or_insert_with(|| toml::Value::Table(Default::default()));
    let list = section
        .as_table_mut()
        .expect("[GW609] is a table")
        .entry("entry")
        .or_insert_with(|| toml::Value::Array(Vec::new()));
    list.as_array_mut().expect("[[GW609.entry]] is a list").extend(entries);
    Table::from_toml(doc, "GW609").unwrap_or_else(|e| panic!("lints/wording table: {e}"))
});

/// The shipped table of 规范表述: one row per formulation, with the published text it is
/// taken from (see lints/wording/README.md).
const GUIFAN: &str = include_str!("../../../lints/wording/guifan.tsv");

/// Table entries for the rows of `guifan.tsv` — one per wrong variant. Each finding cites the
/// row's published source instead of the rule's own; a fix is offered only where the row names
/// a drop-in replacement (a title or an organ's name), and the correct form never matches.
fn guifan_entries(tsv: &str) -> Result<Vec<toml::Value>, String> {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).ok_or(format!("no column {name}"));
    let [wrong, right, replace, kind, title, issuer, date, url, quote] =
        ["wrong", "right", "replace", "kind", "source_title", "issuer", "date", "url", "quote"].map(column);
    let (wrong, right, replace, kind, title, issuer, date, url, quote) =
        (wrong?, right?, replace?, kind?, title?, issuer?, date?, url?, quote?);
    let mut entries = Vec::new();
    // The variants the table lists itself; generated ones never repeat them.
    let mut listed: std::collections::HashSet<String> =
        tsv.lines().skip(1).flat_map(|l| l.split('\t').next().unwrap_or("").split('|')).map(str::to_string).collect();
    for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        if cell(right).is_empty() || cell(title).is_empty() || cell(quote).is_empty() {
            return Err(format!("row {}: every row needs the right form and its source with a quotation", n + 2));
        }
        let source =
            format!("{}（{}，{}）：“{}”。原文：{}", cell(title), cell(issuer), cell(date), cell(quote), cell(url));
        let organ = cell(kind).starts_with("机构名称");
        for variant in cell(wrong).split('|').filter(|v| !v.is_empty()) {
            let mut e = toml::Table::new();
            e.insert("match".into(), variant.into());
            e.insert("scope".into(), "everywhere".into());
            e.insert("severity".into(), "warning".into());
            e.insert("source".into(), source.clone().into());
            e.insert("unless-within".into(), toml::Value::Array(vec![cell(right).into()]));
            // A title is replaced by a title, a name by a name; a slogan's wording is the
            // drafter's to restore.
            let drop_in = !cell(replace).is_empty() && variant.starts_with('《') == cell(replace).starts_with('《');
            if drop_in {
                e.insert("replace".into(), cell(replace).into());
                e.insert("message".into(), format!("“{{match}}”不是规范名称，应为“{}”", cell(replace)).into());
            } else {
                e.insert("message".into(), format!("“{{match}}”与规范表述不符，规范表述为：{}", cell(right)).into());
                e.insert("help".into(), "按出处原文改正".into());
            }
            if organ {
                // 审计部门、监察部门; the former 监察部 named as such.
                e.insert("unless-after".into(), toml::Value::Array(vec!["门".into()]));
                e.insert("unless-before".into(), toml::Value::Array(vec!["原".into()]));
            }
            e.insert("example".into(), format!("认真执行{variant}。").into());
            e.insert("counter-example".into(), format!("认真执行{}。", cell(right)).into());
            entries.push(toml::Value::Table(e));
        }
        if organ && !cell(replace).is_empty() {
            for (variant, fixed) in organ_name_variants(cell(replace)) {
                if !listed.insert(variant.clone()) {
                    continue;
                }
                let mut e = toml::Table::new();
                e.insert("match".into(), variant.as_str().into());
                e.insert("replace".into(), fixed.as_str().into());
                e.insert("severity".into(), "warning".into());
                e.insert(
                    "message".into(),
                    format!("机构名称“{{match}}”不规范，应为“{fixed}”（同国务院组成部门“{}”的名称）", cell(replace))
                        .into(),
                );
                e.insert("source".into(), source.clone().into());
                e.insert("unless-within".into(), toml::Value::Array(vec![fixed.as_str().into()]));
                e.insert("unless-after".into(), toml::Value::Array(vec!["门".into()]));
                e.insert("unless-before".into(), toml::Value::Array(vec!["原".into()]));
                e.insert("example".into(), format!("报送省{variant}审核。").into());
                e.insert("counter-example".into(), format!("报送省{fixed}审核。").into());
                entries.push(toml::Value::Table(e));
            }
        }
    }
    Ok(entries)
}

/// Wrong forms of a central organ's name that drafters also write for the local departments
/// named after it (厅、局、委员会): its “和” written “与” (人力资源与社会保障厅), or a “和”/“与”
/// put between the two words of a four-character name that has none (农业和农村局,
/// 卫生与健康委员会) — with the right form of each.
fn organ_name_variants(name: &str) -> Vec<(String, String)> {
    let name = name.trim_start_matches("中华人民共和国");
    let name = name.strip_prefix("国家").unwrap_or(name);
    let Some((stem, _)) = ["委员会", "部"].iter().find_map(|s| name.strip_suffix(s).map(|stem| (stem, s))) else {
        return Vec::new();
    };
    let chars: Vec<char> = stem.chars().collect();
    let wrong_stems: Vec<String> = if stem.contains('和') {
        vec![stem.replace('和', "与")]
    } else if chars.len() == 4 && chars.iter().all(|c| crate::lang::is_han(*c)) {
        let (a, b): (String, String) = (chars[..2].iter().collect(), chars[2..].iter().collect());
        vec![format!("{a}和{b}"), format!("{a}与{b}")]
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    for wrong in wrong_stems {
        for suffix in ["部", "厅", "局", "委员会", "委"] {
            out.push((format!("{wrong}{suffix}"), format!("{stem}{suffix}")));
        }
    }
    out
}

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
        unknown_law_titles(cx, out);
    }
}

/// The titles of the laws and administrative regulations (`lints/wording/laws.tsv`: the national
/// law database's texts as mirrored by LawRefBook/Laws, commit 2f4c5c2 of 2025-04-19), with
/// the date of the latest text.
static LAWS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../../../lints/wording/laws.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cells = l.split('\t');
            Some((cells.next()?, cells.next().unwrap_or("")))
        })
        .collect()
});

/// A cited 《中华人民共和国……法／条例》 that is no law or regulation, but within two characters
/// of one: a title remembered wrongly (《中华人民共和国劳动合同管理法》 for 劳动合同法). A title
/// further from every known one is left alone — it may be a law newer than the list.
fn unknown_law_titles(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text();
    for (kind, span) in cx.doc.masks.iter() {
        if *kind != MaskKind::BookTitle || cx.doc.masks.hits(MaskSet::NON_TEXT, *span) {
            continue;
        }
        let cited = span.text(text);
        let Some(inner) = cited.strip_prefix('《').and_then(|c| c.strip_suffix('》')) else { continue };
        // A version note in the title (（2018年修正）) is not part of the name.
        let name = match inner.rfind('（') {
            Some(at) if inner.ends_with('）') => &inner[..at],
            _ => inner,
        };
        // Only a plain name: a title broken over lines or holding other marks is left alone.
        let plain = |c: char| is_han(c) || c.is_ascii_digit() || c == '、';
        if !name.starts_with("中华人民共和国")
            || !(name.ends_with('法') || name.ends_with("条例"))
            || !name.chars().all(plain)
            || LAWS.iter().any(|(title, _)| *title == name)
        {
            continue;
        }
        // Titles are misremembered by a word added or left out (劳动合同管理法, 乡村振兴法) or
        // one character changed (和/与, 条例/法); two changed characters are more likely another
        // law — one newer than the list (国家公园法 is not a slip for 国家安全法).
        let length = name.chars().count();
        let scored: Vec<(usize, &(&str, &str))> = LAWS
            .iter()
            .filter(|(t, _)| t.starts_with("中华人民共和国"))
            .map(|law| (char_distance(name, law.0), law))
            .filter(|(d, law)| d.saturating_sub(law.0.chars().count().abs_diff(length)) <= 1)
            .collect();
        let Some(best) = scored.iter().map(|(d, _)| *d).min() else { continue };
        // Another finding (the 规范表述 table) already says what this title should be.
        if best > 2 || out.iter().any(|f| f.span.start < span.end && span.start < f.span.end) {
            continue;
        }
        // Of the nearest titles, the one that keeps most of the cited characters in order
        // (粮食安全法 → 粮食安全保障法, not 国家安全法); when that does not decide, all of them.
        let nearest: Vec<&(&str, &str)> = scored.iter().filter(|(d, _)| *d == best).map(|(_, law)| *law).collect();
        let kept = |t: &str| common_subsequence(name, t);
        let most = nearest.iter().map(|(t, _)| kept(t)).max().unwrap_or(0);
        let candidates: Vec<&(&str, &str)> = nearest.into_iter().filter(|(t, _)| kept(t) == most).take(3).collect();
        let named: Vec<String> = candidates.iter().map(|(t, _)| format!("《{t}》")).collect();
        let cited_from: Vec<String> = candidates.iter().map(|(t, d)| format!("《{t}》（{d}）")).collect();
        let mut finding =
            Finding::new(*span, format!("《{name}》不是现行法律、行政法规的名称，应是{}？", named.join("或")))
                .help("按国家法律法规数据库中的名称改正；如是新近公布的法律，以公布的名称为准")
                .severity(Severity::Warning)
                .source(format!(
                    "国家法律法规数据库（flk.npc.gov.cn）收录的法律、行政法规名称（据其镜像 LawRefBook/Laws，2025年4月19日的文本）：{}",
                    cited_from.join("、")
                ));
        if let [(title, _)] = candidates[..] {
            let inner_span = Span::new(span.start + '《'.len_utf8(), span.start + '《'.len_utf8() + name.len());
            finding = finding.fix(Fix::unsafe_(format!("改为《{title}》"), vec![Edit::replace(inner_span, *title)]));
        }
        out.push(finding);
    }
}

/// The length of the longest common subsequence, in characters.
fn common_subsequence(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row = vec![0; b.len() + 1];
    for ca in &a {
        let mut diagonal = 0;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb { diagonal + 1 } else { row[j + 1].max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Levenshtein distance in characters.
fn char_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
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
