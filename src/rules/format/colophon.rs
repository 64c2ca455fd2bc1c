use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::RecipientList;
use crate::lang::is_blank;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct ColophonFormat;

static META: RuleMeta = RuleMeta {
    code: "GW311",
    name: "colophon",
    summary: "版记：抄送最后标句号；印发日期后加“印发”",
    category: Category::Format,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.4.2 抄送机关“最后一个抄送机关名称后标句号”；7.4.3 印发机关和印发日期（印发日期用阿拉伯数字将年、月、日标全，后加“印发”二字）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查版记：\n\n\
- “抄送”（及移至版记的“主送”）后缺冒号：`--fix` 补“：”；\n\
- 最后一个抄送机关名称后应标句号“。”：缺句号或用了逗号、分号、顿号的，`--fix` 改为“。”；\n\
- 印发日期后应加“印发”二字：只写“2023年9月22日发”的，`--fix` 把“发”改为“印发”；什么也没写的，`--fix` 补“印发”。\
这两种修改只补足标准规定的固定用语，不改变日期和机关，所以是安全修复；\n\
- 印发日期的月、日不编虚位（“2024年03月05日印发”）：`--fix` 删去虚位的“0”；\n\
- 印发日期早于成文日期（警告，只提示）；版记中“主送”应在“抄送”之上（警告）；\n\
- 残留的“主题词：”行（提示：GB/T 9704-2012 已删除主题词格式要素）。\n\n\
半角冒号、半角句点的全角转换由 GW401 负责，全角数字由 GW504 负责。\
信函格式的版记不标印发机关和印发日期（GB/T 9704 10.1），没有识别出印发日期时不检查。",
    bad: "抄送：市纪委监委，市人大常委会办公室\n示例市人民政府办公室　　2024年3月5日",
    good: "抄送：市纪委监委，市人大常委会办公室。\n示例市人民政府办公室　　2024年3月5日印发",
};

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<label>抄送|主送)(?P<blank>[ \u{3000}]*)(?P<colon>[:：])?").expect("valid"));
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y>[0-9]{4})[ \u{3000}]*年[ \u{3000}]*(?P<m>[0-9]{1,2})[ \u{3000}]*月[ \u{3000}]*(?P<d>[0-9]{1,2})[ \u{3000}]*日")
        .expect("valid")
});
static SUBJECT_WORDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^主题词[ \u{3000}]*[:：]").expect("valid"));

impl Rule for ColophonFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let c = &cx.doc.colophon;
        if let Some(main) = &c.main {
            check_list(cx, main, "主送", out);
        }
        if let Some(cc) = &c.cc {
            check_list(cx, cc, "抄送", out);
        }
        if let (Some(main), Some(cc)) = (&c.main, &c.cc)
            && main.field.span.start > cc.field.span.start
        {
            out.push(
                Finding::new(main.field.span, "版记中的“主送”应在“抄送”之上一行")
                    .help("把“主送：……”移到“抄送：……”的上一行")
                    .en("In the colophon, 主送 goes above 抄送"),
            );
        }
        if let Some(date) = &c.print_date {
            check_print_date(cx, &date.text, date.span, out);
        }
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(cx.text());
            if let Some(m) = SUBJECT_WORDS.find(s) {
                out.push(
                    Finding::new(line.span.sub(0, m.end()), "公文已不标注主题词")
                        .help("删去“主题词”一行：GB/T 9704-2012 已删除主题词格式要素")
                        .severity(Severity::Info)
                        .source("GB/T 9704-2012 前言：与1999年版相比“删除主题词格式要素”")
                        .en("Subject words (主题词) are no longer part of the format"),
                );
            }
        }
    }
}

fn check_list(cx: &Context, list: &RecipientList, label: &str, out: &mut Vec<Finding>) {
    let s = list.field.text.as_str();
    let Some(c) = LABEL.captures(s) else { return };
    let l = c.name("label").expect("group");
    let blank = c.name("blank").expect("group");
    // “抄送市财政局……” with neither colon nor space is a 版记 line only below the 成文日期.
    let after_date = cx.doc.date.as_ref().is_some_and(|d| d.span.end <= list.field.span.start);
    if c.name("colon").is_none() && (!blank.as_str().is_empty() || after_date) {
        let span = list.field.span.sub(l.end(), blank.end());
        out.push(
            Finding::new(list.field.span.sub(0, l.end()), format!("“{label}”二字后应加全角冒号"))
                .help(format!("写作“{label}：机关名称。”"))
                .fix(Fix::safe("补“：”", vec![Edit::replace(span, "：")]))
                .en(format!("“{label}” is followed by a full-width colon")),
        );
    }
    let content = s.trim_end_matches(is_blank);
    if content.len() <= c.get(0).expect("match").end() {
        return;
    }
    let Some(last) = content.chars().next_back() else { return };
    let end = list.field.span.start + content.len();
    match last {
        '。' => {}
        // A half-width full stop is GW401's to convert.
        '.' => {}
        '，' | '；' | '、' | ',' | ';' => {
            let span = Span::new(end - last.len_utf8(), end);
            out.push(
                Finding::new(span, format!("最后一个{label}机关名称后应标句号，不用“{last}”"))
                    .help("改为“。”")
                    .fix(Fix::safe("改为“。”", vec![Edit::replace(span, "。")]))
                    .en("The last organ in the list is followed by “。”"),
            );
        }
        _ => {
            let span = Span::new(end - last.len_utf8(), end);
            out.push(
                Finding::new(span, format!("最后一个{label}机关名称后缺少句号"))
                    .help("在最后一个机关名称后标“。”")
                    .fix(Fix::safe("补“。”", vec![Edit::insert(end, "。")]))
                    .en("The last organ in the list is followed by “。”"),
            );
        }
    }
}

fn check_print_date(cx: &Context, text: &str, span: Span, out: &mut Vec<Finding>) {
    let s = text.trim_end_matches(is_blank);
    if !s.ends_with("印发") {
        if let Some(head) = s.strip_suffix('发') {
            let fa = Span::new(span.start + head.len(), span.start + s.len());
            out.push(
                Finding::new(fa, format!("印发日期后应加“印发”二字，“{s}”只写了“发”"))
                    .help(format!("写作“{head}印发”"))
                    .fix(Fix::safe("改为“印发”", vec![Edit::replace(fa, "印发")]))
                    .en("The print date is followed by “印发”"),
            );
        } else {
            let end = span.start + s.len();
            out.push(
                Finding::new(span, format!("印发日期“{s}”后缺少“印发”二字"))
                    .help(format!("写作“{s}印发”"))
                    .fix(Fix::safe("补“印发”", vec![Edit::insert(end, "印发")]))
                    .en("The print date is followed by “印发”"),
            );
        }
    }
    let Some(c) = DATE.captures(s) else { return };
    let mut zeros = Vec::new();
    for part in ["m", "d"] {
        let m = c.name(part).expect("group");
        if m.as_str().len() == 2 && m.as_str().starts_with('0') {
            zeros.push(Span::new(span.start + m.start(), span.start + m.start() + 1));
        }
    }
    if !zeros.is_empty() {
        out.push(
            Finding::new(span, format!("印发日期“{s}”的月、日不编虚位"))
                .help("如“2024年3月5日印发”，不写“2024年03月05日印发”")
                .fix(Fix::safe("删去虚位的“0”", zeros.into_iter().map(Edit::delete).collect()))
                .en("No leading zeros in the print date"),
        );
    }
    // 印发 cannot come before the document is signed.
    let num = |c: &regex::Captures, n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let printed = (num(&c, "y"), num(&c, "m"), num(&c, "d"));
    let issued =
        cx.doc.date.as_ref().and_then(|d| DATE.captures(&d.text).map(|c| (num(&c, "y"), num(&c, "m"), num(&c, "d"))));
    if let (Some(p @ (Some(_), Some(_), Some(_))), Some(i @ (Some(_), Some(_), Some(_)))) = (Some(printed), issued)
        && p < i
    {
        out.push(
            Finding::new(span, "印发日期早于成文日期")
                .help("核对印发日期和成文日期：公文签发后才能印发")
                .en("The print date is earlier than the issue date"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    const DOC: &str = "示例市人民政府关于开展检查的通知\n各区人民政府：\n正文。\n示例市人民政府\n2024年3月5日\n";

    #[test]
    fn cc_full_stop_and_print_suffix() {
        let text = format!("{DOC}抄送：市纪委监委，市人大常委会办公室\n示例市人民政府办公室　　2024年3月5日发\n");
        assert_eq!(codes_in("t.txt", &text, "GW311"), ["GW311:室", "GW311:发"]);
        assert_fixed(
            &text,
            "GW311",
            &format!("{DOC}抄送：市纪委监委，市人大常委会办公室。\n示例市人民政府办公室　　2024年3月5日印发\n"),
        );
    }

    #[test]
    fn padding_missing_suffix_and_colon() {
        let text = format!("{DOC}抄送 市纪委监委，市人大常委会办公室，\n示例市人民政府办公室　　2024年03月05日\n");
        assert_fixed(
            &text,
            "GW311",
            &format!("{DOC}抄送：市纪委监委，市人大常委会办公室。\n示例市人民政府办公室　　2024年3月5日印发\n"),
        );
    }

    #[test]
    fn print_before_issue_and_subject_words() {
        let text =
            format!("{DOC}主题词：安全　检查　通知\n抄送：市纪委监委。\n示例市人民政府办公室　　2024年3月1日印发\n");
        let d = codes_in("t.txt", &text, "GW311");
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn correct_colophon_is_silent() {
        let text = format!("{DOC}抄送：市纪委监委，市人大常委会办公室。\n示例市人民政府办公室　　2024年3月5日印发\n");
        assert!(codes_in("t.txt", &text, "GW311").is_empty());
    }
}
