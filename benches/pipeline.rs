//! The pipeline at 1k, 10k and 100k generated commitments, side by side with
//! the floor: a bare single-threaded `toml::from_str::<toml::Table>` of the
//! same text. Run with `cargo bench -p commitments-bench --bench pipeline`; see BENCHMARKS.md.
//! `BENCH_SIZES=1000,10000` limits the sizes. The `site` bench writes to
//! /dev/shm when there is one.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use codespan_reporting::term::termcolor::NoColor;
use commitments::check::{Levels, check_shortlist};
use commitments::load::{Loaded, load_owned};
use commitments::render::{self, Summary};
use commitments::report;
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};

#[path = "synth/mod.rs"]
mod synth;

// The allocator of the `commitments` binary (src/main.rs), so that the
// figures here are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Generates (once) and returns the folder of a ledger of `n` commitments.
fn ledger_dir(n: usize) -> PathBuf {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join(format!("target/bench-ledgers/{n}"));
    if !dir.join("commitments.toml").is_file() {
        synth::write(&dir, &synth::generate(n, 1)).expect("the bench ledger can be written");
    }
    dir
}

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(synth::AS_OF, "%Y-%m-%d").unwrap()
}

fn load(dir: &Path, text: &str) -> Loaded {
    load_owned("commitments.toml", text.as_bytes().to_vec(), Some(dir))
}

/// What `commitments check` does: load, check, print compiler-style text,
/// at most `--max-per-rule` (100) findings of each rule and the count of
/// the others.
fn full_check(dir: &Path, text: &str) -> usize {
    let loaded = load(dir, text);
    let list = check_shortlist(&loaded, &Levels::of(&loaded), as_of(), MAX_PER_RULE);
    let summary = Summary {
        lang: Default::default(),
        ledger: "commitments.toml",
        as_of: as_of(),
        headcount: loaded.headcount(as_of()),
    };
    let mut out = NoColor::new(Vec::new());
    render::human(&mut out, &loaded.files, &list, &summary).expect("into memory");
    out.into_inner().len()
}

/// `commitments check`'s default `--max-per-rule`.
const MAX_PER_RULE: usize = 100;

/// A report renderer.
type Renderer = fn(&report::Report) -> String;

/// What `commitments report --format F` does, to a string.
fn full_report(dir: &Path, text: &str, render: Renderer) -> usize {
    let loaded = load(dir, text);
    let built = report::build(&loaded, &Levels::of(&loaded), as_of()).unwrap();
    render(&built).len()
}

/// What `commitments site -o DIR` does: load, report, write every page.
fn full_site(dir: &Path, text: &str, out: &Path) -> usize {
    let loaded = load(dir, text);
    let levels = Levels::of(&loaded);
    commitments::site::write(loaded, &levels, as_of(), out, &dir.join("commitments.toml"))
        .unwrap()
        .files
        .len()
}

/// Where the site bench writes: /dev/shm when the machine has it.
fn site_output(n: usize) -> PathBuf {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_owned()
    } else {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("target")
    };
    base.join(format!("commitments-bench-site-{n}"))
}

fn sizes() -> Vec<usize> {
    std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

fn pipeline(c: &mut Criterion) {
    for n in sizes() {
        let dir = ledger_dir(n);
        let text = std::fs::read_to_string(dir.join("commitments.toml")).unwrap();
        let mut group = c.benchmark_group(format!("{n}-commitments"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .sampling_mode(SamplingMode::Flat);
        if n >= 100_000 {
            group.measurement_time(Duration::from_secs(20));
        }
        group.throughput(criterion::Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::new("bare-toml-parse", n), |b| {
            b.iter(|| {
                black_box(
                    toml::from_str::<toml::Table>(black_box(&text))
                        .unwrap()
                        .len(),
                )
            })
        });
        group.bench_function(BenchmarkId::new("load", n), |b| {
            b.iter(|| black_box(load(&dir, &text).findings.len()))
        });
        // The loader before the event parser: the `toml` crate's DeTable,
        // read whole, on one thread.
        group.bench_function(BenchmarkId::new("load-reference", n), |b| {
            b.iter(|| {
                black_box(
                    commitments::load::load_reference(
                        "commitments.toml",
                        text.as_bytes(),
                        Some(&dir),
                    )
                    .findings
                    .len(),
                )
            })
        });
        group.bench_function(BenchmarkId::new("check", n), |b| {
            b.iter(|| black_box(full_check(&dir, &text)))
        });
        let formats: [(&str, Renderer); 4] = [
            ("report-markdown", report::to_markdown),
            ("report-json", report::to_json),
            ("report-csv", report::to_csv),
            ("report-html", report::to_html),
        ];
        for (name, render) in formats {
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| black_box(full_report(&dir, &text, render)))
            });
        }
        // Into memory-backed storage where there is some: the bench measures
        // the site's own work, not the disk's (BENCHMARKS.md has both).
        let out = site_output(n);
        group.bench_function(BenchmarkId::new("site", n), |b| {
            b.iter(|| black_box(full_site(&dir, &text, &out)))
        });
        let _ = std::fs::remove_dir_all(&out);
        group.finish();
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
