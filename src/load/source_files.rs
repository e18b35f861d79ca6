//! Reads the local copies of sources, refusing any path that leads out of
//! the ledger's folder before touching the file.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use super::Loaded;
use crate::finding::{FileId, Finding};
use crate::model::Ledger;
use crate::rules::source_file;
use crate::span::Span;

/// Reads every source's local copy. A file named by several sources is read
/// once, and all of them together may hold at most [`MAX_TOTAL_SOURCE_BYTES`].
pub(super) fn load(
    ledger: &Ledger,
    base: &Path,
    ledger_name: &str,
    cache: Option<&SourceCache>,
    loaded: &mut Loaded,
) {
    let display_base = Path::new(ledger_name).parent().unwrap_or(Path::new(""));
    // The ledger itself is no source.
    let ledger_path = Path::new(ledger_name)
        .file_name()
        .and_then(|name| base_dir(base).join(name).canonicalize().ok());
    let mut read: HashMap<PathBuf, FileId> = HashMap::new();
    let mut total: u64 = 0;
    for source in &ledger.sources {
        let Some(file) = &source.file else { continue };
        let found = resolve_inside(base, &file.value).and_then(|resolved| {
            if ledger_path.as_ref() == Some(&resolved) {
                return Err(Problem::IsLedger);
            }
            if let Some(&id) = read.get(&resolved) {
                return Ok(id);
            }
            let text = read_text(&resolved, total, cache)?;
            total += text.len() as u64;
            let name = display_base.join(file.value.as_str()).display().to_string();
            let id = loaded.files.add(name, text);
            loaded.source_paths.push(resolved.clone());
            read.insert(resolved, id);
            Ok(id)
        });
        match found {
            Ok(id) => {
                loaded.source_files.insert(source.id.value.to_string(), id);
            }
            Err(problem) => loaded
                .findings
                .push(problem.finding(file.span, &file.value)),
        }
    }
}

/// Why a source's local copy was not read.
#[derive(Debug)]
pub(crate) enum Problem {
    Absolute,
    Escapes,
    SymlinkOutside(PathBuf),
    Hidden,
    IsLedger,
    NotFound,
    NotAFile,
    NotUtf8 { offset: usize },
    Binary { offset: usize },
    TooLarge { size: u64 },
    TotalTooLarge { size: u64 },
    Io(std::io::Error),
}

impl Problem {
    /// The `source-file` finding for this problem with the file written as
    /// `written` at `span`.
    fn finding(&self, span: Span, written: &str) -> Finding {
        match self {
            Problem::Absolute => source_file::absolute(span, written),
            Problem::Escapes => source_file::escapes(span, written),
            Problem::SymlinkOutside(resolved) => {
                source_file::symlink_outside(span, written, resolved)
            }
            Problem::Hidden => source_file::hidden(span, written),
            Problem::IsLedger => source_file::is_ledger(span, written),
            Problem::NotFound => source_file::not_found(span, written),
            Problem::NotAFile => source_file::not_a_file(span, written),
            Problem::NotUtf8 { offset } => source_file::not_utf8(span, written, *offset),
            Problem::Binary { offset } => source_file::binary(span, written, *offset),
            Problem::TooLarge { size } => source_file::too_large(span, written, *size),
            Problem::TotalTooLarge { size } => {
                source_file::total_too_large(span, written, *size, MAX_TOTAL_SOURCE_BYTES)
            }
            Problem::Io(error) => source_file::unreadable(span, written, error),
        }
    }
}

/// The largest source file that is read: 64 MiB of text is far more than
/// any article or report.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// All source files of one ledger together: 256 MiB.
pub const MAX_TOTAL_SOURCE_BYTES: u64 = 256 * 1024 * 1024;

/// The file `written` (relative to `base`) names, if it stays inside `base`.
fn resolve_inside(base: &Path, written: &str) -> Result<PathBuf, Problem> {
    let relative = Path::new(written);
    let looks_absolute = written.starts_with(['/', '\\'])
        || written.as_bytes().get(1) == Some(&b':')
        || relative.is_absolute();
    if looks_absolute {
        return Err(Problem::Absolute);
    }
    let mut depth: usize = 0;
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => depth = depth.checked_sub(1).ok_or(Problem::Escapes)?,
            Component::RootDir | Component::Prefix(_) => return Err(Problem::Absolute),
        }
    }
    if depth == 0 {
        return Err(Problem::NotAFile);
    }
    // The path stays inside lexically; a symlink may still lead out.
    let base = base_dir(base).canonicalize().map_err(Problem::Io)?;
    let target = base.join(relative);
    let resolved = match target.canonicalize() {
        Ok(resolved) => resolved,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Problem::NotFound);
        }
        Err(error) => return Err(Problem::Io(error)),
    };
    let Ok(inside) = resolved.strip_prefix(&base) else {
        return Err(Problem::SymlinkOutside(resolved));
    };
    // `.git/config` holds CI's credential; no hidden file or folder is
    // read, whichever way the path or a link leads to it.
    let hidden = |path: &Path| {
        path.components().any(
            |c| matches!(c, Component::Normal(name) if name.to_string_lossy().starts_with('.')),
        )
    };
    if hidden(inside) || hidden(relative) {
        return Err(Problem::Hidden);
    }
    if !resolved.is_file() {
        return Err(Problem::NotAFile);
    }
    Ok(resolved)
}

/// Source files kept in memory between loads of a ledger that changes often
/// (in an editor): a file is read again only when its size or modification
/// time changed.
#[derive(Debug, Default)]
pub struct SourceCache {
    files: Mutex<HashMap<PathBuf, CachedSource>>,
    reads: AtomicUsize,
}

#[derive(Debug)]
struct CachedSource {
    modified: Option<SystemTime>,
    size: u64,
    text: String,
}

impl SourceCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many times a source file was read from disk through this cache.
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::Relaxed)
    }

    /// Keeps only the files `keep` names, and frees the others: an editor
    /// calls it with the sources of the ledgers still open, so that the
    /// cache holds no more than they need.
    pub fn retain(&self, keep: &std::collections::HashSet<PathBuf>) {
        let mut files = self
            .files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.retain(|path, _| keep.contains(path));
        files.shrink_to_fit();
    }

    /// How many files the cache holds.
    pub fn len(&self) -> usize {
        self.files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }

    /// Whether the cache holds no file.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, path: &Path, modified: Option<SystemTime>, size: u64) -> Option<String> {
        let files = self
            .files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files
            .get(path)
            .filter(|cached| cached.modified == modified && cached.size == size)
            .map(|cached| cached.text.clone())
    }

    fn put(&self, path: &Path, modified: Option<SystemTime>, size: u64, text: &str) {
        self.reads.fetch_add(1, Ordering::Relaxed);
        let mut files = self
            .files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.insert(
            path.to_owned(),
            CachedSource {
                modified,
                size,
                text: text.to_owned(),
            },
        );
    }
}

/// Reads a resolved source file as text, within the limits, `already`
/// bytes of other sources having been read.
fn read_text(
    resolved: &Path,
    already: u64,
    cache: Option<&SourceCache>,
) -> Result<String, Problem> {
    let metadata = std::fs::metadata(resolved).map_err(Problem::Io)?;
    let size = metadata.len();
    if size > MAX_SOURCE_BYTES {
        return Err(Problem::TooLarge { size });
    }
    if already + size > MAX_TOTAL_SOURCE_BYTES {
        return Err(Problem::TotalTooLarge { size });
    }
    let modified = metadata.modified().ok();
    if let Some(text) = cache.and_then(|cache| cache.get(resolved, modified, size)) {
        return Ok(text);
    }
    let text = read_checked(resolved)?;
    if let Some(cache) = cache {
        cache.put(resolved, modified, size, &text);
    }
    Ok(text)
}

/// Reads a file that must be UTF-8 text without NUL bytes.
fn read_checked(resolved: &Path) -> Result<String, Problem> {
    let bytes = std::fs::read(resolved).map_err(Problem::Io)?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Problem::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|error| Problem::NotUtf8 {
        offset: error.utf8_error().valid_up_to(),
    })
}

/// `Path::parent` of `commitments.toml` is the empty path, which means ".".
fn base_dir(base: &Path) -> PathBuf {
    if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use crate::load::{SourceCache, load_cached};

    #[test]
    fn the_cache_reads_a_source_again_only_when_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sources")).unwrap();
        let article = dir.path().join("sources/a.txt");
        std::fs::write(&article, "the first text").unwrap();
        let ledger = "[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n\n[sources.a]\ntitle = \"A\"\nfile = \"sources/a.txt\"\n";
        let cache = SourceCache::new();
        let text_of_source = |loaded: &crate::load::Loaded| {
            let id = loaded.source_files["a"];
            loaded.files.text(id).to_owned()
        };
        for _ in 0..3 {
            let loaded = load_cached("commitments.toml", ledger.into(), dir.path(), &cache);
            assert_eq!(text_of_source(&loaded), "the first text");
        }
        assert_eq!(cache.reads(), 1, "three loads, one read");
        // A new size: read again.
        std::fs::write(&article, "a second, longer text").unwrap();
        let loaded = load_cached("commitments.toml", ledger.into(), dir.path(), &cache);
        assert_eq!(text_of_source(&loaded), "a second, longer text");
        assert_eq!(cache.reads(), 2);
    }

    /// The language server's cache grew with every source ever read (RSS
    /// 142 → 410 MB, and 356 MB after the document closed): it keeps only
    /// what the open ledgers read last.
    #[test]
    fn the_cache_frees_what_no_ledger_uses() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "the first text").unwrap();
        std::fs::write(dir.path().join("b.txt"), "the second text").unwrap();
        let ledger = |file: &str| {
            format!(
                "[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n\n[sources.a]\ntitle = \"A\"\nfile = \"{file}\"\n"
            )
        };
        let cache = SourceCache::new();
        let first = load_cached("commitments.toml", ledger("a.txt"), dir.path(), &cache);
        let second = load_cached("commitments.toml", ledger("b.txt"), dir.path(), &cache);
        assert_eq!(cache.len(), 2);
        assert_eq!(second.source_paths.len(), 1);
        // The ledger now names b.txt only: a.txt goes.
        cache.retain(&second.source_paths.iter().cloned().collect());
        assert_eq!(cache.len(), 1);
        drop(first);
        // The document is closed: nothing is kept.
        cache.retain(&std::collections::HashSet::new());
        assert!(cache.is_empty());
    }
}
