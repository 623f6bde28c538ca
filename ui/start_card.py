"""The first thing a user sees: what to do before the numbers can appear, and the button that
starts the conversation.

Shown over the monitor whenever no conversation is running: at start-up and
after "End conversation". Opening the app does not start recording by
itself; "Start conversation" connects the strap(s) used last time, so a
session in the history is a conversation, not a run of the program.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from devices.open import StrapPlan

from .i18n import join
from .pages_common import _font, big_button


class StartCard(QFrame):
    def __init__(self, parent: QWidget, choose_strap: Callable[[], None], try_demo: Callable[[], None],
                 start_known: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startcard")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        title = QLabel(self.tr("Before you talk"))
        title.setFont(_font(self, 2.0, bold=True))
        layout.addWidget(title)
        # numbered by hand: an HTML list's fixed indent let large digits hang off the card's edge
        steps = QLabel("<p>1.&nbsp;{}</p><p>2.&nbsp;{}</p><p>3.&nbsp;{}</p>".format(
            self.tr("Wet the strap's two electrodes with a little water."),
            self.tr("Put it on, snug, just below the chest; it wakes up when it touches the skin."),
            self.tr("Choose it here: the list fills as nearby straps are found.")))
        steps.setWordWrap(True)
        steps.setFont(_font(self, 1.3))
        layout.addWidget(steps)
        self.row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.start = big_button(self.tr("Start conversation"), self.tr("Connect the strap used last time and "
                                                                       "start recording this conversation"),
                                primary=True)
        self.start.clicked.connect(start_known or (lambda: None))
        self.start.hide()
        row.addWidget(self.start)
        self.choose = big_button(self.tr("Choose my strap…"), self.tr("Look for heart-rate straps nearby"),
                                 primary=True)
        self.choose.clicked.connect(choose_strap)
        self.demo = big_button(self.tr("Try the demo (simulated strap)"),
                               self.tr("See the app work with a simulated strap: no real heart data"))
        self.demo.clicked.connect(try_demo)
        row.addWidget(self.choose)
        row.addWidget(self.demo)
        row.addStretch(1)
        layout.addLayout(row)
        self.known = QLabel()
        self.known.setWordWrap(True)
        self.known.hide()
        layout.addWidget(self.known)
        self.review = QLabel()  # the weekly review's reminder, on the day the couple chose
        self.review.setWordWrap(True)
        self.review.setFont(_font(self, 1.15))
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.hide()
        layout.addWidget(self.review)
        layout.addStretch(1)
        note = QLabel(self.tr("Everything stays on this computer. Space starts a pause at any time."))
        note.setWordWrap(True)
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignBottom)

        parent.installEventFilter(self)  # follows the page's size
        self.cover()

    def set_known(self, straps: list[str]) -> None:
        """With straps used before, "Start conversation" is the first, advised button."""
        from .pages_common import set_primary

        known = bool(straps)
        self.start.setVisible(known)
        self.known.setVisible(known)
        if known:
            self.known.setText(self.tr("“Start conversation” connects the straps used last time: {straps}.").format(
                straps=join(straps)))
        set_primary(self.start, known)
        set_primary(self.choose, not known)
        for button in (self.start, self.choose, self.demo):  # a style change took the app's font: the window's
            font = QFont(self.font())
            font.setPointSizeF(self.font().pointSizeF())  # explicit, or a style sheet resolves the app's
            font.setBold(button.isDefault())  # as the advised button's style draws it, so its width fits
            button.setFont(font)
        (self.start if known else self.choose).setFocus()  # the focus frame marks only the advised one
        self.choose.setText(self.tr("Choose another strap…") if known else self.tr("Choose my strap…"))
        self.arrange()

    def remind_review(self, shown: bool) -> None:
        """"Today is your weekly review": a link to History › This week, never a pop-up."""
        if shown:
            self.review.setText(self.tr("Today is your weekly review: what's working, what needs adjusting, any "
                                        "near-misses. <a href='review'>Open this week's review</a>"))
        self.review.setVisible(shown)

    def arrange(self) -> None:
        """The buttons side by side when they fit the card, else one under the other (large text)."""
        room = self.parentWidget().width() - 80
        buttons = [b for b in (self.start, self.choose, self.demo) if not b.isHidden()]
        wide = sum(b.sizeHint().width() for b in buttons) + self.row.spacing() * len(buttons)
        direction = QBoxLayout.Direction.LeftToRight if wide <= room else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)


    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.cover()
            self.arrange()
        return False

    def cover(self) -> None:
        """Over the whole monitor page."""
        self.setGeometry(self.parentWidget().rect())
        self.raise_()


def known_straps(prefs) -> list[str]:
    """The straps of the last conversation, by name (address when a strap never told its name)."""
    return [name or address for name, address in ((prefs.last_device_name, prefs.last_device_address),
                                                   (prefs.second_device_name, prefs.second_device_address))
            if name or address]


def known_plan(prefs) -> StrapPlan | None:
    """"Start conversation": the strap(s) used last time, the second partner's too (None: none known)."""
    if not known_straps(prefs):
        return None
    second = (prefs.second_device_address, prefs.second_device_name)
    return StrapPlan("ble", (prefs.last_device_address, prefs.last_device_name), second if any(second) else None)
