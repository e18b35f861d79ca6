//! The report as a Frictionless Data Package: one CSV per table
//! (commitments, the parties each involves, updates, evidence, parties,
//! sources) and `datapackage.json`, whose Table Schemas give each column's
//! type, the keys that join the tables and the values a status or kind may
//! take. Column descriptions come from the ledger format's own doc comments
//! (the text `docs/format.md` and the JSON Schema are held to).

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Report;
use super::csv::{neutralise, write_csv};
use crate::model::{Evidence, Kind, Ledger, Precision, SharedStr, Status};

/// Every file of the package, in the order `datapackage.json` lists them;
/// `datapackage.json` comes last.
pub const FILES: [&str; 7] = [
    "commitments.csv",
    "commitment_parties.csv",
    "updates.csv",
    "evidence.csv",
    "parties.csv",
    "sources.csv",
    "datapackage.json",
];

/// The package's files as (name, bytes), for the commitments the report
/// covers. `view` is the ledger as of the report's date (its updates up to
/// that day), as the report was made from.
pub fn data_package(report: &Report, view: &Ledger) -> Vec<(&'static str, Vec<u8>)> {
    let mut commitments = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_csv(report, &mut commitments);
    let mut files = vec![(FILES[0], commitments)];
    files.extend(write_data_package_tables(report, view, |_| Ok(Vec::new())).unwrap_or_default());
    files
}

/// The package's files but its first, `commitments.csv`, which is the CSV
/// report: for the site, which writes that report once, as it is made.
/// Each is written into what `create` makes for its name, in the order of
/// [`FILES`], one at a time, row by row, and flushed before the next is
/// made: at 100,000 commitments the updates and the evidence, made whole
/// in memory, were 100 MB of the site's peak. Returns the writers.
pub fn write_data_package_tables<W: Write>(
    report: &Report,
    view: &Ledger,
    mut create: impl FnMut(&'static str) -> io::Result<W>,
) -> io::Result<Vec<(&'static str, W)>> {
    let reported: std::collections::HashSet<&str> =
        report.commitments.iter().map(|c| c.id.as_str()).collect();
    let mut seen = std::collections::HashSet::new();
    // The first record of an id, as everywhere else; only those reported.
    let records: Vec<_> = view
        .commitments
        .iter()
        .filter(|c| reported.contains(c.id.value.as_str()) && seen.insert(c.id.value.as_str()))
        .collect();

    let mut links = table(create(FILES[1])?, &["commitment_id", "party_id", "role"])?;
    for c in &report.commitments {
        let roles = [("party", &c.parties), ("by", &c.by), ("asks", &c.asks)];
        for (role, parties) in roles {
            for party in parties {
                row(&mut links, &[&c.id, party, role])?;
            }
        }
    }
    let links = finish(links)?;
    let mut updates = table(
        create(FILES[2])?,
        &[
            "commitment_id",
            "number",
            "date",
            "from_status",
            "status",
            "note",
        ],
    )?;
    for c in &records {
        let mut before = Status::Announced;
        for (index, update) in c.updates.iter().enumerate() {
            let number = (index + 1).to_string();
            let status = update.status.value;
            row(
                &mut updates,
                &[
                    &c.id.value,
                    &number,
                    &update.date.value.to_string(),
                    before.as_str(),
                    status.as_str(),
                    &update.note.value,
                ],
            )?;
            before = status;
        }
    }
    let updates = finish(updates)?;
    let mut evidence = table(
        create(FILES[3])?,
        &[
            "commitment_id",
            "update_number",
            "number",
            "source_id",
            "url",
            "title",
            "published",
            "quote",
        ],
    )?;
    for c in &records {
        for (index, update) in c.updates.iter().enumerate() {
            let number = (index + 1).to_string();
            for (place, item) in update.evidence.iter().enumerate() {
                let place = (place + 1).to_string();
                let cells: [String; 5] = match item {
                    Evidence::Source(citation) => [
                        citation.source_ref.value.to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        citation.quote.value.to_string(),
                    ],
                    Evidence::Web(web) => [
                        String::new(),
                        web.url.value.to_string(),
                        web.title
                            .as_ref()
                            .map(|t| t.value.to_string())
                            .unwrap_or_default(),
                        web.published
                            .as_ref()
                            .map(|p| p.value.to_string())
                            .unwrap_or_default(),
                        web.quote.value.to_string(),
                    ],
                };
                let mut all: Vec<&str> = vec![&c.id.value, &number, &place];
                all.extend(cells.iter().map(String::as_str));
                row(&mut evidence, &all)?;
            }
        }
    }
    let evidence = finish(evidence)?;
    let mut parties = table(create(FILES[4])?, &["id", "name"])?;
    for party in &view.parties {
        row(&mut parties, &[&party.id.value, &party.name.value])?;
    }
    let parties = finish(parties)?;
    let mut sources = table(
        create(FILES[5])?,
        &[
            "id",
            "title",
            "publisher",
            "published",
            "url",
            "file",
            "language",
        ],
    )?;
    for source in &view.sources {
        let text = |value: &Option<crate::span::Spanned<SharedStr>>| {
            value
                .as_ref()
                .map(|v| v.value.to_string())
                .unwrap_or_default()
        };
        row(
            &mut sources,
            &[
                &source.id.value,
                &source.title.value,
                &text(&source.publisher),
                &source
                    .published
                    .as_ref()
                    .map(|p| p.value.to_string())
                    .unwrap_or_default(),
                &text(&source.url),
                &text(&source.file),
                &text(&source.language),
            ],
        )?;
    }
    let sources = finish(sources)?;
    let mut descriptor = serde_json::to_vec_pretty(&descriptor(report)).unwrap_or_default();
    descriptor.push(b'\n');
    let mut package = create(FILES[6])?;
    package.write_all(&descriptor)?;
    package.flush()?;
    Ok(vec![
        (FILES[1], links),
        (FILES[2], updates),
        (FILES[3], evidence),
        (FILES[4], parties),
        (FILES[5], sources),
        (FILES[6], package),
    ])
}

fn table<W: Write>(out: W, header: &[&str]) -> io::Result<csv::Writer<W>> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header)?;
    Ok(writer)
}

/// A row, each text cell neutralised as in `commitments.csv` (a cell that
/// a spreadsheet would run as a formula starts with `'`).
fn row<W: Write>(writer: &mut csv::Writer<W>, cells: &[&str]) -> io::Result<()> {
    Ok(writer.write_record(cells.iter().map(|cell| neutralise(cell)))?)
}

/// The table's writer, every row in it and flushed.
fn finish<W: Write>(writer: csv::Writer<W>) -> io::Result<W> {
    let mut out = writer.into_inner().map_err(|error| error.into_error())?;
    out.flush()?;
    Ok(out)
}

/// A column: its name, Table Schema type and description.
fn field(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "type": kind, "description": description })
}

fn one_of(mut field: Value, values: impl IntoIterator<Item = &'static str>) -> Value {
    field["constraints"] = json!({ "enum": values.into_iter().collect::<Vec<_>>() });
    field
}

/// The description of `key` in the ledger table at `path`, from the same
/// doc comments as the JSON Schema and `docs/format.md`.
fn described(path: &[&str], key: &str) -> String {
    crate::json_schema::keys_at(path)
        .into_iter()
        .find(|k| k.name == key)
        .map(|k| k.description)
        .unwrap_or_default()
}

fn statuses() -> impl Iterator<Item = &'static str> {
    Status::ALL.into_iter().map(Status::as_str)
}

fn descriptor(report: &Report) -> Value {
    let c = |key: &str| described(&["commitment"], key);
    let u = |key: &str| described(&["commitment", "update"], key);
    let s = |key: &str| described(&["sources", "id"], key);
    let text = "string";
    let commitments = json!({
        "fields": [
            field("id", text, &c("id")),
            field("title", text, &c("title")),
            one_of(field("kind", text, &c("kind")), Kind::ALL.into_iter().map(Kind::as_str)),
            one_of(field("status", text, "The status at the report's date."), statuses()),
            field("status_since", "date", "The day the status was set."),
            field("parties", text, "The parties it involves, by id, joined by `;` (one row each in commitment_parties.csv)."),
            field("by", text, "The parties that made it, by id, joined by `;`."),
            field("asks", text, "For a request, the parties asked, joined by `;`."),
            one_of(field("group", text, "How it is counted: a commitment, signed at the talks, a request or an umbrella (docs/format.md)."),
                ["commitment", "signed_at_talks", "request", "umbrella"]),
            field("area", text, &c("area")),
            field("made", "date", &c("made")),
            field("due", "date", &c("due")),
            field("due_estimated", "boolean", "Whether the deadline is the editors' estimate (`due_estimate`) rather than stated by a source."),
            one_of(field("due_precision", text, &c("due_precision")), [Precision::Day, Precision::Month, Precision::Year].into_iter().map(Precision::as_str)),
            field("final_date", "date", "The day it was kept, partially kept or broken."),
            field("days_early", "integer", "Days between a final status and a later deadline."),
            field("days_late", "integer", "Days between the deadline and a later final status."),
            field("days_overdue", "integer", "For an open commitment past its deadline, the days since."),
            field("parent", text, &c("parent")),
            field("children", text, "The commitments under it, by id, joined by `;`."),
            field("latest_evidence_date", "date", "The date of its latest evidence."),
            field("latest_evidence_url", text, "The address of its latest evidence, if on the web."),
            field("target_metric", text, "What its target measures."),
            field("target_baseline", "number", "The target's baseline."),
            field("target_baseline_note", text, "What the baseline figure is."),
            field("target_baseline_source", text, "Where the baseline comes from."),
            field("target_goal", "number", "The target's goal."),
            field("target_latest", "number", "The latest measurement."),
            field("target_latest_note", text, "What the latest figure is."),
            field("target_latest_source", text, "Where the latest figure comes from."),
            field("findings", "integer", "How many checker findings it has at the report's date."),
        ],
        "primaryKey": ["id"],
        "foreignKeys": [
            { "fields": ["parent"], "reference": { "resource": "", "fields": ["id"] } }
        ],
        "missingValues": [""],
    });
    let links = json!({
        "fields": [
            field("commitment_id", text, "The commitment."),
            field("party_id", text, "A party."),
            one_of(field("role", text, "`party`: it is involved (`parties`); `by`: it made the commitment; `asks`: a request asks it."), ["party", "by", "asks"]),
        ],
        "primaryKey": ["commitment_id", "party_id", "role"],
        "foreignKeys": [
            { "fields": ["commitment_id"], "reference": { "resource": "commitments", "fields": ["id"] } },
            { "fields": ["party_id"], "reference": { "resource": "parties", "fields": ["id"] } }
        ],
        "missingValues": [""],
    });
    let updates = json!({
        "fields": [
            field("commitment_id", text, "The commitment."),
            field("number", "integer", "Its place in the commitment's history, from 1."),
            field("date", "date", &u("date")),
            one_of(field("from_status", text, "The status before it."), statuses()),
            one_of(field("status", text, &u("status")), statuses()),
            field("note", text, &u("note")),
        ],
        "primaryKey": ["commitment_id", "number"],
        "foreignKeys": [
            { "fields": ["commitment_id"], "reference": { "resource": "commitments", "fields": ["id"] } }
        ],
        "missingValues": [""],
    });
    let evidence = json!({
        "fields": [
            field("commitment_id", text, "The commitment."),
            field("update_number", "integer", "The update it supports (its `number` in updates.csv)."),
            field("number", "integer", "Its place among the update's evidence, from 1."),
            field("source_id", text, "A declared source it quotes (`ref`); empty for a web page."),
            field("url", text, "The web page it quotes; empty for a declared source."),
            field("title", text, "The page's title."),
            field("published", "date", "When the page was published."),
            field("quote", text, "The words quoted, verbatim."),
        ],
        "primaryKey": ["commitment_id", "update_number", "number"],
        "foreignKeys": [
            { "fields": ["commitment_id", "update_number"], "reference": { "resource": "updates", "fields": ["commitment_id", "number"] } },
            { "fields": ["source_id"], "reference": { "resource": "sources", "fields": ["id"] } }
        ],
        "missingValues": [""],
    });
    let parties = json!({
        "fields": [
            field("id", text, "The party's id, as `by` and `parties` name it."),
            field("name", text, &described(&["parties", "id"], "name")),
        ],
        "primaryKey": ["id"],
        "missingValues": [""],
    });
    let sources = json!({
        "fields": [
            field("id", text, "The source's id, as `ref` names it."),
            field("title", text, &s("title")),
            field("publisher", text, &s("publisher")),
            field("published", "date", &s("published")),
            field("url", text, &s("url")),
            field("file", text, &s("file")),
            field("language", text, &s("language")),
        ],
        "primaryKey": ["id"],
        "missingValues": [""],
    });
    let resources: Vec<Value> = [
        (
            "commitments",
            commitments,
            "Every commitment made by the report's date, with its status then.",
        ),
        (
            "commitment_parties",
            links,
            "Which parties each commitment involves, who made it and whom a request asks.",
        ),
        (
            "updates",
            updates,
            "Every dated update of every commitment, up to the report's date.",
        ),
        (
            "evidence",
            evidence,
            "Every piece of evidence an update cites.",
        ),
        ("parties", parties, "The parties."),
        (
            "sources",
            sources,
            "The documents that commitments and evidence quote.",
        ),
    ]
    .into_iter()
    .map(|(name, schema, description)| {
        json!({
            "name": name,
            "path": format!("{name}.csv"),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": description,
            "schema": schema,
        })
    })
    .collect();
    json!({
        "profile": "tabular-data-package",
        "name": report.ledger_id,
        "title": report.title,
        "description": report.description.clone().unwrap_or_default(),
        "version": report.as_of.to_string(),
        "resources": resources,
    })
}
