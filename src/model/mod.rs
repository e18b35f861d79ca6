//! The typed ledger: what `load` produces and what the rules read.
//!
//! Every field carries its [`Span`](crate::span::Span) so that findings can point into the
//! ledger. The format is documented field by field in `docs/format.md`.
//!
//! One file per part: the ledger and its tables (`ledger`), a commitment
//! and what it holds (`commitment`), the other ledgers of a workspace as
//! one ledger sees them (`neighbours`), the workspace file
//! (`workspace_file`), a table's translations (`translations`), and the words of the format's
//! vocabulary (`vocabulary`: kinds, statuses, precisions).

mod commitment;
mod ledger;
mod neighbours;
mod shared_str;
mod translations;
mod vocabulary;
mod workspace_file;

pub use commitment::{
    Citation, Commitment, Evidence, Group, Measurement, Observation, Searched, Target, Update,
    WebEvidence,
};
pub use ledger::{
    CheckerConfig, DEFAULT_STALE_AFTER_DAYS, Headcount, Ledger, LedgerMeta, Party, RuleLevel,
    SiteConfig, Source,
};
pub use neighbours::{CrossReference, NeighbourLedger, Neighbours};
pub use shared_str::SharedStr;
pub use translations::{Translation, Translations, TranslationsSchema};
pub use vocabulary::{Kind, Precision, Status};
pub use workspace_file::{WORKSPACE_FILE_NAME, WorkspaceFile};
