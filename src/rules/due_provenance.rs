//! C018 `due-provenance`: a deadline that says neither where it comes from
//! nor that it is an estimate.

use crate::context::Context;
use crate::finding::{Finding, Findings};
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

It also flags a `due_source`, `due_estimate` or `due_precision` without a
`due`, a deadline that has both a source and an estimate, and a
`due_precision` of `month` or `year` whose `due` is not the last day of that
month or year (the day such a deadline stands for).

## Why

Days early, days late and \"overdue\" are computed against `due`, so a
deadline nobody stated makes those figures claims nobody made. Every output
calls an estimated deadline \"the editors' estimate\", and says \"against the
editors' estimate of the deadline\" wherever it counts days against one (the
practice of AidData, whose dates carry an \"estimated\" flag). A deadline
that a source gives as a month or a year is written \"by the end of 2029\",
never as the day that stands for it.

## Example

```toml
[[commitment]]
due = 2024-11-30   # from where?
# either
due_source = { ref = \"xinhua-2024-06-28\", quote = \"...by the end of November...\" }
# or
due_estimate = \"The source says 'on schedule' without a date; the month of the summit is the editors' estimate.\"

[[commitment]]
# \"(2024-2029)\" gives a year, not a day: say so, and reports write
# \"by the end of 2029\", never \"2029-12-31\".
due = 2029-12-31
due_precision = \"year\"
due_source = { ref = \"xinhua-2024-06-28\", quote = \"(2024-2029)\" }
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for commitment in &cx.ledger.commitments {
        let id = &commitment.id.value;
        let source_span = commitment.due_source.as_deref().map(|s| match s {
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
        if let Some(precision) = &commitment.due_precision {
            match &commitment.due {
                None => out.push(
                    Finding::new(
                        &RULE,
                        precision.span,
                        format!("`{id}` gives the precision of its deadline, but has no `due`"),
                    )
                    .label("the precision of which deadline?")
                    .help("add the `due` date, or remove this"),
                ),
                Some(due) => {
                    let end = precision.value.end_of_period(due.value);
                    if end != due.value {
                        out.push(
                            Finding::new(
                                &RULE,
                                due.span,
                                format!(
                                    "a deadline of `due_precision = \"{}\"` stands for the last day of its {}: {end}, not {}",
                                    precision.value.as_str(),
                                    precision.value.as_str(),
                                    due.value
                                ),
                            )
                            .label(format!("not the end of the {}", precision.value.as_str()))
                            .with_secondary(precision.span, "the precision")
                            .help(format!("write `due = {end}`")),
                        );
                    }
                }
            }
        }
    }
}
