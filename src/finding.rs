//! Findings: what the loader and the rules report, and the files they point into.

use std::borrow::Cow;

use std::ops::Range;

use codespan_reporting::files::{Error as CodespanError, Files as CodespanFiles};

use crate::rule::Rule;
pub use crate::rule::Severity;
use crate::span::Span;
use crate::text::floor_char_boundary;

/// Identifies one file in [`Files`]. The ledger itself is always [`LEDGER_FILE`].
pub type FileId = usize;

/// The id of the ledger in the [`Files`] of a load.
pub const LEDGER_FILE: FileId = 0;

/// The texts that findings point into: the ledger, then any source files.
///
/// It is codespan's file database (it implements its `Files`), with the
/// line index kept as `u32`: a ledger of 100,000 commitments has 2.8 million
/// lines, and codespan's own `usize` index, grown by doubling, took 34 MB of
/// the peak where this takes 11 MB.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: Vec<File>,
}

/// One file: its name, its text, and where each of its lines starts.
#[derive(Debug, Clone)]
struct File {
    name: String,
    text: String,
    line_starts: Box<[u32]>,
}

impl File {
    fn new(name: String, text: String) -> Self {
        // A byte offset fits in `u32`: the loader reads no ledger over
        // 256 MiB and no source over 64 MiB. Past 4 GiB, the offsets would
        // saturate (wrong lines, never a panic).
        let offset = |byte: usize| u32::try_from(byte).unwrap_or(u32::MAX);
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| offset(at + 1)))
            .collect();
        File {
            name,
            text,
            line_starts,
        }
    }

    /// The byte where line `index` starts; the text's end for the line
    /// after the last.
    fn line_start(&self, index: usize) -> Result<usize, CodespanError> {
        match self.line_starts.get(index) {
            Some(&start) => Ok(start as usize),
            None if index == self.line_starts.len() => Ok(self.text.len()),
            None => Err(CodespanError::LineTooLarge {
                given: index,
                max: self.line_starts.len() - 1,
            }),
        }
    }
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
        self.files.push(File::new(name, text));
        self.files.len() - 1
    }

    /// How many files there are; their ids are `0..len()`.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The display name of a file.
    pub fn name(&self, file: FileId) -> &str {
        self.files.get(file).map_or("?", |f| f.name.as_str())
    }

    /// The text of a file.
    pub fn text(&self, file: FileId) -> &str {
        self.files.get(file).map_or("", |f| f.text.as_str())
    }

    /// `span` moved inside the file and onto character boundaries, so that
    /// slicing and rendering never fail.
    pub fn clamp(&self, file: FileId, span: Span) -> Span {
        let text = self.text(file);
        let start = floor_char_boundary(text, span.start());
        Span::new(start, floor_char_boundary(text, span.end()).max(start))
    }

    /// Line and column of a byte offset.
    pub fn position(&self, file: FileId, byte: usize) -> Position {
        let byte = self.clamp(file, Span::new(byte, byte)).start();
        match self.location(file, byte) {
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

    fn file(&self, id: FileId) -> Result<&File, CodespanError> {
        self.files.get(id).ok_or(CodespanError::FileMissing)
    }
}

impl<'a> CodespanFiles<'a> for Files {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, CodespanError> {
        Ok(self.file(id)?.name.as_str())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, CodespanError> {
        Ok(self.file(id)?.text.as_str())
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, CodespanError> {
        let byte = u32::try_from(byte_index).unwrap_or(u32::MAX);
        Ok(self
            .file(id)?
            .line_starts
            .binary_search(&byte)
            .unwrap_or_else(|next_line| next_line - 1))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, CodespanError> {
        let file = self.file(id)?;
        Ok(file.line_start(line_index)?..file.line_start(line_index + 1)?)
    }
}

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

/// The findings a command prints: at most so many of each rule, in order,
/// with how many more of each rule there are and the totals of them all.
#[derive(Debug, Default)]
pub struct Shortlist {
    /// The findings to print, in order.
    pub shown: Vec<Finding>,
    /// How many findings of each rule are not in `shown`, in code order.
    pub left_out: Vec<(&'static Rule, usize)>,
    /// Errors, shown or not.
    pub errors: usize,
    /// Warnings, shown or not.
    pub warnings: usize,
}

/// Findings of one rule left out before a [`Shortlist`] was made, at their
/// severity, counted.
pub type Dropped = Vec<(&'static Rule, Severity, usize)>;

impl Shortlist {
    /// `findings`, in their order, with at most `limit` of each rule shown
    /// (all with `None`).
    pub fn of(findings: Vec<Finding>, limit: Option<usize>) -> Self {
        Self::with_dropped(findings, limit, &[])
    }

    /// Like [`Shortlist::of`], where `dropped` were already left out.
    pub fn with_dropped(
        findings: Vec<Finding>,
        limit: Option<usize>,
        dropped: &[(&'static Rule, Severity, usize)],
    ) -> Self {
        let mut list = Shortlist::default();
        let mut more: Vec<(&'static Rule, usize)> = Vec::new();
        let mut count = |severity: Severity, n: usize| match severity {
            Severity::Error => list.errors += n,
            Severity::Warning => list.warnings += n,
        };
        for &(rule, severity, n) in dropped {
            count(severity, n);
            add_to(&mut more, rule, n);
        }
        let mut seen: Vec<(&'static Rule, usize)> = Vec::new();
        let mut shown = Vec::with_capacity(findings.len().min(limit.unwrap_or(usize::MAX)));
        for finding in findings {
            count(finding.severity, 1);
            let so_far = add_to(&mut seen, finding.rule, 1);
            if limit.is_none_or(|limit| so_far <= limit) {
                shown.push(finding);
            } else {
                add_to(&mut more, finding.rule, 1);
            }
        }
        more.sort_by_key(|(rule, _)| rule.code);
        list.shown = shown;
        list.left_out = more;
        list
    }
}

/// Adds `n` to `rule`'s count in `counts` (a few rules: a list is enough),
/// and returns the new count.
fn add_to(counts: &mut Vec<(&'static Rule, usize)>, rule: &'static Rule, n: usize) -> usize {
    match counts.iter_mut().find(|(r, _)| *r == rule) {
        Some((_, count)) => {
            *count += n;
            *count
        }
        None => {
            counts.push((rule, n));
            n
        }
    }
}

/// The order findings are printed in: the ledger's first, by file and
/// position, then by rule and message.
pub fn print_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let key = |f: &Finding| {
        (
            f.primary.file != LEDGER_FILE,
            f.primary.file,
            f.primary.span.start(),
            f.rule.code,
        )
    };
    key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
}

/// Where a rule's check reports its findings, their spans kept inside their
/// files. With a cap it keeps only the first `cap` in [`print_order`] (equal
/// ones as they came) and counts the others: `check` prints 100 of each
/// rule, and a rule with 56,000 findings need not hold them all.
#[derive(Debug)]
pub struct Findings<'a> {
    files: &'a Files,
    cap: Option<usize>,
    /// Every finding, without a cap.
    all: Vec<Finding>,
    /// The first `cap`, with a cap: the last of them on top.
    first: std::collections::BinaryHeap<Arrived>,
    arrived: usize,
    left_out: usize,
}

/// A finding and when it came, ordered by [`print_order`], then arrival.
#[derive(Debug)]
struct Arrived(Finding, usize);

impl PartialEq for Arrived {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Arrived {}

impl PartialOrd for Arrived {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Arrived {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        print_order(&self.0, &other.0).then(self.1.cmp(&other.1))
    }
}

impl<'a> Findings<'a> {
    /// Keeps every finding.
    pub fn all(files: &'a Files) -> Self {
        Self::with_cap(files, None)
    }

    /// Keeps at most `cap` (all with `None`).
    pub fn with_cap(files: &'a Files, cap: Option<usize>) -> Self {
        Findings {
            files,
            cap,
            all: Vec::new(),
            first: std::collections::BinaryHeap::new(),
            arrived: 0,
            left_out: 0,
        }
    }

    /// Reports a finding.
    pub fn push(&mut self, mut finding: Finding) {
        finding.primary.span = self.files.clamp(finding.primary.file, finding.primary.span);
        for label in &mut finding.secondary {
            label.span = self.files.clamp(label.file, label.span);
        }
        let Some(cap) = self.cap else {
            self.all.push(finding);
            return;
        };
        self.arrived += 1;
        let arrived = Arrived(finding, self.arrived);
        if self.first.len() < cap {
            self.first.push(arrived);
            return;
        }
        self.left_out += 1;
        if let Some(mut last) = self.first.peek_mut()
            && arrived < *last
        {
            *last = arrived;
        }
    }

    /// The findings kept, in the order they came, and how many were not.
    pub fn into_kept(self) -> (Vec<Finding>, usize) {
        if self.cap.is_none() {
            return (self.all, 0);
        }
        let mut first = self.first.into_vec();
        first.sort_unstable_by_key(|arrived| arrived.1);
        (
            first.into_iter().map(|arrived| arrived.0).collect(),
            self.left_out,
        )
    }
}

impl Extend<Finding> for Findings<'_> {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, findings: I) {
        for finding in findings {
            self.push(finding);
        }
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

#[cfg(test)]
mod tests {
    use codespan_reporting::files::{Files as _, SimpleFiles};

    use super::*;

    /// With a cap, only the first findings in print order are kept, in the
    /// order they came; equal ones are kept first come, first kept.
    #[test]
    fn a_capped_list_keeps_the_first_in_print_order_and_counts_the_rest() {
        static RULE: Rule = Rule {
            code: "C999",
            name: "test",
            default_level: crate::rule::Level::Warning,
            fixed_level: false,
            edit_help: None,
            summary: "",
            doc: "",
        };
        let mut files = Files::default();
        files.add("f".to_owned(), "x".repeat(100));
        let at = |start: usize, message: &str| {
            Finding::new(&RULE, Span::new(start, start + 1), message.to_owned())
        };
        let mut found = Findings::with_cap(&files, Some(3));
        for (start, message) in [
            (50, "e"),
            (10, "b"),
            (90, "f"),
            (10, "a"),
            (30, "c"),
            (10, "b2"),
            (500, "clamped"),
        ] {
            found.push(at(start, message));
        }
        let (kept, left_out) = found.into_kept();
        let kept: Vec<(usize, &str)> = kept
            .iter()
            .map(|f| (f.primary.span.start(), &*f.message))
            .collect();
        assert_eq!(kept, [(10, "b"), (10, "a"), (10, "b2")]);
        assert_eq!(left_out, 4);

        let mut found = Findings::with_cap(&files, Some(0));
        found.push(at(1, "a"));
        assert_eq!(found.into_kept().1, 1);

        let mut found = Findings::all(&files);
        found.extend([at(500, "z"), at(1, "a")]);
        let (kept, left_out) = found.into_kept();
        assert_eq!(
            (kept.len(), left_out, kept[0].primary.span),
            (2, 0, Span::new(100, 100))
        );
    }

    /// The `u32` line index answers as codespan's own file database does,
    /// which the renderer relied on before: for every byte of texts with
    /// and without a last line end, `\r\n`, empty lines and wide characters.
    #[test]
    fn lines_and_columns_are_codespans() {
        let texts = [
            "",
            "\n",
            "one",
            "one\n",
            "one\ntwo",
            "a\r\nb\r\n\r\nc",
            "\n\n\nx\n",
            "é\n中文\n𝄞 z\nlast",
        ];
        let mut ours = Files::default();
        let mut theirs = SimpleFiles::new();
        for (n, text) in texts.iter().enumerate() {
            ours.add(format!("f{n}"), (*text).to_owned());
            theirs.add(format!("f{n}"), (*text).to_owned());
        }
        for (id, text) in texts.iter().enumerate() {
            assert_eq!(CodespanFiles::name(&ours, id).unwrap(), format!("f{id}"));
            assert_eq!(CodespanFiles::source(&ours, id).unwrap(), *text);
            for byte in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(
                    ours.location(id, byte).unwrap(),
                    theirs.location(id, byte).unwrap(),
                    "{text:?} at {byte}"
                );
                let line = ours.line_index(id, byte).unwrap();
                assert_eq!(
                    ours.line_range(id, line).unwrap(),
                    theirs.line_range(id, line).unwrap()
                );
            }
            let lines = text.matches('\n').count() + 1;
            assert_eq!(
                ours.line_range(id, lines - 1).unwrap(),
                theirs.line_range(id, lines - 1).unwrap(),
                "the last line"
            );
            assert!(ours.line_range(id, lines).is_err());
            assert!(theirs.line_range(id, lines).is_err());
        }
        assert!(CodespanFiles::source(&ours, texts.len()).is_err());
        assert_eq!(ours.name(texts.len()), "?");
    }
}
