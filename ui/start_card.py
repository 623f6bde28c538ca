"""The first thing a new user sees: what to do before the numbers can appear.

Shown over the monitor while no strap is chosen; it goes when a session starts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .pages_common import _font, big_button


class StartCard(QFrame):
    def __init__(self, parent: QWidget, choose_strap: Callable[[], None], try_demo: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("startcard")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        title = QLabel(self.tr("Before you talk"))
        title.setFont(_font(self, 2.0, bold=True))
        layout.addWidget(title)
        steps = QLabel("<ol style='margin-left:0'><li>{}</li><li>{}</li><li>{}</li></ol>".format(
            self.tr("Wet the strap's two electrodes with a little water."),
            self.tr("Put it on, snug, just below the chest; it wakes up when it touches the skin."),
            self.tr("Choose it here: the list fills as nearby straps are found.")))
        steps.setWordWrap(True)
        steps.setFont(_font(self, 1.3))
        layout.addWidget(steps)
        row = QHBoxLayout()
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
        layout.addStretch(1)
        note = QLabel(self.tr("Everything stays on this computer. Space starts a pause at any time."))
        note.setWordWrap(True)
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignBottom)

        parent.installEventFilter(self)  # follows the page's size
        self.cover()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.cover()
        return False

    def cover(self) -> None:
        """Over the whole monitor page."""
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
