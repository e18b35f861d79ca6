//! C001 `syntax`: the file is not valid TOML.

use crate::diagnostic::Finding;
use crate::rules::{Level, Rule};
use crate::span::Span;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C001",
    name: "syntax",
    default_level: Level::Error,
    fixed_level: true,
    summary: "the ledger is not valid TOML (or not UTF-8)",
    doc: "\
## What it checks

That the ledger is valid TOML 1.1 encoded as UTF-8. Every syntax error the
parser can recover from is reported, each at its line and column.

## Why

Nothing else can be checked in a file that does not parse. This rule cannot
be allowed or downgraded.

## Example

```toml
[[commitment]]
id = \"chancay-harbor\"
title = \"Complete Chancay Harbor on schedule   # the closing quote is missing
```
",
    check: None,
};

/// A TOML parse error.
pub(crate) fn parse_error(span: Span, message: &str) -> Finding {
    let message = message.trim_end();
    let (first, rest) = message.split_once('\n').unwrap_or((message, ""));
    let short = first.split(", expected").next().unwrap_or(first);
    let mut finding = Finding::new(&RULE, span, format!("invalid TOML: {first}")).label(short);
    if !rest.trim().is_empty() {
        finding = finding.note(rest.trim());
    }
    finding.help("fix the syntax here; the rules run once the file parses")
}

/// The file has bytes that are not UTF-8.
pub(crate) fn not_utf8(span: Span) -> Finding {
    Finding::new(&RULE, span, "the ledger is not valid UTF-8")
        .label("invalid UTF-8 starts here")
        .help("save the file as UTF-8; TOML files must be UTF-8")
}

/// A number literal the parser accepted as a token but that is no number.
pub(crate) fn bad_number(span: Span, kind: &str) -> Finding {
    Finding::new(&RULE, span, format!("invalid TOML: malformed {kind}"))
        .label(format!("not a valid {kind}"))
        .help("write a decimal number such as 42 or 4.5 (integers must fit in 64 bits)")
}
