//! Which ledger a command reads, and reading it.

use std::path::PathBuf;

use super::CliError;
use super::args;

/// Loads a ledger; a path that cannot be read is exit 2.
pub(crate) fn load(path: &std::path::Path) -> Result<commitments::load::Loaded, CliError> {
    commitments::load::load_path(path).map_err(|error| CliError::Usage(error.to_string()))
}

/// The ledger path: `--ledger`, else the positional one, else the default.
pub(crate) fn ledger_or_default(path: Option<PathBuf>) -> PathBuf {
    path.unwrap_or_else(|| PathBuf::from(args::DEFAULT_LEDGER))
}

/// One check of a loaded ledger at `as_of`, whose view and findings a
/// command's output is made from. A ledger that does not load is refused
/// with its diagnostics: "no {what}: the ledger does not load".
pub(crate) fn check_at(
    loaded: commitments::load::Loaded,
    as_of: chrono::NaiveDate,
    what: &str,
) -> Result<commitments::check::Checked, CliError> {
    let levels = commitments::check::Levels::of(&loaded);
    commitments::check::Checked::new(loaded, &levels, as_of).map_err(|loaded| {
        super::printing::print_findings(&loaded.files, &loaded.blocking_findings());
        CliError::Refused(format!("no {what}: the ledger does not load"))
    })
}
