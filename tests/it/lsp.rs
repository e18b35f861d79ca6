//! `commitments lsp` driven by a scripted client over stdio, as an editor
//! drives it: JSON-RPC with Content-Length framing, one process per test.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

const LEDGER: &str = r#"[ledger]
title = "Fixture"
reviewed = 2025-06-30

[parties.cn]
name = "People's Republic of China"

[parties.pe]
name = "Republic of Peru"

[sources.article]
title = "An article"
publisher = "Example News"
published = 2025-03-01
file = "sources/article.txt"

[[commitment]]
id = "port"
title = "Complete the port"
parties = ["cn", "pe"]
by = ["cn"]
kind = "deliverable"
made = 2025-03-01
status = "in_progress"
aera = "trade"
source = { ref = "article", quote = "complete the port" }

[[commitment.update]]
date = 2025-04-01
status = "in_progress"
note = "Construction started."
evidence = [{ ref = "article", quote = "build the railway" }]

[[commitment]]
id = "railway"
title = "Build the railway"
parties = ["cn"]
parent = "port"
kind = "ongoing"
made = 2025-03-01
status = "announced"
source = { ref = "article", quote = "build the railway" }
"#;

const ARTICLE: &str = "The two sides will complete the port and build the railway.\n";

/// The line and UTF-16 column of the first `needle` in `text` (plus `skip`
/// characters), as the editor counts them.
fn position(text: &str, needle: &str, skip: usize) -> Value {
    let at = text.find(needle).expect("needle in text") + skip;
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

fn range(text: &str, needle: &str) -> Value {
    json!({
        "start": position(text, needle, 0),
        "end": position(text, needle, needle.len()),
    })
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications that arrived while waiting for something else.
    held: Vec<Value>,
    dir: tempfile::TempDir,
}

impl Client {
    /// Starts the server in a folder holding `ledger` as commitments.toml
    /// and the article it quotes, and initialises it.
    fn start(ledger: &str, extra_args: &[&str], options: Value) -> Client {
        Client::start_with(ledger, extra_args, options, json!({}))
    }

    fn start_with(
        ledger: &str,
        extra_args: &[&str],
        options: Value,
        capabilities: Value,
    ) -> Client {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sources")).unwrap();
        std::fs::write(dir.path().join("sources/article.txt"), ARTICLE).unwrap();
        std::fs::write(dir.path().join("commitments.toml"), ledger).unwrap();
        // The fixtures' date, unless the caller gives its own.
        let as_of: &[&str] = if extra_args.contains(&"--as-of") {
            &[]
        } else {
            &["--as-of", "2025-06-30"]
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_commitments"))
            .arg("lsp")
            .args(as_of)
            .args(extra_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = Some(n.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            held: Vec::new(),
            dir,
        };
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
        assert_eq!(result["serverInfo"]["name"], "commitments");
        client.notify("initialized", json!({}));
        client
    }

    fn ledger_path(&self) -> PathBuf {
        self.dir.path().join("commitments.toml")
    }

    fn uri(&self, path: &Path) -> String {
        format!("file://{}", path.display())
    }

    fn ledger_uri(&self) -> String {
        self.uri(&self.ledger_path())
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn next(&mut self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers within a minute")
    }

    /// Sends a request and returns its whole response.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.next();
            if message["id"] == id {
                return message;
            }
            self.held.push(message);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The next notification that `wanted` picks, held or new.
    fn next_such(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.held.iter().position(&wanted) {
            return self.held.remove(at);
        }
        loop {
            let message = self.next();
            if wanted(&message) {
                return message;
            }
            self.held.push(message);
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        self.next_such(|m| is_publish_for(m, uri))["params"].clone()
    }

    fn notification(&mut self, method: &str) -> Value {
        self.next_such(|m| m["method"] == method)
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "toml", "version": 1, "text": text,
            }}),
        );
    }

    fn change(&mut self, uri: &str, version: i32, range: Value, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": range, "text": text }],
            }),
        );
    }

    fn at(&self, position: Value) -> Value {
        json!({ "textDocument": { "uri": self.ledger_uri() }, "position": position })
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(
            status.success(),
            "the server exits 0 after shutdown and exit"
        );
    }
}

/// The `key` of every item of the array `items`.
fn texts_of<'a>(items: &'a Value, key: &str) -> Vec<&'a str> {
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item[key].as_str().expect("a string"))
        .collect()
}

fn is_publish_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

/// The hover text over the `skip`-th character of the first `needle` in
/// `ledger`, with the server's "today" at `as_of`: for tests of what other
/// outputs also say (the counts).
pub(crate) fn hover_at(ledger: &str, as_of: &str, needle: &str, skip: usize) -> String {
    let mut client = Client::start(ledger, &["--as-of", as_of], json!({}));
    let uri = client.ledger_uri();
    client.open(&uri, ledger);
    client.diagnostics(&uri);
    let at = client.at(position(ledger, needle, skip));
    let hover = client.request("textDocument/hover", at);
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("no hover over {needle:?}: {hover}"))
        .to_owned()
}

fn opened() -> Client {
    let mut client = Client::start(LEDGER, &[], json!({}));
    let uri = client.ledger_uri();
    client.open(&uri, LEDGER);
    client
}

#[test]
fn a_misspelled_key_is_one_diagnostic_at_its_range_and_the_fix_clears_it() {
    let mut client = opened();
    let uri = client.ledger_uri();
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    assert_eq!(
        published["diagnostics"],
        json!([{
            "range": range(LEDGER, "aera"),
            "severity": 1,
            "code": "C002",
            "codeDescription": {
                // The rules' page of the source tree the binary was built from.
                "href": format!("file://{}/docs/rules.md#c002-schema", env!("CARGO_MANIFEST_DIR")),
            },
            "source": "commitments schema",
            "message": "unknown key `aera` in commitment `port`\ndid you mean `area`?\nhelp: rename it to `area`",
            "data": { "suggestion": "area" },
        }])
    );

    client.change(&uri, 2, range(LEDGER, "aera"), "area");
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]));
    client.shutdown();
}

#[test]
fn diagnostics_link_their_rule_and_point_at_related_places() {
    let options = json!({ "rulesDocsUrl": "https://example.org/docs/rules.md" });
    let mut client = Client::start(LEDGER, &[], options);
    let uri = client.ledger_uri();
    // The railway is not a quote of the port's update evidence... it is;
    // make the update's status disagree with the commitment's instead.
    let text = LEDGER.replace(
        "status = \"in_progress\"\naera = \"trade\"",
        "status = \"kept\"\narea = \"trade\"",
    );
    client.open(&uri, &text);
    let published = client.diagnostics(&uri);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    let mismatch = diagnostics
        .iter()
        .find(|d| d["code"] == "C009")
        .expect("a status-mismatch diagnostic");
    assert_eq!(
        mismatch["codeDescription"]["href"],
        "https://example.org/docs/rules.md#c009-status-mismatch"
    );
    assert_eq!(mismatch["range"], range(&text, "\"kept\""));
    let latest = text.find("status = \"in_progress\"\nnote").unwrap() + "status = ".len();
    assert_eq!(
        mismatch["relatedInformation"],
        json!([{
            "location": { "uri": uri, "range": {
                "start": position(&text, "", latest),
                "end": position(&text, "", latest + "\"in_progress\"".len()),
            }},
            "message": "latest update",
        }])
    );
    client.shutdown();
}

#[test]
fn hover_shows_what_an_id_a_status_and_a_rule_code_stand_for() {
    let mut client = opened();
    let uri = client.ledger_uri();
    client.diagnostics(&uri);

    // The parent reference of the railway: the port, its status and update.
    let at = client.at(position(LEDGER, "parent = \"port\"", 11));
    let hover = client.request("textDocument/hover", at);
    assert_eq!(
        hover["contents"]["value"],
        "**Complete the port** `port`\n\n\
         Status on 2025-06-30: **🚧 in progress** (underway)\n\n\
         Latest update, 2025-04-01: 🚧 in progress. Construction started."
    );
    assert_eq!(
        hover["range"],
        json!({
            "start": position(LEDGER, "parent = \"port\"", 9),
            "end": position(LEDGER, "parent = \"port\"", 15),
        })
    );

    let at = client.at(position(LEDGER, "ref = \"article\"", 8));
    let hover = client.request("textDocument/hover", at);
    assert_eq!(
        hover["contents"]["value"],
        "**An article** `article`\n\nExample News, 2025-03-01\n\nLocal copy: `sources/article.txt`"
    );

    let at = client.at(position(LEDGER, "\"announced\"", 2));
    let hover = client.request("textDocument/hover", at);
    assert_eq!(
        hover["contents"]["value"],
        "**📣 announced**: made, no action seen yet"
    );

    // A rule code in a comment: the rule's documentation.
    let text = format!("# C009 is why the status matches\n{LEDGER}");
    client.change(
        &uri,
        2,
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }),
        "# C009 is why the status matches\n",
    );
    let at = client.at(position(&text, "C009", 1));
    let hover = client.request("textDocument/hover", at);
    let explained = hover["contents"]["value"].as_str().unwrap();
    assert!(
        explained.starts_with("# C009 status-mismatch\n"),
        "{explained}"
    );
    assert_eq!(hover["range"], range(&text, "C009"));
    client.shutdown();
}

#[test]
fn definition_and_references_of_a_party() {
    let mut client = opened();
    let uri = client.ledger_uri();
    client.diagnostics(&uri);
    let use_of_pe = position(LEDGER, "\"pe\"]", 1);
    let definition = client.request("textDocument/definition", client.at(use_of_pe));
    // The declaration is the key `pe` of `[parties.pe]`.
    assert_eq!(
        definition,
        json!({ "uri": uri, "range": {
            "start": position(LEDGER, "pe]\nname", 0),
            "end": position(LEDGER, "pe]\nname", 2),
        }})
    );

    let mut params = client.at(position(LEDGER, "[\"cn\"", 2));
    params["context"] = json!({ "includeDeclaration": true });
    let references = client.request("textDocument/references", params);
    let lines: Vec<u64> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    let line_of =
        |needle: &str| LEDGER[..LEDGER.find(needle).unwrap()].matches('\n').count() as u64;
    assert_eq!(
        lines,
        [
            line_of("[parties.cn]"),
            line_of("parties = [\"cn\", \"pe\"]"),
            line_of("by = [\"cn\"]"),
            line_of("parties = [\"cn\"]\nparent"),
        ]
    );
    client.shutdown();
}

#[test]
fn completion_offers_keys_statuses_and_ids() {
    let mut client = opened();
    let uri = client.ledger_uri();
    client.diagnostics(&uri);

    // A new line in the railway's table: the keys it does not have yet.
    let end = position(LEDGER, "quote = \"build the railway\" }\n", 0);
    let end = json!({ "line": end["line"].as_u64().unwrap() + 1, "character": 0 });
    client.change(&uri, 2, json!({ "start": end, "end": end }), "d");
    let items = client.request(
        "textDocument/completion",
        client.at(json!({ "line": end["line"], "character": 1 })),
    );
    let labels = texts_of(&items, "label");
    assert_eq!(
        labels,
        [
            "area",
            "asks",
            "by",
            "due",
            "due_estimate",
            "due_precision",
            "due_source",
            "i18n",
            "notes",
            "related",
            "searched",
            "target",
            "update"
        ]
    );
    let due = &items[3];
    assert_eq!(due["textEdit"]["newText"], "due = ");
    assert_eq!(
        due["textEdit"]["range"],
        json!({ "start": end, "end": { "line": end["line"], "character": 1 } })
    );

    // `status = "` in an ongoing commitment: only the statuses it may have.
    client.change(
        &uri,
        3,
        json!({ "start": end, "end": { "line": end["line"], "character": 1 } }),
        "status = \"",
    );
    let items = client.request(
        "textDocument/completion",
        client.at(json!({ "line": end["line"], "character": 10 })),
    );
    let labels = texts_of(&items, "label");
    assert_eq!(
        labels,
        ["announced", "active", "at_risk", "stalled", "broken"]
    );
    assert_eq!(items[1]["textEdit"]["newText"], "\"active\"");

    // `parent = ` takes a declared commitment id, even while the line
    // being typed does not parse.
    client.change(
        &uri,
        4,
        json!({ "start": { "line": end["line"], "character": 0 }, "end": { "line": end["line"], "character": 10 } }),
        "parent = ",
    );
    let items = client.request(
        "textDocument/completion",
        client.at(json!({ "line": end["line"], "character": 9 })),
    );
    assert_eq!(items[0]["label"], "port");
    assert_eq!(items[0]["detail"], "Complete the port");
    assert_eq!(items[0]["textEdit"]["newText"], "\"port\"");
    client.shutdown();
}

#[test]
fn code_actions_fix_a_misspelling_set_the_status_and_add_an_update() {
    let mut client = opened();
    let uri = client.ledger_uri();
    client.diagnostics(&uri);

    let key = range(LEDGER, "aera");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": key,
            "context": { "diagnostics": [] },
        }),
    );
    let titles = texts_of(&actions, "title");
    assert_eq!(
        titles,
        [
            "Replace `aera` with area",
            "Add an update to `port` dated 2025-06-30"
        ]
    );
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(
        actions[0]["edit"]["changes"][&uri],
        json!([{ "range": key, "newText": "area" }])
    );
    // The update goes after the port's last update, before the railway.
    let insert_at = position(LEDGER, "\n[[commitment]]\nid = \"railway\"", 1);
    assert_eq!(
        actions[1]["edit"]["changes"][&uri],
        json!([{
            "range": { "start": insert_at, "end": insert_at },
            "newText": "[[commitment.update]]\ndate = 2025-06-30\nstatus = \"in_progress\"\nnote = \"\"\n\n",
        }])
    );

    // A status the history does not record: set it to the latest update's.
    let text = LEDGER.replace("status = \"in_progress\"\naera", "status = \"kept\"\naera");
    client.change(
        &uri,
        2,
        json!({ "start": { "line": 0, "character": 0 }, "end": position(LEDGER, "", LEDGER.len()) }),
        &text,
    );
    let kept = range(&text, "\"kept\"");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": kept,
            "context": { "diagnostics": [] },
        }),
    );
    let set = &actions[0];
    assert_eq!(
        set["title"],
        "Set `status` to \"in_progress\", the latest update's"
    );
    assert_eq!(set["diagnostics"][0]["code"], "C009");
    let kept_line = json!({
        "start": position(&text, "status = \"kept\"", 0),
        "end": position(&text, "aera", 0),
    });
    assert_eq!(
        set["edit"]["changes"][&uri],
        json!([{ "range": kept_line, "newText": "status = \"in_progress\"\n" }])
    );
    client.shutdown();
}

#[test]
fn the_outline_lists_parties_sources_and_commitments_with_their_statuses() {
    let mut client = opened();
    let uri = client.ledger_uri();
    client.diagnostics(&uri);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    let outline: Vec<String> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let children: Vec<&str> = s["children"]
                .as_array()
                .map(|c| c.iter().map(|c| c["name"].as_str().unwrap()).collect())
                .unwrap_or_default();
            format!("{} | {} | {:?}", s["name"], s["detail"], children)
        })
        .collect();
    assert_eq!(
        outline,
        [
            r#""cn" | "People's Republic of China" | []"#,
            r#""pe" | "Republic of Peru" | []"#,
            r#""article" | "An article" | []"#,
            r#""Complete the port" | "in_progress · port" | ["2025-04-01 in_progress"]"#,
            r#""Build the railway" | "announced · railway" | []"#,
        ]
    );
    client.shutdown();
}

#[test]
fn a_source_file_changed_on_disk_is_read_again() {
    let mut client = Client::start(LEDGER.replace("aera", "area").as_str(), &[], json!({}));
    let uri = client.ledger_uri();
    let text = LEDGER.replace("aera", "area");
    client.open(&uri, &text);
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    // The article no longer says "complete the port".
    std::fs::write(
        client.dir.path().join("sources/article.txt"),
        "The two sides will build the railway, a much longer text than before.\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(texts_of(&published["diagnostics"], "code"), ["C007"]);
    client.shutdown();
}

#[test]
fn a_source_file_changed_elsewhere_is_read_again_when_the_editor_watches_files() {
    let text = LEDGER.replace("aera", "area");
    let capabilities =
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let mut client = Client::start_with(&text, &[], json!({}), capabilities);
    let registration = client.next_such(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        registration["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    let id = registration["id"].clone();
    client.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
    let uri = client.ledger_uri();
    client.open(&uri, &text);
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    let article = client.dir.path().join("sources/article.txt");
    std::fs::write(
        &article,
        "Now they will build the railway, and nothing else.\n",
    )
    .unwrap();
    let changed = client.uri(&article);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": changed, "type": 2 }] }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(texts_of(&published["diagnostics"], "code"), ["C007"]);
    client.shutdown();
}

#[test]
fn only_ledgers_are_checked() {
    let mut client = Client::start(LEDGER, &[], json!({ "ledgerGlobs": ["**/promises.toml"] }));
    let dir = client.dir.path().to_owned();
    let cargo = client.uri(&dir.join("Cargo.toml"));
    client.open(&cargo, "[package]\nname = \"x\"\n");
    let schema_first = client.uri(&dir.join("other.toml"));
    client.open(
        &schema_first,
        &format!(
            "#:schema ./commitments.schema.json\n{}",
            LEDGER.replace("aera", "area")
        ),
    );
    let by_glob = client.uri(&dir.join("promises.toml"));
    client.open(&by_glob, "[ledger]\n");
    // Answers come in order: Cargo.toml, opened first, gets none.
    let first = client.diagnostics(&schema_first);
    assert_eq!(first["diagnostics"], json!([]));
    let second = client.diagnostics(&by_glob);
    assert_eq!(second["diagnostics"][0]["code"], "C002");
    assert!(
        !client.held.iter().any(|m| is_publish_for(m, &cargo)),
        "Cargo.toml is not a ledger"
    );
    client.shutdown();
}

#[test]
fn a_burst_of_changes_ends_with_the_diagnostics_of_the_last_version() {
    let mut client = opened();
    let uri = client.ledger_uri();
    client.diagnostics(&uri);
    let at = position(LEDGER, "aera", 0);
    // 40 keystrokes, each a version: types a comment line, then fixes the key.
    for version in 2..=41 {
        client.change(&uri, version, json!({ "start": at, "end": at }), "x");
    }
    let fixed = json!({ "start": at, "end": { "line": at["line"], "character": 54 } });
    client.change(&uri, 42, fixed, "area = \"trade\"");
    let mut versions = Vec::new();
    loop {
        let published = client.diagnostics(&uri);
        versions.push(published["version"].as_i64().unwrap());
        if published["version"] == 42 {
            assert_eq!(published["diagnostics"], json!([]));
            break;
        }
    }
    assert!(versions.is_sorted(), "{versions:?}");
    client.shutdown();
}

/// 2,000 keystrokes as fast as a client can send them: the server reads
/// ahead, so it checks and publishes hardly any version that a newer one
/// has already replaced (with lsp-server's reader, which read a message
/// only when asked, 177 to 1,072 of them).
#[test]
fn rapid_edits_publish_hardly_any_stale_version() {
    let mut client = opened();
    let uri = client.ledger_uri();
    client.diagnostics(&uri);
    let at = position(LEDGER, "aera", 0);
    let last = 2_001;
    for version in 2..=last {
        client.change(&uri, version, json!({ "start": at, "end": at }), "x");
    }
    let mut stale = 0;
    loop {
        let published = client.diagnostics(&uri);
        if published["version"] == last {
            break;
        }
        stale += 1;
    }
    println!("{stale} stale versions published of 2,000");
    assert!(stale < 100, "{stale} stale versions published");
    client.shutdown();
}

#[test]
fn hovers_speak_the_language_the_editor_asks_for() {
    let mut client = Client::start(LEDGER, &[], json!({ "lang": "es" }));
    let uri = client.ledger_uri();
    client.open(&uri, LEDGER);
    client.diagnostics(&uri);
    let at = client.at(position(LEDGER, "parent = \"port\"", 11));
    let hover = client.request("textDocument/hover", at);
    // The ledger has no Spanish translation: its texts stay as written.
    assert_eq!(
        hover["contents"]["value"],
        "**Complete the port** `port`\n\n\
         Estado al 30/06/2025: **🚧 en proceso** (en marcha)\n\n\
         Última novedad, 01/04/2025: 🚧 en proceso. Construction started."
    );
    let at = client.at(position(LEDGER, "\"announced\"", 2));
    let hover = client.request("textDocument/hover", at);
    assert_eq!(
        hover["contents"]["value"],
        "**📣 anunciado**: asumido, sin acciones a la vista aún"
    );
    client.shutdown();

    let mut client = Client::start(LEDGER, &[], json!({ "lang": "xx" }));
    let logged = client.notification("window/logMessage");
    assert_eq!(
        logged["params"]["message"],
        "lang: `xx` is not a language of the tool; write one of en, es, zh-Hans"
    );
    client.shutdown();
}

#[test]
fn a_panic_in_a_request_is_an_error_and_the_server_goes_on() {
    let mut client = Client::start(LEDGER, &["--test-panic-request"], json!({}));
    let uri = client.ledger_uri();
    client.open(&uri, LEDGER);
    client.diagnostics(&uri);
    let response = client.call("commitments/panic", Value::Null);
    assert_eq!(response["error"]["code"], -32603);
    let logged = client.notification("window/logMessage");
    assert!(
        logged["params"]["message"]
            .as_str()
            .unwrap()
            .contains("`commitments/panic` panicked"),
        "{logged}"
    );
    let hover = client.request(
        "textDocument/hover",
        client.at(position(LEDGER, "\"announced\"", 2)),
    );
    assert_eq!(
        hover["contents"]["value"],
        "**📣 announced**: made, no action seen yet"
    );
    client.shutdown();
}

/// Random edits, valid or not, interleaved with every request: the server
/// answers each and never stops.
#[test]
fn random_edit_sequences_never_stop_the_server() {
    let mut client = opened();
    let uri = client.ledger_uri();
    let mut rng = fastrand::Rng::with_seed(0x5eed_2026);
    let pieces = [
        "",
        "x",
        "\n",
        "[[commitment]]\n",
        "\"",
        "'",
        "=",
        " = ",
        "[",
        "]",
        "{",
        "}",
        "é",
        "𝄞",
        "\r\n",
        "status = \"kept\"\n",
        "parent = \"port\"\n",
        "ref = \"article\"",
        "#",
        "\u{0}",
        "[[commitment.update]]\ndate = 2025-05-01\n",
        "= 2025-13-45",
        "\"\"\"",
    ];
    let mut lines = LEDGER.lines().count() as u32;
    for version in 2..300 {
        let max_line = lines + 2;
        let point = move |rng: &mut fastrand::Rng| json!({ "line": rng.u32(0..max_line), "character": rng.u32(0..60) });
        let (a, b) = (point(&mut rng), point(&mut rng));
        let text: String = (0..rng.usize(0..4))
            .map(|_| pieces[rng.usize(0..pieces.len())])
            .collect();
        lines += text.matches('\n').count() as u32;
        client.change(&uri, version, json!({ "start": a, "end": b }), &text);
        let at = point(&mut rng);
        let position = json!({ "textDocument": { "uri": uri }, "position": at });
        let method = [
            "textDocument/hover",
            "textDocument/completion",
            "textDocument/definition",
            "textDocument/documentSymbol",
            "textDocument/codeAction",
        ][rng.usize(0..5)];
        let params = match method {
            "textDocument/documentSymbol" => json!({ "textDocument": { "uri": uri } }),
            "textDocument/codeAction" => json!({
                "textDocument": { "uri": uri },
                "range": { "start": at, "end": point(&mut rng) },
                "context": { "diagnostics": [] },
            }),
            _ => position,
        };
        let response = client.call(method, params);
        assert!(
            response.get("error").is_none(),
            "version {version}, {method}: {response}"
        );
    }
    client.shutdown();
}

/// Exit 0 after `shutdown`, 1 without it (as the protocol asks), 2 with a
/// message when what arrives is not the protocol.
#[test]
fn exit_statuses_follow_the_protocol() {
    let run = |input: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_commitments"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The server may stop reading first: a refused header.
        let _ = child.stdin.take().unwrap().write_all(input);
        let output = child.wait_with_output().unwrap();
        (
            output.status.code(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    let frame = |message: Value| {
        let body = message.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    };
    let initialize = frame(
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }),
    ) + &frame(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    let shutdown = frame(json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
    let exit = frame(json!({ "jsonrpc": "2.0", "method": "exit" }));

    assert_eq!(
        run(format!("{initialize}{shutdown}{exit}").as_bytes()),
        (Some(0), String::new())
    );
    assert_eq!(run(format!("{initialize}{exit}").as_bytes()).0, Some(1));
    let (code, stderr) = run(b"");
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: the input ended before the editor sent `initialize` (start `commitments lsp` from an editor; it speaks the language server protocol on standard input and output)\n"
    );
    // A body that is not JSON-RPC is skipped (the editor is told); here the
    // input then ends before `initialize`.
    let (code, stderr) = run(b"Content-Length: 5\r\n\r\nhello");
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("ended before the editor sent `initialize`"),
        "{stderr}"
    );
    // A header line that never ends is refused, not read into memory.
    let (code, stderr) = run(format!("{initialize}X-Long: {}", "x".repeat(100_000)).as_bytes());
    assert_eq!(code, Some(2));
    assert!(stderr.contains("a header line is too long"), "{stderr}");
}

/// A forged `Content-Length` of 100 GB: lsp-server allocated and zero-filled
/// it before reading ("capacity overflow", exit 101). It is refused before
/// anything is allocated, the editor is told, and the session ends cleanly
/// when the input does.
#[test]
fn a_huge_content_length_is_refused_before_anything_is_allocated() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_commitments"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let frame = |message: Value| {
        let body = message.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    };
    let input = frame(
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }),
    ) + &frame(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }))
        + "Content-Length: 100000000000\r\n\r\n{\"jsonrpc\"";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(matches!(output.status.code(), Some(1 | 2)), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("overflow"),
        "{stderr}"
    );
    assert!(
        stdout.contains(
            "a message of 100000000000 bytes is over the limit of 536870912 bytes; it was skipped"
        ),
        "{stdout}"
    );
}

/// The workspace fixture's second ledger as the open document, the first
/// on disk beside it: hover, definition, references and completion reach
/// across the two.
#[test]
fn hover_definition_references_and_completion_reach_the_workspaces_other_ledgers() {
    let fixture = Path::new(crate::common::ROOT).join("tests/fixtures/workspace/good");
    let second = std::fs::read_to_string(fixture.join("ledgers/second-talks.toml")).unwrap();
    let first = std::fs::read_to_string(fixture.join("commitments.toml")).unwrap();
    let mut client = Client::start(&second, &["--as-of", "2025-03-31"], json!({}));
    let dir = client.dir.path().to_owned();
    std::fs::write(
        dir.join("commitments-workspace.toml"),
        std::fs::read_to_string(fixture.join("commitments-workspace.toml"))
            .unwrap()
            .replace("\"ledgers/*.toml\"", "\"first/*.toml\""),
    )
    .unwrap();
    std::fs::create_dir(dir.join("first")).unwrap();
    let first_path = dir.join("first/first-talks.toml");
    std::fs::write(&first_path, &first).unwrap();
    let uri = client.ledger_uri();
    client.open(&uri, &second);
    let published = client.diagnostics(&uri);
    assert_eq!(published["diagnostics"], json!([]), "{published}");

    let on_cross = client.at(position(&second, "first-talks:build-harbour\"]", 14));
    let hover = client.request("textDocument/hover", on_cross.clone());
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("**Build the harbour** `first-talks:build-harbour`")
            && text.contains("In another ledger of the workspace: The first talks"),
        "{text}"
    );

    let definition = client.request("textDocument/definition", on_cross);
    assert_eq!(
        definition,
        json!({ "uri": client.uri(&first_path.canonicalize().unwrap()), "range": {
            // The id's string, quotes and all, as for an id in the same file.
            "start": position(&first, "\"build-harbour\"", 0),
            "end": position(&first, "\"build-harbour\"", 15),
        }})
    );

    // From the first ledger: the second's references to its commitment.
    let first_uri = client.uri(&first_path);
    client.open(&first_uri, &first);
    client.diagnostics(&first_uri);
    let params = json!({
        "textDocument": { "uri": first_uri },
        "position": position(&first, "build-harbour\"", 2),
        "context": { "includeDeclaration": false },
    });
    let references = client.request("textDocument/references", params);
    let places: Vec<(String, u64)> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["uri"].as_str().unwrap().to_owned(),
                l["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let line_of =
        |needle: &str| second[..second.find(needle).unwrap()].matches('\n').count() as u64;
    let second_uri = client.uri(&client.ledger_path().canonicalize().unwrap());
    assert_eq!(
        places,
        [
            (second_uri.clone(), line_of("related = [\"first-talks")),
            (second_uri, line_of("parent = \"first-talks")),
        ]
    );

    // Completion in `related`: this ledger's ids and the other's.
    let end = position(&second, "related = [\"open-harbour\"]", 11);
    client.change(
        &uri,
        2,
        json!({ "start": end, "end": end }),
        "\"open-harbour\", ",
    );
    let at = json!({ "line": end["line"], "character": end["character"].as_u64().unwrap() + 16 });
    let items = client.request("textDocument/completion", client.at(at));
    let labels = texts_of(&items, "label");
    assert!(labels.contains(&"first-talks:build-harbour"), "{labels:?}");
    assert!(labels.contains(&"open-harbour"), "{labels:?}");
    client.shutdown();
}
