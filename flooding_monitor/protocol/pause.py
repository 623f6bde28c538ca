"""The pause protocol from the seed's Stage Three.

Either partner can call a pause, no explanation needed; it lasts at least
20 minutes (Gottman) spent self-soothing, not ruminating; it ends with a
specific return time and reconnection phrases. If the body has not calmed by
then, extend by 5-10 minutes rather than return flooded. Ending early is
allowed and recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flooding_monitor.text import QT_TRANSLATE_NOOP

MIN_PAUSE_S = 20 * 60  # Gottman: physiological calm takes at least 20 minutes
MAX_PAUSE_S = 24 * 3600

RECONNECTION_PHRASES = (QT_TRANSLATE_NOOP("core", "I'm here."), QT_TRANSLATE_NOOP("core", "We're okay."),
                        QT_TRANSLATE_NOOP("core", "Take it slow."), QT_TRANSLATE_NOOP("core", "I won't leave."))
FIRST_PHRASE = RECONNECTION_PHRASES[0]

SELF_SOOTHING = (
    QT_TRANSLATE_NOOP("core", "Go to a separate, quiet space."),
    QT_TRANSLATE_NOOP("core", "Breathe slowly with the guide: a longer breath out than in."),
    QT_TRANSLATE_NOOP("core", "Tense a group of muscles for five seconds, then let go. Work from feet to face."),
    QT_TRANSLATE_NOOP("core", "Picture a place where you feel calm and safe."),
    QT_TRANSLATE_NOOP("core", "Walk, or listen to calming music."),
    QT_TRANSLATE_NOOP("core", "Don't rehearse the argument or collect evidence; "
                              "when your mind goes back, return to the breath."),
)

REPAIR_PHRASE = QT_TRANSLATE_NOOP("core", "I fell into an old pattern. Sorry. Let me try again.")


@dataclass
class Pause:
    """One pause, from call to return."""

    started_s: float
    planned_s: float
    started_wall: dt.datetime
    reason: str  # "alert" (after a flooding alert) or "manual" (either partner called it)
    extended_s: float = 0.0
    ended_s: float | None = None
    ended_early: bool = False
    recovered: bool | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def length_s(self) -> float:
        return self.planned_s + self.extended_s

    @property
    def due_s(self) -> float:
        return self.started_s + self.length_s

    @property
    def return_wall(self) -> dt.datetime:
        """The clock time to come back, in local time with the zone's rules at that moment.

        Naive arithmetic is wrong across a daylight-saving change: a pause at 01:50
        on 2026-03-08 in New York returns at 03:10 by the clock, not 02:10.
        """
        return local_after(self.started_wall, self.length_s)

    def remaining_s(self, now_s: float) -> float:
        return max(0.0, self.due_s - now_s)

    def is_due(self, now_s: float) -> bool:
        return self.ended_s is None and now_s >= self.due_s

    @property
    def active(self) -> bool:
        return self.ended_s is None

    def extend(self, minutes: float) -> None:
        if not 1 <= minutes <= 120:
            raise ValueError("extend by 1 to 120 minutes")
        self.extended_s += minutes * 60

    def end(self, now_s: float, recovered: bool | None) -> None:
        if self.ended_s is None:
            self.ended_s = now_s
            self.ended_early = now_s < self.due_s
            self.recovered = recovered


def start_pause(now_s: float, wall_now: dt.datetime, length_s: float = MIN_PAUSE_S,
                reason: str = "manual") -> Pause:
    if not MIN_PAUSE_S <= length_s <= MAX_PAUSE_S:
        raise ValueError("a pause lasts at least 20 minutes and at most 24 hours")
    return Pause(now_s, float(length_s), wall_now, reason)


def local_after(start: dt.datetime, seconds: float) -> dt.datetime:
    """``seconds`` of real time after ``start`` (naive means local time), as a local clock reads it."""
    aware = start if start.tzinfo is not None else start.astimezone()
    return (aware + dt.timedelta(seconds=seconds)).astimezone()


def format_clock(t: dt.datetime, twelve_hour: bool = False) -> str:
    """The agreed return time as people read clocks: "15:42" or "3:42 PM"."""
    if twelve_hour:
        return f"{t.hour % 12 or 12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"
    return t.strftime("%H:%M")


def format_countdown(seconds: float) -> str:
    s = int(round(max(0.0, seconds)))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"
