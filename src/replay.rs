//! Time travel: the ledger as it stood on a given date.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::{Commitment, Ledger, Status};
use crate::span::Spanned;

/// The ledger as known on `date`: commitments made after it are dropped, and
/// so are updates and target observations dated after it. A commitment that
/// lost updates gets the status of its latest remaining update (`announced`
/// with none). A commitment whose history is untouched keeps its written
/// `status`, so a real `status-mismatch` still shows. The `reviewed` date is
/// capped at `date`. When nothing is after `date`, the ledger itself is
/// returned, uncopied.
pub fn as_of(ledger: &Ledger, date: NaiveDate) -> Cow<'_, Ledger> {
    let after = |d: NaiveDate| d > date;
    let untouched = !ledger
        .meta
        .as_ref()
        .is_some_and(|m| after(m.reviewed.value))
        && ledger.commitments.iter().all(|c| {
            !after(c.made.value)
                && c.updates.iter().all(|u| !after(u.date.value))
                && c.target
                    .iter()
                    .flat_map(|t| &t.observations)
                    .all(|o| !after(o.measurement.date.value))
        });
    if untouched {
        return Cow::Borrowed(ledger);
    }
    let mut view = ledger.clone();
    if let Some(meta) = &mut view.meta {
        meta.reviewed.value = meta.reviewed.value.min(date);
    }
    view.commitments.retain(|c| c.made.value <= date);
    for commitment in &mut view.commitments {
        truncate(commitment, date);
    }
    Cow::Owned(view)
}

fn truncate(commitment: &mut Commitment, date: NaiveDate) {
    let before = commitment.updates.len();
    commitment.updates.retain(|u| u.date.value <= date);
    if commitment.updates.len() != before {
        let (status, span) = commitment
            .updates
            .last()
            .map_or((Status::Announced, commitment.status.span), |u| {
                (u.status.value, u.status.span)
            });
        commitment.status = Spanned::new(status, span);
    }
    if let Some(target) = &mut commitment.target {
        target
            .observations
            .retain(|o| o.measurement.date.value <= date);
    }
}

/// The status a commitment had on `date`, from its history: the status of
/// the latest update dated on or before it, or `announced` before any.
pub fn status_on(commitment: &Commitment, date: NaiveDate) -> Status {
    commitment
        .updates
        .iter()
        .rev()
        .find(|u| u.date.value <= date)
        .map_or(Status::Announced, |u| u.status.value)
}
