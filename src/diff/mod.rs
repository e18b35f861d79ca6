//! Diff: two versions of a ledger → what changed, for pull-request review.
//!
//! `compare.rs` finds the changes, `changes.rs` holds their shape, and
//! `render.rs` writes them as Markdown or JSON.

mod changes;
mod compare;
mod render;

pub use changes::{
    Brief, CommitmentChange, EntryChange, EvidenceBrief, FieldChange, LedgerDiff, UpdateBrief,
};
pub use compare::diff;
pub use render::{to_json, to_markdown};
