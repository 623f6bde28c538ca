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
#: Scattered windows gathered and sorted at once (a bounded temporary, whatever their number).
GATHER_CHUNK = 1 << 14

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
ARTIFACT_NAMES = ("ectopic", "missed", "extra", "long_short")


class ArtifactKind(enum.IntEnum):
    NORMAL = 0
    ECTOPIC = 1
    MISSED = 2  # a beat the strap did not detect: one RR spans two beats
    EXTRA = 3  # a spurious detection: two RRs make one beat
    LONG_SHORT = 4


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
    for sel, ranks, v in _order_statistics(a, positions, width, _quartile_ranks):
        q25 = v[0] + (v[1] - v[0]) * ranks[2]
        q75 = v[3] + (v[4] - v[3]) * ranks[5]
        median = (v[6] + v[7]) / 2.0
        out[sel] = np.maximum(ALPHA * (q75 - q25) / 2.0, MEDIAN_FLOOR * median)
    return out


def _quartile_ranks(lengths: IntArray) -> list:
    """Per window: the ranks and fraction of the 25th and of the 75th percentile (NumPy's linear
    rule; the upper rank is the lower one when the fraction is 0: same value, one filter fewer),
    then the two middle ranks. Fractions are returned in place of a rank, never used as one."""
    plan: list = []
    for q in (0.25, 0.75):
        pos = q * (lengths - 1)
        lo = np.floor(pos).astype(np.int64)
        plan += [lo, np.where(pos == lo, lo, np.minimum(lo + 1, lengths - 1)), pos - lo]
    return plan + _middle_ranks(lengths)


def _middle_ranks(lengths: IntArray) -> list:
    mid = lengths // 2
    return [np.where(lengths % 2 == 1, mid, mid - 1), mid]


def _order_statistics(values: IntArray, positions: IntArray, width: int, plan_of):
    """(selection, plan, sorted values at the plan's ranks) for the full windows, then for the few
    shorter ones near the start (one small padded sort for all of them). ``positions`` ascend, so
    the short windows come first and each group is a slice."""
    k = int(np.searchsorted(positions, width - 1))  # positions before k see fewer than ``width`` beats
    if k < positions.size:
        plan = [x[0].item() for x in plan_of(np.array([width]))]  # Python ints (ranks) and floats
        rank_slots = [j for j, x in enumerate(plan) if isinstance(x, int)]
        ranked = _ranked(values, positions[k:], width, tuple(plan[j] for j in rank_slots))
        v = dict(zip(rank_slots, (r.astype(np.float64, copy=False) for r in ranked)))
        yield slice(k, None), plan, [v.get(j) for j in range(len(plan))]
    if k > 0:
        p = positions[:k]
        n = p + 1
        cols = np.arange(int(n.max()))[None, :]
        rows = np.where(cols <= p[:, None], values[np.minimum(cols, p[:, None])], np.iinfo(np.int64).max)
        rows.sort(axis=1)
        plan = plan_of(n)
        at = np.arange(k)
        yield slice(0, k), plan, [rows[at, r].astype(np.float64) if r.dtype.kind == "i" else None for r in plan]


def _ranked(values: IntArray, positions: IntArray, length: int, ranks: tuple[int, ...]) -> list[IntArray]:
    """Sorted ``ranks`` of the ``length``-beat windows ending at ``positions`` (all equally long).

    Consecutive windows (a block of :func:`classify_all`) are sorted as the 32-bit rows of a
    sliding view: every rank at once, twice as fast as one scipy rank filter per rank (numpy's
    vectorised sort), and the sort's copy is a block's worth. Scattered windows (the beats to
    correct) are gathered and sorted a bounded chunk at a time.
    """
    if positions.size > 1 and positions[-1] - positions[0] + 1 == positions.size:
        span = values[int(positions[0]) - (length - 1): int(positions[-1]) + 1]
        if int(np.abs(span).max()) < 2**31:  # intervals in microseconds always are
            span = span.astype(np.int32)
        rows = np.sort(np.lib.stride_tricks.sliding_window_view(span, length), axis=1)
        return [rows[:, r] for r in ranks]
    parts = []
    for lo in range(0, positions.size, GATHER_CHUNK):
        at = positions[lo: lo + GATHER_CHUNK]
        rows = np.sort(values[at[:, None] - (length - 1) + np.arange(length)[None, :]], axis=1)
        parts.append([rows[:, r] for r in ranks])
    return [np.concatenate([p[k] for p in parts]) for k in range(len(ranks))] if parts else \
        [np.zeros(0, dtype=values.dtype) for _ in ranks]


def trailing_median(values: IntArray, positions: IntArray) -> IntArray:
    """Integer median of the trailing window (floor of the middle pair's mean)."""
    out = np.empty(positions.size, dtype=np.int64)
    for sel, _, (low, high) in _order_statistics(values, positions, MEDIAN_WINDOW, _middle_ranks):
        out[sel] = (low.astype(np.int64) + high.astype(np.int64)) // 2
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
    missed = flagged & long_beat & ((np.abs(value / 2 - local) < th2) | (np.abs(value / 3 - local) < th2))
    extra = flagged & short_beat & (np.abs(value + rr[idx + 1] - local) < th2)
    kinds = np.zeros(idx.size, dtype=np.int8)
    kinds[ectopic] = ArtifactKind.ECTOPIC
    kinds[flagged] = ArtifactKind.LONG_SHORT
    kinds[missed] = ArtifactKind.MISSED
    kinds[extra] = ArtifactKind.EXTRA
    return kinds


def missed_parts(value: int, local_median: float) -> int:
    """How many beats an interval that spans missed beats holds: two, or three when a third of it is
    nearer the local beat (two consecutive missed beats)."""
    return 3 if abs(value / 3 - local_median) < abs(value / 2 - local_median) else 2


def split(value: int, parts: int) -> list[int]:
    """``value`` in ``parts`` integer beats that add up to it exactly."""
    base = value // parts
    return [base] * (parts - 1) + [value - base * (parts - 1)]


def replacement(kind: int, rr: IntArray, i: int, local_median: int | None = None) -> list[int]:
    """Corrected NN values for artifact beat i: split, merge or local median (pass it when known)."""
    value = int(rr[i])
    local = int(centred_median(rr, np.array([i]))[0]) if local_median is None else local_median
    if kind == ArtifactKind.MISSED:
        return split(value, missed_parts(value, local))
    if kind == ArtifactKind.EXTRA:
        return [value + int(rr[i + 1])]
    return [local]


#: What the strap got wrong (a beat it did not detect, one it made up): fixed for the rate too, and
#: what the signal-quality gate counts. Ectopic and long-short beats are real beats: the rate keeps
#: their real intervals (a premature beat's short interval is paid back by the pause after it, and an
#: irregular heart's mean is the mean of its real intervals); only the HRV series replaces them.
DETECTION_ERRORS = (ArtifactKind.MISSED, ArtifactKind.EXTRA)
#: An irregular rhythm (atrial fibrillation): in the last IRREGULAR_WINDOW beats before beat i, at
#: least IRREGULAR_MIN changed by more than 12 % from the beat before them. In sinus rhythm almost
#: none do (a missed beat makes two); in AF about half (MIT-BIH AFDB: 27-43 % at the 5th percentile).
#: There a long interval that looks like two beats is a real pause, and a short one a real beat:
#: the rate keeps them as they came.
IRREGULAR_WINDOW = 30
IRREGULAR_MIN = 9


def big_changes(rr: IntArray) -> npt.NDArray[np.bool_]:
    """Beat j's interval differs from beat j-1's by more than 12 % of it (beat 0: no)."""
    big = np.zeros(rr.size, dtype=bool)
    big[1:] = np.abs(np.diff(rr)) * 25 > 3 * rr[:-1]
    return big


def irregular_context(rr: IntArray, n: int) -> npt.NDArray[np.bool_]:
    """For beats 0 .. n-1: whether the rhythm before each is irregular (see IRREGULAR_MIN)."""
    counts = _cumsum0_int(big_changes(rr).astype(np.int64))
    i = np.arange(n)
    return counts[i] - counts[np.maximum(i - IRREGULAR_WINDOW, 0)] >= IRREGULAR_MIN


def _cumsum0_int(x: IntArray) -> IntArray:
    out = np.zeros(x.size + 1, dtype=np.int64)
    np.cumsum(x, out=out[1:])
    return out


def empty_counts() -> dict[str, int]:
    return {name: 0 for name in ARTIFACT_NAMES}


@dataclass(frozen=True, slots=True)
class CleanBeats:
    """Corrected normal-to-normal intervals and the time each became final.

    ``nn_us`` is the HRV series (every artifact replaced); ``rate_us`` the series the rate is the
    mean of (detection errors fixed, real beats as they came); ``error`` marks the fixed detection
    errors, ``corrected`` every artifact."""

    nn_us: IntArray
    final_t: FloatArray
    corrected: npt.NDArray[np.bool_]
    counts: dict[str, int]
    rate_us: IntArray
    error: npt.NDArray[np.bool_]
    irregular: npt.NDArray[np.bool_]  # the rhythm before the beat was irregular (irregular_context)


#: Beats classified at once by :func:`classify_all`: its temporaries (some twenty arrays of a
#: block's length) stay a few megabytes whatever the recording's length.
CLASSIFY_BLOCK = 1 << 14


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
    LOOKAHEAD beats of a recording are never final, exactly as live. Each beat
    gives one output beat, a missed beat two, the beat after a merged extra
    beat none; the outputs are laid out column-wise and only the (rare)
    artifacts are then written one by one.
    """
    rr = np.asarray(rr_us, dtype=np.int64)
    recv = np.asarray(recv_t, dtype=np.float64)
    n = max(0, rr.size - LOOKAHEAD)
    kinds = classify_all(rr, n)
    final = recv[LOOKAHEAD: LOOKAHEAD + n]
    irregular_before = irregular_context(rr, n)
    artifacts = _artifacts_kept(kinds, irregular_before)
    medians = centred_median(rr, np.array([i for i, _ in artifacts], dtype=np.int64)).tolist() if artifacts else []
    outputs = np.ones(n, dtype=np.int64)
    counts = empty_counts()
    for (i, kind), local in zip(artifacts, medians):
        counts[ARTIFACT_NAMES[kind - 1]] += 1
        if irregular_before[i]:
            continue  # a real beat of an irregular rhythm: one beat, as it came
        if kind == ArtifactKind.MISSED:
            outputs[i] = missed_parts(int(rr[i]), local)
        elif kind == ArtifactKind.EXTRA and i + 1 < n:
            outputs[i + 1] = 0  # merged into beat i
    nn = np.repeat(rr[:n], outputs)
    final_t = np.repeat(final, outputs)
    corrected = np.zeros(nn.size, dtype=bool)
    error = np.zeros(nn.size, dtype=bool)
    irregular = np.repeat(irregular_before, outputs)
    rate = nn.copy()
    if artifacts:
        at = np.cumsum(outputs) - outputs  # where each beat's first output goes
        where = np.array([i for i, _ in artifacts])
        for (i, kind), k, local in zip(artifacts, at[where].tolist(), medians):
            real = bool(irregular_before[i]) or kind not in DETECTION_ERRORS
            values = [local] if real else replacement(kind, rr, i, local)
            nn[k: k + len(values)] = values
            corrected[k] = True  # one artifact, one mark
            if not real:
                rate[k: k + len(values)] = values
                error[k] = True
    return CleanBeats(nn, final_t, corrected, counts, rate, error, irregular)


def _artifacts_kept(kinds: npt.NDArray[np.int8], irregular_before: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(beat, kind) of each artifact that is corrected: the beat after an extra beat is merged
    into it, so its own class (whatever it is) is not acted on (in an irregular rhythm nothing is
    merged: the short beat was real)."""
    kept: list[tuple[int, int]] = []
    merged = -1
    for i in np.flatnonzero(kinds).tolist():
        if i == merged:
            continue
        kind = int(kinds[i])
        kept.append((i, kind))
        if kind == ArtifactKind.EXTRA and not irregular_before[i]:
            merged = i + 1
    return kept


@dataclass(frozen=True, slots=True)
class FinalBeat:
    """One beat as the rate and the HRV read it (see :class:`CleanBeats` for the fields)."""

    nn_us: int
    final_t: float
    corrected: bool
    rate_us: int
    error: bool = False
    irregular: bool = False
