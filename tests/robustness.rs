//! Hostile inputs: each has a stated outcome, reached through the library and, where it matters,
//! through the command line. None may panic or hang. Every case runs in a thread of its own with
//! a generous time limit — a guard against hangs and super-linear blow-ups (a megabyte-long line
//! must not take minutes), not a timing assertion.

use assert_cmd::Command;
use gwlint::config::{Selector, Settings};
use gwlint::diagnostic::{Applicability, Diagnostic};
use gwlint::org::OrgView;
use gwlint::source::{DecodeError, Encoding, LineCol, Source};
use std::sync::mpsc;
use std::time::Duration;

/// The hang guard: far above what any case needs, even in a debug build on a busy machine.
const LIMIT: Duration = Duration::from_secs(20);

/// Run `f` in its own thread; fail if it panics or has not finished within `LIMIT`.
fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(what.to_string())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn");
    match rx.recv_timeout(LIMIT) {
        Ok(v) => {
            worker.join().expect("worker finished");
            v
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let _ = worker.join();
            panic!("{what}: panicked");
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: not finished after {LIMIT:?} (hang or super-linear time)")
        }
    }
}

fn all_rules() -> Settings {
    Settings { select: vec![Selector::All], ..Settings::default() }
}

/// Decode, lint with every rule, and check every span and edit against the text.
fn lint_bytes(name: &str, bytes: Vec<u8>) -> Result<(Source, Vec<Diagnostic>), DecodeError> {
    let name = name.to_string();
    within(&format!("lint {name}"), move || {
        let source = Source::from_bytes(&name, &bytes)?;
        let diagnostics = gwlint::engine::lint(&source, &all_rules(), &OrgView::default());
        check_spans(&source.text, &diagnostics);
        Ok((source, diagnostics))
    })
}

fn lint_str(name: &str, text: &str) -> (Source, Vec<Diagnostic>) {
    lint_bytes(name, text.as_bytes().to_vec()).expect("UTF-8 decodes")
}

fn check_spans(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{}: span {:?}", d.code, d.span);
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(e.byte_start <= e.byte_end && e.byte_end <= text.len(), "{}: edit {e:?}", d.code);
            assert!(text.is_char_boundary(e.byte_start) && text.is_char_boundary(e.byte_end), "{}: edit {e:?}", d.code);
        }
    }
}

/// Safe fixes, applied twice: the second pass changes nothing.
fn fix_twice(name: &str, text: &str) -> String {
    let (name, text) = (name.to_string(), text.to_string());
    within(&format!("fix {name}"), move || {
        let settings = all_rules();
        let orgs = OrgView::default();
        let once = gwlint::fix::fix_source(&Source::from_text(&name, text), &settings, &orgs, Applicability::Safe);
        let again = Source::from_text(&name, once.text.clone());
        let twice = gwlint::fix::fix_source(&again, &settings, &orgs, Applicability::Safe);
        assert_eq!(twice.text, once.text, "{name}: fixing twice differs from fixing once");
        once.text
    })
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
    diagnostics.iter().map(|d| d.code.as_ref()).collect()
}

fn gwlint() -> Command {
    let mut cmd = Command::cargo_bin("gwlint").expect("binary built");
    cmd.env_remove("NO_COLOR").env("RUST_BACKTRACE", "0").timeout(Duration::from_secs(60));
    cmd
}

/// `gwlint check --format json` on one file holding `bytes`: (exit code, parsed output).
fn cli_json(name: &str, bytes: &[u8], extra: &[&str]) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(name), bytes).expect("write");
    let out = gwlint()
        .args(["check", "--format", "json"])
        .args(extra)
        .arg(name)
        .current_dir(dir.path())
        .output()
        .expect("gwlint runs");
    assert!(out.status.code().is_some(), "{name}: killed (timeout or signal)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().expect("exit code"), json)
}

fn json_codes(v: &serde_json::Value) -> Vec<String> {
    v.as_array().expect("array").iter().map(|d| d["code"].as_str().unwrap_or("").to_string()).collect()
}

#[test]
fn empty_file_is_clean() {
    let (source, diagnostics) = lint_str("空.txt", "");
    assert_eq!(source.index.line_count(), 1);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(fix_twice("空.md", ""), "");
    let (code, v) = cli_json("空.txt", b"", &[]);
    assert_eq!((code, v), (0, serde_json::json!([])));
}

#[test]
fn whitespace_only_is_clean() {
    let text = " \t\n\u{3000}\u{3000}\r\n\n   \r";
    for name in ["空白.txt", "空白.md"] {
        let (_, diagnostics) = lint_str(name, text);
        assert!(diagnostics.is_empty(), "{name}: {diagnostics:?}");
        assert_eq!(fix_twice(name, text), text);
    }
    assert_eq!(cli_json("空白.txt", text.as_bytes(), &[]).0, 0);
}

#[test]
fn nul_bytes_are_a_decode_error() {
    let bytes = "通知\0正文".as_bytes().to_vec();
    assert_eq!(lint_bytes("nul.txt", bytes.clone()).err(), Some(DecodeError::Binary));
    let (code, v) = cli_json("nul.txt", &bytes, &[]);
    assert_eq!(code, 2);
    assert_eq!(json_codes(&v), ["decode-error"]);
}

#[test]
fn a_one_megabyte_line_is_linted_in_linear_time() {
    let unit = "各单位要高度重视,认真落实(详见附件).“引号《书名\"直引号\"https://www.gov.cn/a.html，";
    let line: String = unit.repeat(1_000_000 / unit.len() + 1);
    assert!(line.len() >= 1_000_000);
    let (source, diagnostics) = lint_str("长行.txt", &line);
    assert_eq!(source.index.line_count(), 1);
    let commas = diagnostics.iter().filter(|d| d.code == "GW401" && d.span.text(&source.text) == ",").count();
    assert_eq!(commas, line.matches("视,认").count(), "every half-width comma after Chinese is reported");
    assert!(codes(&diagnostics).contains(&"GW408"), "unclosed 《 and “ are reported");
    // Positions deep into the line are character columns.
    let last = diagnostics.iter().rfind(|d| d.code == "GW401").expect("some GW401");
    let col = source.text[..last.span.start].chars().count() + 1;
    assert_eq!(source.line_col(last.span.start), LineCol { line: 1, column: col });
    let fixed = fix_twice("长行.txt", &line);
    assert!(!fixed.contains("视,认"));
    let gw401 = diagnostics.iter().filter(|d| d.code == "GW401").count();
    let (code, v) = cli_json("长行.txt", line.as_bytes(), &["--select", "GW401"]);
    assert_eq!(code, 1);
    assert_eq!(json_codes(&v).len(), gw401);
}

#[test]
fn fifty_thousand_nested_block_quotes() {
    let text = format!("{} 引用的正文,内容\n\n正文,内容\n", ">".repeat(50_000));
    let (source, diagnostics) = lint_str("引用.md", &text);
    // The quotation's text is still read (as quoted words); the paragraph after it too.
    let commas: Vec<usize> = diagnostics.iter().filter(|d| d.code == "GW401").map(|d| d.span.start).collect();
    assert_eq!(commas.len(), 2, "{diagnostics:?}");
    assert_eq!(source.line_col(commas[1]), LineCol { line: 3, column: 3 });
    fix_twice("引用.md", &text);
}

#[test]
fn twenty_thousand_list_items() {
    let md: String = (1..=20_000).map(|i| format!("- 第{i}项：各单位要高度重视,认真落实。\n")).collect();
    let (_, diagnostics) = lint_str("列表.md", &md);
    check_spans(&md, &diagnostics);
    let txt: String = (1..=20_000).map(|i| format!("{i}. 各单位要高度重视,认真落实。\n")).collect();
    let (_, diagnostics) = lint_str("列表.txt", &txt);
    assert_eq!(diagnostics.iter().filter(|d| d.code == "GW401").count(), 20_000);
    let fixed = fix_twice("列表.txt", &txt);
    assert_eq!(fixed.matches("视，认").count(), 20_000);
    assert_eq!(fixed.lines().count(), 20_000);
}

#[test]
fn an_unclosed_code_fence_masks_to_the_end() {
    let text = "# 关于开展检查的通知\n\n正文,内容\n\n```\n代码,内容\n正文,内容\n";
    let (source, diagnostics) = lint_str("围栏.md", text);
    let lines: Vec<usize> =
        diagnostics.iter().filter(|d| d.code == "GW401").map(|d| source.line_col(d.span.start).line).collect();
    assert_eq!(lines, [3], "only the comma before the fence: {diagnostics:?}");
    let fixed = fix_twice("围栏.md", text);
    assert!(fixed.ends_with("```\n代码,内容\n正文,内容\n"), "code is never fixed: {fixed}");
}

#[test]
fn unmatched_brackets_and_quotes_are_reported_not_fatal() {
    let text = format!(
        "{}\n{}\n（未闭合“引号《书名\n多余的）”》\n",
        "“（《【〔‘「『".repeat(2_000),
        "”）》】〕’」』".repeat(2_000)
    );
    let (_, diagnostics) = lint_str("括号.txt", &text);
    assert!(codes(&diagnostics).contains(&"GW408"));
    fix_twice("括号.txt", &text);
    let (code, v) = cli_json("括号.txt", text.as_bytes(), &["--select", "GW408"]);
    assert_eq!(code, 1);
    assert!(json_codes(&v).iter().all(|c| c == "GW408") && json_codes(&v).len() > 16_000);
}

#[test]
fn broken_front_matter_is_a_finding() {
    // YAML that does not parse: reported as GW003, and the draft is still linted.
    let text = "---\n文种: [请示\n发文机关: {\n---\n正文,内容\n";
    let (_, diagnostics) = lint_str("前置.md", text);
    assert!(codes(&diagnostics).contains(&"GW003"), "{diagnostics:?}");
    assert!(codes(&diagnostics).contains(&"GW401"));
    // Never closed: not front matter at all, just text.
    let text = "---\n文种: 请示\n正文,内容\n";
    let (_, diagnostics) = lint_str("前置2.md", text);
    assert!(!codes(&diagnostics).contains(&"GW003"), "{diagnostics:?}");
    fix_twice("前置.md", text);
}

#[test]
fn truncated_gbk_is_a_decode_error() {
    let (gbk, _, _) = encoding_rs::GBK.encode("关于开展消防安全检查的通知\r\n各单位：\r\n");
    let cut = gbk[..gbk.len() - 3].to_vec();
    assert!(matches!(lint_bytes("截断.txt", cut.clone()), Err(DecodeError::Undecodable(_))));
    let (code, v) = cli_json("截断.txt", &cut, &[]);
    assert_eq!(code, 2);
    assert_eq!(json_codes(&v), ["decode-error"]);
    // The whole file decodes as GBK.
    let (source, _) = lint_bytes("完整.txt", gbk.into_owned()).expect("GBK decodes");
    assert_eq!(source.encoding, Encoding::Gbk);
}

#[test]
fn utf16_with_a_bom_is_read_and_written_back_as_utf16() {
    let text = "关于开展检查的通知\n各单位,请落实。\n";
    for (enc, bom) in [(Encoding::Utf16Le, [0xFF, 0xFE]), (Encoding::Utf16Be, [0xFE, 0xFF])] {
        let bytes = gwlint::source::encode(text, enc, true).expect("encodable");
        assert_eq!(bytes[..2], bom);
        let (source, diagnostics) = lint_bytes("utf16.txt", bytes.clone()).expect("UTF-16 with BOM decodes");
        assert_eq!((source.text.as_str(), source.encoding, source.bom), (text, enc, true));
        assert!(codes(&diagnostics).contains(&"GW401"));
        // --fix keeps the encoding and the BOM.
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("utf16.txt");
        std::fs::write(&path, &bytes).expect("write");
        gwlint().args(["check", "--fix", "--exit-zero", "utf16.txt"]).current_dir(dir.path()).assert().code(0);
        let written = std::fs::read(&path).expect("read back");
        assert_eq!(written[..2], bom);
        let back = gwlint::source::decode(&written).expect("still decodes");
        assert_eq!(back.text, text.replace("位,请", "位，请"));
        assert_eq!(back.encoding, enc);
    }
}

#[test]
fn utf16_without_a_bom_is_a_decode_error() {
    for text in ["关于开展检查的通知\n各单位,请落实。\n", "关于开展检查的通知各单位请落实"]
    {
        let bytes = gwlint::source::encode(text, Encoding::Utf16Le, false).expect("encodable");
        assert_eq!(lint_bytes("utf16.txt", bytes.clone()).err(), Some(DecodeError::Binary), "{text}");
        let (code, v) = cli_json("utf16.txt", &bytes, &[]);
        assert_eq!((code, json_codes(&v)), (2, vec!["decode-error".to_string()]));
    }
}

#[test]
fn mixed_line_endings_keep_their_lines() {
    let text = "标题\r\n正文,一\r二\n三\r\n\r\r\n末行,内容";
    let (source, diagnostics) = lint_str("换行.txt", text);
    assert_eq!(source.index.line_count(), 7);
    let at: Vec<LineCol> =
        diagnostics.iter().filter(|d| d.code == "GW401").map(|d| source.line_col(d.span.start)).collect();
    assert_eq!(at, [LineCol { line: 2, column: 3 }, LineCol { line: 7, column: 3 }]);
    // Fixing changes the commas and not one line ending.
    assert_eq!(fix_twice("换行.txt", text), "标题\r\n正文，一\r二\n三\r\n\r\r\n末行，内容");
    let (code, v) = cli_json("换行.txt", text.as_bytes(), &["--select", "GW401"]);
    assert_eq!(code, 1);
    assert_eq!(v[0]["start"], serde_json::json!({ "line": 2, "column": 3 }));
    assert_eq!(v[1]["start"], serde_json::json!({ "line": 7, "column": 3 }));
}

#[test]
fn many_findings_on_one_line_render_in_linear_time() {
    // 100 000 half-width commas on one 900 KB line: every output position is a column deep in
    // a long line, counted from the nearest checkpoint of the line index.
    let text = "通知,".repeat(100_000);
    let (code, v) = cli_json("逗号.txt", text.as_bytes(), &["--select", "GW401"]);
    assert_eq!(code, 1);
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 100_000);
    assert_eq!(items[99_999]["start"], serde_json::json!({ "line": 1, "column": 300_000 }));
}

#[test]
fn twenty_thousand_markdown_paragraphs_and_a_twenty_thousand_line_paragraph() {
    // Each once took seconds (every block was matched against every text range).
    let paragraphs: String = (0..20_000).map(|i| format!("第{i}段,内容**加粗**。\n\n")).collect();
    let (_, diagnostics) = lint_str("段落.md", &paragraphs);
    assert_eq!(diagnostics.iter().filter(|d| d.code == "GW401").count(), 20_000);
    let soft: String = (0..20_000).map(|i| format!("第{i}行,内容**加粗**。\n")).collect();
    let (_, diagnostics) = lint_str("软换行.md", &soft);
    assert_eq!(diagnostics.iter().filter(|d| d.code == "GW401").count(), 20_000);
    let loose: String = (0..20_000).map(|i| format!("- 第{i}项,内容\n\n")).collect();
    let (_, diagnostics) = lint_str("松散列表.md", &loose);
    assert_eq!(diagnostics.iter().filter(|d| d.code == "GW401").count(), 20_000);
    fix_twice("段落.md", &paragraphs);
}

#[test]
fn two_hundred_thousand_unclosed_parentheses() {
    // Once minutes: each unclosed mark looked for its partner to the end of the line.
    let text = "（(".repeat(200_000);
    let (_, diagnostics) = lint_str("括号.txt", &text);
    assert_eq!(diagnostics.iter().filter(|d| d.code == "GW408").count(), 200_000, "every （ is unclosed");
    fix_twice("括号.txt", &text);
}
