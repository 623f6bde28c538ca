"""The 1 Hz cleaned heart-rate series, its RMSSD and its signal-quality flags.

At each whole second T after the first sample, the rate is the mean rate over
the last ``rate_window_s`` (30 s, docs/science.md): 60 / mean NN of the
corrected beats that became final in (T - rate_window_s, T]. A mean over time,
not a median of per-beat rates, because a premature beat's short interval is
paid back by the long one after it, and an irregular heart that truly beats
fast has a fast mean.

One rate from whatever the strap gives: when the RR intervals in the window
cover at least ``RR_COVERAGE`` of it, the rate comes from them; otherwise (a
strap that sends RR in only some notifications, or none) from the mean of the
strap's own bpm field over the same window. The quality gate judges the signal
actually used: when too many beats needed correcting and the strap's own
rate is steady, that rate is used (an irregular heart is not noise); only
when neither can be trusted is the tick flagged.

Both forms below compute the same integers and the same float expressions,
so the live series equals the batch series exactly.
"""

from __future__ import annotations

import enum
import math
from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from flooding_monitor.heart.artifacts import CleanBeats, FinalBeat, correct
from flooding_monitor.heart.beats import NO_HR, SampleArrays
from flooding_monitor.heart.samples import Contact
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.text import QT_TRANSLATE_NOOP

US_PER_MIN = 60_000_000
#: An isolated artifact is corrected, not a reason to distrust the signal: it
#: takes more than this many corrected beats (and the fraction) to block alarms.
MIN_CORRECTED_TO_BLOCK = 2
#: The share of the rate window that the RR intervals in it must span for the
#: rate to come from them rather than from the strap's bpm field.
RR_COVERAGE = 0.75
#: The strap's own rate is not trusted when its values in the window spread
#: more than this (standard deviation, milli-bpm): noise, not a heart. An
#: irregular heart's 1-s rates spread about 10 bpm.
ERRATIC_SPREAD_MILLI = 20_000


class Quality(enum.IntFlag):
    """Why a tick cannot be trusted; any flag blocks alarms."""

    OK = 0
    STALE = 1  # no sample for stale_s
    NO_CONTACT = 2  # the strap says its electrodes are off the skin
    ARTIFACTS = 8  # too many missed or extra beats to trust the rate from beats (4 was "no RR", retired)
    NO_RATE = 16  # not enough data in the window for a rate

    def describe(self) -> str:
        return ", ".join(self.problems())

    def problems(self) -> list[str]:
        """Each problem in words (marked for translation), or "good signal"."""
        if self == Quality.OK:
            return [QT_TRANSLATE_NOOP("core", "good signal")]
        parts = {
            Quality.STALE: QT_TRANSLATE_NOOP("core", "no data from the strap"),
            Quality.NO_CONTACT: QT_TRANSLATE_NOOP("core", "strap not touching the skin"),
            Quality.ARTIFACTS: QT_TRANSLATE_NOOP("core", "too many missed or extra beats"),
            Quality.NO_RATE: QT_TRANSLATE_NOOP("core", "not enough beats yet"),
        }
        if Quality.STALE in self:  # nothing arrives: "not enough beats" would only repeat it
            parts.pop(Quality.NO_RATE)
        return [text for flag, text in parts.items() if flag in self]


@dataclass(frozen=True, slots=True)
class Tick:
    """The cleaned signal at one whole second."""

    t_s: float
    hr_bpm: float  # NaN when there is no rate
    rmssd_ms: float  # NaN when fewer than two successive differences
    quality: Quality
    #: Half the beats of the rate window or more came in an irregular rhythm (atrial fibrillation?):
    #: the rate is an average of real beats; the window says so, gently. Never blocks an alarm.
    irregular: bool = False

    @property
    def valid(self) -> bool:
        return self.quality == Quality.OK and not math.isnan(self.hr_bpm)


@dataclass
class TickArrays:
    t_s: npt.NDArray[np.float64]
    hr_bpm: npt.NDArray[np.float64]
    rmssd_ms: npt.NDArray[np.float64]
    quality: npt.NDArray[np.int8]  # Quality flags
    irregular: npt.NDArray[np.bool_]  # see Tick.irregular

    @property
    def valid(self) -> npt.NDArray[np.bool_]:
        return (self.quality == 0) & ~np.isnan(self.hr_bpm)

    def __len__(self) -> int:
        return int(self.t_s.size)



def _rate(n: int, sum_us: int) -> float:
    return US_PER_MIN * n / sum_us if n >= 2 else math.nan


def _rmssd(ssq: int, count: int) -> float:
    return math.sqrt(ssq / count) / 1000.0 if count >= 2 else math.nan


def tick_times(t0: float, end_t: float) -> npt.NDArray[np.float64]:
    """Whole seconds after the first sample, up to and including end_t."""
    k_max = int(math.floor(end_t - t0)) + 1  # rounding: t0 + k may still be <= end_t
    times = t0 + np.arange(1, max(k_max, 0) + 1, dtype=np.float64)
    return times[times <= end_t]


#: Ticks computed at once: the per-tick temporaries (some twenty arrays) stay a few megabytes.
TICK_BLOCK = 1 << 16


@dataclass
class _Running:
    """Cumulative sums over the beats and the strap's rates: any window's sum is two look-ups."""

    final_t: npt.NDArray[np.float64]
    nn_sum: npt.NDArray[np.int64]  # nn_sum[k]: sum of the rate's intervals of beats 0 .. k-1
    corrected: npt.NDArray[np.int64]  # detection errors fixed among beats 0 .. k-1
    irregular: npt.NDArray[np.int64]  # beats 0 .. k-1 that came in an irregular rhythm
    sq_diff: npt.NDArray[np.int64]  # sq_diff[k]: sum of squared successive differences of beats 0 .. k-1
    hr_t: npt.NDArray[np.float64]
    hr_sum: npt.NDArray[np.int64]
    hr_sq: npt.NDArray[np.int64]

    @classmethod
    def of(cls, data: SampleArrays, clean: CleanBeats) -> "_Running":
        nn = clean.nn_us
        sq = np.zeros(nn.size + 2, dtype=np.int64)
        if nn.size > 1:
            sq[2: nn.size + 1] = np.cumsum(np.diff(nn) ** 2)
        has_hr = data.hr_milli != NO_HR
        bpm = data.hr_milli[has_hr]
        return cls(clean.final_t, _cumsum0(clean.rate_us), _cumsum0(clean.error.astype(np.int64)),
                   _cumsum0(clean.irregular.astype(np.int64)), sq, data.t_s[has_hr], _cumsum0(bpm), _cumsum0(bpm * bpm))


def _cumsum0(x: npt.NDArray) -> npt.NDArray[np.int64]:
    out = np.zeros(x.size + 1, dtype=np.int64)
    np.cumsum(x, out=out[1:])
    return out


def compute_ticks(data: SampleArrays, settings: DetectorSettings,
                  end_t: float | None = None) -> tuple[TickArrays, dict[str, int]]:
    """Batch: the whole tick series of a recording, plus artifact counts (a block of ticks at a time)."""
    clean = correct(data.beat_rr_us, data.beat_recv_t)
    if data.t_s.size == 0:
        empty = np.zeros(0)
        return TickArrays(empty, empty, empty, np.zeros(0, np.int8), np.zeros(0, bool)), clean.counts
    end = float(data.t_s[-1]) if end_t is None else end_t
    T = tick_times(float(data.t_s[0]), end)
    running, counts = _Running.of(data, clean), clean.counts
    del clean  # only its running sums are needed now
    hr = np.empty(T.size)
    rmssd = np.empty(T.size)
    quality = np.empty(T.size, dtype=np.int8)
    irregular = np.empty(T.size, dtype=bool)
    for lo in range(0, T.size, TICK_BLOCK):
        block = slice(lo, lo + TICK_BLOCK)
        hr[block], rmssd[block], quality[block], irregular[block] = _tick_block(T[block], data, running, settings)
    return TickArrays(T, hr, rmssd, quality, irregular), counts


def _tick_block(T: npt.NDArray[np.float64], data: SampleArrays, run: _Running, s: DetectorSettings):
    def window(times: npt.NDArray[np.float64], width: float) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        return np.searchsorted(times, T - width, side="right"), np.searchsorted(times, T, side="right")

    lo, hi = window(run.final_t, s.rate_window_s)
    n_rate = hi - lo
    sum_nn = run.nn_sum[hi] - run.nn_sum[lo]
    with np.errstate(divide="ignore", invalid="ignore"):
        hr_rr = np.where(n_rate >= 2, (US_PER_MIN * n_rate) / sum_nn, np.nan)
    qlo, qhi = window(run.final_t, s.quality_window_s)
    bad_beats = (run.corrected[qhi] - run.corrected[qlo]) > np.maximum(s.max_corrected_fraction * (qhi - qlo),
                                                                      MIN_CORRECTED_TO_BLOCK)
    rlo, rhi = window(run.final_t, s.rmssd_window_s)
    pairs = np.maximum(rhi - rlo - 1, 0)
    ssq = np.where(pairs > 0, run.sq_diff[rhi] - run.sq_diff[np.minimum(rlo + 1, rhi)], 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        rmssd = np.where(pairs >= 2, np.sqrt(ssq / np.maximum(pairs, 1)) / 1000.0, np.nan)

    hlo, hhi = window(run.hr_t, s.rate_window_s)
    n_h = hhi - hlo
    h_sum = run.hr_sum[hhi] - run.hr_sum[hlo]
    with np.errstate(divide="ignore", invalid="ignore"):
        hr_field = np.where(n_h > 0, h_sum / (1000 * n_h), np.nan)
    erratic = n_h * (run.hr_sq[hhi] - run.hr_sq[hlo]) - h_sum * h_sum > ERRATIC_SPREAD_MILLI ** 2 * n_h * n_h

    span = np.minimum(s.rate_window_s, T - float(data.t_s[0]))  # the window so far, at the start
    beats_cover = (n_rate >= 2) & ((sum_nn >= RR_COVERAGE * span * 1e6) | (n_h == 0))
    steady_field = (n_h > 0) & ~erratic
    from_beats = beats_cover & ~(bad_beats & steady_field)  # untrustworthy beats: the strap's own rate
    last_sample = np.searchsorted(data.t_s, T, side="right") - 1
    quality = np.zeros(T.size, dtype=np.int8)
    quality |= np.where(T - data.t_s[last_sample] > s.stale_s, int(Quality.STALE), 0).astype(np.int8)
    quality |= np.where(data.contact[last_sample] == Contact.NOT_DETECTED, int(Quality.NO_CONTACT), 0).astype(np.int8)
    untrusted = np.where(from_beats, bad_beats, (n_h > 0) & erratic)  # the source used is judged
    quality |= np.where(untrusted, int(Quality.ARTIFACTS), 0).astype(np.int8)
    hr = np.where(from_beats, hr_rr, hr_field)
    quality |= np.where(np.isnan(hr), int(Quality.NO_RATE), 0).astype(np.int8)
    irregular = from_beats & (n_rate >= 2) & (2 * (run.irregular[hi] - run.irregular[lo]) >= n_rate)
    return hr, rmssd, quality, irregular


class _Window:
    """Beats that became final in (T - width, T], with exact running sums."""

    def __init__(self, width_s: float) -> None:
        self.width_s = width_s
        self.beats: deque[FinalBeat] = deque()
        self.sum_us = 0
        self.corrected = 0
        self.irregular = 0
        self.ssq = 0  # sum of squared successive differences inside the window

    def add(self, beat: FinalBeat) -> None:
        if self.beats:
            self.ssq += (beat.nn_us - self.beats[-1].nn_us) ** 2
        self.beats.append(beat)
        self.sum_us += beat.rate_us
        self.corrected += beat.error
        self.irregular += beat.irregular

    def advance(self, T: float) -> None:
        cutoff = T - self.width_s
        beats = self.beats
        while beats and beats[0].final_t <= cutoff:
            old = beats.popleft()
            self.sum_us -= old.rate_us
            self.corrected -= old.error
            self.irregular -= old.irregular
            if beats:
                self.ssq -= (beats[0].nn_us - old.nn_us) ** 2


class StreamingTicks:
    """Live counterpart of :func:`compute_ticks`: O(1) amortised per beat and tick."""

    def __init__(self, settings: DetectorSettings) -> None:
        s = settings
        self.settings = s
        self._rate = _Window(s.rate_window_s)
        self._quality = _Window(s.quality_window_s)
        self._rmssd = _Window(s.rmssd_window_s)
        self._hr: deque[tuple[float, int]] = deque()
        self._hr_sum = 0
        self._hr_sq = 0
        self.first_sample_t: float | None = None
        self.last_sample_t: float | None = None
        self.last_contact = Contact.UNSUPPORTED

    def add_sample(self, t_s: float, hr_milli: int, contact: Contact, beats: list[FinalBeat]) -> None:
        if self.first_sample_t is None:
            self.first_sample_t = t_s
        self.last_sample_t = t_s
        self.last_contact = contact
        if hr_milli != NO_HR:
            self._hr.append((t_s, hr_milli))
            self._hr_sum += hr_milli
            self._hr_sq += hr_milli * hr_milli
        for b in beats:
            self._rate.add(b)
            self._quality.add(b)
            self._rmssd.add(b)

    def tick(self, T: float) -> Tick:
        s = self.settings
        for w in (self._rate, self._quality, self._rmssd):
            w.advance(T)
        cutoff = T - s.rate_window_s
        while self._hr and self._hr[0][0] <= cutoff:
            old = self._hr.popleft()[1]
            self._hr_sum -= old
            self._hr_sq -= old * old
        quality = Quality.OK
        if self.last_sample_t is None or T - self.last_sample_t > s.stale_s:
            quality |= Quality.STALE
        if self.last_contact == Contact.NOT_DETECTED:
            quality |= Quality.NO_CONTACT
        n_rate, n_h = len(self._rate.beats), len(self._hr)
        span = min(s.rate_window_s, T - (self.first_sample_t if self.first_sample_t is not None else T))
        erratic = n_h * self._hr_sq - self._hr_sum * self._hr_sum > ERRATIC_SPREAD_MILLI ** 2 * n_h * n_h
        q = self._quality
        bad_beats = q.corrected > max(s.max_corrected_fraction * len(q.beats), MIN_CORRECTED_TO_BLOCK)
        beats_cover = n_rate >= 2 and (self._rate.sum_us >= RR_COVERAGE * span * 1e6 or n_h == 0)
        irregular = False
        if beats_cover and not (bad_beats and n_h > 0 and not erratic):
            if bad_beats:
                quality |= Quality.ARTIFACTS
            hr = _rate(n_rate, self._rate.sum_us)
            irregular = n_rate >= 2 and 2 * self._rate.irregular >= n_rate
        else:
            if n_h > 0 and erratic:
                quality |= Quality.ARTIFACTS
            hr = self._hr_sum / (1000 * n_h) if n_h else math.nan
        if math.isnan(hr):
            quality |= Quality.NO_RATE
        r = self._rmssd
        return Tick(T, hr, _rmssd(r.ssq, len(r.beats) - 1), quality, irregular)
