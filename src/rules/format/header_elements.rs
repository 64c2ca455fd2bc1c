use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::lang::numerals::{is_chinese_numeral_char, parse_chinese_number};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::{Field, Span};

pub struct HeaderElements;

static META: RuleMeta = RuleMeta {
    code: "GW309",
    name: "header-elements",
    summary: "份号、密级和保密期限、紧急程度的标注",
    category: Category::Format,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第九条（一）“份号。公文印制份数的顺序号。涉密公文应当标注份号。”（二）“涉密公文应当根据涉密程度分别标注‘绝密’‘机密’‘秘密’和保密期限。”（三）“紧急公文应当分别标注‘特急’‘加急’，电报应当分别标注‘特提’‘特急’‘加急’‘平急’。”；GB/T 9704-2012 7.2.1 份号“一般用6位3号阿拉伯数字”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查版头的份号、密级和保密期限、紧急程度：\n\n\
- 标了密级却没有份号（错误：涉密公文应当标注份号）；\n\
- 保密期限用汉字数字（“机密★一年”）——GB/T 9704 要求保密期限中的数字用阿拉伯数字，`--fix` 改为“机密★1年”；\
密级与保密期限之间的“☆”“*”改为“★”；\n\
- 紧急程度写作“急件”“紧急”（警告：公文只用“特急”“加急”）；非电报用了电报专用的“特提”“平急”（提示；\
电报可在 `[rules.GW309]` 中设 `telegram = true`，或版头、标题写明“电报”）；\n\
- 份号不是6位（提示，“一般用6位”）；份号、密级、紧急程度自上而下的顺序颠倒（提示）；\n\
- 标了密级的稿件，提醒涉密内容不应在联网的工具中处理（提示）。\n\n\
公布性公文不应标密级由 GW108 检查。",
    bad: "机密★一年\n急件\n示例市人民政府文件",
    good: "000012\n机密★1年\n特急\n示例市人民政府文件",
};

impl Rule for HeaderElements {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let h = &cx.doc.header;
        if let Some(secrecy) = &h.secrecy {
            if h.copy_number.is_none() {
                out.push(
                    Finding::new(secrecy.span, format!("标注了密级“{}”，但版头没有份号", secrecy.text))
                        .help("涉密公文应当在版头左上角第一行标注份号（一般为6位阿拉伯数字）")
                        .en("A classified document must carry a copy number"),
                );
            }
            check_period(secrecy, out);
        }
        let stated_secret =
            cx.doc.stated("密级").is_some_and(|s| ["绝密", "机密", "秘密"].iter().any(|k| s.starts_with(k)));
        if let Some(span) = h.secrecy.as_ref().map(|s| s.span).or_else(|| stated_secret.then(|| front_span(cx))) {
            out.push(
                Finding::new(span, "本稿标有密级：涉密内容不应在联网的计算机或在线工具中处理")
                    .help("按保密规定在涉密载体上起草和处理涉密公文")
                    .severity(Severity::Info)
                    .en("Classified content must not be processed in networked tools"),
            );
        }
        if let Some(copy) = &h.copy_number {
            let has_header = h.secrecy.is_some() || h.issuer_mark.is_some() || h.doc_number.is_some();
            let digits = copy.text.chars().count();
            if has_header && digits != 6 && copy.text.chars().all(|c| c.is_ascii_digit()) {
                let mut f = Finding::new(copy.span, format!("份号“{}”一般用6位阿拉伯数字", copy.text))
                    .help("如第12份写作“000012”")
                    .severity(Severity::Info);
                if digits < 6 {
                    let padded = format!("{:0>6}", copy.text);
                    f = f.fix(Fix::unsafe_(format!("改为“{padded}”"), vec![Edit::replace(copy.span, padded)]));
                }
                out.push(f);
            }
        }
        if let Some(urgency) = &h.urgency {
            check_urgency(cx, urgency, out);
        }
        check_order(cx, out);
    }
}

fn front_span(cx: &Context) -> Span {
    cx.doc.front_matter.as_ref().and_then(|fm| fm.get("密级")).map_or(Span::default(), |e| e.key_span)
}

/// `机密★一年` → `机密★1年`; `机密☆1年` → `机密★1年`.
fn check_period(secrecy: &Field, out: &mut Vec<Finding>) {
    let s = secrecy.text.as_str();
    let Some((star_at, star)) = s.char_indices().find(|(_, c)| matches!(c, '★' | '☆' | '*' | '＊')) else {
        return;
    };
    if star != '★' {
        let span = secrecy.span.sub(star_at, star_at + star.len_utf8());
        out.push(
            Finding::new(span, format!("密级和保密期限之间用“★”隔开，不用“{star}”"))
                .help("写作“机密★1年”")
                .fix(Fix::safe("改为“★”", vec![Edit::replace(span, "★")]))
                .en("Separate the classification and its period with “★”"),
        );
    }
    let rest_at = star_at + star.len_utf8();
    let rest = &s[rest_at..];
    let lead = rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len();
    let num_len: usize = rest[lead..].chars().take_while(|c| is_chinese_numeral_char(*c)).map(char::len_utf8).sum();
    if num_len == 0 {
        return;
    }
    let unit = &rest[lead + num_len..];
    if !(unit.starts_with('年') || unit.starts_with("个月") || unit.starts_with('月')) {
        return;
    }
    let numeral = &rest[lead..lead + num_len];
    let Some(value) = parse_chinese_number(numeral) else { return };
    if value == 0 {
        return;
    }
    let span = secrecy.span.sub(rest_at + lead, rest_at + lead + num_len);
    out.push(
        Finding::new(span, format!("保密期限中的数字应使用阿拉伯数字（“{numeral}”应为“{value}”）"))
            .help(format!("写作“{}★{value}{}”", &s[..star_at], unit))
            .fix(Fix::safe(format!("改为“{value}”"), vec![Edit::replace(span, value.to_string())]))
            .en("Write the period of secrecy in Arabic digits"),
    );
}

fn check_urgency(cx: &Context, urgency: &Field, out: &mut Vec<Finding>) {
    let word = urgency.text.as_str();
    match word {
        "急件" | "紧急" => out.push(
            Finding::new(urgency.span, format!("紧急程度“{word}”不规范：公文标注“特急”或“加急”"))
                .help("按紧急程度改为“特急”或“加急”")
                .severity(Severity::Warning)
                .en("Urgency is marked 特急 or 加急"),
        ),
        "特提" | "平急" if !is_telegram(cx) => out.push(
            Finding::new(urgency.span, format!("“{word}”是电报的紧急程度，公文标注“特急”或“加急”"))
                .help("非电报公文按紧急程度标注“特急”或“加急”；如本稿是电报，可忽略")
                .severity(Severity::Info)
                .en(format!("“{word}” is for telegrams only")),
        ),
        _ => {}
    }
}

fn is_telegram(cx: &Context) -> bool {
    cx.params.get("telegram").and_then(|v| v.as_bool()).unwrap_or(false)
        || cx.doc.header.issuer_mark.as_ref().is_some_and(|m| m.text.contains("电报"))
        || cx.doc.title.as_ref().is_some_and(|t| t.text.contains("电报"))
}

/// 份号, then 密级和保密期限, then 紧急程度, from the top.
fn check_order(cx: &Context, out: &mut Vec<Finding>) {
    let h = &cx.doc.header;
    let seq: Vec<(&str, &Field)> = [("份号", &h.copy_number), ("密级", &h.secrecy), ("紧急程度", &h.urgency)]
        .into_iter()
        .filter_map(|(n, f)| f.as_ref().map(|f| (n, f)))
        .collect();
    for pair in seq.windows(2) {
        let ((a, fa), (b, fb)) = (pair[0], pair[1]);
        if fb.span.start < fa.span.start {
            out.push(
                Finding::new(fb.span, format!("{b}应排在{a}之下：版头自上而下依次为份号、密级和保密期限、紧急程度"))
                    .help("调整版头各要素的顺序")
                    .severity(Severity::Info)
                    .en("Header order: copy number, classification, urgency"),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{assert_fixed, lint_text};

    const REST: &str =
        "示例市人民政府文件\n示府〔2024〕5号\n示例市人民政府关于开展检查的通知\n各区人民政府：\n正文。\n";

    #[test]
    fn secret_without_copy_number() {
        let d = lint_text("t.txt", &format!("机密★一年\n{REST}"), "GW309");
        let mut sev: Vec<Severity> = d.iter().map(|d| d.severity).collect();
        sev.sort();
        assert_eq!(sev, [Severity::Info, Severity::Error, Severity::Error], "{d:#?}");
        assert_fixed(&format!("000012\n机密★一年\n{REST}"), "GW309", &format!("000012\n机密★1年\n{REST}"));
    }

    #[test]
    fn urgency_words() {
        let d = lint_text("t.txt", &format!("急件\n{REST}"), "GW309");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        let d = lint_text("t.txt", &format!("平急\n{REST}"), "GW309");
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn short_copy_number_and_order() {
        let d = lint_text("t.txt", &format!("12\n特急\n{REST}"), "GW309");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn good_header_is_silent_except_reminder() {
        let d = lint_text("t.txt", &format!("000012\n机密★1年\n特急\n{REST}"), "GW309");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("联网"));
        assert!(lint_text("t.txt", &format!("特急\n{REST}"), "GW309").is_empty());
    }
}
