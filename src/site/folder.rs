//! The site's output folder. A site is written into a new folder beside
//! DIR and swapped in by rename, so the old site stays whole until the new
//! one is, and a failure (a full disk, a name too long) leaves DIR as it was
//! and nothing beside it.
//!
//! DIR is replaced only when it is empty or holds exactly the files that
//! its marker, `.commitments-site`, lists as written by this command; and
//! never when it is, or holds, the ledger, one of its sources or a `.git`,
//! whatever marker it has. No link inside DIR is followed.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{MARKER, SiteError};

/// The marker's first line; the files the site holds follow, one a line.
const MARKER_HEADER: &str = "Written by `commitments site`, which replaces this folder when every file in it is listed below.";

/// What DIR holds now.
#[derive(Debug)]
pub(super) enum Previous {
    /// DIR does not exist.
    Missing,
    /// DIR is an empty folder.
    Empty,
    /// DIR is a site this command wrote: exactly these files, and the
    /// folders that hold them.
    Site(BTreeSet<String>),
}

/// DIR, checked: absolute, with what it holds now.
#[derive(Debug)]
pub(super) struct Target {
    /// DIR as given, for messages.
    shown: PathBuf,
    /// DIR, absolute, with links in its parent resolved.
    path: PathBuf,
    previous: Previous,
}

/// Checks that `dir` may receive a site. `protected` are the ledger and its
/// source files: DIR may not hold any of them.
pub(super) fn check(dir: &Path, protected: &[PathBuf]) -> Result<Target, SiteError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| SiteError::Io { path, source }
    };
    match std::fs::symlink_metadata(dir) {
        Ok(metadata) if metadata.file_type().is_symlink() => Err(SiteError::Refused {
            path: dir.to_owned(),
            why: "it is a symbolic link; name the folder it leads to".into(),
        }),
        Ok(_) => {
            let canonical = dir.canonicalize().map_err(io(dir))?;
            check_resolved(dir, canonical, protected)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let absolute = std::path::absolute(dir).map_err(io(dir))?;
            let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
                return Err(SiteError::Refused {
                    path: dir.to_owned(),
                    why: "it names no folder".into(),
                });
            };
            std::fs::create_dir_all(parent).map_err(io(parent))?;
            let parent = parent.canonicalize().map_err(io(parent))?;
            check_resolved(dir, parent.join(name), protected)
        }
        Err(error) => Err(io(dir)(error)),
    }
}

fn check_resolved(shown: &Path, path: PathBuf, protected: &[PathBuf]) -> Result<Target, SiteError> {
    let refuse = |why: String| SiteError::Refused {
        path: shown.to_owned(),
        why,
    };
    let io = |source| SiteError::Io {
        path: shown.to_owned(),
        source,
    };
    if path.parent().is_none() {
        return Err(refuse("it is the root of the file system".into()));
    }
    let metadata = match std::fs::symlink_metadata(&path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target {
                shown: shown.to_owned(),
                path,
                previous: Previous::Missing,
            });
        }
        Err(error) => return Err(io(error)),
    };
    if metadata.file_type().is_symlink() {
        return Err(refuse(
            "it is a symbolic link; name the folder it leads to".into(),
        ));
    }
    if !metadata.is_dir() {
        return Err(refuse("it is a file, not a folder".into()));
    }
    for file in protected {
        let Ok(file) = file.canonicalize() else {
            continue;
        };
        if file.starts_with(&path) {
            return Err(refuse(format!(
                "it holds `{}`, which the ledger needs; write the site to a folder of its own, such as public/",
                file.display()
            )));
        }
    }
    if std::fs::symlink_metadata(path.join(".git")).is_ok() {
        return Err(refuse(
            "it holds a `.git`; write the site to a folder of its own, such as public/".into(),
        ));
    }
    let mut entries = std::fs::read_dir(&path).map_err(io)?;
    if entries.next().is_none() {
        return Ok(Target {
            shown: shown.to_owned(),
            path,
            previous: Previous::Empty,
        });
    }
    let listed = read_marker(&path).ok_or_else(|| SiteError::NotOurs {
        path: shown.to_owned(),
    })?;
    // Every file must be one the marker lists: anything else is someone's,
    // and a folder holding it is not ours to replace.
    let mut found = Vec::new();
    walk(&path, &path, &mut found).map_err(io)?;
    for (relative, is_link) in found {
        if is_link {
            return Err(refuse(format!(
                "`{relative}` in it is a symbolic link, which `commitments site` never writes"
            )));
        }
        if relative != MARKER && !listed.contains(&relative) {
            return Err(refuse(format!(
                "`{relative}` in it was not written by `commitments site`; move it out, or pass another folder"
            )));
        }
    }
    Ok(Target {
        shown: shown.to_owned(),
        path,
        previous: Previous::Site(listed),
    })
}

/// The files a marker lists, if `dir` has a marker this command wrote.
fn read_marker(dir: &Path) -> Option<BTreeSet<String>> {
    let marker = dir.join(MARKER);
    if !std::fs::symlink_metadata(&marker).ok()?.is_file() {
        return None;
    }
    let text = std::fs::read_to_string(marker).ok()?;
    let mut lines = text.lines();
    if lines.next()? != MARKER_HEADER {
        return None;
    }
    Some(lines.map(str::to_owned).collect())
}

/// Every file, link and folder under `dir`, relative, with `/` separators;
/// links are listed, never followed. Folders are not listed.
fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, bool)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        let relative = relative_name(root, &path);
        if kind.is_dir() {
            walk(root, &path, out)?;
        } else {
            out.push((relative, kind.is_symlink()));
        }
    }
    Ok(())
}

fn relative_name(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A new, private folder beside DIR that the site is written into.
pub(super) struct Staging {
    dir: tempfile::TempDir,
}

impl Target {
    /// The new folder beside DIR, on the same file system so that the swap
    /// is a rename.
    pub(super) fn stage(&self) -> Result<Staging, SiteError> {
        let parent = self.path.parent().unwrap_or(Path::new("."));
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.commitments-new-"))
            .tempdir_in(parent)
            .map_err(|source| SiteError::Io {
                path: parent.to_owned(),
                source,
            })?;
        Ok(Staging { dir })
    }

    /// Puts the finished site in DIR's place, then removes the old site's
    /// files (only those its marker lists).
    pub(super) fn swap(self, staging: Staging, files: &[String]) -> Result<(), SiteError> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| SiteError::Io { path, source }
        };
        staging.write_marker(files)?;
        let new = staging.dir.keep();
        let result = match &self.previous {
            Previous::Missing => std::fs::rename(&new, &self.path).map_err(io(&self.shown)),
            Previous::Empty => std::fs::remove_dir(&self.path)
                .and_then(|()| std::fs::rename(&new, &self.path))
                .map_err(io(&self.shown)),
            Previous::Site(listed) => self.replace(&new, listed),
        };
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&new);
        }
        result
    }

    /// DIR, an old site, moves aside; the new site takes its name; then the
    /// old site's listed files go, and the folder if nothing else is left.
    fn replace(&self, new: &Path, listed: &BTreeSet<String>) -> Result<(), SiteError> {
        let parent = self.path.parent().unwrap_or(Path::new("."));
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let old = parent.join(format!(".{name}.commitments-old-{}", std::process::id()));
        std::fs::rename(&self.path, &old).map_err(|source| SiteError::Io {
            path: self.shown.clone(),
            source,
        })?;
        if let Err(source) = std::fs::rename(new, &self.path) {
            // Put the old site back: DIR is as it was.
            let _ = std::fs::rename(&old, &self.path);
            return Err(SiteError::Io {
                path: self.shown.clone(),
                source,
            });
        }
        for file in listed.iter().map(String::as_str).chain([MARKER]) {
            let path = old.join(file);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                let _ = std::fs::remove_file(&path);
            }
        }
        remove_empty_folders(&old);
        Ok(())
    }
}

/// Removes `dir` and the folders under it that are empty; keeps anything
/// else (a file someone added meanwhile).
fn remove_empty_folders(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                remove_empty_folders(&entry.path());
            }
        }
    }
    let _ = std::fs::remove_dir(dir);
}

impl Staging {
    /// Creates `relative` (with `/` separators) under the new folder, and its
    /// folders, following no link: the file must not exist yet.
    pub(super) fn create(&self, relative: &str) -> std::io::Result<std::fs::File> {
        let mut path = self.dir.path().to_owned();
        let mut parts = relative.split('/').peekable();
        while let Some(part) = parts.next() {
            path.push(part);
            if parts.peek().is_none() {
                break;
            }
            match std::fs::create_dir(&path) {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                    if !std::fs::symlink_metadata(&path)?.is_dir() {
                        return Err(std::io::Error::other(format!(
                            "`{}` is not a folder",
                            path.display()
                        )));
                    }
                }
                Err(error) => return Err(error),
            }
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    }

    /// Where a file goes, for messages.
    pub(super) fn path_of(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn write_marker(&self, files: &[String]) -> Result<(), SiteError> {
        let mut text = String::from(MARKER_HEADER);
        for file in files {
            text.push('\n');
            text.push_str(file);
        }
        text.push('\n');
        self.create(MARKER)
            .and_then(|mut file| file.write_all(text.as_bytes()))
            .map_err(|source| SiteError::Io {
                path: self.path_of(MARKER),
                source,
            })
    }
}
