"""History operations on top of the store: re-analysis, export, import, trends.

Re-analysis uses the batch detector on the raw samples, so "what if my
threshold were 95?" never touches what was recorded.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from flooding_monitor.detection.analysis import Analysis, analyze
from flooding_monitor.detection.baseline import Baseline
from flooding_monitor.detection.detector import STATE_CODES, State
from flooding_monitor.detection.early_cue import Cue, cues_of
from flooding_monitor.live.partners import DEFAULT_PARTNERS
from flooding_monitor.storage.import_identity import DuplicateImport, content_hash  # noqa: F401 - re-exported
from flooding_monitor.formats.recordings import load_recording
from flooding_monitor.heart.sample_columns import SampleColumns
from flooding_monitor.live.session import EpisodeRecord
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.spans import merge_spans
from flooding_monitor.storage.store import PartnerInfo, SessionStore, SummaryRow
from flooding_monitor.text import printable


@dataclass(frozen=True)
class SessionSummary:
    """One row of the history list."""

    id: int
    started_at: dt.datetime
    duration_s: float
    device_name: str | None
    episodes: int
    flooded_s: float
    peak_bpm: float | None
    pauses: int
    median_recovery_s: float | None  # from pause start to the end of its episode
    notes: int
    partner_names: tuple[str, ...] = ()  # empty for a one-person session
    episodes_by_partner: tuple[int, ...] = ()


def flooded_seconds(episodes: Sequence, end_s: float, partner: int | None = None) -> float:
    """Time flooded: one partner's episodes, or everyone's with overlaps counted once.

    ``episodes`` have ``start_s``, ``end_s`` (None: still open at ``end_s``) and
    ``partner``. Every view (history list, detail, CLI, trends) uses this.
    """
    spans = [(e.start_s, end_s if e.end_s is None else e.end_s) for e in episodes
             if partner is None or e.partner == partner]
    return float(sum(b - a for a, b in merge_spans(spans)))


def summarize(row: SummaryRow) -> SessionSummary:
    """Statistics of one session. Episodes marked "we were moving" are left out: exercise is not flooding."""
    eps = [e for e in row.episodes if not e.moving]
    recoveries = sorted(min(ends) - start for start in row.pause_starts
                        if (ends := [e.end_s for e in eps if e.end_s is not None and e.start_s <= start <= e.end_s]))
    two = len(row.partner_names) > 1
    peaks = [e.peak_bpm for e in eps if e.peak_bpm is not None]
    by_partner = (sum(e.partner == 0 for e in eps), sum(e.partner >= 1 for e in eps))
    return SessionSummary(row.id, row.started_at, row.duration_s, row.device_name, len(eps),
                          flooded_seconds(eps, row.duration_s), max(peaks) if peaks else None,
                          len(row.pause_starts), recoveries[len(recoveries) // 2] if recoveries else None,
                          row.notes, row.partner_names if two else (), by_partner if two else ())


def summaries(store: SessionStore, newest: int | None = None) -> list[SessionSummary]:
    """The history list, newest first (only the ``newest`` ones if given)."""
    return [summarize(row) for row in store.summary_rows(newest)]


def reanalyze(store: SessionStore, session_id: int, settings: DetectorSettings | None = None,
              partner: int = 0) -> Analysis:
    """One partner's session through the batch detector (their own threshold and baseline)."""
    info = store.session(session_id)
    s = settings or DetectorSettings.from_dict(info.settings)
    who = next((p for p in store.partners(session_id) if p.slot == partner), None)
    if settings is None and who is not None and who.threshold_bpm is not None:
        s = replace(s, threshold_bpm=who.threshold_bpm)
    hr, rmssd = (who.baseline_hr, who.baseline_rmssd) if who is not None else (info.baseline_hr, info.baseline_rmssd)
    baseline = Baseline(hr, rmssd, 0.0) if hr else None
    # an imported file keeps its rows' order; the analysis reads each partner's time forwards
    return analyze(SampleColumns.from_samples(store.samples(session_id, partner)).in_time_order(), s, baseline)


def import_file(store: SessionStore, path: str | os.PathLike[str], settings: DetectorSettings | None = None) -> int:
    """Any file the history takes: a session file comes back whole, a recording is analysed."""
    from flooding_monitor.file_limits import open_regular_file
    from flooding_monitor.formats.session_file import import_session_file, looks_like_session_file

    with open_regular_file(Path(path)) as fh:  # a FIFO is refused, not waited on
        head = fh.read(4096).decode("utf-8-sig", errors="replace")
    if looks_like_session_file(head):
        return import_session_file(store, path)
    return import_recording(store, path, settings)


def import_recording(store: SessionStore, path: str | os.PathLike[str],
                     settings: DetectorSettings | None = None) -> int:
    """Add a recording file to the history as a session, analysed by the batch detector.

    It is dated by what the file says (a header, its name), its modification
    time only when it says nothing. A two-partner recording comes back as two partners.
    """
    rec = load_recording(path)
    s = settings or DetectorSettings()
    t0 = float(rec.columns.t_s.min())
    said = rec.started_at  # the file's time zero; the session starts at its first sample
    started = said + dt.timedelta(seconds=t0) if said is not None and _plausible(said) else _file_date(Path(path))
    samples = [type(x)(x.t_s - t0, x.hr_bpm, x.rr_us, x.contact, "import", partner=x.partner) for x in rec.samples]
    digest = content_hash(samples)
    existing = store.session_with_hash(digest)
    if existing is not None:
        raise DuplicateImport(existing)
    slots = rec.partner_slots
    episodes = []
    for k in slots:  # analysed first: the import's one transaction is short
        result = analyze([x for x in samples if x.partner == k], s)
        episodes += [EpisodeRecord(e.start_s, e.onset_s, e.end_s, e.peak_bpm, partner=k)
                     for e in result.detection.episodes]
    duration = max(x.t_s for x in samples)
    names = dict(rec.partner_names)
    with store.atomic():  # a killed or failed import leaves nothing
        sid = store.create_session(started, "import", Path(path).name, None, s.to_dict(), source_hash=digest)
        store.write_batch(sid, samples, [(t - t0, kind, message, who) for t, kind, message, who in rec.events])
        if len(slots) > 1 or names:
            store.set_partners(sid, [PartnerInfo(k, names.get(k) or DEFAULT_PARTNERS[k].name,
                                                 DEFAULT_PARTNERS[k].colour) for k in slots])
        store.save_protocol(sid, episodes, [], [])
        if rec.events:  # a lab's recording of our streams: its pauses and "Not now" presses come back too
            from flooding_monitor.formats.xdf_file import protocol_from_markers

            pauses, snoozes = protocol_from_markers([(t - t0, *rest) for t, *rest in rec.events], started)
            store.restore_rows(sid, [], pauses, snoozes, [])
        ended = started.replace(tzinfo=None) + dt.timedelta(seconds=duration)
        store.end_session(sid, ended, duration, "import")
    return sid


def _plausible(when: dt.datetime) -> bool:
    """A date a recording can have: from 1990 (Polar's first files) to tomorrow."""
    naive = when.replace(tzinfo=None)
    return dt.datetime(1990, 1, 1) <= naive <= dt.datetime.now() + dt.timedelta(days=1)


def _file_date(path: Path) -> dt.datetime:
    """When the recording was made, as its file says; now when that date is impossible (before 2000,
    or in the future: a file dated 9999-12-31 once made the history unreadable)."""
    try:
        when = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except (OverflowError, OSError, ValueError):
        return dt.datetime.now()
    return when if dt.datetime(2000, 1, 1) <= when <= dt.datetime.now() + dt.timedelta(days=1) else dt.datetime.now()


@dataclass(frozen=True)
class WeekTrend:
    week_start: dt.date
    sessions: int
    episodes: int
    minutes_flooded: float
    median_recovery_min: float | None
    near_misses: int
    episodes_by_partner: tuple[int, int] = (0, 0)  # partner A (or the only wearer), partner B
    couple_sessions: int = 0  # sessions with two straps


def near_misses(analysis: Analysis) -> int:
    """Early "speeding up" cues that did not turn into flooding: the same cue the live session gave
    (:mod:`.early_cue`), stepped over the session's ticks again."""
    return sum(c.near_miss for c in session_cues(analysis))


def session_cues(analysis: Analysis) -> list[Cue]:
    codes = analysis.detection.states
    flooded = np.isin(codes, [STATE_CODES[State.FLOODED], STATE_CODES[State.RECOVERING]])
    ticks = analysis.ticks
    return cues_of(ticks.t_s, ticks.hr_bpm, ticks.valid, flooded)


def weekly_trends(store: SessionStore, with_near_misses: bool = True) -> list[WeekTrend]:
    weeks: dict[dt.date, list[SessionSummary]] = defaultdict(list)
    for s in summaries(store):
        monday = (s.started_at - dt.timedelta(days=s.started_at.weekday())).date()
        weeks[monday].append(s)
    out = []
    for monday in sorted(weeks):
        items = weeks[monday]
        recov = [s.median_recovery_s for s in items if s.median_recovery_s is not None]
        misses = sum(near_misses(reanalyze(store, s.id, partner=k))
                     for s in items for k in range(max(1, len(s.partner_names)))) if with_near_misses else 0
        a = sum(s.episodes_by_partner[0] if s.episodes_by_partner else s.episodes for s in items)
        b = sum(s.episodes_by_partner[1] for s in items if s.episodes_by_partner)
        out.append(WeekTrend(monday, len(items), sum(s.episodes for s in items),
                             sum(s.flooded_s for s in items) / 60,
                             statistics.median(recov) / 60 if recov else None, misses, (a, b),
                             sum(1 for s in items if s.partner_names)))
    return out


def format_table(summaries: Sequence[SessionSummary]) -> str:
    head = f"{'id':>4}  {'date':16}  {'length':>7}  {'episodes':>8}  {'flooded':>8}  {'peak':>5}  {'pauses':>6}  {'recovery':>8}"
    lines = [head, "-" * len(head)]
    for s in summaries:
        peak = "" if s.peak_bpm is None else f"{s.peak_bpm:.0f}"
        rec = "" if s.median_recovery_s is None else f"{s.median_recovery_s / 60:.0f} min"
        who = "" if not s.partner_names else "  " + ", ".join(
            f"{printable(name)} {n}" for name, n in zip(s.partner_names, s.episodes_by_partner))
        flooded = "-" if s.flooded_s <= 0 else f"{s.flooded_s / 60:.0f} min" if s.flooded_s >= 90 else f"{s.flooded_s:.0f} s"
        lines.append(f"{s.id:>4}  {s.started_at:%Y-%m-%d %H:%M}  {s.duration_s / 60:>3.0f} min  {s.episodes:>8}  "
                     f"{flooded:>8}  {peak:>5}  {s.pauses:>6}  {rec:>8}{who}")
    if not summaries:
        lines.append("(no sessions yet: run 'flooding-monitor --demo' or 'flooding-monitor record')")
    return "\n".join(lines)



@dataclass(frozen=True)
class TrendChange:
    """The latest week with sessions against the week before it: what the trend sentence says."""

    week_start: dt.date
    is_this_week: bool
    episodes: int
    episodes_before: int | None  # None: no sessions the week before
    recovery_sooner_min: float | None  # positive: calm came back sooner; None when either week has none


def latest_change(weeks: Sequence[WeekTrend], today: dt.date | None = None) -> TrendChange | None:
    if not weeks:
        return None
    today = today or dt.date.today()
    last = weeks[-1]
    before = next((w for w in weeks if w.week_start == last.week_start - dt.timedelta(days=7)), None)
    sooner = None
    if before is not None and last.median_recovery_min is not None and before.median_recovery_min is not None:
        sooner = before.median_recovery_min - last.median_recovery_min
    monday = today - dt.timedelta(days=today.weekday())
    return TrendChange(last.week_start, last.week_start == monday, last.episodes,
                       None if before is None else before.episodes, sooner)
