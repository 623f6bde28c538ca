"""The conversation's three pages (monitor, pause, return), drawn from the session's latest picture.

Each controller event brings a :class:`~flooding_monitor.live.snapshot.SessionView`;
this stack hands it to the pages and decides which page shows and when it is
drawn. The monitor redraws at most about once a second of session time (two
straps tick at different moments, and drawing both panels and traces twice a
second doubled the CPU); the pause and return pages follow the window's timer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from flooding_monitor.live.events import (
    AlertRaised,
    ConnectionChanged,
    ControllerEvent,
    PauseChanged,
    StoreChanged,
    TicksAdded,
)
from flooding_monitor.live.snapshot import SessionView
from flooding_monitor.protocol.breathing import BreathingPattern

from .monitor_page import MonitorPage
from .pages import PausePage
from .return_page import ReturnPage
from .theme import is_dark

MONITOR_REDRAW_S = 0.9  # session seconds between monitor redraws (ticks come once a second per strap)


class SessionScreens(QStackedWidget):
    """The monitor, the pause and the return screen; :attr:`pause_over` when the return screen comes up."""

    pause_over = Signal()

    def __init__(self, view: SessionView, now: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = now
        self.monitor_page = MonitorPage(view, dark=is_dark())
        self.pause_page = PausePage(view, view.prefs.breathing)
        self.return_page = ReturnPage(view)
        for page in self.pages:
            self.addWidget(page)
        self.pause_page.now = self.return_page.now = now
        self._monitor_dirty = False  # new ticks not yet drawn
        self._monitor_drawn_s = float("-inf")

    @property
    def pages(self) -> tuple[MonitorPage, PausePage, ReturnPage]:
        return self.monitor_page, self.pause_page, self.return_page

    def on_event(self, event: ControllerEvent) -> None:
        """The picture the event brings, on the page it concerns."""
        if isinstance(event, StoreChanged):
            return
        for page in self.pages:
            page.view = event.view
        if isinstance(event, TicksAdded):
            self._monitor_dirty = True
            self.redraw_monitor()
        elif isinstance(event, AlertRaised):
            # The numbers and the alert at once (drawn even behind another page, for when the couple comes
            # back to it); the trace with the next redraw: redrawing the plot was a quarter of the alert's cost.
            self.monitor_page.refresh(self.now(), trace=False)
            self._monitor_dirty = True
        elif isinstance(event, PauseChanged) and event.what == "due":
            if self.currentWidget() is self.pause_page:
                self.return_page.refresh(self.now())  # drawn before it shows: no empty title for a moment
                self.setCurrentWidget(self.return_page)
                self.pause_over.emit()
        elif isinstance(event, PauseChanged):  # extended (back to breathing) or ended (back to the monitor)
            self.show_page(self.pause_page if event.what == "extended" else self.monitor_page)
        elif not isinstance(event, ConnectionChanged):  # alert cleared, snoozed, partners changed
            self._monitor_dirty = True
            self.redraw_monitor(force=True)

    def show_pause(self, pattern: BreathingPattern) -> None:
        """The pause page, breathing at ``pattern`` (a partner's own pace, when found)."""
        self.set_breathing(pattern)
        self.show_page(self.pause_page)

    def set_breathing(self, pattern: BreathingPattern) -> None:
        self.pause_page.guide.pattern = self.return_page.guide.pattern = pattern

    def show_page(self, page: QWidget) -> None:
        self.setCurrentWidget(page)
        self._monitor_dirty = True
        self.draw()

    def draw(self) -> None:
        """What time changed on the page showing (the window's timer)."""
        page = self.currentWidget()
        if page is self.monitor_page:  # the monitor redraws when a new second arrives
            self.redraw_monitor()
        else:
            page.refresh(self.now())

    def redraw_monitor(self, force: bool = False) -> None:
        """The monitor, at most about once a second of session time unless ``force``d."""
        if not self._monitor_dirty:
            return
        now = self.now()
        if self.currentWidget() is not self.monitor_page and not force:
            return
        if force or now - self._monitor_drawn_s >= MONITOR_REDRAW_S:
            self._monitor_drawn_s = now
            self._monitor_dirty = False
            self.monitor_page.refresh(now)
