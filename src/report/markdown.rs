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

/// A target's figures, each with its note and evidence, or "no source
/// cited": a figure is never shown without its caveats.
fn target_text(target: &super::TargetProgress) -> String {
    let figure = |value: f64,
                  date: Option<chrono::NaiveDate>,
                  approximate: bool,
                  note: Option<&String>,
                  evidence_links: &[EvidenceLink]| {
        let mut text = format!("{value} {}", cell(&target.unit));
        if let Some(date) = date {
            let _ = write!(
                text,
                " ({date}{})",
                if approximate {
                    ", approximate date"
                } else {
                    ""
                }
            );
        }
        if let Some(note) = note {
            let _ = write!(text, " — {}", cell(note));
        }
        if evidence_links.is_empty() {
            text.push_str(" — no source cited");
        } else {
            let links: Vec<String> = evidence_links.iter().map(evidence).collect();
            let _ = write!(text, " — {}", links.join(", "));
        }
        text
    };
    let mut text = format!("{}: latest ", cell(&target.metric));
    match target.latest {
        Some(value) => text.push_str(&figure(
            value,
            target.latest_date,
            target.latest_date_estimated,
            target.latest_note.as_ref(),
            &target.latest_evidence,
        )),
        None => text.push_str("none"),
    }
    if let Some(value) = target.baseline {
        let _ = write!(
            text,
            "; baseline {}",
            figure(
                value,
                target.baseline_date,
                target.baseline_date_estimated,
                target.baseline_note.as_ref(),
                &target.baseline_evidence,
            )
        );
    }
    if let Some(goal) = target.goal {
        let _ = write!(text, "; goal {goal}");
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
            cell(&item.due_text),
            format_args!(
                "{}{}",
                item.days,
                crate::text::against(item.due_precision, item.due_estimated)
            ),
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
    let _ = write!(out, "{}", totals.headline());
    if let Some(left_out) = totals.left_out() {
        let _ = write!(out, " {left_out}");
    }
    out.push_str("\n\n");
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
        let precision = c.due_precision.unwrap_or_default();
        if let Some(days) = c.deviation_days {
            let _ = write!(
                status,
                ", {}",
                crate::text::deviation(days, precision, c.due_estimated)
            );
        }
        if let Some(days) = c.overdue_days {
            let _ = write!(
                status,
                ", **{} overdue**{}",
                plural(days as usize, "day", "days"),
                crate::text::against(precision, c.due_estimated)
            );
        }
        if let Some(target) = &c.target {
            let _ = write!(status, "; {}", target_text(target));
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
        if !c.related.is_empty() {
            let related: Vec<String> = c.related.iter().map(|r| markdown_code(r)).collect();
            let _ = write!(title, " (continues {})", related.join(", "));
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
            c.due_text.as_deref().map(cell).unwrap_or_default(),
            latest_update(c)
        );
    }
    out
}
