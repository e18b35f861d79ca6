//! `commitments-workspace.toml`: several ledgers read, checked and
//! published as one (docs/format.md, "A workspace of ledgers").

use super::{Party, SharedStr};
use crate::span::Spanned;

/// The workspace file's name, looked for in the folder a command runs in.
pub const WORKSPACE_FILE_NAME: &str = "commitments-workspace.toml";

/// What `commitments-workspace.toml` says.
#[derive(Debug, Clone)]
pub struct WorkspaceFile {
    /// `[workspace] id`: kebab-case, lasting (the site's feed ids use it).
    pub id: Spanned<SharedStr>,
    /// `[workspace] title`: what the workspace dashboard is headed.
    pub title: Spanned<SharedStr>,
    /// `[workspace] ledgers`: paths or patterns (`ledgers/*.toml`) of the
    /// ledgers, relative to the workspace file's folder.
    pub ledgers: Vec<Spanned<SharedStr>>,
    /// `[parties.ID]` declared once for every ledger.
    pub parties: Vec<Party>,
    /// `[workspace.i18n.LANG]`: the editors' translations of its title.
    pub i18n: super::Translations,
}
