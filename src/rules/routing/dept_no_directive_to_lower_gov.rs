use super::common::{configured, own_matches, sentence_of, tasks_given_to, with_government_consent};
use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::lang::request::NotRequest;
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
函（商洽、询问）和批复（答复下级政府向本部门报来的申请，如民政局批复镇政府的地名申报）不在此列。“指令性要求”包括：指令用语；以下级政府为主语分派任务（“某镇人民政府负责……”“某镇要……”）；请求识别器认定为对下级的要求且限定了期限（“请各单位于5月10日前确定……”；“请高度重视”“请认真自查”不算）。机构性质由配置确认时为错误，按名称推断时为警告。",
    bad: "示例市农业农村局《关于做好秋冬种工作的通知》，主送“各县（市、区）人民政府：”，正文“请各县（市、区）务必于10月31日前上报种植计划。”",
    good: "主送“各县（市、区）农业农村局：”；或正文注明“经市人民政府同意，现将……通知如下”。",
};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"请[^。；]{0,16}(认真贯彻执行|遵照执行|严格执行|抓好落实|认真落实|贯彻落实|认真组织实施)|务必|必须|一律|责令|限期|[于在][^。；]{0,16}前(报送|上报|报|完成|提交)").expect("valid")
});
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[于在][^。；，]{1,16}前").expect("valid"));
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
            || matches!(doc.kind(), Some(DocKind::函 | DocKind::批复))
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
        if lower_governments.is_empty() || with_government_consent(cx, true) {
            return;
        }
        let names: Vec<&str> = lower_governments.iter().map(|p| p.field.text.as_str()).collect();
        // Directive wording; work given to a lower government by name (`凤城镇人民政府负责…`);
        // and what the request recogniser set aside as instructions to the recipients
        // (`请各单位于5月10日前确定…`).
        let mut directives = own_matches(cx, &DIRECTIVE);
        directives.extend(tasks_given_to(cx, &names));
        // An instruction is a directive when it sets a deadline (`于5月10日前`); `请高度重视`,
        // `请认真自查` alone are not.
        directives.extend(doc.not_requests.iter().filter(|s| s.reason == NotRequest::Downward).map(|s| s.act).filter(
            |act| {
                let sentence = sentence_of(cx, *act);
                DEADLINE.is_match(&cx.text()[act.start..sentence.end.max(act.start)])
            },
        ));
        directives.sort_by_key(|s| s.start);
        let Some(first) = directives.first() else { return };
        // Quote the demand from where it starts to the end of its clause.
        let sentence = sentence_of(cx, *first);
        let demand: String = cx.text()[first.start..sentence.end]
            .split(['，', '；', '。'])
            .next()
            .unwrap_or("")
            .chars()
            .take(30)
            .collect();
        let f = Finding::new(
            *first,
            format!("部门不得向下级政府提出指令性要求：{}主送“{}”，并要求“{}”", sender.name, names.join("、"), demand),
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
    fn work_given_by_name_or_as_an_instruction_is_a_directive() {
        let by_name = "示例县住房和城乡建设局关于开展违法建设整治的通知\n县自然资源局，示例镇人民政府：\n一、职责分工\n（一）县自然资源局负责规划认定。\n（二）示例镇人民政府负责做好群众工作。\n示例县住房和城乡建设局\n2024年5月6日\n";
        let d = lint_text("t.txt", by_name, "GW204");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("示例镇人民政府负责做好群众工作"), "{}", d[0].message);
        let instructed = by_name.replace(
            "（一）县自然资源局负责规划认定。\n（二）示例镇人民政府负责做好群众工作。",
            "请各单位于5月10日前确定1名联络员。",
        );
        assert_eq!(codes_in("t.txt", &instructed, "GW204").len(), 1);
        // A reply to the town's own application is the department's answer, not an order.
        let reply = "示例县民政局关于示例路命名的批复\n示例镇人民政府：\n你镇报来的地名命名申报材料悉。经审核，同意命名“示例路”。请按照有关规定做好地名标志设置工作。\n示例县民政局\n2024年5月6日\n";
        assert!(codes_in("t.txt", reply, "GW204").is_empty());
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
