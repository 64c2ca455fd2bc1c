use super::attachment_note::{NoteEntry, note_entries};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Attachment, MaskKind, MaskSet, Part};
use crate::lang::is_blank;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

pub struct AttachmentConsistency;

static META: RuleMeta = RuleMeta {
    code: "GW307",
    name: "attachment-consistency",
    summary: "附件说明、文末附件标识和标题、正文引用一致",
    category: Category::Format,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.7 附件：附件顺序号和附件标题应当与附件说明的表述一致；《党政机关公文处理工作条例》第九条（十）“附件说明。公文附件的顺序号和名称。”",
    fix: FixAvailability::None,
    needs: &[],
    docs: "比对三处对附件的表述：\n\n\
1. 附件说明的清单（“附件：1.……2.……”）——顺序号应从1起连续，不重号；\n\
2. 成文日期之后的附件标识（“附件1”“附件2”）及其下的附件标题——数量、顺序号与附件说明一致，\
多个附件时每个标识都带顺序号，附件标题与附件说明中的名称一致（忽略空格、书名号和标题回行）；\n\
3. 正文中的引用（“见附件3”“按附件2格式填报”）——不超出附件的件数。\n\n\
草稿只有附件说明、文末尚未贴附件时不报（附件可能另行装订，GB/T 9704 7.3.7）。\
印发、转发的文件本身不是附件，印发通知没有附件说明不报。只提示，不自动修改。",
    bad: "附件：1.示例市重点项目清单\n      2.责任分工表\n……\n附件1\n示例市2024年重点项目清单",
    good: "附件：1.示例市重点项目清单\n      2.责任分工表\n……\n附件1\n示例市重点项目清单\n……\n附件2\n责任分工表",
};

/// “附件3” referred to in the 正文.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"附件[ \u{3000}]*([0-9]{1,2})").expect("valid"));

impl Rule for AttachmentConsistency {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let labelled: Vec<&Attachment> = doc.attachments.iter().filter(|a| a.label.is_some()).collect();
        let (entries, unnumbered) = match &doc.attachment_note {
            Some(note) => note_entries(note),
            None => (Vec::new(), false),
        };
        // One long name wrapped over several unnumbered lines, when one attachment follows.
        let entries = if unnumbered && labelled.len() == 1 { merge(entries) } else { entries };

        check_note_numbers(&entries, out);
        check_labels(cx, &labelled, &entries, out);
        let count = if !entries.is_empty() { entries.len() } else { labelled.len() };
        if count > 0 {
            check_references(cx, count, out);
        }
    }
}

fn merge(entries: Vec<NoteEntry<'_>>) -> Vec<NoteEntry<'_>> {
    let mut it = entries.into_iter();
    let Some(mut first) = it.next() else { return Vec::new() };
    for e in it {
        first.lines.extend(e.lines);
    }
    vec![first]
}

fn check_note_numbers(entries: &[NoteEntry], out: &mut Vec<Finding>) {
    for (k, e) in entries.iter().enumerate() {
        let expected = k as u32 + 1;
        if let (Some(n), Some(marker)) = (e.number, &e.first.marker)
            && n != expected
        {
            out.push(
                Finding::new(marker.span, format!("附件说明的顺序号不连续：第{expected}个附件标为“{n}”"))
                    .help("附件顺序号从1起依次编排")
                    .en(format!("Attachment note numbering: item {expected} is numbered {n}")),
            );
            return;
        }
    }
}

fn check_labels(cx: &Context, labelled: &[&Attachment], entries: &[NoteEntry], out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if labelled.is_empty() {
        return;
    }
    if entries.is_empty() {
        // A 印发/转发 notice's document is not an attachment; only real attachments need a note.
        if labelled.iter().all(|a| a.forwarded) {
            return;
        }
        let first = labelled[0].label.as_ref().expect("labelled");
        out.push(
            Finding::new(first.span, "文末有附件，但正文之后缺少附件说明")
                .help("在正文下一行写“附件：”和附件名称，多个附件依次编号")
                .en("Attachments follow but there is no attachment note"),
        );
        return;
    }
    let note_span = doc.attachment_note.as_ref().map_or(Span::default(), |n| n.label.span);
    if entries.len() != labelled.len() {
        out.push(
            Finding::new(note_span, format!("附件说明列出{}件附件，文末附件为{}件", entries.len(), labelled.len()))
                .help("核对附件说明与文末附件的件数")
                .en(format!("The note lists {} attachments; {} follow", entries.len(), labelled.len())),
        );
    }
    // Labels: numbered when there are several, in order.
    if labelled.len() > 1 {
        for (k, a) in labelled.iter().enumerate() {
            let label = a.label.as_ref().expect("labelled");
            let expected = k as u32 + 1;
            match a.number {
                None => {
                    out.push(
                        Finding::new(label.span, format!("有多个附件时，附件标识应带顺序号（“附件{expected}”）"))
                            .help("附件标识写作“附件1”“附件2”……，与附件说明的顺序号一致")
                            .en("With several attachments, number each label"),
                    );
                    return;
                }
                Some(n) if n != expected => {
                    out.push(
                        Finding::new(
                            label.span,
                            format!("附件标识“{}”的顺序号不连续，应为“附件{expected}”", label.text),
                        )
                        .help("附件标识依次编为“附件1”“附件2”……")
                        .en(format!("Attachment label should be 附件{expected}")),
                    );
                    return;
                }
                _ => {}
            }
        }
    }
    // Titles against the note's names, matched by number or by order.
    for (k, a) in labelled.iter().enumerate() {
        let entry = match a.number {
            Some(n) if entries.len() > 1 => entries.iter().find(|e| e.number == Some(n)),
            _ => entries.get(k),
        };
        let (Some(entry), Some(title)) = (entry, &a.title) else { continue };
        let t = normalise(&title.text);
        let name = normalise(&entry.name());
        if t.is_empty() || name.is_empty() || t == name || !looks_like_title(&title.text) {
            continue;
        }
        // A title that wraps onto a second line.
        if name.starts_with(&t)
            && let Some(next) = second_line(cx, a, title.span)
            && format!("{t}{}", normalise(next)) == name
        {
            continue;
        }
        let label = a.label.as_ref().map_or("附件", |l| l.text.as_str());
        out.push(
            Finding::new(
                title.span,
                format!("“{label}”的标题“{}”与附件说明中的名称“{}”不一致", title.text.trim(), entry.name()),
            )
            .help("附件标题应与附件说明的表述一致")
            .en("The attachment's title differs from the name in the attachment note"),
        );
    }
}

fn second_line<'a>(cx: &'a Context, a: &Attachment, after: Span) -> Option<&'a str> {
    cx.doc
        .lines
        .iter()
        .find(|(l, p)| matches!(p, Part::Attachment(_)) && a.span.contains(l.span) && l.span.start > after.end)
        .map(|(l, _)| l.span.text(cx.text()))
}

/// An attachment's first line that is a title, not “（表格略）” or a sentence.
fn looks_like_title(s: &str) -> bool {
    let s = s.trim_matches(is_blank);
    let bracketed = s.starts_with(['（', '(']) && s.ends_with(['）', ')']);
    !bracketed && !s.contains('。') && s.chars().count() <= 60
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !is_blank(*c) && !matches!(c, '《' | '》' | '〈' | '〉'))
        .collect::<String>()
        .trim_end_matches(['。', '；', '，', '、', ';', ',', '.'])
        .to_string()
}

fn check_references(cx: &Context, count: usize, out: &mut Vec<Finding>) {
    let text = cx.text();
    let skip = MaskSet::NON_TEXT.with(MaskKind::Quote).with(MaskKind::BookTitle).with(MaskKind::BlockQuote);
    for (line, _) in cx.doc.lines.iter().filter(|(_, p)| *p == Part::Body) {
        let s = line.span.text(text);
        for c in REFERENCE.captures_iter(s) {
            let m = c.get(0).expect("match");
            let num = c.get(1).expect("group");
            // 附件10 is not 附件1 followed by 0.
            if s[m.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
                continue;
            }
            let span = line.span.sub(m.start(), m.end());
            if cx.doc.masks.hits(skip, span) {
                continue;
            }
            // 《……》附件3, 示府〔2024〕5号附件3, 该通知的附件3: another document's attachment.
            let before = s[..m.start()].trim_end_matches(is_blank).chars().next_back();
            if before.is_some_and(|b| matches!(b, '》' | '号' | '的' | '）' | ')' | '〉')) {
                continue;
            }
            let n: usize = num.as_str().parse().unwrap_or(0);
            if n > count {
                out.push(
                    Finding::new(span, format!("正文引用“{}”，但附件只有{count}件", m.as_str()))
                        .help("核对正文引用的附件顺序号")
                        .en(format!("The text refers to {} but there are only {count} attachments", m.as_str())),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::codes_in;

    const HEAD: &str = "示例市人民政府关于开展检查的通知\n各区人民政府：\n";
    const TAIL: &str = "示例市人民政府\n2024年3月5日\n";

    #[test]
    fn counts_titles_and_references() {
        let text = format!(
            "{HEAD}请按附件3格式报送。\n附件：1.示例市重点项目清单\n2.责任分工表\n{TAIL}附件1\n示例市2024年重点项目清单\n内容\n"
        );
        let d = codes_in("t.txt", &text, "GW307");
        assert_eq!(d, ["GW307:附件3", "GW307:附件：", "GW307:示例市2024年重点项目清单"]);
    }

    #[test]
    fn labels_need_numbers_and_order() {
        let text = format!(
            "{HEAD}正文。\n附件：1.示例市重点项目清单\n2.责任分工表\n{TAIL}附件\n示例市重点项目清单\n内容\n附件3\n责任分工表\n内容\n"
        );
        assert_eq!(codes_in("t.txt", &text, "GW307"), ["GW307:附件"]);
    }

    #[test]
    fn missing_note() {
        let text = format!("{HEAD}正文。\n{TAIL}附件\n示例市重点项目清单\n内容\n");
        assert_eq!(codes_in("t.txt", &text, "GW307"), ["GW307:附件"]);
    }

    #[test]
    fn consistent_drafts_stay_silent() {
        let text = format!(
            "{HEAD}具体项目见附件1，分工见附件2。\n附件：1.示例市2024年城区老旧小区改造项目资金\n安排计划表\n2.示例市重点项目清单\n{TAIL}附件1\n示例市2024年城区老旧小区改造\n项目资金安排计划表\n内容\n附件2\n《示例市重点项目清单》\n内容\n"
        );
        assert!(codes_in("t.txt", &text, "GW307").is_empty());
        // Attachments bound separately: a note with nothing after the date.
        let text = format!("{HEAD}正文。\n附件：1.示例市重点项目清单\n2.责任分工表\n{TAIL}");
        assert!(codes_in("t.txt", &text, "GW307").is_empty());
        let text = format!(
            "{HEAD}按《示例省项目管理办法》附件3格式填报。\n附件：重点项目清单\n{TAIL}附件\n重点项目清单\n（表格略）\n"
        );
        assert!(codes_in("t.txt", &text, "GW307").is_empty());
    }
}
