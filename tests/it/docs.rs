//! The documentation says what the code does.

use std::path::Path;

use crate::common::ROOT;

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
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test` and commit it"
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
        // The frozen ledger's folder holds the article it quotes.
        Some(&crate::common::frozen_dir()),
    );
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 11, 30).unwrap();
    let levels = commitments::check::Levels::of(&loaded);
    let findings = commitments::check::check(&loaded, &levels, as_of);
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

/// Every key of the JSON report is described in the format reference.
#[test]
fn format_reference_describes_every_report_key() {
    fn keys(value: &serde_json::Value, into: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    into.insert(key.clone());
                    keys(value, into);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| keys(item, into)),
            _ => {}
        }
    }
    let page = std::fs::read_to_string(Path::new(ROOT).join("docs/format.md")).unwrap();
    let section = &page[page
        .find("## The JSON report")
        .expect("the JSON report section")..];
    let mut all = std::collections::BTreeSet::new();
    for fixture in [
        "tests/fixtures/china-peru/commitments.toml",
        "tests/fixtures/reports/targets.toml",
        "tests/fixtures/reports/deadlines.toml",
    ] {
        let loaded = commitments::load::load_path(&Path::new(ROOT).join(fixture)).unwrap();
        let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let levels = commitments::check::Levels::of(&loaded);
        let report = commitments::report::build(&loaded, &levels, as_of).unwrap();
        keys(&serde_json::to_value(&report).unwrap(), &mut all);
    }
    for key in all {
        assert!(
            section.contains(&format!("`{key}`")),
            "the JSON report section does not describe `{key}`"
        );
    }
}

/// The input names of `action.yml`, read line by line (two-space keys
/// under `inputs:`).
fn action_inputs() -> Vec<String> {
    let action = std::fs::read_to_string(Path::new(ROOT).join("action.yml")).unwrap();
    let section = action
        .split("\ninputs:\n")
        .nth(1)
        .and_then(|rest| rest.split("\nruns:\n").next())
        .expect("action.yml has inputs: then runs:");
    section
        .lines()
        .filter_map(|line| line.strip_prefix("  ")?.strip_suffix(':'))
        .filter(|name| !name.starts_with(' '))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_input_of_the_action_is_documented_in_the_readme() {
    let inputs = action_inputs();
    assert_eq!(
        inputs,
        [
            "ledger",
            "workspace",
            "as-of",
            "fail-on",
            "summary",
            "reports",
            "site",
            "version",
            "repository"
        ]
    );
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    for input in &inputs {
        assert!(
            readme.contains(&format!("| `{input}` |")),
            "README.md does not document the action's input `{input}`"
        );
    }
}

/// Every path of the repository that the documentation names in backticks
/// exists: no page sends a reader to a file that is gone.
#[test]
fn the_documentation_names_no_missing_file() {
    let pages = [
        "README.md",
        "docs/format.md",
        "docs/rules.md",
        "docs/site.md",
        "docs/architecture.md",
        "docs/editorial-policy.md",
        "fuzz/README.md",
        "tests/fixtures/README.md",
    ];
    let roots = [
        ".ci/",
        "src/",
        "tests/",
        "docs/",
        "benches/",
        "fuzz/",
        "action/",
        "examples/",
        "editors/",
        "snapshots/",
        "sources/",
    ];
    let mut missing = Vec::new();
    for page in pages {
        let text = std::fs::read_to_string(Path::new(ROOT).join(page)).unwrap();
        let folder = Path::new(page).parent().unwrap();
        for (i, quoted) in text.split('`').enumerate() {
            let path = quoted.trim_end_matches('/');
            let is_path = i % 2 == 1
                && roots.iter().any(|root| path.starts_with(root))
                && !path.contains(['<', '*', ' ', '{']);
            if is_path
                && !Path::new(ROOT).join(path).exists()
                && !Path::new(ROOT).join(folder).join(path).exists()
            {
                missing.push(format!("{page}: `{path}`"));
            }
        }
    }
    // Scripts name files in comments and commands, without backticks.
    for script in [
        "action/check-and-report.sh",
        ".ci/run",
        ".ci/test-ledger-repo.sh",
    ] {
        let text = std::fs::read_to_string(Path::new(ROOT).join(script)).unwrap();
        for word in text.split(|c: char| c.is_whitespace() || "()\"'`;".contains(c)) {
            let is_file = roots.iter().any(|root| word.starts_with(root))
                && [".sh", ".py", ".mjs", ".lua", ".rs", ".md", ".toml"]
                    .iter()
                    .any(|ext| word.ends_with(ext))
                && !word.contains(['$', '*']);
            if is_file && !Path::new(ROOT).join(word).exists() {
                missing.push(format!("{script}: {word}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// The format's keys are known in three places: the loader's `KNOWN_KEYS`,
/// the JSON Schema that editors and the LSP's completion read (made from
/// the model's attributes), and docs/format.md (the test above). Every
/// table of the loader has exactly the keys of its schema.
#[test]
fn the_loader_and_the_schema_know_the_same_keys() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("commitments.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let definition = |name: &str| &schema["definitions"][name];
    let keys_of = |node: &serde_json::Value| -> std::collections::BTreeSet<String> {
        node["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no properties in {node}"))
            .keys()
            .cloned()
            .collect()
    };
    let mut compared = 0;
    for (table, keys) in commitments::load::KNOWN_KEYS {
        let in_schema = match *table {
            "(top level)" => keys_of(&schema),
            "ledger" => keys_of(&schema["properties"]["ledger"]),
            "parties.ID" => keys_of(definition("Party")),
            "sources.ID" => keys_of(definition("Source")),
            "commitment" => keys_of(definition("Commitment")),
            "evidence" => keys_of(definition("Citation"))
                .into_iter()
                .chain(keys_of(definition("WebEvidence")))
                .collect(),
            "commitment.update" => keys_of(definition("Update")),
            "commitment.target" => keys_of(definition("Target")),
            "commitment.target.baseline" | "commitment.target.observation" => {
                keys_of(definition("Observation"))
            }
            "commitment.searched" => keys_of(definition("Searched")),
            "checker" => keys_of(definition("CheckerConfig")),
            "site" => keys_of(definition("SiteConfig")),
            // A translation table is a map of language tags in the schema
            // (`TranslationsSchema`); its keys are checked by the loader.
            table if table.ends_with(".i18n.LANG") => {
                compared += 1;
                continue;
            }
            other => panic!("the table `{other}` has no schema here: add it to this test"),
        };
        let in_loader: std::collections::BTreeSet<String> =
            keys.iter().map(|k| (*k).to_owned()).collect();
        assert_eq!(in_loader, in_schema, "the keys of `{table}`");
        compared += 1;
    }
    assert_eq!(compared, commitments::load::KNOWN_KEYS.len());
    assert!(compared >= 12, "{compared} tables");
}
