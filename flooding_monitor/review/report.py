"""What a session report for the couple's therapist holds, decided without Qt.

Couples therapists review physiology after a session (Gottman's lab; HeartMath's
guide for couples therapists). The report lists, in the order they happened,
each partner's flooding, the alerts, the "Not now" presses, the pauses with
their return times and what each did to the body, the near-misses caught in
time; and per partner the figures of the evening. Journal notes are private:
a note is in the report only if it was ticked in, and the report says how
many were left out. The words and the page belong to the front end
(``ui/report_pdf.py``); the numbers are the history's own (the same
re-analysis as History draws).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum

import numpy as np

from flooding_monitor.detection.detector import STATE_CODES, State
from flooding_monitor.detection.early_cue import Cue
from flooding_monitor.protocol.pause_effect import PauseEffect
from flooding_monitor.review.history import SessionSummary, flooded_seconds, session_cues, summaries
from flooding_monitor.review.stored_session import StoredSession
from flooding_monitor.review.weekly_review import WeekFigures, week_figures
from flooding_monitor.storage.rituals import Rituals, monday_of
from flooding_monitor.storage.store import NoteRow, PauseRow, SessionStore


class MomentKind(Enum):
    FLOODED = "flooded"  # an episode: from its start to its end
    ALERT = "alert"
    NOT_NOW = "not_now"
    PAUSE = "pause"
    NEAR_MISS = "near_miss"  # the heart sped up, and calmed before flooding
    STRAP_LOST = "strap_lost"


@dataclass(frozen=True)
class Moment:
    """One line of the report's timeline, in session seconds."""

    t_s: float
    kind: MomentKind
    partner: int | None = None  # None: the couple's (a pause, "Not now")
    end_s: float | None = None  # an episode's or a pause's end; None: still on at the end
    peak_bpm: float | None = None  # an episode's
    pause: PauseRow | None = None
    effects: tuple[PauseEffect, ...] = ()  # what the pause did, per partner


@dataclass(frozen=True)
class PartnerFigures:
    slot: int
    name: str
    threshold_bpm: float
    baseline_bpm: float | None
    median_bpm: float | None  # None: no trustworthy reading at all
    highest_bpm: float | None
    episodes: int
    flooded_s: float
    not_reading_s: float
    near_misses: int
    calm_after_min: float | None  # median over the pauses of the minutes until a minute of calm


@dataclass(frozen=True)
class SessionReport:
    stored: StoredSession
    partners: list[PartnerFigures]
    moments: list[Moment]
    shared_notes: list[tuple[int, NoteRow]]  # (its number in the session, 1-based; the note)
    withheld_notes: int
    start_s: float  # the session's first second with data
    end_s: float

    @property
    def length_s(self) -> float:
        return max(0.0, self.end_s - self.start_s)

    def clock(self, t_s: float) -> dt.datetime:
        """A session second as the time on the couple's clock."""
        return self.stored.info.started_at + dt.timedelta(seconds=t_s)


def session_report(stored: StoredSession, shared_notes: Collection[int] = ()) -> SessionReport:
    """The report of one stored session; ``shared_notes``: the numbers (1-based, in the order they
    were written) of the journal notes their writers ticked in. Any other note is left out."""
    analyses = stored.analyses
    starts = [float(a.data.t_s[0]) for a in analyses if a.data.t_s.size]
    ends = [float(a.ticks.t_s[-1]) for a in analyses if a.ticks.t_s.size]
    start = min(starts, default=0.0)
    end = max(ends, default=start)
    near_misses = [[c for c in session_cues(a) if c.near_miss] for a in stored.analyses]  # stepped once
    partners = [_figures(k, stored, end, len(near_misses[k])) for k in range(len(stored.people))]
    shared = [(n, note) for n, note in enumerate(stored.notes, 1) if n in set(shared_notes)]
    return SessionReport(stored, partners, timeline(stored, near_misses), shared, len(stored.notes) - len(shared),
                         start, end)


def timeline(stored: StoredSession, near_misses: list[list[Cue]]) -> list[Moment]:
    """Everything that happened, in order: episodes, alerts, "Not now", pauses, near-misses (each
    partner's, as :func:`session_cues` found them), strap loss."""
    moments: list[Moment] = []
    for who, analysis, misses in zip(stored.people, stored.analyses, near_misses):
        moments += [Moment(e.start_s, MomentKind.FLOODED, who.slot, e.end_s, e.peak_bpm)
                    for e in analysis.detection.episodes]
        moments += [Moment(c.start_s, MomentKind.NEAR_MISS, who.slot, c.end_s) for c in misses]
    for t_s, kind, _message, partner in stored.events:
        if kind == "alert":
            moments.append(Moment(t_s, MomentKind.ALERT, partner))
        elif kind in ("signal_lost", "silent"):
            moments.append(Moment(t_s, MomentKind.STRAP_LOST, partner))
    moments += [Moment(z.t_s, MomentKind.NOT_NOW, None, z.until_s) for z in stored.snoozes]
    for k, p in enumerate(stored.pauses):
        effects = tuple(e for per_partner in stored.effects for e in per_partner
                        if e.started_s == p.started_s)
        moments.append(Moment(p.started_s, MomentKind.PAUSE, None, p.ended_s, pause=p, effects=effects))
    order = list(MomentKind)
    return sorted(moments, key=lambda m: (m.t_s, order.index(m.kind), -1 if m.partner is None else m.partner))


def _figures(k: int, stored: StoredSession, end: float, near_misses: int) -> PartnerFigures:
    who, analysis = stored.people[k], stored.analyses[k]
    valid = analysis.ticks.hr_bpm[analysis.ticks.valid]
    episodes = analysis.detection.episodes
    calm = [e.calm_after_min for e in stored.effects[k] if e.calm_after_min is not None] if stored.effects else []
    no_signal = int(np.count_nonzero(analysis.detection.states == STATE_CODES[State.NO_SIGNAL]))
    return PartnerFigures(
        slot=who.slot, name=who.name, threshold_bpm=analysis.detection.rule.threshold_bpm,
        baseline_bpm=who.baseline_hr,
        median_bpm=float(np.median(valid)) if valid.size else None,
        highest_bpm=float(np.max(valid)) if valid.size else None,
        episodes=len(episodes), flooded_s=flooded_seconds(episodes, end), not_reading_s=float(no_signal),
        near_misses=near_misses,
        calm_after_min=float(np.median(calm)) if calm else None)


@dataclass(frozen=True)
class RangeReport:
    """Weeks for a therapist: each week's counts and each session's line. No journal or review note
    is in it: those are shared one session at a time, by their writers."""

    first_day: dt.date  # a Monday
    last_day: dt.date  # a Sunday
    weeks: list[WeekFigures]
    sessions: list[SessionSummary]  # oldest first

    @property
    def episodes(self) -> int:
        return sum(w.episodes for w in self.weeks)


def range_report(store: SessionStore, weeks: int, last_day: dt.date) -> RangeReport:
    """The ``weeks`` weeks that end with the one holding ``last_day`` (Monday to Sunday)."""
    if weeks < 1:
        raise ValueError("a report covers at least one week")
    last_monday = monday_of(last_day)
    first = last_monday - dt.timedelta(weeks=weeks - 1)
    end = last_monday + dt.timedelta(days=7)
    sessions = sorted((s for s in summaries(store) if first <= s.started_at.date() < end), key=lambda s: s.started_at)
    rituals = Rituals(store)
    figures = [week_figures(store, rituals, first + dt.timedelta(weeks=k),
                            [s for s in sessions if monday_of(s.started_at.date()) == first + dt.timedelta(weeks=k)])
               for k in range(weeks)]
    return RangeReport(first, end - dt.timedelta(days=1), figures, sessions)
