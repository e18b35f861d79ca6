//! Editing commands: byte-exact edits, refused edits that change nothing,
//! atomic writes, `new`, and the JSON Schema.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use crate::common::BIN;
use crate::common::ROOT;
const AS_OF: &str = "2025-06-30";

/// A scratch copy of `tests/fixtures/edit` (a ledger with comments, blank
/// lines, odd spacing and literal strings, and its source file).
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        for name in ["ledger.toml", "article.txt"] {
            std::fs::copy(
                Path::new(ROOT).join("tests/fixtures/edit").join(name),
                dir.path().join(name),
            )
            .unwrap();
        }
        Scratch { dir }
    }

    fn ledger(&self) -> PathBuf {
        self.dir.path().join("ledger.toml")
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.ledger()).unwrap()
    }

    fn modified(&self) -> SystemTime {
        std::fs::metadata(self.ledger())
            .unwrap()
            .modified()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        let ledger = self.ledger();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--ledger", ledger.to_str().unwrap(), "--as-of", AS_OF]);
        Command::new(BIN).args(&all).output().unwrap()
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn original() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/edit/ledger.toml")).unwrap()
}

fn assert_ok(output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `original` with `inserted` placed right after `anchor`.
fn with_insertion(original: &str, anchor: &str, inserted: &str) -> String {
    let at = original.find(anchor).expect("anchor is in the fixture") + anchor.len();
    format!("{}{inserted}{}", &original[..at], &original[at..])
}

#[test]
fn update_changes_the_status_and_appends_an_update_and_nothing_else() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "update",
        "port",
        "--status",
        "kept",
        "--date",
        "2025-06-15",
        "--note",
        "The port opened.",
        "--url",
        "https://example.org/open",
        "--quote",
        "complete the port",
    ]));
    let status_line = "status   =   'in_progress'   # changes with each update";
    let expected = with_insertion(
        &original().replace(
            status_line,
            "status   =   'kept'   # changes with each update",
        ),
        "evidence = [ { url = \"https://example.org/start\", quote = \"work started\" } ]\n",
        "\n[[commitment.update]]\ndate = 2025-06-15\nstatus = \"kept\"\nnote = \"The port opened.\"\nevidence = [\n  { url = \"https://example.org/open\", quote = \"complete the port\" },\n]\n",
    );
    assert_eq!(scratch.text(), expected);
    assert_eq!(
        scratch.files(),
        ["article.txt", "ledger.toml"],
        "no temporary file left"
    );
}

#[test]
fn update_of_a_commitment_without_updates_and_with_source_evidence() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "update",
        "scholarships",
        "--status",
        "active",
        "--date",
        "2025-05-01",
        "--note",
        "A call \"opened\".",
        "--evidence",
        "article",
        "--quote",
        "more scholarships",
        "--url",
        "https://example.org/call",
        "--quote",
        "30 places",
        "--title",
        "Call",
        "--published",
        "2025-05-01",
    ]));
    let expected = with_insertion(
        &original().replace(
            "status = \"announced\"\nsource = { ref = \"article\", quote = \"more scholarships\" }",
            "status = \"active\"\nsource = { ref = \"article\", quote = \"more scholarships\" }",
        ),
        "source = { ref = \"article\", quote = \"more scholarships\" }\n",
        "\n[[commitment.update]]\ndate = 2025-05-01\nstatus = \"active\"\nnote = 'A call \"opened\".'\nevidence = [\n  { ref = \"article\", quote = \"more scholarships\" },\n  { url = \"https://example.org/call\", quote = \"30 places\", title = \"Call\", published = 2025-05-01 },\n]\n",
    );
    assert_eq!(scratch.text(), expected);
}

#[test]
fn add_inserts_after_the_given_commitment_only() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "add",
        "railway",
        "--title",
        "Build a railway",
        "--parties",
        "cn,pe",
        "--kind",
        "deliverable",
        "--made",
        "2025-03-01",
        "--due",
        "2026-12-31",
        "--area",
        "infrastructure",
        "--source",
        "article",
        "--quote",
        "Xi urged",
        "--after",
        "port",
    ]));
    let expected = with_insertion(
        &original(),
        "quote = \"work started\" } ]\n\n",
        "[[commitment]]\nid = \"railway\"\ntitle = \"Build a railway\"\nparties = [\"cn\", \"pe\"]\narea = \"infrastructure\"\nkind = \"deliverable\"\nmade = 2025-03-01\ndue = 2026-12-31\nstatus = \"announced\"\nsource = { ref = \"article\", quote = \"Xi urged\" }\n\n",
    );
    assert_eq!(scratch.text(), expected);
}

#[test]
fn add_appends_after_the_last_commitment_by_default() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "add",
        "visits",
        "--title",
        "More visits",
        "--parties",
        "pe",
        "--kind",
        "ongoing",
        "--made",
        "2025-03-01",
        "--source",
        "article",
        "--quote",
        "promised more scholarships",
    ]));
    let expected = format!(
        "{}\n[[commitment]]\nid = \"visits\"\ntitle = \"More visits\"\nparties = [\"pe\"]\nkind = \"ongoing\"\nmade = 2025-03-01\nstatus = \"announced\"\nsource = {{ ref = \"article\", quote = \"promised more scholarships\" }}\n",
        original()
    );
    assert_eq!(scratch.text(), expected);
}

#[test]
fn add_writes_a_deadline_of_a_year_with_its_precision() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "add",
        "plan",
        "--title",
        "A plan",
        "--parties",
        "pe",
        "--kind",
        "deliverable",
        "--made",
        "2025-03-01",
        "--due",
        "2029-12-31",
        "--due-precision",
        "year",
        "--due-estimate",
        "The plan runs to 2029; no day is given.",
        "--source",
        "article",
        "--quote",
        "promised more scholarships",
    ]));
    assert!(
        scratch
            .text()
            .contains("due = 2029-12-31\ndue_precision = \"year\"\ndue_estimate = "),
        "{}",
        scratch.text()
    );
    let output = scratch.run(&[
        "add",
        "plan2",
        "--title",
        "T",
        "--parties",
        "pe",
        "--kind",
        "deliverable",
        "--made",
        "2025-03-01",
        "--due",
        "2029-12-31",
        "--due-precision",
        "decade",
        "--due-estimate",
        "x",
        "--source",
        "article",
        "--quote",
        "promised more scholarships",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("decade"), "{stderr}");
}

#[test]
fn source_add_inserts_after_the_last_source_only() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "source",
        "add",
        "press",
        "--title",
        "A press release",
        "--published",
        "2025-03-02",
        "--publisher",
        "MFA",
        "--url",
        "https://example.org/press",
    ]));
    let expected = with_insertion(
        &original(),
        "file = 'article.txt'\n\n",
        "[sources.press]\ntitle = \"A press release\"\npublisher = \"MFA\"\npublished = 2025-03-02\nurl = \"https://example.org/press\"\n\n",
    );
    assert_eq!(scratch.text(), expected);
}

#[test]
fn party_add_inserts_after_the_last_party_only() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "party",
        "add",
        "br",
        "--name",
        "Federative Republic of Brazil",
    ]));
    let expected = with_insertion(
        &original(),
        "name=\"Republic of Peru\"\n",
        "\n[parties.br]\nname = \"Federative Republic of Brazil\"\n",
    );
    assert_eq!(scratch.text(), expected);
    assert_refused(
        &["party", "add", "cn", "--name", "Again"],
        1,
        "already exists",
    );
}

#[test]
fn searched_adds_a_table_then_replaces_it_in_place_and_nothing_else() {
    let scratch = Scratch::new();
    assert_ok(&scratch.run(&[
        "searched",
        "port",
        "--date",
        "2025-06-01",
        "--for",
        "the port's opening: the operator's notices",
    ]));
    let first = with_insertion(
        &original(),
        "evidence = [ { url = \"https://example.org/start\", quote = \"work started\" } ]\n",
        "\n[commitment.searched]\ndate = 2025-06-01\nfor = \"the port's opening: the operator's notices\"\n",
    );
    assert_eq!(scratch.text(), first);
    // A later search replaces the values in place, keeping a comment.
    std::fs::write(
        scratch.ledger(),
        first.replace(
            "date = 2025-06-01\n",
            "date = 2025-06-01 # the first look\n",
        ),
    )
    .unwrap();
    assert_ok(&scratch.run(&["searched", "port", "--for", "the press, again"]));
    let second = first
        .replace(
            "date = 2025-06-01\n",
            &format!("date = {AS_OF} # the first look\n"),
        )
        .replace(
            "for = \"the port's opening: the operator's notices\"",
            "for = \"the press, again\"",
        );
    assert_eq!(scratch.text(), second);
    assert_refused(
        &["searched", "prot", "--for", "x"],
        2,
        "no commitment is called `prot`; did you mean `port`?",
    );
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let scratch = Scratch::new();
    let before = scratch.modified();
    let output = scratch.run(&[
        "update",
        "port",
        "--status",
        "kept",
        "--date",
        "2025-06-15",
        "--note",
        "Opened.",
        "--url",
        "https://example.org/open",
        "--quote",
        "opened",
        "--dry-run",
    ]);
    assert_ok(&output);
    let diff = String::from_utf8(output.stdout).unwrap();
    assert!(
        diff.contains("-status   =   'in_progress'   # changes with each update"),
        "{diff}"
    );
    assert!(
        diff.contains("+status   =   'kept'   # changes with each update"),
        "{diff}"
    );
    assert!(diff.contains("+[[commitment.update]]"), "{diff}");
    assert_eq!(scratch.text(), original());
    assert_eq!(scratch.modified(), before);
}

/// Runs a refused edit and checks the file's bytes and mtime are unchanged.
fn assert_refused(args: &[&str], exit: i32, message: &str) {
    let scratch = Scratch::new();
    let before = scratch.modified();
    let output = scratch.run(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(exit), "{stderr}");
    assert!(stderr.contains(message), "{stderr}");
    assert!(
        stderr.contains("nothing was written") || exit == 2,
        "{stderr}"
    );
    assert_eq!(scratch.text(), original(), "bytes changed");
    assert_eq!(scratch.modified(), before, "modification time changed");
    assert_eq!(
        scratch.files(),
        ["article.txt", "ledger.toml"],
        "a temporary file was left"
    );
}

#[test]
fn an_update_after_the_as_of_date_is_refused() {
    assert_refused(
        &[
            "update",
            "port",
            "--status",
            "kept",
            "--date",
            "2025-07-01",
            "--note",
            "x",
            "--url",
            "https://e.org",
            "--quote",
            "q",
        ],
        1,
        "after the as-of date 2025-06-30",
    );
}

#[test]
fn an_unknown_status_is_a_usage_error_with_a_suggestion() {
    assert_refused(
        &[
            "update",
            "port",
            "--status",
            "kep",
            "--date",
            "2025-06-01",
            "--note",
            "x",
        ],
        2,
        "did you mean `kept`?",
    );
}

#[test]
fn a_status_invalid_for_the_kind_is_refused() {
    assert_refused(
        &[
            "update",
            "scholarships",
            "--status",
            "kept",
            "--date",
            "2025-06-01",
            "--note",
            "x",
            "--url",
            "https://e.org",
            "--quote",
            "q",
        ],
        1,
        "error[C010]",
    );
}

#[test]
fn an_id_that_exists_is_refused() {
    assert_refused(
        &[
            "add",
            "port",
            "--title",
            "Again",
            "--parties",
            "cn",
            "--kind",
            "deliverable",
            "--made",
            "2025-03-01",
            "--source",
            "article",
            "--quote",
            "Xi urged",
        ],
        1,
        "error[C004]",
    );
    assert_refused(
        &[
            "source",
            "add",
            "article",
            "--title",
            "Again",
            "--published",
            "2025-03-01",
            "--url",
            "https://e.org",
        ],
        1,
        "already exists",
    );
}

#[test]
fn unknown_ids_and_bad_dates_are_explained() {
    assert_refused(
        &[
            "update",
            "prot",
            "--status",
            "kept",
            "--date",
            "2025-06-01",
            "--note",
            "x",
        ],
        2,
        "did you mean `port`?",
    );
    assert_refused(
        &[
            "update",
            "port",
            "--status",
            "kept",
            "--date",
            "2025-06-01",
            "--note",
            "x",
            "--evidence",
            "artcle",
            "--quote",
            "q",
        ],
        2,
        "did you mean `article`?",
    );
    assert_refused(
        &[
            "update", "port", "--status", "kept", "--date", "1/6/2025", "--note", "x",
        ],
        2,
        "write it as YYYY-MM-DD",
    );
    assert_refused(
        &[
            "update",
            "port",
            "--status",
            "kept",
            "--date",
            "2025-06-01",
            "--note",
            "x",
            "--url",
            "https://e.org",
        ],
        2,
        "has no --quote",
    );
    assert_refused(
        &[
            "add",
            "x",
            "--title",
            "X",
            "--parties",
            "cn,ch",
            "--kind",
            "ongoing",
            "--made",
            "2025-03-01",
            "--source",
            "article",
            "--quote",
            "q",
        ],
        2,
        "no party is called `ch`",
    );
}

#[test]
fn an_edit_of_a_ledger_that_does_not_load_is_refused() {
    let scratch = Scratch::new();
    std::fs::write(scratch.ledger(), "[ledger]\ntitle = \"broken\n").unwrap();
    let output = scratch.run(&[
        "update",
        "port",
        "--status",
        "kept",
        "--date",
        "2025-06-01",
        "--note",
        "x",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be edited"));
    assert_eq!(
        std::fs::read_to_string(scratch.ledger()).unwrap(),
        "[ledger]\ntitle = \"broken\n"
    );
}

#[test]
fn new_writes_a_template_that_checks_clean_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.toml");
    let output = Command::new(BIN)
        .args(["new", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_ok(&output);
    let template = std::fs::read_to_string(&path).unwrap();
    for key in [
        "title",
        "reviewed",
        "stale_after_days",
        "parties",
        "sources",
        "commitment",
        "update",
        "evidence",
        "target",
        "observation",
        "checker",
    ] {
        assert!(
            template.contains(key),
            "the template does not explain `{key}`"
        );
    }
    let check = Command::new(BIN)
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_ok(&check);
    assert!(String::from_utf8_lossy(&check.stdout).contains("0 errors, 0 warnings"));

    std::fs::write(&path, "mine").unwrap();
    let again = Command::new(BIN)
        .args(["new", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
}

// ---------------------------------------------------------------------------
// The JSON Schema

/// The committed schema is what `commitments schema` prints.
/// `UPDATE_SCHEMA=1 cargo test` rewrites it.
#[test]
fn the_committed_schema_is_current() {
    let generated = commitments::json_schema::json_schema();
    assert_committed_and_printed("commitments.schema.json", &generated, &["schema"]);
}

/// `file` at the repository's root holds `generated`, and `commitments
/// ARGS` prints it. `UPDATE_SCHEMA=1 cargo test` rewrites the file.
fn assert_committed_and_printed(file: &str, generated: &str, args: &[&str]) {
    let path = Path::new(ROOT).join(file);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{file} is stale: run `UPDATE_SCHEMA=1 cargo test` and commit it"
    );
    let printed = Command::new(BIN).args(args).output().unwrap();
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), generated);
}

/// The committed schema of the JSON report is what `schema --report`
/// prints, and it closes every object (`additionalProperties: false`): a
/// field added to the report without regenerating the schema fails here,
/// and `.ci/run` validates the real report against it with
/// check-jsonschema. `UPDATE_SCHEMA=1 cargo test` rewrites it.
#[test]
fn the_committed_report_schema_is_current_and_closed() {
    let generated = commitments::report::json_schema();
    assert_committed_and_printed("report.schema.json", &generated, &["schema", "--report"]);
    // Every key of the frozen ledger's report is in the schema, and every
    // object of the schema is closed.
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    let report = Command::new(BIN)
        .args([
            "report",
            "--format",
            "json",
            "--as-of",
            "2025-11-30",
            "--ledger",
        ])
        .arg(crate::common::frozen_ledger())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let top = schema["properties"].as_object().unwrap();
    for key in report.as_object().unwrap().keys() {
        assert!(
            top.contains_key(key),
            "report key {key} is not in the schema"
        );
    }
    assert_eq!(schema["additionalProperties"], false);
    for (name, definition) in schema["$defs"]
        .as_object()
        .or(schema["definitions"].as_object())
        .unwrap()
    {
        if definition.get("properties").is_some() {
            assert_eq!(
                definition["additionalProperties"], false,
                "{name} is not closed"
            );
        }
    }
}

// Validating ledgers against the schema, as editors do, is `.ci/run`'s
// work with taplo (the frozen ledger, the edit fixture, and broken copies):
// a JSON Schema validator here cost a fifth of the test build.

#[test]
fn the_schema_describes_statuses_kinds_and_dates() {
    let schema: serde_json::Value =
        serde_json::from_str(&commitments::json_schema::json_schema()).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let statuses: Vec<&str> = schema["definitions"]["Status"]["oneOf"]
        .as_array()
        .map(|options| {
            options
                .iter()
                .filter_map(|o| o["const"].as_str().or_else(|| o["enum"][0].as_str()))
                .collect()
        })
        .or_else(|| {
            schema["definitions"]["Status"]["enum"]
                .as_array()
                .map(|e| e.iter().filter_map(|v| v.as_str()).collect())
        })
        .unwrap();
    assert_eq!(
        statuses,
        commitments::model::Status::ALL.map(|s| s.as_str())
    );
    let made = &schema["definitions"]["Commitment"]["properties"]["made"];
    assert_eq!(
        (made["type"].as_str(), made["format"].as_str()),
        (Some("string"), Some("date"))
    );
    assert!(made["description"].as_str().unwrap().contains("made"));
}

#[test]
fn a_status_change_without_evidence_is_told_which_flags_give_it() {
    assert_refused(
        &[
            "update",
            "port",
            "--status",
            "kept",
            "--date",
            "2025-06-01",
            "--note",
            "Opened.",
        ],
        1,
        "help: give the evidence with the command: `--url URL --quote TEXT`",
    );
    let scratch = Scratch::new();
    let output = scratch.run(&[
        "update",
        "port",
        "--status",
        "kept",
        "--date",
        "2025-06-01",
        "--note",
        "Opened.",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("evidence = ["), "{stderr}");
}

#[test]
fn an_edit_that_adds_a_warning_is_written_and_prints_the_warning() {
    let scratch = Scratch::new();
    let output = scratch.run(&[
        "add",
        "late-road",
        "--title",
        "Build the road",
        "--parties",
        "cn",
        "--kind",
        "deliverable",
        "--made",
        "2025-03-01",
        "--due",
        "2025-05-01",
        "--due-estimate",
        "A test deadline.",
        "--source",
        "article",
        "--quote",
        "complete the port on schedule",
    ]);
    assert_ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("warning[C013]"), "{stderr}");
    assert!(
        stderr.contains("it checks with no new errors, and 1 new warning (above)"),
        "{stderr}"
    );
    assert!(scratch.text().contains("id = \"late-road\""));
}

// ---------------------------------------------------------------------------
// Nothing lost: locks, structure, bytes, where writes go

/// A ledger of `n` commitments `c0`…, each with one update, quoting the
/// fixture's article.
fn many_commitments(n: usize) -> String {
    let mut text = String::from(
        "[ledger]\ntitle = \"Many\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"China\"\n\n[sources.article]\ntitle = \"An article\"\nfile = \"article.txt\"\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "\n[[commitment]]\nid = \"c{i}\"\ntitle = \"Commitment {i}\"\nparties = [\"cn\"]\nkind = \"deliverable\"\nmade = 2025-03-01\nstatus = \"announced\"\nsource = {{ ref = \"article\", quote = \"complete the port on schedule\" }}\n"
        ));
    }
    text
}

fn update_args(id: &str, day: u32) -> Vec<String> {
    [
        "update",
        id,
        "--status",
        "in_progress",
        "--date",
        &format!("2025-04-{day:02}"),
        "--note",
        &format!("Round {day}."),
        "--url",
        "https://example.org/e",
        "--quote",
        "work started",
    ]
    .map(str::to_owned)
    .to_vec()
}

#[test]
#[ignore = "slow: `cargo test -- --ignored` runs it, and so does .ci/run"]
fn concurrent_edits_lose_no_update() {
    let scratch = Scratch::new();
    let (editors, rounds) = (16, 20);
    std::fs::write(scratch.ledger(), many_commitments(editors)).unwrap();
    for round in 1..=rounds {
        let children: Vec<_> = (0..editors)
            .map(|i| {
                let mut args = update_args(&format!("c{i}"), round);
                let ledger = scratch.ledger();
                args.extend(["--ledger".into(), ledger.display().to_string()]);
                args.extend(["--as-of".into(), AS_OF.into(), "--wait".into(), "60".into()]);
                Command::new(BIN)
                    .args(&args)
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert_ok(&output);
        }
        // Every editor that exited 0 has its update in the file.
        let text = scratch.text();
        let ledger: toml::Table = text.parse().unwrap();
        for (i, commitment) in ledger["commitment"].as_array().unwrap().iter().enumerate() {
            let updates = commitment["update"].as_array().unwrap();
            assert_eq!(updates.len(), round as usize, "c{i} after round {round}");
        }
    }
    assert_eq!(scratch.files(), ["article.txt", "ledger.toml"]);
}

#[test]
fn a_second_editor_waits_then_names_the_holder() {
    let scratch = Scratch::new();
    let held = std::fs::File::open(scratch.ledger()).unwrap();
    held.lock().unwrap();
    let before = scratch.modified();
    let mut args = update_args("port", 2);
    args.extend(["--wait".into(), "0.3".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = scratch.run(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("is being edited by another process"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("pid {}", std::process::id())),
        "{stderr}"
    );
    assert_eq!(scratch.text(), original());
    assert_eq!(scratch.modified(), before);
    drop(held);
    assert_ok(&scratch.run(&args));
}

#[test]
fn an_inline_history_gets_the_new_update_inline_and_keeps_the_old_ones() {
    let scratch = Scratch::new();
    let inline = original().replace(
        "[[commitment.update]]\ndate = 2025-04-01\nstatus = \"in_progress\"\nnote = '''Work started.'''\nevidence = [ { url = \"https://example.org/start\", quote = \"work started\" } ]\n",
        "update = [\n  { date = 2025-04-01, status = \"in_progress\", note = \"Work started.\", evidence = [{ url = \"https://example.org/start\", quote = \"work started\" }] },\n]\n",
    );
    assert_ne!(inline, original(), "the fixture has the update to inline");
    std::fs::write(scratch.ledger(), &inline).unwrap();
    let args = update_args("port", 20);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_ok(&scratch.run(&args));
    let text = scratch.text();
    assert!(text.contains("note = \"Work started.\""), "{text}");
    assert!(text.contains("note = \"Round 20.\""), "{text}");
    assert!(!text.contains("[[commitment.update]]"), "{text}");
    let ledger: toml::Table = text.parse().unwrap();
    let port = &ledger["commitment"].as_array().unwrap()[0];
    assert_eq!(port["update"].as_array().unwrap().len(), 2);
}

#[test]
fn a_second_copy_of_an_existing_error_is_a_new_error() {
    let scratch = Scratch::new();
    // The ledger already cites a quote its source does not hold.
    let broken = original().replace(
        "quote = \"more scholarships\"",
        "quote = \"words not in the article\"",
    );
    std::fs::write(scratch.ledger(), &broken).unwrap();
    let output = scratch.run(&[
        "update",
        "port",
        "--status",
        "in_progress",
        "--date",
        "2025-05-01",
        "--note",
        "Again.",
        "--evidence",
        "article",
        "--quote",
        "words not in the article",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[C007]"), "{stderr}");
    assert_eq!(scratch.text(), broken);
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark_are_kept() {
    let scratch = Scratch::new();
    let crlf = format!("\u{feff}{}", original().replace('\n', "\r\n"));
    std::fs::write(scratch.ledger(), &crlf).unwrap();
    let args = update_args("port", 21);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_ok(&scratch.run(&args));
    assert_ok(&scratch.run(&["party", "add", "br", "--name", "Brazil"]));
    let text = scratch.text();
    assert!(text.starts_with('\u{feff}'), "the BOM was dropped");
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "a line lost its CR:\n{text:?}"
    );
    assert!(text.contains("note = \"Round 21.\"\r\n"));
    assert!(text.contains("[parties.br]\r\nname = \"Brazil\"\r\n"));
    // Without the BOM and CRs, the edits are exactly those of an LF file.
    let lf = Scratch::new();
    assert_ok(&lf.run(&args));
    assert_ok(&lf.run(&["party", "add", "br", "--name", "Brazil"]));
    assert_eq!(
        text.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
        lf.text()
    );
}

#[cfg(unix)]
#[test]
fn an_edit_through_a_symlink_edits_the_target_and_keeps_the_link() {
    let scratch = Scratch::new();
    let link = scratch.dir.path().join("link.toml");
    std::os::unix::fs::symlink("ledger.toml", &link).unwrap();
    let args = update_args("port", 22);
    let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
    all.extend(["--ledger", link.to_str().unwrap(), "--as-of", AS_OF]);
    assert_ok(&Command::new(BIN).args(&all).output().unwrap());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(scratch.text().contains("Round 22."));
}

#[cfg(unix)]
#[test]
fn a_rewritten_ledger_keeps_its_mode_and_owner() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let scratch = Scratch::new();
    std::fs::set_permissions(scratch.ledger(), std::fs::Permissions::from_mode(0o640)).unwrap();
    // As root (CI), the owner can be given away and must come back.
    let is_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if is_root {
        std::os::unix::fs::chown(scratch.ledger(), Some(4242), Some(4343)).unwrap();
    }
    let before = std::fs::metadata(scratch.ledger()).unwrap();
    let args = update_args("port", 23);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_ok(&scratch.run(&args));
    let after = std::fs::metadata(scratch.ledger()).unwrap();
    assert_eq!(after.mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
}

#[cfg(unix)]
#[test]
fn temporary_files_of_dead_writers_are_reaped_and_live_ones_kept() {
    let scratch = Scratch::new();
    // No process has a pid this high (the kernel's limit is 2^22).
    let dead = scratch.dir.path().join(".commitments-99999999-abc.tmp");
    let live = scratch
        .dir
        .path()
        .join(format!(".commitments-{}-abc.tmp", std::process::id()));
    std::fs::write(&dead, "half").unwrap();
    std::fs::write(&live, "busy").unwrap();
    let args = update_args("port", 24);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_ok(&scratch.run(&args));
    assert!(!dead.exists(), "a dead writer's temporary file was left");
    assert!(live.exists(), "a live writer's temporary file was removed");
}

#[test]
#[ignore = "slow: `cargo test -- --ignored` runs it, and so does .ci/run"]
fn an_edit_killed_at_any_moment_leaves_the_old_or_the_new_ledger() {
    let scratch = Scratch::new();
    let mut rng = fastrand::Rng::with_seed(20261128);
    let (mut old_seen, mut new_seen) = (0, 0);
    for round in 1..=29 {
        let old = scratch.text();
        let args = update_args("port", round);
        // What the edit writes when it is not killed.
        let expected = Scratch::new();
        std::fs::write(expected.ledger(), &old).unwrap();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_ok(&expected.run(&refs));
        let new = expected.text();
        let ledger = scratch.ledger();
        let mut child = Command::new(BIN)
            .args(&args)
            .args(["--ledger", ledger.to_str().unwrap(), "--as-of", AS_OF])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(rng.u64(0..60)));
        let _ = child.kill();
        let _ = child.wait();
        let now = scratch.text();
        if now == old {
            old_seen += 1;
        } else if now == new {
            new_seen += 1;
        } else {
            panic!("round {round}: the ledger is neither the old nor the new one:\n{now}");
        }
    }
    // Both outcomes happened, or the test did not test anything.
    assert!(
        old_seen > 0 && new_seen > 0,
        "old {old_seen}, new {new_seen}"
    );
    // The next edit removes what killed editors left behind.
    let args = update_args("port", 30);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_ok(&scratch.run(&refs));
    assert_eq!(scratch.files(), ["article.txt", "ledger.toml"]);
}

/// Found by the `edit` fuzz target: an update of an id that two commitments
/// share once went to the first and was then refused as a bug.
#[test]
fn an_update_of_a_duplicated_id_is_refused() {
    let scratch = Scratch::new();
    let twice = original().replace("id = \"scholarships\"", "id = \"port\"");
    std::fs::write(scratch.ledger(), &twice).unwrap();
    let args = update_args("port", 3);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = scratch.run(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("2 commitments have the id `port`"),
        "{stderr}"
    );
    assert_eq!(scratch.text(), twice);
}

#[test]
fn review_moves_the_reviewed_date_and_nothing_else() {
    let scratch = Scratch::new();
    let line = original()
        .lines()
        .find(|l| l.starts_with("reviewed"))
        .expect("the fixture has a reviewed line")
        .to_owned();
    assert_ok(&scratch.run(&["review", "2025-06-29"]));
    let expected = original().replacen(
        &line,
        &line.replacen(
            line.split('=')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .next()
                .unwrap(),
            "2025-06-29",
            1,
        ),
        1,
    );
    assert_ne!(expected, original());
    assert_eq!(scratch.text(), expected);
    // Without a date: the as-of date, 2025-06-30, which the fixture had.
    assert_ok(&scratch.run(&["review"]));
    assert_eq!(scratch.text(), original());
    // A date after the as-of date is an error; nothing is written.
    assert_refused(
        &["review", "2025-07-01"],
        1,
        "after the as-of date 2025-06-30",
    );
    assert_refused(&["review", "30/06/2025"], 2, "write it as YYYY-MM-DD");
}
