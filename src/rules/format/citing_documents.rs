use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DOC_NUMBER, MaskKind, MaskSet, Part};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct CitingDocuments;

static META: RuleMeta = RuleMeta {
    code: "GW312",
    name: "citing-documents",
    summary: "引用公文先引标题，后引发文字号",
    category: Category::Format,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "实务：引用公文应当先引标题，后引发文字号（原《国家行政机关公文处理办法》的规定，该办法已废止，实践沿用）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查正文（含附件）中对其他公文的引用（实务，提示）：\n\n\
- 发文字号写在标题之前（“根据示府〔2024〕5号《……的通知》”）：建议改为“《……的通知》（示府〔2024〕5号）”；\n\
- 标题之后的发文字号没有加圆括号（“《……的通知》示府〔2024〕5号”）：建议加“（）”；\n\
- 只写发文字号不写标题（“根据示府〔2024〕5号文件精神”“按照示府〔2024〕5号要求”）：提示补引标题。\n\n\
修改建议需人工确认（`--unsafe-fixes`）。只认六角括号或带“号”字的文号（与 GW302 相同）；\
书名号、引号内的文字不查；半角括号的全角转换由 GW401 负责。标题过长时有的单位惯例只写文号，故只作提示。",
    bad: "根据示府〔2024〕5号《示例市人民政府关于加强安全生产工作的通知》要求",
    good: "根据《示例市人民政府关于加强安全生产工作的通知》（示府〔2024〕5号）要求",
};

/// Words that run into a 文号's 代字 in the regex match (“各区要按照示府办〔2023〕18号”): the
/// 代字 starts after the last of them.
const CITING_WORDS: &[&str] =
    &["根据", "按照", "依据", "依照", "参照", "贯彻", "落实", "执行", "对照", "结合", "印发", "转发"];
/// One-character words, stripped only at the very start (示经信 is a 代字).
const LEADING_CHARS: &[&str] = &["经", "按", "据", "依", "照", "和", "与", "及", "并"];
/// What follows a bare 文号 when it stands for the document it numbers.
const CITING_TAILS: &[&str] = &["文件", "文", "精神", "要求", "规定", "通知"];

impl Rule for CitingDocuments {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
        for (line, part) in &cx.doc.lines {
            if !matches!(part, Part::Body | Part::Attachment(_)) {
                continue;
            }
            let s = line.span.text(text);
            if !line.doc_number {
                continue;
            }
            for c in DOC_NUMBER.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let open = c.name("open").expect("group");
                let has_hao = c.name("hao").is_some();
                if !has_hao && open.as_str() != "〔" {
                    continue;
                }
                if !has_hao && s[whole.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
                // The 代字 proper: drop words such as 根据 that the pattern swallowed.
                let code = c.name("code").expect("group");
                let mut start = code.start();
                let mut code_text = code.as_str();
                let cut = CITING_WORDS
                    .iter()
                    .filter_map(|w| code_text.rfind(*w).map(|i| i + w.len()))
                    .filter(|&end| end < code_text.len())
                    .max();
                if let Some(end) = cut {
                    start += end;
                    code_text = &code_text[end..];
                }
                if let Some(w) = LEADING_CHARS.iter().find(|w| code_text.starts_with(**w) && code_text.len() > w.len())
                {
                    start += w.len();
                }
                let (from, to) = (start, whole.end());
                let span = line.span.sub(from, to);
                if cx.doc.masks.hits(skip, span) {
                    continue;
                }
                let number = &s[from..to];
                let before = &s[..from];
                let after = &s[to..];
                if after.starts_with('《') {
                    // 文号《标题》 → 《标题》（文号）
                    let Some(close) = after.find('》') else { continue };
                    let title = &after[..close + '》'.len_utf8()];
                    let whole_span = line.span.sub(from, to + title.len());
                    out.push(
                        Finding::new(span, format!("引用公文应先引标题，后引发文字号：“{number}”写在了标题之前"))
                            .help(format!("写作“{title}（{number}）”"))
                            .fix(Fix::unsafe_(
                                format!("改为“{title}（{number}）”"),
                                vec![Edit::replace(whole_span, format!("{title}（{number}）"))],
                            ))
                            .en("Cite a document by its title first, then its number"),
                    );
                } else if before.ends_with('》') {
                    out.push(
                        Finding::new(span, format!("标题之后的发文字号“{number}”应加圆括号"))
                            .help(format!("写作“《……》（{number}）”"))
                            .fix(Fix::unsafe_(
                                "加“（）”",
                                vec![Edit::insert(span.start, "（"), Edit::insert(span.end, "）")],
                            ))
                            .en("Put the document number in brackets after the title"),
                    );
                } else if !before.ends_with(['（', '(']) && CITING_TAILS.iter().any(|t| after.starts_with(t))
                    || start > code.start() && !before.ends_with(['（', '('])
                {
                    out.push(
                        Finding::new(span, format!("引用公文只写了发文字号“{number}”，未引标题"))
                            .help(format!("先引标题，后引发文字号：“《……》（{number}）”"))
                            .severity(Severity::Info)
                            .en("Cite the document's title, not only its number"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    fn body(s: &str) -> String {
        format!("示例市应急管理局关于开展检查的通知\n各区应急管理局：\n{s}\n示例市应急管理局\n2024年3月5日\n")
    }

    #[test]
    fn number_before_title() {
        let text = body("根据示府〔2024〕5号《示例市人民政府关于加强安全生产工作的通知》要求，现通知如下。");
        let d = lint_text("t.txt", &text, "GW312");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.text(&text), "示府〔2024〕5号");
        assert_eq!(
            d[0].fix.as_ref().unwrap().edits[0].replacement,
            "《示例市人民政府关于加强安全生产工作的通知》（示府〔2024〕5号）"
        );
    }

    #[test]
    fn unbracketed_and_bare_numbers() {
        let text = body("根据《示例市人民政府关于加强安全生产工作的通知》示府〔2024〕5号要求，现通知如下。");
        assert_eq!(codes_in("t.txt", &text, "GW312"), ["GW312:示府〔2024〕5号"]);
        let text = body("根据示府〔2024〕5号文件精神，现通知如下。");
        assert_eq!(codes_in("t.txt", &text, "GW312"), ["GW312:示府〔2024〕5号"]);
    }

    #[test]
    fn proper_citations_stay_silent() {
        let text = body(
            "根据《示例市人民政府关于加强安全生产工作的通知》（示府〔2024〕5号）要求，现通知如下。\n案号（2023）粤07民初123号已审结。",
        );
        assert!(codes_in("t.txt", &text, "GW312").is_empty());
    }
}
