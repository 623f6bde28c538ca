"""The weekly review, Stage Four of the seed: what went well first, then the setbacks, compared.

"Once a week, briefly discuss what's working, what needs adjustment, and
whether there are any near-misses"; "celebrating successes"; setbacks met
with repair, not shame. This module counts one week (Monday to Sunday) from
the history with the same definitions as History and the trends (episodes as
recorded, near-misses from the early cue stepped over the stored ticks, time
to calm from each pause's start), lists the wins before the setbacks, and
compares the week with the one before and with the four weeks before it.
The words belong to the front end.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from enum import Enum

from flooding_monitor.review.history import SessionSummary, near_misses, reanalyze, summaries
from flooding_monitor.storage.rituals import ReviewNote, Rituals, monday_of
from flooding_monitor.storage.store import SessionStore

#: "The last month": the four weeks before the reviewed one.
MONTH_WEEKS = 4


@dataclass(frozen=True)
class WeekFigures:
    week_start: dt.date
    sessions: int
    calm_sessions: int  # conversations with no flooding at all
    episodes: int
    minutes_flooded: float
    pauses: int
    pauses_kept: int  # lasted the agreed time (ended, not ended early)
    calm_after_min: float | None  # median over the week's sessions of the time from a pause to calm
    near_misses: int
    check_ins: int


@dataclass(frozen=True)
class MonthFigures:
    """The four weeks before, per week."""

    episodes_per_week: float
    minutes_flooded_per_week: float
    calm_after_min: float | None


class WinKind(Enum):
    PAUSES_KEPT = "pauses_kept"
    CALM_SESSIONS = "calm_sessions"
    NEAR_MISSES = "near_misses"
    CALM_SOONER = "calm_sooner"
    FEWER_EPISODES = "fewer_episodes"
    CHECK_INS = "check_ins"
    SHOWED_UP = "showed_up"  # nothing else yet: they kept coming back to talk with the monitor on


@dataclass(frozen=True)
class Win:
    kind: WinKind
    count: int = 0
    minutes: float = 0.0  # CALM_SOONER: how much sooner


@dataclass(frozen=True)
class Setback:
    """One flooding episode of the week, with the session's note if there is one."""

    session_id: int
    started_at: dt.datetime
    partner_name: str
    minutes: float
    peak_bpm: float | None
    note: str


@dataclass(frozen=True)
class WeeklyReview:
    week: WeekFigures
    previous: WeekFigures  # the week before (zeros when nothing was recorded)
    month: MonthFigures
    recent: list[WeekFigures]  # the reviewed week and the four before, oldest first (the small chart)
    wins: list[Win]
    setbacks: list[Setback]
    note: ReviewNote | None

    @property
    def is_empty(self) -> bool:
        return self.week.sessions == 0 and self.week.check_ins == 0


def weekly_review(store: SessionStore, day: dt.date) -> WeeklyReview:
    """The review of the week holding ``day``."""
    monday = monday_of(day)
    by_week: dict[dt.date, list[SessionSummary]] = {}
    for s in summaries(store):
        by_week.setdefault(monday_of(s.started_at.date()), []).append(s)
    rituals = Rituals(store)
    starts = [monday - dt.timedelta(weeks=k) for k in range(MONTH_WEEKS, -1, -1)]
    recent = [week_figures(store, rituals, start, by_week.get(start, []), with_near_misses=start >= starts[-2])
              for start in starts]
    week, previous, month = recent[-1], recent[-2], _month(recent[:-1])
    return WeeklyReview(week, previous, month, recent, wins(week, previous),
                        _setbacks(store, by_week.get(monday, [])), rituals.review(monday))


def wins(week: WeekFigures, previous: WeekFigures) -> list[Win]:
    """What went well, in the order the review says it (the pauses first: the protocol working)."""
    out = []
    if week.pauses_kept:
        out.append(Win(WinKind.PAUSES_KEPT, week.pauses_kept))
    if week.calm_sessions:
        out.append(Win(WinKind.CALM_SESSIONS, week.calm_sessions))
    if week.near_misses:
        out.append(Win(WinKind.NEAR_MISSES, week.near_misses))
    if week.calm_after_min is not None and previous.calm_after_min is not None \
            and previous.calm_after_min - week.calm_after_min >= 1:
        out.append(Win(WinKind.CALM_SOONER, minutes=previous.calm_after_min - week.calm_after_min))
    if previous.sessions and week.sessions and week.episodes < previous.episodes:
        out.append(Win(WinKind.FEWER_EPISODES, previous.episodes - week.episodes))
    if week.check_ins:
        out.append(Win(WinKind.CHECK_INS, week.check_ins))
    if not out and week.sessions:
        out.append(Win(WinKind.SHOWED_UP, week.sessions))
    return out


def week_figures(store: SessionStore, rituals: Rituals, monday: dt.date, items: list[SessionSummary],
                 with_near_misses: bool = True) -> WeekFigures:
    """One week's counts from its sessions (near-misses need a re-analysis of each: the review asks for
    them only for the reviewed week and the one before)."""
    pauses = [p for s in items for p in store.pauses(s.id)]
    calm = [s.median_recovery_s / 60 for s in items if s.median_recovery_s is not None]
    misses = sum(near_misses(reanalyze(store, s.id, partner=k))
                 for s in items for k in range(max(1, len(s.partner_names)))) if with_near_misses else 0
    return WeekFigures(
        week_start=monday, sessions=len(items), calm_sessions=sum(1 for s in items if s.episodes == 0),
        episodes=sum(s.episodes for s in items), minutes_flooded=sum(s.flooded_s for s in items) / 60,
        pauses=len(pauses), pauses_kept=sum(1 for p in pauses if p.ended_s is not None and not p.ended_early),
        calm_after_min=statistics.median(calm) if calm else None, near_misses=misses,
        check_ins=len(rituals.check_ins(monday)))


def _month(weeks: list[WeekFigures]) -> MonthFigures:
    calm = [w.calm_after_min for w in weeks if w.calm_after_min is not None]
    return MonthFigures(sum(w.episodes for w in weeks) / len(weeks), sum(w.minutes_flooded for w in weeks) / len(weeks),
                        statistics.median(calm) if calm else None)


def _setbacks(store: SessionStore, items: list[SessionSummary]) -> list[Setback]:
    out = []
    for s in sorted(items, key=lambda s: s.started_at):
        names = {p.slot: p.name for p in store.partners(s.id)}
        notes = store.notes(s.id)
        note = next((n.trigger or n.body for n in notes if n.trigger or n.body), "")
        for e in store.episodes(s.id):
            end = e.end_s if e.end_s is not None else s.duration_s
            out.append(Setback(s.id, s.started_at + dt.timedelta(seconds=e.start_s), names.get(e.partner, ""),
                               max(0.0, end - e.start_s) / 60, e.peak_bpm, note))
    return out
