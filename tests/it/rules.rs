//! Every rule against its fixtures: `tests/fixtures/rules/<rule-name>/trigger.toml`
//! must raise that rule (and only it), `near-miss.toml` must check clean.
//! Human and JSON output are snapshotted into the top-level `snapshots/`.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use commitments::check::{Levels, check};
use commitments::load::load_path;
use commitments::render::{self, Summary};
use commitments::rules::RULES;

use crate::common::snapshot_settings;

/// Fixtures are checked at this date.
const AS_OF: NaiveDate = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();

#[test]
fn every_rule_has_a_trigger_and_a_near_miss() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let folders: BTreeSet<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let rules: BTreeSet<String> = RULES.iter().map(|rule| rule.name.to_owned()).collect();
    assert_eq!(folders, rules, "one fixture folder per rule name");
    for rule in &rules {
        for file in ["trigger.toml", "near-miss.toml"] {
            assert!(
                root.join(rule).join(file).is_file(),
                "{rule}/{file} is missing"
            );
        }
    }
}

#[test]
fn fixtures() {
    crate::common::for_each_fixture("rules", |relative| {
        let rule = relative
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        let loaded = load_path(relative).unwrap();
        let findings = check(&loaded, &Levels::of(&loaded), AS_OF);
        let names: Vec<&str> = findings.iter().map(|f| f.rule.name).collect();
        match relative.file_stem().unwrap().to_str().unwrap() {
            "trigger" => {
                assert!(!names.is_empty(), "{} raises nothing", relative.display());
                assert!(
                    names.iter().all(|name| *name == rule),
                    "{} raises other rules too: {names:?}",
                    relative.display()
                );
            }
            "near-miss" => assert!(names.is_empty(), "{} raises {names:?}", relative.display()),
            other => panic!("unexpected fixture {other}"),
        }
        let ledger = relative.display().to_string().replace('\\', "/");
        let summary = Summary {
            lang: Default::default(),
            ledger: &ledger,
            as_of: AS_OF,
            headcount: loaded.headcount(AS_OF),
        };
        insta::assert_snapshot!(
            "human",
            render::human_string(&loaded.files, &findings, &summary)
        );
        insta::assert_snapshot!("json", render::json(&loaded.files, &findings, &summary));
    });
}

#[test]
fn rule_list() {
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("rules", commitments::rules::list_text());
    });
}
