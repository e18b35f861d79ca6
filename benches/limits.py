"""Issue 25's goals as whole processes, side by side: Python's `tomllib`,
`commitments check` on two cores and on one, and the bare parse
(`examples/bare_parse`: one `toml::from_str::<toml::Table>`), run in turn,
round after round, so that a noisy machine's drift falls on all alike.
Prints each one's minimum wall time, CPU time (user + system) and peak
RSS, and the ratios the goals name (BENCHMARKS.md).

usage: python3 benches/limits.py COMMITMENTS BARE_PARSE LEDGER [ROUNDS]
(build both with `cargo build --release --example bare_parse`; make LEDGER
with `cargo run --release --example synth -- --commitments 100000 --seed 1
-o /tmp/synth-100000`, and give its commitments.toml)
"""
import os
import sys

from whole_process import run

binary, bare, ledger = sys.argv[1:4]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
as_of = ["--as-of", "2025-06-30"]
cases = {
    "tomllib": [sys.executable, "-c", "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))", ledger],
    "check": [binary, "check", ledger] + as_of,
    "bare parse": [bare, ledger],
    "check --jobs 1": [binary, "check", ledger, "--jobs", "1"] + as_of,
}



taken = {name: [] for name in cases}
for _ in range(rounds):
    for name, command in cases.items():
        taken[name].append(run(command))
best = {name: [min(t[i] for t in runs) for i in range(3)] for name, runs in taken.items()}
size = os.path.getsize(ledger) / 1e6
for name, (wall, cpu, rss) in best.items():
    walls = ", ".join(f"{t[0]:.2f}" for t in taken[name])
    print(f"{name:15s} wall {wall:6.2f} s  cpu {cpu:6.2f} s  rss {rss:7.1f} MB   (walls: {walls})")
print(f"file: {size:.1f} MB, {rounds} rounds, minima")
print(f"tomllib / check wall:              {best['tomllib'][0] / best['check'][0]:5.1f}x  (goal >= 10)")
print(f"check --jobs 1 CPU / bare CPU:     {best['check --jobs 1'][1] / best['bare parse'][1]:5.2f}   (goal <= 0.6)")
print(f"check wall / bare wall:            {best['check'][0] / best['bare parse'][0]:5.2f}   (goal <= 0.5)")
print(f"check peak RSS / file:             {best['check'][2] / size:5.2f}   (goal <= 3)")
