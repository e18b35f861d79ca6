//! `style.css`: the site's one style sheet.

use crate::report::present::STYLE;

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
