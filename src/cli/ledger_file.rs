//! Which ledger a command reads, and reading it.

use std::path::PathBuf;

use super::CliError;
use super::args;

/// Loads a ledger; a path that cannot be read is exit 2. A ledger that a
/// workspace above it lists resolves its references to the workspace's
/// other ledgers.
pub(crate) fn load(path: &std::path::Path) -> Result<commitments::load::Loaded, CliError> {
    if let Some(member) = commitments::workspace::load_member(path) {
        return Ok(member);
    }
    commitments::load::load_path(path).map_err(|error| CliError::Usage(error.to_string()))
}

/// The workspace file a command reads instead of one ledger: `--workspace`,
/// else, when no ledger is named, `commitments-workspace.toml` in the
/// current folder.
pub(crate) fn workspace_path(flag: Option<PathBuf>, ledger_named: bool) -> Option<PathBuf> {
    if flag.is_some() {
        return flag;
    }
    let here = PathBuf::from(commitments::model::WORKSPACE_FILE_NAME);
    (!ledger_named && here.is_file()).then_some(here)
}

/// Loads a workspace; a workspace file that cannot be read is exit 2.
pub(crate) fn load_workspace(
    path: &std::path::Path,
) -> Result<commitments::workspace::Workspace, CliError> {
    commitments::workspace::load(path).map_err(|error| CliError::Usage(error.to_string()))
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
