use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{AttachmentNote, AttachmentNoteItem, Part};
use crate::lang::is_blank;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct AttachmentNoteFormat;

static META: RuleMeta = RuleMeta {
    code: "GW306",
    name: "attachment-note",
    summary: "附件说明：“附件”后标冒号；多个附件用“1.”编号；附件名称后不加标点",
    category: Category::Format,
    default_severity: Severity::Error,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.4：“如有附件，在正文下空一行左空二字编排‘附件’二字，后标全角冒号和附件名称。如有多个附件，使用阿拉伯数字标注附件顺序号（如‘附件：1.XXXXX’）；附件名称后不加标点符号。”",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "检查正文之后、署名之前的附件说明：\n\n\
- **“附件”后缺冒号**：正文最后两行中“附件　示例市重点项目清单”“附件1.……”这样的行（没有句中标点、不超过60字），`--fix` 补“：”并去掉“附件”后的空格；\n\
- **顺序号形式**：多个附件用“1.”“2.”标注，“1、”“（1）”“①”“1，”改为“1.”（`--fix` 直接修改；“1．”也接受）；\n\
- **多行附件说明未编号**：各行都没有顺序号时提示编号（警告，若只是一个附件名称回行可忽略）；\n\
- **单个附件也编了“1.”**：标准只对多个附件要求编号（提示，建议删去）；\n\
- **附件名称后有标点**：名称末尾的“。”“；”“，”“、”`--fix` 直接删去；\n\
- **“附件如文”“附件2件”“见附件”** 等未写明附件名称的写法（警告）；“附件：”后什么也没有（错误）。\n\n\
半角冒号改全角由 GW401 负责。附件说明与文末附件、正文引用是否一致由 GW307 检查。",
    bad: "附件：1、示例市重点项目清单。\n2、责任分工表",
    good: "附件：1.示例市重点项目清单\n      2.责任分工表",
};

/// One attachment as the 附件说明 lists it: a numbered item and any lines its name wraps onto.
pub(crate) struct NoteEntry<'a> {
    pub number: Option<u32>,
    pub first: &'a AttachmentNoteItem,
    pub lines: Vec<&'a AttachmentNoteItem>,
}

impl NoteEntry<'_> {
    /// The whole name, wrapped lines joined.
    pub fn name(&self) -> String {
        self.lines.iter().map(|i| i.name.text.trim_matches(is_blank)).collect()
    }

    pub fn span(&self) -> Span {
        self.lines.iter().fold(self.first.name.span, |acc, i| acc.cover(i.name.span))
    }
}

/// The items of a 附件说明 grouped into attachments. The flag says that several lines carry
/// no number at all — either an unnumbered list or one long name that wraps.
pub(crate) fn note_entries(note: &AttachmentNote) -> (Vec<NoteEntry<'_>>, bool) {
    let mut entries: Vec<NoteEntry> = Vec::new();
    // A closing sentence below the note (“特此报告。”) is not an attachment.
    let items: Vec<&AttachmentNoteItem> = note
        .items
        .iter()
        .enumerate()
        .filter(|(k, i)| *k == 0 || i.marker.is_some() || !CLOSING.is_match(i.name.text.trim_start_matches(is_blank)))
        .map(|(_, i)| i)
        .collect();
    let unnumbered = items.len() > 1 && items.iter().all(|i| i.marker.is_none());
    for item in items {
        match entries.last_mut() {
            Some(last) if item.marker.is_none() && !unnumbered => last.lines.push(item),
            _ => entries.push(NoteEntry { number: item.number, first: item, lines: vec![item] }),
        }
    }
    (entries, unnumbered)
}

/// Sentences that close a 正文, not attachment names.
static CLOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:特此|妥否|当否|可否|以上|此复|请予|请批|如无不妥|专此)").expect("valid"));

/// Text that says there are attachments without naming them.
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:如文|如上|附后|后附|略|见附件|详见附件|见后|[0-9一二三四五六七八九十两]+[ \u{3000}]*(?:件|份|个|张))$",
    )
    .expect("valid")
});

/// `附件　名称` or `附件1.名称` at the end of the 正文: a 附件说明 that lost its colon.
static COLONLESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^附件(?:[ \u{3000}]+[\p{Han}0-9《]|1[.．、]\p{Han})").expect("valid"));

const NAME_TAIL: &[char] = &['。', '；', '，', '、', ';', ',', '.'];

impl Rule for AttachmentNoteFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        match &cx.doc.attachment_note {
            Some(note) => check_note(note, out),
            None => colonless_label(cx, out),
        }
    }
}

fn check_note(note: &AttachmentNote, out: &mut Vec<Finding>) {
    let (entries, unnumbered) = note_entries(note);
    if entries.is_empty() {
        out.push(
            Finding::new(note.label.span, "附件说明未写附件名称")
                .help("在“附件：”后写明附件名称；多个附件用“1.”“2.”编号")
                .en("The attachment note names no attachment"),
        );
        return;
    }
    if let Some(first) = entries.first()
        && VAGUE.is_match(first.name().trim_end_matches(NAME_TAIL))
    {
        out.push(
            Finding::new(first.span(), format!("附件说明“{}”未写明附件名称", first.name()))
                .help("写明附件的顺序号和名称，如“附件：1.示例市重点项目清单”")
                .severity(Severity::Warning)
                .en("The attachment note must name each attachment"),
        );
        return;
    }
    if unnumbered {
        let edits: Vec<Edit> = entries
            .iter()
            .enumerate()
            .map(|(k, e)| Edit::insert(e.first.name.span.start, format!("{}.", k + 1)))
            .collect();
        out.push(
            Finding::new(note.span, "附件说明有多个附件却未标注顺序号")
                .help("多个附件用阿拉伯数字标注顺序号，如“附件：1.……”；如只是一个附件名称回行，可忽略")
                .severity(Severity::Warning)
                .fix(Fix::unsafe_("依次补“1.”“2.”……", edits))
                .en("Number the attachments “1.”, “2.” …"),
        );
    }
    let multiple = entries.len() > 1;
    for (k, entry) in entries.iter().enumerate() {
        if let Some(marker) = &entry.first.marker {
            let m = marker.text.trim_matches(is_blank);
            let number = entry.number.unwrap_or(k as u32 + 1);
            let plain = m.ends_with(['.', '．']) && m.chars().next().is_some_and(|c| c.is_ascii_digit());
            if !multiple {
                let span = Span::new(marker.span.start, entry.first.name.span.start);
                out.push(
                    Finding::new(marker.span, "只有一个附件时不标顺序号")
                        .help("删去顺序号，写作“附件：名称”")
                        .severity(Severity::Info)
                        .fix(Fix::unsafe_(format!("删去“{m}”"), vec![Edit::delete(span)]))
                        .en("A single attachment is not numbered"),
                );
            } else if !plain {
                let good = format!("{number}.");
                out.push(
                    Finding::new(marker.span, format!("附件顺序号应写作“{good}”，不用“{m}”"))
                        .help("用阿拉伯数字加下脚点标注附件顺序号")
                        .fix(Fix::safe(format!("改为“{good}”"), vec![Edit::replace(marker.span, good.clone())]))
                        .en(format!("Write the attachment number as “{good}”")),
                );
            }
        }
        // Punctuation after the name: only the end of the name counts, not a wrapped line's end.
        let last = entry.lines.last().expect("an entry has a line");
        let name = last.name.text.trim_end_matches(is_blank);
        let kept = name.trim_end_matches(NAME_TAIL);
        if kept.len() < name.len() && !kept.is_empty() {
            let span = last.name.span.sub(kept.len(), name.len());
            let marks = &name[kept.len()..];
            out.push(
                Finding::new(span, format!("附件名称后不加标点符号（“{marks}”）"))
                    .help("删去附件名称末尾的标点")
                    .fix(Fix::safe(format!("删去“{marks}”"), vec![Edit::delete(span)]))
                    .en("No punctuation after an attachment's name"),
            );
        }
    }
}

/// A line at the very end of the 正文 that reads `附件　名称`: the colon is missing.
fn colonless_label(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text();
    let body: Vec<_> = cx.doc.lines.iter().filter(|(_, p)| *p == Part::Body).collect();
    // Only the last two lines of the 正文, and only before a 署名 or 成文日期.
    if cx.doc.date.is_none() {
        return;
    }
    for (line, _) in body.iter().rev().take(2) {
        let s = line.span.text(text);
        if !COLONLESS.is_match(s) || s.contains(['。', '，', '；', '：', ':']) || s.chars().count() > 60 {
            continue;
        }
        let label_end = line.span.start + "附件".len();
        let blanks = s["附件".len()..].chars().take_while(|c| is_blank(*c)).map(char::len_utf8).sum::<usize>();
        let span = Span::new(line.span.start, label_end);
        out.push(
            Finding::new(span, "附件说明的“附件”二字后缺少全角冒号")
                .help("写作“附件：名称”，多个附件写作“附件：1.名称”")
                .fix(Fix::safe("补“：”", vec![Edit::replace(Span::new(label_end, label_end + blanks), "：")]))
                .en("The attachment note needs a colon after “附件”"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::test_support::{assert_fixed, codes_in, lint_text};

    fn doc(note: &str) -> String {
        format!(
            "示例市人民政府关于开展检查的通知\n各区人民政府：\n现将有关事项通知如下。\n{note}\n示例市人民政府\n2024年3月5日\n"
        )
    }

    #[test]
    fn markers_and_trailing_marks_are_fixed() {
        let text = doc("附件：1、示例市重点项目清单。\n（2）责任分工表");
        assert_eq!(codes_in("t.txt", &text, "GW306"), ["GW306:1、", "GW306:。", "GW306:（2）"]);
        assert_fixed(&text, "GW306", &doc("附件：1.示例市重点项目清单\n2.责任分工表"));
    }

    #[test]
    fn vague_and_single_numbered() {
        let d = lint_text("t.txt", &doc("附件：如文"), "GW306");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        let d = lint_text("t.txt", &doc("附件：1.示例市重点项目清单"), "GW306");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn unnumbered_lines_and_missing_colon() {
        let d = lint_text("t.txt", &doc("附件：示例市重点项目清单\n示例市安全生产、消防工作责任分工表"), "GW306");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        let d = codes_in("t.txt", &doc("附件　示例市重点项目清单"), "GW306");
        assert_eq!(d, ["GW306:附件"]);
    }

    #[test]
    fn good_notes_stay_silent() {
        for note in [
            "附件：1.城区中小学校舍安全排查情况表\n      2.维修加固工程资金测算表",
            "附件：火灾隐患排查情况统计表",
            "附件：1．示例市重点项目清单\n2．示例市2024年城区老旧小区改造项目资金\n安排计划表",
        ] {
            assert!(codes_in("t.txt", &doc(note), "GW306").is_empty(), "{note}");
        }
        let text = "示例市住房和城乡建设局关于整改情况的报告\n示例市人民政府：\n整改工作已全部完成。\n附件：整改情况一览表\n特此报告。\n示例市住房和城乡建设局\n2024年5月8日\n";
        assert!(codes_in("t.txt", text, "GW306").is_empty());
        // A sentence about attachments in the 正文 is not a note.
        let text = "示例市人民政府关于开展检查的通知\n各区人民政府：\n附件所列项目由各区负责落实。\n示例市人民政府\n2024年3月5日\n";
        assert!(codes_in("t.txt", text, "GW306").is_empty());
    }
}
