"""What the main window does by asking the user: choose a strap, confirm, measure, alert.

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
from flooding_monitor.protocol.pause import format_clock

from .i18n import core
from .pages_common import twelve_hour

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

if TYPE_CHECKING:
    from flooding_monitor.live.controller import Output

    from .main_window import MainWindow


# -- straps --------------------------------------------------------------------------------
def choose_device(window: MainWindow) -> None:
    from .device_dialog import DeviceDialog

    dialog = DeviceDialog(window.worker, window)
    if dialog.exec() and (choice := dialog.choice()) is not None:
        window.use_source(choice.kind, choice.address, choice.name)


def choose_second_device(window: MainWindow) -> None:
    """Partner B's strap; needs the first partner's strap to be running."""
    from .device_dialog import DeviceDialog

    if window.clock is None:
        QMessageBox.information(
            window,
            translate("MainWindow", "Second strap"),
            translate("MainWindow", "Connect the first partner's strap first."),
        )
        return
    dialog = DeviceDialog(window.worker, window)
    dialog.setWindowTitle(translate("MainWindow", "Strap for {name}").format(name=core(window.prefs.partners[1].name)))
    if not dialog.exec() or (choice := dialog.choice()) is None:
        return
    if choice.kind == "ble" and choice.address and choice.address == window.strap_addresses.get(0):
        QMessageBox.information(
            window,
            translate("MainWindow", "Second strap"),
            translate(
                "MainWindow", "That strap is already worn by {name}. Each partner needs a strap of their own."
            ).format(name=core(window.prefs.partners[0].name)),
        )
        return
    window.add_second_source(choice.kind, choice.address, choice.name)


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


# -- the alert and the pause ------------------------------------------------------------------
def alert_people(window: MainWindow) -> None:
    """Bring the window back (from minimised too), chime and notify: the monitor is already drawn."""
    if window.stack.currentWidget() is not window.monitor_page:
        window.monitor_page.refresh(window.now())  # drawn for when the user comes back to it
    if window.isMinimized():
        window.showFullScreen() if window.room_view else window.showNormal()
    window.raise_()
    window.activateWindow()
    if window.prefs.sound:
        from platformdirs import user_cache_path

        from .chime import play_chime

        problem = play_chime(user_cache_path("flooding-monitor"))
        if problem:
            window.store_banner.say(translate("MainWindow", "The alert cannot chime: {reason}.").format(reason=problem))
    flooded = window.controller.alerted_partners
    text = translate("MainWindow", "heart rate above {bpm} for {s} s. A good moment for a break.").format(
        bpm=f"{flooded[0].threshold_bpm:.0f}", s=f"{window.prefs.detector.sustain_s:.0f}"
    )
    if len(window.session.people) > 1:
        text = translate("MainWindow", "{name}: {status}").format(name=core(flooded[0].partner.name), status=text)
    notify(window, translate("MainWindow", "Flooding"), text)


def notify(window: MainWindow, title: str, text: str) -> None:
    """A desktop notification (desktop-notifier); the tray's balloon where the last one could not go."""
    if not window.prefs.notifications:
        return
    notice = getattr(window, "notice", None)
    if notice is None:
        from .desktop_notice import DesktopNotice

        notice = window.notice = DesktopNotice(window.worker.submit)
    if notice.problem and window.tray.isVisible():
        window.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
    notice.send(title, text)


def may_leave_pause(window: MainWindow) -> bool:
    """Closing the window in the middle of a pause ends its timer and its guide: ask first."""
    pause = window.session.pause
    if pause is None or not window.controller.running or not window.isVisible():  # ended: nothing to leave
        return True
    answer = QMessageBox.question(
        window,
        translate("MainWindow", "Leave in the middle of the pause?"),
        translate("MainWindow", "The pause has {min} minutes left; you agreed to come back together at {time}. "
                                "Closing now ends the timer and the breathing guide. Close anyway?").format(
            min=f"{pause.remaining_s(window.now()) / 60:.0f}", time=format_clock(pause.return_wall, twelve_hour(window.prefs.clock))),
        QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Close


def end_pause_early(window: MainWindow) -> None:
    pause = window.session.pause
    if pause is None:
        return
    answer = QMessageBox.question(
        window,
        translate("MainWindow", "End the pause early?"),
        translate(
            "MainWindow", "{min} minutes are left. Bodies take at least 20 minutes to calm down. End the pause anyway?"
        ).format(min=f"{pause.remaining_s(window.now()) / 60:.0f}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,  # the advised answer is the default: keep pausing
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.controller.end_pause()


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
