"""The strip under the top bar that says when the history is not being saved, and offers a way out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from .i18n import core
from .theme import is_dark

#: Background and text, light theme then dark: a note, not an alarm, and never the brightest thing in a dim room.
BANNER_COLOURS = (("#fff4d6", "#5a4100"), ("#3a3220", "#f3e2b3"))


class HistoryBanner(QWidget):
    """A message ("History not saved: the disk is full…") and, while data is unsaved, "Save elsewhere…"."""

    def __init__(self, message: str, save_elsewhere: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.label = QLabel(message)
        self.label.setWordWrap(True)
        # Colours by palette, not a style sheet: a styled label stops following the window's text size.
        palette = self.label.palette()
        background, words = BANNER_COLOURS[is_dark()]
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(words))
        self.label.setPalette(palette)
        self.label.setAutoFillBackground(True)
        self.label.setContentsMargins(16, 8, 16, 8)  # margins, not CSS padding: the layout counts them
        self.label.setAccessibleName(self.tr("History problem"))
        self.save_button = QPushButton(self.tr("Save unsaved data elsewhere…"))
        self.save_button.setAccessibleName(self.tr("Save unsaved heart data to a file"))
        self.save_button.setToolTip(self.tr("Save unsaved heart data to a file"))
        self.save_button.clicked.connect(save_elsewhere)
        self.save_button.hide()
        box.addWidget(self.label)
        box.addWidget(self.save_button)
        self.label.setVisible(bool(message))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A window's layout does not ask a wrapped label how tall it must be: it is told here."""
        super().resizeEvent(event)
        self._hold_text()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._hold_text()  # a new text size re-wraps the message

    def _hold_text(self) -> None:
        need = self.label.heightForWidth(self.width()) if self.label.text() else 0
        if need > 0 and self.label.minimumHeight() != need:
            self.label.setMinimumHeight(need)
            self.setMinimumHeight(self.layout().totalMinimumSize().height())

    def text(self) -> str:
        return self.label.text()

    def say(self, message: str) -> None:
        """A note (LSL missing, a damaged database moved aside): shown until replaced."""
        self.label.setText(message)
        self.label.show()
        self._hold_text()

    def clear_note(self) -> None:
        """The conversation is over: its notes (a chime that could not sound, a screen that may go dark)
        go with it; a history problem with unsaved data stays until it is solved."""
        if self.save_button.isHidden():
            self.label.setText("")
            self.label.hide()

    def show_store_error(self, error: str | None) -> None:
        """The recorder's state: an error shows the way out; its end hides both."""
        if error:
            self.say(self.tr("History not saved: {error}").format(error=core(error)))
            self.save_button.show()
        elif not self.save_button.isHidden():  # the problem that showed them is gone
            self.label.hide()
            self.save_button.hide()
