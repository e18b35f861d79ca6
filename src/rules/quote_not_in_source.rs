//! C007 `quote-not-in-source`: a quote is not in the local copy of its source.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::context::Context;
use crate::finding::{FileId, Finding, Findings, LEDGER_FILE, Label};
use crate::model::{Citation, Evidence};
use crate::quote::{self, FoldedText};
use crate::rule::{Level, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "C007",
    name: "quote-not-in-source",
    default_level: Level::Error,
    fixed_level: false,
    edit_help: None,
    summary: "a quote is not in the local file of the source it cites",
    doc: "\
## What it checks

That every `{ ref, quote }` (a commitment's `source`, and evidence that
cites a declared source) quotes text that is really in the source's local
`file`. The comparison is verbatim after folding:

- every run of whitespace (spaces, tabs, line breaks) counts as one space;
- typographic quotes and apostrophes (‘ ’ “ ” „) count as ' and \".

Nothing else is folded: case, accents, dashes and punctuation must match.
When the quote is not found, the closest passage of the source is shown.

Sources with only a `url` cannot be verified offline and are not checked.

## Why

A tracker is only as trustworthy as its quotes. A paraphrase presented as a
quote, or a word changed while editing, is caught before it is published.

## Example

```toml
[[commitment]]
source = { ref = \"xinhua-2024-06-28\", quote = \"Xi promised more scholarships\" }
# the article says: \"promised more scholarships for Peruvian students\"
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    // Gather the quotes per source file, then find all of a file's quotes in
    // one pass over it (Aho-Corasick): linear in the file and the quotes,
    // however many quotes cite it.
    let mut by_file: HashMap<FileId, Vec<&Citation>> = HashMap::new();
    for commitment in &cx.ledger.commitments {
        let citations = std::iter::once(&commitment.source).chain(
            commitment.evidence().filter_map(|e| match e {
                Evidence::Source(citation) => Some(citation),
                Evidence::Web(_) => None,
            }),
        );
        for citation in citations {
            if let Some(&file) = cx.source_files.get(citation.source_ref.value.as_str()) {
                by_file.entry(file).or_default().push(citation);
            }
        }
    }
    let mut files: Vec<FileId> = by_file.keys().copied().collect();
    files.sort_unstable();
    // Sources are independent: check them in parallel, then report in file
    // order so the output does not depend on the schedule.
    let found: Vec<Vec<Finding>> = files
        .par_iter()
        .map(|file| {
            let mut found = Vec::new();
            check_file(cx, *file, &by_file[file], &mut found);
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
}

/// Checks every quote that cites one source file.
fn check_file(cx: &Context<'_>, file: FileId, citations: &[&Citation], out: &mut Vec<Finding>) {
    let text = cx.files.text(file);
    let wanted: Vec<String> = citations
        .iter()
        .map(|c| quote::fold(&c.quote.value))
        .collect();
    // The search needs only the folded text; the map back to the original
    // (eight bytes per byte) is built only when a quote is missing.
    let found = quote::find_all(&quote::fold(text), &wanted);
    let mut source: Option<FoldedText> = None;
    // The same missing quote cited many times is looked up and shown in
    // full once; later citations point back to the first.
    let mut first: HashMap<&str, &Citation> = HashMap::new();
    // One budget for all of this source's missing quotes: many long
    // random quotes cost a fixed amount, not seconds each.
    let mut budget = quote::SearchBudget::default();
    for ((citation, wanted), found) in citations.iter().zip(&wanted).zip(found) {
        if found {
            continue;
        }
        match first.get(wanted.as_str()) {
            Some(earlier) => out.push(repeated(cx, citation, earlier)),
            None => {
                let source = source.get_or_insert_with(|| FoldedText::new(text));
                let passage = quote::closest_passage(source, wanted, &mut budget);
                report(cx, citation, file, passage.as_ref(), out);
                first.insert(wanted.as_str(), citation);
            }
        }
    }
}

/// A missing quote cited again: the first citation shows the passage. The
/// first is named by its line, not shown again, so that a quote cited
/// thousands of times costs a line each.
fn repeated(cx: &Context<'_>, citation: &Citation, first: &Citation) -> Finding {
    let line = cx
        .files
        .position(LEDGER_FILE, first.quote.span.start())
        .line;
    Finding::new(
        &RULE,
        citation.quote.span,
        format!(
            "quote not found in source `{}` (the same as on line {line})",
            citation.source_ref.value
        ),
    )
    .label("not in the source")
    .help(format!(
        "fix every citation of it; the finding on line {line} shows the closest passage"
    ))
}

/// Passages longer than this are not shown as an excerpt of the source.
const MAX_SHOWN_PASSAGE: usize = 1_000;

/// Reports a quote that is not in its source, with the closest passage.
fn report(
    cx: &Context<'_>,
    citation: &Citation,
    file: FileId,
    closest: Option<&quote::ClosePassage>,
    out: &mut Vec<Finding>,
) {
    let file_name = cx.files.name(file);
    let mut finding = Finding::new(
        &RULE,
        citation.quote.span,
        format!(
            "quote not found in source `{}` ({file_name})",
            citation.source_ref.value
        ),
    )
    .label("not in the source");
    match closest {
        Some(passage) => {
            let text = cx.files.snippet(file, passage.span);
            let reads = ellipsize(text);
            // A passage too long to read in an excerpt is only quoted,
            // shortened, in the note.
            if text.chars().count() <= MAX_SHOWN_PASSAGE {
                finding = finding.with_label(Label {
                    file,
                    span: passage.span,
                    message: "closest passage in the source".into(),
                });
            }
            finding = finding.note(format!("the source reads: \"{reads}\"")).help(
                "copy the passage exactly; only whitespace and typographic quotes are folded",
            );
        }
        None => {
            finding = finding.help(format!(
                "no similar passage was found; quote {file_name} verbatim, or cite the source where this text appears"
            ));
        }
    }
    out.push(finding);
}

/// Long passages are shortened for the note; the label shows them whole.
fn ellipsize(text: &str) -> String {
    const KEEP: usize = 160;
    let folded = quote::fold(text);
    if folded.chars().count() <= KEEP {
        return folded;
    }
    format!("{}…", folded.chars().take(KEEP).collect::<String>())
}
