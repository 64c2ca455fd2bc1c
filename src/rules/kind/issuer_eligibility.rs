use crate::diagnostic::{Finding, Severity};
use crate::document::DocKind;
use crate::org::{Level, OrgKind};
use crate::rules::{Category, Context, FixAvailability, Need, Pack, Rule, RuleMeta};
use regex::Regex;
use std::sync::LazyLock;

pub struct IssuerEligibility;

static META: RuleMeta = RuleMeta {
    code: "GW109",
    name: "issuer-eligibility",
    summary: "议案、命令（令）、决议的发文主体与用途",
    category: Category::DocKind,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第八条（十三）“议案。适用于各级人民政府按照法律程序向同级人民代表大会或者人民代表大会常务委员会提请审议事项。”（三）“命令（令）。适用于公布行政法规和规章、宣布施行重大强制性措施、批准授予和晋升衔级、嘉奖有关单位和人员。”（一）“决议。适用于会议讨论通过的重大决策事项。”",
    fix: FixAvailability::None,
    needs: &[Need::Kind],
    docs: "有三个文种只属于特定的发文主体或用途：\n\n\
- **议案**只能由人民政府向同级人大或其常委会提出：部门发议案、议案不送人大都报告；\n\
- **命令（令）**用于公布行政法规和规章等，由有规章制定权的政府（省、设区的市、自治州人民政府，国务院部门）发布：部门或乡镇发“令”、县级政府以“令”公布办法规定，都报告（县级政府以令宣布强制性措施不报）；\n\
- **决议**记载会议讨论通过的重大决策：正文没有会议通过的表述时提示。\n\n\
发文机关的性质按名称判断（“……人民政府”“……局”）；判断不了时不报。",
    bad: "《示例市教育局关于提请审议〈示例市学前教育条例（草案）〉的议案》",
    good: "由示例市人民政府向市人大常委会提出议案，由市长签署。",
};

static ADOPTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(会议|大会|全会)[^。]{0,12}(通过|审议)").expect("valid"));
/// A 令 that publishes rules: `《……办法》已经……通过，现予公布`, `公布《……规定》`. A 令 that
/// cites laws for a measure (`根据《森林防火条例》…特发布封山令`) publishes none.
static RULES_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《[^》]{2,40}(?:办法|规定|细则|规则)》[^。]{0,60}(?:现予|予以)(?:公布|发布)|(?:公布|发布)《[^》]{2,40}(?:办法|规定|细则|规则)》").expect("valid")
});
static CONGRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"人民代表大会|人大常委会|人大").expect("valid"));

fn is_government(name: &str) -> bool {
    name.ends_with("人民政府") || name == "国务院"
}

/// Names that are plainly not a government: a department, office or unit.
fn is_plainly_department(name: &str) -> bool {
    ["局", "委员会", "办公室", "厅", "中心", "公司", "科", "处"].iter().any(|s| name.ends_with(s))
        && !name.ends_with("人民政府办公室")
}

impl Rule for IssuerEligibility {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(kind) = doc.kind() else { return };
        let at = doc.title.as_ref().map(|t| t.span).unwrap_or_default();
        let issuer = doc.issuer.as_ref().map(|i| i.name.as_str());
        // Facts from the configured organisation graph are certain enough for an error.
        let sure = doc.parties.sender.as_ref().is_some_and(|s| s.from_config);
        let level = if sure { Severity::Error } else { Severity::Warning };
        match kind {
            DocKind::议案 => {
                if let Some(name) = issuer.filter(|n| is_plainly_department(n)) {
                    out.push(
                        Finding::new(at, format!("议案只能由人民政府提出，“{name}”不能发议案"))
                            .help("由本级人民政府向同级人大或其常委会提出议案")
                            .severity(level),
                    );
                }
                if let Some(main) = &doc.main_recipients
                    && !CONGRESS.is_match(&main.field.text)
                {
                    out.push(
                        Finding::new(main.field.span, "议案应主送同级人民代表大会或其常务委员会")
                            .help("主送“X市人民代表大会常务委员会”")
                            .severity(level),
                    );
                }
            }
            DocKind::命令 => {
                if let Some(name) =
                    issuer.filter(|n| !is_government(n) && is_plainly_department(n) && !n.contains("部"))
                {
                    out.push(
                        Finding::new(at, format!("“{name}”不能以命令（令）行文"))
                            .help("命令（令）用于公布行政法规和规章等，由有权机关发布")
                            .severity(level),
                    );
                } else if let Some(sender) = doc.parties.sender.as_ref().filter(|s| s.kind == OrgKind::Government) {
                    // 规章 are made by 省、设区的市、自治州 governments (立法法第九十三条); a 乡镇
                    // issues no 令 at all, a county none that publishes 办法 or 规定.
                    let publishes_rules =
                        doc.body_paragraphs().any(|p| RULES_PUBLISHED.is_match(p.span.text(cx.text())));
                    let barred = match sender.level {
                        Some(Level::Township) => true,
                        Some(Level::County) => publishes_rules,
                        _ => false,
                    };
                    if barred {
                        out.push(
                            Finding::new(at, format!("“{}”没有规章制定权，不能以命令（令）公布办法、规定", sender.name))
                                .help("公布本级的管理办法用通知印发（“关于印发……办法的通知”）；规章由省、设区的市、自治州人民政府以令公布")
                                .severity(level)
                                .source("《中华人民共和国立法法》第九十三条；《党政机关公文处理工作条例》第八条（三）"),
                        );
                    }
                }
            }
            DocKind::决议 => {
                let text = cx.text();
                if !doc.body_paragraphs().any(|p| ADOPTED.is_match(p.span.text(text))) {
                    out.push(
                        Finding::new(at, "决议应记载会议讨论通过的事项，正文未见会议通过的表述")
                            .help("写明“X会议审议通过”")
                            .severity(Severity::Info),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn department_motion() {
        let d = lint_text(
            "t.txt",
            "示例市教育局关于提请审议《示例市学前教育条例（草案）》的议案\n示例市人民政府：\n正文。\n示例市教育局\n2024年3月1日\n",
            "GW109",
        );
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn orders_of_governments_without_rule_making_power() {
        let order = "城口县坪坝镇人民政府令\n第1号\n《坪坝镇农村人居环境整治管理办法》已经镇长办公会议审议通过，现予公布，自2024年4月1日起施行。\n镇长　陈国华\n2024年3月15日\n";
        let d = lint_text("t.txt", order, "GW109");
        assert_eq!(d.len(), 1, "{d:?}");
        let county = order.replace("城口县坪坝镇人民政府令", "城口县人民政府令").replace("镇长", "县长");
        assert_eq!(codes_in("t.txt", &county, "GW109").len(), 1);
        // A county's order of an emergency measure, and a city's 规章, are within their power.
        let measure = county.replace(
            "《坪坝镇农村人居环境整治管理办法》已经县长办公会议审议通过，现予公布，自2024年4月1日起施行。",
            "根据《森林防火条例》等有关规定，特发布森林防火封山令。",
        );
        assert_ne!(measure, county);
        assert!(codes_in("t.txt", &measure, "GW109").is_empty());
        let city = order.replace("城口县坪坝镇人民政府令", "江门市人民政府令").replace("镇长", "市长");
        assert!(codes_in("t.txt", &city, "GW109").is_empty());
    }

    #[test]
    fn government_motion_to_congress_is_silent() {
        let text = "示例市人民政府关于提请审议《示例市养犬管理条例（草案）》的议案\n示例市人民代表大会常务委员会：\n正文。\n示例市人民政府\n2024年3月1日\n";
        assert!(codes_in("t.txt", text, "GW109").is_empty());
    }
}
