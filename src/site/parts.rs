//! Pages written in parts as they are made: a large ledger's lists run to
//! thousands of entries, and a page made whole was held three times over
//! (its body, the page, its lines).

use std::io::Write;

use maud::Markup;

use super::Site;
use super::pages::page;
use crate::report::present::push_readable_lines;

/// A page's text before and after its body, for pages written in parts.
pub(super) fn frame(
    site: &Site<'_>,
    root: &str,
    here: Option<&str>,
    title: &str,
) -> (String, String) {
    const BODY: &str = "\u{0}body\u{0}";
    let whole = page(site, root, here, title, maud::PreEscaped(BODY.to_owned()));
    // The last occurrence: only the footer, which holds no ledger text,
    // follows the body.
    match whole.rsplit_once(BODY) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (whole, String::new()),
    }
}

/// A part of a page's body, one block element per line as in the whole
/// page: the parts, written between [`frame`]'s two, make the bytes of the
/// page made whole.
pub(super) fn write_part(out: &mut dyn Write, part: Markup) -> std::io::Result<()> {
    let mut lines = String::new();
    push_readable_lines(&mut lines, &part.into_string());
    out.write_all(lines.as_bytes())
}
