//! `gwlint parse`: show the recognised document model, so a drafter can see what gwlint saw.

use super::files::{self, Overrides, ReadError, SettingsCache};
use super::{ModelFormat, ParseArgs};
use gwlint::document::{Document, Part};
use gwlint::packs::AppliedPacks;
use gwlint::source::Source;
use gwlint::span::{Field, Span};
use serde_json::{Map, Value};

pub fn run(args: ParseArgs) -> Result<u8, String> {
    let (source, _) = match files::read(&args.file, args.stdin_filename.as_deref()) {
        Ok(r) => r,
        Err(ReadError::Io(m)) => return Err(format!("{}：{m}", args.file.display())),
        Err(ReadError::Decode(e)) => return Err(format!("{}：{e}", args.file.display())),
    };
    let cache = SettingsCache::new(args.config.as_deref(), Overrides::default())?;
    let resolved = cache.for_file(&args.file)?;
    let doc = gwlint::engine::build_document(&source, &resolved.settings, &resolved.orgs);
    let packs = resolved.settings.packs_for(doc.parties.sender.as_ref(), &resolved.orgs);
    match args.format {
        ModelFormat::Json => {
            let mut value = serde_json::to_value(&doc).map_err(|e| e.to_string())?;
            locate(&mut value, &source);
            let mut top = Map::new();
            top.insert("path".into(), Value::String(source.display_path()));
            top.insert("encoding".into(), Value::String(source.encoding.name().into()));
            top.insert("line_ending".into(), serde_json::to_value(source.line_ending).map_err(|e| e.to_string())?);
            top.insert("rule_packs".into(), serde_json::to_value(&packs).map_err(|e| e.to_string())?);
            if let Value::Object(fields) = value {
                top.extend(fields);
            }
            println!("{}", serde_json::to_string_pretty(&Value::Object(top)).map_err(|e| e.to_string())?);
        }
        ModelFormat::Human => print_human(&source, &doc, &packs),
    }
    Ok(0)
}

/// Replace every `{start, end}` byte span with byte offsets plus 1-based line and character
/// column positions, the units people and editors use.
fn locate(value: &mut Value, source: &Source) {
    match value {
        Value::Object(map) => {
            let is_span = map.len() == 2
                && map.get("start").is_some_and(Value::is_u64)
                && map.get("end").is_some_and(Value::is_u64);
            if is_span {
                let start = map["start"].as_u64().unwrap_or(0) as usize;
                let end = map["end"].as_u64().unwrap_or(0) as usize;
                let (s, e) = (source.line_col(start), source.line_col(end));
                *value = serde_json::json!({
                    "byte_start": start, "byte_end": end,
                    "start": { "line": s.line, "column": s.column },
                    "end": { "line": e.line, "column": e.column },
                });
                return;
            }
            for v in map.values_mut() {
                locate(v, source);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| locate(v, source)),
        _ => {}
    }
}

fn at(source: &Source, span: Span) -> String {
    let s = source.line_col(span.start);
    format!("{}:{}", s.line, s.column)
}

/// Pads by display width, so that Chinese labels line up in a terminal.
fn pad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn show(source: &Source, label: &str, field: Option<&Field>) {
    if let Some(f) = field {
        println!("  {} {:<8} {}", pad(label, 12), at(source, f.span), f.text.replace('\n', "⏎"));
    }
}

fn print_human(source: &Source, doc: &Document, packs: &AppliedPacks) {
    println!(
        "文件：{}（{}，{}换行）",
        source.display_path(),
        source.encoding.name(),
        match source.line_ending {
            gwlint::source::LineEnding::Lf => "LF",
            gwlint::source::LineEnding::CrLf => "CRLF",
            gwlint::source::LineEnding::Cr => "CR",
        }
    );
    match &doc.kind {
        Some(k) => println!("文种：{}（依据：{}）", k.kind.zh(), k.evidence.zh()),
        None => println!("文种：未识别（标题未以法定文种结尾，也未在前置元数据中声明）"),
    }
    if let Some(ending) = &doc.title_ending
        && doc.kind.as_ref().is_none_or(|k| k.kind.zh() != ending.text)
    {
        println!("标题末尾：{}", ending.text);
    }
    if doc.form != gwlint::document::Form::Standard {
        println!("格式：{}", doc.form.zh());
    }
    match &doc.issuer {
        Some(i) => println!("发文机关：{}（依据：{}）", i.name, i.evidence.zh()),
        None => println!("发文机关：未识别"),
    }
    if let Some(sender) = &doc.parties.sender {
        println!("发文机关识别为：{}", describe_org(sender));
    }
    match doc.direction {
        Some((d, e)) => println!("行文方向：{}（依据：{}）", d.zh(), e.zh()),
        None => println!("行文方向：未确定"),
    }
    print_packs(packs);
    let h = &doc.header;
    if h.copy_number.is_some()
        || h.secrecy.is_some()
        || h.urgency.is_some()
        || h.issuer_mark.is_some()
        || h.doc_number.is_some()
        || !h.signers.is_empty()
    {
        println!("版头");
        show(source, "份号", h.copy_number.as_ref());
        show(source, "密级", h.secrecy.as_ref());
        show(source, "紧急程度", h.urgency.as_ref());
        show(source, "发文机关标志", h.issuer_mark.as_ref());
        show(source, "发文字号", h.doc_number.as_ref());
        for s in &h.signers {
            show(source, "签发人", Some(s));
        }
    }
    println!("主体");
    show(source, "标题", doc.title.as_ref());
    for note in &doc.preamble {
        show(source, "题注", Some(note));
    }
    if let Some(r) = &doc.main_recipients {
        show(source, "主送机关", Some(&r.field));
    }
    print_parties(&doc.parties.main, doc.main_recipients.is_none(), "主送");
    for r in &doc.requests {
        let label = if r.closing { "请求（结语）" } else { "请求" };
        println!("  {} {:<8} {}", pad(label, 12), at(source, r.clause), r.clause.text(&source.text));
    }
    for n in &doc.not_requests {
        let word = n.act.text(&source.text);
        println!("  {} {:<8} “{word}”：{}", pad("不计为请求", 12), at(source, n.act), n.reason.zh());
    }
    let body: Vec<_> = doc.body_paragraphs().collect();
    if !body.is_empty() {
        println!("  {} {:<8} {} 段", pad("正文", 12), at(source, body[0].span), body.len());
        print_levels(source, doc, Part::Body);
    }
    if let Some(n) = &doc.attachment_note {
        println!("  {} {:<8} {} 项", pad("附件说明", 12), at(source, n.span), n.items.len());
        for item in &n.items {
            println!("    · {}{}", item.number.map(|n| format!("{n}. ")).unwrap_or_default(), item.name.text);
        }
    }
    for s in &doc.signature {
        show(source, "署名", Some(s));
    }
    show(source, "成文日期", doc.date.as_ref());
    show(source, "附注", doc.annotation.as_ref());
    for (i, a) in doc.attachments.iter().enumerate() {
        let label = a.label.as_ref().map_or_else(|| "附件（未标注）".to_string(), |l| l.text.clone());
        let kind = if a.forwarded { "，印发/转发的文件" } else { "" };
        println!(
            "  {} {:<8} {}{}",
            pad(&label, 12),
            at(source, a.span),
            a.title.as_ref().map_or("", |t| t.text.as_str()),
            kind
        );
        print_levels(source, doc, Part::Attachment(i));
    }
    show(source, "公开方式", doc.public_attribute.as_ref());
    let c = &doc.colophon;
    if c.cc.is_some() || c.main.is_some() || c.printer.is_some() || c.print_date.is_some() {
        println!("版记");
        if let Some(m) = &c.main {
            show(source, "主送", Some(&m.field));
        }
        if let Some(cc) = &c.cc {
            show(source, "抄送", Some(&cc.field));
        }
        print_parties(&doc.parties.cc, false, "抄送");
        show(source, "印发机关", c.printer.as_ref());
        show(source, "印发日期", c.print_date.as_ref());
    }
}

/// Which rule packs apply, and why.
fn print_packs(packs: &AppliedPacks) {
    let names: Vec<&str> = packs.packs.iter().map(|p| p.name.as_str()).collect();
    println!("规则包：{}", names.join("、"));
    for p in &packs.packs {
        println!("  {} {}", pad(&format!("{}（{}）", p.name, p.label), 22), p.reason);
    }
    if let Some(note) = &packs.note {
        println!("  {note}");
    }
}

/// The 层次 of a part: how many paragraphs start with each style, and the first few headings.
fn print_levels(source: &Source, doc: &Document, part: Part) {
    let headed: Vec<_> =
        doc.body.iter().filter(|p| p.part == part).filter_map(|p| p.ordinal.as_ref().map(|o| (p, o))).collect();
    if headed.is_empty() {
        return;
    }
    let mut counts: Vec<(gwlint::document::OrdinalStyle, usize)> = Vec::new();
    for (_, o) in &headed {
        match counts.iter_mut().find(|(s, _)| *s == o.style) {
            Some((_, n)) => *n += 1,
            None => counts.push((o.style, 1)),
        }
    }
    let summary: Vec<String> = counts.iter().map(|(s, n)| format!("“{}”×{n}", s.example())).collect();
    println!("    层次：{}", summary.join("，"));
    for (p, _) in headed.iter().take(8) {
        let line: String = p.span.text(&source.text).chars().take(30).collect();
        println!("    {:<8} {line}", at(source, p.span));
    }
    if headed.len() > 8 {
        println!("    …… 另有 {} 个层次标题", headed.len() - 8);
    }
}

fn describe_org(org: &gwlint::org::Org) -> String {
    let mut parts = vec![org.kind.zh().to_string()];
    if let Some(level) = org.level {
        parts.push(format!("{}级", level.zh()));
    }
    if let Some(parent) = &org.parent {
        parts.push(format!("上级：{parent}"));
    }
    if org.from_config {
        parts.push("配置".into());
    }
    format!("{}（{}）", org.name, parts.join("，"))
}

fn describe_relation(r: &gwlint::org::Relation) -> String {
    use gwlint::org::Relation;
    match r {
        Relation::Superior => "发文机关的上级".into(),
        Relation::SuperiorSkipping { skipped } => format!("发文机关的上级，越过了{}", skipped.join("、")),
        Relation::Guiding => "指导发文机关的上级（业务主管部门，或村（居）委会所在的乡镇、街道）".into(),
        Relation::GuidingSkipping { skipped } => format!("上级业务主管部门，越过了{}", skipped.join("、")),
        Relation::Subordinate => "发文机关的下级".into(),
        Relation::Guided => "受发文机关业务指导".into(),
        Relation::Same => "即发文机关".into(),
        Relation::Peer => "与发文机关同级".into(),
        Relation::Unaffiliated => "与发文机关不相隶属".into(),
        Relation::Unknown => "关系不明".into(),
    }
}

/// Each 主送/抄送 item with what it resolves to and how it stands to the sender.
fn print_parties(parties: &[gwlint::org::Party], stated: bool, label: &str) {
    use gwlint::org::Addressee;
    if stated && !parties.is_empty() {
        println!("  {}（前置元数据）", label);
    }
    for p in parties {
        let what = match &p.addressee {
            Addressee::Org(org) => describe_org(org),
            Addressee::Group(g) => {
                format!("统称：{}{}", g.kind.zh(), g.of.as_ref().map(|o| format!("，属{o}")).unwrap_or_default())
            }
            Addressee::Person { title, .. } => {
                format!("个人{}", title.as_ref().map(|t| format!("（{t}）")).unwrap_or_default())
            }
            Addressee::Unknown { .. } => "未识别".into(),
        };
        println!("    · {} → {}；{}", p.field.text, what, describe_relation(&p.relation));
    }
}
