//! `commitments report`: where every commitment stands on a date.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ValueEnum;

use commitments::check::Levels;
use commitments::load::Loaded;
use commitments::report::{self, ReportError};

use super::CliError;
use super::args::{AsOf, Jobs, LangFlag, LedgerFlag, WorkspaceFlag};
use super::printing::print;

/// Write a progress report of a ledger at a date.
///
/// Exits 1 with the diagnostics when the ledger has syntax or schema
/// errors; other findings are listed in the report.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The ledger to report on [default: commitments.toml].
    #[arg(value_name = "LEDGER", conflicts_with = "ledger")]
    positional: Option<PathBuf>,
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
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Write to FILE (atomically; `-` is standard output) instead of standard
    /// output. Never over the ledger or one of its source files.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// GitHub-flavoured Markdown, for a job summary.
    Markdown,
    /// Versioned JSON, for tools.
    Json,
    /// One row per commitment, for spreadsheets.
    Csv,
    /// A self-contained page with a timeline.
    Html,
    /// A Frictionless Data Package: a CSV per table (commitments, updates,
    /// evidence, parties, sources) and datapackage.json, written into the
    /// folder `-o DIR`.
    Datapackage,
}

pub(crate) fn run(args: Args, today: NaiveDate) -> Result<ExitCode, CliError> {
    args.jobs.apply()?;
    let named = args.positional.is_some() || args.ledger.ledger.is_some();
    if named && args.workspace.workspace.is_some() {
        return Err(CliError::Usage(
            "--workspace reports every ledger of the workspace; name no ledger with it".to_owned(),
        ));
    }
    if let Some(workspace) = super::ledger_file::workspace_path(args.workspace.workspace, named) {
        return report_workspace(
            &workspace,
            args.format,
            args.output,
            args.as_of.or(today),
            args.lang.lang,
        );
    }
    // The data package speaks English only: its labels are English too.
    // A language it cannot write is refused before anything is read.
    let lang = match args.format {
        Format::Datapackage => {
            args.lang.english_only("the data package")?;
            Some(commitments::i18n::Lang::En)
        }
        Format::Markdown | Format::Json | Format::Csv | Format::Html => args.lang.lang,
    };
    let path = super::ledger_file::ledger_or_default(args.positional.or(args.ledger.ledger));
    let loaded = super::ledger_file::load(&path)?;
    if let Format::Datapackage = args.format {
        return write_package(loaded, args.output, args.as_of.or(today));
    }
    let built = report::build_in(&loaded, &Levels::of(&loaded), args.as_of.or(today), lang);
    let report = match built {
        Ok(report) => report,
        Err(ReportError::NotLoaded(findings)) => {
            super::printing::print_findings(&loaded.files, &findings);
            return Err(CliError::Refused(
                "no report: the ledger does not load".to_owned(),
            ));
        }
    };
    let text = match args.format {
        Format::Markdown => report::to_markdown(&report),
        Format::Json => report::to_json(&report),
        Format::Csv => report::to_csv(&report),
        Format::Html => report::to_html(&report),
        Format::Datapackage => unreachable!("written above"),
    };
    match args.output {
        Some(file) if file.as_os_str() != "-" => {
            refuse_inputs(&file, &path, &loaded)?;
            commitments::atomic_write::write_atomic(&file, text.as_bytes()).map_err(|error| {
                CliError::Usage(format!("cannot write `{}`: {error}", file.display()))
            })?;
            Ok(ExitCode::SUCCESS)
        }
        _ => print(&text),
    }
}

/// `--format datapackage`: the package's files into DIR, each atomically.
/// DIR may be new, empty, or hold only files of a package written before:
/// no other file is ever replaced.
/// Every ledger of the workspace at `path`, as Markdown or JSON.
fn report_workspace(
    path: &Path,
    format: Format,
    output: Option<PathBuf>,
    as_of: NaiveDate,
    lang: Option<commitments::i18n::Lang>,
) -> Result<ExitCode, CliError> {
    let to_text: fn(&report::WorkspaceReport) -> String = match format {
        Format::Markdown => report::workspace_to_markdown,
        Format::Json => report::workspace_to_json,
        Format::Csv | Format::Html | Format::Datapackage => {
            return Err(CliError::Usage(format!(
                "a workspace's report is Markdown or JSON; for one ledger's {}, name it with --ledger PATH (`commitments site` writes every ledger's data)",
                match format {
                    Format::Csv => "CSV",
                    Format::Html => "HTML page",
                    _ => "data package",
                }
            )));
        }
    };
    let workspace = super::ledger_file::load_workspace(path)?;
    let built = report::build_workspace(&workspace, as_of, lang);
    let report = match built {
        Ok(report) => report,
        Err(report::WorkspaceReportError::Workspace(findings)) => {
            super::printing::print_findings(&workspace.files, &findings);
            return Err(CliError::Refused(format!(
                "no report: the workspace has {} (`commitments check` shows every finding)",
                commitments::text::plural(findings.len(), "error", "errors")
            )));
        }
        Err(report::WorkspaceReportError::Ledger(index, findings)) => {
            let member = &workspace.members[index];
            super::printing::print_findings(&member.loaded.files, &findings);
            return Err(CliError::Refused(format!(
                "no report: the ledger {} does not load",
                member.path.display()
            )));
        }
    };
    let text = to_text(&report);
    match output {
        Some(file) if file.as_os_str() != "-" => {
            for member in &workspace.members {
                refuse_inputs(&file, &member.path, &member.loaded)?;
            }
            refuse_inputs(&file, path, &Loaded::default())?;
            commitments::atomic_write::write_atomic(&file, text.as_bytes()).map_err(|error| {
                CliError::Usage(format!("cannot write `{}`: {error}", file.display()))
            })?;
            Ok(ExitCode::SUCCESS)
        }
        _ => print(&text),
    }
}

fn write_package(
    loaded: Loaded,
    output: Option<PathBuf>,
    as_of: NaiveDate,
) -> Result<ExitCode, CliError> {
    let Some(dir) = output.filter(|o| o.as_os_str() != "-") else {
        return Err(CliError::Usage(
            "--format datapackage writes a folder of files: name it with -o DIR, such as -o data"
                .to_owned(),
        ));
    };
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let ours = name
                .to_str()
                .is_some_and(|n| report::DATA_PACKAGE_FILES.contains(&n));
            if !ours {
                return Err(CliError::Usage(format!(
                    "`{}` holds `{}`, which is not part of a data package; pass a new or empty folder, such as data/",
                    dir.display(),
                    name.to_string_lossy()
                )));
            }
        }
    } else if dir.exists() {
        return Err(CliError::Usage(format!(
            "`{}` is not a folder; --format datapackage writes a folder of files",
            dir.display()
        )));
    }
    let checked = super::ledger_file::check_at(loaded, as_of, "report")?;
    let report = report::build_checked(&checked, commitments::i18n::Lang::En);
    std::fs::create_dir_all(&dir)
        .map_err(|error| CliError::Usage(format!("cannot create `{}`: {error}", dir.display())))?;
    for (name, bytes) in report::data_package(&report, checked.view()) {
        let file = dir.join(name);
        commitments::atomic_write::write_atomic(&file, &bytes).map_err(|error| {
            CliError::Usage(format!("cannot write `{}`: {error}", file.display()))
        })?;
    }
    eprintln!(
        "wrote a data package of {} files to {} (as of {as_of})",
        report::DATA_PACKAGE_FILES.len(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Refuses to write the report over the ledger or one of its source files.
fn refuse_inputs(output: &Path, ledger: &Path, loaded: &Loaded) -> Result<(), CliError> {
    // A file that does not exist yet is no input.
    let Ok(target) = output.canonicalize() else {
        return Ok(());
    };
    let folder = ledger.parent().unwrap_or(Path::new(""));
    let sources = loaded.ledger.iter().flat_map(|l| &l.sources);
    let inputs = std::iter::once((ledger.to_owned(), "the ledger".to_owned())).chain(
        sources.filter_map(|source| {
            let file = source.file.as_ref()?;
            Some((
                folder.join(&file.value),
                format!("the local copy of source `{}`", source.id.value),
            ))
        }),
    );
    for (input, what) in inputs {
        if input.canonicalize().is_ok_and(|input| input == target) {
            return Err(CliError::Usage(format!(
                "`{}` is {what}; the report is not written over it. Pick another file with -o",
                output.display()
            )));
        }
    }
    Ok(())
}
