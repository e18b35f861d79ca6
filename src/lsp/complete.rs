//! Completion: keys from the schema, values from the format's vocabularies,
//! and the ids the ledger declares. It reads the text around the cursor,
//! not the model, because the line being typed is rarely valid TOML yet;
//! ids come from the last version that loaded.

use chrono::NaiveDate;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, TextEdit,
};

use super::snapshot::Snapshot;
use crate::json_schema::keys_at;
use crate::layout::headers;
use crate::model::{Kind, Ledger, Status};
use crate::rule::Level;
use crate::rules::RULES;
use crate::span::Span;

/// The ids a ledger declares, with a title for each, kept from the last
/// version that loaded.
#[derive(Debug, Clone, Default)]
pub(super) struct KnownIds {
    parties: Vec<(String, String)>,
    sources: Vec<(String, String)>,
    commitments: Vec<(String, String)>,
    /// `LEDGER-ID:COMMITMENT-ID` of the workspace's other ledgers, with
    /// the title and the ledger's title: at most [`MAX_FOREIGN_IDS`].
    foreign_commitments: Vec<(String, String)>,
}

/// The most commitments of other ledgers that completion offers: a
/// workspace of 100,000 would make every list too long to read or send.
const MAX_FOREIGN_IDS: usize = 2_000;

impl KnownIds {
    pub(super) fn of(ledger: &Ledger, workspace: Option<&crate::model::Neighbours>) -> Self {
        let own = ledger.id();
        let foreign_commitments = workspace
            .into_iter()
            .flat_map(|w| &w.ledgers)
            .filter(|(id, _)| **id != own)
            .flat_map(|(id, other)| {
                other.commitments.iter().map(move |(c, title)| {
                    (format!("{id}:{c}"), format!("{title} — {}", other.title))
                })
            })
            .take(MAX_FOREIGN_IDS)
            .collect();
        KnownIds {
            foreign_commitments,
            parties: ledger
                .parties
                .iter()
                .map(|p| (p.id.value.to_string(), p.name.value.to_string()))
                .collect(),
            sources: ledger
                .sources
                .iter()
                .map(|s| (s.id.value.to_string(), s.title.value.to_string()))
                .collect(),
            commitments: ledger
                .commitments
                .iter()
                .map(|c| (c.id.value.to_string(), c.title.value.to_string()))
                .collect(),
        }
    }
}

/// One proposal: the text to put in place of `span`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Proposal {
    pub(super) label: String,
    pub(super) insert: String,
    pub(super) detail: Option<String>,
    pub(super) documentation: Option<String>,
    pub(super) kind: CompletionItemKind,
}

/// What may be written at `offset` of `text`, and the span it replaces.
pub(super) fn proposals(
    text: &str,
    offset: usize,
    ids: &KnownIds,
    today: NaiveDate,
) -> Option<(Span, Vec<Proposal>)> {
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) {
        return None;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let before = &text[line_start..offset];
    if before.trim_start().starts_with('#') {
        return None;
    }
    let all = headers(&text[..line_start]);
    let header = all.last();
    let path: Vec<&str> = header.map_or(Vec::new(), |h| h.path.split('.').collect());

    // A key at the start of a line.
    let typed = before.trim_start();
    if typed
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        let span = Span::new(offset - typed.len(), offset);
        return Some((
            span,
            key_proposals(text, header.map(|h| h.end), line_start, &path),
        ));
    }

    // A value after `key =`.
    let (key, value) = before.split_once('=')?;
    let key = key
        .trim()
        .rsplit(['{', ','])
        .next()
        .unwrap_or_default()
        .trim();
    // In an inline table, the key is the last one before the cursor.
    let (key, value) = match value.rfind(['{', ',']) {
        Some(_) if value.contains('{') => {
            let inner = value.rsplit([',', '{']).next().unwrap_or_default();
            match inner.split_once('=') {
                Some((inner_key, inner_value)) => (inner_key.trim(), inner_value),
                None => return None,
            }
        }
        _ => (key, value),
    };
    let in_list = value.trim_start().starts_with('[');
    // The partial value: from the opening quote or the last list separator.
    let partial_start = value
        .rfind(['"', '[', ',', '='])
        .map_or(0, |at| at + usize::from(value.as_bytes()[at] != b'"'));
    let partial = &value[partial_start..];
    let partial = partial.trim_start();
    let start = offset - partial.len();
    // An editor may have closed the quote already.
    let end = if partial.starts_with('"') && text[offset..].starts_with('"') {
        offset + 1
    } else {
        offset
    };
    let span = Span::new(start, end);
    let quoted = |word: &str| toml_edit::Value::from(word).to_string();
    let ids_of = |list: &[(String, String)], kind| {
        list.iter()
            .map(|(id, title)| Proposal {
                label: id.clone(),
                insert: quoted(id),
                detail: Some(title.clone()),
                documentation: None,
                kind,
            })
            .collect::<Vec<_>>()
    };
    let proposals = match (key, in_list) {
        ("status", false) => {
            let kind = kind_of_block(text, &all, line_start);
            Status::ALL
                .iter()
                .filter(|s| kind.is_none_or(|kind| s.fits(kind)))
                .map(|s| choice(s.as_str(), Some(s.meaning())))
                .collect()
        }
        ("kind", false) => Kind::ALL.iter().map(|k| choice(k.as_str(), None)).collect(),
        ("ref", false) => ids_of(&ids.sources, CompletionItemKind::REFERENCE),
        ("parent", false) | ("related", true) => {
            let mut all = ids_of(&ids.commitments, CompletionItemKind::REFERENCE);
            all.extend(ids_of(
                &ids.foreign_commitments,
                CompletionItemKind::REFERENCE,
            ));
            all
        }
        ("parties" | "by" | "asks", true) => ids_of(&ids.parties, CompletionItemKind::REFERENCE),
        ("date" | "made" | "reviewed" | "published", false) => vec![Proposal {
            label: today.to_string(),
            insert: today.to_string(),
            detail: Some("today".to_owned()),
            documentation: None,
            kind: CompletionItemKind::VALUE,
        }],
        (_, false) if path == ["checker", "levels"] => Level::ALL
            .iter()
            .map(|l| choice(l.as_str(), None))
            .collect(),
        _ => return None,
    };
    Some((span, proposals))
}

/// One word of a fixed vocabulary (a status, kind or level), quoted.
fn choice(word: &str, detail: Option<&str>) -> Proposal {
    Proposal {
        label: word.to_owned(),
        insert: toml_edit::Value::from(word).to_string(),
        detail: detail.map(str::to_owned),
        documentation: None,
        kind: CompletionItemKind::ENUM_MEMBER,
    }
}

/// The keys the table at `path` accepts and its block does not have yet.
fn key_proposals(
    text: &str,
    block_start: Option<usize>,
    line_start: usize,
    path: &[&str],
) -> Vec<Proposal> {
    let block = &text[block_start.unwrap_or(0).min(line_start)..];
    let block_end = headers(block).first().map_or(block.len(), |h| h.start);
    let present: Vec<&str> = block[..block_end]
        .lines()
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim()))
        .collect();
    if path == ["checker", "levels"] {
        return RULES
            .iter()
            .filter(|rule| !rule.fixed_level && !present.contains(&rule.name))
            .map(|rule| Proposal {
                label: rule.name.to_owned(),
                insert: format!("{} = ", rule.name),
                detail: Some(format!(
                    "{} · default {}",
                    rule.code,
                    rule.default_level.as_str()
                )),
                documentation: Some(rule.summary.to_owned()),
                kind: CompletionItemKind::PROPERTY,
            })
            .collect();
    }
    keys_at(path)
        .into_iter()
        .filter(|key| !present.contains(&key.name.as_str()))
        .map(|key| Proposal {
            insert: format!("{} = ", key.name),
            detail: key.required.then(|| "required".to_owned()),
            documentation: (!key.description.is_empty()).then_some(key.description),
            label: key.name,
            kind: CompletionItemKind::PROPERTY,
        })
        .collect()
}

/// The `kind` of the commitment whose block holds `line_start`: written in
/// its `[[commitment]]` block, which an update's block follows.
fn kind_of_block(text: &str, all: &[crate::layout::Header], line_start: usize) -> Option<Kind> {
    let owner = all.iter().rposition(|h| h.path == "commitment")?;
    let start = all[owner].end;
    let end = all
        .get(owner + 1)
        .map_or(line_start.max(start), |next| next.start);
    text.get(start..end.max(start))?.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        if key.trim() != "kind" {
            return None;
        }
        let value = value.split('#').next()?.trim().trim_matches(['"', '\'']);
        Kind::ALL.into_iter().find(|k| k.as_str() == value)
    })
}

pub(super) fn answer(
    snapshot: &Snapshot<'_>,
    params: CompletionParams,
) -> Option<CompletionResponse> {
    let at = params.text_document_position;
    let analysis = &snapshot.analysis;
    let index = &snapshot.document.index;
    let text = &snapshot.document.text;
    let offset = index.offset(text, at.position);
    let (span, proposals) = proposals(text, offset, snapshot.known_ids, analysis.as_of)?;
    let range = index.range(text, span);
    let items = proposals
        .into_iter()
        .map(|p| CompletionItem {
            label: p.label,
            kind: Some(p.kind),
            detail: p.detail,
            documentation: p.documentation.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, p.insert))),
            ..Default::default()
        })
        .collect();
    Some(CompletionResponse::Array(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> KnownIds {
        KnownIds {
            parties: vec![("cn".into(), "China".into()), ("pe".into(), "Peru".into())],
            sources: vec![("xinhua".into(), "Xinhua".into())],
            commitments: vec![("port".into(), "Build the port".into())],
            foreign_commitments: vec![("lima:corridor".into(), "Build the corridor — Lima".into())],
        }
    }

    fn labels(text: &str) -> (String, Vec<String>) {
        let offset = text.find('|').unwrap();
        let text = text.replace('|', "");
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let (span, proposals) = proposals(&text, offset, &ids(), today).unwrap();
        (
            text[span.range()].to_owned(),
            proposals.into_iter().map(|p| p.label).collect(),
        )
    }

    #[test]
    fn keys_of_the_table_not_yet_written() {
        let (replaced, keys) = labels("[ledger]\ntitle = \"x\"\nre|\n");
        assert_eq!(replaced, "re");
        assert_eq!(
            keys,
            [
                "description",
                "editors",
                "i18n",
                "id",
                "language",
                "languages",
                "publisher",
                "reviewed",
                "stale_after_days"
            ]
        );
    }

    #[test]
    fn statuses_that_fit_the_kind_of_the_commitment() {
        let text = "[[commitment]]\nkind = \"ongoing\"\n\n[[commitment.update]]\nstatus = \"|\"\n";
        let (replaced, statuses) = labels(text);
        assert_eq!(replaced, "\"\"");
        assert_eq!(
            statuses,
            ["announced", "active", "at_risk", "stalled", "broken"]
        );
    }

    #[test]
    fn ids_where_references_go() {
        assert_eq!(labels("source = { ref = \"x|").1, ["xinhua"]);
        assert_eq!(labels("parties = [\"cn\", |").1, ["cn", "pe"]);
        assert_eq!(labels("parent = |").1, ["port", "lima:corridor"]);
        assert_eq!(
            labels("related = [\"lima:corridor\", |").1,
            ["port", "lima:corridor"]
        );
        assert_eq!(labels("date = |").1, ["2026-11-28"]);
    }
}
