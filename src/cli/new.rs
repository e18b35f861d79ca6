//! `commitments new`: a commented template to start a ledger from.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::edit;

use super::CliError;

/// Start a new ledger from a commented template.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Where to write it; refuses to overwrite an existing file.
    #[arg(default_value = super::args::DEFAULT_LEDGER)]
    path: PathBuf,
}

pub(crate) fn run(args: Args, today: NaiveDate) -> Result<ExitCode, CliError> {
    let path = args.path;
    let exists = || {
        CliError::Refused(format!(
            "`{}` already exists; `new` never overwrites a file. Pick another path.",
            path.display()
        ))
    };
    if path.exists() {
        return Err(exists());
    }
    // The ledger is named after its folder: a ledger-only repository's
    // name is the best guess at a lasting id.
    let folder = std::env::current_dir()
        .map(|cwd| cwd.join(&path))
        .ok()
        .and_then(|full| {
            full.parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let text = edit::template(today, &folder);
    match commitments::atomic_write::write_new(&path, text.as_bytes()) {
        Ok(()) => {
            eprintln!(
                "wrote {}: add parties, sources and commitments, then run `commitments check`",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        Err(error) => Err(CliError::Usage(format!(
            "cannot write `{}`: {error}",
            path.display()
        ))),
    }
}
