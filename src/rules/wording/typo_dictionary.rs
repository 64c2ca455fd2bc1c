//! GW605 typo-dictionary: common misspellings from a deterministic list
//! (`lints/wording/typos.toml`: 《咬文嚼字》's 100 common errors, plus 布署→部署).

use super::table::{FixClass, Policy, Table};
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use std::sync::LazyLock;

pub struct TypoDictionary;

static META: RuleMeta = RuleMeta {
    code: "GW605",
    name: "typo-dictionary",
    summary: "常见别字（布署、按装、既使……）",
    category: Category::Wording,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《咬文嚼字》“当代汉语出版物中最常见的100个别字”（2005）；“布署”为公文常见错写（实务）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "按确定性的错→正词表查找别字：《咬文嚼字》编辑部2005年公布的“当代汉语出版物中最常见的100个别字”\
（松驰→松弛、再接再励→再接再厉、震憾→震撼、峻工→竣工……），加上公文中常见的拼音输入错写（布署、部暑、布暑→部署，按排→安排，即然→既然，协商一至→协商一致，部份→部分，坐谈会→座谈会；\
做为→作为、签定→签订只作建议）。\n\n\
大多数词条是确定的替换，`--fix` 直接改正；需要看语境的词条只作建议（需 `--unsafe-fixes`），并带排除条件：\
“既使”（“既使群众满意，又使……”是正确的“既……又……”句式）、“按装”（“按装机容量”）、“按排”（“按排名”“按排放量”）、“凑和”（“拼凑和”“紧凑和谐”）、\
“了望”（只查“了望塔、了望台”）、“不能自己”（只查句末，“不能自己决定”正确）、“世外桃园”（可能是专名）。\n\n\
不收“九洲→九州”：“九洲”常见于地名、企业名（珠海九洲港）。《咬文嚼字》未收的有争议字（“好象”“陷井”）同样不收。\
引号、书名号内的文字不查。词表在 `lints/wording/typos.toml`；单位可用 `[rules.GW605] allow`（放行含某词的匹配，如企业名）、\
`disable`（停用某词条）和 `[[rules.GW605.entry]]`（补充词条）调整。",
    bad: "认真布署今年安全生产工作，既使任务再重也要按时完成。",
    good: "认真部署今年安全生产工作，即使任务再重也要按时完成。",
};

pub(super) static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::builtin(include_str!("../../../lints/wording/typos.toml"), "GW605"));

impl Rule for TypoDictionary {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        TABLE.check(cx, &META, Policy { max_fix: FixClass::Safe }, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Settings;
    use crate::diagnostic::Applicability;
    use crate::org::OrgView;
    use crate::source::Source;
    use crate::test_support::{assert_fixed, codes_in, lint_text, settings_for};

    #[test]
    fn catalogue_example() {
        let text = "认真布署今年安全生产工作，既使任务再重也要按时完成。\n";
        let d = lint_text("t.txt", text, "GW605");
        let got: Vec<_> = d.iter().map(|d| (d.span.text(text), d.fix.as_ref().unwrap().applicability)).collect();
        assert_eq!(got, [("布署", Applicability::Safe), ("既使", Applicability::Unsafe)]);
        assert_fixed(text, "GW605", "认真部署今年安全生产工作，既使任务再重也要按时完成。\n");
    }

    #[test]
    fn the_list_has_the_hundred_items_and_bushu() {
        // 100 items of 《咬文嚼字》 (脉搏 has two attested misspellings) minus 九洲, plus 布署 and
        // nine input-method slips common in 公文 (按排, 部暑 …).
        assert_eq!(super::TABLE.entries.len(), 110);
    }

    #[test]
    fn near_misses_are_silent() {
        let text = "即使困难再大也要完成；既使群众满意，又使企业受益；按装机容量计算；不搞拼凑和堆砌；\
个人不能自己决定；预防犯罪；权重迭代；形势严峻工作艰巨；三足鼎立；珠海九洲港。\n";
        assert!(codes_in("t.txt", text, "GW605").is_empty(), "{:?}", codes_in("t.txt", text, "GW605"));
    }

    #[test]
    fn quoted_and_titled_text_is_skipped() {
        assert!(codes_in("t.txt", "转发《关于认真布署安全生产工作的通知》，来文称“松驰”。\n", "GW605").is_empty());
        assert!(codes_in("t.md", "# 通知\n\n> 来信原文：请认真布署。\n\n认真部署。\n", "GW605").is_empty());
        assert_eq!(codes_in("t.md", "# 通知\n\n认真布署，代码`布署`不查。\n", "GW605"), ["GW605:布署"]);
    }

    fn with_params(toml_text: &str) -> Settings {
        let mut s = settings_for("GW605");
        s.params.insert("GW605".into(), toml::from_str(toml_text).unwrap());
        s
    }

    #[test]
    fn users_can_allow_disable_and_extend() {
        let lint = |settings: &Settings, text: &str| -> Vec<String> {
            crate::engine::lint(&Source::from_text("t.txt", text), settings, &OrgView::default())
                .iter()
                .map(|d| d.span.text(text).to_string())
                .collect()
        };
        let text = "松驰有度的松驰集团，认真布署，加强工作布局。\n";
        assert_eq!(lint(&settings_for("GW605"), text), ["松驰", "松驰", "布署"]);
        assert_eq!(lint(&with_params("allow = [\"松驰集团\"]"), text), ["松驰", "布署"]);
        assert_eq!(lint(&with_params("disable = [\"布署\"]"), text), ["松驰", "松驰"]);
        let extended = with_params("[[entry]]\nmatch = \"工作布局\"\nreplace = \"工作格局\"\n");
        assert_eq!(lint(&extended, text), ["松驰", "松驰", "布署", "工作布局"]);
        let broken = with_params("[[entry]]\nreplace = \"工作格局\"\n");
        let d = crate::engine::lint(&Source::from_text("t.txt", text), &broken, &OrgView::default());
        assert!(d.iter().any(|d| d.message.contains("词条无效")), "{d:?}");
    }
}
