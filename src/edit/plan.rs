//! The `plan_*` functions: the ledger's text → the proposed text, each
//! changing only the bytes its edit means to change.

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::request::{
    AddRequest, EditError, NewEvidence, PartyRequest, SearchedRequest, SourceRequest, UpdateRequest,
};
use crate::layout::{Header, headers, leading_comments_start};
use crate::model::{Ledger, Status};
use crate::suggest;

fn unknown(what: &str, value: &str, candidates: Vec<&str>) -> EditError {
    let hint = match suggest::closest(value, candidates.iter().copied()) {
        Some(near) => format!("; did you mean `{near}`?"),
        None if candidates.is_empty() => format!("; the ledger has no {what} yet"),
        None => format!(
            "; the ledger has {}",
            suggest::one_of(candidates.iter().copied().take(12))
        ),
    };
    EditError::UnknownName(format!("no {what} is called `{value}`{hint}"))
}

/// `Ok` if `id` is among `ids`, else a usage error naming the closest.
fn require<'a>(what: &str, id: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), EditError> {
    let ids: Vec<&str> = ids.collect();
    if ids.contains(&id) {
        Ok(())
    } else {
        Err(unknown(what, id, ids))
    }
}

fn require_commitment(ledger: &Ledger, id: &str) -> Result<(), EditError> {
    require(
        "commitment",
        id,
        ledger.commitments.iter().map(|c| c.id.value.as_str()),
    )
}

fn require_source(ledger: &Ledger, id: &str) -> Result<(), EditError> {
    require(
        "source",
        id,
        ledger.sources.iter().map(|s| s.id.value.as_str()),
    )
}

fn require_party(ledger: &Ledger, id: &str) -> Result<(), EditError> {
    require(
        "party",
        id,
        ledger.parties.iter().map(|p| p.id.value.as_str()),
    )
}

/// A bare TOML date.
fn date_value(date: NaiveDate) -> Value {
    let date = toml_edit::Date {
        year: u16::try_from(date.year()).unwrap_or(0),
        month: date.month() as u8,
        day: date.day() as u8,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

fn evidence_array(evidence: &[NewEvidence]) -> Array {
    let mut array = Array::new();
    for item in evidence {
        let mut table = InlineTable::new();
        match item {
            NewEvidence::Source { source, quote } => {
                table.insert("ref", source.as_str().into());
                table.insert("quote", quote.as_str().into());
            }
            NewEvidence::Web {
                url,
                quote,
                title,
                published,
            } => {
                table.insert("url", url.as_str().into());
                table.insert("quote", quote.as_str().into());
                if let Some(title) = title {
                    table.insert("title", title.as_str().into());
                }
                if let Some(published) = published {
                    table.insert("published", date_value(*published));
                }
            }
        }
        array.push(table);
    }
    // One item per line, as in a hand-written ledger.
    for item in array.iter_mut() {
        item.decor_mut().set_prefix("\n  ");
    }
    array.set_trailing(",\n");
    array.set_trailing_comma(false);
    array
}

/// Replaces a string value, keeping its surrounding spaces and comment and
/// its quoting style (literal `'...'` or basic `"..."`).
fn replace_keeping_style(item: &mut Item, text: &str) {
    let Some(old) = item.as_value() else {
        *item = toml_edit::value(text);
        return;
    };
    let literal = old.as_str().is_some()
        && old.to_string().trim_start().starts_with('\'')
        && !text.contains('\'')
        && !text.contains('\n');
    let mut new = if literal {
        format!("'{text}'")
            .parse::<Value>()
            .unwrap_or_else(|_| Value::from(text))
    } else {
        Value::from(text)
    };
    *new.decor_mut() = old.decor().clone();
    *item = Item::Value(new);
}

/// The note's translations as the dotted keys `i18n.es.note = "..."`, each
/// into a language of the ledger's `languages`, once; `None` for none.
fn note_translations(
    ledger: &Ledger,
    given: &[(String, String)],
) -> Result<Option<Table>, EditError> {
    if given.is_empty() {
        return Ok(None);
    }
    let declared: Vec<&str> = ledger
        .meta
        .as_ref()
        .map(|m| m.languages.iter().map(|l| l.value.as_str()).collect())
        .unwrap_or_default();
    let mut i18n = Table::new();
    i18n.set_dotted(true);
    for (tag, text) in given {
        let Some(lang) = declared.iter().find(|d| d.eq_ignore_ascii_case(tag)) else {
            let known = if declared.is_empty() {
                "the ledger declares none: add `languages = [\"...\"]` under [ledger] first"
                    .to_owned()
            } else {
                format!("it declares {}", declared.join(", "))
            };
            return Err(EditError::Refused(format!(
                "`{tag}` is not a language of the ledger's `[ledger] languages`; {known}"
            )));
        };
        if i18n.contains_key(lang) {
            return Err(EditError::Refused(format!(
                "the note in `{lang}` is given twice; give it once"
            )));
        }
        let mut table = Table::new();
        table.set_dotted(true);
        table.insert("note", toml_edit::value(text.as_str()));
        i18n.insert(lang, Item::Table(table));
    }
    Ok(Some(i18n))
}

/// The proposed text for `commitments update`.
pub fn plan_update(
    text: &str,
    ledger: &Ledger,
    request: &UpdateRequest,
) -> Result<String, EditError> {
    require_commitment(ledger, &request.id)?;
    let named = ledger
        .commitments
        .iter()
        .filter(|c| c.id.value == request.id)
        .count();
    if named > 1 {
        return Err(EditError::Refused(format!(
            "{named} commitments have the id `{}`, so the update has no single target; give one of them another id first",
            request.id
        )));
    }
    for item in &request.evidence {
        if let NewEvidence::Source { source, .. } = item {
            require_source(ledger, source)?;
        }
    }
    let translations = note_translations(ledger, &request.note_translations)?;
    let mut document = editable(text)?;
    let commitment = commitment_table(&mut document, &request.id)?;
    set_status(commitment, request.status);
    let mut update = Table::new();
    update.insert("date", Item::Value(date_value(request.date)));
    update.insert("status", toml_edit::value(request.status.as_str()));
    update.insert("note", toml_edit::value(request.note.as_str()));
    if let Some(translations) = translations {
        update.insert("i18n", Item::Table(translations));
    }
    if !request.evidence.is_empty() {
        update.insert(
            "evidence",
            Item::Value(Value::Array(evidence_array(&request.evidence))),
        );
    }
    match commitment.get_mut("update") {
        Some(Item::ArrayOfTables(updates)) => updates.push(update),
        // A history written inline, `update = [{ ... }, { ... }]`, gets the
        // new entry inline too, laid out like the one before it.
        Some(Item::Value(Value::Array(updates))) => {
            let mut entry = update.into_inline_table();
            let prefix = updates
                .iter()
                .last()
                .and_then(|last| last.decor().prefix())
                .and_then(|prefix| prefix.as_str())
                .map(str::to_owned);
            entry.fmt();
            updates.push(entry);
            if let (Some(prefix), Some(added)) = (prefix, updates.iter_mut().last()) {
                added.decor_mut().set_prefix(prefix);
            }
        }
        Some(_) => {
            return Err(EditError::Refused(format!(
                "the history of `{}` is neither [[commitment.update]] tables nor an array",
                request.id
            )));
        }
        None => {
            let mut updates = ArrayOfTables::new();
            updates.push(update);
            commitment.insert("update", Item::ArrayOfTables(updates));
        }
    }
    Ok(document.to_string())
}

/// The ledger's text as a toml_edit document.
fn editable(text: &str) -> Result<DocumentMut, EditError> {
    text.parse()
        .map_err(|error| EditError::Refused(format!("the ledger cannot be edited: {error}")))
}

/// The `[[commitment]]` table whose id is `id`.
fn commitment_table<'a>(
    document: &'a mut DocumentMut,
    id: &str,
) -> Result<&'a mut Table, EditError> {
    document
        .get_mut("commitment")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| {
            EditError::Refused(
                "the commitments are not written as [[commitment]] tables, which this edit changes"
                    .into(),
            )
        })?
        .iter_mut()
        .find(|table| table.get("id").and_then(Item::as_str) == Some(id))
        .ok_or_else(|| unknown("commitment", id, Vec::new()))
}

fn set_status(commitment: &mut Table, status: Status) {
    match commitment.get_mut("status") {
        Some(item) => replace_keeping_style(item, status.as_str()),
        None => {
            commitment.insert("status", toml_edit::value(status.as_str()));
        }
    }
}

/// The proposed text with the `status` of commitment `id` set to `status`,
/// and nothing else changed: an editor's fix for a status that disagrees
/// with the latest update.
pub fn plan_set_status(
    text: &str,
    ledger: &Ledger,
    id: &str,
    status: Status,
) -> Result<String, EditError> {
    require_commitment(ledger, id)?;
    let mut document = editable(text)?;
    set_status(commitment_table(&mut document, id)?, status);
    Ok(document.to_string())
}

/// `word` written in place of `written` (a key or a string value): quoted
/// as TOML needs it when `written` was a quoted string, bare otherwise when
/// a bare key can spell it.
pub fn respell(written: &str, word: &str) -> String {
    if written.starts_with(['"', '\'']) {
        Value::from(word).to_string()
    } else {
        toml_edit::Key::new(word).to_string()
    }
}

/// Inserts `snippet` (a table with its header) at `at`, with one blank line
/// above it.
fn insert_block(text: &str, at: usize, snippet: &str) -> String {
    let (before, after) = text.split_at(at);
    let mut out = String::with_capacity(text.len() + snippet.len() + 2);
    out.push_str(before);
    if !before.is_empty() && !before.ends_with('\n') {
        out.push('\n');
    }
    if !before.is_empty() && !before.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(snippet);
    if !after.is_empty() && !after.starts_with('\n') {
        out.push('\n');
    }
    out.push_str(after);
    out
}

/// The offset just after the block of the table whose header is
/// `all[header]`: where the next block (with its leading comments) begins.
/// Headers for which `belongs` holds are part of the block.
fn block_end(text: &str, all: &[Header], header: usize, belongs: impl Fn(&str) -> bool) -> usize {
    all[header + 1..]
        .iter()
        .find(|h| !belongs(&h.path))
        .map_or(text.len(), |next| leading_comments_start(text, next.start))
}

/// Inserts `[TABLE.ID]` with `fields`: after the last `[TABLE.*]` block, or
/// else before the first table named in `before` (or under it), or else at
/// the end.
fn insert_keyed_table(text: &str, table: &str, id: &str, fields: Table, before: &[&str]) -> String {
    let all = headers(text);
    let under = |path: &str, name: &str| {
        path == name
            || path
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    let at = match all
        .iter()
        .rposition(|h| h.path != table && under(&h.path, table))
    {
        Some(last) => block_end(text, &all, last, |_| false),
        None => all
            .iter()
            .find(|h| before.iter().any(|name| under(&h.path, name)))
            .map_or(text.len(), |first| {
                leading_comments_start(text, first.start)
            }),
    };
    let mut parent = Table::new();
    parent.set_implicit(true);
    parent.insert(id, Item::Table(fields));
    let mut snippet = DocumentMut::new();
    snippet.insert(table, Item::Table(parent));
    insert_block(text, at, &snippet.to_string())
}

/// The proposed text for `commitments add`.
pub fn plan_add(text: &str, ledger: &Ledger, request: &AddRequest) -> Result<String, EditError> {
    require_source(ledger, &request.source)?;
    for party in request
        .parties
        .iter()
        .chain(request.by.iter().flatten())
        .chain(request.asks.iter().flatten())
    {
        require_party(ledger, party)?;
    }
    // Another ledger's commitment (`LEDGER-ID:COMMITMENT-ID`) is checked by
    // the review, against the workspace, with the nearest id suggested.
    for linked in request.parent.iter().chain(&request.related) {
        if crate::model::CrossReference::parse(linked).is_none() {
            require_commitment(ledger, linked)?;
        }
    }
    let anchor = match &request.after {
        Some(after) => {
            require_commitment(ledger, after)?;
            ledger.commitments.iter().find(|c| &c.id.value == after)
        }
        None => ledger.commitments.last(),
    };
    let all = headers(text);
    let is_sub_table = |path: &str| path.starts_with("commitment.");
    let at = match anchor
        .and_then(|commitment| all.iter().position(|h| h.start == commitment.span.start()))
    {
        Some(header) => block_end(text, &all, header, is_sub_table),
        None => text.len(),
    };

    let mut table = Table::new();
    table.insert("id", toml_edit::value(request.id.as_str()));
    table.insert("title", toml_edit::value(request.title.as_str()));
    let mut parties = Array::new();
    for party in &request.parties {
        parties.push(party.as_str());
    }
    table.insert("parties", toml_edit::value(parties));
    for (key, list) in [("by", &request.by), ("asks", &request.asks)] {
        if let Some(list) = list {
            let mut array = Array::new();
            for party in list {
                array.push(party.as_str());
            }
            table.insert(key, toml_edit::value(array));
        }
    }
    if let Some(area) = &request.area {
        table.insert("area", toml_edit::value(area.as_str()));
    }
    table.insert("kind", toml_edit::value(request.kind.as_str()));
    table.insert("made", Item::Value(date_value(request.made)));
    if let Some(due) = request.due {
        table.insert("due", Item::Value(date_value(due)));
    }
    if let Some(quote) = &request.due_quote {
        let mut due_source = InlineTable::new();
        due_source.insert("ref", request.source.as_str().into());
        due_source.insert("quote", quote.as_str().into());
        table.insert("due_source", toml_edit::value(due_source));
    }
    if let Some(precision) = request.due_precision {
        table.insert("due_precision", toml_edit::value(precision.as_str()));
    }
    if let Some(estimate) = &request.due_estimate {
        table.insert("due_estimate", toml_edit::value(estimate.as_str()));
    }
    if let Some(parent) = &request.parent {
        table.insert("parent", toml_edit::value(parent.as_str()));
    }
    if !request.related.is_empty() {
        let related: toml_edit::Array = request.related.iter().map(String::as_str).collect();
        table.insert("related", toml_edit::value(related));
    }
    table.insert("status", toml_edit::value(Status::Announced.as_str()));
    let mut source = InlineTable::new();
    source.insert("ref", request.source.as_str().into());
    source.insert("quote", request.quote.as_str().into());
    table.insert("source", toml_edit::value(source));
    let mut snippet = DocumentMut::new();
    let mut entries = ArrayOfTables::new();
    entries.push(table);
    snippet.insert("commitment", Item::ArrayOfTables(entries));
    Ok(insert_block(text, at, &snippet.to_string()))
}

/// The proposed text for `commitments source add`.
pub fn plan_source(
    text: &str,
    ledger: &Ledger,
    request: &SourceRequest,
) -> Result<String, EditError> {
    if ledger.sources.iter().any(|s| s.id.value == request.id) {
        return Err(EditError::Refused(format!(
            "a source called `{}` already exists",
            request.id
        )));
    }
    let mut table = Table::new();
    table.insert("title", toml_edit::value(request.title.as_str()));
    if let Some(publisher) = &request.publisher {
        table.insert("publisher", toml_edit::value(publisher.as_str()));
    }
    table.insert("published", Item::Value(date_value(request.published)));
    if let Some(file) = &request.file {
        table.insert("file", toml_edit::value(file.as_str()));
    }
    if let Some(url) = &request.url {
        table.insert("url", toml_edit::value(url.as_str()));
    }
    Ok(insert_keyed_table(
        text,
        "sources",
        &request.id,
        table,
        &["commitment"],
    ))
}

/// The proposed text for `commitments party add`: after the last party, or
/// before the first source or commitment, or at the end.
pub fn plan_party(
    text: &str,
    ledger: &Ledger,
    request: &PartyRequest,
) -> Result<String, EditError> {
    if ledger.parties.iter().any(|p| p.id.value == request.id) {
        return Err(EditError::Refused(format!(
            "a party called `{}` already exists",
            request.id
        )));
    }
    let mut table = Table::new();
    table.insert("name", toml_edit::value(request.name.as_str()));
    Ok(insert_keyed_table(
        text,
        "parties",
        &request.id,
        table,
        &["sources", "commitment"],
    ))
}

/// The proposed text for `commitments review`: `reviewed` in `[ledger]`
/// set to `date`, keeping its comment and place.
pub fn plan_reviewed(text: &str, date: NaiveDate) -> Result<String, EditError> {
    let mut document = editable(text)?;
    let ledger = document
        .get_mut("ledger")
        .and_then(Item::as_table_mut)
        .ok_or_else(|| EditError::Refused("the ledger has no [ledger] table".into()))?;
    match ledger.get_mut("reviewed") {
        Some(Item::Value(old)) => {
            let mut new = date_value(date);
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        _ => {
            ledger.insert("reviewed", Item::Value(date_value(date)));
        }
    }
    Ok(document.to_string())
}

/// The proposed text for `commitments searched`: the commitment's
/// `searched` set to the request's date and words, in place when it has
/// one (keeping its layout), or as a `[commitment.searched]` table.
pub fn plan_searched(
    text: &str,
    ledger: &Ledger,
    request: &SearchedRequest,
) -> Result<String, EditError> {
    require_commitment(ledger, &request.id)?;
    let mut document = editable(text)?;
    let commitment = commitment_table(&mut document, &request.id)?;
    match commitment.get_mut("searched") {
        Some(Item::Table(searched)) => {
            set_keeping_style(
                searched.entry("date").or_insert(Item::None),
                date_value(request.date),
            );
            set_keeping_style(
                searched.entry("for").or_insert(Item::None),
                Value::from(request.what.as_str()),
            );
        }
        Some(Item::Value(Value::InlineTable(searched))) => {
            searched.insert("date", date_value(request.date));
            searched.insert("for", Value::from(request.what.as_str()));
        }
        Some(_) => {
            return Err(EditError::Refused(format!(
                "`searched` of `{}` is not a table; write it as [commitment.searched]",
                request.id
            )));
        }
        None => {
            let mut searched = Table::new();
            searched.insert("date", Item::Value(date_value(request.date)));
            searched.insert("for", toml_edit::value(request.what.as_str()));
            commitment.insert("searched", Item::Table(searched));
        }
    }
    Ok(document.to_string())
}

/// Sets `item` to `value`, keeping the comment and spacing around the old
/// value.
fn set_keeping_style(item: &mut Item, mut value: Value) {
    if let Item::Value(old) = item {
        *value.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(value);
}

/// The commented template that `commitments new` writes, with `reviewed`
/// set to `today` and the ledger's `id` made from `name` (its folder's
/// name, say) in kebab-case, or `ledger-` and the date when `name` has no
/// ASCII letter or digit.
pub fn template(today: NaiveDate, name: &str) -> String {
    let mut id = crate::rules::id_format::kebab(name);
    if id.is_empty() {
        id = format!("ledger-{today}");
    }
    include_str!("template.toml")
        .replace("{reviewed}", &today.to_string())
        .replace("{id}", &id)
}
