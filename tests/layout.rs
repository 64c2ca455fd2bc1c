//! The 版式 rules (GW9xx) on Word files: a 通知 laid out to GB/T 9704-2012 raises nothing, the same
//! text as Word's defaults leave it raises every layout rule, and the text rules do not see the
//! difference. The files come from `tools/make-layout-fixtures.py`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docx/layout").join(name)
}

/// (code, severity, message) of every finding, from the JSON output.
fn findings(path: &Path, dir: Option<&Path>) -> Vec<(String, String, String)> {
    let mut cmd = Command::cargo_bin("gwlint").unwrap();
    cmd.args(["check", "--format", "json", "--exit-zero"]).arg(path);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.assert().code(0).get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn codes(found: &[(String, String, String)]) -> std::collections::BTreeSet<String> {
    found.iter().map(|(c, _, _)| c.clone()).collect()
}

#[test]
fn a_draft_laid_out_to_the_standard_raises_nothing() {
    let found = findings(&fixture("standard.docx"), None);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn word_defaults_raise_every_layout_rule() {
    let found = findings(&fixture("word-defaults.docx"), None);
    let codes = codes(&found);
    for code in ["GW901", "GW902", "GW903", "GW904", "GW905", "GW906", "GW907", "GW908", "GW909", "GW910", "GW911"] {
        assert!(codes.contains(code), "{code} missing from {found:#?}");
    }
    assert!(!codes.contains("GW912"), "house fonts are silent unless configured");
    // A mistake repeated in every paragraph is one finding that counts them.
    let body: Vec<_> = found.iter().filter(|(c, _, _)| c == "GW902").collect();
    assert_eq!(body.len(), 1, "{body:?}");
    assert!(body[0].2.contains("宋体 小四") && body[0].2.contains("共 8 段"), "{}", body[0].2);
}

#[test]
fn the_text_rules_do_not_see_the_layout() {
    let text_codes = |name: &str| {
        findings(&fixture(name), None).into_iter().filter(|(c, _, _)| !c.starts_with("GW9")).collect::<Vec<_>>()
    };
    assert_eq!(text_codes("standard.docx"), text_codes("word-defaults.docx"));
}

#[test]
fn local_practice_is_configured_and_reported_as_info() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "[rules.GW908]\nposition = \"centre\"\n\n[rules.GW912]\nbody = \"方正仿宋_GBK\"\ntitle = [\"方正小标宋简体\"]\n",
    )
    .unwrap();
    for name in ["standard.docx", "word-defaults.docx"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let standard = findings(Path::new("standard.docx"), Some(dir.path()));
    let house: Vec<_> = standard.iter().filter(|(c, _, _)| c == "GW912").collect();
    assert_eq!(house.len(), 1, "body only; the title is in the configured font: {standard:#?}");
    assert!(house[0].1 == "info" && house[0].2.contains("仿宋_GB2312") && house[0].2.contains("方正仿宋_GBK"));
    let position: Vec<_> = standard.iter().filter(|(c, _, _)| c == "GW908").collect();
    assert_eq!(position.len(), 1, "{standard:#?}");
    assert!(position[0].1 == "info" && position[0].2.contains("本单位要求居中"), "{position:?}");
    // Word's centred page number is what this office wants: no position finding, the dashes still.
    let defaults = findings(Path::new("word-defaults.docx"), Some(dir.path()));
    let messages: Vec<_> = defaults.iter().filter(|(c, _, _)| c == "GW908").map(|(_, _, m)| m.as_str()).collect();
    assert!(!messages.iter().any(|m| m.contains("居")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("一字线")), "{messages:?}");
    // 一键排版 follows the house: the fonts end as configured, the page numbers centred.
    Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--fix", "--quiet", "--exit-zero", "word-defaults.docx"])
        .current_dir(dir.path())
        .assert()
        .code(0);
    let fixed = findings(Path::new("word-defaults.docx"), Some(dir.path()));
    let left: Vec<_> = fixed.iter().filter(|(c, _, _)| c.starts_with("GW9")).collect();
    assert!(left.iter().all(|(c, _, m)| c == "GW907" && m.contains("分隔线")), "{left:#?}");
}

#[test]
fn an_unknown_practice_is_said_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), "[rules.GW908]\nposition = \"middle\"\n").unwrap();
    std::fs::copy(fixture("standard.docx"), dir.path().join("standard.docx")).unwrap();
    let found = findings(Path::new("standard.docx"), Some(dir.path()));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].0 == "GW908" && found[0].1 == "info" && found[0].2.contains("“middle”无效"), "{found:?}");
}

/// The text of a .docx as gwlint reads it, and its `word/document.xml`.
fn docx_text_and_xml(path: &Path) -> (String, String) {
    let bytes = std::fs::read(path).unwrap();
    let text = gwlint::source::docx::read(&bytes).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    (text, xml)
}

/// `--fix` on a .docx writes the safe fixes into the runs that hold the text: the fixed file reads
/// as the correct draft, every run keeps its formatting, and nothing is left to fix.
#[test]
fn fix_writes_safe_fixes_into_the_docx_and_keeps_its_formatting() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("草稿.docx");
    std::fs::copy(fixture("fixable.docx"), &draft).unwrap();
    let before: Vec<String> = findings(&draft, None).into_iter().map(|(c, _, _)| c).collect();
    assert_eq!(before, ["GW401", "GW402", "GW311"].map(String::from).to_vec());
    Command::cargo_bin("gwlint").unwrap().args(["check", "--fix", "--quiet"]).arg(&draft).assert().code(0);
    assert!(findings(&draft, None).is_empty());
    let (fixed, xml) = docx_text_and_xml(&draft);
    let (standard, standard_xml) = docx_text_and_xml(&fixture("standard.docx"));
    assert_eq!(fixed, standard, "the fixed draft reads as the correct one");
    for formatting in ["KaiChar", "MarkChar", "FF0000", "DocTitle"] {
        assert_eq!(xml.matches(formatting).count(), standard_xml.matches(formatting).count(), "{formatting}");
    }
}

/// `--annotate` leaves the original alone and writes 草稿.gwlint.docx: a comment per finding and
/// each safe fix as a tracked change by gwlint, which read as accepted is the fixed draft.
#[test]
fn annotate_writes_comments_and_tracked_changes_beside_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("草稿.docx");
    std::fs::copy(fixture("fixable.docx"), &draft).unwrap();
    let original = std::fs::read(&draft).unwrap();
    let run = Command::cargo_bin("gwlint").unwrap().args(["check", "--annotate"]).arg(&draft).assert().code(1);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("3 条批注，3 处文字修订，0 处排版修订"), "{stderr}");
    assert_eq!(std::fs::read(&draft).unwrap(), original, "the original is never modified");
    let copy = dir.path().join("草稿.gwlint.docx");
    let (accepted, xml) = docx_text_and_xml(&copy);
    assert_eq!(accepted, docx_text_and_xml(&fixture("standard.docx")).0);
    assert_eq!(xml.matches("<w:commentRangeStart").count(), 3);
    assert_eq!(xml.matches("<w:commentReference").count(), 3);
    assert!(xml.contains("w:author=\"gwlint\""));
    let bytes = std::fs::read(&copy).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut comments = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/comments.xml").unwrap(), &mut comments).unwrap();
    for code in ["GW401", "GW402", "GW311"] {
        assert!(comments.contains(code), "{code} in {comments}");
    }
    assert!(comments.contains("依据："));
    // A directory scan does not take the annotated copy for a draft.
    let out = Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--format", "json", "--exit-zero"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(!String::from_utf8(out).unwrap().contains("gwlint.docx"));
    // A text draft among them is checked as usual, and the user is told it gets no copy.
    std::fs::write(dir.path().join("请示.txt"), "关于申请资金的请示\n示例市人民政府：\n妥否，请批示。\n").unwrap();
    let run =
        Command::cargo_bin("gwlint").unwrap().args(["check", "--annotate", "--exit-zero"]).arg(dir.path()).assert();
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("另有 1 个文件照常检查"), "{stderr}");
    assert!(!dir.path().join("请示.gwlint.docx").exists());
}

/// 一键排版: `--fix` on Word's defaults sets every element as GB/T 9704 has it — page, grid,
/// title, headings (splitting the run a heading shares with its sentence), body, indents,
/// date, attachment, 版记, page-number footers — changes no word, and LibreOffice still opens it
/// (checked in `.ci/run`). The red separator line, which may exist as an unseen picture, is
/// added only with `--unsafe-fixes`.
#[test]
fn fix_lays_out_every_element() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("默认格式.docx");
    std::fs::copy(fixture("word-defaults.docx"), &draft).unwrap();
    let text_before = docx_text_and_xml(&draft).0;
    let fix = |extra: &[&str]| {
        Command::cargo_bin("gwlint")
            .unwrap()
            .args(["check", "--fix", "--quiet", "--exit-zero"])
            .args(extra)
            .arg(&draft)
            .assert()
            .code(0);
    };
    fix(&[]);
    let after = findings(&draft, None);
    let layout: Vec<_> = after.iter().filter(|(c, _, _)| c.starts_with("GW9")).collect();
    assert_eq!(layout.len(), 1, "only the red line is left without --unsafe-fixes: {layout:#?}");
    assert!(layout[0].0 == "GW907" && layout[0].2.contains("分隔线"), "{layout:?}");
    fix(&["--unsafe-fixes"]);
    let after = findings(&draft, None);
    assert!(!after.iter().any(|(c, _, _)| c.starts_with("GW9")), "{after:#?}");
    assert_eq!(docx_text_and_xml(&draft).0, text_before, "no word changes");
    // The text findings are those of the correctly laid-out draft.
    let text_findings = |found: Vec<(String, String, String)>| {
        found.into_iter().filter(|(c, _, _)| !c.starts_with("GW9")).collect::<Vec<_>>()
    };
    assert_eq!(text_findings(after), text_findings(findings(&fixture("standard.docx"), None)));
    // Running again changes nothing.
    let bytes = std::fs::read(&draft).unwrap();
    fix(&["--unsafe-fixes"]);
    assert_eq!(std::fs::read(&draft).unwrap(), bytes, "a laid-out draft is left as it is");
}

/// Remove what accepting every revision removes: the recorded former formatting.
fn accept_formatting(xml: &str) -> String {
    let mut out = xml.to_string();
    for name in ["w:rPrChange", "w:pPrChange", "w:sectPrChange"] {
        while let Some(start) = out.find(&format!("<{name} ")) {
            let close = format!("</{name}>");
            let end = out[start..].find(&close).map(|i| start + i + close.len()).expect("closed");
            out.replace_range(start..end, "");
        }
    }
    out
}

/// `--annotate` shows the layout fixes as formatting revisions by gwlint: the copy accepted in
/// full is laid out as `--fix` lays it out (but for the footers, which a revision cannot show),
/// and the copy as it stands still reads as the original formatting once rejected.
#[test]
fn annotate_shows_layout_fixes_as_formatting_revisions() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("默认格式.docx");
    std::fs::copy(fixture("word-defaults.docx"), &draft).unwrap();
    let run = Command::cargo_bin("gwlint").unwrap().args(["check", "--annotate"]).arg(&draft).assert().code(1);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("处排版修订") && stderr.contains("页码页脚不能作为修订写入"), "{stderr}");
    let copy = dir.path().join("默认格式.gwlint.docx");
    let (_, xml) = docx_text_and_xml(&copy);
    for name in ["<w:rPrChange ", "<w:pPrChange ", "<w:sectPrChange "] {
        assert!(xml.contains(name), "{name} missing");
    }
    assert!(!xml.contains("<w:rPrChange w:id=\"") || xml.contains("w:author=\"gwlint\""));
    // Every revision id is unique (split runs carry their own).
    let ids: Vec<&str> = xml.match_indices("Change w:id=\"").map(|(i, m)| &xml[i + m.len()..][..6]).collect();
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len());
    // Accepted in full: a package with the revisions' records removed.
    let bytes = std::fs::read(&copy).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let accepted = dir.path().join("accepted.docx");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&accepted).unwrap());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut content).unwrap();
        if name == "word/document.xml" {
            content = accept_formatting(std::str::from_utf8(&content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut out, &content).unwrap();
    }
    out.finish().unwrap();
    let left: std::collections::BTreeSet<String> =
        findings(&accepted, None).into_iter().filter(|(c, _, _)| c.starts_with("GW9")).map(|(c, _, _)| c).collect();
    assert_eq!(left, ["GW907", "GW908"].map(String::from).into(), "only the footers and the red line remain");
}

/// Files written by WPS and Word themselves (`fixtures/docx/real/`, with their sources and
/// licences): read, laid out by `--fix` without a word changed and with no layout finding left,
/// and annotated into a copy that reads as the original.
#[test]
fn real_word_and_wps_files_are_read_laid_out_and_annotated() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docx/real");
    for (name, expected) in [
        // WPS's 套红 template: Word-default page, no page numbers, 四号 text, a 40-line grid.
        ("wps-hongtou-template.docx", &["GW901", "GW902", "GW905", "GW908"][..]),
        // Word's 公文 template: `- 1 -` page numbers from the numberInDash format.
        ("word-gongwen-template.dotx", &["GW908"][..]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join(name);
        std::fs::copy(real.join(name), &draft).unwrap();
        let found = findings(&draft, None);
        // A title the text does not reveal (a template's test title) still shows by its setting.
        assert!(!found.iter().any(|(c, _, m)| c == "GW902" && m.contains("小标宋")), "{name}: {found:#?}");
        let before = codes(&found);
        for code in expected {
            assert!(before.contains(*code), "{name}: {code} missing from {before:?}");
        }
        let text = docx_text_and_xml(&draft).0;
        Command::cargo_bin("gwlint")
            .unwrap()
            .args(["check", "--annotate", "--quiet", "--exit-zero"])
            .arg(&draft)
            .assert()
            .code(0);
        let copy = dir.path().join(name.replace(".do", ".gwlint.do"));
        let annotated = docx_text_and_xml(&copy).0;
        Command::cargo_bin("gwlint")
            .unwrap()
            .args(["check", "--fix", "--quiet", "--exit-zero"])
            .arg(&draft)
            .assert()
            .code(0);
        let fixed = docx_text_and_xml(&draft).0;
        // The annotated copy read with its revisions accepted is the fixed file's text; the
        // fixes only touched words within lines.
        assert!(annotated == fixed, "{name}: the annotated copy, accepted, differs from the fixed file");
        assert_eq!(fixed.lines().count(), text.lines().count(), "{name}");
        let after = findings(&draft, None);
        let layout: Vec<_> = after.iter().filter(|(c, _, _)| c.starts_with("GW9")).collect();
        assert!(layout.is_empty(), "{name}: {layout:#?}");
    }
}

/// The seed — a real 通知 with real defects — typed into a GB/T 9704 .docx raises exactly the
/// findings of its .txt, at the same lines, and nothing about its layout.
#[test]
fn the_seed_typed_into_a_standard_docx_reads_as_its_text() {
    let at_lines = |path: &Path| {
        let out = Command::cargo_bin("gwlint")
            .unwrap()
            .args(["check", "--format", "concise", "--no-color", "--exit-zero"])
            .arg(path)
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| l.contains(": GW"))
            .map(|l| {
                l.split_once(": GW")
                    .map(|(place, rest)| {
                        format!("{}: GW{rest}", place.rsplit_once(".docx:").or(place.rsplit_once(".txt:")).unwrap().1)
                    })
                    .unwrap()
            })
            .collect::<Vec<_>>()
    };
    let docx = at_lines(&fixture("seed-jiangmen.docx"));
    let txt = at_lines(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/jiangmen-work-rules-2023.txt"));
    assert!(txt.len() >= 8, "{txt:#?}");
    assert_eq!(docx, txt);
    assert!(!docx.iter().any(|l| l.contains(" GW9")));
}
