//! `commitments schema`: the JSON Schema of the ledger format, or of the
//! JSON report.

use std::process::ExitCode;

use super::CliError;
use super::printing::print;

/// Print the JSON Schema of the ledger format, for editors, or with
/// `--report` that of the JSON report (`report --format json`, the site's
/// ledger.json).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The schema of the JSON report, not of the ledger.
    #[arg(long)]
    report: bool,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, CliError> {
    if args.report {
        print(&commitments::report::json_schema())
    } else {
        print(&commitments::json_schema::json_schema())
    }
}
