//! C022 `missing-translation`: a text of the ledger with no translation
//! into a language the ledger declares in `[ledger] languages`.

use crate::context::Context;
use crate::finding::{Finding, Findings};
use crate::model::{SharedStr, Translations};
use crate::rule::{Level, Rule};
use crate::span::Spanned;

/// The rule.
pub static RULE: Rule = Rule {
    code: "C022",
    name: "missing-translation",
    default_level: Level::Warning,
    fixed_level: false,
    edit_help: None,
    summary: "a text of the ledger has no translation into a language of `[ledger] languages`",
    doc: "\
## What it checks

Whether every text the editors wrote has a translation into each language
the ledger declares in `[ledger] languages`: the ledger's `title` and
`description`, each party's `name`, each commitment's `title`, `notes`,
`area`, `due_estimate`, target `metric` and `unit` and `searched.for`, and
the `note` of every update, baseline and observation.

The ledger's own language (`[ledger] language`, `en` when unset) needs no
translation. Quotes are never translated: they stay in the words of their
source.

## Why

A report or page in Spanish that falls back to English titles misleads
its readers into thinking it is complete. The rule tells the editors what
is still to translate, at the line of each text.

## Example

```toml
[ledger]
language = \"en\"
languages = [\"es\"]

[[commitment]]
title = \"Open the Chancay port\"     # no [commitment.i18n.es] title

[commitment.i18n.es]
title = \"Inaugurar el puerto de Chancay\"   # what it needs
```
",
};

/// Where a text's translation goes, for the help: `[commitment.i18n.es]`.
enum Place {
    Ledger,
    Party(String),
    Commitment,
    Nested,
}

impl Place {
    /// Where and how to write the translation of `key` into `lang`.
    fn advice(&self, key: &str, lang: &str) -> String {
        let table = match self {
            Place::Ledger => format!("[ledger.i18n.{lang}]"),
            Place::Party(id) => format!("[parties.{id}.i18n.{lang}]"),
            Place::Commitment => format!("[commitment.i18n.{lang}]"),
            Place::Nested => {
                return format!("in the same table as `i18n.{lang}.{key} = \"...\"`");
            }
        };
        format!("as `{key} = \"...\"` under `{table}`")
    }
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Findings<'_>) {
    let Some(meta) = &cx.ledger.meta else {
        return;
    };
    let own = cx.ledger.language_tag();
    let wanted: Vec<&str> = meta
        .languages
        .iter()
        .map(|l| l.value.as_str())
        .filter(|l| !l.eq_ignore_ascii_case(own))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let mut texts: Vec<(&Spanned<SharedStr>, &str, &Translations, Place, String)> = Vec::new();
    texts.push((
        &meta.title,
        "title",
        &meta.i18n,
        Place::Ledger,
        "the ledger".into(),
    ));
    if let Some(description) = &meta.description {
        texts.push((
            description,
            "description",
            &meta.i18n,
            Place::Ledger,
            "the ledger".into(),
        ));
    }
    for party in cx.ledger.parties.iter().filter(|p| !p.from_workspace) {
        let id = party.id.value.to_string();
        texts.push((
            &party.name,
            "name",
            &party.i18n,
            Place::Party(id.clone()),
            format!("party `{id}`"),
        ));
    }
    for c in &cx.ledger.commitments {
        let who = format!("`{}`", c.id.value);
        let own_texts = [
            (Some(&c.title), "title"),
            (c.notes.as_ref(), "notes"),
            (c.area.as_ref(), "area"),
            (c.due_estimate.as_ref(), "due_estimate"),
            (c.target.as_ref().map(|t| &t.metric), "metric"),
            (c.target.as_ref().map(|t| &t.unit), "unit"),
            (c.searched.as_ref().map(|s| &s.what), "searched"),
        ];
        for (text, key) in own_texts {
            if let Some(text) = text {
                texts.push((text, key, &c.i18n, Place::Commitment, who.clone()));
            }
        }
        for update in &c.updates {
            texts.push((
                &update.note,
                "note",
                &update.i18n,
                Place::Nested,
                format!("an update of {who}"),
            ));
        }
        let target = c.target.as_deref();
        let measurements = target
            .into_iter()
            .flat_map(|t| t.baseline.iter().chain(&t.observations))
            .map(|o| &o.measurement);
        for m in measurements {
            if let Some(note) = &m.note {
                texts.push((
                    note,
                    "note",
                    &m.i18n,
                    Place::Nested,
                    format!("a figure of {who}"),
                ));
            }
        }
    }
    for (text, key, i18n, place, whose) in texts {
        let missing: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|lang| i18n.get(lang, key).is_none())
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        out.push(
            Finding::new(
                &RULE,
                text.span,
                format!(
                    "the `{key}` of {whose} has no translation into {}",
                    missing.join(", ")
                ),
            )
            .label("not translated")
            .help(format!(
                "write the editors' translation {}, or take the language out of `[ledger] languages`",
                place.advice(key, first)
            )),
        );
    }
}
