use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskSet, Standard};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct NoDunhaoBetweenMarked;

static META: RuleMeta = RuleMeta {
    code: "GW405",
    name: "no-dunhao-between-marked",
    summary: "并列的书名号、引号之间通常不用顿号",
    category: Category::Punctuation,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 4.5.3.5：“标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号。若有其他成分插在并列的引号之间或并列的书名号之间（如引语或书名号之后还有括注），宜用顿号。”",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "直接相邻的并列书名号“》、《”、并列引号“”、“”“’、‘”之间的顿号应删去：\
“《安全生产法》、《消防法》”写作“《安全生产法》《消防法》”。\n\n\
2012年6月1日（GB/T 15834-2011 施行）之前成文的文件不检查：此前的 GB/T 15834-1995 没有这一规定。\
有其他成分插在中间时照常用顿号，不报：“《安全生产法》（2021年修正）、《消防法》”，\
“增强“四个意识”、坚定“四个自信””（顿号后是动词，不是下一个引号）。删去顿号的修改是确定的，`--fix` 直接修改。",
    bad: "贯彻落实《安全生产法》、《消防法》、《示例省安全生产条例》",
    good: "贯彻落实《安全生产法》《消防法》《示例省安全生产条例》",
};

/// The closing mark, the opening mark after the 顿号, and what they are.
const PAIRS: &[(char, char, &str)] = &[('》', '《', "书名号"), ('”', '“', "引号"), ('’', '‘', "引号")];

impl Rule for NoDunhaoBetweenMarked {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        // GB/T 15834-1995, in force before June 2012, did not have this provision.
        if cx.doc.predates(Standard::Punctuation2011) {
            return;
        }
        let text = cx.text();
        for (line, _) in &cx.doc.lines {
            let s = line.span.text(text);
            if !line.holds(text, '、') {
                continue;
            }
            for (i, _) in s.match_indices('、') {
                let after = i + '、'.len_utf8();
                let (Some(close), Some(open)) = (s[..i].chars().next_back(), s[after..].chars().next()) else {
                    continue;
                };
                let Some(&(_, _, what)) = PAIRS.iter().find(|&&(c, o, _)| c == close && o == open) else { continue };
                let dun = line.span.sub(i, after);
                if cx.doc.masks.hits(MaskSet::NON_TEXT, dun) {
                    continue;
                }
                out.push(
                    Finding::new(dun, format!("并列的{what}之间通常不用顿号：“{close}、{open}”"))
                        .fix(Fix::safe("删去顿号", vec![Edit::delete(dun)]))
                        .en("No 、 between adjacent items in quotation or book-title marks"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn removes_dunhao_between_marked_items() {
        assert_fixed(
            "贯彻落实《安全生产法》、《消防法》、《示例省安全生产条例》，树牢“安全第一”、“预防为主”理念。\n",
            "GW405",
            "贯彻落实《安全生产法》《消防法》《示例省安全生产条例》，树牢“安全第一”“预防为主”理念。\n",
        );
    }

    #[test]
    fn other_words_or_notes_between_are_fine() {
        let text = "增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n\
应当符合《广东省地方立法条例》《规章制定程序条例》的规定。\n\
依据《安全生产法》（2021年修正）、《消防法》执行。\n";
        assert!(codes_in("t.txt", text, "GW405").is_empty());
    }

    #[test]
    fn documents_before_june_2012_are_not_judged() {
        let body = "示例镇人民政府：\n你镇《关于命名“南和佳苑”、“和桥小区”的请示》收悉。\n示例市人民政府\n";
        assert!(
            codes_in("t.txt", &format!("示例市人民政府关于同意命名的批复\n{body}二○一○年四月九日\n"), "GW405")
                .is_empty()
        );
        assert_eq!(
            codes_in("t.txt", &format!("示例市人民政府关于同意命名的批复\n{body}2012年6月1日\n"), "GW405").len(),
            1
        );
    }
}
