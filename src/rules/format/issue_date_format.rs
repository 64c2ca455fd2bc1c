use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DATE_LINE, DocKind, Evidence, NUMERIC_DATE_LINE, Standard};
use crate::lang::is_blank;
use crate::lang::numerals::date_number;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct IssueDateFormat;

static META: RuleMeta = RuleMeta {
    code: "GW303",
    name: "issue-date-format",
    summary: "成文日期用阿拉伯数字将年、月、日标全；有发文机关署名",
    category: Category::Format,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.5.4：成文日期“用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）”；《党政机关公文处理工作条例》第九条（十一）发文机关署名“署发文机关全称或者规范化简称”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查成文日期行：\n\n\
- 用阿拉伯数字，不用汉字（“二〇二四年三月五日”是 1999 年旧标准的写法）；\n\
- 年份标全称，月、日不编虚位（“2024年03月05日”）；\n\
- 用“年”“月”“日”，不只写数字（“2024.3.5”“2024-03-05”“20240305”）；\n\
- 不用全角数字，用“日”不用“号”；\n\
- 日期真实存在（没有“2月30日”）；\n\
- 尚未填写的占位日期（“X年X月X日”）提示补全；\n\
- 成文日期之上应有发文机关署名（纪要、命令除外）；草稿声明了发文机关时，署名应与之一致。\n\n\
日期内部的空格（网页、PDF 转换常在数字与汉字之间插入空格，如“2025 年 2 月 12 日”）不影响判断，\
空格本身由 GW410 提示。按成文时施行的标准判断：2012年7月1日（GB/T 9704-2012 施行）之前成文的，按 GB/T 9704-1999 用汉字标全年月日是规范写法，\
只检查“〇”是否误作字母“O”或数字“0”；单一机关行文只盖印不署名也合当时规定，不报缺少署名。\
成文日期取不到时，以发文字号的年份判断。\n\n\
汉字转阿拉伯数字、去虚位、全角转半角都是确定的修改，`--fix` 直接完成；两位年份的补全需要人工确认。",
    bad: "示例市人民政府\n二〇二四年三月五日",
    good: "示例市人民政府\n2024年3月5日",
};

impl Rule for IssueDateFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(date) = &cx.doc.date else { return };
        let Some(c) = DATE_LINE.captures(&date.text) else {
            // Notes dated in figures (a README's `2026-12-05`) are no 公文 to correct.
            if NUMERIC_DATE_LINE.is_match(&date.text) && cx.doc.looks_like_official_document() {
                check_figures(date, out);
                self.check_signature(cx, out);
            }
            return;
        };
        let part = |name: &str| c.name(name).map_or("", |m| m.as_str());
        let (y, m, d) = (part("y"), part("m"), part("d"));
        if [y, m, d].iter().any(|p| p.is_empty() || p.contains(['X', 'x', '×', 'Ｘ'])) {
            out.push(
                Finding::new(date.span, format!("成文日期“{}”尚未填写完整", date.text))
                    .help("签发后填写签发日期（联合行文署最后签发机关负责人签发的日期）")
                    .severity(Severity::Info),
            );
            return;
        }
        let Some(((year, year_certain), month, day)) =
            value(y, true).zip(value(m, false)).zip(value(d, false)).map(|((a, b), c)| (a, b.0, c.0))
        else {
            return;
        };
        if !is_real_date(year, month, day) {
            out.push(
                Finding::new(date.span, format!("成文日期“{}”不是真实存在的日期", date.text)).help("核对年、月、日"),
            );
            return;
        }
        let in_words = [y, m, d].iter().any(|p| p.chars().any(|c| !c.is_ascii_digit() && !('０'..='９').contains(&c)));
        // Written under GB/T 9704-1999, a date in Chinese numerals is the standard form.
        if in_words && cx.doc.predates(Standard::Regulations2012) {
            check_old_form(date, y, out);
            self.check_signature(cx, out);
            return;
        }
        let mut problems = Vec::new();
        if in_words {
            problems.push("应使用阿拉伯数字");
        }
        if [y, m, d].iter().any(|p| p.chars().any(|c| ('０'..='９').contains(&c))) {
            problems.push("不用全角数字");
        }
        if (m.len() > 1 && m.starts_with('0')) || (d.len() > 1 && d.starts_with('0')) {
            problems.push("月、日不编虚位");
        }
        if !year_certain {
            problems.push("年份应标全称");
        }
        if date.text.ends_with('号') {
            problems.push("用“日”不用“号”");
        }
        if !problems.is_empty() {
            let expected = format!("{year}年{month}月{day}日");
            let edit = vec![Edit::replace(date.span, expected.clone())];
            let fix_msg = format!("改为“{expected}”");
            let fix = if year_certain { Fix::safe(fix_msg, edit) } else { Fix::unsafe_(fix_msg, edit) };
            out.push(
                Finding::new(date.span, format!("成文日期“{}”格式不规范：{}", date.text, problems.join("；")))
                    .help(format!("写作“{expected}”"))
                    .fix(fix)
                    .en(format!("Issue date “{}” should be written “{expected}”", date.text)),
            );
        }
        self.check_signature(cx, out);
    }
}

/// A date typed in figures only (`2025.3.12`, `2025-03-12`, `20250312`): 年、月、日 are to be
/// written out.
fn check_figures(date: &crate::span::Field, out: &mut Vec<Finding>) {
    // The figures between separators, or yyyymmdd run together (NUMERIC_DATE_LINE's two forms).
    let text = date.text.as_str();
    let parts: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let parts = match parts.as_slice() {
        [whole] if whole.len() == 8 => vec![&whole[..4], &whole[4..6], &whole[6..]],
        _ => parts,
    };
    let number = |k: usize| parts.get(k).and_then(|p| p.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (number(0), number(1), number(2)) else { return };
    if !is_real_date(year, month, day) {
        out.push(Finding::new(date.span, format!("成文日期“{}”不是真实存在的日期", date.text)).help("核对年、月、日"));
        return;
    }
    let expected = format!("{year}年{month}月{day}日");
    out.push(
        Finding::new(date.span, format!("成文日期“{}”格式不规范：应用“年”“月”“日”标全", date.text))
            .help(format!("写作“{expected}”"))
            .fix(Fix::safe(format!("改为“{expected}”"), vec![Edit::replace(date.span, expected.clone())]))
            .en(format!("Issue date “{}” should be written “{expected}”", date.text)),
    );
}

/// A date in Chinese numerals under GB/T 9704-1999, which wrote 零 as 〇 (○ prints the same): a
/// Latin O or an Arabic 0 in its place was wrong then as now.
fn check_old_form(date: &crate::span::Field, year: &str, out: &mut Vec<Finding>) {
    const ZERO_LOOK_ALIKES: [char; 4] = ['O', 'o', '0', '０'];
    if !year.contains(ZERO_LOOK_ALIKES) {
        return;
    }
    let expected: String = date.text.replace(ZERO_LOOK_ALIKES, "〇").chars().filter(|c| !is_blank(*c)).collect();
    out.push(
        Finding::new(date.span, format!("成文日期“{}”格式不规范：汉字日期中的“〇”不应写作字母“O”或数字“0”", date.text))
            .help(format!("写作“{expected}”（GB/T 9704-1999：用汉字将年、月、日标全，“零”写为“〇”）"))
            .fix(Fix::safe(format!("改为“{expected}”"), vec![Edit::replace(date.span, expected.clone())]))
            .source(format!("{}：成文日期“用汉字将年、月、日标全；“零”写为“〇””", OLD_FORMAT))
            .en(format!("Issue date “{}” should be written “{expected}”", date.text)),
    );
}

const OLD_FORMAT: &str = "GB/T 9704-1999 7.3.5.4（成文于2012年7月1日之前）";

impl IssueDateFormat {
    fn check_signature(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(date) = &doc.date else { return };
        // GB/T 9704 10.2, 10.3: 命令（令）and 纪要 have their own signing forms.
        if matches!(doc.kind(), Some(DocKind::纪要 | DocKind::命令)) {
            return;
        }
        // GB/T 9704-1999 let a single organ seal the date without signing its name.
        if doc.predates(Standard::Regulations2012) {
            return;
        }
        if doc.signature.is_empty() {
            // Only a full draft (with title and 主送) is expected to carry a signature.
            if doc.title.is_some() && doc.main_recipients.is_some() {
                out.push(
                    Finding::new(date.span, "成文日期之上缺少发文机关署名")
                        .help("在成文日期上一行署发文机关全称或者规范化简称")
                        .severity(Severity::Warning)
                        .source(
                            "《党政机关公文处理工作条例》第九条（十一）“发文机关署名。署发文机关全称或者规范化简称。”",
                        ),
                );
            }
            return;
        }
        let Some(issuer) = &doc.issuer else { return };
        if !matches!(issuer.evidence, Evidence::FrontMatter | Evidence::Config) {
            return;
        }
        let signed: Vec<&str> =
            doc.signature.iter().flat_map(|f| f.text.split([' ', '\u{3000}'])).filter(|s| !s.is_empty()).collect();
        if !signed.iter().any(|s| *s == issuer.name || issuer.name.ends_with(s) || s.ends_with(issuer.name.as_str())) {
            let first = &doc.signature[0];
            out.push(
                Finding::new(
                    first.span,
                    format!("发文机关署名“{}”与声明的发文机关“{}”不一致", first.text, issuer.name),
                )
                .help("署名应为发文机关全称或者规范化简称")
                .severity(Severity::Warning)
                .source("《党政机关公文处理工作条例》第九条（十一）"),
            );
        }
    }
}

/// Numeric value of a date part; for years also whether the century is written.
fn value(s: &str, is_year: bool) -> Option<(u32, bool)> {
    let v = date_number(s)?;
    if is_year {
        let full = s.chars().count() == 4;
        Some(if full { (v, true) } else { (2000 + v, false) })
    } else {
        Some((v, true))
    }
}

fn is_real_date(y: u32, m: u32, d: u32) -> bool {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    const HEAD: &str = "关于开展检查的通知\n各区人民政府：\n正文。\n示例市人民政府\n";

    #[test]
    fn chinese_numerals_and_padding_are_fixed() {
        assert_fixed(&format!("{HEAD}二〇二四年三月五日\n"), "GW303", &format!("{HEAD}2024年3月5日\n"));
        assert_fixed(&format!("{HEAD}2024年03月05日\n"), "GW303", &format!("{HEAD}2024年3月5日\n"));
        assert_fixed(&format!("{HEAD}２０２４年３月５号\n"), "GW303", &format!("{HEAD}2024年3月5日\n"));
    }

    #[test]
    fn impossible_and_placeholder_dates() {
        let d = lint_text("t.txt", &format!("{HEAD}2023年2月29日\n"), "GW303");
        assert!(d[0].message.contains("不是真实存在"), "{}", d[0].message);
        let d = lint_text("t.txt", &format!("{HEAD}2024年X月X日\n"), "GW303");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
    }

    /// A date typed in figures is still the 成文日期: the signature above it signs, and the
    /// date is written out (a request dated `20211212` was read as a body paragraph, and GW104
    /// missed its closing).
    #[test]
    fn a_date_in_figures_is_written_out() {
        for (typed, right) in
            [("2024.3.5", "2024年3月5日"), ("2024-03-05", "2024年3月5日"), ("20240305", "2024年3月5日")]
        {
            assert_fixed(&format!("{HEAD}{typed}\n"), "GW303", &format!("{HEAD}{right}\n"));
        }
        let d = lint_text("t.txt", &format!("{HEAD}2023.2.29\n"), "GW303");
        assert!(d[0].message.contains("不是真实存在"), "{}", d[0].message);
        let request = "示例县教育局关于申请维修资金的请示\n示例县人民政府：\n拟申请资金50万元。\n妥否，请批示。\n示例县教育局\n2025.3.12\n（联系人：王某，电话：0750-1234567）\n";
        assert!(codes_in("t.txt", request, "GW104").is_empty());
        // Notes dated in figures are no 公文.
        assert!(codes_in("t.md", "# 说明\n\n## 收集日期\n\n2026-12-05\n", "GW303").is_empty());
    }

    #[test]
    fn correct_date_is_silent() {
        assert!(codes_in("t.txt", &format!("{HEAD}2024年2月29日\n"), "GW303").is_empty());
    }

    #[test]
    fn missing_signature() {
        let d = lint_text("t.txt", "关于开展检查的通知\n各区人民政府：\n正文。\n2024年3月5日\n", "GW303");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("署名"));
    }

    #[test]
    fn blanks_inside_the_date_are_not_judged() {
        // A PDF turned into HTML puts blanks around every number; the blank is GW410's.
        assert!(codes_in("t.txt", &format!("{HEAD}2025 年 2 月 12 日\n"), "GW303").is_empty());
        assert_fixed(&format!("{HEAD}2024 年 03 月 05 日\n"), "GW303", &format!("{HEAD}2024年3月5日\n"));
    }

    #[test]
    fn documents_before_2012_follow_the_1999_format() {
        let old = "示例市人民政府关于印发工作规则的通知\n各区人民政府：\n正文。\n";
        // Chinese numerals and no signature were the 1999 form.
        assert!(codes_in("t.txt", &format!("{old}二○一一年四月八日\n"), "GW303").is_empty());
        assert!(codes_in("t.txt", &format!("{HEAD}二〇一〇年四月九日\n"), "GW303").is_empty());
        // A Latin O for 〇 never was.
        assert_fixed(&format!("{HEAD}二OO八年一月七日\n"), "GW303", &format!("{HEAD}二〇〇八年一月七日\n"));
        // From July 2012 on, Arabic numerals and a signature.
        let d = lint_text("t.txt", &format!("{old}二○一二年九月二十日\n"), "GW303");
        assert_eq!(d.len(), 2, "{d:#?}");
    }
}
