"""The monitor screen: each wearer's rate and state, the trace, and the alert over it.

Sizes follow the window: the numbers take a share of its height (a fifth and
more in the room view, meant to be read from the sofa), so a 14" laptop, a
4K screen and the largest text size all show them whole.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.live.snapshot import SessionView
from flooding_monitor.protocol.pause import format_clock

from .alert_banner import AlertBanner
from .i18n import core
from .pages_common import (
    _font,
    big_button,
    match_window_text,
    twelve_hour,
)
from .partner_panel import PANEL_GAP, PartnerPanel, digits_by_height
from .widgets.trace import HeartRateTrace

#: The window's height above and below the monitor page at 100 % text (top bar, margins): the page's
#: height the rate is sized from, whatever the text size.
CHROME_AT_100_PX = 102


class MonitorPage(QWidget):
    pause_requested = Signal()
    leave_room_view = Signal()
    #: After each redraw (the monitor redraws at most once a second): tests and tools wait on it.
    redrawn = Signal()

    def __init__(self, view: SessionView, dark: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view  # the session's latest picture, given by the window with each event
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 12, 24, 18)
        # The alert lies over the trace, outside the layout: showing it repaints its own rectangle,
        # where taking space in the layout moved and resized everything below it (46 % of the alert's
        # cost, then a full-window repaint).
        self.alert = AlertBanner(self, dark=dark)
        self.alert.hide()
        self.panels_row = QHBoxLayout()
        self.panels_row.setSpacing(PANEL_GAP)
        self.panels: list[PartnerPanel] = []
        root.addLayout(self.panels_row)
        self.trace = HeartRateTrace(dark=dark)
        self.trace.setMinimumHeight(110)  # in a small window the numbers matter more than the trace
        self.trace.installEventFilter(self)  # the alert lies over it: it follows when the trace moves
        root.addWidget(self.trace, 1)
        # The room view's alert is laid over this space (as tall as the alert, else nothing): the numbers
        # and states are laid out above it, the way out below it.
        self.room_alert_space = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        root.addSpacerItem(self.room_alert_space)
        self.room = False
        bottom = QHBoxLayout()
        self.hint = QLabel(self.tr("Space: pause at any time — either partner can call it."))
        self.hint.setFont(_font(self, 0.95))
        self.hint.setWordWrap(True)
        bottom.addWidget(self.hint, 1)
        self.leave_button = big_button(self.tr("Leave room view"), self.tr("Back to the full window (F11)"))
        self.leave_button.setToolTip(self.tr("Show the trace, the details and the buttons again (F11)"))
        self.leave_button.clicked.connect(self.leave_room_view)
        self.leave_button.hide()
        bottom.addWidget(self.leave_button)
        self.pause_button = big_button(self.tr("Pause"), self.tr("Pause now (space bar)"), primary=True)
        self.pause_button.setMinimumWidth(200)
        self.pause_button.setMinimumHeight(56)
        self.pause_button.setFont(_font(self, 1.5, bold=True))
        self.pause_button.setToolTip(self.tr("Start a {min}-minute pause now; either of you can call it "
                                             "(space bar)").format(min=f"{view.prefs.pause_min:.0f}"))
        self.pause_button.clicked.connect(self.pause_requested)
        bottom.addWidget(self.pause_button)
        root.addLayout(bottom)
        self._ensure_panels(1)

    def _ensure_panels(self, n: int) -> None:
        """One panel per partner; two partners get slightly smaller numbers side by side."""
        if len(self.panels) == n:
            return
        for panel in self.panels:
            panel.setParent(None)
            panel.deleteLater()
        self.panels = [PartnerPanel(1.0 if n == 1 else 0.8) for _ in range(n)]
        for panel in self.panels:
            self.panels_row.addWidget(panel, 1)
            match_window_text(panel)  # made after the window fitted its text: sized from the app's font
        self.refit()

    def set_room(self, room: bool) -> None:
        """The room view: the rates and states fill the screen, for reading from across the room."""
        self.room = room
        self.trace.setVisible(not room)
        self.hint.setText("" if room else self.tr("Space: pause at any time — either partner can call it."))
        self.leave_button.setVisible(room)
        self.refit()

    def refit(self) -> None:
        """Sizes from the page's size and the window's text size; the alert placed again."""
        n = max(1, len(self.panels))
        panel_width = (self.width() - 48 - PANEL_GAP * (n - 1)) // n
        self.alert.fit(self.height(), self.room)
        # In the room view the alert takes the foot of the screen: the numbers and states shrink to stay
        # above it (they were hidden under it, with the way out of the room view).
        reserve = self._room_alert_box().height() + 8 if self.room and self.alert.isVisible() else 0
        if self.room_alert_space.sizeHint().height() != reserve:
            self.room_alert_space.changeSize(0, reserve, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.layout().invalidate()
        # The rate follows the window, not the text size: larger text takes its room from the trace, never
        # from the rate (at 250 % the taller top bar shrank the digits from 106 to 97 px at 1366x768).
        tall = self.height() if self.room else max(self.height(), self.window().height() - CHROME_AT_100_PX)
        digits = max(24, min(digits_by_height(tall - reserve, self.room),
                             self.panels[0].digits_fitting(panel_width)))
        for panel in self.panels:
            panel.fit(digits, self.room, panel_width)
        if self.alert.isVisible():
            self._place_alert()

    @property
    def hr_label(self) -> QLabel:
        return self.panels[0].hr_label

    @property
    def state_label(self) -> QLabel:
        return self.panels[0].state_label

    def refresh(self, now_s: float, trace: bool = True) -> None:
        """Everything; without the trace when speed matters more (the alert's first frame)."""
        v = self.view
        people = v.people
        self._ensure_panels(len(people))
        two = v.couple
        again = None
        if v.snoozed_until_wall is not None and v.snoozed_until_s is not None and now_s < v.snoozed_until_s:
            again = format_clock(v.snoozed_until_wall, twelve_hour(v.prefs.clock))
        for panel, person in zip(self.panels, people):
            panel.show_person(person, named=two, asks_again=again)
        if trace:
            self.trace.update_people(people, now_s, named=two)
        if v.alert_active:
            flooded = v.alerted()
            who = [core(p.partner.name) for p in flooded] if two else []
            changed = self.alert.set_message(flooded[0].threshold_bpm, v.prefs.detector.sustain_s,
                                             v.prefs.pause_min, who, v.prefs.snooze_min)
            if changed or not self.alert.isVisible():
                self._place_alert()
        if self.alert.isVisible() != v.alert_active:
            self.alert.setVisible(v.alert_active)
            if self.room:  # the numbers make room for it, or take the room back
                self.refit()
        self.redrawn.emit()

    def _place_alert(self) -> None:
        """Over the trace, full width, as tall as its text needs (over the bottom row in a small window);
        in the room view at the foot of the screen, under the numbers."""
        if self.room:
            self.alert.setGeometry(self._room_alert_box())
            self.alert.raise_()
            return
        area = self.trace.geometry()
        wanted = self.alert.heightForWidth(area.width()) if self.alert.hasHeightForWidth() else -1
        height = min(max(wanted, self.alert.sizeHint().height()), self.height() - area.y())
        if height > area.height():  # it reaches the bottom row: cover all of it, not half
            height = self.height() - area.y()
        self.alert.setGeometry(area.x(), area.y(), area.width(), height)
        self.alert.raise_()

    def _room_alert_box(self) -> QRect:
        """The room view's alert: full width, as tall as its text needs, just above the way out."""
        width = self.width() - 48
        wanted = self.alert.heightForWidth(width) if self.alert.hasHeightForWidth() else -1
        height = min(max(wanted, self.alert.sizeHint().height()), self.height() * 2 // 3)
        foot = self.leave_button.geometry().top() - 8 if self.leave_button.isVisible() else self.height() - 12
        return QRect(24, foot - height, width, height)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """The trace moved or changed size (a state's words took a second line above it): the alert goes
        with it. It stayed where the trace had been and covered the partners' thresholds."""
        if watched is self.trace and event.type() in (QEvent.Type.Move, QEvent.Type.Resize) \
                and self.alert.isVisible() and not self.room:
            self._place_alert()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.refit()
