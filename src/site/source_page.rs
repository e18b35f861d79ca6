//! The page of one source: its title, publisher, date and public address,
//! and the copy kept with the ledger in full, so that a reader can read
//! every quote in its context.

use maud::html;

use super::Site;
use super::evidence::source_line;
use super::pages::page;
use crate::model::Source;

/// The page; `text` is the local copy (the file `file` names), if any.
pub(super) fn source(site: &Site<'_>, source: &Source, text: Option<&str>) -> String {
    let root = "../../";
    let body = html! {
        header {
            p.meta { "Source" }
            h1 { (source.title.value) }
            p { (source_line(source)) }
            @if let Some(url) = source.url.as_ref().filter(|u| super::pages::is_web(&u.value)) {
                p { "Online: " a href=(url.value) rel="noopener noreferrer" { (url.value) } }
            }
        }
        @match text {
            Some(text) => {
                p.muted { "The copy kept with the ledger, which every quote is checked against:" }
                article.source-text lang=[source.language.as_ref().map(|l| l.value.as_str())] {
                    @for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                        p { (paragraph) }
                    }
                }
            }
            None => p.muted { "No copy is kept with the ledger; the link above is the only one." },
        }
    };
    page(site, root, None, &source.title.value, body)
}

/// The path of a source's page, from the site's root.
pub(crate) fn source_path(id: &str) -> String {
    format!("sources/{id}/index.html")
}
