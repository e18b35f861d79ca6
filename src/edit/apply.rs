//! The edit transaction: read → plan → review → write, shared by every
//! editing command (and by anything else that edits a ledger, such as a
//! language server).

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;

use crate::atomic_write::WriteError;
use crate::finding::{Finding, LEDGER_FILE};
use crate::load::{Loaded, load_bytes, load_path};

use super::request::{Edit, EditError};
use super::review::{Review, review};
use super::verify::only_touches;

/// How to apply an edit.
#[derive(Debug, Clone)]
pub struct EditOptions {
    /// The date the edited ledger is checked at.
    pub as_of: NaiveDate,
    /// Plan and review the edit, but write nothing.
    pub dry_run: bool,
    /// How long to wait for another editor of the same ledger.
    pub wait: Duration,
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

/// Makes `edit` in the ledger at `path`, as one transaction:
///
/// 1. follow a symbolic link to the ledger itself, and lock it, so that
///    concurrent editors take turns and each reads what the last one wrote;
/// 2. read it; refuse it if it does not load;
/// 3. plan the new text (on LF line ends without a byte-order mark; both
///    are restored afterwards, so the file keeps its own);
/// 4. check that, as TOML values, nothing changed but what the edit names;
/// 5. check it with every rule, and refuse it if that adds an error;
/// 6. write it atomically, keeping the file's mode and owner, if nothing
///    else changed the file meanwhile; then release the lock.
pub fn apply(path: &Path, options: &EditOptions, edit: &Edit) -> Result<Applied, EditError> {
    let target = crate::atomic_write::resolve_links(path).map_err(|source| EditError::Write {
        path: path.to_owned(),
        source,
    })?;
    // A path that is missing, a folder or too large is reported by the
    // loader, as for every command; only a regular file is locked.
    let _lock = match std::fs::metadata(&target) {
        Ok(metadata) if metadata.is_file() => Some(super::lock::lock(&target, options.wait)?),
        _ => None,
    };
    // In a workspace, its references to the other ledgers resolve.
    let original = match crate::workspace::load_member(&target) {
        Some(member) => member,
        None => load_path(&target).map_err(EditError::Read)?,
    };
    let base = target.parent().map(Path::to_owned).unwrap_or_default();
    let name = path.display().to_string();
    let mut applied = propose(original, edit, &name, Some(&base), options.as_of)?;
    if !options.dry_run {
        write(&target, &applied.original, &applied.proposed)?;
        applied.written = true;
    }
    Ok(applied)
}

/// Steps 2 to 5 of [`apply`], on a loaded ledger and without touching any
/// file: the proposed text and its review (not written), or why the edit is
/// refused.
pub fn propose(
    original: Loaded,
    edit: &Edit,
    name: &str,
    base: Option<&Path>,
    as_of: NaiveDate,
) -> Result<Applied, EditError> {
    let blocking: Vec<Finding> = original.blocking_findings();
    if original.ledger.is_none() || !blocking.is_empty() {
        return Err(EditError::NotLoaded {
            loaded: Box::new(original),
            findings: blocking,
        });
    }
    let text = original.files.text(LEDGER_FILE).to_owned();
    let layout = Layout::of(&text);
    let plain = layout.strip(&text);
    // The plan works on the plain text, with spans of the plain text: the
    // ledger as loaded when the file is plain already (no byte-order mark,
    // no CRLF), so that an edit loads it once.
    let reloaded;
    let plain_ledger = if plain == text {
        original.ledger.as_ref()
    } else {
        reloaded = load_bytes(name, plain.as_bytes(), None);
        reloaded.ledger.as_ref()
    };
    let Some(plain_ledger) = plain_ledger else {
        return Err(EditError::NotLoaded {
            loaded: Box::new(original),
            findings: blocking,
        });
    };
    let proposed_plain = edit.plan(&plain, plain_ledger)?;
    only_touches(&plain, &proposed_plain, edit).map_err(EditError::WouldAlter)?;
    let proposed = layout.restore(&proposed_plain);
    let mut review = review(
        &original,
        &proposed,
        &format!("{name} (as edited)"),
        base,
        as_of,
    );
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
    Ok(Applied {
        original: text,
        proposed,
        review,
        written: false,
    })
}

/// How a ledger's bytes are laid out beyond its TOML: a byte-order mark,
/// and CRLF line ends. Edits are planned without them and get them back.
struct Layout {
    bom: bool,
    crlf: bool,
}

impl Layout {
    fn of(text: &str) -> Self {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let newlines = body.matches('\n').count();
        Layout {
            bom: body.len() != text.len(),
            // Only a file whose every line ends in CRLF is converted; a
            // mixed one is left as it is.
            crlf: newlines > 0 && body.matches("\r\n").count() == newlines,
        }
    }

    fn strip(&self, text: &str) -> String {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if self.crlf {
            body.replace("\r\n", "\n")
        } else {
            body.to_owned()
        }
    }

    fn restore(&self, plain: &str) -> String {
        let body = if self.crlf {
            plain.replace('\n', "\r\n")
        } else {
            plain.to_owned()
        };
        if self.bom {
            format!("\u{feff}{body}")
        } else {
            body
        }
    }
}

/// Swaps a finding's TOML advice for its rule's command-line advice.
fn use_edit_help(finding: &mut Finding) {
    if let Some(help) = finding.rule.edit_help {
        finding.notes.retain(|note| !note.starts_with("help: "));
        finding.notes.push(format!("help: {help}"));
    }
}

fn write(path: &Path, original: &str, proposed: &str) -> Result<(), EditError> {
    crate::atomic_write::replace_if_unchanged(path, original.as_bytes(), proposed.as_bytes())
        .map_err(|error| match error {
            WriteError::Changed => EditError::Changed(path.to_owned()),
            WriteError::Io(source) => EditError::Write {
                path: path.to_owned(),
                source,
            },
        })
}
