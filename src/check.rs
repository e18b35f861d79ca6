//! Check: loaded ledger + as-of date + levels → findings.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diagnostic::{Finding, LEDGER_FILE};
use crate::load::Loaded;
use crate::model::Ledger;
use crate::rules::{self, Context, Level, RULES, Rule};

/// A level set on the command line: `--allow`, `--warn` or `--deny`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelOverride {
    /// The level to set.
    pub level: Level,
    /// A rule code, a rule name, or `warnings` (every rule at warning level).
    pub target: String,
}

/// What to check against.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// "Today": the date deadlines and staleness are measured at.
    pub as_of: NaiveDate,
    /// Command-line levels, in the order given. They win over the ledger's
    /// `[checker.levels]`.
    pub overrides: Vec<LevelOverride>,
}

/// A command-line level that names no rule, or a rule whose level is fixed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    /// No such rule.
    #[error("no rule is called `{name}`{}\n  help: `commitments rules` lists every code and name; `warnings` means every warning", suggestion.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownRule {
        /// What was given.
        name: String,
        /// The closest code or name.
        suggestion: Option<&'static str>,
    },
    /// The rule cannot be changed.
    #[error(
        "the level of {code} `{name}` cannot be changed: a ledger that does not load cannot be checked further"
    )]
    FixedLevel {
        /// The rule's code.
        code: &'static str,
        /// The rule's name.
        name: &'static str,
    },
}

/// The effective level of every rule.
#[derive(Debug, Clone)]
pub struct Levels {
    by_code: HashMap<&'static str, Level>,
}

impl Levels {
    /// Defaults, then the ledger's `[checker.levels]`, then the command line
    /// in order; `warnings` (`--allow warnings`, `--deny warnings`) applies
    /// last, to every rule that is then at warning level.
    pub fn resolve(loaded: &Loaded, overrides: &[LevelOverride]) -> Result<Self, OverrideError> {
        let mut by_code: HashMap<&'static str, Level> = RULES
            .iter()
            .map(|rule| (rule.code, rule.default_level))
            .collect();
        if let Some(ledger) = &loaded.ledger {
            // Unknown or fixed names were reported by the loader as schema errors.
            for (name, level) in &ledger.checker.levels {
                if let Some(rule) = rules::find(&name.value).filter(|rule| !rule.fixed_level) {
                    by_code.insert(rule.code, level.value);
                }
            }
        }
        let mut warnings_to = None;
        for LevelOverride { level, target } in overrides {
            if target == "warnings" {
                warnings_to = Some(*level);
                continue;
            }
            let rule = rules::find(target).ok_or_else(|| OverrideError::UnknownRule {
                name: target.clone(),
                suggestion: rules::suggest(target),
            })?;
            if rule.fixed_level {
                return Err(OverrideError::FixedLevel {
                    code: rule.code,
                    name: rule.name,
                });
            }
            by_code.insert(rule.code, *level);
        }
        if let Some(to) = warnings_to {
            for level in by_code.values_mut() {
                if *level == Level::Warning {
                    *level = to;
                }
            }
        }
        Ok(Levels { by_code })
    }

    /// The level of `rule`.
    pub fn of(&self, rule: &Rule) -> Level {
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
pub fn check(loaded: &Loaded, options: &CheckOptions) -> Result<Vec<Finding>, OverrideError> {
    check_view(loaded, loaded.ledger.as_ref(), options)
}

/// Like [`check`], but runs the rules on `view`, a ledger derived from the
/// loaded one (such as [`crate::replay::as_of`]'s), whose spans point into
/// the same files.
pub fn check_view(
    loaded: &Loaded,
    view: Option<&Ledger>,
    options: &CheckOptions,
) -> Result<Vec<Finding>, OverrideError> {
    let levels = Levels::resolve(loaded, &options.overrides)?;
    let mut findings = loaded.findings.clone();
    if let Some(ledger) = view {
        let cx = Context::new(ledger, options.as_of, &loaded.files, &loaded.source_files);
        findings.extend(rules::run_all(&cx));
    }
    findings.retain_mut(|finding| match levels.of(finding.rule).severity() {
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
                f.primary.span.start,
                f.rule.code,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
    Ok(findings)
}
