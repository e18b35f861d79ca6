//! The ids of a ledger: where each party, source and commitment is declared
//! and used, and which one is under the cursor. Hover, definition,
//! references and completion read them.

use super::snapshot::Snapshot;
use crate::model::{Commitment, CrossReference, Evidence, Ledger, SharedStr, Status};
use crate::span::{Span, Spanned};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IdKind {
    Commitment,
    Party,
    Source,
}

/// One place an id is written: where it is declared, or a reference to it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrence<'a> {
    pub(super) kind: IdKind,
    pub(super) id: &'a str,
    pub(super) span: Span,
    pub(super) is_declaration: bool,
}

/// Every place an id is written, in no particular order.
pub(super) fn occurrences(ledger: &Ledger) -> Vec<Occurrence<'_>> {
    fn at(kind: IdKind, id: &Spanned<SharedStr>, is_declaration: bool) -> Occurrence<'_> {
        Occurrence {
            kind,
            id: id.value.as_str(),
            span: id.span,
            is_declaration,
        }
    }
    let mut found = Vec::new();
    found.extend(
        ledger
            .parties
            .iter()
            .map(|p| at(IdKind::Party, &p.id, true)),
    );
    found.extend(
        ledger
            .sources
            .iter()
            .map(|s| at(IdKind::Source, &s.id, true)),
    );
    for commitment in &ledger.commitments {
        found.push(at(IdKind::Commitment, &commitment.id, true));
        // A `LEDGER-ID:COMMITMENT-ID` is another ledger's: see
        // `cross_reference_at`.
        for linked in commitment.parent.iter().chain(&commitment.related) {
            if CrossReference::parse(&linked.value).is_none() {
                found.push(at(IdKind::Commitment, linked, false));
            }
        }
        for party in commitment
            .parties
            .iter()
            .chain(commitment.by.iter().flatten())
            .chain(commitment.asks.iter().flatten())
        {
            found.push(at(IdKind::Party, party, false));
        }
        found.push(at(IdKind::Source, &commitment.source.source_ref, false));
        for evidence in evidence_of(commitment) {
            if let Evidence::Source(citation) = evidence {
                found.push(at(IdKind::Source, &citation.source_ref, false));
            }
        }
    }
    found
}

/// Every evidence item of a commitment: its deadline's, its updates' and
/// its target's.
pub(super) fn evidence_of(commitment: &Commitment) -> impl Iterator<Item = &Evidence> {
    commitment.evidence()
}

/// The occurrence under the cursor at `offset` (a cursor just after an id
/// is still on it).
pub(super) fn occurrence_at(ledger: &Ledger, offset: usize) -> Option<Occurrence<'_>> {
    occurrences(ledger)
        .into_iter()
        .find(|o| o.span.start() <= offset && offset <= o.span.end())
}

/// The `LEDGER-ID:COMMITMENT-ID` (in `parent` or `related`) under the
/// cursor at `offset`, with where it is written.
pub(super) fn cross_reference_at(
    ledger: &Ledger,
    offset: usize,
) -> Option<(Span, CrossReference<'_>)> {
    ledger
        .commitments
        .iter()
        .flat_map(|c| c.parent.iter().chain(&c.related))
        .filter(|r| r.span.start() <= offset && offset <= r.span.end())
        .find_map(|r| CrossReference::parse(&r.value).map(|cross| (r.span, cross)))
}

/// Every status value written, with its span.
pub(super) fn statuses(ledger: &Ledger) -> impl Iterator<Item = &Spanned<Status>> {
    ledger
        .commitments
        .iter()
        .flat_map(|c| std::iter::once(&c.status).chain(c.updates.iter().map(|u| &u.status)))
}

/// The word of letters, digits and `-` around `offset`.
pub(super) fn word_at(text: &str, offset: usize) -> Option<(Span, &str)> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) {
        return None;
    }
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(offset, |(at, _)| at);
    let end = text[offset..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(at, _)| offset + at);
    (start < end).then(|| (Span::new(start, end), &text[start..end]))
}

/// Every place the id under the cursor is written (declarations
/// flagged), in order, as ranges in the document.
pub(super) fn places_of_id_at(
    snapshot: &Snapshot<'_>,
    position: lsp_types::Position,
) -> Option<Vec<(lsp_types::Range, bool)>> {
    let analysis = &snapshot.analysis;
    let index = snapshot.index();
    let text = analysis.text();
    let ledger = analysis.loaded.ledger.as_ref()?;
    let under = occurrence_at(ledger, index.offset(text, position))?;
    let mut found: Vec<Occurrence<'_>> = occurrences(ledger)
        .into_iter()
        .filter(|o| o.kind == under.kind && o.id == under.id)
        .collect();
    found.sort_by_key(|o| o.span.start());
    Some(
        found
            .into_iter()
            .map(|o| (index.range(text, o.span), o.is_declaration))
            .collect(),
    )
}
