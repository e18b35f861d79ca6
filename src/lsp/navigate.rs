//! Where ids are declared and used, and what the editor shows for them:
//! hover, go to definition, find references and the outline.

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverContents, HoverParams, Location, MarkupContent, MarkupKind,
    ReferenceParams, SymbolKind, Uri,
};

use super::server::{Analysis, Server};
use crate::model::{Commitment, Evidence, Ledger, Status};
use crate::replay::status_on;
use crate::rule::Rule;
use crate::rules;
use crate::span::{Span, Spanned};
use crate::text::{markdown_cell, markdown_code, markdown_link, status_label};

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
    fn at(kind: IdKind, id: &Spanned<String>, is_declaration: bool) -> Occurrence<'_> {
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
        if let Some(parent) = &commitment.parent {
            found.push(at(IdKind::Commitment, parent, false));
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
fn evidence_of(commitment: &Commitment) -> impl Iterator<Item = &Evidence> {
    commitment.evidence()
}

/// The occurrence under the cursor at `offset` (a cursor just after an id
/// is still on it).
pub(super) fn occurrence_at(ledger: &Ledger, offset: usize) -> Option<Occurrence<'_>> {
    occurrences(ledger)
        .into_iter()
        .find(|o| o.span.start <= offset && offset <= o.span.end)
}

/// Every status value written, with its span.
fn statuses(ledger: &Ledger) -> impl Iterator<Item = &Spanned<Status>> {
    ledger
        .commitments
        .iter()
        .flat_map(|c| std::iter::once(&c.status).chain(c.updates.iter().map(|u| &u.status)))
}

/// The word of letters, digits and `-` around `offset`.
fn word_at(text: &str, offset: usize) -> Option<(Span, &str)> {
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

/// A rule's documentation as hover text.
fn explain(rule: &Rule) -> String {
    rules::explain_text(rule)
}

fn markdown(value: String) -> HoverContents {
    HoverContents::Markup(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

impl Server<'_> {
    pub(super) fn hover(&mut self, params: HoverParams) -> Option<Hover> {
        let at = params.text_document_position_params;
        let analysis = self.analysis(&at.text_document.uri)?;
        let index = self.index(&at.text_document.uri)?;
        let text = analysis.text();
        let offset = index.offset(text, at.position);
        let (span, value) = hover_at(&analysis, offset)?;
        Some(Hover {
            contents: markdown(value),
            range: Some(index.range(text, span)),
        })
    }

    /// Every place the id under the cursor is written (declarations
    /// flagged), in order, as ranges in the document.
    fn places_of_id_at(
        &mut self,
        uri: &Uri,
        position: lsp_types::Position,
    ) -> Option<Vec<(lsp_types::Range, bool)>> {
        let analysis = self.analysis(uri)?;
        let index = self.index(uri)?;
        let text = analysis.text();
        let ledger = analysis.loaded.ledger.as_ref()?;
        let under = occurrence_at(ledger, index.offset(text, position))?;
        let mut found: Vec<Occurrence<'_>> = occurrences(ledger)
            .into_iter()
            .filter(|o| o.kind == under.kind && o.id == under.id)
            .collect();
        found.sort_by_key(|o| o.span.start);
        Some(
            found
                .into_iter()
                .map(|o| (index.range(text, o.span), o.is_declaration))
                .collect(),
        )
    }

    pub(super) fn definition(
        &mut self,
        params: GotoDefinitionParams,
    ) -> Option<GotoDefinitionResponse> {
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        let declarations: Vec<Location> = self
            .places_of_id_at(&uri, at.position)?
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

    pub(super) fn references(&mut self, params: ReferenceParams) -> Option<Vec<Location>> {
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let include_declaration = params.context.include_declaration;
        Some(
            self.places_of_id_at(&uri, at.position)?
                .into_iter()
                .filter(|&(_, is_declaration)| include_declaration || !is_declaration)
                .map(|(range, _)| Location::new(uri.clone(), range))
                .collect(),
        )
    }

    pub(super) fn symbols(
        &mut self,
        params: DocumentSymbolParams,
    ) -> Option<DocumentSymbolResponse> {
        let uri = params.text_document.uri;
        let analysis = self.analysis(&uri)?;
        let index = self.index(&uri)?;
        let text = analysis.text();
        let ledger = analysis.loaded.ledger.as_ref()?;
        let range = |span: Span| index.range(text, span);
        // `range` must contain `selection_range`.
        let cover = |a: Span, b: Span| Span::new(a.start.min(b.start), a.end.max(b.end));
        let mut symbols = Vec::new();
        for party in &ledger.parties {
            symbols.push(symbol(
                party.id.value.clone(),
                Some(party.name.value.clone()),
                SymbolKind::CONSTANT,
                range(cover(party.id.span, party.name.span)),
                range(party.id.span),
                None,
            ));
        }
        for source in &ledger.sources {
            symbols.push(symbol(
                source.id.value.clone(),
                Some(source.title.value.clone()),
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
                        Some(update.note.value.clone()),
                        SymbolKind::EVENT,
                        range(cover(update.span, update.date.span)),
                        range(update.date.span),
                        None,
                    )
                })
                .collect();
            symbols.push(symbol(
                commitment.title.value.clone(),
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

/// The hover text at `offset` and the span it is about: an id, a status, a
/// rule code or name, or the rules of the findings under the cursor.
fn hover_at(analysis: &Analysis, offset: usize) -> Option<(Span, String)> {
    let text = analysis.text();
    if let Some(ledger) = &analysis.loaded.ledger {
        if let Some(under) = occurrence_at(ledger, offset) {
            return Some((under.span, describe(ledger, under, analysis.as_of)?));
        }
        if let Some(status) =
            statuses(ledger).find(|s| s.span.start <= offset && offset <= s.span.end)
        {
            return Some((
                status.span,
                format!(
                    "**{}**: {}",
                    status_label(status.value),
                    status.value.meaning()
                ),
            ));
        }
        if let Some(level) = ledger
            .checker
            .levels
            .iter()
            .find(|l| l.name.span.start <= offset && offset <= l.name.span.end)
        {
            return Some((level.name.span, explain(level.rule)));
        }
    }
    if let Some((span, word)) = word_at(text, offset) {
        let is_code = word.len() == 4
            && word.starts_with(['C', 'c'])
            && word[1..].bytes().all(|b| b.is_ascii_digit());
        if is_code && let Some(rule) = rules::find(word) {
            return Some((span, explain(rule)));
        }
    }
    // On a finding: the documentation of its rule.
    let under: Vec<&crate::finding::Finding> = analysis
        .findings
        .iter()
        .filter(|f| {
            f.primary.file == crate::finding::LEDGER_FILE
                && f.primary.span.start <= offset
                && offset <= f.primary.span.end
        })
        .collect();
    let first = under.first()?;
    let mut rules_seen: Vec<&Rule> = Vec::new();
    for finding in &under {
        if !rules_seen.contains(&finding.rule) {
            rules_seen.push(finding.rule);
        }
    }
    let value = rules_seen
        .iter()
        .map(|rule| explain(rule))
        .collect::<Vec<_>>()
        .join("\n\n---\n\n");
    Some((first.primary.span, value))
}

/// What an id stands for, as hover text.
fn describe(ledger: &Ledger, under: Occurrence<'_>, as_of: chrono::NaiveDate) -> Option<String> {
    match under.kind {
        IdKind::Commitment => {
            let commitment = ledger.commitments.iter().find(|c| c.id.value == under.id)?;
            let status = status_on(commitment, as_of);
            let mut lines = vec![
                format!(
                    "**{}** {}",
                    markdown_cell(&commitment.title.value),
                    markdown_code(&commitment.id.value)
                ),
                format!(
                    "Status on {as_of}: **{}** ({})",
                    status_label(status),
                    status.meaning()
                ),
            ];
            match commitment.updates.iter().rfind(|u| u.date.value <= as_of) {
                Some(update) => lines.push(format!(
                    "Latest update, {}: {}. {}",
                    update.date.value,
                    status_label(update.status.value),
                    markdown_cell(&update.note.value)
                )),
                None => lines.push(format!("Made {}; no update yet.", commitment.made.value)),
            }
            if let Some(due) = &commitment.due {
                lines.push(format!(
                    "Due {}.",
                    crate::text::deadline(
                        due.value,
                        commitment.precision(),
                        commitment.due_estimated()
                    )
                ));
            }
            Some(lines.join("\n\n"))
        }
        IdKind::Party => {
            let party = ledger.parties.iter().find(|p| p.id.value == under.id)?;
            // Counted as every report counts: requests and umbrellas apart.
            let named = ledger
                .counted(as_of)
                .filter(|c| c.committed_by().iter().any(|p| p.value == under.id))
                .count();
            Some(format!(
                "**{}** {}\n\nParty; made {} by {as_of}.",
                markdown_cell(&party.name.value),
                markdown_code(&party.id.value),
                crate::text::plural(named, "commitment", "commitments")
            ))
        }
        IdKind::Source => {
            let source = ledger.sources.iter().find(|s| s.id.value == under.id)?;
            let mut lines = vec![format!(
                "**{}** {}",
                markdown_link(
                    &source.title.value,
                    source.url.as_ref().map(|u| u.value.as_str())
                ),
                markdown_code(&source.id.value)
            )];
            let published = [
                source.publisher.as_ref().map(|p| markdown_cell(&p.value)),
                source.published.as_ref().map(|d| d.value.to_string()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            if !published.is_empty() {
                lines.push(published);
            }
            if let Some(file) = &source.file {
                lines.push(format!("Local copy: {}", markdown_code(&file.value)));
            }
            Some(lines.join("\n\n"))
        }
    }
}
