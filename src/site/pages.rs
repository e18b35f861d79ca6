//! The site's pages, as maud templates: maud escapes every interpolated
//! value for its context, and only `http`/`https` URLs become links.

use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Site;
use super::evidence::evidence_list;
use super::parts::{frame, write_part};
use crate::model::{Group, Kind, Status};
use crate::report::present::{
    bar, colour, counts_line, footer, headcount_tile, legend, readable_lines, status_badge,
    timeline_list, timeline_svg, words,
};
use crate::report::{CommitmentReport, Count, PartyTotals, WINDOW_DAYS};

/// A page of the site: `root` leads from the page to its language's
/// root, and `here` is the page's path from there when the page is in
/// every language of the site (its switch and alternates link to it).
pub(super) fn page(
    site: &Site<'_>,
    root: &str,
    here: Option<&str>,
    title: &str,
    body: Markup,
) -> String {
    let report = &site.report;
    let loc = site.locale;
    let up = site.languages.up();
    let as_of = loc.with("as-of-date", &[("date", loc.date(report.as_of).into())]);
    let others = here.filter(|_| site.languages.is_many());
    let page = html! {
        (DOCTYPE)
        html lang=(loc.lang().tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (report.title) " — " (as_of) }
                link rel="alternate" type="application/atom+xml" title=(loc.text("feed-link-title")) href=(format!("{root}feed.xml"));
                @if let Some(here) = others {
                    @for lang in site.languages.all() {
                        link rel="alternate" hreflang=(lang.tag()) href=(site.languages.href(site, root, lang, here));
                    }
                    // For a reader whose language the site does not have: the root's.
                    @if let Some(first) = site.languages.all().next() {
                        link rel="alternate" hreflang="x-default" href=(site.languages.href(site, root, first, here));
                    }
                }
                link rel="stylesheet" href=(format!("{root}{up}style.css"));
            }
            body {
                main {
                    nav.top aria-label=(loc.text("nav-site")) {
                        @if let Some(workspace) = &site.workspace_title { a href=(format!("{root}{up}../{}index.html", site.workspace_folder)) { (workspace) } }
                        a href=(format!("{root}index.html")) { (report.title) }
                        span.muted { (as_of) }
                        a href=(format!("{root}index.html#all")) { (loc.text("all-commitments")) }
                        a href=(format!("{root}follow/index.html")) { (loc.text("follow-changes")) }
                    }
                    @if let Some(here) = others {
                        nav.languages aria-label=(loc.text("nav-languages")) {
                            @for lang in site.languages.all() {
                                @if lang == loc.lang() {
                                    span lang=(lang.tag()) aria-current="true" { (lang.endonym()) }
                                } @else {
                                    a lang=(lang.tag()) hreflang=(lang.tag()) href=(site.languages.href(site, root, lang, here)) { (lang.endonym()) }
                                }
                                " "
                            }
                        }
                    }
                    (body)
                    (footer(report.as_of, loc))
                    p.muted { (loc.text("maintainers-before")) a href=(format!("{root}{up}checks/index.html")) { (loc.text("maintainers-checks")) } (loc.text("full-stop")) }
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
    let loc = site.locale;
    let current = match which {
        Filters::All => None,
        Filters::Short(current) => Some(current),
    };
    html! {
        nav.filters id=[(which == Filters::All).then_some("filters")] aria-label=(loc.text("nav-filters")) {
            @if which == Filters::All {
                p { strong { (loc.text("filter-committed-by")) }
                    @for party in &report.totals.by_party {
                        a href=(format!("{root}parties/{}/index.html", party.id)) { (party.name) " (" (party.commitments) ")" } " "
                    }
                }
                @if !site.areas.is_empty() {
                    p { strong { (loc.text("filter-area")) }
                        @for (slug, (name, members)) in &site.areas {
                            a href=(format!("{root}areas/{slug}/index.html")) { (name) " (" (counted(site, members).len()) ")" } " "
                        }
                    }
                }
            } @else {
                p { strong { (loc.text("filter-party-area")) }
                    a href=(format!("{root}index.html#filters")) aria-current=[matches!(current, Some(Current::Party | Current::Area)).then_some("page")] {
                        (loc.with("filter-each", &[
                            ("parties", loc.count("count-parties", report.totals.by_party.len()).into()),
                            ("areas", loc.count("count-areas", site.areas.len()).into()),
                        ]))
                    }
                }
            }
            p { strong { (loc.text("filter-status")) }
                @for (count, status) in report.totals.by_status.iter().zip(Status::ALL) {
                    @if count.count > 0 {
                        a href=(format!("{root}status/{}/index.html", status.as_str())) aria-current=[(current == Some(Current::Status(status))).then_some("page")] { (words(status, loc)) " (" (count.count) ")" } " "
                    }
                }
            }
            p { strong { (loc.text("filter-kind")) }
                @for (count, kind) in report.totals.by_kind.iter().zip(Kind::ALL) {
                    a href=(format!("{root}kinds/{}/index.html", kind.as_str())) aria-current=[(current == Some(Current::Kind(kind))).then_some("page")] { (loc.kind(kind)) " (" (count.count) ")" } " "
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
    let loc = site.locale;
    html! {
            @for c in items {
                li id=(format!("c-{}", c.id)) {
                    (status_badge(c.status, loc)) " "
                    a.title href=(commitment_href(root, &c.id)) { (c.title) }
                    br;
                    span.muted {
                        (loc.with("entry-by", &[("names", site.party_names(&c.by).into())]))
                        @if !c.asks.is_empty() { (loc.with("entry-asks", &[("names", site.party_names(&c.asks).into())])) }
                        @if let Some(area) = &c.area { " · " (area) }
                        " · " (loc.kind(c.kind))
                        @if let Some(due) = &c.due_text { (loc.with("entry-due", &[("due", due.as_str().into())])) }
                        @match c.group {
                            Group::SignedAtTalks => (loc.text("entry-signed")),
                            Group::Request => (loc.text("entry-request")),
                            Group::Umbrella => (loc.text("entry-umbrella")),
                            Group::Commitment => "",
                        }
                    }
                    @if let Some(days) = c.overdue_days { br; strong.finding-error { (loc.days_overdue(days)) } (loc.against(c.due_precision.unwrap_or_default(), c.due_estimated)) }
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
    let loc = site.locale;
    let rows: Vec<&CommitmentReport> = report.commitments.iter().take(MAX_ROWS).collect();
    if rows.is_empty() {
        return html! { p.muted { (loc.text("no-commitments")) } };
    }
    let link = |id: &str| commitment_href(root, id);
    html! {
        @if report.commitments.len() > MAX_ROWS {
            p.muted { (loc.with("timeline-first", &[("shown", MAX_ROWS.into()), ("total", report.commitments.len().into())])) }
        }
        div.scroll { (timeline_svg(&rows, report.as_of, &loc.text("timeline-label"), Some(&link), loc)) }
        (timeline_list(&rows, Some(&link), loc))
    }
}

/// The most commitments the dashboard lists itself; the filter pages list
/// every one.
const DASHBOARD_LIST: usize = 1000;

/// The dashboard, written a part at a time (its lists of overdue, due and
/// changed commitments can hold thousands each); the bytes are those of the
/// page made whole.
pub(super) fn dashboard(site: &Site<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    let report = &site.report;
    let totals = &report.totals;
    let loc = site.locale;
    let root = "";
    let up = site.languages.up();
    let window = [("days", WINDOW_DAYS.into())];
    let (before, after) = frame(site, root, Some("index.html"), &loc.text("dashboard"));
    out.write_all(before.as_bytes())?;
    write_part(
        out,
        html! {
            header {
                h1 { (report.title) }
                p.meta { (loc.text("as-of-before")) strong { (loc.date(report.as_of)) }
                    @if let Some(reviewed) = report.reviewed { (loc.text("reviewed-before")) strong { (loc.date(reviewed)) } } }
                @if let Some(description) = &report.description { p { (description) } }
                @if let Some(notice) = &report.review_notice { p.notice { (notice) } }
                @if report.translated { p.muted { (loc.text("translated")) } }
                p { (loc.text("downloads")) a href=(format!("{up}ledger.json")) { "ledger.json" } " · " a href=(format!("{up}commitments.csv")) { "commitments.csv" }
                    " · " a href=(format!("{up}datapackage.json")) { (loc.text("download-package")) } (loc.text("download-package-note"))
                    " · " a href=(format!("{up}deadlines.ics")) { (loc.text("download-calendar")) }
                    " · " a href="follow/index.html" { (loc.text("download-follow")) } }
                (PreEscaped(super::dataset::dataset_json_ld(site)))
            }
            section aria-label=(loc.text("summary")) {
                div.tiles {
                    a.tile href="#all" { (headcount_tile(totals, loc)) }
                    @for (count, status) in totals.by_status.iter().zip(Status::ALL) {
                        @if count.count > 0 {
                            a.tile href=(format!("status/{}/index.html", status.as_str())) style=(format!("border-top-color:{}", colour(status))) { b { (count.count) } (words(status, loc)) }
                        }
                    }
                    a.tile href="#overdue" style="border-top-color:#d32f2f" { b { (report.overdue.len()) } (loc.text("tile-overdue")) }
                    a.tile href="#due-soon" style="border-top-color:#e07b00" { b { (report.due_soon.len()) } (loc.with("tile-due-soon", &window)) }
                    a.tile href="#recent" { b { (report.recent_changes.len()) } (loc.with("tile-changes", &window)) }
                }
                p.headline { (totals.headline(loc)) @if let Some(left_out) = totals.left_out(loc) { " " (left_out) } }
                (legend(totals, loc))
                h2 { (loc.text("progress-by-party")) }
                @for party in &totals.by_party {
                    div {
                        a href=(format!("parties/{}/index.html", party.id)) { strong { (party.name) } } " " span.muted { (loc.with("party-commitments", &[("n", party.commitments.into())])) }
                        (bar(party.by_status.iter().map(|c| c.count), party.commitments, loc))
                        (counts_line(&party.by_status, loc))
                    }
                }
                @if !site.areas.is_empty() {
                    h2 { (loc.text("progress-by-area")) }
                    @for (slug, (name, members)) in &site.areas {
                        @let items: Vec<&CommitmentReport> = counted(site, members);
                        @let counts = by_status(&items);
                        div {
                            a href=(format!("areas/{slug}/index.html")) { strong { (name) } } " " span.muted { "(" (items.len()) ")" }
                            (bar(counts.iter().map(|c| c.count), items.len(), loc))
                            (counts_line(&counts, loc))
                        }
                    }
                }
            }
            section {
                h2 { (loc.text("timeline-heading")) }
                p.muted { (loc.text("timeline-explain")) }
                (timeline(site, root))
            }
        },
    )?;
    write_part(
        out,
        html! {
            section id="overdue" {
                h2 { (loc.text("overdue")) }
                @if report.overdue.is_empty() { p.muted { (loc.text("nothing-overdue")) } }
                @else { ul { @for item in &report.overdue { li { a href=(commitment_href(root, &item.id)) { (item.title) } (loc.with("item-due", &[("due", item.due_text.as_str().into())])) (loc.text("clause-comma")) strong { (loc.days_overdue(item.days)) } (loc.against(item.due_precision, item.due_estimated)) } } } }
            }
        },
    )?;
    write_part(
        out,
        html! {
            section id="due-soon" {
                h2 { (loc.with("due-soon", &window)) }
                @if report.due_soon.is_empty() { p.muted { (loc.text("nothing-due")) } }
                @else { ul { @for item in &report.due_soon { li { a href=(commitment_href(root, &item.id)) { (item.title) } (loc.with("item-due", &[("due", item.due_text.as_str().into())])) " (" (loc.with("days-left", &[("days", loc.days(item.days.unsigned_abs()).into()), ("n", item.days.unsigned_abs().into())])) (loc.against(item.due_precision, item.due_estimated)) ")" } } } }
            }
        },
    )?;
    write_part(
        out,
        html! {
            section id="recent" {
                h2 { (loc.with("recent-with-evidence", &window)) }
                @if report.recent_changes.is_empty() { p.muted { (loc.text("no-updates")) } }
                @else {
                    ul { @for change in &report.recent_changes {
                        li {
                            (loc.date(change.date)) " " a href=(commitment_href(root, &change.id)) { (change.title) } " "
                            @if change.from != change.to { (status_badge(change.from, loc)) " → " }
                            (status_badge(change.to, loc)) " " (change.note)
                            @if let Some(update) = site.commitment(&change.id).and_then(|c| c.updates.get(change.update)) {
                                (evidence_list(site, &update.evidence, None))
                            }
                        }
                    } }
                }
            }
        },
    )?;
    write_part(
        out,
        html! {
            section id="all" {
                h2 { (loc.text("all-commitments")) }
                (filters(site, root, Filters::All))
                @if report.commitments.len() > DASHBOARD_LIST {
                    p.muted { (loc.with("dashboard-first", &[("shown", DASHBOARD_LIST.into()), ("total", report.commitments.len().into())])) }
                }
                (entries(site, root, report.commitments.iter().take(DASHBOARD_LIST)))
            }
        },
    )?;
    out.write_all(after.as_bytes())
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
    here: &str,
    items: Vec<&CommitmentReport>,
    current: Current,
) -> std::io::Result<()> {
    const CHUNK: usize = 500;
    let root = "../../";
    let loc = site.locale;
    let (before, after) = frame(site, root, Some(here), title);
    out.write_all(before.as_bytes())?;
    let counts = by_status(&items);
    let groups: Vec<(Status, usize)> = Status::ALL
        .into_iter()
        .zip(&counts)
        .map(|(status, count)| (status, count.count))
        .filter(|(_, count)| *count > 0)
        .collect();
    let head = html! {
        header { h1 { (heading) } p.meta { (loc.count("count-commitments", items.len())) } }
        (bar(counts.iter().map(|c| c.count), items.len(), loc))
        @if !groups.is_empty() {
            p.here { strong { (loc.text("on-this-page")) }
                @for (status, count) in &groups { a href=(format!("#s-{}", status.as_str())) { (words(*status, loc)) " (" (count) ")" } " " }
            }
        }
        details.other-lists { summary { (loc.text("other-lists")) } (filters(site, root, Filters::Short(current))) }
        @if items.is_empty() { p.muted { (loc.text("none-listed")) } }
    };
    out.write_all(readable_lines(&head.into_string()).as_bytes())?;
    for (status, _) in groups {
        let members: Vec<&CommitmentReport> = items
            .iter()
            .copied()
            .filter(|c| c.status == status)
            .collect();
        let heading = html! { h2 id=(format!("s-{}", status.as_str())) { (status_badge(status, loc)) " " (members.len()) } };
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
    let title = site
        .locale
        .with("party-title", &[("party", party.name.as_str().into())]);
    let here = format!("parties/{}/index.html", party.id);
    list_page(
        site,
        out,
        html! { (title) },
        &title,
        &here,
        items,
        Current::Party,
    )
}

pub(super) fn area(site: &Site<'_>, out: &mut dyn Write, slug: &str) -> std::io::Result<()> {
    let Some((name, members)) = site.areas.get(slug) else {
        return Ok(());
    };
    // Counted as `totals.by_area` counts: requests and umbrellas apart.
    let items = counted(site, members);
    let title = site
        .locale
        .with("area-title", &[("area", name.as_str().into())]);
    let here = format!("areas/{slug}/index.html");
    list_page(
        site,
        out,
        html! { (title) },
        &title,
        &here,
        items,
        Current::Area,
    )
}

pub(super) fn status(site: &Site<'_>, out: &mut dyn Write, status: Status) -> std::io::Result<()> {
    let items = site
        .report
        .commitments
        .iter()
        .filter(|c| c.status == status)
        .filter(|c| c.group.is_counted())
        .collect();
    let loc = site.locale;
    let title = loc.with("status-title", &[("status", words(status, loc).into())]);
    let here = format!("status/{}/index.html", status.as_str());
    list_page(
        site,
        out,
        html! { (loc.text("status-heading")) (status_badge(status, loc)) },
        &title,
        &here,
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
    let title = site
        .locale
        .with("kind-title", &[("kind", site.locale.kind(kind).into())]);
    let here = format!("kinds/{}/index.html", kind.as_str());
    list_page(
        site,
        out,
        html! { (title) },
        &title,
        &here,
        items,
        Current::Kind(kind),
    )
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
