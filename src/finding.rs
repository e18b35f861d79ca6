//! Findings: what the loader and the rules report, and the files they point into.

use codespan_reporting::files::{Files as _, SimpleFiles};

use crate::rule::Rule;
pub use crate::rule::Severity;
use crate::span::Span;
use crate::text::floor_char_boundary;

/// Identifies one file in [`Files`]. The ledger itself is always [`LEDGER_FILE`].
pub type FileId = usize;

/// The id of the ledger in the [`Files`] of a load.
pub const LEDGER_FILE: FileId = 0;

/// The texts that findings point into: the ledger, then any source files.
#[derive(Debug, Clone, Default)]
pub struct Files {
    inner: SimpleFiles<String, String>,
    count: usize,
}

/// A 1-based line and column (in characters) in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Files {
    /// Adds a file and returns its id.
    pub fn add(&mut self, name: String, text: String) -> FileId {
        self.count += 1;
        self.inner.add(name, text)
    }

    /// How many files there are; their ids are `0..len()`.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The display name of a file.
    pub fn name(&self, file: FileId) -> &str {
        self.inner
            .get(file)
            .map(|f| f.name().as_str())
            .unwrap_or("?")
    }

    /// The text of a file.
    pub fn text(&self, file: FileId) -> &str {
        self.inner
            .get(file)
            .map(|f| f.source().as_str())
            .unwrap_or("")
    }

    /// `span` moved inside the file and onto character boundaries, so that
    /// slicing and rendering never fail.
    pub fn clamp(&self, file: FileId, span: Span) -> Span {
        let text = self.text(file);
        let start = floor_char_boundary(text, span.start);
        Span::new(start, floor_char_boundary(text, span.end).max(start))
    }

    /// Line and column of a byte offset.
    pub fn position(&self, file: FileId, byte: usize) -> Position {
        let byte = self.clamp(file, Span::new(byte, byte)).start;
        match self.inner.location(file, byte) {
            Ok(location) => Position {
                line: location.line_number,
                column: location.column_number,
            },
            Err(_) => Position { line: 1, column: 1 },
        }
    }

    /// The text under a span.
    pub fn snippet(&self, file: FileId, span: Span) -> &str {
        let span = self.clamp(file, span);
        &self.text(file)[span.range()]
    }

    pub(crate) fn codespan(&self) -> &SimpleFiles<String, String> {
        &self.inner
    }
}

/// A span in a file with a short message under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The file the span is in.
    pub file: FileId,
    /// The bytes the label points at.
    pub span: Span,
    /// Short text printed under the carets.
    pub message: String,
}

impl Label {
    /// A label in the ledger.
    pub fn ledger(span: Span, message: impl Into<String>) -> Self {
        Label {
            file: LEDGER_FILE,
            span,
            message: message.into(),
        }
    }
}

/// One thing a rule found.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule that found it.
    pub rule: &'static Rule,
    /// Its severity after levels were applied.
    pub severity: Severity,
    /// One sentence that says what is wrong.
    pub message: String,
    /// The place that is wrong.
    pub primary: Label,
    /// Related places, such as the first of two duplicate ids.
    pub secondary: Vec<Label>,
    /// `help:` and `note:` lines that say what to do.
    pub notes: Vec<String>,
    /// The word the "did you mean" label proposes, to put in place of the
    /// primary span (an editor offers it as a fix).
    pub suggestion: Option<String>,
}

impl Finding {
    /// A finding of `rule` at its default level, pointing at `span` in the ledger.
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.default_level.severity().unwrap_or(Severity::Warning),
            message: message.into(),
            primary: Label::ledger(span, ""),
            secondary: Vec::new(),
            notes: Vec::new(),
            suggestion: None,
        }
    }

    /// Labels the primary span "did you mean `word`?" and records `word` as
    /// its fix.
    pub fn did_you_mean(mut self, word: &str) -> Self {
        self.primary.message = format!("did you mean `{word}`?");
        self.suggestion = Some(word.to_owned());
        self
    }

    /// Sets the text under the primary span.
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    /// Adds a secondary label in the ledger.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::ledger(span, message));
        self
    }

    /// Adds a secondary label in any file.
    pub fn with_label(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }

    /// Adds a `help:` line.
    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.notes.push(format!("help: {}", text.into()));
        self
    }

    /// Adds a `note:` line.
    pub fn note(mut self, text: impl Into<String>) -> Self {
        self.notes.push(format!("note: {}", text.into()));
        self
    }
}
