//! C016 `target-order`: target observations out of order or in the future.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C016",
    name: "target-order",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "target observations out of order or after the as-of date, or a baseline after them",
    doc: "\
## What it checks

For a `[commitment.target]`:

- its observations are in chronological order;
- no observation, and not the baseline, is dated after the as-of date;
- the baseline is dated before the first observation.

## Why

Progress toward a target is read as a line from the baseline through the
observations. Out of order, it shows progress that did not happen.

## Example

```toml
[commitment.target]
baseline = { value = 50, date = 2021-12-31 }

[[commitment.target.observation]]
date = 2020-09-01     # before the baseline
value = 30
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for target in cx
        .ledger
        .commitments
        .iter()
        .filter_map(|c| c.target.as_ref())
    {
        let future = |span, date, what: &str| {
            Finding::new(
                &RULE,
                span,
                format!("{what} is dated {date}, after the as-of date {}", cx.as_of),
            )
            .label("in the future")
            .help("record an observation once it has been made; or pass --as-of")
        };
        if let Some(baseline) = &target.baseline {
            let date = &baseline.measurement.date;
            if date.value > cx.as_of {
                out.push(future(date.span, date.value, "the baseline"));
            }
            if let Some(first) = target.observations.first() {
                let first = &first.measurement.date;
                if date.value >= first.value {
                    out.push(
                        Finding::new(
                            &RULE,
                            date.span,
                            format!("the baseline ({}) is not before the first observation ({})", date.value, first.value),
                        )
                        .label("baseline date")
                        .with_secondary(first.span, "first observation")
                        .help("the baseline is where counting started: date it before every observation"),
                    );
                }
            }
        }
        for (index, observation) in target.observations.iter().enumerate() {
            let date = &observation.measurement.date;
            if date.value > cx.as_of {
                out.push(future(date.span, date.value, "an observation"));
            }
            if let Some(previous) = index
                .checked_sub(1)
                .map(|i| &target.observations[i].measurement.date)
                && date.value < previous.value
            {
                out.push(
                    Finding::new(
                        &RULE,
                        date.span,
                        format!(
                            "observation of {} comes after one of {}",
                            date.value, previous.value
                        ),
                    )
                    .label("out of chronological order")
                    .with_secondary(previous.span, "later date above")
                    .help("keep observations oldest first"),
                );
            }
        }
    }
}
