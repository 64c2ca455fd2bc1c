//! Automatic numbering (`numbering.xml`) rendered as the text the reader sees.

use super::{attr, child, is_w};
use roxmltree::{Document, Node};
use std::collections::HashMap;

/// One level of a list: its start, number format and text pattern (`%1、`).
#[derive(Clone, Debug)]
pub(super) struct Level {
    pub(super) start: u32,
    pub(super) format: String,
    pub(super) text: String,
    /// `w:isLgl`: every level shown in Arabic numerals.
    pub(super) legal: bool,
}

#[derive(Default)]
pub(super) struct Numbering {
    /// numId → its levels (abstract definition with overrides applied).
    nums: HashMap<String, Vec<Level>>,
}

impl Numbering {
    pub(super) fn new(doc: &Document) -> Numbering {
        let root = doc.root_element();
        let mut abstracts: HashMap<&str, Vec<Level>> = HashMap::new();
        for a in root.children().filter(|c| is_w(*c, "abstractNum")) {
            let Some(id) = attr(a, "abstractNumId") else { continue };
            abstracts.insert(id, levels_of(a));
        }
        let mut nums = HashMap::new();
        for n in root.children().filter(|c| is_w(*c, "num")) {
            let (Some(id), Some(abs)) = (attr(n, "numId"), child(n, "abstractNumId").and_then(|a| attr(a, "val")))
            else {
                continue;
            };
            let Some(mut levels) = abstracts.get(abs).cloned() else { continue };
            for o in n.children().filter(|c| is_w(*c, "lvlOverride")) {
                let Some(i) = attr(o, "ilvl").and_then(|v| v.parse::<usize>().ok()) else { continue };
                if let Some(start) = child(o, "startOverride").and_then(|s| attr(s, "val")).and_then(|v| v.parse().ok())
                    && let Some(l) = levels.get_mut(i)
                {
                    l.start = start;
                }
                if let Some(lvl) = child(o, "lvl")
                    && let Some(l) = levels.get_mut(i)
                {
                    *l = level_of(lvl);
                }
            }
            nums.insert(id.to_string(), levels);
        }
        Numbering { nums }
    }

    pub(super) fn levels(&self, id: &str) -> Option<&Vec<Level>> {
        self.nums.get(id)
    }
}

fn levels_of(abstract_num: Node) -> Vec<Level> {
    let mut levels: Vec<(usize, Level)> = abstract_num
        .children()
        .filter(|c| is_w(*c, "lvl"))
        .map(|l| (attr(l, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0), level_of(l)))
        .collect();
    levels.sort_by_key(|(i, _)| *i);
    let mut out = Vec::new();
    for (i, l) in levels {
        while out.len() < i {
            out.push(Level { start: 1, format: "decimal".into(), text: String::new(), legal: false });
        }
        out.push(l);
    }
    out
}

fn level_of(lvl: Node) -> Level {
    let val = |name: &str| child(lvl, name).and_then(|n| attr(n, "val")).map(str::to_string);
    Level {
        start: val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
        format: val("numFmt").unwrap_or_else(|| "decimal".into()),
        text: val("lvlText").unwrap_or_default(),
        legal: child(lvl, "isLgl").is_some_and(|n| attr(n, "val").is_none_or(|v| v != "0" && v != "false")),
    }
}

/// Paragraph styles that carry numbering, with their basedOn chains followed.
pub(super) fn style_numbering(doc: &Document) -> HashMap<String, (String, usize)> {
    type StyleNumbering<'a> = (Option<(String, usize)>, Option<&'a str>);
    let mut own: HashMap<&str, StyleNumbering> = HashMap::new();
    for s in doc.root_element().children().filter(|c| is_w(*c, "style")) {
        let Some(id) = attr(s, "styleId") else { continue };
        let num = child(s, "pPr").and_then(|p| child(p, "numPr")).and_then(|n| {
            let num_id = child(n, "numId").and_then(|v| attr(v, "val"))?.to_string();
            let level = child(n, "ilvl").and_then(|v| attr(v, "val")).and_then(|v| v.parse().ok()).unwrap_or(0);
            Some((num_id, level))
        });
        let based = child(s, "basedOn").and_then(|b| attr(b, "val"));
        own.insert(id, (num, based));
    }
    let mut out = HashMap::new();
    for id in own.keys() {
        let mut at = Some(*id);
        for _ in 0..16 {
            let Some((num, based)) = at.and_then(|a| own.get(a)) else { break };
            if let Some(num) = num {
                out.insert(id.to_string(), num.clone());
                break;
            }
            at = *based;
        }
    }
    out
}

/// A counter in a Word number format.
pub(super) fn render(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographDigital"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese(n),
        "ideographTraditional" => {
            const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
            STEMS.get((n as usize).wrapping_sub(1)).map_or_else(|| n.to_string(), |s| (*s).to_string())
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect()
        }
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// 一 … 十, 十一 … 九十九, 一百 …
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => DIGITS[0].to_string(),
        1..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { DIGITS[(n % 10) as usize] }),
        20..=99 => {
            format!(
                "{}十{}",
                DIGITS[(n / 10) as usize],
                if n.is_multiple_of(10) { "" } else { DIGITS[(n % 10) as usize] }
            )
        }
        _ => n.to_string(),
    }
}

fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(base + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}
