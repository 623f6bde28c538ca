"""A deliberately plain pure-Python analysis: the yardstick for the NumPy batch path.

Same idea (trailing-window artifact screen, mean rate over 4 s, sustained
threshold crossing), written the way one would first write it: lists, loops
and ``statistics`` per beat and per tick.
"""

from __future__ import annotations

import statistics


def naive_analyze(samples, threshold=100.0, window_s=4.0, sustain_ticks=26):
    beats = []  # (recv_t, rr_us)
    for s in samples:
        for rr in s.rr_us:
            if 270_000 <= rr <= 2_000_000:
                beats.append((s.t_s, rr))
    clean = []
    for i, (t, rr) in enumerate(beats):
        past = [b[1] for b in beats[max(0, i - 90): i + 1]]
        diffs = [abs(past[k] - past[k - 1]) for k in range(1, len(past))] or [0]
        q = statistics.quantiles(diffs, n=4) if len(diffs) > 1 else [0, 0, 0]
        th = max(30_000, 5.2 * (q[2] - q[0]) / 2)
        med = statistics.median(past[-11:])
        clean.append((t, med if abs(rr - med) > 3 * th else rr))
    if not samples:
        return []
    t0, end = samples[0].t_s, samples[-1].t_s
    episodes, run, T = [], 0, t0 + 1
    while T <= end:
        window = [rr for t, rr in clean if T - window_s < t <= T]
        hr = 60e6 * len(window) / sum(window) if len(window) >= 2 else 0.0
        run = run + 1 if hr >= threshold else 0
        if run == sustain_ticks:
            episodes.append(T)
        T += 1
    return episodes
