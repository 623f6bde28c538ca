"""The pause's two questions to the couple: leave in the middle of it? end it early?

Both answer "keep pausing" by default: bodies take at least 20 minutes to
calm down, and the couple agreed a time to come back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from flooding_monitor.live.snapshot import SessionView
from flooding_monitor.protocol.pause import format_clock

from .pages_common import twelve_hour


class PauseQuestions(QObject):
    """Asked over ``parent`` (the main window), about the pause in the session's latest picture
    (``view``), at session time ``now``; a "yes" to ending early is :attr:`end_agreed`."""

    end_agreed = Signal()

    def __init__(self, parent: QWidget, view: Callable[[], SessionView], now: Callable[[], float],
                 running: Callable[[], bool]) -> None:
        super().__init__(parent)
        self.window = parent
        self.view = view
        self.now = now
        self.running = running

    def may_leave(self) -> bool:
        """Closing the window in the middle of a pause ends its timer and its guide: ask first."""
        pause = self.view().pause
        if pause is None or not self.running() or not self.window.isVisible():  # nothing to leave
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Leave in the middle of the pause?"),
            self.tr("The pause has {min} minutes left; you agreed to come back together at {time}. Closing now "
                    "ends the timer and the breathing guide. Close anyway?").format(
                min=f"{pause.remaining_s(self.now()) / 60:.0f}",
                time=format_clock(pause.return_wall, twelve_hour(self.view().prefs.clock))),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Close

    def end_early(self) -> None:
        """"End pause early": asked, with "No" (keep pausing) as the default."""
        pause = self.view().pause
        if pause is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("End the pause early?"),
            self.tr("{min} minutes are left. Bodies take at least 20 minutes to calm down. End the pause "
                    "anyway?").format(min=f"{pause.remaining_s(self.now()) / 60:.0f}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.end_agreed.emit()
