"""The pause's two questions to the couple: leave in the middle of it? end it early?

Both answer "keep pausing" by default: bodies take at least 20 minutes to
calm down, and the couple agreed a time to come back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.protocol.pause import format_clock

from .pages_common import twelve_hour


class PauseQuestions(QObject):
    """Asked over ``parent`` (the main window), about the pause ``controller`` is running."""

    def __init__(self, parent: QWidget, controller: SessionController, now: Callable[[], float],
                 prefs: Callable[[], Preferences]) -> None:
        super().__init__(parent)
        self.window = parent
        self.controller = controller
        self.now = now
        self.prefs = prefs

    def may_leave(self) -> bool:
        """Closing the window in the middle of a pause ends its timer and its guide: ask first."""
        pause = self.controller.session.pause
        if pause is None or not self.controller.running or not self.window.isVisible():  # nothing to leave
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Leave in the middle of the pause?"),
            self.tr("The pause has {min} minutes left; you agreed to come back together at {time}. Closing now "
                    "ends the timer and the breathing guide. Close anyway?").format(
                min=f"{pause.remaining_s(self.now()) / 60:.0f}",
                time=format_clock(pause.return_wall, twelve_hour(self.prefs().clock))),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Close

    def end_early(self) -> None:
        """"End pause early": asked, with "No" (keep pausing) as the default."""
        pause = self.controller.session.pause
        if pause is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("End the pause early?"),
            self.tr("{min} minutes are left. Bodies take at least 20 minutes to calm down. End the pause "
                    "anyway?").format(min=f"{pause.remaining_s(self.now()) / 60:.0f}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.end_pause()
