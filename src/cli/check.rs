//! `commitments check`: every finding, then a summary line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgMatches, ValueEnum};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};

use commitments::check::{LevelOverride, Levels, check, check_shortlist};
use commitments::finding::{Severity, Shortlist};
use commitments::load::Loaded;
use commitments::render::{self, Summary};
use commitments::rules::{Level, Selector};

use super::CliError;
use super::args::{AsOf, Jobs, LangFlag, LedgerFlag, WorkspaceFlag};
use super::printing::print;
use commitments::i18n::{Lang, Locale};

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
    workspace: WorkspaceFlag,
    #[command(flatten)]
    as_of: AsOf,
    #[command(flatten)]
    jobs: Jobs,
    #[command(flatten)]
    lang: LangFlag,
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
    let named = !args.ledgers.is_empty() || args.ledger.ledger.is_some();
    if named && args.workspace.workspace.is_some() {
        return Err(CliError::Usage(
            "--workspace checks every ledger of the workspace; name no ledger with it".to_owned(),
        ));
    }
    let overrides = overrides_in_order(matches);
    let limit = (args.max_per_rule > 0).then_some(args.max_per_rule);
    let output = Output {
        overrides: &overrides,
        as_of,
        format: args.format,
        quiet: args.quiet,
        limit,
        lang: args.lang.lang,
    };
    if let Some(path) = super::ledger_file::workspace_path(args.workspace.workspace, named) {
        return check_workspace(&path, &output);
    }
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
    let mut any_errors = false;
    let mut any_unreadable = false;
    for (index, path) in ledgers.iter().enumerate() {
        let last = index + 1 == ledgers.len();
        let checked = super::ledger_file::load(path).and_then(|loaded| {
            let checked = check_one(&loaded, &path.display().to_string(), &output, last);
            if last {
                // The process ends next, and the system takes its memory
                // back at once: freeing 100,000 commitments one by one
                // cost 4.5% of `check` (BENCHMARKS.md).
                std::mem::forget(loaded);
            }
            checked
        });
        match checked {
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

/// How findings are printed, for every ledger checked.
struct Output<'a> {
    overrides: &'a [LevelOverride],
    as_of: NaiveDate,
    format: Format,
    quiet: bool,
    limit: Option<usize>,
    /// `--lang`: the summary lines' language.
    lang: Option<Lang>,
}

/// Checks every ledger of a workspace and the references between them:
/// the workspace's own findings, then each ledger's findings and summary
/// line, then one line for the workspace.
fn check_workspace(path: &std::path::Path, output: &Output<'_>) -> Result<ExitCode, CliError> {
    if output.format == Format::Json && !output.quiet {
        return Err(CliError::Usage(
            "--format json prints one document for one ledger; check a ledger of the workspace with --ledger PATH".to_owned(),
        ));
    }
    let workspace = super::ledger_file::load_workspace(path)?;
    let findings = &workspace.findings;
    let mut any_errors = findings.iter().any(|f| f.severity == Severity::Error);
    if !findings.is_empty() && !output.quiet {
        match output.format {
            Format::Github => {
                let text = render::github_annotations(&workspace.files, findings, output.limit);
                print(&text)?;
            }
            _ => {
                print(&render::findings_string(&workspace.files, findings))?;
            }
        }
    }
    let (mut errors, mut warnings) = render::counts(findings);
    for member in &workspace.members {
        let name = member.path.display().to_string();
        let list = shortlist(&member.loaded, output);
        any_errors |= print_checked(&member.loaded, &list, &name, output)?;
        errors += list.errors;
        warnings += list.warnings;
    }
    let locale = Locale::of(output.lang.unwrap_or_default());
    let line = locale.with(
        "check-workspace-summary",
        &[
            ("workspace", path.display().to_string().into()),
            ("errors", locale.count("count-errors", errors).into()),
            ("warnings", locale.count("count-warnings", warnings).into()),
            (
                "ledgers",
                locale
                    .count("count-ledgers", workspace.members.len())
                    .into(),
            ),
            ("date", locale.date(output.as_of).into()),
        ],
    );
    print(&format!("{line}\n"))?;
    Ok(super::printing::status(any_errors))
}

/// Checks one loaded ledger and prints its findings; true when it has errors.
/// With `last`, the findings are left for the process's exit to free.
fn check_one(
    loaded: &Loaded,
    name: &str,
    output: &Output<'_>,
    last: bool,
) -> Result<bool, CliError> {
    let list = shortlist(loaded, output);
    let printed = print_checked(loaded, &list, name, output);
    if last {
        std::mem::forget(list);
    }
    printed
}

/// The findings `output` prints of a ledger: every one for JSON, none with
/// `--quiet` (only counted), else at most `--max-per-rule` of each rule.
fn shortlist(loaded: &Loaded, output: &Output<'_>) -> Shortlist {
    let levels = Levels::with_overrides(loaded, output.overrides);
    let limit = match (output.quiet, output.format) {
        (true, _) => Some(0),
        (false, Format::Json) => None,
        (false, _) => output.limit,
    };
    match limit {
        Some(limit) => check_shortlist(loaded, &levels, output.as_of, limit),
        None => Shortlist::of(check(loaded, &levels, output.as_of), None),
    }
}

/// Prints one ledger's findings and summary line; true when it has errors.
fn print_checked(
    loaded: &Loaded,
    list: &Shortlist,
    ledger_name: &str,
    output: &Output<'_>,
) -> Result<bool, CliError> {
    let as_of = output.as_of;
    let summary = Summary {
        ledger: ledger_name,
        as_of,
        headcount: loaded.headcount(as_of),
        lang: output
            .lang
            .or_else(|| loaded.ledger.as_ref().map(Lang::of_ledger))
            .unwrap_or_default(),
    };
    let has_errors = list.errors > 0;
    if output.quiet {
        print(&format!("{}\n", render::summary_line(list, &summary)))?;
        return Ok(has_errors);
    }
    match output.format {
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
            let written = render::human(&mut stdout, &loaded.files, list, &summary)
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
            print(&render::json(&loaded.files, &list.shown, &summary))?;
        }
        Format::Github => {
            print(&render::github(&loaded.files, list, &summary))?;
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
