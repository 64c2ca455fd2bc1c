//! `gwlint lsp` driven as an editor drives it: the real binary, Content-Length framed JSON on
//! its standard input and output, Chinese file names, astral characters, quick fixes applied
//! locally and sent back, malformed input. Every wait has a deadline, so a broken server fails
//! a test instead of hanging it.

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(30);

/// 𠮷 (U+20BB7) is 2 UTF-16 units and 4 UTF-8 bytes: the comma after it sits at character 11
/// (UTF-16) or 31 (UTF-8) — and at 10 if anyone counts code points.
const ASTRAL_LINE: &str = "𠮷祥路公交站点已开通,请周知。";
const COMMA_UTF16: u64 = 11;
const COMMA_UTF8: u64 = 31;

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    stash: VecDeque<Value>,
    next_id: i64,
    /// The server's standard error, shown when a test fails.
    log: Arc<Mutex<String>>,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("gwlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("RUST_BACKTRACE", "0")
            .spawn()
            .expect("gwlint lsp starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut buf = String::new();
            let _ = stderr.read_to_string(&mut buf);
            sink.lock().map(|mut l| l.push_str(&buf)).ok();
        });
        let stdin = child.stdin.take();
        Client { child, stdin, incoming, stash: VecDeque::new(), next_id: 1, log }
    }

    fn write_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("server reads");
        stdin.flush().expect("flush");
    }

    fn frame(msg: &Value) -> Vec<u8> {
        let body = msg.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    fn send(&mut self, msg: Value) {
        self.write_raw(&Self::frame(&msg));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request and wait for its response (other messages are kept for later).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(&format!("response to {method}"), |m| m["id"] == id && m.get("method").is_none())
    }

    fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.stash.iter().position(&pred) {
            return self.stash.remove(i).expect("present");
        }
        let deadline = Instant::now() + DEADLINE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(msg) if pred(&msg) => return msg,
                Ok(msg) => self.stash.push_back(msg),
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}; got {:?}", self.stash),
                Err(RecvTimeoutError::Disconnected) => panic!("server closed its output waiting for {what}"),
            }
        }
    }

    /// The next diagnostics published for `uri` (at `version`, when given).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let msg = self.wait_for(&format!("diagnostics for {uri} v{version:?}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
        });
        msg["params"]["diagnostics"].as_array().expect("array").clone()
    }

    fn initialize(&mut self, utf8: bool, watch: bool, root: &Path) -> Value {
        self.initialize_with(utf8, watch, false, root)
    }

    /// `versioned`: the client takes versioned `documentChanges` in workspace edits.
    fn initialize_with(&mut self, utf8: bool, watch: bool, versioned: bool, root: &Path) -> Value {
        let mut caps = json!({
            "textDocument": { "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix", "source.fixAll"] } } } },
            "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": watch },
                           "workspaceEdit": { "documentChanges": versioned } }
        });
        if utf8 {
            caps["general"] = json!({ "positionEncodings": ["utf-8", "utf-16"] });
        }
        let root_uri = file_uri(root);
        let result = self.result(
            "initialize",
            json!({ "processId": null, "rootUri": root_uri, "capabilities": caps,
                    "workspaceFolders": [{ "uri": root_uri, "name": "公文" }] }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn shutdown_and_exit(mut self) -> ExitStatus {
        assert_eq!(self.result("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // Never leave a server behind when a test fails half-way.
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if std::thread::panicking() {
            // The reader thread finishes once the process is gone.
            std::thread::sleep(Duration::from_millis(100));
            eprintln!("--- gwlint lsp stderr ---\n{}", self.log.lock().map(|l| l.clone()).unwrap_or_default());
        }
    }
}

fn file_uri(path: &Path) -> String {
    url::Url::from_file_path(path).expect("absolute path").to_string()
}

/// A folder (with a Chinese name) holding `gwlint.toml` and nothing else yet.
fn workspace(config: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("公文草稿");
    std::fs::create_dir(&root).expect("mkdir");
    std::fs::write(root.join("gwlint.toml"), config).expect("config");
    (dir, root)
}

const ONLY_GW401: &str = "[rules]\nselect = [\"GW401\"]\n";

/// Byte offset of an LSP position in `text`, counting columns as the negotiated encoding does.
fn offset(text: &str, pos: &Value, utf8: bool) -> usize {
    let (line, col) = (pos["line"].as_u64().unwrap() as usize, pos["character"].as_u64().unwrap() as usize);
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let rest = &text[start..];
    if utf8 {
        return start + col;
    }
    let mut units = 0;
    for (i, c) in rest.char_indices() {
        if units >= col {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Apply a workspace edit's text edits for `uri` to `text`, as an editor would.
fn apply(text: &str, edit: &Value, uri: &str, utf8: bool) -> String {
    let edits = edit["changes"][uri].as_array().unwrap_or_else(|| panic!("edits for {uri} in {edit}"));
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf8),
                offset(text, &e["range"]["end"], utf8),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

fn action_titled<'a>(actions: &'a Value, needle: &str) -> &'a Value {
    actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains(needle)))
        .unwrap_or_else(|| panic!("no action “{needle}” in {actions}"))
}

#[test]
fn utf16_diagnostics_quick_fix_and_clear() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let path = root.join("关于𠮷祥路公交站点开通的通知.txt");
    let uri = file_uri(&path);
    assert!(uri.contains("%E5%85%B3"), "Chinese names arrive percent-encoded: {uri}");
    let text = format!("{ASTRAL_LINE}\n");

    let mut client = Client::start();
    let init = client.initialize(false, false, &root);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "gwlint");
    client.open(&uri, "plaintext", &text);

    let diags = client.diagnostics(&uri, Some(1));
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "GW401");
    assert_eq!(d["source"], "gwlint");
    assert_eq!(d["severity"], 1);
    assert!(d["message"].as_str().unwrap().starts_with("中文语境中应使用全角标点"), "{d}");
    assert_eq!(
        d["range"],
        json!({ "start": { "line": 0, "character": COMMA_UTF16 }, "end": { "line": 0, "character": COMMA_UTF16 + 1 } })
    );
    assert_eq!(d["data"]["fix"]["applicability"], "safe");

    let actions = client.result(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d], "only": ["quickfix"] } }),
    );
    action_titled(&actions, "在此行禁用 GW401");
    let fix = action_titled(&actions, "改为“，”");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert!(!fix["title"].as_str().unwrap().contains("需复核"), "a safe fix needs no review");
    let fixed = apply(&text, &fix["edit"], &uri, false);
    assert_eq!(fixed, "𠮷祥路公交站点已开通，请周知。\n");

    client.change(&uri, 2, &fixed);
    assert_eq!(client.diagnostics(&uri, Some(2)), Vec::<Value>::new());

    client.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
    assert_eq!(client.diagnostics(&uri, None), Vec::<Value>::new());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn utf8_positions_hover_and_fix_all() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let uri = file_uri(&root.join("会议通知.md"));
    let text = format!("# 关于召开工作会议的通知\n\n{ASTRAL_LINE}\n\n请各单位做好引导,确保安全。\n");

    let mut client = Client::start();
    let init = client.initialize(true, false, &root);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    client.open(&uri, "markdown", &text);
    let diags = client.diagnostics(&uri, Some(1));
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert_eq!(diags[0]["range"]["start"], json!({ "line": 2, "character": COMMA_UTF8 }));
    assert_eq!(diags[0]["range"]["end"], json!({ "line": 2, "character": COMMA_UTF8 + 1 }));
    assert_eq!(diags[1]["range"]["start"], json!({ "line": 4, "character": "请各单位做好引导".len() }));

    let hover = client.result(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": COMMA_UTF8 } }),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    let doc = hover["contents"]["value"].as_str().unwrap();
    for part in ["GW401", "fullwidth-punct", "依据", "党政机关公文处理工作条例"] {
        assert!(doc.contains(part), "hover lacks {part}: {doc}");
    }
    assert_eq!(hover["range"], diags[0]["range"]);
    let nothing = client.result(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(nothing, Value::Null);

    let actions = client.result(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    assert_eq!(actions.as_array().unwrap().len(), 1, "{actions}");
    let all = &actions[0];
    assert_eq!(all["kind"], "source.fixAll.gwlint");
    let fixed = apply(&text, &all["edit"], &uri, true);
    assert_eq!(fixed, "# 关于召开工作会议的通知\n\n𠮷祥路公交站点已开通，请周知。\n\n请各单位做好引导，确保安全。\n");

    client.change(&uri, 2, &fixed);
    assert_eq!(client.diagnostics(&uri, Some(2)), Vec::<Value>::new());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn disabling_a_rule_on_a_line_silences_it() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let uri = file_uri(&root.join("通知.md"));
    let text = format!("# 关于调整公交线路的通知\n\n{ASTRAL_LINE}\n");
    let mut client = Client::start();
    client.initialize(false, false, &root);
    client.open(&uri, "markdown", &text);
    let d = client.diagnostics(&uri, Some(1)).remove(0);
    let actions = client.result(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    let disable = action_titled(&actions, "在此行禁用 GW401");
    let silenced = apply(&text, &disable["edit"], &uri, false);
    assert_eq!(
        silenced,
        format!("# 关于调整公交线路的通知\n\n<!-- gwlint-disable-next-line GW401 -->\n{ASTRAL_LINE}\n")
    );
    client.change(&uri, 2, &silenced);
    assert_eq!(client.diagnostics(&uri, Some(2)), Vec::<Value>::new());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn edits_are_linted_after_the_input_pauses() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let uri = file_uri(&root.join("通知.txt"));
    let mut client = Client::start();
    client.initialize(false, false, &root);
    client.open(&uri, "plaintext", "请周知。\n");
    assert_eq!(client.diagnostics(&uri, Some(1)), Vec::<Value>::new());
    // Five keystrokes in one burst: only the last state is linted.
    let mut burst = Vec::new();
    for v in 2..=6 {
        let text = format!("第{v}稿已收到,请周知。\n");
        burst.extend(Client::frame(&json!({ "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": { "textDocument": { "uri": uri, "version": v }, "contentChanges": [{ "text": text }] } })));
    }
    client.write_raw(&burst);
    let published =
        client.wait_for("diagnostics after the burst", |m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(published["params"]["version"], 6, "intermediate versions must not be linted");
    assert_eq!(published["params"]["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn config_changes_are_noticed_and_a_bad_config_is_reported_once() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let config = root.join("gwlint.toml");
    let uri = file_uri(&root.join("通知.txt"));
    let text = format!("{ASTRAL_LINE}\n");
    let mut client = Client::start();
    client.initialize(false, true, &root);
    let registration = client.wait_for("watcher registration", |m| m["method"] == "client/registerCapability");
    let id = registration["id"].clone();
    assert_eq!(registration["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");
    client.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));

    client.open(&uri, "plaintext", &text);
    assert_eq!(client.diagnostics(&uri, Some(1)).len(), 1);

    // Without any notification from the client: the file's new state is seen on the next lint.
    std::fs::write(&config, "[rules]\nselect = [\"GW401\"]\nGW401 = \"off\"\n").unwrap();
    client.change(&uri, 2, &text);
    assert_eq!(client.diagnostics(&uri, Some(2)), Vec::<Value>::new());

    // A broken file: one error message, and the defaults (GW401 is on by default).
    std::fs::write(&config, "[rules]\nselect = [\"GW999\"]\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": file_uri(&config), "type": 2 }] }));
    let shown = client.wait_for("config error", |m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    assert!(shown["params"]["message"].as_str().unwrap().contains("GW999"), "{shown}");
    // The defaults also say (GW004, info) that one line is no 公文; GW401 is the one that counts.
    let gw401 = |d: Vec<Value>| d.iter().filter(|d| d["code"] == "GW401").count();
    assert_eq!(gw401(client.diagnostics(&uri, Some(2))), 1);
    client.change(&uri, 3, &text);
    assert_eq!(gw401(client.diagnostics(&uri, Some(3))), 1);
    assert!(
        !client.stash.iter().any(|m| m["method"] == "window/showMessage"),
        "the same bad config must be reported once"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn malformed_and_unknown_messages_get_errors_and_the_server_keeps_serving() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let uri = file_uri(&root.join("请示.txt"));
    let mut client = Client::start();

    // Before initialize, requests are refused but answered.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    client.initialize(false, false, &root);

    client.write_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse_error = client.wait_for("parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);

    client.send(json!({ "jsonrpc": "2.0", "id": 99, "params": {} }));
    let invalid = client.wait_for("invalid request", |m| m["id"] == 99);
    assert_eq!(invalid["error"]["code"], -32600);

    let bad_params = client.request("textDocument/hover", json!({ "textDocument": 5 }));
    assert_eq!(bad_params["error"]["code"], -32602);
    let unknown = client.request("gwlint/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    // A notification with bad params is only logged.
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": 42 } }));

    // Still serving: a document opens and is linted.
    client.open(&uri, "plaintext", &format!("{ASTRAL_LINE}\n"));
    assert_eq!(client.diagnostics(&uri, Some(1)).len(), 1);
    let hover = client.result(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": COMMA_UTF16 } }),
    );
    assert!(hover["contents"]["value"].as_str().unwrap().contains("GW401"));

    let status = client.shutdown_and_exit();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let mut client = Client::start();
    client.initialize(false, false, &root);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit().code(), Some(1));
}

#[test]
fn requests_after_shutdown_are_refused() {
    let (_tmp, root) = workspace(ONLY_GW401);
    let mut client = Client::start();
    client.initialize(false, false, &root);
    assert_eq!(client.result("shutdown", Value::Null), Value::Null);
    let refused = client.request("textDocument/hover", json!({}));
    assert_eq!(refused["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit().code(), Some(0));
}

#[test]
fn fixes_carry_the_version_they_were_computed_for() {
    // A client that takes versioned edits gets them, for the version the fix was computed on:
    // after an edit (version 2) the fix-all names version 2, and an editor that has moved on
    // refuses it instead of applying stale offsets.
    let (_tmp, root) = workspace(ONLY_GW401);
    let uri = file_uri(&root.join("会议通知.md"));
    let text = "# 关于召开工作会议的通知\n\n请各单位做好引导,确保安全。\n";
    let mut client = Client::start();
    client.initialize_with(false, false, true, &root);
    client.open(&uri, "markdown", text);
    client.diagnostics(&uri, Some(1));
    let edited = text.replace("确保安全", "确保安全,注意秩序");
    client.change(&uri, 2, &edited);
    client.diagnostics(&uri, Some(2));
    let actions = client.result(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let edit = &actions[0]["edit"];
    assert!(edit.get("changes").is_none_or(Value::is_null), "{edit}");
    let document = &edit["documentChanges"][0];
    assert_eq!(document["textDocument"], json!({ "uri": uri, "version": 2 }), "{edit}");
    // Both commas of the edited line are fixed (one edit per changed line).
    assert_eq!(document["edits"][0]["newText"], "，确保安全，", "{edit}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

/// A name taken for a wrong character is added to the office's words: the action edits
/// gwlint.toml's `[words]`, and once the edit is saved the finding is gone.
#[test]
fn a_name_is_added_to_the_dictionary() {
    let config = "[rules]\nselect = [\"GW610\"]\n";
    let (_tmp, root) = workspace(config);
    let uri = file_uri(&root.join("通知.txt"));
    let text = "关于加快发展的通知\n各区人民政府：\n大力培育发展大数局产业。\n";
    let mut client = Client::start();
    client.initialize(false, false, &root);
    client.open(&uri, "plaintext", text);
    let d = client.diagnostics(&uri, Some(1)).remove(0);
    assert_eq!(d["code"], "GW610");
    let actions = client.result(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d], "only": ["quickfix"] } }),
    );
    let add = action_titled(&actions, "加入词典：“数局”");
    let change = &add["edit"]["documentChanges"][0];
    let config_uri = file_uri(&root.join("gwlint.toml"));
    assert_eq!(change["textDocument"]["uri"], config_uri.as_str());
    let new_config = change["edits"][0]["newText"].as_str().unwrap();
    assert!(new_config.starts_with(config) && new_config.contains("[words]\nallow = [\"数局\"]"), "{new_config}");
    // Saved as the editor would save it, the word is the office's and the finding goes.
    std::fs::write(root.join("gwlint.toml"), new_config).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": config_uri, "type": 2 }] }));
    client.change(&uri, 2, text);
    assert_eq!(client.diagnostics(&uri, Some(2)), Vec::<Value>::new());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
