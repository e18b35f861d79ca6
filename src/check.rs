//! Check: loaded ledger + levels + as-of date → findings.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::context::Context;
use crate::finding::{Dropped, Finding, Findings, Severity, Shortlist, print_order};
use crate::load::Loaded;
use crate::model::Ledger;
use crate::rule::{Level, Rule};
use crate::rules::{CHECKS, RULES, Selector};

/// A level set on the command line: `--allow`, `--warn` or `--deny`, with
/// what it applies to, already checked against the registry.
#[derive(Debug, Clone, Copy)]
pub struct LevelOverride {
    /// The level to set.
    pub level: Level,
    /// The rule it applies to, or every warning.
    pub selector: Selector,
}

/// The effective level of every rule.
#[derive(Debug, Clone)]
pub struct Levels {
    by_code: HashMap<&'static str, Level>,
}

impl Levels {
    /// The levels of a ledger: defaults, then its `[checker.levels]`.
    pub fn of(loaded: &Loaded) -> Self {
        Self::with_overrides(loaded, &[])
    }

    /// Defaults, then the ledger's `[checker.levels]`, then `overrides` in
    /// order; `warnings` (`--allow warnings`, `--deny warnings`) applies
    /// last, to every rule that is then at warning level.
    pub fn with_overrides(loaded: &Loaded, overrides: &[LevelOverride]) -> Self {
        let mut by_code: HashMap<&'static str, Level> = RULES
            .iter()
            .map(|rule| (rule.code, rule.default_level))
            .collect();
        if let Some(ledger) = &loaded.ledger {
            // The loader kept only rules whose level can change.
            for setting in &ledger.checker.levels {
                by_code.insert(setting.rule.code, setting.level.value);
            }
        }
        let mut warnings_to = None;
        for LevelOverride { level, selector } in overrides {
            match selector {
                Selector::Warnings => warnings_to = Some(*level),
                // Selectors refuse fixed-level rules when they are parsed.
                Selector::Rule(rule) => {
                    by_code.insert(rule.code, *level);
                }
            }
        }
        if let Some(to) = warnings_to {
            for level in by_code.values_mut() {
                if *level == Level::Warning {
                    *level = to;
                }
            }
        }
        Levels { by_code }
    }

    /// The level of `rule`.
    pub fn level(&self, rule: &Rule) -> Level {
        if rule.fixed_level {
            return rule.default_level;
        }
        self.by_code
            .get(rule.code)
            .copied()
            .unwrap_or(rule.default_level)
    }
}

/// Runs every rule over a loaded ledger and applies levels. Findings come
/// sorted by position; allowed ones are dropped.
pub fn check(loaded: &Loaded, levels: &Levels, as_of: NaiveDate) -> Vec<Finding> {
    check_view(loaded, loaded.ledger.as_ref(), levels, as_of)
}

/// Like [`check`], but runs the rules on `view`, a ledger derived from the
/// loaded one (such as [`crate::replay::as_of`]'s), whose spans point into
/// the same files.
pub fn check_view(
    loaded: &Loaded,
    view: Option<&Ledger>,
    levels: &Levels,
    as_of: NaiveDate,
) -> Vec<Finding> {
    collect(loaded, view, levels, as_of, None).0
}

/// [`check`] for a command that prints at most `limit` findings of each
/// rule (`check` without `--max-per-rule 0`; none with `--quiet`): the
/// others are counted as they are found, not kept. A ledger of 100,000
/// commitments has 150,000 findings, and kept they were a fifth of
/// `check`'s peak memory (BENCHMARKS.md). What it shows is what
/// [`Shortlist::of`] shows of [`check`]'s findings.
pub fn check_shortlist(
    loaded: &Loaded,
    levels: &Levels,
    as_of: NaiveDate,
    limit: usize,
) -> Shortlist {
    let (findings, dropped) = collect(loaded, loaded.ledger.as_ref(), levels, as_of, Some(limit));
    Shortlist::with_dropped(findings, Some(limit), &dropped)
}

/// The findings of every rule on `view` and the loader's, at their levels,
/// sorted by [`print_order`]. With `cap`, each rule keeps at most `cap`,
/// the first in that order, and the others are counted by rule and
/// severity.
fn collect(
    loaded: &Loaded,
    view: Option<&Ledger>,
    levels: &Levels,
    as_of: NaiveDate,
    cap: Option<usize>,
) -> (Vec<Finding>, Dropped) {
    use rayon::prelude::*;
    // Each rule that is not allowed, with its severity.
    let running = |rule: &'static Rule| levels.level(rule).severity().map(|s| (rule, s));
    // One rule's findings at its severity: the kept ones, and how many
    // were left out.
    let settle = |(rule, severity): (&'static Rule, Severity), found: Findings<'_>| {
        let (mut kept, left_out) = found.into_kept();
        for finding in &mut kept {
            finding.severity = severity;
        }
        (kept, (rule, severity, left_out))
    };
    let mut batches = Vec::new();
    if let Some(ledger) = view {
        let mut cx = Context::new(ledger, as_of, &loaded.files, &loaded.source_files);
        cx.workspace = loaded.workspace.as_deref();
        // An allowed rule's findings would all be dropped, so its check
        // does not run: a check reports its own rule only (a test holds
        // every check to that). At 100k, `not-searched` (allowed by
        // default) made 100,000 findings to drop.
        let checks: Vec<_> = CHECKS
            .iter()
            .filter_map(|(rule, check)| Some((running(rule)?, check)))
            .collect();
        // The checks are independent: they run on every core (`--jobs`),
        // and their findings are gathered in the registry's order.
        batches = checks
            .par_iter()
            .map(|(level, check)| {
                let mut found = Findings::with_cap(&loaded.files, cap);
                check(&cx, &mut found);
                settle(*level, found)
            })
            .collect();
    }
    // Then the loader's, a rule at a time: the sort below never meets two
    // equal findings of different rules, so their order before it does
    // not matter.
    let mut loader_rules: Vec<(&'static Rule, Severity)> = Vec::new();
    for level in loaded.findings.iter().filter_map(|f| running(f.rule)) {
        if !loader_rules.contains(&level) {
            loader_rules.push(level);
        }
    }
    for level in loader_rules {
        let mut found = Findings::with_cap(&loaded.files, cap);
        found.extend(
            loaded
                .findings
                .iter()
                .filter(|f| f.rule == level.0)
                .cloned(),
        );
        batches.push(settle(level, found));
    }
    // Each rule is in one batch, so its left-out findings are counted once.
    let mut kept = Vec::with_capacity(batches.iter().map(|(batch, _)| batch.len()).sum());
    let mut dropped = Dropped::new();
    for (mut batch, left_out) in batches {
        kept.append(&mut batch);
        if left_out.2 > 0 {
            dropped.push(left_out);
        }
    }
    kept.sort_by(print_order);
    (kept, dropped)
}

/// `ledger` (loaded into `loaded`) as of `as_of`, replayed, and the findings
/// of every rule on that view: the replayed ledger when the date changed
/// anything (`None` when the ledger itself is the view).
pub fn check_at(
    loaded: &Loaded,
    ledger: &Ledger,
    levels: &Levels,
    as_of: NaiveDate,
) -> (Option<Ledger>, Vec<Finding>) {
    match crate::replay::as_of(ledger, as_of) {
        std::borrow::Cow::Borrowed(view) => (None, check_view(loaded, Some(view), levels, as_of)),
        std::borrow::Cow::Owned(view) => {
            let findings = check_view(loaded, Some(&view), levels, as_of);
            (Some(view), findings)
        }
    }
}

/// A ledger checked once, at a date: the ledger as it stood then (the
/// replay's view) and the findings of every rule on it, at the ledger's
/// levels. Reports and the site are made from it, so nothing after the
/// check loads, replays or checks the ledger again.
#[derive(Debug)]
pub struct Checked {
    /// The loaded files, sources and loader findings; its `ledger` is moved
    /// to [`Checked::ledger`].
    pub loaded: Loaded,
    /// The ledger as loaded.
    pub ledger: Ledger,
    /// The ledger as of `as_of`, when that differs from the loaded one.
    replayed: Option<Ledger>,
    /// Every finding on the view, at its level.
    pub findings: Vec<Finding>,
    /// The date it was checked at.
    pub as_of: NaiveDate,
}

impl Checked {
    /// Checks `loaded` at `as_of`; gives it back when it did not load
    /// (syntax or schema errors: `loaded.blocking_findings()` says which).
    #[allow(clippy::result_large_err)]
    pub fn new(mut loaded: Loaded, levels: &Levels, as_of: NaiveDate) -> Result<Checked, Loaded> {
        if loaded.ledger.is_none() || !loaded.blocking_findings().is_empty() {
            return Err(loaded);
        }
        let Some(ledger) = loaded.ledger.take() else {
            return Err(loaded);
        };
        let (replayed, findings) = check_at(&loaded, &ledger, levels, as_of);
        Ok(Checked {
            loaded,
            ledger,
            replayed,
            findings,
            as_of,
        })
    }

    /// The ledger as of the date: what the rules ran on.
    pub fn view(&self) -> &Ledger {
        self.replayed.as_ref().unwrap_or(&self.ledger)
    }

    /// The findings at error level.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Skipping an allowed rule's check is right only while every check
    /// reports its own rule: run each on every rule's fixtures.
    #[test]
    fn every_check_reports_its_own_rule_only() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
        let mut ran = 0;
        for folder in std::fs::read_dir(&root).unwrap() {
            for name in ["trigger.toml", "near-miss.toml"] {
                let path = folder.as_ref().unwrap().path().join(name);
                let loaded = crate::load::load_path(&path).unwrap();
                let Some(ledger) = &loaded.ledger else {
                    continue;
                };
                let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
                let cx = Context::new(ledger, as_of, &loaded.files, &loaded.source_files);
                for (rule, check) in CHECKS {
                    let mut found = crate::finding::Findings::all(&loaded.files);
                    check(&cx, &mut found);
                    let (found, _) = found.into_kept();
                    ran += found.len();
                    for finding in &found {
                        assert_eq!(finding.rule, *rule, "{}", path.display());
                    }
                }
            }
        }
        assert!(ran > 40, "the fixtures raised only {ran} findings");
    }
}
