"""The way into History from the main window: the running session's last second saved first, nothing waits.

History reads on the history reader's thread; before it reads, the recorder
saves what it holds of the running session on the writer's thread
(``flush_then``), so the list includes the conversation under way without the
window ever waiting on SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from flooding_monitor.live.preferences import Preferences

from .history_reader import HistoryReader


class HistoryDoor(QObject):
    """Opens :class:`~ui.history_window.HistoryWindow` over ``parent``; :attr:`window` is the one open."""

    def __init__(self, parent: QWidget, reader: HistoryReader | None, prefs: Callable[[], Preferences],
                 why_none: Callable[[], str], flush_then: Callable[[], Callable[..., Any] | None]) -> None:
        """``why_none()``: the banner's words when there is no history; ``flush_then()``: the running
        recorder's "save, then call" (None with no conversation running)."""
        super().__init__(parent)
        self.parent_widget = parent
        self.reader = reader
        self.prefs = prefs
        self.why_none = why_none
        self.flush_then = flush_then
        self.window = None  # the History window last opened

    def open(self, tab: int = 0) -> None:
        """History on ``tab``: 0 the sessions, 1 trends, 2 this week's review."""
        if self.reader is None:
            QMessageBox.information(self.parent_widget, self.tr("History"),
                                    self.why_none() or self.tr("No history database."))
            return
        from .history_window import HistoryWindow

        prefs = self.prefs()
        self.window = HistoryWindow(self.reader, prefs.detector, self.parent_widget, prefs.partners,
                                    before_reading=self.flush_then())
        self.window.tabs.setCurrentIndex(tab)
        self.window.show()
