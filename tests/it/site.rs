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
    site::write(loaded, &levels, date(as_of), dir, ledger)
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
        // Written in parts as it is made: these are the bytes of the page
        // made whole.
        insta::assert_snapshot!("site-checks.html", read("checks/index.html"));
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

/// Every file under `dir`, by its path below it, with its bytes.
fn every_file(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    crate::common::files_under(dir)
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn the_same_ledger_and_date_give_the_same_bytes() {
    // Two runs, in two folders, a second apart and on one and on two
    // threads: the same files, every byte the same.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let first = write(&frozen_ledger(), "2025-11-30", &a).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = write(&frozen_ledger(), "2025-11-30", &b).unwrap();
    assert_eq!(first.files, second.files, "the runs wrote different files");
    let (in_a, in_b) = (every_file(&a), every_file(&b));
    assert!(in_a.len() > 30, "{} files", in_a.len());
    assert_eq!(
        in_a.keys().collect::<Vec<_>>(),
        in_b.keys().collect::<Vec<_>>(),
        "the folders hold different files"
    );
    for (name, bytes) in &in_a {
        assert!(bytes == &in_b[name], "{name} differs between the runs");
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
        // The dashboard's own JSON-LD is the one script element allowed
        // (data, never run); the ledger's text inside it has no `<`.
        let text = text.replace("<script type=\"application/ld+json\">", "");
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
    // No control character (NUL, a form feed from `C:\files`) or bidi
    // control reaches a page or the feed raw: XML 1.0 cannot carry them.
    for file in written
        .files
        .iter()
        .filter(|f| f.ends_with(".html") || f.ends_with(".xml"))
    {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        let raw: Vec<char> = text
            .chars()
            .filter(|c| commitments::markup::is_markup_unsafe(*c))
            .collect();
        assert!(raw.is_empty(), "{file} carries {raw:?}");
    }
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(
        feed.contains("\\u{0}-free"),
        "the NUL is shown as an escape"
    );
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
    // A marker that `site` did not write is no marker.
    std::fs::write(dir.path().join(".commitments-site"), "").unwrap();
    let forged = write(&frozen_ledger(), "2025-11-30", dir.path());
    assert!(
        matches!(forged, Err(SiteError::NotOurs { .. })),
        "{forged:?}"
    );
    assert_eq!(listing(dir.path()), [".commitments-site", "notes.txt"]);
}

#[test]
fn a_previous_site_is_replaced_whole_and_only_its_own_files_go() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let other = Path::new("tests/fixtures/reports/every-status.toml");
    write(other, "2025-06-30", &out).unwrap();
    assert!(out.join("commitments/announced-one/index.html").is_file());
    // Another ledger: the pages of the first one go.
    let written = write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    assert!(!out.join("commitments/announced-one").exists());
    let mut on_disk: Vec<String> = walk(&out)
        .iter()
        .map(|f| {
            f.strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, written.files);
    // Nothing is left beside it.
    assert_eq!(listing(dir.path()), ["public"]);
    // A file someone added to the site: the folder is no longer ours.
    std::fs::write(out.join("commitments/notes.html"), "mine").unwrap();
    let refused = write(&frozen_ledger(), "2025-11-30", &out);
    assert!(
        matches!(&refused, Err(SiteError::Refused { why, .. }) if why.contains("commitments/notes.html")),
        "{refused:?}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("commitments/notes.html")).unwrap(),
        "mine"
    );
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A copy of the frozen ledger's folder: the ledger, its source, and the
/// kind of things a ledger's folder holds.
fn ledger_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let frozen = crate::common::frozen_dir();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let article = "sources/xinhua-2024-06-28-xi-boluarte-talks.txt";
    std::fs::copy(
        frozen.join("commitments.toml"),
        dir.path().join("commitments.toml"),
    )
    .unwrap();
    std::fs::copy(frozen.join(article), dir.path().join(article)).unwrap();
    std::fs::write(dir.path().join("notes.md"), "mine").unwrap();
    dir
}

/// Runs the binary in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(crate::common::BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn the_ledgers_own_folder_is_refused_whatever_marker_it_holds() {
    let dir = ledger_folder();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/config"), "[core]").unwrap();
    // As after `cp -r public/. .`: a marker that lists everything.
    let written = write(&frozen_ledger(), "2025-11-30", &dir.path().join("public")).unwrap();
    std::fs::copy(
        dir.path().join("public/.commitments-site"),
        dir.path().join(".commitments-site"),
    )
    .unwrap();
    let before = listing(dir.path());
    for target in [".", "./", "sources"] {
        let output = run_in(dir.path(), &["site", "-o", target, "--as-of", "2025-11-30"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{target}: {stderr}");
        assert!(stderr.contains("cannot hold the site"), "{stderr}");
        assert!(stderr.contains("which the ledger needs"), "{stderr}");
    }
    assert_eq!(listing(dir.path()), before);
    assert!(written.files.len() > 20);
    // A folder with a `.git`, even without the ledger.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir(other.path().join(".git")).unwrap();
    let refused = write(&frozen_ledger(), "2025-11-30", other.path());
    assert!(
        matches!(&refused, Err(SiteError::Refused { why, .. }) if why.contains(".git")),
        "{refused:?}"
    );
    assert!(other.path().join(".git").is_dir());
}

#[test]
fn a_failure_midway_leaves_the_previous_site_and_nothing_beside_it() {
    let dir = ledger_folder();
    let out = dir.path().join("public");
    write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    let before: Vec<(String, Vec<u8>)> = walk(&out)
        .into_iter()
        .map(|f| (f.display().to_string(), std::fs::read(&f).unwrap()))
        .collect();
    // An id of 300 characters checks clean, but no file system takes it as
    // a folder name: the write fails midway.
    let ledger = dir.path().join("commitments.toml");
    let long = "a".repeat(300);
    let text = std::fs::read_to_string(&ledger)
        .unwrap()
        .replace("id = \"chancay-harbor\"", &format!("id = \"{long}\""));
    std::fs::write(&ledger, text).unwrap();
    let output = run_in(
        dir.path(),
        &["site", "-o", "public", "--as-of", "2025-11-30"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    let after: Vec<(String, Vec<u8>)> = walk(&out)
        .into_iter()
        .map(|f| (f.display().to_string(), std::fs::read(&f).unwrap()))
        .collect();
    assert_eq!(after, before, "the previous site is unchanged");
    assert_eq!(
        listing(dir.path()),
        ["commitments.toml", "notes.md", "public", "sources"],
        "nothing is left beside it"
    );
}

#[test]
fn a_ledger_with_errors_gets_no_site() {
    let dir = ledger_folder();
    let ledger = dir.path().join("commitments.toml");
    let text = std::fs::read_to_string(&ledger).unwrap().replace(
        "id = \"mutual-learning-civilizations\"",
        "id = \"political-mutual-trust\"",
    );
    std::fs::write(&ledger, text).unwrap();
    let stderr = site_refused(dir.path());
    assert!(stderr.contains("error[C004]"), "{stderr}");
    assert!(
        stderr.contains("no site: the ledger has 1 error"),
        "{stderr}"
    );
    assert!(!dir.path().join("public").exists());
    assert!(matches!(
        write(&ledger, "2025-11-30", &dir.path().join("public")),
        Err(SiteError::HasErrors(1))
    ));
    // An unknown `parent` would have made a link that climbs out of the
    // site's root: an error, so no site.
    let text = std::fs::read_to_string(crate::common::frozen_ledger())
        .unwrap()
        .replacen(
            "id = \"fta-upgrade\"\n",
            "id = \"fta-upgrade\"\nparent = \"../../../../etc\"\n",
            1,
        );
    std::fs::write(&ledger, text).unwrap();
    site_refused(dir.path());
    assert!(!dir.path().join("public").exists());
}

/// Runs `site -o public` in `dir`, which must refuse with exit 1; its
/// standard error.
fn site_refused(dir: &Path) -> String {
    let output = run_in(dir, &["site", "-o", "public", "--as-of", "2025-11-30"]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    stderr
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_folder_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    // A page replaced by a link that leads out of the site.
    std::fs::remove_file(out.join("index.html")).unwrap();
    std::os::unix::fs::symlink(outside.join("index.html"), out.join("index.html")).unwrap();
    let refused = write(&frozen_ledger(), "2025-11-30", &out);
    assert!(
        matches!(&refused, Err(SiteError::Refused { why, .. }) if why.contains("symbolic link")),
        "{refused:?}"
    );
    assert!(!outside.join("index.html").exists());
    // DIR itself a link.
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    assert!(matches!(
        write(&frozen_ledger(), "2025-11-30", &link),
        Err(SiteError::Refused { .. })
    ));
    assert_eq!(listing(&outside), Vec::<String>::new());
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

#[test]
fn each_recent_change_shows_its_own_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("commitments.toml");
    std::fs::write(
        &ledger,
        "[ledger]\ntitle = \"t\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"C\"\n\n\
         [sources.a]\ntitle = \"A\"\nurl = \"https://example.org\"\n\n\
         [[commitment]]\nid = \"port\"\ntitle = \"Port\"\nparties = [\"cn\"]\nkind = \"deliverable\"\n\
         made = 2025-01-01\nstatus = \"kept\"\nsource = { ref = \"a\", quote = \"q\" }\n\n\
         [[commitment.update]]\ndate = 2025-06-01\nstatus = \"in_progress\"\nnote = \"Work began.\"\n\
         evidence = [{ url = \"https://example.org/began\", quote = \"began\" }]\n\n\
         [[commitment.update]]\ndate = 2025-06-01\nstatus = \"kept\"\nnote = \"It opened.\"\n\
         evidence = [{ url = \"https://example.org/opened\", quote = \"opened\" }]\n",
    )
    .unwrap();
    let out = dir.path().join("public");
    write(&ledger, "2025-06-30", &out).unwrap();
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let recent = &index[index.find("id=\"recent\"").unwrap()..];
    let recent = &recent[..recent.find("</section>").unwrap()];
    let began = recent.find("Work began.").unwrap();
    let opened = recent.find("It opened.").unwrap();
    let (first, second) = if began < opened {
        (&recent[began..opened], &recent[opened..])
    } else {
        (&recent[began..], &recent[opened..began])
    };
    assert!(first.contains("https://example.org/began"), "{recent}");
    assert!(!first.contains("https://example.org/opened"), "{recent}");
    assert!(second.contains("https://example.org/opened"), "{recent}");
    assert!(!second.contains("https://example.org/began"), "{recent}");
}

#[test]
fn areas_are_grouped_by_slug_alike_in_the_site_and_the_reports() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("commitments.toml");
    let mut text = String::from(
        "[ledger]\ntitle = \"t\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"C\"\n\n\
         [sources.a]\ntitle = \"A\"\nurl = \"https://example.org\"\n",
    );
    for (id, area) in [("a", "R&D"), ("b", "R D"), ("c", "r-d"), ("d", "能源")] {
        text.push_str(&format!(
            "\n[[commitment]]\nid = \"{id}\"\ntitle = \"{id}\"\nparties = [\"cn\"]\narea = \"{area}\"\n\
             kind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\nsource = {{ ref = \"a\", quote = \"q\" }}\n"
        ));
    }
    std::fs::write(&ledger, text).unwrap();
    // A non-ASCII area no longer stops the site.
    let out = dir.path().join("public");
    let written = write(&ledger, "2025-06-30", &out).unwrap();
    let areas: Vec<&String> = written
        .files
        .iter()
        .filter(|f| f.starts_with("areas/"))
        .collect();
    assert_eq!(
        areas,
        ["areas/r-d/index.html", "areas/u-e883bde6ba90/index.html"]
    );
    let page = std::fs::read_to_string(out.join("areas/u-e883bde6ba90/index.html")).unwrap();
    assert!(page.contains("能源"), "{page}");
    // ledger.json counts what the site shows: one area of 3, one of 1.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("ledger.json")).unwrap()).unwrap();
    assert_eq!(
        json["totals"]["by_area"],
        serde_json::json!([{"key": "R&D", "count": 3}, {"key": "能源", "count": 1}])
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("R&amp;D</strong></a> <span class=\"muted\">(3)"),
        "{index}"
    );
}

/// 4,000 declared parties made 870 MB of site: every list page listed
/// every party. The list pages link to the dashboard's filters instead.
#[test]
fn the_site_grows_with_the_parties_not_their_square() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("commitments.toml");
    let mut text = String::from("[ledger]\ntitle = \"t\"\nreviewed = 2025-06-30\n");
    let parties = 1_000;
    for i in 0..parties {
        text.push_str(&format!("\n[parties.p{i}]\nname = \"Party number {i}\"\n"));
    }
    text.push_str(
        "\n[sources.a]\ntitle = \"A\"\nurl = \"https://example.org\"\n\n[[commitment]]\nid = \"c\"\n\
         title = \"C\"\nparties = [\"p0\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"announced\"\n\
         source = { ref = \"a\", quote = \"q\" }\n",
    );
    std::fs::write(&ledger, &text).unwrap();
    let out = dir.path().join("public");
    let written = write(&ledger, "2025-06-30", &out).unwrap();
    let total: u64 = written
        .files
        .iter()
        .map(|f| std::fs::metadata(out.join(f)).unwrap().len())
        .sum();
    // About 5 KB a page; the square would be 1,000 pages of 1,000 links.
    assert!(
        total < 20_000 * parties as u64,
        "{total} bytes for {parties} parties"
    );
    let page = std::fs::read_to_string(out.join("parties/p5/index.html")).unwrap();
    assert!(
        !page.contains("parties/p6/index.html"),
        "a party page lists the others"
    );
    assert!(
        page.contains("index.html#filters"),
        "it links to the filters"
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("id=\"filters\""));
    assert!(
        index.contains("parties/p999/index.html"),
        "the dashboard lists every party"
    );
}

#[test]
fn a_site_at_a_past_date_shows_the_ledger_as_it_stood_then() {
    // The frozen ledger has updates up to 2025-11-21: at 2024-12-01 they are
    // not yet written, as in the report at that date, and are not errors.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = std::process::Command::new(crate::common::BIN)
        .args(["site", "--as-of", "2024-12-01", "-o"])
        .arg(&out)
        .current_dir(crate::common::frozen_dir())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.contains("<updated>2024-11-16"), "{feed}");
    assert!(!feed.contains("2025-"), "the feed shows later updates");
    let chancay =
        std::fs::read_to_string(out.join("commitments/chancay-harbor/index.html")).unwrap();
    assert!(
        chancay.contains("2024-11-14"),
        "the port's opening is missing"
    );
    assert!(!chancay.contains("2025-11-21"), "a later update is shown");
}

/// The text of a page, without its tags, style sheet or tooltips' markup.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn readers_pages_carry_no_rule_code_line_number_or_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let written = write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    let mut readers = 0;
    for file in &written.files {
        if !file.ends_with(".html") || file.starts_with("checks/") || file.starts_with("rules/") {
            continue;
        }
        readers += 1;
        let text = visible_text(&std::fs::read_to_string(out.join(file)).unwrap());
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            let code = word.len() == 4
                && word.starts_with("C0")
                && word[2..].bytes().all(|b| b.is_ascii_digit());
            assert!(!code, "{file}: a rule code, {word}");
            assert!(!word.contains('`'), "{file}: a backtick in {word}");
            assert!(
                !(*word == "line"
                    && words
                        .get(i + 1)
                        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))),
                "{file}: a line number"
            );
        }
    }
    assert!(readers > 40, "{readers} readers' pages");
    // The maintainers' page has them: the frozen ledger has findings.
    let checks = std::fs::read_to_string(out.join("checks/index.html")).unwrap();
    assert!(checks.contains("C015 stale"), "{checks}");
    assert!(checks.contains(", line "), "{checks}");
    // Every page links the maintainers' page from its footer.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"checks/index.html\""));
}

/// The paths the layout table of docs/site.md names, in its first column,
/// as (literal prefix, pattern) where `<x>` matches one path segment.
fn documented_paths() -> Vec<String> {
    let doc = std::fs::read_to_string(Path::new(crate::common::ROOT).join("docs/site.md")).unwrap();
    let table = doc
        .split("## Layout")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let mut paths = Vec::new();
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        let first = line.split(" | ").next().unwrap();
        paths.extend(first.split('`').skip(1).step_by(2).map(str::to_owned));
    }
    paths
}

/// Whether `file` is what `documented` (with `<x>` for any one segment)
/// names.
fn names(documented: &str, file: &str) -> bool {
    let (pattern, path): (Vec<&str>, Vec<&str>) =
        (documented.split('/').collect(), file.split('/').collect());
    pattern.len() == path.len()
        && pattern
            .iter()
            .zip(&path)
            .all(|(p, s)| (p.starts_with('<') && p.ends_with('>') && !s.is_empty()) || p == s)
}

#[test]
fn docs_site_md_names_every_file_of_the_site_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let written = write(&frozen_ledger(), "2025-11-30", &out).unwrap();
    let documented = documented_paths();
    assert!(documented.len() > 15, "{documented:?}");
    for file in &written.files {
        assert!(
            documented.iter().any(|d| names(d, file)),
            "{file} is written but docs/site.md does not name it"
        );
    }
    for path in &documented {
        assert!(
            written.files.iter().any(|f| names(path, f)),
            "docs/site.md names {path}, which the site does not write"
        );
    }
}

#[test]
fn a_source_file_the_checker_refused_is_never_published_even_when_allowed() {
    // A ledger from a pull request names a file outside its folder, and
    // turns the rule that refuses it off. The site is written, but the
    // outside file's text appears on no page.
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret.txt"), "token=ghp_SECRET_VALUE").unwrap();
    let folder = outer.path().join("ledger");
    std::fs::create_dir(&folder).unwrap();
    let frozen = std::fs::read_to_string(frozen_ledger()).unwrap();
    let hostile = frozen
        .replace(
            "file = \"sources/xinhua-2024-06-28-xi-boluarte-talks.txt\"",
            "file = \"../secret.txt\"",
        )
        .replace(
            "[checker.levels]\n",
            "[checker.levels]\nsource-file = \"allow\"\nquote-not-in-source = \"allow\"\n",
        );
    assert_ne!(hostile, frozen);
    std::fs::write(folder.join("commitments.toml"), hostile).unwrap();
    let out = folder.join("public");
    let written = write(&folder.join("commitments.toml"), "2025-11-30", &out).unwrap();
    let mut sources = 0;
    for file in &written.files {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(
            !text.contains("ghp_SECRET_VALUE"),
            "{file} publishes the outside file"
        );
        sources += usize::from(file.starts_with("sources/"));
    }
    assert_eq!(sources, 1, "the source still has its page, without a copy");
    let page = std::fs::read_to_string(out.join("sources/xinhua-2024-06-28/index.html")).unwrap();
    assert!(page.contains("No copy is kept with the ledger"), "{page}");
}
