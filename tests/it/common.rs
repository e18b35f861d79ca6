//! What the test modules share: where things are, and how snapshots are named.

use std::path::{Path, PathBuf};

/// The repository's root.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_commitments");

/// The folder of the frozen China–Peru ledger and its source. Every test of
/// the tool's behaviour reads this copy, never the live `commitments.toml`,
/// so that recording news in the live ledger cannot break them.
pub fn frozen_dir() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/china-peru")
}

/// The frozen ledger's own path.
pub fn frozen_ledger() -> PathBuf {
    frozen_dir().join("commitments.toml")
}

/// The frozen ledger's `reviewed` date. It is frozen with the ledger.
pub const FROZEN_REVIEWED: &str = "2025-11-30";

/// Snapshots live in `snapshots/` at the root, named by the test alone.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(ROOT).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// Every file under `dir`, at any depth, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Runs `check` on every `.toml` file under `tests/fixtures/<folder>`, in
/// name order, with its snapshots named `NAME@<path>` (the path under the
/// folder, `/` written `__`), as `insta::glob!` names them; insta's glob
/// feature pulled a regex engine into the test build. Every fixture is
/// checked before the failures are reported together.
pub fn for_each_fixture(folder: &str, mut check: impl FnMut(&Path)) {
    let root = Path::new(ROOT).join("tests/fixtures").join(folder);
    let files: Vec<PathBuf> = files_under(&root)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert!(!files.is_empty(), "no fixture in {}", root.display());
    let mut failed = Vec::new();
    for file in &files {
        let under = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace(['/', '\\'], "__");
        let relative = file.strip_prefix(ROOT).unwrap();
        let mut settings = snapshot_settings();
        settings.set_snapshot_suffix(under.clone());
        settings.set_input_file(file);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| check(relative));
        }));
        if outcome.is_err() {
            failed.push(under);
        }
    }
    assert!(
        failed.is_empty(),
        "fixtures that failed (see above): {failed:?}"
    );
}
