//! What a newsroom embeds: `badge.json`, a Shields.io endpoint that says
//! how many deliverables are kept, and `commitments/<id>/card.html`, one
//! commitment as a small self-contained page for an iframe (inline style,
//! no script, links open in the embedding page's window).

use maud::{DOCTYPE, PreEscaped, html};
use serde_json::json;

use super::Site;
use crate::report::CommitmentReport;
use crate::report::present::status_badge;

/// The Shields.io endpoint JSON (schemaVersion 1): "1 of 2 kept", red
/// while a deliverable is overdue.
pub(super) fn badge(site: &Site<'_>) -> String {
    let report = &site.report;
    let progress = &report.totals.deliverables;
    let message = if progress.total > 0 {
        format!(
            "{} kept",
            crate::i18n::Locale::en().share(progress.kept, progress.total, progress.kept_percent)
        )
    } else {
        crate::text::plural(report.totals.commitments, "commitment", "commitments")
    };
    let color = if report.overdue.is_empty() {
        "blue"
    } else {
        "red"
    };
    let mut text = serde_json::to_string_pretty(&json!({
        "schemaVersion": 1,
        "label": "commitments",
        "message": message,
        "color": color,
    }))
    .unwrap_or_default();
    text.push('\n');
    text
}

const CARD_STYLE: &str = "
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #1d2330; background: #fff; }
main { padding: .75rem; border: 1px solid #d9dde3; border-radius: 8px; }
h1 { font-size: 1.05rem; margin: .4rem 0; overflow-wrap: anywhere; }
p { margin: .4rem 0; overflow-wrap: anywhere; }
.status { display: inline-block; padding: 0 .45rem; border-radius: 999px; color: #fff; font-size: .8rem; }
.muted { color: #5b6472; font-size: .85rem; }
blockquote { margin: .3rem 0; padding-left: .5rem; border-left: 3px solid #d9dde3; color: #5b6472; font-size: .85rem; overflow-wrap: anywhere; }
a { color: #1f5fb4; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e9ef; background: #14171c; } main { border-color: #39404d; }
  .muted, blockquote { color: #a9b2bf; } a { color: #8ab4f8; }
}
";

/// One commitment's card: its status, title, the sentence that says where
/// it stands, and its latest evidence.
pub(super) fn card(site: &Site<'_>, c: &CommitmentReport) -> String {
    let report = &site.report;
    let page = html! {
        (DOCTYPE)
        html lang=(site.locale.lang().tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (c.title) " — " (report.title) }
                style { (PreEscaped(CARD_STYLE)) }
            }
            body {
                main {
                    (status_badge(c.status, site.locale))
                    h1 { a href="index.html" target="_top" { (c.title) } }
                    p { (c.ruling(site.locale)) }
                    @if let Some(evidence) = &c.latest_evidence {
                        p.muted { "Latest evidence, " (evidence.date) ": "
                            @match evidence.url.as_deref().filter(|u| super::pages::is_web(u)) {
                                Some(url) => a href=(url) target="_top" rel="noopener noreferrer" { (super::pages::link_words(Some(&evidence.title), url)) },
                                None => (evidence.title),
                            }
                        }
                        blockquote { "“" (evidence.quote) "”" }
                    }
                    p.muted { (report.title) ", as of " (report.as_of) ". " a href="index.html" target="_top" { "The full record" } }
                }
            }
        }
    };
    crate::report::present::readable_lines(&page.into_string())
}
