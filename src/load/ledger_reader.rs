//! The model read out of a parsed tree: one function per table of the
//! format, each checking its keys against `keys.rs`.

use crate::model::{
    CheckerConfig, Citation, Commitment, DEFAULT_STALE_AFTER_DAYS, Evidence, Kind, Ledger,
    LedgerMeta, Measurement, Observation, Party, Precision, RuleLevel, Searched, SharedStr,
    SiteConfig, Source, Status, Target, Update, WebEvidence,
};
use crate::rule::Level;
use crate::rules::{self, schema};
use crate::span::{Span, Spanned};

use super::keys::{
    BASELINE_KEYS, CHECKER_KEYS, CITATION_KEYS, COMMITMENT_I18N_KEYS, COMMITMENT_KEYS,
    EVIDENCE_KEYS, LEDGER_I18N_KEYS, LEDGER_KEYS, NOTE_I18N_KEYS, OBSERVATION_KEYS,
    PARTY_I18N_KEYS, PARTY_KEYS, ROOT_KEYS, SEARCHED_KEYS, SITE_KEYS, SOURCE_KEYS, TARGET_KEYS,
    UPDATE_KEYS, WEB_KEYS,
};
use super::reader::{
    FindingSink, TableReader, Value, any_string, array, boolean, choice, date, integer_in, number,
    text,
};
use super::translations_reader::{language_tag, read_translations};
use super::tree::TableItem;

/// Everything but the commitments: `[ledger]`, parties, sources, checker,
/// and unknown keys at the top level.
pub(super) fn read_ledger(root: TableItem<'_>, sink: &mut FindingSink) -> Ledger {
    let root = TableReader::new(
        root,
        Span::default(),
        "the ledger file".to_owned(),
        ROOT_KEYS,
    );
    let meta = match root.get("ledger") {
        Some(value) => TableReader::of(value, "ledger", "`[ledger]`".to_owned(), LEDGER_KEYS, sink)
            .and_then(|table| read_meta(table, sink)),
        None => {
            sink.push(schema::missing_ledger_table(Span::default()));
            None
        }
    };
    let mut ledger = Ledger {
        meta,
        ..Ledger::default()
    };
    if let Some(value) = root.get("parties") {
        ledger.parties = read_parties(value, sink);
    }
    if let Some(value) = root.get("sources") {
        each_entry(value, "sources", sink, |id, value, sink| {
            let table = TableReader::of(
                value,
                &id.value,
                format!("source `{}`", id.value),
                SOURCE_KEYS,
                sink,
            )?;
            let source = read_source(id, &table, sink);
            table.finish(sink);
            ledger.sources.push(source?);
            Some(())
        });
    }
    if let Some(value) = root.get("checker")
        && let Some(checker) = TableReader::of(
            value,
            "checker",
            "`[checker]`".to_owned(),
            CHECKER_KEYS,
            sink,
        )
    {
        if let Ok(Some(levels)) = checker.optional("levels", sink, read_levels) {
            ledger.checker = CheckerConfig { levels };
        }
        checker.finish(sink);
    }
    if let Some(value) = root.get("site")
        && let Some(site) = TableReader::of(value, "site", "`[site]`".to_owned(), SITE_KEYS, sink)
    {
        if let Ok(base_url) = site.optional("base_url", sink, |v, k, sink| {
            let url = text(v, k, sink)?;
            if SiteConfig::base_url_of(&url.value).is_none() {
                sink.push(schema::not_a_base_url(url.span));
                return None;
            }
            Some(url)
        }) {
            ledger.site = SiteConfig { base_url };
        }
        site.finish(sink);
    }
    root.finish(sink);
    ledger
}

/// The `[parties.ID]` tables, in a ledger or in the workspace file.
pub(super) fn read_parties(value: Value<'_>, sink: &mut FindingSink) -> Vec<Party> {
    let mut parties = Vec::new();
    each_entry(value, "parties", sink, |id, value, sink| {
        let table = TableReader::of(
            value,
            &id.value,
            format!("party `{}`", id.value),
            PARTY_KEYS,
            sink,
        )?;
        let name = table.required("name", "\"...\"", sink, text);
        let i18n = table.optional("i18n", sink, |v, k, sink| {
            read_translations(v, k, PARTY_I18N_KEYS, sink)
        });
        table.finish(sink);
        parties.push(Party {
            id,
            name: name?,
            i18n: i18n.ok()?.unwrap_or_default(),
            from_workspace: false,
        });
        Some(())
    });
    parties
}

fn read_meta(table: TableReader<'_>, sink: &mut FindingSink) -> Option<LedgerMeta> {
    let id = table.optional("id", sink, text);
    let title = table.required("title", "\"...\"", sink, text);
    let publisher = table.optional("publisher", sink, text);
    let editors = table.optional("editors", sink, |v, k, sink| {
        array(v, k, sink, |item, _, sink| text(item, "editors", sink))
    });
    let reviewed = table.required("reviewed", "2025-11-30", sink, date);
    let stale_after_days = table.optional("stale_after_days", sink, |v, k, sink| {
        integer_in(v, k, 1, 36_500, sink).map(|n| Spanned::new(n.value as u32, n.span))
    });
    let description = table.optional("description", sink, text);
    let language = table.optional("language", sink, language_tag);
    let languages = table.optional("languages", sink, |v, k, sink| {
        array(v, k, sink, |item, _, sink| language_tag(item, k, sink))
    });
    let i18n = table.optional("i18n", sink, |v, k, sink| {
        read_translations(v, k, LEDGER_I18N_KEYS, sink)
    });
    let span = table.span;
    table.finish(sink);
    Some(LedgerMeta {
        id: id.ok()?,
        title: title?,
        publisher: publisher.ok()?,
        editors: editors.ok()?.unwrap_or_default(),
        reviewed: reviewed?,
        stale_after_days: stale_after_days
            .ok()?
            .unwrap_or(Spanned::new(DEFAULT_STALE_AFTER_DAYS, span)),
        description: description.ok()?,
        language: language.ok()?,
        languages: languages.ok()?.unwrap_or_default(),
        i18n: i18n.ok()?.unwrap_or_default(),
        span,
    })
}

/// Calls `read` for each `ID = { ... }` entry of a table such as `[parties]`.
fn each_entry<'t>(
    value: Value<'t>,
    key: &str,
    sink: &mut FindingSink,
    mut read: impl FnMut(Spanned<SharedStr>, Value<'t>, &mut FindingSink) -> Option<()>,
) {
    match value.as_table() {
        Some(table) => {
            for (id, id_span, value) in table.iter() {
                read(
                    Spanned::new(sink.string(id), sink.shift(id_span)),
                    value,
                    sink,
                );
            }
        }
        None => sink.push(schema::wrong_type(
            sink.span_of(value),
            key,
            "a table",
            "something else",
        )),
    }
}

fn read_source(
    id: Spanned<SharedStr>,
    table: &TableReader<'_>,
    sink: &mut FindingSink,
) -> Option<Source> {
    let title = table.required("title", "\"...\"", sink, text);
    let publisher = table.optional("publisher", sink, text);
    let published = table.optional("published", sink, date);
    let file = table.optional("file", sink, text);
    let url = table.optional("url", sink, text);
    let language = table.optional("language", sink, text);
    if matches!((&file, &url), (Ok(None), Ok(None))) {
        sink.push(schema::source_without_location(table.span, &id.value));
        return None;
    }
    Some(Source {
        id,
        title: title?,
        publisher: publisher.ok()?,
        published: published.ok()?,
        file: file.ok()?,
        url: url.ok()?,
        language: language.ok()?,
        span: table.span,
    })
}

/// Reads the `[[commitment]]` array; `first_index` numbers commitments
/// without a readable id in messages ("commitment #12").
pub(super) fn read_commitments(
    value: Value<'_>,
    first_index: usize,
    ledger: &mut Ledger,
    sink: &mut FindingSink,
) {
    let Some(items) = value.as_array() else {
        sink.push(
            schema::wrong_type(
                sink.span_of(value),
                "commitment",
                "an array of tables",
                "a single table",
            )
            .help("write each commitment under its own `[[commitment]]` header, with two brackets"),
        );
        return;
    };
    for (index, item) in items.enumerate() {
        let id = item
            .as_table()
            .and_then(|table| table.get("id"))
            .and_then(|id| id.as_str())
            .map(str::to_owned);
        let what = match &id {
            Some(id) => format!("commitment `{id}`"),
            None => format!("commitment #{}", first_index + index + 1),
        };
        let Some(table) = TableReader::of(item, "commitment", what, COMMITMENT_KEYS, sink) else {
            continue;
        };
        match read_commitment(&table, sink) {
            Some(commitment) => ledger.commitments.push(commitment),
            None => ledger.incomplete_ids.extend(id),
        }
        table.finish(sink);
    }
}

fn read_commitment(table: &TableReader<'_>, sink: &mut FindingSink) -> Option<Commitment> {
    let id = table.required("id", "\"kebab-case-id\"", sink, text);
    let title = table.required("title", "\"...\"", sink, text);
    let parties = table.required("parties", "[\"...\"]", sink, |v, k, sink| {
        let parties = array(v, k, sink, |item, _, sink| text(item, "parties", sink))?;
        if parties.is_empty() {
            sink.push(schema::empty_list(sink.span_of(v), k));
            return None;
        }
        Some(parties)
    });
    let party_list = |v: Value<'_>, k: &str, sink: &mut FindingSink| {
        let list = array(v, k, sink, |item, _, sink| text(item, k, sink))?;
        if list.is_empty() {
            sink.push(schema::empty_list(sink.span_of(v), k));
            return None;
        }
        Some(list)
    };
    let by = table.optional("by", sink, party_list);
    let asks = table.optional("asks", sink, party_list);
    let area = table.optional("area", sink, text);
    let kind = table.required("kind", "\"deliverable\"", sink, |v, k, sink| {
        choice(v, k, &Kind::ALL, Kind::as_str, sink)
    });
    let made = table.required("made", "2024-06-28", sink, date);
    let due = table.optional("due", sink, date);
    let due_source = table.optional("due_source", sink, |v, _, sink| read_evidence(v, sink));
    let due_estimate = table.optional("due_estimate", sink, text);
    let due_precision = table.optional("due_precision", sink, |v, k, sink| {
        choice(v, k, &Precision::ALL, Precision::as_str, sink)
    });
    let parent = table.optional("parent", sink, text);
    let related = table.optional("related", sink, |v, k, sink| {
        array(v, k, sink, |item, _, sink| text(item, k, sink))
    });
    let status = table.required("status", "\"announced\"", sink, status);
    let source = table.required(
        "source",
        "{ ref = \"SOURCE-ID\", quote = \"...\" }",
        sink,
        |v, k, sink| {
            let reader = TableReader::of(v, k, "`source`".to_owned(), CITATION_KEYS, sink)?;
            let citation = read_citation(&reader, sink);
            reader.finish(sink);
            citation
        },
    );
    let notes = table.optional("notes", sink, text);
    let target = table.optional("target", sink, |v, k, sink| {
        let reader = TableReader::of(v, k, "`target`".to_owned(), TARGET_KEYS, sink)?;
        let target = read_target(&reader, sink);
        reader.finish(sink);
        target
    });
    let updates = table.optional("update", sink, |v, k, sink| {
        array(v, k, sink, |item, _, sink| {
            let reader = TableReader::of(item, k, "update".to_owned(), UPDATE_KEYS, sink)?;
            let update = read_update(&reader, sink);
            reader.finish(sink);
            update
        })
    });
    let searched = table.optional("searched", sink, |v, k, sink| {
        let reader = TableReader::of(v, k, "`searched`".to_owned(), SEARCHED_KEYS, sink)?;
        let date = reader.required("date", "2025-11-30", sink, date);
        let what = reader.required("for", "\"what was looked for, and where\"", sink, text);
        let span = reader.span;
        reader.finish(sink);
        Some(Searched {
            date: date?,
            what: what?,
            span,
        })
    });
    let i18n = table.optional("i18n", sink, |v, k, sink| {
        read_translations(v, k, COMMITMENT_I18N_KEYS, sink)
    });
    Some(Commitment {
        id: id?,
        title: title?,
        parties: parties?,
        by: by.ok()?,
        asks: asks.ok()?,
        area: area.ok()?,
        kind: kind?,
        made: made?,
        due: due.ok()?,
        due_source: due_source.ok()?.map(Box::new),
        due_estimate: due_estimate.ok()?,
        due_precision: due_precision.ok()?,
        parent: parent.ok()?,
        related: related.ok()?.unwrap_or_default(),
        status: status?,
        source: source?,
        notes: notes.ok()?,
        target: target.ok()?.map(Box::new),
        updates: updates.ok()?.unwrap_or_default(),
        searched: searched.ok()?.map(Box::new),
        i18n: i18n.ok()?.unwrap_or_default(),
        span: table.span,
    })
}

fn status(value: Value<'_>, key: &str, sink: &mut FindingSink) -> Option<Spanned<Status>> {
    choice(value, key, &Status::ALL, Status::as_str, sink)
}

fn read_citation(table: &TableReader<'_>, sink: &mut FindingSink) -> Option<Citation> {
    let source_ref = table.required("ref", "\"SOURCE-ID\"", sink, text);
    let quote = table.required("quote", "\"...\"", sink, text);
    Some(Citation {
        source_ref: source_ref?,
        quote: quote?,
    })
}

fn read_evidence(value: Value<'_>, sink: &mut FindingSink) -> Option<Evidence> {
    let Some(table) = value.as_table() else {
        sink.push(schema::wrong_type(
            sink.span_of(value),
            "evidence",
            "a table such as { url = \"...\", quote = \"...\" }",
            "something else",
        ));
        return None;
    };
    let span = sink.span_of(value);
    let what = "evidence".to_owned();
    match (table.contains_key("ref"), table.contains_key("url")) {
        (true, false) => {
            let reader = TableReader::new(table, span, what, CITATION_KEYS);
            let citation = read_citation(&reader, sink);
            reader.finish(sink);
            Some(Evidence::Source(citation?))
        }
        (false, true) => {
            let reader = TableReader::new(table, span, what, WEB_KEYS);
            let url = reader.required("url", "", sink, text);
            let quote = reader.required("quote", "\"...\"", sink, text);
            let title = reader.optional("title", sink, text);
            let published = reader.optional("published", sink, date);
            reader.finish(sink);
            Some(Evidence::Web(WebEvidence {
                url: url?,
                quote: quote?,
                title: title.ok()?,
                published: published.ok()?,
            }))
        }
        (both, _) => {
            sink.push(schema::evidence_shape(span, both));
            TableReader::new(table, span, what, EVIDENCE_KEYS).finish(sink);
            None
        }
    }
}

fn read_evidence_list(
    value: Value<'_>,
    key: &str,
    sink: &mut FindingSink,
) -> Option<Vec<Evidence>> {
    array(value, key, sink, |item, _, sink| read_evidence(item, sink))
}

fn read_update(table: &TableReader<'_>, sink: &mut FindingSink) -> Option<Update> {
    let date = table.required("date", "2024-11-14", sink, date);
    let status = table.required("status", "\"in_progress\"", sink, status);
    let note = table.required("note", "\"what happened\"", sink, any_string);
    let evidence = table.optional("evidence", sink, read_evidence_list);
    let i18n = table.optional("i18n", sink, |v, k, sink| {
        read_translations(v, k, NOTE_I18N_KEYS, sink)
    });
    Some(Update {
        date: date?,
        status: status?,
        note: note?,
        evidence: evidence.ok()?.unwrap_or_default(),
        i18n: i18n.ok()?.unwrap_or_default(),
        span: table.span,
    })
}

fn read_measurement(table: &TableReader<'_>, sink: &mut FindingSink) -> Option<Measurement> {
    let value = table.required("value", "0", sink, number);
    let date = table.required("date", "2024-06-28", sink, date);
    let date_estimated = table.optional("date_estimated", sink, boolean);
    let note = table.optional("note", sink, text);
    let i18n = table.optional("i18n", sink, |v, k, sink| {
        read_translations(v, k, NOTE_I18N_KEYS, sink)
    });
    Some(Measurement {
        value: value?,
        date: date?,
        date_estimated: date_estimated.ok()?.is_some_and(|b| b.value),
        note: note.ok()?,
        i18n: i18n.ok()?.unwrap_or_default(),
        span: table.span,
    })
}

/// A dated count with its evidence: an observation, or a baseline.
fn read_observation(table: &TableReader<'_>, sink: &mut FindingSink) -> Option<Observation> {
    let measurement = read_measurement(table, sink);
    let evidence = table.optional("evidence", sink, read_evidence_list);
    Some(Observation {
        measurement: measurement?,
        evidence: evidence.ok()?.unwrap_or_default(),
    })
}

fn read_target(table: &TableReader<'_>, sink: &mut FindingSink) -> Option<Target> {
    let metric = table.required("metric", "\"...\"", sink, text);
    let unit = table.required("unit", "\"...\"", sink, text);
    let baseline = table.optional("baseline", sink, |v, k, sink| {
        let reader = TableReader::of(v, k, "`baseline`".to_owned(), BASELINE_KEYS, sink)?;
        let baseline = read_observation(&reader, sink);
        reader.finish(sink);
        baseline
    });
    let goal = table.optional("goal", sink, number);
    let observations = table.optional("observation", sink, |v, k, sink| {
        array(v, k, sink, |item, _, sink| {
            let reader =
                TableReader::of(item, k, "observation".to_owned(), OBSERVATION_KEYS, sink)?;
            let observation = read_observation(&reader, sink);
            reader.finish(sink);
            observation
        })
    });
    Some(Target {
        metric: metric?,
        unit: unit?,
        baseline: baseline.ok()?,
        goal: goal.ok()?,
        observations: observations.ok()?.unwrap_or_default(),
        span: table.span,
    })
}

fn read_levels(value: Value<'_>, key: &str, sink: &mut FindingSink) -> Option<Vec<RuleLevel>> {
    let Some(table) = value.as_table() else {
        sink.push(schema::wrong_type(
            sink.span_of(value),
            key,
            "a table of rule = \"level\"",
            "something else",
        ));
        return None;
    };
    let mut levels = Vec::new();
    for (rule_key, key_span, level) in table.iter() {
        let name = Spanned::new(sink.string(rule_key), sink.shift(key_span));
        let level = choice(level, "level", &Level::ALL, Level::as_str, sink);
        match rules::find(&name.value) {
            None => sink.push(schema::unknown_rule(
                name.span,
                &name.value,
                rules::suggest(&name.value),
            )),
            Some(rule) if rule.fixed_level => sink.push(schema::fixed_level(name.span, rule)),
            Some(rule) => levels.extend(level.map(|level| RuleLevel { name, rule, level })),
        }
    }
    Some(levels)
}
