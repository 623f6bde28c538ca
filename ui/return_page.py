"""The end of a pause: ready to return, check in with each other, or not quite calm yet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.protocol.pause import (
    FIRST_PHRASE,
    RECONNECTION_PHRASES,
    REPAIR_PHRASE,
)
from flooding_monitor.live.snapshot import SessionView

from .i18n import core, join, sentences
from .pages_common import _font, _pixels, _set, base_px, big_button, set_primary
from .widgets.breathing_guide import BreathingGuide


class ReturnPage(QWidget):
    """The end of the pause: reconnect if the body has calmed, extend if not."""

    back = Signal()
    extend = Signal(int)

    def __init__(self, view: SessionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view  # the session's latest picture, given by the window with each event
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
        self.guide = BreathingGuide(view.prefs.breathing)
        self.guide.setMinimumHeight(160)
        self.guide.hide()
        self.now: Callable[[], float] | None = None  # the session clock, set by the window
        self.guide.run(lambda: self.now() if self.now is not None else None)
        root.addWidget(self.guide, 1)
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

    def set_room(self, room: bool) -> None:
        """The room view: the title, the words and the phrases read from the sofa (they were ~13 px on a
        full screen), and buttons large enough to find."""
        self.room = room
        for widget, share in ((self.title, 0.07), (self.body, 0.032), (self.phrases, 0.05)):
            _pixels(widget, int(share * self.height()) if room else base_px(widget))
        self._button_fonts()

    def _button_fonts(self) -> None:
        """One size for the three answers, the advised one bold: a style change reset some to the
        application's font, and the discouraged "Return anyway" came out three times the size of "+5"."""
        for button in (self.back_button, self.plus5, self.plus10):
            font = QFont(self.font())
            if getattr(self, "room", False):
                font.setPixelSize(max(1, int(0.03 * self.height())))
            font.setBold(button.isDefault())
            if button.font() != font:
                button.setFont(font)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if getattr(self, "room", False):
            self.set_room(True)

    def refresh(self, now_s: float) -> None:
        s = self.view
        two = s.couple
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
        wait = bool(flooded or unknown)  # the advised action is the primary button
        set_primary(self.plus5, wait)
        set_primary(self.back_button, not wait)
        self._button_fonts()
        self.guide.setVisible(bool(flooded))  # still flooded: keep breathing with the guide
        if flooded:
            self.guide.show_time(now_s)
