//! `textDocument/definition`: where the id under the cursor is declared.

use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

use super::ids::places_of_id_at;
use super::snapshot::Snapshot;

pub(super) fn answer(
    snapshot: &Snapshot<'_>,
    params: GotoDefinitionParams,
) -> Option<GotoDefinitionResponse> {
    let at = params.text_document_position_params;
    let uri = at.text_document.uri;
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
