//! The language server under random documents, edits and requests. With a
//! first byte of 0, the rest is the raw input stream (headers and bodies
//! as an editor would send them): the server must stop cleanly. Otherwise
//! the bytes up to the first 0xff are a document, and each following group
//! of four bytes an edit or a request at some position: every request is
//! answered, none with an internal error (a caught panic), and the session
//! ends with `shutdown` and `exit`.

#![no_main]

use std::time::Duration;

use chrono::NaiveDate;
use commitments::lsp::{Ending, ServerOptions, serve, transport};
use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

const URI: &str = "file:///nonexistent-fuzz/commitments.toml";
/// No request may take longer: a hang is a failure.
const PATIENCE: Duration = Duration::from_secs(20);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
}

fn request(client: &Connection, id: i32, method: &str, params: Value) -> Response {
    client
        .sender
        .send(Message::Request(Request::new(RequestId::from(id), method.to_owned(), params)))
        .unwrap();
    loop {
        match client.receiver.recv_timeout(PATIENCE) {
            Ok(Message::Response(response)) if response.id == RequestId::from(id) => return response,
            Ok(_) => {}
            Err(error) => panic!("`{method}` was not answered: {error}"),
        }
    }
}

fn notify(client: &Connection, method: &str, params: Value) {
    client
        .sender
        .send(Message::Notification(Notification::new(method.to_owned(), params)))
        .unwrap();
}

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&0) {
        let input = std::io::Cursor::new(data[1..].to_vec());
        let (connection, io) = transport::connect(input, std::io::sink());
        let options = ServerOptions { today: &today, panic_request: false };
        let _ = serve(&connection, &options);
        drop(connection);
        let _ = io.join();
        return;
    }
    let split = data.iter().position(|&b| b == 0xff).unwrap_or(data.len());
    let text = String::from_utf8_lossy(&data[..split]).into_owned();
    let ops = data.get(split + 1..).unwrap_or_default();
    let (server, client) = Connection::memory();
    let running = std::thread::spawn(move || {
        let options = ServerOptions { today: &today, panic_request: false };
        serve(&server, &options)
    });
    let init = request(&client, 1, "initialize", json!({ "capabilities": {} }));
    assert!(init.response_result.is_ok());
    notify(&client, "initialized", json!({}));
    notify(&client, "textDocument/didOpen", json!({ "textDocument": {
        "uri": URI, "languageId": "toml", "version": 1, "text": text } }));
    let pieces = ["", "x", "\n", "\"", "[[commitment]]\n", "status = \"kept\"\n", "= ", "id = \"a\"\n"];
    let mut version = 1;
    let mut id = 2;
    for op in ops.chunks(4) {
        let byte = |i: usize| u32::from(op.get(i).copied().unwrap_or(0));
        let at = json!({ "line": byte(1) % 64, "character": byte(2) % 96 });
        let to = json!({ "line": byte(1) % 64 + byte(3) % 3, "character": byte(3) % 96 });
        let method = match byte(0) % 9 {
            0..=2 => {
                version += 1;
                let piece = pieces[(byte(3) as usize) % pieces.len()];
                notify(&client, "textDocument/didChange", json!({
                    "textDocument": { "uri": URI, "version": version },
                    "contentChanges": [{ "range": { "start": at, "end": to }, "text": piece }] }));
                continue;
            }
            3 => "textDocument/hover",
            4 => "textDocument/completion",
            5 => "textDocument/definition",
            6 => "textDocument/references",
            7 => "textDocument/codeAction",
            _ => "textDocument/documentSymbol",
        };
        let params = json!({
            "textDocument": { "uri": URI },
            "position": at,
            "range": { "start": at, "end": to },
            "context": { "diagnostics": [], "includeDeclaration": true },
        });
        id += 1;
        let response = request(&client, id, method, params);
        if let Err(error) = &response.response_result {
            assert_ne!(error.code, lsp_server::ErrorCode::InternalError as i32, "{method}: {}", error.message);
        }
    }
    let shutdown = request(&client, id + 1, "shutdown", Value::Null);
    assert!(shutdown.response_result.is_ok());
    notify(&client, "exit", Value::Null);
    let ending = running.join().expect("the server thread").expect("the session");
    assert_eq!(ending, Ending::Shutdown);
});
