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
