//! C002 `schema`: the TOML is valid but is not a ledger.
//!
//! The loader reports these; this file holds their text.

use crate::finding::Finding;
use crate::rule::{Level, Rule};
use crate::span::Span;
use crate::suggest::one_of;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C002",
    name: "schema",
    default_level: Level::Error,
    fixed_level: true,
    edit_help: None,
    summary: "a key is unknown or missing, or a value has the wrong type",
    doc: "\
## What it checks

That the TOML has the shape of a ledger (see docs/format.md):

- every key is one the format knows, and a misspelled key gets the nearest
  valid key as a suggestion;
- every required key is present;
- every value has the right type: dates are bare TOML dates such as
  `2024-06-28` (not strings, not date-times), statuses and kinds are one of
  their listed words, and text is not empty.

## Why

A typo such as `stauts = \"kept\"` would otherwise be silently ignored and the
commitment would keep its old status. This rule cannot be allowed or
downgraded.

## Example

```toml
[[commitment]]
id = \"chancay-harbor\"
stauts = \"kept\"     # unknown key `stauts`: did you mean `status`?
made = \"2024-06-28\" # a string, not a date: write made = 2024-06-28
```
",
};

pub(crate) fn unknown_key(
    span: Span,
    key: &str,
    table: &str,
    suggestion: Option<&str>,
    valid: &[&str],
) -> Finding {
    let finding = Finding::new(&RULE, span, format!("unknown key `{key}` in {table}"));
    match suggestion {
        Some(suggestion) => finding
            .did_you_mean(suggestion)
            .help(format!("rename it to `{suggestion}`")),
        None => finding.label("unknown key").help(format!(
            "the keys here are {}",
            one_of(valid.iter().copied())
        )),
    }
}

/// The loader stopped listing schema errors after `listed`; `more` were
/// found besides. Like a compiler's error limit: a file with millions of
/// errors is not a ledger yet, and listing them all took gigabytes.
pub(crate) fn too_many(span: Span, listed: usize, more: usize) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("{more} more schema errors after these {listed} are not listed"),
    )
    .label("the ledger starts here")
    .help("fix the errors listed below first; the rest are listed once fewer remain")
}

pub(crate) fn missing_key(span: Span, key: &str, table: &str, hint: &str) -> Finding {
    let finding = Finding::new(
        &RULE,
        span,
        format!("{table} is missing the required key `{key}`"),
    )
    .label(format!("`{key}` is missing here"));
    if hint.is_empty() {
        finding
    } else {
        finding.help(format!("add `{key} = {hint}`"))
    }
}

pub(crate) fn missing_ledger_table(span: Span) -> Finding {
    Finding::new(&RULE, span, "the file has no `[ledger]` table")
        .label("`[ledger]` is missing")
        .help("start the ledger with `[ledger]`, a `title = \"...\"` and a `reviewed = YYYY-MM-DD` date (`commitments.toml` in this repository is an example)")
}

pub(crate) fn wrong_type(span: Span, key: &str, expected: &str, found: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("`{key}` must be {expected}, found {found}"),
    )
    .label(format!("expected {expected}"))
}

pub(crate) fn quoted_date(span: Span, key: &str, date: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("`{key}` must be a bare TOML date, found a string"),
    )
    .label("a string, not a date")
    .help(format!("remove the quotes: `{key} = {date}`"))
}

pub(crate) fn not_a_date(span: Span, key: &str, found: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("`{key}` must be a date like 2024-06-28, found {found}"),
    )
    .label("expected a date in the form YYYY-MM-DD")
    .help("commitments are tracked by the day: keep only the YYYY-MM-DD part")
}

pub(crate) fn impossible_date(span: Span, key: &str) -> Finding {
    Finding::new(&RULE, span, format!("`{key}` is not a calendar date")).label("no such day")
}

pub(crate) fn empty_text(span: Span, key: &str) -> Finding {
    Finding::new(&RULE, span, format!("`{key}` must not be empty")).label("empty")
}

pub(crate) fn bad_choice(
    span: Span,
    key: &str,
    found: &str,
    allowed: &[&str],
    suggestion: Option<&str>,
) -> Finding {
    let finding = Finding::new(&RULE, span, format!("`{found}` is not a valid {key}"));
    let finding = match suggestion {
        Some(suggestion) => finding.did_you_mean(suggestion),
        None => finding.label(format!("unknown {key}")),
    };
    finding.help(format!("use one of {}", one_of(allowed.iter().copied())))
}

pub(crate) fn out_of_range(span: Span, key: &str, range: &str) -> Finding {
    Finding::new(&RULE, span, format!("`{key}` must be {range}")).label("out of range")
}

pub(crate) fn not_a_base_url(span: Span) -> Finding {
    Finding::new(
        &RULE,
        span,
        "`base_url` is not an absolute http or https address",
    )
    .label("not an address")
    .help("write where the site is published, such as \"https://example.org/ledger/\"")
}

pub(crate) fn empty_list(span: Span, key: &str) -> Finding {
    Finding::new(&RULE, span, format!("`{key}` must list at least one item")).label("empty")
}

pub(crate) fn evidence_shape(span: Span, both: bool) -> Finding {
    let finding = if both {
        Finding::new(&RULE, span, "evidence has both `ref` and `url`")
            .label("one of the two must go")
    } else {
        Finding::new(&RULE, span, "evidence has neither `ref` nor `url`").label("what is quoted?")
    };
    finding.help(
        "write `{ ref = \"SOURCE-ID\", quote = \"...\" }` for a declared source, \
         or `{ url = \"https://...\", quote = \"...\" }` for a web page",
    )
}

pub(crate) fn source_without_location(span: Span, id: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("source `{id}` has neither `file` nor `url`"),
    )
    .label("where can it be read?")
    .help("add `file = \"sources/...\"` (a local copy, so quotes are verified) or `url = \"https://...\"`")
}

pub(crate) fn unknown_rule(span: Span, found: &str, suggestion: Option<&str>) -> Finding {
    let finding = Finding::new(&RULE, span, format!("no rule is called `{found}`"));
    match suggestion {
        Some(suggestion) => finding.did_you_mean(suggestion),
        None => finding.label("unknown rule"),
    }
    .help("`commitments rules` lists every code and name")
}

pub(crate) fn fixed_level(span: Span, rule: &Rule) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!(
            "the level of {} `{}` cannot be changed",
            rule.code, rule.name
        ),
    )
    .label("always an error")
    .help("remove this line; a ledger that does not load cannot be checked further")
}

/// A workspace's ledger path that leaves the workspace's folder.
pub(crate) fn ledger_outside_workspace(span: Span, path: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("the ledger `{path}` is outside the workspace's folder"),
    )
    .label("outside the folder")
    .help("list ledgers by paths inside the folder of commitments-workspace.toml, such as \"ledgers/*.toml\"")
}

/// A workspace's ledger pattern that is not a valid pattern.
pub(crate) fn bad_ledger_pattern(span: Span, why: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("this ledger pattern is not valid: {why}"),
    )
    .label("not a valid pattern")
    .help("write a path, or a pattern such as \"ledgers/*.toml\" (`*` matches within a name)")
}

pub(crate) fn bad_language_tag(span: Span, key: &str, found: &str) -> Finding {
    Finding::new(
        &RULE,
        span,
        format!("`{found}` in `{key}` is not a language tag"),
    )
    .label("not a language tag")
    .help("write a BCP 47 tag of letters, digits and hyphens, such as \"es\" or \"zh-Hans\"")
}
