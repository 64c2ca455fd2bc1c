//! GW609's sourced data: the table of 规范表述 (`lints/wording/guifan.tsv`), turned into word-table
//! entries — with the organ names generalised to the local departments named after the
//! ministries — and the titles of the laws and administrative regulations
//! (`lints/wording/laws.tsv`), against which cited 《中华人民共和国……法》 are checked.

use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::is_han;
use crate::rules::Context;
use crate::span::Span;
use std::sync::LazyLock;

/// The shipped table of 规范表述: one row per formulation, with the published text it is
/// taken from (see lints/wording/README.md).
pub(super) const GUIFAN: &str = include_str!("../../../lints/wording/guifan.tsv");

/// Table entries for the rows of `guifan.tsv` — one per wrong variant. Each finding cites the
/// row's published source instead of the rule's own; a fix is offered only where the row names
/// a drop-in replacement (a title or an organ's name), and the correct form never matches.
pub(super) fn entries(tsv: &str) -> Result<Vec<toml::Value>, String> {
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
                guard_organ_name(&mut e);
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
                guard_organ_name(&mut e);
                e.insert("example".into(), format!("报送省{variant}审核。").into());
                e.insert("counter-example".into(), format!("报送省{fixed}审核。").into());
                entries.push(toml::Value::Table(e));
            }
        }
    }
    Ok(entries)
}

/// An organ-name entry is silent in 审计部门、监察部门, on a former organ named as such
/// (原监察部), and on a committee of a people's congress or of the CPPCC, whose names are their
/// own, not a government department's (全国人民代表大会农业与农村委员会, 省人大农业与农村委员会,
/// 全国政协农业和农村委员会).
fn guard_organ_name(entry: &mut toml::Table) {
    let name = entry.get("match").and_then(toml::Value::as_str).unwrap_or("");
    let mut before = vec!["原"];
    if name.ends_with('委') || name.ends_with("委员会") {
        before.extend(["人大", "人民代表大会", "政协", "全国委员会"]);
    }
    entry.insert("unless-after".into(), toml::Value::Array(vec!["门".into()]));
    entry.insert("unless-before".into(), toml::Value::Array(before.into_iter().map(Into::into).collect()));
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

/// A law's or regulation's title and the date of its latest text.
type Law = (&'static str, &'static str);

/// The titles of the laws and administrative regulations (`lints/wording/laws.tsv`: the national
/// law database's texts as mirrored by LawRefBook/Laws, commit 2f4c5c2 of 2025-04-19), with
/// the date of the latest text.
static LAWS: LazyLock<Vec<Law>> = LazyLock::new(|| {
    include_str!("../../../lints/wording/laws.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cells = l.split('\t');
            Some((cells.next()?, cells.next().unwrap_or("")))
        })
        .collect()
});

const NATIONAL: &str = "中华人民共和国";

/// The titles of [`LAWS`] that begin 中华人民共和国, as the characters after it.
static NATIONAL_TITLES: LazyLock<Vec<(Vec<char>, &'static Law)>> = LazyLock::new(|| {
    LAWS.iter().filter_map(|law| Some((law.0.strip_prefix(NATIONAL)?.chars().collect(), law))).collect()
});

/// A cited 《中华人民共和国……法／条例》 that is no law or regulation, but within two characters
/// of one: a title remembered wrongly (《中华人民共和国劳动合同管理法》 for 劳动合同法). A title
/// further from every known one is left alone — it may be a law newer than the list.
pub(super) fn unknown_law_titles(cx: &Context, out: &mut Vec<Finding>) {
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
        if !name.starts_with(NATIONAL)
            || !(name.ends_with('法') || name.ends_with("条例"))
            || !name.chars().all(plain)
            || LAWS.iter().any(|(title, _)| *title == name)
        {
            continue;
        }
        // Titles are misremembered by a word added or left out (劳动合同管理法, 乡村振兴法) or
        // one character changed (和/与, 条例/法); two changed characters are more likely another
        // law — one newer than the list (国家公园法 is not a slip for 国家安全法).
        // The distance after the common 中华人民共和国, capped: only titles within two
        // characters can be nearest (best ≤ 2 below), so a larger distance need not be exact.
        let tail: Vec<char> = name[NATIONAL.len()..].chars().collect();
        let mut row = Vec::new();
        let scored: Vec<(usize, &(&str, &str))> = NATIONAL_TITLES
            .iter()
            // The distance is at least the difference in length.
            .filter(|(t, _)| t.len().abs_diff(tail.len()) <= 2)
            .map(|(t, law)| (distance_within(&tail, t, 2, &mut row), t.len().abs_diff(tail.len()), *law))
            .filter(|(d, length_difference, _)| d.saturating_sub(*length_difference) <= 1)
            .map(|(d, _, law)| (d, law))
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

/// Levenshtein distance in characters, or `limit + 1` as soon as it must exceed `limit`. `row`
/// is scratch space, kept by the caller across calls.
fn distance_within(a: &[char], b: &[char], limit: usize, row: &mut Vec<usize>) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    row.clear();
    row.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut row_min = row[0];
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
            row_min = row_min.min(row[j + 1]);
        }
        // Every later cell is at least the smallest cell of this row.
        if row_min > limit {
            return limit + 1;
        }
    }
    row[b.len()].min(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::distance_within;

    /// Levenshtein distance, the plain way: the definition the bounded search must agree with.
    fn distance(a: &[char], b: &[char]) -> usize {
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

    #[test]
    fn bounded_distance_is_the_distance_up_to_its_limit() {
        let words = [
            "劳动合同法",
            "劳动合同管理法",
            "国家安全法",
            "国家公园法",
            "粮食安全保障法",
            "粮食安全法",
            "法",
            "",
            "乡村振兴促进法",
            "乡村振兴法",
        ];
        let mut row = Vec::new();
        for a in words {
            for b in words {
                let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for limit in 0..4 {
                    assert_eq!(
                        distance_within(&a, &b, limit, &mut row),
                        distance(&a, &b).min(limit + 1),
                        "{a:?} {b:?} {limit}"
                    );
                }
            }
        }
    }
}
