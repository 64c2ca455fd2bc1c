use super::common::{align, describe, fix_font, indent, layout, paragraph_at, run_format, with_parts};
use crate::diagnostic::{Finding, Fix, Severity};
use crate::lang::is_han;
use crate::layout::{Align, FontFamily, sizes};
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};

pub struct AttachmentLayout;

static META: RuleMeta = RuleMeta {
    code: "GW911",
    name: "attachment-layout",
    summary: "附件说明左空二字；附件的“附件”二字用黑体顶格，附件标题居中",
    category: Category::Layout,
    default_severity: Severity::Info,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.4 附件说明：“在正文下空一行左空二字编排‘附件’二字，后标全角冒号和附件名称”；7.3.7 附件：“‘附件’二字及附件顺序号用3号黑体字顶格编排在版心左上角第一行。附件标题居中编排在版心第三行。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "只检查 .docx：\n\n\
- 附件说明（“附件：1.……”）首行左空二字（首行缩进 2 字符或两个全角空格）；\n\
- 附件页的“附件”“附件2”标识：汉字用黑体一类，顶格（无缩进、不居中）；\n\
- 附件标题居中。\n\n\
“另面编排”（附件从新的一页开始）和“版心第三行”要看分页，不检查。\n\n\
修复（`--fix`、`--annotate`）：附件说明段落首行缩进 2 字符（已键入的行首空格计入）；附件标识设为黑体三号、左对齐、无缩进；附件标题段落居中。",
    bad: "附件页“附件1”用仿宋、居中；附件说明顶格",
    good: "附件页“附件1”黑体三号顶格，附件标题居中；附件说明左空二字",
};

impl Rule for AttachmentLayout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(layout) = layout(cx) else { return };
        let text = cx.text();
        let paragraphs = with_parts(cx, layout);
        let containing = |start: usize| paragraph_at(&paragraphs, start).map(|i| paragraphs[i].0);
        if let Some(note) = &cx.doc.attachment_note
            && let Some(para) = containing(note.label.span.start)
            && !para.in_table
            && let Some(problem) = super::paragraph_indent::problem(para, text)
        {
            let mut finding = Finding::new(note.label.span, format!("附件说明{problem}；应左空二字编排"))
                .help("附件说明段落首行缩进 2 字符，回行与附件名称对齐")
                .en("The attachment note is indented two characters");
            if let Some(edit) = super::paragraph_indent::indent_fix(para, text) {
                finding = finding.fix(Fix::layout("附件说明设为首行缩进 2 字符", vec![edit]));
            }
            out.push(finding);
        }
        for attachment in cx.doc.attachments.iter().filter(|a| !a.forwarded) {
            if let Some(label) = &attachment.label
                && let Some(para) = containing(label.span.start)
            {
                if let Some(run) = para.visible_runs(text).find(|r| {
                    r.span.start < label.span.end
                        && r.span.end > label.span.start
                        && text[r.span.start..r.span.end].chars().any(is_han)
                        && r.style.family() != Some(FontFamily::HeiTi)
                }) {
                    let font = fix_font(FontFamily::HeiTi);
                    out.push(
                        Finding::new(
                            label.span,
                            format!("附件标识“{}”用了“{}”，应用三号黑体", label.text, describe(&run.style)),
                        )
                        .help("“附件”二字及顺序号设为黑体三号")
                        .fix(Fix::layout(
                            format!("附件标识设为{font}三号"),
                            vec![run_format(label.span, Some(font), Some(sizes::SAN_HAO), None)],
                        ))
                        .en("The attachment label is set in HeiTi"),
                    );
                }
                let size = para.size();
                if para.align == Align::Centre || para.first_line.in_chars(size) + para.left.in_chars(size) > 0.5 {
                    out.push(
                        Finding::new(label.span, format!("附件标识“{}”没有顶格编排", label.text))
                            .help("“附件”标识所在段落左对齐、不缩进")
                            .fix(Fix::layout(
                                "附件标识段落设为左对齐、无缩进",
                                vec![
                                    align(label.span, "left"),
                                    indent(label.span, Some(0), Some(0), None, sizes::SAN_HAO),
                                ],
                            ))
                            .en("The attachment label starts at the left margin"),
                    );
                }
            }
            if let Some(title) = &attachment.title
                && let Some(para) = containing(title.span.start)
                && para.align != Align::Centre
                && !para.in_table
            {
                out.push(
                    Finding::new(title.span, format!("附件标题为{}，应居中编排", para.align.zh()))
                        .help("附件标题段落设为居中")
                        .fix(Fix::layout("附件标题段落设为居中", vec![align(title.span, "center")]))
                        .en("The attachment title is centred"),
                );
            }
        }
    }
}
