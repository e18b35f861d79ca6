//! `commitments report`: where every commitment stands on a date.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ValueEnum;

use commitments::check::Levels;
use commitments::report::{self, ReportError};

use super::args::{AsOf, LedgerFlag};
use super::{CliError, print};

/// Write a progress report of a ledger at a date.
///
/// Exits 1 with the diagnostics when the ledger has syntax or schema
/// errors; other findings are listed in the report.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ledger to report on [default: commitments.toml].
    #[arg(value_name = "LEDGER", conflicts_with = "ledger")]
    positional: Option<PathBuf>,
    #[command(flatten)]
    ledger: LedgerFlag,
    #[command(flatten)]
    as_of: AsOf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// GitHub-flavoured Markdown, for a job summary.
    Markdown,
    /// Versioned JSON, for tools.
    Json,
    /// One row per commitment, for spreadsheets.
    Csv,
    /// A self-contained page with a timeline.
    Html,
}

pub(crate) fn run(args: Args, today: NaiveDate) -> Result<ExitCode, CliError> {
    let path = super::ledger_or_default(args.positional.or(args.ledger.ledger));
    let loaded = super::load(&path)?;
    let report = match report::build(&loaded, &Levels::of(&loaded), args.as_of.or(today)) {
        Ok(report) => report,
        Err(ReportError::NotLoaded(findings)) => {
            super::print_findings(&loaded.files, &findings);
            return Err(CliError::Refused(
                "no report: the ledger does not load".to_owned(),
            ));
        }
    };
    let text = match args.format {
        Format::Markdown => report::to_markdown(&report),
        Format::Json => report::to_json(&report),
        Format::Csv => report::to_csv(&report),
        Format::Html => report::to_html(&report),
    };
    match args.output {
        Some(file) => match commitments::output::write_atomic(&file, text.as_bytes()) {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(error) => Err(CliError::Usage(format!(
                "cannot write `{}`: {error}",
                file.display()
            ))),
        },
        None => print(&text),
    }
}
