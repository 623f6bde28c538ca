"""The main window's keys: Space pauses, Esc answers "not now" (or leaves the room view), F11 the room view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


@dataclass(frozen=True)
class KeyActions:
    """What each key does; the window says how (Help lists the keys)."""

    pause: Callable[[], None]  # Space
    escape: Callable[[], None]  # Esc: "Not now" while the alert shows, else leave the room view
    settings: Callable[[], None]  # Ctrl+,
    strap: Callable[[], None]  # Ctrl+D
    resting_rate: Callable[[], None]  # Ctrl+B
    help: Callable[[], None]  # F1
    room_view: Callable[[], None]  # F11


def bind_keys(window: QWidget, actions: KeyActions) -> None:
    """Shortcuts that work whichever page or dialog of the application has the focus; Quit closes."""
    def bind(keys: QKeySequence | str | Qt.Key, slot: Callable[[], None]) -> None:
        sc = QShortcut(QKeySequence(keys), window)
        sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
        sc.activated.connect(slot)

    bind(Qt.Key.Key_Space, actions.pause)
    bind(Qt.Key.Key_Escape, actions.escape)
    bind("Ctrl+,", actions.settings)
    bind("Ctrl+D", actions.strap)
    bind("Ctrl+B", actions.resting_rate)
    for key in (QKeySequence.StandardKey.HelpContents, "F1"):
        bind(key, actions.help)
    bind("F11", actions.room_view)
    quit_action = QAction(translate("MainWindow", "Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    window.addAction(quit_action)
