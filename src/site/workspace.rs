//! A workspace's site: each ledger's site in a folder named by its id, and
//! at the root a dashboard of the ledgers, one feed of every ledger's
//! changes, and the workspace's totals and commitments as data.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use maud::{DOCTYPE, html};

use super::languages::SiteLanguages;
use super::ledger_site::{LedgerWritten, Placement, protected_paths, write_ledger};
use super::{MARKER, SiteError, Written, folder};
use crate::check::Checked;
use crate::model::Status;
use crate::report::present::{bar, colour, counts_line, footer, readable_lines, words};
use crate::report::{self, Report};
use crate::rules::id_format::is_kebab_case;

/// The files a workspace's site has at its root, beside a folder per ledger.
pub const WORKSPACE_ROOT_FILES: [&str; 5] = [
    "index.html",
    "feed.xml",
    "workspace.json",
    "commitments.csv",
    "style.css",
];

/// One ledger of a workspace, checked, for its site.
#[derive(Debug)]
pub struct SiteLedger {
    /// The ledger checked at the site's date.
    pub checked: Checked,
    /// Its file: the site's folder may not hold it.
    pub path: PathBuf,
}

/// What the workspace's site is made from besides its ledgers.
#[derive(Debug, Clone, Copy)]
pub struct WorkspaceSite<'a> {
    /// `[workspace] id`: the root feed's id is made from it.
    pub id: &'a str,
    /// `[workspace] title`.
    pub title: &'a str,
    /// `[workspace.i18n.LANG]`: its title in other languages.
    pub i18n: &'a crate::model::Translations,
    /// The workspace file: the site's folder may not hold it.
    pub file: &'a Path,
    /// The date every ledger was checked at.
    pub as_of: NaiveDate,
}

/// Writes the site of every ledger of a workspace into `dir`, as
/// [`super::write_checked`] does for one: replaced whole, by rename, once
/// all of it is written, and not at all when a ledger has errors.
pub fn write_workspace(
    workspace: WorkspaceSite<'_>,
    ledgers: Vec<SiteLedger>,
    dir: &Path,
    base_url: Option<&str>,
) -> Result<Written, SiteError> {
    let errors: usize = ledgers.iter().map(|l| l.checked.errors().count()).sum();
    if errors > 0 {
        return Err(SiteError::HasErrors(errors));
    }
    let base_url = base_url
        .map(|text| {
            crate::model::SiteConfig::base_url_of(text)
                .ok_or_else(|| SiteError::BadBaseUrl(text.to_owned()))
        })
        .transpose()?;
    let ids: Vec<String> = ledgers.iter().map(|l| l.checked.ledger.id()).collect();
    for (index, id) in ids.iter().enumerate() {
        // Ids become folder names, beside the root's own files.
        if !is_kebab_case(id) || ids[..index].contains(id) {
            return Err(SiteError::UnsafeName {
                what: "ledger",
                value: id.clone(),
            });
        }
    }
    let mut protected = vec![workspace.file.to_owned()];
    for ledger in &ledgers {
        protected.extend(protected_paths(&ledger.checked.ledger, &ledger.path));
    }
    let target = folder::check(dir, &protected)?;
    let staging = target.stage()?;

    let titles: Vec<String> = ledgers.iter().map(|l| report_title(&l.checked)).collect();
    let mut cross = {
        let views: Vec<(&str, &str, &crate::model::Ledger)> = ledgers
            .iter()
            .zip(&ids)
            .zip(&titles)
            .map(|((l, id), title)| (id.as_str(), title.as_str(), l.checked.view()))
            .collect();
        super::cross_links::of_workspace(&views)
    };
    // The dashboard and the feed in each language every ledger has.
    let languages = SiteLanguages::common(
        &ledgers
            .iter()
            .map(|l| SiteLanguages::of(&l.checked.ledger))
            .collect::<Vec<_>>(),
    );
    // A ledger's folder may not be a language's.
    if let Some(id) = ids.iter().find(|id| {
        languages
            .translations()
            .any(|lang| lang.tag() == id.as_str())
    }) {
        return Err(SiteError::LedgerIsLanguage(id.clone()));
    }
    let mut files: Vec<String> = Vec::new();
    let mut written: Vec<LedgerWritten> = Vec::with_capacity(ledgers.len());
    for (ledger, id) in ledgers.into_iter().zip(&ids) {
        let placement = Placement {
            prefix: format!("{id}/"),
            cross: cross.remove(id).unwrap_or_default(),
            workspace_title: Some(workspace.title.to_owned()),
            workspace_i18n: workspace.i18n.clone(),
            workspace_languages: languages.all().collect(),
        };
        let ledger_base = base_url.as_ref().map(|base| format!("{base}{id}/"));
        let done = write_ledger(ledger.checked, &staging, dir, ledger_base, placement)?;
        files.extend(done.files.iter().cloned());
        written.push(done);
    }

    let reports: Vec<Report> = written.iter().map(|w| w.report.clone()).collect();
    let href = |path: &str| match &base_url {
        Some(base) => format!("{base}{path}"),
        None => path.to_owned(),
    };
    let mut root: Vec<(String, Vec<u8>)> = vec![
        (
            "workspace.json".to_owned(),
            summary_json(&workspace, &reports, &ids).into_bytes(),
        ),
        ("commitments.csv".to_owned(), commitments_csv(&reports)?),
        (
            "style.css".to_owned(),
            super::style::style_sheet().into_bytes(),
        ),
    ];
    for lang in languages.all() {
        let here = languages.in_lang(lang);
        let folder = here.folder(lang);
        let loc = crate::i18n::Locale::of(lang);
        // Each ledger's report and entries in this language: its root's,
        // or one of its translations.
        let mut in_lang: Vec<Report> = Vec::with_capacity(written.len());
        let mut entries: Vec<(NaiveDate, atom_syndication::Entry)> = Vec::new();
        for w in &written {
            match w.translations.iter().find(|t| t.lang == lang) {
                Some(t) => {
                    in_lang.push(t.report.clone());
                    entries.extend(t.entries.iter().cloned());
                }
                None => {
                    in_lang.push(w.report.clone());
                    entries.extend(w.entries.iter().cloned());
                }
            }
        }
        // Newest first; a stable sort keeps the workspace's order within a day.
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.0));
        let updated = entries.first().map_or(workspace.as_of, |(date, _)| *date);
        let language_part = if folder.is_empty() {
            String::new()
        } else {
            format!(":{}", lang.tag())
        };
        let feed = super::feed::document(
            &loc.with(
                "feed-title",
                &[("ledger", title_in(&workspace, lang).into())],
            ),
            &format!("urn:commitments:workspace:{}{language_part}", workspace.id),
            updated,
            [
                href(&format!("{folder}feed.xml")),
                href(&format!("{folder}index.html")),
            ],
            entries,
        );
        root.push((
            format!("{folder}index.html"),
            dashboard(&workspace, &in_lang, &ids, &here).into_bytes(),
        ));
        root.push((format!("{folder}feed.xml"), feed.into_bytes()));
    }
    for (name, bytes) in &root {
        let name = name.as_str();
        let written = staging.create(name).and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            if name.ends_with(".html") || name.ends_with(".xml") {
                let mut safe = crate::markup::MarkupSafe::new(&mut out);
                std::io::Write::write_all(&mut safe, bytes)?;
                std::io::Write::flush(&mut safe)?;
            } else {
                std::io::Write::write_all(&mut out, bytes)?;
            }
            std::io::Write::flush(&mut out)
        });
        written.map_err(|source| SiteError::Io {
            path: dir.join(name),
            source,
        })?;
        files.push(name.to_owned());
    }
    files.sort();
    target.swap(staging, &files)?;
    files.push(MARKER.to_owned());
    files.sort();
    Ok(Written { files })
}

/// The workspace's title in `lang`: the editors' translation, else as
/// written.
fn title_in<'w>(workspace: &WorkspaceSite<'w>, lang: crate::i18n::Lang) -> &'w str {
    workspace.i18n.pick(lang.tag(), "title", workspace.title)
}

/// The title a ledger's report gives it.
fn report_title(checked: &Checked) -> String {
    checked
        .ledger
        .meta
        .as_ref()
        .map_or_else(|| checked.ledger.id(), |m| m.title.value.to_string())
}

/// `workspace.json`: the workspace's totals (each the sum of the ledgers'
/// `ledger.json` totals), and each ledger's, with where its files are.
fn summary_json(workspace: &WorkspaceSite<'_>, reports: &[Report], ids: &[String]) -> String {
    let ledgers: Vec<serde_json::Value> = reports
        .iter()
        .zip(ids)
        .map(|(r, id)| {
            serde_json::json!({
                "ledger_id": r.ledger_id,
                "title": r.title,
                "folder": format!("{id}/"),
                "report": format!("{id}/ledger.json"),
                "totals": r.totals,
            })
        })
        .collect();
    let value = serde_json::json!({
        "workspace_id": workspace.id,
        "title": workspace.title,
        "as_of": workspace.as_of,
        "totals": report::sum_totals(reports),
        "ledgers": ledgers,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Every ledger's `commitments.csv` in one table, a `ledger_id` column first.
fn commitments_csv(reports: &[Report]) -> Result<Vec<u8>, SiteError> {
    let io = |error: csv::Error| SiteError::Io {
        path: PathBuf::from("commitments.csv"),
        source: std::io::Error::other(error.to_string()),
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    for (index, report) in reports.iter().enumerate() {
        let text = report::to_csv(report);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        if index == 0 {
            let header = reader.headers().map_err(io)?.clone();
            out.write_record(std::iter::once("ledger_id").chain(header.iter()))
                .map_err(io)?;
        }
        for record in reader.records() {
            let record = record.map_err(io)?;
            out.write_record(std::iter::once(report.ledger_id.as_str()).chain(record.iter()))
                .map_err(io)?;
        }
    }
    out.into_inner().map_err(|e| SiteError::Io {
        path: PathBuf::from("commitments.csv"),
        source: std::io::Error::other(e.to_string()),
    })
}

/// The workspace's dashboard in one of its languages: each ledger with
/// its counts and a link to its own dashboard in that language, then every
/// party's commitments across the ledgers.
fn dashboard(
    workspace: &WorkspaceSite<'_>,
    reports: &[Report],
    ids: &[String],
    languages: &SiteLanguages,
) -> String {
    let totals = report::sum_totals(reports);
    let headcount = totals.headcount;
    let lang = languages.here();
    let loc = crate::i18n::Locale::of(lang);
    let up = languages.up();
    let folder = languages.folder(lang);
    let many = languages.is_many();
    let title = title_in(workspace, lang);
    let page = html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (loc.with("as-of-date", &[("date", loc.date(workspace.as_of).into())])) }
                link rel="alternate" type="application/atom+xml" title=(loc.text("feed-link-title")) href="feed.xml";
                @if many {
                    @for other in languages.all() {
                        link rel="alternate" hreflang=(other.tag()) href=(format!("{up}{}index.html", languages.folder(other)));
                    }
                    link rel="alternate" hreflang="x-default" href=(format!("{up}index.html"));
                }
                link rel="stylesheet" href=(format!("{up}style.css"));
            }
            body {
                main {
                    @if many {
                        nav.languages aria-label=(loc.text("nav-languages")) {
                            @for other in languages.all() {
                                @if other == lang {
                                    span lang=(other.tag()) aria-current="true" { (other.endonym()) }
                                } @else {
                                    a lang=(other.tag()) hreflang=(other.tag()) href=(format!("{up}{}index.html", languages.folder(other))) { (other.endonym()) }
                                }
                                " "
                            }
                        }
                    }
                    header {
                        h1 { (title) }
                        p.meta { (loc.text("as-of-before")) strong { (loc.date(workspace.as_of)) }
                            (loc.with("workspace-meta", &[
                                ("ledgers", loc.count("count-ledgers", reports.len()).into()),
                                ("headcount", loc.headcount(&headcount).into()),
                            ])) }
                        p { (loc.text("downloads")) a href=(format!("{up}workspace.json")) { "workspace.json" } (loc.text("workspace-download-totals"))
                            " · " a href=(format!("{up}commitments.csv")) { "commitments.csv" } (loc.text("workspace-download-commitments"))
                            " · " a href="feed.xml" { (loc.text("workspace-download-feed")) } }
                    }
                    section aria-label=(loc.text("workspace-ledgers")) {
                        h2 { (loc.text("workspace-ledgers-heading")) }
                        @for (report, id) in reports.iter().zip(ids) {
                            @let t = &report.totals;
                            div.ledger {
                                h3 { a href=(format!("{up}{id}/{folder}index.html")) { (report.title) } }
                                p { (loc.headcount(&t.headcount())) (loc.text("full-stop")) " " (t.headline(loc)) }
                                (bar(t.by_status.iter().map(|c| c.count), t.commitments, loc))
                                (counts_line(&t.by_status, loc))
                            }
                        }
                    }
                    section aria-label=(loc.text("summary")) {
                        h2 { (loc.text("workspace-together")) }
                        p { (loc.headcount(&headcount)) (loc.text("full-stop")) }
                        (bar(totals.by_status.iter().map(|c| c.count), totals.headcount.commitments, loc))
                        (counts_line(&totals.by_status, loc))
                        @if totals.by_status.iter().any(|c| c.count > 0) {
                            ul.legend {
                                @for (count, status) in totals.by_status.iter().zip(Status::ALL) {
                                    @if count.count > 0 {
                                        li { span.dot style=(format!("background:{}", colour(status))) {} (words(status, loc)) }
                                    }
                                }
                            }
                        }
                        h2 { (loc.text("workspace-by-party")) }
                        @for party in &totals.by_party {
                            div {
                                strong { (party.name) } " " span.muted { (loc.with("party-commitments", &[("n", party.commitments.into())])) }
                                (bar(party.by_status.iter().map(|c| c.count), party.commitments, loc))
                                (counts_line(&party.by_status, loc))
                            }
                        }
                    }
                    (footer(workspace.as_of, loc))
                }
            }
        }
    };
    readable_lines(&page.into_string())
}
