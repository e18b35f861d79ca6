//! The Atom 1.0 feed: one entry per status change (update) and per new
//! commitment, newest first, written by atom_syndication.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text, WriteConfig};
use chrono::{NaiveDate, TimeZone, Utc};

use super::Site;
use crate::model::{Commitment, Status};
use crate::report::present::words;

/// The newest entries kept: a feed reader wants what changed, not the
/// whole history of a very large ledger (the site has that).
const MAX_ENTRIES: usize = 1000;

fn at_midnight(date: NaiveDate) -> FixedDateTime {
    Utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN))
        .fixed_offset()
}

fn link(href: String, rel: &str, mime: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(mime.to_owned()));
    link
}

/// Who wrote the entries: the ledger's editors, else its publisher, else
/// the ledger itself by title. RFC 4287 requires an author of every entry.
fn authors(site: &Site<'_>) -> Vec<Person> {
    let meta = site.view.meta.as_ref();
    let mut names: Vec<String> = meta
        .map(|m| m.editors.iter().map(|e| e.value.to_string()).collect())
        .unwrap_or_default();
    if names.is_empty() {
        names.extend(
            meta.and_then(|m| m.publisher.as_ref())
                .map(|p| p.value.to_string()),
        );
    }
    if names.is_empty() {
        names.push(site.locale.with(
            "feed-editors",
            &[("ledger", site.report.title.as_str().into())],
        ));
    }
    names
        .into_iter()
        .map(|name| Person {
            name,
            ..Person::default()
        })
        .collect()
}

/// One entry before it is written: which commitment, and which of its
/// updates (none for the "New:" entry).
struct Planned<'a> {
    date: NaiveDate,
    order: usize,
    place: usize,
    commitment: &'a Commitment,
}

pub(super) fn atom(site: &Site<'_>) -> String {
    let report = &site.report;
    let dated = entries(site);
    let updated = dated.first().map_or(report.as_of, |(date, _)| *date);
    document(
        &site
            .locale
            .with("feed-title", &[("ledger", report.title.as_str().into())]),
        &format!(
            "urn:commitments:{}{}",
            report.ledger_id,
            language_part(site)
        ),
        updated,
        [site.href("feed.xml"), site.href("index.html")],
        dated,
    )
}

/// What a feed's and its entries' ids add for a language other than the
/// root's (`:es`): each language's feed is a feed of its own, and a reader
/// who follows two sees each change in each.
fn language_part(site: &Site<'_>) -> String {
    match site.languages.folder(site.languages.here()).as_str() {
        "" => String::new(),
        _ => format!(":{}", site.languages.here().tag()),
    }
}

/// The ledger's entries, as [`entries`], with links into its folder
/// `prefix` of a workspace's site (absolute links are left as they are).
pub(super) fn entries_under(site: &Site<'_>, prefix: &str) -> Vec<(NaiveDate, Entry)> {
    let mut dated = entries(site);
    for (_, entry) in &mut dated {
        let links: Vec<Link> = entry
            .links()
            .iter()
            .map(|l| {
                let mut l = l.clone();
                if !super::pages::is_web(l.href()) {
                    l.set_href(format!("{prefix}{}", l.href()));
                }
                l
            })
            .collect();
        entry.set_links(links);
    }
    dated
}

/// An Atom document of `dated` entries, newest first: `links` are its
/// `self` and `alternate` addresses.
pub(super) fn document(
    title: &str,
    id: &str,
    updated: NaiveDate,
    links: [String; 2],
    dated: Vec<(NaiveDate, Entry)>,
) -> String {
    let [this, alternate] = links;
    let mut feed = Feed::default();
    feed.set_title(title.to_owned());
    feed.set_id(id.to_owned());
    feed.set_updated(at_midnight(updated));
    feed.set_links(vec![
        link(this, "self", "application/atom+xml"),
        link(alternate, "alternate", "text/html"),
    ]);
    feed.set_entries(
        dated
            .into_iter()
            .take(MAX_ENTRIES)
            .map(|(_, entry)| entry)
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

/// The newest [`MAX_ENTRIES`] entries of the ledger, newest first, each
/// with its date.
fn entries(site: &Site<'_>) -> Vec<(NaiveDate, Entry)> {
    let report = &site.report;
    // The lasting id, never the title: a retitle must not make readers see
    // every entry again.
    let ledger = format!("{}{}", report.ledger_id, language_part(site));
    let ledger = &ledger;
    let authors = authors(site);
    // Only dates and positions first: a large ledger has hundreds of
    // thousands of updates, and the feed keeps the newest MAX_ENTRIES.
    let mut planned: Vec<Planned<'_>> = Vec::new();
    for (order, commitment) in site.view.commitments.iter().enumerate() {
        planned.push(Planned {
            date: commitment.made.value,
            order,
            place: 0,
            commitment,
        });
        for (place, update) in commitment.updates.iter().enumerate() {
            planned.push(Planned {
                date: update.date.value,
                order,
                place: place + 1,
                commitment,
            });
        }
    }
    // Newest first; within a day, in ledger order, and a commitment's own
    // entries latest first (an update after the "New:" entry it follows).
    planned.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(a.order.cmp(&b.order))
            .then(b.place.cmp(&a.place))
    });
    planned.truncate(MAX_ENTRIES);
    let dated: Vec<(NaiveDate, Entry)> = planned
        .iter()
        .map(|p| {
            let mut entry = entry(site, ledger, p.commitment, p.place);
            entry.set_authors(authors.clone());
            (p.date, entry)
        })
        .collect();
    dated
}

fn entry(site: &Site<'_>, ledger: &str, commitment: &Commitment, place: usize) -> Entry {
    let id = &commitment.id.value;
    let loc = site.locale;
    let title = site.translated(&commitment.i18n, "title", &commitment.title.value);
    let mut entry = Entry::default();
    entry.set_links(vec![link(
        site.href(&format!("commitments/{id}/index.html")),
        "alternate",
        "text/html",
    )]);
    let Some(update) = place.checked_sub(1).and_then(|i| commitment.updates.get(i)) else {
        entry.set_id(format!("urn:commitments:{ledger}:{id}:made"));
        entry.set_title(loc.with("feed-new", &[("title", title.into())]));
        entry.set_updated(at_midnight(commitment.made.value));
        let due = commitment.due.as_ref().map_or_else(String::new, |due| {
            let deadline = loc.deadline(
                due.value,
                commitment.precision(),
                commitment.due_estimated(),
            );
            loc.with("feed-due", &[("deadline", deadline.into())])
        });
        let made = loc.with(
            "feed-made",
            &[
                ("date", loc.date(commitment.made.value).into()),
                ("status", words(Status::Announced, loc).into()),
            ],
        );
        entry.set_summary(Some(Text::plain(format!("{made}{due}"))));
        return entry;
    };
    let earlier = &commitment.updates[..place - 1];
    let before = earlier.last().map_or(Status::Announced, |u| u.status.value);
    let date = update.date.value;
    // Further updates on the same day get -1, -2, ...
    let same_day = earlier
        .iter()
        .rev()
        .take_while(|u| u.date.value == date)
        .count();
    let suffix = if same_day == 0 {
        String::new()
    } else {
        format!("-{same_day}")
    };
    let status = update.status.value;
    entry.set_id(format!(
        "urn:commitments:{ledger}:{id}:update:{date}{suffix}"
    ));
    entry.set_title(if status == before {
        loc.with(
            "feed-still",
            &[
                ("title", title.into()),
                ("status", words(status, loc).into()),
            ],
        )
    } else {
        loc.with(
            "feed-change",
            &[
                ("title", title.into()),
                ("from", words(before, loc).into()),
                ("to", words(status, loc).into()),
            ],
        )
    });
    entry.set_updated(at_midnight(date));
    // A delivery is measured against the deadline, and says what that
    // deadline rests on.
    let deviation = match &commitment.due {
        Some(due) if status.is_final() && !before.is_final() && status != Status::Broken => loc
            .with(
                "feed-deviation",
                &[
                    (
                        "deadline",
                        loc.deadline(
                            due.value,
                            commitment.precision(),
                            commitment.due_estimated(),
                        )
                        .into(),
                    ),
                    (
                        "deviation",
                        loc.deviation(
                            (date - due.value).num_days(),
                            commitment.precision(),
                            commitment.due_estimated(),
                        )
                        .into(),
                    ),
                ],
            ),
        _ => String::new(),
    };
    entry.set_summary(Some(Text::plain(format!(
        "{}{deviation}",
        site.translated(&update.i18n, "note", &update.note.value)
    ))));
    entry
}
