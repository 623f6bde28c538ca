"""What a pause did to each heart: the rate at its start and end, how long until calm, and how the
breathing moved the heart during it.

Two measures of the breathing's effect, both from the beats themselves and never turned into a
score:

* the **swing per breath** (OpenHRV's "local HRV"): at each reversal of the beat-to-beat direction
  the rate has reached a peak or a trough; ``A = |extreme − previous extreme|`` in bpm, smoothed as
  ``H = 0.1·A + 0.9·H``. Slow breathing makes the heart rise and fall with each breath: H grows.
* the **coherence ratio** over 64 s: the intervals resampled at 2 Hz and detrended, their spectrum
  (``scipy.signal.periodogram``); the peak P in 0.04–0.26 Hz, the power within ±0.015 Hz of it over
  the power of the rest of that band (HeartMath's ratio as OpenHRV computes it): breathing at a
  steady slow pace gives one tall peak.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from flooding_monitor.detection.analysis import Analysis
from flooding_monitor.detection.baseline import Baseline, ready_to_return_bpm
from flooding_monitor.heart.beats import SampleArrays

COHERENCE_WINDOW_S = 64.0
RESAMPLE_HZ = 2.0
BAND_HZ = (0.04, 0.26)
PEAK_HALF_WIDTH_HZ = 0.015
NFFT = 1024  # 0.002-Hz grid
CALM_HELD_S = 60.0  # calm: under the calm level for a minute on end
NEAR_S = 10.0  # a rate this close to a pause's start or end stands for it


def local_swing_bpm(rr_ms: npt.ArrayLike) -> float | None:
    """The smoothed peak-to-trough swing of the rate per breath (bpm), or None with too few beats."""
    hr = 60000.0 / np.asarray(rr_ms, dtype=np.float64)
    if hr.size < 8:
        return None
    step = np.sign(np.diff(hr))
    turns = np.flatnonzero(step[1:] * step[:-1] < 0) + 1  # where the direction reverses: an extreme
    if turns.size < 2:
        return None
    swing = 0.0
    extremes = hr[turns]
    for a in np.abs(np.diff(extremes)):
        swing = 0.1 * float(a) + 0.9 * swing
    return swing


def coherence_ratio(beat_times_s: npt.ArrayLike, rr_ms: npt.ArrayLike) -> float | None:
    """Power around the strongest slow rhythm over the power of the rest of 0.04–0.26 Hz, from the last
    64 s of beats; None with less than 64 s of them."""
    from scipy.signal import detrend, periodogram

    t = np.asarray(beat_times_s, dtype=np.float64)
    rr = np.asarray(rr_ms, dtype=np.float64)
    if t.size < 16 or t[-1] - t[0] < COHERENCE_WINDOW_S:
        return None
    grid = np.arange(t[-1] - COHERENCE_WINDOW_S, t[-1], 1.0 / RESAMPLE_HZ)
    series = detrend(np.interp(grid, t, rr))
    # no taper, zero-padded to a fine grid: a steady rhythm stays within ±0.015 Hz of its peak (a Hann
    # window spreads it over ±0.03 Hz in a 64-s window, and a pure 6/min breath scored 1.1)
    freqs, power = periodogram(series, fs=RESAMPLE_HZ, window="boxcar", nfft=NFFT)
    band = (freqs >= BAND_HZ[0]) & (freqs <= BAND_HZ[1])
    if not band.any():
        return None
    peak_hz = freqs[band][int(np.argmax(power[band]))]
    near = band & (np.abs(freqs - peak_hz) <= PEAK_HALF_WIDTH_HZ)
    peak, rest = float(power[near].sum()), float(power[band & ~near].sum())
    return peak / rest if rest > 0 else None


@dataclass(frozen=True)
class PauseEffect:
    started_s: float
    ended_s: float
    partner: int
    hr_start_bpm: float | None
    hr_end_bpm: float | None
    calm_after_min: float | None  # minutes from the pause's start to a minute of calm; None: not in it
    swing_bpm: float | None  # median of the swing per breath over the pause
    coherence: float | None  # median coherence ratio over the pause's 64-s windows, every 5 s

    def to_json(self) -> dict[str, object]:
        def r(x: float | None, n: int = 1) -> float | None:
            return None if x is None else round(x, n)

        return {"partner": "AB"[self.partner], "started_s": self.started_s, "ended_s": self.ended_s,
                "hr_start_bpm": r(self.hr_start_bpm), "hr_end_bpm": r(self.hr_end_bpm),
                "calm_after_min": r(self.calm_after_min), "swing_bpm": r(self.swing_bpm),
                "coherence": r(self.coherence, 2)}


def pause_effect(partner: int, span: tuple[float, float], ticks_t: npt.NDArray[np.float64],
                 ticks_hr: npt.NDArray[np.float64], valid: npt.NDArray[np.bool_], calm_bpm: float,
                 beat_times_s: npt.NDArray[np.float64], rr_ms: npt.NDArray[np.float64]) -> PauseEffect:
    """One partner's pause from their 1 Hz ticks (30-s mean) and their beats."""
    start, end = span
    inside = (ticks_t >= start) & (ticks_t <= end) & valid
    t, hr = ticks_t[inside], ticks_hr[inside]
    first = float(hr[0]) if t.size and t[0] - start <= NEAR_S else None
    last = float(hr[-1]) if t.size and end - t[-1] <= NEAR_S else None
    beats = (beat_times_s >= start) & (beat_times_s <= end)
    swing, coherence = _window_medians(beat_times_s[beats], rr_ms[beats])
    return PauseEffect(start, end, partner, first, last, _calm_after(t, hr, calm_bpm, start), swing, coherence)


def _calm_after(t: npt.NDArray[np.float64], hr: npt.NDArray[np.float64], calm_bpm: float,
                start: float) -> float | None:
    run_from = None
    for x, y in zip(t.tolist(), hr.tolist()):
        if y < calm_bpm:
            run_from = x if run_from is None else run_from
            if x - run_from >= CALM_HELD_S:
                return (run_from - start) / 60.0
        else:
            run_from = None
    return None


def _window_medians(bt: npt.NDArray[np.float64], rr: npt.NDArray[np.float64]) -> tuple[float | None, float | None]:
    """The medians of the swing and the coherence over each 64-s window of the pause's beats, every
    5 s (as the live feedback computes them)."""
    swings, ratios = [], []
    for e in np.arange(bt[0] + COHERENCE_WINDOW_S, bt[-1] + 1e-9, 5.0) if bt.size else []:
        keep = (bt > e - COHERENCE_WINDOW_S - 1.0) & (bt <= e)
        swings.append(local_swing_bpm(rr[keep]))
        ratios.append(coherence_ratio(bt[keep], rr[keep]))
    return _median(swings), _median(ratios)


def _median(values: Iterable[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return float(np.median(got)) if got else None


def beat_times(data: SampleArrays) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Each accepted interval's end time (s) and length (ms): a notification's last interval ends when
    it arrived, each earlier one an interval before the next."""
    rr_us = data.beat_rr_us.astype(np.float64)
    recv = data.beat_recv_t
    if rr_us.size == 0:
        return np.empty(0), np.empty(0)
    last = np.append(recv[1:] != recv[:-1], True)  # the last interval of each notification
    group_last = np.flatnonzero(last)[np.concatenate(([0], np.cumsum(last[:-1])))]
    csum = np.cumsum(rr_us)
    return recv - (csum[group_last] - csum) / 1e6, rr_us / 1000.0


def pause_effects(analysis: Analysis, pauses: Iterable[tuple[float, float]], partner: int,
                  baseline: Baseline | None = None) -> list[PauseEffect]:
    """What each pause did to this partner's heart, from their analysis (its ticks and its beats)."""
    ticks = analysis.ticks
    calm = ready_to_return_bpm(analysis.detection.rule, baseline)
    bt, rr = beat_times(analysis.data)
    return [pause_effect(partner, span, ticks.t_s, ticks.hr_bpm, ticks.valid, calm, bt, rr) for span in pauses]


FEEDBACK_EVERY_S = 5.0
TREND_WINDOW_S = 180.0  # "slowing toward your usual": the rate's change over the last three minutes


@dataclass(frozen=True)
class BreathingFeedback:
    """What the pause's optional feedback shows for one partner: gentle words, never a score."""

    hr_bpm: float | None
    usual_bpm: float | None  # the resting rate when measured, else the calm level
    change_bpm: float | None  # over the last three minutes (negative: slowing)
    swing_bpm: float | None
    coherence: float | None


class LiveBreathing:
    """One partner's recent beats during a session, and their breathing measures every 5 s."""

    def __init__(self) -> None:
        self._beats: deque[tuple[float, float]] = deque()  # (end time s, interval ms)
        self._rates: deque[tuple[float, float]] = deque()  # (t, 30-s mean) for the trend
        self._at = -math.inf
        self._cached: tuple[float | None, float | None] = (None, None)

    def add_sample(self, t_s: float, rr_us: Sequence[int]) -> None:
        """A notification's intervals: the last ends at its time, each earlier one an interval before."""
        ends = []
        t = t_s
        for rr in reversed(rr_us):
            ends.append((t, rr / 1000.0))
            t -= rr / 1e6
        self._beats.extend(reversed(ends))
        while self._beats and self._beats[0][0] < t_s - COHERENCE_WINDOW_S - 5.0:
            self._beats.popleft()

    def add_rate(self, t_s: float, hr_bpm: float) -> None:
        self._rates.append((t_s, hr_bpm))
        while self._rates and self._rates[0][0] < t_s - TREND_WINDOW_S:
            self._rates.popleft()

    def feedback(self, now_s: float, usual_bpm: float | None) -> BreathingFeedback:
        if now_s - self._at >= FEEDBACK_EVERY_S:  # the spectrum is recomputed every 5 s, not each frame
            self._at = now_s
            t = np.array([b[0] for b in self._beats])
            rr = np.array([b[1] for b in self._beats])
            self._cached = (local_swing_bpm(rr) if rr.size else None,
                            coherence_ratio(t, rr) if rr.size else None)
        hr = self._rates[-1][1] if self._rates else None
        change = (self._rates[-1][1] - self._rates[0][1]
                  if len(self._rates) > 1 and self._rates[-1][0] - self._rates[0][0] >= 60 else None)
        return BreathingFeedback(hr, usual_bpm, change, *self._cached)
