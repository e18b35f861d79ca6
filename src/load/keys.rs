//! The keys each table of the format accepts (`KNOWN_KEYS`, which the docs
//! and the JSON Schema are tested against).

/// Every table of the format with the keys it accepts, for documentation
/// and tests.
pub const KNOWN_KEYS: &[(&str, &[&str])] = &[
    ("(top level)", ROOT_KEYS),
    ("ledger", LEDGER_KEYS),
    ("parties.ID", PARTY_KEYS),
    ("sources.ID", SOURCE_KEYS),
    ("commitment", COMMITMENT_KEYS),
    ("evidence", EVIDENCE_KEYS),
    ("commitment.update", UPDATE_KEYS),
    ("commitment.target", TARGET_KEYS),
    ("commitment.target.baseline", BASELINE_KEYS),
    ("commitment.target.observation", OBSERVATION_KEYS),
    ("commitment.searched", SEARCHED_KEYS),
    ("ledger.i18n.LANG", LEDGER_I18N_KEYS),
    ("parties.ID.i18n.LANG", PARTY_I18N_KEYS),
    ("commitment.i18n.LANG", COMMITMENT_I18N_KEYS),
    ("commitment.update.i18n.LANG", NOTE_I18N_KEYS),
    ("checker", CHECKER_KEYS),
    ("site", SITE_KEYS),
];

pub(crate) const ROOT_KEYS: &[&str] = &[
    "ledger",
    "parties",
    "sources",
    "commitment",
    "checker",
    "site",
];
pub(crate) const LEDGER_KEYS: &[&str] = &[
    "id",
    "title",
    "reviewed",
    "stale_after_days",
    "description",
    "publisher",
    "editors",
    "language",
    "languages",
    "i18n",
];
/// What each `i18n.LANG` table may translate: the table's own texts, never
/// a quote.
pub(crate) const LEDGER_I18N_KEYS: &[&str] = &["title", "description"];
pub(crate) const PARTY_I18N_KEYS: &[&str] = &["name"];
pub(crate) const COMMITMENT_I18N_KEYS: &[&str] = &[
    "title",
    "notes",
    "area",
    "due_estimate",
    "metric",
    "unit",
    "searched",
];
pub(crate) const NOTE_I18N_KEYS: &[&str] = &["note"];
pub(crate) const SITE_KEYS: &[&str] = &["base_url"];
pub(crate) const PARTY_KEYS: &[&str] = &["name", "i18n"];
pub(crate) const SOURCE_KEYS: &[&str] =
    &["title", "publisher", "published", "file", "url", "language"];
pub(crate) const COMMITMENT_KEYS: &[&str] = &[
    "id",
    "title",
    "parties",
    "by",
    "asks",
    "area",
    "kind",
    "made",
    "due",
    "due_source",
    "due_estimate",
    "due_precision",
    "parent",
    "related",
    "status",
    "source",
    "notes",
    "target",
    "update",
    "searched",
    "i18n",
];
pub(crate) const CITATION_KEYS: &[&str] = &["ref", "quote"];
pub(crate) const WEB_KEYS: &[&str] = &["url", "quote", "title", "published"];
pub(crate) const EVIDENCE_KEYS: &[&str] = &["ref", "url", "quote", "title", "published"];
pub(crate) const UPDATE_KEYS: &[&str] = &["date", "status", "note", "evidence", "i18n"];
pub(crate) const TARGET_KEYS: &[&str] = &["metric", "unit", "baseline", "goal", "observation"];
pub(crate) const OBSERVATION_KEYS: &[&str] = &[
    "value",
    "date",
    "date_estimated",
    "note",
    "evidence",
    "i18n",
];
pub(crate) const BASELINE_KEYS: &[&str] = OBSERVATION_KEYS;
pub(crate) const SEARCHED_KEYS: &[&str] = &["date", "for"];
pub(crate) const CHECKER_KEYS: &[&str] = &["levels"];
