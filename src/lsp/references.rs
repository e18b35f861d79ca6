//! `textDocument/references`: every place the id under the cursor is
//! written.

use lsp_types::{Location, ReferenceParams};

use super::ids::places_of_id_at;
use super::snapshot::Snapshot;

pub(super) fn answer(snapshot: &Snapshot<'_>, params: ReferenceParams) -> Option<Vec<Location>> {
    let at = params.text_document_position;
    let uri = at.text_document.uri;
    let include_declaration = params.context.include_declaration;
    Some(
        places_of_id_at(snapshot, at.position)?
            .into_iter()
            .filter(|&(_, is_declaration)| include_declaration || !is_declaration)
            .map(|(range, _)| Location::new(uri.clone(), range))
            .collect(),
    )
}
