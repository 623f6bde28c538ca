"""One stored session as the views and the report need it: read and re-analysed in one go.

History reads it on its reader thread (never the GUI thread) and the
therapist report from the command line; both draw the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from flooding_monitor.detection.baseline import Baseline
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.protocol.pause_effect import pause_effects
from flooding_monitor.review.history import reanalyze
from flooding_monitor.review.linkage import Linkage, linkage
from flooding_monitor.storage.store import NoteRow, PartnerInfo, PauseRow, SessionInfo, SessionStore, SnoozeRow


@dataclass(frozen=True)
class StoredSession:
    """Everything the detail shows of one session, read and analysed off the GUI thread."""

    info: SessionInfo
    people: list[PartnerInfo]
    analyses: list  # one Analysis per partner, in the order of ``people``
    pauses: list[PauseRow]
    effects: list[list]  # per partner, what each pause did (PauseEffect)
    events: list[tuple[float, str, str, int]]
    snoozes: list[SnoozeRow]
    notes: list[NoteRow]
    linkage: Linkage | None = None  # a couple's session: when the two rates moved together


def read_session(store: SessionStore, session_id: int, settings: DetectorSettings | None = None) -> StoredSession:
    """One session from the history, re-analysed with ``settings`` (the "what if" threshold)."""
    people = store.partners(session_id)
    analyses = [reanalyze(store, session_id, settings, p.slot) for p in people]
    pauses = store.pauses(session_id)
    effects = [_pause_effects(who, analysis, pauses) for who, analysis in zip(people, analyses)]
    return StoredSession(store.session(session_id), people, analyses, pauses, effects,
                         store.events_with_partner(session_id), store.snoozes(session_id), store.notes(session_id),
                         _linkage(analyses))


def _linkage(analyses: list) -> Linkage | None:
    if len(analyses) < 2:
        return None
    a, b = analyses[0].ticks, analyses[1].ticks
    return linkage(a.t_s, a.hr_bpm, a.valid, b.t_s, b.hr_bpm, b.valid)


def _pause_effects(who: PartnerInfo, analysis, pauses: list[PauseRow]) -> list:
    if not pauses:
        return []
    baseline = Baseline(who.baseline_hr, who.baseline_rmssd, 0.0) if who.baseline_hr else None
    return pause_effects(analysis, [(p.started_s, p.stop_s) for p in pauses], who.slot, baseline)
