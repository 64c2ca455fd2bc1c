use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::Part;
use crate::lang::is_blank;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;

pub struct MainRecipient;

static META: RuleMeta = RuleMeta {
    code: "GW305",
    name: "main-recipient",
    summary: "主送机关最后一个机关名称后标全角冒号",
    category: Category::Format,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第九条（八）：“主送机关。公文的主要受理机关，应当使用机关全称、规范化简称或者同类型机关统称。”；GB/T 9704-2012 7.3.2 主送机关编排于标题下空一行位置，居左顶格，最后一个机关名称后标全角冒号",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查标题下的主送机关行：最后一个机关名称后应标冒号。\n\n\
标题之后紧接一行以机关名称结尾、没有冒号的短行（其后还有正文）时，认定为漏标冒号的主送机关，\
`--fix` 在行末补全角冒号“：”——该行已被识别为主送机关，补冒号不改变任何文字。\n\n\
不在本规则之列：半角冒号“:”改全角由 GW401 负责；主送机关名称是否规范（“市府”等）由 GW313 提示；\
多头主送由 GW201 检查；公布性公文不应有主送机关由 GW108 检查。\
同类机关之间用顿号、不同类之间用逗号属实务，因各地统称写法不一，不作检查。",
    bad: "示例市应急管理局关于开展安全生产大检查的通知\n各区应急管理局\n现将有关事项通知如下。",
    good: "示例市应急管理局关于开展安全生产大检查的通知\n各区应急管理局：\n现将有关事项通知如下。",
};

impl Rule for MainRecipient {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let Some(list) = &doc.main_recipients else { return };
        let s = list.field.text.trim_end_matches(is_blank);
        if s.ends_with(['：', ':']) || s.is_empty() {
            return;
        }
        // The recogniser takes a colon-less line after the title as the 主送 only when more
        // follows; make sure 正文 follows, so that a lone 署名 is never mistaken for it.
        let end = list.field.span.start + s.len();
        let body_follows = doc.lines.iter().any(|(l, p)| *p == Part::Body && l.span.start >= end);
        if !body_follows {
            return;
        }
        // Only a line that reads as a list of organs: no sentence punctuation.
        if s.contains(['。', '；', '？', '！', '“']) {
            return;
        }
        let last = s.chars().next_back().unwrap_or(' ');
        let at = Span::new(end - last.len_utf8(), end);
        let (message, edit) = if matches!(last, '，' | '、' | ',') {
            (format!("主送机关最后一个机关名称后应标全角冒号，不用“{last}”"), Edit::replace(at, "："))
        } else {
            ("主送机关最后一个机关名称后缺少全角冒号".to_string(), Edit::insert(end, "："))
        };
        out.push(
            Finding::new(at, message)
                .help("在最后一个主送机关名称后加“：”")
                .fix(Fix::safe("补全角冒号“：”", vec![edit]))
                .en("The main recipients end with a full-width colon “：”"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    #[test]
    fn colonless_recipient_gets_a_colon() {
        let text = "示例市应急管理局关于开展安全生产大检查的通知\n各区应急管理局，市直有关单位\n现将有关事项通知如下。\n示例市应急管理局\n2024年3月5日\n";
        assert_eq!(codes_in("t.txt", text, "GW305"), ["GW305:位"]);
        assert_fixed(
            text,
            "GW305",
            "示例市应急管理局关于开展安全生产大检查的通知\n各区应急管理局，市直有关单位：\n现将有关事项通知如下。\n示例市应急管理局\n2024年3月5日\n",
        );
    }

    #[test]
    fn signature_right_after_title_is_not_a_recipient() {
        let text = "示例市应急管理局关于开展安全生产大检查的通知\n示例市应急管理局\n2024年3月5日\n";
        assert!(codes_in("t.txt", text, "GW305").is_empty());
    }

    #[test]
    fn colon_present_is_silent() {
        for r in ["各县（市、区）人民政府，市政府各部门、各直属事业单位：", "示例市人民政府:"]
        {
            let text = format!("示例市教育局关于申请资金的请示\n{r}\n正文。\n");
            assert!(codes_in("t.txt", &text, "GW305").is_empty(), "{r}");
        }
    }
}
