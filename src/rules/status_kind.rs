//! C010 `status-kind`: a status that does not fit the commitment's kind.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::{Commitment, Kind, Status};
use crate::rule::{Level, Rule};
use crate::span::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C010",
    name: "status-kind",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "a status that is not valid for the commitment's kind",
    doc: "\
## What it checks

That the `status` of a commitment, and of each of its updates, fits its
`kind`:

- `in_progress`, `kept` and `partially_kept` are for deliverables only;
- `active` is for ongoing commitments only;
- `announced`, `at_risk`, `stalled` and `broken` fit both.

## Why

An open-ended goal such as \"deepen cooperation in mining\" is never
finished: it is kept up (`active`) or it stalls. A deliverable such as a port
is underway (`in_progress`) until it is `kept` or not.

## Example

```toml
[[commitment]]
kind = \"ongoing\"
status = \"kept\"     # an ongoing commitment is never kept: use `active`
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for commitment in &cx.ledger.commitments {
        report(commitment, &commitment.status, "status", out);
        for update in &commitment.updates {
            report(commitment, &update.status, "update's status", out);
        }
    }
}

fn report(commitment: &Commitment, status: &Spanned<Status>, what: &str, out: &mut Findings<'_>) {
    let kind = &commitment.kind;
    if status.value.fits(kind.value) {
        return;
    }
    let help = match (kind.value, status.value) {
        (Kind::Ongoing, Status::InProgress) => "an ongoing commitment that is acted on is `active`",
        (Kind::Ongoing, _) => {
            "an ongoing commitment is never finished: use `active` while it is kept up, or `broken`; or make it a `deliverable`"
        }
        (Kind::Deliverable, _) => {
            "a deliverable that is underway is `in_progress`; or make it `ongoing`"
        }
    };
    out.push(
        Finding::new(
            &RULE,
            status.span,
            format!(
                "{what} `{}` does not fit a commitment of kind `{}`",
                status.value.as_str(),
                kind.value.as_str()
            ),
        )
        .label(format!("not for {} commitments", kind.value.as_str()))
        .with_secondary(kind.span, "kind set here")
        .help(help),
    );
}
