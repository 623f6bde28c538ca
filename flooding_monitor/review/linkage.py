"""Two hearts together: when the partners' rates moved together, or in opposite directions.

Physiological linkage (Levenson & Gottman 1983; later reviews) is meaningful
but neither good nor bad: rising together can be shared distress, calming
together can be repair. So this module only describes. It correlates the two
30-s mean rates over sliding windows (15 to 60 s) and keeps the stretches
where the correlation is stronger than chance allows. Chance is measured on
the same session: the second partner's series is cut into segments that are
shuffled in time, which keeps each heart's own rhythm but breaks any
moment-to-moment link; the correlation the surrogates reach in 95 % of their
windows is the bar a real stretch must clear, and in it each heart must have
moved by a few beats a minute: smooth rates that merely drift the same way by
a beat or two are not called linkage.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np
import numpy.typing as npt

from flooding_monitor.heart.spans import merge_spans

WINDOWS_S = (15, 30, 60)
DEFAULT_WINDOW_S = 30
#: The share of chance windows a real one must beat.
CHANCE_QUANTILE = 0.95
SURROGATES = 20
#: In a linked stretch each rate moved at least this much (top to bottom): less is drift, not a shared change.
MIN_SWING_BPM = 5.0
#: Gaps in either rate longer than this break a window (a strap not reading).
MAX_GAP_S = 2.0

Array = npt.NDArray[np.float64]


class Direction(Enum):
    TOGETHER = "together"  # in phase: both up, or both down
    OPPOSITE = "opposite"  # anti-phase: one up while the other comes down


@dataclass(frozen=True)
class LinkedSpan:
    start_s: float
    end_s: float
    direction: Direction
    trend: int  # TOGETHER: +1 both rose, -1 both calmed, 0 mixed; OPPOSITE: 0


@dataclass(frozen=True)
class Linkage:
    window_s: int
    chance_r: float  # |r| that shuffled segments reach in 95 % of their windows
    spans: list[LinkedSpan]

    def count(self, direction: Direction, trend: int | None = None) -> int:
        return sum(1 for s in self.spans if s.direction is direction and (trend is None or s.trend == trend))


def linkage(t_a: Array, hr_a: Array, valid_a: npt.NDArray[np.bool_], t_b: Array, hr_b: Array,
            valid_b: npt.NDArray[np.bool_], window_s: int = DEFAULT_WINDOW_S, seed: int = 0) -> Linkage | None:
    """The stretches of linkage of two partners' 30-s mean rates (ticks: seconds, bpm, valid);
    None when they share less than four windows of valid time."""
    grid, a, b = _common_grid(t_a, hr_a, valid_a, t_b, hr_b, valid_b)
    if np.count_nonzero(np.isfinite(a) & np.isfinite(b)) < 4 * window_s:
        return None
    r = rolling_r(a, b, window_s)
    chance = _chance_r(a, b, window_s, np.random.default_rng(seed))
    spans = []
    for direction, linked in ((Direction.TOGETHER, r >= chance), (Direction.OPPOSITE, r <= -chance)):
        covered = [(float(grid[i]), float(grid[i] + window_s - 1)) for i in np.flatnonzero(linked)]
        for start, end in merge_spans(covered):
            inside = (grid >= start) & (grid <= end)
            if min(np.nanmax(a[inside]) - np.nanmin(a[inside]), np.nanmax(b[inside]) - np.nanmin(b[inside])) \
                    >= MIN_SWING_BPM:
                spans.append(LinkedSpan(start, end, direction, _trend(a[inside], b[inside], direction)))
    return Linkage(window_s, chance, sorted(spans, key=lambda s: s.start_s))


def rolling_r(a: Array, b: Array, window: int) -> Array:
    """Pearson's r of ``a`` and ``b`` over each window of ``window`` samples starting at each index
    (NaN where the window holds a gap or a flat series); cumulative sums, so O(n)."""
    n = a.size - window + 1
    if n <= 0:
        return np.full(0, np.nan)
    ok = np.isfinite(a) & np.isfinite(b)
    x, y = np.where(ok, a, 0.0), np.where(ok, b, 0.0)

    def window_sum(v: Array) -> Array:
        c = np.concatenate([[0.0], np.cumsum(v)])
        return c[window:] - c[:-window]

    count = window_sum(ok.astype(float))
    sx, sy = window_sum(x), window_sum(y)
    sxx, syy, sxy = window_sum(x * x), window_sum(y * y), window_sum(x * y)
    cov = sxy - sx * sy / window
    vx, vy = sxx - sx * sx / window, syy - sy * sy / window
    with np.errstate(invalid="ignore", divide="ignore"):
        r = cov / np.sqrt(vx * vy)
    flat = (vx < 1e-9 * window) | (vy < 1e-9 * window)
    return np.where((count == window) & ~flat, r, np.nan)


def _chance_r(a: Array, b: Array, window_s: int, rng: np.random.Generator) -> float:
    """The |r| of windows against the second series cut into segments and shuffled (segments of at
    least two windows and a minute, so each keeps its own slow rhythm)."""
    segment = max(2 * window_s, 60)
    pieces = [b[k:k + segment] for k in range(0, b.size, segment)]
    values = []
    for _ in range(SURROGATES):
        order = rng.permutation(len(pieces))
        shuffled = np.concatenate([pieces[k] for k in order])[:b.size]
        r = rolling_r(a, shuffled, window_s)
        values.append(np.abs(r[np.isfinite(r)]))
    pooled = np.concatenate(values) if values else np.zeros(0)
    return float(np.quantile(pooled, CHANCE_QUANTILE)) if pooled.size else 1.0


def _common_grid(t_a: Array, hr_a: Array, valid_a: npt.NDArray[np.bool_], t_b: Array, hr_b: Array,
                 valid_b: npt.NDArray[np.bool_]) -> tuple[Array, Array, Array]:
    """Both rates on one grid of whole seconds over the time they share (NaN where either had none)."""
    if not (np.any(valid_a) and np.any(valid_b)):
        return np.zeros(0), np.zeros(0), np.zeros(0)
    start = np.ceil(max(t_a[valid_a][0], t_b[valid_b][0]))
    end = np.floor(min(t_a[valid_a][-1], t_b[valid_b][-1]))
    grid = np.arange(start, end + 1.0) if end >= start else np.zeros(0)
    return grid, _on_grid(grid, t_a, hr_a, valid_a), _on_grid(grid, t_b, hr_b, valid_b)


def _on_grid(grid: Array, t: Array, hr: Array, valid: npt.NDArray[np.bool_]) -> Array:
    tv, hv = t[valid], hr[valid]
    values = np.interp(grid, tv, hv)
    k = np.clip(np.searchsorted(tv, grid), 1, tv.size - 1) if tv.size > 1 else np.zeros(grid.size, int)
    gap = np.abs(tv[k] - tv[k - 1]) if tv.size > 1 else np.zeros(grid.size)
    return np.where(gap <= MAX_GAP_S, values, np.nan)


def _trend(a: Array, b: Array, direction: Direction) -> int:
    """Both rose (+1), both came down (-1), or neither clearly (0), from each rate's first and last value."""
    if direction is Direction.OPPOSITE or a.size < 2:
        return 0
    rise_a, rise_b = a[-1] - a[0], b[-1] - b[0]
    if rise_a > 0 and rise_b > 0:
        return 1
    if rise_a < 0 and rise_b < 0:
        return -1
    return 0
