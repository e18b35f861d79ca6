//! C011 `missing-evidence`: a status claim without evidence, or an empty note.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::Status;
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C011",
    name: "missing-evidence",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: Some(
        "give the evidence with the command: `--url URL --quote TEXT` for a web page, or `--evidence SOURCE_ID --quote TEXT` for a declared source",
    ),
    summary: "an update or observation without evidence, or an update with an empty note",
    doc: "\
## What it checks

- every update whose status is anything but `announced` cites at least one
  piece of `evidence`;
- every update has a `note` that is not empty;
- every target observation cites at least one piece of `evidence`.

## Why

Every status change is dated and cites its sources (PolitiFact, Polimeter).
A rating that nobody can trace back to a document is an opinion.

## Example

```toml
[[commitment.update]]
date = 2024-11-14
status = \"kept\"
note = \"\"          # empty note, and no evidence = [...]
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let cite = "add `evidence = [{ url = \"https://...\", quote = \"...\" }]` or `[{ ref = \"SOURCE-ID\", quote = \"...\" }]`";
    for commitment in &cx.ledger.commitments {
        for update in &commitment.updates {
            if update.status.value != Status::Announced && update.evidence.is_empty() {
                out.push(
                    Finding::new(
                        &RULE,
                        update.span,
                        format!(
                            "update of {} to `{}` cites no evidence",
                            update.date.value,
                            update.status.value.as_str()
                        ),
                    )
                    .label("no `evidence`")
                    .help(cite),
                );
            }
            if update.note.value.trim().is_empty() {
                out.push(
                    Finding::new(
                        &RULE,
                        update.note.span,
                        format!("update of {} has an empty note", update.date.value),
                    )
                    .label("empty")
                    .help("say in one sentence what happened"),
                );
            }
        }
        for observation in commitment.target.iter().flat_map(|t| &t.observations) {
            if observation.evidence.is_empty() {
                out.push(
                    Finding::new(
                        &RULE,
                        observation.measurement.span,
                        format!(
                            "observation of {} cites no evidence",
                            observation.measurement.date.value
                        ),
                    )
                    .label("no `evidence`")
                    .help(cite),
                );
            }
        }
    }
}
