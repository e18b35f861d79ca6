//! The links between commitments that `related` makes: "continues" on the
//! later record, "continued at" on the earlier one, within a ledger and,
//! in a workspace's site, across its ledgers.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::{Commitment, CrossReference, Ledger, Neighbours, Translations};

/// One end of a `related` link, as a page shows it.
#[derive(Debug, Clone)]
pub(crate) struct CrossLink {
    /// The other ledger's id, or `None` for this ledger.
    pub(crate) ledger: Option<String>,
    /// The other ledger's title, for the link's words.
    pub(crate) ledger_title: Option<String>,
    /// The commitment's id in its ledger.
    pub(crate) commitment: String,
    /// The commitment's title, or the reference as written when unknown.
    pub(crate) title: String,
    /// The editors' translations of its title, where known.
    pub(crate) title_i18n: Translations,
    /// The editors' translations of the other ledger's title, where known.
    pub(crate) ledger_i18n: Translations,
    /// The folders of the other ledger's languages in its site (`es/`),
    /// where its pages are in this site.
    pub(crate) ledger_folders: Vec<(Lang, String)>,
    /// Whether the page of the other ledger's commitment is in this site.
    pub(crate) in_site: bool,
}

impl CrossLink {
    /// The link's address from a page in `lang` whose way to its
    /// language's root is `root`, and from there to its ledger's root `up`,
    /// or `None` when the page is not in this site. Another ledger's page
    /// is in the same language when that ledger has it, else its root's.
    pub(crate) fn href(&self, root: &str, up: &str, lang: Lang) -> Option<String> {
        match (&self.ledger, self.in_site) {
            (None, _) => Some(super::pages::commitment_href(root, &self.commitment)),
            (Some(ledger), true) => Some(format!(
                "{root}{up}../{ledger}/{}commitments/{}/index.html",
                self.ledger_folders
                    .iter()
                    .find(|(l, _)| *l == lang)
                    .map_or("", |(_, folder)| folder.as_str()),
                self.commitment
            )),
            (Some(_), false) => None,
        }
    }
}

/// A ledger's links, by the id of the commitment whose page shows them.
#[derive(Debug, Clone, Default)]
pub(crate) struct CrossLinks {
    /// What each commitment continues (its own `related`).
    pub(crate) continues: HashMap<String, Vec<CrossLink>>,
    /// Where each commitment was continued (others' `related` naming it).
    pub(crate) continued_at: HashMap<String, Vec<CrossLink>>,
}

/// The links of a ledger published on its own: what each commitment
/// continues; another ledger's commitments are named, not linked.
pub(crate) fn of_one(view: &Ledger, neighbours: Option<&Neighbours>) -> CrossLinks {
    let own_id = view.id();
    let mut links = CrossLinks::default();
    let by_id: HashMap<&str, &Commitment> = view
        .commitments
        .iter()
        .map(|c| (c.id.value.as_str(), c))
        .collect();
    for commitment in &view.commitments {
        for reference in &commitment.related {
            let link = match CrossReference::parse(&reference.value) {
                Some(cross) if cross.ledger != own_id => {
                    let other = neighbours.and_then(|n| n.ledgers.get(cross.ledger));
                    CrossLink {
                        ledger: Some(cross.ledger.to_owned()),
                        ledger_title: other.map(|o| o.title.clone()),
                        commitment: cross.commitment.to_owned(),
                        title: neighbours
                            .and_then(|n| n.title_of(&cross))
                            .unwrap_or(&reference.value)
                            .to_owned(),
                        title_i18n: Translations::default(),
                        ledger_i18n: Translations::default(),
                        ledger_folders: Vec::new(),
                        in_site: false,
                    }
                }
                local => {
                    let id = local.map_or(reference.value.as_str(), |c| c.commitment);
                    let target = by_id.get(id);
                    CrossLink {
                        ledger: None,
                        ledger_title: None,
                        commitment: id.to_owned(),
                        title: target.map_or(id, |c| c.title.value.as_str()).to_owned(),
                        title_i18n: target.map(|c| c.i18n.clone()).unwrap_or_default(),
                        ledger_i18n: Translations::default(),
                        ledger_folders: Vec::new(),
                        in_site: true,
                    }
                }
            };
            if link.ledger.is_none() {
                links
                    .continued_at
                    .entry(link.commitment.clone())
                    .or_default()
                    .push(CrossLink {
                        ledger: None,
                        ledger_title: None,
                        commitment: commitment.id.value.to_string(),
                        title: commitment.title.value.to_string(),
                        title_i18n: commitment.i18n.clone(),
                        ledger_i18n: Translations::default(),
                        ledger_folders: Vec::new(),
                        in_site: true,
                    });
            }
            links
                .continues
                .entry(commitment.id.value.to_string())
                .or_default()
                .push(link);
        }
    }
    links
}

/// The links of every ledger of a workspace's site, by ledger id: both ends
/// of every `related`, linked across the ledgers' folders.
pub(crate) fn of_workspace(ledgers: &[(&str, &str, &Ledger)]) -> HashMap<String, CrossLinks> {
    let mut all: HashMap<String, CrossLinks> = ledgers
        .iter()
        .map(|(id, _, _)| ((*id).to_owned(), CrossLinks::default()))
        .collect();
    let index: HashMap<&str, (&str, &Ledger)> = ledgers
        .iter()
        .map(|(id, title, ledger)| (*id, (*title, *ledger)))
        .collect();
    let commitment_in = |ledger: &'_ Ledger, id: &str| -> Option<(String, Translations)> {
        ledger
            .commitments
            .iter()
            .find(|c| c.id.value == id)
            .map(|c| (c.title.value.to_string(), c.i18n.clone()))
    };
    let ledger_i18n = |ledger: &Ledger| -> Translations {
        ledger
            .meta
            .as_ref()
            .map(|m| m.i18n.clone())
            .unwrap_or_default()
    };
    let folders = |ledger: &Ledger| -> Vec<(Lang, String)> {
        let languages = super::languages::SiteLanguages::of(ledger);
        languages.all().map(|l| (l, languages.folder(l))).collect()
    };
    for (from_id, from_title, from) in ledgers {
        for commitment in &from.commitments {
            for reference in &commitment.related {
                let (to_id, to_commitment) = match CrossReference::parse(&reference.value) {
                    Some(cross) => (cross.ledger, cross.commitment),
                    None => (*from_id, reference.value.as_str()),
                };
                let Some((to_title, to)) = index.get(to_id) else {
                    continue;
                };
                let Some((title, title_i18n)) = commitment_in(to, to_commitment) else {
                    continue;
                };
                let same = to_id == *from_id;
                let forward = CrossLink {
                    ledger: (!same).then(|| to_id.to_owned()),
                    ledger_title: (!same).then(|| (*to_title).to_owned()),
                    commitment: to_commitment.to_owned(),
                    title,
                    title_i18n,
                    ledger_i18n: ledger_i18n(to),
                    ledger_folders: folders(to),
                    in_site: true,
                };
                let backward = CrossLink {
                    ledger: (!same).then(|| (*from_id).to_owned()),
                    ledger_title: (!same).then(|| (*from_title).to_owned()),
                    commitment: commitment.id.value.to_string(),
                    title: commitment.title.value.to_string(),
                    title_i18n: commitment.i18n.clone(),
                    ledger_i18n: ledger_i18n(from),
                    ledger_folders: folders(from),
                    in_site: true,
                };
                if let Some(links) = all.get_mut(*from_id) {
                    links
                        .continues
                        .entry(commitment.id.value.to_string())
                        .or_default()
                        .push(forward);
                }
                if let Some(links) = all.get_mut(to_id) {
                    links
                        .continued_at
                        .entry(to_commitment.to_owned())
                        .or_default()
                        .push(backward);
                }
            }
        }
    }
    all
}
