//! One ledger's pages: its report, every page made from it, written into a
//! staging folder under a prefix (nothing, or `LEDGER-ID/` in a workspace's
//! site).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::languages::SiteLanguages;
use super::{Page, Site, SiteError, cross_links, feed, folder};
use crate::check::Checked;
use crate::model::{Kind, Ledger, Status};
use crate::report::{self, Report};
use crate::rules::id_format::{is_kebab_case, slug};

/// `base_url`, else the ledger's `[site] base_url`, checked.
pub(super) fn base_url_of(
    base_url: Option<&str>,
    ledger: &Ledger,
) -> Result<Option<String>, SiteError> {
    base_url
        .or(ledger.site.base_url.as_ref().map(|b| b.value.as_str()))
        .map(|text| {
            crate::model::SiteConfig::base_url_of(text)
                .ok_or_else(|| SiteError::BadBaseUrl(text.to_owned()))
        })
        .transpose()
}

/// The ledger's file and its local sources' files: a site's folder may not
/// hold them, since the site replaces its folder whole.
pub(super) fn protected_paths(ledger: &Ledger, ledger_path: &Path) -> Vec<PathBuf> {
    let ledger_dir = ledger_path.parent().unwrap_or(Path::new(""));
    let mut protected = vec![ledger_path.to_owned()];
    protected.extend(
        ledger
            .sources
            .iter()
            .filter_map(|s| s.file.as_ref())
            .map(|file| ledger_dir.join(&file.value)),
    );
    protected
}

/// Where a ledger's pages go in the site, and what they link to beyond it.
pub(super) struct Placement {
    /// The folder of its pages in the site: empty, or `LEDGER-ID/` in a
    /// workspace's site.
    pub(super) prefix: String,
    /// Its `related` links, both ways.
    pub(super) cross: cross_links::CrossLinks,
    /// The workspace's title, for the link back to its dashboard.
    pub(super) workspace_title: Option<String>,
    /// Its translations.
    pub(super) workspace_i18n: crate::model::Translations,
    /// The languages of the workspace's dashboard, its root's first: a
    /// page links back to the dashboard in its own language when there is
    /// one.
    pub(super) workspace_languages: Vec<crate::i18n::Lang>,
}

/// What a ledger's pages leave for a workspace's own pages.
pub(super) struct LedgerWritten {
    /// The files written, with the placement's prefix.
    pub(super) files: Vec<String>,
    /// Its report (kept for the workspace's dashboard and feed).
    pub(super) report: Report,
    /// Its feed's entries, newest first, with links into its folder.
    pub(super) entries: Vec<(NaiveDate, atom_syndication::Entry)>,
    /// Its report and entries in each other language of its site.
    pub(super) translations: Vec<Translated>,
}

/// A ledger's report and feed entries in one language of its site.
pub(super) struct Translated {
    pub(super) lang: crate::i18n::Lang,
    pub(super) report: Report,
    pub(super) entries: Vec<(NaiveDate, atom_syndication::Entry)>,
}

/// The folder of the workspace's dashboard in `lang`, from the
/// workspace's root: its own for a language of the workspace but its
/// root's, else none (the root's dashboard).
fn workspace_folder(languages: &[crate::i18n::Lang], lang: crate::i18n::Lang) -> String {
    match languages.iter().position(|l| *l == lang) {
        Some(index) if index > 0 => format!("{}/", lang.tag()),
        _ => String::new(),
    }
}

/// Writes one ledger's pages into `staging`, under the placement's prefix.
pub(super) fn write_ledger(
    mut checked: Checked,
    staging: &folder::Staging,
    dir: &Path,
    base_url: Option<String>,
    placement: Placement,
) -> Result<LedgerWritten, SiteError> {
    // The root's pages in the ledger's language, and the readers' pages
    // again in each language it is translated into.
    let languages = SiteLanguages::of(&checked.ledger);
    let report = report::build_checked(&checked, languages.here());
    let translated: Vec<Report> = languages
        .translations()
        .map(|lang| report::build_checked(&checked, lang))
        .collect();
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
    // The reports hold the findings the pages show; the check's own are
    // let go (at 100k commitments, 150,000 findings and 60 MB).
    drop(std::mem::take(&mut checked.findings));
    let view = checked.view();
    let mut site = prepare(report, view, base_url.clone(), languages.clone())?;
    site.source_texts = source_texts;
    site.cross = placement.cross;
    site.workspace_title = placement.workspace_title;
    site.workspace_folder = workspace_folder(&placement.workspace_languages, languages.here());
    let mut others: Vec<Site<'_>> = Vec::with_capacity(translated.len());
    for (report, lang) in translated.into_iter().zip(languages.translations()) {
        let mut other = prepare(report, view, base_url.clone(), languages.in_lang(lang))?;
        other.cross = site.cross.clone();
        other.workspace_title = site.workspace_title.as_deref().map(|title| {
            placement
                .workspace_i18n
                .pick(lang.tag(), "title", title)
                .to_owned()
        });
        other.workspace_folder = workspace_folder(&placement.workspace_languages, lang);
        others.push(other);
    }

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

    let prefix = placement.prefix.as_str();
    // Each file: the pages it belongs to, what it is, and its language's
    // folder. Its path is made when it is listed and again when it is
    // written: the sorted list of files (which the site returns) holds the
    // paths once, and the jobs do not hold them a second time (200,000
    // paths at 100k).
    let folders: Vec<String> = others
        .iter()
        .map(|other| other.languages.folder(other.languages.here()))
        .collect();
    let mut jobs: Vec<(&Site<'_>, Page<'_>, &str)> =
        all.iter().map(|page| (&site, *page, "")).collect();
    for (other, folder) in others.iter().zip(&folders) {
        jobs.extend(
            other_pages(other)
                .into_iter()
                .map(|page| (other, page, folder.as_str())),
        );
    }
    let path_of = |page: &Page<'_>, folder: &str| format!("{prefix}{folder}{}", page.path());
    // The data package but `commitments.csv` (a page: the CSV report).
    let data_paths: Vec<String> = report::DATA_PACKAGE_FILES[1..]
        .iter()
        .map(|name| format!("{prefix}{name}"))
        .collect();
    let mut files: Vec<String> = jobs
        .iter()
        .map(|(_, page, folder)| path_of(page, folder))
        .collect();
    files.extend(data_paths.iter().cloned());
    files.sort();
    if let Some(twice) = files.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(SiteError::UnsafeName {
            what: "page",
            value: twice[0].clone(),
        });
    }
    // Written before the pages, table by table as they are made: held
    // through the pages' parallel pass, they were a tenth of the site's
    // peak memory, and made whole before they were written, a sixth.
    let mut current = String::new();
    report::write_data_package_tables(&site.report, view, |name| {
        current = format!("{prefix}{name}");
        staging.create(&current).map(std::io::BufWriter::new)
    })
    .map_err(|source| SiteError::Io {
        path: dir.join(&current),
        source,
    })?;
    jobs.par_iter().try_for_each(|(site, page, folder)| {
        let relative = path_of(page, folder);
        let written = staging.create(&relative).and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            if page.is_markup() {
                let mut safe = crate::markup::MarkupSafe::new(&mut out);
                page.write(site, &mut safe)?;
                std::io::Write::flush(&mut safe)?;
            } else {
                page.write(site, &mut out)?;
            }
            std::io::Write::flush(&mut out)
        });
        written.map_err(|source| SiteError::Io {
            path: dir.join(&relative),
            source,
        })
    })?;
    drop(jobs);
    // A workspace's feeds take the entries of each language, with links
    // into the ledger's folder.
    let in_workspace = !prefix.is_empty();
    let entries = if in_workspace {
        feed::entries_under(&site, prefix)
    } else {
        Vec::new()
    };
    let translations = others
        .into_iter()
        .map(|other| Translated {
            lang: other.languages.here(),
            entries: if in_workspace {
                feed::entries_under(&other, prefix)
            } else {
                Vec::new()
            },
            report: other.report,
        })
        .collect();
    Ok(LedgerWritten {
        files,
        report: site.report,
        entries,
        translations,
    })
}

/// The pages of a language's folder: the readers' pages and the feed, as
/// at the root.
fn other_pages<'s>(site: &'s Site<'_>) -> Vec<Page<'s>> {
    let mut pages = vec![Page::Dashboard, Page::Feed, Page::Follow];
    pages.extend(site.report.commitments.iter().map(Page::Commitment));
    pages.extend(site.report.totals.by_party.iter().map(Page::Party));
    pages.extend(site.areas.keys().map(|slug| Page::Area(slug)));
    pages.extend(Status::ALL.into_iter().map(Page::Status));
    pages.extend(Kind::ALL.into_iter().map(Page::Kind));
    debug_assert!(pages.iter().all(Page::is_translated));
    pages
}

/// Checks that every name that becomes a path is safe, and groups areas.
fn prepare<'a>(
    report: Report,
    view: &'a Ledger,
    base_url: Option<String>,
    languages: SiteLanguages,
) -> Result<Site<'a>, SiteError> {
    // Ids are checked by the loader (`id-format`); checked again here, as
    // they become folder names.
    for (what, id) in report
        .commitments
        .iter()
        .map(|c| ("commitment", c.id.as_str()))
        .chain(
            report
                .totals
                .by_party
                .iter()
                .map(|p| ("party", p.id.as_str())),
        )
        .chain(view.sources.iter().map(|s| ("source", s.id.value.as_str())))
    {
        if !is_kebab_case(id) {
            return Err(SiteError::UnsafeName {
                what,
                value: id.to_owned(),
            });
        }
    }
    let mut by_id = std::collections::HashMap::with_capacity(view.commitments.len());
    for commitment in &view.commitments {
        by_id
            .entry(commitment.id.value.as_str())
            .or_insert(commitment);
    }
    // An area's page is named by the area as written, so that it has one
    // address in every language; its name is the page's language's.
    let mut areas: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (index, c) in report.commitments.iter().enumerate() {
        if let Some(area) = &c.area {
            let written = by_id
                .get(c.id.as_str())
                .and_then(|m| m.area.as_ref())
                .map_or(area.as_str(), |a| a.value.as_str());
            areas
                .entry(slug(written))
                .or_insert_with(|| (area.clone(), Vec::new()))
                .1
                .push(index);
        }
    }
    // The first of an id written twice, as everywhere else.
    let mut sources = std::collections::HashMap::new();
    for source in &view.sources {
        sources.entry(source.id.value.as_str()).or_insert(source);
    }
    let translate_to = report.translated.then_some(report.language.as_str());
    let mut party_names = std::collections::HashMap::new();
    for party in &view.parties {
        let name = party.i18n.pick_in(translate_to, "name", &party.name.value);
        party_names.entry(party.id.value.as_str()).or_insert(name);
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
        cross: cross_links::CrossLinks::default(),
        workspace_title: None,
        workspace_folder: String::new(),
        locale: crate::i18n::Locale::of(languages.here()),
        languages,
    })
}
