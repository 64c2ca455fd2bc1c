//! Framing on the wire: `Content-Length` headers, then a JSON-RPC body. lsp-server's own stdio
//! transport ends the connection at the first malformed body; an editor (or a user typing into
//! a terminal) that sends one bad message must instead get an error reply and a server that
//! keeps serving, so reading and writing are done here, with lsp-server's message types.

use lsp_server::{ErrorCode, Message};
use serde_json::{Value, json};
use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{Receiver, Sender};

/// Bodies larger than this are skipped (and answered with an error) rather than buffered.
const MAX_BODY: usize = 256 * 1024 * 1024;

/// What the reader hands the server loop.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A body that is not a JSON-RPC message: answered with `code`, on `id` when the body
    /// carried one and `null` otherwise, as JSON-RPC requires.
    Malformed {
        id: Value,
        code: ErrorCode,
        message: String,
    },
}

/// What the writer sends.
#[derive(Debug)]
pub enum Outgoing {
    Message(Message),
    /// An error response whose id is not a valid `RequestId` (null, or a malformed one).
    RawError {
        id: Value,
        code: ErrorCode,
        message: String,
    },
}

enum Frame {
    Body(Vec<u8>),
    /// Headers without a usable `Content-Length`, or an oversized body that was skipped.
    Bad(String),
}

/// Read one frame; `None` at the end of input.
fn read_frame(r: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut saw_header = false;
    let mut line = String::new();
    loop {
        line.clear();
        let mut raw = Vec::new();
        if r.read_until(b'\n', &mut raw)? == 0 {
            return Ok(None);
        }
        line.push_str(&String::from_utf8_lossy(&raw));
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if saw_header {
                break;
            }
            // Stray blank lines between messages are harmless.
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("Content-Length")
        {
            length =
                Some(value.trim().parse::<usize>().map_err(|_| format!("无效的 Content-Length：{}", value.trim())));
        }
    }
    let length = match length {
        None => return Ok(Some(Frame::Bad("消息头缺少 Content-Length".to_string()))),
        Some(Err(e)) => return Ok(Some(Frame::Bad(e))),
        Some(Ok(n)) => n,
    };
    if length > MAX_BODY {
        io::copy(&mut r.take(length as u64), &mut io::sink())?;
        return Ok(Some(Frame::Bad(format!("消息过大（{length} 字节），已跳过"))));
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body)?;
    Ok(Some(Frame::Body(body)))
}

/// Classify a body: a message, or the error to answer it with.
fn parse_body(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Malformed {
                id: Value::Null,
                code: ErrorCode::ParseError,
                message: format!("无法解析的 JSON：{e}"),
            };
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    match serde_json::from_value::<Message>(value.clone()) {
        // An id lsp-server cannot represent (a float, a large integer) makes a request parse
        // as a notification; the client would wait forever for its answer.
        Ok(Message::Notification(_)) if !id.is_null() => Incoming::Malformed {
            id,
            code: ErrorCode::InvalidRequest,
            message: "请求的 id 应为整数或字符串".to_string(),
        },
        Ok(msg) => Incoming::Message(msg),
        Err(e) => Incoming::Malformed {
            id,
            code: ErrorCode::InvalidRequest,
            message: format!("不是有效的 JSON-RPC 消息：{e}"),
        },
    }
}

/// Read frames until the input ends or the client says `exit`.
pub fn read_loop(input: impl Read, to_server: Sender<Incoming>) {
    let mut reader = io::BufReader::new(input);
    loop {
        let incoming = match read_frame(&mut reader) {
            Ok(Some(Frame::Body(body))) => parse_body(&body),
            Ok(Some(Frame::Bad(message))) => {
                // Without a body there is nothing to answer; the next header starts afresh.
                eprintln!("gwlint lsp：{message}");
                continue;
            }
            Ok(None) => return,
            Err(e) => {
                eprintln!("gwlint lsp：读取输入失败：{e}");
                return;
            }
        };
        let exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
        if to_server.send(incoming).is_err() || exit {
            return;
        }
    }
}

fn write_frame(out: &mut impl Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.write_all(body.as_bytes())?;
    out.flush()
}

/// Write until the server drops its sender.
pub fn write_loop(mut output: impl Write, from_server: Receiver<Outgoing>) {
    for outgoing in from_server {
        let result = match outgoing {
            Outgoing::Message(msg) => msg.write(&mut output),
            Outgoing::RawError { id, code, message } => {
                let body = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code as i32, "message": message } });
                write_frame(&mut output, &body.to_string())
            }
        };
        if let Err(e) = result {
            eprintln!("gwlint lsp：写出失败：{e}");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Incoming> {
        let (tx, rx) = std::sync::mpsc::channel();
        read_loop(input.as_bytes(), tx);
        rx.into_iter().collect()
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_malformed_body_does_not_end_the_stream() {
        let input = [
            framed("{not json"),
            framed(r#"{"jsonrpc":"2.0","id":7,"params":{}}"#),
            "garbage without length\r\n\r\n".to_string(),
            framed(r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#),
            framed(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
        ]
        .concat();
        let got = frames(&input);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(matches!(&got[0], Incoming::Malformed { id: Value::Null, code: ErrorCode::ParseError, .. }));
        assert!(matches!(&got[1], Incoming::Malformed { id, code: ErrorCode::InvalidRequest, .. } if id == 7));
        assert!(matches!(&got[2], Incoming::Malformed { code: ErrorCode::InvalidRequest, .. }));
        assert!(matches!(&got[3], Incoming::Message(Message::Request(r)) if r.method == "shutdown"));
    }

    #[test]
    fn headers_are_case_insensitive_and_lf_tolerant() {
        let body = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let input =
            format!("content-length:{}\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n{body}", body.len());
        let got = frames(&input);
        assert!(matches!(&got[..], [Incoming::Message(Message::Notification(n))] if n.method == "exit"));
    }
}
