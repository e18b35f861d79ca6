//! The report's shape: every count, list and commitment it holds, as the
//! JSON report serializes it and the other formats render it, and the words
//! every output uses for its groups.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::finding::Finding;
use crate::i18n::{Lang, Locale, MIN_FOR_PERCENT};
use crate::model::{Group, Kind, Precision, Status};

/// The version of the JSON report's shape; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 2;

/// How far ahead "due soon" looks, and how far back "recent changes" look.
pub const WINDOW_DAYS: i64 = 90;

/// What the groups counted apart mean, each with its count, in the order
/// every output lists them: signed at the talks, requests, umbrellas.
pub fn group_meanings(totals: &Totals, locale: &Locale) -> Vec<(usize, String)> {
    [
        (totals.signed_at_talks, "meaning-signed-at-talks"),
        (totals.requests, "meaning-request"),
        (totals.umbrellas, "meaning-umbrella"),
    ]
    .into_iter()
    .map(|(count, id)| (count, locale.text(id)))
    .collect()
}

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
    /// The language of the report's words, such as `en` or `zh-Hans`
    /// (`--lang`, else `[ledger] language`, else `en`). Field names and
    /// enum values stay English in every language.
    pub language: String,
    /// Whether titles and notes were taken from the editors'
    /// translations into `language`.
    pub translated: bool,
    /// The ledger's title, in `language` when the editors translated it.
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
    // Shared with the commitments they are in, which list them again: one
    // copy of each (two were 50 MB of a 100k site).
    /// Every checker finding at the as-of date.
    pub findings: Vec<Arc<ReportFinding>>,
    /// Every commitment made by the as-of date, in ledger order.
    pub commitments: Vec<CommitmentReport>,
}

impl Report {
    /// The words of the report's language.
    pub fn locale(&self) -> &'static Locale {
        Locale::of(Lang::from_tag(&self.language).unwrap_or_default())
    }
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
    pub fn headline(&self, locale: &Locale) -> String {
        let d = &self.deliverables;
        if d.total == 0 {
            return locale.text("headline-none");
        }
        let mut parts = vec![locale.with(
            "headline-kept",
            &[(
                "share",
                locale.share(d.kept, d.total, d.kept_percent).into(),
            )],
        )];
        for (count, percent, id) in [
            (
                d.partially_kept,
                d.partially_kept_percent,
                "headline-partially-kept",
            ),
            (d.broken, d.broken_percent, "headline-broken"),
            (d.open, d.open_percent, "headline-open"),
        ] {
            if count > 0 {
                let percent = if d.total >= MIN_FOR_PERCENT {
                    locale.with(
                        "headline-percent",
                        &[("percent", locale.percent(percent).into())],
                    )
                } else {
                    String::new()
                };
                parts
                    .push(locale.with(id, &[("count", count.into()), ("percent", percent.into())]));
            }
        }
        let parts = parts.join(&locale.text("list-comma"));
        locale.with("headline", &[("parts", parts.into())])
    }

    /// What the headline leaves out, in one sentence, or nothing: "Not in
    /// these counts: 2 signed at the talks, 20 ongoing commitments (they
    /// have no end to reach) and 1 request."
    pub fn left_out(&self, locale: &Locale) -> Option<String> {
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
            parts.push(locale.count("left-out-signed", signed));
        }
        if ongoing > 0 {
            parts.push(locale.with(
                "left-out-ongoing",
                &[("ongoing", locale.count("count-ongoing", ongoing).into())],
            ));
        }
        if self.requests > 0 {
            parts.push(locale.count("count-requests", self.requests));
        }
        if self.umbrellas > 0 {
            parts.push(locale.count("count-umbrellas", self.umbrellas));
        }
        if parts.is_empty() {
            return None;
        }
        Some(locale.with("left-out", &[("list", locale.list(parts).into())]))
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

impl ReportFinding {
    /// The finding's words: its message in English; in another language,
    /// what its rule is about (the messages are English, as the
    /// checker's are).
    pub fn words(&self, loc: &Locale) -> String {
        match loc.lang() {
            Lang::En => self.message.clone(),
            Lang::Es | Lang::ZhHans => loc.text(&format!("rule-{}", self.name)),
        }
    }

    /// `error` or `warning` in `loc`'s language.
    pub fn severity_words(&self, loc: &Locale) -> String {
        loc.text(&format!("severity-{}", self.severity))
    }
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
    // Boxed: few commitments have a target, and inline it took 224 of
    // every report's 760 bytes (22 MB of a 100,000-commitment site).
    pub target: Option<Box<TargetProgress>>,
    /// The editors' latest search for news of it, found or not.
    pub searched: Option<SearchedReport>,
    /// The quote that makes it a commitment.
    pub quote: String,
    /// The source of that quote.
    pub source: String,
    /// Findings inside this commitment.
    pub findings: Vec<Arc<ReportFinding>>,
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

impl CommitmentReport {
    /// Where the commitment stands, in one plain sentence that opens its
    /// page: "Kept on 14 November 2024, 16 days early, against the editors'
    /// estimate of the deadline." Every fact in it is one the report holds.
    pub fn ruling(&self, locale: &Locale) -> String {
        let status = locale.status(self.status);
        let precision = self.due_precision.unwrap_or_default();
        if self.group == Group::SignedAtTalks {
            return locale.with(
                "ruling-signed",
                &[("date", locale.date_words(self.made).into())],
            );
        }
        let (id, date) = match self.final_date {
            Some(done) => ("ruling-final", done),
            None if self.latest_update.is_none() => ("ruling-unchanged", self.made),
            None => ("ruling-since", self.status_since),
        };
        let mut sentence = locale.with(
            id,
            &[
                ("status", status.into()),
                ("date", locale.date_words(date).into()),
            ],
        );
        match (self.final_date, &self.due_text) {
            (Some(_), Some(_)) => {
                if let Some(days) = self.deviation_days {
                    sentence.push_str(&locale.text("clause-comma"));
                    sentence.push_str(&locale.deviation(days, precision, self.due_estimated));
                }
            }
            (None, Some(due)) => match self.overdue_days {
                Some(days) => sentence.push_str(&locale.with(
                    "ruling-overdue",
                    &[
                        ("due", due.as_str().into()),
                        ("days", locale.days(days.unsigned_abs()).into()),
                        (
                            "against",
                            locale.against(precision, self.due_estimated).into(),
                        ),
                    ],
                )),
                None => {
                    sentence.push_str(&locale.with("ruling-due", &[("due", due.as_str().into())]))
                }
            },
            (None, None) if self.kind == Kind::Ongoing => {
                sentence.push_str(&locale.text("ruling-ongoing"));
            }
            _ => {}
        }
        if self.group == Group::Request {
            sentence.push_str(&locale.text("ruling-request"));
        }
        if let (None, Some(searched)) = (self.final_date, &self.searched) {
            sentence.push_str(&locale.with(
                "ruling-searched",
                &[("date", locale.date_words(searched.date).into())],
            ));
        }
        sentence.push_str(&locale.text("ruling-end"));
        locale.capitalised(&sentence)
    }
}
