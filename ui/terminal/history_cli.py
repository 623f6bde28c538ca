"""``flooding-monitor history | export | import``: the history without the GUI."""

from __future__ import annotations

import argparse
import sys


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    h = sub.add_parser("history", parents=[common], help="list recorded sessions")
    h.add_argument("--threshold", type=float, help="what if: re-analyse every session with this threshold")
    h.set_defaults(func=history_command)
    e = sub.add_parser("export", parents=[common],
                       help="export sessions as session files (everything, see docs/session-format.md) or CSV")
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--session", type=session_id, help="session id (see 'history')")
    which.add_argument("--all", action="store_true", help="every session, plus a summary CSV")
    e.add_argument("--out", required=True, help="folder to write into")
    e.add_argument("--csv", action="store_true", help="a spreadsheet of the samples instead of the session file")
    e.add_argument("--force", action="store_true", help="replace files that are already there")
    e.set_defaults(func=export_command)
    i = sub.add_parser("import", parents=[common],
                       help="add a session file, or a recording (RR text, CSV, Polar .hrm or Sensor Logger, "
                            "Elite HRV, FIT, XDF), to the history")
    i.add_argument("file")
    i.set_defaults(func=import_command)


def _open(args: argparse.Namespace):
    from flooding_monitor.storage.store import StoreError, open_store

    opened = open_store(args.data_dir)
    if opened.store is None:
        raise StoreError(opened.notes[0])
    for note in opened.notes:
        print(note, file=sys.stderr)
    args.opened_store = opened.store  # closed by _guard when the command is done
    return opened.store


def session_id(text: str) -> int:
    """A session number as the history can hold it (SQLite integers end at 2**63 - 1)."""
    value = int(text)
    if not 1 <= value < 2**63:
        raise ValueError(text)
    return value


session_id.__name__ = "session number"  # argparse: "invalid session number value: '0'"


def _guard(fn):
    def run(args: argparse.Namespace) -> int:
        from flooding_monitor.review.history import DuplicateImport
        from flooding_monitor.formats.recordings import RecordingError
        from flooding_monitor.detection.settings import SettingsError
        from flooding_monitor.storage.store import StoreError

        try:
            return fn(args)
        except (StoreError, RecordingError, SettingsError, DuplicateImport) as exc:
            print(f"flooding-monitor {args.command}: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            from flooding_monitor.private_files import os_error_line

            print(f"flooding-monitor {args.command}: {os_error_line(exc, getattr(args, 'out', None))}",
                  file=sys.stderr)
            return 2
        finally:  # the command's connection goes with it (run in-process, by tests, it outlived them)
            store = getattr(args, "opened_store", None)
            if store is not None:
                store.close()
    return run


@_guard
def history_command(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from flooding_monitor.review.history import (
        flooded_seconds,
        format_table,
        reanalyze,
        summaries,
    )
    from flooding_monitor.detection.settings import DetectorSettings, SettingsError

    store = _open(args)
    rows = summaries(store)
    if args.threshold is not None:
        try:  # validated once, in the words of the option typed
            DetectorSettings(threshold_bpm=args.threshold)
        except SettingsError as exc:
            raise SettingsError(str(exc).replace("threshold_bpm", "--threshold")) from None
        what_if = []
        for s in rows:
            settings = DetectorSettings.from_dict({**store.session(s.id).settings, "threshold_bpm": args.threshold})
            runs = [reanalyze(store, s.id, settings, partner=p.slot) for p in store.partners(s.id)]
            eps = [e for a in runs for e in a.detection.episodes]  # every partner, overlaps counted once
            end = max((float(a.ticks.t_s[-1]) for a in runs if len(a.ticks)), default=0.0)
            by_partner = tuple(len(a.detection.episodes) for a in runs) if s.partner_names else ()
            what_if.append(replace(s, episodes=len(eps), flooded_s=flooded_seconds(eps, end),
                                   peak_bpm=max((e.peak_bpm for e in eps), default=None),
                                   episodes_by_partner=by_partner))
        print(f"What if the threshold were {args.threshold:.0f} bpm (recorded data unchanged):")
        rows = what_if
    print(format_table(rows))
    return 0


@_guard
def export_command(args: argparse.Namespace) -> int:
    from flooding_monitor.review.exports import export_all, export_session_csv
    from flooding_monitor.formats.session_file import export_session_file

    store = _open(args)
    if not args.all:
        export = export_session_csv if args.csv else export_session_file
        print(export(store, args.session, args.out, overwrite=args.force))
        return 0
    try:
        report = export_all(store, args.out, spreadsheets=args.csv, overwrite=args.force)
    except ValueError as exc:
        print(f"flooding-monitor export: {exc}; give --out a folder", file=sys.stderr)
        return 2
    for path in report.written:
        print(path)
    for path in report.kept:  # a folder used before: the new sessions are added, the ones there kept
        print(f"kept {path} (already there, unchanged)", file=sys.stderr)
    for path, differing in report.beside:
        print(path)
        print(f"wrote {path.name} beside {differing.name}, which differs and was left as it is "
              "(--force replaces it)", file=sys.stderr)
    for sid, why in report.failed:
        print(f"flooding-monitor export: session {sid} not exported: {why}", file=sys.stderr)
    print(report.summary)
    return 1 if report.failed else 0


@_guard
def import_command(args: argparse.Namespace) -> int:
    from flooding_monitor.review.history import import_file

    store = _open(args)
    from .cli_prefs import load_prefs

    sid = import_file(store, args.file, load_prefs().detector)
    info = store.session(sid)
    print(f"Imported {args.file} as session {sid} ({info.started_at:%Y-%m-%d %H:%M}).")
    return 0
