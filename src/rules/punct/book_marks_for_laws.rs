use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct BookMarksForLaws;

static META: RuleMeta = RuleMeta {
    code: "GW403",
    name: "book-marks-for-laws-docs",
    summary: "引用法律法规、规章和文件名称加书名号",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 4.15 书名号；实务：引用法律法规、文件使用全称并加书名号",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "在“根据”“依据”“按照”“依照”“贯彻”“落实”“执行”“违反”“符合”“参照”“适用”“遵守”之后直接引用的法律、\
地方性法规和规章名称应加书名号：\n\n\
- “中华人民共和国……法”（含“……法实施条例”“民法典”）；\n\
- “××省/市/县/区……条例（办法、规定、细则、实施意见）”。\n\n\
为避免误报，只认上述两种有明确专名的写法：泛称（“有关法律法规”“相关规定”“国家规定”“上述办法”）、\
机关名称开头的（“市政府有关规定”）、含“的”“和”“及”的长名称、法律简称（“安全生产法”）都不报；\
引号、书名号内和引用段落中的文字不检查。加书名号的修改需人工确认（`--unsafe-fixes`）。",
    bad: "依据中华人民共和国安全生产法和示例省安全生产条例，制定本办法。",
    good: "依据《中华人民共和国安全生产法》和《示例省安全生产条例》，制定本办法。",
};

/// A verb that introduces a cited law.
static TRIGGER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"根据|依据|按照|依照|贯彻|落实|执行|违反|符合|参照|适用|遵守").expect("valid"));

/// A name right at the start: a national law, or a local regulation whose name starts with a
/// place (示例省…条例).
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:中华人民共和国[\p{Han}--[和与及的、法]]{1,20}法(?:实施条例|实施细则|典)?",
        r"|(?P<place>[\p{Han}--[委府和与及的各本该全有相]]{2,6}?(?:自治区|自治州|省|市|县|区))",
        r"(?P<rest>[\p{Han}--[和与及的、]]{3,30}?)(?:实施条例|实施细则|实施办法|实施意见|条例|办法|规定|细则)(?:实施细则|实施办法)?)",
    ))
    .expect("valid")
});

/// What joins two cited names: 依据……法和……条例.
const JOINERS: &[&str] = &["以及", "和", "及", "与", "、"];

/// Words that make a “name” a generic reference or an organ's decision, not a title.
const GENERIC: &[&str] =
    &["有关", "相关", "现行", "上述", "统一", "具体", "各项", "政府", "人民", "委员会", "党委", "人大", "政协"];

/// Zones that are not law-making places: 开发区、示范区、园区、新区……
const NOT_PLACE_BEFORE_QU: &[char] =
    &['发', '范', '园', '新', '景', '社', '城', '片', '辖', '小', '能', '护', '验', '贸', '济', '港', '校'];

impl Rule for BookMarksForLaws {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        for (line, _) in cx.doc.lines_matching(text, &TRIGGER) {
            let s = line.span.text(text);
            if !line.chars.may_contain_any(&['法', '条', '规', '细'])
                || !["法", "条例", "办法", "规定", "细则"].iter().any(|w| s.contains(w))
            {
                continue;
            }
            for t in TRIGGER.find_iter(s) {
                let mut at = t.end();
                // The cited names after the verb, joined by 和/及/与/、; a 《》 name in the chain
                // is skipped over.
                loop {
                    let rest = &s[at..];
                    let end = if rest.starts_with('《') {
                        match rest.find('》') {
                            Some(close) => at + close + '》'.len_utf8(),
                            None => break,
                        }
                    } else {
                        let Some(c) = NAME.captures(rest) else { break };
                        let name = c.get(0).expect("match");
                        let span = line.span.sub(at, at + name.end());
                        if is_title(&c, &s[at + name.end()..]) && !cx.doc.masks.hits(skip, span) {
                            report(name.as_str(), span, out);
                        }
                        at + name.end()
                    };
                    let Some(joiner) = JOINERS.iter().find(|j| s[end..].starts_with(*j)) else { break };
                    at = end + joiner.len();
                }
            }
        }
    }
}

/// Whether a match of `NAME` reads as the title of a law rather than a generic reference.
fn is_title(c: &regex::Captures, tail: &str) -> bool {
    let Some(place) = c.name("place") else {
        // 中华人民共和国法律法规 / 宪法规定: the 法 belongs to a longer word.
        return !tail.starts_with(['律', '规', '人', '院', '治', '制', '官', '庭', '学', '定']);
    };
    let place = place.as_str();
    let rest = c.name("rest").map_or("", |m| m.as_str());
    if GENERIC.iter().any(|g| rest.contains(g) || place.contains(g)) {
        return false;
    }
    if place.ends_with('区') && place.chars().rev().nth(1).is_some_and(|c| NOT_PLACE_BEFORE_QU.contains(&c)) {
        return false;
    }
    // The name runs on (示例省安全生产条例释义、……条例草案): not a whole title.
    !["释义", "草案", "修正", "修订"].iter().any(|w| tail.starts_with(w))
}

fn report(shown: &str, span: Span, out: &mut Vec<Finding>) {
    out.push(
        Finding::new(span, format!("引用法律法规、规章名称应加书名号：“{shown}”应写作“《{shown}》”"))
            .help("引用法律法规和文件，一般使用全称并加书名号")
            .fix(Fix::unsafe_(
                format!("改为“《{shown}》”"),
                vec![Edit::insert(span.start, "《"), Edit::insert(span.end, "》")],
            ))
            .en(format!("Put the cited law “{shown}” in book-title marks 《》")),
    );
}

#[cfg(test)]
mod tests {
    use crate::test_support::codes_in;

    #[test]
    fn cited_laws_without_book_marks() {
        let text = "依据中华人民共和国安全生产法和示例省安全生产条例，制定本办法。\n按照中华人民共和国民法典有关规定执行。\n\
根据《中华人民共和国消防法》及示例省消防条例实施细则执行。\n";
        assert_eq!(
            codes_in("t.txt", text, "GW403"),
            [
                "GW403:中华人民共和国安全生产法",
                "GW403:示例省安全生产条例",
                "GW403:中华人民共和国民法典",
                "GW403:示例省消防条例实施细则"
            ]
        );
    }

    #[test]
    fn generic_references_and_marked_names_are_fine() {
        let text = "依据《中华人民共和国安全生产法》和《示例省安全生产条例》，制定本办法。\n\
按照国家有关法律法规和上级规定执行。\n根据示例市政府有关规定办理。\n按照省委省政府工作部署和有关规定执行。\n\
严格执行行政复议法，依照中华人民共和国法律法规办理。\n按照全市统一规定执行。\n\
他说：“依据示例省安全生产条例处理。”\n落实示例市委市政府决策部署。\n按照示范区建设管理规定执行。\n\
依据《中华人民共和国安全生产法》和《示例省安全生产条例》、《示例市消防条例》处理。\n";
        assert!(codes_in("t.txt", text, "GW403").is_empty(), "{:?}", codes_in("t.txt", text, "GW403"));
    }
}
