//! Hostile input: every case gets a clear error with its location where one
//! exists, and nothing panics, hangs or grows without bound.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::common::BIN;
use crate::common::ROOT;

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn check_json(dir: &Path, ledger: &str) -> (i32, Value) {
    let output = run_in(
        dir,
        &["check", ledger, "--as-of", "2025-06-30", "--format", "json"],
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    let report = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().unwrap(), report)
}

/// (code, line, column) of each finding.
fn positions(report: &Value) -> Vec<(String, u64, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

const MINIMAL: &str = "[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n";

#[test]
fn a_ledger_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join("huge.toml")).unwrap();
    // 300 MB, sparse: nothing is written, and nothing may be read.
    file.set_len(300 * 1024 * 1024).unwrap();
    let output = run_in(dir.path(), &["check", "huge.toml"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("huge.toml") && stderr.contains("more than the limit"),
        "{stderr}"
    );
}

#[test]
fn unreadable_ledger_paths_give_exit_2_and_one_line_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file.toml"), MINIMAL).unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let mut cases: Vec<&str> = vec!["folder", "missing.toml", "file.toml/inside.toml"];
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.toml");
        let made = Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if made {
            cases.push("pipe.toml");
        } else {
            println!("skipped the FIFO case: mkfifo is not available");
        }
    }
    for path in cases {
        let output = run_in(dir.path(), &["check", path]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{path}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{path}: {stderr}");
        assert!(stderr.contains(&format!("`{path}`")), "{path}: {stderr}");
    }
}

#[cfg(unix)]
#[test]
fn a_ledger_without_read_permission_gives_exit_2() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.toml");
    std::fs::write(&path, MINIMAL).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        println!("skipped: this user (root?) can read files without permission");
        return;
    }
    let output = run_in(dir.path(), &["check", "secret.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
}

#[test]
fn crlf_line_endings_give_the_same_lines_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(ROOT).join("tests/fixtures/rules");
    let mut compared = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let trigger = entry.unwrap().path().join("trigger.toml");
        let text = std::fs::read_to_string(&trigger).unwrap();
        if text.contains('\r') || trigger.parent().unwrap().ends_with("source-file") {
            continue;
        }
        std::fs::write(dir.path().join("lf.toml"), &text).unwrap();
        std::fs::write(dir.path().join("crlf.toml"), text.replace('\n', "\r\n")).unwrap();
        // The quote fixture needs its source next to the copies.
        let _ = std::fs::copy(
            trigger.parent().unwrap().join("article.txt"),
            dir.path().join("article.txt"),
        );
        let (lf_code, lf) = check_json(dir.path(), "lf.toml");
        let (crlf_code, crlf) = check_json(dir.path(), "crlf.toml");
        assert_eq!(lf_code, crlf_code, "{}", trigger.display());
        if trigger.parent().unwrap().ends_with("syntax") {
            // An unterminated string also swallows the CR, which the parser
            // reports at its own (right) place; the LF errors are all there.
            let crlf = positions(&crlf);
            assert!(
                positions(&lf).iter().all(|p| crlf.contains(p)),
                "{}",
                trigger.display()
            );
        } else {
            assert_eq!(positions(&lf), positions(&crlf), "{}", trigger.display());
        }
        compared += 1;
    }
    assert!(compared >= 15, "{compared} fixtures compared");
}

#[test]
fn a_byte_order_mark_is_accepted_and_positions_stay_right() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bom.toml"),
        format!("\u{FEFF}{MINIMAL}stauts = 1\n"),
    )
    .unwrap();
    let (code, report) = check_json(dir.path(), "bom.toml");
    assert_eq!(code, 1);
    assert_eq!(
        positions(&report),
        [("C002".to_owned(), 4, 1)],
        "{report:#}"
    );
}

#[test]
fn nul_bytes_are_a_located_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("nul.toml"),
        format!("{MINIMAL}x = \"a\0b\"\n"),
    )
    .unwrap();
    let (code, report) = check_json(dir.path(), "nul.toml");
    assert_eq!(code, 1);
    let found = positions(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!((found[0].0.as_str(), found[0].1), ("C001", 4));
}

#[test]
fn columns_count_characters_so_tabs_and_wide_text_do_not_shift_them() {
    let dir = tempfile::tempdir().unwrap();
    // `stauts` after two tabs is column 3: each tab counts as one column.
    std::fs::write(
        dir.path().join("tabs.toml"),
        format!("{MINIMAL}\t\tstauts = 1\n"),
    )
    .unwrap();
    let (_, report) = check_json(dir.path(), "tabs.toml");
    assert_eq!(
        positions(&report),
        [("C002".to_owned(), 4, 3)],
        "{report:#}"
    );
    // After `title = "中文中文"` (14 characters, 22 bytes) the `;` is column 15.
    std::fs::write(
        dir.path().join("wide.toml"),
        format!("{MINIMAL}[sources.a]\ntitle = \"中文中文\"; url = 1\n"),
    )
    .unwrap();
    let (_, report) = check_json(dir.path(), "wide.toml");
    assert_eq!(
        positions(&report),
        [("C001".to_owned(), 5, 15)],
        "{report:#}"
    );
}

#[test]
fn wide_characters_before_a_span_count_as_one_column_each() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{MINIMAL}[parties.cn]\nname = \"中\"\n\n[sources.a]\ntitle = \"t\"\nurl = \"u\"\n\n[[commitment]]\nid = \"x\"\ntitle = \"中文\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\nsource = {{ ref = \"中文\", quote = \"q\" }}\n"
    );
    std::fs::write(dir.path().join("wide.toml"), &text).unwrap();
    let (_, report) = check_json(dir.path(), "wide.toml");
    let unknown = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "C005")
        .expect("unknown source");
    // `source = { ref = ` is 17 characters: the value starts at column 18.
    assert_eq!(
        (unknown["line"].as_u64(), unknown["column"].as_u64()),
        (Some(18), Some(18)),
        "{unknown:#}"
    );
    assert_eq!(
        unknown["end_column"].as_u64(),
        Some(22),
        "four characters, whatever their width or byte length"
    );
}

/// A ledger that cites `source.txt` with these quotes.
fn ledger_quoting(quotes: &[&str]) -> String {
    let mut text = format!(
        "{MINIMAL}[parties.cn]\nname = \"c\"\n\n[sources.s]\ntitle = \"t\"\nfile = \"source.txt\"\n"
    );
    for (i, quote) in quotes.iter().enumerate() {
        let quote = toml_edit::Value::from(*quote).to_string();
        text.push_str(&format!(
            "\n[[commitment]]\nid = \"c{i}\"\ntitle = \"t\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\nsource = {{ ref = \"s\", quote = {} }}\n",
            quote.trim()
        ));
    }
    text
}

#[test]
fn quotes_full_of_regex_metacharacters_are_matched_literally() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("source.txt"),
        "Prices rose (a+b)*[c]{2}|^$\\. and fell.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ledger.toml"),
        ledger_quoting(&["(a+b)*[c]{2}|^$\\.", ".*", "(a+b)+", "[c]{2}"]),
    )
    .unwrap();
    let (code, report) = check_json(dir.path(), "ledger.toml");
    assert_eq!(code, 1);
    let lines: Vec<u64> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "C007")
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    // Only `.*` and `(a+b)+` are not in the text, read literally.
    assert_eq!(lines.len(), 2, "{report:#}");
}

#[test]
#[ignore = "slow: `cargo test -- --ignored` runs it, and so does .ci/run"]
fn ten_thousand_quotes_against_a_one_megabyte_source() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(
        crate::common::frozen_dir().join("sources/xinhua-2024-06-28-xi-boluarte-talks.txt"),
    )
    .unwrap();
    let mut source = String::new();
    let mut n = 0;
    while source.len() < 1_000_000 {
        source.push_str(&article.replace("Xi ", &format!("Xi{n} ")));
        n += 1;
    }
    std::fs::write(dir.path().join("source.txt"), &source).unwrap();
    let words: Vec<&str> = source.split_whitespace().collect();
    let quotes: Vec<String> = (0..10_000)
        .map(|i| words[(i * 7919) % (words.len() - 8)..][..6].join(" "))
        .collect();
    let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
    std::fs::write(dir.path().join("ledger.toml"), ledger_quoting(&refs)).unwrap();
    let (code, report) = check_json(dir.path(), "ledger.toml");
    assert_eq!(code, 0, "{}", report["findings"][0]);
}

#[test]
#[ignore = "slow: `cargo test -- --ignored` runs it, and so does .ci/run"]
fn ten_thousand_updates_on_one_commitment() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!(
        "{MINIMAL}[parties.cn]\nname = \"c\"\n\n[sources.s]\ntitle = \"t\"\nurl = \"u\"\n\n[[commitment]]\nid = \"c\"\ntitle = \"t\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2000-01-01\nstatus = \"active\"\nsource = {{ ref = \"s\", quote = \"q\" }}\n"
    );
    for _ in 0..10_000 {
        text.push_str("\n[[commitment.update]]\ndate = 2024-01-01\nstatus = \"active\"\nnote = \"n\"\nevidence = [{ url = \"u\", quote = \"q\" }]\n");
    }
    std::fs::write(dir.path().join("ledger.toml"), text).unwrap();
    let (code, report) = check_json(dir.path(), "ledger.toml");
    assert_eq!((code, report["errors"].as_u64()), (0, Some(0)));
    let output = run_in(
        dir.path(),
        &[
            "report",
            "ledger.toml",
            "--as-of",
            "2025-06-30",
            "--format",
            "html",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn an_id_with_look_alike_letters_is_named_by_code_point() {
    let dir = tempfile::tempdir().unwrap();
    // The `а` in `hаrbor` is Cyrillic (U+0430).
    let text = format!(
        "{MINIMAL}[parties.cn]\nname = \"c\"\n\n[sources.s]\ntitle = \"t\"\nurl = \"u\"\n\n[[commitment]]\nid = \"chancay-h\u{430}rbor\"\ntitle = \"t\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\nsource = {{ ref = \"s\", quote = \"q\" }}\n"
    );
    std::fs::write(dir.path().join("ledger.toml"), text).unwrap();
    let (code, report) = check_json(dir.path(), "ledger.toml");
    assert_eq!(code, 1);
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "C017");
    assert!(
        finding["notes"][0].as_str().unwrap().contains("U+0430"),
        "{finding:#}"
    );
}

#[test]
fn hostile_source_files_are_refused_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let huge = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(100 * 1024 * 1024).unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"%PDF-1.4\0\x01\x02binary").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Per\xfa").unwrap();
    let mut text = MINIMAL.to_owned();
    for (id, file) in [
        ("huge", "huge.txt"),
        ("binary", "binary.txt"),
        ("latin1", "latin1.txt"),
        ("missing", "missing.txt"),
    ] {
        text.push_str(&format!(
            "\n[sources.{id}]\ntitle = \"t\"\nfile = \"{file}\"\n"
        ));
    }
    std::fs::write(dir.path().join("ledger.toml"), &text).unwrap();
    let (code, report) = check_json(dir.path(), "ledger.toml");
    assert_eq!(code, 1);
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(messages[0].contains("more than the limit"), "{messages:?}");
    assert!(messages[1].contains("binary"), "{messages:?}");
    assert!(messages[2].contains("not UTF-8"), "{messages:?}");
    assert!(messages[3].contains("does not exist"), "{messages:?}");
}

// ---------------------------------------------------------------------------
// Guarantees (README): read-only commands write nothing; no network.

/// Every file and folder under `dir`, at any depth, with its size, time
/// and content: what a write anywhere in the tree would change.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime, Vec<u8>)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let content = if meta.is_file() {
                std::fs::read(&path).unwrap()
            } else {
                Vec::new()
            };
            if meta.is_dir() {
                pending.push(path.clone());
            }
            found.push((path, meta.len(), meta.modified().unwrap(), content));
        }
    }
    found.sort();
    found
}

#[test]
fn read_only_commands_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::common::frozen_ledger(),
        dir.path().join("commitments.toml"),
    )
    .unwrap();
    // The source, in its folder: a write next to it counts too.
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    let article = "xinhua-2024-06-28-xi-boluarte-talks.txt";
    std::fs::copy(
        crate::common::frozen_dir().join("sources").join(article),
        sources.join(article),
    )
    .unwrap();
    let before = snapshot(dir.path());
    assert_eq!(before.len(), 3, "{before:?}");
    // Each command with the exit status it must have: a command that
    // failed early would write nothing and prove nothing.
    for (code, args) in [
        (0, vec!["check", "--as-of", "2025-11-30"]),
        (
            0,
            vec!["check", "--format", "json", "--as-of", "2025-11-30"],
        ),
        (0, vec!["report", "--as-of", "2025-11-30"]),
        (
            0,
            vec!["report", "--format", "html", "--as-of", "2025-11-30"],
        ),
        (
            0,
            vec!["report", "--format", "csv", "--as-of", "2025-11-30"],
        ),
        (0, vec!["diff", "commitments.toml", "commitments.toml"]),
        (0, vec!["rules"]),
        (0, vec!["explain", "stale"]),
        (0, vec!["schema"]),
        (
            0,
            vec![
                "searched",
                "fta-upgrade",
                "--for",
                "x",
                "--dry-run",
                "--as-of",
                "2025-11-30",
            ],
        ),
        (
            0,
            vec!["review", "2025-11-30", "--dry-run", "--as-of", "2025-11-30"],
        ),
        (
            0,
            vec![
                "update",
                "fta-upgrade",
                "--status",
                "kept",
                "--date",
                "2025-01-01",
                "--note",
                "x",
                "--url",
                "https://e.org",
                "--quote",
                "q",
                "--dry-run",
                "--as-of",
                "2025-11-30",
            ],
        ),
    ] {
        let output = run_in(dir.path(), &args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            snapshot(dir.path()) == before,
            "{args:?} changed the folder"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn the_binary_imports_no_call_that_opens_a_network_connection() {
    // Whatever crate would fetch a page, through whatever client, links the
    // C library's socket calls into the binary: the binary's imports are the
    // whole list, where a list of crate names could only ever be partial. A
    // program that calls std::net::TcpStream::connect imports `socket`,
    // `connect` and `getaddrinfo`.
    let output = Command::new("nm")
        .args(["--dynamic", "--undefined-only", BIN])
        .output()
        .expect("nm (binutils) runs");
    assert!(output.status.success(), "{output:?}");
    let imports = String::from_utf8(output.stdout).unwrap();
    let names: Vec<&str> = imports
        .lines()
        .filter_map(|line| line.split_whitespace().last())
        .map(|symbol| symbol.split('@').next().unwrap_or(symbol))
        .collect();
    assert!(
        names.contains(&"open64") || names.contains(&"open"),
        "nm did not list the binary's imports: {imports}"
    );
    for call in [
        "socket",
        "connect",
        "getaddrinfo",
        "gethostbyname",
        "sendto",
        "sendmsg",
    ] {
        assert!(!names.contains(&call), "the binary imports `{call}`");
    }
}

/// Whether anything connects to `listener` within `wait`.
fn was_contacted(listener: &std::net::TcpListener, wait: std::time::Duration) -> bool {
    listener.set_nonblocking(true).unwrap();
    let until = std::time::Instant::now() + wait;
    while std::time::Instant::now() < until {
        if listener.accept().is_ok() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

#[test]
fn quotes_of_url_only_sources_are_not_fetched_or_checked() {
    // The source's page and every evidence link are on a local port that
    // records any connection, and every proxy variable points at it too: a
    // fetch by any client would be seen.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let page = format!("http://{address}/article");
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{MINIMAL}[parties.cn]\nname = \"c\"\n\n[sources.web]\ntitle = \"t\"\nurl = \"{page}\"\n\n[[commitment]]\nid = \"c\"\ntitle = \"t\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"active\"\nsource = {{ ref = \"web\", quote = \"words no local file has\" }}\n\n[[commitment.update]]\ndate = 2025-02-01\nstatus = \"active\"\nnote = \"n\"\nevidence = [{{ url = \"{page}/news\", quote = \"words of the news\" }}]\n"
    );
    std::fs::write(dir.path().join("ledger.toml"), text).unwrap();
    let proxy = format!("http://{address}");
    for args in [
        vec![
            "check",
            "ledger.toml",
            "--as-of",
            "2025-06-30",
            "--format",
            "json",
        ],
        vec![
            "report",
            "ledger.toml",
            "--as-of",
            "2025-06-30",
            "--format",
            "html",
        ],
    ] {
        let output = Command::new(BIN)
            .args(&args)
            .current_dir(dir.path())
            .envs([
                ("http_proxy", &proxy),
                ("https_proxy", &proxy),
                ("HTTP_PROXY", &proxy),
                ("HTTPS_PROXY", &proxy),
                ("ALL_PROXY", &proxy),
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        if args[0] == "check" {
            let report: Value = serde_json::from_slice(&output.stdout).unwrap();
            assert_eq!(report["errors"].as_u64(), Some(0), "{report}");
        }
    }
    assert!(
        !was_contacted(&listener, std::time::Duration::from_millis(300)),
        "something fetched {page}"
    );
}

// ---------------------------------------------------------------------------
// Nothing injected: every output escapes ledger data for its reader

/// A folder with `commitments.toml` holding `text`.
fn ledger_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("commitments.toml"), text).unwrap();
    dir
}

const ONE_COMMITMENT: &str = "[ledger]\ntitle = \"T\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"China\"\n\n[sources.s]\ntitle = \"S\"\nurl = \"https://example.org\"\n\n[[commitment]]\nid = \"a\"\ntitle = \"A\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\nsource = { ref = \"s\", quote = \"q\" }\n";

#[test]
fn an_unsafe_id_stops_reports_diffs_and_edits_with_its_location() {
    let text = ONE_COMMITMENT.replace(
        "id = \"a\"",
        "id = \"a\\n## Pwned <img src=https://evil.example/x>\"",
    );
    let dir = ledger_dir(&text);
    for args in [
        vec!["report", "--as-of", "2025-06-30"],
        vec!["report", "--format", "html", "--as-of", "2025-06-30"],
        vec!["diff", "commitments.toml"],
        vec![
            "update",
            "a",
            "--status",
            "active",
            "--date",
            "2025-06-01",
            "--note",
            "n",
            "--url",
            "https://e.org",
            "--quote",
            "q",
            "--as-of",
            "2025-06-30",
        ],
    ] {
        let output = run_in(dir.path(), &args);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(!stdout.contains("Pwned"), "{args:?}: {stdout}");
        assert!(stderr.contains("error[C017]"), "{args:?}: {stderr}");
        assert!(
            stderr.contains("commitments.toml:13:6"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("\n## Pwned"), "{args:?}: {stderr}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("commitments.toml")).unwrap(),
        text
    );
}

#[test]
fn references_cannot_start_markdown_blocks_in_reports() {
    // An unknown parent is an error, but the report is still made: the
    // reference must stay inside its code span.
    let text = ONE_COMMITMENT.replace(
        "status = \"announced\"",
        "status = \"announced\"\nparent = \"x\\n## Pwned\\n<img src=https://evil.example/x>\"",
    );
    let dir = ledger_dir(&text);
    let output = run_in(dir.path(), &["report", "--as-of", "2025-06-30"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let markdown = String::from_utf8_lossy(&output.stdout);
    assert!(
        markdown.contains("Pwned"),
        "the reference is shown: {markdown}"
    );
    for line in markdown.lines() {
        assert!(!line.starts_with("## Pwned"), "{markdown}");
        assert!(!line.starts_with("<img"), "{markdown}");
        // Raw HTML only inside a code span, where it is shown, not run.
        if let Some(at) = line.find("<img") {
            assert_eq!(line[..at].matches('`').count() % 2, 1, "{line}");
        }
    }
}

#[test]
fn control_characters_reach_no_terminal() {
    // In a value (a TOML escape): shown as an escape in the message.
    let text = ONE_COMMITMENT.replace("parties = [\"cn\"]", "parties = [\"cn\\u001b[2J\\u0007\"]");
    let dir = ledger_dir(&text);
    let output = run_in(dir.path(), &["check", "--as-of", "2025-06-30"]);
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{shown}");
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(shown.contains("`cn\\u{1b}[2J\\u{7}`"), "{shown}");
    // Raw in the file (a syntax error): shown as a control picture in the
    // excerpt, with the file's own line and column.
    let raw = ONE_COMMITMENT.replace("title = \"A\"", "title = \"A\" # \u{1b}[2J\u{7}");
    let dir = ledger_dir(&raw);
    let output = run_in(dir.path(), &["check", "--as-of", "2025-06-30"]);
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(
        shown.contains('\u{241b}'),
        "the excerpt shows a control picture: {shown}"
    );
    assert!(shown.contains("commitments.toml:14:15"), "{shown}");
    // And in the messages of the editing commands.
    let output = run_in(
        dir.path(),
        &[
            "update",
            "a\u{1b}[2J",
            "--status",
            "active",
            "--date",
            "2025-06-01",
            "--note",
            "n",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn github_output_escapes_every_line_including_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\n::error file=evil,line=1::pwned.toml";
    std::fs::write(
        dir.path().join(name),
        ONE_COMMITMENT.replace("status = \"announced\"", "status = \"kept\""),
    )
    .unwrap();
    let output = run_in(
        dir.path(),
        &["check", name, "--format", "github", "--as-of", "2025-06-30"],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in stdout.lines() {
        assert!(
            !line.starts_with("::") || line.starts_with("::error file=x%0A%3A%3Aerror"),
            "an injected command: {line}\n{stdout}"
        );
    }
    assert!(stdout.lines().count() >= 2, "{stdout}");
}

#[test]
fn csv_numbers_stay_numbers() {
    let text = ONE_COMMITMENT.replace(
        "source = { ref = \"s\", quote = \"q\" }\n",
        "source = { ref = \"s\", quote = \"q\" }\n\n[commitment.target]\nmetric = \"balance\"\nunit = \"USD bn\"\nbaseline = { value = -12.5, date = 2025-01-01 }\ngoal = -2\n",
    );
    let dir = ledger_dir(&text);
    let output = run_in(
        dir.path(),
        &["report", "--format", "csv", "--as-of", "2025-06-30"],
    );
    let csv = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{csv}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let row = csv.lines().nth(1).unwrap();
    // The baseline -12.5 and the latest -2, each followed by its note and
    // its source (here, none cited).
    assert!(row.contains(",-12.5,,no source cited,-2,"), "{row}");
    assert!(!row.contains("'-"), "{row}");
}

#[cfg(target_os = "linux")]
#[test]
fn every_command_exits_2_when_it_cannot_write_its_output() {
    // The frozen ledger, never the live one.
    let root = &crate::common::frozen_dir();
    for args in [
        vec!["rules"],
        vec!["explain", "stale"],
        vec!["schema"],
        vec!["check", "--as-of", "2025-11-30"],
        vec!["check", "--as-of", "2025-11-30", "--format", "json"],
        vec!["report", "--as-of", "2025-11-30"],
        vec!["diff", "commitments.toml"],
    ] {
        let full = std::fs::File::create("/dev/full").unwrap();
        let output = Command::new(BIN)
            .args(&args)
            .current_dir(root)
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot write"), "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------------------
// Where reports go

#[test]
fn a_report_is_never_written_over_the_ledger_or_a_source() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::common::frozen_ledger(),
        dir.path().join("commitments.toml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let article = "sources/xinhua-2024-06-28-xi-boluarte-talks.txt";
    std::fs::copy(
        crate::common::frozen_dir().join(article),
        dir.path().join(article),
    )
    .unwrap();
    let before = snapshot(dir.path());
    for target in ["commitments.toml", "./commitments.toml", article] {
        let output = run_in(dir.path(), &["report", "-o", target]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{target}: {stderr}");
        assert!(
            stderr.contains("is the ledger") || stderr.contains("is the local copy of source"),
            "{stderr}"
        );
    }
    assert_eq!(snapshot(dir.path()), before);
    assert_eq!(
        std::fs::read(dir.path().join("commitments.toml")).unwrap(),
        std::fs::read(crate::common::frozen_ledger()).unwrap()
    );
}

#[cfg(unix)]
#[test]
fn a_report_to_a_fifo_or_a_device_or_dash_is_written_straight_to_it() {
    // The frozen ledger, never the live one.
    let root = &crate::common::frozen_dir();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let output = Command::new(BIN)
        .args([
            "report",
            "--as-of",
            "2025-11-30",
            "-o",
            fifo.to_str().unwrap(),
        ])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let received = reader.join().unwrap();
    assert!(received.starts_with("# China–Peru"), "{received}");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a file was left"
    );
    // A character device, and `-`.
    let output = Command::new(BIN)
        .args(["report", "--as-of", "2025-11-30", "-o", "/dev/null"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let output = Command::new(BIN)
        .args(["report", "--as-of", "2025-11-30", "-o", "-"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# China–Peru"));
}

#[cfg(unix)]
#[test]
fn a_new_report_honours_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 077 && exec '{BIN}' report --as-of 2025-11-30 -o '{}'",
            report.display()
        ))
        .current_dir(crate::common::frozen_dir())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

// ---------------------------------------------------------------------------
// Nothing hangs: linear in the input

#[test]
fn one_source_file_named_by_many_sources_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), "x ".repeat(1 << 20)).unwrap();
    let mut text = String::from(MINIMAL);
    for i in 0..150 {
        text.push_str(&format!(
            "\n[sources.s{i}]\ntitle = \"S\"\nfile = \"big.txt\"\n"
        ));
    }
    let loaded =
        commitments::load::load_bytes("commitments.toml", text.as_bytes(), Some(dir.path()));
    assert_eq!(loaded.files.len(), 2, "the ledger and one copy of big.txt");
    assert_eq!(loaded.source_files.len(), 150);
}

#[test]
fn identical_missing_quotes_are_each_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "the words that are here").unwrap();
    let mut text = String::from(
        "[ledger]\ntitle = \"t\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"C\"\n\n[sources.a]\ntitle = \"A\"\nfile = \"a.txt\"\n\n[[commitment]]\nid = \"c\"\ntitle = \"C\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"active\"\nsource = { ref = \"a\", quote = \"the words that are here\" }\n",
    );
    for _ in 0..5_000 {
        text.push_str("\n[[commitment.update]]\ndate = 2025-02-01\nstatus = \"active\"\nnote = \"n\"\nevidence = [{ ref = \"a\", quote = \"the words that are not here\" }]\n");
    }
    std::fs::write(dir.path().join("commitments.toml"), &text).unwrap();
    let (code, report) = check_json(dir.path(), "commitments.toml");
    assert_eq!(code, 1);
    let missing = positions(&report)
        .iter()
        .filter(|(c, _, _)| c == "C007")
        .count();
    assert_eq!(missing, 5_000);
    // Only the first shows the closest passage; the others name its line.
    let first_line = positions(&report)[0].1;
    let pointing_back = format!("(the same as on line {first_line})");
    let repeats = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["message"].as_str().unwrap().ends_with(&pointing_back))
        .count();
    assert_eq!(repeats, 4_999);
}

#[test]
fn a_very_long_word_gets_a_closest_passage_answer() {
    let dir = tempfile::tempdir().unwrap();
    let word = "a".repeat(60_000);
    std::fs::write(dir.path().join("a.txt"), format!("start {word} end")).unwrap();
    let text = format!(
        "[ledger]\ntitle = \"t\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"C\"\n\n[sources.a]\ntitle = \"A\"\nfile = \"a.txt\"\n\n[[commitment]]\nid = \"c\"\ntitle = \"C\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\nsource = {{ ref = \"a\", quote = \"start {}b end\" }}\n",
        "a".repeat(59_999)
    );
    std::fs::write(dir.path().join("commitments.toml"), &text).unwrap();
    let (code, report) = check_json(dir.path(), "commitments.toml");
    assert_eq!(code, 1);
    assert_eq!(positions(&report)[0].0, "C007");
}

/// Long lists of findings are rendered in parallel chunks: the bytes are
/// the same as one finding at a time, in the same order.
#[test]
#[ignore = "slow: `cargo test -- --ignored` runs it, and so does .ci/run"]
fn findings_rendered_in_parallel_read_as_one_at_a_time() {
    let mut ledger = String::from(
        "[ledger]\ntitle = \"t\"\nreviewed = 2020-01-01\n\n[parties.cn]\nname = \"C\"\n\n\
         [sources.a]\ntitle = \"A\"\nurl = \"https://example.org\"\n",
    );
    for i in 0..700 {
        ledger.push_str(&format!(
            "\n[[commitment]]\nid = \"c{i}\"\ntitle = \"T{i}\"\nparties = [\"cn\"]\nkind = \"ongoing\"\n\
             made = 2020-01-01\nstatus = \"announced\"\nsource = {{ ref = \"a\", quote = \"q\" }}\n"
        ));
    }
    let loaded = commitments::load::load_bytes("commitments.toml", ledger.as_bytes(), None);
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let findings =
        commitments::check::check(&loaded, &commitments::check::Levels::of(&loaded), as_of);
    assert!(findings.len() > 600, "{} findings", findings.len());
    let together = commitments::render::findings_string(&loaded.files, &findings);
    let one_by_one: String = findings
        .iter()
        .map(|f| commitments::render::findings_string(&loaded.files, std::slice::from_ref(f)))
        .collect();
    assert_eq!(together, one_by_one);
}

/// `--jobs 1` gives the same output as every core; `--jobs 0` is refused.
#[test]
fn jobs_change_the_threads_not_the_output() {
    // The frozen ledger, never the live one.
    let root = &crate::common::frozen_dir();
    let run = |jobs: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_commitments"))
            .args(["check", "--as-of", "2025-11-30"])
            .args(jobs)
            .current_dir(root)
            .output()
            .unwrap()
    };
    let all = run(&[]);
    let one = run(&["--jobs", "1"]);
    assert_eq!(all.status.code(), one.status.code());
    assert_eq!(all.stdout, one.stdout);
    assert!(!one.stdout.is_empty());
    let zero = run(&["--jobs", "0"]);
    assert_eq!(zero.status.code(), Some(2));
}

/// A ledger from a pull request names `.git/config`, where `actions/checkout`
/// keeps its credential, as a source; a near-miss quote would print the
/// "closest passage". No hidden file is read, however the path leads to it,
/// and neither is the ledger itself.
#[test]
fn no_hidden_file_and_not_the_ledger_is_read_as_a_source() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "ghs_SECRETSECRETSECRET";
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("sources/.hidden")).unwrap();
    std::fs::write(
        dir.path().join(".git/config"),
        format!("[http]\n\textraheader = AUTHORIZATION: basic {secret}\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("sources/.hidden/notes.txt"), secret).unwrap();
    let mut written = vec![
        ".git/config".to_owned(),
        "./.git/config".to_owned(),
        "sources/../.git/config".to_owned(),
        "sources/.hidden/notes.txt".to_owned(),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("../.git/config", dir.path().join("sources/config.txt"))
            .unwrap();
        written.push("sources/config.txt".to_owned());
    }
    for file in &written {
        let ledger = format!(
            "[ledger]\ntitle = \"t\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"C\"\n\n\
             [sources.a]\ntitle = \"A\"\nfile = \"{file}\"\n\n\
             [[commitment]]\nid = \"c\"\ntitle = \"C\"\nparties = [\"cn\"]\nkind = \"ongoing\"\n\
             made = 2025-01-01\nstatus = \"announced\"\n\
             source = {{ ref = \"a\", quote = \"extraheader = AUTHORIZATION: basic ghs_SECRETSECRET\" }}\n"
        );
        std::fs::write(dir.path().join("commitments.toml"), &ledger).unwrap();
        for format in ["human", "json", "github"] {
            let output = run_in(
                dir.path(),
                &["check", "--as-of", "2025-06-30", "--format", format],
            );
            let shown = format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            assert_eq!(output.status.code(), Some(1), "{file}: {shown}");
            assert!(
                !shown.contains("SECRETSECRETSECRET"),
                "{file} ({format}): {shown}"
            );
            assert!(!shown.contains("closest"), "{file} ({format}): {shown}");
        }
        let (_, report) = check_json(dir.path(), "commitments.toml");
        assert_eq!(
            report["findings"][0]["name"], "source-file",
            "{file}: {report:#}"
        );
    }
    // The ledger as its own source.
    let ledger = "[ledger]\ntitle = \"t\"\nreviewed = 2025-06-30\n\n[sources.a]\ntitle = \"A\"\nfile = \"commitments.toml\"\n";
    std::fs::write(dir.path().join("commitments.toml"), ledger).unwrap();
    let (code, report) = check_json(dir.path(), "commitments.toml");
    assert_eq!(code, 1);
    assert_eq!(
        report["findings"][0]["message"],
        "source file `commitments.toml` is the ledger itself"
    );
}

/// `n` empty inline tables on one line, before `[ledger]`: seven schema
/// errors each, all on that line.
fn empty_tables_on_one_line(n: usize) -> String {
    format!(
        "commitment = [{}]\n[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n",
        vec!["{}"; n].join(",")
    )
}

#[test]
fn a_finding_on_a_long_line_shows_a_window_of_it_at_the_right_column() {
    let dir = tempfile::tempdir().unwrap();
    // 1,400 tables: 9,800 findings, under the loader's limit.
    std::fs::write(
        dir.path().join("commitments.toml"),
        empty_tables_on_one_line(1_400),
    )
    .unwrap();
    let output = run_in(
        dir.path(),
        &["check", "--as-of", "2025-01-01", "--max-per-rule", "0"],
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1));
    // Table 700 starts at column 15 + 3 × 699.
    let at = text
        .find("commitment #700 is missing the required key `id`")
        .unwrap();
    let finding = &text[at..at + 600];
    assert!(
        finding.contains("--> commitments.toml:1:2112\n"),
        "{finding}"
    );
    let excerpt = finding.lines().nth(3).unwrap();
    assert!(excerpt.starts_with("1 | …{},{}"), "{excerpt}");
    assert!(excerpt.ends_with("{},{}…"), "{excerpt}");
    assert!(excerpt.chars().count() < 260, "{excerpt}");
    // Every line printed is short: no finding prints the whole line.
    assert!(text.lines().all(|l| l.chars().count() < 300));
    // The output grows with the findings, not with the findings times the
    // line (6,000 tables wrote 1.1 GB).
    assert!(text.len() < 9_800 * 500, "{} bytes", text.len());
}

#[test]
fn at_most_n_findings_of_a_rule_are_printed_then_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("commitments.toml"),
        empty_tables_on_one_line(1_400),
    )
    .unwrap();
    for (flags, shown) in [(vec![], 100), (vec!["--max-per-rule", "5"], 5)] {
        let mut args = vec!["check", "--as-of", "2025-01-01"];
        args.extend(flags);
        let output = run_in(dir.path(), &args);
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(text.matches("error[C002]").count(), shown, "{args:?}");
        assert!(
            text.contains(&format!(
                "... and {} more findings of C002 `schema` (`--max-per-rule 0` shows every finding)",
                9_800 - shown
            )),
            "{text}"
        );
        assert!(text.ends_with(
            "commitments.toml: 9800 errors, 0 warnings in 0 commitments (as of 2025-01-01)\n"
        ));
        let github = run_in(dir.path(), &[&args[..], &["--format", "github"]].concat());
        let github = String::from_utf8(github.stdout).unwrap();
        assert_eq!(
            github.lines().filter(|l| l.starts_with("::error ")).count(),
            shown
        );
        assert!(
            github.contains("::notice title=C002 schema::... and "),
            "{github}"
        );
    }
}

#[test]
#[ignore = "slow: `cargo test -- --ignored` runs it, and so does .ci/run"]
fn a_million_findings_are_counted_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    // 333,333 tables: 2.3 million schema errors; keeping them took 2 GB.
    std::fs::write(
        dir.path().join("commitments.toml"),
        empty_tables_on_one_line(333_333),
    )
    .unwrap();
    let (code, report) = check_json(dir.path(), "commitments.toml");
    assert_eq!(code, 1);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 10_001);
    assert_eq!(
        findings[0]["message"],
        "2323331 more schema errors after these 10000 are not listed"
    );
}
