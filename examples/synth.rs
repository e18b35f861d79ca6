//! Writes a generated ledger and its sources into a folder:
//! `cargo run --release --example synth -- --commitments N --seed S -o DIR`.
//! The output is the same for the same N and seed.

use std::path::PathBuf;

use clap::Parser;

#[path = "../benches/synth/mod.rs"]
mod synth;

/// Generate a realistic ledger for benchmarks and fuzzing.
#[derive(Parser)]
struct Args {
    /// How many commitments.
    #[arg(long, default_value_t = 1000)]
    commitments: usize,
    /// The random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write `commitments.toml` and `sources/` into.
    #[arg(short, long)]
    output: PathBuf,
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let generated = synth::generate(args.commitments, args.seed);
    match synth::write(&args.output, &generated) {
        Ok(()) => {
            eprintln!(
                "wrote {} ({} bytes, {} source files); check it with --as-of {}",
                args.output.join("commitments.toml").display(),
                generated.ledger.len(),
                generated.sources.len(),
                synth::AS_OF
            );
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", args.output.display());
            std::process::ExitCode::from(2)
        }
    }
}
