//! The README runs as written: the walk-through from `new` to `report`, the
//! daily loop step by step, and every example of a command's output.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{BIN, ROOT, frozen_dir};

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
        // The frozen ledger's folder holds the same `sources/` as a clone.
        .env("COMMITMENTS_REPO", frozen_dir())
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

/// A copy of the frozen ledger and its sources in a new folder.
fn frozen_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&frozen_dir(), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The edits that the README's output examples name after `| edit:`.
fn apply_edit(name: &str, ledger: &Path) {
    let text = std::fs::read_to_string(ledger).unwrap();
    let edited = match name {
        "fta-upgrade-kept" => {
            let old = "status = \"in_progress\"\nsource = { ref = \"xinhua-2024-06-28\", quote = \"The two sides announced";
            assert_eq!(text.matches(old).count(), 1, "fta-upgrade's status line");
            text.replacen(old, &old.replacen("in_progress", "kept", 1), 1)
        }
        other => panic!("README.md names an unknown edit `{other}`"),
    };
    std::fs::write(ledger, edited).unwrap();
}

/// Every block after `<!-- output: ARGS [| edit: NAME] -->` in the README is
/// what `commitments ARGS` prints on the frozen ledger (after the edit
/// NAME): each part between `...` lines is in the output, in order.
#[test]
fn every_output_example_in_the_readme_is_what_the_command_prints() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let mut examples = 0;
    for (at, _) in readme.match_indices("<!-- output: ") {
        let rest = &readme[at + "<!-- output: ".len()..];
        let (spec, rest) = rest
            .split_once(" -->\n")
            .expect("the comment ends the line");
        let (args, edit) = match spec.split_once(" | edit: ") {
            Some((args, edit)) => (args, Some(edit)),
            None => (spec, None),
        };
        let rest = rest
            .strip_prefix("```")
            .expect("a code block follows the comment");
        let body = rest.split_once('\n').unwrap().1;
        let block = body.split("\n```\n").next().unwrap();
        let dir = frozen_copy();
        if let Some(edit) = edit {
            apply_edit(edit, &dir.path().join("commitments.toml"));
        }
        let output = Command::new(BIN)
            .args(args.split_whitespace())
            .current_dir(dir.path())
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        let printed = String::from_utf8(output.stdout).unwrap();
        let mut from = 0;
        for part in block.split("\n...\n") {
            match printed[from..].find(part) {
                Some(found) => from += found + part.len(),
                None => panic!(
                    "README.md: the example of `commitments {spec}` is not what it prints.\n\
                     This part is not in the output (after what matched before it):\n{part}\n\n\
                     The output:\n{printed}"
                ),
            }
        }
        examples += 1;
    }
    assert!(examples >= 3, "only {examples} output examples found");
}

/// Runs one line of the README's daily loop in `dir`, with `commitments`
/// the binary under test and `cargo test` this test binary's live-ledger
/// suite pointed at `dir`.
fn run_loop_line(line: &str, dir: &Path) -> Output {
    let prelude = format!(
        "commitments() {{ '{BIN}' \"$@\"; }}\n\
         cargo() {{ if [ \"$*\" != test ]; then echo \"unexpected: cargo $*\" >&2; return 99; fi; \
         '{}' ledger:: ; }}\n",
        std::env::current_exe().unwrap().display()
    );
    Command::new("bash")
        .arg("-c")
        .arg(format!("{prelude}{line}"))
        .current_dir(dir)
        .env("COMMITMENTS_LEDGER_DIR", dir)
        // The loop's own words decide whether reports are accepted.
        .env_remove("INSTA_UPDATE")
        .env_remove("CI")
        .env_remove("INSTA_FORCE_PASS")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Editor")
        .env("GIT_AUTHOR_EMAIL", "editor@example.org")
        .env("GIT_COMMITTER_NAME", "Editor")
        .env("GIT_COMMITTER_EMAIL", "editor@example.org")
        .output()
        .unwrap()
}

/// The README's daily loop, run line by line on a git repository holding a
/// copy of the frozen ledger and its accepted report snapshots.
#[test]
fn the_daily_loop_runs_as_written() {
    let dir = frozen_copy();
    let setup = [
        "INSTA_UPDATE=always cargo test",
        "cargo test",
        "git init -q -b main && git add -A && git commit -qm ledger",
    ];
    for line in setup {
        let output = run_loop_line(line, dir.path());
        assert!(output.status.success(), "setup `{line}`: {}", text(&output));
    }
    // A comment alone changes no report: the suite stays green.
    let ledger = dir.path().join("commitments.toml");
    let original = std::fs::read_to_string(&ledger).unwrap();
    let commented = original.replacen(
        "\n[ledger]\n",
        "\n# A note for the editors.\n\n[ledger]\n",
        1,
    );
    let commented = commented.replacen(
        "\n[[commitment]]\n",
        "\n# Section 1.\n# (two lines)\n[[commitment]]\n",
        1,
    );
    std::fs::write(&ledger, commented).unwrap();
    let output = run_loop_line("cargo test", dir.path());
    assert!(
        output.status.success(),
        "a comment broke cargo test: {}",
        text(&output)
    );
    std::fs::write(&ledger, original).unwrap();

    let script = shell_block("### The daily loop, step by step").replace("\\\n", " ");
    let lines: Vec<&str> = script
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let mut cargo_tests = 0;
    for line in &lines {
        let output = run_loop_line(line, dir.path());
        let shown = text(&output);
        if *line == "cargo test" && cargo_tests == 0 {
            // After the edit: only the report snapshots fail, with their
            // diff and the line that accepts them.
            assert!(
                !output.status.success(),
                "`cargo test` passed after the news: {shown}"
            );
            assert!(
                shown.contains("test result: FAILED. 5 passed; 1 failed"),
                "{shown}"
            );
            assert!(
                shown.contains(
                    "test ledger::the_live_ledger_reports_at_its_reviewed_date ... FAILED"
                ),
                "{shown}"
            );
            assert!(
                shown.contains("-As of **2025-11-30** · statuses reviewed up to **2025-11-30**"),
                "{shown}"
            );
            assert!(
                shown.contains("+As of **2025-12-03** · statuses reviewed up to **2025-12-03**"),
                "{shown}"
            );
            assert!(shown.contains(crate::ledger::ACCEPT), "{shown}");
        } else {
            assert!(output.status.success(), "`{line}` failed: {shown}");
        }
        if line.ends_with("cargo test") {
            cargo_tests += 1;
        }
    }
    assert_eq!(cargo_tests, 3, "the loop runs cargo test three times");
    let git = |args: &[&str]| {
        let output = run_loop_line(&format!("git {}", args.join(" ")), dir.path());
        assert!(output.status.success(), "{}", text(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(
        git(&["status", "--porcelain"]),
        "",
        "everything is committed, nothing is left over"
    );
    assert_eq!(
        git(&["show", "--name-only", "--format=", "HEAD"]),
        "commitments.toml\nsnapshots/ledger/report.json.snap\nsnapshots/ledger/report.md.snap\n"
    );
    let ledger = std::fs::read_to_string(dir.path().join("commitments.toml")).unwrap();
    assert!(ledger.contains("reviewed = 2025-12-03"), "{ledger}");
    assert!(ledger.contains("date = 2025-12-03"), "{ledger}");
}

fn text(output: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
