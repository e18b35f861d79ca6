//! What a rule may look at: the ledger, the as-of date and the files.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::finding::{FileId, Files};
use crate::model::{Ledger, Neighbours};

/// What a rule may look at. Built once per check.
pub struct Context<'a> {
    /// The loaded ledger.
    pub ledger: &'a Ledger,
    /// The date the ledger is checked at ("today").
    pub as_of: NaiveDate,
    /// The ledger and source texts.
    pub files: &'a Files,
    /// Source id → the loaded local copy of that source.
    pub source_files: &'a HashMap<String, FileId>,
    /// The ledgers of the workspace this one belongs to, when it belongs to
    /// one: what a `LEDGER-ID:COMMITMENT-ID` reference resolves against.
    pub workspace: Option<&'a Neighbours>,
}

impl<'a> Context<'a> {
    /// Builds the context of a ledger outside any workspace.
    pub fn new(
        ledger: &'a Ledger,
        as_of: NaiveDate,
        files: &'a Files,
        source_files: &'a HashMap<String, FileId>,
    ) -> Self {
        Context {
            ledger,
            as_of,
            files,
            source_files,
            workspace: None,
        }
    }
}
