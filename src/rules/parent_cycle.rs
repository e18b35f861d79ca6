//! C006 `parent-cycle`: commitments that are each other's parents.

use std::collections::HashMap;

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C006",
    name: "parent-cycle",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "a chain of `parent` links that comes back to where it started",
    doc: "\
## What it checks

That following `parent` from any commitment ends at a commitment without a
parent. A commitment that is its own parent, or two that are each other's,
form a cycle. Each cycle is reported once, with every link in it labelled.

## Why

Umbrella commitments group their children, and reports count a child under
its umbrella. A cycle has no top, so it cannot be counted.

## Example

```toml
[[commitment]]
id = \"joint-action-plan\"
parent = \"digital-economy-document\"

[[commitment]]
id = \"digital-economy-document\"
parent = \"joint-action-plan\"
```
",
};

#[derive(Clone, Copy, PartialEq)]
enum Visit {
    OnPath,
    Done,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let commitments = &cx.ledger.commitments;
    let index: HashMap<&str, usize> = commitments
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.id.value.as_str(), i))
        .collect();
    let parent_of = |i: usize| {
        let parent = commitments[i].parent.as_ref()?;
        index.get(parent.value.as_str()).copied()
    };
    // Each commitment is visited once: linear in the number of commitments.
    let mut state: Vec<Option<Visit>> = vec![None; commitments.len()];
    for start in 0..commitments.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                Some(Visit::Done) => break,
                Some(Visit::OnPath) => {
                    let cycle_start = path.iter().position(|&p| p == i).unwrap_or(0);
                    report(cx, &path[cycle_start..], out);
                    break;
                }
                None => {
                    state[i] = Some(Visit::OnPath);
                    path.push(i);
                    at = parent_of(i);
                }
            }
        }
        for i in path {
            state[i] = Some(Visit::Done);
        }
    }
}

fn report(cx: &Context<'_>, cycle: &[usize], out: &mut Findings<'_>) {
    let commitments = &cx.ledger.commitments;
    // Start the story at the member written first in the file.
    let first = (0..cycle.len())
        .min_by_key(|&k| commitments[cycle[k]].span.start())
        .unwrap_or(0);
    let order: Vec<usize> = cycle[first..]
        .iter()
        .chain(&cycle[..first])
        .copied()
        .collect();
    let mut names: Vec<&str> = order
        .iter()
        .map(|&i| commitments[i].id.value.as_str())
        .collect();
    names.push(names[0]);
    let Some(head) = commitments[order[0]].parent.as_ref() else {
        return;
    };
    let mut finding = Finding::new(
        &RULE,
        head.span,
        format!("`parent` links form a cycle: {}", names.join(" → ")),
    )
    .label(if order.len() == 1 {
        "a commitment cannot be its own parent"
    } else {
        "this link starts the cycle"
    });
    for &i in &order[1..] {
        if let Some(parent) = &commitments[i].parent {
            finding = finding.with_secondary(parent.span, "and continues here");
        }
    }
    out.push(finding.help("remove the `parent` of the commitment that is the umbrella"));
}
