"""The top bar: each strap's connection in words, and the buttons for straps, history and settings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from flooding_monitor.live.snapshot import PartnerView
from flooding_monitor.live.strap_status import StatusKind

from .i18n import core, join

#: Where the strap says it sits (0x2A38), in words.
BODY_PLACES = {"chest": QT_TRANSLATE_NOOP("ConnectionBar", "chest"),
               "wrist": QT_TRANSLATE_NOOP("ConnectionBar", "wrist"),
               "finger": QT_TRANSLATE_NOOP("ConnectionBar", "finger"),
               "hand": QT_TRANSLATE_NOOP("ConnectionBar", "hand"),
               "ear lobe": QT_TRANSLATE_NOOP("ConnectionBar", "ear lobe"),
               "foot": QT_TRANSLATE_NOOP("ConnectionBar", "foot"),
               "other": QT_TRANSLATE_NOOP("ConnectionBar", "other")}

#: Each strap state in a sentence about the strap ({device}: its name).
STATUS_WORDS = {
    StatusKind.SCANNING: QT_TRANSLATE_NOOP("ConnectionBar", "Looking for {device}…"),
    StatusKind.CONNECTING: QT_TRANSLATE_NOOP("ConnectionBar", "Connecting to {device}…"),
    StatusKind.CONNECTED: QT_TRANSLATE_NOOP("ConnectionBar", "Connected to {device}"),
    StatusKind.SIGNAL_LOST: QT_TRANSLATE_NOOP("ConnectionBar", "Lost {device}; trying again"),
    StatusKind.RECONNECTING: QT_TRANSLATE_NOOP("ConnectionBar", "Reconnecting to {device}…"),
    StatusKind.SILENT: QT_TRANSLATE_NOOP("ConnectionBar", "{device} is silent: no reading"),
    StatusKind.DISCONNECTED: QT_TRANSLATE_NOOP("ConnectionBar", "Not connected"),
    StatusKind.FINISHED: QT_TRANSLATE_NOOP("ConnectionBar", "{device}: recording finished"),
}


Action = tuple[str, str, Callable[[], None]]
#: The status line keeps at least this width (px) before buttons move into "More…".
MIN_STATUS_WIDTH = 220
#: At or under this, the strap may stop mid-evening: say so.
LOW_BATTERY_PERCENT = 15  # button text, screen-reader name, what it does


class ConnectionBar(QWidget):
    """One line per strap ("Connected: Polar H10 · battery 80 %"), then the action buttons."""

    def __init__(self, actions: Sequence[Action], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topbar")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        self.label = QLabel(self.tr("Not connected"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Strap connection"))
        row.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.more = QToolButton()
        self.more.setText(self.tr("More"))  # the menu's arrow says more follows (an ellipsis touched it)
        self.more.setToolTip(self.tr("The actions that do not fit in this window"))
        self.more.setAccessibleName(self.tr("More actions"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setMenu(QMenu(self.more))
        for text, name, slot in actions:
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons.append(button)
            action = self.more.menu().addAction(text)
            action.setToolTip(name)
            action.triggered.connect(slot)
        row.addWidget(self.more)
        self.more.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """As many buttons as fit beside a readable status line; the rest under "More…"."""
        super().resizeEvent(event)
        room = self.width() - 32 - max(MIN_STATUS_WIDTH, self.label.fontMetrics().averageCharWidth() * 24)
        actions = self.more.menu().actions()
        widths = [b.sizeHint().width() + 6 for b in self.buttons]
        fits = len(widths) if sum(widths) <= room else 0
        if fits == 0:
            room -= self.more.sizeHint().width() + 6
            while fits < len(widths) and sum(widths[:fits + 1]) <= room:
                fits += 1
        for k, (button, action) in enumerate(zip(self.buttons, actions)):
            button.setVisible(k < fits)
            action.setVisible(k >= fits)
        self.more.setVisible(fits < len(widths))

    def set_enabled(self, index: int, enabled: bool) -> None:
        """An action that makes no sense now (ending a conversation that has not begun) is greyed."""
        button, action = self.buttons[index], self.more.menu().actions()[index]
        if button.isEnabled() != enabled:
            button.setEnabled(enabled)
            action.setEnabled(enabled)

    def show_people(self, people: Sequence[PartnerView], lsl_on: bool, running: bool = True) -> None:
        """Each strap's state, one line each; after the conversation ended, that (the straps are
        released: "no data from the strap" would read like a fault)."""
        two = len(people) > 1
        if not running:
            text = self.tr("No conversation running: the straps are free.") if people else self.tr("Not connected")
            if self.label.text() != text:
                self.label.setText(text)
            return
        text = "\n".join(self.describe(p, two) for p in people)  # one line each
        if lsl_on:
            text += "\n" + self.tr("Streaming to Lab Streaming Layer (local network)")
        if self.label.text() != text:
            self.label.setText(text)

    def describe(self, person: PartnerView, named: bool) -> str:
        c = person.connection
        kind = StatusKind(c.state) if c.state in {k.value for k in StatusKind} else StatusKind.DISCONNECTED
        template = STATUS_WORDS.get(kind, STATUS_WORDS[StatusKind.DISCONNECTED])
        device = core(c.device_name) if c.device_name else self.tr("the strap")
        parts = [self.tr(template).format(device=device)]
        if c.battery_percent is not None and c.battery_percent <= LOW_BATTERY_PERCENT:
            parts.append(self.tr("⚠ battery {percent} %: charge it soon").format(percent=c.battery_percent))
        elif c.battery_percent is not None:
            parts.append(self.tr("battery {percent} %").format(percent=c.battery_percent))
        if c.body_location and not named:
            place = BODY_PLACES.get(c.body_location, c.body_location)
            parts.append(self.tr("on the {place}").format(place=self.tr(place)))
        r = person.latest
        if r is not None and r.tick.quality:
            parts.append(join(r.tick.quality.problems()))
        text = " · ".join(p for p in parts if p)
        if kind == StatusKind.DISCONNECTED and c.message:  # why (Bluetooth off, out of range); the others say it
            text += f" — {core(c.message)}"
        return self.tr("{name}: {status}").format(name=core(person.partner.name), status=text) if named else text
