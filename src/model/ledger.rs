//! The ledger as a whole: its `[ledger]` table, parties, sources and
//! checker settings, and the counts every output shares.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;

use super::{Commitment, Group, SharedStr};
use crate::rule::{Level, Rule};
use crate::span::{Span, Spanned};

/// A ledger of commitments: what parties promised, with a dated, cited
/// history of each promise.
///
/// As loaded, records with schema errors are left out (their ids stay in
/// [`Ledger::incomplete_ids`] so that references to them are not reported
/// a second time).
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(
    title = "Commitments ledger",
    description = "A ledger of commitments: what parties promised, with a dated, cited history of each promise. See docs/format.md.",
    deny_unknown_fields
)]
pub struct Ledger {
    /// Facts about the ledger as a whole.
    #[schemars(rename = "ledger", required)]
    pub meta: Option<LedgerMeta>,
    /// The parties that make commitments, keyed by kebab-case id.
    #[schemars(with = "Option<BTreeMap<String, Party>>")]
    pub parties: Vec<Party>,
    /// The documents that commitments and evidence quote, keyed by kebab-case id.
    #[schemars(with = "Option<BTreeMap<String, Source>>")]
    pub sources: Vec<Source>,
    /// The commitments, one `[[commitment]]` each.
    #[schemars(rename = "commitment", with = "Option<Vec<Commitment>>")]
    pub commitments: Vec<Commitment>,
    /// Settings for the rules.
    #[schemars(with = "Option<CheckerConfig>")]
    pub checker: CheckerConfig,
    /// Settings for `commitments site`.
    #[schemars(with = "Option<SiteConfig>")]
    pub site: SiteConfig,
    /// Ids of commitments that were written but failed to load.
    #[schemars(skip)]
    pub incomplete_ids: Vec<String>,
}

/// How many records a ledger holds on a date, by [`Group`], in the words
/// every output uses. Commitments made after the date are left out. It
/// prints as "24 commitments (5 signed at the talks) plus 1 request and
/// 1 umbrella" (the phrase is made in `i18n`, in every language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Headcount {
    /// Commitments counted: promises, those signed at the talks included.
    pub commitments: usize,
    /// Of `commitments`, those fulfilled the moment they were made.
    pub signed_at_talks: usize,
    /// Requests, not counted in `commitments`.
    pub requests: usize,
    /// Umbrellas, not counted in `commitments` (their children are).
    pub umbrellas: usize,
}

impl Ledger {
    /// Whether any table has an `i18n` translation.
    pub fn has_translations(&self) -> bool {
        let meta = self.meta.as_ref().is_some_and(|m| !m.i18n.is_empty());
        meta || self.parties.iter().any(|p| !p.i18n.is_empty())
            || self
                .commitments
                .iter()
                .any(|c| !c.i18n.is_empty() || c.updates.iter().any(|u| !u.i18n.is_empty()))
    }

    /// The ledger's language tag: `[ledger] language`, else `en`.
    pub fn language_tag(&self) -> &str {
        self.meta
            .as_ref()
            .and_then(|m| m.language.as_ref())
            .map_or("en", |l| l.value.as_str())
    }

    /// The ledger's lasting id: `[ledger] id`, or, for a ledger written
    /// before that key existed, its party ids in order and the first date a
    /// commitment was made (`cn-pe-2024-06-28`). Neither depends on the
    /// title, so a retitle keeps every feed id.
    pub fn id(&self) -> String {
        if let Some(id) = self.meta.as_ref().and_then(|meta| meta.id.as_ref()) {
            return id.value.to_string();
        }
        let mut parts: Vec<String> = self
            .parties
            .iter()
            .map(|p| p.id.value.to_string())
            .collect();
        parts.sort();
        if let Some(first) = self.commitments.iter().map(|c| c.made.value).min() {
            parts.push(first.to_string());
        }
        if parts.is_empty() {
            return "ledger".to_owned();
        }
        parts.join("-")
    }

    /// The ids of the commitments made by `as_of` that others made by then
    /// name as their `parent`.
    pub fn umbrella_ids(&self, as_of: NaiveDate) -> std::collections::HashSet<&str> {
        let made = self.commitments.iter().filter(|c| c.made.value <= as_of);
        let parents: std::collections::HashSet<&str> = made
            .clone()
            .filter_map(|c| c.parent.as_ref())
            .map(|parent| parent.value.as_str())
            .collect();
        made.map(|c| c.id.value.as_str())
            .filter(|id| parents.contains(id))
            .collect()
    }

    /// The commitments counted on `as_of` (made by then, neither requests
    /// nor umbrellas): what every total, a party's among them, counts.
    pub fn counted(&self, as_of: NaiveDate) -> impl Iterator<Item = &Commitment> {
        let umbrellas = self.umbrella_ids(as_of);
        self.commitments.iter().filter(move |c| {
            c.made.value <= as_of
                && c.group(umbrellas.contains(c.id.value.as_str()))
                    .is_counted()
        })
    }

    /// The ledger's [`Headcount`] on `as_of`.
    pub fn headcount(&self, as_of: NaiveDate) -> Headcount {
        let umbrellas = self.umbrella_ids(as_of);
        let mut count = Headcount::default();
        for commitment in self.commitments.iter().filter(|c| c.made.value <= as_of) {
            match commitment.group(umbrellas.contains(commitment.id.value.as_str())) {
                Group::Commitment => count.commitments += 1,
                Group::SignedAtTalks => {
                    count.commitments += 1;
                    count.signed_at_talks += 1;
                }
                Group::Request => count.requests += 1,
                Group::Umbrella => count.umbrellas += 1,
            }
        }
        count
    }
}

/// The `[ledger]` table: facts about the ledger as a whole.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LedgerMeta {
    /// The ledger's lasting name, in kebab-case, such as
    /// `china-peru-2024-06-28`: feed ids and the JSON use it, so a retitle
    /// changes nothing a reader follows. Write it in every new ledger;
    /// without it, one is made from the parties and the first date a
    /// commitment was made (see [`Ledger::id`]).
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<SharedStr>>,
    /// A human title for the reports.
    pub title: Spanned<SharedStr>,
    /// Who publishes the ledger (a newsroom, a ministry): the author of
    /// the feed when `editors` is empty.
    #[schemars(with = "Option<String>")]
    pub publisher: Option<Spanned<SharedStr>>,
    /// Who keeps the ledger, by name: the authors of every feed entry.
    #[schemars(with = "Option<Vec<String>>")]
    pub editors: Vec<Spanned<SharedStr>>,
    /// The date up to which statuses were last reviewed.
    pub reviewed: Spanned<NaiveDate>,
    /// After how many days without an update an open commitment is stale (default 180).
    #[schemars(with = "Option<u32>", range(min = 1, max = 36500))]
    pub stale_after_days: Spanned<u32>,
    /// Optional longer description.
    pub description: Option<Spanned<SharedStr>>,
    /// The language tag of the ledger's own texts (titles, notes), such as
    /// `en` or `es`; reports are written in it unless `--lang` says
    /// otherwise (in English when the tool does not speak it).
    #[schemars(with = "Option<String>")]
    pub language: Option<Spanned<SharedStr>>,
    /// The languages the editors translate the ledger's texts into: each
    /// text without a translation into one of them is a
    /// `missing-translation` warning.
    #[schemars(with = "Option<Vec<String>>")]
    pub languages: Vec<Spanned<SharedStr>>,
    /// `[ledger.i18n.LANG]`: the editors' translations of `title` and
    /// `description`.
    #[schemars(with = "super::TranslationsSchema")]
    pub i18n: super::Translations,
    /// The `[ledger]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// The default of `ledger.stale_after_days`.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 180;

/// A party that makes commitments, such as a government.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Party {
    /// The key in `[parties.ID]`.
    #[schemars(skip)]
    pub id: Spanned<SharedStr>,
    /// Full name.
    pub name: Spanned<SharedStr>,
    /// `[parties.ID.i18n.LANG]`: the editors' translations of `name`.
    #[schemars(with = "super::TranslationsSchema")]
    pub i18n: super::Translations,
    /// Declared in the workspace file, not in this ledger: its spans point
    /// into `commitments-workspace.toml`, so rules on the ledger's text
    /// leave it out.
    #[schemars(skip)]
    pub from_workspace: bool,
}

/// A document that commitments and evidence quote. It has a `file`, a
/// `url`, or both.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Source {
    /// The key in `[sources.ID]`.
    #[schemars(skip)]
    pub id: Spanned<SharedStr>,
    /// The document's title.
    pub title: Spanned<SharedStr>,
    /// Who published it.
    pub publisher: Option<Spanned<SharedStr>>,
    /// When it was published.
    pub published: Option<Spanned<NaiveDate>>,
    /// A local copy, relative to the ledger's folder. Quotes are verified
    /// against it.
    pub file: Option<Spanned<SharedStr>>,
    /// Where it can be read online.
    pub url: Option<Spanned<SharedStr>>,
    /// Language tag of the text, such as `en` or `es`.
    pub language: Option<Spanned<SharedStr>>,
    /// The `[sources.ID]` header.
    #[schemars(skip)]
    pub span: Span,
}

/// `[site]`: settings for `commitments site`.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SiteConfig {
    /// Where the site is published, such as `https://example.org/ledger/`:
    /// the feed's links are absolute under it. `--base-url` overrides it.
    #[schemars(with = "Option<String>")]
    pub base_url: Option<Spanned<SharedStr>>,
}

impl SiteConfig {
    /// A base URL as links are made from it, ending in `/`; `None` unless
    /// it is an absolute http(s) address with a host, and holds nothing a
    /// link cannot (spaces, quotes, `<>`, a query or a fragment).
    pub fn base_url_of(text: &str) -> Option<String> {
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))?;
        let host = rest.split('/').next().unwrap_or_default();
        let printable = text.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(
                    c,
                    '"' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^' | '#' | '?'
                )
        });
        (!host.is_empty() && printable).then(|| {
            if text.ends_with('/') {
                text.to_owned()
            } else {
                format!("{text}/")
            }
        })
    }
}

/// `[checker]`: settings for the rules.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CheckerConfig {
    /// `[checker.levels]`: rule code or name → level, in file order.
    #[schemars(with = "Option<BTreeMap<String, Level>>")]
    pub levels: Vec<RuleLevel>,
}

/// One entry of `[checker.levels]`, such as `stale = "allow"`.
#[derive(Debug, Clone)]
pub struct RuleLevel {
    /// The rule, as written (a code or a name).
    pub name: Spanned<SharedStr>,
    /// The rule it names.
    pub rule: &'static Rule,
    /// Its level in this ledger.
    pub level: Spanned<Level>,
}
