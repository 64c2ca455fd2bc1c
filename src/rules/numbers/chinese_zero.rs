use super::common::{hits_any, owned_elsewhere, prev_char};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskSet, Standard};
use crate::lang::numerals::{is_chinese_numeral_char, is_zero_lookalike};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ChineseZero;

static META: RuleMeta = RuleMeta {
    code: "GW505",
    name: "chinese-zero",
    summary: "汉字数字年份用“〇”，不混用“0”“零”“O”“○”",
    category: Category::Numbers,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15835-2011 关于“零”和“〇”的规定（编号中的零写“〇”）",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "用汉字数字书写的年份是编号，其中的零写“〇”：“二〇二四年”，不写“二0二四年”（混入阿拉伯数字）、\
“二零二四年”（计量用的“零”）、“二O二四年”（拉丁字母）或“二○二四年”（几何图形符号）。\n\n\
只检查后接“年”的四位汉字年份；“三千零五十”这类计量数字中的“零”是正确的，不报告。成文日期行由 GW303 检查（成文日期应使用阿拉伯数字）。\
2011年11月1日（GB/T 15835-2011 施行）之前成文的文件，“○”不报：当时通行的 GB2312 字符集没有“〇”，录入汉字零用的就是“○”，印刷上无别。\
正文日期一般写阿拉伯数字（见 GW507）。替换为“〇”不改变含义，`--fix` 直接修改。",
    bad: "二0二四年",
    good: "二〇二四年",
};

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[一二三四五六七八九〇○零0OoＯｏ０]{4}年").expect("valid"));

impl Rule for ChineseZero {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let owned = owned_elsewhere(cx);
        // Before GB/T 15835-2011, with GB2312 (which has no 〇) the usual encoding, ○ was how
        // the zero of a Chinese-numeral year was typed; it prints the same.
        let circle_is_zero = cx.doc.predates(Standard::Numbers2011);
        let is_wrong_zero = |c: char| is_zero_lookalike(c) && !(circle_is_zero && c == '○');
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            // The pattern ends in 年; asking whether the line holds it rules out most lines far faster.
            if !line.holds(text, '年') {
                continue;
            }
            for m in YEAR.find_iter(s) {
                let digits = m.as_str().trim_end_matches('年');
                // At least two Han digits besides the zeros, and one wrong zero.
                let wrong = digits.chars().filter(|c| is_wrong_zero(*c)).count();
                let han = digits
                    .chars()
                    .filter(|c| matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'))
                    .count();
                if wrong == 0 || han < 2 {
                    continue;
                }
                if prev_char(s, m.start())
                    .is_some_and(|p| is_chinese_numeral_char(p) || p.is_ascii_alphanumeric() || p == '〇' || p == '○')
                {
                    continue;
                }
                let span = line.span.sub(m.start(), m.start() + digits.len());
                if cx.doc.masks.hits(MaskSet::NON_TEXT, span) || hits_any(&owned, span) {
                    continue;
                }
                let fixed: String = digits.chars().map(|c| if is_wrong_zero(c) { '〇' } else { c }).collect();
                out.push(
                    Finding::new(span, format!("汉字年份“{digits}年”中的零应写作“〇”：“{fixed}年”"))
                        .help("汉字数字年份是编号，零写“〇”；正文日期也可改用阿拉伯数字")
                        .fix(Fix::safe(format!("改为“{fixed}”"), vec![Edit::replace(span, fixed.clone())]))
                        .en(format!("Write the zero in the Chinese-numeral year “{digits}” as 〇: “{fixed}”")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn wrong_zeros_become_ling_circle() {
        assert_fixed("二0二四年三月\n", "GW505", "二〇二四年三月\n");
        assert_fixed("自二零零五年起施行。\n", "GW505", "自二〇〇五年起施行。\n");
        assert_fixed("二O一九年工作要点\n", "GW505", "二〇一九年工作要点\n");
        assert_fixed("二○二三年\n", "GW505", "二〇二三年\n");
    }

    #[test]
    fn correct_years_and_counting_zeros_are_silent() {
        let text = "二〇二四年三月，2020年，三千零五十年的历史，一九九八年。\n";
        assert!(codes_in("t.txt", text, "GW505").is_empty(), "{:?}", codes_in("t.txt", text, "GW505"));
    }

    #[test]
    fn before_november_2011_the_circle_was_the_zero() {
        let old = "示例部关于公布管理规定的命令\n《管理规定》已于二○○六年六月七日经部务会议通过，现予公布。\n二○○六年七月五日\n";
        assert!(codes_in("t.txt", old, "GW505").is_empty());
        let new = old.replace("二○○六年七月", "二〇一二年七月");
        assert_eq!(codes_in("t.txt", &new, "GW505").len(), 1);
    }
}
