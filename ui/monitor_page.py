"""The monitor screen: each wearer's rate and state, the trace, and the alert over it.

Sizes follow the window: the numbers take a share of its height (a fifth and
more in the room view, meant to be read from the sofa), so a 14" laptop, a
4K screen and the largest text size all show them whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.detection.detector import State
from flooding_monitor.live.session import PartnerState, Session
from flooding_monitor.protocol.pause import format_clock

from .i18n import core, join, sentences
from .pages_common import (
    _font,
    _pixels,
    _set,
    base_px,
    big_button,
    describe_rule,
    match_window_text,
    twelve_hour,
)
from .theme import look
from .widgets.trace import HeartRateTrace


class AlertBanner(QFrame):
    """Calm but unmistakable: a warm panel with the facts and two choices."""

    start_pause = Signal()
    not_now = Signal()
    moving = Signal()

    #: (panel, border, text) by theme; the dark one stays dim in a dim room.
    COLOURS = {False: ("#fbe3da", "#d4583b", "#4a1d10"), True: ("#3d1a12", "#e0714f", "#fbe3da")}

    def __init__(self, parent: QWidget | None = None, dark: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("alert")
        panel, border, text = self.COLOURS[dark]
        # Square corners: the panel paints every pixel of its rectangle, so showing it over the
        # trace repaints the banner alone (rounded corners made the plot repaint beneath them).
        self.setStyleSheet(f"#alert QLabel {{ color: {text}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # Qt need not paint what lies beneath
        self._panel, self._border = QColor(panel), QColor(border)
        self.setAccessibleName(self.tr("Flooding alert"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        icon = QLabel("◆")
        icon.setFont(_font(self, 2.4))
        icon.setStyleSheet(f"color: {border};")
        layout.addWidget(icon)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setFont(_font(self, 1.25))
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.text, 1)
        self.pause_button = big_button(self.tr("Start pause"), self.tr("Start a pause"), primary=True)
        self.snooze_button = big_button(self.tr("Not now"), self.tr("Not now: remind me later"))
        self.moving_button = big_button(self.tr("We were moving"), self.tr(
            "Mark this alert as movement (walking, exercise), not flooding"))
        self.moving_button.setToolTip(self.tr("Walking or exercise raised the heart rate: the alert waits, and this "
                                              "episode stays out of your trends."))
        choices = QGridLayout()  # the advised action on top, the two others under it: narrow windows keep the text
        choices.addWidget(self.pause_button, 0, 0, 1, 2)
        choices.addWidget(self.snooze_button, 1, 0)
        choices.addWidget(self.moving_button, 1, 1)
        layout.addLayout(choices)
        self.pause_button.clicked.connect(self.start_pause)
        self.snooze_button.clicked.connect(self.not_now)
        self.moving_button.clicked.connect(self.moving)

    def fit(self, page_height: int, room: bool) -> None:
        """Readable from the sofa in the room view: the text a thirtieth of the screen's height."""
        base = base_px(self.text)
        _pixels(self.text, max(base, page_height // 30) if room else base)
        for button in (self.pause_button, self.snooze_button, self.moving_button):
            base = base_px(button)
            _pixels(button, max(base, page_height // 45) if room else base)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Every pixel, as promised by WA_OpaquePaintEvent: the panel and its 2-px border."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._panel)
        painter.setPen(QPen(self._border, 2))
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def set_message(self, threshold_bpm: float, sustain_s: float, pause_min: float,
                    who: Sequence[str] = (), snooze_min: float = 5) -> bool:
        """``who``: the flooded partners' names in a two-partner session (empty = the only wearer).
        True when the text changed (its height may have)."""
        numbers = {"bpm": f"{threshold_bpm:.0f}", "s": f"{sustain_s:.0f}"}
        if len(who) > 1:
            fact = self.tr("{a} and {b}: both heart rates have stayed above the threshold for {s} s.").format(
                a=who[0], b=who[1], **numbers)
        elif who:
            fact = self.tr("{name}'s heart rate has stayed above {bpm} for {s} s.").format(name=who[0], **numbers)
        else:
            fact = self.tr("Your heart rate has stayed above {bpm} for {s} s.").format(**numbers)
        text = "<b>{}</b><br>{}".format(fact, sentences([self.tr(
            "This is flooding — a good moment for a {min}-minute break. Either of you can call it; "
            "no explanation needed.").format(min=f"{pause_min:.0f}"), self.tr(
            "Walking or exercise raise the heart rate too.")]))
        if self.text.text() == text:
            return False
        self.text.setText(text)
        self.pause_button.setText(self.tr("Start {min}-minute pause").format(min=f"{pause_min:.0f}"))
        self.snooze_button.setText(self.tr("Not now (asks again in {min} min)").format(min=f"{snooze_min:.0f}"))
        self.snooze_button.setToolTip(self.tr("Hide this alert; if the heart rate is still high in {min} minutes, "
                                              "it comes back").format(min=f"{snooze_min:.0f}"))
        return True


def digits_by_height(page_height: int, room: bool) -> int:
    """The rate's font size in pixels a page of this height gives: digits are about 0.7 of it tall,
    so in the room view they stand over a fifth of the window."""
    return int(0.36 * page_height if room else 0.16 * page_height)


#: Pixels between the two partners' panels: one partner's words never read into the other's.
PANEL_GAP = 48


class PartnerPanel(QWidget):
    """One wearer's big number, state in words and colour, and threshold."""

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel()
        self.name_label.setFont(_font(self, 1.5 * scale, bold=True))
        self.name_label.hide()
        box.addWidget(self.name_label)
        self.hr_label = QLabel("--")
        self.hr_label.setFont(_font(self, 7.5 * scale, bold=True))
        self.hr_label.setAccessibleName(self.tr("Heart rate"))
        self.hr_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.unit_label = unit = QLabel(self.tr("bpm"))
        unit.setFont(_font(self, 1.6 * scale))
        row = QHBoxLayout()
        row.addWidget(self.hr_label)
        row.addWidget(unit, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        box.addLayout(row)
        self.state_label = QLabel()
        self.state_label.setFont(_font(self, 2.0 * scale, bold=True))
        self.state_label.setWordWrap(True)  # "Measuring your resting rate" in the room view: two lines
        self.state_label.setAccessibleName(self.tr("State"))
        box.addWidget(self.state_label)
        self.explain_label = QLabel()
        self.explain_label.setWordWrap(True)
        self.explain_label.setFont(_font(self, 1.1))
        box.addWidget(self.explain_label)
        self.threshold_label = QLabel()
        self.threshold_label.setWordWrap(True)
        self.threshold_label.setFont(_font(self, 1.0))
        box.addWidget(self.threshold_label)

    def fit(self, digits_px: int, room: bool, width: int) -> None:
        """Numbers ``digits_px`` tall (font pixel size); the words around them in proportion, never
        larger than the text size setting makes them; in the room view only the number and the state,
        the state no wider than the panel (``width``) whichever state it shows."""
        _pixels(self.hr_label, digits_px)
        body = round(self.window().font().pointSizeF() * self.logicalDpiY() / 72)  # the window's text
        for label, share in ((self.unit_label, 0.2), (self.state_label, 0.28 if room else 0.2),
                             (self.name_label, 0.2 if room else 0.16)):
            wanted = max(12, int(share * digits_px))
            if room and label is self.state_label:
                wanted = min(wanted, self._state_px_fitting(width))
            # Never larger than the text size setting makes it, never smaller than the text around it.
            _pixels(label, wanted if room else max(min(base_px(label), wanted), body))
        self.explain_label.setVisible(not room)
        self.threshold_label.setVisible(not room)

    def digits_fitting(self, width: int) -> int:
        """The largest rate font size (px) at which "188 bpm" fits ``width``, measured in this font:
        a guessed share of the width let "100 bpm" push the other partner's panel aside."""
        font = QFont(self.hr_label.font())
        font.setPixelSize(100)
        unit = QFont(self.unit_label.font())
        unit.setPixelSize(20)  # the unit is a fifth of the digits (fit)
        need = QFontMetrics(font).horizontalAdvance("188") + QFontMetrics(unit).horizontalAdvance(self.tr("bpm"))
        spacing = max(0, self.layout().spacing())
        return int(100 * max(1, width - spacing - 8) / max(1, need))

    def _state_px_fitting(self, width: int) -> int:
        """The largest pixel size at which every state's words fit ``width`` once wrapped (each word,
        the icon with the first): the room view's "↗  Speeding up" ran into the other partner's panel."""
        font = QFont(self.state_label.font())
        font.setPixelSize(100)
        metrics = QFontMetrics(font)
        labels = [(look(state).icon, look(state).label) for state in State] + [("↗", self.tr("Speeding up")),
                                                                                ("○", self.tr("Waiting for the strap"))]
        pieces = [piece for icon, label in labels
                  for piece in [f"{icon}  {label.split()[0]}", *label.split()[1:]]]
        widest = max(metrics.horizontalAdvance(piece) for piece in pieces)
        return max(12, int(0.95 * 100 * width / max(1, widest)))

    def show_person(self, person: PartnerState, named: bool, asks_again: str | None = None) -> None:
        """``asks_again``: the clock time a "Not now" runs out, while this partner is flooded."""
        r = person.latest
        state = look(person.state)
        valid = r is not None and r.tick.valid
        explain = state.explain
        name = core(person.partner.name)
        state_text = f"{state.icon}  {state.label}"
        if r is None and person.state == State.NO_SIGNAL:  # no beat yet: waiting, not a fault
            state_text = "○  " + self.tr("Waiting for the strap")
            explain = self.tr("The numbers appear a few seconds after the strap's first beats.")
        if r is not None and r.cue and valid and not person.flooded and person.prefs.early_cue:
            state = look(State.RISING)  # the cue's colour: a change of colour and a short line, no sound
            state_text = "↗  " + self.tr("Speeding up")
            explain = self.tr("{name}'s heart is speeding up — slow down?").format(name=name)
        if asks_again and person.flooded:  # after "Not now", say when the alert comes back
            explain = self.tr("“Not now”: the alert asks again at {time} if the rate is still high.").format(
                time=asks_again)
        if r is not None and not r.tick.valid:
            explain = f"{state.explain} ({join(r.tick.quality.problems())})"
        elif r is not None and r.tick.irregular:  # said gently, beside the state, while it lasts
            explain = f"{explain} " + self.tr("The rhythm looks irregular: the rate is the average of the real "
                                              "beats. This app is not a medical device.")
        base = person.baseline
        rest = self.tr(" · resting rate {bpm} bpm").format(bpm=f"{base.hr_bpm:.0f}") if base else ""
        if named:
            _set(self.name_label, name, f"color: {person.partner.colour};")
            self.hr_label.setAccessibleName(self.tr("Heart rate of {name}").format(name=name))
        self.name_label.setVisible(named)
        # Style sheets are costly to re-apply: only touch what changed.
        _set(self.hr_label, f"{r.tick.hr_bpm:.0f}" if valid and r else "--",
             f"color: {state.colour};" if valid else "color: #8a8f98;")
        _set(self.state_label, state_text, f"color: {state.colour};")
        _set(self.explain_label, explain)
        _set(self.threshold_label, self.tr("Flooding threshold: {rule}").format(
            rule=describe_rule(person.rule)) + rest)


class MonitorPage(QWidget):
    pause_requested = Signal()
    leave_room_view = Signal()
    #: After each redraw (the monitor redraws at most once a second): tests and tools wait on it.
    redrawn = Signal()

    def __init__(self, session: Session, dark: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
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
                                             "(space bar)").format(min=f"{session.prefs.pause_min:.0f}"))
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
        digits = max(24, min(digits_by_height(self.height() - reserve, self.room),
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
        s = self.session
        people = s.people
        self._ensure_panels(len(people))
        two = len(people) > 1
        again = None
        if s.snoozed(now_s):
            wall = s.wall_clock() + dt.timedelta(seconds=s.snoozes[-1].until_s - now_s)
            again = format_clock(wall, twelve_hour(s.prefs.clock))
        for panel, person in zip(self.panels, people):
            panel.show_person(person, named=two, asks_again=again)
        if trace:
            self.trace.update_people(people, now_s, named=two)
        if s.alert_active:
            flooded = [p for p in people if p.slot in s.alert_slots] or [s.first]
            who = [core(p.partner.name) for p in flooded] if two else []
            changed = self.alert.set_message(flooded[0].threshold_bpm, s.prefs.detector.sustain_s,
                                             s.prefs.pause_min, who, s.prefs.snooze_min)
            if changed or not self.alert.isVisible():
                self._place_alert()
        if self.alert.isVisible() != s.alert_active:
            self.alert.setVisible(s.alert_active)
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

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.refit()
