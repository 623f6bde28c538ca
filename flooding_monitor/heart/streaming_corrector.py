"""The live beat corrector: the batch rules of :mod:`artifacts`, at a constant cost per beat.

The batch path classifies a whole recording with window order statistics
computed in C. Live, one beat arrives at a time; re-running that vectorised
classifier for one beat cost a 96-beat array, a dozen small NumPy calls and
three sorts, some 400 us a beat. Here each window keeps its values sorted as
beats come and go (one insertion and one deletion in a list of at most 91),
and every threshold, median and rule is the same float expression the batch
path evaluates, in the same order, so both give the same beats bit for bit
(tests/test_artifacts.py feeds both and compares).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import deque
from functools import lru_cache

from flooding_monitor.heart.artifacts import (
    ALPHA,
    ARTIFACT_NAMES,
    C1,
    C2,
    DRR_LOOKAHEAD,
    LOOKAHEAD,
    MEDIAN_FLOOR,
    MEDIAN_HALF,
    MEDIAN_WINDOW,
    MIN_THRESHOLD_US,
    RECENT_WINDOW,
    THRESHOLD_WINDOW,
    ArtifactKind,
    FinalBeat,
    IRREGULAR_MIN,
    IRREGULAR_WINDOW,
    empty_counts,
    missed_parts,
    split,
)

assert LOOKAHEAD == MEDIAN_HALF, "beat i is decided when its centred median is known"


@lru_cache(maxsize=None)
def _quartile_plan(length: int) -> tuple[int, int, float, int, int, float, int, int]:
    """Ranks and fractions of the 25th and 75th percentiles (NumPy's linear rule) and the median."""
    plan: list = []
    for q in (0.25, 0.75):
        pos = q * (length - 1)
        lo = int(pos // 1)
        plan += [lo, lo if pos == lo else min(lo + 1, length - 1), pos - lo]
    mid = length // 2
    plan += [mid, mid] if length % 2 else [mid - 1, mid]
    return tuple(plan)  # type: ignore[return-value]


class SortedWindow:
    """The last ``width`` values, also kept in sorted order."""

    __slots__ = ("width", "values", "ordered")

    def __init__(self, width: int) -> None:
        self.width = width
        self.values: deque[int] = deque()
        self.ordered: list[int] = []

    def push(self, value: int) -> None:
        if len(self.values) == self.width:
            old = self.values.popleft()
            del self.ordered[bisect_left(self.ordered, old)]
        self.values.append(value)
        insort(self.ordered, value)

    def threshold(self) -> float:
        """ALPHA x quartile deviation, or MEDIAN_FLOOR x median if larger (artifacts._threshold)."""
        v = self.ordered
        lo25, hi25, f25, lo75, hi75, f75, m1, m2 = _quartile_plan(len(v))
        a, b = float(v[lo25]), float(v[hi25])
        c, d = float(v[lo75]), float(v[hi75])
        q25 = a + (b - a) * f25
        q75 = c + (d - c) * f75
        median = (float(v[m1]) + float(v[m2])) / 2.0
        return max(ALPHA * (q75 - q25) / 2.0, MEDIAN_FLOOR * median)

    def median(self) -> int:
        """Integer median: the middle value, or the floor of the middle pair's mean."""
        v = self.ordered
        n = len(v)
        return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) // 2


class StreamingCorrector:
    """Live counterpart of :func:`~flooding_monitor.heart.artifacts.correct`: push accepted beats, get final ones.

    Beat i is decided when beat i + LOOKAHEAD arrives. Memory is a few windows of at most 91
    values; work per beat is a handful of list insertions and float expressions.
    """

    def __init__(self) -> None:
        self.counts = empty_counts()
        self._rr: deque[int] = deque(maxlen=LOOKAHEAD + 1)  # rr[i] .. rr[j]
        self._n = 0  # beats pushed
        self._drr_long = SortedWindow(THRESHOLD_WINDOW)
        self._drr_recent = SortedWindow(RECENT_WINDOW)
        self._drr: deque[int] = deque(maxlen=DRR_LOOKAHEAD + 2)  # raw dRR waiting for their threshold
        self._drr_long_thr: deque[float] = deque(maxlen=DRR_LOOKAHEAD + 2)
        self._drrs: deque[float] = deque(maxlen=DRR_LOOKAHEAD + 2)  # normalised dRR of beats i-1 .. i+2
        self._rr_window = SortedWindow(MEDIAN_WINDOW)
        self._mrr_long = SortedWindow(THRESHOLD_WINDOW)
        self._mrr_recent = SortedWindow(RECENT_WINDOW)
        self._skip_next = False
        #: Whether each beat changed by more than 12 % (artifacts.big_changes): the beats not decided yet
        #: (i .. j), and the IRREGULAR_WINDOW before them with their running count.
        self._big_waiting: deque[bool] = deque()
        self._big_before: deque[bool] = deque()
        self._big_count = 0

    def push(self, rr_us: int, recv_t: float) -> list[FinalBeat]:
        rr_us = int(rr_us)
        j = self._n
        self._n += 1
        drr = rr_us - self._rr[-1] if self._rr else 0
        self._note_change(bool(self._rr) and abs(drr) * 25 > 3 * self._rr[-1])
        self._rr.append(rr_us)
        self._push_drr(j, drr)
        self._rr_window.push(rr_us)
        if j < MEDIAN_HALF:
            return []
        # Beat i = j - 5: its centred median is known now, and so are the dRR after it.
        local = self._rr_window.median()
        mrr = self._rr[0] - local  # rr[i]: the oldest of the six kept
        mrr = mrr * 2 if mrr < 0 else mrr
        self._mrr_long.push(abs(mrr))
        self._mrr_recent.push(abs(mrr))
        th2 = max(self._mrr_long.threshold(), self._mrr_recent.threshold(), MIN_THRESHOLD_US)
        if self._skip_next:
            self._skip_next = False
            return []
        kind = self._classify(mrr / th2, float(local), th2)
        value = self._rr[0]
        t = float(recv_t)
        irregular = self._big_count >= IRREGULAR_MIN  # among beats i-30 .. i-1
        if kind == ArtifactKind.NORMAL:
            return [FinalBeat(value, t, False, value, irregular=irregular)]
        self.counts[ARTIFACT_NAMES[kind - 1]] += 1
        if irregular or kind not in (ArtifactKind.MISSED, ArtifactKind.EXTRA):
            # a real beat: the HRV series takes the local median, the rate the real interval
            return [FinalBeat(local, t, True, value, irregular=irregular)]
        self._skip_next = kind == ArtifactKind.EXTRA
        values = split(value, missed_parts(value, local)) if kind == ArtifactKind.MISSED else [value + self._rr[1]]
        return [FinalBeat(v, t, k == 0, v, error=k == 0) for k, v in enumerate(values)]

    def _note_change(self, big: bool) -> None:
        """Beat j's flag waits with the undecided beats; the oldest of them joins the window before
        beat i = j - LOOKAHEAD, whose count is kept as beats come and go (no list per beat)."""
        self._big_waiting.append(big)
        if len(self._big_waiting) > LOOKAHEAD + 1:
            joined = self._big_waiting.popleft()
            self._big_before.append(joined)
            self._big_count += joined
            if len(self._big_before) > IRREGULAR_WINDOW:
                self._big_count -= self._big_before.popleft()

    def _push_drr(self, j: int, drr: int) -> None:
        """Beat j's dRR joins its windows; beat j-3's dRR (whose recent window ends at j) is normalised."""
        self._drr_long.push(abs(drr))
        self._drr_recent.push(abs(drr))
        self._drr.append(drr)
        self._drr_long_thr.append(self._drr_long.threshold())
        ahead = LOOKAHEAD - DRR_LOOKAHEAD
        if j >= ahead:
            p = -1 - ahead  # position j - ahead in the deques of the last four
            threshold = max(self._drr_long_thr[p], self._drr_recent.threshold(), MIN_THRESHOLD_US)
            self._drrs.append(self._drr[p] / threshold)

    def _classify(self, mrrs: float, local: float, th2: float) -> ArtifactKind:
        """Lipponen & Tarvainen's rules for beat i, as :func:`artifacts.classify` writes them."""
        drrs = self._drrs
        d, nxt1, nxt2 = drrs[-3], drrs[-2], drrs[-1]
        prev = drrs[-4] if len(drrs) == 4 else d  # beat 0 is its own predecessor
        s12 = (max(prev, nxt1) if d > 0 else min(prev, nxt1)) if d != 0 else 0.0
        s22 = min(nxt1, nxt2) if d >= 0 else max(nxt1, nxt2)
        if not abs(d) > 1.0:
            return ArtifactKind.NORMAL
        if (d > 1 and s12 < -C1 * d - C2) or (d < -1 and s12 > -C1 * d + C2):
            return ArtifactKind.ECTOPIC
        long_beat = d > 1 and s22 < -1
        short_beat = d < -1 and s22 > 1
        if not (long_beat or short_beat or abs(mrrs) > 3):
            return ArtifactKind.NORMAL
        value = float(self._rr[0])
        if long_beat and (abs(value / 2 - local) < th2 or abs(value / 3 - local) < th2):
            return ArtifactKind.MISSED
        if short_beat and abs(value + self._rr[1] - local) < th2:
            return ArtifactKind.EXTRA
        return ArtifactKind.LONG_SHORT
