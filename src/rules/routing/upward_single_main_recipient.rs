use crate::diagnostic::{Finding, Severity};
use crate::document::Direction;
use crate::org::{Addressee, OrgKind};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};

pub struct UpwardSingleMainRecipient;

static META: RuleMeta = RuleMeta {
    code: "GW201",
    name: "upward-single-main-recipient",
    summary: "上行文原则上主送一个上级机关（不多头报文）",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十五条（一）：“原则上主送一个上级机关，根据需要同时抄送相关上级机关和同级机关，不抄送下级机关。”；《江门市人民政府工作规则》二十七：“不得多头报文”",
    fix: FixAvailability::None,
    needs: &[Need::Direction, Need::Recipients],
    docs: "请示、报告等上行文只主送一个上级机关，由它负责办理；需要其他机关知悉的，列为抄送。多头报文会导致互相推诿或重复批复。\n\n\
行文方向取自前置元数据、机构关系（主送机关是发文机关的上级），或文种（请示、报告）。主送机关列出两个以上机关时报告。\
条例用“原则上”，因此为警告。受双重领导的机关由党委、政府联合请示时主送“市委、市政府”在不少地方是允许的：\
主送恰为同级党委和政府两家时只作提示。",
    bad: "（请示）中共示例市委、示例市人民政府、市发展改革局：",
    good: "（请示）示例市人民政府：\n……\n抄送：市发展改革局。",
};

impl Rule for UpwardSingleMainRecipient {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        if cx.doc.direction() != Some(Direction::Up) {
            return;
        }
        let organs: Vec<_> = cx.doc.parties.main.iter().filter(|p| !p.addressee.is_person()).collect();
        if organs.len() < 2 {
            return;
        }
        let kinds: Vec<OrgKind> = organs
            .iter()
            .map(|p| match &p.addressee {
                Addressee::Org(o) => o.kind,
                _ => OrgKind::Unknown,
            })
            .collect();
        let party_and_government =
            organs.len() == 2 && kinds.contains(&OrgKind::PartyCommittee) && kinds.contains(&OrgKind::Government);
        let names: Vec<&str> = organs.iter().map(|p| p.field.text.as_str()).collect();
        let span = organs[1].field.span.cover(organs[organs.len() - 1].field.span);
        let f = Finding::new(
            span,
            format!("上行文原则上主送一个上级机关，本文主送了 {} 个：{}", organs.len(), names.join("、")),
        )
        .help(format!("只主送“{}”（负责办理的上级机关），其余改为抄送", names[0]))
        .en("An upward document should have one main recipient; copy the others");
        out.push(if party_and_government { f.severity(Severity::Info) } else { f });
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn several_superiors() {
        let d = lint_text(
            "t.txt",
            "示例市教育局关于申请资金的请示\n示例市人民政府、市发展改革局、市财政局：\n妥否，请批示。\n",
            "GW201",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("3 个"));
    }

    #[test]
    fn organs_written_together_count_one_by_one() {
        let request = |recipients: &str| {
            format!("示例市教育局关于申请资金的请示\n{recipients}：\n妥否，请批示。\n示例市教育局\n")
        };
        let d = lint_text("t.txt", &request("市委市政府、市财政局"), "GW201");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("3 个：市委、市政府、市财政局"), "{}", d[0].message);
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
        // The 党委 and the 政府 of one level together stay a hint, however they are written.
        for pair in ["中共示例市委 示例市人民政府", "市委市政府", "市委、市政府"] {
            let d = lint_text("t.txt", &request(pair), "GW201");
            assert_eq!(d.len(), 1, "{pair}: {d:?}");
            assert_eq!(d[0].severity, crate::diagnostic::Severity::Info, "{pair}");
        }
    }

    #[test]
    fn one_superior_and_downward_lists_are_silent() {
        assert!(
            codes_in("t.txt", "示例市教育局关于申请资金的请示\n示例市人民政府：\n妥否，请批示。\n", "GW201").is_empty()
        );
        assert!(
            codes_in(
                "t.txt",
                "示例市人民政府关于开展检查的通知\n各区人民政府，市政府各部门：\n请认真落实。\n",
                "GW201"
            )
            .is_empty()
        );
    }
}
