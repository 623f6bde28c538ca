"""The pause: the breathing guide, the time left, the agreed return time, one idea at a time (the return
screen is return_page.py, the monitor monitor_page.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.protocol.breathing import BreathingPattern
from flooding_monitor.protocol.pause_effect import BreathingFeedback
from flooding_monitor.protocol.pause import (
    SELF_SOOTHING,
    format_clock,
    format_countdown,
)
from flooding_monitor.live.snapshot import PartnerView, SessionView

from .durations import duration_text
from .i18n import core, join
from .pages_common import _font, _pixels, _set, base_px, big_button, twelve_hour
from .widgets.breathing_guide import BreathingGuide


class PausePage(QWidget):
    end_early = Signal()
    extend = Signal(int)
    leave_room_view = Signal()

    def __init__(self, view: SessionView, pattern: BreathingPattern, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view  # the session's latest picture, given by the window with each event
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
        left.addWidget(self._rates_and_ideas(), 1)
        left.addLayout(self._buttons())
        # In the room view everything but the circle and the time goes: a quiet way back stays.
        self.leave_room = QPushButton(self.tr("Leave room view (Esc)"))
        self.leave_room.setFlat(True)
        self.leave_room.setToolTip(self.tr("Back to the full window: the pause goes on"))
        self.leave_room.setAccessibleName(self.tr("Leave room view"))
        self.leave_room.clicked.connect(self.leave_room_view)
        self.leave_room.hide()
        left.addWidget(self.leave_room, 0, Qt.AlignmentFlag.AlignLeft)
        root.addLayout(left, 3)
        self.guide = BreathingGuide(pattern)
        self.guide.run(self._breathing_time)
        self.now: Callable[[], float] | None = None  # the session clock, set by the window
        root.addWidget(self.guide, 4)

    def _rates_and_ideas(self) -> QScrollArea:
        """The rates (with the optional feedback) and one idea at a time, scrolling when they must."""
        # The rates (with the optional feedback) and the ideas scroll when a small screen at large text
        # cannot hold them: at 800x550 and 250 % the second partner's line was cut off.
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        scroller = QScrollArea()
        scroller.setWidget(middle)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.viewport().setAutoFillBackground(False)
        middle.setAutoFillBackground(False)
        self.hr_line = QLabel()
        self.hr_line.setFont(_font(self, 1.3))
        self.hr_line.setWordWrap(True)
        column.addWidget(self.hr_line)
        self.tips_title = tips_title = QLabel(self.tr("While you wait, if it helps:"))
        tips_title.setFont(_font(self, 1.2, bold=True))
        column.addSpacing(10)
        column.addWidget(tips_title)
        # One idea at a time, and only if wanted: a list of six asked too much of a flooded body.
        self.tip_index = 0
        self.tips = tips = QLabel(core(SELF_SOOTHING[0]))
        tips.setWordWrap(True)
        tips.setFont(_font(self, 1.05))
        column.addWidget(tips)
        self.another = QPushButton(self.tr("Another idea"))  # a button that looks like one (flat, it read as text)
        self.another.setToolTip(self.tr("Show another way to calm down"))
        self.another.setAccessibleName(self.tr("Show another way to calm down"))
        self.another.clicked.connect(self.next_tip)
        column.addWidget(self.another, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return scroller

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.more = big_button(self.tr("+5 minutes"), self.tr("Add five minutes to the pause"))
        self.more.clicked.connect(lambda: self.extend.emit(5))
        self.early = big_button(self.tr("End pause early"), self.tr("End the pause early"))
        self.early.clicked.connect(self.end_early)
        self.more.setToolTip(self.tr("Five more minutes before you come back together"))
        self.early.setToolTip(self.tr("Come back before the time is up (it asks first: bodies need 20 minutes)"))
        buttons.addWidget(self.more)
        buttons.addWidget(self.early)
        buttons.addStretch(1)
        return buttons

    def next_tip(self) -> None:
        self.tip_index = (self.tip_index + 1) % len(SELF_SOOTHING)
        self.tips.setText(core(SELF_SOOTHING[self.tip_index]))

    def set_room(self, room: bool) -> None:
        """The room view: the breathing circle, the time left and the return time, nothing else."""
        self.room = room
        for widget in (self.hr_line, self.tips_title, self.tips, self.another, self.more, self.early):
            widget.setVisible(not room)
        self.leave_room.setVisible(room)
        self.guide.far = room
        # the room view: a sixth of the screen (a fifth outshouted the breathing guide); the window: at
        # least a share of its height (at 4K the countdown was 3.4 % of the screen), never less than the
        # text size gives
        for label, room_share, share in ((self.countdown, 0.16, 0.11), (self.title, 0.06, 0.035),
                                         (self.leave_room, 0.025, 0.0)):  # the way out, found from the sofa
            _pixels(label, int(room_share * self.height()) if room else max(base_px(label), int(share * self.height())))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.set_room(getattr(self, "room", False))

    def _breathing_time(self) -> float | None:
        """Seconds into the pause's breathing, for the guide's own frames (None: no pause)."""
        pause = self.view.pause
        if pause is None or self.now is None:
            return None
        return self.now() - pause.started_s

    def refresh(self, now_s: float) -> None:
        v = self.view
        pause = v.pause
        if pause is None:
            return
        at = format_clock(pause.return_wall, twelve_hour(v.prefs.clock))
        _set(self.title, self.tr("Pause — back together at {time}").format(time=at))
        _set(self.countdown, format_countdown(pause.remaining_s(now_s)))
        self.guide.show_time(now_s - pause.started_s)
        lines = [self._person_line(p, now_s, v.couple) for p in v.people]
        text = "<br>".join(lines)
        if self.hr_line.text() != text:
            self.hr_line.setText(text)

    def _person_line(self, person: PartnerView, now_s: float, named: bool) -> str:
        r = person.latest
        if r is None or not r.tick.valid:
            line = self.tr("Heart rate: strap not reading")
        else:
            thr = f"{person.calm_below_bpm:.0f}"
            calm = person.calm_for_s(now_s)
            # "for 7 min", not "for 06:45": beside the countdown a mm:ss reads like a clock time (issue 26)
            calm_text = (self.tr("under {bpm} bpm for {time}").format(bpm=thr, time=duration_text(calm))
                         if calm > 0 else self.tr("not yet under {bpm} bpm").format(bpm=thr))
            line = self.tr("Heart rate {bpm} bpm — {calm}").format(bpm=f"{r.tick.hr_bpm:.0f}", calm=calm_text)
            if person.feedback is not None:
                line += self._feedback(person.feedback)
        if not named:
            return line
        who = f"<b style='color:{person.partner.colour}'>{core(person.partner.name)}</b>"
        return self.tr("{name}: {text}").format(name=who, text=line)


    def _feedback(self, f: BreathingFeedback) -> str:
        """The opt-in feedback, gently: where the rate is heading and what the breathing does to it;
        no score, nothing in red."""
        usual = f.usual_bpm  # the resting rate, when measured
        words = []
        slowing = f.change_bpm is not None and f.change_bpm <= -2
        if usual is not None and slowing:
            words.append(self.tr("slowing toward your usual ({usual} bpm)").format(usual=f"{usual:.0f}"))
        elif usual is not None and f.hr_bpm is not None and f.hr_bpm <= usual + 3:
            words.append(self.tr("at your usual ({usual} bpm)").format(usual=f"{usual:.0f}"))
        elif slowing:  # no resting rate measured: the calm level the line above names is the guide
            words.append(self.tr("slowing down"))
        if f.swing_bpm is not None:
            words.append(self.tr("rising and falling {bpm} bpm with each breath").format(bpm=f"{f.swing_bpm:.0f}"))
        if f.coherence is not None and f.coherence >= 2:
            words.append(self.tr("the breathing's rhythm shows in the heart"))
        return "<br>" + join(words) if words else ""
