//! C005 `unknown-reference`: a party, source or parent that is not declared.

use std::collections::HashSet;

use crate::context::Context;
use crate::finding::Finding;
use crate::model::{Evidence, Party};
use crate::rule::{Level, Rule};
use crate::span::Spanned;
use crate::suggest;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C005",
    name: "unknown-reference",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "a party, source or parent id that is not declared",
    doc: "\
## What it checks

That every id a commitment refers to is declared:

- each of its `parties` is a `[parties.ID]`, and so is each id in `by` and
  `asks` that is not already one of its `parties`;
- each `ref` (in `source` and in evidence) is a `[sources.ID]`;
- its `parent` is the id of another commitment.

The nearest declared id is suggested; for a party, also the one whose name
holds the word (`peru` for `[parties.pe]`, named \"Republic of Peru\").

## Why

A reference to nothing is almost always a typo, and it silently drops the
commitment from the party's totals or its quote from verification.

## Example

```toml
[parties.pe]
name = \"Republic of Peru\"

[[commitment]]
parties = [\"cn\", \"pe\"]   # `cn` is not declared
by = [\"peru\"]            # did you mean `pe`?
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ledger = cx.ledger;
    let parties: HashSet<&str> = ledger.parties.iter().map(|p| p.id.value.as_str()).collect();
    let sources: HashSet<&str> = ledger.sources.iter().map(|s| s.id.value.as_str()).collect();
    let commitments: HashSet<&str> = ledger
        .commitments
        .iter()
        .map(|c| c.id.value.as_str())
        .chain(ledger.incomplete_ids.iter().map(String::as_str))
        .collect();

    let mut report =
        |reference: &Spanned<String>, what: &str, known: &HashSet<&str>, declare: &str| {
            if known.contains(reference.value.as_str()) {
                return;
            }

            let finding = Finding::new(
                &RULE,
                reference.span,
                format!("{what} `{}` is not declared", reference.value),
            );
            let near = suggestion(&reference.value, known).or_else(|| {
                (what == "party")
                    .then(|| party_named(&reference.value, &ledger.parties))
                    .flatten()
            });
            out.push(match near {
                Some(near) => finding.did_you_mean(near),
                None => finding
                    .label(format!("unknown {what}"))
                    .help(declare.to_owned()),
            });
        };

    for commitment in &ledger.commitments {
        for party in &commitment.parties {
            report(
                party,
                "party",
                &parties,
                &format!("declare it: [parties.{}] with a `name`", party.value),
            );
        }
        // An id of `by` or `asks` that is among `parties` was reported there.
        let who = commitment.by.iter().chain(&commitment.asks).flatten();
        for party in who.filter(|p| !commitment.parties.iter().any(|q| q.value == p.value)) {
            report(
                party,
                "party",
                &parties,
                &format!(
                    "name one of the commitment's `parties`, or declare it: [parties.{}] with a `name`",
                    party.value
                ),
            );
        }
        let declare_source =
            "declare it as a [sources.ID] table with a `title` and a `file` or `url`";
        report(
            &commitment.source.source_ref,
            "source",
            &sources,
            declare_source,
        );
        for item in commitment.evidence() {
            if let Evidence::Source(citation) = item {
                report(&citation.source_ref, "source", &sources, declare_source);
            }
        }
        if let Some(parent) = &commitment.parent {
            report(
                parent,
                "parent commitment",
                &commitments,
                "`parent` must be the id of another [[commitment]]",
            );
        }
    }
}

/// The one declared party whose name holds `word` as a whole word, ignoring
/// case: `peru` finds `[parties.pe]` named "Republic of Peru".
fn party_named<'a>(word: &str, parties: &'a [Party]) -> Option<&'a str> {
    let word = word.to_lowercase();
    let mut named = parties.iter().filter(|party| {
        party
            .name
            .value
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|part| part == word)
    });
    match (named.next(), named.next()) {
        (Some(party), None) => Some(party.id.value.as_str()),
        _ => None,
    }
}

/// The closest declared id, looked for only among a bounded number of
/// candidates, so that many broken references in a huge ledger stay linear.
fn suggestion<'a>(word: &str, known: &HashSet<&'a str>) -> Option<&'a str> {
    const MAX_CANDIDATES: usize = 2_000;
    if known.len() > MAX_CANDIDATES {
        return None;
    }
    let mut candidates: Vec<&str> = known.iter().copied().collect();
    // Sorted, so that ties between equally close ids resolve the same way every run.
    candidates.sort_unstable();
    suggest::closest(word, candidates)
}
