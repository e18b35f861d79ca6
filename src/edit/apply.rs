//! The edit transaction: read → plan → review → write, shared by every
//! editing command (and by anything else that edits a ledger, such as a
//! language server).

use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostic::{Finding, LEDGER_FILE};
use crate::load::load_path;
use crate::model::Ledger;
use crate::output::WriteError;

use super::{EditError, Review, review};

/// How to apply an edit.
#[derive(Debug, Clone)]
pub struct EditOptions {
    /// The date the edited ledger is checked at.
    pub as_of: NaiveDate,
    /// Plan and review the edit, but write nothing.
    pub dry_run: bool,
}

/// An edit that was accepted (and, unless it was a dry run, written).
#[derive(Debug)]
pub struct Applied {
    /// The ledger's text before the edit.
    pub original: String,
    /// Its text after the edit.
    pub proposed: String,
    /// The review of the proposed text; its `added_warnings` are worth showing.
    pub review: Review,
    /// Whether the file was written.
    pub written: bool,
}

/// Plans an edit of the ledger at `path` with `plan`, checks the proposed
/// text with every rule, and writes it atomically if it adds no error and
/// the file did not change meanwhile.
pub fn apply(
    path: &Path,
    options: &EditOptions,
    plan: impl FnOnce(&str, &Ledger) -> Result<String, EditError>,
) -> Result<Applied, EditError> {
    let original = load_path(path).map_err(EditError::Read)?;
    let blocking: Vec<Finding> = original.blocking_findings();
    let Some(ledger) = original.ledger.as_ref().filter(|_| blocking.is_empty()) else {
        return Err(EditError::NotLoaded {
            loaded: Box::new(original),
            findings: blocking,
        });
    };
    let text = original.files.text(LEDGER_FILE).to_owned();
    let proposed = plan(&text, ledger)?;
    let name = format!("{} (as edited)", path.display());
    let base = path.parent().map(Path::to_owned).unwrap_or_default();
    let mut review = review(&original, &proposed, &name, Some(&base), options.as_of);
    for finding in review
        .added_errors
        .iter_mut()
        .chain(review.added_warnings.iter_mut())
    {
        use_edit_help(finding);
    }
    if !review.added_errors.is_empty() {
        return Err(EditError::AddsErrors(Box::new(review)));
    }
    if !options.dry_run {
        write(path, &text, &proposed)?;
    }
    Ok(Applied {
        original: text,
        proposed,
        review,
        written: !options.dry_run,
    })
}

/// Swaps a finding's TOML advice for its rule's command-line advice.
fn use_edit_help(finding: &mut Finding) {
    if let Some(help) = finding.rule.edit_help {
        finding.notes.retain(|note| !note.starts_with("help: "));
        finding.notes.push(format!("help: {help}"));
    }
}

fn write(path: &Path, original: &str, proposed: &str) -> Result<(), EditError> {
    crate::output::replace_if_unchanged(path, original.as_bytes(), proposed.as_bytes()).map_err(
        |error| match error {
            WriteError::Changed => EditError::Changed(path.to_owned()),
            WriteError::Io(source) => EditError::Write {
                path: path.to_owned(),
                source,
            },
        },
    )
}
