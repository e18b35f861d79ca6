//! `commitments lsp`: the language server, for editors.

use std::process::ExitCode;

use chrono::NaiveDate;
use commitments::lsp::{Ending, ServeError, ServerOptions, serve};

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
    let (connection, io_threads) = commitments::lsp::transport::stdio();
    let options = ServerOptions {
        today: &today,
        panic_request: args.test_panic_request,
    };
    let served = serve(&connection, &options);
    drop(connection);
    // The reader has stopped when the session ended or the input broke;
    // only then can it be waited for, and its error says more.
    let reader_stopped = match &served {
        Ok(_) => true,
        Err(ServeError::Protocol(error)) => error.channel_is_disconnected(),
        Err(ServeError::NoEditor) => true,
        Err(_) => false,
    };
    let io = if reader_stopped {
        io_threads.join()
    } else {
        Ok(())
    };
    match (served, io) {
        // An editor that quits may close its end before reading our last
        // answer: the work is done all the same.
        (Ok(ending), Err(error)) if error.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(exit_code(ending))
        }
        (Ok(ending), Ok(())) => Ok(exit_code(ending)),
        (_, Err(error)) => Err(CliError::Usage(format!(
            "the connection to the editor failed: {error}"
        ))),
        (Err(error), Ok(())) => Err(CliError::Usage(error.to_string())),
    }
}

fn exit_code(ending: Ending) -> ExitCode {
    match ending {
        Ending::Shutdown => ExitCode::SUCCESS,
        Ending::WithoutShutdown => ExitCode::from(1),
    }
}
