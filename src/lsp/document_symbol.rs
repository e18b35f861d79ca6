//! `textDocument/documentSymbol`: the outline of parties, sources and
//! commitments, each commitment with its updates.

use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};

use super::snapshot::Snapshot;
use crate::span::Span;

pub(super) fn answer(
    snapshot: &Snapshot<'_>,
    params: DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let _uri = params.text_document.uri;
    let analysis = snapshot.analysis.clone();
    let index = snapshot.index();
    let text = analysis.text();
    let ledger = analysis.loaded.ledger.as_ref()?;
    let range = |span: Span| index.range(text, span);
    // `range` must contain `selection_range`.
    let cover = |a: Span, b: Span| Span::new(a.start().min(b.start()), a.end().max(b.end()));
    let mut symbols = Vec::new();
    for party in &ledger.parties {
        symbols.push(symbol(
            party.id.value.to_string(),
            Some(party.name.value.to_string()),
            SymbolKind::CONSTANT,
            range(cover(party.id.span, party.name.span)),
            range(party.id.span),
            None,
        ));
    }
    for source in &ledger.sources {
        symbols.push(symbol(
            source.id.value.to_string(),
            Some(source.title.value.to_string()),
            SymbolKind::FILE,
            range(cover(source.span, source.id.span)),
            range(source.id.span),
            None,
        ));
    }
    for commitment in &ledger.commitments {
        let updates = commitment
            .updates
            .iter()
            .map(|update| {
                symbol(
                    format!("{} {}", update.date.value, update.status.value.as_str()),
                    Some(update.note.value.to_string()),
                    SymbolKind::EVENT,
                    range(cover(update.span, update.date.span)),
                    range(update.date.span),
                    None,
                )
            })
            .collect();
        symbols.push(symbol(
            commitment.title.value.to_string(),
            Some(format!(
                "{} · {}",
                commitment.status.value.as_str(),
                commitment.id.value
            )),
            SymbolKind::OBJECT,
            range(cover(commitment.span, commitment.id.span)),
            range(commitment.id.span),
            Some(updates),
        ));
    }
    Some(DocumentSymbolResponse::Nested(symbols))
}

fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: lsp_types::Range,
    selection_range: lsp_types::Range,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    // The protocol requires a name that is not empty.
    let name = if name.trim().is_empty() {
        "(untitled)".to_owned()
    } else {
        name
    };
    #[allow(deprecated)]
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range,
        children: children.filter(|c: &Vec<DocumentSymbol>| !c.is_empty()),
    }
}
