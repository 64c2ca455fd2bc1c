use super::audience::{Directed, addresses_administered_bodies, directed_at, is_administered};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::org::Relation;
use crate::rules::routing::common::{own_matches, sentence_of};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use crate::span::Span;
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
    needs: &[Need::Kind, Need::Sender, Need::Recipients, Need::Relation],
    docs: "不相隶属的机关之间（如同级的两个部门）商洽工作、请求批准，用函，不用请示，也不用通知布置工作；\
函是平行文，不用“请遵照执行”“务必”“不得有误”等指令口吻。\n\n\
判断两个机关是否隶属需要机构关系：发文机关和主送机关都能识别、且两者既无领导关系也无业务指导关系时，\
请示、通知报告警告。机构关系不明时只检查函的口吻（提示）。\n\n\
“指令口吻”指对主送机关下指令：“请你局务必……”“贵单位要严格执行……”“请遵照执行”；\
发文机关说明自己的做法（“我局将严格执行……”）、转述第三方或引用规定时不算。\
机关对其管理对象——企业、社会组织、公众及其统称（“各经营户”“各有关企业”）——用通知布置工作、在函中提出要求，\
属于行政管理，不是不相隶属机关之间的行文，不报告。",
    bad: "示例市教育局《关于请求审批学校建设用地的请示》主送“示例市自然资源局”",
    good: "《示例市教育局关于商请办理学校建设用地审批手续的函》，结语“请予函复。”",
};

static COMMANDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"请遵照执行|遵照执行|务必|必须按时|严格执行|不得有误|限期|责令").expect("valid"));

/// Of the words above, those that can only give an order (so an unnamed subject is the reader);
/// the others also narrate (“项目建设严格执行招投标制度”, “依法责令企业限期整改”).
fn only_orders(word: &str) -> bool {
    matches!(word, "请遵照执行" | "遵照执行" | "务必" | "不得有误")
}

/// The commanding words of the 正文's own sentences that direct the addressee.
fn orders_to_addressee(cx: &Context) -> Vec<Span> {
    let text = cx.text();
    own_matches(cx, &COMMANDING)
        .into_iter()
        .filter(|&m| {
            let sentence = sentence_of(cx, m);
            let cue = m.start - sentence.start..m.end - sentence.start;
            directed_at(sentence.text(text), cue, only_orders(m.text(text))) == Directed::Addressee
        })
        .collect()
}

/// The 主送 as written, and the words that stand for all of them.
fn recipient_names<'a>(cx: &Context<'a>) -> Vec<&'a str> {
    let mut subjects: Vec<&str> = cx.doc.parties.main.iter().map(|p| p.field.text.as_str()).collect();
    subjects.extend(["各单位", "各部门", "你们"]);
    subjects
}

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
        // An organ directing its 管理对象 is administering them, whatever the 文种.
        if kind == DocKind::函 && !addresses_administered_bodies(cx) {
            let text = cx.text();
            for span in orders_to_addressee(cx) {
                out.push(
                    Finding::new(span, format!("函是平行文，不用指令口吻“{}”", span.text(text)))
                        .help("改用商洽口吻，如“请予支持”“请予函复”")
                        .severity(Severity::Info),
                );
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
        // Organs the names do not place (a vertically managed 消防救援支队) may stand among the
        // unrelated ones; any organ led by or leading the sender settles it otherwise.
        let related = doc
            .parties
            .main
            .iter()
            .any(|p| !matches!(p.relation, Relation::Peer | Relation::Unaffiliated | Relation::Unknown));
        if unrelated.is_empty() || related || unrelated.len() * 2 < doc.parties.main.len() {
            return;
        }
        // Enterprises and the public are not 不相隶属机关 in the sense of 行文: an organ's 通知
        // to its 管理对象 (市场监管局 → 各经营户) is administration.
        if kind == DocKind::通知 && addresses_administered_bodies(cx) {
            return;
        }
        // A department's 通知 to lower governments is GW204's case (部门不得向下级政府发指令),
        // not a question of 函 versus 通知: one finding for one fact.
        let department = doc.parties.sender.as_ref().filter(|s| s.kind == crate::org::OrgKind::Department);
        let lower_government = |p: &&crate::org::Party| match &p.addressee {
            crate::org::Addressee::Org(o) => {
                o.kind.is_leading_organ()
                    && department.is_some_and(|d| matches!((o.level, d.level), (Some(a), Some(b)) if b.is_above(a)))
            }
            crate::org::Addressee::Group(g) => {
                department.is_some() && g.kind.is_leading_organ() && g.scope == crate::org::GroupScope::LowerAreas
            }
            _ => false,
        };
        // Each recipient a 通知 may address for a reason of its own is set aside: lower
        // governments (GW204 judges whether the department may direct them) and the bodies an
        // organ administers (企业、社会组织). The rest — peers and unaffiliated organs — remain.
        // With the government's consent (经市人民政府同意) the department speaks for it, to the
        // government's other departments as well.
        let consent = crate::rules::routing::common::with_government_consent(cx, false);
        let unrelated: Vec<_> = if kind == DocKind::通知 {
            unrelated
                .into_iter()
                .filter(|p| !(lower_government(p) || is_administered(p) || consent && p.relation == Relation::Peer))
                .collect()
        } else {
            unrelated
        };
        if unrelated.is_empty() {
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
                if !orders_to_addressee(cx).is_empty()
                    || !crate::rules::routing::common::tasks_given_to(cx, &recipient_names(cx)).is_empty()
                {
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
    fn a_department_ordering_lower_governments_is_left_to_gw204() {
        let text = "湖南省自然资源厅关于做好汛期地质灾害防治工作的通知\n各市（州）人民政府：\n请各地立即组织排查，务必于5月10日前报送排查结果。\n湖南省自然资源厅\n2024年5月6日\n";
        assert!(codes_in("t.txt", text, "GW105").is_empty());
        assert_eq!(codes_in("t.txt", text, "GW204").len(), 1);
    }

    /// Each recipient a 通知 may address for a reason of its own is set aside: lower governments
    /// (GW204's to judge) and enterprises the department administers. Only the organs left count.
    #[test]
    fn a_notice_to_lower_governments_and_enterprises() {
        let text = "重庆市渝北区经济和信息化委员会关于印发《渝北区支持工业企业技术改造奖励办法》的通知\n各镇人民政府、街道办事处，有关企业：\n　　经区人民政府同意，现将《渝北区支持工业企业技术改造奖励办法》印发给你们，请遵照执行。\n\n重庆市渝北区经济和信息化委员会\n2025年3月18日\n";
        assert!(codes_in("t.txt", text, "GW105").is_empty(), "{:?}", lint_text("t.txt", text, "GW105"));
        let with_peers = text.replace("有关企业：", "区公安分局，区市场监督管理局：");
        // With the government's consent the department speaks for it to its sibling departments too.
        assert!(codes_in("t.txt", &with_peers, "GW105").is_empty(), "{with_peers}");
        let without_consent = with_peers.replace("经区人民政府同意，现将", "现将");
        assert_eq!(codes_in("t.txt", &without_consent, "GW105").len(), 1, "{without_consent}");
    }

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
    fn a_notice_assigning_work_to_sibling_departments() {
        let text = "乐山市文化广播电视和旅游局关于做好国庆假期景区安全保障工作的通知\n市公安局，市市场监督管理局：\n一、市公安局要在景区出入口增派警力。\n二、市市场监督管理局要加强价格监管。\n乐山市文化广播电视和旅游局\n2026年9月1日\n";
        let d = lint_text("t.txt", text, "GW105");
        assert_eq!(d.len(), 1, "{d:?}");
        // The same work asked of them in a 函 is 商洽.
        let letter = text.replace("工作的通知", "工作的函").replace("要在", "请在").replace("要加强", "请加强");
        assert!(codes_in("t.txt", &letter, "GW105").is_empty());
    }

    #[test]
    fn request_to_a_sibling_department() {
        let text = "江门市教育局关于请求审批学校建设用地的请示\n江门市自然资源局：\n妥否，请批示。\n江门市教育局\n2024年3月1日\n";
        let d = lint_text("t.txt", text, "GW105");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(codes_in("t.txt", &text.replace("江门市自然资源局：", "江门市人民政府："), "GW105").is_empty());
    }

    #[test]
    fn own_conduct_and_provisions_are_not_orders() {
        let letter = |body: &str| format!("示例市教育局关于商请配合开展调查的函\n示例市统计局：\n{body}\n请予函复。\n");
        for body in [
            "我局将严格执行统计法律法规，确保数据真实。",
            "按照《统计法》规定，调查对象应严格执行统计报表制度。",
            "项目建设严格执行招投标制度。",
            "请贵局予以支持，我局将严格执行保密规定。",
        ] {
            assert!(codes_in("t.txt", &letter(body), "GW105").is_empty(), "{body}");
        }
        assert_eq!(codes_in("t.txt", &letter("请贵局严格执行数据报送时限。"), "GW105").len(), 1);
    }

    #[test]
    fn a_regulator_may_direct_enterprises() {
        let notice = "江门市市场监督管理局关于开展食品安全自查的通知\n江门市某某食品有限公司：\n请你公司务必于9月30日前完成自查。\n请遵照执行。\n江门市市场监督管理局\n2024年9月2日\n";
        assert!(codes_in("t.txt", notice, "GW105").is_empty());
        let letter = notice.replace("自查的通知", "自查的函");
        assert!(codes_in("t.txt", &letter, "GW105").is_empty());
        let groups = notice.replace("江门市某某食品有限公司：", "各有关企业：");
        assert!(codes_in("t.txt", &groups, "GW105").is_empty());
        // An organ is still not to be ordered about by 通知.
        let organ = notice.replace("江门市某某食品有限公司：", "江门市教育局：").replace("你公司", "你局");
        assert_eq!(codes_in("t.txt", &organ, "GW105").len(), 1);
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
