//! The command line as users and CI meet it: exit codes, every output format, encodings,
//! unreadable files among good ones, standard input, fixing and configuration errors.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn gwlint() -> Command {
    let mut cmd = Command::cargo_bin("gwlint").expect("binary built");
    cmd.env_remove("NO_COLOR").env("RUST_BACKTRACE", "0");
    cmd
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

const SEED: &str = "seed/jiangmen-work-rules-2023.txt";
const BAD: &str = "各单位要高度重视,认真落实(详见附件).\n";
const CLEAN: &str = "各单位要高度重视，认真落实。\n";

fn temp_dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

/// Runs gwlint with `args` in `dir`, requires exit code `code`, and returns standard output.
fn stdout_of(args: &[&str], dir: &Path, code: i32) -> Vec<u8> {
    gwlint().args(args).current_dir(dir).assert().code(code).get_output().stdout.clone()
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

#[test]
fn exit_0_when_clean_1_on_findings_2_on_unreadable() {
    let dir = temp_dir_with(&[("clean.txt", CLEAN.as_bytes()), ("bad.txt", BAD.as_bytes())]);
    gwlint().args(["check", "clean.txt"]).current_dir(dir.path()).assert().code(0);
    gwlint().args(["check", "bad.txt"]).current_dir(dir.path()).assert().code(1);
    gwlint().args(["check", "bad.txt", "--exit-zero"]).current_dir(dir.path()).assert().code(0);
    gwlint().args(["check", "missing.txt"]).current_dir(dir.path()).assert().code(2);
    gwlint().args(["check", "--select", "nonsense", "clean.txt"]).current_dir(dir.path()).assert().code(2);
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = temp_dir_with(&[("info.txt", "推进BRT建设。\n".as_bytes())]);
    gwlint().args(["check", "info.txt"]).current_dir(dir.path()).assert().code(0);
    gwlint().args(["check", "info.txt", "--fail-on", "info"]).current_dir(dir.path()).assert().code(1);
}

#[test]
fn json_output_follows_the_contract() {
    let dir = temp_dir_with(&[("草稿.txt", "江府[2023]20号\n".as_bytes())]);
    let out = stdout_of(&["check", "--format", "json", "草稿.txt"], dir.path(), 1);
    let v = json(&out);
    // A lone 文号 is no 公文: GW004 says so first; the 文号 finding follows.
    assert_eq!(v[0]["code"], "GW004");
    let d = v.as_array().unwrap().iter().find(|d| d["code"] == "GW302").expect("GW302");
    assert_eq!(d["path"], "草稿.txt");
    assert_eq!(d["code"], "GW302");
    assert_eq!(d["rule"], "doc-number-format");
    assert_eq!(d["category"], "格式");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["start"]["line"], 1);
    assert_eq!(d["start"]["column"], 3, "columns count characters, not bytes");
    assert_eq!(d["byte_start"], 6);
    assert_eq!(d["fix"]["applicability"], "safe");
    assert_eq!(d["fix"]["edits"][0]["replacement"], "〔2023〕20号");
    assert!(d["source"].as_str().unwrap().contains("GB/T 9704"));
}

#[test]
fn a_folder_of_word_documents_is_never_clean() {
    // Only .docx, .doc and .pdf drafts: each is named as what it is, and the run fails (exit 2)
    // instead of passing an unread folder as clean.
    let dir = temp_dir_with(&[
        ("请示.docx", b"PK\x03\x04\x14\0\0\0\0\0word/document.xml"),
        ("旧稿.doc", b"<html><body>\xe7\xa4\xba</body></html>"),
        ("印发稿.pdf", b"%PDF-1.7\n"),
    ]);
    let out = stdout_of(&["check", "--format", "json", "."], dir.path(), 2);
    let items = json(&out);
    let failed: Vec<_> = items.as_array().unwrap().iter().filter(|d| d["code"] == "decode-error").collect();
    assert_eq!(failed.len(), 3, "{items:#}");
    let message =
        |path: &str| failed.iter().find(|d| d["path"] == path).unwrap()["message"].as_str().unwrap().to_string();
    // A .docx is read as one; a broken one says so.
    assert!(message("请示.docx").contains("不是有效的 .docx 文件"), "{}", message("请示.docx"));
    assert!(message("旧稿.doc").contains("Word 文档（.doc）"));
    assert!(message("印发稿.pdf").contains("PDF"));
    let human = gwlint().args(["check", "."]).current_dir(dir.path()).assert().code(2).get_output().stdout.clone();
    assert!(!String::from_utf8_lossy(&human).contains("未发现问题。\n"), "{}", String::from_utf8_lossy(&human));
}

#[test]
fn a_docx_raises_the_findings_of_its_text() {
    // fixtures/docx/*.docx are the drafts of fixtures/drafts/ saved as .docx by LibreOffice: one
    // paragraph per line, so the same rules fire at the same lines.
    // The 版式 rules (GW9xx) read the .docx's layout, which a .txt has not: compared apart.
    let codes_and_lines = |path: &Path| {
        let out = gwlint().args(["check", "--format", "json"]).arg(path).assert().get_output().stdout.clone();
        let mut found: Vec<(String, u64)> = json(&out)
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].as_str().unwrap().to_string(), d["start"]["line"].as_u64().unwrap_or(0)))
            .collect();
        found.sort();
        found.into_iter().partition::<Vec<_>, _>(|(code, _)| !code.starts_with("GW9"))
    };
    let (mut compared, mut findings) = (0, 0);
    for entry in std::fs::read_dir(fixture("docx")).unwrap() {
        let docx = entry.unwrap().path();
        if docx.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        let text = fixture("drafts").join(docx.file_stem().unwrap()).with_extension("txt");
        let (from_docx, layout) = codes_and_lines(&docx);
        let (from_text, none) = codes_and_lines(&text);
        findings += from_docx.len();
        assert_eq!(from_docx, from_text, "{}", docx.display());
        assert!(none.is_empty(), "a .txt has no layout to check: {none:?}");
        assert!(!layout.is_empty(), "LibreOffice's plain conversion is not laid out to GB/T 9704: {}", docx.display());
        compared += 1;
    }
    assert!(compared >= 2, "{compared} .docx fixtures");
    assert!(findings > 0, "the fixtures raise findings, so the comparison means something");
}

#[test]
fn unreadable_and_binary_files_do_not_stop_the_others() {
    let dir = temp_dir_with(&[
        ("a.txt", BAD.as_bytes()),
        ("b.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
        ("c.md", CLEAN.as_bytes()),
    ]);
    let out = stdout_of(&["check", "--format", "json", "."], dir.path(), 2);
    let v = json(&out);
    let items = v.as_array().unwrap();
    assert!(items.iter().any(|d| d["path"] == "a.txt" && d["code"] == "GW401"));
    let failed: Vec<_> = items.iter().filter(|d| d["code"] == "decode-error").collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["path"], "b.txt");
    assert!(failed[0].get("start").is_none());
}

#[test]
fn every_output_format_renders() {
    let dir = temp_dir_with(&[("bad.txt", BAD.as_bytes())]);
    let run = |fmt: &str| String::from_utf8(stdout_of(&["check", "--format", fmt, "bad.txt"], dir.path(), 1)).unwrap();
    let human = run("human");
    assert!(human.contains("bad.txt:1:9: GW401 fullwidth-punct"), "{human}");
    assert!(human.contains("共发现"), "{human}");
    let concise = run("concise");
    assert!(concise.lines().any(|l| l.starts_with("bad.txt:1:9: GW401 [错误]")), "{concise}");
    let github = run("github");
    assert!(github.lines().any(|l| l.starts_with("::error file=bad.txt,line=1,col=9,")), "{github}");
    assert!(github.lines().any(|l| l.starts_with("::notice file=bad.txt,line=1,col=1,")), "{github}");
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "GW401"), "{rules:?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let gw401 = results.iter().find(|r| r["ruleId"] == "GW401").expect("a GW401 result");
    assert_eq!(gw401["locations"][0]["physicalLocation"]["region"]["startColumn"], 9);
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert!(json.as_array().unwrap().len() >= 3);
}

#[test]
fn english_messages_on_request() {
    let dir = temp_dir_with(&[("bad.txt", BAD.as_bytes())]);
    let out = stdout_of(&["check", "--format", "concise", "--lang", "en", "bad.txt"], dir.path(), 1);
    assert!(String::from_utf8(out).unwrap().contains("full-width"));
}

#[test]
fn gbk_seed_gives_the_same_findings_as_utf8() {
    let utf8 = std::fs::read_to_string(fixture(SEED)).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&utf8);
    assert!(!unmappable);
    let dir = temp_dir_with(&[("seed-utf8.txt", utf8.as_bytes()), ("seed-gbk.txt", &gbk)]);
    let run = |name: &str| {
        let out = stdout_of(&["check", "--format", "json", name], dir.path(), 1);
        json(&out)
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].clone(), d["start"].clone(), d["message"].clone()))
            .collect::<Vec<_>>()
    };
    let (a, b) = (run("seed-utf8.txt"), run("seed-gbk.txt"));
    assert_eq!(a, b);
    assert_eq!(a.iter().filter(|d| d.0 == "GW607").count(), 2, "the seed's two stray “and”");
}

#[test]
fn seed_correct_parts_raise_nothing() {
    let out =
        gwlint().args(["check", "--format", "json"]).arg(fixture(SEED)).assert().code(1).get_output().stdout.clone();
    let v = json(&out);
    for d in v.as_array().unwrap() {
        let line = d["start"]["line"].as_u64().unwrap();
        assert!(![5, 7, 9, 13, 15].contains(&line) || d["code"] != "GW302" && d["code"] != "GW303", "{d}");
    }
    let lines: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "GW607")
        .map(|d| d["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [23, 153]);
}

#[test]
fn standard_input_with_a_name() {
    let out = gwlint()
        .args(["check", "--format", "json", "--stdin-filename", "草稿.md", "-"])
        .write_stdin(BAD)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v[0]["path"], "草稿.md");
    gwlint().args(["check", "-"]).write_stdin(CLEAN).assert().code(0);
}

#[test]
fn fix_writes_gbk_crlf_back_as_gbk_crlf_and_is_idempotent() {
    let text = "示例市人民政府关于做好冬季防火工作的通知\r\n各区人民政府：\r\n各单位要高度重视,认真落实(详见附件).\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let dir = temp_dir_with(&[("通知.txt", &gbk)]);
    let path = dir.path().join("通知.txt");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    gwlint().args(["check", "--fix", "通知.txt"]).current_dir(dir.path()).assert().code(0);
    let bytes = std::fs::read(&path).unwrap();
    let (decoded, _, errors) = encoding_rs::GBK.decode(&bytes);
    assert!(!errors, "still GBK");
    assert_eq!(
        decoded,
        "示例市人民政府关于做好冬季防火工作的通知\r\n各区人民政府：\r\n各单位要高度重视，认真落实（详见附件）。\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
    gwlint().args(["check", "--fix", "通知.txt"]).current_dir(dir.path()).assert().code(0);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "a second --fix changes no byte");
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = temp_dir_with(&[("bad.txt", BAD.as_bytes())]);
    let out = stdout_of(&["check", "--diff", "bad.txt"], dir.path(), 1);
    let diff = String::from_utf8(out).unwrap();
    assert!(
        diff.contains("-各单位要高度重视,认真落实(详见附件).")
            && diff.contains("+各单位要高度重视，认真落实（详见附件）。"),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("bad.txt")).unwrap(), BAD);
}

#[test]
fn config_errors_name_file_and_line() {
    let dir = temp_dir_with(&[("gwlint.toml", b"[rules]\nGW999 = \"error\"\n"), ("a.txt", CLEAN.as_bytes())]);
    let assert = gwlint().args(["check", "a.txt"]).current_dir(dir.path()).assert().code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("gwlint.toml:2") && err.contains("GW999"), "{err}");
}

#[test]
fn config_is_discovered_and_changes_severity() {
    let dir = temp_dir_with(&[("gwlint.toml", b"[rules]\nGW401 = \"off\"\n")]);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/a.txt"), BAD).unwrap();
    gwlint().args(["check", "sub/a.txt"]).current_dir(dir.path()).assert().code(0);
}

#[test]
fn gitignore_and_gwlintignore_are_honoured() {
    let dir = temp_dir_with(&[
        (".gitignore", b"ignored.txt\n"),
        (".gwlintignore", b"drafts-old/\n"),
        ("ignored.txt", BAD.as_bytes()),
        ("ok.txt", CLEAN.as_bytes()),
    ]);
    std::fs::create_dir(dir.path().join("drafts-old")).unwrap();
    std::fs::write(dir.path().join("drafts-old/x.md"), BAD).unwrap();
    gwlint().args(["check", "."]).current_dir(dir.path()).assert().code(0);
}

#[test]
fn inline_suppression_in_text_files() {
    let text = "// gwlint-disable-next-line GW401\n各单位要高度重视,认真落实。\n";
    let dir = temp_dir_with(&[("a.txt", text.as_bytes())]);
    gwlint().args(["check", "a.txt"]).current_dir(dir.path()).assert().code(0);
}

#[test]
fn parse_shows_the_model() {
    let out = gwlint().arg("parse").arg(fixture(SEED)).assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    for part in ["文种：通知", "江府〔2023〕20号", "各县（市、区）人民政府", "2023年9月22日", "抄送", "印发机关"]
    {
        assert!(text.contains(part), "missing {part} in\n{text}");
    }
    let out =
        gwlint().args(["parse", "--format", "json"]).arg(fixture(SEED)).assert().code(0).get_output().stdout.clone();
    let v = json(&out);
    assert_eq!(v["kind"]["kind"], "通知");
    assert_eq!(v["header"]["doc_number"]["text"], "江府〔2023〕20号");
    assert_eq!(v["header"]["doc_number"]["span"]["start"]["line"], 5);
    assert_eq!(v["date"]["span"]["start"], serde_json::json!({"line": 15, "column": 1}));
}

/// A consultation letter without a reply deadline: the 江门 pack's GW704 asks for one.
fn consultation_from(bureau: &str) -> String {
    format!(
        "{bureau}关于征求《城市更新专项规划（征求意见稿）》意见的函\n\n市直有关单位：\n\n\
         我局组织编制了《城市更新专项规划（征求意见稿）》，现送上征求意见，请提出书面意见。\n\n{bureau}\n\n2025年6月6日\n"
    )
}

fn codes(out: &[u8]) -> Vec<String> {
    json(out).as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap_or("").to_string()).collect()
}

#[test]
fn a_jiangmen_draft_meets_the_jiangmen_rules_without_configuration() {
    let dir = temp_dir_with(&[("jiangmen.txt", consultation_from("台山市住房和城乡建设局").as_bytes())]);
    let out = stdout_of(&["check", "--format", "json", "--exit-zero", "jiangmen.txt"], dir.path(), 0);
    assert!(codes(&out).contains(&"GW704".to_string()), "{}", String::from_utf8_lossy(&out));
}

#[test]
fn a_sichuan_draft_does_not() {
    let dir = temp_dir_with(&[("sichuan.txt", consultation_from("南充市住房和城乡建设局").as_bytes())]);
    let out = stdout_of(&["check", "--format", "json", "--exit-zero", "sichuan.txt"], dir.path(), 0);
    assert!(!codes(&out).contains(&"GW704".to_string()), "{}", String::from_utf8_lossy(&out));
}

#[test]
fn listing_rule_packs_turns_the_regional_ones_off() {
    let dir = temp_dir_with(&[
        ("gwlint.toml", b"rule-packs = [\"national\"]\n"),
        ("jiangmen.txt", consultation_from("台山市住房和城乡建设局").as_bytes()),
    ]);
    let out = stdout_of(&["check", "--format", "json", "--exit-zero", "jiangmen.txt"], dir.path(), 0);
    assert!(!codes(&out).contains(&"GW704".to_string()), "{}", String::from_utf8_lossy(&out));
    let text = String::from_utf8(stdout_of(&["parse", "jiangmen.txt"], dir.path(), 0)).unwrap();
    assert!(text.contains("规则包：national\n") && text.contains("只启用其中列出的规则包"), "{text}");
}

#[test]
fn parse_says_which_packs_apply_and_why() {
    let dir = temp_dir_with(&[
        ("jiangmen.txt", consultation_from("台山市住房和城乡建设局").as_bytes()),
        ("unknown.txt", "关于做好有关工作的通知\n\n请认真落实。\n".as_bytes()),
    ]);
    let text = String::from_utf8(stdout_of(&["parse", "jiangmen.txt"], dir.path(), 0)).unwrap();
    assert!(text.contains("规则包：national、guangdong、jiangmen"), "{text}");
    assert!(
        text.contains("jiangmen（江门）") && text.contains("发文机关“台山市住房和城乡建设局”属江门市（4407）"),
        "{text}"
    );
    let v = json(&stdout_of(&["parse", "--format", "json", "jiangmen.txt"], dir.path(), 0));
    let packs = v["rule_packs"]["packs"].as_array().unwrap();
    let jiangmen = packs.iter().find(|p| p["name"] == "jiangmen").expect("jiangmen applies");
    assert_eq!(jiangmen["region_code"], 440700);
    assert_eq!(jiangmen["reason"], "发文机关“台山市住房和城乡建设局”属江门市（4407）");
    let text = String::from_utf8(stdout_of(&["parse", "unknown.txt"], dir.path(), 0)).unwrap();
    assert!(text.contains("规则包：national\n") && text.contains("未识别发文机关，不启用地方规则包"), "{text}");
    let v = json(&stdout_of(&["parse", "--format", "json", "unknown.txt"], dir.path(), 0));
    assert_eq!(v["rule_packs"]["packs"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["rule_packs"]["note"], "未识别发文机关，不启用地方规则包");
}

#[test]
fn rules_and_explain() {
    let out = gwlint().args(["rules", "--format", "json"]).assert().code(0).get_output().stdout.clone();
    let v = json(&out);
    assert!(v.as_array().unwrap().iter().any(|r| r["code"] == "GW302" && r["name"] == "doc-number-format"));
    assert!(v.as_array().unwrap().iter().any(|r| r["code"] == "GW704" && r["pack"] == "jiangmen"));
    let text = String::from_utf8(gwlint().arg("rules").assert().code(0).get_output().stdout.clone()).unwrap();
    let line = text.lines().find(|l| l.starts_with("GW704")).expect("GW704 listed");
    assert!(line.contains("jiangmen"), "{line}");
    let out = gwlint().args(["explain", "doc-number-format"]).assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("GW302") && text.contains("反例") && text.contains("正例") && text.contains("7.2.5"));
    gwlint().args(["explain", "GW999"]).assert().code(2);
    // A Chinese keyword finds the rules that mention it.
    let out = gwlint().args(["explain", "序次语"]).assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("GW402"), "{text}");
    let out = gwlint().args(["rules", "越级"]).assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().any(|l| l.starts_with("GW202")) && !text.lines().any(|l| l.starts_with("GW402")), "{text}");
    gwlint().args(["explain", "没有这样的规则"]).assert().code(2);
}

#[test]
fn help_and_usage_errors_are_chinese() {
    let out = gwlint().arg("--help").assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("用法：") && text.contains("命令：") && !text.contains("Usage:"), "{text}");
    let out = gwlint().args(["check", "--help"]).assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    for english in ["Usage:", "Options:", "Arguments:", "[default:", "[possible values:", "Print help"] {
        assert!(!text.contains(english), "{english} in:\n{text}");
    }
    assert!(text.contains("［默认：human］") && text.contains("显示帮助"), "{text}");
    let out = gwlint().args(["check", "--format", "xml"]).assert().code(2).get_output().stderr.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("无效的值") && text.contains("可选值"), "{text}");
    let out = gwlint().args(["check", "--no-such-option"]).assert().code(2).get_output().stderr.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("错误：") && !text.contains("error:"), "{text}");
}

#[test]
fn init_writes_a_valid_config_once() {
    let dir = tempfile::tempdir().unwrap();
    gwlint().arg("init").current_dir(dir.path()).assert().code(0);
    assert!(dir.path().join("gwlint.toml").exists());
    gwlint().arg("init").current_dir(dir.path()).assert().code(2);
    std::fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    gwlint().args(["check", "a.txt"]).current_dir(dir.path()).assert().code(0);
}

#[test]
fn user_rules_from_the_config() {
    let config = "[[rule]]\ncode = \"U001\"\nname = \"no-vague-departments\"\nkind = \"existence\"\nwords = [\"相关部门\", \"有关方面\"]\nmessage = \"请写明具体部门，不写“{match}”\"\nscope = [\"正文\"]\ndoc-kinds = [\"通知\"]\n\n[[rule]]\ncode = \"U002\"\nname = \"city-abbreviation\"\nkind = \"substitution\"\nswap = { \"江门市政府\" = \"江门市人民政府\" }\nmessage = \"“{match}”应写作“{replace}”\"\nfix = \"safe\"\nseverity = \"error\"\n";
    let draft = "江门市人民政府关于开展检查的通知\n各县（市、区）人民政府：\n请相关部门配合江门市政府做好检查。\n";
    let dir = temp_dir_with(&[("gwlint.toml", config.as_bytes()), ("a.txt", draft.as_bytes())]);
    let out = stdout_of(&["check", "--format", "json", "a.txt"], dir.path(), 1);
    let v = json(&out);
    let codes: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["severity"].as_str().unwrap().to_string()))
        .collect();
    assert!(codes.contains(&("U001".into(), "warning".into())), "{codes:?}");
    assert!(codes.contains(&("U002".into(), "error".into())), "{codes:?}");
    gwlint().args(["check", "--fix", "a.txt"]).current_dir(dir.path()).assert().code(1);
    assert!(std::fs::read_to_string(dir.path().join("a.txt")).unwrap().contains("配合江门市人民政府做好"));
    gwlint().args(["check", "--ignore", "U", "--select", "U002", "a.txt"]).current_dir(dir.path()).assert().code(0);
    let bad = temp_dir_with(&[
        (
            "gwlint.toml",
            b"[[rule]]\ncode = \"U001\"\nname = \"x\"\nkind = \"existence\"\npattern = \"(\"\nmessage = \"m\"\n",
        ),
        ("a.txt", draft.as_bytes()),
    ]);
    let err = gwlint().args(["check", "a.txt"]).current_dir(bad.path()).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8(err).unwrap().contains("gwlint.toml:1"));
}

#[test]
fn a_fix_that_would_change_markdown_structure_is_refused_and_reported() {
    // A (deliberately bad) user rule whose "fix" would turn a paragraph into a list item.
    let config = "[[rule]]\ncode = \"U001\"\nname = \"bad-fix\"\nkind = \"substitution\"\nswap = { \"一是\" = \"- 一是\" }\nmessage = \"m\"\nfix = \"safe\"\n";
    let draft = "# 示例市人民政府关于开展检查的通知\n\n一是加强领导，认真落实。\n";
    let dir = temp_dir_with(&[("gwlint.toml", config.as_bytes()), ("a.md", draft.as_bytes())]);
    let assert = gwlint().args(["check", "--fix", "a.md"]).current_dir(dir.path()).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("改变文档结构"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), draft, "nothing written");
}

/// A report carrying a request: GW101 rests on the 条例 for everyone, and cites
/// 《江门市人民政府工作规则》 only to drafts the 江门 pack applies to.
fn report_with_request(bureau: &str) -> String {
    format!(
        "{bureau}关于道路养护情况的报告\n\n市人民政府：\n\n现将有关情况报告如下。\n\n妥否，请批示。\n\n{bureau}\n\n2025年6月6日\n"
    )
}

#[test]
fn citations_follow_the_jurisdiction() {
    let dir = temp_dir_with(&[
        ("jiangmen.txt", report_with_request("台山市交通运输局").as_bytes()),
        ("sichuan.txt", report_with_request("南充市交通运输局").as_bytes()),
    ]);
    let source_of = |file: &str| {
        let out = stdout_of(&["check", "--format", "json", "--exit-zero", file], dir.path(), 0);
        let v = json(&out);
        let d = v.as_array().unwrap().iter().find(|d| d["code"] == "GW101").cloned().expect("GW101 fires");
        d["source"].as_str().unwrap().to_string()
    };
    let sichuan = source_of("sichuan.txt");
    assert!(sichuan.contains("党政机关公文处理工作条例") && !sichuan.contains("江门"), "{sichuan}");
    let jiangmen = source_of("jiangmen.txt");
    assert!(jiangmen.contains("党政机关公文处理工作条例") && jiangmen.contains("江门市人民政府工作规则"), "{jiangmen}");
}

#[test]
fn the_rule_reference_in_docs_is_current() {
    let out = gwlint().args(["rules", "--format", "markdown"]).assert().code(0).get_output().stdout.clone();
    let generated = String::from_utf8(out).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let shipped = std::fs::read_to_string(&path).expect("docs/rules.md");
    assert!(
        shipped == generated,
        "docs/rules.md is stale: run `cargo run --release -- rules --format markdown > docs/rules.md`"
    );
    assert!(generated.contains("## GW202") && generated.contains("### 依据"));
}

#[test]
fn every_example_in_the_starter_config_is_valid() {
    // Uncomment every example line of `gwlint init`'s file: the result must load as it stands,
    // so that the commented examples users copy are right.
    let starter = gwlint::config::STARTER;
    let example = regex::Regex::new(r#"^# (\[|[A-Za-z0-9"-]+ = )"#).unwrap();
    let uncommented: String = starter
        .lines()
        .map(|line| if example.is_match(line) { line.trim_start_matches("# ").to_string() } else { line.to_string() })
        .collect::<Vec<_>>()
        .join("\n");
    for table in ["[[org]]", "[[group]]", "[calendar]", "[words]", "[[rule]]", "rule-packs", "[rules.GW704]"] {
        assert!(uncommented.contains(table), "the starter shows no {table}");
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), &uncommented).unwrap();
    std::fs::create_dir(dir.path().join("calendar")).unwrap();
    let year = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("lints/calendar/2026.toml"))
        .unwrap()
        .replace("2026", "2027");
    std::fs::write(dir.path().join("calendar/2027.toml"), year).unwrap();
    std::fs::create_dir(dir.path().join("词表")).unwrap();
    std::fs::write(dir.path().join("词表/专名.txt"), "五邑\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    let out = gwlint().args(["check", "a.txt"]).current_dir(dir.path()).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn statistics_replace_the_listing_as_ruff_does() {
    let dir = temp_dir_with(&[("bad.txt", BAD.as_bytes())]);
    let out =
        gwlint().args(["check", "--statistics", "bad.txt", "missing.txt"]).current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("数量") && text.contains("可修复"), "{text}");
    // No finding is listed one by one, and the unreadable file is still said.
    assert!(!text.contains("依据："), "{text}");
    assert!(text.contains("missing.txt") && text.contains("另有 1 个文件无法读取"), "{text}");
    // A machine format stays whole on standard output; the table goes to standard error.
    let out = gwlint()
        .args(["check", "--statistics", "--format", "json", "bad.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
    assert!(String::from_utf8(out.stderr).unwrap().contains("数量"));
}

/// "其中 N 个可自动修复" counts what is fixable before fixing; `--fix` re-lints after each round,
/// and a fix can expose another (full-width `１、` made half-width is then an ordinal whose
/// punctuation is checked). The count applied may be larger, and the line says why.
#[test]
fn fix_counts_agree_with_the_fixable_count_or_say_why_not() {
    let chained = "各镇人民政府：\n\n１、加强巡查。\n";
    let plain = "各镇人民政府：\n\n一、加强巡查,落实责任.\n";
    let dir = temp_dir_with(&[("chained.txt", chained.as_bytes()), ("plain.txt", plain.as_bytes())]);
    let fixable = |name: &str| {
        let out = gwlint().args(["check", name]).current_dir(dir.path()).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let at = text.find("其中 ").unwrap_or_else(|| panic!("no summary: {text}"));
        text[at + "其中 ".len()..].split(' ').next().unwrap().parse::<usize>().unwrap()
    };
    let applied = |name: &str| {
        let out = gwlint().args(["check", "--fix", name]).current_dir(dir.path()).output().unwrap();
        String::from_utf8(out.stderr).unwrap()
    };

    let before = fixable("plain.txt");
    let line = applied("plain.txt");
    assert!(line.contains(&format!("已修复 {before} 处")), "plain: {before} fixable, then {line}");
    assert!(!line.contains("复查时才发现"), "{line}");

    let before = fixable("chained.txt");
    let line = applied("chained.txt");
    assert_eq!(std::fs::read_to_string(dir.path().join("chained.txt")).unwrap(), "各镇人民政府：\n\n1.加强巡查。\n");
    assert!(line.contains(&format!("已修复 {} 处", before + 1)), "chained: {before} fixable, then {line}");
    assert!(line.contains("其中 1 处是前面的修复完成后复查时才发现的"), "{line}");
}

#[test]
fn the_man_pages_in_docs_are_current_and_cover_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    gwlint().args(["man", "--out-dir"]).arg(dir.path()).assert().code(0);
    let shipped_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for sub in ["gwlint.1", "gwlint-check.1", "gwlint-explain.1", "gwlint-lsp.1", "gwlint-man.1"] {
        assert!(names.iter().any(|n| n == sub), "{sub} missing from {names:?}");
    }
    for name in &names {
        let generated = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let shipped = std::fs::read_to_string(shipped_dir.join(name)).unwrap_or_default();
        assert!(shipped == generated, "docs/man/{name} is stale: run `cargo run --release -- man --out-dir docs/man`");
    }
    let main = std::fs::read_to_string(dir.path().join("gwlint.1")).unwrap();
    assert!(main.contains(".TH gwlint 1") && main.contains("EXIT STATUS") && main.contains("\\-\\-annotate"), "{main}");
    let check = std::fs::read_to_string(dir.path().join("gwlint-check.1")).unwrap();
    assert!(check.contains("fail\\-on") && check.contains("gwlint check"), "{check}");
}

/// How many files a human-format run took from the result cache (its note on standard error).
fn cached_files(dir: &Path, args: &[&str]) -> (usize, String) {
    let out = gwlint().args(["check", "--no-color"]).args(args).current_dir(dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let n = stderr.split("（其中 ").nth(1).and_then(|s| s.split(' ').next()).map_or(0, |n| n.parse().expect("a count"));
    (n, String::from_utf8_lossy(&out.stdout).to_string())
}

#[test]
fn the_result_cache_is_reused_only_while_nothing_that_decides_a_result_changed() {
    let dir = temp_dir_with(&[
        ("a.txt", BAD.as_bytes()),
        ("b.md", CLEAN.as_bytes()),
        ("c.txt", "推进BRT建设。\n".as_bytes()),
        ("words.dic", "某某\n".as_bytes()),
        ("2027.toml", "year = 2027\nnotice = \"通知\"\n".as_bytes()),
        ("gwlint.toml", "[words]\nfiles = [\"words.dic\"]\n[calendar]\nfiles = [\"2027.toml\"]\n".as_bytes()),
    ]);
    let p = dir.path();
    let (first, first_out) = cached_files(p, &["."]);
    assert_eq!(first, 0);
    assert!(p.join(".gwlint_cache/.gitignore").exists() && p.join(".gwlint_cache/CACHEDIR.TAG").exists());
    let (second, second_out) = cached_files(p, &["."]);
    assert_eq!(second, 3, "all three drafts from the cache");
    assert_eq!(first_out, second_out, "the same report from the cache");
    // Each part of the key: the file's content, the config, a word list, a calendar, the
    // command line's selection; and --no-cache.
    std::fs::write(p.join("a.txt"), format!("{BAD}再补一句,\n")).unwrap();
    assert_eq!(cached_files(p, &["."]).0, 2, "only the changed file is linted again");
    std::fs::write(p.join("words.dic"), "某某\n另一\n").unwrap();
    assert_eq!(cached_files(p, &["."]).0, 0, "a word list changed");
    std::fs::write(p.join("2027.toml"), "year = 2027\nnotice = \"新通知\"\n").unwrap();
    assert_eq!(cached_files(p, &["."]).0, 0, "a calendar changed");
    std::fs::write(
        p.join("gwlint.toml"),
        "[words]\nfiles = [\"words.dic\"]\n[calendar]\nfiles = [\"2027.toml\"]\n# 改\n",
    )
    .unwrap();
    assert_eq!(cached_files(p, &["."]).0, 0, "the config changed");
    assert_eq!(cached_files(p, &["."]).0, 3);
    assert_eq!(cached_files(p, &["--ignore", "GW401", "."]).0, 0, "another selection");
    assert_eq!(cached_files(p, &["--no-cache", "."]).0, 0);
    // Fixing never takes a result from the cache.
    assert_eq!(cached_files(p, &["--fix", "."]).0, 0);
}

/// A result recalled from the cache is written exactly as a fresh one, in every format: its
/// places (lines, columns, byte offsets; SARIF's regions in a GBK file and after a BOM) and
/// the human format's snippets — for text, Markdown, GBK and .docx drafts alike.
#[test]
fn cached_results_render_exactly_as_fresh_ones_in_every_format() {
    let read = |rel: &str| std::fs::read(fixture(rel)).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(read("drafts/baogao-road-maintenance.txt"));
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.txt", read("drafts/baogao-road-maintenance.txt")),
        ("b.md", read("drafts/qingshi-school-repair.md")),
        ("c.gbk.txt", read("drafts/tongzhi-fire-safety.gbk.txt")),
        ("d.docx", read("docx/tongzhi-fire-safety.docx")),
        ("e-bom.txt", bom),
        ("f.TXT", b"\xff\xfe\x00".to_vec()),
    ];
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let dir = temp_dir_with(&refs);
    // Settled files, so that the second run of each format answers them from the folder's pack
    // (already rendered, for the formats whose parts it keeps) without reading them.
    settle(dir.path(), &["a.txt", "b.md", "c.gbk.txt", "d.docx", "e-bom.txt", "f.TXT"]);
    for format in ["json", "sarif", "github", "concise", "human"] {
        let run = |extra: &[&str]| {
            let out = gwlint()
                .args([&["check", "--format", format, "--no-color"][..], extra, &["."]].concat())
                .current_dir(dir.path())
                .output()
                .unwrap();
            ((out.status.code(), out.stdout), String::from_utf8_lossy(&out.stderr).to_string())
        };
        let (fresh, _) = run(&["--no-cache"]);
        assert_eq!(fresh.0, Some(2), "{format}: an unreadable file is reported");
        let (first, _) = run(&[]);
        assert_eq!(first, fresh, "{format}: the run that fills the cache");
        if format != "sarif" {
            // Every format but SARIF keeps each file's part in the folder's pack: without the
            // entries, the second run still answers every file, none read.
            remove_cache_entries(dir.path());
        }
        // (--statistics would make the human format show a table instead of its findings.)
        let (recalled, stderr) = run(if format == "human" { &[] } else { &["--statistics"] });
        assert_eq!(recalled, fresh, "{format}: the run that reads it");
        if format == "human" {
            assert!(stderr.contains("其中 5 个文件"), "human: all from the pack: {stderr}");
        } else {
            assert_eq!(cache_line(&stderr), (5, 5, 0), "{format}: none read again");
        }
    }
    let (n, _) = cached_files(dir.path(), &["."]);
    assert_eq!(n, 5, "every readable file came from the cache");
}

/// Make files look written an hour ago and wait until their change times are settled too (no
/// program can set those back): a result cache trusts a file's stamp only then.
fn settle(dir: &Path, names: &[&str]) {
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for name in names {
        std::fs::File::options().write(true).open(dir.join(name)).unwrap().set_modified(old).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(2100));
}

/// Delete the cache's content-keyed entries (its two-hex-digit folders), keeping the packs.
fn remove_cache_entries(dir: &Path) {
    for e in std::fs::read_dir(dir.join(".gwlint_cache")).unwrap().flatten() {
        if e.file_name().len() == 2 && e.path().is_dir() {
            std::fs::remove_dir_all(e.path()).unwrap();
        }
    }
}

/// The cache line of `--statistics`: (files from the cache, of which not read, files linted).
fn cache_counts(dir: &Path, args: &[&str]) -> (usize, usize, usize) {
    let out = gwlint().args(["check", "--no-color", "--statistics"]).args(args).current_dir(dir).output().unwrap();
    cache_line(&String::from_utf8_lossy(&out.stderr))
}

fn cache_line(stderr: &str) -> (usize, usize, usize) {
    let line =
        stderr.lines().find(|l| l.starts_with("结果缓存：")).unwrap_or_else(|| panic!("no cache line in {stderr}"));
    let numbers: Vec<usize> =
        line.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|n| n.parse().unwrap()).collect();
    (numbers[0], numbers[1], numbers[2])
}

#[test]
fn unchanged_files_are_not_read_again_and_every_change_is_seen() {
    let dir = temp_dir_with(&[
        ("a.txt", "各单位要高度重视,认真落实。\n".as_bytes()),
        ("b.txt", "请各单位认真贯彻落实。\n".as_bytes()),
    ]);
    let p = dir.path();
    std::fs::create_dir(p.join("sub")).unwrap();
    std::fs::write(p.join("sub/c.txt"), "推进BRT建设。\n").unwrap();
    settle(p, &["a.txt", "b.txt", "sub/c.txt"]);
    let json = |extra: &[&str]| {
        let out = gwlint()
            .args([&["check", "--format", "json"][..], extra, &["."]].concat())
            .current_dir(p)
            .output()
            .unwrap();
        out.stdout
    };
    let first = json(&[]);
    assert_eq!(first, json(&["--no-cache"]));
    assert_eq!(cache_counts(p, &["--format", "json", "."]), (3, 3, 0), "nothing read the second time");
    assert_eq!(json(&[]), first);

    // Same size, same modification time, other content: its change time gives it away.
    let stamp = std::fs::metadata(p.join("a.txt")).unwrap().modified().unwrap();
    std::fs::write(p.join("a.txt"), "各单位要高度重视.认真落实。\n").unwrap();
    std::fs::File::options().write(true).open(p.join("a.txt")).unwrap().set_modified(stamp).unwrap();
    let changed = json(&["--no-cache"]);
    assert_ne!(changed, first, "the change shows in the findings");
    assert_eq!(json(&[]), changed, "a changed file is linted again");
    // Just written, its stamp is not trusted yet: read again, its content found in the cache.
    assert_eq!(cache_counts(p, &["--format", "json", "."]), (3, 2, 0));

    // Moved to another folder: not read-free there, but its content is known.
    std::fs::rename(p.join("b.txt"), p.join("sub/b.txt")).unwrap();
    let moved = json(&["--no-cache"]);
    assert_eq!(json(&[]), moved);
    // Named another way, the same files show other paths: rendered again, still not read.
    let sub = p.join("sub");
    let sub = sub.to_str().unwrap();
    let out = gwlint().args(["check", "--format", "json", sub]).current_dir(p).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{sub}/c.txt")), "paths as given");
    assert_eq!(cache_counts(p, &["--format", "json", sub]), (2, 1, 0), "c.txt settled, b.txt moved just now");
}

#[test]
fn concurrent_runs_share_the_cache_safely() {
    let files: Vec<(String, Vec<u8>)> =
        (0..40).map(|i| (format!("d{i:02}.txt"), format!("第{i}稿,请阅.\n").into_bytes())).collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let dir = temp_dir_with(&refs);
    let reference = stdout_of(&["check", "--format", "json", "--no-cache", "."], dir.path(), 1);
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let p = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let bin = assert_cmd::cargo::cargo_bin("gwlint");
                std::process::Command::new(bin)
                    .args(["check", "--format", "json", "."])
                    .current_dir(p)
                    .output()
                    .unwrap()
            })
        })
        .collect();
    for r in runs {
        let out = r.join().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(out.stdout, reference, "every concurrent run reports what an uncached run does");
    }
    assert_eq!(stdout_of(&["check", "--format", "json", "."], dir.path(), 1), reference);
}

#[test]
fn streamed_reports_are_whole_documents_in_path_order() {
    let files: Vec<(String, Vec<u8>)> = (0..30)
        .rev()
        .map(|i| (format!("稿{i:02}.txt"), if i % 3 == 0 { CLEAN } else { BAD }.as_bytes().to_vec()))
        .collect();
    let mut refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    refs.push(("坏.txt", b"\x00\x01binary"));
    let dir = temp_dir_with(&refs);
    let v = json(&stdout_of(&["check", "--format", "json", "--no-cache", "."], dir.path(), 2));
    let paths: Vec<&str> = v.as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    let per_file = |name: &str| v.as_array().unwrap().iter().filter(|d| d["path"] == name).count();
    let (bad, clean) = (per_file("稿01.txt"), per_file("稿00.txt"));
    assert!(bad > 0);
    assert_eq!(paths.iter().filter(|p| p.starts_with("稿")).count(), 20 * bad + 10 * clean);
    let sarif = json(&stdout_of(&["check", "--format", "sarif", "--no-cache", "."], dir.path(), 2));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 20 * bad + 10 * clean);
    for r in results {
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], r["ruleId"], "{r}");
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], false, "the unreadable file is noticed");
    // Nothing found: still a whole document.
    let clean = temp_dir_with(&[("a.txt", CLEAN.as_bytes())]);
    assert_eq!(
        json(&stdout_of(&["check", "--format", "json", "--select", "GW4", "."], clean.path(), 0)),
        serde_json::json!([])
    );
    let empty_sarif = json(&stdout_of(&["check", "--format", "sarif", "--select", "GW4", "."], clean.path(), 0));
    assert_eq!(empty_sarif["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn a_walked_folder_and_listed_paths_come_out_in_the_same_path_order() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a-b/x.txt", "a/b.txt", "a/c/d.txt", "a.txt", "b.md", "a/c.txt", "中/文.txt"] {
        let p = dir.path().join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, BAD).unwrap();
    }
    let order = |args: &[&str]| -> Vec<String> {
        let out = stdout_of(
            &[&["check", "--format", "concise", "--no-cache", "--select", "GW401"][..], args].concat(),
            dir.path(),
            1,
        );
        let mut paths: Vec<String> =
            String::from_utf8(out).unwrap().lines().map(|l| l.split(':').next().unwrap().to_string()).collect();
        paths.dedup();
        paths
    };
    let walked = order(&["."]);
    // Component by component: a/… before a-b/… before a.txt, c/ before c.txt.
    assert_eq!(walked, ["a/b.txt", "a/c/d.txt", "a/c.txt", "a-b/x.txt", "a.txt", "b.md", "中/文.txt"]);
    assert_eq!(order(&["中", "b.md", "a.txt", "a-b", "a"]), walked);
}

#[test]
fn a_run_stopped_by_a_broken_config_still_writes_whole_documents() {
    let dir = temp_dir_with(&[("a.txt", BAD.as_bytes()), ("b.txt", BAD.as_bytes())]);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/c.txt"), BAD).unwrap();
    std::fs::write(dir.path().join("sub/gwlint.toml"), "[rules\n").unwrap();
    for format in ["json", "sarif"] {
        let out =
            gwlint().args(["check", "--no-cache", "--format", format, "."]).current_dir(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let doc = json(&out.stdout);
        assert!(doc.is_array() || doc["runs"].is_array(), "{format}: {doc}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("gwlint.toml"), "{format}");
    }
    // --statistics still reaches standard error with --diff.
    let out = gwlint().args(["check", "--diff", "--statistics", "a.txt"]).current_dir(dir.path()).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("GW401"), "{}", String::from_utf8_lossy(&out.stderr));
}
