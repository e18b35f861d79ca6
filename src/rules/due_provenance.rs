//! C018 `due-provenance`: a deadline that says neither where it comes from
//! nor that it is an estimate.

use crate::context::Context;
use crate::diagnostic::Finding;
use crate::model::Evidence;
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C018",
    name: "due-provenance",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: None,
    summary: "a `due` date with neither `due_source` nor `due_estimate`",
    doc: "\
## What it checks

That every `due` says where it comes from, with exactly one of:

- `due_source`: the passage that states the date, as `{ ref, quote }` (a
  declared source) or `{ url, quote, title?, published? }` (a web page);
- `due_estimate`: why the editors chose the date, when no source states one.

It also flags a `due_source` or `due_estimate` without a `due`, and a
deadline that has both.

## Why

Days early, days late and \"overdue\" are computed against `due`, so a
deadline nobody stated makes those figures claims nobody made. Reports say
\"against an estimated deadline\" wherever they use an estimated one (the
practice of AidData, whose dates carry an \"estimated\" flag).

## Example

```toml
[[commitment]]
due = 2024-11-30   # from where?
# either
due_source = { ref = \"xinhua-2024-06-28\", quote = \"...by the end of November...\" }
# or
due_estimate = \"The source says 'on schedule' without a date; the month of the summit is the editors' estimate.\"
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for commitment in &cx.ledger.commitments {
        let id = &commitment.id.value;
        let source_span = commitment.due_source.as_ref().map(|s| match s {
            Evidence::Source(citation) => citation.quote.span,
            Evidence::Web(web) => web.url.span,
        });
        let estimate = commitment.due_estimate.as_ref();
        match (&commitment.due, source_span, estimate) {
            (Some(due), None, None) => out.push(
                Finding::new(
                    &RULE,
                    due.span,
                    format!("the deadline of `{id}` has no source and is not marked as an estimate"),
                )
                .label("where does this date come from?")
                .help(
                    "add `due_source = { ref = \"SOURCE-ID\", quote = \"...\" }` with the passage that states it, or `due_estimate = \"why this date\"`",
                ),
            ),
            (Some(_), Some(span), Some(estimate)) => out.push(
                Finding::new(
                    &RULE,
                    estimate.span,
                    format!("the deadline of `{id}` has both a source and an estimate"),
                )
                .label("an estimate")
                .with_secondary(span, "a source")
                .help("keep `due_source` if it states the date; otherwise keep only `due_estimate`"),
            ),
            (None, source, estimate) if source.is_some() || estimate.is_some() => {
                let span = source
                    .or(estimate.map(|e| e.span))
                    .unwrap_or(commitment.span);
                out.push(
                    Finding::new(
                        &RULE,
                        span,
                        format!("`{id}` says where its deadline comes from, but has no `due`"),
                    )
                    .label("for which deadline?")
                    .help("add the `due` date, or remove this"),
                );
            }
            _ => {}
        }
    }
}
