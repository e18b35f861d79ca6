//! Check: loaded ledger + levels + as-of date → findings.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::context::Context;
use crate::finding::{Finding, LEDGER_FILE};
use crate::load::Loaded;
use crate::model::Ledger;
use crate::rule::{Level, Rule};
use crate::rules::{RULES, Selector};

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
    // The rules' findings first, the loader's added to them: a copy of the
    // (usually many) rules' findings would double them at the peak. Their
    // order here does not matter: the sort below decides it, and a loader's
    // rule never runs as a check.
    let mut findings = match view {
        Some(ledger) => {
            let mut cx = Context::new(ledger, as_of, &loaded.files, &loaded.source_files);
            cx.workspace = loaded.workspace.as_deref();
            crate::rules::run_all(&cx)
        }
        None => Vec::new(),
    };
    findings.reserve_exact(loaded.findings.len());
    findings.extend(loaded.findings.iter().cloned());
    findings.retain_mut(|finding| match levels.level(finding.rule).severity() {
        Some(severity) => {
            finding.severity = severity;
            true
        }
        None => false,
    });
    for finding in &mut findings {
        finding.primary.span = loaded
            .files
            .clamp(finding.primary.file, finding.primary.span);
        for label in &mut finding.secondary {
            label.span = loaded.files.clamp(label.file, label.span);
        }
    }
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.primary.file != LEDGER_FILE,
                f.primary.file,
                f.primary.span.start(),
                f.rule.code,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
    findings
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
