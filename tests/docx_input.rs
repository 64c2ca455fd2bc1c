//! Bad Word files, read and written: every one is a clear error naming what is wrong and what to
//! do, exit code 2, never a panic, never `未发现问题`; `--fix` leaves the file as it was and
//! `--annotate` writes no copy. Bounded memory: parts are refused by their size before inflating.

use assert_cmd::Command;
use std::io::Write;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn package(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method).large_file(false);
    for (name, body) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(body).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
    )
    .into_bytes()
}

/// Run `gwlint check` with `args` on a copy of `bytes` named `name`: (exit code, stdout, stderr),
/// and whether the file is unchanged and no annotated copy was written.
fn run(name: &str, bytes: &[u8], args: &[&str]) -> (i32, String, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::cargo_bin("gwlint").unwrap().arg("check").args(args).arg(&path).output().unwrap();
    let untouched = std::fs::read(&path).unwrap() == bytes && std::fs::read_dir(dir.path()).unwrap().count() == 1;
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        untouched,
    )
}

/// Each way of running gwlint on a bad file fails the same clear way.
fn refused(name: &str, bytes: &[u8], says: &str) {
    for args in [&[][..], &["--fix"][..], &["--annotate"][..], &["--format", "json"][..]] {
        let (code, stdout, stderr, untouched) = run(name, bytes, args);
        let all = format!("{stdout}{stderr}");
        assert_eq!(code, 2, "{name} {args:?}: {all}");
        assert!(all.contains(says), "{name} {args:?}: expected “{says}” in {all}");
        // Never an all-clear: the summary says the check was incomplete.
        assert!(!all.lines().any(|l| l.trim() == "未发现问题。"), "{name} {args:?}: {all}");
        assert!(all.contains("没有读到任何文件") || args.contains(&"json"), "{name} {args:?}: {all}");
        assert!(!all.contains("panicked"), "{name} {args:?}: {all}");
        assert!(untouched, "{name} {args:?}: the file was changed or a copy written");
    }
}

#[test]
fn a_zip_bomb_is_refused_by_size() {
    // 70 MB of one letter compresses to well under a megabyte.
    let huge = document(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "a".repeat(70 << 20)));
    let bomb = package(&[("word/document.xml", &huge)], zip::CompressionMethod::Deflated);
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    refused("炸弹.docx", &bomb, "超过 64 MB");
}

#[test]
fn truncated_and_non_zip_files_are_refused() {
    let good = package(
        &[("word/document.xml", &document("<w:p><w:r><w:t>关于开展检查的通知</w:t></w:r></w:p>"))],
        zip::CompressionMethod::Deflated,
    );
    refused("截断.docx", &good[..good.len() / 2], "不是有效的 .docx 文件");
    refused("空.docx", b"", "不是有效的 .docx 文件");
}

#[test]
fn a_password_protected_document_says_so() {
    // The header of an OLE compound file and, in its directory, the stream MS-OFFCRYPTO names.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend(std::iter::repeat_n(0u8, 504));
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    encrypted.extend(std::iter::repeat_n(0u8, 1024));
    refused("加密.docx", &encrypted, "设了打开密码");
    // A .doc renamed to .docx is told to be saved as one.
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(std::iter::repeat_n(0u8, 1024));
    refused("改名.docx", &doc, "另存为");
}

#[test]
fn malformed_xml_and_missing_parts_are_refused() {
    let broken = package(&[("word/document.xml", b"<w:document><w:body><w:p>")], zip::CompressionMethod::Deflated);
    refused("坏.docx", &broken, "XML 无法解析");
    let no_document = package(&[("word/styles.xml", b"<x/>")], zip::CompressionMethod::Deflated);
    refused("无正文.docx", &no_document, "缺少正文");
    let utf16: Vec<u8> =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document/>".encode_utf16().flat_map(u16::to_le_bytes).collect();
    refused("UTF16.docx", &package(&[("word/document.xml", &utf16)], zip::CompressionMethod::Stored), "XML 无法解析");
    let dtd = format!("<!DOCTYPE d [<!ENTITY a \"啊啊啊啊\">]><w:document xmlns:w=\"{W}\"><w:body/></w:document>");
    refused(
        "实体.docx",
        &package(&[("word/document.xml", dtd.as_bytes())], zip::CompressionMethod::Deflated),
        "XML 无法解析",
    );
}

/// A document without a body reads as empty; annotating it says why nothing can be written.
#[test]
fn a_document_without_a_body_is_read_as_empty() {
    let bodiless = package(
        &[
            ("word/document.xml", format!("<w:document xmlns:w=\"{W}\"/>").as_bytes()),
            ("[Content_Types].xml", b"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ],
        zip::CompressionMethod::Deflated,
    );
    let (code, _, _, untouched) = run("空白.docx", &bodiless, &[]);
    assert!(code == 0 || code == 1, "{code}");
    assert!(untouched);
    let (code, stdout, stderr, untouched) = run("空白.docx", &bodiless, &["--annotate"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("没有正文"), "{stderr}");
    assert!(untouched, "no copy is written");
}

/// A table of five thousand rows is read, linted, fixed and annotated like any other document.
#[test]
fn a_huge_table_is_read_and_written() {
    let rows: String = (1..=5000)
        .map(|i| format!("<w:tr><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>某某镇人民政府,负责落实</w:t></w:r></w:p></w:tc></w:tr>"))
        .collect();
    let body = format!("<w:p><w:r><w:t>关于开展安全检查的通知</w:t></w:r></w:p><w:tbl>{rows}</w:tbl><w:sectPr/>");
    let docx = package(
        &[
            ("word/document.xml", &document(&body)),
            (
                "[Content_Types].xml",
                b"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>",
            ),
        ],
        zip::CompressionMethod::Deflated,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("大表.docx");
    std::fs::write(&path, &docx).unwrap();
    let json = Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--format", "json", "--exit-zero"])
        .arg(&path)
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let commas = found.as_array().unwrap().iter().filter(|d| d["code"] == "GW401").count();
    assert!(commas >= 1, "the half-width commas in the table are found");
    Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--annotate", "--quiet", "--exit-zero"])
        .arg(&path)
        .assert()
        .code(0);
    assert!(dir.path().join("大表.gwlint.docx").exists());
    Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--fix", "--quiet", "--exit-zero"])
        .arg(&path)
        .assert()
        .code(0);
    let text = gwlint::source::docx::read(&std::fs::read(&path).unwrap()).unwrap();
    assert!(text.contains("某某镇人民政府，负责落实") && !text.contains(','), "the commas are fixed in every cell");
}
