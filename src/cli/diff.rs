//! `commitments diff`: what changed between two versions of a ledger.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use commitments::diff;

use super::CliError;
use super::args::LedgerFlag;
use super::printing::print;

/// Show what changed between two versions of a ledger, for review.
///
/// Always exits 0 when both ledgers load, whether or not anything changed.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The old version, such as `git show origin/main:commitments.toml > base.toml`.
    old: PathBuf,
    /// The new version [default: the --ledger, or commitments.toml].
    #[arg(conflicts_with = "ledger")]
    new: Option<PathBuf>,
    #[command(flatten)]
    ledger: LedgerFlag,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// A Markdown list, for a pull-request summary.
    Markdown,
    /// JSON, for tools.
    Json,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, CliError> {
    let new = super::ledger_file::ledger_or_default(args.new.or(args.ledger.ledger));
    let mut ledgers = Vec::new();
    for path in [&args.old, &new] {
        let loaded = super::ledger_file::load(path)?;
        let blocking = loaded.blocking_findings();
        match (loaded.ledger, blocking.is_empty()) {
            (Some(ledger), true) => ledgers.push(ledger),
            _ => {
                super::printing::print_findings(&loaded.files, &blocking);
                return Err(CliError::Refused(format!(
                    "cannot compare: `{}` does not load",
                    path.display()
                )));
            }
        }
    }
    let changes = diff::diff(&ledgers[0], &ledgers[1]);
    print(&match args.format {
        Format::Markdown => diff::to_markdown(&changes),
        Format::Json => diff::to_json(&changes),
    })
}
