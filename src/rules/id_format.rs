//! C017 `id-format`: ids that are not ASCII kebab-case.

use crate::finding::Finding;
use crate::model::{Ledger, SharedStr};
use crate::rule::{Level, Rule};
use crate::span::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C017",
    name: "id-format",
    default_level: Level::Error,
    fixed_level: true,
    edit_help: None,
    summary: "a ledger, commitment, party or source id that is not ASCII kebab-case",
    doc: "\
## What it checks

That every id (of the ledger, its commitments, parties and sources) is ASCII
kebab-case:
lowercase letters and digits in words joined by single hyphens, such as
`chancay-harbor` or `xinhua-2024-06-28`.

## Why

Ids appear in URLs, file names, CSV cells and command lines, and are typed by
hand. One spelling rule means no look-alike ids (`Chancay_Harbor` next to
`chancay-harbor`) and no invisible characters. An id that breaks it could
also break out of the Markdown, HTML or terminal output it is printed in, so
the rule works like `syntax`: it cannot be allowed, and a ledger with such an
id gets no report, diff or edit until it is fixed.

## Example

```toml
[[commitment]]
id = \"Chancay Harbor\"   # write: chancay-harbor
```
",
};

/// Whether `id` is lowercase ASCII words of letters and digits joined by
/// single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The nearest kebab-case spelling, if there is one: lowercase ASCII words
/// joined by hyphens. Also how the site turns an area or a title into a
/// path segment or an id.
pub fn kebab(id: &str) -> String {
    let lowered = id.to_ascii_lowercase();
    lowered
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The slug of an area (or any text): its [`kebab`] spelling, or, for text
/// with no ASCII letter or digit ("能源"), `u-` and the hex of its UTF-8
/// bytes. Areas are grouped by slug everywhere: "R&D", "R D" and "r-d" are
/// one area, `r-d`, shown as it is first written.
pub(crate) fn slug(text: &str) -> String {
    let kebab = kebab(text);
    if !kebab.is_empty() {
        return kebab;
    }
    let mut hex = String::from("u-");
    for byte in text.bytes() {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Reported by the loader, like `syntax` and `schema`: a ledger with an
/// unsafe id gets no report, no diff and no edit.
pub(crate) fn check_ids(ledger: &Ledger, out: &mut Vec<Finding>) {
    let ledger_id = ledger.meta.as_ref().and_then(|meta| meta.id.as_ref());
    let ids = ledger_id
        .map(|id| (id, "ledger"))
        .into_iter()
        .chain(ledger.parties.iter().map(|p| (&p.id, "party")))
        .chain(ledger.sources.iter().map(|s| (&s.id, "source")))
        .chain(ledger.commitments.iter().map(|c| (&c.id, "commitment")));
    for (id, what) in ids {
        report(id, what, out);
    }
}

/// Reports `id` when it is not kebab-case; `what` names it ("workspace").
pub(crate) fn check_id(id: &Spanned<SharedStr>, what: &str, out: &mut Vec<Finding>) {
    report(id, what, out);
}

fn report(id: &Spanned<SharedStr>, what: &str, out: &mut Vec<Finding>) {
    if is_kebab_case(&id.value) {
        return;
    }
    let finding = Finding::new(
        &RULE,
        id.span,
        format!("{what} id `{}` is not kebab-case", id.value),
    )
    .label("not kebab-case");
    // Look-alike letters (Cyrillic `а` for Latin `a`) are named by code point.
    if let Some((at, c)) = id.value.char_indices().find(|(_, c)| !c.is_ascii()) {
        let position = id.value[..at].chars().count() + 1;
        out.push(finding.help(format!(
            "character {position} is U+{:04X} `{c}`, not ASCII; it may look like a Latin letter: retype the id",
            u32::from(c)
        )));
        return;
    }
    let suggestion = kebab(&id.value);
    out.push(if suggestion.is_empty() {
        finding.help("use lowercase ASCII letters and digits joined by hyphens")
    } else {
        finding.help(format!(
            "write `{suggestion}`, and change every reference to it"
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case_only() {
        assert!(is_kebab_case("chancay-harbor"));
        assert!(is_kebab_case("xinhua-2024-06-28"));
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "ça"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
        assert_eq!(kebab("Chancay Harbor"), "chancay-harbor");
    }
}
