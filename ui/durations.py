"""Durations as people say them: "45 s", "11 min", "1 h 05 min", in the user's language."""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SECONDS = QT_TRANSLATE_NOOP("Durations", "{n} s")
MINUTES = QT_TRANSLATE_NOOP("Durations", "{n} min")
HOURS = QT_TRANSLATE_NOOP("Durations", "{h} h {min} min")
NOTES = (QT_TRANSLATE_NOOP("Durations", "1 note"), QT_TRANSLATE_NOOP("Durations", "{n} notes"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Durations", text)


def minutes_seconds(seconds: float) -> str:
    """A countdown as a clock shows it: "2:00", "0:59"."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def duration_text(seconds: float | None, empty: str = "") -> str:
    """Seconds under 90 s, minutes under two hours, then hours and minutes; ``empty`` for none."""
    if seconds is None or not math.isfinite(seconds):
        return empty
    if seconds < 90:
        return _tr(SECONDS).format(n=f"{seconds:.0f}")
    minutes = round(seconds / 60)
    if minutes < 120:
        return _tr(MINUTES).format(n=minutes)
    return _tr(HOURS).format(h=minutes // 60, min=f"{minutes % 60:02d}")


def notes_text(count: int) -> str:
    """"" for none, "1 note", "3 notes"."""
    if count <= 0:
        return ""
    return _tr(NOTES[0]) if count == 1 else _tr(NOTES[1]).format(n=count)
