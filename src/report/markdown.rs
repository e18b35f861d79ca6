//! The report as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write as _;

use super::{Count, DueItem, EvidenceLink, Report};
use crate::model::{Group, Status};
use crate::text::{
    markdown_cell as cell, markdown_code, markdown_link as link, plural, status_label,
};

/// Who committed, or who asked whom.
fn who(c: &super::CommitmentReport) -> String {
    let list = |ids: &[String]| ids.iter().map(|id| cell(id)).collect::<Vec<_>>().join(", ");
    if c.asks.is_empty() {
        list(&c.by)
    } else {
        format!("{} asks {}", list(&c.by), list(&c.asks))
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
            "| {} {} | {} | {} | {} |",
            markdown_code(&item.id),
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
                    .map(markdown_code)
                    .unwrap_or_default(),
                cell(&finding.message)
            );
        }
        let _ = writeln!(out, "\n</details>\n");
    }

    let totals = &report.totals;
    let _ = writeln!(out, "## Summary\n\n**{}**.\n", totals.headcount());
    for (count, meaning) in [
        (totals.signed_at_talks, super::SIGNED_AT_TALKS_MEANING),
        (totals.requests, super::REQUEST_MEANING),
        (totals.umbrellas, super::UMBRELLA_MEANING),
    ] {
        if count > 0 {
            let _ = writeln!(out, "- {meaning}");
        }
    }
    if totals.signed_at_talks + totals.requests + totals.umbrellas > 0 {
        out.push('\n');
    }
    let d = &totals.deliverables;
    let which = if totals.signed_at_talks > 0 {
        "Deliverables, those signed at the talks aside"
    } else {
        "Deliverables"
    };
    if d.total == 0 {
        let _ = writeln!(out, "No deliverables.\n");
    } else {
        let _ = writeln!(
            out,
            "{which}: {} — kept {} ({}%), partially kept {} ({}%), broken {} ({}%), open {} ({}%).\n",
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
            "| {} ({}) | {} |",
            cell(&party.name),
            markdown_code(&party.id),
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
                "| {} | {} | {status} | {} |",
                change.date,
                markdown_code(&change.id),
                cell(&change.note)
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Commitments\n");
    let _ = writeln!(
        out,
        "| Commitment | Committed by | Status | Due | Latest update |\n|---|---|---|---|---|"
    );
    for c in &report.commitments {
        let mut status = format!("{} since {}", status_label(c.status), c.status_since);
        let against = if c.due_estimated {
            " against an estimated deadline"
        } else {
            ""
        };
        if let Some(days) = c.deviation_days {
            let _ = match days {
                0 => write!(status, ", on the day{against}"),
                d if d < 0 => write!(
                    status,
                    ", {} early{against}",
                    plural((-d) as usize, "day", "days")
                ),
                d => write!(
                    status,
                    ", {} late{against}",
                    plural(d as usize, "day", "days")
                ),
            };
        }
        if let Some(days) = c.overdue_days {
            let _ = write!(
                status,
                ", **{} overdue**{against}",
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
        let mut title = format!("{} {}", markdown_code(&c.id), cell(&c.title));
        if !c.children.is_empty() {
            let _ = write!(
                title,
                " (umbrella of {})",
                plural(c.children.len(), "commitment", "commitments")
            );
        }
        if let Some(parent) = &c.parent {
            let _ = write!(title, " (under {})", markdown_code(parent));
        }
        match c.group {
            Group::SignedAtTalks => title.push_str(" (signed at the talks)"),
            Group::Request => title.push_str(" (a request)"),
            Group::Commitment | Group::Umbrella => {}
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
            who(c),
            c.due
                .map(|d| {
                    if c.due_estimated {
                        format!("{d} (estimated)")
                    } else {
                        d.to_string()
                    }
                })
                .unwrap_or_default(),
            latest_update(c)
        );
    }
    out
}
