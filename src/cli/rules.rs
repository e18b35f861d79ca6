//! `commitments rules`: the rule list.

use std::process::ExitCode;

use clap::ValueEnum;

use commitments::rules;

use super::CliError;
use super::printing::print;

/// List every rule with its code, name and default level.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// A table.
    Human,
    /// JSON.
    Json,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, CliError> {
    print(&match args.format {
        Format::Human => rules::list_text(),
        Format::Json => rules::list_json(),
    })
}
