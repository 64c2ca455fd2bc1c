use crate::diagnostic::{Finding, Severity};
use crate::document::DOC_NUMBER;
use crate::org::{Addressee, Org, OrgKind, OrgView};
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
        let levels: Vec<_> = orgs.iter().map(|o| o.level).collect();
        if levels.iter().all(Option::is_some) && levels.windows(2).any(|w| w[0] != w[1]) {
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
    fn same_level_joint_issuance_is_silent() {
        let text = "江门市民政局　江门市财政局关于提高救助标准的通知\n各县（市、区）民政局、财政局：\n请认真落实。\n江门市民政局　江门市财政局\n2024年3月5日\n";
        assert!(codes_in("t.txt", text, "GW207").is_empty());
    }
}
