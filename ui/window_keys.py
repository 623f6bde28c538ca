"""The main window's keys: Space pauses, Esc answers "not now" (or leaves the room view), F11 the room view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from . import window_dialogs
from .room_view import set_room_view, toggle_room_view

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

if TYPE_CHECKING:
    from .main_window import MainWindow


def bind_keys(window: MainWindow) -> None:
    def bind(keys: QKeySequence | str, slot: Callable[[], None]) -> None:
        sc = QShortcut(QKeySequence(keys), window)
        sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
        sc.activated.connect(slot)

    d = window_dialogs
    bind(Qt.Key.Key_Space, lambda: window.start_pause("manual") if window.stack.currentIndex() == 0 else None)
    bind(Qt.Key.Key_Escape, lambda: window.controller.snooze() if window.session.alert_active
         else set_room_view(window, False) if window.room_view else None)
    bind("Ctrl+,", lambda: d.open_settings(window))
    bind("Ctrl+D", lambda: d.choose_device(window))
    bind("Ctrl+B", lambda: d.calibrate(window))
    for key in (QKeySequence.StandardKey.HelpContents, "F1"):
        bind(key, lambda: d.open_help(window))
    bind("F11", lambda: toggle_room_view(window))
    quit_action = QAction(translate("MainWindow", "Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    window.addAction(quit_action)
