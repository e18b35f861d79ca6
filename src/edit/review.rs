//! [`review`]: a proposed text checked with the full rule set, and the
//! findings it would add; and the diff `--dry-run` prints.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::check::{Levels, check};
use crate::finding::{Finding, Severity};
use crate::load::Loaded;

/// The result of checking a proposed edit.
#[derive(Debug)]
pub struct Review {
    /// The proposed text, loaded.
    pub proposed: Loaded,
    /// Findings of the proposal, at their levels.
    pub findings: Vec<Finding>,
    /// Errors the edit would add (not present before it).
    pub added_errors: Vec<Finding>,
    /// Warnings the edit would add.
    pub added_warnings: Vec<Finding>,
}

/// Checks the proposed text with the full rule set, and lists the errors and
/// warnings the edit would add to those the ledger already has.
pub fn review(
    original: &Loaded,
    proposed_text: &str,
    name: &str,
    base_dir: Option<&std::path::Path>,
    as_of: NaiveDate,
) -> Review {
    let before = check(original, &Levels::of(original), as_of);
    let mut proposed = crate::load::load_bytes(name, proposed_text.as_bytes(), base_dir);
    if let Some(neighbours) = &original.workspace {
        crate::workspace::adopt(&mut proposed, neighbours);
    }
    let findings = check(&proposed, &Levels::of(&proposed), as_of);
    // Findings are compared as a multiset of (rule, message, text under
    // the finding): a second copy of an existing error is a new error.
    let key = |loaded: &Loaded, f: &Finding| {
        (
            f.rule.code,
            f.message.clone(),
            loaded
                .files
                .snippet(f.primary.file, f.primary.span)
                .to_owned(),
        )
    };
    let added = |severity: Severity| -> Vec<Finding> {
        let mut existing: HashMap<_, usize> = HashMap::new();
        for f in before.iter().filter(|f| f.severity == severity) {
            *existing.entry(key(original, f)).or_default() += 1;
        }
        findings
            .iter()
            .filter(|f| f.severity == severity)
            .filter(|f| match existing.get_mut(&key(&proposed, f)) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            })
            .cloned()
            .collect()
    };
    let added_errors = added(Severity::Error);
    let added_warnings = added(Severity::Warning);
    Review {
        proposed,
        findings,
        added_errors,
        added_warnings,
    }
}

/// A unified diff of an edit, for `--dry-run`.
pub fn unified_diff(old: &str, new: &str, name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
