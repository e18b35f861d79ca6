"""Times two builds of `commitments` against each other, alternating run by
run, so that a noisy machine's drift falls on both alike.

usage: python3 benches/ab.py OLD_BINARY NEW_BINARY LEDGER [RUNS]
(make LEDGER with `cargo run --release --example synth -- --commitments
10000 --seed 1 -o /tmp/synth-10000`)
"""
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

old, new, ledger = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 8
site = tempfile.mkdtemp() + "/site"
cases = {
    "check -q": ["check", ledger, "--as-of", "2025-06-30", "-q"],
    "report md": ["report", ledger, "--as-of", "2025-06-30"],
    "report html": ["report", ledger, "--as-of", "2025-06-30", "--format", "html"],
    "site": ["site", "--ledger", ledger, "--as-of", "2025-06-30", "-o", site],
}
for name, args in cases.items():
    times = {old: [], new: []}
    for _ in range(runs):
        for binary in (old, new):
            shutil.rmtree(site, ignore_errors=True)
            start = time.perf_counter()
            subprocess.run([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[binary].append(time.perf_counter() - start)
    a, b = statistics.median(times[old]), statistics.median(times[new])
    print(
        f"{name:12s} old {a * 1000:7.0f} ms  new {b * 1000:7.0f} ms  ({(b / a - 1) * 100:+.1f}%)"
        f"  min {min(times[old]) * 1000:.0f} / {min(times[new]) * 1000:.0f} ms"
    )
