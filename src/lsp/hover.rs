//! `textDocument/hover`: what an id, a status or a rule code stands for.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::ids::{IdKind, Occurrence, occurrence_at, statuses, word_at};
use super::server::Analysis;
use super::snapshot::Snapshot;
use crate::i18n::{Lang, Locale};
use crate::model::{Ledger, Translations};
use crate::replay::status_on;
use crate::rule::Rule;
use crate::rules;
use crate::span::Span;
use crate::text::{markdown_cell, markdown_code, markdown_link};

pub(super) fn answer(snapshot: &Snapshot<'_>, params: HoverParams) -> Option<Hover> {
    let at = params.text_document_position_params;
    let analysis = snapshot.analysis.clone();
    let index = snapshot.index();
    let text = analysis.text();
    let offset = index.offset(text, at.position);
    let (span, value) = hover_at(&analysis, offset, snapshot.config.lang)?;
    Some(Hover {
        contents: markdown(value),
        range: Some(index.range(text, span)),
    })
}

/// The hover text at `offset` and the span it is about: an id, a status, a
/// rule code or name, or the rules of the findings under the cursor. In
/// `lang` (the editor's `lang` setting), else the ledger's language; the
/// rules' documentation is English, as `check` and `explain` are.
fn hover_at(analysis: &Analysis, offset: usize, lang: Option<Lang>) -> Option<(Span, String)> {
    let text = analysis.text();
    if let Some(ledger) = &analysis.loaded.ledger {
        let words = Words::new(ledger, lang.unwrap_or_else(|| Lang::of_ledger(ledger)));
        if let Some(under) = occurrence_at(ledger, offset) {
            return Some((under.span, describe(&words, under, analysis.as_of)?));
        }
        if let Some((span, cross)) = super::ids::cross_reference_at(ledger, offset) {
            return Some((span, describe_cross(analysis, cross)));
        }
        if let Some(status) =
            statuses(ledger).find(|s| s.span.start() <= offset && offset <= s.span.end())
        {
            return Some((
                status.span,
                format!(
                    "**{}**: {}",
                    words.loc.status_label(status.value),
                    words.loc.status_meaning(status.value)
                ),
            ));
        }
        if let Some(level) = ledger
            .checker
            .levels
            .iter()
            .find(|l| l.name.span.start() <= offset && offset <= l.name.span.end())
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
                && f.primary.span.start() <= offset
                && offset <= f.primary.span.end()
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

/// What a `LEDGER-ID:COMMITMENT-ID` names, as hover text: the commitment's
/// title and its ledger, or that the workspace does not hold it.
fn describe_cross(analysis: &Analysis, cross: crate::model::CrossReference<'_>) -> String {
    let workspace = analysis.loaded.workspace.as_deref();
    let Some(other) = workspace.and_then(|w| w.ledgers.get(cross.ledger)) else {
        return format!(
            "{}: no ledger `{}` in {}",
            markdown_code(&cross.to_string()),
            cross.ledger,
            workspace.map_or("a workspace (this ledger is in none)", |w| w
                .workspace_file
                .as_str())
        );
    };
    match other.commitments.get(cross.commitment) {
        Some(title) => format!(
            "**{}** {}\n\nIn another ledger of the workspace: {} ({})",
            markdown_cell(title),
            markdown_code(&cross.to_string()),
            markdown_cell(&other.title),
            markdown_code(&other.path)
        ),
        None => format!(
            "{}: ledger {} has no such commitment",
            markdown_code(&cross.to_string()),
            markdown_code(&other.path)
        ),
    }
}

/// A hover's words: the tool's in a language, and the ledger's texts in
/// the editors' translation into it where there is one.
struct Words<'l> {
    ledger: &'l Ledger,
    loc: &'static Locale,
    /// The language to translate the ledger's texts into, when it is not
    /// the ledger's own.
    translate_to: Option<&'static str>,
}

impl<'l> Words<'l> {
    fn new(ledger: &'l Ledger, lang: Lang) -> Words<'l> {
        Words {
            ledger,
            loc: Locale::of(lang),
            translate_to: lang.translating(ledger),
        }
    }

    fn text<'t>(&self, i18n: &'t Translations, key: &str, original: &'t str) -> &'t str {
        i18n.pick_in(self.translate_to, key, original)
    }
}

/// What an id stands for, as hover text.
fn describe(words: &Words<'_>, under: Occurrence<'_>, as_of: chrono::NaiveDate) -> Option<String> {
    let (ledger, loc) = (words.ledger, words.loc);
    match under.kind {
        IdKind::Commitment => {
            let commitment = ledger.commitments.iter().find(|c| c.id.value == under.id)?;
            let status = status_on(commitment, as_of);
            let mut lines = vec![
                format!(
                    "**{}** {}",
                    markdown_cell(words.text(&commitment.i18n, "title", &commitment.title.value)),
                    markdown_code(&commitment.id.value)
                ),
                loc.with(
                    "hover-status-on",
                    &[
                        ("date", loc.date(as_of).into()),
                        ("status", loc.status_label(status).into()),
                        ("meaning", loc.status_meaning(status).into()),
                    ],
                ),
            ];
            match commitment.updates.iter().rfind(|u| u.date.value <= as_of) {
                Some(update) => lines.push(
                    loc.with(
                        "hover-latest",
                        &[
                            ("date", loc.date(update.date.value).into()),
                            ("status", loc.status_label(update.status.value).into()),
                            (
                                "note",
                                markdown_cell(words.text(&update.i18n, "note", &update.note.value))
                                    .into(),
                            ),
                        ],
                    ),
                ),
                None => lines.push(loc.with(
                    "hover-no-update",
                    &[("date", loc.date(commitment.made.value).into())],
                )),
            }
            if let Some(due) = &commitment.due {
                let deadline = loc.deadline(
                    due.value,
                    commitment.precision(),
                    commitment.due_estimated(),
                );
                lines.push(loc.with("hover-due", &[("deadline", deadline.into())]));
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
                "**{}** {}\n\n{}",
                markdown_cell(words.text(&party.i18n, "name", &party.name.value)),
                markdown_code(&party.id.value),
                loc.with(
                    "hover-party",
                    &[
                        ("commitments", loc.count("count-commitments", named).into()),
                        ("date", loc.date(as_of).into()),
                    ],
                )
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
                source.published.as_ref().map(|d| loc.date(d.value)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(&loc.text("list-comma"));
            if !published.is_empty() {
                lines.push(published);
            }
            if let Some(file) = &source.file {
                lines.push(loc.with(
                    "hover-local-copy",
                    &[("file", markdown_code(&file.value).into())],
                ));
            }
            Some(lines.join("\n\n"))
        }
    }
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
