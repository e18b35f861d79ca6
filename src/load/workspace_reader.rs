//! `commitments-workspace.toml` text → [`WorkspaceFile`], with the same
//! `syntax`, `schema` and `id-format` findings a ledger's text gets.

use crate::finding::Finding;
use crate::model::WorkspaceFile;
use crate::rules::{id_format, schema};
use crate::span::Span;

use super::ledger_reader::read_parties;
use super::reader::{FindingSink, TableReader, array, text};
use super::translations_reader::read_translations;
use super::whole::parse_reference;

const ROOT_KEYS: &[&str] = &["workspace", "parties"];
const WORKSPACE_KEYS: &[&str] = &["id", "title", "ledgers", "i18n"];
/// What a workspace's `i18n` tables may translate.
pub(crate) const WORKSPACE_I18N_KEYS: &[&str] = &["title"];

/// Reads a workspace file; `None` when it has a syntax or schema error
/// (the findings say where).
pub fn read_workspace(text: &str) -> (Option<WorkspaceFile>, Vec<Finding>) {
    let mut findings = Vec::new();
    let Some(tree) = parse_reference(text, &mut findings) else {
        return (None, findings);
    };
    // The workspace file is small: its strings are copies.
    let mut sink = FindingSink::default();
    let file = tree
        .root()
        .as_table()
        .and_then(|root| read_root(root, &mut sink));
    findings.extend(sink.findings);
    if let Some(file) = &file {
        id_format::check_id(&file.id, "workspace", &mut findings);
        for party in &file.parties {
            id_format::check_id(&party.id, "party", &mut findings);
        }
    }
    let ok = findings.is_empty();
    (file.filter(|_| ok), findings)
}

fn read_root(root: super::tree::TableItem<'_>, sink: &mut FindingSink) -> Option<WorkspaceFile> {
    let root = TableReader::new(
        root,
        Span::default(),
        "the workspace file".to_owned(),
        ROOT_KEYS,
    );
    let parties = root
        .get("parties")
        .map(|value| read_parties(value, sink))
        .unwrap_or_default();
    let Some(value) = root.get("workspace") else {
        sink.push(schema::missing_key(
            Span::default(),
            "workspace",
            "the workspace file",
            "[workspace] with an `id`, a `title` and `ledgers = [\"commitments.toml\", \"ledgers/*.toml\"]`",
        ));
        root.finish(sink);
        return None;
    };
    let table = TableReader::of(
        value,
        "workspace",
        "`[workspace]`".to_owned(),
        WORKSPACE_KEYS,
        sink,
    );
    root.finish(sink);
    let table = table?;
    let id = table.required("id", "\"kebab-case-id\"", sink, text);
    let title = table.required("title", "\"...\"", sink, text);
    let ledgers = table.required(
        "ledgers",
        "[\"commitments.toml\", \"ledgers/*.toml\"]",
        sink,
        |v, k, sink| {
            let list = array(v, k, sink, |item, _, sink| text(item, k, sink))?;
            if list.is_empty() {
                sink.push(schema::empty_list(sink.span_of(v), k));
                return None;
            }
            Some(list)
        },
    );
    let i18n = table.optional("i18n", sink, |v, k, sink| {
        read_translations(v, k, WORKSPACE_I18N_KEYS, sink)
    });
    table.finish(sink);
    Some(WorkspaceFile {
        id: id?,
        title: title?,
        ledgers: ledgers?,
        parties,
        i18n: i18n.ok()?.unwrap_or_default(),
    })
}
