//! The rule registry: every rule, the checks that run on the loaded model,
//! and rule selectors (`--allow stale`, `[checker.levels]`).
//!
//! Each rule lives in its own file with its code, name, default level,
//! documentation and all of its diagnostic text. [`RULES`] lists them all;
//! `commitments rules` prints the list and `commitments explain` the docs.
//! The loader reports four of them (`syntax`, `schema`, `source-file`,
//! `id-format`); [`CHECKS`] runs the others.

use crate::context::Context;
use crate::finding::Findings;
pub use crate::rule::{Level, Rule, Severity};

pub mod control_character;
pub mod date_order;
pub mod due_provenance;
pub mod duplicate_id;
pub mod id_format;
pub mod kept_late;
pub mod missing_evidence;
pub mod missing_translation;
pub mod not_searched;
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
pub mod who_committed;

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
    &due_provenance::RULE,
    &who_committed::RULE,
    &control_character::RULE,
    &not_searched::RULE,
    &missing_translation::RULE,
];

/// A check: reads the context, pushes findings at the rule's default level.
pub(crate) type Check = fn(&Context<'_>, &mut Findings<'_>);

/// Every rule that runs on the loaded model, with its check, in code order.
pub(crate) static CHECKS: &[(&Rule, Check)] = &[
    (&duplicate_id::RULE, duplicate_id::check),
    (&unknown_reference::RULE, unknown_reference::check),
    (&parent_cycle::RULE, parent_cycle::check),
    (&quote_not_in_source::RULE, quote_not_in_source::check),
    (&date_order::RULE, date_order::check),
    (&status_mismatch::RULE, status_mismatch::check),
    (&status_kind::RULE, status_kind::check),
    (&missing_evidence::RULE, missing_evidence::check),
    (&reopened::RULE, reopened::check),
    (&overdue::RULE, overdue::check),
    (&kept_late::RULE, kept_late::check),
    (&stale::RULE, stale::check),
    (&target_order::RULE, target_order::check),
    (&due_provenance::RULE, due_provenance::check),
    (&who_committed::RULE, who_committed::check),
    (&control_character::RULE, control_character::check),
    (&not_searched::RULE, not_searched::check),
    (&missing_translation::RULE, missing_translation::check),
];

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

/// What a level setting applies to: one rule, or every warning.
#[derive(Debug, Clone, Copy)]
pub enum Selector {
    /// One rule, by code or name.
    Rule(&'static Rule),
    /// `warnings`: every rule that is at warning level once the others apply.
    Warnings,
}

/// A selector that names no rule, or a rule whose level is fixed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectorError {
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
        "the level of {} `{}` cannot be changed: a ledger that does not load cannot be checked further",
        rule.code,
        rule.name
    )]
    FixedLevel {
        /// The rule.
        rule: &'static Rule,
    },
}

impl Selector {
    /// A rule code, a rule name, or `warnings`.
    pub fn parse(text: &str) -> Result<Selector, SelectorError> {
        if text == "warnings" {
            return Ok(Selector::Warnings);
        }
        match find(text) {
            None => Err(SelectorError::UnknownRule {
                name: text.to_owned(),
                suggestion: suggest(text),
            }),
            Some(rule) if rule.fixed_level => Err(SelectorError::FixedLevel { rule }),
            Some(rule) => Ok(Selector::Rule(rule)),
        }
    }
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
    fn every_rule_the_loader_does_not_report_has_a_check() {
        let loader = [
            syntax::RULE.code,
            schema::RULE.code,
            source_file::RULE.code,
            id_format::RULE.code,
        ];
        let checked: Vec<&str> = CHECKS.iter().map(|(rule, _)| rule.code).collect();
        let expected: Vec<&str> = RULES
            .iter()
            .map(|rule| rule.code)
            .filter(|code| !loader.contains(code))
            .collect();
        assert_eq!(checked, expected);
    }

    #[test]
    fn selectors_name_rules_or_every_warning() {
        assert!(
            matches!(Selector::parse("stale"), Ok(Selector::Rule(rule)) if rule.code == "C015")
        );
        assert!(matches!(Selector::parse("c015"), Ok(Selector::Rule(rule)) if rule.code == "C015"));
        assert!(matches!(
            Selector::parse("warnings"),
            Ok(Selector::Warnings)
        ));
        assert_eq!(
            Selector::parse("stal").unwrap_err(),
            SelectorError::UnknownRule {
                name: "stal".into(),
                suggestion: Some("stale")
            }
        );
        assert!(matches!(
            Selector::parse("syntax"),
            Err(SelectorError::FixedLevel { .. })
        ));
    }

    #[test]
    fn rules_are_in_code_order() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
    }
}
