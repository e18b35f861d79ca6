//! The Atom 1.0 feed: one entry per status change (update) and per new
//! commitment, newest first, written by atom_syndication.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Text, WriteConfig};
use chrono::{NaiveDate, TimeZone, Utc};

use super::{Site, area_slug};
use crate::model::Status;
use crate::report::html::words;

/// The newest entries kept: a feed reader wants what changed, not the
/// whole history of a very large ledger (the site has that).
pub(crate) const MAX_ENTRIES: usize = 1000;

fn at_midnight(date: NaiveDate) -> FixedDateTime {
    Utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN))
        .fixed_offset()
}

fn link(href: String, rel: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link
}

pub(super) fn atom(site: &Site<'_>) -> String {
    let report = &site.report;
    let ledger = area_slug(&report.title);
    // (date, ledger order, place in the commitment's own history, entry)
    let mut dated: Vec<(NaiveDate, usize, usize, Entry)> = Vec::new();
    for (order, c) in site.view.commitments.iter().enumerate() {
        let id = &c.id.value;
        let page = format!("commitments/{id}/index.html");
        let mut made = Entry::default();
        made.set_id(format!("urn:commitments:{ledger}:{id}:made"));
        made.set_title(format!("New: {}", c.title.value));
        made.set_updated(at_midnight(c.made.value));
        made.set_links(vec![link(page.clone(), "alternate")]);
        made.set_summary(Some(Text::plain(format!(
            "Made on {}; status {}.",
            c.made.value,
            words(Status::Announced)
        ))));
        dated.push((c.made.value, order, 0, made));
        let mut before = Status::Announced;
        let mut same_day = 0;
        let mut last_date = None;
        for (place, update) in c.updates.iter().enumerate() {
            let date = update.date.value;
            same_day = if last_date == Some(date) {
                same_day + 1
            } else {
                0
            };
            last_date = Some(date);
            let suffix = if same_day == 0 {
                String::new()
            } else {
                format!("-{same_day}")
            };
            let status = update.status.value;
            let mut entry = Entry::default();
            entry.set_id(format!(
                "urn:commitments:{ledger}:{id}:update:{date}{suffix}"
            ));
            entry.set_title(if status == before {
                format!("{}: still {}", c.title.value, words(status))
            } else {
                format!("{}: {} → {}", c.title.value, words(before), words(status))
            });
            entry.set_updated(at_midnight(date));
            entry.set_links(vec![link(page.clone(), "alternate")]);
            entry.set_summary(Some(Text::plain(update.note.value.clone())));
            dated.push((date, order, place + 1, entry));
            before = status;
        }
    }
    // Newest first; within a day, in ledger order, and a commitment's own
    // entries latest first (an update after the "New:" entry it follows).
    dated.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
    dated.truncate(MAX_ENTRIES);
    let updated = dated.first().map_or(report.as_of, |(date, _, _, _)| *date);
    let mut feed = Feed::default();
    feed.set_title(format!("{}: status changes", report.title));
    feed.set_id(format!("urn:commitments:{ledger}"));
    feed.set_updated(at_midnight(updated));
    feed.set_links(vec![
        link("feed.xml".to_owned(), "self"),
        link("index.html".to_owned(), "alternate"),
    ]);
    feed.set_entries(
        dated
            .into_iter()
            .map(|(_, _, _, entry)| entry)
            .collect::<Vec<_>>(),
    );
    // Indented, one element a line, so that diffs of the feed are readable.
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let mut text = feed
        .write_with_config(Vec::new(), config)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default();
    text.push('\n');
    text
}
