use super::common::{align, indent, layout, with_parts};
use crate::diagnostic::{Finding, Fix, Severity};
use crate::document::{Form, Part};
use crate::layout::{Align, ParagraphLayout};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct SignatureDateLayout;

static META: RuleMeta = RuleMeta {
    code: "GW910",
    name: "signature-date-layout",
    summary: "成文日期右空四字（加盖印章）或右空二字（不加盖印章）编排，不居中、不顶格",
    category: Category::Layout,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.5.1 加盖印章的公文：“一般在成文日期之上、以成文日期为准居中编排发文机关署名……成文日期右空四字编排”；7.3.5.2 不加盖印章的公文：“在正文（或附件说明）下空一行右空二字编排发文机关署名，在发文机关署名下一行编排成文日期，首字比发文机关署名首字右移二字”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查一般格式 .docx 的成文日期（命令、纪要、讲话稿式报告格式不同，不查）。日期离右边的距离按 Word 的排法计算：\n\n\
- 右对齐时：右缩进加上日期后面输入的空格；\n\
- 左对齐或两端对齐时：每行字数减去日期前的空格和日期本身的宽度（汉字一字、数字半字）。\n\n\
右空四字（加盖印章）或右空二字（不加盖印章，日期在署名下右移二字）都算对，允许 ±0.5 字；\
居中或靠左的日期报警告。署名“以成文日期为准居中”需要看实际排版，不检查。\n\n\
修复（`--fix`、`--annotate`）按加盖印章的格式把日期段落设为右对齐、右缩进 4 字（日期后已键入的空格计入）、无左缩进；\
日期前后键入了空格又要删改的，属文字的修改，不自动改。",
    bad: "成文日期“2024年3月1日”居中，或右对齐且右缩进为 0",
    good: "成文日期右对齐、右缩进 4 字符（或日期后加四个全角空格）",
};

/// Width of text in characters: Chinese one, Latin letters and digits half.
fn width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// How far from the right edge the date ends, in characters, if it can be told.
pub fn right_gap(para: &ParagraphLayout, text: &str, chars_per_line: f64) -> Option<f64> {
    let line = &text[para.span.start..para.span.end];
    let size = para.size();
    let is_space = |c: char| c == ' ' || c == '\u{3000}';
    let trailing = width(&line[line.trim_end_matches(is_space).len()..]);
    let leading_text = &line[..line.len() - line.trim_start_matches(is_space).len()];
    let content = line.trim_matches(is_space);
    match para.align {
        Align::Right => Some(para.right.in_chars(size) + trailing),
        Align::Centre | Align::Distribute => None,
        Align::Left | Align::Justify => {
            let start = para.left.in_chars(size) + para.first_line.in_chars(size) + width(leading_text);
            Some(chars_per_line - start - width(content))
        }
    }
}

impl Rule for SignatureDateLayout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        if cx.doc.form != Form::Standard {
            return;
        }
        let Some(date) = &cx.doc.date else { return };
        let text = cx.text();
        let Some((para, _)) = with_parts(cx, layout).into_iter().find(|(p, part)| {
            *part == Some(Part::Date) && p.span.start <= date.span.start && date.span.end <= p.span.end
        }) else {
            return;
        };
        if para.in_table || para.in_text_box {
            return;
        }
        let problem = match right_gap(para, text, 28.0) {
            None => Some(format!("成文日期{}", para.align.zh())),
            Some(gap) if (gap - 4.0).abs() <= 0.5 || (gap - 2.0).abs() <= 0.5 => None,
            Some(gap) if gap > 10.0 => Some("成文日期靠左".to_string()),
            Some(gap) => Some(format!("成文日期右空约 {gap:.1} 字")),
        };
        if let Some(problem) = problem {
            let mut finding =
                Finding::new(date.span, format!("{problem}；应右空四字（加盖印章）或右空二字（不加盖印章）"))
                    .help("成文日期段落设为右对齐、右缩进 4 字符（不盖章时 2 字符），不要居中")
                    .en("The date is placed four characters (two without a seal) from the right margin");
            // Spaces typed after the date count toward the four; more than four is a change of text.
            let line = &text[para.span.start..para.span.end];
            let trailing = width(&line[line.trim_end_matches([' ', '\u{3000}']).len()..]);
            if trailing <= 4.0 {
                let right = ((4.0 - trailing) * 100.0).round() as i32;
                finding = finding.fix(Fix::layout(
                    "成文日期设为右对齐、右空四字",
                    vec![
                        align(para.span, "right"),
                        indent(para.span, Some(0), Some(0), Some(right), crate::layout::sizes::SAN_HAO),
                    ],
                ));
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Indent;
    use crate::span::Span;

    fn para(text: &str, align: Align, right: Option<i32>) -> ParagraphLayout {
        ParagraphLayout {
            span: Span::new(0, text.len()),
            align,
            right: Indent { chars: right, twips: None },
            ..ParagraphLayout::default()
        }
    }

    #[test]
    fn the_gap_is_read_from_indents_and_spaces() {
        let d = "2024年3月1日";
        assert_eq!(right_gap(&para(d, Align::Right, Some(400)), d, 28.0), Some(4.0));
        let spaced = "2024年3月1日\u{3000}\u{3000}\u{3000}\u{3000}";
        assert_eq!(right_gap(&para(spaced, Align::Right, None), spaced, 28.0), Some(4.0));
        assert_eq!(right_gap(&para(d, Align::Centre, None), d, 28.0), None);
        // 28 − (4 digits × ½ + 年月日 3 + 2 digits × ½) = 28 − 6
        assert_eq!(right_gap(&para(d, Align::Justify, None), d, 28.0), Some(22.0));
    }
}
