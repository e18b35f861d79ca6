//! `textDocument/references`: every place the id under the cursor is
//! written.

use lsp_types::{Location, ReferenceParams};

use super::document::{LineIndex, path_to_uri};
use super::ids::{IdKind, occurrence_at, places_of_id_at};
use super::snapshot::Snapshot;

pub(super) fn answer(snapshot: &Snapshot<'_>, params: ReferenceParams) -> Option<Vec<Location>> {
    let at = params.text_document_position;
    let uri = at.text_document.uri;
    let include_declaration = params.context.include_declaration;
    let mut found: Vec<Location> = places_of_id_at(snapshot, at.position)?
        .into_iter()
        .filter(|&(_, is_declaration)| include_declaration || !is_declaration)
        .map(|(range, _)| Location::new(uri.clone(), range))
        .collect();
    found.extend(in_other_ledgers(snapshot, at.position));
    Some(found)
}

/// The other ledgers' `LEDGER-ID:COMMITMENT-ID` references to the
/// commitment under the cursor, in their files (read from disk).
fn in_other_ledgers(snapshot: &Snapshot<'_>, position: lsp_types::Position) -> Vec<Location> {
    let analysis = &snapshot.analysis;
    let (Some(ledger), Some(workspace)) = (
        analysis.loaded.ledger.as_ref(),
        analysis.loaded.workspace.as_ref(),
    ) else {
        return Vec::new();
    };
    let offset = snapshot.index().offset(analysis.text(), position);
    let Some(under) = occurrence_at(ledger, offset).filter(|o| o.kind == IdKind::Commitment) else {
        return Vec::new();
    };
    let target = format!("{}:{}", ledger.id(), under.id);
    let encoding = snapshot.document.index.encoding();
    let mut found = Vec::new();
    for other in workspace.ledgers.values() {
        let spans: Vec<_> = other
            .cross_references
            .iter()
            .filter(|(reference, _)| *reference == target)
            .map(|(_, span)| *span)
            .collect();
        if spans.is_empty() {
            continue;
        }
        let (Ok(text), Some(uri)) = (
            std::fs::read_to_string(&other.file),
            path_to_uri(&other.file),
        ) else {
            continue;
        };
        let index = LineIndex::new(&text, encoding);
        found.extend(
            spans
                .into_iter()
                .map(|span| Location::new(uri.clone(), index.range(&text, span))),
        );
    }
    found
}
