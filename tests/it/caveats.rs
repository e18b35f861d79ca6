//! What a figure rests on is shown wherever the figure is: an estimated
//! deadline is called the editors' estimate, a deadline that a source gives
//! as a year is never written as a day, a count of days early or late says
//! what it is counted from, and a target's figures come with their notes and
//! evidence, or the words "no source cited". Every human output is read:
//! the four reports, every page of the site, and the feed.

use std::path::Path;
use std::process::Command;

use crate::common::{BIN, ROOT};

/// Every human-readable text for `ledger` at `as_of`, by name: the Markdown,
/// HTML and CSV reports, and every page and the feed of the site.
fn every_text(ledger: &Path, as_of: &str) -> Vec<(String, String)> {
    let run = |args: &[&str]| {
        let output = Command::new(BIN).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let path = ledger.to_str().unwrap();
    let mut texts = vec![
        (
            "report.md".to_owned(),
            run(&["report", path, "--as-of", as_of]),
        ),
        (
            "report.html".to_owned(),
            run(&["report", path, "--as-of", as_of, "--format", "html"]),
        ),
        (
            "report.csv".to_owned(),
            run(&["report", path, "--as-of", as_of, "--format", "csv"]),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    run(&[
        "site",
        "--ledger",
        path,
        "--as-of",
        as_of,
        "-o",
        out.to_str().unwrap(),
    ]);
    for path in crate::common::files_under(&out) {
        if path.extension().is_some_and(|e| e == "html" || e == "xml") {
            let name = path.strip_prefix(&out).unwrap().display().to_string();
            texts.push((
                format!("site/{name}"),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    texts.sort();
    texts
}

/// What follows each place `needle` occurs, as far as a reader's eye
/// takes it in: the next 120 characters.
fn around<'t>(text: &'t str, needle: &str) -> Vec<&'t str> {
    text.match_indices(needle)
        .map(|(at, _)| {
            let rest = &text[at..];
            let end = rest.char_indices().nth(120).map_or(rest.len(), |(i, _)| i);
            &rest[..end]
        })
        .collect()
}

#[test]
fn estimated_and_year_deadlines_are_never_shown_as_stated_days() {
    let ledger = Path::new(ROOT).join("tests/fixtures/reports/deadlines.toml");
    let texts = every_text(&ledger, "2025-06-30");
    assert!(texts.len() > 10, "{} texts", texts.len());
    let mut checked = 0;
    for (name, text) in &texts {
        // The CSV is data: it gives the day, with the precision and whether
        // it is estimated in columns beside it. The rules' pages are
        // documentation, with example ledgers.
        if name == "report.csv" || name.starts_with("site/rules/") {
            continue;
        }
        // The plan's deadline is "(2025-2029)": a year, never a day.
        assert!(
            !text.contains("2029-12-31"),
            "{name} shows the year as a day"
        );
        // Every estimated deadline is called an estimate where it is shown.
        // (These dates are deadlines only; 2025-06-30 is also the as-of date.)
        for due in ["2025-03-31", "2025-06-29", "2025-09-28", "2025-09-29"] {
            for place in around(text, due) {
                checked += 1;
                assert!(
                    place.contains("estimate"),
                    "{name}: {due} without \"estimate\": {place}"
                );
            }
        }
        // Days early, late, overdue or left say what they are counted from.
        for (phrase, from) in [
            ("days overdue", "estimate"),
            ("days late", "estimate"),
            ("days left", "estimate"),
            ("11 days early", "end of the month"),
        ] {
            for place in around(text, phrase) {
                checked += 1;
                assert!(
                    place.contains(from),
                    "{name}: {phrase} without {from:?}: {place}"
                );
            }
        }
    }
    assert!(checked > 20, "only {checked} places were read");
    let csv = &texts.iter().find(|(n, _)| n == "report.csv").unwrap().1;
    assert!(csv.contains("2029-12-31,false,year"), "{csv}");
}

#[test]
fn every_target_figure_shows_its_note_and_evidence_or_says_it_has_none() {
    let ledger = Path::new(ROOT).join("tests/fixtures/reports/targets.toml");
    let texts = every_text(&ledger, "2025-06-30");
    let mut shown = 0;
    // The rules' pages are documentation, with example ledgers.
    for (name, text) in texts.iter().filter(|(n, _)| !n.starts_with("site/rules/")) {
        // The scholarships' baseline, 50, has no evidence in the fixture.
        for place in around(text, "baseline")
            .into_iter()
            .filter(|p| p.contains("50"))
        {
            shown += 1;
            assert!(place.contains("no source cited"), "{name}: {place}");
        }
        // Its latest observation, 80, has a link.
        for place in around(text, "latest")
            .into_iter()
            .filter(|p| p.contains("80"))
        {
            shown += 1;
            assert!(
                place.contains("https://example.org/news"),
                "{name}: {place}"
            );
        }
    }
    assert!(shown >= 4, "the target was shown {shown} times");
    let csv = &texts.iter().find(|(n, _)| n == "report.csv").unwrap().1;
    assert!(csv.contains("no source cited"), "{csv}");
}
