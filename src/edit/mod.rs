//! Edit: the common changes to a ledger as commands, keeping every byte they
//! do not mean to change.
//!
//! Each `plan_*` function turns the ledger's text into the proposed text;
//! [`review`] checks the proposal with the full rule set, and
//! [`crate::atomic_write::write_atomic_checked`] writes it only if the file did not
//! change meanwhile. Values are rendered by toml_edit, so quoting and escaping
//! are always valid TOML.

mod apply;
mod evidence;
mod lock;
mod plan;
mod request;
mod review;
mod verify;

pub use apply::{Applied, EditOptions, apply, propose};
pub use evidence::{EvidenceFlag, pair_evidence};
pub use lock::{LedgerLock, LockError, lock};
pub use plan::{
    plan_add, plan_party, plan_reviewed, plan_searched, plan_set_status, plan_source, plan_update,
    respell, template,
};
pub use request::{
    AddRequest, Edit, EditError, NewEvidence, PartyRequest, SearchedRequest, SourceRequest,
    UpdateRequest,
};
pub use review::{Review, review, unified_diff};
