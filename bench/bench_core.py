"""Core speed: batch analysis throughput and live per-sample cost.

    python -m bench.bench_core

Prints beats/s for the NumPy batch analysis of a 24-hour recording, the
live pipeline's cost per sample, and the ratio to a naive pure-Python loop
on the same hour of data.
"""

from __future__ import annotations

import platform
import statistics
import time

import numpy as np

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.detection.monitor import LiveMonitor
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.synthetic import Artifacts, Profile, recording

from .naive import naive_analyze


def day_profile(hours: float) -> Profile:
    """Calm days with an argument every two hours."""
    frames = [(0.0, 72.0)]
    t = 0.0
    while t < hours * 3600:
        frames += [(t + 3000, 74.0), (t + 3060, 115.0), (t + 3400, 112.0), (t + 3600, 78.0),
                   (t + 7200, 72.0)]
        t += 7200
    return Profile(tuple((a, b) for a, b in frames if a <= hours * 3600 + 1))


def median_of(n: int, fn) -> float:
    """Median seconds of n runs (the best of n flattered the figures on a noisy machine)."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> dict[str, float]:
    settings = DetectorSettings()
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()} "
          f"numpy {np.__version__}")
    t = time.perf_counter()
    day = recording(day_profile(24), 11, Artifacts(ectopic_s=list(np.arange(100, 86000, 97.0))))
    print(f"generated 24 h recording: {len(day)} samples in {time.perf_counter() - t:.1f} s")
    beats = sum(len(s.rr_us) for s in day)
    batch_s = median_of(5, lambda: analyze(day, settings))
    print(f"(medians of 5 runs) batch 24 h: {batch_s:.2f} s for {beats} beats = {beats / batch_s:,.0f} beats/s "
          f"({86400 / batch_s:,.0f}x real time)")

    hour = [s for s in day if s.t_s <= 3600]
    hour_beats = sum(len(s.rr_us) for s in hour)
    monitor_s = median_of(5, lambda: _live(hour, settings))
    print(f"live: {monitor_s / len(hour) * 1e6:.0f} us per sample "
          f"({monitor_s / hour_beats * 1e6:.0f} us per beat), {len(hour)} samples")
    half_day = [s for s in day if s.t_s <= 43200]
    per_sample_late = _live_tail_cost(half_day, settings, tail=len(hour))
    print(f"live after 12 h: {per_sample_late * 1e6:.0f} us per sample (flat if close to the above)")
    batch_hour_s = median_of(5, lambda: analyze(hour, settings))
    naive_s = median_of(1, lambda: naive_analyze(hour))
    print(f"1 h: batch {batch_hour_s * 1000:.0f} ms, naive pure-Python loop {naive_s * 1000:.0f} ms: "
          f"batch is {naive_s / batch_hour_s:.1f}x faster")
    return {"beats_24h": beats, "batch_24h_s": batch_s, "live_us_per_sample": monitor_s / len(hour) * 1e6,
            "live_us_per_sample_after_12h": per_sample_late * 1e6, "batch_1h_s": batch_hour_s, "naive_1h_s": naive_s}


def _live(samples, settings) -> None:
    m = LiveMonitor(settings)
    for s in samples:
        m.feed(s)


def _live_tail_cost(samples, settings, tail: int) -> float:
    m = LiveMonitor(settings)
    for s in samples[:-tail]:
        m.feed(s)
    start = time.perf_counter()
    for s in samples[-tail:]:
        m.feed(s)
    return (time.perf_counter() - start) / tail


if __name__ == "__main__":
    main()
