//! Metamorphic layout tests: the same draft in another layout must be read the same way.
//!
//! Every fixture draft that has a title, and every independent tester's draft
//! (`benches/testers/*/drafts`, `benches/rule-testers/*/drafts`, layouts we did not write), is re-rendered in the layouts GB/T 9704 allows and
//! drafters and web copies produce — 发文机关标志 with 文件 or the bare name, 签发人 on the 文号
//! line or its own, blank lines or none, full-width indentation, CRLF, a one- or two-line
//! title, Markdown or plain text, a note under the title, signature and date on one line,
//! `（盖章）` — and the recognised 文种, 发文机关, 主送 items and 行文方向, and the set of rule
//! codes that fire, must not change. A layout a fixture cannot take (no 文号 to put a 签发人
//! beside, no date to note) is skipped for that fixture, never faked.

use gwlint::config::Settings;
use gwlint::document::{Document, Part};
use gwlint::org::OrgView;
use gwlint::source::Source;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One draft, line by line, with the part each line was recognised as.
struct Draft {
    lines: Vec<(String, Part)>,
    doc: Document,
}

fn settings_in(dir: &Path) -> Settings {
    let config = dir.join("gwlint.toml");
    if config.exists() { Settings::load(&config).expect("fixture config") } else { Settings::default() }
}

fn read(source: &Source, settings: &Settings, orgs: &OrgView) -> Draft {
    let doc = gwlint::engine::build_document(source, settings, orgs);
    let lines = doc.lines.iter().map(|(l, p)| (l.span.text(&source.text).to_string(), *p)).collect();
    Draft { lines, doc }
}

/// What must not change between layouts.
#[derive(Debug, PartialEq, Eq)]
struct Reading {
    kind: Option<String>,
    issuer: Option<String>,
    direction: Option<String>,
    recipients: Vec<String>,
    codes: BTreeSet<String>,
}

fn reading(path: &str, text: &str, settings: &Settings, orgs: &OrgView) -> Reading {
    let source = Source::from_text(path, text);
    let doc = gwlint::engine::build_document(&source, settings, orgs);
    let diagnostics = gwlint::engine::lint_document(&source, &doc, settings, orgs);
    Reading {
        kind: doc.kind().map(|k| k.zh().to_string()),
        issuer: doc.issuer.as_ref().map(|i| i.name.clone()),
        direction: doc.direction().map(|d| d.zh().to_string()),
        recipients: doc
            .main_recipients
            .iter()
            .flat_map(|m| m.items.iter())
            .map(|i| i.span.text(&source.text).to_string())
            .collect(),
        codes: diagnostics.iter().map(|d| d.code.to_string()).collect(),
    }
}

type Layout = fn(&Draft) -> Option<Vec<String>>;

fn lines_of(d: &Draft) -> Vec<String> {
    d.lines.iter().map(|(s, _)| s.clone()).collect()
}

/// The 发文机关标志 `X文件` written as the bare name (GB/T 9704 7.2.4), where a 文号 follows.
fn bare_mark(d: &Draft) -> Option<Vec<String>> {
    d.doc.header.doc_number.as_ref()?;
    let mark = d.doc.header.issuer_mark.as_ref()?;
    let bare = mark.text.strip_suffix("文件")?.trim_end().to_string();
    if bare.contains('\n') || bare.is_empty() {
        return None;
    }
    Some(
        d.lines
            .iter()
            .map(|(s, p)| if *p == Part::Header && *s == mark.text { bare.clone() } else { s.clone() })
            .collect(),
    )
}

/// A bare 发文机关标志 given its `文件`.
fn wenjian_mark(d: &Draft) -> Option<Vec<String>> {
    let mark = d.doc.header.issuer_mark.as_ref()?;
    if mark.text.ends_with("文件") || mark.text.ends_with('令') || mark.text.contains('\n') {
        return None;
    }
    Some(
        d.lines
            .iter()
            .map(|(s, p)| if *p == Part::Header && *s == mark.text { format!("{s}文件") } else { s.clone() })
            .collect(),
    )
}

/// A long 发文机关标志 wrapped after its place name (`某某县` / `人民政府文件`).
fn wrapped_mark(d: &Draft) -> Option<Vec<String>> {
    let mark = d.doc.header.issuer_mark.as_ref()?;
    let name = mark.text.strip_suffix("文件")?;
    if name.contains(|c: char| c == '\n' || gwlint::lang::is_blank(c)) {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let cut = (2..chars.len().saturating_sub(2)).find(|&k| matches!(chars[k], '省' | '市' | '县' | '区' | '州'))?;
    let (place, rest): (String, String) = (chars[..=cut].iter().collect(), chars[cut + 1..].iter().collect());
    Some(
        d.lines
            .iter()
            .flat_map(|(s, p)| {
                if *p == Part::Header && *s == mark.text {
                    vec![place.clone(), format!("{rest}文件")]
                } else {
                    vec![s.clone()]
                }
            })
            .collect(),
    )
}

/// The 发文机关标志 set in spaced letters (`某 某 县 财 政 局 文 件`).
fn letter_spaced_mark(d: &Draft) -> Option<Vec<String>> {
    let mark = d.doc.header.issuer_mark.as_ref()?;
    if mark.text.contains(|c: char| c == '\n' || gwlint::lang::is_blank(c)) {
        return None;
    }
    let spaced = mark.text.chars().map(String::from).collect::<Vec<_>>().join(" ");
    Some(
        d.lines
            .iter()
            .map(|(s, p)| if *p == Part::Header && *s == mark.text { spaced.clone() } else { s.clone() })
            .collect(),
    )
}

/// 签发人 moved between the 文号 line and a line of its own.
fn signer_elsewhere(d: &Draft) -> Option<Vec<String>> {
    let number = d.doc.header.doc_number.as_ref()?;
    let signer = d.doc.header.signer_lines.first()?;
    let mut out = Vec::new();
    let mut moved = false;
    for (s, part) in &d.lines {
        if *part == Part::Header && s.contains(&number.text) && s.contains(&signer.text) {
            out.push(number.text.clone());
            out.push(signer.text.clone());
            moved = true;
        } else if *part == Part::Header && s.contains(&number.text) {
            out.push(format!("{}　　{}", number.text, signer.text));
            moved = true;
        } else if *part == Part::Header && *s == signer.text && moved {
            continue;
        } else {
            out.push(s.clone());
        }
    }
    moved.then_some(out)
}

/// The title over two lines: the issuer's name, then `关于…`; or cut in the middle of the 事由.
fn two_line_title(d: &Draft) -> Option<Vec<String>> {
    let title = d.doc.title.as_ref()?;
    if title.text.contains('\n') {
        return None;
    }
    let t = &title.text;
    // A title with blanks in it is already broken somewhere: re-breaking it would change text.
    if t.contains(char::is_whitespace) || t.contains('\u{3000}') {
        return None;
    }
    // At 关于 where what precedes it is the issuers' names (not a 文号 or a dateline).
    let names_before = |at: usize| !t[..at].chars().any(|c| c.is_ascii_digit() || "〔〕[]（）()".contains(c));
    let cut = match t.find("关于") {
        Some(at) if at > 0 && names_before(at) => at,
        _ => {
            // In the middle of the 事由, before any bracketed note or quoted name.
            let plain = t.find(['（', '(', '《', '“', '〔']).unwrap_or(t.len());
            let chars: Vec<(usize, char)> = t[..plain].char_indices().collect();
            if chars.len() < 12 {
                return None;
            }
            chars[chars.len() / 2].0
        }
    };
    let mut out = Vec::new();
    for (s, part) in &d.lines {
        if *part == Part::Title && s == t {
            out.push(t[..cut].trim_end().to_string());
            out.push(t[cut..].trim_start().to_string());
        } else {
            out.push(s.clone());
        }
    }
    Some(out)
}

/// A note under the title repeating the 成文日期: `（2024年3月5日）`.
fn note_under_title(d: &Draft) -> Option<Vec<String>> {
    let date = d.doc.date.as_ref()?;
    // A date typed in figures (2025.4.8) is a defect where it stands; copied into a 题注 it is
    // a second defect, rightly reported there (GW502), not the same draft in another layout.
    if !date.text.contains('年') {
        return None;
    }
    let mut out = Vec::new();
    let last_title_line = d.lines.iter().rposition(|(_, p)| *p == Part::Title)?;
    for (i, (s, _)) in d.lines.iter().enumerate() {
        out.push(s.clone());
        if i == last_title_line {
            out.push(format!("（{}）", date.text));
        }
    }
    Some(out)
}

/// One signature line and the date joined: `某某县教育局　　2024年3月5日`.
fn signature_and_date_on_one_line(d: &Draft) -> Option<Vec<String>> {
    let [sig] = d.doc.signature.as_slice() else { return None };
    let date = d.doc.date.as_ref()?;
    if sig.text.contains(' ') || sig.text.contains('\u{3000}') {
        return None;
    }
    let mut out = Vec::new();
    for (s, part) in &d.lines {
        match part {
            Part::Signature if *s == sig.text => {}
            Part::Date if *s == date.text => out.push(format!("{}　　{}", sig.text, date.text)),
            _ => out.push(s.clone()),
        }
    }
    Some(out)
}

/// `（盖章）` between the signature and the date.
fn seal(d: &Draft) -> Option<Vec<String>> {
    d.doc.signature.first()?;
    let date = d.doc.date.as_ref()?;
    let mut out = Vec::new();
    for (s, part) in &d.lines {
        if *part == Part::Date && *s == date.text {
            out.push("（盖章）".into());
        }
        out.push(s.clone());
    }
    Some(out)
}

fn unchanged(d: &Draft) -> Option<Vec<String>> {
    Some(lines_of(d))
}

/// How lines are joined into a file.
#[derive(Clone, Copy)]
enum Render {
    Plain,
    BlankLines,
    Indented,
    Crlf,
    Markdown,
}

fn render(lines: &[String], parts: &[Part], how: Render) -> String {
    match how {
        Render::Plain => lines.join("\n") + "\n",
        Render::BlankLines => lines.join("\n\n") + "\n",
        Render::Crlf => lines.join("\r\n") + "\r\n",
        Render::Indented => {
            lines
                .iter()
                .enumerate()
                .map(|(i, s)| if parts.get(i) == Some(&Part::Body) { format!("　　{s}") } else { s.clone() })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }
        Render::Markdown => {
            lines
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if parts.get(i) == Some(&Part::Title)
                        && parts.get(i + 1) != Some(&Part::Title)
                        && i == first_title(parts)
                    {
                        format!("# {s}")
                    } else {
                        markdown_escape(s)
                    }
                })
                .collect::<Vec<_>>()
                .join("\n\n")
                + "\n"
        }
    }
}

fn first_title(parts: &[Part]) -> usize {
    parts.iter().position(|p| *p == Part::Title).unwrap_or(usize::MAX)
}

/// A plain line as a Markdown paragraph of the same text. CommonMark needs a space after a
/// list or heading marker, so `1.排查` stays a paragraph; only `1. 排查`, `# `, `- ` are escaped.
fn markdown_escape(s: &str) -> String {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let marker_then_space = |at: usize| s[at..].chars().nth(1).is_some_and(|c| c == ' ' || c == '\t');
    let s = if digits > 0 && s[digits..].starts_with(['.', ')']) && marker_then_space(digits) {
        format!("{}\\{}", &s[..digits], &s[digits..])
    } else if s.starts_with(['#', '-', '+', '*', '>']) && marker_then_space(0) {
        format!("\\{s}")
    } else {
        s.to_string()
    };
    s.replace('*', "\\*").replace('_', "\\_").replace('<', "\\<")
}

fn fixture_drafts() -> Vec<(PathBuf, Settings)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs = vec![root.join("seed"), root.join("drafts"), root.join("correct"), root.join("published")];
    let mut rules: Vec<PathBuf> =
        std::fs::read_dir(root.join("rules")).expect("rules").map(|e| e.expect("entry").path()).collect();
    rules.sort();
    dirs.extend(rules);
    // Drafts that independent testers wrote as drafters elsewhere write them (other provinces,
    // levels, organ kinds): layouts we did not write ourselves.
    let benches = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches");
    let mut written: Vec<PathBuf> = ["testers", "rule-testers"]
        .iter()
        .flat_map(|set| std::fs::read_dir(benches.join(set)).expect("testers"))
        .map(|e| e.expect("entry").path().join("drafts"))
        .filter(|p| p.is_dir())
        .collect();
    written.sort();
    dirs.extend(written);
    let mut out = Vec::new();
    for dir in dirs {
        let settings = settings_in(&dir);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("fixture dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
            .filter(|p| !p.to_string_lossy().contains(".gbk.") && !p.to_string_lossy().contains(".fixed."))
            .collect();
        files.sort();
        for f in files {
            out.push((f, settings.clone()));
        }
    }
    out
}

#[test]
fn every_layout_reads_the_same() {
    const LAYOUTS: &[(&str, Layout)] = &[
        ("原样", unchanged),
        ("发文机关标志不带“文件”", bare_mark),
        ("发文机关标志加“文件”", wenjian_mark),
        ("发文机关标志回行", wrapped_mark),
        ("发文机关标志字间空格", letter_spaced_mark),
        ("签发人换行或并行", signer_elsewhere),
        ("两行标题", two_line_title),
        ("标题下加题注", note_under_title),
        ("署名日期同行", signature_and_date_on_one_line),
        ("加（盖章）", seal),
    ];
    const RENDERS: &[(&str, Render)] = &[
        ("", Render::Plain),
        ("，空行分隔", Render::BlankLines),
        ("，全角缩进", Render::Indented),
        ("，CRLF", Render::Crlf),
        ("，Markdown", Render::Markdown),
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut drafts = 0;
    let mut applied = vec![0usize; LAYOUTS.len()];
    for (path, settings) in fixture_drafts() {
        let orgs = gwlint::config::org_view(&settings).expect("org config");
        let bytes = std::fs::read(&path).expect("fixture");
        let source = Source::from_bytes(&path, &bytes).expect("decodable");
        let draft = read(&source, &settings, &orgs);
        // Only full drafts: a title and something more than the body.
        if draft.doc.title.is_none() || draft.doc.kind.is_none() {
            continue;
        }
        drafts += 1;
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let parts: Vec<Part> = draft.lines.iter().map(|(_, p)| *p).collect();
        let base = reading("base.txt", &render(&lines_of(&draft), &parts, Render::Plain), &settings, &orgs);
        for (k, (layout_name, layout)) in LAYOUTS.iter().enumerate() {
            let Some(lines) = layout(&draft) else { continue };
            applied[k] += 1;
            // Parts only line up with the lines when the layout kept their number.
            let parts = if lines.len() == parts.len() { parts.clone() } else { Vec::new() };
            for (render_name, how) in RENDERS {
                let ext = if matches!(how, Render::Markdown) { "md" } else { "txt" };
                let text = render(&lines, &parts, *how);
                let got = reading(&format!("variant.{ext}"), &text, &settings, &orgs);
                checked += 1;
                if got != base {
                    failures.push(format!("{name} [{layout_name}{render_name}]\n  原样: {base:?}\n  变体: {got:?}"));
                }
            }
        }
    }
    assert!(drafts >= 30, "only {drafts} full drafts among the fixtures");
    for ((layout_name, _), n) in LAYOUTS.iter().zip(&applied) {
        assert!(*n >= 2, "layout {layout_name} applied to only {n} drafts");
    }
    assert!(failures.is_empty(), "{} of {checked} layouts read differently:\n{}", failures.len(), failures.join("\n"));
}
