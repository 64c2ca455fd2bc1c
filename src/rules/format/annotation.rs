use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::document::{DocKind, MaskSet};
use crate::lang::is_blank;
use crate::rules::{Category, Context, FixAvailability, Pack, Rule, RuleMeta};
use crate::span::{Field, Span};
use regex::Regex;
use std::sync::LazyLock;

pub struct Annotation;

static META: RuleMeta = RuleMeta {
    code: "GW310",
    name: "annotation",
    summary: "附注加圆括号编排在成文日期下一行；请示注明联系人和联系电话",
    category: Category::Format,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: Pack::National,
    source: "GB/T 9704-2012 7.3.6：“如有附注，居左空二字加圆括号编排在成文日期下一行。”；实务：请示在附注处注明联系人姓名和电话（原《国家行政机关公文处理办法》的要求，现行条例、国标未重申，实践沿用）",
    fix: FixAvailability::Sometimes,
    needs: &[],
    docs: "两项检查：\n\n\
- **附注未加圆括号**（警告）：成文日期下一行的“此件……”“联系人：……”等说明文字应加圆括号，\
如“（此件公开发布）”“（联系人：张某，联系电话：0750-1234567）”。建议加括号（需确认，`--unsafe-fixes`）；\n\
- **请示未注明联系人和联系电话**（提示，实务）：这是已废止的 2000 年《国家行政机关公文处理办法》的要求，\
现行条例和 GB/T 9704-2012 未作规定，公开发布的文本也常删去联系方式，故只作提示；文种为请示、已写成文日期、全文找不到“联系人”及电话号码时提示。\
联系人写在正文末段或附注处都接受。\n\n\
半角括号改全角由 GW401 负责。",
    bad: "2024年3月5日\n联系人：张某，电话：12345678",
    good: "2024年3月5日\n（联系人：张某，联系电话：0750-1234567）",
};

/// A telephone number: 7–8 digits, with an optional area code or a mobile number.
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[0-9]{3,4}[-－—–]?)?[0-9]{7,8}|1[3-9][0-9]{9}").expect("valid"));
static CONTACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"联系人|经办人").expect("valid"));

impl Rule for Annotation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if let Some(note) = &doc.annotation {
            check_parens(note, out);
        }
        // “此件公开发布” below the date is an 附注 too (the recogniser files it as 公开方式).
        if let Some(attr) = &doc.public_attribute
            && attr.text.starts_with("此件")
            && doc.date.as_ref().is_some_and(|d| d.span.end <= attr.span.start)
        {
            check_parens(attr, out);
        }
        // Only a finished draft (with its 成文日期) is expected to carry the contact.
        if doc.kind() == Some(DocKind::请示) && doc.title.is_some() && doc.date.is_some() {
            check_contact(cx, out);
        }
    }
}

fn check_parens(note: &Field, out: &mut Vec<Finding>) {
    let s = note.text.trim_matches(is_blank);
    if s.is_empty() || (s.starts_with(['（', '(']) && s.ends_with(['）', ')'])) {
        return;
    }
    let (lead, body) = (note.text.len() - note.text.trim_start_matches(is_blank).len(), s);
    // Keep a closing full stop outside the brackets' content: “联系人：张某。” → “（联系人：张某）”.
    let inner = body.trim_end_matches(['。', '.']);
    let start = note.span.start + lead;
    let edits =
        vec![Edit::insert(start, "（"), Edit::replace(Span::new(start + inner.len(), start + body.len()), "）")];
    out.push(
        Finding::new(Span::new(start, start + body.len()), format!("附注“{body}”应加圆括号"))
            .help(format!("写作“（{inner}）”，编排在成文日期下一行"))
            .fix(Fix::unsafe_(format!("改为“（{inner}）”"), edits))
            .en("An annotation is enclosed in parentheses"),
    );
}

fn check_contact(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.text();
    let lines: Vec<&str> = cx
        .doc
        .lines
        .iter()
        .filter(|(l, _)| !cx.doc.masks.hits(MaskSet::NON_TEXT, l.span))
        .map(|(l, _)| l.span.text(text))
        .collect();
    let person = lines.iter().position(|s| CONTACT.is_match(s));
    let phone_near = person.is_some_and(|i| {
        lines[i..(i + 2).min(lines.len())].iter().any(|s| PHONE.is_match(s))
            || lines[i].contains("电话") && PHONE.is_match(lines.get(i + 1).unwrap_or(&""))
    });
    let span = cx.doc.date.as_ref().or(cx.doc.title.as_ref()).map_or(Span::default(), |f| f.span);
    let message = match (person, phone_near) {
        (None, _) => "请示未注明联系人和联系电话（实务：请示在附注处注明联系人姓名和电话）",
        (Some(_), false) => "请示注明了联系人，但未写联系电话（实务：请示在附注处注明联系人姓名和电话）",
        _ => return,
    };
    // The contact line was asked for by the 2000 办法, which the 条例 and GB/T 9704-2012 do not
    // repeat, and published copies often drop it: practice, so information only.
    out.push(
        Finding::new(span, message)
            .help("在成文日期下一行加附注，如“（联系人：张某，联系电话：0750-1234567）”")
            .severity(Severity::Info)
            .en("Practice: a request names a contact person and telephone number"),
    );
}

#[cfg(test)]
mod tests {
    use crate::test_support::{codes_in, lint_text};

    const REQ: &str =
        "示例市教育局关于申请校舍维修资金的请示\n示例市人民政府：\n妥否，请批示。\n示例市教育局\n2024年4月8日\n";

    #[test]
    fn annotation_needs_parentheses() {
        let d = lint_text("t.txt", &format!("{REQ}联系人：李某，联系电话：0750-3212345\n"), "GW310");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("圆括号"));
        let d = lint_text(
            "t.txt",
            "示例市人民政府关于开展检查的通知\n各区人民政府：\n正文。\n示例市人民政府\n2024年3月5日\n此件公开发布\n",
            "GW310",
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn request_without_contact() {
        let d = lint_text("t.txt", REQ, "GW310");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("实务"));
        let d = lint_text("t.txt", &format!("{REQ}（联系人：李某）\n"), "GW310");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("电话"));
    }

    #[test]
    fn good_annotations_stay_silent() {
        assert!(codes_in("t.txt", &format!("{REQ}（联系人：李某，联系电话：0750-3212345）\n"), "GW310").is_empty());
        assert!(codes_in("t.txt", &format!("{REQ}（联系人：李某，电话：13800000000）\n"), "GW310").is_empty());
        let notice = "示例市人民政府关于开展检查的通知\n各区人民政府：\n正文。\n示例市人民政府\n2024年3月5日\n（此件公开发布）\n";
        assert!(codes_in("t.txt", notice, "GW310").is_empty());
    }

    #[test]
    fn a_missing_contact_is_practice_and_information_only() {
        let text = "示例市教育局关于申请维修资金的请示\n示例市人民政府：\n妥否，请批示。\n示例市教育局\n2024年3月5日\n";
        let d = lint_text("t.txt", text, "GW310");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
    }
}
