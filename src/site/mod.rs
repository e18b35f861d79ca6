//! `commitments site`: the ledger as a static site, a page per commitment,
//! party, area, status and kind, with an Atom feed and the JSON and CSV
//! reports. Works from `file://` and any static host: every link is
//! relative and names its `index.html`, and there is no external asset.
//!
//! Pages are rendered and written in parallel, one at a time each, never
//! held all at once. The layout is a contract, documented in `docs/site.md`.

mod calendar;
mod checks;
mod commitment_page;
mod cross_links;
mod dataset;
mod embed;
mod evidence;
mod feed;
mod folder;
mod follow_page;
mod languages;
mod ledger_site;
mod pages;
mod parts;
mod source_page;
mod style;
mod workspace;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check::{Checked, Levels};
use crate::finding::Finding;
use crate::load::Loaded;
use crate::model::{Kind, Ledger, Status};
use crate::report::{self, CommitmentReport, Report};

pub(crate) use cross_links::CrossLink;
pub use workspace::{SiteLedger, WORKSPACE_ROOT_FILES, WorkspaceSite, write_workspace};

/// The file that marks a folder as a site this command wrote, and lists
/// its files, so that it may be replaced; any other folder that is not
/// empty is refused.
pub const MARKER: &str = ".commitments-site";

/// Why no site was written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// Syntax, schema or id errors: the ledger did not load.
    #[error(
        "the ledger has syntax, schema or id errors; fix them first (`commitments check` shows them)"
    )]
    NotLoaded(Vec<Finding>),
    /// The ledger has errors (a duplicate id, say): a site would publish
    /// them, and two pages could claim one file.
    #[error(
        "the ledger has {} (`commitments check` shows them); a site is written only from a ledger without errors",
        crate::text::plural(*.0, "error", "errors")
    )]
    HasErrors(usize),
    /// The output folder may not receive a site.
    #[error("`{}` cannot hold the site: {why}", path.display())]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why not.
        why: String,
    },
    /// The output folder holds something else.
    #[error(
        "`{path}` is not empty and is not a site written by `commitments site` (no {MARKER} in it); pass an empty or new folder, such as public/"
    )]
    NotOurs {
        /// The folder.
        path: PathBuf,
    },
    /// A base URL that is not an absolute http(s) address.
    #[error(
        "the base URL `{0}` is not an absolute http or https address; write one such as https://example.org/ledger/"
    )]
    BadBaseUrl(String),
    /// A name that cannot be a path segment.
    #[error("{what} `{value}` cannot name a page: use lowercase words joined by hyphens")]
    UnsafeName {
        /// What it is (an area, say).
        what: &'static str,
        /// The name.
        value: String,
    },
    /// A ledger of a workspace whose id is a language of its site: both
    /// would be the same folder.
    #[error(
        "the ledger id `{0}` is also the folder of the site's pages in {0}; give the ledger another id"
    )]
    LedgerIsLanguage(String),
    /// Writing failed.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// What was written.
#[derive(Debug)]
pub struct Written {
    /// Every file, relative to the output folder, with `/` separators,
    /// sorted.
    pub files: Vec<String>,
}

/// Everything the pages are made from.
pub(crate) struct Site<'a> {
    pub(crate) report: Report,
    /// The ledger as of the date: every update up to it.
    pub(crate) view: &'a Ledger,
    /// Area slug → (its name as written, the commitments in it).
    pub(crate) areas: BTreeMap<String, (String, Vec<usize>)>,
    /// Commitment id → the commitment as of the date (the first, for an id
    /// written twice).
    by_id: std::collections::HashMap<&'a str, &'a crate::model::Commitment>,
    /// Source id → the source; party id → its name.
    sources: std::collections::HashMap<&'a str, &'a crate::model::Source>,
    party_names: std::collections::HashMap<&'a str, &'a str>,
    /// Where the site is published, ending in `/`, if known.
    base_url: Option<String>,
    /// Source id → the text of its local copy, for its page.
    source_texts: std::collections::HashMap<String, String>,
    /// Its `related` links, both ways.
    pub(crate) cross: cross_links::CrossLinks,
    /// In a workspace's site, the workspace's title: pages link back to
    /// its dashboard, one folder up.
    pub(crate) workspace_title: Option<String>,
    /// The folder of the workspace's dashboard in these pages' language
    /// (`es/`), or empty for its root's.
    pub(crate) workspace_folder: String,
    /// The site's languages, and the one of these pages.
    pub(crate) languages: languages::SiteLanguages,
    /// The messages of these pages' language.
    pub(crate) locale: &'static crate::i18n::Locale,
}

impl Site<'_> {
    pub(crate) fn commitment(&self, id: &str) -> Option<&crate::model::Commitment> {
        self.by_id.get(id).copied()
    }

    pub(crate) fn source(&self, id: &str) -> Option<&crate::model::Source> {
        self.sources.get(id).copied()
    }

    /// The address of a page in these pages' language, for the feed:
    /// absolute under the base URL when there is one, else relative to
    /// the site's root.
    pub(crate) fn href(&self, path: &str) -> String {
        let folder = self.languages.folder(self.languages.here());
        self.shared_href(&format!("{folder}{path}"))
    }

    /// The address of a file the site has once, in no language's folder
    /// (the downloads), as [`Site::href`].
    pub(crate) fn shared_href(&self, path: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}{path}"),
            None => path.to_owned(),
        }
    }

    /// The party's name, or its id when it is not declared.
    pub(crate) fn party_name<'s>(&'s self, id: &'s str) -> &'s str {
        self.party_names.get(id).copied().unwrap_or(id)
    }

    /// The parties' names, as a list in the pages' language.
    pub(crate) fn party_names(&self, ids: &[String]) -> String {
        let names: Vec<&str> = ids.iter().map(|p| self.party_name(p)).collect();
        names.join(&self.locale.text("list-comma"))
    }

    /// A text of the ledger in these pages' language: the editors'
    /// translation when there is one, else the text as written.
    pub(crate) fn translated<'t>(
        &self,
        i18n: &'t crate::model::Translations,
        key: &str,
        original: &'t str,
    ) -> &'t str {
        i18n.pick_in(
            self.report
                .translated
                .then_some(self.report.language.as_str()),
            key,
            original,
        )
    }
}

/// One file of the site: its path under the folder and how to make it.
#[derive(Clone, Copy)]
enum Page<'a> {
    Dashboard,
    Commitment(&'a CommitmentReport),
    Party(&'a report::PartyTotals),
    Area(&'a str),
    Status(Status),
    Kind(Kind),
    Feed,
    Json,
    Csv,
    Style,
    Rule(&'static crate::rule::Rule),
    Checks,
    Source(&'a crate::model::Source),
    Follow,
    Calendar,
    Badge,
    Card(&'a CommitmentReport),
}

impl Page<'_> {
    fn path(&self) -> String {
        match self {
            Page::Dashboard => "index.html".to_owned(),
            Page::Commitment(c) => format!("commitments/{}/index.html", c.id),
            Page::Party(p) => format!("parties/{}/index.html", p.id),
            Page::Area(slug) => format!("areas/{slug}/index.html"),
            Page::Status(status) => format!("status/{}/index.html", status.as_str()),
            Page::Kind(kind) => format!("kinds/{}/index.html", kind.as_str()),
            Page::Feed => "feed.xml".to_owned(),
            Page::Json => "ledger.json".to_owned(),
            Page::Csv => "commitments.csv".to_owned(),
            Page::Style => "style.css".to_owned(),
            Page::Rule(rule) => format!("rules/{}/index.html", rule.name),
            Page::Checks => "checks/index.html".to_owned(),
            Page::Source(source) => source_page::source_path(&source.id.value),
            Page::Follow => "follow/index.html".to_owned(),
            Page::Calendar => "deadlines.ics".to_owned(),
            Page::Badge => "badge.json".to_owned(),
            Page::Card(c) => format!("commitments/{}/card.html", c.id),
        }
    }

    /// Whether the file is written in every language of the site: the
    /// readers' pages and the feed. The downloads, the style, the sources'
    /// texts, the checks and the embeds are written once, at the root.
    fn is_translated(&self) -> bool {
        matches!(
            self,
            Page::Dashboard
                | Page::Commitment(_)
                | Page::Party(_)
                | Page::Area(_)
                | Page::Status(_)
                | Page::Kind(_)
                | Page::Feed
                | Page::Follow
        )
    }

    /// Whether the file is HTML or XML, which may not carry control
    /// characters (the JSON and CSV downloads are the reports, byte for byte).
    fn is_markup(&self) -> bool {
        !matches!(self, Page::Json | Page::Csv)
    }

    /// Writes the file; the large ones as they are made.
    fn write(&self, site: &Site<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let text = match self {
            Page::Dashboard => return pages::dashboard(site, out),
            Page::Commitment(c) => commitment_page::commitment(site, c),
            Page::Party(p) => return pages::party(site, out, p),
            Page::Area(slug) => return pages::area(site, out, slug),
            Page::Status(status) => return pages::status(site, out, *status),
            Page::Kind(kind) => return pages::kind(site, out, *kind),
            Page::Feed => feed::atom(site),
            Page::Json => return report::write_json(&site.report, out),
            Page::Csv => return report::write_csv(&site.report, out),
            Page::Style => style::style_sheet(),
            Page::Rule(rule) => checks::rule(site, rule),
            Page::Checks => return checks::checks(site, out),
            Page::Source(source) => source_page::source(
                site,
                source,
                site.source_texts
                    .get(source.id.value.as_str())
                    .map(String::as_str),
            ),
            Page::Follow => follow_page::follow(site),
            Page::Calendar => return calendar::deadlines(site, out),
            Page::Badge => embed::badge(site),
            Page::Card(c) => embed::card(site, c),
        };
        out.write_all(text.as_bytes())
    }
}

/// Writes the site of `loaded` (read from `ledger_path`) at `as_of` into
/// `dir`: [`write_checked`] after one [`Checked::new`].
pub fn write(
    loaded: Loaded,
    levels: &Levels,
    as_of: NaiveDate,
    dir: &Path,
    ledger_path: &Path,
) -> Result<Written, SiteError> {
    match Checked::new(loaded, levels, as_of) {
        Ok(checked) => write_checked(checked, dir, ledger_path, None),
        Err(loaded) => Err(SiteError::NotLoaded(loaded.blocking_findings())),
    }
}

/// Writes the site of a checked ledger (read from `ledger_path`) into
/// `dir`, which must be new, empty, or a site this command wrote before: it
/// is replaced whole, by rename, once the new site is written (see
/// [`folder`]). A ledger with errors gets no site. The report, the pages and
/// the feed are made from the check's own view and findings. `base_url`
/// (else the ledger's `[site] base_url`) makes the feed's links absolute.
///
/// It takes the checked ledger and frees its findings and the source files'
/// texts once the reports are built: the pages need the model and the
/// reports, not those. (The ledger's text stays: the model's strings are
/// ranges of it.)
pub fn write_checked(
    checked: Checked,
    dir: &Path,
    ledger_path: &Path,
    base_url: Option<&str>,
) -> Result<Written, SiteError> {
    let errors = checked.errors().count();
    if errors > 0 {
        return Err(SiteError::HasErrors(errors));
    }
    let base_url = ledger_site::base_url_of(base_url, &checked.ledger)?;
    // The ledger and its local sources: DIR may not hold them.
    let protected = ledger_site::protected_paths(&checked.ledger, ledger_path);
    let target = folder::check(dir, &protected)?;
    let staging = target.stage()?;
    let placement = ledger_site::Placement {
        prefix: String::new(),
        cross: cross_links::of_one(checked.view(), checked.loaded.workspace.as_deref()),
        workspace_title: None,
        workspace_i18n: crate::model::Translations::default(),
        workspace_languages: Vec::new(),
    };
    let mut files = ledger_site::write_ledger(checked, &staging, dir, base_url, placement)?.files;
    target.swap(staging, &files)?;
    files.push(MARKER.to_owned());
    files.sort();
    Ok(Written { files })
}
