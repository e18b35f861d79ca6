//! One commitment and what it holds: its citation, history, evidence,
//! target and searches.

use chrono::NaiveDate;
use schemars::JsonSchema;

use super::{Kind, Precision, SharedStr, Status, Translations};
use crate::span::{Span, Spanned};

/// One promise, with its history.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Commitment {
    /// Unique kebab-case id.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Spanned<SharedStr>,
    /// Short human title.
    pub title: Spanned<SharedStr>,
    /// Ids of every party involved.
    #[schemars(length(min = 1))]
    pub parties: Vec<Spanned<SharedStr>>,
    /// Ids of the parties that made the commitment (a subset of `parties`).
    /// Without it, every party in `parties` counts as having committed.
    pub by: Option<Vec<Spanned<SharedStr>>>,
    /// Ids of the parties that `by` asked to act: the record is a request,
    /// not a promise of the parties asked (nor of `by`).
    pub asks: Option<Vec<Spanned<SharedStr>>>,
    /// Free-form policy area, such as `trade`.
    pub area: Option<Spanned<SharedStr>>,
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
    pub due_source: Option<Box<Evidence>>,
    /// Why the editors estimate the deadline, when no source states one.
    pub due_estimate: Option<Spanned<SharedStr>>,
    /// Optional umbrella commitment that this one belongs to: an id in
    /// this ledger, or `LEDGER-ID:COMMITMENT-ID` in another ledger of the
    /// workspace.
    pub parent: Option<Spanned<SharedStr>>,
    /// Commitments this one continues, renews or fulfils: ids in this
    /// ledger, or `LEDGER-ID:COMMITMENT-ID` in another ledger of the
    /// workspace.
    #[schemars(with = "Option<Vec<String>>")]
    pub related: Vec<Spanned<SharedStr>>,
    /// Current status; must equal the latest update's status.
    pub status: Spanned<Status>,
    /// The quote that makes this a commitment.
    pub source: Citation,
    /// Optional free-form remarks.
    pub notes: Option<Spanned<SharedStr>>,
    /// Optional measurable target.
    pub target: Option<Box<Target>>,
    /// Dated status history, oldest first.
    #[schemars(rename = "update", with = "Option<Vec<Update>>")]
    pub updates: Vec<Update>,
    /// When the editors last looked for news of it, and what for.
    pub searched: Option<Box<Searched>>,
    /// `[commitment.i18n.LANG]`: the editors' translations of `title`,
    /// `notes`, `area`, `due_estimate`, the target's `metric` and `unit`, and the
    /// search's `for` (as `searched`).
    #[schemars(with = "super::TranslationsSchema")]
    pub i18n: Translations,
    /// The `[[commitment]]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// How a record is counted: every output uses these groups and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, JsonSchema)]
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

impl Group {
    /// Whether every total counts it: commitments, those signed at the
    /// talks among them; not requests, nor umbrellas (their children are).
    pub fn is_counted(self) -> bool {
        matches!(self, Group::Commitment | Group::SignedAtTalks)
    }
}

impl Commitment {
    /// The parties that made it: `by`, or else every party.
    pub fn committed_by(&self) -> &[Spanned<SharedStr>] {
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
            .as_deref()
            .into_iter()
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
    pub source_ref: Spanned<SharedStr>,
    /// Verbatim text from that source.
    #[schemars(length(min = 1))]
    pub quote: Spanned<SharedStr>,
}

/// A quote from a web page that is not a declared source.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WebEvidence {
    /// The page.
    pub url: Spanned<SharedStr>,
    /// Verbatim text from that page.
    pub quote: Spanned<SharedStr>,
    /// The page's title.
    pub title: Option<Spanned<SharedStr>>,
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
    pub fn quote(&self) -> &Spanned<SharedStr> {
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
    pub what: Spanned<SharedStr>,
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
    pub note: Spanned<SharedStr>,
    /// What shows it.
    #[schemars(with = "Option<Vec<Evidence>>")]
    pub evidence: Vec<Evidence>,
    /// `[commitment.update.i18n.LANG]`: the editors' translations of `note`.
    #[schemars(with = "super::TranslationsSchema")]
    pub i18n: Translations,
    /// The `[[commitment.update]]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// A measurable target: `[commitment.target]`.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Target {
    /// What is counted.
    pub metric: Spanned<SharedStr>,
    /// The unit of the values.
    pub unit: Spanned<SharedStr>,
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
    pub note: Option<Spanned<SharedStr>>,
    /// `i18n.LANG`: the editors' translations of `note`.
    #[schemars(with = "super::TranslationsSchema")]
    pub i18n: Translations,
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
