//! Hostile shapes beside normal ledgers of the same size: each shape once
//! cost far more than its size (quadratic, or reading one file 150 times).
//! Goal: `check` of each within 2× `check` of a generated ledger of the same
//! byte size. Run with `cargo bench -p commitments-bench --bench hostile`; see BENCHMARKS.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use commitments::check::{Levels, check};
use commitments::load::load_path;
use commitments::render::{self, Summary};
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};

#[path = "synth/mod.rs"]
mod synth;

/// The shapes and the ledger size each is measured at.
const SHAPES: [(&str, usize); 5] = [
    ("one-quote", 10_000_000),
    ("identical-quotes", 10_000_000),
    ("long-word", 60_000),
    ("long-word", 1_500_000),
    ("shared-source", 1_000_000),
];

fn folder(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join(format!("target/bench-hostile/{name}"))
}

/// Writes (once) a ledger and returns its folder.
fn written(name: &str, make: impl FnOnce() -> synth::Synth) -> PathBuf {
    let dir = folder(name);
    if !dir.join("commitments.toml").is_file() {
        synth::write(&dir, &make()).expect("the bench ledger can be written");
    }
    dir
}

/// A generated (normal) ledger of about `bytes`.
fn normal(bytes: usize) -> synth::Synth {
    let per_commitment = synth::generate(200, 1).ledger.len() / 200;
    synth::generate((bytes / per_commitment).max(1), 1)
}

/// What `commitments check` does: load, check, print.
fn full_check(dir: &Path) -> usize {
    let loaded = load_path(&dir.join("commitments.toml")).unwrap();
    let as_of = NaiveDate::parse_from_str(synth::AS_OF, "%Y-%m-%d").unwrap();
    let findings = check(&loaded, &Levels::of(&loaded), as_of);
    let summary = Summary {
        lang: Default::default(),
        ledger: "commitments.toml",
        as_of,
        headcount: loaded.headcount(as_of),
    };
    render::human_string(&loaded.files, &findings, &summary).len()
}

fn hostile(c: &mut Criterion) {
    for (shape, bytes) in SHAPES {
        let hostile = written(&format!("{shape}-{bytes}"), || synth::hostile(shape, bytes));
        let size = std::fs::metadata(hostile.join("commitments.toml"))
            .unwrap()
            .len() as usize;
        let normal = written(&format!("normal-{size}"), || normal(size));
        let mut group = c.benchmark_group(format!("hostile-{shape}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .sampling_mode(SamplingMode::Flat);
        group.throughput(criterion::Throughput::Bytes(size as u64));
        group.bench_function(BenchmarkId::new("hostile", size), |b| {
            b.iter(|| black_box(full_check(&hostile)))
        });
        group.bench_function(BenchmarkId::new("normal", size), |b| {
            b.iter(|| black_box(full_check(&normal)))
        });
        group.finish();
    }
}

criterion_group!(benches, hostile);
criterion_main!(benches);
