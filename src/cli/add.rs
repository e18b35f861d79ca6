//! `commitments add`: a new commitment.

use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit::{AddRequest, Edit};
use commitments::model::{Kind, Precision};

use super::CliError;
use super::args::{EditArgs, parse_date, parse_kind, parse_precision};

/// Add a commitment (with status `announced`).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Its id, in kebab-case.
    id: String,
    /// A short title.
    #[arg(long)]
    title: String,
    /// Every party involved: party ids separated by commas.
    #[arg(long, value_delimiter = ',', required = true)]
    parties: Vec<String>,
    /// The parties that made the commitment, if not all of --parties.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    by: Option<Vec<String>>,
    /// For a request: the parties that --by asked to act.
    #[arg(long, value_delimiter = ',', value_name = "IDS", requires = "by")]
    asks: Option<Vec<String>>,
    /// deliverable (done once) or ongoing (kept up).
    #[arg(long, value_parser = parse_kind)]
    kind: Kind,
    /// When it was made, as YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    made: NaiveDate,
    /// The deadline, as YYYY-MM-DD; say where it comes from with
    /// --due-quote or --due-estimate.
    #[arg(long, value_parser = parse_date)]
    due: Option<NaiveDate>,
    /// The passage of --source that states the deadline.
    #[arg(
        long,
        value_name = "TEXT",
        requires = "due",
        conflicts_with = "due_estimate"
    )]
    due_quote: Option<String>,
    /// Why the deadline is the editors' estimate, when no source states it.
    #[arg(long, value_name = "TEXT", requires = "due")]
    due_estimate: Option<String>,
    /// month or year, when the source gives no day: --due is then the last
    /// day of that month or year (2029-12-31).
    #[arg(long, value_name = "PRECISION", value_parser = parse_precision, requires = "due")]
    due_precision: Option<Precision>,
    /// The policy area.
    #[arg(long)]
    area: Option<String>,
    /// The umbrella commitment: an id, or LEDGER-ID:COMMITMENT-ID of another
    /// ledger of the workspace.
    #[arg(long)]
    parent: Option<String>,
    /// A commitment this one continues, renews or fulfils: an id, or
    /// LEDGER-ID:COMMITMENT-ID of another ledger of the workspace
    /// (repeatable).
    #[arg(long, value_name = "ID")]
    related: Vec<String>,
    /// The source it is quoted from.
    #[arg(long, value_name = "SOURCE_ID")]
    source: String,
    /// The verbatim quote that makes it a commitment.
    #[arg(long)]
    quote: String,
    /// Insert after this commitment instead of after the last one.
    #[arg(long, value_name = "ID")]
    after: Option<String>,
    #[command(flatten)]
    edit: EditArgs,
}

pub(crate) fn run(args: Args, today: NaiveDate) -> Result<ExitCode, CliError> {
    let request = AddRequest {
        id: args.id,
        title: args.title,
        parties: args.parties,
        by: args.by,
        asks: args.asks,
        kind: args.kind,
        made: args.made,
        due: args.due,
        due_quote: args.due_quote,
        due_estimate: args.due_estimate,
        due_precision: args.due_precision,
        area: args.area,
        parent: args.parent,
        related: args.related,
        source: args.source,
        quote: args.quote,
        after: args.after,
    };
    super::edit::run(&args.edit, today, Edit::Add(request))
}
