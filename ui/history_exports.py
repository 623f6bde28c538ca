"""History's exports: one session (a session file that keeps everything, or a spreadsheet) or all of them.

The files are written on the history's reader thread; the window is only
asked where to, and told how it went.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from flooding_monitor.private_files import os_error_line
from flooding_monitor.storage.store import StoreError

from .history_reader import HistoryReader
from .i18n import core


class SessionExports(QObject):
    """The "Export" menu's two jobs, for the window that owns it."""

    def __init__(self, reader: HistoryReader, window: QWidget) -> None:
        super().__init__(window)
        self.reader = reader
        self.window = window

    def one(self, chosen_session) -> None:
        """The session file (everything, to move or keep) or a spreadsheet of its samples."""
        from flooding_monitor.review.exports import export_session_csv
        from flooding_monitor.formats.session_file import SUFFIX, export_session_file

        if chosen_session is None:
            return
        sid = chosen_session.id
        session_filter = self.tr("Session file, everything kept (*{suffix})").format(suffix=SUFFIX)
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export session"), f"session-{sid}-{chosen_session.started_at:%Y%m%d-%H%M}{SUFFIX}",
            session_filter + ";;" + self.tr("Spreadsheet of the heart rates (*.csv)"))
        if not path:
            return
        as_file = chosen == session_filter or path.endswith(SUFFIX)

        def job(store) -> Path | str:
            try:  # the dialog has asked before replacing a file
                if as_file:
                    return export_session_file(store, sid, Path(path).with_suffix(SUFFIX), overwrite=True)
                return export_session_csv(store, sid, Path(path).with_suffix(".csv"), overwrite=True)
            except OSError as exc:
                return os_error_line(exc, path)

        self.reader.ask(job, self._exported, owner=self.window, failed=self._failed)

    def _failed(self, exc: StoreError) -> None:
        QMessageBox.warning(self.window, self.tr("Not exported"), core(exc.message))

    def _exported(self, saved: Path | str) -> None:
        if isinstance(saved, str):
            QMessageBox.warning(self.window, self.tr("Not exported"), saved)
        else:
            QMessageBox.information(self.window, self.tr("Exported"), self.tr("Saved {path}").format(path=saved))

    def every(self) -> None:
        """Every session as a session file and a summary spreadsheet; files already there are kept."""
        from flooding_monitor.review.exports import export_all

        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export all sessions to folder"))
        if not folder:
            return

        def job(store):
            try:
                return export_all(store, folder)
            except OSError as exc:
                return os_error_line(exc, folder)

        self.reader.ask(job, self._exported_all, owner=self.window, failed=self._failed)

    def _exported_all(self, report) -> None:
        if isinstance(report, str):
            QMessageBox.warning(self.window, self.tr("Not exported"), report)
            return
        text = self.tr("Saved every session and {name}").format(name=report.summary.name)
        if report.kept:
            text += " " + self.tr("({n} were there already and were left as they were)").format(n=len(report.kept))
        if report.beside:
            text += "\n\n" + self.tr("{n} file(s) there differ from today's export (edited, or older than a "
                                     "note): they were left as they are and today's copy saved beside "
                                     "them.").format(n=len(report.beside))
        if report.failed:
            text += "\n\n" + self.tr("Not exported: {sessions}.").format(
                sessions="; ".join(f"{sid} ({why})" for sid, why in report.failed))
            QMessageBox.warning(self.window, self.tr("Exported, with gaps"), text)
            return
        QMessageBox.information(self.window, self.tr("Exported"), text)
