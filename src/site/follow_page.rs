//! The page that tells a reader how to follow the changes.

use maud::html;

use super::Site;
use super::pages::page;
use crate::report::WINDOW_DAYS;

/// How to follow the changes: the feed's address for a feed reader, with
/// what it holds. A browser shows a feed as raw XML, so the site's links go
/// here, not to the feed itself.
pub(super) fn follow(site: &Site<'_>) -> String {
    let root = "../";
    let loc = site.locale;
    let up = site.languages.up();
    let feed = site.href("feed.xml");
    let body = html! {
        header { h1 { (loc.text("follow-changes")) } }
        p { (loc.text("follow-copy")) }
        p { a href=(if feed.contains("://") { feed.clone() } else { format!("{root}feed.xml") }) type="application/atom+xml" { (feed) } }
        p { (loc.text("follow-calendar")) a href=(format!("{root}{up}deadlines.ics")) { "deadlines.ics" } (loc.text("full-stop")) }
        p { (loc.text("follow-entries")) a href=(format!("{root}index.html#recent")) { (loc.text("follow-dashboard")) } (loc.with("follow-window", &[("days", WINDOW_DAYS.into())])) }
    };
    page(
        site,
        root,
        Some("follow/index.html"),
        &loc.text("follow-changes"),
        body,
    )
}
