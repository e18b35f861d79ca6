//! The `commitments` binary. The command line is in `src/cli/`; everything
//! it runs is in the library.

mod cli;

// A model of 100,000 commitments is millions of small strings and vectors,
// built on one thread and checked on another. mimalloc keeps them in
// size classes per thread where glibc's malloc rounds each up and splits
// them across arenas: peak memory 559 → 489 MB and a third less user time
// at 100k (BENCHMARKS.md, "Toward the limits: the allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
