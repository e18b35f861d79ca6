//! Workspaces: several ledgers listed in `commitments-workspace.toml`,
//! checked together. Each test runs the binary in a folder of
//! `tests/fixtures/workspace/`, whose first line says what it holds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{BIN, ROOT, snapshot_settings};

fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/workspace").join(name)
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// `check` in the fixture's folder: its exit code and what it printed.
fn check(name: &str) -> (i32, String) {
    let output = run_in(&fixture(name), &["check", "--as-of", "2025-03-31"]);
    let text =
        String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap(), text)
}

#[test]
fn a_workspace_whose_ledgers_refer_to_each_other_checks_clean() {
    let (code, text) = check("good");
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        text,
        "commitments.toml: 0 errors, 0 warnings in 1 commitment (as of 2025-03-31)\n\
         ledgers/second-talks.toml: 0 errors, 0 warnings in 2 commitments (as of 2025-03-31)\n\
         commitments-workspace.toml: 0 errors, 0 warnings in 2 ledgers (as of 2025-03-31)\n"
    );
}

#[test]
fn a_broken_cross_reference_is_located_with_did_you_mean() {
    let (code, text) = check("broken-reference");
    assert_eq!(code, 1, "{text}");
    snapshot_settings().bind(|| insta::assert_snapshot!("workspace-broken-reference", text));
}

#[test]
fn two_ledgers_with_one_id_are_an_error_naming_both_files() {
    let (code, text) = check("same-id");
    assert_eq!(code, 1, "{text}");
    snapshot_settings().bind(|| insta::assert_snapshot!("workspace-same-id", text));
}

#[test]
fn a_party_declared_twice_with_different_names_is_an_error_at_both_places() {
    let (code, text) = check("party-twice");
    assert_eq!(code, 1, "{text}");
    snapshot_settings().bind(|| insta::assert_snapshot!("workspace-party-twice", text));
}

#[test]
fn one_ledger_of_a_workspace_resolves_its_references_through_it() {
    let dir = fixture("good");
    let output = run_in(
        &dir,
        &[
            "check",
            "--quiet",
            "--as-of",
            "2025-03-31",
            "--ledger",
            "ledgers/second-talks.toml",
        ],
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert_eq!(
        text,
        "ledgers/second-talks.toml: 0 errors, 0 warnings in 2 commitments (as of 2025-03-31)\n"
    );
}

#[test]
fn a_cross_ledger_reference_outside_a_workspace_is_an_error_that_says_so() {
    let scratch = tempfile::tempdir().unwrap();
    let ledger = scratch.path().join("commitments.toml");
    let text = std::fs::read_to_string(fixture("good/ledgers/second-talks.toml")).unwrap();
    std::fs::write(
        &ledger,
        text.replace(
            "[parties.aa]",
            "[parties.bb]\nname = \"Kingdom of Bb\"\n\n[parties.aa]",
        ),
    )
    .unwrap();
    let output = run_in(scratch.path(), &["check", "--as-of", "2025-03-31"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("related commitment `first-talks:build-harbour` names ledger `first-talks`, but this ledger is not in a workspace")
            && text.contains("commitments.toml:24:12")
            && text.contains("help: list both ledgers in a commitments-workspace.toml"),
        "{text}"
    );
}

#[test]
fn a_ledger_path_outside_the_workspace_folder_or_naming_nothing_is_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("ws");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        scratch.path().join("secret.toml"),
        "[ledger]\ntitle = \"x\"\nreviewed = 2025-01-01\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("commitments-workspace.toml"),
        "[workspace]\nid = \"w\"\ntitle = \"W\"\nledgers = [\"../secret.toml\", \"ledgers/*.toml\"]\n",
    )
    .unwrap();
    let output = run_in(&dir, &["check", "--as-of", "2025-03-31"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("the ledger `../secret.toml` is outside the workspace's folder"),
        "{text}"
    );
    assert!(text.contains("commitments-workspace.toml:4:12"), "{text}");
    assert!(
        text.contains("no ledger file matches `ledgers/*.toml`"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "commitments-workspace.toml: 2 errors, 0 warnings in 0 ledgers (as of 2025-03-31)\n"
        ),
        "{text}"
    );
}
