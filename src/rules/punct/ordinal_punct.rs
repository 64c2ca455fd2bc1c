use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{MaskSet, OrdinalStyle, Paragraph, Part};
use crate::lang::numerals::is_chinese_numeral_char;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::source::SourceKind;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct OrdinalPunct;

static META: RuleMeta = RuleMeta {
    code: "GW402",
    name: "ordinal-punct",
    summary: "序次语后的标点：“一、”“（一）”“1.”“（1）”",
    category: Category::Punctuation,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 15834-2011 4.5.3.3 顿号“用于某些序次语（不带括号的汉字数字或‘天干地支’类序次语）之后”；GB/T 15834-2011 附录B 序次语之后的标点用法；GB/T 9704-2012 7.3.3 结构层次序数",
    fix: FixAvailability::Always,
    needs: &[],
    docs: "检查正文和附件中行首的结构层次序数后面的标点：\n\n\
- 不带括号的汉字数字后用顿号：“一.”“一，”“一：”改为“一、”；\n\
- 带括号的序次语后不加任何点号：“（一）、”“（1）.”改为“（一）”“（1）”，“①、”改为“①”；\n\
- 序次语的括号用全角：“(一)”改为“（一）”（GW401 不处理行首序次语，由本规则负责）；\n\
- 阿拉伯数字后用下脚点：“1、”“1，”“1：”改为“1.”；下脚点用“.”还是“．”可在 `[rules.GW402] arabic-ordinal-dot` 中指定，\
未指定时两者都接受；\n\
- “第一”“首先”“其次”“再次”“最后”后用逗号，不用顿号：“首先、”改为“首先，”。\n\n\
只看行首：段中的“一、二等奖”“1、2号楼”是并列的数字，不是序次语；序次语后紧跟数字的（“1、2号楼”“第一、二季度”）也不报。\
Markdown 中“1. ”开头的行是有序列表，列表标记由 Markdown 处理，不在检查之列；改写行首的“1、”时不会生成列表标记。\
所有修改都是确定的，`--fix` 直接修改。",
    bad: "（一）、加强组织领导\n1、明确责任分工",
    good: "（一）加强组织领导\n1.明确责任分工",
};

/// “第一、” “首先、”: sequence words take a comma.
static WORD_ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:第[一二三四五六七八九十]{1,3}|首先|其次|再次|最后)(、)").expect("valid"));
/// The characters `WORD_ORDINAL` can begin with (a test checks them against the pattern).
const WORD_ORDINAL_FIRST: [char; 5] = ['第', '首', '其', '再', '最'];

/// The configured 下脚点 for Arabic ordinals, when the user chose one.
fn configured_dot(cx: &Context) -> Option<char> {
    match cx.params.get("arabic-ordinal-dot").and_then(|v| v.as_str()) {
        Some("．") => Some('．'),
        Some(".") => Some('.'),
        _ => None,
    }
}

impl Rule for OrdinalPunct {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let text = cx.text();
        let dot = configured_dot(cx);
        let mut prev: Option<&Paragraph> = None;
        for p in &cx.doc.body {
            let continues = prev.is_some_and(|q| q.part == p.part && runs_on(q, text));
            prev = Some(p);
            // A hard-wrapped sentence can put “五十，” at a line start: only a new paragraph
            // starts with an ordinal.
            if continues || !matches!(p.part, Part::Body | Part::Attachment(_)) {
                continue;
            }
            let s = p.span.text(text);
            match &p.ordinal {
                Some(ord) if !cx.doc.masks.hits(MaskSet::NON_TEXT, ord.span) => {
                    check_ordinal(cx, ord, p.span, s, dot, out)
                }
                Some(_) => {}
                None => check_word_ordinal(p.span, s, out),
            }
        }
    }
}

/// Whether paragraph `p` stops mid-sentence, so that the next line continues it: a long line
/// that is not a heading and does not end with a closing mark.
fn runs_on(p: &Paragraph, text: &str) -> bool {
    let s = p.span.text(text).trim_end_matches(['”', '’', '）', '》', '】']);
    p.ordinal.is_none()
        && p.md_heading.is_none()
        && s.chars().count() > 20
        && !s.ends_with(['。', '：', '；', '！', '？', '…', ':', ';', '!', '?'])
}

fn check_ordinal(
    cx: &Context,
    ord: &crate::document::Ordinal,
    line: Span,
    s: &str,
    dot: Option<char>,
    out: &mut Vec<Finding>,
) {
    let text = cx.text();
    // Large numbers at a line start are amounts or years, not ordinals.
    if ord.number == 0 || ord.number > 99 {
        return;
    }
    let marker = ord.span.text(text);
    let after = s.get(ord.span.end - line.start..).unwrap_or("");
    let next = after.chars().next();
    let mut edits = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let good = match ord.style {
        OrdinalStyle::Chinese => {
            let Some((c, span)) = ord.punct else { return };
            // 一，二，三 or 一.二 at a line start count things; they are not headings.
            if c == '、' || next.is_some_and(is_chinese_numeral_char) {
                return;
            }
            problems.push(format!("汉字数字序次语后应使用顿号“、”，不用“{c}”"));
            edits.push(Edit::replace(span, "、"));
            format!("{}、", &marker[..span.start - ord.span.start])
        }
        OrdinalStyle::Arabic => {
            let Some((c, span)) = ord.punct else { return };
            let wanted = dot.unwrap_or(if c == '．' { '．' } else { '.' });
            if c == wanted {
                return;
            }
            // 1、2号楼: a list of numbers, not an ordinal.
            if next.is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n)) {
                return;
            }
            let number = &marker[..span.start - ord.span.start];
            problems.push(format!("阿拉伯数字序次语后应使用下脚点“{wanted}”，不用“{c}”"));
            edits.push(Edit::replace(span, wanted.to_string()));
            // In Markdown, “1. ” at a line start would turn the paragraph into a list: keep the
            // dot against the text.
            if cx.source.kind == SourceKind::Markdown {
                let blanks: usize = after.chars().take_while(|c| matches!(c, ' ' | '\t')).map(char::len_utf8).sum();
                if blanks > 0 {
                    edits.push(Edit::delete(Span::new(span.end, span.end + blanks)));
                }
            }
            format!("{number}{wanted}")
        }
        OrdinalStyle::ParenChinese | OrdinalStyle::ParenArabic | OrdinalStyle::Circled => {
            if ord.halfwidth_parens {
                problems.push("序次语的括号应使用全角“（）”".to_string());
                let open = ord.span.start;
                if marker.starts_with('(') {
                    edits.push(Edit::replace(Span::new(open, open + 1), "（"));
                }
                if let Some(close_rel) = marker.find(')') {
                    edits.push(Edit::replace(Span::new(open + close_rel, open + close_rel + 1), "）"));
                }
            }
            if let Some((c, span)) = ord.punct {
                let what =
                    if ord.style == OrdinalStyle::Circled { "带圈数字序次语" } else { "带括号的序次语" };
                problems.push(format!("{what}后不加点号，应删去“{c}”"));
                edits.push(Edit::delete(span));
            }
            if edits.is_empty() {
                return;
            }
            let end = ord.punct.map_or(ord.span.end, |(_, p)| p.start);
            marker[..end - ord.span.start].replace('(', "（").replace(')', "）")
        }
        OrdinalStyle::Chapter | OrdinalStyle::Section | OrdinalStyle::Article => return,
    };
    let message = format!("序次语“{marker}”：{}", problems.join("；"));
    out.push(
        Finding::new(ord.span, message)
            .fix(Fix::safe(format!("改为“{good}”"), edits))
            .en(format!("Punctuation after the ordinal “{marker}”: write “{good}”")),
    );
}

fn check_word_ordinal(line: Span, s: &str, out: &mut Vec<Finding>) {
    // The pattern is anchored: only a line beginning with one of its first characters can match,
    // and asking the regex engine on every line costs a search's fixed setup each time.
    if !s.starts_with(WORD_ORDINAL_FIRST) {
        return;
    }
    let Some(c) = WORD_ORDINAL.captures(s) else { return };
    let whole = c.get(0).expect("match");
    let mark = c.get(1).expect("group");
    // 第一、二季度: an abbreviated list of ordinals, not a heading.
    if s[whole.end()..].starts_with(is_chinese_numeral_char) {
        return;
    }
    let word = &s[..mark.start()];
    out.push(
        Finding::new(line.sub(0, whole.end()), format!("“{word}”类序次语后应使用逗号“，”，不用顿号“、”"))
            .fix(Fix::safe(format!("改为“{word}，”"), vec![Edit::replace(line.sub(mark.start(), mark.end()), "，")]))
            .en(format!("Use a comma after “{word}”, not 、")),
    );
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn word_ordinals_begin_with_the_listed_characters() {
        // Lines not beginning with one of them are never asked; each alternative of the
        // anchored pattern must begin with one.
        let pattern = super::WORD_ORDINAL.as_str();
        let inner = &pattern[pattern.find("(?:").expect("a group") + 3..pattern.find(")(").expect("then the mark")];
        let mut firsts: Vec<char> = inner.split('|').map(|a| a.chars().next().expect("non-empty")).collect();
        firsts.dedup();
        assert_eq!(firsts, super::WORD_ORDINAL_FIRST);
    }

    fn body(lines: &str) -> String {
        format!(
            "示例市人民政府关于加强安全生产工作的通知\n\n各区人民政府：\n\n{lines}\n\n示例市人民政府\n\n2024年3月5日\n"
        )
    }

    #[test]
    fn fixes_punctuation_after_ordinals() {
        let bad = body(
            "一.总体要求\n（一）、加强组织领导\n1、明确责任分工\n（1）.细化措施\n①、排查隐患\n二，保障措施\n首先、统一思想",
        );
        let good = body(
            "一、总体要求\n（一）加强组织领导\n1.明确责任分工\n（1）细化措施\n①排查隐患\n二、保障措施\n首先，统一思想",
        );
        assert_fixed(&bad, "GW402", &good);
    }

    #[test]
    fn halfwidth_parens_in_ordinals() {
        assert_fixed(&body("(一)加强组织领导\n(2)、细化措施"), "GW402", &body("（一）加强组织领导\n（2）细化措施"));
    }

    #[test]
    fn silent_on_correct_and_non_ordinals() {
        let text = body(
            "一、总体要求\n（一）加强组织领导\n1.明确责任分工\n1．细化分工\n（1）细化措施\n①排查隐患\n一、二等奖获得者名单另行公布。\n1、2号楼已完工。\n第一、二季度进展顺利。\n2023、2024年连续两年达标。",
        );
        assert!(codes_in("t.txt", &text, "GW402").is_empty(), "{:?}", codes_in("t.txt", &text, "GW402"));
    }

    #[test]
    fn wrapped_lines_are_not_ordinals() {
        let text = body("全市规模以上工业企业研发投入占营业收入的比重提高到百分之\n五十，较上年提高两个百分点。");
        assert!(codes_in("t.txt", &text, "GW402").is_empty(), "{:?}", codes_in("t.txt", &text, "GW402"));
        let heading = body("一、总体要求\n（一）、指导思想");
        assert_eq!(codes_in("t.txt", &heading, "GW402"), ["GW402:（一）、"]);
    }

    #[test]
    fn configured_dot_is_enforced() {
        let text = body("1．明确责任分工\n2.细化措施");
        let mut settings = crate::test_support::settings_for("GW402");
        let params: crate::config::RuleParams = toml::from_str("arabic-ordinal-dot = \"．\"").unwrap();
        settings.params.insert("GW402".into(), params);
        let source = crate::source::Source::from_text("t.txt", text.as_str());
        let found = crate::engine::lint(&source, &settings, &crate::org::OrgView::default());
        let spans: Vec<&str> = found.iter().map(|d| d.span.text(&text)).collect();
        assert_eq!(spans, ["2."]);
    }

    #[test]
    fn markdown_fix_does_not_create_a_list() {
        let text = "# 示例市人民政府关于加强安全生产工作的通知\n\n各区人民政府：\n\n1、 明确责任分工\n\n示例市人民政府\n\n2024年3月5日\n";
        let hits = codes_in("t.md", text, "GW402");
        assert_eq!(hits, ["GW402:1、"]);
        let source = crate::source::Source::from_text("t.md", text);
        let settings = crate::test_support::settings_for("GW402");
        let orgs = crate::org::OrgView::default();
        let fixed = crate::fix::fix_source(&source, &settings, &orgs, crate::diagnostic::Applicability::Safe);
        assert!(fixed.text.contains("\n1.明确责任分工\n"), "{}", fixed.text);
        assert!(fixed.refused.is_empty());
    }
}
