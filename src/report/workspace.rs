//! A workspace's report: each ledger's report at one date, in the order the
//! workspace lists them, and totals over all of them, each the sum of the
//! ledgers' own.

use chrono::NaiveDate;
use serde::Serialize;

use super::document::{Count, PartyTotals, Report};
use crate::check::Levels;
use crate::finding::Finding;
use crate::workspace::Workspace;

/// The report of every ledger of a workspace.
#[derive(Debug, Clone, Serialize)]
pub struct WorkspaceReport {
    /// `[workspace] id`.
    pub workspace_id: String,
    /// `[workspace] title`.
    pub title: String,
    /// The date every ledger is reported at.
    pub as_of: NaiveDate,
    /// Sums over the ledgers.
    pub totals: WorkspaceTotals,
    /// Each ledger's report, as `report --format json` gives it.
    pub ledgers: Vec<Report>,
    /// The language of the report's own words (each ledger's report says
    /// its own in its `language`).
    #[serde(skip)]
    pub language: crate::i18n::Lang,
}

/// Counts over every ledger: each is the sum of the ledgers' counts.
#[derive(Debug, Clone, Serialize)]
pub struct WorkspaceTotals {
    /// Commitments counted (those signed at the talks included), and the
    /// requests and umbrellas counted apart: the four first keys of the
    /// JSON, as in a ledger's `totals`.
    #[serde(flatten)]
    pub headcount: crate::model::Headcount,
    /// By status, every status listed.
    pub by_status: Vec<Count>,
    /// By party, in the order parties first appear: a party's commitments
    /// in every ledger.
    pub by_party: Vec<PartyTotals>,
}

/// Why a workspace gets no report.
#[derive(Debug)]
pub enum WorkspaceReportError {
    /// The workspace's own errors (its file, ledger ids, parties).
    Workspace(Vec<Finding>),
    /// A ledger that does not load, with its path and its blocking findings.
    Ledger(usize, Vec<Finding>),
}

/// Every ledger of `workspace` reported at `as_of`, in `lang` (else each
/// ledger in its own language, and the workspace's words in English).
pub fn build_workspace(
    workspace: &Workspace,
    as_of: NaiveDate,
    lang: Option<crate::i18n::Lang>,
) -> Result<WorkspaceReport, WorkspaceReportError> {
    let errors = workspace.errors();
    if !errors.is_empty() {
        return Err(WorkspaceReportError::Workspace(errors));
    }
    let mut ledgers = Vec::with_capacity(workspace.members.len());
    for (index, member) in workspace.members.iter().enumerate() {
        let report =
            super::build::build_in(&member.loaded, &Levels::of(&member.loaded), as_of, lang)
                .map_err(|super::ReportError::NotLoaded(findings)| {
                    WorkspaceReportError::Ledger(index, findings)
                })?;
        ledgers.push(report);
    }
    Ok(WorkspaceReport {
        workspace_id: workspace.id().to_owned(),
        title: match (lang, &workspace.file) {
            (Some(lang), Some(file)) => file
                .i18n
                .pick(lang.tag(), "title", &file.title.value)
                .to_owned(),
            _ => workspace.title(),
        },
        as_of,
        totals: sum(&ledgers),
        ledgers,
        language: lang.unwrap_or_default(),
    })
}

/// The ledgers' totals, added up.
pub fn sum(ledgers: &[Report]) -> WorkspaceTotals {
    let mut totals = WorkspaceTotals {
        headcount: crate::model::Headcount::default(),
        by_status: Vec::new(),
        by_party: Vec::new(),
    };
    for report in ledgers {
        let t = &report.totals;
        let sum = &mut totals.headcount;
        sum.commitments += t.commitments;
        sum.signed_at_talks += t.signed_at_talks;
        sum.requests += t.requests;
        sum.umbrellas += t.umbrellas;
        add_counts(&mut totals.by_status, &t.by_status);
        for party in &t.by_party {
            match totals.by_party.iter_mut().find(|p| p.id == party.id) {
                Some(sum) => {
                    sum.commitments += party.commitments;
                    add_counts(&mut sum.by_status, &party.by_status);
                }
                None => totals.by_party.push(party.clone()),
            }
        }
    }
    totals
}

fn add_counts(sum: &mut Vec<Count>, more: &[Count]) {
    for count in more {
        match sum.iter_mut().find(|c| c.key == count.key) {
            Some(c) => c.count += count.count,
            None => sum.push(count.clone()),
        }
    }
}

/// The workspace report as pretty JSON with a trailing newline.
pub fn workspace_to_json(report: &WorkspaceReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// The workspace report as Markdown: a table of the ledgers, then each
/// ledger's report as a section, its headings one level down.
pub fn workspace_to_markdown(report: &WorkspaceReport) -> String {
    use crate::text::{markdown_cell, markdown_code};
    let loc = crate::i18n::Locale::of(report.language);
    let mut out = format!(
        "# {}\n\n{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
        markdown_cell(&report.title),
        loc.with(
            "workspace-as-of",
            &[
                ("date", loc.date(report.as_of).into()),
                (
                    "ledgers",
                    loc.count("count-ledgers", report.ledgers.len()).into()
                ),
                ("headcount", loc.headcount(&report.totals.headcount).into()),
            ]
        ),
        loc.text("column-ledger"),
        loc.text("column-id"),
        loc.text("column-commitments"),
        loc.text("column-deliverables"),
    );
    for ledger in &report.ledgers {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            markdown_cell(&ledger.title),
            markdown_code(&ledger.ledger_id),
            loc.headcount(&ledger.totals.headcount()),
            markdown_cell(&ledger.totals.headline(loc))
        ));
    }
    for ledger in &report.ledgers {
        out.push('\n');
        for line in super::markdown::to_markdown(ledger).lines() {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
