"""Flooding detection on the 1 Hz series: sustained arousal with hysteresis.

Onset: the cleaned rate stays at/above the threshold for ``sustain_s``; dips
of at most ``dip_tolerance_s`` that stay above the recovery level are ripple,
not an end of the rise, and count as part of it.
End: it stays below the recovery level (``ThresholdRule.recovery_bpm``: the
threshold less ``hysteresis_bpm``, never below halfway back to the resting
rate) for ``recovery_s``.
Ticks without a trustworthy signal are ``no_signal``: they pause both clocks
(a loose strap neither confirms nor clears flooding); a gap longer than
``max_gap_s`` resets them and ends an ongoing episode at the last good tick.

The rate is a 30-s mean, so it already lags the heart: the sustain rule
counts from the tick the mean reached the threshold, and an episode's start
is that tick less ``PIPELINE_DELAY_S`` (a notification's batching and the
corrector's look-ahead: how much later than the heart a beat reaches the
rate). An alert therefore comes about ``sustain_s`` + 4 s after the heart's
own 30-s mean reaches the threshold (``python -m tests.evening_corpus``).

Two forms share these rules: :class:`FloodingStateMachine` (live, O(1) per
tick) and :func:`detect` (batch, NumPy over a whole recording). A property
test holds them to identical output.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from flooding_monitor.detection.baseline import Baseline, ThresholdRule, check_resting, effective_threshold
from flooding_monitor.detection.heart_rate import Tick, TickArrays
from flooding_monitor.detection.settings import DetectorSettings


class State(enum.Enum):
    NO_SIGNAL = "no_signal"
    CALIBRATING = "calibrating"
    CALM = "calm"
    RISING = "rising"
    FLOODED = "flooded"
    RECOVERING = "recovering"


STATE_CODES = {state: code for code, state in enumerate(State)}
STATES_BY_CODE = list(State)


@dataclass(frozen=True, slots=True)
class StateChanged:
    t_s: float
    old: State | None
    new: State
    hr_bpm: float | None  # None when there is no trustworthy rate


@dataclass(frozen=True, slots=True)
class EpisodeStarted:
    t_s: float  # when the detector decided (onset)
    start_s: float  # when the sustained rise began
    hr_bpm: float
    threshold_bpm: float


@dataclass(frozen=True, slots=True)
class EpisodeEnded:
    t_s: float  # when the detector decided
    start_s: float
    end_s: float
    peak_bpm: float
    reason: str  # "recovered" or "signal_lost"


@dataclass(frozen=True, slots=True)
class BaselineReady:
    t_s: float
    baseline: Baseline
    rule: ThresholdRule


@dataclass(frozen=True, slots=True)
class BaselineRejected:
    """The calibration period was not rest (why, in words); the absolute rule stays in force."""

    t_s: float
    reason: str


Event = StateChanged | EpisodeStarted | EpisodeEnded | BaselineReady | BaselineRejected


@dataclass(frozen=True, slots=True)
class Episode:
    start_s: float
    onset_s: float
    end_s: float | None  # None while still flooded at the end of the data
    peak_bpm: float
    reason: str | None

    def duration_s(self, until_s: float) -> float:
        return (self.end_s if self.end_s is not None else until_s) - self.start_s


#: Below the rising margin, "rising" lasts until the rate is this much lower
#: (a rate hovering at the margin no longer flips calm <-> rising).
RISING_HYSTERESIS_BPM = 3.0
#: Notification batching (~1 s) plus the corrector's five-beat look-ahead (3 s
#: near 100 bpm): how much later than the heart a beat reaches the rate window.
PIPELINE_DELAY_S = 4.0


def estimator_delay_s(settings: DetectorSettings) -> float:
    return PIPELINE_DELAY_S


def onset_count(settings: DetectorSettings) -> int:
    """Ticks of the 30-s mean at/above threshold needed for onset.

    No credit for the estimator's lag: a 20-s burst at 130 bpm keeps the 30-s
    mean above 100 for about 26 s, and must not raise the alarm.
    """
    return max(1, math.ceil(settings.sustain_s))


def recovery_count(settings: DetectorSettings) -> int:
    return max(1, math.ceil(settings.recovery_s))


def calibration_count(settings: DetectorSettings) -> int:
    return int(math.ceil(settings.calibration_s))


class FloodingStateMachine:
    """Live detector: feed ticks in order, get events."""

    def __init__(self, settings: DetectorSettings, baseline: Baseline | None = None) -> None:
        self.settings = settings
        self.baseline = baseline
        self.rule = effective_threshold(settings, baseline)
        self._calibrating = settings.calibration_s > 0 and baseline is None
        self._cal_hr: list[float] = []
        self._cal_rmssd: list[float] = []
        self._half_window = estimator_delay_s(settings)
        self._onset_count = onset_count(settings)
        self._recovery_count = recovery_count(settings)
        self.state: State | None = None
        self._rising_latch = False
        self.flooded = False
        self.episodes: list[Episode] = []
        self._ref_t: float | None = None
        self._last_valid_t: float | None = None
        self._gap_reset = False
        self._above = 0  # valid ticks since the rise began (0: no rise under way)
        self._dip = 0  # consecutive valid ticks under the threshold
        self._run_start = 0.0
        self._run_peak = -math.inf
        self._below = 0
        self._below_start = 0.0
        self._episode_start = 0.0
        self._episode_onset = 0.0
        self._peak = -math.inf

    @property
    def calibrating(self) -> bool:
        return self._calibrating

    def use_baseline(self, baseline: Baseline) -> ThresholdRule:
        """Adopt a baseline measured outside the detector (the guided calibration)."""
        self.baseline = baseline
        self._calibrating = False
        self.rule = effective_threshold(self.settings, baseline)
        return self.rule

    @property
    def seconds_above(self) -> float:
        """How long the current rise has lasted (0 when not rising above)."""
        return 0.0 if self._above == 0 else self._half_window + self._above - 1

    @property
    def seconds_below(self) -> float:
        return 0.0 if self._below == 0 else self._half_window + self._below - 1

    def step(self, tick: Tick) -> list[Event]:
        s = self.settings
        T = tick.t_s
        if self._ref_t is None:
            self._ref_t = T
        events: list[Event] = []
        thr = self.rule.threshold_bpm
        calibrating_now = self._calibrating
        if not tick.valid:
            self._no_reading(T, events)
        else:
            self._last_valid_t = T
            self._gap_reset = False
            if not self.flooded:
                self._rising(T, tick.hr_bpm, thr, events)
            else:
                self._recovering(T, tick.hr_bpm, thr, events)
            if self._calibrating:
                self._calibrate(T, tick, events)
        if tick.valid:  # "rising" has hysteresis too: the state changes only when something changed
            if tick.hr_bpm >= thr - s.rising_margin_bpm:
                self._rising_latch = True
            elif tick.hr_bpm < thr - s.rising_margin_bpm - RISING_HYSTERESIS_BPM:
                self._rising_latch = False
        new = _state(tick.valid, self.flooded, self._below > 0, calibrating_now, self._rising_latch)
        if new != self.state:
            events.append(StateChanged(T, self.state, new, tick.hr_bpm if tick.valid else None))
            self.state = new
        return events

    def _no_reading(self, T: float, events: list[Event]) -> None:
        """A gap longer than ``max_gap_s`` resets every count and ends an episode under way."""
        ref = self._last_valid_t if self._last_valid_t is not None else self._ref_t
        if T - ref > self.settings.max_gap_s and not self._gap_reset:
            self._gap_reset = True
            self._above = 0
            self._dip = 0
            self._below = 0
            if self.flooded:
                events.append(self._end(T, ref, "signal_lost"))

    def _rising(self, T: float, hr: float, thr: float, events: list[Event]) -> None:
        s = self.settings
        if hr >= thr:
            self._dip = 0
            if self._above == 0:
                self._run_start = T
                self._run_peak = hr
            self._above += 1
            self._run_peak = max(self._run_peak, hr)
            if self._above >= self._onset_count:
                self.flooded = True
                self._below = 0
                self._episode_start = max(self._run_start - self._half_window, self._ref_t - 1.0)
                self._episode_onset = T
                self._peak = self._run_peak
                events.append(EpisodeStarted(T, self._episode_start, hr, thr))
        else:
            self._dip += 1
            if hr < self.rule.recovery_bpm or self._dip > s.dip_tolerance_s:
                self._above = 0
            elif self._above:
                self._above += 1  # a short dip is part of the rise

    def _recovering(self, T: float, hr: float, thr: float, events: list[Event]) -> None:
        self._peak = max(self._peak, hr)
        if hr < self.rule.recovery_bpm:
            if self._below == 0:
                self._below_start = T
            self._below += 1
            if self._below >= self._recovery_count:
                events.append(self._end(T, self._below_start - self._half_window, "recovered"))
        else:
            self._below = 0

    def _calibrate(self, T: float, tick: Tick, events: list[Event]) -> None:
        self._cal_hr.append(tick.hr_bpm)
        self._cal_rmssd.append(tick.rmssd_ms)
        if len(self._cal_hr) >= calibration_count(self.settings):
            s = self.settings
            self._calibrating = False
            found, reason = check_resting(self._cal_hr, self._cal_rmssd, s.threshold_bpm, s.hysteresis_bpm)
            if found is None:
                events.append(BaselineRejected(T, reason))
                return
            self.baseline = found
            self.rule = effective_threshold(s, found)
            events.append(BaselineReady(T, found, self.rule))

    def _end(self, T: float, end_s: float, reason: str) -> EpisodeEnded:
        self.flooded = False
        self._above = 0
        self._dip = 0
        self._below = 0
        episode = Episode(self._episode_start, self._episode_onset, end_s, self._peak, reason)
        self.episodes.append(episode)
        return EpisodeEnded(T, self._episode_start, end_s, self._peak, reason)

    def open_episode(self) -> Episode | None:
        if not self.flooded:
            return None
        return Episode(self._episode_start, self._episode_onset, None, self._peak, None)


def _state(valid: bool, flooded: bool, below: bool, calibrating: bool, rising: bool) -> State:
    if not valid:
        return State.NO_SIGNAL
    if flooded:
        return State.RECOVERING if below else State.FLOODED
    if calibrating:
        return State.CALIBRATING
    return State.RISING if rising else State.CALM


@dataclass
class Detection:
    """Everything the batch detector found in a recording."""

    states: npt.NDArray[np.int8]
    thresholds: npt.NDArray[np.float64]
    events: list[Event]
    episodes: list[Episode]
    baseline: Baseline | None
    rule: ThresholdRule
    calibration_tick: int | None = None


def _runs_since_reset(member: npt.NDArray[np.bool_], reset: npt.NDArray[np.bool_]) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Members counted since the last reset tick, and that reset's index (-1: none)."""
    idx = np.arange(member.size)
    last_reset = np.maximum.accumulate(np.where(reset, idx, -1))
    cm = np.cumsum(member, dtype=np.int64)
    base = np.where(last_reset >= 0, cm[np.maximum(last_reset, 0)], 0)
    return cm - base, last_reset


def detect(ticks: TickArrays, settings: DetectorSettings,
           baseline: Baseline | None = None) -> Detection:
    """Batch detector over a whole tick series; same output as the live one."""
    s = settings
    thr, rec, rule, cal_tick, found_baseline, events = _calibrate(ticks, s, baseline)
    flooded, episodes, below, more = _episodes(ticks, s, thr, rec)
    events += more
    calibrating = s.calibration_s > 0 and baseline is None
    codes = _state_codes(ticks, s, thr, flooded, below, calibrating, cal_tick)
    T, hr, valid = ticks.t_s, ticks.hr_bpm, ticks.valid
    changes = np.flatnonzero(np.diff(codes, prepend=-1) != 0) if len(ticks) else np.zeros(0, np.int64)
    for c in changes.tolist():
        old = STATES_BY_CODE[codes[c - 1]] if c > 0 else None
        events.append((c, 2, StateChanged(float(T[c]), old, STATES_BY_CODE[codes[c]],
                                          float(hr[c]) if valid[c] else None)))
    events.sort(key=lambda e: (e[0], e[1]))
    return Detection(codes, thr, [e for _, _, e in events], episodes, found_baseline, rule, cal_tick)


def _calibrate(ticks: TickArrays, s: DetectorSettings, baseline: Baseline | None):
    """The threshold at every tick: the resting rate measured at the start changes it from then on."""
    n = len(ticks)
    hr, valid = ticks.hr_bpm, ticks.valid
    rule = effective_threshold(s, baseline)
    thr = np.full(n, rule.threshold_bpm)
    rec = np.full(n, rule.recovery_bpm)
    cal_tick: int | None = None
    found_baseline = baseline
    events: list[tuple[int, int, Event]] = []
    if s.calibration_s > 0 and baseline is None and n:
        valid_count = np.cumsum(valid)
        hits = np.flatnonzero(valid & (valid_count == calibration_count(s)))
        if hits.size:
            cal_tick = int(hits[0])
            mask = valid[: cal_tick + 1]
            found, reason = check_resting(hr[: cal_tick + 1][mask].tolist(),
                                          ticks.rmssd_ms[: cal_tick + 1][mask].tolist(), s.threshold_bpm,
                                          s.hysteresis_bpm)
            if found is None:
                events.append((cal_tick, 1, BaselineRejected(float(ticks.t_s[cal_tick]), reason)))
            else:
                found_baseline = found
                rule = effective_threshold(s, found_baseline)
                thr[cal_tick + 1 :] = rule.threshold_bpm
                rec[cal_tick + 1 :] = rule.recovery_bpm
                events.append((cal_tick, 1, BaselineReady(float(ticks.t_s[cal_tick]), found_baseline, rule)))
    return thr, rec, rule, cal_tick, found_baseline, events


def _episodes(ticks: TickArrays, s: DetectorSettings, thr: np.ndarray, rec: np.ndarray):
    """Onsets (a sustained rise) and ends (a sustained calm, or a long gap), as the live machine finds them."""
    n = len(ticks)
    T, hr, valid = ticks.t_s, ticks.hr_bpm, ticks.valid
    half = estimator_delay_s(s)
    idx = np.arange(n)
    with np.errstate(invalid="ignore"):
        above = valid & (hr >= thr)
        below = valid & (hr < rec)
    valid_t = np.where(valid, T, -np.inf)
    last_valid = np.maximum.accumulate(valid_t) if n else valid_t
    last_valid = np.where(np.isinf(last_valid), float(T[0]) if n else 0.0, last_valid)
    exceeded = ~valid & (T - last_valid > s.max_gap_s)
    gap_reset = exceeded & ~np.concatenate([[False], exceeded[:-1]])
    under = valid & ~above
    dip_run, _ = _runs_since_reset(under, above | gap_reset)
    rise_reset = below | (under & (dip_run == math.floor(s.dip_tolerance_s) + 1)) | gap_reset
    last_rise_reset = np.maximum.accumulate(np.where(rise_reset, idx, -1))
    # A rise begins at the first tick at/above threshold after its last reset
    # and counts every valid tick from there (short dips included).
    above_idx = np.flatnonzero(above)
    rise_start = np.append(above_idx, n)[np.searchsorted(above_idx, last_rise_reset, side="right")]  # n: none
    valid_before = np.concatenate([[0], np.cumsum(valid, dtype=np.int64)])
    rise_len = np.where(rise_start <= idx, valid_before[idx + 1] - valid_before[np.minimum(rise_start, n)], 0)
    onsets = np.flatnonzero(above & (rise_len >= onset_count(s)))
    below_run, below_reset = _runs_since_reset(below, (valid & ~below) | gap_reset)
    ends = np.flatnonzero((below & (below_run >= recovery_count(s))) | gap_reset)
    below_idx = np.flatnonzero(below)

    flooded = np.zeros(n, dtype=bool)
    episodes: list[Episode] = []
    events: list[tuple[int, int, Event]] = []
    pos = -1
    while (k := np.searchsorted(onsets, pos, side="right")) < onsets.size:
        on = int(onsets[k])
        run_start = int(rise_start[on])
        start_s = max(float(T[run_start]) - half, float(T[0]) - 1.0)  # not before the data
        events.append((on, 0, EpisodeStarted(float(T[on]), start_s, float(hr[on]), float(thr[on]))))
        j = np.searchsorted(ends, on, side="right")
        end = int(ends[j]) if j < ends.size else None
        seg = slice(run_start, (end if end is not None else n - 1) + 1)
        peak = float(np.max(hr[seg][valid[seg]]))
        if end is None:
            flooded[on:] = True
            episodes.append(Episode(start_s, float(T[on]), None, peak, None))
            break
        flooded[on:end] = True
        if gap_reset[end]:
            end_s, reason = float(last_valid[end]), "signal_lost"
        else:
            b0 = int(below_idx[np.searchsorted(below_idx, below_reset[end], side="right")])
            end_s, reason = float(T[b0]) - half, "recovered"
        episodes.append(Episode(start_s, float(T[on]), end_s, peak, reason))
        events.append((end, 0, EpisodeEnded(float(T[end]), start_s, end_s, peak, reason)))
        pos = end
    return flooded, episodes, below, events


def _state_codes(ticks: TickArrays, s: DetectorSettings, thr: np.ndarray, flooded: np.ndarray, below: np.ndarray,
                 calibrating: bool, cal_tick: int | None) -> np.ndarray:
    n = len(ticks)
    hr, valid = ticks.hr_bpm, ticks.valid
    cal_now = np.zeros(n, dtype=bool)
    if calibrating:
        cal_now[: (cal_tick + 1) if cal_tick is not None else n] = True
    idx = np.arange(n)
    with np.errstate(invalid="ignore"):
        on = valid & (hr >= thr - s.rising_margin_bpm)
        off = valid & (hr < thr - s.rising_margin_bpm - RISING_HYSTERESIS_BPM)
    latched = np.maximum.accumulate(np.where(on, idx, -1)) > np.maximum.accumulate(np.where(off, idx, -1))
    codes = np.full(n, STATE_CODES[State.CALM], dtype=np.int8)
    codes[valid & ~flooded & latched] = STATE_CODES[State.RISING]
    codes[valid & ~flooded & cal_now] = STATE_CODES[State.CALIBRATING]
    codes[valid & flooded] = STATE_CODES[State.FLOODED]
    codes[valid & flooded & below] = STATE_CODES[State.RECOVERING]
    codes[~valid] = STATE_CODES[State.NO_SIGNAL]
    return codes
