//! The typed ledger: what `load` produces and what the rules read.
//!
//! Every field carries its [`Span`] so that findings can point into the
//! ledger. The format is documented field by field in `docs/format.md`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;

use crate::rule::{Level, Rule};
use crate::span::{Span, Spanned};

/// A ledger of commitments: what parties promised, with a dated, cited
/// history of each promise.
///
/// As loaded, records with schema errors are left out (their ids stay in
/// [`Ledger::incomplete_ids`] so that references to them are not reported
/// a second time).
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(
    title = "Commitments ledger",
    description = "A ledger of commitments: what parties promised, with a dated, cited history of each promise. See docs/format.md.",
    deny_unknown_fields
)]
pub struct Ledger {
    /// Facts about the ledger as a whole.
    #[schemars(rename = "ledger", required)]
    pub meta: Option<LedgerMeta>,
    /// The parties that make commitments, keyed by kebab-case id.
    #[schemars(with = "Option<BTreeMap<String, Party>>")]
    pub parties: Vec<Party>,
    /// The documents that commitments and evidence quote, keyed by kebab-case id.
    #[schemars(with = "Option<BTreeMap<String, Source>>")]
    pub sources: Vec<Source>,
    /// The commitments, one `[[commitment]]` each.
    #[schemars(rename = "commitment", with = "Option<Vec<Commitment>>")]
    pub commitments: Vec<Commitment>,
    /// Settings for the rules.
    #[schemars(with = "Option<CheckerConfig>")]
    pub checker: CheckerConfig,
    /// Ids of commitments that were written but failed to load.
    #[schemars(skip)]
    pub incomplete_ids: Vec<String>,
}

/// How many records a ledger holds on a date, by [`Group`], in the words
/// every output uses. Commitments made after the date are left out. It
/// prints as "24 commitments (5 signed at the talks) plus 1 request and
/// 1 umbrella" (see [`crate::text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Headcount {
    /// Commitments counted: promises, those signed at the talks included.
    pub commitments: usize,
    /// Of `commitments`, those fulfilled the moment they were made.
    pub signed_at_talks: usize,
    /// Requests, not counted in `commitments`.
    pub requests: usize,
    /// Umbrellas, not counted in `commitments` (their children are).
    pub umbrellas: usize,
}

impl Ledger {
    /// The ids of the commitments made by `as_of` that others made by then
    /// name as their `parent`.
    pub fn umbrella_ids(&self, as_of: NaiveDate) -> std::collections::HashSet<&str> {
        let made = self.commitments.iter().filter(|c| c.made.value <= as_of);
        let parents: std::collections::HashSet<&str> = made
            .clone()
            .filter_map(|c| c.parent.as_ref())
            .map(|parent| parent.value.as_str())
            .collect();
        made.map(|c| c.id.value.as_str())
            .filter(|id| parents.contains(id))
            .collect()
    }

    /// The commitments counted on `as_of` (made by then, neither requests
    /// nor umbrellas): what every total, a party's among them, counts.
    pub fn counted(&self, as_of: NaiveDate) -> impl Iterator<Item = &Commitment> {
        let umbrellas = self.umbrella_ids(as_of);
        self.commitments.iter().filter(move |c| {
            c.made.value <= as_of
                && matches!(
                    c.group(umbrellas.contains(c.id.value.as_str())),
                    Group::Commitment | Group::SignedAtTalks
                )
        })
    }

    /// The ledger's [`Headcount`] on `as_of`.
    pub fn headcount(&self, as_of: NaiveDate) -> Headcount {
        let umbrellas = self.umbrella_ids(as_of);
        let mut count = Headcount::default();
        for commitment in self.commitments.iter().filter(|c| c.made.value <= as_of) {
            match commitment.group(umbrellas.contains(commitment.id.value.as_str())) {
                Group::Commitment => count.commitments += 1,
                Group::SignedAtTalks => {
                    count.commitments += 1;
                    count.signed_at_talks += 1;
                }
                Group::Request => count.requests += 1,
                Group::Umbrella => count.umbrellas += 1,
            }
        }
        count
    }
}

/// The `[ledger]` table: facts about the ledger as a whole.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LedgerMeta {
    /// A human title for the reports.
    pub title: Spanned<String>,
    /// The date up to which statuses were last reviewed.
    pub reviewed: Spanned<NaiveDate>,
    /// After how many days without an update an open commitment is stale (default 180).
    #[schemars(with = "Option<u32>", range(min = 1, max = 36500))]
    pub stale_after_days: Spanned<u32>,
    /// Optional longer description.
    pub description: Option<Spanned<String>>,
    /// The `[ledger]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// The default of `ledger.stale_after_days`.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 180;

/// A party that makes commitments, such as a government.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Party {
    /// The key in `[parties.ID]`.
    #[schemars(skip)]
    pub id: Spanned<String>,
    /// Full name.
    pub name: Spanned<String>,
}

/// A document that commitments and evidence quote. It has a `file`, a
/// `url`, or both.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Source {
    /// The key in `[sources.ID]`.
    #[schemars(skip)]
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
    #[schemars(skip)]
    pub span: Span,
}

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

/// One promise, with its history.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Commitment {
    /// Unique kebab-case id.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<String>,
    /// Short human title.
    pub title: Spanned<String>,
    /// Ids of every party involved.
    #[schemars(length(min = 1))]
    pub parties: Vec<Spanned<String>>,
    /// Ids of the parties that made the commitment (a subset of `parties`).
    /// Without it, every party in `parties` counts as having committed.
    pub by: Option<Vec<Spanned<String>>>,
    /// Ids of the parties that `by` asked to act: the record is a request,
    /// not a promise of the parties asked (nor of `by`).
    pub asks: Option<Vec<Spanned<String>>>,
    /// Free-form policy area, such as `trade`.
    pub area: Option<Spanned<String>>,
    /// Deliverable or ongoing.
    pub kind: Spanned<Kind>,
    /// When the commitment was made.
    pub made: Spanned<NaiveDate>,
    /// Optional deadline: the last day on which it is met.
    pub due: Option<Spanned<NaiveDate>>,
    /// How exact `due` is: `day` (the default), `month` or `year`.
    #[schemars(with = "Option<Precision>")]
    pub due_precision: Option<Spanned<Precision>>,
    /// The passage that states the deadline.
    pub due_source: Option<Evidence>,
    /// Why the editors estimate the deadline, when no source states one.
    pub due_estimate: Option<Spanned<String>>,
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
    #[schemars(rename = "update", with = "Option<Vec<Update>>")]
    pub updates: Vec<Update>,
    /// When the editors last looked for news of it, and what for.
    pub searched: Option<Searched>,
    /// The `[[commitment]]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// How a record is counted: every output uses these groups and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// A promise, counted.
    Commitment,
    /// A promise fulfilled the moment it was made (a document signed in
    /// front of the leaders): counted, but apart from the deliverables' rates.
    SignedAtTalks,
    /// One side's ask of the other: no one's promise, not counted.
    Request,
    /// A commitment that others name as `parent`: its children count.
    Umbrella,
}

impl Commitment {
    /// The parties that made it: `by`, or else every party.
    pub fn committed_by(&self) -> &[Spanned<String>] {
        self.by.as_deref().unwrap_or(&self.parties)
    }

    /// Whether the record is a request (it names whom it `asks`).
    pub fn is_request(&self) -> bool {
        self.asks.as_ref().is_some_and(|asks| !asks.is_empty())
    }

    /// Fulfilled when it was made: its first update is `kept` and dated its
    /// `made` date, such as a document signed while the leaders watched.
    pub fn signed_at_talks(&self) -> bool {
        self.updates.first().is_some_and(|first| {
            first.status.value == Status::Kept && first.date.value == self.made.value
        })
    }

    /// Its group, given whether other records name it as `parent`.
    pub fn group(&self, is_umbrella: bool) -> Group {
        if is_umbrella {
            Group::Umbrella
        } else if self.is_request() {
            Group::Request
        } else if self.signed_at_talks() {
            Group::SignedAtTalks
        } else {
            Group::Commitment
        }
    }

    /// How exact its deadline is (`day` unless `due_precision` says).
    pub fn precision(&self) -> Precision {
        self.due_precision
            .as_ref()
            .map_or(Precision::Day, |p| p.value)
    }

    /// Whether its deadline is the editors' estimate: a `due` with a
    /// `due_estimate` and no `due_source`.
    pub fn due_estimated(&self) -> bool {
        self.due.is_some() && self.due_source.is_none() && self.due_estimate.is_some()
    }

    /// Every piece of evidence it cites: the deadline's source, its
    /// updates', its target's baseline's and observations'.
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> {
        self.due_source
            .iter()
            .chain(self.updates.iter().flat_map(|u| &u.evidence))
            .chain(self.target.iter().flat_map(|t| {
                t.baseline
                    .iter()
                    .chain(&t.observations)
                    .flat_map(|o| &o.evidence)
            }))
    }

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
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Citation {
    /// Id of a `[sources.ID]` table.
    #[schemars(rename = "ref")]
    pub source_ref: Spanned<String>,
    /// Verbatim text from that source.
    #[schemars(length(min = 1))]
    pub quote: Spanned<String>,
}

/// A quote from a web page that is not a declared source.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
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
#[derive(Debug, Clone, JsonSchema)]
#[schemars(untagged)]
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

/// `[commitment.searched]`: the editors' last search for news of a
/// commitment, found or not.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Searched {
    /// When the search was made.
    pub date: Spanned<NaiveDate>,
    /// What was looked for, and where: the news that would move the status.
    #[schemars(rename = "for")]
    pub what: Spanned<String>,
    /// The table or inline table.
    #[schemars(skip)]
    pub span: Span,
}

/// A dated change or confirmation of status.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Update {
    /// When it happened.
    pub date: Spanned<NaiveDate>,
    /// The status from that date on.
    pub status: Spanned<Status>,
    /// What happened, in a sentence.
    pub note: Spanned<String>,
    /// What shows it.
    #[schemars(with = "Option<Vec<Evidence>>")]
    pub evidence: Vec<Evidence>,
    /// The `[[commitment.update]]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// A measurable target: `[commitment.target]`.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Target {
    /// What is counted.
    pub metric: Spanned<String>,
    /// The unit of the values.
    pub unit: Spanned<String>,
    /// Where the count started, with the evidence for it, if any.
    #[schemars(with = "Option<Observation>")]
    pub baseline: Option<Observation>,
    /// The value promised, if the commitment names one.
    pub goal: Option<Spanned<f64>>,
    /// Dated counts, oldest first.
    #[schemars(rename = "observation", with = "Option<Vec<Observation>>")]
    pub observations: Vec<Observation>,
    /// The `[commitment.target]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// A value at a date, as a baseline.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Measurement {
    /// The count.
    pub value: Spanned<f64>,
    /// When it held.
    pub date: Spanned<NaiveDate>,
    /// The source gives only a period; the date stands for it.
    #[schemars(with = "Option<bool>")]
    pub date_estimated: bool,
    /// Remarks on the figure.
    pub note: Option<Spanned<String>>,
    /// The table or inline table.
    #[schemars(skip)]
    pub span: Span,
}

/// `[[commitment.target.observation]]`, or a baseline: a dated count with
/// evidence.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Observation {
    /// The count and its date.
    #[schemars(flatten)]
    pub measurement: Measurement,
    /// What shows it.
    #[schemars(with = "Option<Vec<Evidence>>")]
    pub evidence: Vec<Evidence>,
}

/// `[checker]`: settings for the rules.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CheckerConfig {
    /// `[checker.levels]`: rule code or name → level, in file order.
    #[schemars(with = "Option<BTreeMap<String, Level>>")]
    pub levels: Vec<RuleLevel>,
}

/// One entry of `[checker.levels]`, such as `stale = "allow"`.
#[derive(Debug, Clone)]
pub struct RuleLevel {
    /// The rule, as written (a code or a name).
    pub name: Spanned<String>,
    /// The rule it names.
    pub rule: &'static Rule,
    /// Its level in this ledger.
    pub level: Spanned<Level>,
}
