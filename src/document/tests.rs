use super::*;
use crate::source::Source;

fn seed() -> Source {
    Source::from_text("jiangmen.txt", include_str!("../../fixtures/seed/jiangmen-work-rules-2023.txt"))
}

fn text_of<'a>(src: &'a Source, f: &Option<crate::span::Field>) -> &'a str {
    f.as_ref().map(|f| f.span.text(&src.text)).unwrap_or("")
}

#[test]
fn seed_parts_are_recognised_with_exact_spans() {
    let src = seed();
    let doc = recognise(&src);
    assert_eq!(text_of(&src, &doc.header.issuer_mark), "江门市人民政府文件");
    assert_eq!(text_of(&src, &doc.header.doc_number), "江府〔2023〕20号");
    assert_eq!(text_of(&src, &doc.title), "江门市人民政府关于印发《江门市人民政府 工作规则》的通知");
    assert_eq!(doc.kind(), Some(DocKind::通知));
    assert_eq!(doc.direction(), Some(Direction::Down));
    let main = doc.main_recipients.as_ref().expect("主送");
    assert_eq!(main.field.span.text(&src.text), "各县（市、区）人民政府，市政府各部门、各直属事业单位：");
    let items: Vec<_> = main.items.iter().map(|i| i.span.text(&src.text)).collect();
    assert_eq!(items, ["各县（市、区）人民政府", "市政府各部门", "各直属事业单位"]);
    assert_eq!(doc.body_paragraphs().count(), 1);
    assert_eq!(doc.signature.len(), 1);
    assert_eq!(doc.signature[0].span.text(&src.text), "江门市人民政府");
    assert_eq!(text_of(&src, &doc.date), "2023年9月22日");
    assert_eq!(doc.issuer.as_ref().map(|i| i.name.as_str()), Some("江门市人民政府"));
    assert_eq!(doc.attachments.len(), 1);
    let att = &doc.attachments[0];
    assert!(att.forwarded);
    assert_eq!(text_of(&src, &att.title), "江门市人民政府工作规则");
    assert_eq!(text_of(&src, &doc.public_attribute), "公开方式：主动公开");
    let cc = doc.colophon.cc.as_ref().expect("抄送");
    assert_eq!(cc.items.len(), 6);
    assert_eq!(cc.items[5].span.text(&src.text), "市检察院");
    assert_eq!(text_of(&src, &doc.colophon.printer), "江门市人民政府办公室秘书科");
    assert_eq!(text_of(&src, &doc.colophon.print_date), "2023年9月22日发");
}

#[test]
fn seed_structure_levels() {
    let src = seed();
    let doc = recognise(&src);
    let chapters =
        doc.body.iter().filter(|p| p.ordinal.as_ref().is_some_and(|o| o.style == OrdinalStyle::Chapter)).count();
    assert!(chapters >= 5, "{chapters}");
    let last_article = doc
        .body
        .iter()
        .filter_map(|p| p.ordinal.as_ref())
        .filter(|o| o.style == OrdinalStyle::Chinese)
        .map(|o| o.number)
        .max();
    assert_eq!(last_article, Some(45));
    // The attachment body is the forwarded regulation: masked for content rules.
    let and_at = src.text.find(" and 党中央").unwrap();
    assert!(doc.masks.hits(MaskSet::of(&[MaskKind::Forwarded]), crate::span::Span::new(and_at, and_at + 4)));
}

#[test]
fn partial_draft_invents_nothing() {
    let src = Source::from_text("p.txt", "各单位要高度重视,认真落实(详见附件).\n请于9月30日前报送。\n");
    let doc = recognise(&src);
    assert!(doc.title.is_none());
    assert!(doc.main_recipients.is_none());
    assert!(doc.date.is_none());
    assert!(doc.signature.is_empty());
    assert!(doc.kind.is_none());
    assert_eq!(doc.body_paragraphs().count(), 2);
}

#[test]
fn request_with_header_signer_note_and_annotation() {
    let text = "000012\n机密★1年\n特急\n示例市卫生健康局文件\n示卫健〔2024〕12号　　签发人：张某\n关于申请增加编制的请示\n示例市人民政府：\n为加强基层卫生工作，拟申请增加事业编制5名。\n妥否，请批示。\n附件：1.编制需求测算表\n      2.工作方案\n示例市卫生健康局\n2024年3月5日\n（联系人：李某，联系电话：0750-1234567）\n附件1\n编制需求测算表\n表格内容\n附件2\n工作方案\n方案内容\n抄送：市财政局。\n示例市卫生健康局办公室　　2024年3月5日印发\n";
    let src = Source::from_text("r.txt", text);
    let doc = recognise(&src);
    assert_eq!(text_of(&src, &doc.header.copy_number), "000012");
    assert_eq!(text_of(&src, &doc.header.secrecy), "机密★1年");
    assert_eq!(text_of(&src, &doc.header.urgency), "特急");
    assert_eq!(text_of(&src, &doc.header.doc_number), "示卫健〔2024〕12号");
    assert_eq!(doc.header.signers.iter().map(|s| s.span.text(text)).collect::<Vec<_>>(), ["张某"]);
    assert_eq!(doc.kind(), Some(DocKind::请示));
    assert_eq!(doc.direction(), Some(Direction::Up));
    assert_eq!(doc.body_paragraphs().count(), 2);
    let note = doc.attachment_note.as_ref().expect("附件说明");
    assert_eq!(note.items.len(), 2);
    assert_eq!(note.items[1].name.span.text(text), "工作方案");
    assert_eq!(note.items[1].number, Some(2));
    assert_eq!(text_of(&src, &doc.annotation), "（联系人：李某，联系电话：0750-1234567）");
    assert_eq!(doc.attachments.len(), 2);
    assert_eq!(doc.attachments[1].number, Some(2));
    assert!(!doc.attachments[0].forwarded);
    assert_eq!(text_of(&src, &doc.colophon.printer), "示例市卫生健康局办公室");
    assert_eq!(text_of(&src, &doc.colophon.print_date), "2024年3月5日印发");
    assert_eq!(doc.colophon.cc.as_ref().unwrap().items.len(), 1);
}

#[test]
fn markdown_draft_with_front_matter() {
    let text = "---\n文种: 报告\n发文机关: 示例市交通运输局\n---\n\n# 关于2024年道路养护工作情况的报告\n\n示例市人民政府：\n\n现将有关情况报告如下。\n\n> 某县来文称“妥否，请批示”。\n\n特此报告。\n\n示例市交通运输局\n\n2024年12月5日\n";
    let src = Source::from_text("r.md", text);
    let doc = recognise(&src);
    assert_eq!(doc.kind.as_ref().map(|k| (k.kind, k.evidence)), Some((DocKind::报告, Evidence::FrontMatter)));
    assert_eq!(
        doc.issuer.as_ref().map(|i| (i.name.as_str(), i.evidence)),
        Some(("示例市交通运输局", Evidence::FrontMatter))
    );
    assert_eq!(text_of(&src, &doc.title), "关于2024年道路养护工作情况的报告");
    assert!(doc.main_recipients.is_some());
    assert_eq!(doc.body_paragraphs().count(), 3);
    let quote_at = text.find("妥否").unwrap();
    assert!(doc.masks.hits(MaskSet::NOT_OWN_WORDS, crate::span::Span::new(quote_at, quote_at + 6)));
    assert_eq!(text_of(&src, &doc.date), "2024年12月5日");
}

#[test]
fn two_line_title() {
    let text = "示例市人民政府办公室关于进一步加强\n安全生产工作的通知\n各区人民政府：\n正文。\n";
    let src = Source::from_text("t.txt", text);
    let doc = recognise(&src);
    assert_eq!(text_of(&src, &doc.title), "示例市人民政府办公室关于进一步加强\n安全生产工作的通知");
    assert!(doc.main_recipients.is_some());
}

#[test]
fn padded_two_character_signer_name() {
    let text =
        "示例市卫生健康局文件\n示卫健〔2024〕12号　　签发人：王　五　张三丰\n示例市卫生健康局关于申请专项资金的请示\n";
    let doc = recognise(&Source::from_text("s.txt", text));
    let names: Vec<_> = doc.header.signers.iter().map(|s| s.span.text(text)).collect();
    assert_eq!(names, ["王　五", "张三丰"]);
}

#[test]
fn lines_know_whether_they_hold_a_doc_number() {
    let src = seed();
    let doc = recognise(&src);
    for (line, _) in &doc.lines {
        assert_eq!(line.doc_number, DOC_NUMBER.is_match(line.span.text(&src.text)), "{:?}", line.span.text(&src.text));
    }
    assert!(doc.lines.iter().any(|(l, _)| l.doc_number));
}
