//! C013 `overdue`: a deliverable's deadline passed and it is still open.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::Kind;
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C013",
    name: "overdue",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: None,
    summary: "a deliverable's `due` date has passed and its status is not final",
    doc: "\
## What it checks

Whether a deliverable's `due` date is before the as-of date while its status
is still open (`announced`, `in_progress`, `at_risk` or `stalled`).

## Why

A deadline that passes unnoticed is the commonest way a tracker goes stale
(Transparency International, TrumpTracker). Record what happened: `kept`,
`partially_kept` (late or less than promised) or `broken`; or, if the
deadline was officially extended, change `due` and say so in an update.

## Example

```toml
[[commitment]]
kind = \"deliverable\"
due = 2024-11-30
status = \"in_progress\"   # as of 2025-01-01: 32 days overdue
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for commitment in &cx.ledger.commitments {
        let Some(due) = &commitment.due else { continue };
        if commitment.kind.value != Kind::Deliverable
            || commitment.status.value.is_final()
            || due.value >= cx.as_of
        {
            continue;
        }
        let days = (cx.as_of - due.value).num_days();
        out.push(
            Finding::new(
                &RULE,
                due.span,
                format!(
                    "`{}` was due {}, {days} day{} before {}, and is still `{}`",
                    commitment.id.value,
                    crate::i18n::Locale::en().deadline(
                        due.value,
                        commitment.precision(),
                        commitment.due_estimated()
                    ),
                    if days == 1 { "" } else { "s" },
                    cx.as_of,
                    commitment.status.value.as_str()
                ),
            )
            .label("deadline passed")
            .with_secondary(commitment.status.span, "still open")
            .help("record an update: `kept`, `partially_kept` (late or in part) or `broken`; or, if the deadline was extended, change `due` and cite it"),
        );
    }
}
