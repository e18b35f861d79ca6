//! The `commitments` binary. The command line is in `src/cli/`; everything
//! it runs is in the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
