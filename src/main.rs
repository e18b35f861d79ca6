//! The `commitments` command line: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use commitments::check::{CheckOptions, LevelOverride, check};
use commitments::diagnostic::{Finding, Severity};
use commitments::diff;
use commitments::load::{Loaded, load_path};
use commitments::render::{self, Summary};
use commitments::report::{self, ReportError};
use commitments::rules::{self, Level, RULES};

/// A checked ledger of what governments promise each other.
#[derive(Debug, Parser)]
#[command(name = "commitments", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a ledger and report every finding.
    ///
    /// Exits 0 when there are no errors, 1 when the ledger has errors, and 2
    /// when it cannot be read or the command line is wrong.
    Check {
        /// The ledger to check.
        #[arg(default_value = "commitments.toml")]
        ledger: PathBuf,
        /// The date to check at ("today"), as YYYY-MM-DD. Default: today's date in UTC.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Do not report a rule (code, name, or `warnings` for every warning).
        #[arg(long, value_name = "RULE")]
        allow: Vec<String>,
        /// Report a rule as a warning (code or name).
        #[arg(long, value_name = "RULE")]
        warn: Vec<String>,
        /// Report a rule as an error (code, name, or `warnings` for every warning).
        #[arg(long, value_name = "RULE")]
        deny: Vec<String>,
    },
    /// Write a progress report of a ledger at a date.
    ///
    /// Exits 1 with the diagnostics when the ledger has syntax or schema
    /// errors; other findings are listed in the report.
    Report {
        /// The ledger to report on.
        #[arg(default_value = "commitments.toml")]
        ledger: PathBuf,
        /// The date to report at, as YYYY-MM-DD: the history is replayed up to
        /// it. Default: today's date in UTC.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show what changed between two versions of a ledger, for review.
    ///
    /// Always exits 0 when both ledgers load, whether or not anything changed.
    Diff {
        /// The old version, such as `git show origin/main:commitments.toml > base.toml`.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Markdown)]
        format: DiffFormat,
    },
    /// List every rule with its code, name and default level.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print the documentation of one rule.
    Explain {
        /// A rule code (C004) or name (duplicate-id).
        rule: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Compiler-style text with source excerpts.
    Human,
    /// One JSON document with every finding.
    Json,
    /// GitHub Actions workflow commands (line annotations).
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// GitHub-flavoured Markdown, for a job summary.
    Markdown,
    /// Versioned JSON, for tools.
    Json,
    /// One row per commitment, for spreadsheets.
    Csv,
    /// A self-contained page with a timeline.
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// A Markdown list, for a pull-request summary.
    Markdown,
    /// JSON, for tools.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    /// A table.
    Human,
    /// JSON.
    Json,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write it as YYYY-MM-DD, such as 2024-06-28"))
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match cli.command {
        Command::Check {
            ledger,
            as_of,
            format,
            ..
        } => {
            // The only clock read: "today" is an input everywhere else.
            let as_of = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            let sub = matches.subcommand_matches("check").unwrap_or(&matches);
            run_check(&ledger, as_of, format, overrides_in_order(sub))
        }
        Command::Report {
            ledger,
            as_of,
            format,
            output,
        } => {
            let as_of = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            run_report(&ledger, as_of, format, output.as_deref())
        }
        Command::Diff { old, new, format } => run_diff(&old, &new, format),
        Command::Rules { format } => {
            print_rules(format);
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => explain(&rule),
    }
}

/// `--allow/--warn/--deny` in the order they were given, so later ones win.
fn overrides_in_order(matches: &ArgMatches) -> Vec<LevelOverride> {
    let mut indexed = Vec::new();
    for (flag, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warning),
        ("deny", Level::Error),
    ] {
        let (Some(indices), Some(values)) =
            (matches.indices_of(flag), matches.get_many::<String>(flag))
        else {
            continue;
        };
        for (index, target) in indices.zip(values) {
            indexed.push((
                index,
                LevelOverride {
                    level,
                    target: target.clone(),
                },
            ));
        }
    }
    indexed.sort_by_key(|(index, _)| *index);
    indexed.into_iter().map(|(_, o)| o).collect()
}

fn run_check(
    path: &std::path::Path,
    as_of: NaiveDate,
    format: CheckFormat,
    overrides: Vec<LevelOverride>,
) -> ExitCode {
    let loaded = match load_path(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let findings = match check(&loaded, &CheckOptions { as_of, overrides }) {
        Ok(findings) => findings,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let ledger_name = path.display().to_string();
    let summary = Summary {
        ledger: &ledger_name,
        as_of,
        commitments: loaded.ledger.as_ref().map_or(0, |l| l.commitments.len()),
    };
    let written = match format {
        CheckFormat::Human => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let choice = if !no_color && std::io::stdout().is_terminal() {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            };
            let mut stdout = StandardStream::stdout(choice);
            render::human(&mut stdout, &loaded.files, &findings, &summary)
        }
        CheckFormat::Json => write_stdout(&render::json(&loaded.files, &findings, &summary)),
        CheckFormat::Github => write_stdout(&render::github(&loaded.files, &findings, &summary)),
    };
    if let Err(error) = written {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the output: {error}");
            return ExitCode::from(2);
        }
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Loads a ledger, or prints why it cannot be read (exit 2).
fn load(path: &Path) -> Result<Loaded, ExitCode> {
    load_path(path).map_err(|error| {
        eprintln!("error: {error}");
        ExitCode::from(2)
    })
}

/// Prints load-blocking diagnostics to standard error.
fn print_blocking(loaded: &Loaded, path: &Path, findings: &[Finding], as_of: NaiveDate) {
    let name = path.display().to_string();
    let summary = Summary {
        ledger: &name,
        as_of,
        commitments: 0,
    };
    let _ = std::io::stderr()
        .write_all(render::human_string(&loaded.files, findings, &summary).as_bytes());
}

fn run_report(
    path: &Path,
    as_of: NaiveDate,
    format: ReportFormat,
    output: Option<&Path>,
) -> ExitCode {
    let loaded = match load(path) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = CheckOptions {
        as_of,
        overrides: Vec::new(),
    };
    let report = match report::build(&loaded, &options) {
        Ok(report) => report,
        Err(ReportError::NotLoaded(findings)) => {
            print_blocking(&loaded, path, &findings, as_of);
            eprintln!("error: no report: the ledger does not load");
            return ExitCode::from(1);
        }
        Err(ReportError::Levels(error)) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let text = match format {
        ReportFormat::Markdown => report::to_markdown(&report),
        ReportFormat::Json => report::to_json(&report),
        ReportFormat::Csv => report::to_csv(&report),
        ReportFormat::Html => report::to_html(&report),
    };
    match output {
        Some(file) => match commitments::output::write_atomic(file, text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot write `{}`: {error}", file.display());
                ExitCode::from(2)
            }
        },
        None => finish_stdout(&text),
    }
}

fn run_diff(old: &Path, new: &Path, format: DiffFormat) -> ExitCode {
    let mut ledgers = Vec::new();
    for path in [old, new] {
        let loaded = match load(path) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        let blocking: Vec<Finding> = loaded
            .findings
            .iter()
            .filter(|f| f.rule.fixed_level)
            .cloned()
            .collect();
        match (&loaded.ledger, blocking.is_empty()) {
            (Some(ledger), true) => ledgers.push(ledger.clone()),
            _ => {
                print_blocking(&loaded, path, &blocking, chrono::NaiveDate::MIN);
                eprintln!("error: cannot compare: `{}` does not load", path.display());
                return ExitCode::from(1);
            }
        }
    }
    let changes = diff::diff(&ledgers[0], &ledgers[1]);
    let text = match format {
        DiffFormat::Markdown => diff::to_markdown(&changes),
        DiffFormat::Json => diff::to_json(&changes),
    };
    finish_stdout(&text)
}

/// Writes `text` to standard output; a closed pipe is not an error.
fn finish_stdout(text: &str) -> ExitCode {
    match write_stdout(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the output: {error}");
            ExitCode::from(2)
        }
    }
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

fn print_rules(format: ListFormat) {
    let text = match format {
        ListFormat::Human => rules::list_text(),
        ListFormat::Json => rules::list_json(),
    };
    let _ = write_stdout(&text);
}

fn explain(name: &str) -> ExitCode {
    match rules::find(name) {
        Some(rule) => {
            let _ = write_stdout(&rules::explain_text(rule));
            ExitCode::SUCCESS
        }
        None => {
            let hint = rules::suggest(name)
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            eprintln!(
                "error: no rule is called `{name}`{hint}\n  help: `commitments rules` lists every code and name"
            );
            let _ = RULES;
            ExitCode::from(2)
        }
    }
}
