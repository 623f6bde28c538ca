"""A live session's state: the monitor, the alert, snoozes and pauses.

Pure logic (no Qt): the UI feeds it samples and statuses and reads what to
show; tests drive it with a controlled clock.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from .baseline import Baseline
from .detector import EpisodeEnded, EpisodeStarted, State
from .monitor import LiveMonitor, TickResult
from .pause import Pause, start_pause
from .preferences import Preferences
from .samples import HeartRateSample

TRACE_S = 300  # the monitor's scrolling trace: last five minutes


@dataclass
class Snooze:
    t_s: float
    until_s: float


@dataclass
class EpisodeRecord:
    start_s: float
    onset_s: float
    end_s: float | None = None
    peak_bpm: float = math.nan
    alerted: bool = False


@dataclass
class ConnectionInfo:
    state: str = "disconnected"  # scanning/connecting/connected/signal_lost/reconnecting/disconnected
    message: str = ""
    battery_percent: int | None = None
    body_location: str | None = None
    device_name: str = ""


@dataclass
class Session:
    prefs: Preferences
    wall_clock: Callable[[], dt.datetime] = dt.datetime.now
    baseline: Baseline | None = None
    monitor: LiveMonitor = field(init=False)
    latest: TickResult | None = None
    trace: deque[TickResult] = field(default_factory=lambda: deque(maxlen=TRACE_S + 5))
    episodes: list[EpisodeRecord] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    snoozes: list[Snooze] = field(default_factory=list)
    alert_active: bool = False
    connection: ConnectionInfo = field(default_factory=ConnectionInfo)
    below_since_s: float | None = None  # start of the current calm stretch (valid, under thr - hysteresis)
    alerts_raised: int = 0

    def __post_init__(self) -> None:
        self.monitor = LiveMonitor(self.prefs.detector, self.baseline)

    # -- input ------------------------------------------------------------------------
    def feed(self, sample: HeartRateSample) -> list[TickResult]:
        return self._handle(self.monitor.feed(sample))

    def advance(self, now_s: float) -> list[TickResult]:
        return self._handle(self.monitor.advance(now_s))

    def _handle(self, results: list[TickResult]) -> list[TickResult]:
        s = self.prefs.detector
        for r in results:
            self.latest = r
            self.trace.append(r)
            thr = r.threshold.threshold_bpm
            if r.tick.valid and r.tick.hr_bpm < thr - s.hysteresis_bpm:
                if self.below_since_s is None:
                    self.below_since_s = r.tick.t_s
            elif r.tick.valid:
                self.below_since_s = None
            for e in r.events:
                if isinstance(e, EpisodeStarted):
                    self.episodes.append(EpisodeRecord(e.start_s, e.t_s, peak_bpm=e.hr_bpm))
                    if not self.pausing and not self.snoozed(r.tick.t_s):
                        self._raise_alert()
                elif isinstance(e, EpisodeEnded):
                    if self.episodes:
                        self.episodes[-1].end_s = e.end_s
                        self.episodes[-1].peak_bpm = e.peak_bpm
                    self.alert_active = False
            open_episode = self.monitor.machine.open_episode()
            if open_episode is not None and self.episodes:
                self.episodes[-1].peak_bpm = open_episode.peak_bpm
            if self.flooded and not self.alert_active and not self.pausing and not self.snoozed(r.tick.t_s):
                self._raise_alert()  # a snooze ran out while still flooded
        return results

    def _raise_alert(self) -> None:
        self.alert_active = True
        self.alerts_raised += 1
        if self.episodes:
            self.episodes[-1].alerted = True

    # -- what the UI reads ------------------------------------------------------------
    @property
    def state(self) -> State:
        return self.latest.state if self.latest else State.NO_SIGNAL

    @property
    def flooded(self) -> bool:
        return self.monitor.machine.flooded

    @property
    def threshold_bpm(self) -> float:
        return self.monitor.machine.rule.threshold_bpm

    @property
    def pause(self) -> Pause | None:
        return self.pauses[-1] if self.pauses and self.pauses[-1].active else None

    @property
    def pausing(self) -> bool:
        return self.pause is not None

    def snoozed(self, now_s: float) -> bool:
        return bool(self.snoozes) and now_s < self.snoozes[-1].until_s

    def calm_for_s(self, now_s: float) -> float:
        """How long the rate has stayed under threshold minus the hysteresis margin."""
        return 0.0 if self.below_since_s is None else max(0.0, now_s - self.below_since_s)

    def recovered(self) -> bool:
        """Ready to return: a trusted reading, no episode under way, rate under the margin."""
        r = self.latest
        if r is None or not r.tick.valid or self.flooded:
            return False
        return r.tick.hr_bpm < r.threshold.threshold_bpm - self.prefs.detector.hysteresis_bpm

    # -- actions ------------------------------------------------------------------------
    def start_pause(self, now_s: float, reason: str = "manual") -> Pause:
        if self.pause is not None:
            return self.pause
        pause = start_pause(now_s, self.wall_clock(), self.prefs.pause_min * 60, reason)
        self.pauses.append(pause)
        self.alert_active = False
        return pause

    def snooze(self, now_s: float) -> Snooze:
        snooze = Snooze(now_s, now_s + self.prefs.snooze_min * 60)
        self.snoozes.append(snooze)
        self.alert_active = False
        return snooze

    def end_pause(self, now_s: float) -> Pause | None:
        """End the pause now (early if before its time); records whether the body had calmed."""
        pause = self.pause
        if pause is not None:
            pause.end(now_s, self.recovered())
        return pause

    def extend_pause(self, minutes: float) -> None:
        if self.pause is not None:
            self.pause.extend(minutes)
