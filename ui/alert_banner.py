"""The alert over the monitor: who is flooding, what it means, and the three answers (pause, not now, moving)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from .i18n import sentences
from .pages_common import (
    _font,
    _pixels,
    base_px,
    big_button,
)


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
