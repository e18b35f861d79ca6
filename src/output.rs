//! Writing files so that a crash never leaves half a file.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// folder, flushed and synced, then renamed over `path`. A reader sees the
/// old file or the new one, never a mix; on error, `path` is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_checked(path, bytes, || Ok(()))
}

/// Writes a new file atomically, failing with `AlreadyExists` rather than
/// replace a file that is there.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let file = synced_temporary(path, bytes)?;
    set_new_file_permissions(&file)?;
    file.persist_noclobber(path).map_err(|error| error.error)?;
    Ok(())
}

/// `bytes` in a temporary file in `path`'s folder (so that the rename stays
/// on one file system), flushed and synced. Dropped, it is removed.
fn synced_temporary(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".commitments-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(file)
}

/// A temporary file is private (0600); a new ledger or report should not be.
fn set_new_file_permissions(file: &tempfile::NamedTempFile) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = file;
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
/// rename, so an edit made meanwhile by someone else is never lost.
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

/// [`write_atomic`] with a check that runs after the temporary file is
/// written and synced, and before it is renamed over `path`. If the check
/// fails, the temporary file is removed and `path` is untouched.
pub fn write_atomic_checked<E: From<std::io::Error>>(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> Result<(), E>,
) -> Result<(), E> {
    let file = synced_temporary(path, bytes)?;
    match std::fs::metadata(path) {
        // Keep the permissions of the file being replaced.
        Ok(metadata) => file.as_file().set_permissions(metadata.permissions())?,
        Err(_) => set_new_file_permissions(&file)?,
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
