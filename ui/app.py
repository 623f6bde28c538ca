"""Start the desktop app: ``flooding-monitor [--demo | --replay FILE | --device ADDR]``."""

from __future__ import annotations

import argparse
import logging
import sys

from devices.clock import Clock, ScaledClock
from devices.source import HeartRateSource

DEMO_SPEED = 4.0  # calm -> rising -> alert in well under a minute


def make_factory(speed: float, replay_path: str | None = None):
    """Sources for "demo", "replay" and "ble"; a second partner's source shares the session clock."""

    def factory(kind: str, address: str | None, name: str | None, clock: Clock | None = None,
                slot: int = 0) -> tuple[HeartRateSource, Clock]:
        if kind == "demo":
            from devices.scenarios import ARGUMENT, WITHDRAW
            from devices.simulated import DEMO_STRAP_B, SimulatedStrap

            clock = clock or ScaledClock(speed)
            if slot == 0:
                return SimulatedStrap(ARGUMENT, clock=clock), clock
            return SimulatedStrap(WITHDRAW, clock=clock, seed=11, name=DEMO_STRAP_B, start_s=clock.now()), clock
        if kind == "replay":
            from devices.replay import ReplayStrap

            clock = clock or ScaledClock(speed)
            return ReplayStrap(address or replay_path or "", clock), clock
        from devices.bleak_strap import BleakStrap

        clock = clock or ScaledClock(1.0)
        return BleakStrap(address=address, name=name, clock=clock), clock

    return factory


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
    parser.add_argument("--data-dir", help="history folder (default: your user data folder, "
                                           "or $FLOODING_MONITOR_DATA_DIR)")
    # For benchmarks and tests: stop after the first painted frame / after N seconds.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after", type=float, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--speed", type=float, default=None,
                        help=f"demo/replay speed (demo default {DEMO_SPEED:g}x; 1 = real time)")


def open_store(folder: str | None):
    """The history database, and a message for the user (in their language) when something needed attention."""
    from PySide6.QtCore import QCoreApplication

    from flooding_monitor.store import DB_NAME, SessionStore, StoreError, data_dir

    from .i18n import core

    try:
        store = SessionStore(data_dir(folder) / DB_NAME)
    except StoreError as exc:
        return None, QCoreApplication.translate("App", "History not saved: {error}").format(error=core(exc.message))
    notes = []
    if store.moved_aside:
        notes.append(QCoreApplication.translate(
            "App", "The history database was damaged. It was kept as {name} and a new one was started.")
                     .format(name=store.moved_aside.name))
    try:
        closed = store.close_unfinished()
    except StoreError as exc:
        closed = []
        notes.append(core(exc.message))
    if closed:
        notes.append(QCoreApplication.translate(
            "App", "{n} session(s) left open when the app last stopped were closed and kept.")
                     .format(n=len(closed)))
    return store, " ".join(notes)


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from flooding_monitor.preferences import PreferencesFile
    from flooding_monitor.recordings import RecordingError

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
    if speed <= 0:
        print("flooding-monitor: --speed must be positive", file=sys.stderr)
        return 2
    store, store_message = open_store(args.data_dir)
    worker = DeviceWorker()
    window = MainWindow(prefs, prefs_file, worker, make_factory(speed, args.replay), store=store,
                        store_message=store_message, lsl=args.lsl)
    app.aboutToQuit.connect(worker.stop)
    window.show()
    try:
        if args.demo:
            window.use_source("demo")
            if (args.partners or 2) == 2:
                window.add_second_source("demo")
        elif args.replay:
            window.use_source("replay", args.replay)
        elif args.device:
            window.use_source("ble", *_address_or_name(args.device))
            if args.second_device:
                window.add_second_source("ble", *_address_or_name(args.second_device))
        elif prefs.last_device_address or prefs.last_device_name:
            window.use_source("ble", prefs.last_device_address, prefs.last_device_name)
            if prefs.second_device_address or prefs.second_device_name:
                window.add_second_source("ble", prefs.second_device_address, prefs.second_device_name)
        else:
            window.choose_device()
    except RecordingError as exc:
        print(f"flooding-monitor: {exc}", file=sys.stderr)
        worker.stop()
        return 2
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


def _address_or_name(text: str) -> tuple[str | None, str | None]:
    """A MAC address (Linux, Windows) or a CoreBluetooth UUID (macOS), else a strap name."""
    is_address = ":" in text or len(text) == 36
    return (text, None) if is_address else (None, text)


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
