//! Findings: what the loader and the rules report, the files they point
//! into, where a rule reports them, and what a command prints of them.

use std::borrow::Cow;

use crate::rule::Rule;
pub use crate::rule::Severity;
use crate::span::Span;

mod files;
mod findings;
mod shortlist;

pub use files::{Files, Position};
pub use findings::{Findings, print_order};
pub use shortlist::{Dropped, Shortlist};

/// Identifies one file in [`Files`]. The ledger itself is always [`LEDGER_FILE`].
pub type FileId = usize;

/// The id of the ledger in the [`Files`] of a load.
pub const LEDGER_FILE: FileId = 0;

/// A span in a file with a short message under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The file the span is in.
    pub file: FileId,
    /// The bytes the label points at.
    pub span: Span,
    /// Short text printed under the carets: most are fixed words, kept
    /// without a copy (a large ledger can have a hundred thousand findings).
    pub message: Cow<'static, str>,
}

impl Label {
    /// A label in the ledger.
    pub fn ledger(span: Span, message: impl Into<Cow<'static, str>>) -> Self {
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
        self.primary.message = format!("did you mean `{word}`?").into();
        self.suggestion = Some(word.to_owned());
        self
    }

    /// Sets the text under the primary span.
    pub fn label(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.primary.message = message.into();
        self
    }

    /// Adds a secondary label in the ledger.
    pub fn with_secondary(mut self, span: Span, message: impl Into<Cow<'static, str>>) -> Self {
        push_one(&mut self.secondary, Label::ledger(span, message));
        self
    }

    /// Adds a secondary label in any file.
    pub fn with_label(mut self, label: Label) -> Self {
        push_one(&mut self.secondary, label);
        self
    }

    /// Adds a `help:` line.
    pub fn help(mut self, text: impl AsRef<str>) -> Self {
        push_one(&mut self.notes, format!("help: {}", text.as_ref()));
        self
    }

    /// Adds a `note:` line.
    pub fn note(mut self, text: impl AsRef<str>) -> Self {
        push_one(&mut self.notes, format!("note: {}", text.as_ref()));
        self
    }
}

/// Pushes onto a finding's list, making room for one item where the list is
/// empty: most findings have one note and at most one secondary label, and
/// a `Vec`'s first push would make room for four.
fn push_one<T>(list: &mut Vec<T>, item: T) {
    if list.capacity() == 0 {
        list.reserve_exact(1);
    }
    list.push(item);
}
