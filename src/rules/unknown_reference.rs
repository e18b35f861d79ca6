//! C005 `unknown-reference`: a party, source, parent or related commitment
//! that is not declared, in this ledger or, for `LEDGER-ID:COMMITMENT-ID`,
//! in the workspace.

use std::collections::HashSet;

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::{CrossReference, Evidence, Neighbours, Party, SharedStr};
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
    summary: "a party, source, parent or related commitment that is not declared",
    doc: "\
## What it checks

That every id a commitment refers to is declared:

- each of its `parties` is a `[parties.ID]`, and so is each id in `by` and
  `asks` that is not already one of its `parties`;
- each `ref` (in `source` and in evidence) is a `[sources.ID]`;
- its `parent`, and each id in `related`, is the id of another commitment.

A `parent` or `related` written `LEDGER-ID:COMMITMENT-ID` names a commitment
of another ledger of the workspace (`commitments-workspace.toml`): that
ledger must be in the workspace, and hold that commitment. Outside a
workspace such a reference is an error, since nothing can resolve it.

The nearest declared id is suggested, across the workspace for a reference
to another ledger; for a party, also the one whose name holds the word
(`peru` for `[parties.pe]`, named \"Republic of Peru\").

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

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let ledger = cx.ledger;
    let parties: HashSet<&str> = ledger.parties.iter().map(|p| p.id.value.as_str()).collect();
    let sources: HashSet<&str> = ledger.sources.iter().map(|s| s.id.value.as_str()).collect();
    let commitments: HashSet<&str> = ledger
        .commitments
        .iter()
        .map(|c| c.id.value.as_str())
        .chain(ledger.incomplete_ids.iter().map(String::as_str))
        .collect();

    // Pushed after the loop: `report` holds `out` until then.
    let mut cross_findings = Vec::new();
    let mut report =
        |reference: &Spanned<SharedStr>, what: &str, known: &HashSet<&str>, declare: &str| {
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
                None => finding.label(format!("unknown {what}")).help(declare),
            });
        };

    let own_id = ledger.id();
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
        let linked = commitment
            .parent
            .iter()
            .map(|parent| (parent, "parent commitment"))
            .chain(commitment.related.iter().map(|r| (r, "related commitment")));
        for (reference, what) in linked {
            match CrossReference::parse(&reference.value) {
                Some(cross) if cross.ledger == own_id => report(
                    &Spanned::new(SharedStr::from(cross.commitment), reference.span),
                    what,
                    &commitments,
                    "name the id of another [[commitment]] of this ledger",
                ),
                Some(cross) => {
                    cross_findings.extend(cross_ledger(cross, reference, what, cx.workspace))
                }
                None => report(
                    reference,
                    what,
                    &commitments,
                    "name the id of another [[commitment]], or LEDGER-ID:COMMITMENT-ID for one of another ledger of the workspace",
                ),
            }
        }
    }
    out.extend(cross_findings);
}

/// The finding on a reference to a commitment of another ledger, if it does
/// not resolve in the workspace (or there is no workspace).
fn cross_ledger(
    cross: CrossReference<'_>,
    reference: &Spanned<SharedStr>,
    what: &str,
    workspace: Option<&Neighbours>,
) -> Option<Finding> {
    let Some(workspace) = workspace else {
        return Some(
            Finding::new(
                &RULE,
                reference.span,
                format!(
                    "{what} `{cross}` names ledger `{}`, but this ledger is not in a workspace",
                    cross.ledger
                ),
            )
            .label("no workspace to look in")
            .help("list both ledgers in a commitments-workspace.toml (see docs/format.md), and check from its folder or with --workspace"),
        );
    };
    let Some(other) = workspace.ledgers.get(cross.ledger) else {
        let finding = Finding::new(
            &RULE,
            reference.span,
            format!(
                "{what} `{cross}` names ledger `{}`, which is not in the workspace",
                cross.ledger
            ),
        );
        // Across the workspace: the nearest `ledger:commitment` of all.
        let everywhere: HashSet<String> = workspace
            .ledgers
            .iter()
            .flat_map(|(id, l)| l.commitments.keys().map(move |c| format!("{id}:{c}")))
            .collect();
        let near = suggestion(
            &cross.to_string(),
            &everywhere.iter().map(String::as_str).collect(),
        )
        .map(str::to_owned)
        .or_else(|| {
            let ids: HashSet<&str> = workspace.ledgers.keys().map(String::as_str).collect();
            suggestion(cross.ledger, &ids).map(|id| format!("{id}:{}", cross.commitment))
        });
        return Some(match near {
            Some(near) => finding.did_you_mean(&near),
            None => finding.label("unknown ledger").help(format!(
                "the ledgers of {} are {}",
                workspace.workspace_file,
                crate::suggest::one_of(workspace.ledgers.keys().map(String::as_str))
            )),
        });
    };
    if other.commitments.contains_key(cross.commitment) {
        return None;
    }
    let finding = Finding::new(
        &RULE,
        reference.span,
        format!(
            "{what} `{cross}`: ledger `{}` ({}) has no commitment `{}`",
            cross.ledger, other.path, cross.commitment
        ),
    );
    let ids: HashSet<&str> = other.commitments.keys().map(String::as_str).collect();
    Some(match suggestion(cross.commitment, &ids) {
        Some(near) => finding.did_you_mean(&format!("{}:{near}", cross.ledger)),
        None => finding
            .label("unknown commitment")
            .help(format!("name one of the commitments of {}", other.path)),
    })
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

/// A workspace's ledger path or pattern that names no file.
pub(crate) fn missing_ledger(span: crate::span::Span, pattern: &str) -> Finding {
    Finding::new(&RULE, span, format!("no ledger file matches `{pattern}`"))
        .label("names no file")
        .help("correct the path, or remove it from `ledgers`")
}

/// A workspace's ledger that exists but cannot be read.
pub(crate) fn unreadable_ledger(span: crate::span::Span, why: &str) -> Finding {
    Finding::new(&RULE, span, why.to_owned()).label("this ledger cannot be read")
}
