use super::common::{configured, stated_yes};
use crate::diagnostic::{Finding, Severity};
use crate::org::{Addressee, Relation};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};

pub struct NoLevelBypass;

static META: RuleMeta = RuleMeta {
    code: "GW202",
    name: "no-level-bypass",
    summary: "不越级行文；特殊情况越级须抄送被越过的机关",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十四条：“行文关系根据隶属关系和职权范围确定。一般不得越级行文，特殊情况需要越级行文的，应当同时抄送被越过的机关。”；《江门市人民政府工作规则》二十七：“未经批准不得越级行文”",
    fix: FixAvailability::None,
    needs: &[Need::Sender, Need::Recipients, Need::Relation],
    docs: "向上级的上级直接行文（越级）会打乱逐级负责的办文秩序。本规则在机构关系上找发文机关到主送机关的领导链：\
主送机关在发文机关直接上级之上时即为越级，例如台山市教育局直接向江门市人民政府请示（越过了台山市人民政府）。\
机构关系来自 `gwlint.toml` 的 `[[org]]`，没有配置时由内置的行政区划和机关名称推断；推断不出时不报。\n\n\
- 越级且没有抄送被越过的机关：警告（机构关系全部来自配置时为错误）；\n\
- 已抄送被越过的机关、但前置元数据未写明“越级批准”：提示，仅当规则参数 `approval-required = true`\
（条例只要求抄送；江门规则二十七还要求经批准，江门规则包打开此项）；\n\
- 前置元数据写明“领导交办”或“越级批准”时不报。\n\n\
向直接的上级业务主管部门行文（台山市教育局→江门市教育局）不是越级；越过它向更上一级的主管部门行文\
（台山市教育局→广东省教育厅，越过了江门市教育局）同样是越级，按上述规则报告。",
    bad: "（台山市教育局请示）江门市人民政府：……（未抄送台山市人民政府）",
    good: "（台山市教育局请示）台山市人民政府：……",
};

impl Rule for NoLevelBypass {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let parties = &cx.doc.parties;
        let Some(sender) = &parties.sender else { return };
        if stated_yes(cx, "领导交办") {
            return;
        }
        // The 条例 asks only that the skipped organs be copied; a local rule may also want the
        // bypass approved (江门规则二十七“未经批准不得越级行文”).
        let approval_required = cx.params.get("approval-required").and_then(toml::Value::as_bool).unwrap_or(false);
        for party in &parties.main {
            // Past the direct leader, or past the 业务主管部门 in between (台山市教育局 → 广东省教育厅
            // skips 江门市教育局): both are 越级.
            let (skipped, skipped_as, direct) = match &party.relation {
                Relation::SuperiorSkipping { skipped } => (skipped, "", "直接上级"),
                Relation::GuidingSkipping { skipped } => (skipped, "上级业务主管部门", "直接上级业务主管部门"),
                _ => continue,
            };
            // A skipped tier named only by its kind (所属市（州、盟）人民政府, when the names did
            // not give the sender's leaders) is copied by any government of that tier.
            let copied = |name: &str| {
                parties.cc.iter().any(|c| match &c.addressee {
                    Addressee::Org(o) => {
                        o.name == name
                            || o.aliases.iter().any(|a| a == name)
                            || crate::org::tier_of_unnamed_government(name)
                                .is_some_and(|tier| o.kind == crate::org::OrgKind::Government && o.level == Some(tier))
                    }
                    _ => c.field.text == name,
                })
            };
            // A skipped organ that is itself a 主送 recipient is 多头报文 (GW201), not 越级.
            let addressed = |name: &str| parties.main.iter().any(|m| m.addressee.org().is_some_and(|o| o.name == name));
            if skipped.iter().any(|s| addressed(s)) {
                continue;
            }
            let missing: Vec<&str> = skipped.iter().map(String::as_str).filter(|s| !copied(s)).collect();
            let all_configured = configured(sender) && party.addressee.org().is_some_and(configured);
            if !missing.is_empty() {
                let f = Finding::new(
                    party.field.span,
                    format!(
                        "越级行文：{}直接行文至“{}”，越过了{}{}",
                        sender.name,
                        party.field.text,
                        skipped_as,
                        skipped.join("、")
                    ),
                )
                .help(format!("向{direct}“{}”行文；确需越级的，经批准后同时抄送{}", skipped[0], missing.join("、")))
                .en("Writing past the direct superior (越级行文)");
                out.push(if all_configured { f.severity(Severity::Error) } else { f });
            } else if approval_required && !stated_yes(cx, "越级批准") {
                out.push(
                    Finding::new(
                        party.field.span,
                        format!("越级行文至“{}”（已抄送被越过的机关）：请确认已经批准", party.field.text),
                    )
                    .help("在前置元数据中写明“越级批准: 批准依据”")
                    .severity(Severity::Info)
                    .source("《江门市人民政府工作规则》二十七：“未经批准不得越级行文”"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const BYPASS: &str =
        "台山市教育局关于申请校舍维修资金的请示\n江门市人民政府：\n妥否，请批示。\n台山市教育局\n2024年4月8日\n";

    #[test]
    fn county_bureau_to_city_government() {
        let d = lint_text("t.txt", BYPASS, "GW202");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("台山市人民政府"));
    }

    #[test]
    fn tiers_stand_for_leaders_the_names_do_not_give() {
        // A 镇 of a county the gazetteer does not list, writing to a 州 government and to the
        // province: the tiers between are skipped; a 州 government copied covers its tier.
        let text = "示例源县红岩镇人民政府关于申请资金的请示\n四川省人民政府：\n妥否，请批示。\n示例源县红岩镇人民政府\n2026年4月8日\n";
        let d = lint_text("t.txt", text, "GW202");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("示例源县人民政府"), "{}", d[0].message);
        let county = "示例源县人民政府关于灾情的报告\n四川省人民政府：\n特此报告。\n示例源县人民政府\n2026年4月8日\n";
        assert_eq!(codes_in("t.txt", county, "GW202").len(), 1);
        let copied = county.replace("2026年4月8日\n", "2026年4月8日\n抄送：阿坝源州人民政府。\n");
        assert!(codes_in("t.txt", &copied, "GW202").is_empty());
    }

    #[test]
    fn an_unlisted_city_above_an_unlisted_county_is_its_prefecture() {
        let text = "陇西源县首阳镇人民政府关于申请补助资金的请示\n定西源市人民政府：\n妥否，请批示。\n陇西源县首阳镇人民政府\n2026年3月23日\n";
        let d = lint_text("t.txt", text, "GW202");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("陇西源县人民政府"), "{}", d[0].message);
        let direct = text.replace("定西源市人民政府：", "陇西源县人民政府：");
        assert!(codes_in("t.txt", &direct, "GW202").is_empty());
    }

    #[test]
    fn where_counties_sit_under_the_province_none_is_skipped() {
        // 海南's counties and a 直辖市's districts answer to the province directly; one the
        // gazetteer does not list most likely does too. Elsewhere the prefecture lies between.
        let hainan = "琼中源黎族苗族自治县人民政府关于工作情况的报告\n海南省人民政府：\n特此报告。\n琼中源黎族苗族自治县人民政府\n2026年7月8日\n";
        assert!(codes_in("t.txt", hainan, "GW202").is_empty());
        let chongqing = hainan.replace("琼中源黎族苗族自治", "重庆市示例源").replace("海南省", "重庆市");
        assert!(codes_in("t.txt", &chongqing, "GW202").is_empty());
        let hubei = hainan.replace("海南省", "湖北省");
        assert_eq!(codes_in("t.txt", &hubei, "GW202").len(), 1);
    }

    #[test]
    fn copied_bypass_still_needs_approval() {
        let text = BYPASS.replace("2024年4月8日\n", "2024年4月8日\n抄送：台山市人民政府。\n");
        let d = lint_text("t.txt", &text, "GW202");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("批准"));
        let approved = format!("---\n越级批准: 经市政府同意（2024年4月1日）\n---\n{text}");
        assert!(codes_in("t.md", &approved, "GW202").is_empty());
    }

    #[test]
    fn approval_is_a_local_requirement() {
        // The 条例 asks only for the copy; 江门 also wants approval, elsewhere the copy is enough.
        let elsewhere = "南充市顺庆区教育局关于申请校舍维修资金的请示\n南充市人民政府：\n妥否，请批示。\n南充市顺庆区教育局\n2024年4月8日\n抄送：南充市顺庆区人民政府。\n";
        assert!(codes_in("t.txt", elsewhere, "GW202").is_empty());
        let uncopied = elsewhere.replace("抄送：南充市顺庆区人民政府。\n", "");
        assert_eq!(codes_in("t.txt", &uncopied, "GW202").len(), 1);
    }

    #[test]
    fn skipping_the_guiding_department_in_between() {
        let text = BYPASS.replace("江门市人民政府：", "广东省教育厅：");
        let d = lint_text("t.txt", &text, "GW202");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("越过了上级业务主管部门江门市教育局"), "{}", d[0].message);
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
        let copied = text.replace("2024年4月8日\n", "2024年4月8日\n抄送：江门市教育局。\n");
        let d = lint_text("t.txt", &copied, "GW202");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
        let assigned = format!("---\n领导交办: 是\n---\n{text}");
        assert!(codes_in("t.md", &assigned, "GW202").is_empty());
        // 多头报文 (GW201), not 越级, when the skipped organ is addressed too.
        let both = BYPASS.replace("江门市人民政府：", "江门市教育局、广东省教育厅：");
        assert!(codes_in("t.txt", &both, "GW202").is_empty());
    }

    #[test]
    fn direct_superior_and_guiding_department_are_silent() {
        assert!(codes_in("t.txt", &BYPASS.replace("江门市人民政府：", "台山市人民政府："), "GW202").is_empty());
        assert!(codes_in("t.txt", &BYPASS.replace("江门市人民政府：", "江门市教育局："), "GW202").is_empty());
    }

    #[test]
    fn a_school_past_its_district_bureau() {
        let text = "成都市武侯区棕北小学关于增设教学班的请示\n成都市教育局：\n妥否，请批示。\n成都市武侯区棕北小学\n2024年3月5日\n";
        let d = crate::test_support::lint_text("t.txt", text, "GW202");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("武侯区教育局"), "{}", d[0].message);
        let direct = text.replace("成都市教育局：", "成都市武侯区教育局：");
        assert!(crate::test_support::codes_in("t.txt", &direct, "GW202").is_empty());
    }
}
