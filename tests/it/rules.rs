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

/// `check` counts the findings it will not print as they are found
/// (`check_shortlist`) instead of keeping them all: what it prints and
/// counts must be what the whole list gives, at every limit, on every
/// fixture and on a ledger whose findings tie on their place.
#[test]
fn what_check_prints_is_the_same_whether_it_keeps_every_finding_or_not() {
    use commitments::check::check_shortlist;
    use commitments::finding::Shortlist;

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut ledgers: Vec<(String, commitments::load::Loaded)> = crate::common::files_under(&root)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| (path.display().to_string(), load_path(&path).unwrap()))
        .collect();
    // Forty commitments of two parties each and no `by` (a who-committed
    // warning on the same kind of place each), every one also stale, and
    // two ids declared twice (errors that point at one another).
    let mut text = String::from(
        "[ledger]\ntitle = \"Ties\"\nreviewed = 2025-06-30\n\n[parties.a]\nname = \"A\"\n\n[parties.b]\nname = \"B\"\n\n[sources.s]\ntitle = \"S\"\nurl = \"https://example.org/s\"\n",
    );
    for n in 0..40 {
        let id = if n % 17 == 3 {
            "twice".to_owned()
        } else {
            format!("c-{n}")
        };
        text.push_str(&format!(
            "\n[[commitment]]\nid = \"{id}\"\ntitle = \"T {n}\"\nparties = [\"a\", \"b\"]\nkind = \"deliverable\"\nmade = 2020-01-0{}\nstatus = \"active\"\nsource = {{ ref = \"s\", url = \"https://example.org/s\" }}\n",
            1 + n % 9
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let ties = dir.path().join("ties.toml");
    std::fs::write(&ties, &text).unwrap();
    ledgers.push(("ties".to_owned(), load_path(&ties).unwrap()));
    assert!(ledgers.len() > 40, "the fixtures were not found");

    let mut capped = 0;
    for (name, loaded) in &ledgers {
        let levels = Levels::of(loaded);
        let all = check(loaded, &levels, AS_OF);
        let summary = Summary {
            lang: Default::default(),
            ledger: name,
            as_of: AS_OF,
            headcount: loaded.headcount(AS_OF),
        };
        let print = |list: &Shortlist| {
            let mut buffer = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
            render::human(&mut buffer, &loaded.files, list, &summary).unwrap();
            String::from_utf8(buffer.into_inner()).unwrap()
        };
        for limit in [0, 1, 2, 3, 100] {
            let whole = Shortlist::of(all.clone(), Some(limit));
            let counted = check_shortlist(loaded, &levels, AS_OF, limit);
            assert_eq!(
                print(&counted),
                print(&whole),
                "{name}, at most {limit} of each rule"
            );
            assert_eq!(
                (counted.errors, counted.warnings, counted.left_out.clone()),
                (whole.errors, whole.warnings, whole.left_out.clone()),
                "{name}, at most {limit} of each rule"
            );
            capped += usize::from(!whole.left_out.is_empty());
        }
    }
    assert!(
        capped > 20,
        "too few ledgers have more findings than a limit: {capped}"
    );
}
