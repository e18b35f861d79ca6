//! `commitments lsp`: the language server, for editors.

use std::process::ExitCode;

use chrono::NaiveDate;
use commitments::lsp::{ServerOptions, serve};

use super::CliError;
use super::args::AsOf;

/// Run the language server on standard input and output, for an editor.
///
/// It serves `commitments.toml`, any TOML file whose first line is the
/// `#:schema ...commitments.schema.json` comment, and files matching the
/// `ledgerGlobs` initialisation option. The README shows the set-up for
/// Neovim, Helix, VS Code and Emacs.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    as_of: AsOf,
    /// Answer the request `commitments/panic` by panicking (for tests).
    #[arg(long, hide = true)]
    test_panic_request: bool,
}

pub(crate) fn run(args: Args, clock: fn() -> NaiveDate) -> Result<ExitCode, CliError> {
    let fixed = args.as_of.as_of;
    let today = move || fixed.unwrap_or_else(clock);
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let options = ServerOptions {
        today: &today,
        panic_request: args.test_panic_request,
    };
    let served = serve(&connection, &options);
    drop(connection);
    served.map_err(|error| CliError::Usage(error.to_string()))?;
    io_threads
        .join()
        .map_err(|error| CliError::Usage(format!("the editor's connection failed: {error}")))?;
    Ok(ExitCode::SUCCESS)
}
