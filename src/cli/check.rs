//! `commitments check`: every finding, then a summary line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgMatches, ValueEnum};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};

use commitments::check::{LevelOverride, Levels, check};
use commitments::finding::Severity;
use commitments::render::{self, Summary};
use commitments::rules::{Level, Selector};

use super::CliError;
use super::args::{AsOf, Jobs, LedgerFlag};
use super::printing::print;

/// Check ledgers and report every finding.
///
/// Exits 0 when there are no errors, 1 when a ledger has errors, and 2 when
/// a ledger cannot be read or the command line is wrong.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ledgers to check [default: commitments.toml].
    #[arg(value_name = "LEDGER", conflicts_with = "ledger")]
    ledgers: Vec<PathBuf>,
    #[command(flatten)]
    ledger: LedgerFlag,
    #[command(flatten)]
    as_of: AsOf,
    #[command(flatten)]
    jobs: Jobs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Print only the summary line of each ledger.
    #[arg(long, short)]
    quiet: bool,
    /// Do not report a rule (code, name, or `warnings` for every warning).
    #[arg(long, value_name = "RULE", value_parser = parse_selector)]
    allow: Vec<Selector>,
    /// Report a rule as a warning (code or name).
    #[arg(long, value_name = "RULE", value_parser = parse_selector)]
    warn: Vec<Selector>,
    /// Report a rule as an error (code, name, or `warnings` for every warning).
    #[arg(long, value_name = "RULE", value_parser = parse_selector)]
    deny: Vec<Selector>,
    /// Print at most N findings of each rule, then how many more there are
    /// (human and github formats; the summary counts them all). 0 prints
    /// every finding.
    #[arg(long, value_name = "N", default_value_t = 100)]
    max_per_rule: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Compiler-style text with source excerpts.
    Human,
    /// One JSON document with every finding.
    Json,
    /// GitHub Actions workflow commands (line annotations).
    Github,
}

pub(crate) fn run(
    args: Args,
    matches: &ArgMatches,
    today: NaiveDate,
) -> Result<ExitCode, CliError> {
    args.jobs.apply()?;
    let as_of = args.as_of.or(today);
    let mut ledgers = args.ledgers;
    if ledgers.is_empty() {
        ledgers.push(super::ledger_file::ledger_or_default(args.ledger.ledger));
    }
    if ledgers.len() > 1 && args.format == Format::Json && !args.quiet {
        return Err(CliError::Usage(
            "--format json prints one document for one ledger; check the ledgers one at a time"
                .to_owned(),
        ));
    }
    let overrides = overrides_in_order(matches);
    let mut any_errors = false;
    let mut any_unreadable = false;
    for path in &ledgers {
        let limit = (args.max_per_rule > 0).then_some(args.max_per_rule);
        match check_one(path, &overrides, as_of, args.format, args.quiet, limit) {
            Ok(has_errors) => any_errors |= has_errors,
            // With several ledgers, go on with the others, then exit 2.
            Err(error @ CliError::Usage(_)) if ledgers.len() > 1 => {
                eprintln!(
                    "error: {}",
                    commitments::text::visible_lines(error.message())
                );
                any_unreadable = true;
            }
            Err(error) => return Err(error),
        }
    }
    if any_unreadable {
        return Ok(ExitCode::from(2));
    }
    Ok(super::printing::status(any_errors))
}

/// Checks one ledger and prints its findings; true when it has errors.
fn check_one(
    path: &std::path::Path,
    overrides: &[LevelOverride],
    as_of: NaiveDate,
    format: Format,
    quiet: bool,
    limit: Option<usize>,
) -> Result<bool, CliError> {
    let loaded = super::ledger_file::load(path)?;
    let findings = check(&loaded, &Levels::with_overrides(&loaded, overrides), as_of);
    let ledger_name = path.display().to_string();
    let summary = Summary {
        ledger: &ledger_name,
        as_of,
        headcount: loaded.headcount(as_of),
    };
    let has_errors = findings.iter().any(|f| f.severity == Severity::Error);
    if quiet {
        print(&format!("{}\n", render::summary_line(&findings, &summary)))?;
        return Ok(has_errors);
    }
    match format {
        Format::Human => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let choice = if !no_color && std::io::stdout().is_terminal() {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            };
            // One buffered writer: a line at a time into a pipe costs a
            // system call per line.
            let mut stdout = BufferedStandardStream::stdout(choice);
            let written = render::human(&mut stdout, &loaded.files, &findings, &summary, limit)
                .and_then(|()| std::io::Write::flush(&mut stdout));
            match written {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(error) => {
                    return Err(CliError::Usage(format!("cannot write the output: {error}")));
                }
            }
        }
        Format::Json => {
            print(&render::json(&loaded.files, &findings, &summary))?;
        }
        Format::Github => {
            print(&render::github(&loaded.files, &findings, &summary, limit))?;
        }
    }
    Ok(has_errors)
}

/// `--allow/--warn/--deny` in the order they were given, so later ones win.
fn overrides_in_order(matches: &ArgMatches) -> Vec<LevelOverride> {
    let mut indexed = Vec::new();
    for (flag, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warning),
        ("deny", Level::Error),
    ] {
        let (Some(indices), Some(selectors)) =
            (matches.indices_of(flag), matches.get_many::<Selector>(flag))
        else {
            continue;
        };
        for (index, selector) in indices.zip(selectors) {
            indexed.push((
                index,
                LevelOverride {
                    level,
                    selector: *selector,
                },
            ));
        }
    }
    indexed.sort_by_key(|(index, _)| *index);
    indexed.into_iter().map(|(_, o)| o).collect()
}

/// A rule code, a rule name, or `warnings`, checked against the registry.
fn parse_selector(text: &str) -> Result<Selector, String> {
    Selector::parse(text).map_err(|error| error.to_string())
}
