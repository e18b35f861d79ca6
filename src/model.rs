//! The typed ledger: what `load` produces and what the rules read.
//!
//! Every field carries its [`Span`] so that findings can point into the
//! ledger. The format is documented field by field in `docs/format.md`.

use chrono::NaiveDate;

use crate::rules::Level;
use crate::span::{Span, Spanned};

/// A whole ledger, as far as it could be loaded.
///
/// Records with schema errors are left out (their ids stay in
/// [`Ledger::incomplete_ids`] so that references to them are not reported
/// a second time).
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// The `[ledger]` table, if it loaded.
    pub meta: Option<LedgerMeta>,
    /// `[parties.ID]` tables, in file order.
    pub parties: Vec<Party>,
    /// `[sources.ID]` tables, in file order.
    pub sources: Vec<Source>,
    /// `[[commitment]]` entries, in file order.
    pub commitments: Vec<Commitment>,
    /// `[checker]` settings.
    pub checker: CheckerConfig,
    /// Ids of commitments that were written but failed to load.
    pub incomplete_ids: Vec<String>,
}

/// The `[ledger]` table: facts about the ledger as a whole.
#[derive(Debug, Clone)]
pub struct LedgerMeta {
    /// A human title for the reports.
    pub title: Spanned<String>,
    /// The date up to which statuses were last reviewed.
    pub reviewed: Spanned<NaiveDate>,
    /// After how many days without an update an open commitment is stale.
    pub stale_after_days: Spanned<u32>,
    /// Optional longer description.
    pub description: Option<Spanned<String>>,
    /// The `[ledger]` header.
    pub span: Span,
}

/// The default of `ledger.stale_after_days`.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 180;

/// A party that makes commitments, such as a government.
#[derive(Debug, Clone)]
pub struct Party {
    /// The key in `[parties.ID]`.
    pub id: Spanned<String>,
    /// Full name.
    pub name: Spanned<String>,
}

/// A document that commitments and evidence quote.
#[derive(Debug, Clone)]
pub struct Source {
    /// The key in `[sources.ID]`.
    pub id: Spanned<String>,
    /// The document's title.
    pub title: Spanned<String>,
    /// Who published it.
    pub publisher: Option<Spanned<String>>,
    /// When it was published.
    pub published: Option<Spanned<NaiveDate>>,
    /// A local copy, relative to the ledger's folder. Quotes are verified
    /// against it.
    pub file: Option<Spanned<String>>,
    /// Where it can be read online.
    pub url: Option<Spanned<String>>,
    /// Language tag of the text, such as `en` or `es`.
    pub language: Option<Spanned<String>>,
    /// The `[sources.ID]` header.
    pub span: Span,
}

/// Whether a commitment is done once or kept up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// Where a commitment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// One promise, with its history.
#[derive(Debug, Clone)]
pub struct Commitment {
    /// Unique kebab-case id.
    pub id: Spanned<String>,
    /// Short human title.
    pub title: Spanned<String>,
    /// Ids of the parties that committed.
    pub parties: Vec<Spanned<String>>,
    /// Free-form policy area, such as `trade`.
    pub area: Option<Spanned<String>>,
    /// Deliverable or ongoing.
    pub kind: Spanned<Kind>,
    /// When the commitment was made.
    pub made: Spanned<NaiveDate>,
    /// Optional deadline.
    pub due: Option<Spanned<NaiveDate>>,
    /// Optional umbrella commitment that this one belongs to.
    pub parent: Option<Spanned<String>>,
    /// Current status; must equal the latest update's status.
    pub status: Spanned<Status>,
    /// The quote that makes this a commitment.
    pub source: Citation,
    /// Optional free-form remarks.
    pub notes: Option<Spanned<String>>,
    /// Optional measurable target.
    pub target: Option<Target>,
    /// Dated status history, oldest first.
    pub updates: Vec<Update>,
    /// The `[[commitment]]` header.
    pub span: Span,
}

impl Commitment {
    /// The date of the latest update, or `made` when there is none.
    pub fn last_activity(&self) -> NaiveDate {
        self.updates
            .iter()
            .map(|update| update.date.value)
            .max()
            .unwrap_or(self.made.value)
    }
}

/// A quote attributed to a declared source: `{ ref, quote }`.
#[derive(Debug, Clone)]
pub struct Citation {
    /// Id of a `[sources.ID]` table.
    pub source_ref: Spanned<String>,
    /// Verbatim text from that source.
    pub quote: Spanned<String>,
}

/// A quote from a web page that is not a declared source.
#[derive(Debug, Clone)]
pub struct WebEvidence {
    /// The page.
    pub url: Spanned<String>,
    /// Verbatim text from that page.
    pub quote: Spanned<String>,
    /// The page's title.
    pub title: Option<Spanned<String>>,
    /// When the page was published.
    pub published: Option<Spanned<NaiveDate>>,
}

/// One piece of evidence for an update or observation.
#[derive(Debug, Clone)]
pub enum Evidence {
    /// `{ ref, quote }`
    Source(Citation),
    /// `{ url, quote, title?, published? }`
    Web(WebEvidence),
}

impl Evidence {
    /// The quoted text.
    pub fn quote(&self) -> &Spanned<String> {
        match self {
            Evidence::Source(citation) => &citation.quote,
            Evidence::Web(web) => &web.quote,
        }
    }
}

/// A dated change or confirmation of status.
#[derive(Debug, Clone)]
pub struct Update {
    /// When it happened.
    pub date: Spanned<NaiveDate>,
    /// The status from that date on.
    pub status: Spanned<Status>,
    /// What happened, in a sentence.
    pub note: Spanned<String>,
    /// What shows it.
    pub evidence: Vec<Evidence>,
    /// The `[[commitment.update]]` header.
    pub span: Span,
}

/// A measurable target: `[commitment.target]`.
#[derive(Debug, Clone)]
pub struct Target {
    /// What is counted.
    pub metric: Spanned<String>,
    /// The unit of the values.
    pub unit: Spanned<String>,
    /// Where the count started.
    pub baseline: Option<Measurement>,
    /// The value promised, if the commitment names one.
    pub goal: Option<Spanned<f64>>,
    /// Dated counts, oldest first.
    pub observations: Vec<Observation>,
    /// The `[commitment.target]` header.
    pub span: Span,
}

/// A value at a date, as a baseline.
#[derive(Debug, Clone)]
pub struct Measurement {
    /// The count.
    pub value: Spanned<f64>,
    /// When it held.
    pub date: Spanned<NaiveDate>,
    /// The source gives only a period; the date stands for it.
    pub date_estimated: bool,
    /// Remarks on the figure.
    pub note: Option<Spanned<String>>,
    /// The table or inline table.
    pub span: Span,
}

/// `[[commitment.target.observation]]`: a dated count with evidence.
#[derive(Debug, Clone)]
pub struct Observation {
    /// The count and its date.
    pub measurement: Measurement,
    /// What shows it.
    pub evidence: Vec<Evidence>,
}

/// `[checker]`: settings for the rules.
#[derive(Debug, Clone, Default)]
pub struct CheckerConfig {
    /// `[checker.levels]`: rule code or name → level, in file order.
    pub levels: Vec<(Spanned<String>, Spanned<Level>)>,
}
