"""What the main window does by asking the user: measure, settings, help, history, unsaved data.

Functions of the window rather than methods, so the window itself stays a
layout plus event rendering; each one is a short conversation with a dialog.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QStyle,
    QSystemTrayIcon,
)

from devices.clock import Clock

from .i18n import core

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

if TYPE_CHECKING:
    from flooding_monitor.live.controller import Output

    from .main_window import MainWindow


def lsl_outputs(window: MainWindow, clock: Clock) -> tuple[list[Output], str]:
    """The Lab Streaming Layer output for a new session, or none and the reason in the user's words."""
    from flooding_monitor.formats.lsl_output import LslPublisher, LslUnavailable

    try:
        publisher = LslPublisher(
            clock.now, getattr(clock, "speed", 1.0), session_id=window.controller.started_at.strftime("%Y%m%d-%H%M%S")
        )
    except LslUnavailable as exc:
        return [], core(exc.args[0])
    return [publisher], ""


def keep_display_on(window: MainWindow) -> None:
    """Hold the display on for the session; say so in the banner when the desktop would not."""
    if window.controller.running and not window.keep_awake.hold():
        window.store_banner.say(translate(
            "MainWindow", "The screen may go dark during a pause ({problem}). Turn off screen blanking in your "
                          "system settings for this evening.").format(problem=core(window.keep_awake.problem)))


# -- the other dialogs -------------------------------------------------------------------------
def calibrate(window: MainWindow) -> None:
    from .calibrate_dialog import CalibrateDialog

    slot = 0
    if len(window.session.people) > 1:
        names = [core(p.partner.name) for p in window.session.people]
        name, ok = QInputDialog.getItem(
            window,
            translate("MainWindow", "Resting rate"),
            translate("MainWindow", "Whose resting rate?"),
            names,
            0,
            False,
        )
        if not ok:
            return
        slot = names.index(name)
    window.calibration_slot = slot
    person = window.session.people[slot]
    window.calibration = CalibrateDialog(window, threshold_bpm=person.partner.settings(window.prefs.detector).threshold_bpm,
                                         hysteresis_bpm=window.prefs.detector.hysteresis_bpm)
    try:
        if window.calibration.exec() and window.calibration.baseline is not None:
            window.controller.set_baseline(slot, window.calibration.baseline)
    finally:
        window.calibration = None


def open_settings(window: MainWindow) -> None:
    from .settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.prefs, window)
    if dialog.exec():
        window.apply_prefs(dialog.result_prefs())


def open_help(window: MainWindow) -> None:
    from .help_dialog import HelpDialog

    HelpDialog(window).exec()


def open_history(window: MainWindow, tab: int = 0) -> None:
    """History (``tab``: 0 sessions, 1 trends, 2 this week's review)."""
    if window.store is None:
        QMessageBox.information(
            window,
            translate("MainWindow", "History"),
            window.store_banner.text() or translate("MainWindow", "No history database."),
        )
        return
    from .history_window import HistoryWindow

    recorder = window.recorder if window.controller.running else None
    # the running session's last second is saved first, on the writer's thread: nothing here waits
    before = getattr(recorder, "flush_then", None)
    window.history = HistoryWindow(window.history_reader, window.prefs.detector, window, window.prefs.partners,
                                   before_reading=before)
    window.history.tabs.setCurrentIndex(tab)
    window.history.show()


def tell_unsaved(window: MainWindow) -> None:
    """On closing: the history refused part of this session; say where it is kept (never "saved")."""
    recorder = window.recorder
    if recorder is None or recorder.store is None or not recorder.unsaved:
        return  # no history at all: the banner said so from the start
    if recorder.fallback_path is not None and recorder.fallback_error is None:
        text = translate("MainWindow", "{n} heart samples could not be saved to the history ({error}). They are kept "
                                       "in {path}. Add them later with: flooding-monitor import {path}").format(
            n=recorder.unsaved, error=core(recorder.error or ""), path=recorder.fallback_path)
    else:
        text = translate("MainWindow", "{n} heart samples could not be saved ({error}), not even to a spare file."
                         ).format(n=recorder.unsaved, error=core(recorder.error or ""))
    print(text, file=sys.stderr)
    if window.isVisible():
        QMessageBox.warning(window, translate("MainWindow", "Not saved"), text)


def save_elsewhere(window: MainWindow) -> None:
    recorder = window.recorder
    if recorder is None:
        return
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("MainWindow", "Save unsaved heart data"),
        "flooding-monitor-unsaved.csv",
        translate("MainWindow", "CSV (*.csv)"),
    )
    if not path:
        return
    try:
        n = recorder.save_pending_csv(path)
    except OSError as exc:
        QMessageBox.warning(
            window,
            translate("MainWindow", "Not saved"),
            translate("MainWindow", "Could not write {path}: {error}").format(path=path, error=exc.strerror),
        )
        return
    QMessageBox.information(
        window,
        translate("MainWindow", "Saved"),
        translate(
            "MainWindow",
            "{n} samples saved to {path}. Import it later from the command line: flooding-monitor import FILE",
        ).format(n=n, path=path),
    )


def tray_icon(window: MainWindow) -> QSystemTrayIcon:
    """The tray icon the alert's notification comes from (shown where the desktop has a tray)."""
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    tray = QSystemTrayIcon(icon, window)
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray.show()
    return tray
