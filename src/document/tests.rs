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

/// A number that reads as a date in figures (20250312) alone on a line in the middle of the
/// body is no 成文日期: the main text runs on to the signature and its date. Under a
/// signature it is the date.
#[test]
fn a_date_in_figures_mid_body_does_not_end_the_main_text() {
    let text = "示例县教育局关于申请维修资金的请示\n示例县人民政府：\n拟申请资金50万元，项目编号为：\n20250312\n经费使用方案附后。\n项目实施后将按期验收。\n妥否，请批示。\n示例县教育局\n2025年4月1日\n";
    let src = Source::from_text("r.txt", text);
    let doc = recognise(&src);
    assert_eq!(text_of(&src, &doc.date), "2025年4月1日");
    assert_eq!(doc.body_paragraphs().count(), 5);
    let typed = text.replace("2025年4月1日", "2025.4.1");
    let src = Source::from_text("r.txt", &typed);
    assert_eq!(text_of(&src, &recognise(&src).date), "2025.4.1");
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

/// A plan without a 主送: its first paragraph (which mentions 关于 and ends in a kind word) is
/// not the title run on.
#[test]
fn a_first_paragraph_is_not_the_title_run_on() {
    let text = "示例厂2025年安全生产月活动实施方案\n为深入贯彻落实公司关于开展2025年安全生产月活动的部署要求，进一步压实全员安全生产责任，坚决遏制各类生产安全事故发生，结合我厂实际，制定本方案。\n一、活动主题\n人人讲安全。\n";
    let src = Source::from_text("t.txt", text);
    let doc = recognise(&src);
    assert_eq!(text_of(&src, &doc.title), "示例厂2025年安全生产月活动实施方案");
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

/// What a layout case must be recognised as.
struct Expect<'a> {
    title: &'a str,
    kind: Option<DocKind>,
    issuer: Option<&'a str>,
    recipients: &'a [&'a str],
    date: &'a str,
    doc_number: &'a str,
}

fn check_layout(name: &str, text: &str, e: Expect) {
    let src = Source::from_text(name, text);
    let doc = recognise(&src);
    assert_eq!(text_of(&src, &doc.title).replace('\n', ""), e.title, "{name}: title");
    assert_eq!(doc.kind(), e.kind, "{name}: kind");
    assert_eq!(doc.issuer.as_ref().map(|i| i.name.as_str()), e.issuer, "{name}: issuer");
    let items: Vec<&str> =
        doc.main_recipients.iter().flat_map(|m| m.items.iter()).map(|i| i.span.text(&src.text)).collect();
    assert_eq!(items, e.recipients, "{name}: 主送");
    assert_eq!(text_of(&src, &doc.date), e.date, "{name}: date");
    assert_eq!(text_of(&src, &doc.header.doc_number), e.doc_number, "{name}: 文号");
}

#[test]
fn issuer_mark_without_wenjian_and_placeholders() {
    check_layout(
        "bare-mark.txt",
        "某某县农业农村局\n某农〔2024〕12号\n关于农田水利建设情况的报告\n某某县人民政府：\n今年以来，我局扎实推进农田水利建设。\n特此报告。\n某某县农业农村局\n2024年3月5日\n",
        Expect {
            title: "关于农田水利建设情况的报告",
            kind: Some(DocKind::报告),
            issuer: Some("某某县农业农村局"),
            recipients: &["某某县人民政府"],
            date: "2024年3月5日",
            doc_number: "某农〔2024〕12号",
        },
    );
    check_layout(
        "placeholders.txt",
        "××县农业农村局\n×农〔20××〕×号\n关于××的请示\n××县人民政府：\n为……，拟申请资金×万元。\n妥否，请批示。\n××县农业农村局\n20××年×月×日\n",
        Expect {
            title: "关于××的请示",
            kind: Some(DocKind::请示),
            issuer: Some("××县农业农村局"),
            recipients: &["××县人民政府"],
            date: "20××年×月×日",
            doc_number: "×农〔20××〕×号",
        },
    );
}

/// Mastheads drafters write outside the `X文件` pattern (found on an independent tester's
/// correct drafts, where every part went unrecognised): a kind word alone under the organ's
/// name with an issue number below (纪要, 公告), and an organ name the model does not know with
/// a 发文字号 right under it.
#[test]
fn kind_mastheads_and_unknown_organ_names_over_a_number() {
    check_layout(
        "minutes.txt",
        "中共某某镇某某村支部委员会\n\n会　议　纪　要\n\n〔2025〕第7期\n\n某某村党支部关于人居环境整治工作的会议纪要\n\n　　2025年7月28日，村党支部召开支部委员会会议。现将议定事项纪要如下：\n　　一、抓好环境卫生。\n出席：张三、李四\n",
        Expect {
            title: "某某村党支部关于人居环境整治工作的会议纪要",
            kind: Some(DocKind::纪要),
            issuer: Some("中共某某镇某某村支部委员会"),
            recipients: &[],
            date: "",
            doc_number: "",
        },
    );
    check_layout(
        "announcement.txt",
        "某某县某某镇某某村民委员会\n公　告\n（2025年第2号）\n\n关于推进殡葬改革的公告\n\n　　为推进移风易俗，现将有关事项公告如下：\n　　一、提倡节俭办丧事。\n某某县某某镇某某村民委员会\n2025年3月10日\n",
        Expect {
            title: "关于推进殡葬改革的公告",
            kind: Some(DocKind::公告),
            issuer: Some("某某县某某镇某某村民委员会"),
            recipients: &[],
            date: "2025年3月10日",
            doc_number: "",
        },
    );
    check_layout(
        "unknown-organ.txt",
        "某某县国有某某林场\n某林字〔2025〕3号\n\n关于做好森林防火工作的通知\n\n场属各分场：\n　　为做好森林防火工作，现通知如下。\n某某县国有某某林场\n2025年9月28日\n",
        Expect {
            title: "关于做好森林防火工作的通知",
            kind: Some(DocKind::通知),
            issuer: Some("某某县国有某某林场"),
            recipients: &["场属各分场"],
            date: "2025年9月28日",
            doc_number: "某林字〔2025〕3号",
        },
    );
}

/// An attachment note naming a 领导小组's roster is the note, not a person signing (`领导`
/// reads as a title).
#[test]
fn an_attachment_note_naming_a_leading_group_is_no_signature() {
    let text = "某镇人民政府关于规范民宿管理的意见\n各村（社区）：\n　　一、加强管理。\n\n　　附件：某镇民宿管理工作领导小组成员名单\n\n　　　　　　某镇人民政府\n　　　　　　2025年9月15日\n";
    let src = Source::from_text("note.txt", text);
    let doc = recognise(&src);
    let signature: Vec<&str> = doc.signature.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(signature, ["某镇人民政府"]);
    assert!(doc.attachment_note.is_some(), "the 附件 note");
}

#[test]
fn joint_issuer_marks() {
    check_layout(
        "joint.txt",
        "中共某某县委办公室\n某某县人民政府办公室\n文件\n某委办发〔2024〕3号\n关于做好防汛工作的通知\n各乡镇党委和人民政府，县直各单位：\n现将有关事项通知如下。\n中共某某县委办公室　　某某县人民政府办公室\n2024年5月6日\n",
        Expect {
            title: "关于做好防汛工作的通知",
            kind: Some(DocKind::通知),
            issuer: Some("中共某某县委办公室"),
            recipients: &["各乡镇党委和人民政府", "县直各单位"],
            date: "2024年5月6日",
            doc_number: "某委办发〔2024〕3号",
        },
    );
    // `文件` in a text box beside the stacked names, read before them.
    check_layout(
        "joint-side.txt",
        "文件\n中共某某县委办公室\n某某县人民政府办公室\n某委办发〔2024〕3号\n关于做好防汛工作的通知\n各乡镇党委和人民政府，县直各单位：\n现将有关事项通知如下。\n中共某某县委办公室　　某某县人民政府办公室\n2024年5月6日\n",
        Expect {
            title: "关于做好防汛工作的通知",
            kind: Some(DocKind::通知),
            issuer: Some("中共某某县委办公室"),
            recipients: &["各乡镇党委和人民政府", "县直各单位"],
            date: "2024年5月6日",
            doc_number: "某委办发〔2024〕3号",
        },
    );
    // A two-line title whose first line is the joint issuers.
    check_layout(
        "joint-title.txt",
        "某某市财政局　某某市教育局\n关于下达2024年学前教育资金的通知\n各县（市、区）财政局、教育局：\n现将资金下达给你们。\n某某市财政局　　某某市教育局\n2024年4月1日\n",
        Expect {
            title: "某某市财政局　某某市教育局关于下达2024年学前教育资金的通知",
            kind: Some(DocKind::通知),
            issuer: Some("某某市财政局"),
            recipients: &["各县（市、区）财政局", "教育局"],
            date: "2024年4月1日",
            doc_number: "",
        },
    );
}

#[test]
fn lines_between_title_and_recipients() {
    let body = "县人民政府：\n我局拟于6月开展培训。\n妥否，请批示。\n某某县教育局\n2024年3月5日\n";
    for (name, between) in [
        ("number-under-title", "某教〔2024〕8号\n"),
        ("signer-under-title", "签发人：张三\n"),
        ("date-note", "（2024年3月5日）\n"),
        ("issuer-line", "某某县教育局\n"),
        ("number-and-signer", "某教〔2024〕8号　　签发人：张三\n"),
    ] {
        let text = format!("关于开展教师培训的请示\n{between}{body}");
        let src = Source::from_text(name, &text);
        let doc = recognise(&src);
        assert_eq!(text_of(&src, &doc.title), "关于开展教师培训的请示", "{name}");
        assert_eq!(doc.kind(), Some(DocKind::请示), "{name}");
        let items: Vec<&str> =
            doc.main_recipients.iter().flat_map(|m| m.items.iter()).map(|i| i.span.text(&src.text)).collect();
        assert_eq!(items, ["县人民政府"], "{name}");
        assert_eq!(doc.body_paragraphs().count(), 2, "{name}");
        assert_eq!(text_of(&src, &doc.date), "2024年3月5日", "{name}");
    }
}

#[test]
fn titles_with_notes_keep_their_kind() {
    for title in [
        "关于加强耕地保护的意见（征求意见稿）",
        "某某市人民政府关于加强耕地保护的意见(试行)",
        "关于2023年度财政预算执行情况的报告——2024年6月在市人大常委会会议上",
    ] {
        let text = format!("{title}\n各区人民政府：\n正文。\n");
        let doc = recognise(&Source::from_text("t.txt", &text));
        assert!(doc.kind().is_some(), "{title}");
        assert!(doc.title.is_some(), "{title}");
    }
}

#[test]
fn report_delivered_as_a_speech() {
    let text = "关于2023年度环境状况和环境保护目标完成情况的报告\n——2024年6月25日在某某市第十六届人民代表大会常务委员会第二十次会议上\n某某市人民政府副市长　张三\n主任、各位副主任、秘书长、各位委员：\n我受市人民政府委托，报告2023年度环境状况。\n一、环境质量状况\n全市空气质量持续改善。\n";
    let src = Source::from_text("speech.txt", text);
    let doc = recognise(&src);
    assert_eq!(doc.kind(), Some(DocKind::报告));
    assert_eq!(doc.form, Form::Speech);
    assert!(doc.main_recipients.is_none(), "a salutation is not a 主送");
    assert_eq!(doc.body_paragraphs().count(), 3);
}

#[test]
fn signature_and_date_on_one_line_seal_and_yuanyue() {
    for (name, tail, date) in [
        ("one-line", "某某县教育局　　2024年3月5日\n", "2024年3月5日"),
        ("seal", "某某县教育局\n（盖章）\n2024年3月5日\n", "2024年3月5日"),
        ("seal-after", "某某县教育局\n2024年3月5日\n（盖章）\n", "2024年3月5日"),
        ("yuanyue", "某某县教育局\n2024年元月5日\n", "2024年元月5日"),
        ("chinese", "某某县教育局\n二〇二四年三月五日\n", "二〇二四年三月五日"),
    ] {
        let text = format!("关于开展教师培训的请示\n县人民政府：\n我局拟于6月开展培训。\n妥否，请批示。\n{tail}");
        let src = Source::from_text(name, &text);
        let doc = recognise(&src);
        assert_eq!(text_of(&src, &doc.date), date, "{name}");
        assert_eq!(doc.signature.first().map(|f| f.text.as_str()), Some("某某县教育局"), "{name}");
        assert_eq!(doc.body_paragraphs().count(), 2, "{name}");
        assert_eq!(doc.issuer.as_ref().map(|i| i.name.as_str()), Some("某某县教育局"), "{name}");
    }
}

#[test]
fn government_order() {
    let text = "某某市人民政府令\n第 12 号\n《某某市城市绿化管理办法》已经2024年3月1日市人民政府第30次常务会议通过，现予公布，自2024年5月1日起施行。\n市长　张三\n2024年3月5日\n某某市城市绿化管理办法\n第一条　为了加强城市绿化管理，制定本办法。\n";
    check_layout(
        "order.txt",
        text,
        Expect {
            title: "",
            kind: Some(DocKind::命令),
            issuer: Some("某某市人民政府"),
            recipients: &[],
            date: "2024年3月5日",
            doc_number: "第 12 号",
        },
    );
    let doc = recognise(&Source::from_text("order.txt", text));
    assert_eq!(doc.form, Form::Order);
    assert_eq!(doc.attachments.len(), 1);
    assert!(doc.attachments[0].forwarded, "the promulgated 规章 is not the order's own words");
}

#[test]
fn minutes_with_issue_number() {
    let text = "某某市人民政府常务会议纪要\n第12期\n某某市人民政府办公室　　　　2024年5月6日\n2024年5月5日，市长张三主持召开市政府常务会议。会议纪要如下：\n一、审议通过了……\n出席：张三、李四\n";
    let src = Source::from_text("minutes.txt", text);
    let doc = recognise(&src);
    assert_eq!(doc.kind(), Some(DocKind::纪要));
    assert!(doc.main_recipients.is_none());
    assert!(doc.body_paragraphs().count() >= 3);
    assert!(doc.date.is_none(), "the date under a 纪要 title is not the 成文日期 of a signature block");
}

#[test]
fn letter_format_and_colonless_recipient_still_work() {
    check_layout(
        "letter.txt",
        "某某市自然资源局\n关于商请办理用地手续的函\n某某市住房和城乡建设局\n我局拟建设档案用房，恳请贵局予以支持。\n请予函复。\n某某市自然资源局\n2024年3月5日\n",
        Expect {
            // An organ's name right above a 关于 line is read as the title's first line.
            title: "某某市自然资源局关于商请办理用地手续的函",
            kind: Some(DocKind::函),
            issuer: Some("某某市自然资源局"),
            recipients: &["某某市住房和城乡建设局"],
            date: "2024年3月5日",
            doc_number: "",
        },
    );
}

#[test]
fn recipient_lists_of_places_and_leaders() {
    for (line, n) in [
        ("张家港市、常熟市、太仓市、昆山市人民政府，吴江区、吴中区人民政府，苏州工业园区管委会：", 7),
        ("区委张书记、区政府李区长：", 2),
        ("儋州市民政局主要领导：", 1),
    ] {
        let text = format!("关于做好臭氧污染防治工作的通知\n{line}\n现就有关工作要求如下。\n");
        let src = Source::from_text("r.txt", &text);
        let doc = recognise(&src);
        let items = doc.main_recipients.as_ref().map_or(0, |m| m.items.len());
        assert_eq!(items, n, "{line}");
    }
    // A sentence ending in a colon is still no 主送.
    let text = "关于征收土地的预公告\n为保障城市建设用地需要，根据《土地管理法》的规定，现发布征收土地预公告：\n一、征收范围\n";
    assert!(recognise(&Source::from_text("r.txt", text)).main_recipients.is_none());
}

#[test]
fn wrapped_and_letter_spaced_marks() {
    check_layout(
        "wrapped-mark.txt",
        "琼中黎族苗族自治县\n人民政府文件\n\n琼中府〔2026〕21号\n\n琼中黎族苗族自治县人民政府\n关于生态环境保护工作情况的报告\n\n海南省人民政府：\n今年以来，我县生态环境质量持续保持优良。\n特此报告。\n\n琼中黎族苗族自治县人民政府\n2026年7月8日\n",
        Expect {
            title: "琼中黎族苗族自治县人民政府关于生态环境保护工作情况的报告",
            kind: Some(DocKind::报告),
            issuer: Some("琼中黎族苗族自治县人民政府"),
            recipients: &["海南省人民政府"],
            date: "2026年7月8日",
            doc_number: "琼中府〔2026〕21号",
        },
    );
    check_layout(
        "spaced-joint-mark.txt",
        "株洲市人力资源和社会保障局\n株 洲 市 财 政 局\n\n株财社〔2026〕9号\n\n株洲市人力资源和社会保障局　株洲市财政局\n关于做好就业见习工作的通知\n\n各县（市、区）人力资源和社会保障局、财政局：\n现就有关事项通知如下。\n\n株洲市人力资源和社会保障局　　株洲市财政局\n2026年3月18日\n",
        Expect {
            title: "株洲市人力资源和社会保障局　株洲市财政局关于做好就业见习工作的通知",
            kind: Some(DocKind::通知),
            issuer: Some("株洲市人力资源和社会保障局"),
            recipients: &["各县（市、区）人力资源和社会保障局", "财政局"],
            date: "2026年3月18日",
            doc_number: "株财社〔2026〕9号",
        },
    );
    check_layout(
        "spaced-mark.txt",
        "江 门 市 财 政 局 文 件\n江财〔2026〕3号\n关于下达资金的通知\n各县（市、区）财政局：\n现将资金下达给你们。\n江门市财政局\n2026年3月18日\n",
        Expect {
            title: "关于下达资金的通知",
            kind: Some(DocKind::通知),
            issuer: Some("江门市财政局"),
            recipients: &["各县（市、区）财政局"],
            date: "2026年3月18日",
            doc_number: "江财〔2026〕3号",
        },
    );
}

#[test]
fn bare_mark_above_a_title_over_two_lines() {
    check_layout(
        "mark-two-line-title.txt",
        "陇西县首阳镇人民政府\n\n首阳镇人民政府关于申请中药材产地交易市场\n建设补助资金的请示\n\n定西市人民政府：\n我镇拟建设交易市场。\n妥否，请批示。\n\n首阳镇人民政府\n2026年3月23日\n",
        Expect {
            title: "首阳镇人民政府关于申请中药材产地交易市场建设补助资金的请示",
            kind: Some(DocKind::请示),
            issuer: Some("陇西县首阳镇人民政府"),
            recipients: &["定西市人民政府"],
            date: "2026年3月23日",
            doc_number: "",
        },
    );
}

/// In a draft going down, `请贵院……` tells the recipient what to do; a request for a decision
/// (`请市政府批准`) or a request closing still asks, whoever reads it.
#[test]
fn requests_in_a_downward_draft_are_instructions_unless_they_ask_for_a_decision() {
    let orgs = crate::org::OrgView::new(&[]).expect("empty view");
    let settings = crate::config::Settings::default();
    let doc_of = |text: &str| crate::engine::build_document(&Source::from_text("n.txt", text), &settings, &orgs);
    let text = "郑州市卫生健康委员会关于做好秋冬季呼吸道传染病防控工作的通知\n市直各医疗卫生单位：\n　　一、做好医疗救治。请贵院科学调配发热门诊医疗资源，延长服务时间。\n\n郑州市卫生健康委员会\n2025年10月15日\n";
    let doc = doc_of(text);
    assert_eq!(doc.direction(), Some(Direction::Down));
    assert!(doc.requests.is_empty(), "{:?}", doc.requests);
    assert!(doc.not_requests.iter().any(|n| n.act.text(text) == "请"));
    let asks = text.replace("请贵院科学调配发热门诊医疗资源，延长服务时间", "请市政府批准增设发热门诊");
    assert_eq!(doc_of(&asks).requests.len(), 1);
}

/// `（一）个人申请。`: a run-in heading that ends in an asking word names a step; it asks nothing.
#[test]
fn a_heading_naming_a_step_is_no_request() {
    let orgs = crate::org::OrgView::new(&[]).expect("empty view");
    let settings = crate::config::Settings::default();
    let text = "大庆市总工会关于开展“金秋助学”活动的通知\n各县区总工会：\n　　三、工作程序\n　　（一）个人申请。符合条件的职工提出书面申请。\n\n大庆市总工会\n2025年8月1日\n";
    let doc = crate::engine::build_document(&Source::from_text("n.txt", text), &settings, &orgs);
    assert!(doc.requests.is_empty(), "{:?}", doc.requests);
    assert!(doc.not_requests.iter().any(|n| n.reason == crate::lang::request::NotRequest::Noun));
}

/// A `抄送：` line written above the signature is still the 抄送.
#[test]
fn a_copy_line_above_the_signature() {
    let text = "上海市杨浦区教育局关于实施校园食堂改造提升工程的请示\n杨浦区人民政府：\n　　拟改造食堂15个。\n　　妥否，请批示。\n\n抄送：区财政局，局属各中小学。\n\n上海市杨浦区教育局\n2025年3月3日\n";
    let src = Source::from_text("r.txt", text);
    let doc = recognise(&src);
    let cc = doc.colophon.cc.as_ref().expect("抄送");
    assert_eq!(cc.items.len(), 2);
    assert!(doc.body_paragraphs().all(|p| !p.span.text(text).contains("抄送")));
    assert_eq!(doc.signature.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["上海市杨浦区教育局"]);
}

#[test]
fn lines_between_title_and_recipients_of_a_report_to_a_congress() {
    // The adoption record a web copy printed without its brackets, and who presents the report:
    // both stand between the title and the 主送, which is still found.
    for under_title in [
        "2013年7月26日某省第十二届人民代表大会常务委员会第四次会议通过",
        "某省人民代表大会常务委员会代表资格审查委员会主任委员　张某某",
    ] {
        let text = format!(
            "某省人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告\n{under_title}\n某省人大常委会：\n经审查，某某的代表资格有效。\n以上报告，请予审议。\n某省人大常委会代表资格审查委员会\n2013年7月24日\n"
        );
        let src = Source::from_text("r.txt", &text);
        let doc = recognise(&src);
        assert_eq!(
            doc.main_recipients.as_ref().map(|m| m.field.text.as_str()),
            Some("某省人大常委会："),
            "{under_title}"
        );
        assert_eq!(doc.preamble.len(), 1, "{under_title}");
    }
}

#[test]
fn a_bulletins_compiler_and_a_minutes_organ_line_name_the_issuer() {
    let issuer = |text: &str| {
        let src = Source::from_text("b.txt", text);
        recognise(&src).issuer.map(|i| (i.name, i.evidence))
    };
    let bulletin = |compiled: &str| {
        format!(
            "迎丰社区工作简报\n第6期（总第46期）\n{compiled}\n\n社区联合司法所化解一起纠纷\n7月上旬，社区网格员入户走访。\n"
        )
    };
    for compiled in ["某区某街道迎丰社区居民委员会编　　2025年7月25日", "某区某街道迎丰社区居民委员会　　2025年7月25日"]
    {
        assert_eq!(
            issuer(&bulletin(compiled)),
            Some(("某区某街道迎丰社区居民委员会".to_string(), Evidence::Compiler)),
            "{compiled}"
        );
    }
    // Beside a date under another title, an organ is no compiler.
    let report =
        "关于2025年防汛工作的情况\n某区某街道迎丰社区居民委员会　　2025年7月25日\n今年以来，社区做好防汛工作。\n";
    assert_eq!(issuer(report), None);
    let minutes =
        "某市某区人大常委会\n主任会议纪要\n第9期\n某区人大常委会办公室　　2025年4月18日\n会议研究了有关事项。\n";
    assert_eq!(issuer(minutes), Some(("某市某区人大常委会".to_string(), Evidence::Title)));
    // On one line, the meeting between the organ and the kind; a title wrapped anywhere, as a
    // long one is; a masthead line; a joint meeting's lead organ. A meeting named for its work,
    // or a topic between the organ and the meeting, names no organ (GW004 says so).
    for (title, organ) in [
        ("婺源县人大常委会主任会议纪要", Some("婺源县人大常委会")),
        ("江门市人民政府第15次常务会议纪要", Some("江门市人民政府")),
        ("示例县交通运输局局长办公会议纪要", Some("示例县交通运输局")),
        ("婺源县教育局局务会议纪要", Some("婺源县教育局")),
        ("江西师范大学校务会议纪要", Some("江西师范大学")),
        ("婺源县人大常\n委会主任会议纪要", Some("婺源县人大常委会")),
        ("婺源县人民政府\n乡村振兴专题会议纪要", Some("婺源县人民政府")),
        ("婺源县委办公室、县政府办公室联席会议纪要", Some("婺源县委办公室")),
        ("全市安全生产工作会议纪要", None),
        ("婺源县乡村振兴工作领导小组会议纪要", None),
        ("上饶市中心城区建设指挥部会议纪要", None),
        ("示例县人民政府与示例集团工作座谈会纪要", None),
    ] {
        let minutes = format!("{title}\n第6期\n某县某办公室　　2025年5月16日\n会议研究了有关事项。\n");
        let expected = organ.map(|o| (o.to_string(), Evidence::Title));
        assert_eq!(issuer(&minutes), expected, "{title}");
    }
}
