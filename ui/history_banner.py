"""The strip under the top bar that says when the history is not being saved, and offers a way out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from .i18n import core


class HistoryBanner(QWidget):
    """A message ("History not saved: the disk is full…") and, while data is unsaved, "Save elsewhere…"."""

    def __init__(self, message: str, save_elsewhere: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.label = QLabel(message)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("background: #fff4d6; color: #5a4100; padding: 8px 16px;")
        self.label.setAccessibleName(self.tr("History problem"))
        self.save_button = QPushButton(self.tr("Save unsaved data elsewhere…"))
        self.save_button.setAccessibleName(self.tr("Save unsaved heart data to a file"))
        self.save_button.clicked.connect(save_elsewhere)
        self.save_button.hide()
        box.addWidget(self.label)
        box.addWidget(self.save_button)
        self.label.setVisible(bool(message))

    def text(self) -> str:
        return self.label.text()

    def say(self, message: str) -> None:
        """A note (LSL missing, a damaged database moved aside): shown until replaced."""
        self.label.setText(message)
        self.label.show()

    def show_store_error(self, error: str | None) -> None:
        """The recorder's state: an error shows the way out; its end hides both."""
        if error:
            self.say(self.tr("History not saved: {error}").format(error=core(error)))
            self.save_button.show()
        elif not self.save_button.isHidden():  # the problem that showed them is gone
            self.label.hide()
            self.save_button.hide()
