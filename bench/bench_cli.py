"""``flooding-monitor analyze`` against a NumPy floor, from one hour to seven days of beats.

    python -m bench.bench_cli [--runs 5] [--sizes 1h,24h,7d]

Both are whole processes on the same RR text file (one interval in ms per
line, as Polar Sensor Logger and Elite HRV write them), run in turn:

* floor: ``python -c`` that reads the file with ``str.split`` + ``np.array``
  and computes the 30-second mean rate at every second (cumulative sums
  and ``searchsorted``): the least a tool can do to answer "how fast was
  the heart, second by second".
* ours: ``flooding-monitor analyze FILE --json``: streamed reading, artifact
  correction, rate, RMSSD, quality, the detector and its JSON.

Prints the median wall time and peak resident memory of each (n runs,
alternating) and the ratio; the issue's target is ours within 3x the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

FLOOR = """
import sys, numpy as np
with open(sys.argv[1]) as fh:
    words = fh.read().split()
rr = np.array(words[1:], dtype=np.float64)  # words[0] is the header
t = np.cumsum(rr) / 1000.0
c = np.concatenate([[0.0], np.cumsum(rr)])
T = np.arange(np.ceil(t[0]), np.floor(t[-1]) + 1)
hi = np.searchsorted(t, T, side="right")
lo = np.searchsorted(t, T - 30.0, side="right")
n = hi - lo
with np.errstate(divide="ignore", invalid="ignore"):
    rate = np.where(n > 0, 60000.0 * n / (c[hi] - c[lo]), np.nan)
print(T.size, float(np.nanmedian(rate)))
"""

SIZES = {"1h": 3600, "24h": 86400, "7d": 7 * 86400}


def rr_file(folder: Path, seconds: int, seed: int = 5) -> Path:
    """An RR file: a resting rhythm with breathing swings, slow drift, two arguments a day and 1 % artifacts."""
    rng = np.random.default_rng(seed)
    n = int(seconds / 0.8)
    k = np.arange(n)
    base = 800 + 60 * np.sin(k / 9000) + 25 * np.sin(2 * np.pi * k / 4.3) + rng.normal(0, 15, n)
    argument = (k % 54000 > 3000) & (k % 54000 < 3600)
    base[argument] = 540 + rng.normal(0, 10, argument.sum())
    odd = rng.random(n) < 0.01
    base[odd] *= rng.choice([0.6, 2.0], odd.sum())
    path = folder / f"rr-{seconds}.txt"
    path.write_text("RR\n" + "\n".join(str(int(v)) for v in np.clip(base, 300, 1999)) + "\n")
    return path


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-400:]}")
    return wall, usage.ru_maxrss / 1024


def main(runs: int = 5, sizes: tuple[str, ...] = ("1h", "24h", "7d")) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sizes:
            path = rr_file(Path(tmp), SIZES[name])
            beats = sum(1 for _ in path.open()) - 1
            cmds = {"floor": [sys.executable, "-c", FLOOR, str(path)],
                    "ours": [sys.executable, "-m", "ui.terminal.cli", "analyze", str(path), "--json"]}
            got: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
            for _ in range(runs):
                for key, cmd in cmds.items():
                    got[key].append(run(cmd))
            med = {k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v)) for k, v in got.items()}
            row = {"size": name, "beats": beats, "runs": runs, "floor_s": med["floor"][0], "ours_s": med["ours"][0],
                   "floor_mb": med["floor"][1], "ours_mb": med["ours"][1]}
            rows.append(row)
            print(f"{name:>4} {beats:>9,} beats: floor {row['floor_s']:.2f} s {row['floor_mb']:.0f} MB; ours "
                  f"{row['ours_s']:.2f} s {row['ours_mb']:.0f} MB; ratio {row['ours_s'] / row['floor_s']:.2f}x time, "
                  f"{row['ours_mb'] / row['floor_mb']:.2f}x memory (medians of {runs} alternating runs)", flush=True)
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1h,24h,7d")
    args = parser.parse_args()
    main(args.runs, tuple(args.sizes.split(",")))
