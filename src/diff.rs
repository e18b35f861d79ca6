//! Diff: two versions of a ledger → what changed, for pull-request review.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Commitment, Evidence, Ledger, Status, Update};
use crate::text::{markdown_cell as cell, markdown_code, markdown_link as link, status_label};

/// What changed between two ledgers. Serialized as is for `--format json`.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerDiff {
    /// Always 1.
    pub schema_version: u32,
    /// Commitments only in the new ledger.
    pub added: Vec<Brief>,
    /// Commitments only in the old ledger.
    pub removed: Vec<Brief>,
    /// Commitments in both that differ.
    pub changed: Vec<CommitmentChange>,
}

/// A commitment named in a diff.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: Status,
}

/// How one commitment changed.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentChange {
    /// Its id.
    pub id: String,
    /// Its title in the new ledger.
    pub title: String,
    /// `[from, to]` if the status changed.
    pub status: Option<[Status; 2]>,
    /// Updates in the new ledger that the old one lacks.
    pub new_updates: Vec<UpdateBrief>,
    /// `[from, to]` if `due` changed (`null` for none).
    pub due: Option<[Option<NaiveDate>; 2]>,
    /// `[from, to]` if the title changed.
    pub title_change: Option<[String; 2]>,
    /// `[from, to]` if the source quote changed.
    pub quote: Option<[String; 2]>,
}

/// An update, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateBrief {
    /// Its date.
    pub date: NaiveDate,
    /// Its status.
    pub status: Status,
    /// Its note.
    pub note: String,
    /// Its evidence.
    pub evidence: Vec<EvidenceBrief>,
}

/// A piece of evidence.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceBrief {
    /// The web page, for URL evidence.
    pub url: Option<String>,
    /// The source id, for `ref` evidence.
    pub source: Option<String>,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// The quoted words.
    pub quote: String,
}

fn brief(commitment: &Commitment) -> Brief {
    Brief {
        id: commitment.id.value.clone(),
        title: commitment.title.value.clone(),
        status: commitment.status.value,
    }
}

fn update_key(update: &Update) -> (NaiveDate, Status, &str) {
    (
        update.date.value,
        update.status.value,
        update.note.value.as_str(),
    )
}

fn update_brief(update: &Update) -> UpdateBrief {
    UpdateBrief {
        date: update.date.value,
        status: update.status.value,
        note: update.note.value.clone(),
        evidence: update
            .evidence
            .iter()
            .map(|evidence| match evidence {
                Evidence::Web(web) => EvidenceBrief {
                    url: Some(web.url.value.clone()),
                    source: None,
                    title: web.title.as_ref().map(|t| t.value.clone()),
                    quote: web.quote.value.clone(),
                },
                Evidence::Source(citation) => EvidenceBrief {
                    url: None,
                    source: Some(citation.source_ref.value.clone()),
                    title: None,
                    quote: citation.quote.value.clone(),
                },
            })
            .collect(),
    }
}

/// Each commitment keyed by its id and which occurrence of that id it is,
/// so that a ledger with a duplicated id still matches itself.
fn keyed(ledger: &Ledger) -> Vec<((&str, usize), &Commitment)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    ledger
        .commitments
        .iter()
        .map(|c| {
            let id = c.id.value.as_str();
            let n = seen.entry(id).or_insert(0);
            *n += 1;
            ((id, *n), c)
        })
        .collect()
}

/// Compares two ledgers commitment by commitment (matched by id).
pub fn diff(old: &Ledger, new: &Ledger) -> LedgerDiff {
    let old_keyed = keyed(old);
    let new_keyed = keyed(new);
    let old_by_id: HashMap<(&str, usize), &Commitment> = old_keyed.iter().copied().collect();
    let new_ids: HashSet<(&str, usize)> = new_keyed.iter().map(|(key, _)| *key).collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for (key, commitment) in &new_keyed {
        let Some(before) = old_by_id.get(key) else {
            added.push(brief(commitment));
            continue;
        };
        let known: HashSet<_> = before.updates.iter().map(update_key).collect();
        let change = CommitmentChange {
            id: commitment.id.value.clone(),
            title: commitment.title.value.clone(),
            status: (before.status.value != commitment.status.value)
                .then_some([before.status.value, commitment.status.value]),
            new_updates: commitment
                .updates
                .iter()
                .filter(|u| !known.contains(&update_key(u)))
                .map(update_brief)
                .collect(),
            due: {
                let (from, to) = (
                    before.due.as_ref().map(|d| d.value),
                    commitment.due.as_ref().map(|d| d.value),
                );
                (from != to).then_some([from, to])
            },
            title_change: (before.title.value != commitment.title.value)
                .then(|| [before.title.value.clone(), commitment.title.value.clone()]),
            quote: (before.source.quote.value != commitment.source.quote.value).then(|| {
                [
                    before.source.quote.value.clone(),
                    commitment.source.quote.value.clone(),
                ]
            }),
        };
        let any = change.status.is_some()
            || !change.new_updates.is_empty()
            || change.due.is_some()
            || change.title_change.is_some()
            || change.quote.is_some();
        if any {
            changed.push(change);
        }
    }
    let removed = old_keyed
        .iter()
        .filter(|(key, _)| !new_ids.contains(key))
        .map(|(_, c)| brief(c))
        .collect();
    LedgerDiff {
        schema_version: 1,
        added,
        removed,
        changed,
    }
}

fn evidence_line(evidence: &EvidenceBrief) -> String {
    let what = match (&evidence.url, &evidence.source) {
        (Some(url), _) => link(evidence.title.as_deref().unwrap_or(url), Some(url)),
        (None, Some(source)) => format!("source `{}`", cell(source)),
        (None, None) => String::new(),
    };
    format!("{what}: “{}”", cell(&evidence.quote))
}

/// The diff as Markdown, one plain sentence per change.
pub fn to_markdown(diff: &LedgerDiff) -> String {
    let mut out = String::from("## Ledger changes\n\n");
    if diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty() {
        out.push_str("No commitment changed.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{} added, {} removed, {} changed.\n",
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len()
    );
    for (heading, items) in [("Added", &diff.added), ("Removed", &diff.removed)] {
        if !items.is_empty() {
            let _ = writeln!(out, "### {heading}\n");
            for item in items {
                let _ = writeln!(
                    out,
                    "- {} {} ({})",
                    markdown_code(&item.id),
                    cell(&item.title),
                    status_label(item.status)
                );
            }
            out.push('\n');
        }
    }
    if !diff.changed.is_empty() {
        let _ = writeln!(out, "### Changed\n");
        for change in &diff.changed {
            let _ = writeln!(
                out,
                "- {} {}",
                markdown_code(&change.id),
                cell(&change.title)
            );
            if let Some([from, to]) = change.status {
                let _ = writeln!(
                    out,
                    "  - status: {} → {}",
                    status_label(from),
                    status_label(to)
                );
            }
            for update in &change.new_updates {
                let _ = writeln!(
                    out,
                    "  - update {}, {}: {}",
                    update.date,
                    status_label(update.status),
                    cell(&update.note)
                );
                for evidence in &update.evidence {
                    let _ = writeln!(out, "    - evidence: {}", evidence_line(evidence));
                }
            }
            if let Some([from, to]) = change.due {
                let show =
                    |d: Option<NaiveDate>| d.map_or_else(|| "none".to_owned(), |d| d.to_string());
                let _ = writeln!(out, "  - due: {} → {}", show(from), show(to));
            }
            if let Some([from, to]) = &change.title_change {
                let _ = writeln!(out, "  - title: “{}” → “{}”", cell(from), cell(to));
            }
            if let Some([from, to]) = &change.quote {
                let _ = writeln!(out, "  - quote: “{}” → “{}”", cell(from), cell(to));
            }
        }
    }
    out
}

/// The diff as pretty JSON.
pub fn to_json(diff: &LedgerDiff) -> String {
    let mut text = serde_json::to_string_pretty(diff).unwrap_or_default();
    text.push('\n');
    text
}
