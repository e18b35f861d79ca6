//! `commitments source add`: a new source.

use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit::{Edit, SourceRequest};

use super::CliError;
use super::args::{EditArgs, parse_date};

/// Manage sources.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Add a source.
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct AddArgs {
    /// Its id, in kebab-case.
    id: String,
    /// The document's title.
    #[arg(long)]
    title: String,
    /// When it was published, as YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    published: NaiveDate,
    /// Who published it.
    #[arg(long)]
    publisher: Option<String>,
    /// A local copy, relative to the ledger's folder (quotes are verified against it).
    #[arg(long, required_unless_present = "url")]
    file: Option<String>,
    /// Where it can be read online.
    #[arg(long)]
    url: Option<String>,
    #[command(flatten)]
    edit: EditArgs,
}

pub(crate) fn run(command: Command, today: NaiveDate) -> Result<ExitCode, CliError> {
    let Command::Add(args) = command;
    let request = SourceRequest {
        id: args.id,
        title: args.title,
        published: args.published,
        publisher: args.publisher,
        file: args.file,
        url: args.url,
    };
    super::edit::run(&args.edit, today, Edit::Source(request))
}
