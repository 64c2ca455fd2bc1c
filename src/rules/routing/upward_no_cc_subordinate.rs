use super::common::configured;
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::Direction;
use crate::org::{Addressee, GroupScope, Relation};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct UpwardNoCcSubordinate;

static META: RuleMeta = RuleMeta {
    code: "GW205",
    name: "upward-no-cc-subordinate",
    summary: "上行文不抄送下级机关",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十五条（一）：“……根据需要同时抄送相关上级机关和同级机关，不抄送下级机关。”",
    fix: FixAvailability::Sometimes,
    needs: &[Need::Sender, Need::Direction],
    docs: "请示、报告是给上级看的，抄送下级机关会让尚未批准的事项提前扩散，下级也无从办理。\
本规则检查上行文的抄送机关：发文机关的下级（由配置或名称推断），以及“各县（市、区）”“各镇（街）”“局属各单位”“各科室”等下级统称。\
机构关系全部来自配置时为错误，否则为警告。可以建议删去该抄送项（需人工确认）。",
    bad: "（示例市卫生健康局请示）抄送：各县（市、区）卫生健康局。",
    good: "抄送：市财政局。",
};

impl Rule for UpwardNoCcSubordinate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.direction() != Some(Direction::Up) {
            return;
        }
        let sender = doc.parties.sender.as_ref();
        for party in &doc.parties.cc {
            let lower = match (&party.addressee, &party.relation) {
                (_, Relation::Subordinate | Relation::Guided) => true,
                (Addressee::Group(g), _) => match g.scope {
                    // The organs of the areas below the sender's: lower whatever their kind.
                    GroupScope::LowerAreas => match (sender.and_then(|s| s.level), g.level) {
                        (Some(s), Some(l)) => s.is_above(l),
                        _ => true,
                    },
                    GroupScope::Affiliated | GroupScope::InternalUnits => {
                        sender.is_some_and(|s| g.of.as_deref() == Some(s.name.as_str())) || g.of.is_none()
                    }
                    _ => false,
                },
                _ => false,
            };
            if !lower {
                continue;
            }
            let sure = sender.is_some_and(configured) && party.addressee.org().is_some_and(configured);
            let f = Finding::new(party.field.span, format!("上行文不抄送下级机关：“{}”", party.field.text))
                .help("删去该抄送项；需要下级知悉的，待上级批复后另行告知")
                .fix(Fix::unsafe_(
                    format!("删去“{}”", party.field.text),
                    vec![Edit::delete(with_separator(cx.text(), party.field.span))],
                ))
                .en("An upward document is not copied to subordinate organs");
            out.push(if sure { f.severity(Severity::Error) } else { f });
        }
    }
}

/// The item plus the separator after it (or before it, for the last item), so that deleting it
/// leaves a well-formed list.
fn with_separator(text: &str, item: Span) -> Span {
    let after = text.get(item.end..).and_then(|r| r.chars().next());
    if let Some(c @ ('，' | '、' | ',')) = after {
        return Span::new(item.start, item.end + c.len_utf8());
    }
    let before = text.get(..item.start).and_then(|r| r.chars().next_back());
    if let Some(c @ ('，' | '、' | ',')) = before {
        return Span::new(item.start - c.len_utf8(), item.end);
    }
    item
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const REQUEST: &str =
        "示例市卫生健康局关于申请专项资金的请示\n示例市人民政府：\n妥否，请批示。\n示例市卫生健康局\n2024年3月5日\n";

    #[test]
    fn copied_to_lower_units() {
        let text = format!("{REQUEST}抄送：市财政局，各县（市、区）卫生健康局。\n");
        let d = lint_text("t.txt", &text, "GW205");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].fix.as_ref().unwrap().edits[0].span().text(&text), "，各县（市、区）卫生健康局");
    }

    #[test]
    fn groups_named_as_the_senders_own() {
        for cc in ["区属各中小学校", "辖区各社区居民委员会", "所属各单位"] {
            let text = format!("{REQUEST}抄送：市财政局，{cc}。\n");
            assert_eq!(lint_text("t.txt", &text, "GW205").len(), 1, "{cc}");
        }
        let soe = "江门市交通建设投资集团有限公司关于上半年经营情况的报告\n市国资委：\n现将有关情况报告如下。\n特此报告。\n江门市交通建设投资集团有限公司\n2024年7月5日\n抄送：市财政局，集团公司各所属企业。\n";
        assert_eq!(lint_text("t.txt", soe, "GW205").len(), 1);
        assert!(codes_in("t.txt", &soe.replace("，集团公司各所属企业", ""), "GW205").is_empty());
    }

    #[test]
    fn peers_and_downward_documents_are_silent() {
        assert!(codes_in("t.txt", &format!("{REQUEST}抄送：市财政局。\n"), "GW205").is_empty());
        let notice = "示例市卫生健康局关于开展义诊的通知\n各县（市、区）卫生健康局：\n请认真落实。\n示例市卫生健康局\n2024年3月5日\n抄送：各县（市、区）人民政府。\n";
        assert!(codes_in("t.txt", notice, "GW205").is_empty());
    }
}
