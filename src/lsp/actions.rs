//! Code actions: the fixes the checker knows, made with the same toml_edit
//! paths as the editing commands, so the rest of the file keeps its form.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::diagnostic;
use super::document::LineIndex;
use super::server::Analysis;
use super::snapshot::Snapshot;
use crate::edit::{UpdateRequest, plan_set_status, plan_update, respell};
use crate::finding::LEDGER_FILE;
use crate::layout::headers;
use crate::model::Commitment;
use crate::span::Span;
use crate::text::floor_char_boundary;

/// The one replacement that turns `old` into `new`, in whole lines: the
/// lines between their common start and their common end.
pub(super) fn smallest_edit(old: &str, new: &str) -> (Span, String) {
    let prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let prefix = old[..floor_char_boundary(old, prefix)]
        .rfind('\n')
        .map_or(0, |at| at + 1);
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    // The common end is the same text in both, so moving to the end of its
    // first line keeps both ends in step.
    let mut old_end = old.len() - suffix;
    if old_end > prefix && !old[..old_end].ends_with('\n') {
        old_end = old[old_end..]
            .find('\n')
            .map_or(old.len(), |at| old_end + at + 1);
    }
    let new_end = new.len() - (old.len() - old_end);
    (Span::new(prefix, old_end), new[prefix..new_end].to_owned())
}

/// The commitment whose block holds `offset`: from its `[[commitment]]`
/// header to the next one, its updates and target included.
fn commitment_at(analysis: &Analysis, offset: usize) -> Option<&Commitment> {
    let text = analysis.text();
    let blocks: Vec<usize> = headers(text)
        .into_iter()
        .filter(|h| h.array && h.path == "commitment")
        .map(|h| h.start)
        .collect();
    let at = blocks
        .partition_point(|&start| start <= offset)
        .checked_sub(1)?;
    let (start, end) = (
        blocks[at],
        blocks.get(at + 1).copied().unwrap_or(text.len()),
    );
    analysis
        .loaded
        .ledger
        .as_ref()?
        .commitments
        .iter()
        .find(|c| start <= c.id.span.start() && c.id.span.start() < end)
}

pub(super) fn answer(
    snapshot: &Snapshot<'_>,
    params: CodeActionParams,
) -> Option<CodeActionResponse> {
    let uri = params.text_document.uri;
    let analysis = snapshot.analysis.clone();
    let index = snapshot.index();
    let text = analysis.text();
    let wanted = index.span(text, params.range);
    let overlaps = |span: Span| span.start() <= wanted.end() && wanted.start() <= span.end();
    let mut actions = Vec::new();

    // "Did you mean": put the proposed word in place.
    for finding in &analysis.findings {
        let Some(word) = &finding.suggestion else {
            continue;
        };
        if finding.primary.file != LEDGER_FILE || !overlaps(finding.primary.span) {
            continue;
        }
        let written = &text[finding.primary.span.range()];
        let replacement = respell(written, word);
        actions.push(action(
            format!("Replace `{written}` with {replacement}"),
            &uri,
            index,
            text,
            (finding.primary.span, replacement),
            vec![diagnostic(snapshot.config, &uri, &analysis, index, finding)],
            true,
        ));
    }

    let Some(commitment) = commitment_at(&analysis, wanted.start()) else {
        return Some(actions);
    };
    let ledger = analysis.loaded.ledger.as_ref()?;
    let id = &commitment.id.value;

    // The status the latest update records.
    if let Some(latest) = commitment.updates.last()
        && latest.status.value != commitment.status.value
        && let Ok(proposed) = plan_set_status(text, ledger, id, latest.status.value)
    {
        let fixes: Vec<lsp_types::Diagnostic> = analysis
            .findings
            .iter()
            .filter(|f| {
                f.rule == &crate::rules::status_mismatch::RULE
                    && f.primary.span == commitment.status.span
            })
            .map(|f| diagnostic(snapshot.config, &uri, &analysis, index, f))
            .collect();
        actions.push(action(
            format!(
                "Set `status` to \"{}\", the latest update's",
                latest.status.value.as_str()
            ),
            &uri,
            index,
            text,
            smallest_edit(text, &proposed),
            fixes,
            true,
        ));
    }

    // A new, dated entry in the history, to fill in.
    let request = UpdateRequest {
        id: id.to_string(),
        status: commitment.status.value,
        date: analysis.as_of,
        note: String::new(),
        note_translations: Vec::new(),
        evidence: Vec::new(),
    };
    if let Ok(proposed) = plan_update(text, ledger, &request) {
        actions.push(action(
            format!("Add an update to `{id}` dated {}", analysis.as_of),
            &uri,
            index,
            text,
            smallest_edit(text, &proposed),
            Vec::new(),
            false,
        ));
    }
    Some(actions)
}

fn action(
    title: String,
    uri: &Uri,
    index: &LineIndex,
    text: &str,
    (span, new_text): (Span, String),
    diagnostics: Vec<lsp_types::Diagnostic>,
    is_fix: bool,
) -> CodeActionOrCommand {
    let edit = TextEdit::new(index.range(text, span), new_text);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(if is_fix {
            CodeActionKind::QUICKFIX
        } else {
            CodeActionKind::REFACTOR
        }),
        is_preferred: Some(is_fix && diagnostics.len() == 1),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..Default::default()
        }),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::smallest_edit;

    #[test]
    fn the_smallest_edit_replaces_only_what_differs() {
        let (span, text) = smallest_edit("a\nstatus = \"kept\"\n", "a\nstatus = \"broken\"\n");
        assert_eq!(
            (span.start(), span.end(), text.as_str()),
            (2, 18, "status = \"broken\"\n")
        );
        // An inserted table starts at the start of a line.
        let (span, text) = smallest_edit("[[c]]\n\n[[c]]\n", "[[c]]\n\n[[c.u]]\n\n[[c]]\n");
        assert_eq!(
            (span.start(), span.end(), text.as_str()),
            (7, 7, "[[c.u]]\n\n")
        );
        let (span, text) = smallest_edit("a\n", "a\nb\n");
        assert_eq!((span.start(), span.end(), text.as_str()), (2, 2, "b\n"));
        // Never inside a character.
        let (span, text) = smallest_edit("x\né", "x\nè");
        assert_eq!((span.start(), span.end(), text.as_str()), (2, 4, "è"));
        // A change in the middle of a line that ends the text.
        let (span, text) = smallest_edit("ab\ncXd", "ab\ncYd");
        assert_eq!((span.start(), span.end(), text.as_str()), (3, 6, "cYd"));
    }
}
