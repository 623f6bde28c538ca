"""Start the desktop app: ``flooding-monitor [--demo | --replay FILE | --device ADDR]``."""

from __future__ import annotations

import argparse
import logging
import math
import sys

from devices.clock import MAX_SPEED

DEMO_SPEED = 4.0  # calm -> rising -> alert in well under a minute


def add_gui_arguments(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--demo", action="store_true", help="run on simulated straps (no hardware; two partners unless --partners 1)")
    who.add_argument("--replay", metavar="FILE", help="play a recording file as the strap")
    who.add_argument("--device", metavar="ADDR", help="connect to this strap (address or name)")
    parser.add_argument("--partners", type=int, choices=(1, 2), default=None,
                        help="with --demo: one or two simulated partners (default 2)")
    parser.add_argument("--second-device", metavar="ADDR",
                        help="the second partner's strap (address or name), with --device")
    parser.add_argument("--lsl", action="store_true",
                        help="publish heart rate, RR intervals and events to Lab Streaming Layer "
                             "(visible on your local network; needs the 'lsl' extra)")
    parser.add_argument("--data-dir", default=None, help="history folder (default: your user data folder, "
                                                         "or $FLOODING_MONITOR_DATA_DIR)")
    # For benchmarks and tests: stop after the first painted frame / after N seconds.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after", type=float, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--speed", type=float, default=None,
                        help=f"demo/replay speed (demo default {DEMO_SPEED:g}x; 1 = real time)")


def open_history(folder: str | None):
    """The history database, and what the user should be told about it (in their language)."""
    from flooding_monitor.storage.store import LIVE_WAIT_S, open_store

    from .i18n import core, sentences

    opened = open_store(folder, wait_s=LIVE_WAIT_S)
    return opened.store, sentences([core(n) for n in opened.notes])


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from flooding_monitor.live.preferences import PreferencesFile
    from flooding_monitor.formats.recordings import RecordingError

    from .i18n import install as install_translations
    from .main_window import MainWindow
    from .theme import apply_theme
    from .worker import DeviceWorker

    logging.basicConfig(level=logging.WARNING)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Flooding Monitor")
    app.setDesktopFileName("flooding-monitor")
    from PySide6.QtGui import QIcon

    from .desktop_entry import ICON

    app.setWindowIcon(QIcon(str(ICON)))
    prefs_file = PreferencesFile()
    prefs, problems = prefs_file.load()
    install_translations(app, prefs.language)
    apply_theme(app, prefs.theme, prefs.font_scale)
    speed = args.speed if args.speed is not None else (DEMO_SPEED if args.demo else 1.0)
    if not (math.isfinite(speed) and 0 < speed <= MAX_SPEED):  # nan or inf once hung the demo
        print(f"flooding-monitor: --speed must be above 0 and at most {MAX_SPEED:g}", file=sys.stderr)
        return 2
    store, store_message = open_history(args.data_dir)
    worker = DeviceWorker()
    window = MainWindow(prefs, prefs_file, worker, speed, store=store,
                        store_message=store_message, lsl=args.lsl)
    app.aboutToQuit.connect(worker.stop)
    window.show()
    try:
        _connect_straps(window, args)
    except RecordingError as exc:
        print(f"flooding-monitor: {exc}", file=sys.stderr)
        worker.stop()
        return 2
    _close_on_signals(window)
    if problems:
        from PySide6.QtCore import QCoreApplication

        window.connection_label.setText(QCoreApplication.translate("App", "Some settings were reset: {problems}")
                                        .format(problems="; ".join(problems)))
    if args.exit_after_first_paint:
        _exit_after_first_paint(app, window)
    if args.quit_after is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(args.quit_after * 1000), window.close)
    code = app.exec()
    worker.stop()
    if store is not None:
        store.close()
    return code


def _connect_straps(window, args: argparse.Namespace) -> None:
    """The straps the command line names; else the start card, which offers the ones used last time
    ("Start conversation"); else the strap dialog."""
    from devices.open import StrapPlan, address_or_name

    prefs = window.prefs
    if args.demo:
        window.conversation.start(StrapPlan("demo", partners=args.partners or 2, speed=window.conversation.speed))
    elif args.replay:
        window.conversation.start(StrapPlan("replay", (args.replay, None), speed=window.conversation.speed))
    elif args.device:
        second = address_or_name(args.second_device) if args.second_device else None
        window.conversation.start(StrapPlan("ble", address_or_name(args.device), second))
    elif prefs.last_device_address or prefs.last_device_name:
        pass  # the start card offers "Start conversation" with them: opening the app does not record
    else:
        window.straps.choose()


def _close_on_signals(window) -> None:
    """SIGTERM (logout, systemd, ``kill``) and SIGINT close the window, so the session is saved and closed.

    Python runs signal handlers only between bytecodes; a short timer gives
    it that chance while Qt's loop waits.
    """
    import signal

    from PySide6.QtCore import QTimer

    def close(signum: int, _frame) -> None:
        window.closed_by = "terminated" if signum == signal.SIGTERM else "interrupted"
        QTimer.singleShot(0, window.close)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, close)
    window._signal_timer = QTimer(window)
    window._signal_timer.timeout.connect(lambda: None)
    window._signal_timer.start(300)


def _exit_after_first_paint(app, window) -> None:
    """Print the wall time of the first painted frame, then quit (start-up benchmark)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint {time.time():.6f}", flush=True)
                app.removeEventFilter(self)
                QTimer.singleShot(0, window.close)
            return False

    app._first_paint = FirstPaint()  # keep a reference
    app.installEventFilter(app._first_paint)
