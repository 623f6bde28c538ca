"""One wearer's panel on the monitor: the big number, the state in words and colour, the threshold.

Its sizes are measured, not guessed: the digits fit the panel's width and the
page's height, every state's words fit once wrapped (the room view's
"Speeding up" ran into the other partner's panel).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.detection.detector import State
from flooding_monitor.live.snapshot import PartnerView

from .i18n import core, join
from .pages_common import (
    _font,
    _pixels,
    _set,
    base_px,
    describe_rule,
)
from .theme import look


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

    def show_person(self, person: PartnerView, named: bool, asks_again: str | None = None) -> None:
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
        if person.speeding_up:
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
