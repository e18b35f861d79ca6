//! Evidence as the site shows it: each item's link (only `http`/`https`),
//! title, date and quoted words, and a declared source's title, publisher
//! and date.

use maud::{Markup, html};

use super::Site;
use super::pages::web_link;
use crate::model::Evidence;

pub(super) fn evidence_list(site: &Site<'_>, evidence: &[Evidence]) -> Markup {
    html! {
        @if !evidence.is_empty() {
            ul {
                @for item in evidence {
                    li { (evidence_item(site, item)) }
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
pub(super) fn evidence_item(site: &Site<'_>, item: &Evidence) -> Markup {
    match item {
        Evidence::Web(web) => html! {
            (web_link(web.title.as_ref().map_or(web.url.value.as_str(), |t| t.value.as_str()), Some(&web.url.value)))
            @if let Some(published) = &web.published { ", " (published.value) }
            blockquote { "“" (web.quote.value) "”" }
        },
        Evidence::Source(citation) => {
            html! {
                @match site.source(&citation.source_ref.value) {
                    Some(source) => (source_line(source)),
                    None => code { (citation.source_ref.value) },
                }
                blockquote { "“" (citation.quote.value) "”" }
            }
        }
    }
}
