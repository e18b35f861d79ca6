//! C008 `date-order`: dates that contradict each other or the as-of date.

use chrono::NaiveDate;

use crate::diagnostic::Finding;
use crate::model::Evidence;
use crate::rules::{Context, Level, Rule};
use crate::span::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C008",
    name: "date-order",
    default_level: Level::Error,
    fixed_level: false,
    summary: "updates out of order, before `made`, `due` before `made`, or a date after the as-of date",
    doc: "\
## What it checks

- the updates of a commitment are in chronological order (equal dates are
  fine);
- no update is dated before the commitment was `made`;
- `due` is not before `made`;
- nothing that records an event is dated after the as-of date: `made`,
  update dates, `published` dates of sources and evidence, and the ledger's
  `reviewed` date. (`due` may of course lie in the future. Target
  observations are checked by `target-order`.)

The as-of date is today unless `--as-of` says otherwise.

## Why

The history of a commitment is read top to bottom, and its status is the
latest update's. An update out of order, or one dated in the future, makes
that status wrong.

## Example

```toml
[[commitment]]
made = 2024-06-28

[[commitment.update]]
date = 2024-06-01     # before the commitment was made
```
",
    check: Some(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let after_as_of = |date: &Spanned<NaiveDate>, what: &str, out: &mut Vec<Finding>| {
        if date.value > cx.as_of {
            out.push(
                Finding::new(
                    &RULE,
                    date.span,
                    format!("{what} is dated {}, after the as-of date {}", date.value, cx.as_of),
                )
                .label("in the future")
                .help("a ledger records what has happened: correct the date, or pass --as-of to check the ledger at a later date"),
            );
        }
    };
    if let Some(meta) = &cx.ledger.meta {
        after_as_of(&meta.reviewed, "`reviewed`", out);
    }
    for source in &cx.ledger.sources {
        if let Some(published) = &source.published {
            after_as_of(published, &format!("source `{}`", source.id.value), out);
        }
    }
    for commitment in &cx.ledger.commitments {
        let made = &commitment.made;
        after_as_of(made, &format!("commitment `{}`", commitment.id.value), out);
        if let Some(due) = &commitment.due {
            if due.value < made.value {
                out.push(
                    Finding::new(
                        &RULE,
                        due.span,
                        format!("`due` {} is before `made` {}", due.value, made.value),
                    )
                    .label("due before it was made")
                    .with_secondary(made.span, "made here")
                    .help("check both dates; a deadline comes after the promise"),
                );
            }
        }
        let mut previous: Option<&Spanned<NaiveDate>> = None;
        for update in &commitment.updates {
            let date = &update.date;
            if date.value < made.value {
                out.push(
                    Finding::new(
                        &RULE,
                        date.span,
                        format!(
                            "update is dated {}, before the commitment was made on {}",
                            date.value, made.value
                        ),
                    )
                    .label("before `made`")
                    .with_secondary(made.span, "made here")
                    .help("correct the update's date, or `made` if the promise is older"),
                );
            } else if let Some(previous) = previous.filter(|p| date.value < p.value) {
                out.push(
                    Finding::new(
                        &RULE,
                        date.span,
                        format!(
                            "update of {} comes after an update of {}",
                            date.value, previous.value
                        ),
                    )
                    .label("out of chronological order")
                    .with_secondary(previous.span, "later date above")
                    .help("keep updates oldest first: move this update up, or correct its date"),
                );
            }
            after_as_of(date, "update", out);
            for evidence in &update.evidence {
                if let Evidence::Web(web) = evidence {
                    if let Some(published) = &web.published {
                        after_as_of(published, "evidence", out);
                    }
                }
            }
            previous = Some(previous.map_or(date, |p| if date.value > p.value { date } else { p }));
        }
    }
}
