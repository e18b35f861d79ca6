//! `commitments schema`: the JSON Schema of the ledger format.

use std::process::ExitCode;

use super::CliError;
use super::printing::print;

/// Print the JSON Schema of the ledger format, for editors.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_args: Args) -> Result<ExitCode, CliError> {
    print(&commitments::json_schema::json_schema())
}
