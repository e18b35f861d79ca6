//! The site's data for data people: the data package's tables agree with
//! their Table Schemas and with each other (keys), `report --format
//! datapackage` writes the same files, the calendar's events are the open
//! deadlines with UIDs that do not change, and the badge says the
//! headline's share. `.ci/run` reads the same files with frictionless,
//! sqlite-utils, Python's icalendar and check-jsonschema.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::Command;

use crate::common::{BIN, ROOT, frozen_ledger};

fn site(ledger: &Path, as_of: &str, out: &Path) {
    let status = Command::new(BIN)
        .args(["site", "--as-of", as_of, "--ledger"])
        .arg(ledger)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// A CSV table: its header and rows.
fn table(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn the_data_package_tables_match_their_schemas_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    site(&frozen_ledger(), "2025-11-30", &out);
    let descriptor: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("datapackage.json")).unwrap())
            .unwrap();
    assert_eq!(descriptor["name"], "cn-pe-2024-06-28");
    let mut tables = BTreeMap::new();
    for resource in descriptor["resources"].as_array().unwrap() {
        let name = resource["name"].as_str().unwrap();
        let (header, rows) = table(&out.join(resource["path"].as_str().unwrap()));
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields, "{name}: the header is the schema's fields");
        for field in resource["schema"]["fields"].as_array().unwrap() {
            let column = field["name"].as_str().unwrap();
            if let Some(allowed) = field["constraints"]["enum"].as_array() {
                for row in &rows {
                    let cell = &row[column];
                    assert!(
                        cell.is_empty() || allowed.iter().any(|a| a == cell.as_str()),
                        "{name}.{column}: {cell}"
                    );
                }
            }
        }
        // The primary key is unique.
        let key: Vec<&str> = resource["schema"]["primaryKey"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let mut seen = HashSet::new();
        for row in &rows {
            let value: Vec<&String> = key.iter().map(|k| &row[*k]).collect();
            assert!(seen.insert(format!("{value:?}")), "{name}: {value:?} twice");
        }
        tables.insert(name.to_owned(), (resource.clone(), rows));
    }
    // Every foreign key points at a row.
    for (name, (resource, rows)) in &tables {
        for key in resource["schema"]["foreignKeys"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let fields: Vec<&str> = key["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            let target = key["reference"]["resource"].as_str().unwrap();
            let target = if target.is_empty() {
                name.as_str()
            } else {
                target
            };
            let their: Vec<&str> = key["reference"]["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            let present: HashSet<Vec<&String>> = tables[target]
                .1
                .iter()
                .map(|r| their.iter().map(|f| &r[*f]).collect())
                .collect();
            for row in rows {
                let value: Vec<&String> = fields.iter().map(|f| &row[*f]).collect();
                if value.iter().all(|v| v.is_empty()) {
                    continue;
                }
                assert!(
                    present.contains(&value),
                    "{name} {fields:?} = {value:?} is not in {target}"
                );
            }
        }
    }
    // The tables hold what the ledger holds: as many updates as the JSON
    // report's commitments have, and the frozen ledger's Chancay evidence.
    let updates = &tables["updates"].1;
    assert!(
        updates
            .iter()
            .any(|u| u["commitment_id"] == "chancay-harbor" && u["status"] == "kept")
    );
    let evidence = &tables["evidence"].1;
    assert!(
        evidence.iter().any(|e| e["url"].contains("bairdmaritime")),
        "{evidence:?}"
    );
}

#[test]
fn report_format_datapackage_writes_the_sites_files_into_a_folder_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    site(&frozen_ledger(), "2025-11-30", &out);
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args([
                "report",
                "--format",
                "datapackage",
                "--as-of",
                "2025-11-30",
                "--ledger",
            ])
            .arg(frozen_ledger())
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let written = run(&["-o", "data"]);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    for name in commitments::report::DATA_PACKAGE_FILES {
        assert_eq!(
            std::fs::read(dir.path().join("data").join(name)).unwrap(),
            std::fs::read(out.join(name)).unwrap(),
            "{name}"
        );
    }
    // Again over its own package: fine. Into a folder with other files, or
    // without -o: refused, nothing written.
    assert!(run(&["-o", "data"]).status.success());
    std::fs::write(dir.path().join("notes.md"), "mine").unwrap();
    let refused = run(&["-o", "."]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("which is not part of a data package")
    );
    assert!(!dir.path().join("updates.csv").exists());
    let no_folder = run(&[]);
    assert_eq!(no_folder.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_folder.stderr).contains("-o DIR"));
}

#[test]
fn the_calendar_holds_each_open_deadline_once_with_a_uid_that_stays() {
    let ledger = Path::new(ROOT).join("tests/fixtures/reports/deadlines.toml");
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    site(&ledger, "2025-06-30", &one);
    site(&ledger, "2025-06-30", &two);
    let ics = std::fs::read_to_string(one.join("deadlines.ics")).unwrap();
    assert_eq!(
        ics,
        std::fs::read_to_string(two.join("deadlines.ics")).unwrap()
    );
    assert!(ics.contains("\r\n"), "RFC 5545 lines end in CRLF");
    // Written an event at a time, it is still one calendar, its name
    // before its events.
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("\r\nEND:VCALENDAR\r\n"));
    assert_eq!(ics.matches("VCALENDAR").count(), 2);
    assert!(ics.find("X-WR-CALNAME:") < ics.find("BEGIN:VEVENT"));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(one.join("ledger.json")).unwrap()).unwrap();
    let open: Vec<&str> = report["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["due"].is_null())
        .filter(|c| !["kept", "partially_kept", "broken"].contains(&c["status"].as_str().unwrap()))
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(open.len() >= 5, "{open:?}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), open.len());
    for id in &open {
        assert!(
            ics.contains(&format!("UID:{id}.due@cn-pe-2025-03-01.commitments")),
            "{id}"
        );
    }
    // A year deadline is said as one, not as its last day.
    assert!(
        ics.contains("SUMMARY:Due (by the end of 2029): Commitment plan-by-year"),
        "{ics}"
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:20291231\r\n"));
    assert!(ics.contains("DTEND;VALUE=DATE:20300101\r\n"));
}

#[test]
fn the_badge_says_the_headlines_share_of_deliverables_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    site(&frozen_ledger(), "2025-11-30", &out);
    let badge: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("badge.json")).unwrap()).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("ledger.json")).unwrap()).unwrap();
    let deliverables = &report["totals"]["deliverables"];
    assert_eq!(badge["schemaVersion"], 1);
    assert_eq!(badge["label"], "commitments");
    assert_eq!(
        badge["message"],
        format!("{} of {} kept", deliverables["kept"], deliverables["total"])
    );
}
