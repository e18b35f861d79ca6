//! [`build`]: the loaded ledger and a date → a [`Report`]. One pure
//! function: it reads no clock and does no I/O.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;

use super::document::{
    Change, CommitmentReport, Count, DueItem, EvidenceLink, PartyTotals, Progress, Report,
    ReportError, ReportFinding, SCHEMA_VERSION, SearchedReport, TargetProgress, Totals,
    WINDOW_DAYS,
};
use crate::check::{Checked, Levels, check_at};
use crate::finding::{Finding, LEDGER_FILE};
use crate::i18n::{Lang, Locale};
use crate::load::Loaded;
use crate::model::{Commitment, Evidence, Group, Kind, Ledger, SharedStr, Status, Translations};
use crate::replay;

/// Builds the report of `loaded` at `as_of`, its findings at `levels`, in
/// the ledger's language (see [`build_in`]).
pub fn build(loaded: &Loaded, levels: &Levels, as_of: NaiveDate) -> Result<Report, ReportError> {
    build_in(loaded, levels, as_of, None)
}

/// [`build`] in `lang`: the tool's words in it, and the ledger's titles and
/// notes in the editors' translation into it where there is one. Without
/// `lang`, the ledger's `[ledger] language` if the tool speaks it, else
/// English.
pub fn build_in(
    loaded: &Loaded,
    levels: &Levels,
    as_of: NaiveDate,
    lang: Option<Lang>,
) -> Result<Report, ReportError> {
    // Syntax and schema findings come from the loader, at fixed levels.
    let blocking: Vec<Finding> = loaded.blocking_findings();
    let (Some(ledger), true) = (&loaded.ledger, blocking.is_empty()) else {
        return Err(ReportError::NotLoaded(blocking));
    };
    let (replayed, findings) = check_at(loaded, ledger, levels, as_of);
    let view = replayed.as_ref().unwrap_or(ledger);
    let lang = lang.unwrap_or_else(|| Lang::of_ledger(ledger));
    Ok(Builder::new(loaded, ledger, view, as_of, lang).report(&findings))
}

/// The report of a ledger already [`Checked`], in `lang`: its view and
/// findings are used as they are, not computed again.
pub fn build_checked(checked: &Checked, lang: Lang) -> Report {
    Builder::new(
        &checked.loaded,
        &checked.ledger,
        checked.view(),
        checked.as_of,
        lang,
    )
    .report(&checked.findings)
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
    /// The ledger as loaded, for its own `reviewed` date.
    ledger: &'a Ledger,
    view: &'a Ledger,
    as_of: NaiveDate,
    locale: &'static Locale,
    /// The tag the ledger's translations are looked up by; `None` when the
    /// report is in the ledger's own language.
    translate_to: Option<&'static str>,
    children: HashMap<&'a str, Vec<String>>,
    /// Source id → source.
    sources: HashMap<&'a str, &'a crate::model::Source>,
    /// Start of each commitment's header in the original file, sorted, to
    /// place findings inside commitments.
    starts: Vec<(usize, String)>,
}

impl<'a> Builder<'a> {
    fn new(
        loaded: &'a Loaded,
        ledger: &'a Ledger,
        view: &'a Ledger,
        as_of: NaiveDate,
        lang: Lang,
    ) -> Self {
        let mut children: HashMap<&str, Vec<String>> = HashMap::new();
        for commitment in &view.commitments {
            if let Some(parent) = &commitment.parent {
                children
                    .entry(parent.value.as_str())
                    .or_default()
                    .push(commitment.id.value.to_string());
            }
        }
        let mut starts: Vec<(usize, String)> = ledger
            .commitments
            .iter()
            .map(|c| (c.span.start(), c.id.value.to_string()))
            .collect();
        starts.sort();
        Builder {
            loaded,
            ledger,
            view,
            as_of,
            locale: Locale::of(lang),
            translate_to: lang.translating(ledger),
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
        let findings: Vec<Arc<ReportFinding>> =
            findings.iter().map(|f| Arc::new(self.finding(f))).collect();
        // Findings grouped by commitment once, not searched per commitment.
        let mut by_commitment: HashMap<&str, Vec<Arc<ReportFinding>>> = HashMap::new();
        for finding in &findings {
            if let Some(id) = &finding.commitment {
                by_commitment
                    .entry(id.as_str())
                    .or_default()
                    .push(Arc::clone(finding));
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
            .filter(|c| c.group.is_counted())
            .collect();
        let meta = self.view.meta.as_ref();
        let reviewed = self.ledger.meta.as_ref().map(|m| m.reviewed.value);
        let review_notice = meta.zip(reviewed).and_then(|(meta, reviewed)| {
            let days = (self.as_of - reviewed).num_days();
            (days > i64::from(meta.stale_after_days.value)).then(|| {
                self.locale.with(
                    "review-notice",
                    &[
                        ("days", days.into()),
                        ("reviewed", self.locale.date(reviewed).into()),
                    ],
                )
            })
        });
        Report {
            schema_version: SCHEMA_VERSION,
            ledger_id: self.ledger.id(),
            language: self.locale.lang().tag().to_owned(),
            translated: self
                .translate_to
                .is_some_and(|_| self.view.has_translations()),
            title: meta
                .map(|m| self.pick(&m.i18n, "title", &m.title.value))
                .unwrap_or_default(),
            description: meta
                .and_then(|m| m.description.as_ref().map(|d| (m, d)))
                .map(|(m, d)| self.pick(&m.i18n, "description", &d.value)),
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

    /// `original`, or the editors' translation of it into the report's
    /// language.
    fn pick(&self, i18n: &Translations, key: &str, original: &str) -> String {
        i18n.pick_in(self.translate_to, key, original).to_owned()
    }

    fn finding(&self, finding: &Finding) -> ReportFinding {
        let files = &self.loaded.files;
        let position = files.position(finding.primary.file, finding.primary.span.start());
        let commitment = (finding.primary.file == LEDGER_FILE)
            .then(|| {
                let at = self
                    .starts
                    .partition_point(|(start, _)| *start <= finding.primary.span.start());
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
        findings: Vec<Arc<ReportFinding>>,
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
            (Some(source), _) => Some(source.quote().value.to_string()),
            (None, Some(estimate)) => {
                Some(self.pick(&commitment.i18n, "due_estimate", &estimate.value))
            }
            (None, None) => None,
        };
        let ids = |list: &[crate::span::Spanned<SharedStr>]| -> Vec<String> {
            list.iter().map(|p| p.value.to_string()).collect()
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
                || commitment.source.source_ref.value.to_string(),
                |s| s.title.value.to_string(),
            );
        CommitmentReport {
            id: commitment.id.value.to_string(),
            title: self.pick(&commitment.i18n, "title", &commitment.title.value),
            parties: ids(&commitment.parties),
            by: ids(commitment.committed_by()),
            asks: commitment.asks.as_deref().map(ids).unwrap_or_default(),
            group,
            area: commitment
                .area
                .as_ref()
                .map(|a| self.pick(&commitment.i18n, "area", &a.value)),
            kind: commitment.kind.value,
            made: commitment.made.value,
            due,
            due_precision: due.map(|_| commitment.precision()),
            due_estimated: commitment.due_estimated(),
            due_text: due.map(|due| {
                self.locale
                    .deadline(due, commitment.precision(), commitment.due_estimated())
            }),
            due_basis,
            parent: commitment.parent.as_ref().map(|p| p.value.to_string()),
            children,
            related: commitment
                .related
                .iter()
                .map(|r| r.value.to_string())
                .collect(),
            status,
            status_since,
            final_date,
            deviation_days,
            overdue_days,
            latest_update: commitment.updates.last().map(|u| u.date.value),
            latest_note: commitment
                .updates
                .last()
                .map(|u| self.pick(&u.i18n, "note", &u.note.value)),
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
                Box::new(TargetProgress {
                    metric: self.pick(&commitment.i18n, "metric", &target.metric.value),
                    unit: self.pick(&commitment.i18n, "unit", &target.unit.value),
                    baseline: baseline.map(|b| b.value.value),
                    baseline_date: baseline.map(|b| b.date.value),
                    baseline_date_estimated: baseline.is_some_and(|b| b.date_estimated),
                    baseline_note: baseline.and_then(|b| {
                        b.note
                            .as_ref()
                            .map(|n| self.pick(&b.i18n, "note", &n.value))
                    }),
                    baseline_evidence: links(baseline_observation),
                    goal: target.goal.as_ref().map(|g| g.value),
                    latest: latest.map(|m| m.value.value),
                    latest_date: latest.map(|m| m.date.value),
                    latest_date_estimated: latest.is_some_and(|m| m.date_estimated),
                    latest_note: latest.and_then(|m| {
                        m.note
                            .as_ref()
                            .map(|n| self.pick(&m.i18n, "note", &n.value))
                    }),
                    latest_evidence: links(latest_observation),
                    progress_percent,
                })
            }),
            searched: commitment.searched.as_ref().map(|s| SearchedReport {
                date: s.date.value,
                what: self.pick(&commitment.i18n, "searched", &s.what.value),
            }),
            quote: commitment.source.quote.value.to_string(),
            source,
            findings,
        }
    }

    fn evidence_link(&self, date: NaiveDate, evidence: &Evidence) -> EvidenceLink {
        match evidence {
            Evidence::Web(web) => EvidenceLink {
                date,
                url: Some(web.url.value.to_string()),
                title: web
                    .title
                    .as_ref()
                    .map_or_else(|| web.url.value.to_string(), |t| t.value.to_string()),
                quote: web.quote.value.to_string(),
            },
            Evidence::Source(citation) => {
                let source = self
                    .sources
                    .get(citation.source_ref.value.as_str())
                    .copied();
                EvidenceLink {
                    date,
                    url: source
                        .and_then(|s| s.url.as_ref())
                        .map(|u| u.value.to_string()),
                    title: source.map_or_else(
                        || citation.source_ref.value.to_string(),
                        |s| s.title.value.to_string(),
                    ),
                    quote: citation.quote.value.to_string(),
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
                    name: self.pick(&party.i18n, "name", &party.name.value),
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
                        id: commitment.id.value.to_string(),
                        title: self.pick(&commitment.i18n, "title", &commitment.title.value),
                        date: update.date.value,
                        from: previous,
                        to: update.status.value,
                        note: self.pick(&update.i18n, "note", &update.note.value),
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
