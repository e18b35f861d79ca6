//! One editor at a time: an exclusive lock on the ledger file, held from
//! reading it to renaming the edited text over it.
//!
//! An edit replaces the ledger by renaming a new file over it, so the lock
//! on the old file does not carry over. A waiting editor that gets the lock
//! therefore checks that the path still names the file it locked, and
//! otherwise locks the new one: it always reads what the last editor wrote.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

/// The ledger's lock; released when dropped.
#[derive(Debug)]
pub struct LedgerLock {
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process held it for the whole wait.
    #[error(
        "`{path}` is being edited by another process{holder}; waited {waited:?} for it. Run the command again when that edit is done, or wait longer with --wait SECONDS",
        holder = holder.as_ref().map(|h| format!(" ({h})")).unwrap_or_default()
    )]
    Busy {
        /// The ledger.
        path: String,
        /// The holder, as `pid N: command line`, when the system says.
        holder: Option<String>,
        /// How long this process waited.
        waited: Duration,
    },
    /// The file cannot be opened or locked.
    #[error("cannot lock `{path}`: {source}")]
    Io {
        /// The ledger.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Takes the exclusive lock on the ledger at `path` (a regular file, links
/// already resolved), waiting up to `wait` for another editor to finish.
pub fn lock(path: &Path, wait: Duration) -> Result<LedgerLock, LockError> {
    let io = |source| LockError::Io {
        path: path.display().to_string(),
        source,
    };
    let started = Instant::now();
    loop {
        let file = File::open(path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                if started.elapsed() >= wait {
                    return Err(LockError::Busy {
                        path: path.display().to_string(),
                        holder: holder_of(&file),
                        waited: wait,
                    });
                }
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(io(error)),
        }
        // Another editor may have renamed a new file over the one we
        // waited on: then lock that one instead.
        if is_same_file(&file, path).map_err(io)? {
            return Ok(LedgerLock { _file: file });
        }
    }
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let (held, named) = (file.metadata()?, std::fs::metadata(path)?);
    Ok(held.dev() == named.dev() && held.ino() == named.ino())
}

#[cfg(not(unix))]
fn is_same_file(_file: &File, _path: &Path) -> std::io::Result<bool> {
    Ok(true)
}

/// The process that holds the lock on `file`, from Linux's `/proc/locks`.
#[cfg(unix)]
fn holder_of(file: &File) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let inode = file.metadata().ok()?.ino();
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    // "1: FLOCK  ADVISORY  WRITE 12345 00:2b:67890 0 EOF"; waiters have "->".
    let pid = locks.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let holds = fields.get(1) == Some(&"FLOCK")
            && fields
                .get(5)
                .is_some_and(|id| id.rsplit(':').next() == Some(&inode.to_string()));
        holds.then(|| fields.get(4)?.parse::<u32>().ok()).flatten()
    })?;
    let command = std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|bytes| {
            let text = String::from_utf8_lossy(&bytes).replace('\0', " ");
            let text = text.trim();
            let mut short: String = text.chars().take(80).collect();
            if short.len() < text.len() {
                short.push('…');
            }
            crate::text::visible(&short)
        })
        .unwrap_or_default();
    Some(if command.is_empty() {
        format!("pid {pid}")
    } else {
        format!("pid {pid}: {command}")
    })
}

#[cfg(not(unix))]
fn holder_of(_file: &File) -> Option<String> {
    None
}
