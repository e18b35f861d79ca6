//! Findings as the editor's diagnostics: the same code, message, labels and
//! help lines as `commitments check` prints.

use std::path::Path;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use super::config::Config;
use super::document::{LineIndex, path_to_uri};
use super::server::{Analysis, Server};
use crate::finding::{Finding, LEDGER_FILE, Label, Severity};
use crate::span::Span;

impl Server<'_> {
    /// The findings of `analysis` as diagnostics, each encoded as JSON.
    pub(super) fn diagnostics_json(
        &self,
        uri: &Uri,
        analysis: &Analysis,
    ) -> Vec<serde_json::Value> {
        let Some(index) = self.index(uri) else {
            return Vec::new();
        };
        use rayon::prelude::*;
        let config = &self.config;
        analysis
            .findings
            .par_iter()
            .map(|finding| {
                let diagnostic = diagnostic(config, uri, analysis, index, finding);
                serde_json::to_value(diagnostic).unwrap_or_default()
            })
            .collect()
    }
}

/// One finding as a diagnostic.
pub(super) fn diagnostic(
    config: &Config,
    uri: &Uri,
    analysis: &Analysis,
    index: &LineIndex,
    finding: &Finding,
) -> Diagnostic {
    let text = analysis.text();
    // A finding is always shown in the ledger: one that points into a
    // source file is shown at its first place in the ledger.
    let span = std::iter::once(&finding.primary)
        .chain(&finding.secondary)
        .find(|label| label.file == LEDGER_FILE)
        .map_or(Span::default(), |label| label.span);
    let mut message = finding.message.clone();
    if !finding.primary.message.is_empty() {
        message.push('\n');
        message.push_str(&finding.primary.message);
    }
    for note in &finding.notes {
        message.push('\n');
        message.push_str(note);
    }
    let related: Vec<DiagnosticRelatedInformation> = finding
        .secondary
        .iter()
        .chain((finding.primary.file != LEDGER_FILE).then_some(&finding.primary))
        .filter_map(|label| related(config, uri, analysis, index, label))
        .collect();
    Diagnostic {
        range: index.range(text, span),
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(finding.rule.code.to_owned())),
        code_description: config
            .rule_links
            .get(finding.rule.code)
            .map(|href| CodeDescription { href: href.clone() }),
        source: Some(format!("commitments {}", finding.rule.name)),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: finding
            .suggestion
            .as_ref()
            .map(|word| serde_json::json!({ "suggestion": word })),
    }
}

/// A secondary label as a location: in the ledger, or in a source file.
fn related(
    config: &Config,
    uri: &Uri,
    analysis: &Analysis,
    index: &LineIndex,
    label: &Label,
) -> Option<DiagnosticRelatedInformation> {
    let files = &analysis.loaded.files;
    let (uri, range) = if label.file == LEDGER_FILE {
        (uri.clone(), index.range(analysis.text(), label.span))
    } else {
        let text = files.text(label.file);
        let path = Path::new(files.name(label.file));
        let file_index = LineIndex::new(text, config.encoding);
        (path_to_uri(path)?, file_index.range(text, label.span))
    };
    Some(DiagnosticRelatedInformation {
        location: Location::new(uri, range),
        message: if label.message.is_empty() {
            "here".to_owned()
        } else {
            label.message.to_string()
        },
    })
}
