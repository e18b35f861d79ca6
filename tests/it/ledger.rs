//! The live ledger: the one suite that reads `commitments.toml`.
//!
//! It checks the ledger as of its own `reviewed` date, so recording news and
//! moving `reviewed` is all a user does; and it snapshots the ledger's
//! reports at that date into `snapshots/ledger/`, so that every change to
//! what readers see shows up as a diff to accept. Nothing here hard-codes a
//! count or a date of the ledger: those are what the snapshots are for.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use chrono::NaiveDate;
use commitments::check::{Levels, check};
use commitments::load::{Loaded, load_bytes};
use commitments::render::{self, Summary};
use commitments::rule::Severity;

use crate::common::ROOT;

/// How to accept a changed report: one line, printed with every failure.
pub const ACCEPT: &str = "If the change is what you meant, accept it with `INSTA_UPDATE=always cargo test` \
     (or review it with `cargo insta review`, if you have cargo-insta), then commit the ledger and `snapshots/ledger/`.";

/// The folder that holds the live ledger: the repository's root, or the
/// folder named by `COMMITMENTS_LEDGER_DIR`. The README's daily-loop test
/// sets it to run this suite on a scratch copy.
fn ledger_dir() -> PathBuf {
    std::env::var_os("COMMITMENTS_LEDGER_DIR").map_or_else(|| PathBuf::from(ROOT), PathBuf::from)
}

/// The live ledger, loaded with its sources, and its `reviewed` date.
fn load_live() -> (Loaded, NaiveDate) {
    let dir = ledger_dir();
    let path = dir.join("commitments.toml");
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|error| panic!("cannot read the live ledger {}: {error}", path.display()));
    let mut loaded = load_bytes("commitments.toml", &bytes, Some(&dir));
    // Its references to the workspace's other ledgers resolve through it.
    if let Some(workspace) = load_workspace()
        && let Some(member) = workspace.member_at(&path)
        && let Some(neighbours) = &member.loaded.workspace
    {
        commitments::workspace::adopt(&mut loaded, neighbours);
    }
    let Some(reviewed) = loaded
        .ledger
        .as_ref()
        .and_then(|ledger| ledger.meta.as_ref())
        .map(|meta| meta.reviewed.value)
    else {
        let findings = loaded.blocking_findings();
        panic!(
            "commitments.toml does not load:\n\n{}",
            render::findings_string(&loaded.files, &findings)
        );
    };
    (loaded, reviewed)
}

/// The workspace at the ledger's folder, when it has one: every ledger
/// of the repository, `commitments.toml` among them.
fn load_workspace() -> Option<commitments::workspace::Workspace> {
    let path = ledger_dir().join(commitments::model::WORKSPACE_FILE_NAME);
    if !path.is_file() {
        return None;
    }
    Some(commitments::workspace::load(&path).unwrap_or_else(|error| panic!("{error}")))
}

/// The workspace's own findings are none, and each other ledger has no
/// errors at its own `reviewed` date.
#[test]
fn the_live_workspace_has_no_errors_at_each_ledgers_reviewed_date() {
    let Some(workspace) = load_workspace() else {
        return; // a folder with one ledger: the test below is all
    };
    assert!(
        workspace.findings.is_empty(),
        "{}:\n\n{}",
        workspace.path.display(),
        render::findings_string(&workspace.files, &workspace.findings)
    );
    for member in &workspace.members {
        let ledger = member.loaded.ledger.as_ref().expect("every ledger loads");
        let reviewed = ledger.meta.as_ref().expect("[ledger]").reviewed.value;
        let findings = check(&member.loaded, &Levels::of(&member.loaded), reviewed);
        let name = member.path.display().to_string();
        let summary = Summary {
            lang: Default::default(),
            ledger: &name,
            as_of: reviewed,
            headcount: member.loaded.headcount(reviewed),
        };
        assert!(
            findings.iter().all(|f| f.severity != Severity::Error),
            "{name} has errors as of its reviewed date ({reviewed}):\n\n{}",
            render::human_string(&member.loaded.files, &findings, &summary)
        );
    }
}

#[test]
fn the_live_ledger_has_no_errors_at_its_reviewed_date() {
    let (loaded, reviewed) = load_live();
    let findings = check(&loaded, &Levels::of(&loaded), reviewed);
    let summary = Summary {
        lang: Default::default(),
        ledger: "commitments.toml",
        as_of: reviewed,
        headcount: loaded.headcount(reviewed),
    };
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "commitments.toml has errors as of its reviewed date ({reviewed}):\n\n{}",
        render::human_string(&loaded.files, &findings, &summary)
    );
}

#[test]
fn every_quote_of_the_live_ledger_is_checked_against_a_local_copy() {
    let (loaded, _) = load_live();
    let ledger = loaded.ledger.as_ref().unwrap();
    // A source with only a URL would leave its quotes unchecked: the live
    // ledger keeps a local copy of every source it quotes.
    for source in &ledger.sources {
        assert!(
            loaded.source_files.contains_key(source.id.value.as_str()),
            "commitments.toml: the source `{}` has no local copy that was read; add `file = \"sources/...\"`",
            source.id.value
        );
    }
}

#[test]
fn the_live_ledger_reports_at_its_reviewed_date() {
    let (loaded, reviewed) = load_live();
    let report = commitments::report::build(&loaded, &Levels::of(&loaded), reviewed)
        .unwrap_or_else(|_| panic!("commitments.toml gets no report as of {reviewed}"));
    let mut settings = crate::common::snapshot_settings();
    settings.set_snapshot_path(ledger_dir().join("snapshots/ledger"));
    settings.set_omit_expression(true);
    settings.set_description(format!(
        "The live ledger's report as of its reviewed date, {reviewed}"
    ));
    let documents = [
        (
            "report.md",
            without_locations(&commitments::report::to_markdown(&report)),
        ),
        (
            "report.json",
            without_locations(&commitments::report::to_json(&report)),
        ),
    ];
    // Every format is compared before failing, so that every diff shows.
    let changed: Vec<&str> = documents
        .iter()
        .filter(|(name, text)| {
            settings
                .bind(|| catch_unwind(AssertUnwindSafe(|| insta::assert_snapshot!(*name, text))))
                .is_err()
        })
        .map(|(name, _)| *name)
        .collect();
    assert!(
        changed.is_empty(),
        "The live ledger's reports changed: snapshots/ledger/{}.snap (the diff is above).\n{ACCEPT}",
        changed.join(".snap, snapshots/ledger/")
    );
}

/// Every other ledger of the workspace, reported at its own `reviewed`
/// date into `snapshots/ledger/<ledger-id>.report.md`: what its readers
/// see changes only with a diff to accept, as for `commitments.toml`.
#[test]
fn the_workspaces_other_ledgers_report_at_their_reviewed_dates() {
    let Some(workspace) = load_workspace() else {
        return;
    };
    let mut settings = crate::common::snapshot_settings();
    settings.set_snapshot_path(ledger_dir().join("snapshots/ledger"));
    settings.set_omit_expression(true);
    let live = ledger_dir()
        .join("commitments.toml")
        .canonicalize()
        .unwrap();
    let mut changed = Vec::new();
    for member in &workspace.members {
        if member.path.canonicalize().unwrap() == live {
            continue;
        }
        let reviewed = member
            .loaded
            .ledger
            .as_ref()
            .unwrap()
            .meta
            .as_ref()
            .unwrap()
            .reviewed
            .value;
        let report =
            commitments::report::build(&member.loaded, &Levels::of(&member.loaded), reviewed)
                .unwrap_or_else(|_| panic!("{} gets no report", member.path.display()));
        let name = format!("{}.report.md", member.id);
        let text = without_locations(&commitments::report::to_markdown(&report));
        let relative = member
            .path
            .strip_prefix(ledger_dir())
            .unwrap_or(&member.path);
        settings.set_description(format!(
            "{}: its report as of its reviewed date, {reviewed}",
            relative.display()
        ));
        if settings
            .bind(|| {
                catch_unwind(AssertUnwindSafe(|| {
                    insta::assert_snapshot!(name.as_str(), text)
                }))
            })
            .is_err()
        {
            changed.push(name);
        }
    }
    assert!(
        changed.is_empty(),
        "The reports of the workspace's ledgers changed: snapshots/ledger/{}.snap (the diff is above).\n{ACCEPT}",
        changed.join(".snap, snapshots/ledger/")
    );
}

/// The report with the line and column of each finding masked as `…`.
/// Where a finding sits in the file is for its editors, not its readers,
/// and a comment added above it must not change what readers are shown.
fn without_locations(report: &str) -> String {
    let mut masked = String::with_capacity(report.len());
    for line in report.split_inclusive('\n') {
        masked.push_str(&mask_location(line));
    }
    masked
}

/// A Markdown cell `| 61:10 |` becomes `| … |`; a JSON member
/// `"line": 61,` becomes `"line": …,`.
fn mask_location(line: &str) -> String {
    let indent = &line[..line.len() - line.trim_start().len()];
    for key in ["\"line\": ", "\"column\": "] {
        if let Some(value) = line.trim_start().strip_prefix(key) {
            let rest = value.trim_start_matches(|c: char| c.is_ascii_digit());
            if rest.len() < value.len() {
                return format!("{indent}{key}…{rest}");
            }
        }
    }
    line.split(" | ")
        .map(|cell| {
            let is_location = cell.split_once(':').is_some_and(|(l, c)| {
                [l, c]
                    .iter()
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            });
            if is_location { "…" } else { cell }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn every_output_of_the_live_ledger_counts_what_its_text_says() {
    let (_, reviewed) = load_live();
    crate::counts::every_output_agrees(
        &ledger_dir().join("commitments.toml"),
        &reviewed.to_string(),
    );
}
