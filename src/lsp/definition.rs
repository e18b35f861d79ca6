//! `textDocument/definition`: where the id under the cursor is declared.

use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

use super::document::{LineIndex, path_to_uri};
use super::ids::{cross_reference_at, places_of_id_at};
use super::snapshot::Snapshot;

pub(super) fn answer(
    snapshot: &Snapshot<'_>,
    params: GotoDefinitionParams,
) -> Option<GotoDefinitionResponse> {
    let at = params.text_document_position_params;
    let uri = at.text_document.uri;
    if let Some(location) = in_another_ledger(snapshot, at.position) {
        return Some(GotoDefinitionResponse::Scalar(location));
    }
    let declarations: Vec<Location> = places_of_id_at(snapshot, at.position)?
        .into_iter()
        .filter(|&(_, is_declaration)| is_declaration)
        .map(|(range, _)| Location::new(uri.clone(), range))
        .collect();
    match declarations.len() {
        0 => None,
        1 => declarations
            .into_iter()
            .next()
            .map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(declarations)),
    }
}

/// Where the other ledger's commitment that a `LEDGER-ID:COMMITMENT-ID`
/// under the cursor names is declared: its file, read from disk.
fn in_another_ledger(snapshot: &Snapshot<'_>, position: lsp_types::Position) -> Option<Location> {
    let analysis = &snapshot.analysis;
    let ledger = analysis.loaded.ledger.as_ref()?;
    let offset = snapshot.index().offset(analysis.text(), position);
    let (_, cross) = cross_reference_at(ledger, offset)?;
    let other = analysis
        .loaded
        .workspace
        .as_ref()?
        .ledgers
        .get(cross.ledger)?;
    let span = *other.id_spans.get(cross.commitment)?;
    let text = std::fs::read_to_string(&other.file).ok()?;
    let encoding = snapshot.document.index.encoding();
    let index = LineIndex::new(&text, encoding);
    Some(Location::new(
        path_to_uri(&other.file)?,
        index.range(&text, span),
    ))
}
