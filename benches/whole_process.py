"""What one whole process costs, as benches/ab.py and benches/limits.py
measure it."""
import os
import subprocess
import sys
import time


def run(command):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one
    process; exits when it fails (a `check` with findings exits 1)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
