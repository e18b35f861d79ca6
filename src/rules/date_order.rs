//! C008 `date-order`: dates that contradict each other or the as-of date.

use chrono::NaiveDate;

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::{Evidence, Update};
use crate::rule::{Level, Rule};
use crate::span::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C008",
    name: "date-order",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
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
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let after_as_of = |date: &Spanned<NaiveDate>, what: &str, out: &mut Findings<'_>| {
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
        if let Some(due) = &commitment.due
            && due.value < made.value
        {
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
            }
            after_as_of(date, "update", out);
            for evidence in &update.evidence {
                if let Evidence::Web(web) = evidence
                    && let Some(published) = &web.published
                {
                    after_as_of(published, "evidence", out);
                }
            }
        }
        out.extend(out_of_order(&commitment.updates));
    }
}

/// One finding for a history that is out of order: it points at the first
/// update that is dated after a later one (with a swap of two dates, one of
/// the two), and labels the later updates dated before it.
fn out_of_order(updates: &[Update]) -> Option<Finding> {
    // earliest_after[i] is the earliest date among updates[i..]: one pass.
    let mut earliest_after = vec![NaiveDate::MAX; updates.len() + 1];
    for (i, update) in updates.iter().enumerate().rev() {
        earliest_after[i] = earliest_after[i + 1].min(update.date.value);
    }
    let (index, misplaced) = updates
        .iter()
        .enumerate()
        .find(|(i, update)| earliest_after[i + 1] < update.date.value)?;
    let earlier: Vec<&Update> = updates[index + 1..]
        .iter()
        .filter(|later| later.date.value < misplaced.date.value)
        .collect();
    let count = earlier.len();
    let mut finding = Finding::new(
        &RULE,
        misplaced.date.span,
        format!(
            "update of {} is out of chronological order: {count} later update{} {} dated before it",
            misplaced.date.value,
            if count == 1 { "" } else { "s" },
            if count == 1 { "is" } else { "are" },
        ),
    )
    .label("dated after an update below");
    for later in earlier.iter().take(LABELS) {
        finding = finding.with_secondary(later.date.span, "dated earlier, but written below");
    }
    if count > LABELS {
        finding = finding.note(format!("{} more not shown", count - LABELS));
    }
    Some(
        finding.help("keep updates oldest first: check this date, or move the update to its place"),
    )
}

/// At most this many secondary labels per finding.
const LABELS: usize = 5;
