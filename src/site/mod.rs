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
mod embed;
mod evidence;
mod feed;
mod folder;
mod pages;
mod source_page;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::check::{Checked, Levels};
use crate::finding::Finding;
use crate::load::Loaded;
use crate::model::{Kind, Ledger, Status};
use crate::report::{self, CommitmentReport, Report};
use crate::rules::id_format::{is_kebab_case, slug};

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
    /// The data package's files but `commitments.csv` (a page of its own).
    data: Vec<(&'static str, Vec<u8>)>,
}

impl Site<'_> {
    pub(crate) fn commitment(&self, id: &str) -> Option<&crate::model::Commitment> {
        self.by_id.get(id).copied()
    }

    pub(crate) fn source(&self, id: &str) -> Option<&crate::model::Source> {
        self.sources.get(id).copied()
    }

    /// The address of a file of the site, for the feed: absolute under the
    /// base URL when there is one, else relative to the site's root.
    pub(crate) fn href(&self, path: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}{path}"),
            None => path.to_owned(),
        }
    }

    /// The party's name, or its id when it is not declared.
    pub(crate) fn party_name<'s>(&'s self, id: &'s str) -> &'s str {
        self.party_names.get(id).copied().unwrap_or(id)
    }
}

/// One file of the site: its path under the folder and how to make it.
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
    /// A file of the data package, by name (`updates.csv`).
    Data(&'static str),
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
            Page::Data(name) => (*name).to_owned(),
            Page::Calendar => "deadlines.ics".to_owned(),
            Page::Badge => "badge.json".to_owned(),
            Page::Card(c) => format!("commitments/{}/card.html", c.id),
        }
    }

    /// Whether the file is HTML or XML, which may not carry control
    /// characters (the JSON and CSV downloads are the reports, byte for byte).
    fn is_markup(&self) -> bool {
        !matches!(self, Page::Json | Page::Csv | Page::Data(_))
    }

    /// Writes the file; the large ones as they are made.
    fn write(&self, site: &Site<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let text = match self {
            Page::Dashboard => pages::dashboard(site),
            Page::Commitment(c) => commitment_page::commitment(site, c),
            Page::Party(p) => return pages::party(site, out, p),
            Page::Area(slug) => return pages::area(site, out, slug),
            Page::Status(status) => return pages::status(site, out, *status),
            Page::Kind(kind) => return pages::kind(site, out, *kind),
            Page::Feed => feed::atom(site),
            Page::Json => return report::write_json(&site.report, out),
            Page::Csv => return report::write_csv(&site.report, out),
            Page::Style => pages::style_sheet(),
            Page::Rule(rule) => checks::rule(site, rule),
            Page::Checks => checks::checks(site),
            Page::Source(source) => source_page::source(
                site,
                source,
                site.source_texts.get(&source.id.value).map(String::as_str),
            ),
            Page::Follow => pages::follow(site),
            Page::Calendar => calendar::deadlines(site),
            Page::Badge => embed::badge(site),
            Page::Card(c) => embed::card(site, c),
            Page::Data(name) => {
                let bytes = site.data.iter().find(|(n, _)| n == name).map(|(_, b)| b);
                return out.write_all(bytes.map_or(&[][..], |b| b.as_slice()));
            }
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
/// It takes the checked ledger and frees its text once the report is
/// built: the pages need the model, not the text, and a large ledger's text
/// is a tenth of the memory the site needs.
pub fn write_checked(
    mut checked: Checked,
    dir: &Path,
    ledger_path: &Path,
    base_url: Option<&str>,
) -> Result<Written, SiteError> {
    let errors = checked.errors().count();
    if errors > 0 {
        return Err(SiteError::HasErrors(errors));
    }
    let report = report::build_checked(&checked);
    // The local copies, published so that a reader can read each quote in
    // its context: only the texts the loader read, through its checks
    // (inside the ledger's folder, no hidden file, no link out), never the
    // disk again: a `file` that the checker refused, and a ledger that set
    // `source-file` to "allow", publish nothing.
    let source_texts: std::collections::HashMap<String, String> = checked
        .loaded
        .source_files
        .iter()
        .map(|(id, file)| (id.clone(), checked.loaded.files.text(*file).to_owned()))
        .collect();
    drop(std::mem::take(&mut checked.loaded.files));
    let ledger = &checked.ledger;
    let view = checked.view();
    let base_url = base_url
        .or(ledger.site.base_url.as_ref().map(|b| b.value.as_str()))
        .map(|text| {
            crate::model::SiteConfig::base_url_of(text)
                .ok_or_else(|| SiteError::BadBaseUrl(text.to_owned()))
        })
        .transpose()?;
    let mut site = prepare(report, view, base_url)?;
    site.data = report::data_package_tables(&site.report, view);
    // The ledger and its local sources: DIR may not hold them.
    let ledger_dir = ledger_path.parent().unwrap_or(Path::new(""));
    site.source_texts = source_texts;
    let mut protected = vec![ledger_path.to_owned()];
    protected.extend(
        ledger
            .sources
            .iter()
            .filter_map(|s| s.file.as_ref())
            .map(|file| ledger_dir.join(&file.value)),
    );
    let target = folder::check(dir, &protected)?;

    let mut all: Vec<Page<'_>> = vec![
        Page::Dashboard,
        Page::Feed,
        Page::Json,
        Page::Csv,
        Page::Style,
        Page::Checks,
        Page::Follow,
        Page::Calendar,
        Page::Badge,
    ];
    all.extend(site.report.commitments.iter().map(Page::Commitment));
    all.extend(site.report.commitments.iter().map(Page::Card));
    all.extend(site.report.totals.by_party.iter().map(Page::Party));
    all.extend(site.areas.keys().map(|slug| Page::Area(slug)));
    all.extend(Status::ALL.into_iter().map(Page::Status));
    all.extend(Kind::ALL.into_iter().map(Page::Kind));
    all.extend(crate::rules::RULES.iter().copied().map(Page::Rule));
    all.extend(site.sources.values().copied().map(Page::Source));
    all.extend(site.data.iter().map(|(name, _)| Page::Data(name)));

    let mut files: Vec<String> = all.iter().map(Page::path).collect();
    files.sort();
    if let Some(twice) = files.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(SiteError::UnsafeName {
            what: "page",
            value: twice[0].clone(),
        });
    }
    let staging = target.stage()?;
    all.par_iter().try_for_each(|page| {
        let relative = page.path();
        let written = staging.create(&relative).and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            if page.is_markup() {
                let mut safe = crate::markup::MarkupSafe::new(&mut out);
                page.write(&site, &mut safe)?;
                std::io::Write::flush(&mut safe)?;
            } else {
                page.write(&site, &mut out)?;
            }
            std::io::Write::flush(&mut out)
        });
        written.map_err(|source| SiteError::Io {
            path: dir.join(&relative),
            source,
        })
    })?;
    target.swap(staging, &files)?;
    files.push(MARKER.to_owned());
    files.sort();
    Ok(Written { files })
}

/// Checks that every name that becomes a path is safe, and groups areas.
fn prepare<'a>(
    report: Report,
    view: &'a Ledger,
    base_url: Option<String>,
) -> Result<Site<'a>, SiteError> {
    // Ids are checked by the loader (`id-format`); checked again here, as
    // they become folder names.
    for (what, id) in report
        .commitments
        .iter()
        .map(|c| ("commitment", &c.id))
        .chain(report.totals.by_party.iter().map(|p| ("party", &p.id)))
        .chain(view.sources.iter().map(|s| ("source", &s.id.value)))
    {
        if !is_kebab_case(id) {
            return Err(SiteError::UnsafeName {
                what,
                value: id.clone(),
            });
        }
    }
    let mut areas: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (index, c) in report.commitments.iter().enumerate() {
        if let Some(area) = &c.area {
            let slug = slug(area);
            areas
                .entry(slug)
                .or_insert_with(|| (area.clone(), Vec::new()))
                .1
                .push(index);
        }
    }
    let mut by_id = std::collections::HashMap::with_capacity(view.commitments.len());
    for commitment in &view.commitments {
        by_id
            .entry(commitment.id.value.as_str())
            .or_insert(commitment);
    }
    // The first of an id written twice, as everywhere else.
    let mut sources = std::collections::HashMap::new();
    for source in &view.sources {
        sources.entry(source.id.value.as_str()).or_insert(source);
    }
    let mut party_names = std::collections::HashMap::new();
    for party in &view.parties {
        party_names
            .entry(party.id.value.as_str())
            .or_insert(party.name.value.as_str());
    }
    Ok(Site {
        report,
        view,
        areas,
        by_id,
        sources,
        party_names,
        base_url,
        source_texts: std::collections::HashMap::new(),
        data: Vec::new(),
    })
}
