//! Load: ledger text → spanned [`Ledger`], plus the local source files it names.
//!
//! Syntax errors stop the load (a half-parsed file would mislead the rules).
//! Schema errors do not: a record that fails to load is left out and every
//! other record is still checked.

mod chunks;
mod events;
mod keys;
mod ledger_reader;
mod plain;
mod reader;
mod source_files;
mod translations_reader;
mod tree;
mod whole;
mod workspace_reader;

pub use keys::KNOWN_KEYS;
pub use source_files::SourceCache;
pub use whole::compare_parsers;
pub use workspace_reader::read_workspace;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::finding::{FileId, Files, Finding, LEDGER_FILE};
use crate::model::Ledger;
use crate::rules::{id_format, syntax};
use crate::span::Span;
use whole::{read_reference, read_whole};

/// The result of loading a ledger.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The ledger text ([`LEDGER_FILE`]) and every source file that was read.
    pub files: Files,
    /// The model; `None` when the file is not valid TOML.
    pub ledger: Option<Ledger>,
    /// `syntax`, `schema` and `source-file` findings, at default levels.
    pub findings: Vec<Finding>,
    /// Source id → its local copy in `files`.
    pub source_files: HashMap<String, FileId>,
    /// The resolved paths of the source files read, so that a cache of
    /// them can drop the ones no ledger uses any more.
    pub source_paths: Vec<std::path::PathBuf>,
    /// The ledgers of the workspace it was loaded in, when it was loaded
    /// in one (set by `workspace::load`).
    pub workspace: Option<std::sync::Arc<crate::model::Neighbours>>,
}

impl Loaded {
    /// The syntax and schema findings: with any of them, the ledger did not
    /// load well enough to be reported on or edited.
    pub fn blocking_findings(&self) -> Vec<Finding> {
        self.findings
            .iter()
            .filter(|f| f.rule.fixed_level)
            .cloned()
            .collect()
    }

    /// The ledger's headcount on `as_of` (zero when it did not parse).
    pub fn headcount(&self, as_of: chrono::NaiveDate) -> crate::model::Headcount {
        self.ledger
            .as_ref()
            .map(|ledger| ledger.headcount(as_of))
            .unwrap_or_default()
    }
}

/// Why a ledger could not be read at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// No file at that path.
    #[error(
        "cannot read ledger `{path}`: no such file (run it in a folder with a commitments.toml, or pass the path)"
    )]
    NotFound {
        /// The path given.
        path: PathBuf,
    },
    /// The path is a folder.
    #[error(
        "cannot read ledger `{path}`: it is a directory (pass the ledger file itself, such as {path_hint})"
    )]
    IsDirectory {
        /// The path given.
        path: PathBuf,
        /// `path/commitments.toml`, as a suggestion.
        path_hint: String,
    },
    /// A FIFO, socket or device.
    #[error("cannot read ledger `{path}`: not a regular file (pass the ledger file itself)")]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },
    /// Larger than [`MAX_LEDGER_BYTES`].
    #[error("cannot read ledger `{path}`: {size} bytes is more than the limit of {limit} bytes (256 MiB); split the ledger", limit = MAX_LEDGER_BYTES)]
    TooLarge {
        /// The path given.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// Any other I/O error, such as a permission problem.
    #[error("cannot read ledger `{path}`: {source}")]
    Io {
        /// The path given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The largest ledger `load_path` reads: 256 MiB. Larger files are refused
/// before they are read (the largest real datasets are well under this).
pub const MAX_LEDGER_BYTES: u64 = 256 * 1024 * 1024;

/// Reads and loads the ledger at `path`; its source files are resolved
/// relative to its folder.
pub fn load_path(path: &Path) -> Result<Loaded, ReadError> {
    use std::io::Read as _;
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound {
            path: path.to_owned(),
        },
        _ => ReadError::Io {
            path: path.to_owned(),
            source,
        },
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory {
            path: path.to_owned(),
            path_hint: path.join("commitments.toml").display().to_string(),
        });
    }
    // A FIFO or a device could block forever or never end.
    if !metadata.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_owned(),
        });
    }
    if metadata.len() > MAX_LEDGER_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
        });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_LEDGER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_LEDGER_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    let base = path.parent().map(Path::to_owned).unwrap_or_default();
    Ok(load_owned(&path.display().to_string(), bytes, Some(&base)))
}

/// Loads a ledger from bytes. With `base_dir`, source files named by the
/// ledger are read from there; without, quotes are not verified.
pub fn load_bytes(name: &str, bytes: &[u8], base_dir: Option<&Path>) -> Loaded {
    load_owned(name, bytes.to_vec(), base_dir)
}

/// [`load_bytes`] without copying the text.
pub fn load_owned(name: &str, bytes: Vec<u8>, base_dir: Option<&Path>) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(text) => load_text(name, text, base_dir, None, Split::Auto),
        Err(error) => {
            let mut loaded = Loaded::default();
            let valid = error.utf8_error().valid_up_to();
            let end = valid + error.utf8_error().error_len().unwrap_or(1);
            let lossy = String::from_utf8_lossy(error.as_bytes()).into_owned();
            loaded.files.add(name.to_owned(), lossy);
            // The lossy text has the same bytes up to `valid`; the bad bytes
            // became one U+FFFD (3 bytes) each, so the span stays in bounds.
            loaded
                .findings
                .push(syntax::not_utf8(Span::new(valid, end.min(valid + 3))));
            loaded
        }
    }
}

/// Loads with one parse of the whole text; reference behaviour for
/// [`chunks`], which must give the same ledger and findings.
pub fn load_whole(name: &str, bytes: &[u8], base_dir: Option<&Path>) -> Loaded {
    load_split(name, bytes, base_dir, Split::Whole)
}

/// Loads in chunks of about `chunk_bytes` whatever the ledger's size, to
/// compare with [`load_whole`] in tests and fuzzing.
#[doc(hidden)]
pub fn load_in_chunks(
    name: &str,
    bytes: &[u8],
    base_dir: Option<&Path>,
    chunk_bytes: usize,
) -> Loaded {
    load_split(name, bytes, base_dir, Split::Every(chunk_bytes))
}

/// How a ledger's text is split for parsing.
#[derive(Debug, Clone, Copy)]
enum Split {
    /// In chunks when it is large enough to pay off.
    Auto,
    /// Never.
    Whole,
    /// In chunks of about this many bytes, whatever the size.
    Every(usize),
    /// Never, and with the reference parser only.
    Reference,
}

fn load_split(name: &str, bytes: &[u8], base_dir: Option<&Path>, split: Split) -> Loaded {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_text(name, text.to_owned(), base_dir, None, split),
        Err(_) => load_bytes(name, bytes, base_dir),
    }
}

/// Loads a ledger's text as an editor holds it, reading its source files
/// through `cache` so that unchanged ones are not read again.
pub fn load_cached(name: &str, text: String, base_dir: &Path, cache: &SourceCache) -> Loaded {
    load_text(name, text, Some(base_dir), Some(cache), Split::Auto)
}

fn load_text(
    name: &str,
    text: String,
    base_dir: Option<&Path>,
    cache: Option<&SourceCache>,
    split: Split,
) -> Loaded {
    let mut loaded = Loaded::default();
    let id = loaded.files.add(name.to_owned(), text);
    debug_assert_eq!(id, LEDGER_FILE);
    let text = loaded.files.shared_text(LEDGER_FILE);
    let plan = match split {
        Split::Auto => chunks::plan(&text),
        Split::Whole | Split::Reference => None,
        Split::Every(chunk_bytes) => chunks::plan_with(&text, chunk_bytes),
    };
    let ledger = match (plan, split) {
        (Some(plan), _) => chunks::read(&text, &plan, &mut loaded.findings),
        (None, Split::Reference) => read_reference(&text, &mut loaded.findings),
        (None, _) => read_whole(&text, &mut loaded.findings),
    };
    if let Some(ledger) = &ledger {
        // Ids become file names, URLs and Markdown: an unsafe one stops
        // every output, as a syntax error does.
        id_format::check_ids(ledger, &mut loaded.findings);
    }
    if let (Some(ledger), Some(base)) = (&ledger, base_dir) {
        source_files::load(ledger, base, name, cache, &mut loaded);
    }
    loaded.ledger = ledger;
    loaded
}

/// Loads with the reference parser only: the `toml` crate's `DeTable`, read
/// whole. Tests and the fuzzer compare the default loader against it.
#[doc(hidden)]
pub fn load_reference(name: &str, bytes: &[u8], base_dir: Option<&Path>) -> Loaded {
    load_split(name, bytes, base_dir, Split::Reference)
}
