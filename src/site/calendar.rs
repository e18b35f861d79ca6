//! `deadlines.ics`: the deadlines of open commitments as an iCalendar
//! (RFC 5545) file that watchers subscribe to, written by the `icalendar`
//! crate. One all-day event per dated deadline; its UID is made of the
//! ledger's and the commitment's ids, so a rebuild, or a moved deadline,
//! updates the same event in a reader's calendar instead of adding one.

use std::io::{self, Write};

use chrono::{NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use super::Site;
use crate::model::Precision;

/// The calendar, written an event at a time as the crate would write it
/// whole: at 100,000 commitments, its events held whole were 45 MB of the
/// site's peak.
pub(super) fn deadlines(site: &Site<'_>, out: &mut dyn Write) -> io::Result<()> {
    let report = &site.report;
    // DTSTAMP is required; the report's date, never the clock, so the same
    // ledger and date give the same bytes.
    let stamp = Utc.from_utc_datetime(&report.as_of.and_time(NaiveTime::MIN));
    let mut calendar = Calendar::new();
    calendar
        .name(&format!("{}: deadlines", report.title))
        .description("The deadlines of the commitments that are still open.");
    // The crate writes a calendar's properties, then its events, then
    // its end: the calendar without events, cut before its end, frames them.
    let frame = calendar.done().to_string();
    let head = frame.strip_suffix(CALENDAR_END).ok_or_else(|| {
        io::Error::other("the icalendar crate no longer ends a calendar as expected")
    })?;
    out.write_all(head.as_bytes())?;
    for c in &report.commitments {
        let (Some(due), Some(due_text)) = (c.due, &c.due_text) else {
            continue;
        };
        if c.status.is_final() {
            continue;
        }
        let precision = c.due_precision.unwrap_or_default();
        let when = match precision {
            Precision::Day => String::new(),
            // The day stands for a month or a year: say so in the title.
            Precision::Month | Precision::Year => format!(" ({due_text})"),
        };
        let estimate = if c.due_estimated && precision == Precision::Day {
            " (the editors' estimate)"
        } else {
            ""
        };
        let page = site.href(&format!("commitments/{}/index.html", c.id));
        let mut event = Event::new();
        event
            .uid(&format!("{}.due@{}.commitments", c.id, report.ledger_id))
            .timestamp(stamp)
            .all_day(due)
            // An all-day event ends the next day (DTEND is exclusive, and
            // must come after DTSTART).
            .ends(due.succ_opt().unwrap_or(due))
            .summary(&format!("Due{when}{estimate}: {}", c.title))
            .description(&format!(
                "As of {}: {}\n{page}",
                report.as_of,
                c.ruling(crate::i18n::Locale::en())
            ));
        if page.contains("://") {
            event.url(&page);
        }
        let event = event.done().try_into_string().map_err(io::Error::other)?;
        out.write_all(event.as_bytes())?;
    }
    out.write_all(CALENDAR_END.as_bytes())
}

/// How the crate ends a calendar.
const CALENDAR_END: &str = "END:VCALENDAR\r\n";
