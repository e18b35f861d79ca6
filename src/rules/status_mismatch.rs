//! C009 `status-mismatch`: `status` disagrees with the history.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::Status;
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C009",
    name: "status-mismatch",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "`status` differs from the latest update's status",
    doc: "\
## What it checks

That a commitment's `status` equals the `status` of its latest (last
written) `[[commitment.update]]`. A commitment without updates must be
`announced`: any other status needs a dated, cited update that records it.

## Why

Every status change is dated and cites evidence (PolitiFact, Polimeter). A
status set by hand without an update has neither.

## Example

```toml
[[commitment]]
status = \"kept\"

[[commitment.update]]
date = 2024-11-14
status = \"in_progress\"   # the latest update says in_progress
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for commitment in &cx.ledger.commitments {
        let status = &commitment.status;
        match commitment.updates.last() {
            Some(latest) if latest.status.value != status.value => out.push(
                Finding::new(
                    &RULE,
                    status.span,
                    format!(
                        "`status` is `{}` but the latest update ({}) says `{}`",
                        status.value.as_str(),
                        latest.date.value,
                        latest.status.value.as_str()
                    ),
                )
                .label("differs from the latest update")
                .with_secondary(latest.status.span, "latest update")
                .help(format!(
                    "set `status = \"{}\"`, or add an update that records the change to `{}`",
                    latest.status.value.as_str(),
                    status.value.as_str()
                )),
            ),
            None if status.value != Status::Announced => out.push(
                Finding::new(
                    &RULE,
                    status.span,
                    format!("`status` is `{}` but no update records it", status.value.as_str()),
                )
                .label("no update says so")
                .help("add a [[commitment.update]] with the date, status, note and evidence, or set `status = \"announced\"`"),
            ),
            _ => {}
        }
    }
}
