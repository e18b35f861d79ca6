//! The report's shape: every count, list and commitment it holds, as the
//! JSON report serializes it and the other formats render it, and the words
//! every output uses for its groups.

use chrono::NaiveDate;
use serde::Serialize;

use crate::finding::Finding;
use crate::model::{Group, Kind, Precision, Status};

/// The version of the JSON report's shape; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 2;

/// How far ahead "due soon" looks, and how far back "recent changes" look.
pub const WINDOW_DAYS: i64 = 90;

/// What "signed at the talks" means, in every output.
pub const SIGNED_AT_TALKS_MEANING: &str = "Signed at the talks: kept the day they were made, such as documents signed while the leaders watched. They are counted, but not in the deliverables' rates.";
/// What a request is, in every output.
pub const REQUEST_MEANING: &str =
    "Requests: one side's ask of the other. A request is nobody's promise, and is not counted.";
/// What an umbrella is, in every output.
pub const UMBRELLA_MEANING: &str =
    "Umbrellas: commitments that others belong to. They are not counted; their children are.";

/// A whole report. Serialized as is for `--format json`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(
    title = "Commitments report",
    description = "What `commitments report --format json` prints (and the site's ledger.json): where every commitment of a ledger stands at a date. Fields are only added within a schema_version; a new schema_version means a field was removed, renamed or changed meaning, so a reader should check schema_version before it reads anything else. See docs/format.md, \"The JSON report\".",
    deny_unknown_fields
)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The ledger's lasting id (`[ledger] id`, or the default made for a
    /// ledger without one): it stays when the title changes.
    pub ledger_id: String,
    /// The ledger's title.
    pub title: String,
    /// The ledger's description.
    pub description: Option<String>,
    /// The date the report is made at.
    pub as_of: NaiveDate,
    /// The ledger's `reviewed` date.
    pub reviewed: Option<NaiveDate>,
    /// Set when the as-of date is more than `stale_after_days` past `reviewed`.
    pub review_notice: Option<String>,
    /// Counts.
    pub totals: Totals,
    /// Open deliverables past their deadline, most overdue first.
    pub overdue: Vec<DueItem>,
    /// Open commitments due within [`WINDOW_DAYS`] days, soonest first.
    pub due_soon: Vec<DueItem>,
    /// Updates of the last [`WINDOW_DAYS`] days, newest first.
    pub recent_changes: Vec<Change>,
    /// Every checker finding at the as-of date.
    pub findings: Vec<ReportFinding>,
    /// Every commitment made by the as-of date, in ledger order.
    pub commitments: Vec<CommitmentReport>,
}

/// Counts over the commitments (see [`Group`]): requests and umbrellas are
/// counted apart, and the deliverables' rates leave out what was signed at
/// the talks.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Totals {
    /// Commitments counted: promises, those signed at the talks included.
    pub commitments: usize,
    /// Of those, fulfilled the moment they were made.
    pub signed_at_talks: usize,
    /// Requests: one side's ask of the other, not counted above.
    pub requests: usize,
    /// Umbrella commitments (with children), not counted above.
    pub umbrellas: usize,
    /// By status, every status listed.
    pub by_status: Vec<Count>,
    /// By kind.
    pub by_kind: Vec<Count>,
    /// By area, alphabetically; `(none)` for commitments without one.
    pub by_area: Vec<Count>,
    /// By party, in ledger order: what each party committed (`by`); a joint
    /// commitment counts for each of its parties.
    pub by_party: Vec<PartyTotals>,
    /// How deliverables ended up, those signed at the talks left out.
    pub deliverables: Progress,
}

impl Totals {
    /// The same counts as a [`crate::model::Headcount`], for the phrase every
    /// output uses.
    pub fn headcount(&self) -> crate::model::Headcount {
        crate::model::Headcount {
            commitments: self.commitments,
            signed_at_talks: self.signed_at_talks,
            requests: self.requests,
            umbrellas: self.umbrellas,
        }
    }
}

impl Totals {
    /// How the deliverables ended up, in one sentence: "Deliverables: 1 of
    /// 2 kept, 1 open." Outcomes that no deliverable has are not named;
    /// shares of fewer than ten are counts, not percentages.
    pub fn headline(&self) -> String {
        let d = &self.deliverables;
        if d.total == 0 {
            return "No deliverables.".to_owned();
        }
        let mut parts = vec![format!(
            "{} kept",
            crate::text::share(d.kept, d.total, d.kept_percent)
        )];
        for (count, percent, word) in [
            (d.partially_kept, d.partially_kept_percent, "partially kept"),
            (d.broken, d.broken_percent, "broken"),
            (d.open, d.open_percent, "open"),
        ] {
            if count > 0 {
                let percent = if d.total >= crate::text::MIN_FOR_PERCENT {
                    format!(" ({percent}%)")
                } else {
                    String::new()
                };
                parts.push(format!("{count}{percent} {word}"));
            }
        }
        format!("Deliverables: {}.", parts.join(", "))
    }

    /// What the headline leaves out, in one sentence, or nothing: "Not in
    /// these counts: 2 signed at the talks, 20 ongoing commitments (they
    /// have no end to reach) and 1 request."
    pub fn left_out(&self) -> Option<String> {
        if self.deliverables.total == 0 {
            return None;
        }
        let ongoing = self
            .by_kind
            .iter()
            .find(|count| count.key == Kind::Ongoing.as_str())
            .map_or(0, |count| count.count);
        let signed = self.signed_at_talks;
        let mut parts = Vec::new();
        if signed > 0 {
            parts.push(format!(
                "{signed} signed at the talks (kept the day they were made)"
            ));
        }
        if ongoing > 0 {
            parts.push(format!(
                "{} (they have no end to reach)",
                crate::text::plural(ongoing, "ongoing commitment", "ongoing commitments")
            ));
        }
        if self.requests > 0 {
            parts.push(crate::text::plural(self.requests, "request", "requests"));
        }
        if self.umbrellas > 0 {
            parts.push(crate::text::plural(self.umbrellas, "umbrella", "umbrellas"));
        }
        let last = parts.pop()?;
        let list = if parts.is_empty() {
            last
        } else {
            format!("{} and {last}", parts.join(", "))
        };
        Some(format!("Not in these counts: {list}."))
    }
}

/// A label and how many commitments have it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Count {
    /// The status, kind or area.
    pub key: String,
    /// How many.
    pub count: usize,
}

/// One party's commitments.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PartyTotals {
    /// The party id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Commitments it made (`by`).
    pub commitments: usize,
    /// Of those, by status.
    pub by_status: Vec<Count>,
}

/// Deliverables by outcome, with shares in percent (one decimal).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Progress {
    /// All deliverables counted.
    pub total: usize,
    /// `kept`.
    pub kept: usize,
    /// `partially_kept`.
    pub partially_kept: usize,
    /// `broken`.
    pub broken: usize,
    /// Not final yet.
    pub open: usize,
    /// `kept` as a share of `total`.
    pub kept_percent: f64,
    /// `partially_kept` as a share of `total`.
    pub partially_kept_percent: f64,
    /// `broken` as a share of `total`.
    pub broken_percent: f64,
    /// `open` as a share of `total`.
    pub open_percent: f64,
}

/// A commitment with a deadline, for the overdue and due-soon lists.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DueItem {
    /// The commitment.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The deadline: the last day of its month or year for those precisions.
    pub due: NaiveDate,
    /// How exact the deadline is.
    pub due_precision: Precision,
    /// Whether the deadline is the editors' estimate.
    pub due_estimated: bool,
    /// The deadline in words, as every output shows it.
    pub due_text: String,
    /// Its status.
    pub status: Status,
    /// Days past the deadline (overdue) or left until it (due soon).
    pub days: i64,
}

/// An update, for the recent-changes list.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Change {
    /// The commitment.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The update's date.
    pub date: NaiveDate,
    /// The status before the update.
    pub from: Status,
    /// The status it set.
    pub to: Status,
    /// What happened.
    pub note: String,
    /// Which of the commitment's updates it is (its index in the history as
    /// of the date), so that the update's own evidence goes with it: two
    /// updates can share a date.
    #[serde(skip)]
    pub update: usize,
}

/// A checker finding, located.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportFinding {
    /// Rule code.
    pub code: &'static str,
    /// Rule name.
    pub name: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: String,
    /// 1-based line in the ledger.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The commitment it is in, if any.
    pub commitment: Option<String>,
}

/// One commitment at the as-of date.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CommitmentReport {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Party ids: everyone involved.
    pub parties: Vec<String>,
    /// The parties that made it (`by`, or else every party).
    pub by: Vec<String>,
    /// For a request: the parties asked.
    pub asks: Vec<String>,
    /// How it is counted.
    pub group: Group,
    /// Policy area.
    pub area: Option<String>,
    /// Deliverable or ongoing.
    pub kind: Kind,
    /// When it was made.
    pub made: NaiveDate,
    /// Its deadline: the last day of its month or year for those precisions.
    pub due: Option<NaiveDate>,
    /// How exact the deadline is, when there is one.
    pub due_precision: Option<Precision>,
    /// Whether the deadline is the editors' estimate (`due_estimate`).
    pub due_estimated: bool,
    /// The deadline in words, as every output shows it: "2024-11-30 (the
    /// editors' estimate)", "by the end of 2029".
    pub due_text: Option<String>,
    /// Where the deadline comes from: the quote of `due_source`, or the
    /// reason of `due_estimate`.
    pub due_basis: Option<String>,
    /// Its umbrella commitment.
    pub parent: Option<String>,
    /// Commitments under it, if it is an umbrella.
    pub children: Vec<String>,
    /// The commitments it continues, renews or fulfils (`related`): ids in
    /// this ledger, or `LEDGER-ID:COMMITMENT-ID` in another of its
    /// workspace. Left out of the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Its status at the as-of date, from its history.
    pub status: Status,
    /// The date it got that status (`made` if no update set it).
    pub status_since: NaiveDate,
    /// For final statuses: the date it became final.
    pub final_date: Option<NaiveDate>,
    /// For kept and partially kept deliverables with a deadline: days between
    /// deadline and delivery; negative is early, positive late (AidData's
    /// deviation). Not given for what was signed at the talks.
    pub deviation_days: Option<i64>,
    /// For open deliverables past their deadline: days overdue.
    pub overdue_days: Option<i64>,
    /// The latest update's date.
    pub latest_update: Option<NaiveDate>,
    /// The latest update's note.
    pub latest_note: Option<String>,
    /// The latest evidence cited.
    pub latest_evidence: Option<EvidenceLink>,
    /// Progress toward a target.
    pub target: Option<TargetProgress>,
    /// The editors' latest search for news of it, found or not.
    pub searched: Option<SearchedReport>,
    /// The quote that makes it a commitment.
    pub quote: String,
    /// The source of that quote.
    pub source: String,
    /// Findings inside this commitment.
    pub findings: Vec<ReportFinding>,
}

/// `[commitment.searched]`: when the editors last looked for news, and
/// what for.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SearchedReport {
    /// When.
    pub date: NaiveDate,
    /// What was looked for, where, and what was not found.
    #[serde(rename = "for")]
    pub what: String,
}

/// A piece of evidence, ready to link.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct EvidenceLink {
    /// The date of the update that cites it.
    pub date: NaiveDate,
    /// Where to read it, if it is online.
    pub url: Option<String>,
    /// A title for the link.
    pub title: String,
    /// The quoted words.
    pub quote: String,
}

/// The latest observation against baseline and goal, each with its
/// caveats: its note and its evidence, so that no output shows a figure
/// without them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TargetProgress {
    /// What is counted.
    pub metric: String,
    /// The unit.
    pub unit: String,
    /// Baseline value.
    pub baseline: Option<f64>,
    /// Baseline date.
    pub baseline_date: Option<NaiveDate>,
    /// The baseline's date stands for a period.
    pub baseline_date_estimated: bool,
    /// The baseline's note.
    pub baseline_note: Option<String>,
    /// The baseline's evidence; empty when it has no source.
    pub baseline_evidence: Vec<EvidenceLink>,
    /// The goal.
    pub goal: Option<f64>,
    /// Latest observed value.
    pub latest: Option<f64>,
    /// Date of the latest observation.
    pub latest_date: Option<NaiveDate>,
    /// The latest observation's date stands for a period.
    pub latest_date_estimated: bool,
    /// The latest observation's note.
    pub latest_note: Option<String>,
    /// The latest observation's evidence; empty when it has none.
    pub latest_evidence: Vec<EvidenceLink>,
    /// Share of the way from baseline to goal, in percent (one decimal).
    pub progress_percent: Option<f64>,
}

/// Why a report cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Syntax or schema errors: the ledger did not load.
    #[error(
        "the ledger has syntax or schema errors; fix them first (`commitments check` shows them)"
    )]
    NotLoaded(Vec<Finding>),
}

/// A date as a reader writes it: "14 November 2024".
pub fn date_in_words(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

impl CommitmentReport {
    /// Where the commitment stands, in one plain sentence that opens its
    /// page: "Kept on 14 November 2024, 16 days early, against the editors'
    /// estimate of the deadline." Every fact in it is one the report holds.
    pub fn ruling(&self) -> String {
        let status = self.status.as_str().replace('_', " ");
        let status = match status.split_at_checked(1) {
            Some((first, rest)) => format!("{}{rest}", first.to_ascii_uppercase()),
            None => status,
        };
        let precision = self.due_precision.unwrap_or_default();
        if self.group == Group::SignedAtTalks {
            return format!(
                "Kept on {}: signed at the talks, the day it was made.",
                date_in_words(self.made)
            );
        }
        let mut sentence = match self.final_date {
            Some(done) => format!("{status} on {}", date_in_words(done)),
            None if self.latest_update.is_none() => format!(
                "{status} on {}, with no change recorded since",
                date_in_words(self.made)
            ),
            None => format!("{status} since {}", date_in_words(self.status_since)),
        };
        match (self.final_date, &self.due_text) {
            (Some(_), Some(_)) => {
                if let Some(days) = self.deviation_days {
                    sentence.push_str(", ");
                    sentence.push_str(&crate::text::deviation(days, precision, self.due_estimated));
                }
            }
            (None, Some(due)) => match self.overdue_days {
                Some(days) => sentence.push_str(&format!(
                    "; due {due}, and {} overdue{}",
                    crate::text::plural(days.unsigned_abs() as usize, "day", "days"),
                    crate::text::against(precision, self.due_estimated)
                )),
                None => sentence.push_str(&format!("; due {due}")),
            },
            (None, None) if self.kind == Kind::Ongoing => {
                sentence.push_str("; an ongoing commitment, with no end to reach");
            }
            _ => {}
        }
        if self.group == Group::Request {
            sentence.push_str(". A request, not a promise: it is not counted");
        }
        if let (None, Some(searched)) = (self.final_date, &self.searched) {
            sentence.push_str(&format!(
                ". Last searched for news on {}",
                date_in_words(searched.date)
            ));
        }
        sentence.push('.');
        sentence
    }
}
