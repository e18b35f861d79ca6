//! C001 `syntax`: the file is not valid TOML.

use crate::diagnostic::Finding;
use crate::rule::{Level, Rule};
use crate::span::Span;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C001",
    name: "syntax",
    default_level: Level::Error,
    fixed_level: true,
    edit_help: None,
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
};

/// A TOML parse error at `span` of `text`.
pub(crate) fn parse_error(text: &str, span: Span, message: &str) -> Finding {
    if let Some(finding) = unquoted_string(text, span) {
        return finding;
    }
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

/// A bare word where a value belongs, such as `area = infrastructure"`. The
/// parser reads it as a malformed number or boolean and says so ("invalid
/// float, expected `inf`"), but the writer meant a string.
fn unquoted_string(text: &str, span: Span) -> Option<Finding> {
    let token = text.get(span.range())?;
    if !token.chars().next()?.is_alphabetic() {
        return None;
    }
    let before = text.get(..span.start)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    if !line.trim_end().ends_with(['=', '[', ',']) {
        return None;
    }
    let word = token.trim_matches(['"', '\'']);
    Some(
        Finding::new(&RULE, span, "invalid TOML: a text value is not in quotes")
            .label("not quoted")
            .help(format!(
                "put text in double quotes, such as \"{word}\"; only numbers, dates, `true` and `false` go bare"
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> Finding {
        let crate::load::Loaded { findings, .. } =
            crate::load::load_bytes("t.toml", text.as_bytes(), None);
        findings.into_iter().next().expect("a finding")
    }

    #[test]
    fn a_bare_word_value_is_told_to_be_quoted() {
        for text in [
            "area = infrastructure\"\n",
            "area = hello\n",
            "parties = [cn, pe]\n",
            "flag = true1\n",
        ] {
            let finding = message(text);
            assert_eq!(
                finding.message, "invalid TOML: a text value is not in quotes",
                "{text}"
            );
            assert!(
                finding.notes[0].starts_with("help: put text in double quotes"),
                "{text}"
            );
        }
        let finding = message("area = infrastructure\"\n");
        assert!(
            finding.notes[0].contains("\"infrastructure\""),
            "{:?}",
            finding.notes
        );
    }

    #[test]
    fn other_syntax_errors_keep_the_parser_message() {
        for text in ["date = 2024-13-01\n", "title = \"open\n", "n = 1__0\n"] {
            let finding = message(text);
            assert_ne!(
                finding.message, "invalid TOML: a text value is not in quotes",
                "{text}"
            );
            assert!(finding.message.starts_with("invalid TOML"), "{text}");
        }
    }
}
