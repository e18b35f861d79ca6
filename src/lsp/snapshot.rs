//! What a request's handler reads: an immutable snapshot of one open ledger
//! (its checked version, its text and line index, the ids of its last
//! version that loaded) and the editor's settings. A handler cannot change
//! the server's state; only the router and the document notifications do.

use std::rc::Rc;

use lsp_types::Uri;

use super::complete::KnownIds;
use super::config::Config;
use super::document::{Document, LineIndex};
use super::server::{Analysis, Server};

/// One open ledger, checked up to its latest version.
pub(super) struct Snapshot<'s> {
    /// Its checked version.
    pub(super) analysis: Rc<Analysis>,
    /// Its text and line index, as the editor has it.
    pub(super) document: &'s Document,
    /// The ids of its last version that loaded, for completion while the
    /// line being typed is not valid TOML.
    pub(super) known_ids: &'s KnownIds,
    /// The editor's settings.
    pub(super) config: &'s Config,
}

impl Snapshot<'_> {
    /// The document's line index.
    pub(super) fn index(&self) -> &LineIndex {
        &self.document.index
    }
}

impl Server<'_> {
    /// The snapshot of `uri`, checked first if it changed since its last
    /// check; `None` for a document that is not an open ledger.
    pub(super) fn snapshot<'s>(&'s mut self, uri: &'s Uri) -> Option<Snapshot<'s>> {
        let analysis = self.analysis(uri)?;
        let open = self.documents.get(uri)?;
        Some(Snapshot {
            analysis,
            document: &open.document,
            known_ids: &open.known_ids,
            config: &self.config,
        })
    }
}
