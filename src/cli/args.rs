//! Arguments that several commands share, defined once and flattened into
//! each, and the parsers of dates and fixed vocabularies.

use std::path::PathBuf;

use chrono::NaiveDate;

use commitments::model::{Kind, Status};

/// The ledger a command reads when none is named.
pub(crate) const DEFAULT_LEDGER: &str = "commitments.toml";

/// `--ledger PATH`, for commands that read one ledger.
#[derive(Debug, clap::Args)]
pub(crate) struct LedgerFlag {
    /// The ledger to read [default: commitments.toml]. Source files are found
    /// relative to its folder.
    #[arg(long = "ledger", value_name = "PATH")]
    pub(crate) ledger: Option<PathBuf>,
}

/// `--workspace PATH`, for commands that read every ledger of a workspace.
#[derive(Debug, clap::Args)]
pub(crate) struct WorkspaceFlag {
    /// The workspace file, listing several ledgers [default:
    /// commitments-workspace.toml, when it is in the current folder and no
    /// ledger is named].
    #[arg(long = "workspace", value_name = "PATH")]
    pub(crate) workspace: Option<PathBuf>,
}

/// `--as-of DATE`: "today".
#[derive(Debug, clap::Args)]
pub(crate) struct AsOf {
    /// "Today", as YYYY-MM-DD: deadlines, staleness and the history are
    /// measured at it, so the same ledger and date always give the same
    /// output. Default: today's date in UTC.
    #[arg(long = "as-of", value_name = "DATE", value_parser = parse_date)]
    pub(crate) as_of: Option<NaiveDate>,
}

impl AsOf {
    /// The date given, or `today`.
    pub(crate) fn or(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }
}

/// `--jobs N`: how many threads load, check and write.
#[derive(Debug, clap::Args)]
pub(crate) struct Jobs {
    /// How many threads to use [default: one per core]. `--jobs 1` runs on
    /// one core, as a small CI runner would.
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub(crate) jobs: Option<std::num::NonZeroUsize>,
}

/// `--jobs` is capped at this many threads per core.
const JOBS_PER_CORE: usize = 4;

impl Jobs {
    /// Sizes the thread pool that every parallel step uses.
    pub(crate) fn apply(&self) -> Result<(), super::CliError> {
        let Some(asked) = self.jobs else {
            return Ok(());
        };
        // More threads than a few per core only cost memory and start-up
        // time (`--jobs 30000` never finished): cap, and say so.
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let cap = cores * JOBS_PER_CORE;
        let jobs = asked.get().min(cap);
        if jobs < asked.get() {
            eprintln!(
                "note: --jobs {asked} is more than {JOBS_PER_CORE} per core; using {jobs} ({cores} cores)"
            );
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global()
            .map_err(|error| {
                super::CliError::Usage(format!("cannot start {jobs} threads: {error}"))
            })
    }
}

/// Options shared by the editing commands.
#[derive(Debug, clap::Args)]
pub(crate) struct EditArgs {
    #[command(flatten)]
    pub(crate) ledger: LedgerFlag,
    #[command(flatten)]
    pub(crate) as_of: AsOf,
    /// Print the change as a unified diff and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// How long to wait, in seconds, while another process edits the same
    /// ledger.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_seconds)]
    pub(crate) wait: std::time::Duration,
}

/// A number of seconds, such as `10` or `0.5`.
fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|seconds| std::time::Duration::try_from_secs_f64(seconds).ok())
        .filter(|duration| duration.as_secs() <= 3600)
        .ok_or_else(|| format!("`{text}` is not a number of seconds from 0 to 3600"))
}

/// A date written as YYYY-MM-DD.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let bad = || format!("`{text}` is not a date; write it as YYYY-MM-DD, such as 2024-06-28");
    // Four digits of year, as TOML and RFC 3339 write it: no sign, no
    // year 10000 (`-001-01-01` would pass chrono's `%Y`).
    let bytes = text.as_bytes();
    let well_formed = text.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| bytes[i].is_ascii_digit());
    if !well_formed {
        return Err(bad());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())
}

/// A word of a fixed vocabulary, with the closest one suggested.
fn parse_word<T: Copy>(
    text: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    if let Some(found) = all.iter().copied().find(|item| name(*item) == text) {
        return Ok(found);
    }
    let words: Vec<&str> = all.iter().map(|item| name(*item)).collect();
    let normalized = text.trim().to_lowercase().replace([' ', '-'], "_");
    let hint = words
        .iter()
        .copied()
        .find(|w| *w == normalized)
        .or_else(|| commitments::suggest::closest(text, words.iter().copied()))
        .map(|near| format!(" (did you mean `{near}`?)"))
        .unwrap_or_default();
    Err(format!(
        "`{text}` is not a {what}{hint}; use one of {}",
        commitments::suggest::one_of(words.iter().copied())
    ))
}

/// A status, such as `in_progress`.
pub(crate) fn parse_status(text: &str) -> Result<Status, String> {
    parse_word(text, &Status::ALL, Status::as_str, "status")
}

/// A kind: `deliverable` or `ongoing`.
pub(crate) fn parse_kind(text: &str) -> Result<Kind, String> {
    parse_word(text, &Kind::ALL, Kind::as_str, "kind")
}

pub(crate) fn parse_precision(text: &str) -> Result<commitments::model::Precision, String> {
    use commitments::model::Precision;
    parse_word(text, &Precision::ALL, Precision::as_str, "precision")
}

/// `--lang LANG`: the language of the output's words.
#[derive(Debug, clap::Args)]
pub(crate) struct LangFlag {
    /// The language of the output: `en`, `es` or `zh-Hans` [default: the
    /// ledger's `[ledger] language` when the tool speaks it, else `en`].
    /// The ledger's titles and notes are shown in the editors' translation
    /// into it where there is one; quotes stay in their own language.
    #[arg(long = "lang", value_name = "LANG", ignore_case = true, value_parser = lang_parser())]
    pub(crate) lang: Option<commitments::i18n::Lang>,
}

fn lang_parser() -> impl clap::builder::TypedValueParser<Value = commitments::i18n::Lang> {
    use clap::builder::TypedValueParser as _;
    use commitments::i18n::Lang;
    clap::builder::PossibleValuesParser::new(Lang::ALL.map(Lang::tag))
        .map(|tag| Lang::from_tag(&tag).unwrap_or_default())
}

impl LangFlag {
    /// Refuses a language other than English where `what` speaks only
    /// English.
    pub(crate) fn english_only(&self, what: &str) -> Result<(), super::CliError> {
        match self.lang {
            Some(lang) if lang != commitments::i18n::Lang::En => {
                Err(super::CliError::Usage(format!(
                    "{what} is written in English only for now; --lang {lang} works with `report` in Markdown, JSON, CSV and HTML, and with `check`"
                )))
            }
            _ => Ok(()),
        }
    }

    /// Refuses `--lang` where the output is written in every language of
    /// the ledger at once: the site.
    pub(crate) fn every_language(&self, what: &str) -> Result<(), super::CliError> {
        match self.lang {
            Some(lang) => Err(super::CliError::Usage(format!(
                "{what} is written in the ledger's language and in each language of its `[ledger] languages`, each in a folder of its own; leave out --lang {lang} and write `languages = [\"{lang}\"]` under [ledger] to add it"
            ))),
            None => Ok(()),
        }
    }
}
