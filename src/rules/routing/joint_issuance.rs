use crate::diagnostic::{Finding, Severity};
use crate::document::DOC_NUMBER;
use crate::org::{Addressee, Org, OrgKind, OrgView, Relation};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct JointIssuance;

static META: RuleMeta = RuleMeta {
    code: "GW207",
    name: "joint-issuance",
    summary: "联合行文：同级机关、主办机关发文字号、署最后签发日期",
    category: Category::Routing,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第十七条：“同级党政机关、党政机关与其他同级机关必要时可以联合行文。”；第九条（五）“联合行文时，使用主办机关的发文字号。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "联合行文只在同级机关之间进行；企业不是机关，不与机关联合行文；文号用主办机关（署名第一个）的发文字号。\
本规则在有两个以上署名机关时检查：级别不同（都能识别级别时）、其中有企业、版头文号的代字属于非主办机关（配置了 `doc-codes` 时）。\
成文日期应署最后签发机关负责人签发的日期——这一点文本无法核对。",
    bad: "示例市民政局、某县民政局、某集团公司联合发文，文号用某县代字。",
    good: "同级的市民政局、市财政局联合行文，用主办机关市民政局的文号。",
};

impl Rule for JointIssuance {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let names: Vec<(String, crate::span::Span)> = doc
            .signature
            .iter()
            .flat_map(|f| {
                crate::lang::blank_separated(&f.text)
                    .into_iter()
                    .map(|(at, word)| (word.to_string(), f.span.sub(at, at + word.len())))
                    .collect::<Vec<_>>()
            })
            .collect();
        if names.len() < 2 {
            return;
        }
        let orgs: Vec<Org> = names.iter().map(|(n, _)| resolve(cx.orgs, n)).collect();
        if let Some(i) = orgs.iter().position(|o| o.kind == OrgKind::Enterprise) {
            out.push(
                Finding::new(names[i].1, format!("企业“{}”不是机关，不宜与机关联合行文", names[i].0))
                    .help("由机关行文，企业作为执行或配合单位写入正文"),
            );
        }
        // One issuer leading another (a government and its own department) is never 同级, though
        // both carry the place's level.
        let leading = orgs.iter().enumerate().find_map(|(i, a)| {
            orgs.iter().enumerate().skip(i + 1).find_map(|(j, b)| match cx.orgs.relation(a, b) {
                Relation::Superior | Relation::SuperiorSkipping { .. } => Some((j, i)),
                Relation::Subordinate => Some((i, j)),
                _ => None,
            })
        });
        let levels: Vec<_> = orgs.iter().map(|o| o.level).collect();
        if let Some((upper, lower)) = leading {
            out.push(
                Finding::new(
                    names[upper.max(lower)].1,
                    format!("联合行文的机关应为同级：{}是{}的下级机关", orgs[lower].name, orgs[upper].name),
                )
                .help(format!("由{}单独行文（需要时在正文中明确{}的职责）", orgs[upper].name, orgs[lower].name)),
            );
        } else if levels.iter().all(Option::is_some) && levels.windows(2).any(|w| w[0] != w[1]) {
            let described: Vec<String> =
                orgs.iter().map(|o| format!("{}（{}级）", o.name, o.level.map_or("?", |l| l.zh()))).collect();
            out.push(
                Finding::new(names[1].1, format!("联合行文的机关应为同级：{}", described.join("、")))
                    .help("由同级机关联合行文，或由上级机关行文"),
            );
        }
        if let Some(number) = &doc.header.doc_number
            && let Some(c) = DOC_NUMBER.captures(&number.text)
        {
            let code = c.name("code").map_or("", |m| m.as_str());
            let lead_codes = &orgs[0].doc_codes;
            let owner = orgs.iter().skip(1).find(|o| o.doc_codes.iter().any(|d| d == code));
            // Without configured codes, the code's organ character after the place's names the
            // department by its function's first character (呼财社: 财 for 财政局).
            if lead_codes.is_empty()
                && owner.is_none()
                && let Some(other) = inferred_code_owner(code, &orgs)
            {
                out.push(
                    Finding::new(
                        number.span,
                        format!(
                            "联合行文应使用主办机关“{}”的发文字号，“{code}”看来是{}的代字",
                            orgs[0].name, other.name
                        ),
                    )
                    .help("核对文号：联合行文用主办机关（署名第一个）的发文字号")
                    .severity(Severity::Info),
                );
            }
            if let Some(other) = owner.filter(|_| !lead_codes.is_empty()) {
                out.push(
                    Finding::new(
                        number.span,
                        format!("联合行文应使用主办机关“{}”的发文字号，“{code}”是{}的代字", orgs[0].name, other.name),
                    )
                    .help(format!("改用{}", lead_codes.join("、"))),
                );
            }
        }
    }
}

/// The non-lead issuer a 发文机关代字 seems to belong to: after the place's first character, the
/// code starts with that issuer's function and not with the lead's (呼财社 with 人社局 leading
/// and 财政局 second). Departments only: a government's code (X府, X政) says nothing of this.
fn inferred_code_owner<'o>(code: &str, orgs: &'o [Org]) -> Option<&'o Org> {
    let initial = |org: &Org| {
        crate::org::department_function(&org.name)
            .and_then(|f| f.chars().next())
            .filter(|_| org.kind == OrgKind::Department)
    };
    let lead = orgs.first()?;
    let lead_initial = initial(lead)?;
    let place_initial = lead.region.as_deref().and_then(|r| r.chars().next());
    let mut chars = code.chars().peekable();
    if chars.peek().copied() == place_initial {
        chars.next();
    }
    let organ_initial = chars.next()?;
    if organ_initial == lead_initial {
        return None;
    }
    orgs.iter().skip(1).find(|o| initial(o) == Some(organ_initial))
}

fn resolve(orgs: &OrgView, name: &str) -> Org {
    match orgs.resolve(name, None) {
        Addressee::Org(o) => o,
        _ => Org::unknown(name),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    #[test]
    fn mixed_levels() {
        let text = "示例市民政局　台山市民政局关于开展救助工作的通知\n各镇人民政府：\n请认真落实。\n江门市民政局　台山市民政局\n2024年3月5日\n";
        let d = lint_text("t.txt", text, "GW207");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn a_government_and_its_own_department() {
        let text = "台山市人民政府　台山市发展和改革局关于印发重点项目计划的通知\n各镇人民政府：\n请认真组织实施。\n台山市人民政府　台山市发展和改革局\n2024年3月5日\n";
        let d = lint_text("t.txt", text, "GW207");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("台山市发展和改革局是台山市人民政府的下级机关"), "{}", d[0].message);
        // A government and the 党委 of its place are 同级.
        let party = text.replace("台山市发展和改革局", "中共台山市委");
        assert!(codes_in("t.txt", &party, "GW207").is_empty());
    }

    #[test]
    fn a_code_that_names_the_second_issuer() {
        let text = "示例市人力资源和社会保障局文件\n示财社〔2026〕6号\n示例市人力资源和社会保障局　示例市财政局关于调整养老金标准的通知\n各县（市、区）人力资源和社会保障局、财政局：\n请认真落实。\n示例市人力资源和社会保障局　示例市财政局\n2026年4月8日\n";
        let d = lint_text("t.txt", text, "GW207");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("示例市财政局的代字"), "{}", d[0].message);
        assert!(codes_in("t.txt", &text.replace("示财社", "示人社"), "GW207").is_empty());
    }

    #[test]
    fn same_level_joint_issuance_is_silent() {
        let text = "江门市民政局　江门市财政局关于提高救助标准的通知\n各县（市、区）民政局、财政局：\n请认真落实。\n江门市民政局　江门市财政局\n2024年3月5日\n";
        assert!(codes_in("t.txt", text, "GW207").is_empty());
    }
}
