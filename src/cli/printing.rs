//! What a command prints, where, and the exit status of a check.

use std::io::Write;
use std::process::ExitCode;

use super::CliError;

/// The exit status of a check: 1 when there are errors.
pub(crate) fn status(has_errors: bool) -> ExitCode {
    if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes `text` to standard output. A closed pipe is not an error (the
/// reader has what it wanted); any other failure is exit 2.
pub(crate) fn print(text: &str) -> Result<ExitCode, CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(error) => Err(CliError::Usage(format!("cannot write the output: {error}"))),
    }
}

/// Prints diagnostics to standard error.
pub(crate) fn print_findings(
    files: &commitments::finding::Files,
    findings: &[commitments::finding::Finding],
) {
    let text = commitments::render::findings_string(files, findings);
    let _ = std::io::stderr().write_all(text.as_bytes());
}
