//! The one presentation model of the HTML report and the site: the style
//! sheet, status colours, words and badges, bars and counts, the headline,
//! a target with its caveats, the timeline (and its list for phones), and
//! the footer. Both draw with these, from the report's one count of
//! everything; the site never borrows the report's page (`html.rs`).
//! maud escapes every interpolated value.

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};

use super::CommitmentReport;
use crate::i18n::{Lang, Locale};
use crate::model::Status;

/// Fill colour of each status, used in tiles, bars and the timeline; dark
/// enough for white badge text to meet WCAG AA contrast (4.5:1).
pub(crate) fn colour(status: Status) -> &'static str {
    match status {
        Status::Announced => "#5f6670",
        Status::InProgress => "#1a5fb4",
        Status::Active => "#00695c",
        Status::AtRisk => "#a35200",
        Status::Stalled => "#795548",
        Status::Kept => "#2e7d32",
        Status::PartiallyKept => "#5f6400",
        Status::Broken => "#c62828",
    }
}

/// A status in words, in the page's language.
pub(crate) fn words(status: Status, loc: &Locale) -> String {
    loc.status(status)
}

pub(crate) const STYLE: &str = r#"
:root { --ink: #1d2330; --muted: #5b6472; --line: #d9dde3; --paper: #ffffff; --soft: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
.meta, .muted { color: var(--muted); }
.notice { background: #fff4e0; border-left: 4px solid #e07b00; padding: .5rem .75rem; margin: 1rem 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .75rem; margin: 1rem 0; }
.tile { background: var(--soft); border-radius: 8px; padding: .75rem; border-top: 4px solid var(--muted); }
.tile b { display: block; font-size: 1.6rem; line-height: 1.2; }
.bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; background: var(--soft); margin: .25rem 0 .75rem; }
.bar span { display: block; height: 100%; }
.counts { font-size: .85rem; color: var(--muted); margin: -.5rem 0 .75rem; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem .9rem; font-size: .85rem; margin: .5rem 0; padding: 0; list-style: none; }
.dot { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; margin-right: .3rem; vertical-align: -.05rem; }
.status { display: inline-block; padding: 0 .45rem; border-radius: 999px; color: #fff; font-size: .8rem; white-space: nowrap; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { text-align: right; }
code { font-size: .85em; background: var(--soft); padding: 0 .25rem; border-radius: 3px; overflow-wrap: anywhere; }
blockquote { margin: .25rem 0; padding-left: .6rem; border-left: 3px solid var(--line); color: var(--muted); font-size: .9rem; }
a { color: #1f5fb4; overflow-wrap: anywhere; }
h1, td, li, p, blockquote, strong, code, a { unicode-bidi: isolate; }
svg.timeline { width: 100%; height: auto; min-width: 640px; font-size: 11px; }
svg.timeline text { fill: var(--ink); }
.finding-error { color: #b71c1c; }
summary { cursor: pointer; color: var(--muted); }
.date { white-space: nowrap; }
.timeline-list { display: none; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  svg.timeline { display: none; }
  .timeline-list { display: block; }
  table.cards thead { display: none; }
  table.cards tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; }
  table.cards td { display: block; border: 0; padding: .15rem 0; text-align: left; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  svg.timeline { min-width: 0; }
  section, tr, .tile { break-inside: avoid; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
}
"#;

/// One block element per line, so that snapshots and diffs of the page are
/// readable. Only the page's own closing tags match: user text is escaped.
/// One pass over the page.
pub(crate) fn readable_lines(page: &str) -> String {
    let mut out = String::with_capacity(page.len() + page.len() / 16);
    push_readable_lines(&mut out, page);
    out.push('\n');
    out
}

/// [`readable_lines`] of a part of a page, appended to `out`, without the
/// line end that closes a page: the parts of a page written as it is made
/// then read as the whole page would.
pub(crate) fn push_readable_lines(out: &mut String, page: &str) {
    const BLOCKS: [&str; 14] = [
        "</header>",
        "</section>",
        "</div>",
        "</p>",
        "</h2>",
        "</h3>",
        "</li>",
        "</tr>",
        "</thead>",
        "</table>",
        "</ul>",
        "</g>",
        "</style>",
        "</footer>",
    ];
    let mut copied = 0;
    for (at, _) in page.match_indices("</") {
        if let Some(tag) = BLOCKS.iter().find(|tag| page[at..].starts_with(**tag)) {
            let end = at + tag.len();
            out.push_str(&page[copied..end]);
            out.push('\n');
            copied = end;
        }
    }
    out.push_str(&page[copied..]);
}

pub(crate) fn status_badge(status: Status, loc: &Locale) -> Markup {
    html! { span.status style=(format!("background:{}", colour(status))) { (words(status, loc)) } }
}

/// What the groups that are counted apart mean, the deliverables' rates,
/// and the colours' legend: under the tiles, in the report and on the site.
pub(crate) fn how_counted(totals: &super::Totals, loc: &Locale) -> Markup {
    html! {
        @for (count, meaning) in super::document::group_meanings(totals, loc) {
            @if count > 0 { p.muted { (meaning) } }
        }
        p.headline { (totals.headline(loc)) @if let Some(left_out) = totals.left_out(loc) { " " (left_out) } }
        (legend(totals, loc))
    }
}

/// The inside of the headcount tile: the count, and what is counted apart
/// ("(5 signed at the talks) plus 1 request") under it, without the
/// space or the Chinese comma that joins it to the count in a sentence.
pub(crate) fn headcount_tile(totals: &super::Totals, loc: &Locale) -> Markup {
    let rest = loc.headcount_rest(&totals.headcount());
    html! {
        b { (totals.commitments) } (loc.text("tile-commitments"))
        @if !rest.is_empty() { br; span.muted { (rest.trim_start_matches([' ', '，'])) } }
    }
}

/// Where every page's figures come from.
pub(crate) fn footer(as_of: NaiveDate, loc: &Locale) -> Markup {
    html! {
        footer.muted { p { (loc.with("footer", &[("date", loc.date(as_of).into())])) } }
    }
}

/// The colours of the statuses that some commitment has: a legend of all
/// eight would name colours that appear nowhere.
pub(crate) fn legend(totals: &super::Totals, loc: &Locale) -> Markup {
    html! {
        @if totals.by_status.iter().any(|c| c.count > 0) {
            ul.legend {
                @for (count, status) in totals.by_status.iter().zip(Status::ALL) {
                    @if count.count > 0 {
                        li { span.dot style=(format!("background:{}", colour(status))) {} (words(status, loc)) }
                    }
                }
            }
        }
    }
}

/// "kept 3 · in progress 2": the counts behind a bar, in words, so that
/// they can be read without a mouse, on a phone and on paper.
pub(crate) fn counts_line(counts: &[super::Count], loc: &Locale) -> Markup {
    let shown: Vec<String> = counts
        .iter()
        .zip(Status::ALL)
        .filter(|(count, _)| count.count > 0)
        .map(|(count, status)| format!("{} {}", words(status, loc), count.count))
        .collect();
    html! { p.counts { (shown.join(" · ")) } }
}

/// A stacked bar of counts per status.
pub(crate) fn bar(counts: impl Iterator<Item = usize>, total: usize, loc: &Locale) -> Markup {
    html! {
        div.bar role="img" aria-label=(loc.text("bar-label")) {
            @for (count, status) in counts.zip(Status::ALL) {
                @if count > 0 && total > 0 {
                    span style=(format!("width:{:.2}%;background:{}", count as f64 * 100.0 / total as f64, colour(status)))
                        title=(format!("{}: {count}", words(status, loc))) {}
                }
            }
        }
    }
}

/// A target's figures, each with its note and its evidence, or "no source
/// cited": in the report and on the site, a figure is never shown without
/// its caveats.
pub(crate) fn target_block(target: &super::TargetProgress, loc: &Locale) -> Markup {
    let figure = |label: &str,
                  value: f64,
                  date: Option<NaiveDate>,
                  approximate: bool,
                  note: Option<&String>,
                  evidence: &[super::EvidenceLink]| {
        html! {
            li {
                (label) " " strong { (value) " " (target.unit) }
                @if let Some(date) = date { " (" (loc.date(date)) @if approximate { (loc.text("approximate-date")) } ")" }
                @if let Some(note) = note { " — " (note) }
                " — "
                @if evidence.is_empty() { em { (loc.text("no-source-cited")) } }
                @for (i, link) in evidence.iter().enumerate() {
                    @if i > 0 { ", " }
                    @match link.url.as_ref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                        Some(url) => a href=(url) rel="noopener noreferrer" { (link.title) },
                        None => (link.title),
                    }
                }
            }
        }
    };
    html! {
        div.target {
            p { (target.metric) ":" }
            ul {
                @match target.latest {
                    Some(latest) => (figure(&loc.text("figure-latest"), latest, target.latest_date, target.latest_date_estimated, target.latest_note.as_ref(), &target.latest_evidence)),
                    None => li { (loc.text("figure-none")) },
                }
                @if let Some(baseline) = target.baseline {
                    (figure(&loc.text("figure-baseline"), baseline, target.baseline_date, target.baseline_date_estimated, target.baseline_note.as_ref(), &target.baseline_evidence))
                }
                @if let Some(goal) = target.goal { li { (loc.text("figure-goal")) " " strong { (goal) " " (target.unit) } } }
                @if let Some(progress) = target.progress_percent { li { (loc.with("figure-progress", &[("percent", loc.percent(progress).into())])) } }
            }
        }
    }
}

/// One row per commitment, from the day it was made to the day it became
/// final (or `as_of`), with its deadline; the report's and the site's
/// timelines. With `link`, each row links to the commitment's page.
/// Axis labels are months when the span is short, years otherwise, so a
/// timeline always has dates on it.
/// How far past the last event a deadline may be and still be drawn on
/// the timeline's axis; a later one is an arrow at the edge with its year.
const NEAR_DEADLINE_DAYS: i64 = 120;

pub(crate) fn timeline_svg(
    rows: &[&CommitmentReport],
    as_of: NaiveDate,
    label: &str,
    link: Option<&dyn Fn(&str) -> String>,
    loc: &Locale,
) -> Markup {
    let first = rows.iter().map(|c| c.made).min().unwrap_or(as_of);
    // The axis ends soon after the last event or the as-of date: a
    // deadline years away would squeeze every row into a third of the
    // width. Such a deadline is an arrow at the edge, with its year.
    let events = rows
        .iter()
        .filter_map(|c| c.final_date)
        .chain([as_of])
        .max()
        .unwrap_or(as_of);
    // Deadlines of the next months stay on the axis (what is due soon is
    // worth seeing); later ones are arrows.
    let near = events + chrono::Duration::days(NEAR_DEADLINE_DAYS);
    let last = rows
        .iter()
        .filter_map(|c| c.due)
        .filter(|due| *due <= near)
        .chain([events])
        .max()
        .unwrap_or(events);
    let (start, end) = (
        first - chrono::Duration::days(20),
        last + chrono::Duration::days(20),
    );
    let span_days = (end - start).num_days().max(1) as f64;
    let (label_width, plot_width, row_height, top) = (250.0, 720.0, 22.0, 34.0);
    // Room right of the plot for "→ Sep 2026".
    let arrow_room = 80.0;
    // One decimal is plenty for the eye and keeps the output short.
    let x = |date: NaiveDate| {
        ((label_width + (date - start).num_days() as f64 / span_days * plot_width) * 10.0).round()
            / 10.0
    };
    let height = top + rows.len() as f64 * row_height + 10.0;
    let months_apart = if span_days < 800.0 { 3 } else { 12 };
    let mut ticks = Vec::new();
    let mut tick = NaiveDate::from_ymd_opt(start.year(), 1, 1).unwrap_or(start);
    while tick < end {
        if tick > start {
            ticks.push(tick);
        }
        match tick.checked_add_months(chrono::Months::new(months_apart)) {
            Some(next) => tick = next,
            None => break,
        }
    }
    let row = |c: &CommitmentReport, y: f64| {
        let stop = c.final_date.unwrap_or(as_of).max(c.made);
        html! {
            // The row is named by the commitment's title, as readers know it;
            // the full title is in the tooltip, and the link's accessible
            // name comes from its content (an aria-label would not contain
            // the visible, shortened label, which axe-core flags).
            title { (c.title) ": " (words(c.status, loc)) @if let Some(due) = &c.due_text { (loc.with("timeline-due", &[("due", due.as_str().into())])) } }
            text x="4" y=(y + 4.0) { (truncate(&c.title, 38)) }
            line x1=(x(c.made)) x2=(x(stop)) y1=(y) y2=(y) stroke=(colour(c.status)) stroke-width="6" stroke-linecap="round" {}
            @if let Some(due) = c.due {
                @let beyond = due > end;
                @let drawn = if beyond { end } else { due };
                @if c.final_date.is_none() && drawn > stop {
                    line x1=(x(stop)) x2=(x(drawn)) y1=(y) y2=(y) stroke=(colour(c.status)) stroke-width="2" stroke-dasharray="3 3" {}
                }
                @if beyond {
                    text x=(x(end) + 2.0) y=(y + 4.0) { "→ " @if due.year() == end.year() { (short_month(due, loc)) } @else { (due.year()) } }
                } @else {
                    // The editors' estimate is drawn dashed, a stated deadline solid.
                    polygon points=(diamond(x(due), y)) fill="#fff" stroke="#1d2330" stroke-width="1.5"
                        stroke-dasharray=[c.due_estimated.then_some("2 2")] {}
                }
            }
            @if let Some(done) = c.final_date {
                circle cx=(x(done)) cy=(y) r="5" fill=(colour(c.status)) stroke="#fff" stroke-width="1.5" {}
            }
        }
    };
    html! {
        // A row that is a link is interactive: no role="img" around it.
        svg.timeline id="timeline" xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {height}", label_width + plot_width + arrow_room))
            role=[link.is_none().then_some("img")] aria-label=(label) {
            @if rows.iter().any(|c| c.due_estimated) {
                text x="4" y="14" { (loc.text("timeline-key")) }
            }
            @for tick in &ticks {
                line.axis x1=(x(*tick)) x2=(x(*tick)) y1="20" y2=(height) stroke="#d9dde3" {}
                text x=(x(*tick) + 3.0) y="14" { @if months_apart == 12 { (tick.year()) } @else { (tick.format("%Y-%m")) } }
            }
            @for (i, c) in rows.iter().enumerate() {
                @let y = top + i as f64 * row_height + row_height / 2.0;
                @match link {
                    Some(link) => a href=(link(&c.id)) { (row(c, y)) },
                    None => g { (row(c, y)) },
                }
            }
            line x1=(x(as_of)) x2=(x(as_of)) y1="20" y2=(height) stroke="#c62828" stroke-width="1.5" stroke-dasharray="4 3" {}
            text x=(x(as_of) - 4.0) y="28" text-anchor="end" fill="#c62828" { (loc.with("as-of-date", &[("date", loc.date(as_of).into())])) }
        }
    }
}

/// The timeline as a list, for phones (the SVG is hidden there, its
/// labels too small to read): each commitment with its dates in words.
pub(crate) fn timeline_list(
    rows: &[&CommitmentReport],
    link: Option<&dyn Fn(&str) -> String>,
    loc: &Locale,
) -> Markup {
    html! {
        ol.timeline-list {
            @for c in rows {
                li {
                    @match link { Some(link) => a href=(link(&c.id)) { (c.title) }, None => strong { (c.title) } }
                    (loc.text("timeline-made")) " " span.date { (loc.date(c.made)) }
                    @if let Some(due) = &c.due_text { (loc.text("timeline-list-due")) " " span.date { (due) } }
                    (loc.text("clause-comma")) (words(c.status, loc))
                    @if let Some(done) = c.final_date { " " span.date { (loc.date(done)) } }
                }
            }
        }
    }
}

/// A deadline beyond the timeline's edge: "Sep 2026" in English, as
/// every English page has drawn it, else the language's month and year.
fn short_month(due: NaiveDate, loc: &Locale) -> String {
    match loc.lang() {
        Lang::En => due.format("%b %Y").to_string(),
        Lang::Es | Lang::ZhHans => loc.month_year(due),
    }
}

pub(crate) fn diamond(x: f64, y: f64) -> String {
    format!(
        "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
        x,
        y - 6.0,
        x + 6.0,
        y,
        x,
        y + 6.0,
        x - 6.0,
        y
    )
}

pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
