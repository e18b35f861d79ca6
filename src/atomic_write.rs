//! Writing files so that a crash never leaves half a file, nothing is
//! written where it should not be, and nothing is left behind.
//!
//! - A regular file is replaced atomically: the new bytes go into a
//!   temporary file in the same folder, are synced, and the temporary file
//!   is renamed over the old one. A reader sees the old file or the new one.
//! - A symbolic link is followed: its target is replaced, the link stays.
//! - A rewritten file keeps its mode, owner and group; a new file gets the
//!   mode the umask allows, as any program's new file does.
//! - A FIFO or a character device (`/dev/stdout`) is written straight to.
//! - Temporary files are named `.commitments-PID-*.tmp`; those whose process
//!   is gone (killed mid-write) are removed by the next write in the folder.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`: atomically for a regular file (or a new one),
/// straight to a FIFO or a character device.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = resolve_links(path)?;
    if is_stream(&target) {
        let mut stream = std::fs::OpenOptions::new().write(true).open(&target)?;
        stream.write_all(bytes)?;
        return stream.flush();
    }
    write_atomic_checked(&target, bytes, || Ok(()))
}

/// Writes a new file atomically, failing with `AlreadyExists` rather than
/// replace a file that is there.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let file = synced_temporary(path, bytes)?;
    file.persist_noclobber(path).map_err(|error| error.error)?;
    Ok(())
}

/// Whether `path` is a FIFO or a character device: written to, never
/// replaced.
fn is_stream(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path)
            .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_char_device())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// `path` with every symbolic link along its last component followed, so
/// that a write replaces the link's target and keeps the link. A dangling
/// link resolves to the file it would create.
pub fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "`{}`: too many levels of symbolic links",
        path.display()
    )))
}

/// The folder of `path`, `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

const TEMPORARY_PREFIX: &str = ".commitments-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// `bytes` in a temporary file in `path`'s folder (so that the rename stays
/// on one file system), flushed and synced. Dropped, it is removed. It is
/// created with the mode the umask allows for a new file.
fn synced_temporary(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let folder = folder_of(path);
    reap_stale_temporaries(folder);
    let prefix = format!("{TEMPORARY_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(file)
}

/// Removes this tool's temporary files in `folder` whose writing process is
/// gone. Best effort: a folder that cannot be listed is left alone.
pub fn reap_stale_temporaries(folder: &Path) {
    // Whether a process is alive is read from /proc; without it, nothing is
    // removed rather than guessed.
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMPORARY_PREFIX))
            .filter(|n| n.ends_with(TEMPORARY_SUFFIX))
            .and_then(|n| n.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Gives the temporary file the mode, owner and group of the file it
/// replaces. Changing the owner needs the right to (root has it); without
/// it the file keeps its writer as owner, as any editor's save does.
fn keep_ownership(file: &File, replaced: &std::fs::Metadata) -> std::io::Result<()> {
    file.set_permissions(replaced.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let current = file.metadata()?;
        if (current.uid(), current.gid()) != (replaced.uid(), replaced.gid()) {
            match std::os::unix::fs::fchown(file, Some(replaced.uid()), Some(replaced.gid())) {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {}
                Err(error) => return Err(error),
            }
        }
    }
    Ok(())
}

/// Why an edit was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file changed on disk after it was read.
    #[error(
        "the file changed on disk while the edit was being made; nothing was written, run the command again"
    )]
    Changed,
    /// Reading, writing or renaming failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes `expected_new` over `path` if the file still holds `original`:
/// the check runs after the new text is safely on disk and right before the
/// rename, so an edit made meanwhile by a program that does not take the
/// ledger's lock is never lost.
pub fn replace_if_unchanged(
    path: &Path,
    original: &[u8],
    expected_new: &[u8],
) -> Result<(), WriteError> {
    write_atomic_checked(path, expected_new, || {
        if std::fs::read(path)? == original {
            Ok(())
        } else {
            Err(WriteError::Changed)
        }
    })
}

/// Replaces the regular file `path` (not a link: see [`resolve_links`])
/// atomically, with a check that runs after the temporary file is written
/// and synced, and before it is renamed over `path`. If the check fails,
/// the temporary file is removed and `path` is untouched.
pub fn write_atomic_checked<E: From<std::io::Error>>(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> Result<(), E>,
) -> Result<(), E> {
    let file = synced_temporary(path, bytes)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        keep_ownership(file.as_file(), &metadata)?;
    }
    // Dropping `file` on an early return removes the temporary file.
    before_rename()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_atomic(&path, b"first").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o644
            );
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        std::fs::write(&path, b"original").unwrap();
        let failed: Result<(), std::io::Error> = write_atomic_checked(&path, b"new", || {
            Err(std::io::Error::other("simulated crash"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"original");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_change_between_read_and_rename_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        std::fs::write(&path, b"original").unwrap();
        let original = std::fs::read(&path).unwrap();
        // Someone else saves the file after we read it.
        std::fs::write(&path, b"their edit").unwrap();
        let result = replace_if_unchanged(&path, &original, b"our edit");
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"their edit");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        // Unchanged: the edit goes through.
        replace_if_unchanged(&path, b"their edit", b"our edit").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"our edit");
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/report.md");
        assert!(write_atomic(&path, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
