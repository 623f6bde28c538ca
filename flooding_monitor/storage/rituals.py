"""Stage Four's rituals in the history: the weekly review's shared note and the daily check-ins.

The seed: "Weekly reviews: once a week, briefly discuss what's working, what
needs adjustment, and whether there are any near-misses", and "daily
check-ins: two minutes each day". Neither belongs to a session, so they have
tables of their own in the same private database. A check-in keeps no
content, only that it happened and how long it lasted: what a couple says
to each other is theirs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flooding_monitor.storage.store import SessionStore


@dataclass(frozen=True)
class ReviewNote:
    """The couple's answers to the seed's three questions, for one week."""

    week_start: dt.date  # its Monday
    written_at: dt.datetime
    working: str
    adjusting: str
    near_misses: str

    def is_empty(self) -> bool:
        return not (self.working or self.adjusting or self.near_misses)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class Rituals:
    """The weekly review's notes and the check-ins of one history (``store``'s connection and lock)."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    def save_review(self, week_start: dt.date, working: str = "", adjusting: str = "",
                    near_misses: str = "") -> None:
        """The week's shared note; saving again replaces that week's answers (it is one note, edited)."""
        with self.store.atomic():
            self.store.db.execute(
                "INSERT INTO reviews VALUES (?, ?, ?, ?, ?) ON CONFLICT (week_start) DO UPDATE SET "
                "written_at = excluded.written_at, working = excluded.working, adjusting = excluded.adjusting, "
                "near_misses = excluded.near_misses",
                (monday_of(week_start).isoformat(), dt.datetime.now().isoformat(timespec="seconds"),
                 working, adjusting, near_misses))

    def review(self, week_start: dt.date) -> ReviewNote | None:
        row = self.store.db.execute("SELECT * FROM reviews WHERE week_start = ?",
                                    (monday_of(week_start).isoformat(),)).fetchone()
        if row is None:
            return None
        return ReviewNote(dt.date.fromisoformat(row["week_start"]), dt.datetime.fromisoformat(row["written_at"]),
                          row["working"], row["adjusting"], row["near_misses"])

    def add_check_in(self, seconds: float, at: dt.datetime | None = None) -> None:
        """A check-in happened (``at``: when it began, now by default), and lasted ``seconds``."""
        at = at or dt.datetime.now() - dt.timedelta(seconds=seconds)
        with self.store.atomic():
            self.store.db.execute("INSERT INTO check_ins VALUES (?, ?)", (at.isoformat(timespec="seconds"), seconds))

    def check_ins(self, first_day: dt.date, days: int = 7) -> list[dt.datetime]:
        """When each check-in of ``days`` days from ``first_day`` began."""
        end = first_day + dt.timedelta(days=days)
        rows = self.store.db.execute("SELECT at FROM check_ins WHERE at >= ? AND at < ? ORDER BY at",
                                     (first_day.isoformat(), end.isoformat()))
        return [dt.datetime.fromisoformat(r["at"]) for r in rows]
