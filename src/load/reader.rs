//! Typed reading of spanned TOML values, with every problem reported.
//!
//! Each reader returns `None` after pushing a `schema` finding, so callers
//! can read every field of a record before deciding whether it loaded.

use std::sync::Arc;

use chrono::NaiveDate;

use super::tree::{Item, TableItem, Value as TomlValue};
use crate::finding::Finding;
use crate::model::SharedStr;
use crate::rules::schema;
use crate::span::{Span, Spanned};
use crate::suggest;

/// A value of the parsed document.
pub(crate) type Value<'t> = Item<'t>;

/// Where the readers of a parsed TOML document put what is wrong with it:
/// a sink of findings. Spans are shifted by `offset`: a chunk of a large
/// ledger is parsed on its own, so its spans start at 0, not where the
/// chunk starts in the ledger.
#[derive(Debug, Default)]
pub(crate) struct FindingSink {
    offset: usize,
    /// The whole text being read: a string read without escapes is a
    /// range of it, not a copy.
    text: Arc<String>,
    /// What is wrong, in the order it was found: the first
    /// [`MAX_FINDINGS`].
    pub findings: Vec<Finding>,
    /// How many more were found and not kept.
    pub left_out: usize,
}

/// The most findings one read keeps; the rest are counted. A megabyte of
/// `{}` gave 2.3 million findings and 2 GB of memory.
pub(crate) const MAX_FINDINGS: usize = 10_000;

/// Appends `more` findings (and `more_left_out` not kept) to `findings`
/// (with `left_out` not kept), keeping the first [`MAX_FINDINGS`] in order.
pub(crate) fn merge_findings(
    findings: &mut Vec<Finding>,
    left_out: &mut usize,
    more: Vec<Finding>,
    more_left_out: usize,
) {
    let room = MAX_FINDINGS.saturating_sub(findings.len());
    *left_out += more_left_out + more.len().saturating_sub(room);
    findings.extend(more.into_iter().take(room));
}

impl FindingSink {
    /// A sink for the findings of the part of `text` that starts `offset`
    /// bytes into it.
    pub fn at(text: &Arc<String>, offset: usize) -> Self {
        FindingSink {
            offset,
            text: Arc::clone(text),
            findings: Vec::new(),
            left_out: 0,
        }
    }

    /// A string of the text being read, as the model keeps it: a range of
    /// the text when it is one (written without escapes), else a copy.
    pub fn string(&self, part: &str) -> SharedStr {
        SharedStr::within(&self.text, part)
    }

    /// Where `value` was written in the ledger.
    pub fn span_of(&self, value: Value<'_>) -> Span {
        self.shift(value.span())
    }

    /// A span of the parsed text as a span of the ledger.
    pub fn shift(&self, span: Span) -> Span {
        Span::new(span.start() + self.offset, span.end() + self.offset)
    }

    /// Reports a finding made only if it will be kept: past the limit, a
    /// megabyte of empty tables would make two million messages to drop.
    pub fn push_with(&mut self, finding: impl FnOnce(&Self) -> Finding) {
        if self.findings.len() >= MAX_FINDINGS {
            self.left_out += 1;
            return;
        }
        let finding = finding(self);
        self.findings.push(finding);
    }

    /// Reports a finding.
    pub fn push(&mut self, finding: Finding) {
        if self.findings.len() >= MAX_FINDINGS {
            self.left_out += 1;
            return;
        }
        self.findings.push(finding);
    }
}

/// The keys of one TOML table, read once each; unknown keys are reported
/// when the reader is finished.
pub(crate) struct TableReader<'t> {
    table: TableItem<'t>,
    /// Where to point when a key is missing.
    pub span: Span,
    /// How messages name this table, such as "commitment `chancay-harbor`".
    pub what: String,
    known: &'static [&'static str],
    /// Whether some key of the table is not in `known`, found at the first
    /// missing key: only then can a misspelling stand in for it, and most
    /// tables have none, so a missing optional key costs no scan.
    has_unknown: std::cell::OnceCell<bool>,
    /// The entries (of the first 64) that `get` found by their own name:
    /// known keys, which `finish` need not look for in `known`.
    found: std::cell::Cell<u64>,
}

impl<'t> TableReader<'t> {
    pub fn new(
        table: TableItem<'t>,
        span: Span,
        what: String,
        known: &'static [&'static str],
    ) -> Self {
        TableReader {
            table,
            span,
            what,
            known,
            has_unknown: std::cell::OnceCell::new(),
            found: std::cell::Cell::new(0),
        }
    }

    /// Reads `value` as a table, or reports it.
    pub fn of(
        value: Value<'t>,
        key: &str,
        what: String,
        known: &'static [&'static str],
        sink: &mut FindingSink,
    ) -> Option<Self> {
        match value.as_table() {
            Some(table) => Some(TableReader::new(table, sink.span_of(value), what, known)),
            None => {
                sink.push(schema::wrong_type(
                    sink.span_of(value),
                    key,
                    "a table",
                    &value.describe(),
                ));
                None
            }
        }
    }

    /// The value of `key`. A misspelled key that suggests `key` stands in for
    /// it, so that one typo is reported once (as an unknown key), not twice.
    pub fn get(&self, key: &str) -> Option<Value<'t>> {
        debug_assert!(self.known.contains(&key), "`{key}` is not in `known`");
        if let Some((position, value)) = self.table.get_with_position(key) {
            if position < 64 {
                self.found.set(self.found.get() | 1 << position);
            }
            return Some(value);
        }
        let has_unknown = *self
            .has_unknown
            .get_or_init(|| self.table.iter().any(|(k, _, _)| !self.known.contains(&k)));
        if !has_unknown {
            return None;
        }
        self.table
            .iter()
            .find(|(other, _, _)| {
                !self.known.contains(other) && self.suggestion_for(other) == Some(key)
            })
            .map(|(_, _, value)| value)
    }

    fn suggestion_for(&self, key: &str) -> Option<&'static str> {
        suggest::closest(key, self.known.iter().copied())
    }

    /// A required key; reports it when missing.
    pub fn required<T>(
        &self,
        key: &str,
        hint: &str,
        sink: &mut FindingSink,
        read: impl FnOnce(Value<'t>, &str, &mut FindingSink) -> Option<T>,
    ) -> Option<T> {
        match self.get(key) {
            Some(value) => read(value, key, sink),
            None => {
                sink.push_with(|_| schema::missing_key(self.span, key, &self.what, hint));
                None
            }
        }
    }

    /// An optional key. `Err(())` means it is present but invalid (reported).
    pub fn optional<T>(
        &self,
        key: &str,
        sink: &mut FindingSink,
        read: impl FnOnce(Value<'t>, &str, &mut FindingSink) -> Option<T>,
    ) -> Result<Option<T>, ()> {
        match self.get(key) {
            Some(value) => read(value, key, sink).map(Some).ok_or(()),
            None => Ok(None),
        }
    }

    /// Reports every key this table does not know.
    pub fn finish(self, sink: &mut FindingSink) {
        let found = self.found.get();
        for (position, (name, key_span, _)) in self.table.iter().enumerate() {
            let was_found = position < 64 && found & 1 << position != 0;
            if !was_found && !self.known.contains(&name) {
                sink.push_with(|sink| {
                    schema::unknown_key(
                        sink.shift(key_span),
                        name,
                        &self.what,
                        self.suggestion_for(name),
                        self.known,
                    )
                });
            }
        }
    }
}

/// Any string, even empty.
pub(crate) fn any_string(
    value: Value<'_>,
    key: &str,
    sink: &mut FindingSink,
) -> Option<Spanned<SharedStr>> {
    match value.as_str() {
        Some(text) => Some(Spanned::new(sink.string(text), sink.span_of(value))),
        None => {
            sink.push(schema::wrong_type(
                sink.span_of(value),
                key,
                "a string",
                &value.describe(),
            ));
            None
        }
    }
}

/// A string with something other than whitespace in it.
pub(crate) fn text(
    value: Value<'_>,
    key: &str,
    sink: &mut FindingSink,
) -> Option<Spanned<SharedStr>> {
    let text = any_string(value, key, sink)?;
    if text.value.trim().is_empty() {
        sink.push(schema::empty_text(text.span, key));
        return None;
    }
    Some(text)
}

/// A bare TOML date.
pub(crate) fn date(
    value: Value<'_>,
    key: &str,
    sink: &mut FindingSink,
) -> Option<Spanned<NaiveDate>> {
    let span = sink.span_of(value);
    match value.value() {
        TomlValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => {
                match NaiveDate::from_ymd_opt(
                    i32::from(date.year),
                    u32::from(date.month),
                    u32::from(date.day),
                ) {
                    Some(date) => Some(Spanned::new(date, span)),
                    None => {
                        sink.push(schema::impossible_date(span, key));
                        None
                    }
                }
            }
            _ => {
                sink.push(schema::not_a_date(span, key, &value.describe()));
                None
            }
        },
        TomlValue::String(text) if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() => {
            sink.push(schema::quoted_date(span, key, text));
            None
        }
        _ => {
            sink.push(schema::not_a_date(span, key, &value.describe()));
            None
        }
    }
}

/// An integer or a float, as `f64`.
pub(crate) fn number(value: Value<'_>, key: &str, sink: &mut FindingSink) -> Option<Spanned<f64>> {
    let span = sink.span_of(value);
    let number = match value.value() {
        TomlValue::Integer(n) => *n as f64,
        TomlValue::Float(n) => *n,
        _ => {
            sink.push(schema::wrong_type(span, key, "a number", &value.describe()));
            return None;
        }
    };
    match number {
        n if n.is_finite() => Some(Spanned::new(n, span)),
        _ => {
            sink.push(schema::out_of_range(span, key, "a finite number"));
            None
        }
    }
}

/// An integer within `min..=max`.
pub(crate) fn integer_in(
    value: Value<'_>,
    key: &str,
    min: i64,
    max: i64,
    sink: &mut FindingSink,
) -> Option<Spanned<i64>> {
    let span = sink.span_of(value);
    match value.value() {
        TomlValue::Integer(n) => match *n {
            n if (min..=max).contains(&n) => Some(Spanned::new(n, span)),
            _ => {
                sink.push(schema::out_of_range(
                    span,
                    key,
                    &format!("a whole number from {min} to {max}"),
                ));
                None
            }
        },
        _ => {
            sink.push(schema::wrong_type(
                span,
                key,
                "a whole number",
                &value.describe(),
            ));
            None
        }
    }
}

/// A boolean.
pub(crate) fn boolean(
    value: Value<'_>,
    key: &str,
    sink: &mut FindingSink,
) -> Option<Spanned<bool>> {
    match value.value() {
        TomlValue::Boolean(b) => Some(Spanned::new(*b, sink.span_of(value))),
        _ => {
            sink.push(schema::wrong_type(
                sink.span_of(value),
                key,
                "true or false",
                &value.describe(),
            ));
            None
        }
    }
}

/// An array; each item is read by `read`. `None` if the value is not an
/// array or any item failed.
pub(crate) fn array<'t, T>(
    value: Value<'t>,
    key: &str,
    sink: &mut FindingSink,
    mut read: impl FnMut(Value<'t>, usize, &mut FindingSink) -> Option<T>,
) -> Option<Vec<T>> {
    match value.as_array() {
        Some(items) => {
            let mut all_read = true;
            let mut result = Vec::with_capacity(items.len());
            for (index, item) in items.enumerate() {
                match read(item, index, sink) {
                    Some(item) => result.push(item),
                    None => all_read = false,
                }
            }
            all_read.then_some(result)
        }
        None => {
            sink.push(schema::wrong_type(
                sink.span_of(value),
                key,
                "an array",
                &value.describe(),
            ));
            None
        }
    }
}

/// One word of a fixed vocabulary, such as a status.
pub(crate) fn choice<T: Copy>(
    value: Value<'_>,
    key: &str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
    sink: &mut FindingSink,
) -> Option<Spanned<T>> {
    let word = any_string(value, key, sink)?;
    if let Some(found) = all.iter().copied().find(|item| name(*item) == word.value) {
        return Some(Spanned::new(found, word.span));
    }
    let allowed: Vec<&str> = all.iter().map(|item| name(*item)).collect();
    let normalized = word.value.trim().to_lowercase().replace([' ', '-'], "_");
    let suggestion = allowed
        .iter()
        .copied()
        .find(|candidate| *candidate == normalized)
        .or_else(|| suggest::closest(&word.value, allowed.iter().copied()));
    sink.push(schema::bad_choice(
        word.span,
        key,
        &word.value,
        &allowed,
        suggestion,
    ));
    None
}
