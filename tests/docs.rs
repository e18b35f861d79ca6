//! The documentation says what the code does.

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `docs/rules.md` is generated from the registry. `UPDATE_DOCS=1 cargo test`
/// rewrites it.
#[test]
fn rules_reference_matches_the_registry() {
    let path = Path::new(ROOT).join("docs/rules.md");
    let expected = commitments::rules::reference_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test docs` and commit it"
    );
}

/// The complete example of the format reference checks clean.
#[test]
fn format_reference_example_checks_clean() {
    let page = std::fs::read_to_string(Path::new(ROOT).join("docs/format.md")).unwrap();
    let start = page
        .find("## A complete example")
        .expect("the example heading");
    let example = page[start..]
        .split("```toml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let loaded = commitments::load::load_bytes(
        "docs/format.md example",
        example.as_bytes(),
        Some(Path::new(ROOT)),
    );
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 11, 30).unwrap();
    let options = commitments::check::CheckOptions {
        as_of,
        overrides: vec![],
    };
    let findings = commitments::check::check(&loaded, &options).unwrap();
    let names: Vec<_> = findings
        .iter()
        .map(|f| (f.rule.name, f.message.clone()))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    assert_eq!(
        loaded.source_files.len(),
        1,
        "the example's quote was verified"
    );
}

/// Every key the loader accepts is documented in the format reference.
#[test]
fn format_reference_names_every_key() {
    let page = std::fs::read_to_string(Path::new(ROOT).join("docs/format.md")).unwrap();
    for key in commitments::load::KNOWN_KEYS
        .iter()
        .flat_map(|(_, keys)| keys.iter())
    {
        let documented = page.contains(&format!("`{key}`")) || page.contains(&format!("[{key}"));
        assert!(documented, "docs/format.md does not mention `{key}`");
    }
}
