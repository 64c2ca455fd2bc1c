use crate::diagnostic::{Finding, Severity};
use crate::document::{DocKind, MaskSet};
use crate::org::Relation;
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct HanForUnaffiliated;

static META: RuleMeta = RuleMeta {
    code: "GW105",
    name: "han-for-unaffiliated",
    summary: "不相隶属机关之间请求批准用函；函不用指令口吻",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第八条（十四）“函。适用于不相隶属机关之间商洽工作、询问和答复问题、请求批准和答复审批事项。”；（十一）请示“适用于向上级机关请求指示、批准”",
    fix: FixAvailability::None,
    needs: &[Need::Kind, Need::Sender, Need::Recipients],
    docs: "不相隶属的机关之间（如同级的两个部门）商洽工作、请求批准，用函，不用请示，也不用通知布置工作；\
函是平行文，不用“请遵照执行”“务必”“不得有误”等指令口吻。\n\n\
判断两个机关是否隶属需要机构关系：发文机关和主送机关都能识别、且两者既无领导关系也无业务指导关系时，\
请示、通知报告警告。机构关系不明时只检查函的口吻（提示）。",
    bad: "示例市教育局《关于请求审批学校建设用地的请示》主送“示例市自然资源局”",
    good: "《示例市教育局关于商请办理学校建设用地审批手续的函》，结语“请予函复。”",
};

static COMMANDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"请遵照执行|遵照执行|务必|必须按时|严格执行|不得有误|限期|责令").expect("valid"));

impl Rule for HanForUnaffiliated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(kind) = doc.kind() else { return };
        if matches!(kind, DocKind::请示 | DocKind::通知) && doc.parties.sender.is_some() {
            self.check_unaffiliated(cx, kind, out);
        }
        if kind == DocKind::函 {
            let text = cx.text();
            for p in doc.body_paragraphs() {
                let s = p.span.text(text);
                for m in COMMANDING.find_iter(s) {
                    let span = p.span.sub(m.start(), m.end());
                    if !doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) {
                        out.push(
                            Finding::new(span, format!("函是平行文，不用指令口吻“{}”", m.as_str()))
                                .help("改用商洽口吻，如“请予支持”“请予函复”")
                                .severity(Severity::Info),
                        );
                    }
                }
            }
        }
    }
}

impl HanForUnaffiliated {
    /// A 请示 (or a 通知 giving orders) to an organ with no line of leadership or guidance.
    fn check_unaffiliated(&self, cx: &Context, kind: DocKind, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let unrelated: Vec<_> =
            doc.parties.main.iter().filter(|p| matches!(p.relation, Relation::Peer | Relation::Unaffiliated)).collect();
        if unrelated.is_empty() || unrelated.len() != doc.parties.main.len() {
            return;
        }
        let names: Vec<&str> = unrelated.iter().map(|p| p.field.text.as_str()).collect();
        let span = unrelated[0].field.span;
        match kind {
            DocKind::请示 => out.push(
                Finding::new(
                    span,
                    format!("“{}”不是发文机关的上级，不相隶属机关之间请求批准应当用函，不用请示", names.join("、")),
                )
                .help("改为“关于商请……的函”，结语用“请予函复”")
                .en("Between unaffiliated organs a request for approval is a letter (函), not a 请示"),
            ),
            _ => {
                let text = cx.text();
                let ordering = doc.body_paragraphs().any(|p| {
                    let s = p.span.text(text);
                    COMMANDING
                        .find_iter(s)
                        .any(|m| !doc.masks.hits(MaskSet::NOT_OWN_WORDS, p.span.sub(m.start(), m.end())))
                });
                if ordering {
                    out.push(
                        Finding::new(span, format!("“{}”不是发文机关的下级，不宜用通知布置工作", names.join("、")))
                            .help("不相隶属机关之间商洽工作用函")
                            .en("Do not give orders by 通知 to an unaffiliated organ; use a letter (函)"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn commanding_letter() {
        let d = lint_text(
            "t.txt",
            "示例市教育局关于商请配合开展调查的函\n示例市统计局：\n请务必于5月10日前报送数据，不得有误。\n",
            "GW105",
        );
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn request_to_a_sibling_department() {
        let text = "江门市教育局关于请求审批学校建设用地的请示\n江门市自然资源局：\n妥否，请批示。\n江门市教育局\n2024年3月1日\n";
        let d = lint_text("t.txt", text, "GW105");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(codes_in("t.txt", &text.replace("江门市自然资源局：", "江门市人民政府："), "GW105").is_empty());
    }

    #[test]
    fn polite_letter_is_silent() {
        assert!(
            codes_in(
                "t.txt",
                "示例市教育局关于商请配合开展调查的函\n示例市统计局：\n请予支持为盼。\n请予函复。\n",
                "GW105"
            )
            .is_empty()
        );
    }
}
