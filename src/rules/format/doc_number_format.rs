use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DATE_LINE, DOC_NUMBER, MaskSet};
use crate::lang::is_blank;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct DocNumberFormat;

static META: RuleMeta = RuleMeta {
    code: "GW302",
    name: "doc-number-format",
    summary: "发文字号：机关代字〔年份〕顺序号号",
    category: Category::Format,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.2.5：“年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号‘〔〕’括入；发文顺序号不加‘第’字，不编虚位（即1不编为01），在阿拉伯数字后加‘号’字。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查版头的发文字号和正文中引用的发文字号：\n\n\
- 年份用六角括号“〔〕”括入，不用方括号、圆括号、方头括号；\n\
- 发文顺序号前不加“第”，不编虚位（01、009）；\n\
- 顺序号后加“号”；年份标全称（2024，不写 24）；\n\
- 文号中不用全角数字；\n\
- 版头文号的年份与成文日期的年份一致。\n\n\
文号内部的空格（网页、PDF 转换常在数字与汉字之间插入空格，如“东政〔2023〕176 号”）不影响判断：\
先去掉空白再校验结构，空格本身由 GW410 提示。\
后接“次”“期”“届”“批”等的（“常务〔2023〕3次”是会议的次序编号）不是发文字号。\n\n\
括号、“第”、虚位、“号”和全角数字的修正是确定的，`--fix` 直接修改；两位年份补全需人工确认（`--unsafe-fixes`）。\
正文中的候选只在写了“号”或用了六角括号时才认作文号，以免误把其他编号当作文号。",
    bad: "示环发[2024]第009号",
    good: "示环发〔2024〕9号",
};

impl Rule for DocNumberFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let header = cx.doc.header.doc_number.as_ref().map(|f| f.span);
        let issue_year = cx
            .doc
            .date
            .as_ref()
            .and_then(|d| DATE_LINE.captures(&d.text))
            .and_then(|c| c.name("y").map(|y| y.as_str().to_string()));
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.doc_number {
                continue;
            }
            for c in DOC_NUMBER.captures_iter(s) {
                let whole = c.get(0).expect("match");
                let span = line.span.sub(whole.start(), whole.end());
                if cx.doc.masks.hits(MaskSet::NON_TEXT, span) {
                    continue;
                }
                let in_header = header.is_some_and(|h| h.overlaps(span));
                let open = c.name("open").expect("group");
                let rest = &s[whole.end()..];
                // Web and PDF copies put blanks between digits and Han characters (`176 号`):
                // the 号 after them still closes the 文号 (the blank is GW410's business).
                let spaced_hao = match c.name("hao") {
                    Some(_) => None,
                    None => {
                        let blanks = rest.len() - rest.trim_start_matches(is_blank).len();
                        (blanks > 0 && rest[blanks..].starts_with('号')).then_some(blanks + '号'.len_utf8())
                    }
                };
                let has_hao = c.name("hao").is_some() || spaced_hao.is_some();
                // In running text only a 〔〕 or a closing 号 makes a bracketed year a 文号.
                if !in_header && !has_hao && open.as_str() != "〔" {
                    continue;
                }
                // A number running on (江府〔2023〕20号2) is not what we think it is.
                if !has_hao && rest.starts_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
                // `常务〔2023〕3次`, `〔2024〕5期` count meetings or issues: no 文号 ends so.
                if !has_hao && rest.trim_start_matches(is_blank).starts_with(COUNTERS) {
                    continue;
                }
                let end = whole.end() + spaced_hao.unwrap_or(0);
                let cand = Candidate { line: s, base: line.span.start, end, has_hao, in_header, captures: c };
                check_one(&cand, issue_year.as_deref(), out);
            }
        }
    }
}

fn halfwidth_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// What a meeting or serial number ends with where a 文号 would end with 号.
const COUNTERS: [char; 6] = ['次', '期', '届', '批', '轮', '卷'];

/// One 文号 found in a line: its captures, and where it ends (after any `号` set off by blanks).
struct Candidate<'a> {
    captures: regex::Captures<'a>,
    line: &'a str,
    base: usize,
    end: usize,
    has_hao: bool,
    in_header: bool,
}

fn check_one(cand: &Candidate, issue_year: Option<&str>, out: &mut Vec<Finding>) {
    let c = &cand.captures;
    let (base, in_header) = (cand.base, cand.in_header);
    let open = c.name("open").expect("group");
    let close = c.name("close").expect("group");
    let year_raw = c.name("year").expect("group").as_str();
    let num_raw = c.name("num").expect("group").as_str();
    let year = halfwidth_digits(year_raw);
    let num = halfwidth_digits(num_raw);
    // Only the part from the bracket on is judged and rewritten; what precedes is the 代字.
    let from = open.start();
    let to = cand.end;
    let original = &cand.line[from..to];
    if !(year.len() == 4 && (year.starts_with("19") || year.starts_with("20")) || year.len() == 2) {
        return;
    }
    let mut problems = Vec::new();
    let mut certain = true;
    if open.as_str() != "〔" || close.as_str() != "〕" {
        problems.push(format!("年份应使用六角括号“〔〕”，不用“{}{}”", open.as_str(), close.as_str()));
    }
    if c.name("di").is_some() {
        problems.push("发文顺序号前不加“第”字".to_string());
    }
    let trimmed_num = num.trim_start_matches('0');
    let trimmed_num = if trimmed_num.is_empty() { "0" } else { trimmed_num };
    if trimmed_num != num {
        problems.push(format!("发文顺序号不编虚位（{num} 应为 {trimmed_num}）"));
    }
    if !cand.has_hao {
        problems.push("发文顺序号后应加“号”字".to_string());
    }
    if year_raw != year || num_raw != num {
        problems.push("文号中的数字应使用半角阿拉伯数字".to_string());
    }
    let full_year = if year.len() == 2 {
        certain = false;
        let century = issue_year.filter(|y| y.len() == 4 && y.is_ascii()).map_or("20", |y| &y[..2]);
        problems.push(format!("年份应标全称（{year} 应为 {century}{year}）"));
        format!("{century}{year}")
    } else {
        year.clone()
    };
    let expected = format!("〔{full_year}〕{trimmed_num}号");
    let span = Span::new(base + from, base + to);
    if !problems.is_empty() {
        let message = format!("发文字号“{original}”不规范：{}", problems.join("；"));
        let fix_message = format!("改为“{expected}”");
        let edit = vec![Edit::replace(span, expected.clone())];
        let fix = if certain { Fix::safe(fix_message, edit) } else { Fix::unsafe_(fix_message, edit) };
        out.push(
            Finding::new(span, message)
                .help(format!("按 GB/T 9704 写作“代字{expected}”"))
                .fix(fix)
                .en(format!("Malformed document number “{original}”; write “{expected}”")),
        );
    }
    // The 文号's year and the 成文日期's year name the same year.
    if in_header
        && year.len() == 4
        && let Some(issued) = issue_year.filter(|y| y.len() == 4 && y.is_ascii())
        && issued != year
    {
        let year_span =
            Span::new(base + c.name("year").expect("group").start(), base + c.name("year").expect("group").end());
        out.push(
            Finding::new(year_span, format!("发文字号的年份 {year} 与成文日期的年份 {issued} 不一致"))
                .help("核对发文字号或成文日期")
                .severity(Severity::Warning),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn flags_and_fixes_bad_numbers() {
        let d = lint_text("t.txt", "示例市生态环境局文件\n示环发[2024]第009号\n关于开展检查的通知\n", "GW302");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("六角括号") && d[0].message.contains("第") && d[0].message.contains("虚位"),
            "{}",
            d[0].message
        );
        assert_fixed("示环发[2024]第009号\n", "GW302", "示环发〔2024〕9号\n");
        assert_fixed("示府（2024）5号\n", "GW302", "示府〔2024〕5号\n");
    }

    #[test]
    fn two_digit_year_is_only_an_unsafe_fix() {
        let d = lint_text("t.txt", "示府（24）5号\n关于开展检查的通知\n", "GW302");
        assert_eq!(d[0].fix.as_ref().unwrap().applicability, crate::diagnostic::Applicability::Unsafe);
    }

    #[test]
    fn correct_numbers_and_look_alikes_stay_silent() {
        assert!(codes_in("t.txt", "江府〔2023〕20号\n根据《示例市人民政府关于加强管理的通知》（示府〔2024〕5号）要求。\n执行GB/T 9704-2012标准，案号（2023）粤07民初123号。\n", "GW302").is_empty());
    }

    #[test]
    fn year_mismatch_with_issue_date() {
        let d = lint_text(
            "t.txt",
            "示例市人民政府文件\n示府〔2023〕5号\n关于开展检查的通知\n各区人民政府：\n正文。\n示例市人民政府\n2024年1月5日\n",
            "GW302",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("不一致"));
    }

    #[test]
    fn blanks_inside_a_number_are_not_judged() {
        // PDF and web copies set blanks between digits and Han characters.
        let text = "示例县人民政府文件\n准政发〔2025〕4 号\n示例县人民政府关于收回土地的决定\n各乡镇人民政府：\n你镇东政〔2023〕176 号文悉。\n示例县人民政府\n2025年2月12日\n";
        assert!(codes_in("t.txt", text, "GW302").is_empty());
        // Other faults are still found, and the fix covers the 号 after the blank.
        let d = codes_in("t.txt", "根据示府〔2024〕 第09 号文件要求。\n", "GW302");
        assert_eq!(d, ["GW302:〔2024〕 第09 号"]);
        assert_fixed("根据示府〔2024〕 第09 号文件要求。\n", "GW302", "根据示府〔2024〕9号文件要求。\n");
    }

    #[test]
    fn meeting_and_issue_numbers_are_no_doc_numbers() {
        let text = "经县政府第三十一次常务会议（常务〔2023〕3次）研究，《工作简报》〔2024〕5期刊发。\n";
        assert!(codes_in("t.txt", text, "GW302").is_empty());
    }
}
