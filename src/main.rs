//! The `commitments` command line: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use commitments::check::{CheckOptions, LevelOverride, check};
use commitments::diagnostic::Severity;
use commitments::load::load_path;
use commitments::render::{self, Summary};
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
