//! The rule registry.
//!
//! Each rule lives in its own file with its code, name, default level,
//! documentation and all of its diagnostic text. [`RULES`] lists them all;
//! `commitments rules` prints the list and `commitments explain` the docs.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diagnostic::{FileId, Files, Finding, Severity};
use crate::model::{Commitment, Ledger};

pub mod date_order;
pub mod duplicate_id;
pub mod id_format;
pub mod kept_late;
pub mod missing_evidence;
pub mod overdue;
pub mod parent_cycle;
pub mod quote_not_in_source;
pub mod reopened;
pub mod schema;
pub mod source_file;
pub mod stale;
pub mod status_kind;
pub mod status_mismatch;
pub mod syntax;
pub mod target_order;
pub mod unknown_reference;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &syntax::RULE,
    &schema::RULE,
    &source_file::RULE,
    &duplicate_id::RULE,
    &unknown_reference::RULE,
    &parent_cycle::RULE,
    &quote_not_in_source::RULE,
    &date_order::RULE,
    &status_mismatch::RULE,
    &status_kind::RULE,
    &missing_evidence::RULE,
    &reopened::RULE,
    &overdue::RULE,
    &kept_late::RULE,
    &stale::RULE,
    &target_order::RULE,
    &id_format::RULE,
];

/// How a rule's findings are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, schemars::JsonSchema)]
#[schemars(rename_all = "snake_case")]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported; `check` still passes.
    Warning,
    /// Reported; `check` fails.
    Error,
}

impl Level {
    /// Every level, as written in the ledger.
    pub const ALL: [Level; 3] = [Level::Error, Level::Warning, Level::Allow];

    /// The spelling in the ledger and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// The severity findings get at this level; `None` for `allow`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Everything known about one rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, such as `C004`. Never reused.
    pub code: &'static str,
    /// Stable kebab-case name, such as `duplicate-id`.
    pub name: &'static str,
    /// The level unless the ledger or the command line changes it.
    pub default_level: Level,
    /// Whether the level is fixed (syntax and schema errors cannot be allowed:
    /// nothing after them could be trusted).
    pub fixed_level: bool,
    /// The `help:` to show instead of the rule's own when an editing command
    /// (`update`, `add`, ...) caused the finding: there the user fixes it
    /// with a flag, not by writing TOML.
    pub edit_help: Option<&'static str>,
    /// One line for `commitments rules`.
    pub summary: &'static str,
    /// Markdown with the headings "What it checks", "Why" and "Example",
    /// printed by `commitments explain`.
    pub doc: &'static str,
    /// The check itself; `None` for findings the loader makes.
    pub(crate) check: Option<fn(&Context<'_>, &mut Vec<Finding>)>,
}

/// Finds a rule by code (`C004`, any case) or name (`duplicate-id`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|rule| rule.code.eq_ignore_ascii_case(code_or_name) || rule.name == code_or_name)
}

/// The closest rule code or name to a misspelling.
pub fn suggest(code_or_name: &str) -> Option<&'static str> {
    crate::suggest::closest(
        code_or_name,
        RULES.iter().flat_map(|rule| [rule.code, rule.name]),
    )
}

/// What a rule may look at. Built once per check.
pub struct Context<'a> {
    /// The loaded ledger.
    pub ledger: &'a Ledger,
    /// The date the ledger is checked at ("today").
    pub as_of: NaiveDate,
    /// The ledger and source texts.
    pub files: &'a Files,
    /// Source id → the loaded local copy of that source.
    pub source_files: &'a HashMap<String, FileId>,
    /// Commitment id → first commitment with that id.
    pub commitments_by_id: HashMap<&'a str, &'a Commitment>,
}

impl<'a> Context<'a> {
    /// Builds the context and its indexes.
    pub fn new(
        ledger: &'a Ledger,
        as_of: NaiveDate,
        files: &'a Files,
        source_files: &'a HashMap<String, FileId>,
    ) -> Self {
        let mut commitments_by_id = HashMap::with_capacity(ledger.commitments.len());
        for commitment in &ledger.commitments {
            commitments_by_id
                .entry(commitment.id.value.as_str())
                .or_insert(commitment);
        }
        Context {
            ledger,
            as_of,
            files,
            source_files,
            commitments_by_id,
        }
    }
}

/// Runs every rule that has a check, at default levels.
pub(crate) fn run_all(cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES {
        if let Some(check) = rule.check {
            check(cx, &mut findings);
        }
    }
    findings
}

/// The rule list as a table, for `commitments rules`.
pub fn list_text() -> String {
    let mut text = String::from("CODE  NAME                 LEVEL    SUMMARY\n");
    for rule in RULES {
        let level = if rule.fixed_level {
            format!("{}!", rule.default_level.as_str())
        } else {
            rule.default_level.as_str().to_owned()
        };
        text.push_str(&format!(
            "{:<5} {:<20} {:<8} {}\n",
            rule.code, rule.name, level, rule.summary
        ));
    }
    text.push_str("\n`!` marks a level that cannot be changed. `commitments explain CODE` prints a rule's documentation.\n");
    text
}

/// The rule list as JSON, for `commitments rules --format json`.
pub fn list_json() -> String {
    let rules: Vec<serde_json::Value> = RULES
        .iter()
        .map(|rule| {
            serde_json::json!({
                "code": rule.code,
                "name": rule.name,
                "default_level": rule.default_level.as_str(),
                "fixed_level": rule.fixed_level,
                "summary": rule.summary,
                "doc": rule.doc,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rules).unwrap_or_default();
    text.push('\n');
    text
}

/// The documentation of one rule, for `commitments explain`.
pub fn explain_text(rule: &Rule) -> String {
    let fixed = if rule.fixed_level {
        ", cannot be changed"
    } else {
        ""
    };
    format!(
        "# {} {}\n\nDefault level: {}{fixed}\n\n{}.\n\n{}",
        rule.code,
        rule.name,
        rule.default_level.as_str(),
        capitalize(rule.summary),
        rule.doc
    )
}

/// Every rule's documentation as one Markdown page (`docs/rules.md`).
pub fn reference_markdown() -> String {
    let mut page = String::from(
        "# Rules\n\nGenerated from the rule registry (`src/rules/`); `commitments explain CODE` prints the same text.\n\n",
    );
    page.push_str("| code | name | default level | summary |\n|---|---|---|---|\n");
    for rule in RULES {
        page.push_str(&format!(
            "| {} | [`{}`](#{}-{}) | {} | {} |\n",
            rule.code,
            rule.name,
            rule.code.to_lowercase(),
            rule.name,
            rule.default_level.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    for rule in RULES {
        page.push('\n');
        page.push_str(
            &explain_text(rule)
                .replacen("# ", "## ", 1)
                .replace("\n## ", "\n### "),
        );
    }
    page
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
            assert!(seen.insert(rule.name), "duplicate name {}", rule.name);
            assert!(
                crate::rules::id_format::is_kebab_case(rule.name),
                "{}",
                rule.name
            );
            for heading in ["## What it checks", "## Why", "## Example"] {
                assert!(rule.doc.contains(heading), "{} lacks {heading}", rule.code);
            }
        }
    }

    #[test]
    fn rules_are_in_code_order() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
    }
}
