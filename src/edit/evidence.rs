//! Evidence given as a sequence of flags, paired into items.

use chrono::NaiveDate;

use super::request::{EditError, NewEvidence};

/// One evidence flag of `update`, in the order the user gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceFlag {
    /// `--evidence SOURCE_ID`: starts an item citing a declared source.
    Evidence(String),
    /// `--url URL`: starts an item citing a web page.
    Url(String),
    /// `--quote TEXT`: the quote of the item just started.
    Quote(String),
    /// `--title TEXT`: the title of the web page just started.
    Title(String),
    /// `--published DATE`: the publication date of the web page just started.
    Published(NaiveDate),
}

/// Pairs flags into evidence: each `--evidence` or `--url` starts an item,
/// and the `--quote` (and, for a URL, `--title` and `--published`) after it
/// belong to that item. Every item needs exactly one quote.
pub fn pair_evidence(flags: Vec<EvidenceFlag>) -> Result<Vec<NewEvidence>, EditError> {
    let bad = |message: String| Err(EditError::BadEvidence(message));
    let mut items: Vec<NewEvidence> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    for flag in flags {
        match flag {
            EvidenceFlag::Evidence(source) => {
                items.push(NewEvidence::Source {
                    source,
                    quote: String::new(),
                });
                quoted.push(false);
            }
            EvidenceFlag::Url(url) => {
                items.push(NewEvidence::Web {
                    url,
                    quote: String::new(),
                    title: None,
                    published: None,
                });
                quoted.push(false);
            }
            EvidenceFlag::Quote(text) => match (items.last_mut(), quoted.last_mut()) {
                (
                    Some(NewEvidence::Source { quote, .. } | NewEvidence::Web { quote, .. }),
                    Some(done),
                ) if !*done => {
                    *quote = text;
                    *done = true;
                }
                _ => {
                    return bad(format!(
                        "--quote \"{text}\" follows no --evidence or --url; give the source first, then its quote"
                    ));
                }
            },
            EvidenceFlag::Title(text) => match items.last_mut() {
                Some(NewEvidence::Web { title, .. }) if title.is_none() => *title = Some(text),
                _ => {
                    return bad(format!(
                        "--title \"{text}\" must follow a --url (once per URL)"
                    ));
                }
            },
            EvidenceFlag::Published(date) => match items.last_mut() {
                Some(NewEvidence::Web { published, .. }) if published.is_none() => {
                    *published = Some(date)
                }
                _ => {
                    return bad(format!(
                        "--published {date} must follow a --url (once per URL)"
                    ));
                }
            },
        }
    }
    if let Some(position) = quoted.iter().position(|done| !done) {
        let what = match &items[position] {
            NewEvidence::Source { source, .. } => format!("--evidence {source}"),
            NewEvidence::Web { url, .. } => format!("--url {url}"),
        };
        return bad(format!(
            "{what} has no --quote; every piece of evidence needs the verbatim words it shows"
        ));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_pair_in_order() {
        let items = pair_evidence(vec![
            EvidenceFlag::Url("https://a".into()),
            EvidenceFlag::Quote("q1".into()),
            EvidenceFlag::Title("T".into()),
            EvidenceFlag::Evidence("src".into()),
            EvidenceFlag::Quote("q2".into()),
        ])
        .unwrap();
        assert_eq!(
            items,
            vec![
                NewEvidence::Web {
                    url: "https://a".into(),
                    quote: "q1".into(),
                    title: Some("T".into()),
                    published: None
                },
                NewEvidence::Source {
                    source: "src".into(),
                    quote: "q2".into()
                },
            ]
        );
    }

    #[test]
    fn a_quote_without_a_source_or_a_source_without_a_quote_is_refused() {
        for flags in [
            vec![EvidenceFlag::Quote("q".into())],
            vec![EvidenceFlag::Url("https://a".into())],
            vec![
                EvidenceFlag::Evidence("s".into()),
                EvidenceFlag::Title("T".into()),
            ],
        ] {
            assert!(matches!(
                pair_evidence(flags),
                Err(EditError::BadEvidence(_))
            ));
        }
    }
}
