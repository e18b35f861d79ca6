//! The default loader against the reference on arbitrary bytes: the event
//! parser and the `toml` crate's `DeTable` must refuse the same texts and
//! build the same tree from the rest, and loading with either must give the
//! same ledger and the same findings, in the same order.

#![no_main]

use commitments::load::{Loaded, compare_parsers, load_bytes, load_in_chunks, load_reference};
use libfuzzer_sys::fuzz_target;

fn findings(loaded: &Loaded) -> Vec<String> {
    loaded.findings.iter().map(|f| format!("{f:?}")).collect()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(difference) = compare_parsers(text) {
            panic!("{difference}");
        }
    }
    let reference = load_reference("fuzz.toml", data, None);
    let default = load_bytes("fuzz.toml", data, None);
    assert_eq!(format!("{:?}", reference.ledger), format!("{:?}", default.ledger));
    assert_eq!(findings(&reference), findings(&default));
    let chunked = load_in_chunks("fuzz.toml", data, None, 61);
    assert_eq!(format!("{:?}", reference.ledger), format!("{:?}", chunked.ledger));
    let (mut a, mut b) = (findings(&reference), findings(&chunked));
    a.sort();
    b.sort();
    assert_eq!(a, b);
});
