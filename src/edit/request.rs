//! What an edit asks for: the [`Edit`] a command or an editor sends, each
//! request's fields, and why an edit was not made.

use chrono::NaiveDate;

use super::lock::LockError;
use super::plan::{plan_add, plan_party, plan_reviewed, plan_searched, plan_source, plan_update};
use super::review::Review;
use crate::finding::Finding;
use crate::load::Loaded;
use crate::model::{Kind, Ledger, Status};

/// One edit of a ledger, as the editing commands (or an editor) ask for it.
#[derive(Debug, Clone)]
pub enum Edit {
    /// `commitments update`.
    Update(UpdateRequest),
    /// `commitments add`.
    Add(AddRequest),
    /// `commitments party add`.
    Party(PartyRequest),
    /// `commitments source add`.
    Source(SourceRequest),
    /// `commitments review`: `[ledger] reviewed` moved to this date.
    Reviewed(NaiveDate),
    /// `commitments searched`: a commitment's `[commitment.searched]` set.
    Searched(SearchedRequest),
}

impl Edit {
    /// The proposed text: `text` with this edit made.
    pub fn plan(&self, text: &str, ledger: &Ledger) -> Result<String, EditError> {
        match self {
            Edit::Update(request) => plan_update(text, ledger, request),
            Edit::Add(request) => plan_add(text, ledger, request),
            Edit::Party(request) => plan_party(text, ledger, request),
            Edit::Source(request) => plan_source(text, ledger, request),
            Edit::Reviewed(date) => plan_reviewed(text, *date),
            Edit::Searched(request) => plan_searched(text, ledger, request),
        }
    }
}

/// Why an edit was not made. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The ledger cannot be read at all.
    #[error(transparent)]
    Read(crate::load::ReadError),
    /// The ledger has syntax or schema errors, so it cannot be edited.
    #[error("the ledger does not load, so it cannot be edited; fix it first (`commitments check`)")]
    NotLoaded {
        /// The ledger as loaded, for rendering `findings`.
        loaded: Box<Loaded>,
        /// Its syntax and schema findings.
        findings: Vec<Finding>,
    },
    /// The request names a commitment, source or party that does not exist.
    #[error("{0}")]
    UnknownName(String),
    /// The request's evidence flags do not pair up.
    #[error("{0}")]
    BadEvidence(String),
    /// The request conflicts with the ledger, such as an id that is taken.
    #[error("{0}; nothing was written")]
    Refused(String),
    /// Another editor holds the ledger, or it cannot be locked.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// The planned text would change something the edit was not asked to
    /// touch: a bug in the planning, caught before anything is written.
    #[error(
        "the edit would also change {0}, which it was not asked to touch; nothing was written. This is a bug in commitments: please report it with the ledger"
    )]
    WouldAlter(String),
    /// The edited ledger would have errors it did not have before.
    #[error(
        "the edit would add {}; nothing was written",
        crate::text::plural(.0.added_errors.len(), "error", "errors")
    )]
    AddsErrors(Box<Review>),
    /// The file changed on disk between reading and writing.
    #[error("{} {}", .0.display(), crate::atomic_write::WriteError::Changed)]
    Changed(std::path::PathBuf),
    /// The file cannot be written.
    #[error("cannot write `{}`: {source}; it is unchanged", path.display())]
    Write {
        /// The ledger.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// A piece of evidence given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewEvidence {
    /// `--evidence SOURCE_ID --quote TEXT`
    Source {
        /// A declared source id.
        source: String,
        /// The quote.
        quote: String,
    },
    /// `--url URL --quote TEXT [--title T] [--published DATE]`
    Web {
        /// The page.
        url: String,
        /// The quote.
        quote: String,
        /// The page's title.
        title: Option<String>,
        /// When it was published.
        published: Option<NaiveDate>,
    },
}

/// `commitments update`: record a dated status change.
#[derive(Debug, Clone)]
pub struct UpdateRequest {
    /// The commitment.
    pub id: String,
    /// Its new status.
    pub status: Status,
    /// When.
    pub date: NaiveDate,
    /// What happened.
    pub note: String,
    /// The note in other languages of the ledger's `languages`: (language
    /// tag, the editors' translation).
    pub note_translations: Vec<(String, String)>,
    /// What shows it.
    pub evidence: Vec<NewEvidence>,
}

/// `commitments add`: a new commitment.
#[derive(Debug, Clone)]
pub struct AddRequest {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Every party involved.
    pub parties: Vec<String>,
    /// Those that made it, if not all of `parties`.
    pub by: Option<Vec<String>>,
    /// For a request: the parties asked.
    pub asks: Option<Vec<String>>,
    /// Deliverable or ongoing.
    pub kind: Kind,
    /// When it was made.
    pub made: NaiveDate,
    /// Its deadline.
    pub due: Option<NaiveDate>,
    /// The passage of `source` that states the deadline.
    pub due_quote: Option<String>,
    /// Why the editors estimate the deadline.
    pub due_estimate: Option<String>,
    /// How exact the deadline is, when not a day.
    pub due_precision: Option<crate::model::Precision>,
    /// Its policy area.
    pub area: Option<String>,
    /// Its umbrella commitment: an id, or `LEDGER-ID:COMMITMENT-ID` in
    /// another ledger of its workspace.
    pub parent: Option<String>,
    /// The commitments it continues, renews or fulfils (`related`), written
    /// as `parent` is.
    pub related: Vec<String>,
    /// The source it is quoted from.
    pub source: String,
    /// The quote.
    pub quote: String,
    /// Insert after this commitment rather than after the last one.
    pub after: Option<String>,
}

/// `commitments searched`: the editors looked for news of a commitment.
#[derive(Debug, Clone)]
pub struct SearchedRequest {
    /// The commitment.
    pub id: String,
    /// When the search was made.
    pub date: NaiveDate,
    /// What was looked for, and where.
    pub what: String,
}

/// `commitments party add`: a new party.
#[derive(Debug, Clone)]
pub struct PartyRequest {
    /// Its id.
    pub id: String,
    /// Its full name.
    pub name: String,
}

/// `commitments source add`: a new source.
#[derive(Debug, Clone)]
pub struct SourceRequest {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// When it was published.
    pub published: NaiveDate,
    /// Who published it.
    pub publisher: Option<String>,
    /// A local copy, relative to the ledger.
    pub file: Option<String>,
    /// Where to read it.
    pub url: Option<String>,
}
