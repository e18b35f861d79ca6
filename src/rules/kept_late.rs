//! C014 `kept-late`: a deliverable was `kept` after its deadline.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::{Kind, Status};
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C014",
    name: "kept-late",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: None,
    summary: "a deliverable is `kept`, but the update that kept it is after `due`",
    doc: "\
## What it checks

Whether a deliverable whose status is `kept` reached `kept` (in its latest
move to `kept`) after its `due` date. Commitments whose updates are out of
order are left to `date-order`.

## Why

By the Polimeter rule, late delivery is `partially_kept`, not `kept`: the
promise included its deadline.

## Example

```toml
[[commitment]]
due = 2024-11-30
status = \"kept\"

[[commitment.update]]
date = 2024-12-05      # 5 days after due
status = \"kept\"
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for commitment in &cx.ledger.commitments {
        let Some(due) = &commitment.due else { continue };
        let updates = &commitment.updates;
        let ordered = updates
            .windows(2)
            .all(|w| w[0].date.value <= w[1].date.value);
        if commitment.kind.value != Kind::Deliverable
            || commitment.status.value != Status::Kept
            || !ordered
        {
            continue;
        }
        // The update that last moved the commitment into `kept`.
        let Some(kept_at) = updates
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, u)| u.status.value == Status::Kept)
            .last()
            .map(|(_, u)| u)
        else {
            continue;
        };
        if kept_at.date.value <= due.value {
            continue;
        }
        let days = (kept_at.date.value - due.value).num_days();
        out.push(
            Finding::new(
                &RULE,
                kept_at.date.span,
                format!(
                    "`{}` was kept on {}, {days} day{} after its deadline, {}",
                    commitment.id.value,
                    kept_at.date.value,
                    if days == 1 { "" } else { "s" },
                    crate::i18n::Locale::en().deadline(
                        due.value,
                        commitment.precision(),
                        commitment.due_estimated()
                    )
                ),
            )
            .label("after the deadline")
            .with_secondary(due.span, "due here")
            .help("late delivery is `partially_kept` by the Polimeter rule: set the status to `partially_kept`, or correct `due`"),
        );
    }
}
