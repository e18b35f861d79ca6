//! A workspace: several ledgers, listed in `commitments-workspace.toml`,
//! loaded together so that their references to each other resolve and
//! their ids and parties cannot collide.
//!
//! [`load`] reads the workspace file, finds its ledgers (`members`), loads
//! each, and checks what no single ledger can see (`conflicts`): two
//! ledgers with one id, one party declared with two names. Each ledger's
//! own rules then run as usual, with [`Loaded::workspace`] set so that
//! `unknown-reference` resolves `LEDGER-ID:COMMITMENT-ID`.

mod conflicts;
mod members;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::finding::{Files, Finding};
use crate::load::Loaded;
use crate::model::{WORKSPACE_FILE_NAME, WorkspaceFile};

/// The largest workspace file read: it lists ledgers, it does not hold them.
pub const MAX_WORKSPACE_BYTES: u64 = 1024 * 1024;

/// A loaded workspace.
#[derive(Debug)]
pub struct Workspace {
    /// The workspace file's path, as given.
    pub path: PathBuf,
    /// The workspace file (file 0), and the ledger texts that its own
    /// findings point into.
    pub files: Files,
    /// What the file says; `None` when it has syntax or schema errors.
    pub file: Option<WorkspaceFile>,
    /// Findings on the workspace as a whole: its file, ledgers that are
    /// missing or collide, parties declared twice with different names.
    pub findings: Vec<Finding>,
    /// Its ledgers, in the order the file lists them (a pattern's matches
    /// in name order), each loaded once.
    pub members: Vec<Member>,
}

/// One ledger of a workspace.
#[derive(Debug)]
pub struct Member {
    /// Its path, as messages print it.
    pub path: PathBuf,
    /// Its id: `[ledger] id`, or the one made from its parties and date.
    pub id: String,
    /// The loaded ledger, with [`Loaded::workspace`] set.
    pub loaded: Loaded,
}

impl Workspace {
    /// The workspace's id, or `workspace` when the file did not load.
    pub fn id(&self) -> &str {
        self.file
            .as_ref()
            .map_or("workspace", |f| f.id.value.as_str())
    }

    /// The workspace's title, or its file name when the file did not load.
    pub fn title(&self) -> String {
        self.file.as_ref().map_or_else(
            || WORKSPACE_FILE_NAME.to_owned(),
            |f| f.title.value.to_string(),
        )
    }

    /// The workspace's own findings at error level: with any, it gets no
    /// report and no site.
    pub fn errors(&self) -> Vec<Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
            .cloned()
            .collect()
    }

    /// The member whose path is `path` (compared as the files they name).
    pub fn member_at(&self, path: &Path) -> Option<&Member> {
        let wanted = path.canonicalize().ok()?;
        self.members
            .iter()
            .find(|m| m.path.canonicalize().ok().as_deref() == Some(wanted.as_path()))
    }
}

/// Why a workspace file could not be read at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// Missing, a folder, too large, or unreadable.
    #[error("cannot read workspace `{path}`: {why}")]
    Unreadable {
        /// The path given.
        path: PathBuf,
        /// What went wrong, in words.
        why: String,
    },
}

/// The workspace file that `ledger`'s folder, or a folder above it up to the
/// repository's root (a folder with `.git`), holds: the workspace `ledger`
/// may belong to.
pub fn find_above(ledger: &Path) -> Option<PathBuf> {
    let start = ledger.parent()?;
    let start = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    let start = start.canonicalize().ok()?;
    for dir in start.ancestors() {
        let candidate = dir.join(WORKSPACE_FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// Whether the workspace above `ledger` lists it (an editor then treats it
/// as a ledger, whatever its name). Reads the workspace file, not the
/// ledgers.
pub fn lists(ledger: &Path) -> bool {
    workspace_listing(ledger).is_some()
}

/// The workspace file above `ledger` that lists it.
fn workspace_listing(ledger: &Path) -> Option<PathBuf> {
    let path = find_above(ledger)?;
    let text = read_text(&path).ok()?;
    let (file, _) = crate::load::read_workspace(&text);
    let file = file?;
    let base = path.parent().unwrap_or(Path::new(""));
    let wanted = ledger.canonicalize().ok()?;
    let (paths, _) = members::resolve(base, &file.ledgers);
    paths
        .iter()
        .any(|(p, _)| p.canonicalize().ok().as_ref() == Some(&wanted))
        .then_some(path)
}

/// The ledger at `ledger` loaded as a member of the workspace above it that
/// lists it: its references to the other ledgers resolve, and it has the
/// workspace's parties. `None` when no workspace above it lists it, or its
/// workspace file does not load (`check` in the workspace's folder reports
/// why). The other ledgers are loaded only when the workspace lists this one.
pub fn load_member(ledger: &Path) -> Option<Loaded> {
    let path = workspace_listing(ledger)?;
    let wanted = ledger.canonicalize().ok()?;
    let mut workspace = load_naming(&path, Some((&wanted, ledger))).ok()?;
    let index = workspace
        .members
        .iter()
        .position(|m| m.path.canonicalize().ok().as_ref() == Some(&wanted))?;
    Some(workspace.members.swap_remove(index).loaded)
}

/// Makes `loaded` a member of the workspace that `neighbours` describes: its
/// references to the other ledgers resolve, and it has the workspace's
/// parties. For a ledger loaded on its own, such as an edit's proposal.
pub fn adopt(loaded: &mut Loaded, neighbours: &Arc<crate::model::Neighbours>) {
    if let Some(ledger) = loaded.ledger.as_mut() {
        neighbours.lend_parties(ledger);
    }
    loaded.workspace = Some(Arc::clone(neighbours));
}

/// Reads the workspace file at `path` and loads every ledger it lists.
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    load_naming(path, None)
}

/// [`load`], with the ledger that is the file `given.0` (canonical) read
/// from the path `given.1`, so that its messages name it as the command
/// was given it.
fn load_naming(path: &Path, given: Option<(&Path, &Path)>) -> Result<Workspace, WorkspaceError> {
    let text = read_text(path)?;
    let mut files = Files::default();
    files.add(path.display().to_string(), text);
    let (file, mut findings) = crate::load::read_workspace(files.text(0));
    let mut workspace = Workspace {
        path: path.to_owned(),
        files,
        file,
        findings: Vec::new(),
        members: Vec::new(),
    };
    let Some(file) = workspace.file.clone() else {
        workspace.findings = findings;
        return Ok(workspace);
    };
    let base = path.parent().unwrap_or(Path::new(""));
    let (mut paths, member_findings) = members::resolve(base, &file.ledgers);
    findings.extend(member_findings);
    if let Some((canonical, as_given)) = given {
        for (member, _) in &mut paths {
            if member.canonicalize().ok().as_deref() == Some(canonical) {
                *member = as_given.to_owned();
            }
        }
    }
    workspace.members = members::load_all(&paths, &file.ledgers, &mut findings);
    conflicts::check(&mut workspace, &file, &mut findings);
    let neighbours = Arc::new(conflicts::neighbours(&workspace, &file));
    for member in &mut workspace.members {
        adopt(&mut member.loaded, &neighbours);
    }
    workspace.findings = findings;
    Ok(workspace)
}

fn read_text(path: &Path) -> Result<String, WorkspaceError> {
    use std::io::Read as _;
    let unreadable = |why: String| WorkspaceError::Unreadable {
        path: path.to_owned(),
        why,
    };
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => unreadable("no such file".to_owned()),
        _ => unreadable(e.to_string()),
    })?;
    if !metadata.is_file() {
        return Err(unreadable(format!(
            "not a regular file (pass the {WORKSPACE_FILE_NAME} itself)"
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(|e| unreadable(e.to_string()))?
        .take(MAX_WORKSPACE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_WORKSPACE_BYTES {
        return Err(unreadable(
            "more than 1 MiB; a workspace file lists ledgers, it does not hold them".to_owned(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "not UTF-8 text (a bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}
