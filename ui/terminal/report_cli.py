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
                       help="a session's report for your therapist, as a PDF (journal notes only if shared)")
    r.add_argument("--session", type=session_id, required=True, help="session id (see 'history')")
    r.add_argument("--out", required=True, help="the PDF file to write")
    r.add_argument("--share-note", type=int, action="append", default=[], metavar="N",
                   help="put journal note N of the session in the report (repeat for more; the others are "
                        "only counted)")
    r.add_argument("--force", action="store_true", help="replace the file if it is already there")
    r.set_defaults(func=report_command)


@_guard
def report_command(args: argparse.Namespace) -> int:
    from flooding_monitor.review.stored_session import read_session

    store = _open(args)
    store.session(args.session)  # an unknown session: one clear line, before Qt starts
    stored = read_session(store, args.session)
    count = len(stored.notes)
    wrong = [n for n in args.share_note if not 1 <= n <= count]
    if wrong:
        have = "no journal notes" if count == 0 else f"journal notes 1 to {count}"
        print(f"flooding-monitor report: session {args.session} has {have}; there is no note {wrong[0]}",
              file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    _write(stored, out, args.share_note, args.force)
    shared = len(set(args.share_note))
    print(out)
    if count > shared:
        print(f"{count - shared} of the session's {count} journal notes left out (add --share-note N to "
              "include one)", file=sys.stderr)
    return 0


def _write(stored, out: Path, shared: list[int], force: bool) -> None:
    """Qt draws the PDF; without a display it does so off screen (no window is ever shown)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install
    from ui.report_pdf import write_session_report

    from .cli_prefs import load_prefs

    app = QApplication.instance() or QApplication(["flooding-monitor"])
    install(app, load_prefs().language)
    write_session_report(stored, out, shared, overwrite=force)
