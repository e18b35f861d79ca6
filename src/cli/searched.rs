//! `commitments searched`: record a search for news of a commitment.

use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit::{Edit, SearchedRequest};

use super::CliError;
use super::args::{EditArgs, parse_date};

/// Record that you looked for news of a commitment, found or not: sets its
/// `[commitment.searched]` to DATE and what you looked for. A search that
/// found news also needs `commitments update`. With the rule `not-searched`
/// on, every open commitment needs a search dated on or after `reviewed`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The commitment's id.
    id: String,
    /// What was looked for, where, and what was not found.
    #[arg(long = "for", value_name = "TEXT")]
    what: String,
    /// When, as YYYY-MM-DD [default: the --as-of date, that is today].
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    #[command(flatten)]
    edit: EditArgs,
}

pub(crate) fn run(args: Args, today: NaiveDate) -> Result<ExitCode, CliError> {
    let date = args.date.unwrap_or_else(|| args.edit.as_of.or(today));
    let request = SearchedRequest {
        id: args.id,
        date,
        what: args.what,
    };
    super::edit::run(&args.edit, today, Edit::Searched(request))
}
