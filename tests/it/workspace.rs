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

/// The workspace fixture's site, written at the fixture's date.
fn workspace_site(dir: &Path) -> PathBuf {
    let out = dir.join("public");
    let output = run_in(
        &fixture("good"),
        &["site", "--as-of", "2025-03-31", "-o", out.to_str().unwrap()],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

fn json_of(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_workspace_site_has_every_ledger_and_totals_that_sum_them() {
    let scratch = tempfile::tempdir().unwrap();
    let site = workspace_site(scratch.path());
    for file in commitments::site::WORKSPACE_ROOT_FILES {
        assert!(site.join(file).is_file(), "{file}");
    }
    let workspace = json_of(&site.join("workspace.json"));
    let ledgers: Vec<serde_json::Value> = ["first-talks", "second-talks"]
        .iter()
        .map(|id| json_of(&site.join(id).join("ledger.json")))
        .collect();
    for key in ["commitments", "signed_at_talks", "requests", "umbrellas"] {
        let sum: u64 = ledgers
            .iter()
            .map(|l| l["totals"][key].as_u64().unwrap())
            .sum();
        assert_eq!(workspace["totals"][key].as_u64(), Some(sum), "{key}");
    }
    assert_eq!(workspace["totals"]["commitments"], 3);
    let dashboard = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        dashboard.contains(r#"href="first-talks/index.html""#),
        "{dashboard}"
    );
    assert!(
        dashboard.contains(r#"href="second-talks/index.html""#),
        "{dashboard}"
    );
    assert!(
        dashboard.contains("2 ledgers: 3 commitments."),
        "{dashboard}"
    );
    let csv = std::fs::read_to_string(site.join("commitments.csv")).unwrap();
    assert!(csv.starts_with("ledger_id,id,"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 3, "{csv}");
}

#[test]
fn related_commitments_link_both_ways_across_the_ledgers_folders() {
    let scratch = tempfile::tempdir().unwrap();
    let site = workspace_site(scratch.path());
    let later =
        std::fs::read_to_string(site.join("second-talks/commitments/open-harbour/index.html"))
            .unwrap();
    let earlier =
        std::fs::read_to_string(site.join("first-talks/commitments/build-harbour/index.html"))
            .unwrap();
    assert!(
        later.contains(r#"<dt>Continues</dt><dd><ul><li><a href="../../../first-talks/commitments/build-harbour/index.html">Build the harbour</a> — at The first talks</li>"#),
        "{later}"
    );
    assert!(
        earlier.contains(r#"<a href="../../../second-talks/commitments/open-harbour/index.html">Open the harbour to shipping</a> — at The second talks"#),
        "{earlier}"
    );
    // A link within one ledger, both ways too.
    let road =
        std::fs::read_to_string(site.join("second-talks/commitments/harbour-road/index.html"))
            .unwrap();
    assert!(road.contains(r#"<a href="../../commitments/open-harbour/index.html">Open the harbour to shipping</a>"#), "{road}");
    assert!(
        later.contains("<dt>Continued in</dt>") && later.contains("harbour-road/index.html"),
        "{later}"
    );
    // Every page links back to the workspace's dashboard.
    assert!(
        later.contains(r#"<a href="../../../index.html">The harbour pact</a>"#),
        "{later}"
    );
}

#[test]
fn the_workspace_feed_has_every_ledgers_entries_with_ids_that_survive_a_retitle() {
    let scratch = tempfile::tempdir().unwrap();
    let site = workspace_site(scratch.path());
    let ids = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim().strip_prefix("<id>"))
            .filter_map(|l| l.strip_suffix("</id>"))
            .map(str::to_owned)
            .collect()
    };
    let root = std::fs::read_to_string(site.join("feed.xml")).unwrap();
    let mut expected: Vec<String> = ["first-talks", "second-talks"]
        .iter()
        .flat_map(|id| {
            ids(&std::fs::read_to_string(site.join(id).join("feed.xml")).unwrap())
                .into_iter()
                .skip(1)
        })
        .collect();
    let mut entries: Vec<String> = ids(&root).into_iter().skip(1).collect();
    assert_eq!(ids(&root)[0], "urn:commitments:workspace:harbour-pact");
    let unique: std::collections::BTreeSet<&String> = entries.iter().collect();
    assert_eq!(unique.len(), entries.len(), "{entries:?}");
    entries.sort();
    expected.sort();
    assert_eq!(entries, expected);
    assert!(
        root.contains(r#"<link href="second-talks/commitments/open-harbour/index.html""#),
        "{root}"
    );

    // Retitled ledgers and workspace: the same ids.
    let copy = scratch.path().join("copy");
    for file in [
        "commitments-workspace.toml",
        "commitments.toml",
        "ledgers/second-talks.toml",
    ] {
        let text = std::fs::read_to_string(fixture("good").join(file)).unwrap();
        let retitled = text.replace("title = \"The", "title = \"Renamed:");
        std::fs::create_dir_all(copy.join(file).parent().unwrap()).unwrap();
        std::fs::write(copy.join(file), retitled).unwrap();
    }
    let again = copy.join("public");
    let output = run_in(
        &copy,
        &[
            "site",
            "--as-of",
            "2025-03-31",
            "-o",
            again.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let retitled = std::fs::read_to_string(again.join("feed.xml")).unwrap();
    assert!(retitled.contains("Renamed:"), "{retitled}");
    assert_eq!(ids(&retitled), ids(&root));
}

#[test]
fn a_workspace_with_an_error_gets_no_site() {
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("public");
    let output = run_in(
        &fixture("broken-reference"),
        &["site", "--as-of", "2025-03-31", "-o", out.to_str().unwrap()],
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("did you mean `first-talks:build-harbour`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("no site: the ledgers have 2 errors"),
        "{stderr}"
    );
    assert!(!out.exists());
    let output = run_in(
        &fixture("same-id"),
        &["site", "--as-of", "2025-03-31", "-o", out.to_str().unwrap()],
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no site: the workspace has 1 error"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn add_with_a_related_commitment_of_another_ledger_is_checked_against_the_workspace() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("ws");
    for file in [
        "commitments-workspace.toml",
        "commitments.toml",
        "ledgers/second-talks.toml",
    ] {
        std::fs::create_dir_all(dir.join(file).parent().unwrap()).unwrap();
        std::fs::copy(fixture("good").join(file), dir.join(file)).unwrap();
    }
    let add = |related: &str| {
        run_in(
            &dir,
            &[
                "add",
                "new-pier",
                "--ledger",
                "ledgers/second-talks.toml",
                "--title",
                "Build a pier",
                "--parties",
                "aa",
                "--by",
                "aa",
                "--kind",
                "deliverable",
                "--made",
                "2025-03-01",
                "--source",
                "second-statement",
                "--quote",
                "a pier",
                "--related",
                related,
                "--as-of",
                "2025-03-31",
            ],
        )
    };
    let before = std::fs::read_to_string(dir.join("ledgers/second-talks.toml")).unwrap();
    let refused = add("first-talks:build-harbor");
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("did you mean `first-talks:build-harbour`?"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("ledgers/second-talks.toml")).unwrap(),
        before
    );

    let added = add("first-talks:build-harbour");
    assert_eq!(
        added.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let after = std::fs::read_to_string(dir.join("ledgers/second-talks.toml")).unwrap();
    assert!(
        after.contains("related = [\"first-talks:build-harbour\"]"),
        "{after}"
    );
    let (code, text) = {
        let output = run_in(&dir, &["check", "--quiet", "--as-of", "2025-03-31"]);
        (
            output.status.code(),
            String::from_utf8(output.stdout).unwrap(),
        )
    };
    assert_eq!(code, Some(0), "{text}");
}

#[test]
fn one_ledger_of_a_workspace_is_named_in_findings_as_the_command_was_given_it() {
    let output = run_in(
        &fixture("broken-reference"),
        &[
            "check",
            "--as-of",
            "2025-03-31",
            "--ledger",
            "ledgers/second-talks.toml",
        ],
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("--> ledgers/second-talks.toml:21:12"),
        "{text}"
    );
    assert!(!text.contains(ROOT), "{text}");
}
