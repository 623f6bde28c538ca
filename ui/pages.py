"""The three screens of a session: monitor (with the alert), pause, return."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.breathing import BreathingPattern
from flooding_monitor.pause import (
    FIRST_PHRASE,
    RECONNECTION_PHRASES,
    REPAIR_PHRASE,
    SELF_SOOTHING,
    Pause,
    format_clock,
    format_countdown,
)
from flooding_monitor.session import PartnerState, Session

from .i18n import core, join, sentences
from .theme import look
from .widgets.breathing_guide import BreathingGuide
from .widgets.trace import HeartRateTrace


def _font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    f = QFont(widget.font())
    f.setPointSizeF(f.pointSizeF() * scale)
    f.setBold(bold)
    return f


def twelve_hour(setting: str) -> bool:
    """12-hour clock if chosen, or if the system's locale writes times with AM/PM."""
    if setting == "system":
        from PySide6.QtCore import QLocale

        return "a" in QLocale.system().timeFormat(QLocale.FormatType.ShortFormat).lower()
    return setting == "12-hour"


def _set(label: QLabel, text: str, style: str | None = None) -> None:
    if label.text() != text:
        label.setText(text)
    if style is not None and label.styleSheet() != style:
        label.setStyleSheet(style)


def big_button(text: str, accessible: str, primary: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(accessible)
    b.setMinimumHeight(44)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    if primary:
        b.setDefault(True)
        b.setStyleSheet("QPushButton { background: #3b82c4; color: white; border-radius: 6px; "
                        "padding: 6px 18px; font-weight: bold; } QPushButton:focus { border: 2px solid #1d4f7c; }")
    return b


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

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Every pixel, as promised by WA_OpaquePaintEvent: the panel and its 2-px border."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._panel)
        painter.setPen(QPen(self._border, 2))
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def set_message(self, threshold_bpm: float, sustain_s: float, pause_min: float,
                    who: Sequence[str] = ()) -> bool:
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
        return True


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
        unit = QLabel(self.tr("bpm"))
        unit.setFont(_font(self, 1.6 * scale))
        row = QHBoxLayout()
        row.addWidget(self.hr_label)
        row.addWidget(unit, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        box.addLayout(row)
        self.state_label = QLabel()
        self.state_label.setFont(_font(self, 2.0 * scale, bold=True))
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

    def show_person(self, person: PartnerState, named: bool) -> None:
        r = person.latest
        state = look(person.state)
        valid = r is not None and r.tick.valid
        explain = state.explain
        if r is not None and not r.tick.valid:
            explain = f"{state.explain} ({join(r.tick.quality.problems())})"
        base = person.baseline
        rest = self.tr(" · resting rate {bpm} bpm").format(bpm=f"{base.hr_bpm:.0f}") if base else ""
        name = core(person.partner.name)
        if named:
            _set(self.name_label, name, f"color: {person.partner.colour};")
            self.hr_label.setAccessibleName(self.tr("Heart rate of {name}").format(name=name))
        self.name_label.setVisible(named)
        # Style sheets are costly to re-apply: only touch what changed.
        _set(self.hr_label, f"{r.tick.hr_bpm:.0f}" if valid and r else "--",
             f"color: {state.colour};" if valid else "color: #8a8f98;")
        _set(self.state_label, f"{state.icon}  {state.label}", f"color: {state.colour};")
        _set(self.explain_label, explain)
        _set(self.threshold_label, self.tr("Flooding threshold: {rule}").format(
            rule=describe_rule(person.rule)) + rest)


class MonitorPage(QWidget):
    pause_requested = Signal()
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
        self.panels: list[PartnerPanel] = []
        root.addLayout(self.panels_row)
        self.trace = HeartRateTrace(dark=dark)
        self.trace.setMinimumHeight(110)  # in a small window the numbers matter more than the trace
        root.addWidget(self.trace, 1)
        bottom = QHBoxLayout()
        self.hint = QLabel(self.tr("Space: pause at any time — either partner can call it."))
        self.hint.setFont(_font(self, 0.95))
        bottom.addWidget(self.hint, 1)
        self.pause_button = big_button(self.tr("Pause"), self.tr("Pause now (space bar)"), primary=True)
        self.pause_button.setMinimumWidth(200)
        self.pause_button.setMinimumHeight(56)
        self.pause_button.setFont(_font(self, 1.5, bold=True))
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

    @property
    def hr_label(self) -> QLabel:
        return self.panels[0].hr_label

    @property
    def state_label(self) -> QLabel:
        return self.panels[0].state_label

    def refresh(self, now_s: float) -> None:
        s = self.session
        people = s.people
        self._ensure_panels(len(people))
        two = len(people) > 1
        for panel, person in zip(self.panels, people):
            panel.show_person(person, named=two)
        self.trace.update_people(people, now_s, named=two)
        if s.alert_active:
            flooded = [p for p in people if p.slot in s.alert_slots] or [s.first]
            who = [core(p.partner.name) for p in flooded] if two else []
            changed = self.alert.set_message(flooded[0].threshold_bpm, s.prefs.detector.sustain_s,
                                             s.prefs.pause_min, who)
            if changed or not self.alert.isVisible():
                self._place_alert()
        if self.alert.isVisible() != s.alert_active:
            self.alert.setVisible(s.alert_active)
        self.redrawn.emit()

    def _place_alert(self) -> None:
        """Over the trace, full width, as tall as its text needs (over the bottom row in a small window)."""
        area = self.trace.geometry()
        width = area.width()
        wanted = self.alert.heightForWidth(width) if self.alert.hasHeightForWidth() else -1
        height = min(max(wanted, self.alert.sizeHint().height()), self.height() - area.y())
        self.alert.setGeometry(area.x(), area.y(), width, height)
        self.alert.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.alert.isVisible():
            self._place_alert()


class PausePage(QWidget):
    end_early = Signal()
    extend = Signal(int)

    def __init__(self, session: Session, pattern: BreathingPattern, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        root = QHBoxLayout(self)
        root.setContentsMargins(28, 20, 28, 20)
        left = QVBoxLayout()
        self.title = QLabel()
        self.title.setFont(_font(self, 1.9, bold=True))
        self.title.setWordWrap(True)
        left.addWidget(self.title)
        self.countdown = QLabel()
        self.countdown.setFont(_font(self, 4.0, bold=True))
        self.countdown.setAccessibleName(self.tr("Time left in the pause"))
        left.addWidget(self.countdown)
        self.hr_line = QLabel()
        self.hr_line.setFont(_font(self, 1.3))
        self.hr_line.setWordWrap(True)
        left.addWidget(self.hr_line)
        tips_title = QLabel(self.tr("While you wait"))
        tips_title.setFont(_font(self, 1.2, bold=True))
        left.addSpacing(10)
        left.addWidget(tips_title)
        tips = QLabel("".join(f"• {core(t)}<br>" for t in SELF_SOOTHING))
        tips.setWordWrap(True)
        tips.setFont(_font(self, 1.05))
        left.addWidget(tips)
        left.addStretch(1)
        buttons = QHBoxLayout()
        self.more = big_button(self.tr("+5 minutes"), self.tr("Add five minutes to the pause"))
        self.more.clicked.connect(lambda: self.extend.emit(5))
        self.early = big_button(self.tr("End pause early"), self.tr("End the pause early"))
        self.early.clicked.connect(self.end_early)
        buttons.addWidget(self.more)
        buttons.addWidget(self.early)
        buttons.addStretch(1)
        left.addLayout(buttons)
        root.addLayout(left, 3)
        self.guide = BreathingGuide(pattern)
        root.addWidget(self.guide, 4)

    def refresh(self, now_s: float) -> None:
        pause: Pause | None = self.session.pause
        if pause is None:
            return
        at = format_clock(pause.return_wall, twelve_hour(self.session.prefs.clock))
        _set(self.title, self.tr("Pause — back together at {time}").format(time=at))
        self.countdown.setText(format_countdown(pause.remaining_s(now_s)))
        self.guide.show_time(now_s - pause.started_s)
        two = len(self.session.people) > 1
        lines = [self._person_line(p, now_s, two) for p in self.session.people]
        text = "<br>".join(lines)
        if self.hr_line.text() != text:
            self.hr_line.setText(text)

    def _person_line(self, person: PartnerState, now_s: float, named: bool) -> str:
        r = person.latest
        if r is None or not r.tick.valid:
            line = self.tr("Heart rate: strap not reading")
        else:
            thr = f"{person.calm_below_bpm:.0f}"
            calm = person.calm_for_s(now_s)
            calm_text = (self.tr("under {bpm} bpm for {time}").format(bpm=thr, time=format_countdown(calm))
                         if calm > 0 else self.tr("not yet under {bpm} bpm").format(bpm=thr))
            line = self.tr("Heart rate {bpm} bpm — {calm}").format(bpm=f"{r.tick.hr_bpm:.0f}", calm=calm_text)
        if not named:
            return line
        who = f"<b style='color:{person.partner.colour}'>{core(person.partner.name)}</b>"
        return self.tr("{name}: {text}").format(name=who, text=line)


class ReturnPage(QWidget):
    """The end of the pause: reconnect if the body has calmed, extend if not."""

    back = Signal()
    extend = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        root = QVBoxLayout(self)
        root.setContentsMargins(40, 30, 40, 30)
        self.title = QLabel()
        self.title.setFont(_font(self, 2.4, bold=True))
        self.title.setWordWrap(True)
        root.addWidget(self.title)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setFont(_font(self, 1.3))
        self.body.setTextFormat(Qt.TextFormat.RichText)
        root.addWidget(self.body)
        self.phrases = QLabel("<br>".join(self.tr("“{phrase}”").format(phrase=core(p)) for p in RECONNECTION_PHRASES))
        self.phrases.setFont(_font(self, 2.2, bold=True))
        self.phrases.setStyleSheet("color: #2e9d6a;")
        self.phrases.setAccessibleName(self.tr("Reconnection phrases"))
        root.addWidget(self.phrases)
        root.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = big_button(self.tr("We're back together"), self.tr("Back to the conversation"), primary=True)
        self.back_button.clicked.connect(self.back)
        self.plus5 = big_button(self.tr("+5 minutes"), self.tr("Extend the pause by five minutes"))
        self.plus5.clicked.connect(lambda: self.extend.emit(5))
        self.plus10 = big_button(self.tr("+10 minutes"), self.tr("Extend the pause by ten minutes"))
        self.plus10.clicked.connect(lambda: self.extend.emit(10))
        for b in (self.back_button, self.plus5, self.plus10):
            buttons.addWidget(b)
        buttons.addStretch(1)
        root.addLayout(buttons)

    def refresh(self, now_s: float) -> None:
        s = self.session
        two = len(s.people) > 1
        rates = []
        for p in s.people:
            r = p.latest
            hr = (self.tr("{bpm} bpm").format(bpm=f"{r.tick.hr_bpm:.0f}") if r is not None and r.tick.valid
                  else self.tr("not reading"))
            rates.append(f"{core(p.partner.name)} {hr}" if two else hr)
        rate_text = join(rates)
        first = self.tr("Start with <b>“{phrase}”</b> — then, if it helps:").format(phrase=core(FIRST_PHRASE))
        flooded, unknown = s.still_flooded(), s.not_reading()
        if not flooded and not unknown:
            title = self.tr("Ready to return")
            body = sentences([
                (self.tr("Heart rates: {rates}. Both bodies have calmed.") if two else
                 self.tr("Your heart rate is {rates}: your body has calmed.")).format(rates=rate_text),
                self.tr("Go back to each other at the time you agreed."), first])
        elif not flooded:
            # A strap is off (a walk) or out of range: say what is known, never guess "calm".
            title = self.tr("Check in with each other")
            names = join([core(p.partner.name) for p in unknown])
            body = sentences([
                (self.tr("Heart rates: {rates}.") if two else self.tr("Your heart rate is {rates}.")).format(
                    rates=rate_text),
                (self.tr("{names}: the strap is not reading, so the app cannot tell whether the body has calmed.")
                 .format(names=names) if two else
                 self.tr("The strap is not reading, so the app cannot tell whether your body has calmed.")),
                self.tr("Go back together only if you feel settled; otherwise take 5–10 more minutes."), first])
        else:
            title = self.tr("Not quite calm yet")
            body = sentences([
                (self.tr("Heart rates: {rates}.") if two else self.tr("Your heart rate is {rates}.")).format(
                    rates=rate_text),
                self.tr("Returning while flooded tends to restart the fight. Let your partner know you need a "
                        "little longer, then take 5–10 more minutes."),
                self.tr("If things went wrong: “{phrase}”").format(phrase=core(REPAIR_PHRASE)),
            ])
        _set(self.title, title)
        _set(self.body, body)
        self.phrases.setVisible(not flooded)
        _set(self.back_button, self.tr("Return anyway") if flooded else self.tr("We're back together"))
        self.plus5.setDefault(bool(flooded or unknown))


def describe_rule(rule) -> str:
    """The threshold in force, in words."""
    bpm = f"{rule.threshold_bpm:.0f}"
    if rule.source == "personal":
        return QCoreApplication.translate("MonitorPage", "{bpm} bpm (your resting rate + personal margin)").format(
            bpm=bpm)
    return QCoreApplication.translate("MonitorPage", "{bpm} bpm").format(bpm=bpm)
