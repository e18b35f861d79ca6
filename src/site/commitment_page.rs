//! The page of one commitment: its status, quote and source, who made it,
//! its deadline and where that comes from, its target, its whole dated
//! history with the evidence and its last search. It opens with a
//! sentence that says where the commitment stands; the checker's findings
//! are on the maintainers' page, not here.

use maud::html;

use super::Site;
use super::evidence::{evidence_list, source_line};
use super::pages::{commitment_href, page};
use crate::model::Status;
use crate::report::CommitmentReport;
use crate::report::present::status_badge;

pub(super) fn commitment(site: &Site<'_>, c: &CommitmentReport) -> String {
    let root = "../../";
    let loc = site.locale;
    let up = site.languages.up();
    // Each update with the status before it.
    let history: Vec<(Status, &crate::model::Update)> = site
        .commitment(&c.id)
        .map(|model| {
            let mut before = Status::Announced;
            model
                .updates
                .iter()
                .map(|update| (std::mem::replace(&mut before, update.status.value), update))
                .collect()
        })
        .unwrap_or_default();
    let model = site.commitment(&c.id);
    let source = model.and_then(|m| site.source(&m.source.source_ref.value));
    // The area's page is named by the area as written (see `prepare`).
    let area = c.area.as_ref().map(|area| {
        let written = model
            .and_then(|m| m.area.as_ref())
            .map_or(area.as_str(), |a| a.value.as_str());
        (crate::rules::id_format::slug(written), area)
    });
    let body = html! {
        header {
            p { (status_badge(c.status, loc)) }
            h1 { (c.title) }
            p.ruling { (c.ruling(loc)) }
        }
        blockquote { "“" (c.quote) "”" }
        p { (loc.text("source-label"))
            @match source {
                Some(source) => {
                    (source_line(source))
                    @if source.file.is_some() { " — " a href=(format!("{root}{up}{}", crate::site::source_page::source_path(&source.id.value))) { (loc.text("read-in-full")) } }
                }
                None => (c.source),
            }
        }
        dl.facts {
            dt { (loc.text("fact-parties")) } dd { @for p in &c.parties { a href=(format!("{root}parties/{p}/index.html")) { (site.party_name(p)) } " " } }
            dt { (loc.text("column-committed-by")) } dd { (site.party_names(&c.by)) }
            @if !c.asks.is_empty() { dt { (loc.text("fact-asks")) } dd { (site.party_names(&c.asks)) } }
            dt { (loc.text("column-kind")) } dd { a href=(format!("{root}kinds/{}/index.html", c.kind.as_str())) { (loc.kind(c.kind)) } }
            @if let Some((slug, area)) = area { dt { (loc.text("column-area")) } dd { a href=(format!("{root}areas/{slug}/index.html")) { (area) } } }
            dt { (loc.text("fact-made")) } dd { (loc.date(c.made)) }
            dt { (loc.text("fact-deadline")) } dd {
                @match &c.due_text {
                    Some(due) => {
                        @let precision = c.due_precision.unwrap_or_default();
                        (due)
                        @if c.due_estimated { (loc.text("deadline-basis-estimated")) }
                        @else if precision == crate::model::Precision::Day { (loc.text("deadline-basis-stated")) }
                        @else { (loc.with("deadline-basis-precision", &[("precision", precision.as_str().into())])) }
                        @if let Some(basis) = &c.due_basis { blockquote { (basis) } }
                        @if let Some(days) = c.overdue_days { strong.finding-error { (loc.days_overdue(days)) } (loc.against(precision, c.due_estimated)) }
                        @if let Some(days) = c.deviation_days { (loc.deviation(days, precision, c.due_estimated)) }
                    }
                    None => (loc.text("deadline-none")),
                }
            }
            @if let Some(parent) = &c.parent { dt { (loc.text("fact-under")) } dd { a href=(commitment_href(root, parent)) { (title_of(site, parent)) } } }
            @if let Some(links) = site.cross.continues.get(&c.id) { dt { (loc.text("fact-continues")) } dd { (related_list(site, links, root)) } }
            @if let Some(links) = site.cross.continued_at.get(&c.id) { dt { (loc.text("fact-continued-in")) } dd { (related_list(site, links, root)) } }
            @if !c.children.is_empty() { dt { (loc.text("fact-includes")) } dd { ul { @for child in &c.children { li { a href=(commitment_href(root, child)) { (title_of(site, child)) } } } } } }
            @if let Some(target) = &c.target {
                dt { (loc.text("fact-target")) } dd { (crate::report::present::target_block(target, loc)) }
            }
            // Whether anyone looked: "nothing happened" and "nobody looked"
            // read the same in a status that did not move.
            @match &c.searched {
                Some(searched) => { dt { (loc.text("fact-searched")) } dd { (loc.date(searched.date)) ": " (searched.what) } }
                None => @if !c.status.is_final() { dt { (loc.text("fact-searched")) } dd.muted { (loc.text("no-search")) } },
            }
        }
        section {
            h2 { (loc.text("history")) }
            ol.history {
                li { (loc.date(c.made)) (loc.text("history-made")) }
                @for (from, update) in &history {
                    li {
                        (loc.date(update.date.value)) " — "
                        @if update.status.value != *from { (status_badge(*from, loc)) " → " }
                        (status_badge(update.status.value, loc))
                        p { (site.translated(&update.i18n, "note", &update.note.value)) }
                        (evidence_list(site, &update.evidence, Some(&c.quote)))
                    }
                }
            }
        }
    };
    let here = format!("commitments/{}/index.html", c.id);
    let body = html! {
        (body)
        section.cite {
            h2 { (loc.text("cite-heading")) }
            p { (loc.with("cite-as", &[
                ("ledger", site.report.title.as_str().into()),
                ("title", c.title.as_str().into()),
                ("date", loc.date(site.report.as_of).into()),
                ("url", site.href(&here).into()),
            ])) }
            p { (loc.text("embed-before")) a href=(if up.is_empty() { "card.html".to_owned() } else { format!("{root}{up}commitments/{}/card.html", c.id) }) { (loc.text("embed-card")) } (loc.text("embed-after")) }
        }
    };
    page(site, root, Some(&here), &c.title, body)
}

/// The commitments at the other end of `related` links: each its title,
/// and for another ledger's, "at" its ledger's title; a link where its page
/// is in this site.
fn related_list(site: &Site<'_>, links: &[super::CrossLink], root: &str) -> maud::Markup {
    html! {
        ul {
            @for link in links {
                li {
                    @let title = site.translated(&link.title_i18n, "title", &link.title);
                    @match link.href(root, site.languages.up(), site.languages.here()) {
                        Some(href) => { a href=(href) { (title) } }
                        None => { (title) }
                    }
                    @if let Some(ledger) = &link.ledger_title {
                        (site.locale.with("related-at", &[("ledger", site.translated(&link.ledger_i18n, "title", ledger).into())]))
                    }
                }
            }
        }
    }
}

/// A commitment's title in the page's language, or its id when it is not
/// in the ledger.
fn title_of<'s>(site: &'s Site<'_>, id: &'s str) -> &'s str {
    site.commitment(id)
        .map_or(id, |c| site.translated(&c.i18n, "title", &c.title.value))
}
