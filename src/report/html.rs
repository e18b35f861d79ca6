//! The report as one self-contained HTML page: inline CSS and SVG, no
//! script, no network. maud escapes every interpolated value.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::present::{
    STYLE, bar, colour, counts_line, footer, headcount_tile, how_counted, readable_lines,
    status_badge, target_block, timeline_list, timeline_svg, words,
};
use super::{CommitmentReport, Report};
use crate::i18n::Locale;
use crate::model::{Group, Kind, Status};

/// Renders the report as an HTML page.
pub fn to_html(report: &Report) -> String {
    let totals = &report.totals;
    let loc = report.locale();
    let window = [("days", super::WINDOW_DAYS.into())];
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
        html lang=(loc.lang().tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (report.title) " — " (loc.with("as-of-date", &[("date", loc.date(report.as_of).into())])) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    header {
                        h1 { (report.title) }
                        p.meta {
                            (loc.text("as-of-before")) strong { (loc.date(report.as_of)) }
                            @if let Some(reviewed) = report.reviewed {
                                (loc.text("reviewed-before")) strong { (loc.date(reviewed)) }
                            }
                        }
                        @if let Some(description) = &report.description { p { (description) } }
                        @if let Some(notice) = &report.review_notice { p.notice { (notice) } }
                        @if report.translated { p.muted { (loc.text("translated")) } }
                    }
                    section aria-label=(loc.text("summary")) {
                        div.tiles {
                            div.tile { (headcount_tile(totals, loc)) }
                            @for (count, status) in totals.by_status.iter().zip(Status::ALL) {
                                @if count.count > 0 {
                                    div.tile style=(format!("border-top-color:{}", colour(status))) { b { (count.count) } (words(status, loc)) }
                                }
                            }
                            div.tile style="border-top-color:#d32f2f" { b { (report.overdue.len()) } (loc.text("tile-overdue")) }
                            div.tile style="border-top-color:#e07b00" { b { (report.due_soon.len()) } (loc.with("tile-due-soon", &window)) }
                            div.tile { b { (report.findings.len()) } (loc.text("tile-findings")) @if findings_errors > 0 { br; span.finding-error { (loc.with("tile-errors", &[("n", findings_errors.into())])) } } }
                        }
                        (how_counted(totals, loc))
                        h2 { (loc.text("progress-by-party")) }
                        @for party in &totals.by_party {
                            div {
                                strong { (party.name) } " " span.muted { (loc.with("party-commitments", &[("n", party.commitments.into())])) }
                                (bar(party.by_status.iter().map(|c| c.count), party.commitments, loc))
                                (counts_line(&party.by_status, loc))
                            }
                        }
                    }
                    section {
                        h2 { (loc.text("timeline-deliverables")) }
                        p.muted { (loc.text("timeline-deliverables-explain")) }
                        (timeline(report))
                    }
                    @if !report.findings.is_empty() {
                        section {
                            h2 { (loc.text("checker-findings")) }
                            // Warnings alone fold away (no script needed); errors stay open.
                            details open[findings_errors > 0] {
                            summary { (loc.with("findings-summary", &[("errors", findings_errors.into()), ("warnings", (report.findings.len() - findings_errors).into())])) }
                            div.scroll { table.cards {
                                thead { tr { th { (loc.text("column-level")) } th { (loc.text("column-rule")) } th.num { (loc.text("column-line")) } th { (loc.text("column-commitment")) } th { (loc.text("column-finding")) } } }
                                tbody {
                                    @for finding in &report.findings {
                                        tr {
                                            td class=(format!("finding-{}", finding.severity)) { (finding.severity_words(loc)) }
                                            td { (finding.code) " " code { (finding.name) } }
                                            td.num { (finding.line) ":" (finding.column) }
                                            td { @if let Some(id) = &finding.commitment { code { (id) } } }
                                            td { (finding.words(loc)) }
                                        }
                                    }
                                }
                            } }
                            }
                        }
                    }
                    section {
                        h2 { (loc.text("overdue")) }
                        @if report.overdue.is_empty() { p.muted { (loc.text("nothing-overdue")) } }
                        @else {
                            ul { @for item in &report.overdue { li { code { (item.id) } " " (item.title) (loc.with("item-due", &[("due", item.due_text.as_str().into())])) (loc.text("clause-comma")) strong { (loc.days_overdue(item.days)) } (loc.against(item.due_precision, item.due_estimated)) } } }
                        }
                        h2 { (loc.with("due-soon", &window)) }
                        @if report.due_soon.is_empty() { p.muted { (loc.text("nothing-due")) } }
                        @else {
                            ul { @for item in &report.due_soon { li { code { (item.id) } " " (item.title) (loc.with("item-due", &[("due", item.due_text.as_str().into())])) " (" (loc.with("days-left", &[("days", loc.days(item.days.unsigned_abs()).into()), ("n", item.days.unsigned_abs().into())])) (loc.against(item.due_precision, item.due_estimated)) ")" } } }
                        }
                        h2 { (loc.with("recent-changes", &window)) }
                        @if report.recent_changes.is_empty() { p.muted { (loc.text("no-updates")) } }
                        @else {
                            ul { @for change in &report.recent_changes {
                                li { (loc.date(change.date)) " " code { (change.id) } " "
                                    @if change.from != change.to { (status_badge(change.from, loc)) " → " }
                                    (status_badge(change.to, loc)) " " (change.note) }
                            } }
                        }
                    }
                    section {
                        h2 { (loc.text("by-status-heading")) }
                        @for status in Status::ALL {
                            @let group: Vec<&CommitmentReport> = report.commitments.iter().filter(|c| c.status == status && c.group.is_counted()).collect();
                            @if !group.is_empty() {
                                section id=(format!("status-{}", status.as_str())) {
                                    h3 { (status_badge(status, loc)) " " (group.len()) }
                                    table.commitments.cards {
                                        (table_head(loc))
                                        tbody { @for c in group { (commitment_row(c, &party_name, loc)) } }
                                    }
                                }
                            }
                        }
                    }
                    @for (group, heading, id) in [(Group::Request, "requests-heading", "requests"), (Group::Umbrella, "umbrellas-heading", "umbrellas")] {
                        @let members: Vec<&CommitmentReport> = report.commitments.iter().filter(|c| c.group == group).collect();
                        @if !members.is_empty() {
                            section id=(id) {
                                h2 { (loc.text(heading)) " " (members.len()) }
                                table.commitments.cards {
                                    (table_head(loc))
                                    tbody { @for c in members { (commitment_row(c, &party_name, loc)) } }
                                }
                            }
                        }
                    }
                    (footer(report.as_of, loc))
                }
            }
        }
    };
    // No control character of the ledger reaches the page raw.
    crate::markup::markup_safe(&readable_lines(&page.into_string())).into_owned()
}

/// The head of a table of commitments.
fn table_head(loc: &Locale) -> Markup {
    html! {
        thead { tr {
            th { (loc.text("column-commitment")) } th { (loc.text("column-committed-by")) }
            th { (loc.text("column-dates")) } th { (loc.text("column-latest-evidence")) }
        } }
    }
}

fn commitment_row(
    c: &CommitmentReport,
    party_names: &dyn Fn(&str) -> String,
    loc: &Locale,
) -> Markup {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| party_names(id))
            .collect::<Vec<_>>()
            .join(&loc.text("list-comma"))
    };
    html! {
        tr id=(format!("c-{}", c.id)) {
            td {
                (status_badge(c.status, loc)) " " strong { (c.title) } br;
                code { (c.id) }
                @if !c.children.is_empty() { br; span.muted { (loc.with("row-umbrella-of", &[("n", c.children.len().into())])) } }
                @if let Some(parent) = &c.parent {
                    br; span.muted { (loc.text("row-under")) @if parent.contains(':') { code { (parent) } } @else { a href=(format!("#c-{parent}")) { (parent) } } }
                }
                @if !c.related.is_empty() {
                    br; span.muted { (loc.text("row-continues"))
                        @for (i, r) in c.related.iter().enumerate() {
                            @if i > 0 { (loc.text("list-comma")) }
                            @if r.contains(':') { code { (r) } } @else { a href=(format!("#c-{r}")) { (r) } }
                        }
                    }
                }
                @if c.group == Group::SignedAtTalks { br; span.muted { (loc.text("row-signed")) } }
                blockquote { "“" (c.quote) "” — " (c.source) }
                @if let Some(target) = &c.target { (target_block(target, loc)) }
                // The messages are in the findings table: a row names its
                // rules only, so one warning is not repeated under every row.
                @if !c.findings.is_empty() {
                    p {
                        @for finding in &c.findings {
                            span class=(format!("finding-{}", finding.severity)) { (finding.severity_words(loc)) " " (finding.code) " " (finding.name) } " "
                        }
                    }
                }
            }
            td {
                (names(&c.by))
                @if !c.asks.is_empty() { (loc.text("row-asks")) (names(&c.asks)) }
                br; span.muted { (loc.kind(c.kind)) }
            }
            td {
                (loc.text("row-made")) span.date { (loc.date(c.made)) }
                @if let Some(due) = &c.due_text { br; (loc.text("row-due")) span.date { (due) } }
                br; (words(c.status, loc)) (loc.text("row-since")) span.date { (loc.date(c.status_since)) }
                @if let Some(days) = c.deviation_days {
                    br; (loc.deviation(days, c.due_precision.unwrap_or_default(), c.due_estimated))
                }
                @if let Some(days) = c.overdue_days { br; strong.finding-error { (loc.days_overdue(days)) } (loc.against(c.due_precision.unwrap_or_default(), c.due_estimated)) }
            }
            td {
                @if let Some(evidence) = &c.latest_evidence {
                    (loc.date(evidence.date)) ": "
                    @if let Some(url) = evidence.url.as_ref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                        a href=(url) rel="noopener noreferrer" { (evidence.title) }
                    } @else { (evidence.title) }
                    // The article's own words, already quoted beside the
                    // title, are not repeated.
                    @if !c.quote.contains(evidence.quote.as_str()) { blockquote { "“" (evidence.quote) "”" } }
                }
                @if let Some(note) = &c.latest_note { p { (note) } }
                @if let Some(searched) = &c.searched { p.muted { (loc.with("row-searched", &[("date", loc.date(searched.date).into()), ("what", searched.what.as_str().into())])) } }
            }
        }
    }
}

/// The SVG timeline: one row per deliverable.
fn timeline(report: &Report) -> Markup {
    let loc = report.locale();
    let rows: Vec<&CommitmentReport> = report
        .commitments
        .iter()
        .filter(|c| c.kind == Kind::Deliverable)
        .collect();
    if rows.is_empty() {
        return html! { p.muted { (loc.text("headline-none")) } };
    }
    let label = loc.text("timeline-deliverables");
    html! {
        // Scrolls sideways on a narrow screen, and by keyboard.
        div.scroll tabindex="0" role="region" aria-label=(label) { (timeline_svg(&rows, report.as_of, &label, None, loc)) }
        (timeline_list(&rows, None, loc))
    }
}
