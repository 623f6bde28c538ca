"""Exports for people and spreadsheets: one session's samples as CSV, every session's summary as CSV.

The lossless way to move a session is the session file (session_file.py);
these are for reading: clock times with their offset, partner letters and
names, and whether the moment was inside a flooding episode or a pause.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import filecmp
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flooding_monitor.review.history import SessionSummary, summaries
from flooding_monitor.private_files import csv_safe, write_private
from flooding_monitor.formats.recordings import CSV_HEADER, csv_rows
from flooding_monitor.storage.store import SessionStore

SESSION_CSV_HEADER = (*CSV_HEADER, "time", "partner_name", "flooding", "paused")
SUMMARY_HEADER = ("id", "started_at", "duration_min", "device", "episodes", "minutes_flooded", "peak_bpm",
                  "pauses", "median_recovery_min", "notes", "partner_a", "episodes_a", "partner_b", "episodes_b")


def export_session_csv(store: SessionStore, session_id: int, out: str | os.PathLike[str],
                       overwrite: bool = True) -> Path:
    """The samples as rows: ``t`` (seconds) and the readers' columns first, then the clock time,
    who, and whether that moment was inside their flooding episode or a pause (1/0).

    ``out``: a folder (the file gets the session's name) or the ``.csv`` file itself: only the file
    the user named is written, never a neighbour with the default name."""
    info = store.session(session_id)
    start = info.started_aware
    out = Path(out)
    path = out if out.suffix.lower() == ".csv" else out / f"session-{session_id}-{info.started_at:%Y%m%d-%H%M}.csv"
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
    """The summary of every session as ``sessions-summary.csv``; with ``overwrite=False`` an existing
    one that differs (perhaps edited) is kept and today's summary gets a dated name beside it."""
    folder = Path(out_dir)
    rows = [SUMMARY_HEADER] + [summary_row(s) for s in summaries(store)]
    path = folder / "sessions-summary.csv"
    if overwrite or not (path.exists() or path.is_symlink()):
        _write_rows(path, rows, overwrite)
        return path
    fresh = _beside(path, lambda free: _write_rows(free, rows, overwrite=False))
    if _same_file(path, fresh):  # nothing new since the last export: no second copy
        fresh.unlink()
        return path
    return fresh


def _beside(path: Path, write: Callable[[Path], object]) -> Path:
    """Write with ``write`` to a free dated name next to ``path`` (which is left as it is)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        free = path.with_name(f"{path.stem}-{stamp}{path.suffix}" if n == 0 else f"{path.stem}-{stamp}-{n}{path.suffix}")
        if free.exists() or free.is_symlink():
            continue
        try:
            write(free)
            return free
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free file name beside it", str(path))


@dataclass
class ExportReport:
    """What an export of every session did: nothing is left unsaid (``failed`` names each refusal)."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # already there with the same content
    beside: list[tuple[Path, Path]] = field(default_factory=list)  # (written, the differing file left alone)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (session id, why), the rest went on
    summary: Path | None = None


def export_all(store: SessionStore, folder: str | os.PathLike[str], spreadsheets: bool = False,
               overwrite: bool = False) -> ExportReport:
    """Every session (session files, or spreadsheets) and the summary into ``folder``. One session
    that cannot be written does not stop the others or the summary."""
    from flooding_monitor.formats.session_file import SUFFIX, export_session_file
    from flooding_monitor.storage.store import StoreError

    folder = Path(folder)
    if folder.suffix.lower() in (SUFFIX, ".csv"):
        raise ValueError(f"{folder}: every session needs a folder, not one file name")
    export = export_session_csv if spreadsheets else export_session_file
    report = ExportReport()
    for s in summaries(store):
        try:
            report.written.append(export(store, s.id, folder, overwrite=overwrite))
        except FileExistsError as exc:
            _update_beside(Path(exc.filename), lambda free, sid=s.id: export(store, sid, free, overwrite=False),
                           report)
        except (ValueError, StoreError) as exc:  # a value JSON cannot hold (NaN from an old import)
            report.failed.append((s.id, str(exc)[:200]))
    report.summary = export_summary_csv(store, folder, overwrite=overwrite)
    return report


def _update_beside(existing: Path, write: Callable[[Path], object], report: ExportReport) -> None:
    """A folder used before: a file with today's content is kept as it is; a file that differs (notes
    added since, or edited by the user) or is not a regular file (a planted link) is left alone and
    today's export goes beside it, so a backup folder never silently goes stale."""
    fresh = _beside(existing, write)
    if _same_file(existing, fresh):
        fresh.unlink()
        report.kept.append(existing)
    else:
        report.beside.append((fresh, existing))


def _same_file(existing: Path, fresh: Path) -> bool:
    """A regular file (not a link planted in its place) with exactly the fresh export's bytes."""
    return not existing.is_symlink() and existing.is_file() and filecmp.cmp(existing, fresh, shallow=False)


def _write_rows(path: Path, rows: Sequence[Sequence[object]], overwrite: bool) -> None:
    """0600, atomic, symlinks replaced not followed, text cells safe from spreadsheet formulas."""
    write_private(path, lambda fh: csv.writer(fh).writerows([csv_safe(c) for c in row] for row in rows),
                  overwrite=overwrite)
