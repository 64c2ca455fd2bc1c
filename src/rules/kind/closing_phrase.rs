use super::phrases::PHRASES;
use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, MaskSet};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct ClosingPhrase;

static META: RuleMeta = RuleMeta {
    code: "GW104",
    name: "closing-phrase",
    summary: "结语与文种匹配；请示须有请示结语",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "实务（条例和国标未规定结语）：请示常用“妥否，请批示。”，报告用“特此报告。”，函用“特此函告。”“请予函复。”，批复用“此复。”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "结语应与文种相符。本规则检查正文最后一段（附件说明、署名之前）：\n\n\
- 请示没有请求性结语（“妥否，请批示”“当否，请批复”“请予审批”等）；\n\
- 结语与文种错配：“特此报告”“特此通知”“特此通报”“特此函告”“特此批复”“特此公告”“特此决定”等结语各属一个文种，用在别的文种上即为错配（请示用“特此报告”，通报用“特此报告”，函用“特此通知”；公告、通告的两种结语通用）；批复用“妥否，请批示”。\n\n\
这是实务惯例而非条例条文，因此为警告，修改只作建议。报告中的请示性结语由 GW101 报告。",
    bad: "（请示）……特此报告。",
    good: "（请示）……妥否，请批示。",
};

static SPECIAL_CLOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"特此(报告|通知|函告|函复|复函|批复|通报|通告|公告|决定)").expect("valid"));
static REPLY_CLOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(妥否|当否)[，,]?请(批示|批复|示复)").expect("valid"));

impl Rule for ClosingPhrase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(kind) = cx.doc.kind() else { return };
        let text = cx.text();
        let Some(last) = cx.doc.last_body_paragraph(text) else { return };
        let last_text = last.span.text(text);
        let suggestion = |k: DocKind| {
            PHRASES.closing_for(k).map(|c| format!("改用“{c}”")).unwrap_or_else(|| "改用与文种相符的结语".into())
        };
        // 特此通报表扬 is the verb 通报表扬, not the closing 特此通报.
        if let Some(m) =
            SPECIAL_CLOSING.find(last_text).filter(|m| !last_text[m.end()..].starts_with(crate::lang::is_han))
        {
            let span = last.span.sub(m.start(), m.end());
            if cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                return;
            }
            // Each closing names the kind it closes: 特此通报 closes a 通报, 特此函告 a 函.
            let word = &m.as_str()["特此".len()..];
            let closes = match word {
                "函告" | "函复" => Some(DocKind::函),
                other => DocKind::parse(other),
            };
            // 公告 and 通告 both publish to the public; either closing is written for both.
            let public = |k: DocKind| matches!(k, DocKind::公告 | DocKind::通告);
            if closes.is_some_and(|closes| closes != kind && !(public(closes) && public(kind))) {
                out.push(
                    Finding::new(span, format!("{}不用“{}”作结语", kind.zh(), m.as_str()))
                        .help(suggestion(kind))
                        .en(format!("“{}” does not close a {}", m.as_str(), kind.zh())),
                );
            }
            return;
        }
        if kind == DocKind::批复 {
            if let Some(m) = REPLY_CLOSING.find(last_text) {
                out.push(
                    Finding::new(last.span.sub(m.start(), m.end()), format!("批复不用“{}”作结语", m.as_str()))
                        .help(suggestion(kind)),
                );
            }
            return;
        }
        if kind == DocKind::请示 {
            // Any request closing among the last two paragraphs will do.
            let tail = cx.doc.closing_paragraphs(text);
            let from = tail.len().saturating_sub(2);
            let tail_spans: Vec<_> = tail[from..].iter().map(|p| p.span).collect();
            // A closing formula, or a short closing sentence asking the addressee for something
            // (`以上事项，请市政府予以支持。`, `……须报集团公司审批。请集团公司研究决定。`) that ends
            // one of the last two paragraphs.
            let closes = cx.doc.requests.iter().any(|r| {
                let at = cx.doc.body[r.paragraph].span;
                let addressed = ["请", "恳请", "望", "盼", "希望", "敬请", "特请", "拟请"].contains(&r.act.text(text));
                tail_spans.contains(&at) && (r.closing || addressed && last_sentence_is_short(text, at, r.act.start))
            });
            if !closes {
                out.push(
                    Finding::new(last.span, "请示缺少请求性结语")
                        .help("以“妥否，请批示。”“当否，请批复。”“以上请示，请予审批。”等结语结束")
                        .en("A request (请示) should end with a request closing such as “妥否，请批示。”"),
                );
            }
        }
    }
}

/// Whether the request whose act starts at `act` stands in the paragraph's last sentence, and that
/// sentence is short enough to be a closing (30 characters).
fn last_sentence_is_short(text: &str, paragraph: crate::span::Span, act: usize) -> bool {
    let body = paragraph.text(text).trim_end_matches(|c: char| crate::lang::is_blank(c));
    let body = body.strip_suffix(['。', '！']).unwrap_or(body);
    let start = body.rfind(['。', '；', '！', '？']).map_or(0, |i| i + '。'.len_utf8());
    paragraph.start + start <= act && body[start..].chars().count() <= 30
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn request_closed_like_a_report() {
        let d = lint_text(
            "t.txt",
            "示例市教育局关于申请维修资金的请示\n示例市人民政府：\n拟申请资金1850万元。\n特此报告。\n",
            "GW104",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("特此报告"));
    }

    #[test]
    fn a_closing_sentence_at_the_end_of_a_paragraph_and_contact_lines_after_it() {
        let base = "天津津港物流发展有限公司关于投资建设冷链仓储中心的请示\n天津港集团有限公司：\n拟投资建设冷链仓储中心，总投资3.2亿元。\nLAST\n联系人：于洋，联系电话：022-25708836\n天津津港物流发展有限公司\n2024年7月9日\n";
        let asked = base
            .replace("LAST", "根据集团公司投资管理办法，单项投资超过3亿元的项目须报集团公司审批。请集团公司研究决定。");
        assert!(codes_in("t.txt", &asked, "GW104").is_empty(), "{:?}", lint_text("t.txt", &asked, "GW104"));
        let letter = base.replace("LAST", "以上事项，特此函告。");
        let d = lint_text("t.txt", &letter, "GW104");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("特此函告"), "{}", d[0].message);
        let han = "泸县总工会关于商请支持职工技能竞赛的函\n泸县人力资源和社会保障局：\n商请贵局支持。\n特此通知。\n联系人：罗晓燕，联系电话：0830-8182609\n泸县总工会\n2024年11月12日\n";
        assert_eq!(codes_in("t.txt", han, "GW104").len(), 1);
    }

    /// Every closing names its kind: a 通报 closed as a 报告 is as wrong as a 请示 is.
    #[test]
    fn a_closing_of_another_kind() {
        let bulletin = "中共邢台市委政法委员会关于第一季度平安建设工作情况的通报\n各县（市、区）委政法委：\n现将有关情况通报如下。\n特此报告。\n";
        let d = lint_text("t.txt", bulletin, "GW104");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("通报不用“特此报告”"), "{}", d[0].message);
        assert!(codes_in("t.txt", &bulletin.replace("特此报告", "特此通报"), "GW104").is_empty());
        let notice = "示例县人民政府关于禁止燃放烟花爆竹的通告\n为保障公共安全，决定如下。\n特此公告。\n";
        assert!(codes_in("t.txt", notice, "GW104").is_empty(), "公告 and 通告 share their closings");
        let praise = "示例市人民政府关于对防汛先进单位予以通报表扬的通知\n各区人民政府：\n经研究，决定予以通报表扬。\n特此通报表扬。\n";
        assert!(codes_in("t.txt", praise, "GW104").is_empty(), "通报表扬 is a verb");
        let reply = "示例市人民政府关于同意设立示例产业园的批复\n示例县人民政府：\n同意设立。\n特此函复。\n";
        assert_eq!(codes_in("t.txt", reply, "GW104").len(), 1);
    }

    #[test]
    fn request_without_closing() {
        let d = lint_text(
            "t.txt",
            "示例市教育局关于申请维修资金的请示\n示例市人民政府：\n拟申请资金1850万元，用于校舍维修。\n",
            "GW104",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("缺少"));
    }

    #[test]
    fn matching_closings_are_silent() {
        assert!(
            codes_in(
                "t.txt",
                "示例市教育局关于申请维修资金的请示\n示例市人民政府：\n拟申请资金。\n当否，请批复。\n",
                "GW104"
            )
            .is_empty()
        );
        assert!(
            codes_in(
                "t.txt",
                "示例市交通运输局关于养护工作的报告\n示例市人民政府：\n情况如下。\n特此报告。\n",
                "GW104"
            )
            .is_empty()
        );
        assert!(
            codes_in("t.txt", "示例市人民政府关于开展检查的通知\n各区人民政府：\n请认真落实。\n特此通知。\n", "GW104")
                .is_empty()
        );
    }
}
