//! `commitments lsp`: the time from a `didChange` to the
//! `publishDiagnostics` for that version, measured in process over
//! lsp-server's memory connection (the same server loop as over stdio,
//! without the pipe). On the repository's ledger and on generated ledgers of
//! 1k and 10k commitments. Run with `cargo bench -p commitments-bench --bench lsp`; see
//! BENCHMARKS.md. `BENCH_SIZES=1000` limits the generated sizes.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::NaiveDate;
use commitments::lsp::{ServerOptions, serve};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

#[path = "synth/mod.rs"]
mod synth;

/// A server in a thread, with one ledger open.
struct Session {
    client: Connection,
    server: Option<JoinHandle<()>>,
    uri: String,
    version: i32,
}

impl Session {
    fn open(path: &Path, text: String, as_of: NaiveDate) -> Session {
        let (server_side, client) = Connection::memory();
        let server = std::thread::spawn(move || {
            let today = move || as_of;
            let options = ServerOptions {
                today: &today,
                panic_request: false,
            };
            serve(&server_side, &options).expect("the server runs");
        });
        let init = Request::new(
            RequestId::from(1),
            "initialize".to_owned(),
            json!({ "capabilities": {} }),
        );
        client.sender.send(init.into()).unwrap();
        loop {
            if let Message::Response(_) = client.receiver.recv().unwrap() {
                break;
            }
        }
        let uri = format!("file://{}", path.display());
        let session = Session {
            client,
            server: Some(server),
            uri,
            version: 1,
        };
        session.notify("initialized", json!({}));
        let opened = json!({ "textDocument": {
            "uri": session.uri, "languageId": "toml", "version": 1, "text": text,
        }});
        session.notify("textDocument/didOpen", opened);
        session.wait_for(1);
        session
    }

    fn notify(&self, method: &str, params: Value) {
        let message = Notification::new(method.to_owned(), params);
        self.client.sender.send(message.into()).unwrap();
    }

    fn wait_for(&self, version: i32) -> usize {
        loop {
            if let Message::Notification(n) = self.client.receiver.recv().unwrap()
                && n.method == "textDocument/publishDiagnostics"
                && n.params["version"] == version
            {
                return n.params["diagnostics"].as_array().map_or(0, Vec::len);
            }
        }
    }

    /// One keystroke in the comment on line 0, then its diagnostics.
    fn keystroke(&mut self) -> usize {
        self.version += 1;
        let typing = self.version % 2 == 0;
        let change = if typing {
            json!({ "range": { "start": { "line": 0, "character": 1 }, "end": { "line": 0, "character": 1 } }, "text": "x" })
        } else {
            json!({ "range": { "start": { "line": 0, "character": 1 }, "end": { "line": 0, "character": 2 } }, "text": "" })
        };
        let params = json!({
            "textDocument": { "uri": self.uri, "version": self.version },
            "contentChanges": [change],
        });
        self.notify("textDocument/didChange", params);
        self.wait_for(self.version)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let shutdown = Request::new(RequestId::from(2), "shutdown".to_owned(), Value::Null);
        let _ = self.client.sender.send(shutdown.into());
        self.notify("exit", Value::Null);
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
    }
}

fn generated(n: usize) -> PathBuf {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join(format!("target/bench-ledgers/{n}"));
    if !dir.join("commitments.toml").is_file() {
        synth::write(&dir, &synth::generate(n, 1)).expect("the bench ledger can be written");
    }
    dir.join("commitments.toml")
}

fn sizes() -> Vec<usize> {
    std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000])
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("lsp_change_to_diagnostics");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));

    // The frozen copy of the real ledger, so that figures stay comparable as
    // news is recorded in the live one.
    let real = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("tests/fixtures/china-peru/commitments.toml");
    let text = std::fs::read_to_string(&real).expect("the frozen China–Peru ledger");
    // Line 0 is a comment; typing after its `#` keeps it a comment.
    let mut session = Session::open(&real, text, NaiveDate::from_ymd_opt(2025, 11, 30).unwrap());
    group.bench_function("real-ledger", |b| b.iter(|| session.keystroke()));
    drop(session);

    for n in sizes() {
        let path = generated(n);
        let text = format!("# generated\n{}", std::fs::read_to_string(&path).unwrap());
        let as_of = NaiveDate::parse_from_str(synth::AS_OF, "%Y-%m-%d").unwrap();
        let mut session = Session::open(&path, text, as_of);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| session.keystroke())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
