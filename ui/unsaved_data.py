"""Heart data the history refused (full disk, locked database): said plainly, kept, saved where the user says.

The recorder keeps what it could not write in memory and in a spare file
beside the history; this object tells the user on closing where it is
(never "saved") and, from the banner, writes it to a file of their choice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .i18n import core


class UnsavedData(QObject):
    """What to say and do about the running ``recorder()``'s unsaved samples, over ``parent``."""

    def __init__(self, parent: QWidget, recorder: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.recorder = recorder

    def tell(self) -> None:
        """On closing: the history refused part of this session; say where it is kept."""
        recorder = self.recorder()
        if recorder is None or recorder.store is None or not recorder.unsaved:
            return  # no history at all: the banner said so from the start
        if recorder.fallback_path is not None and recorder.fallback_error is None:
            text = self.tr("{n} heart samples could not be saved to the history ({error}). They are kept in {path}. "
                           "Add them later with: flooding-monitor import {path}").format(
                n=recorder.unsaved, error=core(recorder.error or ""), path=recorder.fallback_path)
        else:
            text = self.tr("{n} heart samples could not be saved ({error}), not even to a spare file.").format(
                n=recorder.unsaved, error=core(recorder.error or ""))
        print(text, file=sys.stderr)
        if self.parent_widget.isVisible():
            QMessageBox.warning(self.parent_widget, self.tr("Not saved"), text)

    def save_elsewhere(self) -> None:
        """The banner's "Save elsewhere…": the samples not yet in the history, as a CSV the user names."""
        recorder = self.recorder()
        if recorder is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save unsaved heart data"),
                                              "flooding-monitor-unsaved.csv", self.tr("CSV (*.csv)"))
        if not path:
            return
        try:
            n = recorder.save_pending_csv(path)
        except OSError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("Not saved"), self.tr(
                "Could not write {path}: {error}").format(path=path, error=exc.strerror))
            return
        QMessageBox.information(self.parent_widget, self.tr("Saved"), self.tr(
            "{n} samples saved to {path}. Import it later from the command line: flooding-monitor import FILE").format(
            n=n, path=path))
