"""How the alert reaches people who are not looking at the screen: a soft chime and a desktop notification.

The window brings itself back; this object sounds and notifies, following the
preferences of the moment, and says (``problem``) when the desktop would not
let it, so the banner can tell the couple instead of failing in silence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from flooding_monitor.live.preferences import Preferences

from .i18n import core


def tray_icon(parent: QWidget) -> QSystemTrayIcon:
    """The tray icon the alert's notification comes from (shown where the desktop has a tray)."""
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    tray = QSystemTrayIcon(icon, parent)
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray.show()
    return tray


class AlertMessenger(QObject):
    problem = Signal(str)

    def __init__(self, parent: QWidget, prefs: Callable[[], Preferences], submit: Callable[..., Any]) -> None:
        """``submit``: runs a coroutine on the devices thread's loop (desktop notifications are async)."""
        super().__init__(parent)
        self.prefs = prefs
        self.submit = submit
        self.tray = tray_icon(parent)
        self.notice = None  # the desktop's notification service, met at the first notification

    def alert(self, flooded: list, couple: bool) -> None:
        """Chime and notify for the partners ``flooded`` (PartnerState, the first named when ``couple``)."""
        prefs = self.prefs()
        if prefs.sound:
            from platformdirs import user_cache_path

            from .chime import play_chime

            problem = play_chime(user_cache_path("flooding-monitor"))
            if problem:
                self.problem.emit(self.tr("The alert cannot chime: {reason}.").format(reason=problem))
        text = self.tr("heart rate above {bpm} for {s} s. A good moment for a break.").format(
            bpm=f"{flooded[0].threshold_bpm:.0f}", s=f"{prefs.detector.sustain_s:.0f}")
        if couple:
            text = self.tr("{name}: {status}").format(name=core(flooded[0].partner.name), status=text)
        self.notify(self.tr("Flooding"), text)

    def notify(self, title: str, text: str) -> None:
        """A desktop notification (desktop-notifier); the tray's balloon where the last one could not go."""
        if not self.prefs().notifications:
            return
        if self.notice is None:
            from .desktop_notice import DesktopNotice

            self.notice = DesktopNotice(self.submit)
        if self.notice.problem and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        self.notice.send(title, text)
