//! The command line: parses arguments and dispatches to one file per
//! command. Nothing here decides what a ledger means; that is the library's.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};
use commitments::text::visible_lines;

mod add;
mod args;
mod check;
mod diff;
mod edit;
mod explain;
mod ledger_file;
mod lsp;
mod new;
mod party;
mod printing;
mod report;
mod review;
mod rules;
mod schema;
mod searched;
mod site;
mod source;
mod update;

/// A checked ledger of what governments promise each other.
#[derive(Debug, Parser)]
#[command(name = "commitments", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(check::Args),
    Report(report::Args),
    Site(site::Args),
    Diff(diff::Args),
    Update(update::Args),
    Review(review::Args),
    Searched(searched::Args),
    Add(add::Args),
    #[command(subcommand)]
    Source(source::Command),
    #[command(subcommand)]
    Party(party::Command),
    New(new::Args),
    Schema(schema::Args),
    Rules(rules::Args),
    Explain(explain::Args),
    Lsp(lsp::Args),
}

/// Why a command failed, and so its exit status.
#[derive(Debug)]
pub(crate) enum CliError {
    /// The input was refused; what was wrong has been printed (exit 1).
    Refused(String),
    /// The command line is wrong, an input cannot be read, or the output
    /// cannot be written (exit 2).
    Usage(String),
}

impl CliError {
    fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Refused(_) => ExitCode::from(1),
            CliError::Usage(_) => ExitCode::from(2),
        }
    }

    pub(crate) fn message(&self) -> &str {
        match self {
            CliError::Refused(message) | CliError::Usage(message) => message,
        }
    }
}

/// Parses the command line, runs it, and prints any error.
pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let today = utc_today();
    let sub = matches
        .subcommand()
        .map_or(&matches, |(_, sub_matches)| sub_matches);
    match run(cli.command, sub, today) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {}", visible_lines(error.message()));
            error.exit_code()
        }
    }
}

/// The only clock read: "today" is an input everywhere else. The language
/// server, which runs for days, asks it again at every check.
fn utc_today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Runs one command. `matches` are the subcommand's own, for the flags
/// whose order matters (`--allow/--warn/--deny`, evidence).
fn run(command: Command, matches: &ArgMatches, today: NaiveDate) -> Result<ExitCode, CliError> {
    match command {
        Command::Check(args) => check::run(args, matches, today),
        Command::Report(args) => report::run(args, today),
        Command::Review(args) => review::run(args, today),
        Command::Searched(args) => searched::run(args, today),
        Command::Site(args) => site::run(args, today),
        Command::Diff(args) => diff::run(args),
        Command::Update(args) => update::run(args, matches, today),
        Command::Add(args) => add::run(args, today),
        Command::Source(command) => source::run(command, today),
        Command::Party(command) => party::run(command, today),
        Command::New(args) => new::run(args, today),
        Command::Schema(args) => schema::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Lsp(args) => lsp::run(args, utc_today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
