//! Evidence as the site shows it: each item's link (only `http`/`https`),
//! title, date and quoted words, and a declared source's title, publisher
//! and date.

use maud::{Markup, html};

use super::Site;
use super::pages::{link_words, web_link};
use crate::model::Evidence;

/// The evidence of an update. `quoted` is the text the page has already
/// quoted in full (the commitment's own words): a citation of words inside
/// it is not quoted a second time.
pub(super) fn evidence_list(
    site: &Site<'_>,
    evidence: &[Evidence],
    quoted: Option<&str>,
) -> Markup {
    html! {
        @if !evidence.is_empty() {
            ul {
                @for item in evidence {
                    li { (evidence_item(site, item, quoted)) }
                }
            }
        }
    }
}

/// A source: its title (a link when it is on the web), publisher and date.
pub(super) fn source_line(source: &crate::model::Source) -> Markup {
    html! {
        (web_link(&source.title.value, source.url.as_ref().map(|u| u.value.as_str())))
        @if let Some(publisher) = &source.publisher { ", " (publisher.value) }
        @if let Some(published) = &source.published { ", " (published.value) }
    }
}

/// One evidence item: link, title, publisher, date and quote.
pub(super) fn evidence_item(site: &Site<'_>, item: &Evidence, quoted: Option<&str>) -> Markup {
    match item {
        Evidence::Web(web) => html! {
            (web_link(link_words(web.title.as_ref().map(|t| t.value.as_str()), &web.url.value), Some(&web.url.value)))
            @if let Some(published) = &web.published { ", " (published.value) }
            blockquote { "“" (web.quote.value) "”" }
        },
        Evidence::Source(citation) => {
            html! {
                @match site.source(&citation.source_ref.value) {
                    Some(source) => (source_line(source)),
                    None => code { (citation.source_ref.value) },
                }
                @if quoted.is_some_and(|q| q.contains(citation.quote.value.as_str())) {
                    (site.locale.text("quoted-above"))
                } @else {
                    blockquote { "“" (citation.quote.value) "”" }
                }
            }
        }
    }
}
