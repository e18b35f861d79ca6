//! The default parser: a [`Tree`] built straight from `toml_parser`'s events.
//!
//! The `toml` crate parses in three passes: tokens into a `Vec`, events into
//! a second `Vec`, then a `DeTable` of hash maps, which the loader read and
//! dropped. This builds the loader's own flat tree as the events arrive,
//! with the `toml` crate's rules for what a key may extend (its
//! `de/parser/document.rs` and `inline_table.rs`, followed step by step), so
//! the two agree on every valid document: `load::compare_parsers`, the
//! corpus tests and the `loaders` fuzz target check that.
//!
//! It only has to be right on valid text. At the first problem of any kind
//! (a syntax error, a duplicate key, a number that does not parse) it gives
//! up, and the caller parses again with the reference, whose messages are
//! the ones users see.

use std::borrow::Cow;

use toml::value::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Raw, Source};

use super::plain;
use super::tree::{Array, Entry, NodeId, Table, Tree, Value};
use crate::span::Span;

/// The `toml` crate's limit on nesting (arrays, inline tables, key parts).
const DEPTH_LIMIT: u32 = 80;

/// The tree of `text`, or `None` when the text has any problem at all.
pub(crate) fn parse(text: &str) -> Option<Tree<'_>> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut builder = Builder::new(source);
    let mut problems = Problems::default();
    {
        let mut validated = ValidateWhitespace::new(&mut builder, source);
        let mut guarded = RecursionGuard::new(&mut validated, DEPTH_LIMIT);
        toml_parser::parser::parse_document(&tokens, &mut guarded, &mut problems);
    }
    drop(tokens);
    if problems.count > 0 {
        return None;
    }
    builder.finish()
}

/// Counts what the lexer, parser and decoders report.
#[derive(Default)]
struct Problems {
    count: usize,
}

impl ErrorSink for Problems {
    fn report_error(&mut self, _error: ParseError) {
        self.count += 1;
    }
}

/// A key as written: its decoded text and where it was.
type Key<'i> = (Cow<'i, str>, Span);

/// A `[header]` or `[[header]]` being read or in force.
struct Header<'i> {
    /// Every part but the last.
    path: Vec<Key<'i>>,
    key: Key<'i>,
    span: Span,
    is_array: bool,
}

/// An array or inline table whose closing bracket has not come yet.
enum Open<'i> {
    Array {
        node: NodeId,
        start: usize,
    },
    InlineTable {
        node: NodeId,
        start: usize,
        /// The key of the value being read.
        key: Vec<Key<'i>>,
    },
}

/// An entry of a table that a key goes through.
enum Child {
    /// It was there.
    Found(NodeId),
    /// It was missing, and is now a new table.
    Made(NodeId),
}

/// What the next events are expected to be part of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// A key-value, a header, or nothing (at the top level).
    Line,
    /// The parts of a header's key.
    Header { is_array: bool, start: usize },
}

struct Builder<'i> {
    source: Source<'i>,
    tree: Tree<'i>,
    reading: Reading,
    /// The key parts read so far, at the top level or in a header.
    key: Vec<Key<'i>>,
    /// Arrays and inline tables open around the current value.
    open: Vec<Open<'i>>,
    /// As in the `toml` crate's `document::State`: the document's root
    /// table, the table the current header opened (detached from the root
    /// until the next header), and that header.
    root: NodeId,
    current_table: NodeId,
    current_header: Option<Header<'i>>,
    /// Set at the first thing this builder does not expect or that TOML
    /// forbids; the reference parser then has the last word.
    broken: bool,
}

impl<'i> Builder<'i> {
    fn new(source: Source<'i>) -> Self {
        // Room for a value every 32 bytes: a generated ledger has one every
        // 24, a real one (longer quotes and notes) fewer. Grown by doubling
        // from nothing, the nodes were copied 20 times over per chunk.
        let mut tree = Tree::with_capacity(source.input().len() / 32);
        // Until the first header, top-level keys go to the root.
        let current_table = tree.add(Span::default(), Value::Table(Table::default()));
        Builder {
            source,
            tree,
            reading: Reading::Line,
            key: Vec::new(),
            open: Vec::new(),
            root: current_table,
            current_table,
            current_header: None,
            broken: false,
        }
    }

    fn finish(mut self) -> Option<Tree<'i>> {
        if self.broken || !self.open.is_empty() || !self.key.is_empty() {
            return None;
        }
        self.finish_table();
        if self.broken {
            return None;
        }
        self.tree.set_root(self.root);
        Some(self.tree)
    }

    /// The text at `span`, and where to decode it to.
    fn raw(
        &self,
        span: toml_parser::Span,
        encoding: Option<Encoding>,
    ) -> (Raw<'i>, Cow<'i, str>, Problems) {
        let text = &self.source.input()[span.start()..span.end()];
        let raw = Raw::new_unchecked(text, encoding, span);
        (raw, Cow::Borrowed(""), Problems::default())
    }

    fn decode_key(&mut self, span: toml_parser::Span, encoding: Option<Encoding>) -> Key<'i> {
        let written = &self.source.input()[span.start()..span.end()];
        let plain = match encoding {
            None => plain::is_bare_key(written).then_some(written),
            Some(Encoding::BasicString) => plain::basic_string_without_escapes(written),
            Some(_) => None,
        };
        if let Some(key) = plain {
            return (Cow::Borrowed(key), Span::new(span.start(), span.end()));
        }
        let (raw, mut decoded, mut problems) = self.raw(span, encoding);
        raw.decode_key(&mut decoded, &mut problems);
        if problems.count > 0 {
            self.broken = true;
        }
        (decoded, Span::new(span.start(), span.end()))
    }

    fn decode_scalar(&mut self, span: toml_parser::Span, encoding: Option<Encoding>) -> NodeId {
        let written = &self.source.input()[span.start()..span.end()];
        let plain = match encoding {
            Some(Encoding::BasicString) => plain::basic_string_without_escapes(written)
                .map(|s| Value::String(Cow::Borrowed(s))),
            None => plain::local_date(written).map(Value::Datetime),
            Some(_) => None,
        };
        if let Some(value) = plain {
            return self.tree.add(Span::new(span.start(), span.end()), value);
        }
        let (raw, mut decoded, mut problems) = self.raw(span, encoding);
        let kind = raw.decode_scalar(&mut decoded, &mut problems);
        let value = match kind {
            ScalarKind::String => Value::String(decoded),
            ScalarKind::Boolean(b) => Value::Boolean(b),
            ScalarKind::DateTime => match decoded.parse::<Datetime>() {
                Ok(datetime) => Value::Datetime(datetime),
                Err(_) => {
                    self.broken = true;
                    Value::Boolean(false)
                }
            },
            // Literals that do not denote a number are the reference's to
            // report (`syntax::bad_number`).
            ScalarKind::Float => match decoded.parse::<f64>() {
                Ok(n) => Value::Float(n),
                Err(_) => {
                    self.broken = true;
                    Value::Float(0.0)
                }
            },
            ScalarKind::Integer(radix) => match i64::from_str_radix(&decoded, radix.value()) {
                Ok(n) => Value::Integer(n),
                Err(_) => {
                    self.broken = true;
                    Value::Integer(0)
                }
            },
        };
        if problems.count > 0 {
            self.broken = true;
        }
        self.tree.add(Span::new(span.start(), span.end()), value)
    }

    /// A key part: of a header, of a top-level key, or of a key in the
    /// innermost inline table.
    fn on_key_part(&mut self, key: Key<'i>) {
        match self.open.last_mut() {
            Some(Open::InlineTable { key: parts, .. }) => parts.push(key),
            Some(Open::Array { .. }) => self.broken = true,
            None => self.key.push(key),
        }
    }

    /// A value is complete: it belongs to the key before it or to the array
    /// around it.
    fn on_value(&mut self, value: NodeId) {
        match self.open.last_mut() {
            Some(Open::Array { node, .. }) => {
                let node = *node;
                match &mut self.tree.node_mut(node).value {
                    Value::Array(array) => array.items.push(value),
                    _ => self.broken = true,
                }
            }
            Some(Open::InlineTable { node, key, .. }) => {
                let (node, mut key) = (*node, std::mem::take(key));
                match key.pop() {
                    Some(last) => self.insert_inline(node, &key, last, value),
                    None => self.broken = true,
                }
                if let Some(Open::InlineTable { key: kept, .. }) = self.open.last_mut() {
                    key.clear();
                    *kept = key;
                }
            }
            None => {
                let mut key = std::mem::take(&mut self.key);
                match key.pop() {
                    Some(last) => self.capture_key_value(&key, last, value),
                    None => self.broken = true,
                }
                // The key's buffer is kept for the next key: a new one per
                // `key = value` was 3.5 million allocations at 100k
                // commitments.
                key.clear();
                self.key = key;
            }
        }
    }

    /// A top-level `key = value`, into the table of the current header.
    fn capture_key_value(&mut self, path: &[Key<'i>], key: Key<'i>, value: NodeId) {
        if path.len() >= DEPTH_LIMIT as usize {
            self.broken = true;
            return;
        }
        let dotted = !path.is_empty();
        let Some(parent) = self.descend_path(self.current_table, path, dotted) else {
            return;
        };
        // Dotted keys may not extend a table that a header defined.
        self.insert_new(parent, key, value, |table| dotted && !table.implicit);
    }

    /// `key = value` inside `{ ... }`.
    fn insert_inline(&mut self, inline: NodeId, path: &[Key<'i>], key: Key<'i>, value: NodeId) {
        if path.len() >= DEPTH_LIMIT as usize {
            self.broken = true;
            return;
        }
        let mut table = inline;
        for part in path {
            table = match self.child(table, part, || Table::made(true, true, true)) {
                Some(Child::Made(child)) => child,
                Some(Child::Found(child)) if matches!(&self.tree.node(child).value, Value::Table(t) if t.implicit) => {
                    child
                }
                _ => {
                    self.broken = true;
                    return;
                }
            };
        }
        self.insert_new(table, key, value, |table| table.dotted == path.is_empty());
    }

    /// The entry `part` of `table`, or a new table made there.
    fn child(
        &mut self,
        table: NodeId,
        part: &Key<'i>,
        made: impl FnOnce() -> Table<'i>,
    ) -> Option<Child> {
        let Some(current) = self.tree.table_mut(table) else {
            self.broken = true;
            return None;
        };
        if let Some(position) = current.position(&part.0) {
            return Some(Child::Found(current.entries[position].value));
        }
        let child = self.tree.add(part.1, Value::Table(made()));
        self.push_entry(table, part.clone(), child);
        Some(Child::Made(child))
    }

    /// Adds `key = value` to `table` unless the key is there already or
    /// `refused` says the table may not take it.
    fn insert_new(
        &mut self,
        table: NodeId,
        key: Key<'i>,
        value: NodeId,
        refused: impl FnOnce(&Table<'i>) -> bool,
    ) {
        match self.tree.table_mut(table) {
            Some(found) if !refused(found) && found.position(&key.0).is_none() => {
                self.push_entry(table, key, value);
            }
            _ => self.broken = true,
        }
    }

    fn push_entry(&mut self, table: NodeId, key: Key<'i>, value: NodeId) {
        match self.tree.table_mut(table) {
            Some(table) => table.push(Entry::new(key.0, key.1, value)),
            None => self.broken = true,
        }
    }

    /// The table at `path` under `table`, made on the way where missing;
    /// `document::descend_path`.
    fn descend_path(
        &mut self,
        mut table: NodeId,
        path: &[Key<'i>],
        dotted: bool,
    ) -> Option<NodeId> {
        for part in path {
            table = match self.child(table, part, || Table::made(true, dotted, false))? {
                Child::Made(child) => child,
                Child::Found(child) => {
                    match &mut self.tree.node_mut(child).value {
                        // `[[a]]` then `[a.b]` or `a.b = 1`: the last `a`.
                        Value::Array(array) if array.of_tables => {
                            let Some(&last) = array.items.last() else {
                                self.broken = true;
                                return None;
                            };
                            if !matches!(self.tree.node(last).value, Value::Table(_)) {
                                self.broken = true;
                                return None;
                            }
                            last
                        }
                        Value::Table(existing) => {
                            if existing.inline || (dotted && !existing.implicit) {
                                self.broken = true;
                                return None;
                            }
                            if dotted {
                                existing.dotted = true;
                            }
                            child
                        }
                        _ => {
                            self.broken = true;
                            return None;
                        }
                    }
                }
            };
        }
        Some(table)
    }

    /// A header ends the table before it: `document::State::finish_table`.
    fn finish_table(&mut self) {
        let finished = self.current_table;
        self.current_table = self
            .tree
            .add(Span::default(), Value::Table(Table::default()));
        let Some(header) = self.current_header.take() else {
            self.root = finished;
            return;
        };
        self.tree.node_mut(finished).span = header.span;
        let Some(parent) = self.descend_path(self.root, &header.path, false) else {
            return;
        };
        let Some(parent_table) = self.tree.table_mut(parent) else {
            self.broken = true;
            return;
        };
        let position = parent_table.position(&header.key.0);
        if header.is_array {
            let array = match position {
                Some(position) => parent_table.entries[position].value,
                None => {
                    let array = self.tree.add(
                        header.span,
                        Value::Array(Array {
                            items: Vec::new(),
                            of_tables: true,
                        }),
                    );
                    self.push_entry(parent, header.key, array);
                    array
                }
            };
            match &mut self.tree.node_mut(array).value {
                Value::Array(array) if array.of_tables => array.items.push(finished),
                _ => self.broken = true,
            }
        } else if position.is_some() {
            // `start_table` took any earlier entry out.
            self.broken = true;
        } else {
            self.push_entry(parent, header.key, finished);
        }
    }

    /// A header starts a table: `document::State::start_table`.
    fn start_table(&mut self, header: Header<'i>) {
        if !header.is_array
            && let Some(parent) = self.descend_path(self.root, &header.path, false)
            && let Some(parent_table) = self.tree.table_mut(parent)
            && let Some(position) = parent_table.position(&header.key.0)
        {
            // `[a.b]` then `[a]`: `a` was made on the way; it becomes this
            // table, with what it has, and goes to the end of its parent.
            let old = parent_table.remove(position);
            match &self.tree.node(old.value).value {
                Value::Table(table) if table.implicit && !table.dotted => {
                    self.current_table = old.value;
                }
                _ => self.broken = true,
            }
        }
        if let Some(table) = self.tree.table_mut(self.current_table) {
            table.implicit = false;
            table.dotted = false;
        }
        self.current_header = Some(header);
    }
}

impl EventReceiver for Builder<'_> {
    fn std_table_open(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, false);
    }

    fn array_table_open(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, true);
    }

    fn std_table_close(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) {
        self.close_header(span, false);
    }

    fn array_table_close(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) {
        self.close_header(span, true);
    }

    fn inline_table_open(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) -> bool {
        let node = self.tree.add(
            Span::default(),
            Value::Table(Table::made(false, false, true)),
        );
        self.open.push(Open::InlineTable {
            node,
            start: span.start(),
            key: Vec::new(),
        });
        true
    }

    fn inline_table_close(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) {
        match self.open.pop() {
            Some(Open::InlineTable { node, start, key }) if key.is_empty() => {
                self.tree.node_mut(node).span = Span::new(start, span.end());
                self.on_value(node);
            }
            _ => self.broken = true,
        }
    }

    fn array_open(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) -> bool {
        let node = self
            .tree
            .add(Span::default(), Value::Array(Array::default()));
        self.open.push(Open::Array {
            node,
            start: span.start(),
        });
        true
    }

    fn array_close(&mut self, span: toml_parser::Span, _error: &mut dyn ErrorSink) {
        match self.open.pop() {
            Some(Open::Array { node, start }) => {
                self.tree.node_mut(node).span = Span::new(start, span.end());
                self.on_value(node);
            }
            _ => self.broken = true,
        }
    }

    fn simple_key(
        &mut self,
        span: toml_parser::Span,
        kind: Option<Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        let key = self.decode_key(span, kind);
        self.on_key_part(key);
    }

    fn scalar(
        &mut self,
        span: toml_parser::Span,
        kind: Option<Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        if self.reading != Reading::Line {
            self.broken = true;
            return;
        }
        let value = self.decode_scalar(span, kind);
        self.on_value(value);
    }

    fn error(&mut self, _span: toml_parser::Span, _error: &mut dyn ErrorSink) {
        self.broken = true;
    }
}

impl<'i> Builder<'i> {
    fn open_header(&mut self, span: toml_parser::Span, is_array: bool) {
        if self.reading != Reading::Line || !self.open.is_empty() || !self.key.is_empty() {
            self.broken = true;
            return;
        }
        self.reading = Reading::Header {
            is_array,
            start: span.start(),
        };
    }

    fn close_header(&mut self, span: toml_parser::Span, closes_array: bool) {
        let Reading::Header { is_array, start } = self.reading else {
            self.broken = true;
            return;
        };
        self.reading = Reading::Line;
        let mut path = std::mem::take(&mut self.key);
        let (Some(key), true) = (path.pop(), is_array == closes_array) else {
            self.broken = true;
            return;
        };
        if path.len() >= DEPTH_LIMIT as usize {
            self.broken = true;
            return;
        }
        self.finish_table();
        self.start_table(Header {
            path,
            key,
            span: Span::new(start, span.end()),
            is_array,
        });
    }
}
