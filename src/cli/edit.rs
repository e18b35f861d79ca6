//! Running an editing command: the library's edit transaction, and what
//! the user is told about it.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit::{self, Edit, EditError, EditOptions};
use commitments::render;
use commitments::text::plural;

use super::CliError;
use super::args::EditArgs;
use super::printing::print;

/// Applies `edit`, then reports it: the diff with `--dry-run`, else what
/// was written and any warning the edit adds.
pub(crate) fn run(args: &EditArgs, today: NaiveDate, edit: Edit) -> Result<ExitCode, CliError> {
    let path = super::ledger_file::ledger_or_default(args.ledger.ledger.clone());
    let options = EditOptions {
        as_of: args.as_of.or(today),
        dry_run: args.dry_run,
        wait: args.wait,
    };
    let applied = edit::apply(&path, &options, &edit).map_err(refusal)?;
    let warnings = &applied.review.added_warnings;
    if !warnings.is_empty() {
        let shown = render::findings_string(&applied.review.proposed.files, warnings);
        let _ = std::io::stderr().write_all(shown.as_bytes());
    }
    if !applied.written {
        return print(&edit::unified_diff(
            &applied.original,
            &applied.proposed,
            &path.display().to_string(),
        ));
    }
    let new_warnings = if warnings.is_empty() {
        String::new()
    } else {
        format!(
            ", and {} (above)",
            plural(warnings.len(), "new warning", "new warnings")
        )
    };
    eprintln!(
        "edited {}; it checks with no new errors{new_warnings}",
        commitments::text::visible(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// The error to exit with; findings behind it are printed first.
fn refusal(error: EditError) -> CliError {
    let message = error.to_string();
    match error {
        EditError::Read(_)
        | EditError::UnknownName(_)
        | EditError::BadEvidence(_)
        | EditError::Write { .. } => CliError::Usage(message),
        EditError::NotLoaded { loaded, findings } => {
            super::printing::print_findings(&loaded.files, &findings);
            CliError::Refused(message)
        }
        EditError::AddsErrors(review) => {
            super::printing::print_findings(&review.proposed.files, &review.added_errors);
            CliError::Refused(message)
        }
        EditError::Refused(_)
        | EditError::Changed(_)
        | EditError::Lock(_)
        | EditError::WouldAlter(_) => CliError::Refused(message),
    }
}
