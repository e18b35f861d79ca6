//! The ledgers of a workspace as each of them sees the others: enough to
//! resolve a cross-ledger reference (`LEDGER-ID:COMMITMENT-ID`), suggest a
//! near one, and link to it.

use std::collections::BTreeMap;

use super::{Ledger, Party};
use crate::span::Span;

/// Every ledger of a workspace, by ledger id.
#[derive(Debug, Clone, Default)]
pub struct Neighbours {
    /// The workspace file's name, as messages print it.
    pub workspace_file: String,
    /// Ledger id → what a reference to it may name.
    pub ledgers: BTreeMap<String, NeighbourLedger>,
    /// The parties the workspace file declares for every ledger.
    pub parties: Vec<Party>,
}

/// One ledger of a workspace, as the others see it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeighbourLedger {
    /// Its title (`[ledger] title`), or its id without one.
    pub title: String,
    /// Its path, as the workspace lists it.
    pub path: String,
    /// Commitment id → title, for every record that loaded.
    pub commitments: BTreeMap<String, String>,
    /// Its file, absolute, for an editor to open.
    pub file: std::path::PathBuf,
    /// Commitment id → where the id is written in the file.
    pub id_spans: BTreeMap<String, Span>,
    /// Every `LEDGER-ID:COMMITMENT-ID` written in it (`parent` and
    /// `related`), with where: what an editor lists as references.
    pub cross_references: Vec<(String, Span)>,
}

impl Neighbours {
    /// Gives `ledger` every party of the workspace file that it does not
    /// declare itself, marked [`Party::from_workspace`].
    pub fn lend_parties(&self, ledger: &mut Ledger) {
        for party in &self.parties {
            if !ledger.parties.iter().any(|p| p.id.value == party.id.value) {
                ledger.parties.push(Party {
                    from_workspace: true,
                    ..party.clone()
                });
            }
        }
    }

    /// The title of the commitment `reference` names, when it resolves.
    pub fn title_of(&self, reference: &CrossReference<'_>) -> Option<&str> {
        let ledger = self.ledgers.get(reference.ledger)?;
        ledger
            .commitments
            .get(reference.commitment)
            .map(String::as_str)
    }
}

/// A reference to a commitment of another ledger: `LEDGER-ID:COMMITMENT-ID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossReference<'a> {
    /// The ledger's id.
    pub ledger: &'a str,
    /// The commitment's id in that ledger.
    pub commitment: &'a str,
}

impl<'a> CrossReference<'a> {
    /// `text` read as `LEDGER-ID:COMMITMENT-ID`; `None` for a plain id.
    pub fn parse(text: &'a str) -> Option<Self> {
        let (ledger, commitment) = text.split_once(':')?;
        Some(CrossReference { ledger, commitment })
    }
}

impl std::fmt::Display for CrossReference<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.ledger, self.commitment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_with_a_colon_names_a_ledger_and_a_commitment() {
        let reference = CrossReference::parse("cn-pe-2024-06-28:chancay-harbor");
        assert_eq!(
            reference,
            Some(CrossReference {
                ledger: "cn-pe-2024-06-28",
                commitment: "chancay-harbor"
            })
        );
        assert_eq!(CrossReference::parse("chancay-harbor"), None);
    }
}
