use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskKind, MaskSet};
use crate::lang::is_blank;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct TitlePunctuation;

static META: RuleMeta = RuleMeta {
    code: "GW308",
    name: "title-punctuation",
    summary: "标题末尾不用标点；题内除书名号、引号等外一般不用标点",
    category: Category::Format,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 附录B 文章标题的标点用法（标题末尾通常不用标点符号）；实务：标题中除法规、规章名称加书名号外一般不用标点（原《国家行政机关公文处理办法》的规定，该办法已废止，实践沿用）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查公文的主标题（不检查附件和所印发文件的标题）：\n\n\
- **标题末尾的标点**（错误）：“……的通知。”“……的请示？”末尾的句号、逗号、分号、冒号、问号、叹号、顿号，\
`--fix` 直接删去，删去标题末尾的点号不会改变标题的意思；\n\
- **题内标点**（警告）：书名号、引号以外出现的逗号、句号、分号、冒号、问号、叹号，\
如《示例市人民政府关于做好防汛工作，确保安全度汛的通知》。应改写为不用标点的表述，不自动修改。\n\n\
允许：书名号和引号（以及其中的一切标点）、并列词语之间的顿号（“元旦、春节期间”）、\
年份括注和“（试行）”等圆括号、连接号（“2023—2025年”）、数字中的小数点。\
半角标点的全角转换由 GW401 负责，本规则只看标点的有无和位置。",
    bad: "示例市人民政府关于做好防汛工作，确保安全度汛的通知。",
    good: "示例市人民政府关于做好防汛工作确保安全度汛的通知",
};

/// Marks that never end a title.
const TRAILING: &[char] = &['。', '，', '；', '：', '！', '？', '、', '.', ',', ';', ':', '!', '?'];
/// Marks that have no place inside a title outside 《》 and quotations.
const INSIDE: &[char] = &['。', '，', '；', '：', '！', '？', '.', ',', ';', ':', '!', '?'];

impl Rule for TitlePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(title) = &cx.doc.title else { return };
        let s = title.text.as_str();
        let content = s.trim_end_matches(is_blank);
        let kept = content.trim_end_matches(TRAILING);
        let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle);
        if kept.len() < content.len() {
            let span = title.span.sub(kept.len(), content.len());
            let marks = &content[kept.len()..];
            if !cx.doc.masks.hits(skip, span) {
                out.push(
                    Finding::new(span, format!("标题末尾不应使用标点“{marks}”"))
                        .help("删去标题末尾的标点")
                        .fix(Fix::safe(format!("删去“{marks}”"), vec![Edit::delete(span)]))
                        .en(format!("A title does not end with punctuation (“{marks}”)")),
                );
            }
        }
        let chars: Vec<(usize, char)> = kept.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !INSIDE.contains(&c) {
                continue;
            }
            // 2.0版, 1,000: a mark between digits belongs to a number.
            let prev = k.checked_sub(1).and_then(|j| chars.get(j)).map(|p| p.1);
            let next = chars.get(k + 1).map(|p| p.1);
            if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
                continue;
            }
            let span = Span::new(title.span.start + i, title.span.start + i + c.len_utf8());
            if cx.doc.masks.hits(skip, span) {
                continue;
            }
            out.push(
                Finding::new(span, format!("标题中使用了“{c}”：标题除书名号、引号等外一般不用标点"))
                    .help("改写为不用标点的表述，如把“做好防汛工作，确保安全度汛”改为“做好防汛工作确保安全度汛”")
                    .severity(Severity::Warning)
                    .en(format!("Avoid “{c}” inside a title")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn trailing_mark_is_removed() {
        let text = "示例市人民政府关于开展安全检查的通知。\n各区人民政府：\n正文。\n";
        assert_eq!(codes_in("t.txt", text, "GW308"), ["GW308:。"]);
        assert_fixed(text, "GW308", "示例市人民政府关于开展安全检查的通知\n各区人民政府：\n正文。\n");
    }

    #[test]
    fn inner_comma_is_a_warning() {
        let d =
            lint_text("t.txt", "示例市人民政府关于做好防汛工作，确保安全度汛的通知\n各区人民政府：\n正文。\n", "GW308");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn allowed_marks_stay_silent() {
        for title in [
            "江门市人民政府关于印发《江门市人民政府工作规则》的通知",
            "示例市人民政府办公室关于做好2025年元旦、春节期间有关工作的通知",
            "示例市人民政府关于印发示例市数字政府建设规划（2023—2025年）的通知",
            "示例市教育局关于开展“书香校园：阅读，点亮未来”主题活动的通知",
            "示例市人民政府关于印发《示例市促进就业若干措施（试行）》的通知",
            "示例市数据局关于推广政务服务平台2.0版的通知",
        ] {
            let text = format!("{title}\n各区人民政府：\n正文。\n");
            assert!(codes_in("t.txt", &text, "GW308").is_empty(), "{title}");
        }
    }
}
