//! Ledgers built from structured input: check and report must not panic,
//! and an accepted `update` must keep every other byte and add no error.

#![no_main]

use arbitrary::Arbitrary;
use chrono::{Duration, NaiveDate};
use commitments::check::{Levels, check};
use commitments::finding::Severity;
use commitments::edit::{self, NewEvidence, UpdateRequest};
use commitments::load::load_bytes;
use commitments::model::Status;
use commitments::report;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    commitments: Vec<Commitment>,
    edit: Edit,
}

#[derive(Arbitrary, Debug)]
struct Commitment {
    id: u8,
    title: String,
    ongoing: bool,
    made: u16,
    due: Option<u16>,
    parent: Option<u8>,
    status: u8,
    updates: Vec<Update>,
}

#[derive(Arbitrary, Debug)]
struct Update {
    days: u16,
    status: u8,
    note: String,
    evidence: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct Edit {
    target: u8,
    status: u8,
    days: u16,
    note: String,
    quote: String,
}

fn day(offset: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Duration::days(i64::from(offset % 3000))
}

fn string(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_owned()
}

fn render(input: &Input) -> String {
    let mut out = String::from("# structured\n[ledger]\ntitle = \"fuzz\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"c\"\n\n[sources.s]\ntitle = \"t\"\nurl = \"https://example.org\"\n");
    for c in input.commitments.iter().take(20) {
        out.push_str(&format!(
            "\n[[commitment]]\nid = \"c{}\"\ntitle = {}\nparties = [\"cn\"]\nkind = \"{}\"\nmade = {}\n",
            c.id % 16,
            // Never empty, so that most generated ledgers load and get edited.
            string(&format!("t{}", c.title)),
            if c.ongoing { "ongoing" } else { "deliverable" },
            day(c.made)
        ));
        if let Some(due) = c.due {
            out.push_str(&format!("due = {}\n", day(due)));
        }
        if let Some(parent) = c.parent {
            out.push_str(&format!("parent = \"c{}\"\n", parent % 16));
        }
        out.push_str(&format!(
            "status = \"{}\"\nsource = {{ ref = \"s\", quote = \"q\" }}\n",
            Status::ALL[usize::from(c.status) % 8].as_str()
        ));
        for u in c.updates.iter().take(8) {
            out.push_str(&format!(
                "\n[[commitment.update]]\ndate = {}\nstatus = \"{}\"\nnote = {}\n",
                day(u.days),
                Status::ALL[usize::from(u.status) % 8].as_str(),
                string(&u.note)
            ));
            if let Some(quote) = &u.evidence {
                out.push_str(&format!("evidence = [{{ url = \"https://e.org\", quote = {} }}]\n", string(quote)));
            }
        }
    }
    out
}

/// Whether `small`'s lines appear in `big` in order (all but `skip`).
fn lines_kept(small: &str, big: &str, skip: impl Fn(usize) -> bool) -> bool {
    let mut big_lines = big.lines();
    small.lines().enumerate().filter(|(n, _)| !skip(*n)).all(|(_, line)| big_lines.any(|b| b == line))
}

fuzz_target!(|input: Input| {
    let text = render(&input);
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let loaded = load_bytes("fuzz.toml", text.as_bytes(), None);
    let before = check(&loaded, &Levels::of(&loaded), as_of);
    if let Ok(built) = report::build(&loaded, &Levels::of(&loaded), as_of) {
        let _ = (report::to_markdown(&built), report::to_json(&built), report::to_csv(&built), report::to_html(&built));
    }
    // As `commitments update` does: a ledger that does not load is not edited.
    let Some(ledger) = loaded.ledger.as_ref().filter(|_| !loaded.findings.iter().any(|f| f.rule.fixed_level)) else {
        return;
    };
    let Some(target) = ledger.commitments.get(usize::from(input.edit.target) % ledger.commitments.len().max(1)) else {
        return;
    };
    // With a duplicate id the edit may land on another entry: not this test's subject.
    if ledger.commitments.iter().filter(|c| c.id.value == target.id.value).count() > 1 {
        return;
    }
    let request = UpdateRequest {
        id: target.id.value.to_string(),
        status: Status::ALL[usize::from(input.edit.status) % 8],
        date: day(input.edit.days),
        note: input.edit.note.clone(),
        // Refused unless the ledger declares `es`; written when it does.
        note_translations: vec![("es".into(), input.edit.note.clone())],
        evidence: vec![NewEvidence::Web {
            url: "https://example.org/e".into(),
            quote: input.edit.quote.clone(),
            title: None,
            published: None,
        }],
    };
    let Ok(proposed) = edit::plan_update(&text, ledger, &request) else { return };
    let review = edit::review(&loaded, &proposed, "fuzz.toml", None, as_of);
    if !review.added_errors.is_empty() {
        return;
    }
    // Accepted: every other line is kept, the status line of the target aside.
    let status_line = text[..target.status.span.start()].lines().count().saturating_sub(1);
    assert!(lines_kept(&text, &proposed, |n| n == status_line), "lost bytes:\n{text}\n---\n{proposed}");
    let edited = load_bytes("fuzz.toml", proposed.as_bytes(), None);
    let after = check(&edited, &Levels::of(&edited), as_of);
    let errors = |f: &[commitments::finding::Finding]| f.iter().filter(|f| f.severity == Severity::Error).count();
    if errors(&before) == 0 {
        assert_eq!(errors(&after), 0, "an accepted edit of a clean ledger must stay clean:\n{proposed}");
    }
    let commitment = edited.ledger.as_ref().unwrap().commitments.iter().find(|c| c.id.value == request.id).unwrap();
    assert_eq!(commitment.status.value, request.status);
});
