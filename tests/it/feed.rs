//! The Atom feed as RFC 4287 asks: an author on every entry, absolute ids
//! that stay when the ledger is retitled, and links that are absolute when
//! the site's address is known. The feed is read back with the crate that
//! feed readers in Rust use, not searched as text.

use std::path::Path;
use std::process::Command;

use atom_syndication::Feed;

/// A copy of the frozen ledger and its source in a folder of its own, with
/// `edit` applied to the ledger's text.
fn ledger_copy(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let frozen = crate::common::frozen_dir();
    let article = "sources/xinhua-2024-06-28-xi-boluarte-talks.txt";
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::copy(frozen.join(article), dir.path().join(article)).unwrap();
    let text = std::fs::read_to_string(frozen.join("commitments.toml")).unwrap();
    let edited = edit(&text);
    std::fs::write(dir.path().join("commitments.toml"), edited).unwrap();
    dir
}

const TITLE: &str = "title = \"China–Peru: commitments from the state visit of 28 June 2024\"\n";

/// Writes the site with `args` after `site --as-of 2025-11-30 -o public`
/// and reads its feed back.
fn feed_of(dir: &Path, args: &[&str]) -> Feed {
    let output = Command::new(crate::common::BIN)
        .args(["site", "--as-of", "2025-11-30", "-o", "public"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(dir.join("public/feed.xml")).unwrap();
    text.parse::<Feed>().unwrap()
}

fn entry_ids(feed: &Feed) -> Vec<String> {
    feed.entries().iter().map(|e| e.id().to_owned()).collect()
}

/// An IRI with a scheme, as `atom:id` must be (RFC 4287, 4.2.6).
fn is_absolute(iri: &str) -> bool {
    iri.split_once(':').is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

#[test]
fn every_entry_has_an_author_an_absolute_id_of_its_own_and_a_page() {
    let dir = ledger_copy(|text| {
        text.replacen(
            TITLE,
            &format!(
                "{TITLE}publisher = \"Example Newsroom\"\neditors = [\"Ana Quispe\", \"Li Wei\"]\n"
            ),
            1,
        )
    });
    let feed = feed_of(dir.path(), &[]);
    assert!(is_absolute(feed.id()), "{}", feed.id());
    assert!(!feed.title().as_str().is_empty());
    assert!(feed.entries().len() > 10, "{}", feed.entries().len());
    let mut seen = std::collections::HashSet::new();
    for entry in feed.entries() {
        let names: Vec<&str> = entry.authors().iter().map(|a| a.name()).collect();
        assert_eq!(names, ["Ana Quispe", "Li Wei"], "{}", entry.id());
        assert!(is_absolute(entry.id()), "{}", entry.id());
        assert!(seen.insert(entry.id().to_owned()), "{} twice", entry.id());
        assert!(!entry.title().as_str().is_empty(), "{}", entry.id());
        let alternate = entry.links().iter().find(|l| l.rel() == "alternate");
        assert!(
            alternate.is_some_and(|l| l.href().starts_with("commitments/")),
            "{}: {:?}",
            entry.id(),
            entry.links()
        );
    }
}

#[test]
fn without_editors_the_publisher_and_without_either_the_ledger_is_the_author() {
    let with_publisher = ledger_copy(|text| {
        text.replacen(
            TITLE,
            &format!("{TITLE}publisher = \"Example Newsroom\"\n"),
            1,
        )
    });
    let feed = feed_of(with_publisher.path(), &[]);
    for entry in feed.entries() {
        let names: Vec<&str> = entry.authors().iter().map(|a| a.name()).collect();
        assert_eq!(names, ["Example Newsroom"]);
    }
    let bare = ledger_copy(str::to_owned);
    let feed = feed_of(bare.path(), &[]);
    for entry in feed.entries() {
        let names: Vec<&str> = entry.authors().iter().map(|a| a.name()).collect();
        assert_eq!(
            names,
            ["The editors of China–Peru: commitments from the state visit of 28 June 2024"]
        );
    }
}

#[test]
fn a_retitled_ledger_keeps_every_feed_id() {
    let before = ledger_copy(str::to_owned);
    let retitled = ledger_copy(|text| {
        text.replacen(TITLE, "title = \"Xi–Boluarte talks, Beijing 2024\"\n", 1)
    });
    let (old, new) = (feed_of(before.path(), &[]), feed_of(retitled.path(), &[]));
    // The retitle shows: the feed's title changed.
    assert_ne!(old.title(), new.title());
    assert_eq!(old.id(), new.id());
    assert_eq!(entry_ids(&old), entry_ids(&new));
    // A ledger without `[ledger] id` gets its parties and first date, not
    // its title.
    assert_eq!(old.id(), "urn:commitments:cn-pe-2024-06-28");
    // An explicit id is used as written, and changes every id with it.
    let named =
        ledger_copy(|text| text.replacen(TITLE, &format!("id = \"beijing-2024\"\n{TITLE}"), 1));
    let feed = feed_of(named.path(), &[]);
    assert_eq!(feed.id(), "urn:commitments:beijing-2024");
    assert!(
        entry_ids(&feed)
            .iter()
            .all(|id| id.starts_with("urn:commitments:beijing-2024:")),
        "{:?}",
        entry_ids(&feed)
    );
    assert_eq!(entry_ids(&feed).len(), entry_ids(&old).len());
}

#[test]
fn a_base_url_makes_every_link_absolute_and_a_bad_one_is_refused() {
    let dir = ledger_copy(str::to_owned);
    let feed = feed_of(dir.path(), &["--base-url", "https://example.org/ledger"]);
    let links = feed
        .links()
        .iter()
        .chain(feed.entries().iter().flat_map(|e| e.links()));
    for link in links {
        assert!(
            link.href().starts_with("https://example.org/ledger/"),
            "{}",
            link.href()
        );
    }
    let this = feed.links().iter().find(|l| l.rel() == "self").unwrap();
    assert_eq!(this.href(), "https://example.org/ledger/feed.xml");
    // From the ledger's `[site]` table, when the flag is not given.
    let configured =
        ledger_copy(|text| format!("{text}\n[site]\nbase_url = \"https://news.example/cn-pe/\"\n"));
    let feed = feed_of(configured.path(), &[]);
    let this = feed.links().iter().find(|l| l.rel() == "self").unwrap();
    assert_eq!(this.href(), "https://news.example/cn-pe/feed.xml");
    // Not an address: refused with the reason, nothing written.
    for bad in [
        "example.org",
        "ftp://example.org/",
        "https://",
        "https://a b/",
    ] {
        let output = Command::new(crate::common::BIN)
            .args(["site", "--as-of", "2025-11-30", "-o", "other"])
            .args(["--base-url", bad])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{bad}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "--base-url `{bad}` is not an absolute http or https address"
            )),
            "{bad}: {stderr}"
        );
        assert!(!dir.path().join("other").exists(), "{bad}");
    }
    // In the ledger, it is a schema error at its line, as any bad value.
    let broken = ledger_copy(|text| format!("{text}\n[site]\nbase_url = \"www.example.org\"\n"));
    let output = Command::new(crate::common::BIN)
        .args(["check", "--as-of", "2025-11-30"])
        .current_dir(broken.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("`base_url` is not an absolute http or https address"),
        "{stdout}{stderr}"
    );
}
