"""Analysis throughput against NeuroKit2 (benchmark-only dependency).

    pip install neurokit2 && python -m bench.bench_neurokit

Same RR series for both: NeuroKit2's ``signal_fixpeaks(method="Kubios")``
(the same artifact method) plus ``hrv_time`` (RMSSD and friends) against this
project's batch analysis (artifact correction, 1 Hz rate, rolling RMSSD, the
flooding detector). NeuroKit2 computes one RMSSD for the whole series; ours
computes a rolling one every second, so ours does strictly more work.
"""

from __future__ import annotations

import time
import warnings

import numpy as np

from flooding_monitor.analysis import analyze
from flooding_monitor.settings import DetectorSettings
from flooding_monitor.synthetic import Artifacts, Profile, recording

from .naive import naive_analyze


def best_of(n, fn):
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(hours: float = 2.0) -> dict[str, float]:
    import neurokit2 as nk

    profile = Profile(((0, 72), (1800, 75), (1860, 115), (2400, 110), (2600, 78), (hours * 3600, 74)))
    samples = recording(profile, 4, Artifacts(ectopic_s=list(np.arange(30, hours * 3600, 45.0)),
                                              missed_s=list(np.arange(50, hours * 3600, 300.0))))
    rr_ms = np.array([rr / 1000 for s in samples for rr in s.rr_us])
    peaks = np.concatenate([[0], np.cumsum(np.round(rr_ms).astype(int))])  # 1000 Hz sample indices
    settings = DetectorSettings()
    ours = best_of(3, lambda: analyze(samples, settings))

    def neurokit() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, fixed = nk.signal_fixpeaks(peaks, sampling_rate=1000, method="Kubios")
            nk.hrv_time(fixed, sampling_rate=1000)

    theirs = best_of(3, neurokit)
    hour = [s for s in samples if s.t_s <= 3600]
    naive = best_of(1, lambda: naive_analyze(hour)) * (samples[-1].t_s / 3600)
    beats = len(rr_ms)
    print(f"{beats} beats ({hours:g} h): ours {ours * 1000:.0f} ms ({beats / ours:,.0f} beats/s), "
          f"NeuroKit2 fixpeaks+hrv_time {theirs * 1000:.0f} ms ({beats / theirs:,.0f} beats/s), "
          f"naive loop ~{naive * 1000:.0f} ms")
    print(f"ours vs NeuroKit2: {theirs / ours:.1f}x faster; vs naive loop: {naive / ours:.1f}x faster")
    return {"beats": beats, "ours_s": ours, "neurokit_s": theirs, "naive_s": naive}


if __name__ == "__main__":
    main()
