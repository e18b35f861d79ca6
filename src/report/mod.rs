//! Report: ledger + as-of date → a progress report, rendered as Markdown,
//! JSON, CSV or HTML.
//!
//! [`build`] is one pure function of the loaded ledger and the date: it
//! reads no clock and does no I/O, so the same inputs give the same bytes.

mod csv;
pub(crate) mod html;
mod markdown;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::check::{Levels, check_view};
use crate::finding::{Finding, LEDGER_FILE};
use crate::load::Loaded;
use crate::model::{Commitment, Evidence, Group, Kind, Ledger, Precision, Status};
use crate::replay;

pub use self::csv::{to_csv, write_csv};
pub use self::html::to_html;
pub use self::markdown::to_markdown;

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
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    /// The status, kind or area.
    pub key: String,
    /// How many.
    pub count: usize,
}

/// One party's commitments.
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
pub struct SearchedReport {
    /// When.
    pub date: NaiveDate,
    /// What was looked for, where, and what was not found.
    #[serde(rename = "for")]
    pub what: String,
}

/// A piece of evidence, ready to link.
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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

/// Builds the report of `loaded` at `as_of`, its findings at `levels`.
pub fn build(loaded: &Loaded, levels: &Levels, as_of: NaiveDate) -> Result<Report, ReportError> {
    // Syntax and schema findings come from the loader, at fixed levels.
    let blocking: Vec<Finding> = loaded.blocking_findings();
    let (Some(ledger), true) = (&loaded.ledger, blocking.is_empty()) else {
        return Err(ReportError::NotLoaded(blocking));
    };
    let view = replay::as_of(ledger, as_of);
    let findings = check_view(loaded, Some(&view), levels, as_of);
    Ok(Builder::new(loaded, ledger, &view, as_of).report(&findings))
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

struct Builder<'a> {
    loaded: &'a Loaded,
    view: &'a Ledger,
    as_of: NaiveDate,
    children: HashMap<&'a str, Vec<String>>,
    /// Source id → source.
    sources: HashMap<&'a str, &'a crate::model::Source>,
    /// Start of each commitment's header in the original file, sorted, to
    /// place findings inside commitments.
    starts: Vec<(usize, String)>,
}

impl<'a> Builder<'a> {
    fn new(loaded: &'a Loaded, ledger: &'a Ledger, view: &'a Ledger, as_of: NaiveDate) -> Self {
        let mut children: HashMap<&str, Vec<String>> = HashMap::new();
        for commitment in &view.commitments {
            if let Some(parent) = &commitment.parent {
                children
                    .entry(parent.value.as_str())
                    .or_default()
                    .push(commitment.id.value.clone());
            }
        }
        let mut starts: Vec<(usize, String)> = ledger
            .commitments
            .iter()
            .map(|c| (c.span.start, c.id.value.clone()))
            .collect();
        starts.sort();
        Builder {
            loaded,
            view,
            as_of,
            children,
            sources: view
                .sources
                .iter()
                .map(|s| (s.id.value.as_str(), s))
                .collect(),
            starts,
        }
    }

    fn report(&self, findings: &[Finding]) -> Report {
        let findings: Vec<ReportFinding> = findings.iter().map(|f| self.finding(f)).collect();
        // Findings grouped by commitment once, not searched per commitment.
        let mut by_commitment: HashMap<&str, Vec<ReportFinding>> = HashMap::new();
        for finding in &findings {
            if let Some(id) = &finding.commitment {
                by_commitment
                    .entry(id.as_str())
                    .or_default()
                    .push(finding.clone());
            }
        }
        let commitments: Vec<CommitmentReport> = self
            .view
            .commitments
            .iter()
            .map(|c| {
                let own = by_commitment
                    .remove(c.id.value.as_str())
                    .unwrap_or_default();
                self.commitment(c, own)
            })
            .collect();
        let counted: Vec<&CommitmentReport> = commitments
            .iter()
            .filter(|c| matches!(c.group, Group::Commitment | Group::SignedAtTalks))
            .collect();
        let meta = self.view.meta.as_ref();
        let reviewed = self
            .loaded
            .ledger
            .as_ref()
            .and_then(|l| l.meta.as_ref())
            .map(|m| m.reviewed.value);
        let review_notice = meta.zip(reviewed).and_then(|(meta, reviewed)| {
            let days = (self.as_of - reviewed).num_days();
            (days > i64::from(meta.stale_after_days.value)).then(|| {
                format!(
                    "This report is {days} days past the ledger's last review ({reviewed}): statuses may be out of date."
                )
            })
        });
        Report {
            schema_version: SCHEMA_VERSION,
            title: meta.map(|m| m.title.value.clone()).unwrap_or_default(),
            description: meta
                .and_then(|m| m.description.as_ref())
                .map(|d| d.value.clone()),
            as_of: self.as_of,
            reviewed,
            review_notice,
            totals: self.totals(&counted, &commitments),
            overdue: self.overdue(&counted),
            due_soon: self.due_soon(&counted),
            recent_changes: self.recent_changes(),
            findings,
            commitments,
        }
    }

    fn finding(&self, finding: &Finding) -> ReportFinding {
        let files = &self.loaded.files;
        let position = files.position(finding.primary.file, finding.primary.span.start);
        let commitment = (finding.primary.file == LEDGER_FILE)
            .then(|| {
                let at = self
                    .starts
                    .partition_point(|(start, _)| *start <= finding.primary.span.start);
                at.checked_sub(1).map(|i| self.starts[i].1.clone())
            })
            .flatten();
        ReportFinding {
            code: finding.rule.code,
            name: finding.rule.name,
            severity: finding.severity.as_str(),
            message: finding.message.clone(),
            line: position.line,
            column: position.column,
            commitment,
        }
    }

    fn commitment(
        &self,
        commitment: &Commitment,
        findings: Vec<ReportFinding>,
    ) -> CommitmentReport {
        let status = replay::status_on(commitment, self.as_of);
        let setting_update = commitment
            .updates
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, u)| u.status.value == status)
            .last()
            .map(|(_, u)| u);
        // With every update `announced`, it has been so since it was made.
        let status_since = match setting_update {
            Some(update)
                if !(status == Status::Announced
                    && std::ptr::eq(update, &commitment.updates[0])) =>
            {
                update.date.value
            }
            _ => commitment.made.value,
        };
        let final_date = status.is_final().then_some(status_since);
        let due = commitment.due.as_ref().map(|d| d.value);
        let children = self
            .children
            .get(commitment.id.value.as_str())
            .cloned()
            .unwrap_or_default();
        let group = commitment.group(!children.is_empty());
        let deliverable = commitment.kind.value == Kind::Deliverable;
        let deviation_days = match (final_date, due) {
            // Deviation is about delivery: a broken promise is not "early",
            // and a document signed at the talks was never late or early.
            (Some(done), Some(due))
                if deliverable && status != Status::Broken && group != Group::SignedAtTalks =>
            {
                Some((done - due).num_days())
            }
            _ => None,
        };
        let due_basis = match (&commitment.due_source, &commitment.due_estimate) {
            (Some(source), _) => Some(source.quote().value.clone()),
            (None, Some(estimate)) => Some(estimate.value.clone()),
            (None, None) => None,
        };
        let ids = |list: &[crate::span::Spanned<String>]| -> Vec<String> {
            list.iter().map(|p| p.value.clone()).collect()
        };
        let overdue_days = match due {
            Some(due) if deliverable && !status.is_final() && due < self.as_of => {
                Some((self.as_of - due).num_days())
            }
            _ => None,
        };
        let latest_evidence = commitment.updates.iter().rev().find_map(|update| {
            update
                .evidence
                .first()
                .map(|evidence| self.evidence_link(update.date.value, evidence))
        });
        let source = self
            .sources
            .get(commitment.source.source_ref.value.as_str())
            .map_or_else(
                || commitment.source.source_ref.value.clone(),
                |s| s.title.value.clone(),
            );
        CommitmentReport {
            id: commitment.id.value.clone(),
            title: commitment.title.value.clone(),
            parties: ids(&commitment.parties),
            by: ids(commitment.committed_by()),
            asks: commitment.asks.as_deref().map(ids).unwrap_or_default(),
            group,
            area: commitment.area.as_ref().map(|a| a.value.clone()),
            kind: commitment.kind.value,
            made: commitment.made.value,
            due,
            due_precision: due.map(|_| commitment.precision()),
            due_estimated: commitment.due_estimated(),
            due_text: due.map(|due| {
                crate::text::deadline(due, commitment.precision(), commitment.due_estimated())
            }),
            due_basis,
            parent: commitment.parent.as_ref().map(|p| p.value.clone()),
            children,
            status,
            status_since,
            final_date,
            deviation_days,
            overdue_days,
            latest_update: commitment.updates.last().map(|u| u.date.value),
            latest_note: commitment.updates.last().map(|u| u.note.value.clone()),
            latest_evidence,
            target: commitment.target.as_ref().map(|target| {
                let latest_observation = target.observations.last();
                let latest = latest_observation.map(|o| &o.measurement);
                let baseline_observation = target.baseline.as_ref();
                let baseline = baseline_observation.map(|o| &o.measurement);
                let links = |observation: Option<&crate::model::Observation>| -> Vec<EvidenceLink> {
                    observation.map_or_else(Vec::new, |o| {
                        o.evidence
                            .iter()
                            .map(|e| self.evidence_link(o.measurement.date.value, e))
                            .collect()
                    })
                };
                let progress_percent = match (baseline, target.goal.as_ref(), latest) {
                    (Some(b), Some(goal), Some(latest)) if goal.value != b.value.value => Some(
                        ((latest.value.value - b.value.value) / (goal.value - b.value.value)
                            * 1000.0)
                            .round()
                            / 10.0,
                    ),
                    _ => None,
                };
                TargetProgress {
                    metric: target.metric.value.clone(),
                    unit: target.unit.value.clone(),
                    baseline: baseline.map(|b| b.value.value),
                    baseline_date: baseline.map(|b| b.date.value),
                    baseline_date_estimated: baseline.is_some_and(|b| b.date_estimated),
                    baseline_note: baseline
                        .and_then(|b| b.note.as_ref())
                        .map(|n| n.value.clone()),
                    baseline_evidence: links(baseline_observation),
                    goal: target.goal.as_ref().map(|g| g.value),
                    latest: latest.map(|m| m.value.value),
                    latest_date: latest.map(|m| m.date.value),
                    latest_date_estimated: latest.is_some_and(|m| m.date_estimated),
                    latest_note: latest
                        .and_then(|m| m.note.as_ref())
                        .map(|n| n.value.clone()),
                    latest_evidence: links(latest_observation),
                    progress_percent,
                }
            }),
            searched: commitment.searched.as_ref().map(|s| SearchedReport {
                date: s.date.value,
                what: s.what.value.clone(),
            }),
            quote: commitment.source.quote.value.clone(),
            source,
            findings,
        }
    }

    fn evidence_link(&self, date: NaiveDate, evidence: &Evidence) -> EvidenceLink {
        match evidence {
            Evidence::Web(web) => EvidenceLink {
                date,
                url: Some(web.url.value.clone()),
                title: web
                    .title
                    .as_ref()
                    .map_or_else(|| web.url.value.clone(), |t| t.value.clone()),
                quote: web.quote.value.clone(),
            },
            Evidence::Source(citation) => {
                let source = self
                    .sources
                    .get(citation.source_ref.value.as_str())
                    .copied();
                EvidenceLink {
                    date,
                    url: source.and_then(|s| s.url.as_ref()).map(|u| u.value.clone()),
                    title: source.map_or_else(
                        || citation.source_ref.value.clone(),
                        |s| s.title.value.clone(),
                    ),
                    quote: citation.quote.value.clone(),
                }
            }
        }
    }

    fn totals(&self, counted: &[&CommitmentReport], all: &[CommitmentReport]) -> Totals {
        let in_group = |group: Group| all.iter().filter(|c| c.group == group).count();
        let by_status = |items: &mut dyn Iterator<Item = &&CommitmentReport>| {
            let mut counts = [0usize; Status::ALL.len()];
            for item in items {
                counts[Status::ALL
                    .iter()
                    .position(|s| *s == item.status)
                    .unwrap_or(0)] += 1;
            }
            Status::ALL
                .iter()
                .zip(counts)
                .map(|(status, count)| Count {
                    key: status.as_str().to_owned(),
                    count,
                })
                .collect::<Vec<_>>()
        };
        let by_kind = Kind::ALL
            .iter()
            .map(|kind| Count {
                key: kind.as_str().to_owned(),
                count: counted.iter().filter(|c| c.kind == *kind).count(),
            })
            .collect();
        // Grouped by slug, as the site groups them, and named as first
        // written: "R&D", "R D" and "r-d" are one area.
        let mut slugs: BTreeMap<String, (&str, usize)> = BTreeMap::new();
        for commitment in counted {
            let name = commitment.area.as_deref().unwrap_or("(none)");
            let key = commitment
                .area
                .as_deref()
                .map_or_else(String::new, crate::rules::id_format::slug);
            slugs.entry(key).or_insert((name, 0)).1 += 1;
        }
        let mut areas: BTreeMap<&str, usize> = BTreeMap::new();
        for (name, count) in slugs.into_values() {
            *areas.entry(name).or_default() += count;
        }
        let by_party = self
            .view
            .parties
            .iter()
            .map(|party| {
                let id = party.id.value.as_str();
                let theirs: Vec<&&CommitmentReport> = counted
                    .iter()
                    .filter(|c| c.by.iter().any(|p| p == id))
                    .collect();
                PartyTotals {
                    id: id.to_owned(),
                    name: party.name.value.clone(),
                    commitments: theirs.len(),
                    by_status: by_status(&mut theirs.into_iter()),
                }
            })
            .collect();
        let deliverables: Vec<&&CommitmentReport> = counted
            .iter()
            .filter(|c| c.kind == Kind::Deliverable && c.group == Group::Commitment)
            .collect();
        let count = |status: Status| deliverables.iter().filter(|c| c.status == status).count();
        let total = deliverables.len();
        let (kept, partially_kept, broken) = (
            count(Status::Kept),
            count(Status::PartiallyKept),
            count(Status::Broken),
        );
        let open = total - kept - partially_kept - broken;
        Totals {
            commitments: counted.len(),
            signed_at_talks: in_group(Group::SignedAtTalks),
            requests: in_group(Group::Request),
            umbrellas: in_group(Group::Umbrella),
            by_status: by_status(&mut counted.iter()),
            by_kind,
            by_area: areas
                .into_iter()
                .map(|(key, count)| Count {
                    key: key.to_owned(),
                    count,
                })
                .collect(),
            by_party,
            deliverables: Progress {
                total,
                kept,
                partially_kept,
                broken,
                open,
                kept_percent: percent(kept, total),
                partially_kept_percent: percent(partially_kept, total),
                broken_percent: percent(broken, total),
                open_percent: percent(open, total),
            },
        }
    }

    fn overdue(&self, counted: &[&CommitmentReport]) -> Vec<DueItem> {
        let mut items: Vec<DueItem> = counted
            .iter()
            .filter_map(|c| {
                Some(DueItem {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    due: c.due?,
                    due_precision: c.due_precision.unwrap_or_default(),
                    due_estimated: c.due_estimated,
                    due_text: c.due_text.clone()?,
                    status: c.status,
                    days: c.overdue_days?,
                })
            })
            .collect();
        items.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.id.cmp(&b.id)));
        items
    }

    fn due_soon(&self, counted: &[&CommitmentReport]) -> Vec<DueItem> {
        let mut items: Vec<DueItem> = counted
            .iter()
            .filter(|c| !c.status.is_final())
            .filter_map(|c| {
                let due = c.due?;
                let days = (due - self.as_of).num_days();
                (0..=WINDOW_DAYS).contains(&days).then(|| DueItem {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    due,
                    due_precision: c.due_precision.unwrap_or_default(),
                    due_estimated: c.due_estimated,
                    due_text: c.due_text.clone().unwrap_or_default(),
                    status: c.status,
                    days,
                })
            })
            .collect();
        items.sort_by(|a, b| a.days.cmp(&b.days).then_with(|| a.id.cmp(&b.id)));
        items
    }

    fn recent_changes(&self) -> Vec<Change> {
        let since = self.as_of - chrono::Duration::days(WINDOW_DAYS);
        let mut changes = Vec::new();
        for commitment in &self.view.commitments {
            let mut previous = Status::Announced;
            for (index, update) in commitment.updates.iter().enumerate() {
                if update.date.value > since && update.date.value <= self.as_of {
                    changes.push(Change {
                        id: commitment.id.value.clone(),
                        title: commitment.title.value.clone(),
                        date: update.date.value,
                        from: previous,
                        to: update.status.value,
                        note: update.note.value.clone(),
                        update: index,
                    });
                }
                previous = update.status.value;
            }
        }
        // Newest first; ties in ledger order.
        changes.sort_by_key(|change| std::cmp::Reverse(change.date));
        changes
    }
}

/// The report as pretty JSON with a trailing newline.
pub fn to_json(report: &Report) -> String {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail, and the JSON is UTF-8.
    let _ = write_json(report, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`to_json`] written to `out` as it is made, without holding the whole
/// text (the JSON of 100,000 commitments is hundreds of megabytes).
pub fn write_json(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")
}
