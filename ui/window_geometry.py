"""Where the main window was, remembered between runs (QSettings), in a file only the user can read."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = (1040, 700)


def restore(window: QWidget, scope: str) -> None:
    geometry = QSettings(scope, "window").value("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)


def save(window: QWidget, scope: str) -> None:
    settings = QSettings(scope, "window")
    settings.setValue("geometry", window.saveGeometry())
    settings.sync()
    if os.path.exists(settings.fileName()):
        os.chmod(settings.fileName(), 0o600)  # whatever the umask: it says when the app was used
