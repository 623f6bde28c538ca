"""The room view: full screen, only what matters read from the sofa (F11 or the "Room view" button).

The monitor shows each rate and state over a fifth of the screen tall, the
alert in large print; the pause shows the breathing circle, the time left and
the return time; the return screen its words in large print. Everything else
(the top bar, the trace, the details) comes back when the view is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class RoomAware(Protocol):
    """A page that lays itself out for the room view."""

    def set_room(self, room: bool) -> None: ...


class RoomView(QObject):
    """Switches ``window`` in and out of the room view: ``chrome`` hidden, each page told."""

    changed = Signal(bool)

    def __init__(self, window: QWidget, chrome: Sequence[QWidget], pages: Sequence[RoomAware]) -> None:
        super().__init__(window)
        self.window = window
        self.chrome = tuple(chrome)
        self.pages = tuple(pages)
        self.on = False

    def set(self, room: bool) -> None:
        self.on = room
        for widget in self.chrome:
            widget.setVisible(not room)
        for page in self.pages:
            page.set_room(room)
        if room:
            self.window.showFullScreen()
        else:
            self.window.showNormal()
        self.changed.emit(room)

    def toggle(self) -> None:
        self.set(not self.on)

    def leave(self) -> None:
        """Esc: back to the full window (nothing happens outside the room view)."""
        if self.on:
            self.set(False)
