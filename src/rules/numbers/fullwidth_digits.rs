use super::common::{hits_any, owned_elsewhere};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::MaskSet;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct FullwidthDigits;

static META: RuleMeta = RuleMeta {
    code: "GW504",
    name: "fullwidth-digits",
    summary: "不用全角阿拉伯数字",
    category: Category::Numbers,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十一条：“公文使用的汉字、数字、外文字符、计量单位和标点符号等，按照有关国家标准和规定执行。”；GB/T 15835-2011 阿拉伯数字的书写格式（占半个汉字位置）",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "正文中的阿拉伯数字应使用半角（“2024”），不用全角（“２０２４”）。全角数字多来自输入法的全角状态或从表格、网页复制的文字，\
打印后字距不齐，也影响检索。\n\n\
同一段连续的全角拉丁字母（如“ＧＤＰ”“Ａ股”）一并提示（提示级别）。\n\n\
不报告：发文字号中的数字（由 GW302 检查）、成文日期行（GW303）、版记的印发日期（GW311），以及网址、代码等非正文内容。\
全角转半角不改变含义，`--fix` 直接修改。",
    bad: "２０２４年共完成投资１２亿元",
    good: "2024年共完成投资12亿元",
};

fn is_fullwidth_alnum(c: char) -> bool {
    ('０'..='９').contains(&c) || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

fn halfwidth(c: char) -> char {
    if c == '．' {
        '.'
    } else if is_fullwidth_alnum(c) {
        char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
    } else {
        c
    }
}

impl Rule for FullwidthDigits {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let owned = owned_elsewhere(cx);
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            // A run needs a full-width letter or digit; most lines have none.
            if !line.chars.has_fullwidth_alnum() {
                continue;
            }
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let digit_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| ('０'..='９').contains(&c));
            // A full-width decimal point between full-width digits belongs to the number.
            let in_run = |k: usize| {
                chars.get(k).is_some_and(|&(_, c)| {
                    is_fullwidth_alnum(c) || (c == '．' && k > 0 && digit_at(k - 1) && digit_at(k + 1))
                })
            };
            let mut run: Option<usize> = None;
            for (k, &(i, c)) in chars.iter().enumerate() {
                if in_run(k) {
                    run.get_or_insert(i);
                    if !in_run(k + 1) {
                        let start = run.take().expect("run");
                        report(cx, &owned, line.span.sub(start, i + c.len_utf8()), out);
                    }
                }
            }
        }
    }
}

fn report(cx: &Context, owned: &[crate::span::Span], span: crate::span::Span, out: &mut Vec<Finding>) {
    if cx.doc.masks.hits(MaskSet::NON_TEXT, span) || hits_any(owned, span) {
        return;
    }
    let original = span.text(cx.text());
    let half: String = original.chars().map(halfwidth).collect();
    let has_digit = original.chars().any(|c| ('０'..='９').contains(&c));
    let fix = Fix::safe(format!("改为“{half}”"), vec![Edit::replace(span, half.clone())]);
    let finding = if has_digit {
        Finding::new(span, format!("“{original}”使用了全角数字，应写作半角“{half}”"))
            .help("阿拉伯数字使用半角（占半个汉字位置）")
            .en(format!("Full-width digits “{original}”; write “{half}”"))
    } else {
        Finding::new(span, format!("“{original}”使用了全角字母，应写作半角“{half}”"))
            .severity(Severity::Info)
            .en(format!("Full-width Latin letters “{original}”; write “{half}”"))
    };
    out.push(finding.fix(fix));
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn converts_fullwidth_digits() {
        assert_fixed("２０２４年共完成投资１２亿元。\n", "GW504", "2024年共完成投资12亿元。\n");
        assert_fixed("全市ＧＤＰ增长５．２％。\n", "GW504", "全市GDP增长5.2％。\n");
    }

    #[test]
    fn letters_alone_are_info() {
        let d = lint_text("t.txt", "推动Ａ股上市。\n", "GW504");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
        let d = lint_text("t.txt", "建成５Ｇ基站。\n", "GW504");
        assert_eq!(d[0].severity, Severity::Error);
    }

    #[test]
    fn doc_numbers_and_issue_date_are_left_to_their_rules() {
        let text = "示例市人民政府文件\n示府〔２０２４〕５号\n关于开展检查的通知\n各区人民政府：\n现将有关事项通知如下。\n根据示府〔２０２３〕８号文件要求执行。\n示例市人民政府\n２０２４年３月５日\n";
        assert!(codes_in("t.txt", text, "GW504").is_empty(), "{:?}", codes_in("t.txt", text, "GW504"));
    }

    #[test]
    fn halfwidth_and_markup_are_silent() {
        assert!(codes_in("t.md", "2024年完成投资12亿元，见`２０２４`。\n", "GW504").is_empty());
    }
}
