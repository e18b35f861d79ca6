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
    let source = site
        .commitment(&c.id)
        .and_then(|m| site.source(&m.source.source_ref.value));
    let body = html! {
        header {
            p { (status_badge(c.status)) }
            h1 { (c.title) }
            p.ruling { (c.ruling(crate::i18n::Locale::en())) }
        }
        blockquote { "“" (c.quote) "”" }
        p { "Source: "
            @match source {
                Some(source) => {
                    (source_line(source))
                    @if source.file.is_some() { " — " a href=(format!("{root}{}", crate::site::source_page::source_path(&source.id.value))) { "read it in full" } }
                }
                None => (c.source),
            }
        }
        dl.facts {
            dt { "Parties" } dd { @for p in &c.parties { a href=(format!("{root}parties/{p}/index.html")) { (site.party_name(p)) } " " } }
            dt { "Committed by" } dd { (c.by.iter().map(|p| site.party_name(p)).collect::<Vec<_>>().join(", ")) }
            @if !c.asks.is_empty() { dt { "Asks" } dd { (c.asks.iter().map(|p| site.party_name(p)).collect::<Vec<_>>().join(", ")) } }
            dt { "Kind" } dd { a href=(format!("{root}kinds/{}/index.html", c.kind.as_str())) { (c.kind.as_str()) } }
            @if let Some(area) = &c.area { dt { "Area" } dd { a href=(format!("{root}areas/{}/index.html", crate::rules::id_format::slug(area))) { (area) } } }
            dt { "Made" } dd { (c.made) }
            dt { "Deadline" } dd {
                @match &c.due_text {
                    Some(due) => {
                        @let precision = c.due_precision.unwrap_or_default();
                        (due)
                        @if c.due_estimated { " — no source states a date; the editors' reasons:" }
                        @else if precision == crate::model::Precision::Day { " — stated in the source:" }
                        @else { " — the source gives the " (precision.as_str()) ", not the day:" }
                        @if let Some(basis) = &c.due_basis { blockquote { (basis) } }
                        @if let Some(days) = c.overdue_days { strong.finding-error { (crate::text::plural(days.unsigned_abs() as usize, "day", "days")) " overdue" } (crate::i18n::Locale::en().against(precision, c.due_estimated)) }
                        @if let Some(days) = c.deviation_days { (crate::i18n::Locale::en().deviation(days, precision, c.due_estimated)) }
                    }
                    None => "none stated",
                }
            }
            @if let Some(parent) = &c.parent { dt { "Under" } dd { a href=(commitment_href(root, parent)) { (title_of(site, parent)) } } }
            @if let Some(links) = site.cross.continues.get(&c.id) { dt { "Continues" } dd { (related_list(links, root)) } }
            @if let Some(links) = site.cross.continued_at.get(&c.id) { dt { "Continued in" } dd { (related_list(links, root)) } }
            @if !c.children.is_empty() { dt { "Includes" } dd { ul { @for child in &c.children { li { a href=(commitment_href(root, child)) { (title_of(site, child)) } } } } } }
            @if let Some(target) = &c.target {
                dt { "Target" } dd { (crate::report::present::target_block(target)) }
            }
            // Whether anyone looked: "nothing happened" and "nobody looked"
            // read the same in a status that did not move.
            @match &c.searched {
                Some(searched) => { dt { "Last searched for news" } dd { (searched.date) ": " (searched.what) } }
                None => @if !c.status.is_final() { dt { "Last searched for news" } dd.muted { "no search recorded" } },
            }
        }
        section {
            h2 { "History" }
            ol.history {
                li { (c.made) " — made" }
                @for (from, update) in &history {
                    li {
                        (update.date.value) " — "
                        @if update.status.value != *from { (status_badge(*from)) " → " }
                        (status_badge(update.status.value))
                        p { (update.note.value) }
                        (evidence_list(site, &update.evidence, Some(&c.quote)))
                    }
                }
            }
        }
    };
    let body = html! {
        (body)
        section.cite {
            h2 { "Cite or embed" }
            p { "Cite as: " (site.report.title) ", “" (c.title) "”, status as of " (site.report.as_of) ", " (site.href(&format!("commitments/{}/index.html", c.id))) "." }
            p { "Embed: " a href="card.html" { "a card of this commitment" } " for an iframe (no script, 320 px wide and up)." }
        }
    };
    page(site, root, &c.title, body)
}

/// The commitments at the other end of `related` links: each its title,
/// and for another ledger's, "at" its ledger's title; a link where its page
/// is in this site.
fn related_list(links: &[super::CrossLink], root: &str) -> maud::Markup {
    html! {
        ul {
            @for link in links {
                li {
                    @match link.href(root) {
                        Some(href) => { a href=(href) { (link.title) } }
                        None => { (link.title) }
                    }
                    @if let Some(ledger) = &link.ledger_title { " — at " (ledger) }
                }
            }
        }
    }
}

/// A commitment's title, or its id when it is not in the ledger.
fn title_of<'s>(site: &'s Site<'_>, id: &'s str) -> &'s str {
    site.commitment(id).map_or(id, |c| c.title.value.as_str())
}
