//! What a command prints of a ledger's findings.

use super::Finding;
use crate::rule::{Rule, Severity};

/// The findings a command prints: at most so many of each rule, in order,
/// with how many more of each rule there are and the totals of them all.
#[derive(Debug, Default)]
pub struct Shortlist {
    /// The findings to print, in order.
    pub shown: Vec<Finding>,
    /// How many findings of each rule are not in `shown`, in code order.
    pub left_out: Vec<(&'static Rule, usize)>,
    /// Errors, shown or not.
    pub errors: usize,
    /// Warnings, shown or not.
    pub warnings: usize,
}

/// Findings of one rule left out before a [`Shortlist`] was made, at their
/// severity, counted.
pub type Dropped = Vec<(&'static Rule, Severity, usize)>;

impl Shortlist {
    /// `findings`, in their order, with at most `limit` of each rule shown
    /// (all with `None`).
    pub fn of(findings: Vec<Finding>, limit: Option<usize>) -> Self {
        Self::with_dropped(findings, limit, &[])
    }

    /// Like [`Shortlist::of`], where `dropped` were already left out.
    pub fn with_dropped(
        findings: Vec<Finding>,
        limit: Option<usize>,
        dropped: &[(&'static Rule, Severity, usize)],
    ) -> Self {
        let mut list = Shortlist::default();
        let mut more: Vec<(&'static Rule, usize)> = Vec::new();
        let mut count = |severity: Severity, n: usize| match severity {
            Severity::Error => list.errors += n,
            Severity::Warning => list.warnings += n,
        };
        for &(rule, severity, n) in dropped {
            count(severity, n);
            add_to(&mut more, rule, n);
        }
        let mut seen: Vec<(&'static Rule, usize)> = Vec::new();
        let mut shown = Vec::with_capacity(findings.len().min(limit.unwrap_or(usize::MAX)));
        for finding in findings {
            count(finding.severity, 1);
            let so_far = add_to(&mut seen, finding.rule, 1);
            if limit.is_none_or(|limit| so_far <= limit) {
                shown.push(finding);
            } else {
                add_to(&mut more, finding.rule, 1);
            }
        }
        more.sort_by_key(|(rule, _)| rule.code);
        list.shown = shown;
        list.left_out = more;
        list
    }
}

/// Adds `n` to `rule`'s count in `counts` (a few rules: a list is enough),
/// and returns the new count.
fn add_to(counts: &mut Vec<(&'static Rule, usize)>, rule: &'static Rule, n: usize) -> usize {
    match counts.iter_mut().find(|(r, _)| *r == rule) {
        Some((_, count)) => {
            *count += n;
            *count
        }
        None => {
            counts.push((rule, n));
            n
        }
    }
}
