//! Arbitrary bytes as a ledger, written as a site into a folder beside it:
//! nothing panics; a site that is written holds exactly the files it lists,
//! inside its folder, with no control character in a page or the feed, and
//! can be written again over itself; a refused site writes nothing.

#![no_main]

use chrono::NaiveDate;
use commitments::check::Levels;
use commitments::load::load_bytes;
use commitments::markup::is_markup_unsafe;
use commitments::site;
use libfuzzer_sys::fuzz_target;

/// Every file under `dir`, relative, sorted.
fn files(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let kind = entry.file_type().unwrap();
        assert!(!kind.is_symlink(), "the site holds a link");
        if kind.is_dir() {
            files(&entry.path(), root, out);
        } else {
            let relative = entry.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push(relative);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    // Memory-backed where there is one: a site is dozens of files.
    let parent = if std::path::Path::new("/dev/shm").is_dir() { "/dev/shm" } else { "/tmp" };
    let dir = tempfile::tempdir_in(parent).unwrap();
    let ledger = dir.path().join("commitments.toml");
    std::fs::write(&ledger, data).unwrap();
    let out = dir.path().join("public");
    let mut previous: Option<Vec<String>> = None;
    for _ in 0..2 {
        let loaded = load_bytes("commitments.toml", data, Some(dir.path()));
        let levels = Levels::of(&loaded);
        match site::write(loaded, &levels, as_of, &out, &ledger) {
            Ok(written) => {
                let mut on_disk = Vec::new();
                files(&out, &out, &mut on_disk);
                on_disk.sort();
                assert_eq!(on_disk, written.files, "the site holds what it lists");
                for file in written.files.iter().filter(|f| f.ends_with(".html") || f.ends_with(".xml")) {
                    let text = std::fs::read_to_string(out.join(file)).unwrap();
                    assert!(!text.chars().any(is_markup_unsafe), "{file} carries a control character");
                }
                if let Some(before) = &previous {
                    assert_eq!(before, &written.files, "the same ledger, the same site");
                }
                previous = Some(written.files);
            }
            Err(_) => {
                assert!(previous.is_none(), "a site written once is refused the second time");
                assert!(!out.exists(), "a refused site writes nothing");
                break;
            }
        }
        // Nothing beside the ledger and the site.
        let mut beside: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        assert_eq!(beside, ["commitments.toml", "public"]);
    }
});
