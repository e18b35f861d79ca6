//! The report as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY`.

use std::fmt::Write as _;

use super::{Count, DueItem, EvidenceLink, Report};
use crate::i18n::Locale;
use crate::model::{Group, Kind, Status};
use crate::text::{markdown_cell as cell, markdown_code, markdown_link as link};

/// Who committed, or who asked whom.
fn who(c: &super::CommitmentReport, loc: &Locale) -> String {
    let list = |ids: &[String]| ids.iter().map(|id| cell(id)).collect::<Vec<_>>().join(", ");
    if c.asks.is_empty() {
        list(&c.by)
    } else {
        loc.with(
            "asks",
            &[("by", list(&c.by).into()), ("asks", list(&c.asks).into())],
        )
    }
}

/// An area as counted: its name, or "(none)" in the report's language.
fn area_words(key: &str, loc: &Locale) -> String {
    if key == "(none)" {
        loc.text("area-none")
    } else {
        key.to_owned()
    }
}

fn evidence(evidence: &EvidenceLink) -> String {
    link(&evidence.title, evidence.url.as_deref())
}

/// "DATE: note — [evidence](url)" for the commitments table.
fn latest_update(c: &super::CommitmentReport, loc: &Locale) -> String {
    let mut text = match (&c.latest_note, c.latest_update) {
        (Some(note), Some(date)) => loc.with(
            "dated-note",
            &[("date", loc.date(date).into()), ("note", cell(note).into())],
        ),
        _ => String::new(),
    };
    if let Some(link) = &c.latest_evidence {
        let _ = write!(text, " — {}", evidence(link));
    }
    text
}

/// A target's figures, each with its note and evidence, or "no source
/// cited": a figure is never shown without its caveats.
fn target_text(target: &super::TargetProgress, loc: &Locale) -> String {
    let figure = |value: f64,
                  date: Option<chrono::NaiveDate>,
                  approximate: bool,
                  note: Option<&String>,
                  evidence_links: &[EvidenceLink]| {
        let mut text = format!("{value} {}", cell(&target.unit));
        if let Some(date) = date {
            let approximate = if approximate {
                loc.text("approximate-date")
            } else {
                String::new()
            };
            let _ = write!(text, " ({}{approximate})", loc.date(date));
        }
        if let Some(note) = note {
            let _ = write!(text, " — {}", cell(note));
        }
        if evidence_links.is_empty() {
            let _ = write!(text, " — {}", loc.text("no-source-cited"));
        } else {
            let links: Vec<String> = evidence_links.iter().map(evidence).collect();
            let _ = write!(text, " — {}", links.join(", "));
        }
        text
    };
    let latest = match target.latest {
        Some(value) => figure(
            value,
            target.latest_date,
            target.latest_date_estimated,
            target.latest_note.as_ref(),
            &target.latest_evidence,
        ),
        None => loc.text("target-none"),
    };
    let mut text = loc.with(
        "target-latest",
        &[
            ("metric", cell(&target.metric).into()),
            ("figure", latest.into()),
        ],
    );
    if let Some(value) = target.baseline {
        let baseline = figure(
            value,
            target.baseline_date,
            target.baseline_date_estimated,
            target.baseline_note.as_ref(),
            &target.baseline_evidence,
        );
        text.push_str(&loc.with("target-baseline", &[("figure", baseline.into())]));
    }
    if let Some(goal) = target.goal {
        text.push_str(&loc.with("target-goal", &[("goal", goal.to_string().into())]));
    }
    text
}

fn counts_table(
    out: &mut String,
    heading: &str,
    counts: &[Count],
    loc: &Locale,
    label: impl Fn(&str) -> String,
) {
    let _ = writeln!(
        out,
        "| {heading} | {} |\n|---|---:|",
        loc.text("column-commitments")
    );
    for count in counts {
        let _ = writeln!(out, "| {} | {} |", label(&count.key), count.count);
    }
    out.push('\n');
}

fn due_table(out: &mut String, items: &[DueItem], days: &str, loc: &Locale) {
    let _ = writeln!(
        out,
        "| {} | {} | {days} | {} |\n|---|---|---:|---|",
        loc.text("column-commitment"),
        loc.text("column-due"),
        loc.text("column-status"),
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
                loc.against(item.due_precision, item.due_estimated)
            ),
            loc.status_label(item.status)
        );
    }
    out.push('\n');
}

/// Renders the report as Markdown, in the report's language.
pub fn to_markdown(report: &Report) -> String {
    let loc = report.locale();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&report.title));
    let reviewed = report
        .reviewed
        .map(|d| {
            loc.with(
                "reviewed-up-to",
                &[("date", format!("**{}**", loc.date(d)).into())],
            )
        })
        .unwrap_or_default();
    let as_of = loc.with(
        "as-of",
        &[("date", format!("**{}**", loc.date(report.as_of)).into())],
    );
    let _ = writeln!(out, "{as_of}{reviewed}\n");
    if let Some(notice) = &report.review_notice {
        let _ = writeln!(out, "> **{}** {}\n", loc.text("note"), cell(notice));
    }
    if report.translated {
        let _ = writeln!(out, "> {}\n", loc.text("translated"));
    }
    findings_section(&mut out, report, loc);
    summary_section(&mut out, report, loc);
    due_sections(&mut out, report, loc);
    commitments_section(&mut out, report, loc);
    out
}

/// Every finding, folded away unless there are errors.
fn findings_section(out: &mut String, report: &Report, loc: &Locale) {
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    let warnings = report.findings.len() - errors;
    if report.findings.is_empty() {
        return;
    }
    let count = loc.with(
        "findings-count",
        &[
            ("errors", loc.count("count-errors", errors).into()),
            ("warnings", loc.count("count-warnings", warnings).into()),
        ],
    );
    let _ = writeln!(out, "## {}\n\n{count}\n", loc.text("checker-findings"));
    // Warnings alone fold away; errors stay open.
    let open = if errors > 0 { " open" } else { "" };
    let _ = writeln!(
        out,
        "<details{open}><summary>{}</summary>\n",
        loc.text("every-finding")
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---:|---|---|",
        loc.text("column-level"),
        loc.text("column-rule"),
        loc.text("column-line"),
        loc.text("column-commitment"),
        loc.text("column-finding"),
    );
    for finding in &report.findings {
        let _ = writeln!(
            out,
            "| {} | {} `{}` | {}:{} | {} | {} |",
            finding.severity_words(loc),
            finding.code,
            finding.name,
            finding.line,
            finding.column,
            finding
                .commitment
                .as_deref()
                .map(markdown_code)
                .unwrap_or_default(),
            cell(&finding.words(loc))
        );
    }
    let _ = writeln!(out, "\n</details>\n");
}

/// The headcount, what the groups mean, the headline, and the counts by
/// status, party, kind and area.
fn summary_section(out: &mut String, report: &Report, loc: &Locale) {
    let totals = &report.totals;
    let _ = writeln!(
        out,
        "## {}\n\n**{}**{}\n",
        loc.text("summary"),
        loc.headcount(&totals.headcount()),
        loc.text("full-stop")
    );
    let meanings = super::document::group_meanings(totals, loc);
    for (count, meaning) in &meanings {
        if *count > 0 {
            let _ = writeln!(out, "- {meaning}");
        }
    }
    if meanings.iter().any(|(count, _)| *count > 0) {
        out.push('\n');
    }
    let _ = write!(out, "{}", totals.headline(loc));
    if let Some(left_out) = totals.left_out(loc) {
        let _ = write!(out, " {left_out}");
    }
    out.push_str("\n\n");
    let (status, commitments) = (loc.text("column-status"), loc.text("column-commitments"));
    let _ = writeln!(out, "| {status} | {commitments} |\n|---|---:|");
    for (count, status) in totals.by_status.iter().zip(Status::ALL) {
        let _ = writeln!(out, "| {} | {} |", loc.status_label(status), count.count);
    }
    out.push('\n');
    let _ = write!(out, "| {} | {commitments} |", loc.text("column-party"));
    for status in Status::ALL {
        let _ = write!(out, " {} |", loc.status_label(status));
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
    counts_table(out, &loc.text("column-kind"), &totals.by_kind, loc, |k| {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == k)
            .map_or_else(|| k.to_owned(), |kind| loc.kind(kind))
    });
    counts_table(out, &loc.text("column-area"), &totals.by_area, loc, |a| {
        cell(&area_words(a, loc))
    });
}

/// Overdue, due soon, and the changes of the window.
fn due_sections(out: &mut String, report: &Report, loc: &Locale) {
    let window = super::WINDOW_DAYS;
    let _ = writeln!(out, "## {}\n", loc.text("overdue"));
    if report.overdue.is_empty() {
        let _ = writeln!(out, "{}\n", loc.text("nothing-overdue"));
    } else {
        due_table(out, &report.overdue, &loc.text("column-days-overdue"), loc);
    }
    let _ = writeln!(
        out,
        "## {}\n",
        loc.with("due-soon", &[("days", window.into())])
    );
    if report.due_soon.is_empty() {
        let _ = writeln!(out, "{}\n", loc.text("nothing-due"));
    } else {
        due_table(out, &report.due_soon, &loc.text("column-days-left"), loc);
    }
    let _ = writeln!(
        out,
        "## {}\n",
        loc.with("recent-changes", &[("days", window.into())])
    );
    if report.recent_changes.is_empty() {
        let _ = writeln!(out, "{}\n", loc.text("no-updates"));
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        loc.text("column-date"),
        loc.text("column-commitment"),
        loc.text("column-status"),
        loc.text("column-note"),
    );
    for change in &report.recent_changes {
        let status = if change.from == change.to {
            loc.status_label(change.to)
        } else {
            format!(
                "{} → {}",
                loc.status_label(change.from),
                loc.status_label(change.to)
            )
        };
        let _ = writeln!(
            out,
            "| {} | {} | {status} | {} |",
            loc.date(change.date),
            markdown_code(&change.id),
            cell(&change.note)
        );
    }
    out.push('\n');
}

/// One row per commitment.
fn commitments_section(out: &mut String, report: &Report, loc: &Locale) {
    let _ = writeln!(out, "## {}\n", loc.text("commitments"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        loc.text("column-commitment"),
        loc.text("column-committed-by"),
        loc.text("column-status"),
        loc.text("column-due"),
        loc.text("column-latest-update"),
    );
    for c in &report.commitments {
        let mut status = loc.with(
            "status-since",
            &[
                ("status", loc.status_label(c.status).into()),
                ("date", loc.date(c.status_since).into()),
            ],
        );
        let precision = c.due_precision.unwrap_or_default();
        if let Some(days) = c.deviation_days {
            let _ = write!(
                status,
                "{}{}",
                loc.text("clause-comma"),
                loc.deviation(days, precision, c.due_estimated)
            );
        }
        if let Some(days) = c.overdue_days {
            let _ = write!(
                status,
                "{}**{}**{}",
                loc.text("clause-comma"),
                loc.days_overdue(days),
                loc.against(precision, c.due_estimated)
            );
        }
        if let Some(target) = &c.target {
            let _ = write!(status, "; {}", target_text(target, loc));
        }
        let mut title = format!("{} {}", markdown_code(&c.id), cell(&c.title));
        if !c.children.is_empty() {
            let commitments = loc.count("count-commitments", c.children.len());
            title.push_str(&loc.with("umbrella-of", &[("commitments", commitments.into())]));
        }
        if let Some(parent) = &c.parent {
            title.push_str(&loc.with("under", &[("parent", markdown_code(parent).into())]));
        }
        if !c.related.is_empty() {
            let related: Vec<String> = c.related.iter().map(|r| markdown_code(r)).collect();
            title.push_str(&loc.with("continues", &[("list", related.join(", ").into())]));
        }
        match c.group {
            Group::SignedAtTalks => title.push_str(&loc.text("signed-at-talks")),
            Group::Request => title.push_str(&loc.text("a-request")),
            Group::Commitment | Group::Umbrella => {}
        }
        if !c.findings.is_empty() {
            let _ = write!(
                title,
                " — {}",
                loc.count("count-findings", c.findings.len())
            );
        }
        let _ = writeln!(
            out,
            "| {title} | {} | {status} | {} | {} |",
            who(c, loc),
            c.due_text.as_deref().map(cell).unwrap_or_default(),
            latest_update(c, loc)
        );
    }
}
