//! Languages: every message id in every locale and used; the Spanish and
//! Chinese reports of a translated frozen ledger, snapshotted, with no
//! English left outside quotes, ids and URLs; `--lang` errors.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use commitments::check::Levels;
use commitments::i18n::{Lang, Locale, SOURCES};
use commitments::load::load_path;
use commitments::model::{Kind, Status};
use commitments::report;
use fluent_syntax::ast::Entry;

use crate::common::snapshot_settings;

fn ids(source: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("a locale does not parse: {errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Every `.rs` file's text under `src/`.
fn source_code() -> String {
    crate::common::files_under(Path::new("src"))
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}

#[test]
fn every_locale_parses_and_has_the_same_messages() {
    let english = ids(SOURCES[0].1);
    assert!(english.len() > 100, "en.ftl has its messages");
    for (lang, source) in SOURCES {
        let theirs = ids(source);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{lang}.ftl: missing {missing:?}, not in en.ftl {extra:?}"
        );
    }
}

#[test]
fn every_message_is_used() {
    let code = source_code();
    // Ids made from a value: each family must be complete, and is used
    // through its prefix.
    let mut families: Vec<String> = Vec::new();
    families.extend(Status::ALL.map(|s| format!("status-{}", s.as_str().replace('_', "-"))));
    families.extend(Kind::ALL.map(|k| format!("kind-{}", k.as_str())));
    families
        .extend(Status::ALL.map(|s| format!("status-meaning-{}", s.as_str().replace('_', "-"))));
    families.extend((1..=12).map(|m| format!("month-{m}")));
    families.extend(["severity-error".to_owned(), "severity-warning".to_owned()]);
    families.extend(
        commitments::rules::RULES
            .iter()
            .map(|rule| format!("rule-{}", rule.name)),
    );
    let english = ids(SOURCES[0].1);
    for id in &families {
        assert!(english.contains(id), "en.ftl lacks `{id}`");
    }
    let unused: Vec<&String> = english
        .iter()
        .filter(|id| !families.contains(id) && !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    for prefix in [
        "status-{}",
        "status-meaning-{}",
        "kind-{}",
        "month-{month}",
        "rule-{}",
        "severity-{}",
    ] {
        assert!(code.contains(prefix), "no code makes ids `{prefix}`");
    }
}

#[test]
fn english_status_meanings_are_the_models_own() {
    let en = Locale::en();
    for status in Status::ALL {
        let id = format!("status-meaning-{}", status.as_str().replace('_', "-"));
        assert_eq!(en.text(&id), status.meaning());
    }
}

#[test]
fn english_rule_summaries_are_the_rules_own() {
    let en = Locale::en();
    for rule in commitments::rules::RULES {
        assert_eq!(en.text(&format!("rule-{}", rule.name)), rule.summary);
    }
}

pub(crate) fn fixture() -> PathBuf {
    let path = PathBuf::from("tests/fixtures/i18n/commitments.toml");
    assert!(path.is_file(), "the fixture {} is there", path.display());
    path
}

fn markdown(lang: Lang) -> String {
    let loaded = load_path(&fixture()).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let report = report::build_in(&loaded, &Levels::of(&loaded), as_of, Some(lang)).unwrap();
    report::to_markdown(&report)
}

/// What a report may hold in English: code spans (ids, rule names, keys),
/// link targets and bare URLs are removed.
pub(crate) fn prose(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(at) = rest.find(['`', '(', 'h']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let skip = if let Some(after) = tail.strip_prefix("\\`") {
            after.find("\\`").map(|end| end + 4)
        } else if let Some(after) = tail.strip_prefix('`') {
            after.find('`').map(|end| end + 2)
        } else if tail.starts_with("(http") {
            tail.find(')').map(|end| end + 1)
        } else if tail.starts_with("http") {
            tail.find([' ', ']', ')']).or(Some(tail.len()))
        } else {
            None
        };
        match skip {
            Some(skip) => rest = &tail[skip..],
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// English words that no Spanish text holds: every word of the English
/// messages and of the fixture's English texts, less those the Spanish
/// messages or translations use too ("error", "no", "China").
pub(crate) fn english_words() -> BTreeSet<String> {
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .map(str::to_lowercase)
            .collect()
    };
    let loaded = load_path(&fixture()).unwrap();
    let ledger = loaded.ledger.as_ref().unwrap();
    let mut english_titles = ledger.meta.as_ref().unwrap().title.value.to_string();
    for party in &ledger.parties {
        english_titles.push_str(&format!(" {}", party.name.value));
    }
    for c in &ledger.commitments {
        english_titles.push_str(&format!(" {}", c.title.value));
        for u in &c.updates {
            english_titles.push_str(&format!(" {}", u.note.value));
        }
    }
    // The Spanish texts: the tool's and the editors' translations.
    let translations = std::iter::once(&ledger.meta.as_ref().unwrap().i18n)
        .chain(ledger.parties.iter().map(|p| &p.i18n))
        .chain(ledger.commitments.iter().map(|c| &c.i18n))
        .chain(
            ledger
                .commitments
                .iter()
                .flat_map(|c| &c.updates)
                .map(|u| &u.i18n),
        );
    let mut spanish_texts = SOURCES[1].1.to_owned();
    for translation in translations.flat_map(|t| t.iter()) {
        for (_, text) in &translation.texts {
            spanish_texts.push_str(&format!(" {}", text.value));
        }
    }
    let mut english = words(SOURCES[0].1);
    english.extend(words(&english_titles));
    let spanish = words(&spanish_texts);
    english.retain(|w| !spanish.contains(w) && !matches!(w.as_str(), "commitments" | "ledger"));
    english
}

/// The words of [`english_words`] in a Markdown text's prose, sorted, each
/// once.
pub(crate) fn english_left(markdown: &str) -> Vec<String> {
    let english = english_words();
    let mut found: Vec<String> = prose(markdown)
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| english.contains(w))
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn spanish_and_chinese_reports_leave_no_english_outside_quotes_ids_and_urls() {
    // The check finds English where there is some.
    let in_english = english_left(&markdown(Lang::En));
    assert!(
        in_english.len() > 30,
        "the English report is flagged: {in_english:?}"
    );
    for lang in [Lang::Es, Lang::ZhHans] {
        let text = markdown(lang);
        let left = english_left(&text);
        assert!(
            left.is_empty(),
            "English in the {lang} report: {left:?}\n{text}"
        );
    }
}

#[test]
fn spanish_and_chinese_markdown_reports_are_snapshotted() {
    snapshot_settings().bind(|| {
        for lang in [Lang::Es, Lang::ZhHans] {
            insta::assert_snapshot!(format!("report-i18n-{lang}.md"), markdown(lang));
        }
    });
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_languages() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
        .args(["report", "--lang", "xx"])
        .arg(fixture())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("invalid value 'xx' for '--lang <LANG>'")
            && stderr.contains("[possible values: en, es, zh-Hans]"),
        "{stderr}"
    );
}

#[test]
fn check_writes_its_summary_in_the_language_asked() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
        .args([
            "check",
            "--quiet",
            "--as-of",
            "2025-06-30",
            "--lang",
            "zh-hans",
        ])
        .arg(fixture())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout,
        "tests/fixtures/i18n/commitments.toml：0个错误，2个警告，共3项承诺，另有1项请求（截至2025年6月30日）\n"
    );
}

#[test]
fn the_data_package_refuses_other_languages_and_the_site_takes_its_from_the_ledger() {
    for (args, says) in [
        (
            vec![
                "report",
                "--format",
                "datapackage",
                "--lang",
                "es",
                "-o",
                "target/never-written",
                "--ledger",
            ],
            "English only for now",
        ),
        (
            vec![
                "site",
                "--lang",
                "es",
                "-o",
                "target/never-written",
                "--ledger",
            ],
            "leave out --lang es and write `languages = [\"es\"]` under [ledger]",
        ),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
            .args(&args)
            .arg(fixture())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{stderr}");
    }
}

#[test]
fn the_html_report_is_written_in_the_language_asked_with_no_english_left() {
    for (lang, flagged) in [("en", true), ("es", false), ("zh-Hans", false)] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
            .args([
                "report",
                "--format",
                "html",
                "--as-of",
                "2025-06-30",
                "--lang",
                lang,
            ])
            .arg(fixture())
            .output()
            .unwrap();
        assert!(output.status.success(), "{lang}");
        let html = String::from_utf8(output.stdout).unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        let found = english_left(&crate::i18n_site::readable_text(&html));
        if flagged {
            assert!(found.len() > 30, "the English report is flagged: {found:?}");
        } else {
            assert!(
                found.is_empty(),
                "English in the {lang} HTML report: {found:?}"
            );
        }
    }
}

#[test]
fn a_csv_report_in_another_language_adds_labels_beside_the_english_values() {
    let loaded = load_path(&fixture()).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let csv_in = |lang| {
        let report = report::build_in(&loaded, &Levels::of(&loaded), as_of, Some(lang)).unwrap();
        report::to_csv(&report)
    };
    let english = csv_in(Lang::En);
    let header = english.lines().next().unwrap();
    assert!(header.ends_with(",findings"), "{header}");
    for (lang, kept, deliverable) in [
        (Lang::Es, "cumplido", "entregable"),
        (Lang::ZhHans, "已兑现", "可交付"),
    ] {
        let text = csv_in(lang);
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            format!("{header},status_label,kind_label")
        );
        let port = lines.find(|l| l.starts_with("port,")).unwrap();
        assert!(port.contains(",deliverable,kept,"), "{port}");
        assert!(port.ends_with(&format!(",{kept},{deliverable}")), "{port}");
    }
}

#[test]
fn a_workspaces_report_is_written_in_the_language_asked() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
        .args([
            "report",
            "--as-of",
            "2025-06-30",
            "--lang",
            "zh-Hans",
            "--workspace",
        ])
        .arg("tests/fixtures/workspace/good/commitments-workspace.toml")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "截至**2025年6月30日** · 2本台账：3项承诺。\n\n| 台账 | 编号 | 承诺数 | 可交付承诺 |"
        ),
        "{text}"
    );
    // The workspace's file has no Chinese title: it is shown as written.
    assert!(text.starts_with("# The harbour pact\n"), "{text}");
    // Each ledger's section is its report in the same language.
    assert!(
        text.contains("\n## The first talks\n\n截至**2025年6月30日**"),
        "{text}"
    );
}

#[test]
fn update_records_the_notes_translations_with_the_news() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("commitments.toml");
    std::fs::copy(fixture(), &ledger).unwrap();
    let before = std::fs::read_to_string(&ledger).unwrap();
    let update = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
            .args([
                "update",
                "visas",
                "--status",
                "in_progress",
                "--date",
                "2025-06-20",
            ])
            .args(["--note", "Visa rules were eased."])
            .args(extra)
            .args([
                "--url",
                "https://example.org/visa",
                "--quote",
                "visa rules were eased",
            ])
            .args(["--as-of", "2025-06-30", "--ledger"])
            .arg(&ledger)
            .output()
            .unwrap()
    };
    // A language the ledger does not declare: refused, nothing written.
    let output = update(&["--note-in", "fr=Les règles ont été assouplies."]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(
            "`fr` is not a language of the ledger's `[ledger] languages`; it declares es, zh-Hans"
        ),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(std::fs::read_to_string(&ledger).unwrap(), before);

    let output = update(&[
        "--note-in",
        "es=Se flexibilizaron las normas de visado.",
        "--note-in",
        "zh-hans=签证规定已放宽。",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = std::fs::read_to_string(&ledger).unwrap();
    assert!(
        after.ends_with(
            "note = \"Visa rules were eased.\"\n\
             i18n.es.note = \"Se flexibilizaron las normas de visado.\"\n\
             i18n.zh-Hans.note = \"签证规定已放宽。\"\n\
             evidence = [\n  { url = \"https://example.org/visa\", quote = \"visa rules were eased\" },\n]\n"
        ),
        "{after}"
    );
    // Translated in every language the ledger declares: no
    // missing-translation warning.
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
        .args(["check", "--as-of", "2025-06-30"])
        .arg(&ledger)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(!text.contains("missing-translation"), "{text}");
}
