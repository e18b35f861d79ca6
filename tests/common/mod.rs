//! Helpers shared by the test files that snapshot their output.

/// Snapshots live in `snapshots/` at the root, named by the test alone.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}
