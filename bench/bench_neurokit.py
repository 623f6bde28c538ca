"""Analysis throughput against NeuroKit2 (benchmark-only dependency).

    pip install neurokit2 && python -m bench.bench_neurokit

Same RR series for both: NeuroKit2's ``signal_fixpeaks(method="Kubios")``
(the same artifact method), both single pass (``iterative=False``, like for
like: ours is one pass) and NeuroKit2's default (iterative until it
converges), plus ``hrv_time`` (RMSSD and friends) against this
project's batch analysis (artifact correction, 1 Hz rate, rolling RMSSD, the
flooding detector). NeuroKit2 computes one RMSSD for the whole series; ours
computes a rolling one every second, so ours does strictly more work. Both
start from arrays in memory: NeuroKit2 from its peak indices, ours from the
columns a recording file is read into (building either is not timed).
"""

from __future__ import annotations

import statistics
import time
import warnings

import numpy as np

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.heart.sample_columns import SampleColumns
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.synthetic import Artifacts, Profile, recording



def alternating_medians(n: int, runs: dict) -> dict[str, float]:
    """Median seconds of each function, run in turn n times (a noisy machine hits them all alike)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(n):
        for name, fn in runs.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    return {name: statistics.median(values) for name, values in times.items()}


def main(hours: float = 2.0, n: int = 7) -> dict[str, float]:
    import neurokit2 as nk

    profile = Profile(((0, 72), (1800, 75), (1860, 115), (2400, 110), (2600, 78), (hours * 3600, 74)))
    samples = recording(profile, 4, Artifacts(ectopic_s=list(np.arange(30, hours * 3600, 45.0)),
                                              missed_s=list(np.arange(50, hours * 3600, 300.0))))
    columns = SampleColumns.from_samples(samples)  # the shape a file is read into; NeuroKit2 gets its peaks array
    rr_ms = np.array([rr / 1000 for s in samples for rr in s.rr_us])
    peaks = np.concatenate([[0], np.cumsum(np.round(rr_ms).astype(int))])  # 1000 Hz sample indices
    settings = DetectorSettings()

    def neurokit(iterative: bool):
        def run() -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                _, fixed = nk.signal_fixpeaks(peaks, sampling_rate=1000, method="Kubios", iterative=iterative)
                nk.hrv_time(fixed, sampling_rate=1000)
        return run

    med = alternating_medians(n, {"ours": lambda: analyze(columns, settings),
                                  "single": neurokit(False), "default": neurokit(True)})
    ours, single, theirs = med["ours"], med["single"], med["default"]
    beats = len(rr_ms)
    print(f"{beats} beats ({hours:g} h), medians of {n} alternating runs: ours {ours * 1000:.0f} ms; NeuroKit2 "
          f"Kubios single pass {single * 1000:.0f} ms ({single / ours:.1f}x ours); NeuroKit2 default (iterative) "
          f"{theirs * 1000:.0f} ms ({theirs / ours:.1f}x ours)")
    return {"beats": beats, "ours_s": ours, "neurokit_single_s": single, "neurokit_s": theirs, "runs": n}


if __name__ == "__main__":
    main()
