//! The report as CSV: one row per commitment, safe to open in a spreadsheet.

use super::Report;
use crate::model::Group;

/// Cells starting with these could be run as formulas by a spreadsheet
/// (OWASP "CSV injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell that a spreadsheet will show as text, never run as a formula.
pub(crate) fn neutralise(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

const HEADER: [&str; 31] = [
    "id",
    "title",
    "kind",
    "status",
    "status_since",
    "parties",
    "by",
    "asks",
    "group",
    "area",
    "made",
    "due",
    "due_estimated",
    "due_precision",
    "final_date",
    "days_early",
    "days_late",
    "days_overdue",
    "parent",
    "children",
    "latest_evidence_date",
    "latest_evidence_url",
    "target_metric",
    "target_baseline",
    "target_baseline_note",
    "target_baseline_source",
    "target_goal",
    "target_latest",
    "target_latest_note",
    "target_latest_source",
    "findings",
];

/// Columns that hold numbers the tool wrote: left as numbers (a minus sign
/// there is a sign, not a formula). Every other cell is neutralised.
const NUMERIC: [&str; 7] = [
    "days_early",
    "days_late",
    "days_overdue",
    "target_baseline",
    "target_goal",
    "target_latest",
    "findings",
];

/// The group as the JSON report spells it.
fn group_word(group: Group) -> &'static str {
    match group {
        Group::Commitment => "commitment",
        Group::SignedAtTalks => "signed_at_talks",
        Group::Request => "request",
        Group::Umbrella => "umbrella",
    }
}

/// Renders the report as CSV. Days early and late are separate columns so
/// that no number needs a minus sign.
pub fn to_csv(report: &Report) -> String {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail, and the cells are UTF-8.
    let _ = write_csv(report, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// The columns a report in a language other than English adds at its
/// end, for people: the status and the kind in its words, beside the
/// English values that programs read.
const LABELS: [&str; 2] = ["status_label", "kind_label"];

/// [`to_csv`] written to `out` row by row.
pub fn write_csv(report: &Report, out: impl std::io::Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let loc = report.locale();
    let labelled = loc.lang() != crate::i18n::Lang::En;
    let text = |value: Option<String>| value.unwrap_or_default();
    let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    let no_source = loc.text("no-source-cited");
    let labels: &[&str] = if labelled { &LABELS } else { &[] };
    writer.write_record(HEADER.iter().chain(labels))?;
    for c in &report.commitments {
        let (early, late) = match c.deviation_days {
            Some(days) if days < 0 => (Some(-days), None),
            Some(days) => (None, Some(days)),
            None => (None, None),
        };
        let target = c.target.as_ref();
        // A figure's evidence: its URLs, or the words that it has none.
        let sources = |value: Option<f64>, links: &[super::EvidenceLink]| match value {
            None => String::new(),
            Some(_) if links.is_empty() => no_source.clone(),
            Some(_) => links
                .iter()
                .map(|l| l.url.clone().unwrap_or_else(|| l.title.clone()))
                .collect::<Vec<_>>()
                .join(" "),
        };
        let row: [String; 31] = [
            c.id.clone(),
            c.title.clone(),
            c.kind.as_str().to_owned(),
            c.status.as_str().to_owned(),
            c.status_since.to_string(),
            c.parties.join(";"),
            c.by.join(";"),
            c.asks.join(";"),
            group_word(c.group).to_owned(),
            text(c.area.clone()),
            c.made.to_string(),
            text(c.due.map(|d| d.to_string())),
            if c.due.is_some() {
                c.due_estimated.to_string()
            } else {
                String::new()
            },
            text(c.due_precision.map(|p| p.as_str().to_owned())),
            text(c.final_date.map(|d| d.to_string())),
            text(early.map(|d| d.to_string())),
            text(late.map(|d| d.to_string())),
            text(c.overdue_days.map(|d| d.to_string())),
            text(c.parent.clone()),
            c.children.join(";"),
            text(c.latest_evidence.as_ref().map(|e| e.date.to_string())),
            text(c.latest_evidence.as_ref().and_then(|e| e.url.clone())),
            text(target.map(|t| t.metric.clone())),
            number(target.and_then(|t| t.baseline)),
            text(target.and_then(|t| t.baseline_note.clone())),
            target.map_or_else(String::new, |t| sources(t.baseline, &t.baseline_evidence)),
            number(target.and_then(|t| t.goal)),
            number(target.and_then(|t| t.latest)),
            text(target.and_then(|t| t.latest_note.clone())),
            target.map_or_else(String::new, |t| sources(t.latest, &t.latest_evidence)),
            c.findings.len().to_string(),
        ];
        // Made only where they are written: an English report has 100,000
        // rows and no labels.
        let label_cells: Vec<String> = if labelled {
            vec![loc.status(c.status), loc.kind(c.kind)]
        } else {
            Vec::new()
        };
        let cells = row.iter().zip(HEADER).map(|(cell, column)| {
            if NUMERIC.contains(&column) {
                cell.clone()
            } else {
                neutralise(cell)
            }
        });
        writer.write_record(cells.chain(label_cells.iter().map(|cell| neutralise(cell))))?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(neutralise(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(neutralise("kept"), "kept");
    }

    #[test]
    fn numeric_columns_are_named_in_the_header() {
        for column in NUMERIC {
            assert!(HEADER.contains(&column), "{column}");
        }
    }
}
