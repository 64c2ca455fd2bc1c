use super::common::{configured, own_matches, says_anywhere, stated_yes};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::org::{Addressee, GroupScope, OrgKind};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct DeptNoDirectiveToLowerGov;

static META: RuleMeta = RuleMeta {
    code: "GW204",
    name: "dept-no-directive-to-lower-gov",
    summary: "部门不得向下级党委、政府发布指令性公文",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十六条（二）：“……其他部门和单位不得向下级党委、政府发布指令性公文或者在公文中向下级党委、政府提出指令性要求。需经政府审批的具体事项，经政府同意后可以由政府职能部门行文，文中须注明已经政府同意。”；《江门市人民政府工作规则》三十三：“未经市政府授权，市政府各部门不得向各县（市、区）政府发布指令性公文或者在公文中向各县（市、区）政府提出指令性要求。”",
    fix: FixAvailability::None,
    needs: &[Need::Sender, Need::Recipients],
    docs: "政府工作部门（局、委、办）不是下级政府的上级，不能对下级政府发号施令；需要政府审批的事项，经政府同意后可由部门行文，但文中须注明“经X人民政府同意”。\n\n\
本规则在以下条件同时成立时报告：发文机关是部门（不是党委、政府的办公厅（室））；主送机关含下级人民政府或党委\
（“各县（市、区）人民政府”“台山市人民政府”）；正文有指令性要求（“请……认真贯彻执行”“务必”“必须”“于X月X日前报送”“一律”“责令”）；\
全文没有“经X人民政府同意”，前置元数据也没有“经政府同意”，配置中该部门也没有 `authorized-to-address-lower-gov`。\
函（商洽、询问）不在此列。机构性质由配置确认时为错误，按名称推断时为警告。",
    bad: "示例市农业农村局《关于做好秋冬种工作的通知》，主送“各县（市、区）人民政府：”，正文“请各县（市、区）务必于10月31日前上报种植计划。”",
    good: "主送“各县（市、区）农业农村局：”；或正文注明“经市人民政府同意，现将……通知如下”。",
};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"请[^。；]{0,16}(认真贯彻执行|遵照执行|严格执行|抓好落实|认真落实|贯彻落实|认真组织实施)|务必|必须|一律|责令|限期|[于在][^。；]{0,16}前(报送|上报|报|完成|提交)").expect("valid")
});
static GOVERNMENT_CONSENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"经\p{Han}{0,10}(人民政府|政府|市委|县委|区委)(同意|批准|授权)").expect("valid"));

impl Rule for DeptNoDirectiveToLowerGov {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(sender) = &doc.parties.sender else { return };
        // A department's 内设机构 (…人社局劳动关系科) writing out speaks with its department's
        // authority and no more: GW206 reports the unit, this rule the directive.
        let department = match sender.kind {
            OrgKind::InternalUnit => cx.orgs.parent(sender),
            _ => None,
        };
        let sender = department.as_ref().unwrap_or(sender);
        if sender.kind != OrgKind::Department
            || sender.authorized_to_address_lower_gov == Some(true)
            || doc.kind() == Some(DocKind::函)
        {
            return;
        }
        let lower_governments: Vec<_> = doc
            .parties
            .main
            .iter()
            .filter(|p| match &p.addressee {
                Addressee::Org(o) => {
                    o.kind.is_leading_organ() && matches!((o.level, sender.level), (Some(a), Some(b)) if b.is_above(a))
                }
                Addressee::Group(g) => g.kind.is_leading_organ() && g.scope == GroupScope::LowerAreas,
                _ => false,
            })
            .collect();
        if lower_governments.is_empty() || stated_yes(cx, "经政府同意") || says_anywhere(cx, &GOVERNMENT_CONSENT) {
            return;
        }
        let directives = own_matches(cx, &DIRECTIVE);
        let Some(first) = directives.first() else { return };
        let names: Vec<&str> = lower_governments.iter().map(|p| p.field.text.as_str()).collect();
        let f = Finding::new(
            *first,
            format!(
                "部门不得向下级政府提出指令性要求：{}主送“{}”，并要求“{}”",
                sender.name,
                names.join("、"),
                first.text(cx.text())
            ),
        )
        .help("改为主送下级对口部门；确需政府审批的事项，经政府同意后行文并注明“经X人民政府同意”；或由政府办公室行文")
        .en("A government department must not issue directives to lower-level governments");
        out.push(if configured(sender) { f.severity(Severity::Error) } else { f });
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const DIRECTIVE: &str = "示例市农业农村局文件\n示农〔2024〕8号\n示例市农业农村局关于做好秋冬种工作的通知\n各县（市、区）人民政府：\n请各县（市、区）务必于10月31日前上报种植计划。\n示例市农业农村局\n2024年9月2日\n";

    #[test]
    fn department_orders_lower_governments() {
        let d = lint_text("t.txt", DIRECTIVE, "GW204");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn consent_counterparts_and_offices_are_silent() {
        let consented = DIRECTIVE.replace("请各县", "经市人民政府同意，请各县");
        assert!(codes_in("t.txt", &consented, "GW204").is_empty());
        let counterparts = DIRECTIVE.replace("各县（市、区）人民政府：", "各县（市、区）农业农村局：");
        assert!(codes_in("t.txt", &counterparts, "GW204").is_empty());
        let office = DIRECTIVE.replace("示例市农业农村局", "示例市人民政府办公室");
        assert!(codes_in("t.txt", &office, "GW204").is_empty());
    }

    #[test]
    fn a_departments_internal_unit_speaks_as_its_department() {
        let unit = DIRECTIVE
            .replace("示例市农业农村局关于", "示例市农业农村局种植业科关于")
            .replace("请认真落实。\n示例市农业农村局\n", "请认真落实。\n示例市农业农村局种植业科\n");
        let unit = unit.replace(
            "务必于10月31日前上报种植计划。\n示例市农业农村局\n",
            "务必于10月31日前上报种植计划。\n示例市农业农村局种植业科\n",
        );
        let d = lint_text("t.txt", &unit, "GW204");
        assert_eq!(d.len(), 1, "{d:?}");
        let counterparts = unit.replace("各县（市、区）人民政府：", "各县（市、区）农业农村局：");
        assert!(codes_in("t.txt", &counterparts, "GW204").is_empty());
    }

    #[test]
    fn split_and_provincial_area_groups_are_lower_governments() {
        let split = DIRECTIVE.replace("各县（市、区）人民政府：", "各县、区人民政府：");
        assert_eq!(lint_text("t.txt", &split, "GW204").len(), 1);
        let province = "示例省住房和城乡建设厅关于加快燃气管道改造的通知\n各省辖市人民政府：\n各省辖市人民政府要于每月5日前报送进度。\n示例省住房和城乡建设厅\n2024年9月2日\n";
        let province = province.replace("示例省", "河南省");
        assert_eq!(lint_text("t.txt", &province, "GW204").len(), 1);
        let prefectures =
            province.replace("河南省", "黑龙江省").replace("各省辖市人民政府", "各市（地）人民政府（行署）");
        assert_eq!(lint_text("t.txt", &prefectures, "GW204").len(), 1);
    }
}
