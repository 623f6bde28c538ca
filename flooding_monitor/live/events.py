"""What the session controller announces: typed events a front end renders.

Every event a screen draws carries the session's picture at that moment
(:class:`~flooding_monitor.live.snapshot.SessionView`); front ends draw it and
never read the live session. ``StoreChanged`` alone says only whether the
history is being saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from flooding_monitor.detection.monitor import TickResult
from flooding_monitor.live.session import Snooze
from flooding_monitor.live.snapshot import PauseView, SessionView
from flooding_monitor.live.strap_status import Status


@dataclass(frozen=True)
class TicksAdded:
    """A partner's detector completed seconds (rate, state, detector events)."""

    slot: int
    results: tuple[TickResult, ...]
    view: SessionView


@dataclass(frozen=True)
class AlertRaised:
    slots: tuple[int, ...]  # who is flooded
    view: SessionView


@dataclass(frozen=True)
class AlertCleared:
    view: SessionView


@dataclass(frozen=True)
class PauseStarted:
    pause: PauseView
    view: SessionView


@dataclass(frozen=True)
class PauseChanged:
    """Extended, due (its time is up) or ended."""

    pause: PauseView
    what: str  # "extended" | "due" | "ended"
    view: SessionView


@dataclass(frozen=True)
class Snoozed:
    snooze: Snooze
    view: SessionView


@dataclass(frozen=True)
class ConnectionChanged:
    slot: int
    status: Status
    view: SessionView


@dataclass(frozen=True)
class PartnersChanged:
    """A partner joined, was renamed or got a resting rate."""

    view: SessionView


@dataclass(frozen=True)
class SettingsChanged:
    """New preferences that leave the detectors as they were (the clock's format, the cue, the feedback)."""

    view: SessionView


@dataclass(frozen=True)
class StoreChanged:
    error: str | None  # None: everything recorded so far is saved


ControllerEvent = (TicksAdded | AlertRaised | AlertCleared | PauseStarted | PauseChanged | Snoozed
                   | ConnectionChanged | PartnersChanged | SettingsChanged | StoreChanged)
