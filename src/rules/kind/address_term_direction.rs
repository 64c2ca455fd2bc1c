use super::audience::addresses_administered_bodies;
use crate::diagnostic::{Finding, Severity};
use crate::document::{Direction, MaskSet};
use crate::lang::address::{HONORIFIC_YOU, PLAIN_YOU, is_address_term};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};

pub struct AddressTermDirection;

static META: RuleMeta = RuleMeta {
    code: "GW107",
    name: "address-term-direction",
    summary: "“你X”“贵X”称谓与行文方向一致",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "实务：“你局”“你们”等称谓用于下行文，对上级不用；“贵局”等敬称用于平行文，对下级不用",
    fix: FixAvailability::None,
    needs: &[Need::Direction],
    docs: "称谓要与行文方向一致：上行文（请示、报告）称上级为“你局”“你府”“你们”是失礼的，应写机关名称；\
下行文称下级为“贵局”“贵单位”不当（提示）。地名“贵州、贵阳、贵港”和“贵宾”等不算。引号内的转述不检查。\
机关写给其管理对象（企业、社会组织、公众）时称“你公司”“你单位”是行政管理中的正常称谓，不检查。",
    bad: "（请示）恳请你府予以支持。",
    good: "（请示）恳请市政府予以支持。",
};

impl Rule for AddressTermDirection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(direction) = cx.doc.direction() else { return };
        // An organ calls its 管理对象 “你公司”“你单位” whatever direction the draft is filed
        // under: the address follows the administration, not a line of leadership.
        if addresses_administered_bodies(cx) {
            return;
        }
        let (re, severity) = match direction {
            Direction::Up => (&*PLAIN_YOU, Severity::Warning),
            Direction::Down => (&*HONORIFIC_YOU, Severity::Info),
            Direction::Across => return,
        };
        let text = cx.text();
        for p in cx.doc.body_paragraphs() {
            let s = p.span.text(text);
            for m in re.find_iter(s) {
                let span = p.span.sub(m.start(), m.end());
                if cx.doc.masks.hits(MaskSet::NOT_OWN_WORDS, span) || !is_address_term(s, m.start(), m.end()) {
                    continue;
                }
                let (message, help) = match direction {
                    Direction::Up => {
                        (format!("上行文不用“{}”称呼上级机关", m.as_str()), "直接写上级机关名称，如“市政府”")
                    }
                    _ => (format!("下行文不用敬称“{}”称呼下级机关", m.as_str()), "写机关名称或用“你X”"),
                };
                out.push(Finding::new(span, message).help(help).severity(severity));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn you_in_a_request() {
        let d = lint_text(
            "t.txt",
            "示例市教育局关于申请维修资金的请示\n示例市人民政府：\n恳请你府予以支持。\n妥否，请批示。\n",
            "GW107",
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn a_regulator_addresses_an_enterprise_as_you() {
        let front = |direction: &str| {
            format!(
                "---\n文种: 通知\n行文方向: {direction}\n---\n\n# 江门市市场监督管理局关于责令整改的通知\n\n江门市某某食品有限公司：\n\n请你公司于9月30日前整改，你单位负责人须到场。\n\n江门市市场监督管理局\n\n2024年9月2日\n"
            )
        };
        for direction in ["上行", "下行", "平行"] {
            assert!(codes_in("t.md", &front(direction), "GW107").is_empty(), "{direction}");
        }
        // Written up by a branch to its head office, “你公司” is still wrong.
        let up = "江门市某某集团有限公司第一分公司关于申请资金的请示\n江门市某某集团有限公司：\n恳请你公司予以支持。\n妥否，请批示。\n";
        assert_eq!(codes_in("t.txt", up, "GW107").len(), 1, "{:?}", codes_in("t.txt", up, "GW107"));
    }

    #[test]
    fn any_unit_word_after_the_honorific() {
        let text = "第八师一四九团关于做好田间清理工作的通知\n各连队：\n请贵连高度重视，请贵所配合。\n第八师一四九团\n2024年9月2日\n";
        assert_eq!(codes_in("t.txt", text, "GW107").len(), 2);
        let up = "示例县示例镇人民政府关于申请资金的请示\n示例县人民政府：\n你县前期给予了支持。妥否，请批示。\n";
        assert_eq!(codes_in("t.txt", up, "GW107").len(), 1);
        // 贵在坚持, 贵重: not an address.
        let words = text.replace("请贵连高度重视，请贵所配合。", "工作贵在坚持，贵重物品自行保管。");
        assert!(codes_in("t.txt", &words, "GW107").is_empty());
    }

    #[test]
    fn place_names_and_downward_you_are_silent() {
        assert!(
            codes_in(
                "t.txt",
                "示例市人民政府关于开展检查的通知\n各区人民政府：\n现印发给你们。赴贵州学习。\n",
                "GW107"
            )
            .is_empty()
        );
        assert!(
            codes_in(
                "t.txt",
                "示例市教育局关于赴贵阳考察的请示\n示例市人民政府：\n拟赴贵阳考察。妥否，请批示。\n",
                "GW107"
            )
            .is_empty()
        );
    }
}
