//! C015 `stale`: an open commitment that nobody has looked at for too long.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::DEFAULT_STALE_AFTER_DAYS;
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C015",
    name: "stale",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: None,
    summary: "an open commitment has had no update for longer than `stale_after_days`",
    doc: "\
## What it checks

Whether a commitment that is not final has gone without an update (or, with
none, since it was `made`) for more than `ledger.stale_after_days` days (180
unless set) at the as-of date.

## Why

Canada's Mandate Tracker stamps every page with the date its progress
reflects. A status that nobody has reviewed for months may no longer be true.
Review it and add a dated update, even one that only confirms the status.
Where nothing new was found, the warning is informative and can stay.

## Example

```toml
[ledger]
stale_after_days = 180

[[commitment]]
made = 2024-06-28
status = \"announced\"   # as of 2025-06-01: 338 days without an update
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let limit = cx
        .ledger
        .meta
        .as_ref()
        .map_or(DEFAULT_STALE_AFTER_DAYS, |meta| meta.stale_after_days.value);
    for commitment in &cx.ledger.commitments {
        if commitment.status.value.is_final() {
            continue;
        }
        let since = commitment.last_activity();
        let days = (cx.as_of - since).num_days();
        if days <= i64::from(limit) {
            continue;
        }
        let last = commitment
            .updates
            .iter()
            .max_by_key(|u| u.date.value)
            .map_or((commitment.made.span, "made here"), |u| {
                (u.date.span, "last update")
            });
        out.push(
            Finding::new(
                &RULE,
                commitment.status.span,
                format!(
                    "`{}` has had no update for {days} days (since {since}); the limit is {limit}",
                    commitment.id.value
                ),
            )
            .label(format!(
                "`{}` since {since}",
                commitment.status.value.as_str()
            ))
            .with_secondary(last.0, last.1)
            .help("review it and add a dated update, even one that confirms the status"),
        );
    }
}
