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
