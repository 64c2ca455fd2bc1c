use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::kind::{OTHER_ROLL, ROLL};
use crate::document::{DocKind, MaskKind, MaskSet, Part};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct MinutesFormat;

static META: RuleMeta = RuleMeta {
    code: "GW314",
    name: "minutes-format",
    summary: "纪要：纪要标志，出席、请假、列席人员名单",
    category: Category::Format,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "《党政机关公文处理工作条例》第八条（十五）“纪要。适用于记载会议主要情况和议定事项。”；GB/T 9704-2012 10.3 纪要格式：标注出席人员名单，在正文或附件说明下空一行左空二字编排“出席”二字，后标全角冒号；请假和列席人员名单编排方法同出席人员名单；“纪要格式可以根据实际制定”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查文种为纪要的稿件（标题以“纪要”结尾，或前置元数据声明），全部为提示（GB/T 9704 10.3 “纪要格式可以根据实际制定”）：\n\n\
- 声明为纪要，标题却不以“纪要”结尾；\n\
- 没有“出席：”名单；用了“参会人员：”“参加人员：”“与会人员：”的，建议改为“出席：”（需确认）；\n\
- “出席”“请假”“列席”后缺冒号（“出席　张某、李某”），`--fix` 补“：”；\n\
- 正文没有“会议议定”“会议决定”“会议同意”“会议要求”等记载议定事项的表述；\n\
- 纪要以“特此通知”“特此报告”“妥否，请批示”等其他文种的结语收尾。\n\n\
半角冒号的全角转换由 GW401 负责。",
    bad: "示例市人民政府第5次常务会议纪要\n……\n参会人员：张某、李某",
    good: "示例市人民政府第5次常务会议纪要\n……会议议定：……\n出席：张某、李某\n列席：王某",
};

static DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"会议(?:议定|决定|同意|要求|明确|认为|指出|强调|原则同意|研究|听取|审议|讨论|通过|确定|提出)")
        .expect("valid")
});
static WRONG_CLOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"特此通知|特此报告|特此函告|妥否|当否|请批示|请审批").expect("valid"));

impl Rule for MinutesFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.kind() != Some(DocKind::纪要) {
            return;
        }
        let text = cx.text();
        if let Some(title) = &doc.title {
            let t = title.text.trim_end();
            if !t.ends_with("纪要") {
                out.push(
                    Finding::new(title.span, "纪要标志由会议名称加“纪要”组成，标题却不以“纪要”结尾")
                        .help("写作“示例市人民政府第5次常务会议纪要”")
                        .en("A minutes title ends with 纪要"),
                );
            }
        }
        let mut has_roll = false;
        let mut other: Option<(Span, String)> = None;
        for (line, _) in &doc.lines {
            let s = line.span.text(text);
            if let Some(c) = ROLL.captures(s) {
                let label = c.name("label").expect("group");
                let blank = c.name("blank").expect("group");
                // “出席会议的有……” is a sentence; a roll has a colon or a space before the names.
                if c.name("colon").is_none() && blank.as_str().is_empty() {
                    continue;
                }
                has_roll = true;
                if c.name("colon").is_none() {
                    let span = line.span.sub(label.end(), blank.end());
                    let whole = c.get(0).expect("match");
                    out.push(
                        Finding::new(line.span.sub(0, whole.end()), format!("“{}”后应标全角冒号", label.as_str()))
                            .help(format!("写作“{}：姓名、姓名”", label.as_str()))
                            .fix(Fix::safe("补“：”", vec![Edit::replace(span, "：")]))
                            .en("A colon follows 出席/请假/列席"),
                    );
                }
            } else if let Some(c) = OTHER_ROLL.captures(s) {
                let label = c.name("label").expect("group");
                other.get_or_insert((line.span.sub(label.start(), label.end()), label.as_str().to_string()));
            }
        }
        if !has_roll {
            match other {
                Some((span, label)) => out.push(
                    Finding::new(span, format!("纪要的人员名单用“出席”“请假”“列席”标注，不用“{label}”"))
                        .help("改为“出席：……”，请假、列席人员另起一行")
                        .fix(Fix::unsafe_("改为“出席”", vec![Edit::replace(span, "出席")]))
                        .en("Minutes list attendees after 出席"),
                ),
                None => {
                    if let Some(title) = &doc.title
                        && doc.body_paragraphs().next().is_some()
                    {
                        out.push(
                            Finding::new(title.span, "纪要未标注出席人员名单")
                                .help("在正文或附件说明下空一行标注“出席：”名单，请假、列席人员另起一行")
                                .en("The minutes name no attendees"),
                        );
                    }
                }
            }
        }
        let skip = MaskSet::NOT_OWN_WORDS.with(MaskKind::Attachment);
        let body: Vec<_> = doc.body_paragraphs().collect();
        if !body.is_empty() && !body.iter().any(|p| DECIDED.is_match(p.span.text(text))) && body.len() >= 2 {
            let span = body[0].span;
            out.push(
                Finding::new(span, "纪要正文未见“会议议定”“会议决定”“会议同意”等记载议定事项的表述")
                    .help("纪要记载会议主要情况和议定事项，可用“会议议定”“会议要求”等引出")
                    .en("The minutes do not record decisions"),
            );
        }
        // The closing: the last paragraph of the 正文 that is not a roll of names.
        let closing = body.iter().rev().find(|p| {
            let s = p.span.text(text);
            !ROLL.is_match(s) && !OTHER_ROLL.is_match(s)
        });
        if let Some(last) = closing
            && last.part == Part::Body
        {
            let s = last.span.text(text);
            if let Some(m) = WRONG_CLOSING.find(s) {
                let span = last.span.sub(m.start(), m.end());
                if !doc.masks.hits(skip, span) {
                    out.push(
                        Finding::new(span, format!("纪要不用“{}”这类其他文种的结语", m.as_str()))
                            .help("纪要记载议定事项，写完即止，不加通知、报告、请示的结语")
                            .en("Minutes take no closing phrase of another kind"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_fixed, codes_in};

    const HEAD: &str = "示例市人民政府第5次常务会议纪要\n2024年3月5日，市长张某主持召开市政府第5次常务会议。\n";

    #[test]
    fn roll_label_and_colon() {
        let text = format!("{HEAD}会议议定：同意实施方案。\n参会人员：张某、李某\n");
        assert_eq!(codes_in("t.txt", &text, "GW314"), ["GW314:参会人员"]);
        let text = format!("{HEAD}会议议定：同意实施方案。\n出席　张某、李某\n");
        assert_fixed(&text, "GW314", &format!("{HEAD}会议议定：同意实施方案。\n出席：张某、李某\n"));
    }

    #[test]
    fn decisions_and_closing() {
        let text = format!("{HEAD}各部门汇报了工作。\n特此通知。\n出席：张某、李某\n");
        let d = codes_in("t.txt", &text, "GW314");
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn good_minutes_stay_silent() {
        let text = format!(
            "{HEAD}会议听取了市发展改革局关于重点项目的汇报。\n会议议定：同意实施方案。\n出席：张某、李某\n请假：王某\n列席：赵某\n"
        );
        assert!(codes_in("t.txt", &text, "GW314").is_empty());
        // Not minutes: nothing to say.
        let text = "示例市人民政府关于开展检查的通知\n各区人民政府：\n正文。\n";
        assert!(codes_in("t.txt", text, "GW314").is_empty());
    }
}
