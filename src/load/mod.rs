//! Load: ledger text → spanned [`Ledger`], plus the local source files it names.
//!
//! Syntax errors stop the load (a half-parsed file would mislead the rules).
//! Schema errors do not: a record that fails to load is left out and every
//! other record is still checked.

mod chunks;
mod events;
mod reader;
mod source_files;
mod tree;

pub use source_files::SourceCache;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::finding::{FileId, Files, Finding, LEDGER_FILE};
use crate::model::{
    CheckerConfig, Citation, Commitment, DEFAULT_STALE_AFTER_DAYS, Evidence, Kind, Ledger,
    LedgerMeta, Measurement, Observation, Party, Precision, RuleLevel, Searched, Source, Status,
    Target, Update, WebEvidence,
};
use crate::rule::Level;
use crate::rules::{self, id_format, schema, syntax};
use crate::span::{Span, Spanned};
use reader::{
    Reader, TableReader, Value, any_string, array, boolean, choice, date, integer_in, number, text,
};
use tree::{TableItem, Tree};

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
    let text = loaded.files.text(LEDGER_FILE);
    let plan = match split {
        Split::Auto => chunks::plan(text),
        Split::Whole | Split::Reference => None,
        Split::Every(chunk_bytes) => chunks::plan_with(text, chunk_bytes),
    };
    let ledger = match (plan, split) {
        (Some(plan), _) => chunks::read(text, &plan, &mut loaded.findings),
        (None, Split::Reference) => read_reference(text, &mut loaded.findings),
        (None, _) => read_whole(text, &mut loaded.findings),
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

/// Parses the whole text at once with [`events`], or, when it has any
/// problem at all, with the reference parser, whose messages are the ones
/// users see. `None` after syntax errors.
fn read_whole(text: &str, findings: &mut Vec<Finding>) -> Option<Ledger> {
    match events::parse(text) {
        Some(tree) => Some(read_tree(&tree, findings)),
        None => read_reference(text, findings),
    }
}

/// Parses the whole text at once with the `toml` crate's own `DeTable`.
/// `None` after syntax errors.
fn read_reference(text: &str, findings: &mut Vec<Finding>) -> Option<Ledger> {
    let tree = parse_reference(text, findings)?;
    Some(read_tree(&tree, findings))
}

/// The reference tree of `text`, or its syntax errors.
fn parse_reference<'i>(text: &'i str, findings: &mut Vec<Finding>) -> Option<Tree<'i>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for error in errors {
            let span = error.span().map(Span::from).unwrap_or_default();
            findings.push(syntax::parse_error(text, span, error.message()));
        }
        return None;
    }
    // The parser leaves numbers as text; a malformed one is a syntax error.
    let bad_numbers = malformed_numbers(root.get_ref());
    if !bad_numbers.is_empty() {
        findings.extend(bad_numbers);
        return None;
    }
    Some(tree::from_detable(root.get_ref()))
}

/// The ledger in a whole document's tree.
fn read_tree(tree: &Tree<'_>, findings: &mut Vec<Finding>) -> Ledger {
    let mut out = Reader::at(0);
    let Some(root) = tree.root().as_table() else {
        return Ledger::default();
    };
    let mut ledger = read_ledger(root, &mut out);
    if let Some(value) =
        TableReader::new(root, Span::default(), String::new(), ROOT_KEYS).get("commitment")
    {
        read_commitments(value, 0, &mut ledger, &mut out);
    }
    extend_with_limit(findings, out.findings, out.left_out);
    ledger
}

/// Adds a read's findings, and when some were left out, one finding before
/// them that says how many.
pub(super) fn extend_with_limit(findings: &mut Vec<Finding>, read: Vec<Finding>, left_out: usize) {
    // First, so that it is seen before the errors it speaks of.
    if left_out > 0 {
        findings.push(crate::rules::schema::too_many(
            Span::new(0, 0),
            read.len(),
            left_out,
        ));
    }
    findings.extend(read);
}

/// Loads with the reference parser only: the `toml` crate's `DeTable`, read
/// whole. Tests and the fuzzer compare the default loader against it.
#[doc(hidden)]
pub fn load_reference(name: &str, bytes: &[u8], base_dir: Option<&Path>) -> Loaded {
    load_split(name, bytes, base_dir, Split::Reference)
}

/// Compares the two parsers on `text`: both refuse it, or both give the
/// same tree. The first difference, for tests and the fuzzer.
#[doc(hidden)]
pub fn compare_parsers(text: &str) -> Result<(), String> {
    let fast = events::parse(text);
    let reference = parse_reference(text, &mut Vec::new());
    match (fast, reference) {
        (None, None) => Ok(()),
        (Some(_), None) => Err("the event parser accepts a text the reference refuses".into()),
        (None, Some(_)) => Err("the event parser refuses a text the reference accepts".into()),
        (Some(fast), Some(reference)) => {
            let (fast, reference) = (fast.dump(), reference.dump());
            if fast == reference {
                return Ok(());
            }
            let line = fast
                .lines()
                .zip(reference.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(fast.lines().count().min(reference.lines().count()));
            Err(format!(
                "the trees differ at line {}: event parser {:?}, reference {:?}",
                line + 1,
                fast.lines().nth(line),
                reference.lines().nth(line)
            ))
        }
    }
}

/// Every integer or float literal that does not denote a number, such as
/// `0b` or an integer too large for 64 bits. Iterative, so that nesting depth
/// cannot overflow the stack.
fn malformed_numbers(root: &DeTable<'_>) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut pending: Vec<&toml::Spanned<DeValue<'_>>> = root.values().collect();
    while let Some(value) = pending.pop() {
        match value.get_ref() {
            DeValue::Integer(int) => {
                if i64::from_str_radix(int.as_str(), int.radix()).is_err() {
                    found.push(syntax::bad_number(Span::from(value.span()), "integer"));
                }
            }
            DeValue::Float(float) => {
                if float.as_str().parse::<f64>().is_err() {
                    found.push(syntax::bad_number(Span::from(value.span()), "float"));
                }
            }
            DeValue::Array(items) => pending.extend(items.iter()),
            DeValue::Table(table) => pending.extend(table.values()),
            DeValue::String(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {}
        }
    }
    found.sort_by_key(|finding| finding.primary.span.start);
    found
}

/// Every table of the format with the keys it accepts, for documentation
/// and tests.
pub const KNOWN_KEYS: &[(&str, &[&str])] = &[
    ("(top level)", ROOT_KEYS),
    ("ledger", LEDGER_KEYS),
    ("parties.ID", PARTY_KEYS),
    ("sources.ID", SOURCE_KEYS),
    ("commitment", COMMITMENT_KEYS),
    ("evidence", EVIDENCE_KEYS),
    ("commitment.update", UPDATE_KEYS),
    ("commitment.target", TARGET_KEYS),
    ("commitment.target.baseline", BASELINE_KEYS),
    ("commitment.target.observation", OBSERVATION_KEYS),
    ("commitment.searched", SEARCHED_KEYS),
    ("checker", CHECKER_KEYS),
];

const ROOT_KEYS: &[&str] = &["ledger", "parties", "sources", "commitment", "checker"];
const LEDGER_KEYS: &[&str] = &["title", "reviewed", "stale_after_days", "description"];
const PARTY_KEYS: &[&str] = &["name"];
const SOURCE_KEYS: &[&str] = &["title", "publisher", "published", "file", "url", "language"];
const COMMITMENT_KEYS: &[&str] = &[
    "id",
    "title",
    "parties",
    "by",
    "asks",
    "area",
    "kind",
    "made",
    "due",
    "due_source",
    "due_estimate",
    "due_precision",
    "parent",
    "status",
    "source",
    "notes",
    "target",
    "update",
    "searched",
];
const CITATION_KEYS: &[&str] = &["ref", "quote"];
const WEB_KEYS: &[&str] = &["url", "quote", "title", "published"];
const EVIDENCE_KEYS: &[&str] = &["ref", "url", "quote", "title", "published"];
const UPDATE_KEYS: &[&str] = &["date", "status", "note", "evidence"];
const TARGET_KEYS: &[&str] = &["metric", "unit", "baseline", "goal", "observation"];
const BASELINE_KEYS: &[&str] = &["value", "date", "date_estimated", "note", "evidence"];
const OBSERVATION_KEYS: &[&str] = &["value", "date", "date_estimated", "note", "evidence"];
const SEARCHED_KEYS: &[&str] = &["date", "for"];
const CHECKER_KEYS: &[&str] = &["levels"];

/// Everything but the commitments: `[ledger]`, parties, sources, checker,
/// and unknown keys at the top level.
fn read_ledger(root: TableItem<'_>, out: &mut Reader) -> Ledger {
    let root = TableReader::new(
        root,
        Span::default(),
        "the ledger file".to_owned(),
        ROOT_KEYS,
    );
    let meta = match root.get("ledger") {
        Some(value) => TableReader::of(value, "ledger", "`[ledger]`".to_owned(), LEDGER_KEYS, out)
            .and_then(|table| read_meta(table, out)),
        None => {
            out.push(schema::missing_ledger_table(Span::default()));
            None
        }
    };
    let mut ledger = Ledger {
        meta,
        ..Ledger::default()
    };
    if let Some(value) = root.get("parties") {
        each_entry(value, "parties", out, |id, value, out| {
            let table = TableReader::of(
                value,
                &id.value,
                format!("party `{}`", id.value),
                PARTY_KEYS,
                out,
            )?;
            let name = table.required("name", "\"...\"", out, text);
            table.finish(out);
            ledger.parties.push(Party { id, name: name? });
            Some(())
        });
    }
    if let Some(value) = root.get("sources") {
        each_entry(value, "sources", out, |id, value, out| {
            let table = TableReader::of(
                value,
                &id.value,
                format!("source `{}`", id.value),
                SOURCE_KEYS,
                out,
            )?;
            let source = read_source(id, &table, out);
            table.finish(out);
            ledger.sources.push(source?);
            Some(())
        });
    }
    if let Some(value) = root.get("checker")
        && let Some(checker) = TableReader::of(
            value,
            "checker",
            "`[checker]`".to_owned(),
            CHECKER_KEYS,
            out,
        )
    {
        if let Ok(Some(levels)) = checker.optional("levels", out, read_levels) {
            ledger.checker = CheckerConfig { levels };
        }
        checker.finish(out);
    }
    root.finish(out);
    ledger
}

fn read_meta(table: TableReader<'_>, out: &mut Reader) -> Option<LedgerMeta> {
    let title = table.required("title", "\"...\"", out, text);
    let reviewed = table.required("reviewed", "2025-11-30", out, date);
    let stale_after_days = table.optional("stale_after_days", out, |v, k, out| {
        integer_in(v, k, 1, 36_500, out).map(|n| Spanned::new(n.value as u32, n.span))
    });
    let description = table.optional("description", out, text);
    let span = table.span;
    table.finish(out);
    Some(LedgerMeta {
        title: title?,
        reviewed: reviewed?,
        stale_after_days: stale_after_days
            .ok()?
            .unwrap_or(Spanned::new(DEFAULT_STALE_AFTER_DAYS, span)),
        description: description.ok()?,
        span,
    })
}

/// Calls `read` for each `ID = { ... }` entry of a table such as `[parties]`.
fn each_entry<'t>(
    value: Value<'t>,
    key: &str,
    out: &mut Reader,
    mut read: impl FnMut(Spanned<String>, Value<'t>, &mut Reader) -> Option<()>,
) {
    match value.as_table() {
        Some(table) => {
            for (id, id_span, value) in table.iter() {
                read(Spanned::new(id.to_owned(), out.shift(id_span)), value, out);
            }
        }
        None => out.push(schema::wrong_type(
            out.span_of(value),
            key,
            "a table",
            "something else",
        )),
    }
}

fn read_source(id: Spanned<String>, table: &TableReader<'_>, out: &mut Reader) -> Option<Source> {
    let title = table.required("title", "\"...\"", out, text);
    let publisher = table.optional("publisher", out, text);
    let published = table.optional("published", out, date);
    let file = table.optional("file", out, text);
    let url = table.optional("url", out, text);
    let language = table.optional("language", out, text);
    if matches!((&file, &url), (Ok(None), Ok(None))) {
        out.push(schema::source_without_location(table.span, &id.value));
        return None;
    }
    Some(Source {
        id,
        title: title?,
        publisher: publisher.ok()?,
        published: published.ok()?,
        file: file.ok()?,
        url: url.ok()?,
        language: language.ok()?,
        span: table.span,
    })
}

/// Reads the `[[commitment]]` array; `first_index` numbers commitments
/// without a readable id in messages ("commitment #12").
fn read_commitments(value: Value<'_>, first_index: usize, ledger: &mut Ledger, out: &mut Reader) {
    let Some(items) = value.as_array() else {
        out.push(
            schema::wrong_type(
                out.span_of(value),
                "commitment",
                "an array of tables",
                "a single table",
            )
            .help("write each commitment under its own `[[commitment]]` header, with two brackets"),
        );
        return;
    };
    for (index, item) in items.enumerate() {
        let id = item
            .as_table()
            .and_then(|table| table.get("id"))
            .and_then(|id| id.as_str())
            .map(str::to_owned);
        let what = match &id {
            Some(id) => format!("commitment `{id}`"),
            None => format!("commitment #{}", first_index + index + 1),
        };
        let Some(table) = TableReader::of(item, "commitment", what, COMMITMENT_KEYS, out) else {
            continue;
        };
        match read_commitment(&table, out) {
            Some(commitment) => ledger.commitments.push(commitment),
            None => ledger.incomplete_ids.extend(id),
        }
        table.finish(out);
    }
}

fn read_commitment(table: &TableReader<'_>, out: &mut Reader) -> Option<Commitment> {
    let id = table.required("id", "\"kebab-case-id\"", out, text);
    let title = table.required("title", "\"...\"", out, text);
    let parties = table.required("parties", "[\"...\"]", out, |v, k, out| {
        let parties = array(v, k, out, |item, _, out| text(item, "parties", out))?;
        if parties.is_empty() {
            out.push(schema::empty_list(out.span_of(v), k));
            return None;
        }
        Some(parties)
    });
    let party_list = |v: Value<'_>, k: &str, out: &mut Reader| {
        let list = array(v, k, out, |item, _, out| text(item, k, out))?;
        if list.is_empty() {
            out.push(schema::empty_list(out.span_of(v), k));
            return None;
        }
        Some(list)
    };
    let by = table.optional("by", out, party_list);
    let asks = table.optional("asks", out, party_list);
    let area = table.optional("area", out, text);
    let kind = table.required("kind", "\"deliverable\"", out, |v, k, out| {
        choice(v, k, &Kind::ALL, Kind::as_str, out)
    });
    let made = table.required("made", "2024-06-28", out, date);
    let due = table.optional("due", out, date);
    let due_source = table.optional("due_source", out, |v, _, out| read_evidence(v, out));
    let due_estimate = table.optional("due_estimate", out, text);
    let due_precision = table.optional("due_precision", out, |v, k, out| {
        choice(v, k, &Precision::ALL, Precision::as_str, out)
    });
    let parent = table.optional("parent", out, text);
    let status = table.required("status", "\"announced\"", out, status);
    let source = table.required(
        "source",
        "{ ref = \"SOURCE-ID\", quote = \"...\" }",
        out,
        |v, k, out| {
            let reader = TableReader::of(v, k, "`source`".to_owned(), CITATION_KEYS, out)?;
            let citation = read_citation(&reader, out);
            reader.finish(out);
            citation
        },
    );
    let notes = table.optional("notes", out, text);
    let target = table.optional("target", out, |v, k, out| {
        let reader = TableReader::of(v, k, "`target`".to_owned(), TARGET_KEYS, out)?;
        let target = read_target(&reader, out);
        reader.finish(out);
        target
    });
    let updates = table.optional("update", out, |v, k, out| {
        array(v, k, out, |item, _, out| {
            let reader = TableReader::of(item, k, "update".to_owned(), UPDATE_KEYS, out)?;
            let update = read_update(&reader, out);
            reader.finish(out);
            update
        })
    });
    let searched = table.optional("searched", out, |v, k, out| {
        let reader = TableReader::of(v, k, "`searched`".to_owned(), SEARCHED_KEYS, out)?;
        let date = reader.required("date", "2025-11-30", out, date);
        let what = reader.required("for", "\"what was looked for, and where\"", out, text);
        let span = reader.span;
        reader.finish(out);
        Some(Searched {
            date: date?,
            what: what?,
            span,
        })
    });
    Some(Commitment {
        id: id?,
        title: title?,
        parties: parties?,
        by: by.ok()?,
        asks: asks.ok()?,
        area: area.ok()?,
        kind: kind?,
        made: made?,
        due: due.ok()?,
        due_source: due_source.ok()?,
        due_estimate: due_estimate.ok()?,
        due_precision: due_precision.ok()?,
        parent: parent.ok()?,
        status: status?,
        source: source?,
        notes: notes.ok()?,
        target: target.ok()?,
        updates: updates.ok()?.unwrap_or_default(),
        searched: searched.ok()?,
        span: table.span,
    })
}

fn status(value: Value<'_>, key: &str, out: &mut Reader) -> Option<Spanned<Status>> {
    choice(value, key, &Status::ALL, Status::as_str, out)
}

fn read_citation(table: &TableReader<'_>, out: &mut Reader) -> Option<Citation> {
    let source_ref = table.required("ref", "\"SOURCE-ID\"", out, text);
    let quote = table.required("quote", "\"...\"", out, text);
    Some(Citation {
        source_ref: source_ref?,
        quote: quote?,
    })
}

fn read_evidence(value: Value<'_>, out: &mut Reader) -> Option<Evidence> {
    let Some(table) = value.as_table() else {
        out.push(schema::wrong_type(
            out.span_of(value),
            "evidence",
            "a table such as { url = \"...\", quote = \"...\" }",
            "something else",
        ));
        return None;
    };
    let span = out.span_of(value);
    let what = "evidence".to_owned();
    match (table.contains_key("ref"), table.contains_key("url")) {
        (true, false) => {
            let reader = TableReader::new(table, span, what, CITATION_KEYS);
            let citation = read_citation(&reader, out);
            reader.finish(out);
            Some(Evidence::Source(citation?))
        }
        (false, true) => {
            let reader = TableReader::new(table, span, what, WEB_KEYS);
            let url = reader.required("url", "", out, text);
            let quote = reader.required("quote", "\"...\"", out, text);
            let title = reader.optional("title", out, text);
            let published = reader.optional("published", out, date);
            reader.finish(out);
            Some(Evidence::Web(WebEvidence {
                url: url?,
                quote: quote?,
                title: title.ok()?,
                published: published.ok()?,
            }))
        }
        (both, _) => {
            out.push(schema::evidence_shape(span, both));
            TableReader::new(table, span, what, EVIDENCE_KEYS).finish(out);
            None
        }
    }
}

fn read_evidence_list(value: Value<'_>, key: &str, out: &mut Reader) -> Option<Vec<Evidence>> {
    array(value, key, out, |item, _, out| read_evidence(item, out))
}

fn read_update(table: &TableReader<'_>, out: &mut Reader) -> Option<Update> {
    let date = table.required("date", "2024-11-14", out, date);
    let status = table.required("status", "\"in_progress\"", out, status);
    let note = table.required("note", "\"what happened\"", out, any_string);
    let evidence = table.optional("evidence", out, read_evidence_list);
    Some(Update {
        date: date?,
        status: status?,
        note: note?,
        evidence: evidence.ok()?.unwrap_or_default(),
        span: table.span,
    })
}

fn read_measurement(table: &TableReader<'_>, out: &mut Reader) -> Option<Measurement> {
    let value = table.required("value", "0", out, number);
    let date = table.required("date", "2024-06-28", out, date);
    let date_estimated = table.optional("date_estimated", out, boolean);
    let note = table.optional("note", out, text);
    Some(Measurement {
        value: value?,
        date: date?,
        date_estimated: date_estimated.ok()?.is_some_and(|b| b.value),
        note: note.ok()?,
        span: table.span,
    })
}

/// A dated count with its evidence: an observation, or a baseline.
fn read_observation(table: &TableReader<'_>, out: &mut Reader) -> Option<Observation> {
    let measurement = read_measurement(table, out);
    let evidence = table.optional("evidence", out, read_evidence_list);
    Some(Observation {
        measurement: measurement?,
        evidence: evidence.ok()?.unwrap_or_default(),
    })
}

fn read_target(table: &TableReader<'_>, out: &mut Reader) -> Option<Target> {
    let metric = table.required("metric", "\"...\"", out, text);
    let unit = table.required("unit", "\"...\"", out, text);
    let baseline = table.optional("baseline", out, |v, k, out| {
        let reader = TableReader::of(v, k, "`baseline`".to_owned(), BASELINE_KEYS, out)?;
        let baseline = read_observation(&reader, out);
        reader.finish(out);
        baseline
    });
    let goal = table.optional("goal", out, number);
    let observations = table.optional("observation", out, |v, k, out| {
        array(v, k, out, |item, _, out| {
            let reader = TableReader::of(item, k, "observation".to_owned(), OBSERVATION_KEYS, out)?;
            let observation = read_observation(&reader, out);
            reader.finish(out);
            observation
        })
    });
    Some(Target {
        metric: metric?,
        unit: unit?,
        baseline: baseline.ok()?,
        goal: goal.ok()?,
        observations: observations.ok()?.unwrap_or_default(),
        span: table.span,
    })
}

fn read_levels(value: Value<'_>, key: &str, out: &mut Reader) -> Option<Vec<RuleLevel>> {
    let Some(table) = value.as_table() else {
        out.push(schema::wrong_type(
            out.span_of(value),
            key,
            "a table of rule = \"level\"",
            "something else",
        ));
        return None;
    };
    let mut levels = Vec::new();
    for (rule_key, key_span, level) in table.iter() {
        let name = Spanned::new(rule_key.to_owned(), out.shift(key_span));
        let level = choice(level, "level", &Level::ALL, Level::as_str, out);
        match rules::find(&name.value) {
            None => out.push(schema::unknown_rule(
                name.span,
                &name.value,
                rules::suggest(&name.value),
            )),
            Some(rule) if rule.fixed_level => out.push(schema::fixed_level(name.span, rule)),
            Some(rule) => levels.extend(level.map(|level| RuleLevel { name, rule, level })),
        }
    }
    Some(levels)
}
