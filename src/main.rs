//! The `commitments` command line: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use commitments::check::{CheckOptions, LevelOverride, check};
use commitments::diagnostic::{Finding, LEDGER_FILE, Severity};
use commitments::diff;
use commitments::edit::{
    self, AddRequest, EditError, NewEvidence, PartyRequest, SourceRequest, UpdateRequest,
};
use commitments::load::{Loaded, load_path};
use commitments::model::{Kind, Ledger, Status};
use commitments::output::WriteError;
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
    /// Record a dated status change: append an update and set `status`.
    ///
    /// Evidence is given as `--evidence SOURCE_ID --quote TEXT` or
    /// `--url URL --quote TEXT [--title T] [--published DATE]`, repeated.
    Update {
        /// The commitment's id.
        id: String,
        /// The new status.
        #[arg(long, value_parser = parse_status)]
        status: Status,
        /// The date it happened, as YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// What happened, in one sentence.
        #[arg(long)]
        note: String,
        /// Evidence from a declared source (follow it with --quote).
        #[arg(long, value_name = "SOURCE_ID")]
        evidence: Vec<String>,
        /// Evidence from a web page (follow it with --quote, and optionally --title and --published).
        #[arg(long)]
        url: Vec<String>,
        /// The verbatim quote of the evidence given just before.
        #[arg(long)]
        quote: Vec<String>,
        /// The title of the web page given just before.
        #[arg(long)]
        title: Vec<String>,
        /// The publication date of the web page given just before.
        #[arg(long, value_parser = parse_date)]
        published: Vec<NaiveDate>,
        #[command(flatten)]
        edit: EditArgs,
    },
    /// Add a commitment (with status `announced`).
    Add {
        /// Its id, in kebab-case.
        id: String,
        /// A short title.
        #[arg(long)]
        title: String,
        /// Who committed: party ids separated by commas.
        #[arg(long, value_delimiter = ',', required = true)]
        parties: Vec<String>,
        /// deliverable (done once) or ongoing (kept up).
        #[arg(long, value_parser = parse_kind)]
        kind: Kind,
        /// When it was made, as YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        made: NaiveDate,
        /// The deadline, as YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        due: Option<NaiveDate>,
        /// The policy area.
        #[arg(long)]
        area: Option<String>,
        /// The umbrella commitment.
        #[arg(long)]
        parent: Option<String>,
        /// The source it is quoted from.
        #[arg(long, value_name = "SOURCE_ID")]
        source: String,
        /// The verbatim quote that makes it a commitment.
        #[arg(long)]
        quote: String,
        /// Insert after this commitment instead of after the last one.
        #[arg(long, value_name = "ID")]
        after: Option<String>,
        #[command(flatten)]
        edit: EditArgs,
    },
    /// Manage sources.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Manage parties.
    #[command(subcommand)]
    Party(PartyCommand),
    /// Start a new ledger from a commented template.
    New {
        /// Where to write it; refuses to overwrite an existing file.
        #[arg(default_value = "commitments.toml")]
        path: PathBuf,
    },
    /// Print the JSON Schema of the ledger format, for editors.
    Schema,
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

#[derive(Debug, Subcommand)]
enum SourceCommand {
    /// Add a source.
    Add {
        /// Its id, in kebab-case.
        id: String,
        /// The document's title.
        #[arg(long)]
        title: String,
        /// When it was published, as YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        published: NaiveDate,
        /// Who published it.
        #[arg(long)]
        publisher: Option<String>,
        /// A local copy, relative to the ledger's folder (quotes are verified against it).
        #[arg(long, required_unless_present = "url")]
        file: Option<String>,
        /// Where it can be read online.
        #[arg(long)]
        url: Option<String>,
        #[command(flatten)]
        edit: EditArgs,
    },
}

#[derive(Debug, Subcommand)]
enum PartyCommand {
    /// Add a party.
    Add {
        /// Its id, in kebab-case, such as `cn`.
        id: String,
        /// Its full name.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        edit: EditArgs,
    },
}

/// Options shared by the editing commands.
#[derive(Debug, clap::Args)]
struct EditArgs {
    /// The ledger to edit.
    #[arg(long, default_value = "commitments.toml")]
    ledger: PathBuf,
    /// The date the edited ledger is checked at, as YYYY-MM-DD. Default: today's date in UTC.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// Print the change as a unified diff and write nothing.
    #[arg(long)]
    dry_run: bool,
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
    let bad = || format!("`{text}` is not a date; write it as YYYY-MM-DD, such as 2024-06-28");
    let well_formed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    if !well_formed {
        return Err(bad());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())
}

/// A word of a fixed vocabulary, with the closest one suggested.
fn parse_word<T: Copy>(
    text: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    if let Some(found) = all.iter().copied().find(|item| name(*item) == text) {
        return Ok(found);
    }
    let words: Vec<&str> = all.iter().map(|item| name(*item)).collect();
    let normalized = text.trim().to_lowercase().replace([' ', '-'], "_");
    let hint = words
        .iter()
        .copied()
        .find(|w| *w == normalized)
        .or_else(|| commitments::suggest::closest(text, words.iter().copied()))
        .map(|near| format!(" (did you mean `{near}`?)"))
        .unwrap_or_default();
    Err(format!(
        "`{text}` is not a {what}{hint}; use one of {}",
        commitments::suggest::one_of(words.iter().copied())
    ))
}

fn parse_status(text: &str) -> Result<Status, String> {
    parse_word(text, &Status::ALL, Status::as_str, "status")
}

fn parse_kind(text: &str) -> Result<Kind, String> {
    parse_word(text, &Kind::ALL, Kind::as_str, "kind")
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
        Command::Update {
            id,
            status,
            date,
            note,
            edit,
            ..
        } => {
            let sub = matches.subcommand_matches("update").unwrap_or(&matches);
            let evidence = match evidence_in_order(sub) {
                Ok(evidence) => evidence,
                Err(message) => return usage_error(&message),
            };
            let request = UpdateRequest {
                id,
                status,
                date,
                note,
                evidence,
            };
            run_edit(&edit, |text, ledger| {
                edit::plan_update(text, ledger, &request)
            })
        }
        Command::Add {
            id,
            title,
            parties,
            kind,
            made,
            due,
            area,
            parent,
            source,
            quote,
            after,
            edit,
        } => {
            let request = AddRequest {
                id,
                title,
                parties,
                kind,
                made,
                due,
                area,
                parent,
                source,
                quote,
                after,
            };
            run_edit(&edit, |text, ledger| edit::plan_add(text, ledger, &request))
        }
        Command::Source(SourceCommand::Add {
            id,
            title,
            published,
            publisher,
            file,
            url,
            edit,
        }) => {
            let request = SourceRequest {
                id,
                title,
                published,
                publisher,
                file,
                url,
            };
            run_edit(&edit, |text, ledger| {
                edit::plan_source(text, ledger, &request)
            })
        }
        Command::Party(PartyCommand::Add { id, name, edit }) => {
            let request = PartyRequest { id, name };
            run_edit(&edit, |text, ledger| {
                edit::plan_party(text, ledger, &request)
            })
        }
        Command::New { path } => run_new(&path),
        Command::Schema => finish_stdout(&commitments::schema::json_schema()),
        Command::Rules { format } => {
            print_rules(format);
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => explain(&rule),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// The evidence flags of `update`, paired in the order given: each
/// `--evidence` or `--url` starts an item, and the `--quote` (and, for a
/// URL, `--title` and `--published`) after it belong to that item.
fn evidence_in_order(matches: &ArgMatches) -> Result<Vec<NewEvidence>, String> {
    enum Flag {
        Evidence(String),
        Url(String),
        Quote(String),
        Title(String),
        Published(NaiveDate),
    }
    let mut flags: Vec<(usize, Flag)> = Vec::new();
    let mut collect = |name: &str, make: &dyn Fn(&ArgMatches, usize) -> Option<Flag>| {
        if let Some(indices) = matches.indices_of(name) {
            for (n, index) in indices.enumerate() {
                if let Some(flag) = make(matches, n) {
                    flags.push((index, flag));
                }
            }
        }
    };
    let nth_string = |m: &ArgMatches, name: &str, n: usize| {
        m.get_many::<String>(name)
            .and_then(|mut v| v.nth(n))
            .cloned()
    };
    collect("evidence", &|m, n| {
        nth_string(m, "evidence", n).map(Flag::Evidence)
    });
    collect("url", &|m, n| nth_string(m, "url", n).map(Flag::Url));
    collect("quote", &|m, n| nth_string(m, "quote", n).map(Flag::Quote));
    collect("title", &|m, n| nth_string(m, "title", n).map(Flag::Title));
    collect("published", &|m, n| {
        m.get_many::<NaiveDate>("published")
            .and_then(|mut v| v.nth(n))
            .copied()
            .map(Flag::Published)
    });
    flags.sort_by_key(|(index, _)| *index);

    let mut items: Vec<NewEvidence> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    for (_, flag) in flags {
        match flag {
            Flag::Evidence(source) => {
                items.push(NewEvidence::Source {
                    source,
                    quote: String::new(),
                });
                quoted.push(false);
            }
            Flag::Url(url) => {
                items.push(NewEvidence::Web {
                    url,
                    quote: String::new(),
                    title: None,
                    published: None,
                });
                quoted.push(false);
            }
            Flag::Quote(text) => match (items.last_mut(), quoted.last_mut()) {
                (
                    Some(NewEvidence::Source { quote, .. } | NewEvidence::Web { quote, .. }),
                    Some(done),
                ) if !*done => {
                    *quote = text;
                    *done = true;
                }
                _ => {
                    return Err(format!(
                        "--quote \"{text}\" follows no --evidence or --url; give the source first, then its quote"
                    ));
                }
            },
            Flag::Title(text) => match items.last_mut() {
                Some(NewEvidence::Web { title, .. }) if title.is_none() => *title = Some(text),
                _ => {
                    return Err(format!(
                        "--title \"{text}\" must follow a --url (once per URL)"
                    ));
                }
            },
            Flag::Published(date) => match items.last_mut() {
                Some(NewEvidence::Web { published, .. }) if published.is_none() => {
                    *published = Some(date)
                }
                _ => {
                    return Err(format!(
                        "--published {date} must follow a --url (once per URL)"
                    ));
                }
            },
        }
    }
    if let Some(position) = quoted.iter().position(|done| !done) {
        let what = match &items[position] {
            NewEvidence::Source { source, .. } => format!("--evidence {source}"),
            NewEvidence::Web { url, .. } => format!("--url {url}"),
        };
        return Err(format!(
            "{what} has no --quote; every piece of evidence needs the verbatim words it shows"
        ));
    }
    Ok(items)
}

/// Plans an edit, checks it, and writes it (or prints it with --dry-run).
fn run_edit(
    args: &EditArgs,
    plan: impl FnOnce(&str, &Ledger) -> Result<String, EditError>,
) -> ExitCode {
    let path = args.ledger.as_path();
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let options = CheckOptions {
        as_of,
        overrides: Vec::new(),
    };
    let original = match load(path) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let blocking: Vec<Finding> = original.blocking_findings();
    let Some(ledger) = original.ledger.as_ref().filter(|_| blocking.is_empty()) else {
        print_blocking(&original, &blocking);
        eprintln!(
            "error: the ledger does not load, so it cannot be edited; fix it first (`commitments check`)"
        );
        return ExitCode::from(1);
    };
    let text = original.files.text(LEDGER_FILE).to_owned();
    let proposed = match plan(&text, ledger) {
        Ok(proposed) => proposed,
        Err(EditError::Usage(message)) => return usage_error(&message),
        Err(EditError::Refused(message)) => {
            eprintln!("error: {message}; nothing was written");
            return ExitCode::from(1);
        }
    };
    let name = format!("{} (as edited)", path.display());
    let base = path.parent().map(Path::to_owned).unwrap_or_default();
    let review = match edit::review(&original, &proposed, &name, Some(&base), &options) {
        Ok(review) => review,
        Err(error) => return usage_error(&error.to_string()),
    };
    if !review.added_errors.is_empty() {
        let shown = render::findings_string(&review.proposed.files, &review.added_errors);
        let _ = std::io::stderr().write_all(shown.as_bytes());
        let count = review.added_errors.len();
        eprintln!(
            "error: the edit would add {count} error{}; nothing was written",
            if count == 1 { "" } else { "s" }
        );
        return ExitCode::from(1);
    }
    if args.dry_run {
        return finish_stdout(&edit::unified_diff(
            &text,
            &proposed,
            &path.display().to_string(),
        ));
    }
    match commitments::output::replace_if_unchanged(path, text.as_bytes(), proposed.as_bytes()) {
        Ok(()) => {
            eprintln!("edited {}; it checks with no new errors", path.display());
            ExitCode::SUCCESS
        }
        Err(WriteError::Changed) => {
            eprintln!("error: {} {}", path.display(), WriteError::Changed);
            ExitCode::from(1)
        }
        Err(WriteError::Io(error)) => {
            eprintln!(
                "error: cannot write `{}`: {error}; it is unchanged",
                path.display()
            );
            ExitCode::from(2)
        }
    }
}

/// `commitments new`: writes the template, never over an existing file.
fn run_new(path: &Path) -> ExitCode {
    if path.exists() {
        eprintln!(
            "error: `{}` already exists; `new` never overwrites a file. Pick another path.",
            path.display()
        );
        return ExitCode::from(1);
    }
    let today = chrono::Utc::now().date_naive();
    let text = edit::template(today);
    match commitments::output::write_new(path, text.as_bytes()) {
        Ok(()) => {
            eprintln!(
                "wrote {}: add parties, sources and commitments, then run `commitments check`",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: `{}` already exists; `new` never overwrites a file",
                path.display()
            );
            ExitCode::from(1)
        }
        Err(error) => usage_error(&format!("cannot write `{}`: {error}", path.display())),
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
fn print_blocking(loaded: &Loaded, findings: &[Finding]) {
    let _ =
        std::io::stderr().write_all(render::findings_string(&loaded.files, findings).as_bytes());
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
            print_blocking(&loaded, &findings);
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
        let blocking: Vec<Finding> = loaded.blocking_findings();
        match (&loaded.ledger, blocking.is_empty()) {
            (Some(ledger), true) => ledgers.push(ledger.clone()),
            _ => {
                print_blocking(&loaded, &blocking);
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
