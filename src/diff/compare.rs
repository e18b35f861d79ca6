//! [`diff`]: two ledgers → their [`LedgerDiff`], commitment by commitment,
//! field by field, with the parties and sources.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::changes::{
    Brief, CommitmentChange, EntryChange, EvidenceBrief, FieldChange, LedgerDiff, UpdateBrief,
};
use crate::model::{Commitment, Evidence, Ledger, Party, Source, Status, Update};

fn brief(commitment: &Commitment) -> Brief {
    Brief {
        id: commitment.id.value.to_string(),
        title: commitment.title.value.to_string(),
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
        note: update.note.value.to_string(),
        evidence: update
            .evidence
            .iter()
            .map(|evidence| match evidence {
                Evidence::Web(web) => EvidenceBrief {
                    url: Some(web.url.value.to_string()),
                    source: None,
                    title: web.title.as_ref().map(|t| t.value.to_string()),
                    quote: web.quote.value.to_string(),
                },
                Evidence::Source(citation) => EvidenceBrief {
                    url: None,
                    source: Some(citation.source_ref.value.to_string()),
                    title: None,
                    quote: citation.quote.value.to_string(),
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
            id: commitment.id.value.to_string(),
            title: commitment.title.value.to_string(),
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
            title_change: (before.title.value != commitment.title.value).then(|| {
                [
                    before.title.value.to_string(),
                    commitment.title.value.to_string(),
                ]
            }),
            quote: (before.source.quote.value != commitment.source.quote.value).then(|| {
                [
                    before.source.quote.value.to_string(),
                    commitment.source.quote.value.to_string(),
                ]
            }),
            fields: changed_fields(&fields_of(before), &fields_of(commitment)),
        };
        let any = change.status.is_some()
            || !change.new_updates.is_empty()
            || change.due.is_some()
            || change.title_change.is_some()
            || change.quote.is_some()
            || !change.fields.is_empty();
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
        parties: entry_changes(&old.parties, &new.parties, |p| &p.id.value, party_fields),
        sources: entry_changes(&old.sources, &new.sources, |s| &s.id.value, source_fields),
    }
}

/// The fields of a commitment that the diff's own entries (status, new
/// updates, due, title, quote) do not cover, as text. An update present in
/// both versions (same date, status and note) is compared by its evidence;
/// one that is gone is named.
fn fields_of(commitment: &Commitment) -> Vec<(String, String)> {
    let list = |items: Option<&Vec<crate::span::Spanned<crate::model::SharedStr>>>| {
        items.map_or_else(String::new, |items| {
            items
                .iter()
                .map(|i| i.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let text = |value: Option<&crate::span::Spanned<crate::model::SharedStr>>| {
        value.map_or_else(String::new, |v| v.value.to_string())
    };
    let mut fields = vec![
        ("parties".to_owned(), list(Some(&commitment.parties))),
        ("by".to_owned(), list(commitment.by.as_ref())),
        ("asks".to_owned(), list(commitment.asks.as_ref())),
        ("area".to_owned(), text(commitment.area.as_ref())),
        ("kind".to_owned(), commitment.kind.value.as_str().to_owned()),
        ("made".to_owned(), commitment.made.value.to_string()),
        (
            "due_source".to_owned(),
            commitment
                .due_source
                .as_ref()
                .map_or_else(String::new, |e| evidence_text(e)),
        ),
        (
            "due_estimate".to_owned(),
            text(commitment.due_estimate.as_ref()),
        ),
        (
            "due_precision".to_owned(),
            commitment
                .due_precision
                .as_ref()
                .map_or_else(String::new, |p| p.value.as_str().to_owned()),
        ),
        (
            "searched".to_owned(),
            commitment.searched.as_ref().map_or_else(String::new, |s| {
                format!("{}: {}", s.date.value, s.what.value)
            }),
        ),
        ("parent".to_owned(), text(commitment.parent.as_ref())),
        (
            "related".to_owned(),
            commitment
                .related
                .iter()
                .map(|r| r.value.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("notes".to_owned(), text(commitment.notes.as_ref())),
        (
            "source ref".to_owned(),
            commitment.source.source_ref.value.to_string(),
        ),
        (
            "target".to_owned(),
            commitment
                .target
                .as_ref()
                .map_or_else(String::new, |t| target_text(t)),
        ),
    ];
    for update in &commitment.updates {
        let (date, status, note) = update_key(update);
        // The note tells apart two updates of one day and status; it is
        // cut from the name that is shown.
        let name = format!(
            "update {date} ({}) evidence{NOTE_MARK}{note}",
            status.as_str()
        );
        let evidence: Vec<String> = update.evidence.iter().map(evidence_text).collect();
        fields.push((name, evidence.join("; ")));
    }
    fields
}

/// Separates an update's field name, which is shown, from its note, which
/// only keeps it apart from another update of the same day.
const NOTE_MARK: char = '\u{0}';

/// A field's name as shown.
fn shown_name(field: &str) -> String {
    field.split(NOTE_MARK).next().unwrap_or(field).to_owned()
}

/// A target as one line of text: metric, unit, goal, baseline and every
/// observation with its evidence (no positions in the file).
fn target_text(target: &crate::model::Target) -> String {
    let measurement = |m: &crate::model::Measurement| {
        let note = m.note.as_ref().map_or("", |n| n.value.as_str());
        format!("{} on {} {note}", m.value.value, m.date.value)
    };
    let mut text = format!("{} in {}", target.metric.value, target.unit.value);
    if let Some(goal) = &target.goal {
        text.push_str(&format!(", goal {}", goal.value));
    }
    if let Some(baseline) = &target.baseline {
        text.push_str(&format!(
            ", baseline {}",
            measurement(&baseline.measurement)
        ));
        if !baseline.evidence.is_empty() {
            let evidence: Vec<String> = baseline.evidence.iter().map(evidence_text).collect();
            text.push_str(&format!(" ({})", evidence.join("; ")));
        }
    }
    for observation in &target.observations {
        let evidence: Vec<String> = observation.evidence.iter().map(evidence_text).collect();
        text.push_str(&format!(
            ", observed {} ({})",
            measurement(&observation.measurement),
            evidence.join("; ")
        ));
    }
    text
}

/// A piece of evidence as one line of text.
fn evidence_text(evidence: &Evidence) -> String {
    match evidence {
        Evidence::Web(web) => {
            let mut text = web.url.value.to_string();
            if let Some(title) = &web.title {
                text.push_str(&format!(" “{}”", title.value));
            }
            if let Some(published) = &web.published {
                text.push_str(&format!(" {}", published.value));
            }
            format!("{text}: “{}”", web.quote.value)
        }
        Evidence::Source(citation) => {
            format!(
                "source {}: “{}”",
                citation.source_ref.value, citation.quote.value
            )
        }
    }
}

/// The fields that differ between two lists of (field, value). A field in
/// one list only is one whose record was added or removed: an update's
/// evidence field is named only when its update is in both, since a new
/// update is listed whole and a removed one is named once.
fn changed_fields(old: &[(String, String)], new: &[(String, String)]) -> Vec<FieldChange> {
    let new_by_field: HashMap<&str, &str> =
        new.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
    let mut changes = Vec::new();
    for (field, from) in old {
        match new_by_field.get(field.as_str()) {
            Some(to) if to != from => changes.push(FieldChange {
                field: shown_name(field),
                from: from.clone(),
                to: (*to).to_owned(),
            }),
            Some(_) => {}
            None => {
                // Only an update's field can be missing: the update is gone
                // (or its date, status or note changed: then it is also
                // among the new updates).
                let (name, note) = field.split_once(NOTE_MARK).unwrap_or((field, ""));
                changes.push(FieldChange {
                    field: name.trim_end_matches(" evidence").to_owned(),
                    from: note.to_owned(),
                    to: String::new(),
                });
            }
        }
    }
    // A field only in the new version is a new update's, listed whole in
    // `new_updates`: every commitment has the same other fields.
    changes
}

/// Added, removed and changed parties or sources, by id.
fn entry_changes<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &str,
    fields: impl Fn(&T) -> Vec<(String, String)>,
) -> Vec<EntryChange> {
    let old_by_id: HashMap<&str, &T> = old.iter().map(|e| (id(e), e)).collect();
    let new_by_id: HashMap<&str, &T> = new.iter().map(|e| (id(e), e)).collect();
    let mut changes = Vec::new();
    for entry in new {
        let key = id(entry);
        let after = fields(entry);
        match old_by_id.get(key) {
            None => changes.push(EntryChange {
                id: key.to_owned(),
                change: "added",
                fields: after
                    .into_iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(field, to)| FieldChange {
                        field,
                        from: String::new(),
                        to,
                    })
                    .collect(),
            }),
            Some(before) => {
                let fields = changed_fields(&fields(before), &after);
                if !fields.is_empty() {
                    changes.push(EntryChange {
                        id: key.to_owned(),
                        change: "changed",
                        fields,
                    });
                }
            }
        }
    }
    for entry in old.iter().filter(|e| !new_by_id.contains_key(id(e))) {
        changes.push(EntryChange {
            id: id(entry).to_owned(),
            change: "removed",
            fields: fields(entry)
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(field, from)| FieldChange {
                    field,
                    from,
                    to: String::new(),
                })
                .collect(),
        });
    }
    changes
}

fn party_fields(party: &Party) -> Vec<(String, String)> {
    vec![("name".to_owned(), party.name.value.to_string())]
}

fn source_fields(source: &Source) -> Vec<(String, String)> {
    let text = |value: &Option<crate::span::Spanned<crate::model::SharedStr>>| {
        value
            .as_ref()
            .map_or_else(String::new, |v| v.value.to_string())
    };
    vec![
        ("title".to_owned(), source.title.value.to_string()),
        ("publisher".to_owned(), text(&source.publisher)),
        (
            "published".to_owned(),
            source
                .published
                .as_ref()
                .map_or_else(String::new, |d| d.value.to_string()),
        ),
        ("file".to_owned(), text(&source.file)),
        ("url".to_owned(), text(&source.url)),
        ("language".to_owned(), text(&source.language)),
    ]
}
