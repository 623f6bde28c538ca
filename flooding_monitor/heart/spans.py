"""Where a boolean series is true, as (start, stop) spans of the matching x values."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def true_spans(x: npt.ArrayLike, mask: npt.ArrayLike) -> list[tuple[float, float]]:
    """Each run of True in ``mask``: from its first x to the x where it ends.

    A run still open at the end of the series stops at the last x.
    """
    xs = np.asarray(x, dtype=np.float64)
    m = np.asarray(mask, dtype=bool)
    if m.size == 0:
        return []
    edges = np.diff(np.concatenate([[False], m, [False]]).astype(np.int8))
    starts = np.flatnonzero(edges == 1)
    stops = np.flatnonzero(edges == -1)
    return [(float(xs[a]), float(xs[min(b, xs.size - 1)])) for a, b in zip(starts.tolist(), stops.tolist())]


def merge_spans(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping or touching spans joined, sorted: two partners flooded at once make one span."""
    merged: list[tuple[float, float]] = []
    for start, stop in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    return merged
