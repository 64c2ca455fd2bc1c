use super::common::configured;
use crate::diagnostic::{Finding, Severity};
use crate::org::{OrgKind, Relation};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};

pub struct InternalUnitNoExternal;

static META: RuleMeta = RuleMeta {
    code: "GW206",
    name: "internal-unit-no-external",
    summary: "部门内设机构除办公厅（室）外不得对外正式行文",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十七条：“部门内设机构除办公厅（室）外不得对外正式行文。”",
    fix: FixAvailability::None,
    needs: &[Need::Sender],
    docs: "科、处、股等内设机构不是独立的发文机关，对外的正式公文应以本部门（或本部门办公室）名义发出。\
本规则在发文机关是内设机构（名称以科、处、股结尾，或配置为内设机构）而主送机关在本部门之外时报告；部门自己的办公室、办公厅不在此列。\
以“中心”“处”结尾的也可能是独立的事业单位，请在配置中写明，名称无法确定时不报。机构性质由配置确认时为错误。",
    bad: "署名“示例市财政局预算科”，主送“各县（市、区）财政局”",
    good: "以“示例市财政局”或“示例市财政局办公室”名义行文。",
};

impl Rule for InternalUnitNoExternal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(sender) = &doc.parties.sender else { return };
        if sender.kind != OrgKind::InternalUnit || sender.is_department_office() {
            return;
        }
        // Writing inside the own department (to its head or its other units) is internal.
        let external: Vec<_> = doc
            .parties
            .main
            .iter()
            .filter(|p| !matches!(p.relation, Relation::Superior | Relation::Same | Relation::Peer))
            .filter(|p| p.addressee.org().is_none_or(|o| Some(&o.name) != sender.parent.as_ref()))
            .collect();
        let Some(first) = external.first() else { return };
        let span = doc.issuer.as_ref().and_then(|i| i.span).unwrap_or(first.field.span);
        let department = sender.parent.clone().unwrap_or_else(|| "本部门".into());
        let f = Finding::new(span, format!("内设机构“{}”不得对外正式行文（主送“{}”）", sender.name, first.field.text))
            .help(format!("以“{department}”或其办公室的名义行文"))
            .en("An internal unit of a department must not issue documents externally");
        out.push(if configured(sender) { f.severity(Severity::Error) } else { f });
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn section_writes_to_county_bureaus() {
        let text = "示例市财政局预算科关于报送2025年预算草案的通知\n各县（市、区）财政局：\n请于10月10日前报送。\n示例市财政局预算科\n2024年9月20日\n";
        let d = lint_text("t.txt", text, "GW206");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn department_and_its_office_are_silent() {
        let text = "示例市财政局办公室关于报送2025年预算草案的通知\n各县（市、区）财政局：\n请于10月10日前报送。\n示例市财政局办公室\n2024年9月20日\n";
        assert!(codes_in("t.txt", text, "GW206").is_empty());
        assert!(codes_in("t.txt", &text.replace("示例市财政局办公室", "示例市财政局"), "GW206").is_empty());
    }
}
