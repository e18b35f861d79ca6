//! C019 `who-committed`: who made a commitment, and who was asked.

use std::collections::HashSet;

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::SharedStr;
use crate::rule::{Level, Rule};
use crate::span::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C019",
    name: "who-committed",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: Some("name who committed with `--by ID,ID` (a subset of `--parties`)"),
    summary: "`by` is missing where several parties are involved, or `by` and `asks` do not fit `parties`",
    doc: "\
## What it checks

- a commitment with several `parties` says which of them made it, with
  `by`. Without `by`, every party counts as having committed, which is right
  for a joint promise and wrong for one side's promise that involves the
  other;
- every id in `by` and in `asks` is one of the commitment's `parties`;
- a request (`asks`) says who asked (`by`), and nobody asks itself.

## Why

Per-party totals count what each party committed (`by`). \"Xi hoped Peru
would provide a sound legal environment\" is China's request of Peru
(`by = [\"cn\"]`, `asks = [\"pe\"]`): it is not Peru's promise, and not
China's either, so it is counted apart as a request.

## Example

```toml
[[commitment]]
parties = [\"cn\", \"pe\"]
by = [\"cn\"]      # China said it; Peru is involved
asks = [\"pe\"]    # ...and it is China asking Peru: a request
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let declared: HashSet<&str> = cx
        .ledger
        .parties
        .iter()
        .map(|p| p.id.value.as_str())
        .collect();
    for commitment in &cx.ledger.commitments {
        let id = &commitment.id.value;
        let parties: Vec<&str> = commitment
            .parties
            .iter()
            .map(|p| p.value.as_str())
            .collect();
        match &commitment.by {
            None if parties.len() > 1 => out.push(
                Finding::new(
                    &RULE,
                    commitment.parties[0].span,
                    format!("`{id}` involves {} parties but does not say which of them committed", parties.len()),
                )
                .label("who made the commitment?")
                .help(format!(
                    "add `by = [...]` with those of {} that made it; without it every party counts as committed",
                    parties.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", ")
                )),
            ),
            _ => {}
        }
        let outside = |list: &[Spanned<SharedStr>], key: &str, out: &mut Findings<'_>| {
            // An undeclared id is `unknown-reference`'s error, with its
            // "did you mean"; here only declared parties outside `parties`.
            for entry in list.iter().filter(|e| {
                !parties.contains(&e.value.as_str()) && declared.contains(e.value.as_str())
            }) {
                out.push(
                    Finding::new(
                        &RULE,
                        entry.span,
                        format!(
                            "`{}` in `{key}` of `{id}` is not one of its `parties`",
                            entry.value
                        ),
                    )
                    .label("not in `parties`")
                    .help("add it to `parties`, or remove it here"),
                );
            }
        };
        if let Some(by) = &commitment.by {
            outside(by, "by", out);
        }
        if let Some(asks) = &commitment.asks {
            outside(asks, "asks", out);
            match &commitment.by {
                None => out.push(
                    Finding::new(
                        &RULE,
                        asks[0].span,
                        format!("`{id}` is a request but does not say who asked"),
                    )
                    .label("asked by whom?")
                    .help("add `by = [...]` with the party that asked"),
                ),
                Some(by) => {
                    for asked in asks
                        .iter()
                        .filter(|a| by.iter().any(|b| b.value == a.value))
                    {
                        out.push(
                            Finding::new(
                                &RULE,
                                asked.span,
                                format!("`{}` both asks and is asked in `{id}`", asked.value),
                            )
                            .label("also in `by`")
                            .help("a request is one party's ask of another: remove it from `by` or from `asks`"),
                        );
                    }
                }
            }
        }
    }
}
