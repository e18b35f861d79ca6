//! `commitments site`: the page list, a commitment page and the feed of the
//! frozen ledger as snapshots; hostile text; the output folder's rules.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use commitments::check::Levels;
use commitments::load::load_path;
use commitments::site::{self, SiteError};

use crate::common::{frozen_ledger, snapshot_settings};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn write(ledger: &Path, as_of: &str, dir: &Path) -> Result<site::Written, SiteError> {
    let loaded = load_path(ledger).unwrap();
    let levels = Levels::of(&loaded);
    site::write(loaded, &levels, date(as_of), dir)
}

#[test]
fn the_frozen_ledger_as_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let written = write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("site-pages", written.files.join("\n"));
        insta::assert_snapshot!(
            "site-commitment-chancay-harbor.html",
            read("commitments/chancay-harbor/index.html")
        );
        insta::assert_snapshot!("site-feed.xml", read("feed.xml"));
    });
    // Every file listed is there, and nothing else.
    let mut on_disk = Vec::new();
    for entry in walk(&out) {
        on_disk.push(
            entry
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
        );
    }
    on_disk.sort();
    assert_eq!(on_disk, written.files);
    // The downloads are the reports, byte for byte.
    let loaded = load_path(&frozen_ledger()).unwrap();
    let report =
        commitments::report::build(&loaded, &Levels::of(&loaded), date("2025-11-30")).unwrap();
    assert_eq!(read("ledger.json"), commitments::report::to_json(&report));
    assert_eq!(
        read("commitments.csv"),
        commitments::report::to_csv(&report)
    );
    // Peru's page lists exactly what Peru committed to.
    let peru = read("parties/pe/index.html");
    let listed = peru.matches("<li id=\"c-").count();
    let made_by_peru = report
        .commitments
        .iter()
        .filter(|c| c.by.iter().any(|p| p == "pe"))
        .count();
    assert_eq!(listed, made_by_peru);
    assert!(listed > 0);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_same_ledger_and_date_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let written = write(&frozen_ledger(), "2025-11-30", &a).unwrap();
    write(&frozen_ledger(), "2025-11-30", &b).unwrap();
    for file in &written.files {
        assert_eq!(
            std::fs::read(a.join(file)).unwrap(),
            std::fs::read(b.join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn hostile_text_injects_no_tag_into_any_page_or_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let written = write(
        Path::new("tests/fixtures/reports/hostile.toml"),
        "2025-06-30",
        &out,
    )
    .unwrap();
    let mut pages = 0;
    for file in &written.files {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        if file.ends_with(".html") || file.ends_with(".xml") {
            pages += 1;
            for tag in ["<script", "<img", "<b>text", "<em>area", "<i>tags"] {
                assert!(!text.contains(tag), "{file}: {tag} got through");
            }
            assert!(
                !text.contains("href=\"javascript:"),
                "{file}: a javascript: link"
            );
            assert!(
                !text.contains("onmouseover=\""),
                "{file}: an event attribute"
            );
        }
    }
    assert!(pages > 10, "{pages} pages");
    // The titles are there, as text.
    let page = std::fs::read_to_string(out.join("commitments/script-title/index.html")).unwrap();
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Areas with markup become plain path segments.
    assert!(
        written
            .files
            .iter()
            .any(|f| f == "areas/em-area-em/index.html")
    );
}

#[test]
fn a_folder_that_is_not_a_previous_site_is_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let refused = write(&frozen_ledger(), "2025-11-30", dir.path());
    assert!(
        matches!(refused, Err(SiteError::NotOurs { .. })),
        "{refused:?}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );

    // A previous site is replaced: a page that no longer exists goes.
    let out = dir.path().join("public");
    write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    std::fs::write(out.join("commitments/stale-page.html"), "old").unwrap();
    write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    assert!(!out.join("commitments/stale-page.html").exists());
    assert!(out.join("index.html").is_file());
}

#[test]
fn the_command_refuses_a_ledger_that_does_not_load_with_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("commitments.toml"),
        "[ledger]\ntitle = \"x\"\nreviewed = 2025-01-01\n\n[parties.cn]\nname = \"China\"\n\n\
         [sources.a]\ntitle = \"A\"\nurl = \"https://example.org\"\n\n\
         [[commitment]]\nid = \"Bad Id\"\ntitle = \"t\"\nparties = [\"cn\"]\nkind = \"ongoing\"\n\
         made = 2025-01-01\nstatus = \"announced\"\nsource = { ref = \"a\", quote = \"q\" }\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_commitments"))
        .args(["site", "-o", "public", "--as-of", "2025-06-30"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[C017]"), "{stderr}");
    assert!(stderr.contains("commitments.toml:13:6"), "{stderr}");
    assert!(
        stderr.contains("error: no site: the ledger does not load"),
        "{stderr}"
    );
    assert!(!dir.path().join("public").exists(), "nothing is written");
}
