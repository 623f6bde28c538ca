"""``flooding-monitor report --session N --out FILE.pdf``: a session's report for the couple's therapist.

The same PDF as History's "Report for a therapist…", made without a window:
Qt draws it off screen. Journal notes are private; a note is in the report
only when its number is given with ``--share-note`` (the command says which
notes exist and were left out).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .history_cli import _guard, _open, session_id


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    r = sub.add_parser("report", parents=[common],
                       help="a report for your therapist, as a PDF: one session (journal notes only if shared) "
                            "or the last weeks")
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("--session", type=session_id, help="session id (see 'history')")
    which.add_argument("--weeks", type=_weeks, metavar="N", help="the last N weeks, this one included (1 to 52)")
    r.add_argument("--out", required=True, help="the PDF file to write")
    r.add_argument("--share-note", type=int, action="append", default=[], metavar="N",
                   help="put journal note N of the session in the report (repeat for more; the others are "
                        "only counted)")
    r.add_argument("--force", action="store_true", help="replace the file if it is already there")
    r.set_defaults(func=report_command)


def _weeks(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 52:
        raise ValueError(text)
    return value


_weeks.__name__ = "number of weeks"  # argparse: "invalid number of weeks value: '0'"


@_guard
def report_command(args: argparse.Namespace) -> int:
    from flooding_monitor.review.stored_session import read_session

    store = _open(args)
    if args.weeks is not None:
        return _weeks_report(store, args)
    store.session(args.session)  # an unknown session: one clear line, before Qt starts
    stored = read_session(store, args.session)
    count = len(stored.notes)
    wrong = [n for n in args.share_note if not 1 <= n <= count]
    if wrong:
        have = "no journal notes" if count == 0 else f"journal notes 1 to {count}"
        print(f"flooding-monitor report: session {args.session} has {have}; there is no note {wrong[0]}",
              file=sys.stderr)
        return 2
    _start_qt()
    from ui.pdf_report import pdf_path
    from ui.report_pdf import write_session_report

    out = pdf_path(Path(args.out))
    write_session_report(stored, out, args.share_note, overwrite=args.force)
    shared = len(set(args.share_note))
    print(out)
    if count > shared:
        print(f"{count - shared} of the session's {count} journal notes left out (add --share-note N to "
              "include one)", file=sys.stderr)
    return 0


def _weeks_report(store, args: argparse.Namespace) -> int:
    import datetime as dt

    from flooding_monitor.review.report import range_report

    if args.share_note:
        print("flooding-monitor report: --share-note goes with --session (a report of weeks holds no notes)",
              file=sys.stderr)
        return 2
    report = range_report(store, args.weeks, dt.date.today())
    _start_qt()
    from ui.pdf_report import pdf_path
    from ui.range_report_pdf import write_range_report

    out = pdf_path(Path(args.out))
    write_range_report(report, out, overwrite=args.force)
    print(out)
    return 0


def _start_qt() -> None:
    """Qt draws the PDF; without a display it does so off screen (no window is ever shown)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install

    from .cli_prefs import load_prefs

    app = QApplication.instance() or QApplication(["flooding-monitor"])
    install(app, load_prefs().language)
