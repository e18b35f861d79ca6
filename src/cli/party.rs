//! `commitments party add`: a new party.

use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit::{Edit, PartyRequest};

use super::CliError;
use super::args::EditArgs;

/// Manage parties.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Add a party.
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct AddArgs {
    /// Its id, in kebab-case, such as `cn`.
    id: String,
    /// Its full name.
    #[arg(long)]
    name: String,
    #[command(flatten)]
    edit: EditArgs,
}

pub(crate) fn run(command: Command, today: NaiveDate) -> Result<ExitCode, CliError> {
    let Command::Add(args) = command;
    let request = PartyRequest {
        id: args.id,
        name: args.name,
    };
    super::edit::run(&args.edit, today, Edit::Party(request))
}
