"""The daily check-in: two minutes, the seed's prompt, a gentle countdown; only that it happened is kept.

The seed: "Spend two minutes each day intentionally connecting — not
discussing logistics or problems, but simply affirming your partner and the
existence of the relationship." Nothing said is recorded; the weekly review
counts the check-ins.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .durations import minutes_seconds
from .pages_common import _font
from .screen_fit import FittingDialog, scrolling

CHECK_IN_S = 120.0
#: Shorter than this is not counted (a box opened and closed by mistake).
COUNTS_AFTER_S = 30.0


class CheckInDialog(FittingDialog):
    """Start, two minutes counted down, done. ``done(seconds)`` when a check-in happened."""

    done = Signal(float)

    def __init__(self, parent: QWidget | None = None, now: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.now = now
        self.started: float | None = None
        self.setWindowTitle(self.tr("Daily check-in"))
        root = QVBoxLayout(self)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        prompt = QLabel(self.tr("Two minutes to connect: not logistics or problems, but simply affirming your "
                                "partner and the relationship. Say one thing you appreciated today."))
        prompt.setWordWrap(True)
        prompt.setFont(_font(self, 1.15))
        column.addWidget(prompt)
        self.clock = QLabel(minutes_seconds(CHECK_IN_S))
        self.clock.setFont(_font(self, 3.0, bold=True))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setAccessibleName(self.tr("Time left"))
        column.addWidget(self.clock)
        root.addWidget(scrolling(body), 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go = self.buttons.addButton(self.tr("Start"), QDialogButtonBox.ButtonRole.ActionRole)
        self.go.setDefault(True)
        self.go.clicked.connect(self._go)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.update_clock)
        self.fit_body(body, [self.buttons], width=440)

    def _go(self) -> None:
        if self.started is None:
            self.started = self.now()
            self.go.setText(self.tr("We're done"))
            self.timer.start(500)
        else:
            self.finish()

    def update_clock(self) -> None:
        elapsed = self.elapsed()
        self.clock.setText(minutes_seconds(CHECK_IN_S - elapsed))
        if elapsed >= CHECK_IN_S:
            self.finish()

    def elapsed(self) -> float:
        return 0.0 if self.started is None else self.now() - self.started

    def finish(self) -> None:
        """Counted when it lasted long enough; the dialog closes either way."""
        self.timer.stop()
        seconds = min(self.elapsed(), CHECK_IN_S)
        if seconds >= COUNTS_AFTER_S:
            self.done.emit(seconds)
        self.accept()
