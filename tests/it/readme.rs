//! The README's walk-through, from `new` to `report`, runs as written.

use std::path::Path;
use std::process::Command;

use crate::common::ROOT;

/// The `sh` block under the README heading `heading`.
fn shell_block(heading: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let section = &readme[readme.find(heading).expect("the README heading")..];
    let block = section.split("```sh\n").nth(1).expect("an sh block");
    block.split("```").next().unwrap().to_owned()
}

#[test]
fn the_walk_through_from_new_to_report_works() {
    // An empty folder: the walk-through copies the source from the clone
    // named by COMMITMENTS_REPO itself.
    let dir = tempfile::tempdir().unwrap();
    // `commitments` is the binary under test.
    let script = format!(
        "set -eu\ncommitments() {{ '{}' \"$@\"; }}\n{}",
        env!("CARGO_BIN_EXE_commitments"),
        shell_block("### From a new ledger to a report")
    );
    let output = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .env("COMMITMENTS_REPO", ROOT)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("0 errors, 0 warnings in 1 commitment"),
        "{stdout}"
    );
    let ledger = std::fs::read_to_string(dir.path().join("commitments.toml")).unwrap();
    assert!(ledger.contains("status = \"kept\""), "{ledger}");
    let report = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(report.contains("chancay-harbor") && report.contains("id=\"timeline\""));
}
