//! The report as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write as _;

use super::{Count, DueItem, EvidenceLink, Report};
use crate::model::Status;
use crate::text::plural;

/// A status as an emoji and its word; the word is always there.
pub fn status_label(status: Status) -> String {
    let emoji = match status {
        Status::Announced => "📣",
        Status::InProgress => "🚧",
        Status::Active => "🔄",
        Status::AtRisk => "⚠️",
        Status::Stalled => "⏸️",
        Status::Kept => "✅",
        Status::PartiallyKept => "🌓",
        Status::Broken => "❌",
    };
    format!("{emoji} {}", status.as_str().replace('_', " "))
}

/// Text made safe for a table cell or a line of Markdown: no raw HTML, no
/// line breaks, no unescaped pipes.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("&#92;"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '`' => out.push_str("\\`"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            other => out.push(other),
        }
    }
    let out = out.trim();
    // Bidirectional controls could reorder the rest of the line: keep their
    // effect inside the cell (first-strong isolate … pop isolate).
    if out.chars().any(is_bidi_control) {
        format!("\u{2068}{out}\u{2069}")
    } else {
        out.to_owned()
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A URL made safe inside `(...)` of a Markdown link.
fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '|' => out.push_str("%7C"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            c if c.is_control() => {}
            other => out.push(other),
        }
    }
    out
}

/// `[title](url)` for a web address; anything else (no URL, or a scheme
/// such as `javascript:`) is shown as plain text.
pub(crate) fn link(title: &str, url: Option<&str>) -> String {
    match url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            format!("[{}]({})", cell(title), link_target(url))
        }
        _ => cell(title),
    }
}

fn evidence(evidence: &EvidenceLink) -> String {
    link(&evidence.title, evidence.url.as_deref())
}

/// "DATE: note — [evidence](url)" for the commitments table.
fn latest_update(c: &super::CommitmentReport) -> String {
    let mut text = match (&c.latest_note, c.latest_update) {
        (Some(note), Some(date)) => format!("{date}: {}", cell(note)),
        _ => String::new(),
    };
    if let Some(link) = &c.latest_evidence {
        let _ = write!(text, " — {}", evidence(link));
    }
    text
}

fn counts_table(out: &mut String, heading: &str, counts: &[Count], label: impl Fn(&str) -> String) {
    let _ = writeln!(out, "| {heading} | Commitments |\n|---|---:|");
    for count in counts {
        let _ = writeln!(out, "| {} | {} |", label(&count.key), count.count);
    }
    out.push('\n');
}

fn due_table(out: &mut String, items: &[DueItem], days: &str) {
    let _ = writeln!(
        out,
        "| Commitment | Due | {days} | Status |\n|---|---|---:|---|"
    );
    for item in items {
        let _ = writeln!(
            out,
            "| `{}` {} | {} | {} | {} |",
            item.id,
            cell(&item.title),
            item.due,
            item.days,
            status_label(item.status)
        );
    }
    out.push('\n');
}

/// Renders the report as Markdown.
pub fn to_markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&report.title));
    let reviewed = report
        .reviewed
        .map(|d| format!(" · statuses reviewed up to **{d}**"))
        .unwrap_or_default();
    let _ = writeln!(out, "As of **{}**{reviewed}\n", report.as_of);
    if let Some(notice) = &report.review_notice {
        let _ = writeln!(out, "> **Note:** {}\n", cell(notice));
    }

    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    let warnings = report.findings.len() - errors;
    if !report.findings.is_empty() {
        let _ = writeln!(
            out,
            "## Checker findings\n\n{} and {} (`commitments check` explains each).\n",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        );
        // Warnings alone fold away; errors stay open.
        let open = if errors > 0 { " open" } else { "" };
        let _ = writeln!(out, "<details{open}><summary>Every finding</summary>\n");
        let _ = writeln!(
            out,
            "| Level | Rule | Line | Commitment | Finding |\n|---|---|---:|---|---|"
        );
        for finding in &report.findings {
            let _ = writeln!(
                out,
                "| {} | {} `{}` | {}:{} | {} | {} |",
                finding.severity,
                finding.code,
                finding.name,
                finding.line,
                finding.column,
                finding
                    .commitment
                    .as_deref()
                    .map(|id| format!("`{id}`"))
                    .unwrap_or_default(),
                cell(&finding.message)
            );
        }
        let _ = writeln!(out, "\n</details>\n");
    }

    let totals = &report.totals;
    let umbrellas = if totals.umbrellas > 0 {
        format!(
            ", plus {} not counted (their children are)",
            plural(totals.umbrellas, "umbrella", "umbrellas")
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "## Summary\n\n**{}**{umbrellas}.\n",
        plural(totals.commitments, "commitment", "commitments")
    );
    let d = &totals.deliverables;
    if d.total == 0 {
        let _ = writeln!(out, "No deliverables.\n");
    } else {
        let _ = writeln!(
            out,
            "Deliverables: {} — kept {} ({}%), partially kept {} ({}%), broken {} ({}%), open {} ({}%).\n",
            d.total,
            d.kept,
            d.kept_percent,
            d.partially_kept,
            d.partially_kept_percent,
            d.broken,
            d.broken_percent,
            d.open,
            d.open_percent
        );
    }
    let _ = writeln!(out, "| Status | Commitments |\n|---|---:|");
    for (count, status) in totals.by_status.iter().zip(Status::ALL) {
        let _ = writeln!(out, "| {} | {} |", status_label(status), count.count);
    }
    out.push('\n');
    let _ = write!(out, "| Party | Commitments |");
    for status in Status::ALL {
        let _ = write!(out, " {} |", status_label(status));
    }
    let _ = writeln!(out, "\n|---|---:|{}", "---:|".repeat(Status::ALL.len()));
    for party in &totals.by_party {
        let _ = write!(
            out,
            "| {} (`{}`) | {} |",
            cell(&party.name),
            party.id,
            party.commitments
        );
        for count in &party.by_status {
            let _ = write!(out, " {} |", count.count);
        }
        out.push('\n');
    }
    out.push('\n');
    counts_table(&mut out, "Kind", &totals.by_kind, |k| k.to_owned());
    counts_table(&mut out, "Area", &totals.by_area, cell);

    let _ = writeln!(out, "## Overdue\n");
    if report.overdue.is_empty() {
        let _ = writeln!(out, "Nothing is overdue.\n");
    } else {
        due_table(&mut out, &report.overdue, "Days overdue");
    }
    let _ = writeln!(out, "## Due in the next {} days\n", super::WINDOW_DAYS);
    if report.due_soon.is_empty() {
        let _ = writeln!(out, "Nothing is due.\n");
    } else {
        due_table(&mut out, &report.due_soon, "Days left");
    }
    let _ = writeln!(out, "## Changes in the last {} days\n", super::WINDOW_DAYS);
    if report.recent_changes.is_empty() {
        let _ = writeln!(out, "No updates.\n");
    } else {
        let _ = writeln!(
            out,
            "| Date | Commitment | Status | Note |\n|---|---|---|---|"
        );
        for change in &report.recent_changes {
            let status = if change.from == change.to {
                status_label(change.to)
            } else {
                format!(
                    "{} → {}",
                    status_label(change.from),
                    status_label(change.to)
                )
            };
            let _ = writeln!(
                out,
                "| {} | `{}` | {status} | {} |",
                change.date,
                change.id,
                cell(&change.note)
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Commitments\n");
    let _ = writeln!(
        out,
        "| Commitment | Parties | Status | Due | Latest update |\n|---|---|---|---|---|"
    );
    for c in &report.commitments {
        let mut status = format!("{} since {}", status_label(c.status), c.status_since);
        if let Some(days) = c.deviation_days {
            let _ = match days {
                0 => write!(status, ", on the day"),
                d if d < 0 => write!(status, ", {} early", plural((-d) as usize, "day", "days")),
                d => write!(status, ", {} late", plural(d as usize, "day", "days")),
            };
        }
        if let Some(days) = c.overdue_days {
            let _ = write!(
                status,
                ", **{} overdue**",
                plural(days as usize, "day", "days")
            );
        }
        if let Some(target) = &c.target {
            let latest = target
                .latest
                .map(|v| format!("{v} {}", cell(&target.unit)))
                .unwrap_or_else(|| "none".into());
            let _ = write!(status, "; {}: latest {latest}", cell(&target.metric));
            if let Some(baseline) = target.baseline {
                let _ = write!(status, ", baseline {baseline}");
            }
            if let Some(goal) = target.goal {
                let _ = write!(status, ", goal {goal}");
            }
        }
        let mut title = format!("`{}` {}", c.id, cell(&c.title));
        if !c.children.is_empty() {
            let _ = write!(
                title,
                " (umbrella of {})",
                plural(c.children.len(), "commitment", "commitments")
            );
        }
        if let Some(parent) = &c.parent {
            let _ = write!(title, " (under `{parent}`)");
        }
        if !c.findings.is_empty() {
            let _ = write!(
                title,
                " — {}",
                plural(c.findings.len(), "finding", "findings")
            );
        }
        let _ = writeln!(
            out,
            "| {title} | {} | {status} | {} | {} |",
            c.parties.join(", "),
            c.due.map(|d| d.to_string()).unwrap_or_default(),
            latest_update(c)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_a_table_or_inject_html() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(
            cell("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(cell("\\| [x](y)"), "&#92;\\| \\[x\\](y)");
    }

    #[test]
    fn link_targets_cannot_close_the_link() {
        assert_eq!(
            link_target("https://x.org/a (b)|c"),
            "https://x.org/a%20%28b%29%7Cc"
        );
    }
}
