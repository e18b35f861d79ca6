//! `commitments review`: say how far the ledger's statuses are reviewed.

use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit::Edit;

use super::CliError;
use super::args::{EditArgs, parse_date};

/// Move `[ledger] reviewed` to DATE: the day up to which every status was
/// checked against the news. `check`, `report` and the tests measure
/// staleness at it; the edit is checked like every other.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The date, as YYYY-MM-DD [default: the --as-of date, that is today].
    #[arg(value_parser = parse_date)]
    date: Option<NaiveDate>,
    #[command(flatten)]
    edit: EditArgs,
}

pub(crate) fn run(args: Args, today: NaiveDate) -> Result<ExitCode, CliError> {
    let date = args.date.unwrap_or_else(|| args.edit.as_of.or(today));
    super::edit::run(&args.edit, today, Edit::Reviewed(date))
}
