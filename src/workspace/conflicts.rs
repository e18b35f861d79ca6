//! What only the workspace can see: two ledgers with one id, one party
//! declared with two names; and what each ledger sees of the others.

use std::collections::HashMap;
use std::path::Path;

use crate::finding::{FileId, Finding};
use crate::model::{NeighbourLedger, Neighbours, Party, WorkspaceFile};
use crate::rules::duplicate_id;
use crate::span::Span;

use super::Workspace;

/// Reports ledger ids and party declarations that collide.
pub(super) fn check(workspace: &mut Workspace, file: &WorkspaceFile, out: &mut Vec<Finding>) {
    let mut texts: HashMap<usize, FileId> = HashMap::new();
    // The ledger text a finding points into, added to the workspace's files once.
    let mut file_of = |workspace: &mut Workspace, member: usize| -> FileId {
        *texts.entry(member).or_insert_with(|| {
            let loaded = &workspace.members[member].loaded;
            let name = workspace.members[member].path.display().to_string();
            let text = loaded.files.text(crate::finding::LEDGER_FILE).to_owned();
            workspace.files.add(name, text)
        })
    };

    let mut first_with_id: HashMap<String, usize> = HashMap::new();
    for index in 0..workspace.members.len() {
        let id = workspace.members[index].id.clone();
        match first_with_id.get(&id) {
            None => {
                first_with_id.insert(id, index);
            }
            Some(&first) => {
                let here = (file_of(workspace, index), id_span(workspace, index));
                let there = (file_of(workspace, first), id_span(workspace, first));
                out.push(duplicate_id::ledger_id_twice(
                    &id,
                    here,
                    there,
                    &workspace.members[first].path.display().to_string(),
                ));
            }
        }
    }

    // Every declaration of each party: in the workspace file (file 0) first.
    let mut first_declared: HashMap<String, (String, FileId, Span)> = HashMap::new();
    for party in &file.parties {
        first_declared.insert(
            party.id.value.to_string(),
            (party.name.value.to_string(), 0, party.name.span),
        );
    }
    for index in 0..workspace.members.len() {
        let declared: Vec<Party> = workspace.members[index]
            .loaded
            .ledger
            .as_ref()
            .map(|l| l.parties.clone())
            .unwrap_or_default();
        for party in declared {
            match first_declared.get(party.id.value.as_str()) {
                None => {
                    let file = file_of(workspace, index);
                    first_declared.insert(
                        party.id.value.to_string(),
                        (party.name.value.to_string(), file, party.name.span),
                    );
                }
                Some((name, _, _)) if *name == party.name.value => {}
                Some((name, there_file, there_span)) => {
                    let here = (file_of(workspace, index), party.name.span);
                    out.push(duplicate_id::party_named_twice(
                        &party.id.value,
                        (&party.name.value, here),
                        (name, (*there_file, *there_span)),
                    ));
                }
            }
        }
    }
}

/// Where the member's id is written: `[ledger] id`, else its `[ledger]`
/// table, else the start of the file.
fn id_span(workspace: &Workspace, member: usize) -> Span {
    let meta = workspace.members[member]
        .loaded
        .ledger
        .as_ref()
        .and_then(|l| l.meta.as_ref());
    match meta {
        Some(meta) => meta.id.as_ref().map_or(meta.span, |id| id.span),
        None => Span::default(),
    }
}

/// What each ledger's rules see of the workspace.
pub(super) fn neighbours(workspace: &Workspace, file: &WorkspaceFile) -> Neighbours {
    let mut ledgers = std::collections::BTreeMap::new();
    for member in &workspace.members {
        let Some(ledger) = &member.loaded.ledger else {
            continue;
        };
        let commitments = ledger
            .commitments
            .iter()
            .map(|c| (c.id.value.to_string(), c.title.value.to_string()))
            .chain(
                ledger
                    .incomplete_ids
                    .iter()
                    .map(|id| (id.clone(), id.clone())),
            )
            .collect();
        let id_spans = ledger
            .commitments
            .iter()
            .map(|c| (c.id.value.to_string(), c.id.span))
            .collect();
        let cross_references = ledger
            .commitments
            .iter()
            .flat_map(|c| c.parent.iter().chain(&c.related))
            .filter(|r| r.value.contains(':'))
            .map(|r| (r.value.to_string(), r.span))
            .collect();
        ledgers.entry(member.id.clone()).or_insert(NeighbourLedger {
            file: member
                .path
                .canonicalize()
                .unwrap_or_else(|_| member.path.clone()),
            id_spans,
            cross_references,
            title: ledger
                .meta
                .as_ref()
                .map_or_else(|| member.id.clone(), |m| m.title.value.to_string()),
            // As the workspace file lists it, wherever the command ran.
            path: member
                .path
                .strip_prefix(workspace.path.parent().unwrap_or(Path::new("")))
                .unwrap_or(&member.path)
                .display()
                .to_string(),
            commitments,
        });
    }
    Neighbours {
        workspace_file: workspace.path.display().to_string(),
        ledgers,
        parties: file.parties.clone(),
    }
}
