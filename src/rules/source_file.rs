//! C003 `source-file`: a source's local `file` cannot be used.

use std::path::Path;

use crate::finding::Finding;
use crate::rule::{Level, Rule};
use crate::span::Span;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C003",
    name: "source-file",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "a source's `file` is outside the ledger's folder, missing or unreadable",
    doc: "\
## What it checks

That the `file` of every `[sources.ID]` names a readable UTF-8 text file
inside the ledger's folder. An absolute path, a `..` that climbs out of the
folder, a symbolic link that leads out, a file in a hidden folder (`.git`,
`.ssh`) or a hidden file, and the ledger itself are refused before the file
is opened: the file it names is never read.

## Why

Quotes are verified against these files, so a missing file would leave quotes
unchecked. Refusing paths that lead out keeps a ledger from a pull request
from reading files elsewhere on the machine that runs the checker. A hidden
folder inside the ledger's folder holds things like `.git/config`, where CI
keeps the credential it checked the repository out with: a near-miss quote
would show its \"closest passage\" in the checker's output.

## Example

```toml
[sources.xinhua-2024-06-28]
title = \"China ready to advance comprehensive strategic partnership with Peru to new heights: Xi\"
file = \"../../etc/passwd\"   # leads out of the ledger's folder
```
",
};

// One constructor per way a source file can fail to be read; the loader
// (`load/source_files.rs`) decides which applies.

const KEEP_INSIDE: &str =
    "copy the source into the ledger's folder (for example `sources/`) and give its relative path";

/// `file = ".git/config"`, or a hidden file, or a link that leads to one.
pub(crate) fn hidden(span: Span, written: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is hidden, or in a hidden folder such as `.git`"),
    )
    .label("a hidden file or folder")
    .help("keep sources in a visible folder such as `sources/`")
    .note("the file was not read, so nothing of it is shown")
}

/// `file = "commitments.toml"`: the ledger itself.
pub(crate) fn is_ledger(span: Span, written: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is the ledger itself"),
    )
    .label("the ledger")
    .help("a source is a document the ledger quotes: copy it into `sources/`")
    .note("the file was not read")
}

/// `file = "/etc/..."`.
pub(crate) fn absolute(span: Span, written: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is an absolute path"),
    )
    .label("absolute path")
    .help(KEEP_INSIDE)
    .note("the file was not read")
}

/// `file = "../../..."`, leading out of the ledger's folder.
pub(crate) fn escapes(span: Span, written: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is outside the ledger's folder"),
    )
    .label("`..` leads out of the ledger's folder")
    .help(KEEP_INSIDE)
    .note("the file was not read")
}

/// A symbolic link that resolves outside the ledger's folder.
pub(crate) fn symlink_outside(span: Span, written: &str, resolved: &Path) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is a link that leads outside the ledger's folder"),
    )
    .label(format!("resolves to {}", resolved.display()))
    .help(KEEP_INSIDE)
    .note("the file was not read")
}

/// No file there.
pub(crate) fn not_found(span: Span, written: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` does not exist"),
    )
    .label("no such file")
    .help("the path is relative to the folder of the ledger; check its spelling, or add the file")
}

/// A directory or another thing that is not a regular file.
pub(crate) fn not_a_file(span: Span, written: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is not a file"),
    )
    .label("a directory, not a file")
    .help("name the text file itself")
}

/// Bytes that are not UTF-8, the first at `offset`.
pub(crate) fn not_utf8(span: Span, written: &str, offset: usize) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is not UTF-8 text"),
    )
    .label(format!("invalid UTF-8 at byte {offset} of the file"))
    .help("save the local copy as UTF-8 plain text so quotes can be verified")
}

/// A NUL byte at `offset`: a binary file.
pub(crate) fn binary(span: Span, written: &str, offset: usize) -> Finding {
    Finding::new(&RULE, span, format!("source file `{written}` is binary, not text"))
        .label(format!("a NUL byte at byte {offset} of the file"))
        .help("keep a plain-text copy of the source (for a PDF, its extracted text) so quotes can be verified")
}

/// Over the size limit.
pub(crate) fn too_large(span: Span, written: &str, size: u64) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` is {size} bytes, more than the limit of 64 MiB"),
    )
    .label("too large")
    .help("keep only the text of the document")
    .note("the file was not read")
}

/// Reading it would take the ledger's source files over their total limit.
pub(crate) fn total_too_large(span: Span, written: &str, size: u64, limit: u64) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!(
            "source file `{written}` ({size} bytes) would take the sources over their limit of {} MiB together",
            limit / (1024 * 1024)
        ),
    )
    .label("not read")
    .help("keep only the text of each document, or split the ledger")
    .note("the file was not read; quotes of it are not verified")
}

/// Any other failure to read it.
pub(crate) fn unreadable(span: Span, written: &str, error: &std::io::Error) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source file `{written}` cannot be read: {error}"),
    )
    .label("unreadable")
    .help("check the file's permissions")
}
