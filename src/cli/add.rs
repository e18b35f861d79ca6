//! `commitments add`: a new commitment.

use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit::{AddRequest, Edit};
use commitments::model::Kind;

use super::CliError;
use super::args::{EditArgs, parse_date, parse_kind};

/// Add a commitment (with status `announced`).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Its id, in kebab-case.
    id: String,
    /// A short title.
    #[arg(long)]
    title: String,
    /// Who committed: party ids separated by commas.
    #[arg(long, value_delimiter = ',', required = true)]
    parties: Vec<String>,
    /// deliverable (done once) or ongoing (kept up).
    #[arg(long, value_parser = parse_kind)]
    kind: Kind,
    /// When it was made, as YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    made: NaiveDate,
    /// The deadline, as YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    due: Option<NaiveDate>,
    /// The policy area.
    #[arg(long)]
    area: Option<String>,
    /// The umbrella commitment.
    #[arg(long)]
    parent: Option<String>,
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
        kind: args.kind,
        made: args.made,
        due: args.due,
        area: args.area,
        parent: args.parent,
        source: args.source,
        quote: args.quote,
        after: args.after,
    };
    super::edit::run(&args.edit, today, Edit::Add(request))
}
