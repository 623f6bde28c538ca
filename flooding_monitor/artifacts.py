"""Beat-artifact detection and correction, after Lipponen & Tarvainen (2019).

The published method classifies each RR interval from its successive
difference (dRR) and its deviation from a local median (mRR), both normalised
by a robust threshold (5.2 x quartile deviation over 91 beats, so the rules
scale with the heart's own variability: an irregular heart is not an
artifact). The local median is *centred* (5 beats each side), as published:
a trailing median lags a clean change of rate and flagged 4-21 beats per
transition. A live monitor cannot wait 45 beats for a centred dispersion
window, so the 91-beat thresholds are trailing; a beat is decided once the
five beats after it have arrived (3 s at 100 bpm, 5 s at 60). The live and
the batch paths call the same functions on the same integers, so they agree
exactly.

RR values are integer microseconds; corrected values stay integers.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

ALPHA = 5.2  # threshold multiplier (Lipponen & Tarvainen 2019)
C1 = 0.13  # ectopic decision boundary slope
C2 = 0.17  # ectopic decision boundary offset
THRESHOLD_WINDOW = 91  # beats for the quartile-deviation thresholds
RECENT_WINDOW = 21  # beats: the recent dispersion, so the thresholds follow a change of rhythm quickly
MEDIAN_WINDOW = 11  # beats for the local median
MEDIAN_HALF = MEDIAN_WINDOW // 2  # beats each side of the centred local median
DRR_LOOKAHEAD = 2  # the decision rules read the two dRR after beat i
LOOKAHEAD = max(DRR_LOOKAHEAD, MEDIAN_HALF)  # beats after beat i needed to classify it
#: Floor for the thresholds: a very regular rhythm has a quartile deviation
#: near zero, which would make every few-ms change look like an artifact.
MIN_THRESHOLD_US = 30_000.0
#: ... and at least this many times the median |value|: a breathing heart whose
#: swings are all alike (4 beats a breath at 60 bpm) has a quartile deviation
#: near zero, and Lipponen & Tarvainen's rule alone flags its every swing. For
#: normally spread swings 5.2 x QD (2.2 sigma) is larger than 2 x median (1.3 sigma).
MEDIAN_FLOOR = 2.0
#: Past beats the live path keeps so that every window it reads is complete.
HISTORY = THRESHOLD_WINDOW + MEDIAN_WINDOW - 1
#: Windows at once above which a C order-statistic filter beats sorting a small matrix (the live
#: path classifies a few beats at a time; a call into scipy costs more than sorting them).
FILTER_FROM = 256

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
ARTIFACT_NAMES = ("ectopic", "missed", "extra", "long_short")


class ArtifactKind(enum.IntEnum):
    NORMAL = 0
    ECTOPIC = 1
    MISSED = 2  # a beat the strap did not detect: one RR spans two beats
    EXTRA = 3  # a spurious detection: two RRs make one beat
    LONG_SHORT = 4


def _median_ranks(length: int) -> tuple[int, int]:
    mid = length // 2
    return (mid, mid) if length % 2 else (mid - 1, mid)


def trailing_threshold(values: IntArray, positions: IntArray, ahead: int = 0) -> FloatArray:
    """ALPHA x quartile deviation of |values|, floored: the larger of the 91-beat trailing window's
    and of the recent ``RECENT_WINDOW`` beats up to ``ahead`` beats after each position.

    The recent window follows a change to a more variable rhythm (a slower heart breathing
    deeply) within a few beats, where the 91-beat window would still remember the calm one
    and flag the new rhythm's normal swings for a minute. Quartiles interpolate linearly
    between neighbouring sorted values (NumPy's default rule).
    """
    a = np.abs(values)
    long = _threshold(a, positions, THRESHOLD_WINDOW)
    recent = _threshold(a, positions + ahead, RECENT_WINDOW)
    return np.maximum(np.maximum(long, recent), MIN_THRESHOLD_US)


def _threshold(a: IntArray, positions: IntArray, width: int) -> FloatArray:
    """Windows near the start are shorter (all beats so far), as a live monitor sees them."""
    out = np.empty(positions.size, dtype=np.float64)
    lengths = np.minimum(positions + 1, width)
    for length, sel in _by_length(lengths):
        ranks, fracs = [], []
        for q in (0.25, 0.75):
            pos = q * (length - 1)
            lo = int(np.floor(pos))
            ranks += [lo, lo if pos == lo else min(lo + 1, length - 1)]  # same value, one filter fewer
            fracs.append(pos - lo)
        ranks += list(_median_ranks(length))
        v = [x.astype(np.float64) for x in _ranked(a, positions[sel], length, tuple(ranks))]
        q25 = v[0] + (v[1] - v[0]) * fracs[0]
        q75 = v[2] + (v[3] - v[2]) * fracs[1]
        median = (v[4] + v[5]) / 2.0
        out[sel] = np.maximum(ALPHA * (q75 - q25) / 2.0, MEDIAN_FLOOR * median)
    return out


def _by_length(lengths: IntArray):
    """Groups of equally long windows: the full ones together (nearly all), then each of the few
    shorter ones near the start (looked at one length at a time, never by masking every window)."""
    if lengths.size == 0:
        return
    full = int(lengths.max())
    short = np.flatnonzero(lengths < full)
    if short.size == 0:
        yield full, slice(None)
        return
    yield full, lengths == full
    for length in np.unique(lengths[short]).tolist():
        yield length, short[lengths[short] == length]


def _ranked(values: IntArray, positions: IntArray, length: int, ranks: tuple[int, ...]) -> list[IntArray]:
    """Sorted ``ranks`` of the ``length``-beat windows ending at ``positions`` (all equally long)."""
    if positions.size > FILTER_FROM and length in (THRESHOLD_WINDOW, RECENT_WINDOW, MEDIAN_WINDOW):
        return _full_ranks(values, positions, length, ranks)
    rows = np.sort(values[positions[:, None] - (length - 1) + np.arange(length)[None, :]], axis=1)
    return [rows[:, r] for r in ranks]


def _full_ranks(values: IntArray, positions: IntArray, width: int, ranks: tuple[int, ...]) -> list[IntArray]:
    """Order statistics by ``scipy.ndimage.rank_filter`` (in C, over just the span needed): memory stays
    proportional to the beats, where sorting a (beats x window) matrix took 1.4 kB per beat."""
    from scipy import ndimage  # imported on first batch use: it costs the app's start-up ~0.1 s

    lo = int(positions.min()) - (width - 1)
    span = values[lo: int(positions.max()) + 1]
    half = (width - 1) // 2
    at = positions - lo - half  # a centred window at c covers c-half..c+half; the one ending at p is centred at p-half
    done = {r: ndimage.rank_filter(span, rank=r, size=width, mode="nearest")[at] for r in set(ranks)}
    return [done[r] for r in ranks]


def trailing_median(values: IntArray, positions: IntArray) -> IntArray:
    """Integer median of the trailing window (floor of the middle pair's mean)."""
    out = np.empty(positions.size, dtype=np.int64)
    lengths = np.minimum(positions + 1, MEDIAN_WINDOW)
    for length, sel in _by_length(lengths):
        low, high = _ranked(values, positions[sel], length, _median_ranks(length))
        out[sel] = low if length % 2 else (low + high) // 2
    return out


def centred_median(values: IntArray, positions: IntArray) -> IntArray:
    """Integer median of the beats from p - 5 to p + 5 (from the first beat, near the start).

    The window centred on p is the trailing window that ends five beats later.
    """
    return trailing_median(values, positions + MEDIAN_HALF)


def classify(rr_us: IntArray, beats: IntArray) -> npt.NDArray[np.int8]:
    """Classify the consecutive beats ``beats`` (a contiguous index range) of ``rr_us``.

    Each index i needs ``rr_us[i + LOOKAHEAD]`` and, for exact agreement
    between callers, ``rr_us`` must reach back to max(0, i - HISTORY).
    """
    rr = np.asarray(rr_us, dtype=np.int64)
    idx = np.asarray(beats, dtype=np.int64)
    if idx.size == 0:
        return np.zeros(0, dtype=np.int8)
    first, last = int(idx[0]), int(idx[-1])
    drr = np.zeros(rr.size, dtype=np.int64)
    drr[1:] = np.diff(rr)
    # Normalised dRR from beat first-1 to last+2 (neighbours of every beat).
    lo = max(first - 1, 0)
    d_pos = np.arange(lo, last + DRR_LOOKAHEAD + 1)
    drrs = drr[d_pos] / trailing_threshold(drr, d_pos, LOOKAHEAD - DRR_LOOKAHEAD)
    d = drrs[idx - lo]
    prev = drrs[np.maximum(idx - 1, 0) - lo]
    nxt1 = drrs[idx + 1 - lo]
    nxt2 = drrs[idx + 2 - lo]
    # mRR: deviation from the centred local median; its threshold spans 91 past beats.
    m_pos = np.arange(max(first - THRESHOLD_WINDOW + 1, 0), last + 1)
    med = centred_median(rr, m_pos)
    mrr = rr[m_pos] - med
    mrr = np.where(mrr < 0, mrr * 2, mrr)
    mrr_full = np.zeros(last + 1, dtype=np.int64)
    mrr_full[m_pos] = mrr
    th2 = trailing_threshold(mrr_full, idx)
    local = med[idx - m_pos[0]].astype(np.float64)
    mrrs = mrr[idx - m_pos[0]] / th2

    s12 = np.where(d > 0, np.maximum(prev, nxt1), np.where(d < 0, np.minimum(prev, nxt1), 0.0))
    s22 = np.where(d >= 0, np.minimum(nxt1, nxt2), np.maximum(nxt1, nxt2))
    candidate = np.abs(d) > 1.0
    ectopic = candidate & (((d > 1) & (s12 < -C1 * d - C2)) | ((d < -1) & (s12 > -C1 * d + C2)))
    long_beat = (d > 1) & (s22 < -1)
    short_beat = (d < -1) & (s22 > 1)
    flagged = candidate & ~ectopic & (long_beat | short_beat | (np.abs(mrrs) > 3))
    value = rr[idx].astype(np.float64)
    missed = flagged & long_beat & (np.abs(value / 2 - local) < th2)
    extra = flagged & short_beat & (np.abs(value + rr[idx + 1] - local) < th2)
    kinds = np.zeros(idx.size, dtype=np.int8)
    kinds[ectopic] = ArtifactKind.ECTOPIC
    kinds[flagged] = ArtifactKind.LONG_SHORT
    kinds[missed] = ArtifactKind.MISSED
    kinds[extra] = ArtifactKind.EXTRA
    return kinds


def replacement(kind: int, rr: IntArray, i: int, local_median: int | None = None) -> list[int]:
    """Corrected NN values for artifact beat i: split, merge or local median (pass it when known)."""
    value = int(rr[i])
    if kind == ArtifactKind.MISSED:
        half = value // 2
        return [half, value - half]
    if kind == ArtifactKind.EXTRA:
        return [value + int(rr[i + 1])]
    return [int(centred_median(rr, np.array([i]))[0]) if local_median is None else local_median]


def empty_counts() -> dict[str, int]:
    return {name: 0 for name in ARTIFACT_NAMES}


@dataclass(frozen=True, slots=True)
class CleanBeats:
    """Corrected normal-to-normal intervals and the time each became final."""

    nn_us: IntArray
    final_t: FloatArray
    corrected: npt.NDArray[np.bool_]
    counts: dict[str, int]


#: Beats classified at once by :func:`classify_all`: its temporaries (some twenty arrays of a
#: block's length) stay a few megabytes whatever the recording's length.
CLASSIFY_BLOCK = 1 << 16


def classify_all(rr: IntArray, n: int) -> npt.NDArray[np.int8]:
    """The kinds of beats 0 .. n-1, a block at a time; each block reads the HISTORY beats before it,
    so the answer is the one a single call over everything gives."""
    kinds = np.empty(n, dtype=np.int8)
    for first in range(0, n, CLASSIFY_BLOCK):
        last = min(first + CLASSIFY_BLOCK, n)
        lo = max(0, first - HISTORY)
        kinds[first:last] = classify(rr[lo: last + LOOKAHEAD], np.arange(first - lo, last - lo))
    return kinds


def correct(rr_us: IntArray, recv_t: FloatArray) -> CleanBeats:
    """Batch: classify and correct a whole series of accepted beats.

    Beat i becomes final when beat i + LOOKAHEAD is received, so the last
    LOOKAHEAD beats of a recording are never final, exactly as live.
    Normal beats are copied in bulk; only the (rare) artifacts cost a loop.
    """
    rr = np.asarray(rr_us, dtype=np.int64)
    recv = np.asarray(recv_t, dtype=np.float64)
    counts = empty_counts()
    n = max(0, rr.size - LOOKAHEAD)
    kinds = classify_all(rr, n)
    final = recv[LOOKAHEAD : LOOKAHEAD + n]
    flagged = np.flatnonzero(kinds)
    medians = dict(zip(flagged.tolist(), centred_median(rr, flagged).tolist())) if flagged.size else {}
    nn_parts: list[IntArray] = []
    t_parts: list[FloatArray] = []
    c_parts: list[npt.NDArray[np.bool_]] = []
    start = 0
    skip_next = False  # the beat after an EXTRA was merged into it
    for i in flagged.tolist() + [n]:
        seg_start = start + 1 if skip_next and start < i else start
        if skip_next and start < i:
            skip_next = False
        nn_parts.append(rr[seg_start:i])
        t_parts.append(final[seg_start:i])
        c_parts.append(np.zeros(max(0, i - seg_start), dtype=bool))
        if i == n:
            break
        if skip_next:  # start == i: this artifact beat is the merged one
            skip_next = False
        else:
            kind = int(kinds[i])
            counts[ARTIFACT_NAMES[kind - 1]] += 1
            values = replacement(kind, rr, i, medians[i])
            nn_parts.append(np.asarray(values, dtype=np.int64))
            t_parts.append(np.full(len(values), final[i]))
            c_parts.append(np.arange(len(values)) == 0)  # one artifact, one mark
            skip_next = kind == ArtifactKind.EXTRA
        start = i + 1
    return CleanBeats(np.concatenate(nn_parts), np.concatenate(t_parts),
                      np.concatenate(c_parts), counts)


@dataclass(frozen=True, slots=True)
class FinalBeat:
    nn_us: int
    final_t: float
    corrected: bool
