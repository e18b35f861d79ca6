//! What changed between two ledgers, as the JSON diff serializes it and the
//! Markdown diff renders it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Status;

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
    /// Parties added, removed or changed.
    pub parties: Vec<EntryChange>,
    /// Sources added, removed or changed.
    pub sources: Vec<EntryChange>,
}

/// A party or a source that was added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct EntryChange {
    /// Its id.
    pub id: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// For `changed`, each field that differs; for `added` and `removed`,
    /// each field it has (`from` or `to` empty).
    pub fields: Vec<FieldChange>,
}

/// One field of a record, before and after, as text ("" for none).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldChange {
    /// The field, such as `parties` or `update 2024-11-14 (kept) evidence`.
    pub field: String,
    /// Its value before.
    pub from: String,
    /// Its value after.
    pub to: String,
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
    /// Every other field that changed: `parties`, `by`, `area`, the
    /// source's `ref`, an existing update's note or evidence, an update
    /// removed, and so on.
    pub fields: Vec<FieldChange>,
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
