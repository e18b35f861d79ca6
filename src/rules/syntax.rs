//! C001 `syntax`: the file is not valid TOML.

use crate::finding::Finding;
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
    if let Some(finding) = foreign_date(text, span) {
        return finding;
    }
    if let Some(finding) = unquoted_string(text, span) {
        return finding;
    }
    let message = message.trim_end();
    let (first, rest) = message.split_once('\n').unwrap_or((message, ""));
    let short = first.split(", expected").next().unwrap_or(first);
    let mut finding =
        Finding::new(&RULE, span, format!("invalid TOML: {first}")).label(short.to_owned());
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
    let before = text.get(..span.start())?;
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

/// A date written another way, such as `made = 28/06/2024` or
/// `2024-6-28`. The parser sees a bad number, a bad date or an unquoted
/// string; the writer meant a date, so say how TOML writes one.
fn foreign_date(text: &str, span: Span) -> Option<Finding> {
    // The whole bare value after `=` on the error's line: the parser may
    // point at only a part of it (`.2024` in `28.06.2024`).
    let line_start = text.get(..span.start())?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let equals = line.find('=')?;
    let after = &line[equals + 1..];
    let value = after.trim_start();
    let value_start = line_start + equals + 1 + (after.len() - value.len());
    let value = value.split(['#', ' ', '\t', '\r']).next()?;
    let token = Span::new(value_start, value_start + value.len());
    if token.end() <= span.start() || token.start() > span.end() {
        return None;
    }
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let numeric =
        |part: &&str| (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(numeric) {
        return None;
    }
    let number = |part: &str| part.parse::<u32>().ok();
    let (a, b, c) = (number(parts[0])?, number(parts[1])?, number(parts[2])?);
    let (year, month, day, note) = if parts[0].len() == 4 {
        (a, b, c, None)
    } else if parts[2].len() == 4 {
        match (a > 12, b > 12) {
            (true, false) => (c, b, a, None),
            (false, true) => (c, a, b, None),
            _ => (
                c,
                b,
                a,
                Some(format!(
                    "`{value}` could be day first or month first; if the month comes first, write {c:04}-{a:02}-{b:02}"
                )),
            ),
        }
    } else {
        return None;
    };
    let iso = format!("{year:04}-{month:02}-{day:02}");
    let mut finding = Finding::new(&RULE, token, "invalid TOML: a date is written YYYY-MM-DD")
        .label("not a TOML date")
        .help(format!(
            "write it as {iso} (year, month and day, zero-padded, with no quotes)"
        ));
    if let Some(note) = note {
        finding = finding.note(note);
    }
    Some(finding)
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
    fn a_date_written_another_way_is_told_the_toml_form() {
        for (value, help) in [
            ("28/06/2024", "write it as 2024-06-28"),
            ("2024/06/28", "write it as 2024-06-28"),
            ("28-06-2024", "write it as 2024-06-28"),
            ("28.06.2024", "write it as 2024-06-28"),
            ("6/28/2024", "write it as 2024-06-28"),
            ("2024-6-28", "write it as 2024-06-28"),
            ("03/04/2024", "write it as 2024-04-03"),
        ] {
            let text = format!("[ledger]\nmade = {value}  # when\n");
            let finding = message(&text);
            assert_eq!(
                finding.message, "invalid TOML: a date is written YYYY-MM-DD",
                "{value}"
            );
            assert!(
                finding.notes.iter().any(|n| n.contains(help)),
                "{value}: {:?}",
                finding.notes
            );
            let start = text.find(value).unwrap();
            assert_eq!(
                finding.primary.span,
                Span::new(start, start + value.len()),
                "{value}"
            );
        }
        // Day and month both 12 or under: the other reading is named too.
        let ambiguous = message("made = 03/04/2024\n");
        assert!(
            ambiguous.notes.iter().any(|n| n.contains("2024-03-04")),
            "{:?}",
            ambiguous.notes
        );
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
