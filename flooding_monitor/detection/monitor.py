"""The live pipeline: samples in, ticks and detector events out.

Used by the app, the recorder and the CLI. Work per sample and per tick is
bounded (no history grows), so an 8-hour session costs the same at its end as
at its start. Time comes only from the samples and from :meth:`advance`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flooding_monitor.detection.baseline import Baseline, ThresholdRule
from flooding_monitor.heart.beats import Intake
from flooding_monitor.detection.detector import Event, FloodingStateMachine, State
from flooding_monitor.detection.early_cue import CueEnded, CueStarted, EarlyCue
from flooding_monitor.detection.heart_rate import StreamingTicks, Tick
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.streaming_corrector import StreamingCorrector

#: A tick is emitted by :meth:`LiveMonitor.advance` only this long after its
#: time, so a sample stamped just before it still has time to arrive.
LATE_GRACE_S = 0.5


@dataclass(frozen=True, slots=True)
class TickResult:
    tick: Tick
    state: State
    threshold: ThresholdRule
    events: tuple[Event | CueStarted | CueEnded, ...]
    seconds_above: float
    seconds_below: float
    cue: bool = False  # the early "speeding up" cue is on (see :mod:`.early_cue`)


class LiveMonitor:
    def __init__(self, settings: DetectorSettings, baseline: Baseline | None = None) -> None:
        self.settings = settings
        self.intake = Intake()
        self.corrector = StreamingCorrector()
        self.ticks = StreamingTicks(settings)
        self.machine = FloodingStateMachine(settings, baseline)
        self.cue = EarlyCue()
        self.t0: float | None = None
        self._k = 1  # index of the next tick

    def feed(self, sample: HeartRateSample) -> list[TickResult]:
        """Ingest one sample; returns the ticks that became complete before it."""
        out = self._emit_until(sample.t_s, inclusive=False) if self.t0 is not None else []
        ok, hr_m, rr = self.intake.accept(sample)
        if not ok:
            return out
        if self.t0 is None:
            self.t0 = sample.t_s
        beats = []
        for value in rr:
            beats.extend(self.corrector.push(value, sample.t_s))
        self.ticks.add_sample(sample.t_s, hr_m, sample.contact, beats)
        return out

    def advance(self, now_s: float) -> list[TickResult]:
        """Emit ticks that are due even if the strap went quiet (stale detection)."""
        if self.t0 is None:
            return []
        return self._emit_until(now_s - LATE_GRACE_S, inclusive=True)

    def finish(self, end_s: float) -> list[TickResult]:
        """Emit every tick up to and including ``end_s`` (end of a recording)."""
        if self.t0 is None:
            return []
        return self._emit_until(end_s, inclusive=True)

    def _emit_until(self, t_s: float, inclusive: bool) -> list[TickResult]:
        out = []
        assert self.t0 is not None
        while True:
            T = self.t0 + self._k
            if T > t_s or (T == t_s and not inclusive):
                return out
            self._k += 1
            tick = self.ticks.tick(T)
            m = self.machine
            events: list[Event | CueStarted | CueEnded] = list(m.step(tick))
            cue_event = self.cue.step(T, tick.hr_bpm, tick.valid, m.flooded)
            if cue_event is not None:
                events.append(cue_event)
            assert m.state is not None
            out.append(TickResult(tick, m.state, m.rule, tuple(events), m.seconds_above, m.seconds_below,
                                  self.cue.on_since is not None))
