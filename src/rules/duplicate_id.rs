//! C004 `duplicate-id`: two commitments share an id.

use std::collections::HashMap;

use crate::context::Context;
use crate::finding::Finding;
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C004",
    name: "duplicate-id",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "two commitments have the same id",
    doc: "\
## What it checks

That no two `[[commitment]]` entries have the same `id`. Both places are
shown. (Party and source ids are TOML table keys, so TOML itself refuses a
duplicate there.)

## Why

Ids are how updates, parents, reports and diffs refer to a commitment. A
commitment copied as a template with its id left unchanged would otherwise
merge two promises into one.

## Example

```toml
[[commitment]]
id = \"fta-upgrade\"
# ...

[[commitment]]
id = \"fta-upgrade\"     # used above already
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let mut first_use = HashMap::with_capacity(cx.ledger.commitments.len());
    for commitment in &cx.ledger.commitments {
        let id = &commitment.id;
        if let Some(first) = first_use.insert(id.value.as_str(), id.span) {
            first_use.insert(id.value.as_str(), first);
            out.push(
                Finding::new(
                    &RULE,
                    id.span,
                    format!("the id `{}` is used twice", id.value),
                )
                .label("used again here")
                .with_secondary(first, "first used here")
                .help("give each commitment its own id"),
            );
        }
    }
}
