"""Exports for people and spreadsheets: one session's samples as CSV, every session's summary as CSV.

The lossless way to move a session is the session file (session_file.py);
these are for reading: clock times with their offset, partner letters and
names, and whether the moment was inside a flooding episode or a pause.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from .history import SessionSummary, summaries
from .private_files import csv_safe, write_private
from .recordings import CSV_HEADER, csv_rows
from .store import SessionStore

SESSION_CSV_HEADER = (*CSV_HEADER, "time", "partner_name", "flooding", "paused")
SUMMARY_HEADER = ("id", "started_at", "duration_min", "device", "episodes", "minutes_flooded", "peak_bpm",
                  "pauses", "median_recovery_min", "notes", "partner_a", "episodes_a", "partner_b", "episodes_b")


def export_session_csv(store: SessionStore, session_id: int, out_dir: str | os.PathLike[str],
                       overwrite: bool = True) -> Path:
    """The samples as rows: ``t`` (seconds) and the readers' columns first, then the clock time,
    who, and whether that moment was inside their flooding episode or a pause (1/0)."""
    info = store.session(session_id)
    start = info.started_aware
    path = Path(out_dir) / f"session-{session_id}-{info.started_at:%Y%m%d-%H%M}.csv"
    names = {p.slot: p.name for p in store.partners(session_id)}
    episodes = [(e.partner, e.start_s, e.end_s if e.end_s is not None else float("inf"))
                for e in store.episodes(session_id)]
    pauses = [(p.started_s, p.stop_s) for p in store.pauses(session_id)]
    rows: list[Sequence[object]] = [SESSION_CSV_HEADER]
    for s in store.samples(session_id):
        clock = (start + dt.timedelta(seconds=s.t_s)).isoformat(timespec="milliseconds")
        flooding = int(any(who == s.partner and a <= s.t_s <= b for who, a, b in episodes))
        paused = int(any(a <= s.t_s <= b for a, b in pauses))
        rows += [(*row, clock, names.get(s.partner, ""), flooding, paused) for row in csv_rows(s)]
    _write_rows(path, rows, overwrite)
    return path


def summary_row(s: SessionSummary) -> tuple:
    return (s.id, s.started_at.isoformat(timespec="seconds"), f"{s.duration_s / 60:.1f}", s.device_name or "",
            s.episodes, f"{s.flooded_s / 60:.1f}", "" if s.peak_bpm is None else f"{s.peak_bpm:.0f}", s.pauses,
            "" if s.median_recovery_s is None else f"{s.median_recovery_s / 60:.1f}", s.notes,
            *_partner_cells(s))


def _partner_cells(s: SessionSummary) -> tuple:
    if not s.partner_names:
        return ("", s.episodes, "", "")
    names = (*s.partner_names, "")[:2]
    return (names[0], s.episodes_by_partner[0], names[1], s.episodes_by_partner[1])


def export_summary_csv(store: SessionStore, out_dir: str | os.PathLike[str], overwrite: bool = True) -> Path:
    path = Path(out_dir) / "sessions-summary.csv"
    _write_rows(path, [SUMMARY_HEADER] + [summary_row(s) for s in summaries(store)], overwrite)
    return path


def _write_rows(path: Path, rows: Sequence[Sequence[object]], overwrite: bool) -> None:
    """0600, atomic, symlinks replaced not followed, text cells safe from spreadsheet formulas."""
    write_private(path, lambda fh: csv.writer(fh).writerows([csv_safe(c) for c in row] for row in rows),
                  overwrite=overwrite)
