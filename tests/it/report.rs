//! Reports: every format snapshotted for the frozen China–Peru ledger at two dates and
//! for fixtures; time travel; hostile text.

use std::path::Path;

use chrono::NaiveDate;
use commitments::check::Levels;
use commitments::load::load_path;
use commitments::model::Status;
use commitments::report::{self, Report};

use crate::common::{frozen_ledger, snapshot_settings};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn build(ledger: &Path, as_of: NaiveDate) -> Report {
    let loaded = load_path(ledger).unwrap();
    report::build(&loaded, &Levels::of(&loaded), as_of).unwrap()
}

fn snapshot_all_formats(name: &str, report: &Report) {
    insta::assert_snapshot!(format!("report-{name}.md"), report::to_markdown(report));
    insta::assert_snapshot!(format!("report-{name}.json"), report::to_json(report));
    insta::assert_snapshot!(format!("report-{name}.csv"), report::to_csv(report));
    insta::assert_snapshot!(format!("report-{name}.html"), report::to_html(report));
}

#[test]
fn frozen_ledger_at_two_dates() {
    snapshot_settings().bind(|| {
        for as_of in ["2024-06-28", "2025-11-30"] {
            let report = build(&frozen_ledger(), date(as_of));
            snapshot_all_formats(&format!("china-peru-{as_of}"), &report);
        }
    });
}

#[test]
fn fixtures() {
    crate::common::for_each_fixture("reports", |relative| {
        let report = build(relative, date("2025-06-30"));
        let name = relative.file_stem().unwrap().to_str().unwrap();
        snapshot_all_formats(name, &report);
    });
}

/// A commitment lists the report's own findings, not copies of them: two
/// copies of each were 50 MB of a site of 100,000 commitments.
#[test]
fn a_commitment_shares_its_findings_with_the_report() {
    let report = build(&frozen_ledger(), date("2025-11-30"));
    let mut shared = 0;
    for c in &report.commitments {
        for finding in &c.findings {
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| std::sync::Arc::ptr_eq(f, finding)),
                "{}: {} is a copy",
                c.id,
                finding.message
            );
            shared += 1;
        }
    }
    assert!(shared > 0, "the frozen ledger has findings in commitments");
}

fn commitment<'a>(report: &'a Report, id: &str) -> &'a report::CommitmentReport {
    report
        .commitments
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} is in the report"))
}

#[test]
fn time_travel_follows_the_history() {
    let ledger = &frozen_ledger();
    let (early, late) = (date("2024-06-28"), date("2024-12-31"));
    let before = build(ledger, early);
    let after = build(ledger, late);

    // As the article left it.
    assert_eq!(
        commitment(&before, "chancay-harbor").status,
        Status::InProgress
    );
    let fta = commitment(&before, "fta-upgrade");
    assert_eq!(fta.status, Status::InProgress);
    assert!(
        fta.latest_note
            .as_deref()
            .unwrap()
            .contains("not yet signed"),
        "{fta:?}"
    );
    // Six months on.
    let chancay = commitment(&after, "chancay-harbor");
    assert_eq!(
        (chancay.status, chancay.final_date),
        (Status::Kept, Some(date("2024-11-14")))
    );
    assert_eq!(
        chancay.deviation_days,
        Some(-16),
        "kept 16 days before it was due"
    );
    let fta = commitment(&after, "fta-upgrade");
    assert_eq!(fta.status, Status::InProgress, "signed, not yet in force");
    assert_eq!(fta.latest_update, Some(date("2024-11-14")));
    assert!(
        fta.latest_note
            .as_deref()
            .unwrap()
            .contains("protocol was signed"),
        "{fta:?}"
    );

    // Exactly the commitments whose history changed status between the two
    // dates differ, read straight from the ledger.
    let loaded = load_path(ledger).unwrap();
    let mut expected: Vec<&str> = loaded
        .ledger
        .as_ref()
        .unwrap()
        .commitments
        .iter()
        .filter(|c| {
            let at = |d: NaiveDate| {
                c.updates
                    .iter()
                    .rev()
                    .find(|u| u.date.value <= d)
                    .map(|u| u.status.value)
            };
            at(early).unwrap_or(Status::Announced) != at(late).unwrap_or(Status::Announced)
        })
        .map(|c| c.id.value.as_str())
        .collect();
    let mut changed: Vec<&str> = after
        .commitments
        .iter()
        .filter(|c| commitment(&before, &c.id).status != c.status)
        .map(|c| c.id.as_str())
        .collect();
    expected.sort();
    changed.sort();
    assert_eq!(changed, expected);
    assert!(changed.len() >= 5, "{changed:?}");
}

#[test]
fn commitments_made_after_the_as_of_date_are_not_in_the_report() {
    let report = build(&frozen_ledger(), date("2024-06-27"));
    assert!(report.commitments.is_empty());
    assert_eq!(report.totals.commitments, 0);
}

#[test]
fn umbrellas_are_not_counted_twice() {
    let report = build(
        Path::new("tests/fixtures/reports/umbrella.toml"),
        date("2025-06-30"),
    );
    assert_eq!(report.commitments.len(), 4);
    assert_eq!((report.totals.commitments, report.totals.umbrellas), (3, 1));
    let counted: usize = report.totals.by_status.iter().map(|c| c.count).sum();
    assert_eq!(counted, 3);
    assert_eq!(commitment(&report, "joint-plan").children.len(), 3);
}

#[test]
fn deadlines_are_sorted_into_overdue_and_due_soon() {
    let report = build(
        Path::new("tests/fixtures/reports/deadlines.toml"),
        date("2025-06-30"),
    );
    let overdue: Vec<(&str, i64)> = report
        .overdue
        .iter()
        .map(|d| (d.id.as_str(), d.days))
        .collect();
    assert_eq!(overdue, [("long-overdue", 91), ("just-overdue", 1)]);
    let soon: Vec<(&str, i64)> = report
        .due_soon
        .iter()
        .map(|d| (d.id.as_str(), d.days))
        .collect();
    assert_eq!(soon, [("due-today", 0), ("due-soon", 90)]);
    assert_eq!(commitment(&report, "done-late").deviation_days, Some(15));
}

#[test]
fn targets_report_progress_from_baseline_to_goal() {
    let report = build(
        Path::new("tests/fixtures/reports/targets.toml"),
        date("2025-06-30"),
    );
    let target = commitment(&report, "scholarships").target.clone().unwrap();
    assert_eq!(
        (target.baseline, target.goal, target.latest),
        (Some(50.0), Some(100.0), Some(80.0))
    );
    assert_eq!(target.progress_percent, Some(60.0));
    let empty = commitment(&report, "visits").target.clone().unwrap();
    assert_eq!((empty.latest, empty.progress_percent), (None, None));
}

#[test]
fn hostile_text_cannot_inject_markup_formulas_or_rows() {
    let report = build(
        Path::new("tests/fixtures/reports/hostile.toml"),
        date("2025-06-30"),
    );

    let html = report::to_html(&report);
    assert!(!html.contains("<script"), "a script tag got through");
    assert!(!html.contains("<img"), "an img tag got through");
    assert!(
        !html.contains("<b>text</b>")
            && !html.contains("<em>area</em>")
            && !html.contains("<i>tags</i>")
    );
    assert!(
        !html.contains("href=\"javascript:"),
        "a javascript: link got through"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    let markdown = report::to_markdown(&report);
    assert!(
        !markdown.contains("<script")
            && !markdown.contains("<img")
            && !markdown.contains("<b>text")
    );
    for line in markdown.lines().filter(|l| l.starts_with('|')) {
        // Every row of a table has as many unescaped pipes as its header.
        let pipes = line.len() - line.replace('|', "").len() - line.matches("\\|").count();
        assert!(
            pipes == 6 || pipes == 5 || pipes == 3 || pipes == 11 || pipes == 7,
            "{pipes}: {line}"
        );
    }
    let commitments_table: Vec<&str> = markdown
        .split("## Commitments\n\n")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with('|'))
        .collect();
    assert_eq!(
        commitments_table.len(),
        2 + report.commitments.len(),
        "no fake rows"
    );

    let csv_text = report::to_csv(&report);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        rows += 1;
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell: {cell:?}"
            );
        }
    }
    assert_eq!(rows, report.commitments.len());
    assert!(csv_text.contains("'=HYPERLINK"));
}

#[test]
fn json_is_versioned() {
    let report = build(&frozen_ledger(), date("2025-11-30"));
    let value: serde_json::Value = serde_json::from_str(&report::to_json(&report)).unwrap();
    assert_eq!(value["schema_version"], 2);
    assert_eq!(value["as_of"], "2025-11-30");
    assert_eq!(value["commitments"].as_array().unwrap().len(), 29);
}
