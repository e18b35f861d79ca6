//! An edit of an arbitrary ledger: whenever an edit is accepted, no record
//! is lost (every commitment, update, party and source is still there), the
//! edited ledger loads, and the plan never changes what it was not asked to
//! (the structural check would refuse that as a bug).

#![no_main]

use chrono::{Duration, NaiveDate};
use commitments::edit::{
    self, AddRequest, Edit, EditError, NewEvidence, PartyRequest, SearchedRequest, SourceRequest,
    UpdateRequest,
};
use commitments::load::load_bytes;
use commitments::model::{Kind, Ledger, Status};
use libfuzzer_sys::fuzz_target;

fn edit_for(control: &[u8], ledger: &Ledger, as_of: NaiveDate) -> Option<Edit> {
    let byte = |i: usize| control.get(i).copied().unwrap_or(0);
    let day = as_of - Duration::days(i64::from(byte(2)));
    let nth = |n: usize| n % ledger.commitments.len().max(1);
    Some(match byte(0) % 6 {
        0 => Edit::Update(UpdateRequest {
            id: ledger.commitments.get(nth(byte(1).into()))?.id.value.to_string(),
            status: Status::ALL[usize::from(byte(3)) % Status::ALL.len()],
            date: day,
            note: "A note.".into(),
            note_translations: Vec::new(),
            evidence: vec![NewEvidence::Web {
                url: "https://example.org/e".into(),
                quote: "a quote".into(),
                title: None,
                published: None,
            }],
        }),
        1 => Edit::Add(AddRequest {
            id: format!("new-{}", byte(1)),
            title: "New".into(),
            parties: vec![ledger.parties.first()?.id.value.to_string()],
            by: None,
            asks: None,
            kind: Kind::ALL[usize::from(byte(3)) % 2],
            made: day,
            due: None,
            due_quote: None,
            due_estimate: None,
            due_precision: None,
            area: None,
            parent: None,
            related: Vec::new(),
            source: ledger.sources.first()?.id.value.to_string(),
            quote: "a quote".into(),
            after: (byte(4) % 2 == 0)
                .then(|| ledger.commitments.get(nth(byte(5).into())).map(|c| c.id.value.to_string()))
                .flatten(),
        }),
        4 => Edit::Searched(SearchedRequest {
            id: ledger.commitments.get(nth(byte(1).into()))?.id.value.to_string(),
            date: day,
            what: "the news".into(),
        }),
        5 => Edit::Reviewed(day),
        2 => Edit::Party(PartyRequest {
            id: format!("p{}", byte(1)),
            name: "A party".into(),
        }),
        _ => Edit::Source(SourceRequest {
            id: format!("s{}", byte(1)),
            title: "A source".into(),
            published: day,
            publisher: None,
            file: None,
            url: Some("https://example.org".into()),
        }),
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let (control, text) = data.split_at(6);
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let loaded = load_bytes("fuzz.toml", text, None);
    let Some(old) = loaded.ledger.clone() else { return };
    let Some(edit) = edit_for(control, &old, as_of) else { return };
    let applied = match edit::propose(loaded, &edit, "fuzz.toml", None, as_of) {
        Ok(applied) => applied,
        Err(EditError::WouldAlter(what)) => {
            panic!("the plan of {edit:?} changed {what}:\n{}", String::from_utf8_lossy(text))
        }
        Err(_) => return,
    };
    let new = load_bytes("fuzz.toml", applied.proposed.as_bytes(), None)
        .ledger
        .expect("an accepted edit loads");
    for before in &old.commitments {
        let after = new
            .commitments
            .iter()
            .filter(|c| c.id.value == before.id.value)
            .max_by_key(|c| c.updates.len())
            .unwrap_or_else(|| panic!("commitment {} was lost", before.id.value));
        assert!(after.updates.len() >= before.updates.len(), "updates of {} were lost", before.id.value);
    }
    for party in &old.parties {
        assert!(new.parties.iter().any(|p| p.id.value == party.id.value), "party {} was lost", party.id.value);
    }
    for source in &old.sources {
        assert!(new.sources.iter().any(|s| s.id.value == source.id.value), "source {} was lost", source.id.value);
    }
    assert!(new.commitments.len() >= old.commitments.len());
});
