//! C004 `duplicate-id`: two commitments share an id; in a workspace, two
//! ledgers share an id, or one party is declared with two names.

use std::collections::HashMap;

use crate::context::Context;
use crate::finding::{FileId, Finding, Findings, Label};
use crate::rule::{Level, Rule};
use crate::span::Span;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C004",
    name: "duplicate-id",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "two commitments, or two ledgers of a workspace, have the same id",
    doc: "\
## What it checks

That no two `[[commitment]]` entries have the same `id`. Both places are
shown. (Party and source ids are TOML table keys, so TOML itself refuses a
duplicate there.)

In a workspace (`commitments-workspace.toml`), it also checks that no two
ledgers have the same id (`[ledger] id`, or the one made from the parties
and the first date), and that a party declared more than once (in the
workspace file, or in several ledgers) has the same `name` everywhere. Both
places are shown, in their files.

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

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
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

/// Two ledgers of a workspace with one id: `here` (file, span) is the
/// later, `there` the first, at `first_path`.
pub(crate) fn ledger_id_twice(
    id: &str,
    here: (FileId, Span),
    there: (FileId, Span),
    first_path: &str,
) -> Finding {
    let mut finding = Finding::new(
        &RULE,
        here.1,
        format!("two ledgers of the workspace have the id `{id}`"),
    )
    .with_label(Label {
        file: there.0,
        span: there.1,
        message: format!("`{id}` is the id of {first_path}").into(),
    })
    .help("give each ledger its own `id` in its [ledger] table: cross-ledger references and the site's addresses use it");
    finding.primary.file = here.0;
    finding.primary.message = "and of this ledger".into();
    finding
}

/// One party declared with two names: `here` is the later declaration,
/// `there` the first (the workspace file's, when it has one).
pub(crate) fn party_named_twice(
    id: &str,
    here: (&str, (FileId, Span)),
    there: (&str, (FileId, Span)),
) -> Finding {
    let mut finding = Finding::new(
        &RULE,
        here.1.1,
        format!(
            "party `{id}` is declared twice with different names: \"{}\" and \"{}\"",
            there.0, here.0
        ),
    )
    .with_label(Label {
        file: there.1.0,
        span: there.1.1,
        message: "first declared here".into(),
    })
    .help("give the party one name everywhere, or declare it once, in commitments-workspace.toml");
    finding.primary.file = here.1.0;
    finding.primary.message = "declared again here, with another name".into();
    finding
}
