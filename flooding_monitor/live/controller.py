"""One conversation, from the first sample to the last: the session, its recording, its outputs.

The Qt window and the headless ``record`` command both drive this object, so
what happens to a heart beat (detector, history, Lab Streaming Layer, alert,
pause) is decided in one place. Front ends send samples, strap statuses and
user intents in, and render the typed events that come out; they never touch
the store or the detectors themselves. No Qt, no Bluetooth: tests drive it
with a list of samples and a number for the clock. What it emits is in
:mod:`.events`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from flooding_monitor.detection.baseline import Baseline
from flooding_monitor.detection.detector import BaselineReady
from flooding_monitor.detection.early_cue import CueEnded, CueStarted
from flooding_monitor.detection.monitor import TickResult
from flooding_monitor.protocol.pause import Pause, local_after
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.live.recorder_thread import RecorderThread
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.live.session import ConnectionInfo, PartnerState, Session, Snooze
from flooding_monitor.live.snapshot import PauseView, SessionView
from flooding_monitor.live.events import (
    AlertCleared,
    AlertRaised,
    ConnectionChanged,
    ControllerEvent,
    PartnersChanged,
    PauseChanged,
    PauseStarted,
    SettingsChanged,
    Snoozed,
    StoreChanged,
    TicksAdded,
)
from flooding_monitor.live.session_recorder import SessionRecorder
from flooding_monitor.storage.store import PartnerInfo, SessionStore
from flooding_monitor.live.strap_status import Status, StatusKind

log = logging.getLogger(__name__)


class Output(Protocol):
    """Somewhere live data is published besides the history (Lab Streaming Layer)."""

    def add_partner(self, slot: int, name: str, device: str = "") -> None: ...

    def push_sample(self, sample: HeartRateSample) -> None: ...

    def push_ticks(self, slot: int, results: list[TickResult]) -> None: ...

    def push_event(self, t_s: float, kind: str, partner: int | None = None, **fields: object) -> None: ...

    def close(self) -> None: ...


#: Strap statuses that are markers for outputs, not just words on screen.
MARKED_STATUSES = (StatusKind.SIGNAL_LOST, StatusKind.SILENT, StatusKind.CONNECTED, StatusKind.DISCONNECTED)


def _with_status(c: ConnectionInfo, status: Status) -> ConnectionInfo:
    """A strap's connection as ``status`` leaves it (battery, location, state, error advice)."""
    if status.kind == StatusKind.BATTERY:
        return replace(c, battery_percent=int(status.value) if status.value is not None else None)
    if status.kind == StatusKind.BODY_LOCATION:
        return replace(c, body_location=str(status.value))
    if status.kind == StatusKind.ERROR:
        return replace(c, message=status.message)
    if status.kind != StatusKind.MALFORMED:
        return replace(c, state=status.kind.value, message="")  # the state's words say it; only errors advise
    return c


class SessionController:
    """Owns the running session, its recorder and its outputs; emits :data:`ControllerEvent`s.

    ``start`` begins a recorded session on a clock; everything before that is
    a session nobody records (the window shows it empty).
    """

    def __init__(self, prefs: Preferences, store: SessionStore | None, write_in_background: bool = False) -> None:
        """``write_in_background``: the history is written on a thread of its own (the app's choice,
        so a locked or slow database never holds up the display); otherwise in ``feed``."""
        self.prefs = prefs
        self.store = store
        self._recorder_class = RecorderThread if write_in_background else SessionRecorder
        self.listeners: list[Callable[[ControllerEvent], None]] = []
        self.outputs: list[Output] = []
        self.now: Callable[[], float] = lambda: 0.0
        self.started_at = dt.datetime.now()
        self.session = self._new_session(1)
        self.recorder: SessionRecorder | RecorderThread | None = None
        self._store_error: str | None = None
        self.running = False
        self._protocol_key: tuple = ()
        self._alert_shown = False
        self._due_told: Pause | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def start(self, now: Callable[[], float], kind: str, device_name: str, device_address: str | None = None,
              outputs: list[Output] | None = None) -> None:
        """A new session on partner A's strap (the running one, if any, is finished first)."""
        self.finish()
        self.now = now
        self.started_at = dt.datetime.now()
        self.session = self._new_session(1, keep=self.session)
        self.session.first.connection = ConnectionInfo(device_name=device_name)
        self.recorder = self._recorder_class(self.store, self.started_at, kind, device_name, device_address,
                                        self.prefs.detector.to_dict())
        self.outputs = list(outputs or [])
        for out in self.outputs:
            out.add_partner(0, self.prefs.partners[0].name, device_name)
        self.running = True
        self._protocol_key = ()
        self._save_partners()
        self._store_error = self.recorder.error
        self._emit(StoreChanged(self.recorder.error))
        self._emit(PartnersChanged(self.view()))

    def add_partner(self, slot: int, device_name: str = "") -> PartnerState:
        """Partner ``slot`` joins the running session (their strap, or a two-partner replay)."""
        while len(self.session.people) <= slot:
            self.session.add_partner(self.prefs.partners[len(self.session.people)])
        person = self.session.people[slot]
        person.connection = ConnectionInfo(device_name=device_name or person.connection.device_name)
        for out in self.outputs:
            out.add_partner(slot, person.partner.name, person.connection.device_name)
        self._save_partners()
        self._emit(PartnersChanged(self.view()))
        return person

    def finish(self, closed_by: str = "app", then: Callable[[bool], Any] | None = None) -> bool:
        """Save everything and close the session; False when part of it could not be saved. With
        ``then``, a background recorder does not make the caller wait: ``then(saved)`` is called on
        its thread once the session is closed (the app's end card asks for its summary from there)."""
        if not self.running:
            if then is not None:
                then(True)
            return True
        self.running = False
        ok = True
        if self.recorder is not None:
            self._save_protocol()
            ok = self.recorder.finish(closed_by=closed_by, then=then)
            self._store_error = self.recorder.error
            self._emit(StoreChanged(self.recorder.error))
        elif then is not None:
            then(True)
        for out in self.outputs:
            out.close()
        self.outputs = []
        return ok

    # -- input ----------------------------------------------------------------------------
    def feed(self, sample: HeartRateSample) -> None:
        if not self.running:
            return
        if sample.partner >= len(self.session.people) and sample.partner < len(self.prefs.partners):
            self.add_partner(sample.partner)  # e.g. a two-partner replay
        results = self.session.feed(sample)
        for out in self.outputs:
            out.push_sample(sample)
        self._after_ticks(sample.partner, results)
        if self.recorder is not None:
            self.recorder.add_sample(sample)
            self._tell_store_changes()

    def _tell_store_changes(self) -> None:
        """The history started or stopped refusing writes (seen when it happened, or on the next
        sample or tick when a background writer found it)."""
        if self.recorder is not None and self.recorder.error != self._store_error:
            self._store_error = self.recorder.error
            self._emit(StoreChanged(self._store_error))

    def status(self, status: Status) -> None:
        """A strap's report: recorded, published, and kept on the partner's connection."""
        if not self.running:
            return
        if self.recorder is not None and status.kind != StatusKind.MALFORMED:
            self.recorder.add_event(status.t_s, status.kind.value, status.message or str(status.value or ""),
                                    status.partner)
        if status.kind in MARKED_STATUSES:
            self._publish(f"strap_{status.kind.value}", status.t_s, partner=status.partner)
        if status.partner >= len(self.session.people):
            return
        person = self.session.people[status.partner]
        person.connection = _with_status(person.connection, status)
        self._emit(ConnectionChanged(status.partner, status, self.view(status.t_s)))

    def tick(self, now_s: float) -> None:
        """The session runner's clock: time has passed to ``now_s`` whether or not samples came.
        Completes every partner's seconds, saves what changed (a pause started while every strap
        is silent is on disk within a second) and tells when the pause is due."""
        self.advance(now_s)
        if self.running and self.recorder is not None:
            self.recorder.tick(now_s)

    def tick_grid(self) -> list[float]:
        """Each partner's first second (their ticks fall on it plus whole seconds), once known."""
        return [t0 for p in self.session.people if (t0 := p.monitor.t0) is not None]

    def advance(self, now: float | None = None) -> None:
        """Let time pass: ticks for quiet straps, and the pause's end."""
        now = self.now() if now is None else now
        for person in self.session.people:
            self._after_ticks(person.slot, self.session.advance_partner(person.slot, now))
        if self.running:
            self._tell_store_changes()
        pause = self.session.pause
        if pause is not None and pause.is_due(now) and self._due_told is not pause:
            self._due_told = pause
            self._emit(PauseChanged(PauseView.of(pause), "due", self.view(now)))

    # -- user intents ---------------------------------------------------------------------
    def start_pause(self, reason: str) -> Pause:
        had = self.session.pause
        pause = self.session.start_pause(self.now(), reason)
        if pause is not had:
            self._publish("pause_started", reason=reason, minutes=pause.planned_s / 60,
                          return_at=pause.return_wall.isoformat(timespec="minutes"))
            self._save_protocol()
            self._alert_shown = False
            self._emit(PauseStarted(PauseView.of(pause), self.view()))
        return pause

    def snooze(self) -> Snooze:
        snooze = self.session.snooze(self.now())
        self._publish("snoozed", until_s=snooze.until_s)
        self._save_protocol()
        self._alert_shown = False
        self._emit(Snoozed(snooze, self.view()))
        return snooze

    def mark_moving(self) -> None:
        """"We were moving": walking or exercise raised the rate. The alerted partners' episodes are
        marked (history keeps them, trends leave them out) and the alert waits like "Not now"."""
        for person in self.session.people:
            if person.slot in self.session.alert_slots and person.episodes:
                person.episodes[-1].moving = True
        self._publish("moving", partners=list(self.session.alert_slots))
        self.snooze()

    def end_pause(self) -> Pause | None:
        pause = self.session.end_pause(self.now())
        if pause is not None:
            self._publish("pause_ended", early=pause.ended_early, recovered=pause.recovered)
            self._save_protocol()
            self._emit(PauseChanged(PauseView.of(pause), "ended", self.view()))
        return pause

    def extend_pause(self, minutes: float) -> None:
        pause = self.session.pause
        if pause is None:
            return
        self.session.extend_pause(minutes)
        self._due_told = None
        self._publish("pause_extended", minutes=minutes)
        self._save_protocol()
        self._emit(PauseChanged(PauseView.of(pause), "extended", self.view()))

    def set_baseline(self, slot: int, baseline: Baseline) -> None:
        self.session.set_baseline(slot, baseline)
        self._save_partners()
        self._emit(PartnersChanged(self.view()))

    def apply_prefs(self, prefs: Preferences) -> None:
        """New preferences; new detector rules reconfigure the running session and keep its history."""
        old = self.prefs
        self.prefs = prefs
        self.session.prefs = prefs
        if prefs.detector != old.detector or prefs.partners != old.partners:
            self.session.reconfigure(prefs)
            self._save_protocol()
            self._save_partners()
            self._emit(PartnersChanged(self.view()))
        else:  # the screens draw the new words and choices from the next picture on
            self._emit(SettingsChanged(self.view()))

    # -- what front ends read -------------------------------------------------------------
    def wall_now(self) -> dt.datetime:
        """Clock time on the session's time base (a sped-up demo shows sped-up clock times)."""
        return local_after(self.started_at, self.now()).replace(tzinfo=None)

    def view(self, t_s: float | None = None) -> SessionView:
        """The session's picture at ``t_s`` (now by default): what the events carry to the screens."""
        return SessionView.of(self.session, self.now() if t_s is None else t_s)

    # -- inside -----------------------------------------------------------------------------
    def _new_session(self, people: int, keep: Session | None = None) -> Session:
        """A fresh session for ``people`` partners; resting rates carried over from ``keep``."""
        session = Session(self.prefs, self.wall_now, partners=self.prefs.partners[:people])
        if keep is not None:
            for old, new in zip(keep.people, session.people):
                if old.baseline is not None:
                    session.set_baseline(new.slot, old.baseline)
        return session

    def _after_ticks(self, slot: int, results: list[TickResult]) -> None:
        if not results:
            return
        for out in self.outputs:
            out.push_ticks(slot, results)
        if any(isinstance(e, BaselineReady) for r in results for e in r.events):
            self._save_partners()
        self._record_cues(slot, results)
        self._save_protocol()
        alert_changed = self._alert_shown != self.session.alert_active
        view = self.view(results[-1].tick.t_s)
        self._alert_shown = self.session.alert_active
        if alert_changed and self.session.alert_active:  # drawn before the ticks: the alert matters most
            self._emit(AlertRaised(self.session.alert_slots, view))
            self._publish("alert", partners=list(self.session.alert_slots))
            self._record_alert(self.session.alert_slots)
        elif alert_changed:
            self._emit(AlertCleared(view))
        self._emit(TicksAdded(slot, tuple(results), view))

    def _record_cues(self, slot: int, results: list[TickResult]) -> None:
        """The early cue's start and end in the history (a near-miss is a cue that ended calm)."""
        for r in results:
            for e in r.events:
                if isinstance(e, CueStarted):
                    self._publish("cue", e.t_s, slot, hr_bpm=round(e.hr_bpm, 1), level_bpm=round(e.level_bpm, 1))
                    if self.recorder is not None:
                        self.recorder.add_event(e.t_s, "cue", f"{e.hr_bpm:.0f} bpm, talking level {e.level_bpm:.0f}",
                                                slot)
                elif isinstance(e, CueEnded):
                    outcome = "flooding" if e.became_flooding else "near_miss"
                    self._publish("cue_end", e.t_s, slot, outcome=outcome)
                    if self.recorder is not None:
                        self.recorder.add_event(e.t_s, "cue_end", outcome, slot)

    def _record_alert(self, slots: tuple[int, ...]) -> None:
        """When the alert fired and for whom: the history marks it on the session's chart."""
        if self.recorder is not None:
            for slot in slots:
                self.recorder.add_event(self.now(), "alert", "", slot)

    def _save_protocol(self) -> None:
        """Hand episodes, pauses and snoozes to the recorder when they changed."""
        s = self.session
        key = (tuple((e.start_s, e.end_s, e.peak_bpm, e.alerted, e.partner, e.moving) for e in s.episodes),
               tuple((p.started_s, p.extended_s, p.ended_s) for p in s.pauses), len(s.snoozes),
               s.first.baseline)
        if key != self._protocol_key and self.recorder is not None:
            self._protocol_key = key
            self.recorder.set_protocol(s.episodes, s.pauses, s.snoozes, s.first.baseline)

    def _save_partners(self) -> None:
        if self.recorder is None:
            return
        self.recorder.set_partners([
            PartnerInfo(p.slot, p.partner.name, p.partner.colour, p.connection.device_name or None, None,
                        p.partner.threshold_bpm, p.baseline.hr_bpm if p.baseline else None,
                        p.baseline.rmssd_ms if p.baseline else None)
            for p in self.session.people])

    def _publish(self, kind: str, t_s: float | None = None, partner: int | None = None, **fields: object) -> None:
        for out in self.outputs:
            out.push_event(self.now() if t_s is None else t_s, kind, partner, **fields)

    def _emit(self, event: ControllerEvent) -> None:
        for listener in list(self.listeners):
            listener(event)
