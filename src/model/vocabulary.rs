//! The format's vocabulary: kinds, statuses and deadline precisions, with
//! their spellings in the ledger.

use chrono::NaiveDate;
use schemars::JsonSchema;

/// Whether a commitment is done once or kept up.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema, serde::Serialize,
)]
#[schemars(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Done once: a port opened, a treaty signed.
    Deliverable,
    /// Kept up without an end: "deepen cooperation".
    Ongoing,
}

impl Kind {
    /// Every kind, in documentation order.
    pub const ALL: [Kind; 2] = [Kind::Deliverable, Kind::Ongoing];

    /// The spelling in the ledger.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Deliverable => "deliverable",
            Kind::Ongoing => "ongoing",
        }
    }
}

/// How exact a deadline is: `due` is always a day, the last day of the
/// month or year that the source gives.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, JsonSchema, serde::Serialize,
)]
#[schemars(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The source gives the day (the default).
    #[default]
    Day,
    /// The source gives the month: `due` is its last day.
    Month,
    /// The source gives the year: `due` is 31 December.
    Year,
}

impl Precision {
    /// Every precision, in documentation order.
    pub const ALL: [Precision; 3] = [Precision::Day, Precision::Month, Precision::Year];

    /// The spelling in the ledger.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    /// The last day of the month or year that `date` falls in, or `date`
    /// itself for a day: the day a deadline of this precision stands for.
    pub fn end_of_period(self, date: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        let end = match self {
            Precision::Day => Some(date),
            Precision::Month => date
                .with_day(1)
                .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                .and_then(|next| next.pred_opt()),
            Precision::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31),
        };
        end.unwrap_or(date)
    }
}

/// Where a commitment stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema, serde::Serialize,
)]
#[schemars(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Made, no action seen yet.
    Announced,
    /// Underway (deliverables only).
    InProgress,
    /// Acted on and kept up (ongoing commitments only).
    Active,
    /// Underway, with problems.
    AtRisk,
    /// No movement, or suspended.
    Stalled,
    /// Done as promised (final; deliverables only).
    Kept,
    /// Done in part, or late (final; deliverables only).
    PartiallyKept,
    /// Not done, and no longer expected (final).
    Broken,
}

impl Status {
    /// What the status means, in one line (the same words as its docs).
    pub fn meaning(self) -> &'static str {
        match self {
            Status::Announced => "made, no action seen yet",
            Status::InProgress => "underway",
            Status::Active => "acted on and kept up",
            Status::AtRisk => "underway, with problems",
            Status::Stalled => "no movement, or suspended",
            Status::Kept => "done as promised (final)",
            Status::PartiallyKept => "done in part, or late (final)",
            Status::Broken => "not done, and no longer expected (final)",
        }
    }

    /// Every status, in documentation order.
    pub const ALL: [Status; 8] = [
        Status::Announced,
        Status::InProgress,
        Status::Active,
        Status::AtRisk,
        Status::Stalled,
        Status::Kept,
        Status::PartiallyKept,
        Status::Broken,
    ];

    /// The spelling in the ledger.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Announced => "announced",
            Status::InProgress => "in_progress",
            Status::Active => "active",
            Status::AtRisk => "at_risk",
            Status::Stalled => "stalled",
            Status::Kept => "kept",
            Status::PartiallyKept => "partially_kept",
            Status::Broken => "broken",
        }
    }

    /// Final statuses close a commitment: `kept`, `partially_kept`, `broken`.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Kept | Status::PartiallyKept | Status::Broken)
    }

    /// Whether a commitment of `kind` may have this status.
    pub fn fits(self, kind: Kind) -> bool {
        match self {
            Status::InProgress | Status::Kept | Status::PartiallyKept => kind == Kind::Deliverable,
            Status::Active => kind == Kind::Ongoing,
            Status::Announced | Status::AtRisk | Status::Stalled | Status::Broken => true,
        }
    }
}
