//! The structural check of a planned edit: compared as TOML values (so
//! formatting and comments do not matter), the edited ledger differs from
//! the original only where the edit may change it. A safety net under the
//! text planning: an edit that would drop or alter anything else is refused.

use toml::{Table, Value};

use super::request::Edit;

/// `Err` names what the edit would change that it was not asked to.
pub(super) fn only_touches(original: &str, proposed: &str, edit: &Edit) -> Result<(), String> {
    let parse = |text: &str| text.parse::<Table>().map_err(|error| error.to_string());
    let mut old = parse(original).map_err(|e| format!("the original ledger: {e}"))?;
    let mut new = parse(proposed).map_err(|e| format!("the edited ledger: {e}"))?;
    match edit {
        Edit::Update(request) => {
            let (old_list, new_list) = (take_list(&mut old), take_list(&mut new));
            if old_list.len() != new_list.len() {
                return Err("the number of commitments".to_owned());
            }
            for (before, after) in old_list.iter().zip(&new_list) {
                if id_of(before) == Some(request.id.as_str()) {
                    updated_only(before, after, &request.id)?;
                } else if before != after {
                    return Err(format!(
                        "commitment `{}`",
                        id_of(before).unwrap_or("(without id)")
                    ));
                }
            }
        }
        Edit::Add(request) => {
            let old_list = take_list(&mut old);
            let new_list = take_list(&mut new);
            // The new entry is one of those with its id (the id may be taken:
            // the review refuses that), and without it the list is the old one.
            let is_old_plus_one = (0..new_list.len()).any(|added| {
                id_of(&new_list[added]) == Some(request.id.as_str())
                    && new_list.len() == old_list.len() + 1
                    && new_list[..added] == old_list[..added]
                    && new_list[added + 1..] == old_list[added..]
            });
            if !is_old_plus_one {
                return Err("the other commitments".to_owned());
            }
        }
        Edit::Party(request) => added_entry(&mut old, &mut new, "parties", &request.id)?,
        Edit::Source(request) => added_entry(&mut old, &mut new, "sources", &request.id)?,
        Edit::Searched(request) => {
            // Only the commitment's `searched` may differ.
            for table in [&mut old, &mut new] {
                if let Some(Value::Array(list)) = table.get_mut("commitment") {
                    for commitment in list.iter_mut() {
                        if id_of(commitment) == Some(request.id.as_str())
                            && let Value::Table(commitment) = commitment
                        {
                            commitment.remove("searched");
                        }
                    }
                }
            }
        }
        Edit::Reviewed(_) => {
            for table in [&mut old, &mut new] {
                if let Some(Value::Table(ledger)) = table.get_mut("ledger") {
                    ledger.remove("reviewed");
                }
            }
        }
    }
    if old != new {
        let changed: Vec<&str> = old
            .keys()
            .chain(new.keys())
            .filter(|key| old.get(*key) != new.get(*key))
            .map(String::as_str)
            .collect();
        return Err(format!("the table(s) {}", changed.join(", ")));
    }
    Ok(())
}

/// Removes and returns the `[[commitment]]` list (empty if there is none).
fn take_list(table: &mut Table) -> Vec<Value> {
    match table.remove("commitment") {
        Some(Value::Array(list)) => list,
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

fn id_of(commitment: &Value) -> Option<&str> {
    commitment.get("id")?.as_str()
}

/// The updated commitment: only `status` and one appended update differ.
fn updated_only(before: &Value, after: &Value, id: &str) -> Result<(), String> {
    let what = || format!("commitment `{id}` beyond its status and a new update");
    let (Some(before), Some(after)) = (before.as_table(), after.as_table()) else {
        return Err(what());
    };
    let rest = |table: &Table| {
        let mut rest = table.clone();
        rest.remove("status");
        rest.remove("update");
        rest
    };
    if rest(before) != rest(after) {
        return Err(what());
    }
    let updates = |table: &Table| match table.get("update") {
        Some(Value::Array(list)) => list.clone(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    };
    let (old_updates, new_updates) = (updates(before), updates(after));
    if new_updates.len() != old_updates.len() + 1 || !new_updates.starts_with(&old_updates) {
        return Err(format!("the earlier updates of commitment `{id}`"));
    }
    Ok(())
}

/// `[KEY.ID]` was added and nothing else in `[KEY]` changed.
fn added_entry(old: &mut Table, new: &mut Table, key: &str, id: &str) -> Result<(), String> {
    let take = |table: &mut Table| match table.remove(key) {
        Some(Value::Table(entries)) => Ok(entries),
        None => Ok(Table::new()),
        Some(_) => Err(format!("`{key}` is not a table")),
    };
    let (old_entries, mut new_entries) = (take(old)?, take(new)?);
    if new_entries.remove(id).is_none() {
        return Err(format!("the new entry `{key}.{id}` is missing"));
    }
    if old_entries != new_entries {
        return Err(format!("the other entries of `{key}`"));
    }
    Ok(())
}
