//! `commitments explain`: one rule's documentation.

use std::process::ExitCode;

use commitments::rules;

use super::CliError;
use super::printing::print;

/// Print the documentation of one rule.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A rule code (C004) or name (duplicate-id).
    rule: String,
}

pub(crate) fn run(args: Args) -> Result<ExitCode, CliError> {
    let Some(rule) = rules::find(&args.rule) else {
        let hint = rules::suggest(&args.rule)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(CliError::Usage(format!(
            "no rule is called `{}`{hint}\n  help: `commitments rules` lists every code and name",
            args.rule
        )));
    };
    print(&rules::explain_text(rule))
}
