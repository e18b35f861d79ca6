//! The site in every language of a translated frozen ledger: each reader's
//! page at the root in English and again in `es/` and `zh-Hans/`, each
//! linking to the others; a feed per language; no English left on the
//! Spanish and Chinese pages outside quotes, ids and URLs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::i18n::{english_left, fixture};

const LANGUAGES: [(&str, &str); 3] = [("en", ""), ("es", "es/"), ("zh-Hans", "zh-Hans/")];

/// The fixture's site at a date its reports use, in a folder of its own.
fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
        .args(["site", "--as-of", "2025-06-30", "--ledger"])
        .arg(fixture())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    (dir, out)
}

/// The readers' pages of the root's language: every `index.html` but the
/// maintainers' pages and the sources' texts, which are written once.
fn readers_pages(root: &Path) -> Vec<String> {
    let mut pages: Vec<String> = crate::common::files_under(root)
        .into_iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| p.ends_with("index.html"))
        .filter(|p| {
            !["es/", "zh-Hans/", "checks/", "rules/", "sources/"]
                .iter()
                .any(|skip| p.starts_with(skip))
        })
        .collect();
    pages.sort();
    pages
}

/// The value of `attribute` in the tag that holds `marker`.
fn attribute_after<'t>(text: &'t str, marker: &str, attribute: &str) -> Option<&'t str> {
    let at = text.find(marker)?;
    let tag_end = at + text[at..].find('>')?;
    let tag_start = text[..at].rfind('<')?;
    let tag = &text[tag_start..tag_end];
    let key = format!("{attribute}=\"");
    let from = tag.find(&key)? + key.len();
    let to = from + tag[from..].find('"')?;
    Some(&tag[from..to])
}

#[test]
fn every_readers_page_is_in_every_language_and_links_to_the_others() {
    let (_dir, root) = site();
    let pages = readers_pages(&root);
    assert!(pages.len() > 15, "the readers' pages: {pages:?}");
    for page in &pages {
        for (lang, folder) in LANGUAGES {
            let path = root.join(folder).join(page);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                text.contains(&format!("<html lang=\"{lang}\">")),
                "{folder}{page} is not marked {lang}"
            );
            for (other, other_folder) in LANGUAGES {
                let target = root.join(other_folder).join(page).canonicalize().unwrap();
                // In the head, for search engines, and in the switch, for
                // readers; both lead to the same page in the other language.
                let head = attribute_after(
                    &text,
                    &format!("rel=\"alternate\" hreflang=\"{other}\""),
                    "href",
                )
                .unwrap_or_else(|| panic!("{folder}{page}: no alternate in {other}"));
                let resolved = path.parent().unwrap().join(head).canonicalize();
                assert_eq!(
                    resolved.ok(),
                    Some(target.clone()),
                    "{folder}{page} → {other}: {head}"
                );
                if other_folder.is_empty() {
                    let default = attribute_after(&text, "hreflang=\"x-default\"", "href")
                        .unwrap_or_else(|| panic!("{folder}{page}: no x-default"));
                    let resolved = path.parent().unwrap().join(default).canonicalize();
                    assert_eq!(
                        resolved.ok(),
                        Some(target.clone()),
                        "{folder}{page} x-default"
                    );
                }
                if other != lang {
                    let switch = attribute_after(&text, &format!("<a lang=\"{other}\""), "href")
                        .unwrap_or_else(|| panic!("{folder}{page}: no switch to {other}"));
                    let resolved = path.parent().unwrap().join(switch).canonicalize();
                    assert_eq!(
                        resolved.ok(),
                        Some(target),
                        "{folder}{page} switch → {other}"
                    );
                }
            }
        }
    }
    // What is written once stays at the root, and the translated pages
    // reach it.
    for once in [
        "checks",
        "rules",
        "sources",
        "ledger.json",
        "style.css",
        "deadlines.ics",
    ] {
        assert!(root.join(once).exists(), "{once} at the root");
        assert!(!root.join("es").join(once).exists(), "{once} not in es/");
    }
    let dashboard = std::fs::read_to_string(root.join("es/index.html")).unwrap();
    for shared in ["../style.css", "../ledger.json", "../checks/index.html"] {
        assert!(
            dashboard.contains(&format!("href=\"{shared}\"")),
            "es/index.html links {shared}"
        );
    }
}

/// Asserts that the file at `path` holds `needle`, and shows it when not.
fn assert_holds(path: &Path, needle: &str) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        text.contains(needle),
        "{} lacks {needle:?}:\n{text}",
        path.display()
    );
}

/// The `<id>`s of a feed's entries, and its own.
fn feed_ids(feed: &str) -> Vec<String> {
    feed.split("<id>")
        .skip(1)
        .map(|rest| rest.split("</id>").next().unwrap().to_owned())
        .collect()
}

#[test]
fn each_language_has_its_own_feed_with_ids_of_its_own() {
    let (_dir, root) = site();
    let english = std::fs::read_to_string(root.join("feed.xml")).unwrap();
    let english_ids: BTreeSet<String> = feed_ids(&english).into_iter().collect();
    for (lang, folder) in &LANGUAGES[1..] {
        let feed = std::fs::read_to_string(root.join(folder).join("feed.xml")).unwrap();
        let ids = feed_ids(&feed);
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{lang}: ids are unique");
        assert_eq!(
            ids.len(),
            english_ids.len(),
            "{lang}: an entry for each English one"
        );
        assert!(
            ids.iter().all(|id| !english_ids.contains(id)),
            "{lang}: ids of its own"
        );
        assert!(
            ids[0].ends_with(&format!(":{lang}")),
            "{lang}: the feed's id {}",
            ids[0]
        );
        assert!(
            feed.contains(&format!("href=\"{folder}commitments/railway/index.html\"")),
            "{lang}: entries link to the pages in {lang}"
        );
    }
    assert_holds(
        &root.join("es/feed.xml"),
        "<title>Nuevo: Construir el ferrocarril</title>",
    );
    assert_holds(
        &root.join("zh-Hans/feed.xml"),
        "<title>修建铁路：已宣布 → 进行中</title>",
    );
}

/// What a reader reads of a page: its text and its labels, without the
/// quotes and the titles of cited pages (in their source's language), the
/// ids and rule names (code), the language switch (each language's own
/// name), the style and the structured data, the file names and the pages'
/// addresses.
pub(crate) fn readable_text(html: &str) -> String {
    let mut text = html.to_owned();
    for (open, close) in [
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<code>", "</code>"),
        ("<blockquote", "</blockquote>"),
        ("<nav class=\"languages\"", "</nav>"),
        ("<a href=\"https://", "</a>"),
    ] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |e| lt + e + 1);
        let tag = &rest[lt..tag_end];
        for attribute in ["aria-label=\"", "title=\""] {
            if let Some(from) = tag.find(attribute) {
                let value = &tag[from + attribute.len()..];
                out.push(' ');
                out.push_str(value.split('"').next().unwrap_or(""));
            }
        }
        out.push(' ');
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    for file in ["ledger.json", "commitments.csv", "deadlines.ics"] {
        out = out.replace(file, " ");
    }
    out.split(' ')
        .filter(|word| !word.contains("/index.html"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn spanish_and_chinese_pages_leave_no_english_outside_quotes_ids_and_urls() {
    let (_dir, root) = site();
    let left = |page: &Path| english_left(&readable_text(&std::fs::read_to_string(page).unwrap()));
    let pages = readers_pages(&root);
    // The check finds English where there is some.
    let in_english = left(&root.join("index.html"));
    assert!(
        in_english.len() > 30,
        "the English dashboard is flagged: {in_english:?}"
    );
    for folder in ["es/", "zh-Hans/"] {
        for page in &pages {
            let found = left(&root.join(folder).join(page));
            assert!(found.is_empty(), "English in {folder}{page}: {found:?}");
        }
    }
}

/// A copy of the frozen workspace whose ledgers declare `languages`.
fn translated_workspace(first: &str, second: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new("tests/fixtures/workspace/good");
    std::fs::create_dir(dir.path().join("ledgers")).unwrap();
    for (file, languages) in [
        ("commitments-workspace.toml", Some("")),
        ("commitments.toml", Some(first)),
        ("ledgers/second-talks.toml", Some(second)),
    ] {
        let text = std::fs::read_to_string(from.join(file)).unwrap();
        // The ledgers' languages, and the workspace's title in Spanish.
        let text = match languages {
            Some("") => text.replacen(
                "title = \"The harbour pact\"\n",
                "title = \"The harbour pact\"\ni18n.es.title = \"El pacto del puerto\"\n",
                1,
            ),
            Some(languages) => text.replacen(
                "[ledger]\n",
                &format!("[ledger]\nlanguages = {languages}\n"),
                1,
            ),
            None => text,
        };
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    dir
}

#[test]
fn a_workspaces_dashboard_is_in_every_language_its_ledgers_share() {
    let dir = translated_workspace(r#"["es", "zh-Hans"]"#, r#"["es"]"#);
    let out = dir.path().join("public");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
        .current_dir(dir.path())
        .args(["site", "--as-of", "2025-06-30", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    // Spanish, which both ledgers have, with the workspace's Spanish
    // title; not Chinese, which one lacks.
    let spanish = out.join("es/index.html");
    for needle in [
        "<html lang=\"es\">",
        "<h1>El pacto del puerto</h1>",
        "href=\"../first-talks/es/index.html\"",
        "<a lang=\"en\" hreflang=\"en\" href=\"../index.html\">English</a>",
    ] {
        assert_holds(&spanish, needle);
    }
    assert!(
        !out.join("zh-Hans").exists(),
        "no dashboard in a language one ledger lacks"
    );
    assert_holds(
        &out.join("index.html"),
        "href=\"es/index.html\">Español</a>",
    );
    // A ledger's Spanish pages lead back to the Spanish dashboard; its
    // Chinese pages, to the root's.
    assert_holds(
        &out.join("first-talks/es/index.html"),
        "href=\"../../es/index.html\">El pacto del puerto</a>",
    );
    assert_holds(
        &out.join("first-talks/zh-Hans/index.html"),
        "href=\"../../index.html\">The harbour pact</a>",
    );
    // Each language's feed has an id of its own.
    assert_holds(
        &out.join("es/feed.xml"),
        "<id>urn:commitments:workspace:harbour-pact:es</id>",
    );
}

#[test]
fn a_ledger_named_like_a_language_of_the_site_is_refused() {
    let dir = translated_workspace(r#"["es"]"#, r#"["es"]"#);
    let ledger = dir.path().join("ledgers/second-talks.toml");
    let text = std::fs::read_to_string(&ledger).unwrap();
    std::fs::write(
        &ledger,
        text.replace("id = \"second-talks\"", "id = \"es\""),
    )
    .unwrap();
    let text = std::fs::read_to_string(dir.path().join("commitments.toml")).unwrap();
    std::fs::write(
        dir.path().join("commitments.toml"),
        text.replace("second-talks:", "es:"),
    )
    .unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_commitments"))
        .current_dir(dir.path())
        .args(["site", "--as-of", "2025-06-30", "-o", "public"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert_eq!(status.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the ledger id `es` is also the folder of the site's pages in es; give the ledger another id"),
        "{stderr}"
    );
    assert!(!dir.path().join("public").exists());
}
