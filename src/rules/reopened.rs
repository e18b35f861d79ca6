//! C012 `reopened`: an update moves a commitment out of a final status.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C012",
    name: "reopened",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: None,
    summary: "an update changes a final status (kept, partially_kept, broken)",
    doc: "\
## What it checks

Whether an update changes the status of a commitment that was already
`kept`, `partially_kept` or `broken`. Updates that confirm a final status are
fine.

## Why

Ratings can be revised, as PolitiFact's can move from Kept to Broken, so
this is allowed. But it is rare and worth a second look, so it is flagged.

## Example

```toml
[[commitment.update]]
date = 2024-11-14
status = \"kept\"

[[commitment.update]]
date = 2025-03-01
status = \"at_risk\"     # reopens a kept commitment
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for commitment in &cx.ledger.commitments {
        for pair in commitment.updates.windows(2) {
            let (before, after) = (&pair[0], &pair[1]);
            if before.status.value.is_final() && after.status.value != before.status.value {
                out.push(
                    Finding::new(
                        &RULE,
                        after.status.span,
                        format!(
                            "`{}` reopens a commitment that was `{}`",
                            after.status.value.as_str(),
                            before.status.value.as_str()
                        ),
                    )
                    .label("moves out of a final status")
                    .with_secondary(before.status.span, "final status")
                    .help("make sure the note and evidence explain the revision"),
                );
            }
        }
    }
}
