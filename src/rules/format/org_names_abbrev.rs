use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet, Part};
use crate::lang::is_han;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct OrgNamesAbbrev;

static META: RuleMeta = RuleMeta {
    code: "GW313",
    name: "org-names-abbrev",
    summary: "机关名称用全称、规范化简称或统称；非规范简称先用全称并注明",
    category: Category::Format,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第九条（八）主送机关“应当使用机关全称、规范化简称或者同类型机关统称”；实务：文内使用非规范化简称，应当先用全称并注明简称（原《国家行政机关公文处理办法》的规定，实践沿用）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "两项提示：\n\n\
- **口语化简称**：主送机关、抄送机关、署名和正文中的“市府”“区府”“县府”“省府”“市府办”，建议写作\
“市政府”“市政府办公室”等（需确认，`--unsafe-fixes`）；\n\
- **简称先用后注**：正文用“（以下简称“X”）”注明机关简称，但此前已经用过“X”——简称应在全称第一次出现时注明；\
同一简称重复注明也提示。只查机关名称的简称（全称以“局”“委员会”“办公室”等结尾），\
“市政府”“市委”等通行的规范化简称不要求注明。\n\n\
主送、抄送名称是否为配置中机构的规范写法，需要机构配置（§5），本规则暂不比对；书名号、引号内的文字不查。",
    bad: "请于3月底前报市住建局审核。……示例市住房和城乡建设局（以下简称市住建局）负责……",
    good: "示例市住房和城乡建设局（以下简称市住建局）负责……请于3月底前报市住建局审核。",
};

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]以下简称为?[“”\x22「]?(?P<short>[^“”\x22「」（）()]{2,15}?)[”“\x22」]?[）)]").expect("valid")
});
static COLLOQUIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<place>[市省县区])府(?P<office>办)?").expect("valid"));
/// Words ending an organ's full name.
static ORG_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:人民政府|政府|委员会|常委会|局|委|厅|办公室|办公厅|中心|院|公司|集团|部|署|办|会|站|所|队|行|社|馆|处)$",
    )
    .expect("valid")
});
/// 规范化简称 everyone understands; defining them is optional.
const STANDARD_SHORT: &[&str] =
    &["市政府", "省政府", "区政府", "县政府", "镇政府", "市委", "省委", "区委", "县委", "国务院", "市政府办公室"];
/// What may stand right before 市府 in running text: a verb or a separator, not part of a word.
const BEFORE_COLLOQUIAL: &[char] =
    &['报', '经', '由', '向', '请', '送', '呈', '和', '与', '及', '、', '，', '。', '；', '：', '“'];

impl Rule for OrgNamesAbbrev {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        self.colloquial(cx, out);
        self.definitions(cx, out);
    }
}

impl OrgNamesAbbrev {
    fn colloquial(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::Forwarded);
        for (line, part) in cx.doc.lines_matching(text, &COLLOQUIAL) {
            let names = matches!(part, Part::MainRecipients | Part::Signature | Part::Colophon);
            if !names && *part != Part::Body {
                continue;
            }
            let s = line.span.text(text);
            for c in COLLOQUIAL.captures_iter(s) {
                let m = c.get(0).expect("match");
                let span = line.span.sub(m.start(), m.end());
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let before = s[..m.start()].chars().next_back();
                if !names && before.is_some_and(|b| is_han(b) && !BEFORE_COLLOQUIAL.contains(&b)) {
                    continue;
                }
                // 市府前路, 区府大院: places, not organs.
                let after = &s[m.end()..];
                if ["前", "后", "路", "街", "大院", "大楼", "广场", "大道", "站", "东", "西", "南", "北"]
                    .iter()
                    .any(|w| after.starts_with(w))
                {
                    continue;
                }
                let place = c.name("place").expect("group").as_str();
                let good = if c.name("office").is_some() {
                    format!("{place}政府办公室")
                } else {
                    format!("{place}政府")
                };
                out.push(
                    Finding::new(span, format!("“{}”不是规范化简称，应写作“{good}”", m.as_str()))
                        .help("机关名称使用全称、规范化简称或者同类型机关统称")
                        .fix(Fix::unsafe_(format!("改为“{good}”"), vec![Edit::replace(span, good.clone())]))
                        .en(format!("Use the standard short name “{good}”")),
                );
            }
        }
    }

    fn definitions(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        let body: Vec<Span> = cx.doc.lines.iter().filter(|(_, p)| *p == Part::Body).map(|(l, _)| l.span).collect();
        let mut defined: Vec<String> = Vec::new();
        for line in &body {
            let s = line.text(text);
            for c in DEFINITION.captures_iter(s) {
                let m = c.get(0).expect("match");
                let short = c.name("short").expect("group").as_str().trim();
                // The full name: the Han run right before the brackets.
                let head = &s[..m.start()];
                let full_len: usize = head.chars().rev().take_while(|c| is_han(*c)).map(char::len_utf8).sum();
                let full = &head[head.len() - full_len..];
                if !ORG_END.is_match(full) || STANDARD_SHORT.contains(&short) || !short.chars().all(is_han) {
                    continue;
                }
                let def_span = line.sub(m.start(), m.end());
                if defined.iter().any(|d| d == short) {
                    out.push(
                        Finding::new(def_span, format!("简称“{short}”已在前文注明，不必重复"))
                            .help("简称只在全称第一次出现时注明一次")
                            .severity(Severity::Info)
                            .en(format!("“{short}” is already defined")),
                    );
                    continue;
                }
                defined.push(short.to_string());
                let full_start = line.start + m.start() - full_len;
                if let Some(early) = first_use(cx, &body, short, full_start, skip) {
                    out.push(
                        Finding::new(early, format!("简称“{short}”在注明“（以下简称{short}）”之前已经使用"))
                            .help("在全称第一次出现时注明简称，此前的地方使用全称")
                            .severity(Severity::Info)
                            .en(format!("“{short}” is used before it is defined")),
                    );
                }
            }
        }
    }
}

/// The first use of `short` in the 正文 before `limit`.
fn first_use(cx: &Context, body: &[Span], short: &str, limit: usize, skip: MaskSet) -> Option<Span> {
    let text = cx.text();
    for line in body.iter().filter(|l| l.start < limit) {
        let s = line.text(text);
        for (i, _) in s.match_indices(short) {
            let span = line.sub(i, i + short.len());
            if span.end > limit {
                return None;
            }
            if !cx.doc.masks.hits(skip, span) {
                return Some(span);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::test_support::codes_in;

    fn doc(recipient: &str, body: &str) -> String {
        format!("示例市应急管理局关于开展检查的通知\n{recipient}\n{body}\n示例市应急管理局\n2024年3月5日\n")
    }

    #[test]
    fn colloquial_names() {
        let text = doc("各区府，市府办：", "请于3月底前报市府审定。");
        assert_eq!(codes_in("t.txt", &text, "GW313"), ["GW313:区府", "GW313:市府办", "GW313:市府"]);
    }

    #[test]
    fn short_name_used_before_definition() {
        let text = doc(
            "各区应急管理局：",
            "请于3月底前报市住建局审核。\n示例市住房和城乡建设局（以下简称“市住建局”）负责统筹。\n市住建局要加强指导。",
        );
        assert_eq!(codes_in("t.txt", &text, "GW313"), ["GW313:市住建局"]);
    }

    #[test]
    fn good_uses_stay_silent() {
        let text = doc(
            "各区人民政府，市政府各部门：",
            "示例市住房和城乡建设局（以下简称市住建局）负责统筹，市住建局要加强指导。\n《示例市实施办法》（以下简称《办法》）自发布之日起施行。\n地址：示例市市府前路1号。",
        );
        assert!(codes_in("t.txt", &text, "GW313").is_empty());
    }
}
