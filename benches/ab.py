"""Times two builds of `commitments` against each other, alternating run by
run, so that a noisy machine's drift falls on both alike. For each case it
prints the wall time, the CPU time (user + system) and the peak resident
memory of each build: the median and the minimum of the runs.

usage: python3 benches/ab.py OLD_BINARY NEW_BINARY LEDGER [RUNS] [CASE,...]
(make LEDGER with `cargo run --release --example synth -- --commitments
10000 --seed 1 -o /tmp/synth-10000`; CASE is one of the names below,
all of them by default)
"""
import shutil
import statistics
import sys
import tempfile

from whole_process import run

old, new, ledger = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 8
chosen = sys.argv[5].split(",") if len(sys.argv) > 5 else None
site = tempfile.mkdtemp() + "/site"
as_of = ["--as-of", "2025-06-30"]
cases = {
    "check": ["check", ledger] + as_of,
    "check-j1": ["check", ledger, "--jobs", "1"] + as_of,
    "check-q": ["check", ledger, "-q"] + as_of,
    "report-md": ["report", ledger] + as_of,
    "report-html": ["report", ledger, "--format", "html"] + as_of,
    "site": ["site", "--ledger", ledger, "-o", site] + as_of,
}



for name, args in cases.items():
    if chosen and name not in chosen:
        continue
    taken = {old: [], new: []}
    for _ in range(runs):
        for binary in (old, new):
            shutil.rmtree(site, ignore_errors=True)
            taken[binary].append(run([binary] + args))
    for label, binary in (("old", old), ("new", new)):
        columns = []
        for index, unit in ((0, "s"), (1, "s"), (2, "MB")):
            values = [t[index] for t in taken[binary]]
            columns.append(f"{statistics.median(values):8.2f} (min {min(values):.2f}) {unit}")
        print(f"{name:12s} {label}  wall {columns[0]}  cpu {columns[1]}  rss {columns[2]}")
