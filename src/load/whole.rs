//! Parsing a whole ledger text at once: with the event parser, or with the
//! `toml` crate's own parser (the reference), whose messages users see, and
//! the tree read into the model.

use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use super::events;
use super::keys::ROOT_KEYS;
use super::ledger_reader::{read_commitments, read_ledger};
use super::reader::{FindingSink, TableReader};
use super::tree::{self, Tree};
use crate::finding::Finding;
use crate::model::Ledger;
use crate::rules::syntax;
use crate::span::Span;

/// Parses the whole text at once with [`events`], or, when it has any
/// problem at all, with the reference parser, whose messages are the ones
/// users see. `None` after syntax errors.
pub(super) fn read_whole(text: &Arc<String>, findings: &mut Vec<Finding>) -> Option<Ledger> {
    match events::parse(text) {
        Some(tree) => Some(read_tree(&tree, text, findings)),
        None => read_reference(text, findings),
    }
}

/// Parses the whole text at once with the `toml` crate's own `DeTable`.
/// `None` after syntax errors.
pub(super) fn read_reference(text: &Arc<String>, findings: &mut Vec<Finding>) -> Option<Ledger> {
    let tree = parse_reference(text, findings)?;
    Some(read_tree(&tree, text, findings))
}

/// The reference tree of `text`, or its syntax errors.
pub(super) fn parse_reference<'i>(text: &'i str, findings: &mut Vec<Finding>) -> Option<Tree<'i>> {
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

/// The ledger in a whole document's tree, parsed from `text`.
pub(super) fn read_tree(
    tree: &Tree<'_>,
    text: &Arc<String>,
    findings: &mut Vec<Finding>,
) -> Ledger {
    let mut sink = FindingSink::at(text, 0);
    let Some(root) = tree.root().as_table() else {
        return Ledger::default();
    };
    let mut ledger = read_ledger(root, &mut sink);
    if let Some(value) =
        TableReader::new(root, Span::default(), String::new(), ROOT_KEYS).get("commitment")
    {
        read_commitments(value, 0, &mut ledger, &mut sink);
    }
    extend_with_limit(findings, sink.findings, sink.left_out);
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
    found.sort_by_key(|finding| finding.primary.span.start());
    found
}
