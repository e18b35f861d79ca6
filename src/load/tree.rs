//! A parsed TOML document as the loader reads it: a flat arena of spanned
//! values, built by either parser.
//!
//! - [`super::events`] builds it straight from `toml_parser`'s events: the
//!   default, and the fast one.
//! - [`from_detable`] copies it out of the `toml` crate's own `DeTable`: the
//!   reference, which tests and the fuzzer compare the other against.
//!
//! Both give the same tree for the same text (same keys in the same order,
//! same spans, same values), so the one schema reader in [`super::reader`]
//! gives the same ledger and findings from either.

use std::borrow::Cow;
use std::collections::HashMap;

use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::span::Span;

/// Where a node sits in its [`Tree`].
pub(crate) type NodeId = u32;

/// Tables with more entries than this get a hash index for key lookup, so
/// that a table of a million keys is not searched a million times.
const INDEXED_TABLE: usize = 16;

/// Every value of a document; the root is a table.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tree<'i> {
    nodes: Vec<Node<'i>>,
    root: NodeId,
}

/// One value and where it was written (a table from a header: the header).
#[derive(Debug, Clone)]
pub(crate) struct Node<'i> {
    pub span: Span,
    pub value: Value<'i>,
}

/// A TOML value. Numbers are already parsed: a literal that does not parse
/// is a syntax error and never reaches a tree.
#[derive(Debug, Clone)]
pub(crate) enum Value<'i> {
    String(Cow<'i, str>),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(Datetime),
    Array(Array),
    Table(Table<'i>),
}

/// An array's items, and whether `[[header]]`s made it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Array {
    pub items: Vec<NodeId>,
    pub of_tables: bool,
}

/// A table's entries in the order TOML gives them, plus how it was made,
/// which decides what may extend it later.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table<'i> {
    pub entries: Vec<Entry<'i>>,
    /// Key → position in `entries`, once the table is large.
    index: Option<HashMap<Cow<'i, str>, usize>>,
    /// Made on the way to a deeper key, not by its own header or value.
    pub implicit: bool,
    /// Made by a dotted key.
    pub dotted: bool,
    /// Written `{ ... }`.
    pub inline: bool,
}

/// One `key = value` of a table.
#[derive(Debug, Clone)]
pub(crate) struct Entry<'i> {
    pub key: Cow<'i, str>,
    pub key_span: Span,
    pub value: NodeId,
    /// The key's [`fingerprint`], kept beside it (in what would be padding)
    /// so that a search passes over most keys without reading them.
    fingerprint: u32,
}

impl<'i> Entry<'i> {
    pub fn new(key: Cow<'i, str>, key_span: Span, value: NodeId) -> Self {
        let fingerprint = fingerprint(&key);
        Entry {
            key,
            key_span,
            value,
            fingerprint,
        }
    }
}

/// A key's length, first and last bytes in one number: keys that differ
/// in any of them differ, and the schema's keys nearly always do. A table
/// is searched for each key the schema reads, present or not (470,000
/// searches for 10,000 commitments), and comparing whole keys, with a call
/// to `memcmp` for each, was 5% of a `check`.
fn fingerprint(key: &str) -> u32 {
    let bytes = key.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    // The length's low 16 bits: longer keys only share a fingerprint more.
    (key.len() as u32 & 0xFFFF)
        | u32::from(first.unwrap_or(0)) << 16
        | u32::from(last.unwrap_or(0)) << 24
}

impl<'i> Table<'i> {
    /// An empty table, made as the flags say.
    pub fn made(implicit: bool, dotted: bool, inline: bool) -> Self {
        Table {
            implicit,
            dotted,
            inline,
            ..Table::default()
        }
    }

    /// The position of `key` in `entries`.
    pub fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => {
                let wanted = fingerprint(key);
                self.entries
                    .iter()
                    .position(|entry| entry.fingerprint == wanted && entry.key == key)
            }
        }
    }

    /// Appends an entry whose key is not there yet.
    pub fn push(&mut self, entry: Entry<'i>) {
        if let Some(index) = &mut self.index {
            index.insert(entry.key.clone(), self.entries.len());
        } else if self.entries.len() == INDEXED_TABLE {
            let mut index: HashMap<Cow<'i, str>, usize> = self
                .entries
                .iter()
                .enumerate()
                .map(|(position, entry)| (entry.key.clone(), position))
                .collect();
            index.insert(entry.key.clone(), self.entries.len());
            self.index = Some(index);
        }
        self.entries.push(entry);
    }

    /// Removes the entry at `position`, keeping the others in order.
    pub fn remove(&mut self, position: usize) -> Entry<'i> {
        let entry = self.entries.remove(position);
        if let Some(index) = &mut self.index {
            index.remove(&entry.key);
            for moved in index.values_mut() {
                if *moved > position {
                    *moved -= 1;
                }
            }
        }
        entry
    }
}

impl<'i> Tree<'i> {
    /// An empty tree with room for `nodes` values.
    pub fn with_capacity(nodes: usize) -> Self {
        Tree {
            nodes: Vec::with_capacity(nodes),
            root: 0,
        }
    }

    /// Adds a node that nothing refers to yet.
    pub fn add(&mut self, span: Span, value: Value<'i>) -> NodeId {
        let id = NodeId::try_from(self.nodes.len()).expect("fewer than 2^32 values in 256 MiB");
        self.nodes.push(Node { span, value });
        id
    }

    pub fn node(&self, id: NodeId) -> &Node<'i> {
        &self.nodes[id as usize]
    }

    pub fn node_mut(&mut self, id: NodeId) -> &mut Node<'i> {
        &mut self.nodes[id as usize]
    }

    /// The table at `id`, which must be one.
    pub fn table_mut(&mut self, id: NodeId) -> Option<&mut Table<'i>> {
        match &mut self.node_mut(id).value {
            Value::Table(table) => Some(table),
            _ => None,
        }
    }

    pub fn set_root(&mut self, root: NodeId) {
        self.root = root;
    }

    /// The root table.
    pub fn root(&self) -> Item<'_> {
        Item {
            tree: self,
            id: self.root,
        }
    }

    /// The document as text, one value a line, for comparing two trees.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        self.dump_node(self.root, 0, &mut out);
        out
    }

    fn dump_node(&self, id: NodeId, depth: usize, out: &mut String) {
        use std::fmt::Write as _;
        let node = self.node(id);
        let (start, end) = (node.span.start(), node.span.end());
        match &node.value {
            Value::Table(table) => {
                let _ = writeln!(out, "table {start}..{end}");
                for entry in &table.entries {
                    let (start, end) = (entry.key_span.start(), entry.key_span.end());
                    let _ = write!(
                        out,
                        "{:w$}{:?} {start}..{end} = ",
                        "",
                        entry.key,
                        w = depth * 2 + 2
                    );
                    self.dump_node(entry.value, depth + 1, out);
                }
            }
            Value::Array(array) => {
                let _ = writeln!(out, "array {start}..{end}");
                for &item in &array.items {
                    let _ = write!(out, "{:w$}- ", "", w = depth * 2 + 2);
                    self.dump_node(item, depth + 1, out);
                }
            }
            Value::String(text) => {
                let _ = writeln!(out, "string {text:?} {start}..{end}");
            }
            Value::Integer(n) => {
                let _ = writeln!(out, "integer {n} {start}..{end}");
            }
            Value::Float(n) => {
                let _ = writeln!(out, "float {n:?} {start}..{end}");
            }
            Value::Boolean(b) => {
                let _ = writeln!(out, "boolean {b} {start}..{end}");
            }
            Value::Datetime(dt) => {
                let _ = writeln!(out, "datetime {dt} {dt:?} {start}..{end}");
            }
        }
    }
}

/// A value of a tree, as the schema reader sees it.
#[derive(Clone, Copy)]
pub(crate) struct Item<'t> {
    tree: &'t Tree<'t>,
    id: NodeId,
}

impl<'t> Item<'t> {
    /// Where the value was written, in the parsed text.
    pub fn span(self) -> Span {
        self.tree.node(self.id).span
    }

    pub fn value(self) -> &'t Value<'t> {
        &self.tree.node(self.id).value
    }

    pub fn as_table(self) -> Option<TableItem<'t>> {
        match self.value() {
            Value::Table(table) => Some(TableItem {
                tree: self.tree,
                table,
            }),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_array(self) -> Option<impl ExactSizeIterator<Item = Item<'t>> + 't> {
        match self.value() {
            Value::Array(array) => {
                let tree = self.tree;
                Some(array.items.iter().map(move |&id| Item { tree, id }))
            }
            _ => None,
        }
    }

    pub fn as_str(self) -> Option<&'t str> {
        match self.value() {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// "a string", "an array of tables", "a date-time": for messages.
    pub fn describe(self) -> String {
        let name = match self.value() {
            Value::Datetime(dt) if dt.date.is_some() && dt.time.is_some() => "a date-time",
            Value::Datetime(dt) if dt.date.is_none() => "a time of day",
            Value::Datetime(_) => "a datetime",
            Value::Array(array)
                if !array.items.is_empty()
                    && array
                        .items
                        .iter()
                        .all(|&id| matches!(self.tree.node(id).value, Value::Table(_))) =>
            {
                "an array of tables"
            }
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Boolean(_) => "a boolean",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        };
        name.to_owned()
    }
}

/// A table of a tree, as the schema reader sees it.
#[derive(Clone, Copy)]
pub(crate) struct TableItem<'t> {
    tree: &'t Tree<'t>,
    table: &'t Table<'t>,
}

impl<'t> TableItem<'t> {
    pub fn get(self, key: &str) -> Option<Item<'t>> {
        self.get_with_position(key).map(|(_, item)| item)
    }

    /// The value of `key` and its position among the entries.
    pub fn get_with_position(self, key: &str) -> Option<(usize, Item<'t>)> {
        self.table.position(key).map(|position| {
            let item = Item {
                tree: self.tree,
                id: self.table.entries[position].value,
            };
            (position, item)
        })
    }

    pub fn contains_key(self, key: &str) -> bool {
        self.table.position(key).is_some()
    }

    /// Key, where the key was written, and value, in order.
    pub fn iter(self) -> impl Iterator<Item = (&'t str, Span, Item<'t>)> + 't {
        let tree = self.tree;
        self.table.entries.iter().map(move |entry| {
            (
                entry.key.as_ref(),
                entry.key_span,
                Item {
                    tree,
                    id: entry.value,
                },
            )
        })
    }

    pub fn keys(self) -> impl Iterator<Item = &'t str> + 't {
        self.table.entries.iter().map(|entry| entry.key.as_ref())
    }
}

/// The reference tree: a copy of the `toml` crate's `DeTable`, whose numbers
/// have been checked to parse (see `malformed_numbers`).
pub(crate) fn from_detable<'i>(root: &DeTable<'i>) -> Tree<'i> {
    let mut tree = Tree {
        nodes: Vec::new(),
        root: 0,
    };
    let root_table = copy_table(&mut tree, root);
    tree.root = tree.add(Span::default(), Value::Table(root_table));
    tree
}

fn copy_table<'i>(tree: &mut Tree<'i>, table: &DeTable<'i>) -> Table<'i> {
    let mut copy = Table::default();
    for (key, value) in table.iter() {
        let id = copy_value(tree, value);
        copy.push(Entry::new(
            key.get_ref().clone(),
            Span::from(key.span()),
            id,
        ));
    }
    copy
}

fn copy_value<'i>(tree: &mut Tree<'i>, value: &toml::Spanned<DeValue<'i>>) -> NodeId {
    let span = Span::from(value.span());
    let copy = match value.get_ref() {
        DeValue::String(text) => Value::String(text.clone()),
        DeValue::Integer(int) => {
            Value::Integer(i64::from_str_radix(int.as_str(), int.radix()).unwrap_or_default())
        }
        DeValue::Float(float) => Value::Float(float.as_str().parse().unwrap_or_default()),
        DeValue::Boolean(b) => Value::Boolean(*b),
        DeValue::Datetime(dt) => Value::Datetime(*dt),
        DeValue::Array(items) => {
            let items = items.iter().map(|item| copy_value(tree, item)).collect();
            Value::Array(Array {
                items,
                of_tables: false,
            })
        }
        DeValue::Table(table) => Value::Table(copy_table(tree, table)),
    };
    tree.add(span, copy)
}
