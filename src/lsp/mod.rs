//! `gwlint lsp`: a Language Server Protocol server on standard input and output.
//!
//! One thread reads frames (`transport`), one writes them, and the loop here owns every open
//! document. Edits are linted after the input pauses (`DEBOUNCE`); opening and saving lint at
//! once. Diagnostics, code actions and hovers are computed by the same library calls as
//! `gwlint check`; byte spans become client positions only in `convert`.
//!
//! Robustness is part of the contract with editors: a malformed message gets a JSON-RPC error
//! and the server keeps serving, a request with bad parameters gets `InvalidParams`, an unknown
//! one `MethodNotFound`, and a panic while handling one message becomes an `InternalError`
//! reply instead of a dead server.

mod actions;
mod convert;
mod hover;
mod settings;
mod transport;

pub use actions::{FIX_ALL_KIND, NEEDS_REVIEW, disable_edit, minimal_edits};
pub use convert::PositionEncoding;
pub use hover::rule_markdown;

use crate::diagnostic::Diagnostic;
use crate::source::{Source, SourceKind};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, MessageType, PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use settings::{ConfigCache, Resolved};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};
use transport::{Incoming, Outgoing};

/// How long the input must pause before an edited document is linted again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Language ids linted even when the file name does not say `.md` / `.txt`.
const LINTED_LANGUAGES: &[&str] = &["markdown", "plaintext", "text", "txt", "gongwen"];

/// Serve on standard input and output until `exit` (or the input ends). The exit code is 0
/// after an orderly `shutdown`, 1 otherwise, as the protocol specifies.
pub fn run() -> Result<u8, String> {
    serve(std::io::stdin(), std::io::stdout())
}

/// Serve on any pair of streams (the binary passes stdio; tests may pass pipes).
pub fn serve<R, W>(input: R, output: W) -> Result<u8, String>
where
    R: Read + Send + 'static,
    W: Write + Send + 'static,
{
    let (in_tx, in_rx) = mpsc::channel();
    let (out_tx, out_rx) = mpsc::channel();
    let spawn_err = |e: std::io::Error| format!("无法启动语言服务器线程：{e}");
    // The reader is never joined: after `exit` it may still be blocked on an input the client
    // keeps open, and the process ends anyway.
    std::thread::Builder::new()
        .name("gwlint-lsp-reader".into())
        .spawn(move || transport::read_loop(input, in_tx))
        .map_err(spawn_err)?;
    let writer = std::thread::Builder::new()
        .name("gwlint-lsp-writer".into())
        .spawn(move || transport::write_loop(output, out_rx))
        .map_err(spawn_err)?;
    let code = Server::new(out_tx).run(in_rx);
    // The server's sender is gone now, so the writer drains what is queued and stops.
    let _ = writer.join();
    Ok(code)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    AwaitingInitialize,
    Running,
    ShutDown,
}

/// The last lint of a document.
struct Linted {
    generation: u64,
    diagnostics: Vec<Diagnostic>,
    resolved: Arc<Resolved>,
}

struct Doc {
    uri: Uri,
    version: i32,
    source: Source,
    /// The file, for finding its `gwlint.toml`; `None` for `untitled:` and other schemes.
    path: Option<PathBuf>,
    lintable: bool,
    /// Bumped on every change of text, so a lint result can tell whether it is current.
    generation: u64,
    due: Option<Instant>,
    linted: Option<Linted>,
}

impl Doc {
    fn set_text(&mut self, text: String) {
        let kind = self.source.kind;
        self.source = Source::from_text(self.source.path.clone(), text);
        self.source.kind = kind;
        self.generation += 1;
    }

    fn is_current(&self) -> bool {
        self.due.is_none() && self.linted.as_ref().is_some_and(|l| l.generation == self.generation)
    }
}

type Reply = Result<Value, (ErrorCode, String)>;

struct Server {
    out: Sender<Outgoing>,
    phase: Phase,
    enc: PositionEncoding,
    roots: Vec<PathBuf>,
    watch_files: bool,
    /// The client applies versioned `documentChanges` (and so refuses stale ones).
    versioned_edits: bool,
    docs: HashMap<String, Doc>,
    configs: ConfigCache,
}

fn params<P: DeserializeOwned>(mut value: Value) -> Result<P, (ErrorCode, String)> {
    reencode_uris(&mut value);
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, format!("参数无效：{e}")))
}

fn to_value(v: impl serde::Serialize) -> Reply {
    serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError, format!("无法序列化结果：{e}")))
}

/// Percent-encode what RFC 3986 does not allow raw in the URIs of incoming params. Editors
/// normally encode Chinese file names themselves, but lsp-types rejects the whole message
/// when one does not, and then the document would silently go unlinted.
fn reencode_uris(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if key.to_ascii_lowercase().ends_with("uri") => {
                        if s.bytes().any(|b| !is_uri_byte(b)) {
                            *s = s
                                .bytes()
                                .map(|b| if is_uri_byte(b) { (b as char).to_string() } else { format!("%{b:02X}") })
                                .collect();
                        }
                    }
                    _ => reencode_uris(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(reencode_uris),
        _ => {}
    }
}

fn is_uri_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b)
}

impl Server {
    fn new(out: Sender<Outgoing>) -> Server {
        Server {
            out,
            phase: Phase::AwaitingInitialize,
            enc: PositionEncoding::Utf16,
            roots: Vec::new(),
            watch_files: false,
            versioned_edits: false,
            docs: HashMap::new(),
            configs: ConfigCache::default(),
        }
    }

    fn run(mut self, incoming: Receiver<Incoming>) -> u8 {
        loop {
            let received = match self.docs.values().filter_map(|d| d.due).min() {
                Some(due) => incoming.recv_timeout(due.saturating_duration_since(Instant::now())),
                None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match received {
                Ok(Incoming::Message(msg)) => {
                    if let Some(code) = self.on_message(msg) {
                        return code;
                    }
                }
                Ok(Incoming::Malformed { id, code, message }) => {
                    eprintln!("gwlint lsp：{message}");
                    self.send(Outgoing::RawError { id, code, message });
                }
                Err(RecvTimeoutError::Timeout) => {}
                // The client went away without `exit`.
                Err(RecvTimeoutError::Disconnected) => return u8::from(self.phase != Phase::ShutDown),
            }
            self.lint_due();
        }
    }

    fn send(&self, outgoing: Outgoing) {
        // A closed writer means the client is gone; the reader will notice and end the loop.
        let _ = self.out.send(outgoing);
    }

    fn send_message(&self, msg: impl Into<Message>) {
        self.send(Outgoing::Message(msg.into()));
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        match serde_json::to_value(params) {
            Ok(params) => self.send_message(Notification { method: method.to_string(), params }),
            Err(e) => eprintln!("gwlint lsp：无法序列化 {method}：{e}"),
        }
    }

    fn show_error(&self, message: String) {
        eprintln!("gwlint lsp：{message}");
        self.notify("window/showMessage", ShowMessageParams { typ: MessageType::ERROR, message });
    }

    /// Handle one message; `Some(code)` ends the server.
    fn on_message(&mut self, msg: Message) -> Option<u8> {
        match msg {
            Message::Request(req) => {
                let id = req.id.clone();
                let method = req.method.clone();
                let reply = match catch_unwind(AssertUnwindSafe(|| self.on_request(req))) {
                    Ok(reply) => reply,
                    Err(panic) => {
                        Err((ErrorCode::InternalError, format!("gwlint 内部错误（{method}）：{}", panic_text(&panic))))
                    }
                };
                let response = match reply {
                    Ok(value) => Response { id, response_result: Ok(value) },
                    Err((code, message)) => {
                        if !matches!(code, ErrorCode::MethodNotFound) {
                            eprintln!("gwlint lsp：{method}：{message}");
                        }
                        Response::new_err(id, code as i32, message)
                    }
                };
                self.send_message(response);
                None
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                match catch_unwind(AssertUnwindSafe(|| self.on_notification(n))) {
                    Ok(result) => result,
                    Err(panic) => {
                        eprintln!("gwlint lsp：处理 {method} 时出现内部错误：{}", panic_text(&panic));
                        None
                    }
                }
            }
            // Answers to our own requests (the watcher registration); nothing depends on them.
            Message::Response(_) => None,
        }
    }

    fn on_request(&mut self, req: Request) -> Reply {
        match (self.phase, req.method.as_str()) {
            (Phase::AwaitingInitialize, "initialize") => self.initialize(params(req.params)?),
            (Phase::AwaitingInitialize, _) => Err((ErrorCode::ServerNotInitialized, "尚未收到 initialize 请求".into())),
            (Phase::ShutDown, _) => Err((ErrorCode::InvalidRequest, "服务器已收到 shutdown，只接受 exit".into())),
            (Phase::Running, "initialize") => Err((ErrorCode::InvalidRequest, "重复的 initialize 请求".into())),
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShutDown;
                Ok(Value::Null)
            }
            (Phase::Running, "textDocument/codeAction") => self.code_action(params(req.params)?),
            (Phase::Running, "textDocument/hover") => self.hover(params(req.params)?),
            (Phase::Running, method) => Err((ErrorCode::MethodNotFound, format!("不支持的请求：{method}"))),
        }
    }

    fn on_notification(&mut self, n: Notification) -> Option<u8> {
        if n.method == "exit" {
            return Some(u8::from(self.phase != Phase::ShutDown));
        }
        if self.phase != Phase::Running {
            return None;
        }
        let result = match n.method.as_str() {
            "initialized" => {
                self.register_watcher();
                Ok(())
            }
            "textDocument/didOpen" => params(n.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => params(n.params).map(|p| self.did_change(p)),
            "textDocument/didSave" => params(n.params).map(|p| self.did_save(p)),
            "textDocument/didClose" => params(n.params).map(|p| self.did_close(p)),
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => {
                self.configs.invalidate();
                self.relint_all();
                Ok(())
            }
            // `$/cancelRequest`, `$/setTrace` and the like: nothing to do.
            _ => Ok(()),
        };
        if let Err((_, message)) = result {
            eprintln!("gwlint lsp：{}：{message}", n.method);
        }
        None
    }

    fn initialize(&mut self, p: InitializeParams) -> Reply {
        self.enc =
            PositionEncoding::negotiate(p.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
        self.versioned_edits = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false);
        self.watch_files = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        #[allow(deprecated)]
        let root_uri = p.root_uri.clone();
        let folders: Vec<Uri> = match p.workspace_folders {
            Some(folders) if !folders.is_empty() => folders.into_iter().map(|f| f.uri).collect(),
            _ => root_uri.into_iter().collect(),
        };
        self.roots = folders.iter().filter_map(|u| convert::uri_to_path(u.as_str())).collect();
        self.phase = Phase::Running;
        // The word segmenter costs ~100 ms to build; build it while the editor is still busy
        // starting up rather than on the first keystroke.
        let _ = std::thread::Builder::new().name("gwlint-warm-up".into()).spawn(|| {
            let _ = crate::lang::segment::segment("预热分词器");
        });
        to_value(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(self.enc.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
                    ..TextDocumentSyncOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, FIX_ALL_KIND]),
                    resolve_provider: Some(false),
                    ..CodeActionOptions::default()
                })),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "gwlint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    /// Ask the client to tell us when any `gwlint.toml` changes (if it can).
    fn register_watcher(&self) {
        if !self.watch_files {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{}", crate::config::CONFIG_FILE)),
                kind: None,
            }],
        };
        let registration = RegistrationParams {
            registrations: vec![Registration {
                id: "gwlint-config-watcher".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send_message(Request::new(
            RequestId::from("gwlint/register-config-watcher".to_string()),
            "client/registerCapability".to_string(),
            registration,
        ));
    }

    fn did_open(&mut self, p: DidOpenTextDocumentParams) {
        let item = p.text_document;
        let path = convert::uri_to_path(item.uri.as_str());
        let name = path.clone().unwrap_or_else(|| convert::uri_file_name(item.uri.as_str()));
        let mut source = Source::from_text(name.clone(), item.text);
        let language = item.language_id.to_ascii_lowercase();
        if language == "markdown" {
            source.kind = SourceKind::Markdown;
        }
        let by_extension = name
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["md", "markdown", "txt"].contains(&e.to_ascii_lowercase().as_str()));
        let lintable =
            !convert::is_config_file(&name) && (by_extension || LINTED_LANGUAGES.contains(&language.as_str()));
        let key = item.uri.as_str().to_string();
        let doc = Doc {
            uri: item.uri,
            version: item.version,
            source,
            path,
            lintable,
            generation: 0,
            due: Some(Instant::now()),
            linted: None,
        };
        self.docs.insert(key, doc);
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let enc = self.enc;
        let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) else {
            eprintln!("gwlint lsp：didChange 针对未打开的文档 {}", p.text_document.uri.as_str());
            return;
        };
        for change in p.content_changes {
            // We ask for full sync, but a range is honoured if a client sends one anyway.
            let text = match change.range {
                Some(range) => {
                    let span = convert::span(&doc.source, range, enc);
                    let mut text = doc.source.text.clone();
                    text.replace_range(span.start..span.end, &change.text);
                    text
                }
                None => change.text,
            };
            doc.set_text(text);
        }
        doc.version = p.text_document.version;
        doc.due = Some(Instant::now() + DEBOUNCE);
    }

    fn did_save(&mut self, p: DidSaveTextDocumentParams) {
        let uri = p.text_document.uri.as_str();
        if convert::uri_to_path(uri).is_some_and(|path| convert::is_config_file(&path)) {
            self.configs.invalidate();
            self.relint_all();
            return;
        }
        if let Some(doc) = self.docs.get_mut(uri) {
            if let Some(text) = p.text {
                doc.set_text(text);
            }
            doc.due = Some(Instant::now());
        }
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams) {
        if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
            self.publish(&doc.uri, None, Vec::new());
        }
    }

    fn relint_all(&mut self) {
        let now = Instant::now();
        for doc in self.docs.values_mut() {
            doc.due = Some(now);
        }
    }

    fn lint_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> =
            self.docs.iter().filter(|(_, d)| d.due.is_some_and(|t| t <= now)).map(|(k, _)| k.clone()).collect();
        for key in due {
            self.lint(&key);
        }
    }

    /// Lint a document now and publish the result.
    fn lint(&mut self, key: &str) {
        let Some(doc) = self.docs.get_mut(key) else { return };
        doc.due = None;
        if !doc.lintable {
            return;
        }
        let lookup = self.configs.lookup(doc.path.as_deref(), &self.roots);
        let resolved = lookup.resolved;
        let linted =
            catch_unwind(AssertUnwindSafe(|| crate::engine::lint(&doc.source, &resolved.settings, &resolved.orgs)));
        let (uri, version) = (doc.uri.clone(), doc.version);
        let published = match linted {
            Ok(diagnostics) => {
                let published = diagnostics.iter().map(|d| convert::diagnostic(&doc.source, d, self.enc)).collect();
                doc.linted = Some(Linted { generation: doc.generation, diagnostics, resolved });
                Some(published)
            }
            Err(panic) => {
                eprintln!("gwlint lsp：检查 {key} 时出现内部错误：{}", panic_text(&panic));
                None
            }
        };
        if let Some(message) = lookup.error {
            self.show_error(format!("gwlint 配置有误，暂按默认设置检查：{message}"));
        }
        if lookup.reloaded {
            // The file changed under every document it governs, not only this one.
            for (k, d) in self.docs.iter_mut() {
                if k != key && d.lintable {
                    d.due = Some(Instant::now());
                }
            }
        }
        if let Some(diagnostics) = published {
            self.publish(&uri, Some(version), diagnostics);
        }
    }

    fn publish(&self, uri: &Uri, version: Option<i32>, diagnostics: Vec<lsp_types::Diagnostic>) {
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams { uri: uri.clone(), diagnostics, version },
        );
    }

    /// The document with its diagnostics brought up to date with its text.
    fn current(&mut self, key: &str) -> Option<(&Doc, &Linted)> {
        if self.docs.get(key).is_some_and(|d| !d.is_current()) {
            self.lint(key);
        }
        let doc = self.docs.get(key)?;
        Some((doc, doc.linted.as_ref()?))
    }

    fn code_action(&mut self, p: CodeActionParams) -> Reply {
        let key = p.text_document.uri.as_str();
        if !self.docs.contains_key(key) {
            return to_value(actions::from_published(&p.text_document.uri, &p.context.diagnostics));
        }
        let (enc, versioned) = (self.enc, self.versioned_edits);
        let Some((doc, linted)) = self.current(key) else { return Ok(Value::Array(Vec::new())) };
        let requested = convert::span(&doc.source, p.range, enc);
        let version = versioned.then_some(doc.version);
        to_value(actions::code_actions(
            &actions::EditTarget { uri: &doc.uri, version },
            &doc.source,
            &linted.diagnostics,
            requested,
            p.context.only.as_deref(),
            enc,
            &linted.resolved,
        ))
    }

    fn hover(&mut self, p: HoverParams) -> Reply {
        let at = p.text_document_position_params;
        let enc = self.enc;
        let Some((doc, linted)) = self.current(at.text_document.uri.as_str()) else { return Ok(Value::Null) };
        let byte = convert::offset(&doc.source, at.position, enc);
        to_value(hover::hover(&doc.source, &linted.diagnostics, byte, enc))
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "未知错误".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_chinese_uris_are_encoded_before_lsp_types_sees_them() {
        let mut v = serde_json::json!({ "textDocument": { "uri": "file:///tmp/公文 草稿/通知.md", "text": "不变" } });
        reencode_uris(&mut v);
        let uri = v["textDocument"]["uri"].as_str().unwrap();
        assert!(uri.parse::<Uri>().is_ok(), "{uri}");
        assert_eq!(convert::uri_to_path(uri), Some(PathBuf::from("/tmp/公文 草稿/通知.md")));
        assert_eq!(v["textDocument"]["text"], "不变");
    }
}
