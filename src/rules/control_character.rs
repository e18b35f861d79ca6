//! C020 `control-character`: ledger text that holds a control character.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::markup::first_markup_unsafe;
use crate::model::{Evidence, Ledger, SharedStr};
use crate::rule::{Level, Rule};
use crate::span::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C020",
    name: "control-character",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: None,
    summary: "a text holds a control character or a bidirectional control",
    doc: "\
## What it checks

That no text of the ledger (a title, a note, a quote, a name, a URL) holds
a control character other than tab and newline, or a bidirectional control
(U+202A–U+202E, U+2066–U+2069) that reorders what follows it.

## Why

They are invisible where the text is edited and act where it is shown: a
terminal moves its cursor, a page reads backwards, and XML cannot carry them
at all. Every output writes them as `\\u{c}`-style escapes, so they reach
no reader raw; this rule says where they come from. They usually come from
a basic string: `\\f` and `\\b` in a Windows path are escapes for form feed
and backspace.

## Example

```toml
[[commitment.update]]
note = \"Saved as C:\\files\\budget.pdf\"   # `\\f` is a form feed, `\\b` a backspace
```
",
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    for_each_text(cx.ledger, &mut |key, text| {
        let Some(found) = first_markup_unsafe(&text.value) else {
            return;
        };
        let code = format!("\\u{{{:x}}}", u32::from(found));
        out.push(
            Finding::new(
                &RULE,
                text.span,
                format!("`{key}` holds the control character `{code}`"),
            )
            .label(format!("holds `{code}`"))
            .help(
                "remove it; in a \"basic string\", `\\f` and `\\b` are escapes: write a backslash as `\\\\`, or use a 'literal string'",
            ),
        );
    });
}

/// Calls `visit` with every text of the ledger and the key it is under.
/// Ids are left out: `id-format` allows no control character in them.
fn for_each_text<'a>(ledger: &'a Ledger, visit: &mut dyn FnMut(&str, &'a Spanned<SharedStr>)) {
    if let Some(meta) = &ledger.meta {
        visit("title", &meta.title);
        if let Some(description) = &meta.description {
            visit("description", description);
        }
    }
    for party in ledger.parties.iter().filter(|p| !p.from_workspace) {
        visit("name", &party.name);
    }
    for source in &ledger.sources {
        visit("title", &source.title);
        for (key, text) in [
            ("publisher", &source.publisher),
            ("file", &source.file),
            ("url", &source.url),
            ("language", &source.language),
        ] {
            if let Some(text) = text {
                visit(key, text);
            }
        }
    }
    let evidence = |item: &'a Evidence, visit: &mut dyn FnMut(&str, &'a Spanned<SharedStr>)| {
        visit("quote", item.quote());
        if let Evidence::Web(web) = item {
            visit("url", &web.url);
            if let Some(title) = &web.title {
                visit("title", title);
            }
        }
    };
    for commitment in &ledger.commitments {
        visit("title", &commitment.title);
        for (key, text) in [
            ("area", &commitment.area),
            ("due_estimate", &commitment.due_estimate),
            ("notes", &commitment.notes),
        ] {
            if let Some(text) = text {
                visit(key, text);
            }
        }
        visit("quote", &commitment.source.quote);
        for item in commitment.evidence() {
            evidence(item, visit);
        }
        for update in &commitment.updates {
            visit("note", &update.note);
        }
        if let Some(searched) = &commitment.searched {
            visit("for", &searched.what);
        }
        if let Some(target) = &commitment.target {
            visit("metric", &target.metric);
            visit("unit", &target.unit);
            let measurements = target.baseline.iter().chain(&target.observations);
            for note in measurements.filter_map(|o| o.measurement.note.as_ref()) {
                visit("note", note);
            }
        }
    }
}
