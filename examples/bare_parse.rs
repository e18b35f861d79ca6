//! The floor of the benchmarks as a program: one bare, single-threaded
//! `toml::from_str::<toml::Table>` of a file, timed.
//! `cargo run --release --example bare_parse -- FILE`

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare_parse FILE");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {path}: {error}");
            return std::process::ExitCode::from(2);
        }
    };
    let start = std::time::Instant::now();
    match toml::from_str::<toml::Table>(&text) {
        Ok(table) => {
            eprintln!(
                "parsed {} bytes ({} top-level keys) in {:?}",
                text.len(),
                table.len(),
                start.elapsed()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::from(1)
        }
    }
}
