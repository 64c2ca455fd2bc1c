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
    assert!(stderr.contains("3 条批注，3 处修订"), "{stderr}");
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

/// 一键排版: `--fix` on Word's defaults sets the page, the title and the body as GB/T 9704 has
/// them, changes no word, and LibreOffice still opens it (checked in `.ci/run`).
#[test]
fn fix_lays_out_the_page_title_and_body() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("默认格式.docx");
    std::fs::copy(fixture("word-defaults.docx"), &draft).unwrap();
    let before = codes(&findings(&draft, None));
    for code in ["GW901", "GW902", "GW903"] {
        assert!(before.contains(code), "{code} in {before:?}");
    }
    let text_before = docx_text_and_xml(&draft).0;
    Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--fix", "--quiet", "--exit-zero"])
        .arg(&draft)
        .assert()
        .code(0);
    let after = findings(&draft, None);
    for code in ["GW901", "GW903"] {
        assert!(!codes(&after).contains(code), "{code} still in {after:?}");
    }
    // Body text is set throughout, but for the paragraph whose one run also holds its heading
    // (`（一）加强隐患排查。对辖区内……`): that one is left to the drafter, and reported alone.
    let body: Vec<_> = after.iter().filter(|(c, _, _)| c == "GW902").collect();
    assert!(body.len() <= 1 && body.iter().all(|(_, _, m)| !m.contains("共")), "{body:?}");
    assert!(
        !after
            .iter()
            .any(|(c, _, m)| c == "GW907" && (m.contains("红色") && m.contains("标志为") || m.contains("居中"))),
        "{after:?}"
    );
    assert_eq!(docx_text_and_xml(&draft).0, text_before, "no word changes");
}
