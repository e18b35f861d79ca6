"""Issue 25's two goals that `limits.py` does not take: how `check`'s wall
time grows from 10k to 100k commitments (goal <= 10.5x), and `check` into a
pipe against into `/dev/null` (goal <= 1.05x). Each run goes through a
shell, the three in turn, round after round; prints minima and medians.

usage: python3 benches/growth_pipe.py COMMITMENTS LEDGER_10K LEDGER_100K [ROUNDS]
(make the ledgers with `cargo run --release --example synth -- --commitments
10000 --seed 1 -o /tmp/synth-10000`, and the same with 100000)
"""
import statistics
import subprocess
import sys
import time

binary, small, large = sys.argv[1:4]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 6
check = f"{binary} check {{}} --as-of 2025-06-30"
cases = {
    "10k": check.format(small) + " > /dev/null 2>&1",
    "100k": check.format(large) + " > /dev/null 2>&1",
    "100k pipe": check.format(large) + " 2>&1 | cat > /dev/null",
}


def run(shell):
    start = time.perf_counter()
    subprocess.run(shell, shell=True, check=False)
    return time.perf_counter() - start


taken = {name: [] for name in cases}
for _ in range(rounds):
    for name, shell in cases.items():
        taken[name].append(run(shell))
for name, times in taken.items():
    listed = ", ".join(f"{t:.2f}" for t in times)
    print(f"{name:10s} min {min(times):.3f} s  median {statistics.median(times):.3f} s  ({listed})")
low = {name: min(t) for name, t in taken.items()}
mid = {name: statistics.median(t) for name, t in taken.items()}
print(f"growth 10k -> 100k: medians {mid['100k'] / mid['10k']:.2f}x, minima {low['100k'] / low['10k']:.2f}x  (goal <= 10.5)")
print(f"pipe / /dev/null:   medians {mid['100k pipe'] / mid['100k']:.3f}, minima {low['100k pipe'] / low['100k']:.3f}  (goal <= 1.05)")
