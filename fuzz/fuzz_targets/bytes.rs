//! Arbitrary bytes as a ledger: load, check, every output and report format,
//! and the diff must never panic or hang; chunked and whole-file loading must
//! agree exactly.

#![no_main]

use chrono::NaiveDate;
use commitments::check::{Levels, check};
use commitments::load::{Loaded, load_bytes, load_in_chunks, load_whole};
use commitments::render::{self, Summary};
use commitments::{diff, report};
use libfuzzer_sys::fuzz_target;

fn finding_keys(loaded: &Loaded) -> Vec<String> {
    let mut keys: Vec<String> = loaded
        .findings
        .iter()
        .map(|f| format!("{} {:?} {} {:?} {:?}", f.rule.code, f.primary, f.message, f.secondary, f.notes))
        .collect();
    keys.sort();
    keys
}

fuzz_target!(|data: &[u8]| {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let loaded = load_bytes("fuzz.toml", data, None);
    let levels = Levels::of(&loaded);
    let findings = check(&loaded, &levels, as_of);
    let summary = Summary { lang: Default::default(), ledger: "fuzz.toml", as_of, headcount: loaded.headcount(as_of) };
    let _ = render::human_string(&loaded.files, &findings, &summary);
    let _ = render::json(&loaded.files, &findings, &summary);
    // What `check` prints, its findings counted as they are found, must be
    // what the complete list gives.
    for limit in [0, 1, 100] {
        let full = commitments::finding::Shortlist::of(findings.clone(), Some(limit));
        let short = commitments::check::check_shortlist(&loaded, &levels, as_of, limit);
        assert_eq!(
            render::github(&loaded.files, &full, &summary),
            render::github(&loaded.files, &short, &summary)
        );
    }
    if let Ok(built) = report::build(&loaded, &levels, as_of) {
        let _ = report::to_markdown(&built);
        let _ = report::to_json(&built);
        let _ = report::to_csv(&built);
        let _ = report::to_html(&built);
    }
    if let Some(ledger) = &loaded.ledger {
        let same = diff::diff(ledger, ledger);
        assert!(same.added.is_empty() && same.removed.is_empty() && same.changed.is_empty());
    }
    // Differential: chunked loading must equal one whole-file parse.
    let whole = load_whole("fuzz.toml", data, None);
    for chunk_bytes in [1, 97] {
        let chunked = load_in_chunks("fuzz.toml", data, None, chunk_bytes);
        assert_eq!(format!("{:?}", whole.ledger), format!("{:?}", chunked.ledger));
        assert_eq!(finding_keys(&whole), finding_keys(&chunked));
    }
});
