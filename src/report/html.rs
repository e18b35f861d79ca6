//! The report as one self-contained HTML page: inline CSS and SVG, no
//! script, no network. maud escapes every interpolated value.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::present::{
    STYLE, bar, colour, counts_line, footer, headcount_tile, how_counted, readable_lines,
    status_badge, target_block, timeline_list, timeline_svg, words,
};
use super::{CommitmentReport, Report};
use crate::model::{Group, Kind, Status};

/// Renders the report as an HTML page.
pub fn to_html(report: &Report) -> String {
    let totals = &report.totals;
    // Parties by name, as readers know them; an undeclared one by its id.
    let party_name = |id: &str| {
        totals
            .by_party
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    };
    let findings_errors = report
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (report.title) " — as of " (report.as_of) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    header {
                        h1 { (report.title) }
                        p.meta {
                            "As of " strong { (report.as_of) }
                            @if let Some(reviewed) = report.reviewed {
                                " · statuses reviewed up to " strong { (reviewed) }
                            }
                        }
                        @if let Some(description) = &report.description { p { (description) } }
                        @if let Some(notice) = &report.review_notice { p.notice { (notice) } }
                    }
                    section aria-label="Summary" {
                        div.tiles {
                            div.tile { (headcount_tile(totals)) }
                            @for (count, status) in totals.by_status.iter().zip(Status::ALL) {
                                @if count.count > 0 {
                                    div.tile style=(format!("border-top-color:{}", colour(status))) { b { (count.count) } (words(status)) }
                                }
                            }
                            div.tile style="border-top-color:#d32f2f" { b { (report.overdue.len()) } "overdue" }
                            div.tile style="border-top-color:#e07b00" { b { (report.due_soon.len()) } "due in " (super::WINDOW_DAYS) " days" }
                            div.tile { b { (report.findings.len()) } "checker findings" @if findings_errors > 0 { br; span.finding-error { (findings_errors) " errors" } } }
                        }
                        (how_counted(totals))
                        h2 { "Progress by party" }
                        @for party in &totals.by_party {
                            div {
                                strong { (party.name) } " " span.muted { "(" (party.commitments) " commitments)" }
                                (bar(party.by_status.iter().map(|c| c.count), party.commitments))
                                (counts_line(&party.by_status))
                            }
                        }
                    }
                    section {
                        h2 { "Timeline of deliverables" }
                        p.muted { "Each row runs from the day a deliverable was made to the day it became final, or to the as-of date while open. ◆ marks the deadline, ● the final status; the red line is the as-of date." }
                        (timeline(report))
                    }
                    @if !report.findings.is_empty() {
                        section {
                            h2 { "Checker findings" }
                            // Warnings alone fold away (no script needed); errors stay open.
                            details open[findings_errors > 0] {
                            summary { (findings_errors) " errors, " (report.findings.len() - findings_errors) " warnings" }
                            div.scroll { table.cards {
                                thead { tr { th { "Level" } th { "Rule" } th.num { "Line" } th { "Commitment" } th { "Finding" } } }
                                tbody {
                                    @for finding in &report.findings {
                                        tr {
                                            td class=(format!("finding-{}", finding.severity)) { (finding.severity) }
                                            td { (finding.code) " " code { (finding.name) } }
                                            td.num { (finding.line) ":" (finding.column) }
                                            td { @if let Some(id) = &finding.commitment { code { (id) } } }
                                            td { (finding.message) }
                                        }
                                    }
                                }
                            } }
                            }
                        }
                    }
                    section {
                        h2 { "Overdue" }
                        @if report.overdue.is_empty() { p.muted { "Nothing is overdue." } }
                        @else {
                            ul { @for item in &report.overdue { li { code { (item.id) } " " (item.title) " — due " (item.due_text) ", " strong { (crate::text::plural(item.days.unsigned_abs() as usize, "day", "days")) " overdue" } (crate::i18n::Locale::en().against(item.due_precision, item.due_estimated)) } } }
                        }
                        h2 { "Due in the next " (super::WINDOW_DAYS) " days" }
                        @if report.due_soon.is_empty() { p.muted { "Nothing is due." } }
                        @else {
                            ul { @for item in &report.due_soon { li { code { (item.id) } " " (item.title) " — due " (item.due_text) " (" (crate::text::plural(item.days.unsigned_abs() as usize, "day", "days")) " left" (crate::i18n::Locale::en().against(item.due_precision, item.due_estimated)) ")" } } }
                        }
                        h2 { "Changes in the last " (super::WINDOW_DAYS) " days" }
                        @if report.recent_changes.is_empty() { p.muted { "No updates." } }
                        @else {
                            ul { @for change in &report.recent_changes {
                                li { (change.date) " " code { (change.id) } " "
                                    @if change.from != change.to { (status_badge(change.from)) " → " }
                                    (status_badge(change.to)) " " (change.note) }
                            } }
                        }
                    }
                    section {
                        h2 { "Commitments by status" }
                        @for status in Status::ALL {
                            @let group: Vec<&CommitmentReport> = report.commitments.iter().filter(|c| c.status == status && c.group.is_counted()).collect();
                            @if !group.is_empty() {
                                section id=(format!("status-{}", status.as_str())) {
                                    h3 { (status_badge(status)) " " (group.len()) }
                                    table.commitments.cards {
                                        thead { tr { th { "Commitment" } th { "Committed by" } th { "Dates" } th { "Latest evidence" } } }
                                        tbody { @for c in group { (commitment_row(c, &party_name)) } }
                                    }
                                }
                            }
                        }
                    }
                    @for (group, heading, id) in [(Group::Request, "Requests (not counted)", "requests"), (Group::Umbrella, "Umbrellas (not counted)", "umbrellas")] {
                        @let members: Vec<&CommitmentReport> = report.commitments.iter().filter(|c| c.group == group).collect();
                        @if !members.is_empty() {
                            section id=(id) {
                                h2 { (heading) " " (members.len()) }
                                table.commitments.cards {
                                    thead { tr { th { "Commitment" } th { "Committed by" } th { "Dates" } th { "Latest evidence" } } }
                                    tbody { @for c in members { (commitment_row(c, &party_name)) } }
                                }
                            }
                        }
                    }
                    (footer(report.as_of))
                }
            }
        }
    };
    // No control character of the ledger reaches the page raw.
    crate::markup::markup_safe(&readable_lines(&page.into_string())).into_owned()
}

fn commitment_row(c: &CommitmentReport, party_names: &dyn Fn(&str) -> String) -> Markup {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| party_names(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        tr id=(format!("c-{}", c.id)) {
            td {
                (status_badge(c.status)) " " strong { (c.title) } br;
                code { (c.id) }
                @if !c.children.is_empty() { br; span.muted { "Umbrella of " (c.children.len()) " commitments" } }
                @if let Some(parent) = &c.parent {
                    br; span.muted { "Under " @if parent.contains(':') { code { (parent) } } @else { a href=(format!("#c-{parent}")) { (parent) } } }
                }
                @if !c.related.is_empty() {
                    br; span.muted { "Continues "
                        @for (i, r) in c.related.iter().enumerate() {
                            @if i > 0 { ", " }
                            @if r.contains(':') { code { (r) } } @else { a href=(format!("#c-{r}")) { (r) } }
                        }
                    }
                }
                @if c.group == Group::SignedAtTalks { br; span.muted { "Signed at the talks" } }
                blockquote { "“" (c.quote) "” — " (c.source) }
                @if let Some(target) = &c.target { (target_block(target)) }
                // The messages are in the findings table: a row names its
                // rules only, so one warning is not repeated under every row.
                @if !c.findings.is_empty() {
                    p {
                        @for finding in &c.findings {
                            span class=(format!("finding-{}", finding.severity)) { (finding.severity) " " (finding.code) " " (finding.name) } " "
                        }
                    }
                }
            }
            td {
                (names(&c.by))
                @if !c.asks.is_empty() { " asks " (names(&c.asks)) }
                br; span.muted { (c.kind.as_str()) }
            }
            td {
                "made " span.date { (c.made) }
                @if let Some(due) = &c.due_text { br; "due " span.date { (due) } }
                br; (words(c.status)) " since " span.date { (c.status_since) }
                @if let Some(days) = c.deviation_days {
                    br; (crate::i18n::Locale::en().deviation(days, c.due_precision.unwrap_or_default(), c.due_estimated))
                }
                @if let Some(days) = c.overdue_days { br; strong.finding-error { (crate::text::plural(days.unsigned_abs() as usize, "day", "days")) " overdue" } (crate::i18n::Locale::en().against(c.due_precision.unwrap_or_default(), c.due_estimated)) }
            }
            td {
                @if let Some(evidence) = &c.latest_evidence {
                    (evidence.date) ": "
                    @if let Some(url) = evidence.url.as_ref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                        a href=(url) rel="noopener noreferrer" { (evidence.title) }
                    } @else { (evidence.title) }
                    // The article's own words, already quoted beside the
                    // title, are not repeated.
                    @if !c.quote.contains(evidence.quote.as_str()) { blockquote { "“" (evidence.quote) "”" } }
                }
                @if let Some(note) = &c.latest_note { p { (note) } }
                @if let Some(searched) = &c.searched { p.muted { "Searched for news on " (searched.date) ": " (searched.what) } }
            }
        }
    }
}

/// The SVG timeline: one row per deliverable.
fn timeline(report: &Report) -> Markup {
    let rows: Vec<&CommitmentReport> = report
        .commitments
        .iter()
        .filter(|c| c.kind == Kind::Deliverable)
        .collect();
    if rows.is_empty() {
        return html! { p.muted { "No deliverables." } };
    }
    html! {
        // Scrolls sideways on a narrow screen, and by keyboard.
        div.scroll tabindex="0" role="region" aria-label="Timeline of deliverables" { (timeline_svg(&rows, report.as_of, "Timeline of deliverables", None)) }
        (timeline_list(&rows, None))
    }
}
