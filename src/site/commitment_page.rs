//! The page of one commitment: its status, quote and source, who made it,
//! its deadline and where that comes from, its target, its whole dated
//! history with the evidence, its last search and its findings.

use maud::html;

use super::Site;
use super::evidence::{evidence_list, source_line};
use super::pages::{commitment_href, page};
use crate::model::Status;
use crate::report::CommitmentReport;
use crate::report::widgets::status_badge;
use crate::rules;

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
            p { (status_badge(c.status)) " since " (c.status_since) }
            h1 { (c.title) }
            p.muted { code { (c.id) } }
        }
        blockquote { "“" (c.quote) "”" }
        p { "Source: "
            @match source {
                Some(source) => {
                    (source_line(source))
                    @if let (None, Some(file)) = (&source.url, &source.file) { " — kept with the ledger as " code { (file.value) } }
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
                        @if let Some(days) = c.overdue_days { strong.finding-error { (crate::text::plural(days.unsigned_abs() as usize, "day", "days")) " overdue" } (crate::text::against(precision, c.due_estimated)) }
                        @if let Some(days) = c.deviation_days { (crate::text::deviation(days, precision, c.due_estimated)) }
                    }
                    None => "none stated",
                }
            }
            @if let Some(parent) = &c.parent { dt { "Under" } dd { a href=(commitment_href(root, parent)) { (parent) } } }
            @if !c.children.is_empty() { dt { "Includes" } dd { @for child in &c.children { a href=(commitment_href(root, child)) { (child) } " " } } }
            @if let Some(target) = &c.target {
                dt { "Target" } dd { (crate::report::widgets::target_block(target)) }
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
                        (evidence_list(site, &update.evidence))
                    }
                }
            }
        }
        section {
            h2 { "Checker findings" }
            @if c.findings.is_empty() { p.muted { "None." } }
            @else {
                ul { @for finding in &c.findings {
                    li class=(format!("finding-{}", finding.severity)) {
                        strong { (finding.severity) " " (finding.code) " " (finding.name) } " (line " (finding.line) "): " (finding.message)
                        @if let Some(rule) = rules::find(finding.code) {
                            p.muted { (rule.summary) ". " a href=(format!("{root}rules/{}/index.html", rule.name)) { "About " (rule.name) } }
                        }
                    }
                } }
            }
        }
    };
    page(site, root, &c.title, body)
}
