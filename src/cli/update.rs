//! `commitments update`: record a dated status change.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ArgMatches;

use commitments::edit::{self, Edit, EvidenceFlag, UpdateRequest};
use commitments::model::{Kind, Status};

use super::CliError;
use super::args::{EditArgs, parse_date, parse_status};

/// Record a dated status change: append an update and set `status`.
///
/// Evidence is given as `--evidence SOURCE_ID --quote TEXT` or
/// `--url URL --quote TEXT [--title T] [--published DATE]`, repeated. Every
/// status but `announced` needs at least one piece of evidence.
#[derive(Debug, clap::Args)]
#[command(after_long_help = statuses_by_kind())]
pub(crate) struct Args {
    /// The commitment's id.
    id: String,
    /// The new status (see the list below, by kind).
    #[arg(long, value_parser = parse_status)]
    status: Status,
    /// The date it happened, as YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    date: NaiveDate,
    /// What happened, in one sentence.
    #[arg(long)]
    note: String,
    /// The note in another language of the ledger's `[ledger] languages`,
    /// the editors' translation, as LANG=TEXT (`--note-in es="Se firmó."`);
    /// repeat it for each language.
    #[arg(long, value_name = "LANG=TEXT", value_parser = parse_translation)]
    note_in: Vec<(String, String)>,
    /// Evidence from a declared source (follow it with --quote).
    #[arg(long, value_name = "SOURCE_ID")]
    evidence: Vec<String>,
    /// Evidence from a web page (follow it with --quote, and optionally --title and --published).
    #[arg(long)]
    url: Vec<String>,
    /// The verbatim quote of the evidence given just before.
    #[arg(long)]
    quote: Vec<String>,
    /// The title of the web page given just before.
    #[arg(long)]
    title: Vec<String>,
    /// The publication date of the web page given just before.
    #[arg(long, value_parser = parse_date)]
    published: Vec<NaiveDate>,
    #[command(flatten)]
    edit: EditArgs,
}

/// The statuses valid for each kind, for `update --help`.
fn statuses_by_kind() -> String {
    let mut text = String::from("Statuses, by the commitment's kind:\n");
    for kind in Kind::ALL {
        text.push_str(&format!("\n  {}:\n", kind.as_str()));
        for status in Status::ALL.iter().filter(|s| s.fits(kind)) {
            text.push_str(&format!(
                "    {:<16}{}\n",
                status.as_str(),
                status.meaning()
            ));
        }
    }
    text
}

pub(crate) fn run(
    args: Args,
    matches: &ArgMatches,
    today: NaiveDate,
) -> Result<ExitCode, CliError> {
    let evidence = edit::pair_evidence(flags_in_order(matches))
        .map_err(|error| CliError::Usage(error.to_string()))?;
    let request = UpdateRequest {
        id: args.id,
        status: args.status,
        date: args.date,
        note: args.note,
        note_translations: args.note_in,
        evidence,
    };
    super::edit::run(&args.edit, today, Edit::Update(request))
}

/// `es=Se firmó.`: a language tag and a text.
fn parse_translation(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((tag, text)) if !tag.trim().is_empty() && !text.trim().is_empty() => {
            Ok((tag.trim().to_owned(), text.to_owned()))
        }
        _ => Err(format!(
            "`{value}` is not LANG=TEXT; write the language's tag, `=`, and the note in it, such as es=\"Se firmó el protocolo.\""
        )),
    }
}

/// The evidence flags in the order they were given on the command line.
fn flags_in_order(matches: &ArgMatches) -> Vec<EvidenceFlag> {
    let mut flags: Vec<(usize, EvidenceFlag)> = Vec::new();
    let mut strings = |name: &str, make: fn(String) -> EvidenceFlag| {
        if let (Some(indices), Some(values)) =
            (matches.indices_of(name), matches.get_many::<String>(name))
        {
            flags.extend(indices.zip(values.cloned().map(make)));
        }
    };
    strings("evidence", EvidenceFlag::Evidence);
    strings("url", EvidenceFlag::Url);
    strings("quote", EvidenceFlag::Quote);
    strings("title", EvidenceFlag::Title);
    if let (Some(indices), Some(values)) = (
        matches.indices_of("published"),
        matches.get_many::<NaiveDate>("published"),
    ) {
        flags.extend(indices.zip(values.copied().map(EvidenceFlag::Published)));
    }
    flags.sort_by_key(|(index, _)| *index);
    flags.into_iter().map(|(_, flag)| flag).collect()
}
