//! C021 `not-searched`: an open commitment that the editors have not
//! searched for news since the ledger's `reviewed` date.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C021",
    name: "not-searched",
    // Off unless a ledger turns it on: a ledger written before searches were
    // recorded would get a warning for every open commitment at once.
    // `commitments new` and the project's own ledger turn it on.
    default_level: Level::Allow,
    fixed_level: false,
    edit_help: None,
    summary: "an open commitment with no record of a search for news since `reviewed`",
    doc: "\
## What it checks

Whether every commitment that is not final, and was made before the
ledger's `reviewed` date, shows that someone looked for news of it up to
that date: a `[commitment.searched]` table dated on or after `reviewed`, or
an update dated on or after it.

It is off (`allow`) unless the ledger turns it on, as a ledger made by
`commitments new` does:

```toml
[checker.levels]
not-searched = \"warning\"   # or \"error\"
```

## Why

`reviewed` claims that every open commitment was looked at up to that date.
A status that did not move is only worth something if the reader can see
that someone looked, when, and for what. A fact-checker's record of what was
searched and not found is what lets a reader tell \"nothing happened\" from
\"nobody checked\".

Record each search, found or not:

```toml
[commitment.searched]
date = 2025-11-30
for = \"the protocol's entry into force: MOFCOM and MINCETUR notices, Xinhua, Andina\"
```

Then move `reviewed` (`commitments review DATE`).

## Example

```toml
[ledger]
reviewed = 2025-11-30

[[commitment]]
status = \"announced\"     # open, and no search recorded since 2025-11-30
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(meta) = &cx.ledger.meta else {
        return;
    };
    let reviewed = meta.reviewed.value;
    for commitment in &cx.ledger.commitments {
        if commitment.status.value.is_final() || commitment.made.value >= reviewed {
            continue;
        }
        let searched = commitment.searched.as_ref().map(|s| &s.date);
        let looked =
            searched.is_some_and(|d| d.value >= reviewed) || commitment.last_activity() >= reviewed;
        if looked {
            continue;
        }
        let id = &commitment.id.value;
        let mut finding = match searched {
            Some(date) => Finding::new(
                &RULE,
                date.span,
                format!(
                    "`{id}` was last searched for news on {}, before the ledger's review date {reviewed}",
                    date.value
                ),
            )
            .label("before the review date"),
            None => Finding::new(
                &RULE,
                commitment.status.span,
                format!(
                    "`{id}` is open and has no record of a search for news; the ledger says it was reviewed up to {reviewed}"
                ),
            )
            .label("open, never searched"),
        };
        finding = finding
            .with_secondary(meta.reviewed.span, "reviewed up to here")
            .help(format!(
                "search for news of it and record the search: `[commitment.searched]` with `date = {reviewed}` (or later) and `for = \"what was looked for, and where\"`"
            ));
        out.push(finding);
    }
}
