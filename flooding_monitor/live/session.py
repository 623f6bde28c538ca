"""A live session's state: one or two partners' monitors, the shared alert and pause.

Pure logic (no Qt): the UI feeds it samples and statuses and reads what to
show; tests drive it with a controlled clock. Each partner has a detector of
their own (own baseline, own threshold); the alert and the pause are shared,
because either partner's flooding is the couple's cue to stop.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from flooding_monitor.detection.baseline import Baseline, ready_to_return_bpm
from flooding_monitor.detection.detector import BaselineReady, EpisodeEnded, EpisodeStarted, State
from flooding_monitor.detection.monitor import LiveMonitor, TickResult
from flooding_monitor.live.partners import DEFAULT_PARTNERS, MAX_PARTNERS, Partner
from flooding_monitor.protocol.pause import Pause, start_pause
from flooding_monitor.protocol.pause_effect import LiveBreathing
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.heart.samples import HeartRateSample

log = logging.getLogger(__name__)
TRACE_S = 300  # the monitor's scrolling trace: last five minutes


@dataclass(frozen=True)
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
    partner: int = 0  # slot of the partner who flooded
    moving: bool = False  # "we were moving": walking or exercise raised the rate; kept out of trends


@dataclass(frozen=True)
class ConnectionInfo:
    state: str = "disconnected"  # scanning/connecting/connected/signal_lost/reconnecting/disconnected
    message: str = ""
    battery_percent: int | None = None
    body_location: str | None = None
    device_name: str = ""


@dataclass
class PartnerState:
    """One partner's detector and what it has seen this session."""

    slot: int
    partner: Partner
    prefs: Preferences
    baseline: Baseline | None = None
    monitor: LiveMonitor = field(init=False)
    latest: TickResult | None = None
    trace: deque[TickResult] = field(default_factory=lambda: deque(maxlen=TRACE_S + 5))
    episodes: list[EpisodeRecord] = field(default_factory=list)
    connection: ConnectionInfo = field(default_factory=ConnectionInfo)
    below_since_s: float | None = None  # start of the current calm stretch (valid, under thr - hysteresis)
    breathing: LiveBreathing = field(default_factory=LiveBreathing)  # the pause's optional feedback

    def __post_init__(self) -> None:
        self.monitor = LiveMonitor(self.partner.settings(self.prefs.detector), self.baseline)

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
    def rule(self):
        """The threshold rule in force (absolute or personal), for the screens to describe."""
        return self.monitor.machine.rule

    def reconfigure(self, prefs: Preferences) -> None:
        """New detector settings mid-session: a new detector on the same baseline.

        The episodes, trace and calm stretch stay. An episode under way is
        closed at the last tick ("settings changed"); the new detector opens a
        new one if the rate is still above its threshold.
        """
        self.prefs = prefs
        self.monitor = LiveMonitor(self.partner.settings(prefs.detector), self.baseline)
        if self.episodes and self.episodes[-1].end_s is None:
            self.episodes[-1].end_s = self.latest.tick.t_s if self.latest is not None else self.episodes[-1].onset_s

    @property
    def calm_below_bpm(self) -> float:
        """Under this rate the body counts as calm enough to come back: the recovery level, and
        within ~10 % of the resting rate when it is known."""
        return ready_to_return_bpm(self.rule, self.baseline)

    def record(self, results: list[TickResult]) -> list[EpisodeStarted]:
        """Keep the latest tick, the trace, the calm stretch and the episode list; returns onsets."""
        onsets = []
        for r in results:
            self.latest = r
            self.trace.append(r)
            if r.tick.valid:
                self.breathing.add_rate(r.tick.t_s, r.tick.hr_bpm)
            if r.tick.valid and r.tick.hr_bpm < ready_to_return_bpm(r.threshold, self.baseline):
                if self.below_since_s is None:
                    self.below_since_s = r.tick.t_s
            elif r.tick.valid:
                self.below_since_s = None
            for e in r.events:
                if isinstance(e, BaselineReady):
                    self.baseline = e.baseline
                elif isinstance(e, EpisodeStarted):
                    self.episodes.append(EpisodeRecord(e.start_s, e.t_s, peak_bpm=e.hr_bpm, partner=self.slot))
                    onsets.append(e)
                elif isinstance(e, EpisodeEnded) and self.episodes:
                    self.episodes[-1].end_s = e.end_s
                    self.episodes[-1].peak_bpm = e.peak_bpm
            open_episode = self.monitor.machine.open_episode()
            if open_episode is not None and self.episodes:
                self.episodes[-1].peak_bpm = open_episode.peak_bpm
        return onsets

    def calm_for_s(self, now_s: float) -> float:
        return 0.0 if self.below_since_s is None else max(0.0, now_s - self.below_since_s)

    def recovered(self) -> bool:
        """A trusted reading, no episode under way, rate under the calm margin."""
        r = self.latest
        if r is None or not r.tick.valid or self.flooded:
            return False
        return r.tick.hr_bpm < ready_to_return_bpm(r.threshold, self.baseline)


@dataclass
class Session:
    prefs: Preferences
    wall_clock: Callable[[], dt.datetime] = dt.datetime.now
    partners: Sequence[Partner] = (DEFAULT_PARTNERS[0],)
    people: list[PartnerState] = field(init=False)
    pauses: list[Pause] = field(default_factory=list)
    snoozes: list[Snooze] = field(default_factory=list)
    alert_active: bool = False
    alert_slots: tuple[int, ...] = ()  # who is flooded in the current alert
    alerts_raised: int = 0

    def __post_init__(self) -> None:
        if not 1 <= len(self.partners) <= MAX_PARTNERS:
            raise ValueError(f"a session has 1 to {MAX_PARTNERS} partners")
        self.people = []
        for i, partner in enumerate(self.partners):
            self.people.append(PartnerState(i, partner, self.prefs))

    def add_partner(self, partner: Partner, baseline: Baseline | None = None) -> PartnerState:
        """The second strap joins a running session (the shared pause and history go on)."""
        if len(self.people) >= MAX_PARTNERS:
            raise ValueError(f"at most {MAX_PARTNERS} partners")
        person = PartnerState(len(self.people), partner, self.prefs, baseline)
        self.people.append(person)
        self.partners = tuple(p.partner for p in self.people)
        return person

    # -- input ------------------------------------------------------------------------
    def feed(self, sample: HeartRateSample) -> list[TickResult]:
        if not 0 <= sample.partner < len(self.people):
            log.warning("sample for partner %d, who is not in this session", sample.partner)
            return []
        person = self.people[sample.partner]
        if sample.rr_us:
            person.breathing.add_sample(sample.t_s, sample.rr_us)
        return self._handle(person, person.monitor.feed(sample))

    def advance(self, now_s: float) -> list[TickResult]:
        """Every partner's ticks that are due by ``now_s`` (a silent strap still ticks)."""
        return [r for person in self.people for r in self.advance_partner(person.slot, now_s)]

    def advance_partner(self, slot: int, now_s: float) -> list[TickResult]:
        person = self.people[slot]
        return self._handle(person, person.monitor.advance(now_s))

    def reconfigure(self, prefs: Preferences) -> None:
        """Settings changed mid-session: new detectors, same episodes, pauses, snoozes and traces."""
        self.prefs = prefs
        for person, partner in zip(self.people, prefs.partners):
            person.partner = partner
            person.reconfigure(prefs)
        self.partners = tuple(p.partner for p in self.people)

    def _handle(self, person: PartnerState, results: list[TickResult]) -> list[TickResult]:
        for r in results:
            if person.record([r]) and not self.pausing and not self.snoozed(r.tick.t_s):
                self._raise_alert()
            if self.alert_active and not self.flooded:
                self.alert_active = False  # everyone's episode is over
            if self.flooded and not self.alert_active and not self.pausing and not self.snoozed(r.tick.t_s):
                self._raise_alert()  # a snooze ran out while still flooded
        return results

    def _raise_alert(self) -> None:
        self.alert_active = True
        self.alerts_raised += 1
        self.alert_slots = tuple(p.slot for p in self.people if p.flooded)
        for p in self.people:
            if p.flooded and p.episodes:
                p.episodes[-1].alerted = True

    # -- what the UI reads ------------------------------------------------------------
    @property
    def first(self) -> PartnerState:
        return self.people[0]

    @property
    def monitor(self) -> LiveMonitor:
        return self.first.monitor

    @property
    def latest(self) -> TickResult | None:
        return self.first.latest

    @property
    def connection(self) -> ConnectionInfo:
        return self.first.connection

    @property
    def episodes(self) -> list[EpisodeRecord]:
        """Every partner's episodes, in order of their start."""
        return sorted((e for p in self.people for e in p.episodes), key=lambda e: (e.start_s, e.partner))

    @property
    def state(self) -> State:
        return self.first.state

    @property
    def flooded(self) -> bool:
        return any(p.flooded for p in self.people)

    @property
    def pause(self) -> Pause | None:
        return self.pauses[-1] if self.pauses and self.pauses[-1].active else None

    @property
    def pausing(self) -> bool:
        return self.pause is not None

    def snoozed(self, now_s: float) -> bool:
        return bool(self.snoozes) and now_s < self.snoozes[-1].until_s

    def calm_for_s(self, now_s: float) -> float:
        """How long everyone's rate has stayed under their threshold minus the margin."""
        return min(p.calm_for_s(now_s) for p in self.people)

    def recovered(self) -> bool:
        """Ready to return: every partner has a trusted reading under their calm margin."""
        return all(p.recovered() for p in self.people)

    def not_reading(self) -> list[PartnerState]:
        """Partners whose strap gives no trusted rate now (taken off for a walk, out of range)."""
        return [p for p in self.people if p.latest is None or not p.latest.tick.valid]

    def still_flooded(self) -> list[PartnerState]:
        """Partners with a trusted reading who have not calmed yet."""
        unknown = self.not_reading()
        return [p for p in self.people if p not in unknown and not p.recovered()]

    def recovery(self) -> bool | None:
        """True: everyone calm; False: someone measurably not calm; None: the straps cannot tell."""
        if self.still_flooded():
            return False
        return None if self.not_reading() else True

    def set_baseline(self, slot: int, baseline: Baseline) -> None:
        person = self.people[slot]
        person.baseline = baseline
        person.monitor.machine.use_baseline(baseline)

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
        """End the pause now (early if before its time); records whether the bodies had calmed
        (None when a strap was not reading, rather than guessing)."""
        pause = self.pause
        if pause is not None:
            pause.end(now_s, self.recovery())
        return pause

    def extend_pause(self, minutes: float) -> None:
        if self.pause is not None:
            self.pause.extend(minutes)
