//! A [`LedgerDiff`] as Markdown for a pull request's summary, or as JSON.

use std::fmt::Write as _;

use super::changes::{EvidenceBrief, FieldChange, LedgerDiff};
use crate::text::{markdown_cell as cell, markdown_code, markdown_link as link};
use chrono::NaiveDate;

fn evidence_line(evidence: &EvidenceBrief) -> String {
    let what = match (&evidence.url, &evidence.source) {
        (Some(url), _) => link(evidence.title.as_deref().unwrap_or(url), Some(url)),
        (None, Some(source)) => format!("source `{}`", cell(source)),
        (None, None) => String::new(),
    };
    format!("{what}: “{}”", cell(&evidence.quote))
}

/// The diff as Markdown, one plain sentence per change.
pub fn to_markdown(diff: &LedgerDiff) -> String {
    let mut out = String::from("## Ledger changes\n\n");
    if diff.added.is_empty()
        && diff.removed.is_empty()
        && diff.changed.is_empty()
        && diff.parties.is_empty()
        && diff.sources.is_empty()
    {
        out.push_str("Nothing changed: no commitment, party or source.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{} added, {} removed, {} changed.\n",
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len()
    );
    for (heading, items) in [("Added", &diff.added), ("Removed", &diff.removed)] {
        if !items.is_empty() {
            let _ = writeln!(out, "### {heading}\n");
            for item in items {
                let _ = writeln!(
                    out,
                    "- {} {} ({})",
                    markdown_code(&item.id),
                    cell(&item.title),
                    crate::i18n::Locale::en().status_label(item.status)
                );
            }
            out.push('\n');
        }
    }
    if !diff.changed.is_empty() {
        let _ = writeln!(out, "### Changed\n");
        for change in &diff.changed {
            let _ = writeln!(
                out,
                "- {} {}",
                markdown_code(&change.id),
                cell(&change.title)
            );
            if let Some([from, to]) = change.status {
                let _ = writeln!(
                    out,
                    "  - status: {} → {}",
                    crate::i18n::Locale::en().status_label(from),
                    crate::i18n::Locale::en().status_label(to)
                );
            }
            for update in &change.new_updates {
                let _ = writeln!(
                    out,
                    "  - update {}, {}: {}",
                    update.date,
                    crate::i18n::Locale::en().status_label(update.status),
                    cell(&update.note)
                );
                for evidence in &update.evidence {
                    let _ = writeln!(out, "    - evidence: {}", evidence_line(evidence));
                }
            }
            if let Some([from, to]) = change.due {
                let show =
                    |d: Option<NaiveDate>| d.map_or_else(|| "none".to_owned(), |d| d.to_string());
                let _ = writeln!(out, "  - due: {} → {}", show(from), show(to));
            }
            if let Some([from, to]) = &change.title_change {
                let _ = writeln!(out, "  - title: “{}” → “{}”", cell(from), cell(to));
            }
            if let Some([from, to]) = &change.quote {
                let _ = writeln!(out, "  - quote: “{}” → “{}”", cell(from), cell(to));
            }
            for field in &change.fields {
                let _ = writeln!(out, "  - {}", field_line(field));
            }
        }
        out.push('\n');
    }
    for (heading, entries) in [("Parties", &diff.parties), ("Sources", &diff.sources)] {
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {heading}\n");
        for entry in entries {
            let _ = writeln!(out, "- {} {}", markdown_code(&entry.id), entry.change);
            for field in &entry.fields {
                let _ = writeln!(out, "  - {}", field_line(field));
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `field: “from” → “to”`, with "none" for an empty side.
fn field_line(field: &FieldChange) -> String {
    let side = |value: &str| {
        if value.is_empty() {
            "none".to_owned()
        } else {
            format!("“{}”", cell(value))
        }
    };
    format!(
        "{}: {} → {}",
        cell(&field.field),
        side(&field.from),
        side(&field.to)
    )
}

/// The diff as pretty JSON.
pub fn to_json(diff: &LedgerDiff) -> String {
    let mut text = serde_json::to_string_pretty(diff).unwrap_or_default();
    text.push('\n');
    text
}
