use super::common::{addresses_as_peer, stated_yes};
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{Direction, DocKind, Evidence};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};

pub struct UpwardSigner;

static META: RuleMeta = RuleMeta {
    code: "GW208",
    name: "upward-signer",
    summary: "上行文标注签发人，由机关主要负责人签发",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第九条（六）：“签发人。上行文应当标注签发人姓名。”；第二十二条：“重要公文和上行文由机关主要负责人签发。”；GB/T 9704-2012 7.2.6：由“签发人”三字加全角冒号和签发人姓名组成",
    fix: FixAvailability::Sometimes,
    needs: &[Need::Direction],
    docs: "上行文的版头在发文字号同一行标注“签发人：姓名”，签发人应为发文机关主要负责人。本规则：\n\n\
- 上行文有版头（发文机关标志或发文字号）却没有“签发人”：警告（草稿尚未签发时，在前置元数据写“草稿: 是”降为提示）；\n\
- “签发人”后缺冒号：补全角冒号（安全修复；半角冒号由 GW401 改为全角）；\n\
- 配置了发文机关的 `principal`（主要负责人）而签发人不是他：警告（主要负责人授权他人签发的，在前置元数据“报批依据”中写明）。\n\n\
没有版头的正文草稿只作提示（印发时须在版头补上签发人）。函虽可向上级机关行文，但不是上行文种，不检查。\
议案由人民政府提请人大审议，由行政首长签署，不适用签发人要求。\
文中称主送机关为“贵X”（“贵办”“贵局”）的，是向不相隶属机关的平行文，即使文种是报告也不检查（前置元数据或配置写明了行文方向的除外）。",
    bad: "示卫健〔2024〕12号（请示，无签发人）",
    good: "示卫健〔2024〕12号　　签发人：张某",
};

impl Rule for UpwardSigner {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // A 议案 goes to the 人大 over the head of government's signature, not as a 上行文 with a
        // 签发人 (宪法、地方组织法; 条例第八条（十三）).
        if doc.direction() != Some(Direction::Up) || matches!(doc.kind(), Some(DocKind::函 | DocKind::议案)) {
            return;
        }
        // A 报告 that calls its addressee 贵办 goes to an organ that does not lead the sender:
        // 平行文, whatever the kind suggests — unless the draft says otherwise.
        let stated = doc.direction.is_some_and(|(_, e)| matches!(e, Evidence::FrontMatter | Evidence::Config));
        if !stated && addresses_as_peer(cx) {
            return;
        }
        let header = &doc.header;
        for line in &header.signer_lines {
            if let Some(rest) = line.text.strip_prefix("签发人") {
                let rest_trimmed = rest.trim_start_matches([' ', '\u{3000}']);
                if !rest_trimmed.starts_with([':', '：']) && !rest_trimmed.is_empty() {
                    let at = line.span.start + "签发人".len();
                    out.push(Finding::new(line.span.sub(0, "签发人".len()), "“签发人”后应加全角冒号").fix(Fix::safe(
                        "补“：”",
                        vec![Edit::replace(crate::span::Span::new(at, at + (rest.len() - rest_trimmed.len())), "：")],
                    )));
                }
            }
        }
        let has_header = header.doc_number.is_some() || header.issuer_mark.is_some();
        if has_header && header.signers.is_empty() && doc.stated("签发人").is_none() {
            let span = header.doc_number.as_ref().or(header.issuer_mark.as_ref()).map(|f| f.span).unwrap_or_default();
            let f = Finding::new(span, "上行文应当标注签发人姓名")
                .help("在发文字号同一行右侧标注“签发人：姓名”（机关主要负责人）")
                .en("An upward document must name its signer (签发人)");
            out.push(if stated_yes(cx, "草稿") { f.severity(Severity::Info) } else { f });
            return;
        }
        // A body draft without any 版头: the 签发人 belongs in the 版头 it will get, so say so
        // once, as a reminder, rather than pass over it in silence.
        if !has_header && header.signers.is_empty() && doc.stated("签发人").is_none() && doc.title.is_some() {
            let span = doc.title.as_ref().map(|t| t.span).unwrap_or_default();
            out.push(
                Finding::new(span, "本稿没有版头；上行文印发时须在版头标注签发人姓名（机关主要负责人）")
                    .severity(Severity::Info)
                    .help("在发文字号同一行右侧标注“签发人：姓名”；或在前置元数据写明“签发人: 姓名”")
                    .en("No header yet: an upward document names its signer (签发人) in the header"),
            );
            return;
        }
        let Some(principal) = doc.parties.sender.as_ref().and_then(|s| s.principal.clone()) else { return };
        if stated_yes(cx, "报批依据") {
            return;
        }
        for signer in &header.signers {
            if signer.text != principal {
                out.push(
                    Finding::new(
                        signer.span,
                        format!("上行文应由机关主要负责人签发：签发人“{}”不是主要负责人“{principal}”", signer.text),
                    )
                    .help("由主要负责人签发；经授权由他人签发的，在前置元数据“报批依据”中写明"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    #[test]
    fn request_without_signer() {
        let text = "示例市卫生健康局文件\n示卫健〔2024〕12号\n示例市卫生健康局关于申请专项资金的请示\n示例市人民政府：\n妥否，请批示。\n";
        let d = lint_text("t.txt", text, "GW208");
        assert_eq!(d.len(), 1);
        assert!(codes_in("t.txt", &text.replace("12号", "12号　　签发人：张某"), "GW208").is_empty());
    }

    #[test]
    fn colon_is_added() {
        let text = "示例市卫生健康局文件\n示卫健〔2024〕12号　签发人 张某\n示例市卫生健康局关于申请专项资金的请示\n示例市人民政府：\n妥否，请批示。\n";
        assert_fixed(text, "GW208", &text.replace("签发人 张某", "签发人：张某"));
    }

    #[test]
    fn body_only_drafts_get_a_reminder_and_notices_nothing() {
        let body_only =
            lint_text("t.txt", "示例市卫生健康局关于申请专项资金的请示\n示例市人民政府：\n妥否，请批示。\n", "GW208");
        assert_eq!(body_only.len(), 1, "{body_only:?}");
        assert_eq!(body_only[0].severity, crate::diagnostic::Severity::Info);
        assert!(body_only[0].message.contains("本稿没有版头"));
        assert!(
            codes_in(
                "t.txt",
                "示例市人民政府文件\n示府〔2024〕3号\n示例市人民政府关于开展检查的通知\n各区人民政府：\n正文。\n",
                "GW208"
            )
            .is_empty()
        );
    }

    #[test]
    fn motions_and_reports_to_peers_need_no_signer() {
        let motion = "示例区人民政府文件\n示府议〔2019〕1号\n关于提请审议调整区划增设街道办事处的议案\n示例区人民代表大会常务委员会：\n现提请审议。\n";
        assert!(codes_in("t.txt", motion, "GW208").is_empty());
        let report = "示例市发展和改革委员会\n示发改办〔2020〕1085号\n关于报送地震应急预案的报告\n示例市抗震救灾指挥部办公室：\n根据贵办《关于开展地震应急预案修订工作的通知》要求，现将我委预案随文上报。\n";
        assert!(codes_in("t.txt", report, "GW208").is_empty());
        // 贵州 is a place, not a courtesy.
        let report = report.replace("根据贵办《", "根据贵州省《");
        assert_eq!(codes_in("t.txt", &report, "GW208").len(), 1);
    }

    #[test]
    fn a_half_width_colon_still_names_the_signer() {
        // GW401 owns the colon's width; the signer is there, so GW208 has nothing to say.
        let text = "示例市卫生健康局文件\n示卫健〔2024〕12号　　签发人:张某\n示例市卫生健康局关于申请专项资金的请示\n示例市人民政府：\n妥否，请批示。\n";
        assert!(codes_in("t.txt", text, "GW208").is_empty());
    }
}
