"""What ``flooding-monitor record`` prints: plain words, one status line kept in place on a terminal.

On a terminal the line ``12:04:31  Sam 102 bpm rising · Alex 74 bpm calm`` is
rewritten each second, and news (flooding began, a strap dropped, a low
battery) is printed above it, so it stays readable for an hour. When the
output goes to a file or a pipe each second is its own line, as a log wants.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
from collections.abc import Callable
from typing import TextIO

from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.events import ConnectionChanged, ControllerEvent, StoreChanged, TicksAdded
from flooding_monitor.detection.detector import EpisodeEnded, EpisodeStarted, State
from flooding_monitor.detection.early_cue import CueEnded, CueStarted
from flooding_monitor.detection.monitor import TickResult
from flooding_monitor.text import printable
from flooding_monitor.live.snapshot import SessionView
from flooding_monitor.live.strap_status import StatusKind

LOW_BATTERY_PERCENT = 15
STATE_WORDS = {State.NO_SIGNAL: "no reading", State.CALIBRATING: "measuring resting rate", State.CALM: "calm",
               State.RISING: "rising", State.FLOODED: "FLOODED: time for a pause", State.RECOVERING: "calming down"}


def elapsed(t_s: float) -> str:
    """Time into the session: 4:05, 1:04:05."""
    s = int(t_s)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def describe_rate(r: TickResult) -> str:
    """``102 bpm rising``, or why there is no number."""
    if not r.tick.valid or math.isnan(r.tick.hr_bpm):
        return f"-- bpm {STATE_WORDS[r.state]} ({r.tick.quality.describe()})"
    return f"{r.tick.hr_bpm:.0f} bpm {STATE_WORDS[r.state]}"


def describe_news(r: TickResult, who: str) -> list[str]:
    """The detector's events of one second, as sentences."""
    out = []
    for e in r.events:
        if isinstance(e, EpisodeStarted):
            out.append(f"{who}flooding: above {e.threshold_bpm:.0f} bpm since {e.start_s / 60:.0f} min "
                       f"into the session. Take a 20-minute pause.")
        elif isinstance(e, EpisodeEnded):
            out.append(f"{who}episode over after {(e.end_s - e.start_s) / 60:.0f} min (peak {e.peak_bpm:.0f} bpm).")
        elif isinstance(e, CueStarted):
            out.append(f"{who}heart speeding up ({e.hr_bpm:.0f} bpm, talking level {e.level_bpm:.0f}): slow down?")
        elif isinstance(e, CueEnded) and not e.became_flooding:
            out.append(f"{who}settled again without flooding: a near-miss, caught in time.")
    return out


class LiveStatus:
    """Turns controller events into lines on ``out``; ``in_place`` keeps one status line on a terminal."""

    def __init__(self, controller: SessionController, out: TextIO, in_place: bool,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.controller = controller
        self.out = out
        self.in_place = in_place
        self.clock = clock or controller.wall_now
        self.rates: dict[int, str] = {}
        self._shown = 0  # characters of the status line on screen

    def __call__(self, event: ControllerEvent) -> None:
        if isinstance(event, TicksAdded):
            self._ticks(self._who(event.view, event.slot), event.slot, event.results)
        elif isinstance(event, StoreChanged) and event.error and self.controller.store is not None:
            self.news(f"The history cannot be written: {event.error}")
        elif isinstance(event, ConnectionChanged):
            self._strap(event)

    @staticmethod
    def _who(view: SessionView, slot: int) -> str:
        """"B: " before a line about partner ``slot`` when two are wearing straps."""
        people = view.people
        return f"{printable(people[slot].partner.name)}: " if len(people) > 1 and slot < len(people) else ""

    def _ticks(self, who: str, slot: int, results: tuple[TickResult, ...]) -> None:
        for r in results:
            for line in describe_news(r, who):
                self.news(line)
            self.rates[slot] = who.replace(":", "") + describe_rate(r)
            if not self.in_place:  # a log: the session time too, to line it up with the history
                self._write(f"{self.clock():%H:%M:%S}  [{elapsed(r.tick.t_s)}]  {self.rates[slot]}\n")
        if self.in_place:
            self._status()

    def _strap(self, event: ConnectionChanged) -> None:
        s = event.status
        who = self._who(event.view, event.slot)
        if s.kind == StatusKind.BATTERY and isinstance(s.value, int):
            if s.value <= LOW_BATTERY_PERCENT:
                self.news(f"{who}strap battery low ({s.value} %): charge or replace it soon.")
            return
        if s.kind in (StatusKind.BODY_LOCATION, StatusKind.MALFORMED, StatusKind.SCANNING):
            return
        words = {StatusKind.CONNECTING: "connecting to the strap…", StatusKind.CONNECTED: "strap connected.",
                 StatusKind.SIGNAL_LOST: "lost the strap; trying again.",
                 StatusKind.RECONNECTING: "reconnecting to the strap…",
                 StatusKind.SILENT: "the strap is connected but sends nothing: no reading.",
                 StatusKind.DISCONNECTED: "strap disconnected.", StatusKind.FINISHED: "the recording has ended."}
        text = printable(s.message if s.kind == StatusKind.ERROR and s.message else words.get(s.kind, s.message or ""))
        if text:
            self.news(f"{who}{text}")

    def news(self, line: str) -> None:
        """A line that stays: above the status line on a terminal."""
        if self.in_place:
            self._clear()
        self._write(f"{self.clock():%H:%M:%S}  {line}\n")
        if self.in_place and self.rates:
            self._status()

    def _status(self) -> None:
        width = shutil.get_terminal_size((100, 20)).columns - 1
        text = f"{self.clock():%H:%M:%S}  " + " · ".join(self.rates[k] for k in sorted(self.rates))
        text = text[:width]
        self._write("\r" + text + " " * max(0, self._shown - len(text)))
        self._shown = len(text)

    def _clear(self) -> None:
        if self._shown:
            self._write("\r" + " " * self._shown + "\r")
            self._shown = 0

    def finish(self) -> None:
        """Leave the status line on screen and end it, so what follows starts on its own line."""
        if self.in_place and self._shown:
            self._write("\n")
            self._shown = 0

    def _write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()
