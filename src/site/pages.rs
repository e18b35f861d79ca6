//! The site's pages, as maud templates: maud escapes every interpolated
//! value for its context, and only `http`/`https` URLs become links.

use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Site;
use super::evidence::evidence_list;
use crate::model::{Group, Kind, Status};
use crate::report::present::{
    STYLE, bar, colour, counts_line, footer, headcount_tile, legend, readable_lines, status_badge,
    timeline_list, timeline_svg, words,
};
use crate::report::{CommitmentReport, Count, PartyTotals, WINDOW_DAYS};

/// The site's own rules, after the report's: dark mode, cards, filters.
const SITE_STYLE: &str = r#"
:root { color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ef; --muted: #a9b2bf; --line: #39404d; --paper: #14171c; --soft: #1f242c; }
  a { color: #8ab4f8; }
  .notice { background: #3a2a10; }
  svg.timeline .axis { stroke: #39404d; }
}
nav.top { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; border-bottom: 1px solid var(--line); padding-bottom: .5rem; margin-bottom: 1rem; }
nav.top a { font-weight: 600; }
a.tile { color: inherit; text-decoration: none; }
a.tile:hover, a.tile:focus { outline: 2px solid #1f5fb4; }
ul.entries { list-style: none; padding: 0; margin: .5rem 0 1rem; }
ul.entries li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
ul.entries .title { font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
nav.filters p { margin: .25rem 0; }
nav.filters a { margin-right: .5rem; white-space: nowrap; }
ol.history { padding-left: 1.2rem; }
div.doc pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: .75rem; border-radius: 6px; }
p.ruling { font-size: 1.15rem; }
nav.filters a[aria-current="page"] { font-weight: 700; color: inherit; text-decoration: none; border-bottom: 3px solid currentColor; }
p.here a { margin-right: .5rem; white-space: nowrap; }
details.other-lists { margin: .5rem 0 1rem; }
article.source-text { max-width: 42rem; }
ol.history li { margin-bottom: .75rem; }
@media (max-width: 640px) {
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: .4rem; }
}
@media print {
  nav.top, nav.filters { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; }
  ul.entries li, ol.history li { break-inside: avoid; }
}
"#;

/// The site's one style sheet, `style.css`: the report's rules, then the
/// site's own. One file, not a copy in each of 100,000 pages.
pub(super) fn style_sheet() -> String {
    format!("{}{}", STYLE.trim_start(), SITE_STYLE)
}

pub(super) fn page(site: &Site<'_>, root: &str, title: &str, body: Markup) -> String {
    let report = &site.report;
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (report.title) " — as of " (report.as_of) }
                link rel="alternate" type="application/atom+xml" title="Status changes" href=(format!("{root}feed.xml"));
                link rel="stylesheet" href=(format!("{root}style.css"));
            }
            body {
                main {
                    nav.top aria-label="Site" {
                        @if let Some(workspace) = &site.workspace_title { a href=(format!("{root}../index.html")) { (workspace) } }
                        a href=(format!("{root}index.html")) { (report.title) }
                        span.muted { "as of " (report.as_of) }
                        a href=(format!("{root}index.html#all")) { "All commitments" }
                        a href=(format!("{root}follow/index.html")) { "Follow the changes" }
                    }
                    (body)
                    (footer(report.as_of))
                    p.muted { "For the ledger's maintainers: " a href=(format!("{root}checks/index.html")) { "checks" } "." }
                }
            }
        }
    };
    readable_lines(&page.into_string())
}

pub(super) fn commitment_href(root: &str, id: &str) -> String {
    format!("{root}commitments/{id}/index.html")
}

pub(super) fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// What a link to `url` says: its `title`, or, for a page the ledger gives
/// no title, the site it is on ("bairdmaritime.com"), not a long address.
pub(super) fn link_words<'a>(title: Option<&'a str>, url: &'a str) -> &'a str {
    match title.filter(|t| !t.is_empty() && *t != url) {
        Some(title) => title,
        None => {
            let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
            let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
            let host = host.strip_prefix("www.").unwrap_or(host);
            if host.is_empty() { url } else { host }
        }
    }
}

/// `title` as a link to `url` when it is a web address, else as text.
pub(super) fn web_link(title: &str, url: Option<&str>) -> Markup {
    html! {
        @match url.filter(|u| is_web(u)) {
            Some(url) => a href=(url) rel="noopener noreferrer" { (title) },
            None => (title),
        }
    }
}

/// The members of an area that its counts count, as `totals.by_area`
/// does: requests and umbrellas apart.
fn counted<'r>(site: &'r Site<'_>, members: &[usize]) -> Vec<&'r CommitmentReport> {
    members
        .iter()
        .map(|&i| &site.report.commitments[i])
        .filter(|c| c.group.is_counted())
        .collect()
}

fn by_status(items: &[&CommitmentReport]) -> Vec<Count> {
    Status::ALL
        .iter()
        .map(|status| Count {
            key: status.as_str().to_owned(),
            count: items.iter().filter(|c| c.status == *status).count(),
        })
        .collect()
}

/// Which filters a page shows.
#[derive(Clone, Copy, PartialEq)]
enum Filters {
    /// Every party and area, as on the dashboard (once in the site).
    All,
    /// A list page's: status and kind, with the page's own marked, and a
    /// link to the dashboard's parties and areas: a list page of a ledger
    /// with 4,000 parties repeated all of them, and the site grew with the
    /// square of the parties.
    Short(Current),
}

/// The filter a list page is, to mark it among the others.
#[derive(Clone, Copy, PartialEq)]
enum Current {
    Party,
    Area,
    Status(Status),
    Kind(Kind),
}

/// The filters: a plain page for every party, area, status and kind. Each
/// count is the number its page lists.
fn filters(site: &Site<'_>, root: &str, which: Filters) -> Markup {
    let report = &site.report;
    let current = match which {
        Filters::All => None,
        Filters::Short(current) => Some(current),
    };
    html! {
        nav.filters id=[(which == Filters::All).then_some("filters")] aria-label="Filters" {
            @if which == Filters::All {
                p { strong { "Committed by: " }
                    @for party in &report.totals.by_party {
                        a href=(format!("{root}parties/{}/index.html", party.id)) { (party.name) " (" (party.commitments) ")" } " "
                    }
                }
                @if !site.areas.is_empty() {
                    p { strong { "Area: " }
                        @for (slug, (name, members)) in &site.areas {
                            a href=(format!("{root}areas/{slug}/index.html")) { (name) " (" (counted(site, members).len()) ")" } " "
                        }
                    }
                }
            } @else {
                p { strong { "Committed by, area: " }
                    a href=(format!("{root}index.html#filters")) aria-current=[matches!(current, Some(Current::Party | Current::Area)).then_some("page")] {
                        "each of the " (crate::text::plural(report.totals.by_party.len(), "party", "parties"))
                        " and " (crate::text::plural(site.areas.len(), "area", "areas"))
                    }
                }
            }
            p { strong { "Status: " }
                @for (count, status) in report.totals.by_status.iter().zip(Status::ALL) {
                    @if count.count > 0 {
                        a href=(format!("{root}status/{}/index.html", status.as_str())) aria-current=[(current == Some(Current::Status(status))).then_some("page")] { (words(status)) " (" (count.count) ")" } " "
                    }
                }
            }
            p { strong { "Kind: " }
                @for (count, kind) in report.totals.by_kind.iter().zip(Kind::ALL) {
                    a href=(format!("{root}kinds/{}/index.html", kind.as_str())) aria-current=[(current == Some(Current::Kind(kind))).then_some("page")] { (kind.as_str()) " (" (count.count) ")" } " "
                }
            }
        }
    }
}

/// The items of a list of commitments: status first, then the title,
/// then the facts.
fn entry_items<'c>(
    site: &Site<'_>,
    root: &str,
    items: impl IntoIterator<Item = &'c CommitmentReport>,
) -> Markup {
    html! {
            @for c in items {
                li id=(format!("c-{}", c.id)) {
                    (status_badge(c.status)) " "
                    a.title href=(commitment_href(root, &c.id)) { (c.title) }
                    br;
                    span.muted {
                        "by " (c.by.iter().map(|p| site.party_name(p)).collect::<Vec<_>>().join(", "))
                        @if !c.asks.is_empty() { " · asks " (c.asks.iter().map(|p| site.party_name(p)).collect::<Vec<_>>().join(", ")) }
                        @if let Some(area) = &c.area { " · " (area) }
                        " · " (c.kind.as_str())
                        @if let Some(due) = &c.due_text { " · due " (due) }
                        @match c.group { Group::SignedAtTalks => " · signed at the talks", Group::Request => " · a request", Group::Umbrella => " · umbrella", Group::Commitment => "" }
                    }
                    @if let Some(days) = c.overdue_days { br; strong.finding-error { (crate::text::plural(days.unsigned_abs() as usize, "day", "days")) " overdue" } (crate::i18n::Locale::en().against(c.due_precision.unwrap_or_default(), c.due_estimated)) }
                }
            }
    }
}

fn entries<'c>(
    site: &Site<'_>,
    root: &str,
    items: impl IntoIterator<Item = &'c CommitmentReport>,
) -> Markup {
    html! { ul.entries { (entry_items(site, root, items)) } }
}

/// The timeline of every commitment (the first 300), each row a link to
/// its page; on a phone, the same as a list.
fn timeline(site: &Site<'_>, root: &str) -> Markup {
    const MAX_ROWS: usize = 300;
    let report = &site.report;
    let rows: Vec<&CommitmentReport> = report.commitments.iter().take(MAX_ROWS).collect();
    if rows.is_empty() {
        return html! { p.muted { "No commitments." } };
    }
    let link = |id: &str| commitment_href(root, id);
    html! {
        @if report.commitments.len() > MAX_ROWS {
            p.muted { "The first " (MAX_ROWS) " of " (report.commitments.len()) " commitments, in ledger order." }
        }
        div.scroll { (timeline_svg(&rows, report.as_of, "Timeline of commitments", Some(&link))) }
        (timeline_list(&rows, Some(&link)))
    }
}

/// The most commitments the dashboard lists itself; the filter pages list
/// every one.
const DASHBOARD_LIST: usize = 1000;

pub(super) fn dashboard(site: &Site<'_>) -> String {
    let report = &site.report;
    let totals = &report.totals;
    let root = "";
    let body = html! {
        header {
            h1 { (report.title) }
            p.meta { "As of " strong { (report.as_of) }
                @if let Some(reviewed) = report.reviewed { " · statuses reviewed up to " strong { (reviewed) } } }
            @if let Some(description) = &report.description { p { (description) } }
            @if let Some(notice) = &report.review_notice { p.notice { (notice) } }
            p { "Downloads: " a href="ledger.json" { "ledger.json" } " · " a href="commitments.csv" { "commitments.csv" }
                " · " a href="datapackage.json" { "the data package" } " (every table, with its schema)"
                " · " a href="deadlines.ics" { "the deadlines for a calendar" }
                " · " a href="follow/index.html" { "follow the changes in a feed reader" } }
            (PreEscaped(dataset_json_ld(site)))
        }
        section aria-label="Summary" {
            div.tiles {
                a.tile href="#all" { (headcount_tile(totals)) }
                @for (count, status) in totals.by_status.iter().zip(Status::ALL) {
                    @if count.count > 0 {
                        a.tile href=(format!("status/{}/index.html", status.as_str())) style=(format!("border-top-color:{}", colour(status))) { b { (count.count) } (words(status)) }
                    }
                }
                a.tile href="#overdue" style="border-top-color:#d32f2f" { b { (report.overdue.len()) } "overdue" }
                a.tile href="#due-soon" style="border-top-color:#e07b00" { b { (report.due_soon.len()) } "due in " (WINDOW_DAYS) " days" }
                a.tile href="#recent" { b { (report.recent_changes.len()) } "changes in " (WINDOW_DAYS) " days" }
            }
            p.headline { (totals.headline(crate::i18n::Locale::en())) @if let Some(left_out) = totals.left_out(crate::i18n::Locale::en()) { " " (left_out) } }
            (legend(totals))
            h2 { "Progress by party" }
            @for party in &totals.by_party {
                div {
                    a href=(format!("parties/{}/index.html", party.id)) { strong { (party.name) } } " " span.muted { "(" (party.commitments) " commitments)" }
                    (bar(party.by_status.iter().map(|c| c.count), party.commitments))
                    (counts_line(&party.by_status))
                }
            }
            @if !site.areas.is_empty() {
                h2 { "Progress by area" }
                @for (slug, (name, members)) in &site.areas {
                    @let items: Vec<&CommitmentReport> = counted(site, members);
                    @let counts = by_status(&items);
                    div {
                        a href=(format!("areas/{slug}/index.html")) { strong { (name) } } " " span.muted { "(" (items.len()) ")" }
                        (bar(counts.iter().map(|c| c.count), items.len()))
                        (counts_line(&counts))
                    }
                }
            }
        }
        section {
            h2 { "Timeline" }
            p.muted { "Each row runs from the day a commitment was made to the day it became final, or to the as-of date while open; it links to the commitment's page. ◆ marks the deadline, ● the final status; the red line is the as-of date." }
            (timeline(site, root))
        }
        section id="overdue" {
            h2 { "Overdue" }
            @if report.overdue.is_empty() { p.muted { "Nothing is overdue." } }
            @else { ul { @for item in &report.overdue { li { a href=(commitment_href(root, &item.id)) { (item.title) } " — due " (item.due_text) ", " strong { (crate::text::plural(item.days.unsigned_abs() as usize, "day", "days")) " overdue" } (crate::i18n::Locale::en().against(item.due_precision, item.due_estimated)) } } } }
        }
        section id="due-soon" {
            h2 { "Due in the next " (WINDOW_DAYS) " days" }
            @if report.due_soon.is_empty() { p.muted { "Nothing is due." } }
            @else { ul { @for item in &report.due_soon { li { a href=(commitment_href(root, &item.id)) { (item.title) } " — due " (item.due_text) " (" (crate::text::plural(item.days.unsigned_abs() as usize, "day", "days")) " left" (crate::i18n::Locale::en().against(item.due_precision, item.due_estimated)) ")" } } } }
        }
        section id="recent" {
            h2 { "Changes in the last " (WINDOW_DAYS) " days, with their evidence" }
            @if report.recent_changes.is_empty() { p.muted { "No updates." } }
            @else {
                ul { @for change in &report.recent_changes {
                    li {
                        (change.date) " " a href=(commitment_href(root, &change.id)) { (change.title) } " "
                        @if change.from != change.to { (status_badge(change.from)) " → " }
                        (status_badge(change.to)) " " (change.note)
                        @if let Some(update) = site.commitment(&change.id).and_then(|c| c.updates.get(change.update)) {
                            (evidence_list(site, &update.evidence, None))
                        }
                    }
                } }
            }
        }
        section id="all" {
            h2 { "All commitments" }
            (filters(site, root, Filters::All))
            @if report.commitments.len() > DASHBOARD_LIST {
                p.muted { "The first " (DASHBOARD_LIST) " of " (report.commitments.len()) " commitments, in ledger order; the filters above list every one." }
            }
            (entries(site, root, report.commitments.iter().take(DASHBOARD_LIST)))
        }
    };
    page(site, root, "Dashboard", body)
}

/// A page's text before and after its body, for pages written in parts.
pub(super) fn frame(site: &Site<'_>, root: &str, title: &str) -> (String, String) {
    const BODY: &str = "\u{0}body\u{0}";
    let whole = page(site, root, title, maud::PreEscaped(BODY.to_owned()));
    // The last occurrence: only the footer, which holds no ledger text,
    // follows the body.
    match whole.rsplit_once(BODY) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (whole, String::new()),
    }
}

/// A list page, written as it is made, a few hundred entries at a time: a
/// status or a party can list most of a large ledger. Its entries come
/// grouped by status, and its counts are its own: "active (4)" on Peru's
/// page jumps to Peru's four.
fn list_page(
    site: &Site<'_>,
    out: &mut dyn Write,
    heading: Markup,
    title: &str,
    items: Vec<&CommitmentReport>,
    current: Current,
) -> std::io::Result<()> {
    const CHUNK: usize = 500;
    let root = "../../";
    let (before, after) = frame(site, root, title);
    out.write_all(before.as_bytes())?;
    let counts = by_status(&items);
    let groups: Vec<(Status, usize)> = Status::ALL
        .into_iter()
        .zip(&counts)
        .map(|(status, count)| (status, count.count))
        .filter(|(_, count)| *count > 0)
        .collect();
    let head = html! {
        header { h1 { (heading) } p.meta { (crate::text::plural(items.len(), "commitment", "commitments")) } }
        (bar(counts.iter().map(|c| c.count), items.len()))
        @if !groups.is_empty() {
            p.here { strong { "On this page: " }
                @for (status, count) in &groups { a href=(format!("#s-{}", status.as_str())) { (words(*status)) " (" (count) ")" } " " }
            }
        }
        details.other-lists { summary { "Other lists" } (filters(site, root, Filters::Short(current))) }
        @if items.is_empty() { p.muted { "None." } }
    };
    out.write_all(readable_lines(&head.into_string()).as_bytes())?;
    for (status, _) in groups {
        let members: Vec<&CommitmentReport> = items
            .iter()
            .copied()
            .filter(|c| c.status == status)
            .collect();
        let heading = html! { h2 id=(format!("s-{}", status.as_str())) { (status_badge(status)) " " (members.len()) } };
        out.write_all(readable_lines(&heading.into_string()).as_bytes())?;
        out.write_all(b"<ul class=\"entries\">")?;
        for chunk in members.chunks(CHUNK) {
            let part = entry_items(site, root, chunk.iter().copied());
            out.write_all(readable_lines(&part.into_string()).as_bytes())?;
        }
        out.write_all(b"</ul>\n")?;
    }
    out.write_all(after.as_bytes())
}

pub(super) fn party(
    site: &Site<'_>,
    out: &mut dyn Write,
    party: &PartyTotals,
) -> std::io::Result<()> {
    let items: Vec<&CommitmentReport> = site
        .report
        .commitments
        .iter()
        .filter(|c| c.by.contains(&party.id))
        .filter(|c| c.group.is_counted())
        .collect();
    let title = format!("{}: what it committed to", party.name);
    list_page(site, out, html! { (title) }, &title, items, Current::Party)
}

pub(super) fn area(site: &Site<'_>, out: &mut dyn Write, slug: &str) -> std::io::Result<()> {
    let Some((name, members)) = site.areas.get(slug) else {
        return Ok(());
    };
    // Counted as `totals.by_area` counts: requests and umbrellas apart.
    let items = counted(site, members);
    let title = format!("Area: {name}");
    list_page(site, out, html! { (title) }, &title, items, Current::Area)
}

pub(super) fn status(site: &Site<'_>, out: &mut dyn Write, status: Status) -> std::io::Result<()> {
    let items = site
        .report
        .commitments
        .iter()
        .filter(|c| c.status == status)
        .filter(|c| c.group.is_counted())
        .collect();
    let title = format!("Status: {}", words(status));
    list_page(
        site,
        out,
        html! { "Status: " (status_badge(status)) },
        &title,
        items,
        Current::Status(status),
    )
}

pub(super) fn kind(site: &Site<'_>, out: &mut dyn Write, kind: Kind) -> std::io::Result<()> {
    let items = site
        .report
        .commitments
        .iter()
        .filter(|c| c.kind == kind)
        .filter(|c| c.group.is_counted())
        .collect();
    let title = format!("Kind: {}", kind.as_str());
    list_page(
        site,
        out,
        html! { (title) },
        &title,
        items,
        Current::Kind(kind),
    )
}

/// How to follow the changes: the feed's address for a feed reader, with
/// what it holds. A browser shows a feed as raw XML, so the site's links go
/// here, not to the feed itself.
pub(super) fn follow(site: &Site<'_>) -> String {
    let root = "../";
    let feed = site.href("feed.xml");
    let body = html! {
        header { h1 { "Follow the changes" } }
        p { "Copy this address into a feed reader to be told of every new commitment and every change of status:" }
        p { a href=(if feed.contains("://") { feed.clone() } else { format!("{root}feed.xml") }) type="application/atom+xml" { (feed) } }
        p { "The deadlines of the open commitments are a calendar to subscribe to: " a href=(format!("{root}deadlines.ics")) { "deadlines.ics" } "." }
        p { "Each entry names the commitment, its new status and the note behind it, and links to the commitment's page with the evidence. The feed holds the newest 1,000 entries; the " a href=(format!("{root}index.html#recent")) { "dashboard" } " shows the changes of the last " (WINDOW_DAYS) " days." }
    };
    page(site, root, "Follow the changes", body)
}

/// schema.org `Dataset` JSON-LD for the dashboard, as Google Dataset Search
/// reads it: the ledger's name and description, the period its
/// commitments cover, who publishes it, and every download. No licence:
/// the ledger format has no field for one yet.
fn dataset_json_ld(site: &Site<'_>) -> String {
    let report = &site.report;
    let first = report
        .commitments
        .iter()
        .map(|c| c.made)
        .min()
        .unwrap_or(report.as_of);
    let download = |path: &str, format: &str| serde_json::json!({ "@type": "DataDownload", "encodingFormat": format, "contentUrl": site.href(path) });
    let mut dataset = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": report.title,
        "description": report.description.clone().unwrap_or_else(|| report.title.clone()),
        "identifier": report.ledger_id,
        "temporalCoverage": format!("{first}/{}", report.as_of),
        "dateModified": report.as_of.to_string(),
        "distribution": [
            download("ledger.json", "application/json"),
            download("commitments.csv", "text/csv"),
            download("datapackage.json", "application/vnd.datapackage+json"),
            download("deadlines.ics", "text/calendar"),
            download("feed.xml", "application/atom+xml"),
        ],
    });
    if let Some(publisher) = site.view.meta.as_ref().and_then(|m| m.publisher.as_ref()) {
        dataset["publisher"] =
            serde_json::json!({ "@type": "Organization", "name": publisher.value });
    }
    // No `<` at all inside the script element: ledger text such as
    // `</script>` or `<!--` could end it or change how it is parsed. The
    // JSON escape reads back as the same text.
    let text = serde_json::to_string(&dataset)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{text}</script>")
}

#[cfg(test)]
mod tests {
    use super::link_words;

    #[test]
    fn a_link_without_a_title_names_its_site() {
        let url = "https://www.bairdmaritime.com/shipping/ports/x";
        assert_eq!(link_words(None, url), "bairdmaritime.com");
        assert_eq!(link_words(Some(url), url), "bairdmaritime.com");
        assert_eq!(link_words(Some("Port opens"), url), "Port opens");
        assert_eq!(link_words(None, "https://a.example?x=1"), "a.example");
        assert_eq!(link_words(None, "https://"), "https://");
    }
}
