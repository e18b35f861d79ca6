//! `commitments site`: the ledger as a static site.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use commitments::site::{self, SiteError};

use super::CliError;
use super::args::{AsOf, Jobs, LangFlag, LedgerFlag, WorkspaceFlag};

/// Write the ledger as a static site: a dashboard, a page per commitment,
/// party, area, status and kind, an Atom feed, and the JSON and CSV reports.
///
/// The site works from `file://` and any static host. DIR must be new,
/// empty, or a site this command wrote before, holding only the files it
/// wrote; it is replaced once the new site is whole, and never when it
/// holds the ledger, a source or a `.git`. docs/site.md describes the
/// layout.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
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
    /// The folder to write the site into, such as public.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Where the site will be published, such as
    /// https://example.org/ledger/: the feed's links become absolute, as
    /// feed readers need. Overrides `[site] base_url`; without either, the
    /// feed's links are relative and the site still works from a folder.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
}

pub(crate) fn run(args: Args, today: NaiveDate) -> Result<ExitCode, CliError> {
    args.jobs.apply()?;
    args.lang.every_language("the site")?;
    if let Some(url) = &args.base_url
        && commitments::model::SiteConfig::base_url_of(url).is_none()
    {
        return Err(CliError::Usage(format!(
            "--base-url `{url}` is not an absolute http or https address; write one such as https://example.org/ledger/"
        )));
    }
    let as_of = args.as_of.or(today);
    let named = args.ledger.ledger.is_some();
    if named && args.workspace.workspace.is_some() {
        return Err(CliError::Usage(
            "--workspace publishes every ledger of the workspace; name no ledger with it"
                .to_owned(),
        ));
    }
    if let Some(workspace) = super::ledger_file::workspace_path(args.workspace.workspace, named) {
        return site_of_workspace(&workspace, &args.output, as_of, args.base_url.as_deref());
    }
    let path = super::ledger_file::ledger_or_default(args.ledger.ledger);
    let loaded = super::ledger_file::load(&path)?;
    // One check, at the date, whose view and findings the site is made from.
    let checked = super::ledger_file::check_at(loaded, as_of, "site")?;
    // A site publishes the ledger: one with errors (a duplicate id, say)
    // gets none. The errors are shown as `check` shows them.
    let errors: Vec<_> = checked.errors().cloned().collect();
    if !errors.is_empty() {
        super::printing::print_findings(&checked.loaded.files, &errors);
        return Err(CliError::Refused(format!(
            "no site: the ledger has {}",
            commitments::text::plural(errors.len(), "error", "errors")
        )));
    }
    let written = site::write_checked(checked, &args.output, &path, args.base_url.as_deref());
    finish(written, &args.output, as_of)
}

/// What `site` says when it is done, or why it wrote nothing.
fn finish(
    written: Result<site::Written, SiteError>,
    output: &Path,
    as_of: NaiveDate,
) -> Result<ExitCode, CliError> {
    match written {
        Ok(written) => {
            let pages = written
                .files
                .iter()
                .filter(|f| f.ends_with(".html"))
                .count();
            println!(
                "wrote {pages} pages and the feed to {} (as of {as_of}); open {}",
                output.display(),
                output.join("index.html").display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(SiteError::NotLoaded(_)) => Err(CliError::Refused(
            "no site: the ledger does not load".to_owned(),
        )),
        Err(
            error @ (SiteError::UnsafeName { .. }
            | SiteError::LedgerIsLanguage(_)
            | SiteError::HasErrors(_)
            | SiteError::BadBaseUrl(_)),
        ) => Err(CliError::Refused(format!("no site: {error}"))),
        Err(error) => Err(CliError::Usage(error.to_string())),
    }
}

/// One site of every ledger of the workspace at `path`: refused, with the
/// findings shown, when the workspace or a ledger has errors.
fn site_of_workspace(
    path: &Path,
    output: &Path,
    as_of: NaiveDate,
    base_url: Option<&str>,
) -> Result<ExitCode, CliError> {
    let workspace = super::ledger_file::load_workspace(path)?;
    let errors = workspace.errors();
    if !errors.is_empty() {
        super::printing::print_findings(&workspace.files, &errors);
        return Err(CliError::Refused(format!(
            "no site: the workspace has {}",
            commitments::text::plural(errors.len(), "error", "errors")
        )));
    }
    let (id, title) = (workspace.id().to_owned(), workspace.title());
    let i18n = workspace
        .file
        .as_ref()
        .map(|f| f.i18n.clone())
        .unwrap_or_default();
    let mut ledgers = Vec::with_capacity(workspace.members.len());
    let mut refused = 0;
    for member in workspace.members {
        let name = member.path.display().to_string();
        let checked =
            super::ledger_file::check_at(member.loaded, as_of, &format!("site of {name}"))?;
        let errors: Vec<_> = checked.errors().cloned().collect();
        if !errors.is_empty() {
            super::printing::print_findings(&checked.loaded.files, &errors);
            refused += errors.len();
        }
        ledgers.push(site::SiteLedger {
            checked,
            path: member.path,
        });
    }
    if refused > 0 {
        return Err(CliError::Refused(format!(
            "no site: the ledgers have {}",
            commitments::text::plural(refused, "error", "errors")
        )));
    }
    let about = site::WorkspaceSite {
        id: &id,
        title: &title,
        i18n: &i18n,
        file: path,
        as_of,
    };
    finish(
        site::write_workspace(about, ledgers, output, base_url),
        output,
        as_of,
    )
}
