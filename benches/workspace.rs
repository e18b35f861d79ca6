//! A workspace of 50 ledgers of 2,000 generated commitments each, beside one
//! ledger of 100,000: `check` of the workspace (every ledger, and the
//! references between them) should take at most 1.2× `check` of the one
//! ledger. Run with `cargo bench -p commitments-bench --bench workspace`;
//! see BENCHMARKS.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use commitments::check::{Levels, check};
use commitments::load::{Loaded, load_path};
use commitments::render::{self, Summary};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

#[path = "synth/mod.rs"]
mod synth;

const LEDGERS: usize = 50;
const PER_LEDGER: usize = 2_000;

fn target(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target")
        .join(name)
}

/// One ledger of LEDGERS × PER_LEDGER commitments, written once.
fn one_ledger() -> PathBuf {
    let dir = target(&format!("bench-ledgers/{}", LEDGERS * PER_LEDGER));
    if !dir.join("commitments.toml").is_file() {
        synth::write(&dir, &synth::generate(LEDGERS * PER_LEDGER, 1)).unwrap();
    }
    dir
}

/// The workspace: LEDGERS ledgers of PER_LEDGER commitments, each with its
/// own id, and every ledger after the first with a `related` reference to
/// the one before it; written once.
fn workspace() -> PathBuf {
    let dir = target(&format!("bench-workspace/{LEDGERS}x{PER_LEDGER}"));
    let file = dir.join("commitments-workspace.toml");
    if !file.is_file() {
        for n in 0..LEDGERS {
            let mut synth = synth::generate(PER_LEDGER, n as u64 + 1);
            synth.ledger = synth.ledger.replacen(
                "[ledger]\n",
                &format!("[ledger]\nid = \"ledger-{n:02}\"\n"),
                1,
            );
            if n > 0 {
                // The first commitment continues one of the previous ledger.
                let previous = synth::generate(PER_LEDGER, n as u64);
                let first_id = first_commitment_id(&previous.ledger);
                synth.ledger = synth.ledger.replacen(
                    "\n[[commitment]]\n",
                    &format!(
                        "\n[[commitment]]\nrelated = [\"ledger-{:02}:{first_id}\"]\n",
                        n - 1
                    ),
                    1,
                );
            }
            synth::write(&dir.join(format!("ledgers/{n:02}")), &synth).unwrap();
        }
        std::fs::write(
            &file,
            "[workspace]\nid = \"bench\"\ntitle = \"Bench\"\nledgers = [\"ledgers/*/commitments.toml\"]\n",
        )
        .unwrap();
    }
    dir
}

fn first_commitment_id(ledger: &str) -> String {
    let at = ledger.find("\n[[commitment]]\nid = \"").unwrap() + "\n[[commitment]]\nid = \"".len();
    ledger[at..at + ledger[at..].find('"').unwrap()].to_owned()
}

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(synth::AS_OF, "%Y-%m-%d").unwrap()
}

/// What `commitments check` prints for one loaded ledger.
fn checked(loaded: &Loaded, name: &str) -> usize {
    let findings = check(loaded, &Levels::of(loaded), as_of());
    let summary = Summary {
        lang: Default::default(),
        ledger: name,
        as_of: as_of(),
        headcount: loaded.headcount(as_of()),
    };
    render::human_string(&loaded.files, &findings, &summary).len()
}

fn bench(c: &mut Criterion) {
    let one = one_ledger();
    let many = workspace();
    // Every reference resolves: a broken one would measure error output.
    let loaded = commitments::workspace::load(&many.join("commitments-workspace.toml")).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    for member in &loaded.members {
        let findings = check(&member.loaded, &Levels::of(&member.loaded), as_of());
        assert!(
            findings.iter().all(|f| f.rule.name != "unknown-reference"),
            "{}",
            member.path.display()
        );
    }
    drop(loaded);

    let mut group = c.benchmark_group("workspace");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("one ledger of 100000", |b| {
        b.iter(|| {
            let loaded = load_path(&one.join("commitments.toml")).unwrap();
            black_box(checked(&loaded, "commitments.toml"))
        })
    });
    group.bench_function("workspace of 50 x 2000", |b| {
        b.iter(|| {
            let workspace =
                commitments::workspace::load(&many.join("commitments-workspace.toml")).unwrap();
            let printed: usize = workspace
                .members
                .iter()
                .map(|m| checked(&m.loaded, &m.path.display().to_string()))
                .sum();
            black_box(printed)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
