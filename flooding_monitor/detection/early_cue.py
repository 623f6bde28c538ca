"""A quiet cue before the flood: the rate climbing fast, well above this partner's talking level.

The seed: the body's signals "often appear seconds or even minutes before
conscious awareness". Flooding is judged on an absolute threshold held for
half a minute; by then the rise has usually been under way for a minute or
two. The cue looks at the rise itself, per partner, from two things:

* the **talking level**: the median of the 30-s mean over the last ten
  minutes of conversation (cue and flooding excluded). It is measured while
  talking, not sitting silent, because speech alone lifts the rate a few beats
  and a cue must not answer ordinary speech;
* the **slope**: the least-squares slope of the 30-s mean over the last
  minute, in bpm per minute.

A cue starts when the rate is at least ``MARGIN_BPM`` over the talking level
*and* climbing at ``SLOPE_BPM_PER_MIN`` or more, both for ``HOLD_S``. It ends when flooding begins
(it "turned into flooding"), when the rate has settled back near the level, or
when the climb has levelled off for two minutes short of flooding, and after
``AT_MOST_S`` in any case.
A cue that ends without flooding is a **near-miss** (the seed's word): the
history counts them, the weekly trends show them. After a near-miss no new cue
comes for ``QUIET_AFTER_S``: one reminder, not a nag.

Live and batch are the same code (:class:`EarlyCue` stepped per tick), so the
cues a session recorded and the near-misses a later re-analysis counts agree.
Figures: ``python -m tests.cue_corpus``.
"""

from __future__ import annotations

import bisect
import math
from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

LEVEL_WINDOW_S = 600.0  # the talking level: the last ten minutes of conversation
LEVEL_QUANTILE = 0.5  # the median: the level talking holds, speech lifts included
LEVEL_MIN_TICKS = 60  # a minute of trusted rate before any cue
SLOPE_WINDOW_S = 60.0
SLOPE_MIN_TICKS = 40
SLOPE_BPM_PER_MIN = 6.0
MARGIN_BPM = 12.0
HOLD_S = 12.0  # both must hold this long: a laugh's brief lift is not a climb
SETTLED_MARGIN_BPM = 6.0  # a cue ends once the rate is back within this of the level ...
SETTLED_FOR_S = 20.0  # ... for this long, or once the climb has stopped:
LEVELLED_SLOPE_BPM_PER_MIN = 2.0  # under this slope ...
LEVELLED_FOR_S = 120.0  # ... for two minutes, the rise stopped short of flooding
AT_MOST_S = 240.0  # a cue is a heads-up, not a state: after four minutes without flooding it ends
QUIET_AFTER_S = 300.0


@dataclass(frozen=True, slots=True)
class CueStarted:
    t_s: float
    hr_bpm: float
    level_bpm: float
    slope_bpm_per_min: float


@dataclass(frozen=True, slots=True)
class CueEnded:
    t_s: float
    start_s: float
    became_flooding: bool


@dataclass(frozen=True, slots=True)
class Cue:
    start_s: float
    end_s: float | None  # None: still on at the end of the data
    became_flooding: bool

    @property
    def near_miss(self) -> bool:
        return self.end_s is not None and not self.became_flooding


class _RunningQuantile:
    """A quantile of the values of the last ``window_s`` seconds (a sorted copy; at most 600 values)."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._by_time: deque[tuple[float, float]] = deque()
        self._sorted: list[float] = []

    def add(self, t_s: float, value: float) -> None:
        self._by_time.append((t_s, value))
        bisect.insort(self._sorted, value)
        while self._by_time and self._by_time[0][0] <= t_s - self.window_s:
            _, old = self._by_time.popleft()
            del self._sorted[bisect.bisect_left(self._sorted, old)]

    def __len__(self) -> int:
        return len(self._sorted)

    def quantile(self, q: float) -> float:
        return self._sorted[min(len(self._sorted) - 1, int(q * len(self._sorted)))]


class _RunningSlope:
    """Least-squares slope of (t, value) over the last ``window_s`` seconds, from running sums."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._points: deque[tuple[float, float]] = deque()
        self._origin: float | None = None
        self._sums = [0.0, 0.0, 0.0, 0.0]  # Σx, Σy, Σxx, Σxy with x = t - origin

    def add(self, t_s: float, value: float) -> None:
        if self._origin is None:
            self._origin = t_s
        self._points.append((t_s, value))
        self._change(t_s, value, +1.0)
        while self._points[0][0] <= t_s - self.window_s:
            self._change(*self._points.popleft(), -1.0)

    def clear(self) -> None:
        self._points.clear()
        self._origin = None
        self._sums = [0.0, 0.0, 0.0, 0.0]

    def _change(self, t_s: float, value: float, sign: float) -> None:
        x = t_s - (self._origin or 0.0)
        s = self._sums
        s[0] += sign * x
        s[1] += sign * value
        s[2] += sign * x * x
        s[3] += sign * x * value

    def __len__(self) -> int:
        return len(self._points)

    def per_minute(self) -> float:
        n = len(self._points)
        sx, sy, sxx, sxy = self._sums
        spread = sxx - sx * sx / n
        return 0.0 if spread <= 0 else 60.0 * (sxy - sx * sy / n) / spread


class EarlyCue:
    """One partner's cue, stepped once a tick with that tick's 30-s mean and whether flooding is on."""

    def __init__(self) -> None:
        self._level = _RunningQuantile(LEVEL_WINDOW_S)
        self._slope = _RunningSlope(SLOPE_WINDOW_S)
        self._last_valid_t = -math.inf
        self.on_since: float | None = None
        self._settled_since: float | None = None
        self._levelled_since: float | None = None
        self._quiet_until = -math.inf
        self._climbing_since: float | None = None
        self.cues: list[Cue] = []

    @property
    def level_bpm(self) -> float | None:
        """The talking level, once a minute of conversation is known."""
        return self._level.quantile(LEVEL_QUANTILE) if len(self._level) >= LEVEL_MIN_TICKS else None

    def step(self, t_s: float, hr_bpm: float, valid: bool, flooded: bool) -> CueStarted | CueEnded | None:
        if not valid:
            return None
        if t_s - self._last_valid_t > SLOPE_WINDOW_S / 2:  # a long gap: the slope starts again
            self._slope.clear()
        self._last_valid_t = t_s
        self._slope.add(t_s, hr_bpm)
        if self.on_since is not None:
            return self._while_on(t_s, hr_bpm, flooded)
        if flooded:
            return None
        level = self.level_bpm
        self._level.add(t_s, hr_bpm)  # calm conversation (not a cue, not flooding) sets the level
        if level is None or t_s < self._quiet_until or len(self._slope) < SLOPE_MIN_TICKS:
            self._climbing_since = None
            return None
        slope = self._slope.per_minute()
        if not (hr_bpm >= level + MARGIN_BPM and slope >= SLOPE_BPM_PER_MIN):
            self._climbing_since = None
            return None
        if self._climbing_since is None:
            self._climbing_since = t_s
        if t_s - self._climbing_since < HOLD_S:
            return None
        self.on_since, self._settled_since, self._levelled_since, self._climbing_since = t_s, None, None, None
        return CueStarted(t_s, hr_bpm, level, slope)

    def _while_on(self, t_s: float, hr_bpm: float, flooded: bool) -> CueEnded | None:
        assert self.on_since is not None
        if flooded:
            return self._end(t_s, became_flooding=True)
        level = self.level_bpm
        settled = level is not None and hr_bpm < level + SETTLED_MARGIN_BPM
        levelled = self._slope.per_minute() < LEVELLED_SLOPE_BPM_PER_MIN
        self._settled_since = (self._settled_since or t_s) if settled else None
        self._levelled_since = (self._levelled_since or t_s) if levelled else None
        if ((self._settled_since is not None and t_s - self._settled_since >= SETTLED_FOR_S)
                or (self._levelled_since is not None and t_s - self._levelled_since >= LEVELLED_FOR_S)
                or t_s - self.on_since >= AT_MOST_S):
            self._quiet_until = t_s + QUIET_AFTER_S
            return self._end(t_s, became_flooding=False)
        return None

    def _end(self, t_s: float, became_flooding: bool) -> CueEnded:
        start = self.on_since
        assert start is not None
        self.on_since = None
        self.cues.append(Cue(start, t_s, became_flooding))
        return CueEnded(t_s, start, became_flooding)

    def all_cues(self) -> list[Cue]:
        """Every cue so far, one still on included (``end_s`` None)."""
        return self.cues + ([Cue(self.on_since, None, False)] if self.on_since is not None else [])


def cues_of(t_s: npt.NDArray[np.float64], hr_bpm: npt.NDArray[np.float64], valid: npt.NDArray[np.bool_],
            flooded: npt.NDArray[np.bool_]) -> list[Cue]:
    """The cues of a whole recording's ticks: the live cue stepped over them."""
    cue = EarlyCue()
    for t, hr, ok, fl in zip(t_s.tolist(), hr_bpm.tolist(), valid.tolist(), flooded.tolist()):
        cue.step(t, hr, ok, fl)
    return cue.all_cues()
