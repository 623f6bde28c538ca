"""What the screens draw: an immutable picture of the session at one moment.

The controller takes one after every change it announces (a partner's
completed second, the alert, the pause, a strap's status) and hands it out
with the event. Views draw from the picture and never hold the live
:class:`~flooding_monitor.live.session.Session`: nothing a view does can move
a detector, a picture drawn late still says what was true at its second, and
a view can be tested with a picture made by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flooding_monitor.detection.baseline import Baseline, ThresholdRule
from flooding_monitor.detection.detector import State
from flooding_monitor.detection.monitor import TickResult
from flooding_monitor.live.partners import Partner
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.live.session import ConnectionInfo, PartnerState, Session
from flooding_monitor.protocol.pause import Pause
from flooding_monitor.protocol.pause_effect import BreathingFeedback


@dataclass(frozen=True, slots=True)
class PauseView:
    """The running pause: when it began, when it is due, and the clock time agreed to come back."""

    started_s: float
    due_s: float
    return_wall: dt.datetime
    reason: str

    @classmethod
    def of(cls, pause: Pause) -> PauseView:
        return cls(pause.started_s, pause.due_s, pause.return_wall, pause.reason)

    def remaining_s(self, now_s: float) -> float:
        return max(0.0, self.due_s - now_s)


@dataclass(frozen=True, slots=True)
class PartnerView:
    """One partner at that moment: the last second, the rule, the calm stretch, the strap."""

    slot: int
    partner: Partner
    latest: TickResult | None
    flooded: bool
    rule: ThresholdRule
    baseline: Baseline | None
    calm_below_bpm: float
    calm_since_s: float | None  # start of the current calm stretch
    recovered: bool
    connection: ConnectionInfo
    trace: tuple[TickResult, ...]  # the last five minutes
    feedback: BreathingFeedback | None  # the pause's optional breathing feedback, when asked for
    early_cue: bool  # the "speeding up" cue is wanted (Settings)
    episodes: int  # flooding episodes so far this session

    @classmethod
    def of(cls, person: PartnerState, feedback: bool) -> PartnerView:
        usual = person.baseline.hr_bpm if person.baseline else None
        return cls(person.slot, person.partner, person.latest, person.flooded, person.rule, person.baseline,
                   person.calm_below_bpm, person.below_since_s, person.recovered(), person.connection,
                   tuple(person.trace), person.breathing.feedback(person.latest.tick.t_s, usual)
                   if feedback and person.latest is not None else None, person.prefs.early_cue,
                   len(person.episodes))

    @property
    def state(self) -> State:
        return self.latest.state if self.latest else State.NO_SIGNAL

    @property
    def threshold_bpm(self) -> float:
        return self.rule.threshold_bpm

    @property
    def reading(self) -> bool:
        """The strap gives a trusted rate now."""
        return self.latest is not None and self.latest.tick.valid

    @property
    def speeding_up(self) -> bool:
        """The early cue shows: rising toward flooding, not flooded yet, and the cue is wanted."""
        return self.early_cue and self.reading and self.latest is not None and self.latest.cue and not self.flooded

    def calm_for_s(self, now_s: float) -> float:
        return 0.0 if self.calm_since_s is None else max(0.0, now_s - self.calm_since_s)


@dataclass(frozen=True, slots=True)
class SessionView:
    """The whole session at ``t_s``: every partner, the alert, the snooze and the pause."""

    t_s: float
    people: tuple[PartnerView, ...]
    prefs: Preferences
    alert_active: bool
    alert_slots: tuple[int, ...]
    snoozed_until_s: float | None  # a "Not now" running at ``t_s``
    snoozed_until_wall: dt.datetime | None
    pause: PauseView | None

    @classmethod
    def of(cls, session: Session, t_s: float) -> SessionView:
        """The picture of ``session`` at ``t_s``; the breathing feedback only while a pause wants it."""
        feedback = session.pausing and session.prefs.pause_feedback
        snoozed = session.snoozed(t_s)
        until = session.snoozes[-1].until_s if snoozed else None
        wall = session.wall_clock() + dt.timedelta(seconds=until - t_s) if until is not None else None
        return cls(t_s, tuple(PartnerView.of(p, feedback) for p in session.people), session.prefs,
                   session.alert_active, session.alert_slots, until, wall,
                   PauseView.of(session.pause) if session.pause is not None else None)

    @property
    def couple(self) -> bool:
        return len(self.people) > 1

    @property
    def first(self) -> PartnerView:
        return self.people[0]

    def alerted(self) -> list[PartnerView]:
        """Who the alert is for (the first partner when it does not say)."""
        return [p for p in self.people if p.slot in self.alert_slots] or [self.first]

    def not_reading(self) -> list[PartnerView]:
        """Partners whose strap gives no trusted rate (taken off for a walk, out of range)."""
        return [p for p in self.people if not p.reading]

    def still_flooded(self) -> list[PartnerView]:
        """Partners with a trusted reading who have not calmed yet."""
        return [p for p in self.people if p.reading and not p.recovered]
