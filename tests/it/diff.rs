//! `commitments diff`: what changed between two versions of a ledger.

use std::process::Command;

use crate::common::snapshot_settings;

use crate::common::BIN;

fn diff(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(BIN)
        .arg("diff")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const OLD: &str = "tests/fixtures/diff/old.toml";
const NEW: &str = "tests/fixtures/diff/new.toml";

#[test]
fn lists_every_kind_of_change() {
    let (code, markdown, _) = diff(&[OLD, NEW]);
    assert_eq!(code, 0);
    assert!(
        markdown.contains("- `new-one` A commitment found in a second article"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- `broken-one` Commitment broken-one"),
        "{markdown}"
    );
    assert!(
        markdown.contains("status: 🚧 in progress → ✅ kept"),
        "{markdown}"
    );
    assert!(
        markdown.contains("update 2025-06-15, ✅ kept: The port opened."),
        "{markdown}"
    );
    assert!(
        markdown.contains("[Port opens](https://example.org/opening): “the port opened today”"),
        "{markdown}"
    );
    assert!(
        markdown.contains("due: 2025-12-31 → 2026-06-30"),
        "{markdown}"
    );
    assert!(
        markdown.contains("title: “Commitment active-one” → “Commitment active-one, reworded”")
    );
    assert!(markdown.contains("quote: “stalled-one” → “stalled-one, quoted more fully”"));
    let (code, json, _) = diff(&[OLD, NEW, "--format", "json"]);
    assert_eq!(code, 0);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("diff.md", markdown);
        insta::assert_snapshot!("diff.json", json);
    });
}

#[test]
fn no_change_is_said_and_exits_zero() {
    let (code, markdown, _) = diff(&[OLD, OLD]);
    assert_eq!(
        (code, markdown.as_str()),
        (
            0,
            "## Ledger changes\n\nNothing changed: no commitment, party or source.\n"
        )
    );
}

#[test]
fn the_real_ledger_against_itself_reversed() {
    // Reversing old and new turns additions into removals.
    let (_, forward, _) = diff(&[OLD, NEW, "--format", "json"]);
    let (_, backward, _) = diff(&[NEW, OLD, "--format", "json"]);
    let forward: serde_json::Value = serde_json::from_str(&forward).unwrap();
    let backward: serde_json::Value = serde_json::from_str(&backward).unwrap();
    assert_eq!(forward["added"], backward["removed"]);
    assert_eq!(forward["removed"], backward["added"]);
}

#[test]
fn a_ledger_that_does_not_load_is_an_error() {
    let (code, stdout, stderr) = diff(&[OLD, "tests/fixtures/rules/syntax/trigger.toml"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("error[C001]") && stderr.contains("does not load"),
        "{stderr}"
    );
    let (code, _, stderr) = diff(&[OLD, "no-such.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such.toml"), "{stderr}");
}

/// Found by the `bytes` fuzz target: a ledger with a duplicated id compared
/// with itself showed a change.
#[test]
fn a_ledger_with_a_duplicate_id_matches_itself() {
    let fixture = "tests/fixtures/rules/duplicate-id/trigger.toml";
    let (code, markdown, _) = diff(&[fixture, fixture]);
    assert_eq!(
        (code, markdown.as_str()),
        (
            0,
            "## Ledger changes\n\nNothing changed: no commitment, party or source.\n"
        )
    );
}

/// Changes the old diff missed ("No commitment changed"): an evidence URL
/// replaced, a party renamed, a source's publisher, a commitment's area.
#[test]
fn names_changes_to_evidence_fields_parties_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let old = std::fs::read_to_string(crate::common::frozen_ledger()).unwrap();
    let new = old
        .replace(
            "https://espanol.ccccltd.cn/xwzx/ywfb/202511/t20251121_223948.html",
            "https://example.org/replaced",
        )
        .replace("name = \"Republic of Peru\"", "name = \"Peru\"")
        .replacen(
            "publisher = \"Xinhua\"",
            "publisher = \"Xinhua News Agency\"",
            1,
        )
        .replacen("area = \"trade\"", "area = \"commerce\"", 1);
    std::fs::write(dir.path().join("old.toml"), &old).unwrap();
    std::fs::write(dir.path().join("new.toml"), &new).unwrap();
    let (old, new) = (dir.path().join("old.toml"), dir.path().join("new.toml"));
    let (code, markdown, stderr) = diff(&[old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    for expected in [
        "0 added, 0 removed, 2 changed.",
        "  - area: “trade” → “commerce”",
        "  - update 2025-11-21 (kept) evidence: “https://espanol.ccccltd.cn/",
        "” → “https://example.org/replaced 2025-11-21: “ha manejado",
        "### Parties\n\n- `pe` changed\n  - name: “Republic of Peru” → “Peru”",
        "### Sources\n\n- `xinhua-2024-06-28` changed\n  - publisher: “Xinhua” → “Xinhua News Agency”",
    ] {
        assert!(markdown.contains(expected), "{expected}\n---\n{markdown}");
    }
    assert!(!markdown.contains("Nothing changed"), "{markdown}");
    // The same ledger twice: nothing.
    let (_, same, _) = diff(&[old.to_str().unwrap(), old.to_str().unwrap()]);
    assert!(
        same.contains("Nothing changed: no commitment, party or source."),
        "{same}"
    );
    // A comment or a blank line moves every span: still nothing.
    let moved = std::fs::read_to_string(&old).unwrap().replacen(
        "\n[ledger]\n",
        "\n# moved\n\n[ledger]\n",
        1,
    );
    std::fs::write(&new, moved).unwrap();
    let (_, moved, _) = diff(&[old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(moved.contains("Nothing changed"), "{moved}");
}
