"""History: the sessions list, one session in detail, and weekly trends.

The detail view re-analyses the raw samples with the batch detector, so a
changed threshold shows "what if" without touching what was recorded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.history import (
    summaries,
)
from flooding_monitor.partners import DEFAULT_PARTNERS, Partner
from flooding_monitor.private_files import os_error_line
from flooding_monitor.settings import DetectorSettings
from flooding_monitor.store import SessionStore, StoreError

from .i18n import core
from .journal_dialog import JournalDialog
from .session_detail import SessionDetail, _when
from .session_table import SessionTable
from .trends_view import TrendsView

#: Sessions listed before the window's first paint (the rest follow at once after it).
FIRST_PAGE = 200


class HistoryWindow(QWidget):
    def __init__(self, store: SessionStore, settings: DetectorSettings | None = None,
                 parent: QWidget | None = None, partners: tuple[Partner, ...] = DEFAULT_PARTNERS) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.settings = settings
        self.setWindowTitle(self.tr("History — Flooding Monitor"))
        self.resize(1150, 760)
        root = QVBoxLayout(self)
        tabs = QTabWidget()
        root.addWidget(tabs)
        sessions = QWidget()
        tabs.addTab(sessions, self.tr("Sessions"))
        split = QSplitter(Qt.Orientation.Vertical)
        col = QVBoxLayout(sessions)
        self.table = SessionTable(self.tr)
        self.table.setAccessibleName(self.tr("Recorded sessions"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        split.addWidget(self.table)
        self.detail = SessionDetail()
        split.addWidget(self.detail)
        split.setSizes([260, 480])
        col.addWidget(split, 1)
        buttons = QHBoxLayout()
        for text, slot, tip in (
                (self.tr("Add journal note…"), self.add_note,
                 self.tr("Write what happened, what you felt and what you did, for the chosen session")),
                (self.tr("Import…"), self.import_file,
                 self.tr("Add a session file, or a recording from a strap app, a watch (FIT) or a lab (XDF)")),
                (self.tr("Export session…"), self.export_one,
                 self.tr("Save the chosen session: a session file that keeps everything, or a spreadsheet")),
                (self.tr("Export all…"), self.export_all,
                 self.tr("Save every session as a session file, with a summary spreadsheet, into a folder")),
                (self.tr("Delete session…"), self.delete,
                 self.tr("Remove the chosen session and its notes from this computer"))):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setAccessibleName(text.rstrip("…"))
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        col.addLayout(buttons)
        self.trends = TrendsView()
        self.trends.partner_names = tuple(p.name for p in partners)
        self.trends.partner_colours = tuple(p.colour for p in partners)
        tabs.addTab(self.trends, self.tr("Trends"))
        tabs.currentChanged.connect(lambda i: self.trends.show_trends(self.store) if i == 1 else None)
        self.reload()

    def reload(self) -> None:
        """The newest sessions at once, every other one after the window is on screen: ten thousand
        summaries take longer than a window should take to open."""
        rows = summaries(self.store, FIRST_PAGE)
        self._show_rows(rows)
        self.detail.plot.setVisible(bool(rows))
        if not rows:
            self.detail.title.setText(self.tr("No sessions yet"))
            self.detail.stats.setText(self.tr(
                "Each conversation you monitor is kept here, on this computer only: its heart rates, the "
                "flooding episodes and the pauses you took. To add one you recorded elsewhere, use "
                "Import…"))
        elif len(rows) == FIRST_PAGE:
            QTimer.singleShot(0, lambda: self._show_rows(summaries(self.store), keep_selection=True))

    def _show_rows(self, rows: list, keep_selection: bool = False) -> None:
        kept = self.selected_id() if keep_selection else None
        self.table.sessions.set_rows(rows)
        header = self.table.horizontalHeader()
        self.table.sessions.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.fit_columns()
        ids = [s.id for s in self.table.sessions.rows]
        if kept in ids:
            self.table.selectionModel().blockSignals(True)  # the same session: nothing to redraw
            self.table.selectRow(ids.index(kept))
            self.table.selectionModel().blockSignals(False)
        elif rows:
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        return self.table.selected_id()

    def _selected(self) -> None:
        sid = self.selected_id()
        if sid is not None:
            try:
                self.detail.show_session(self.store, sid, self.settings)
            except StoreError as exc:
                QMessageBox.warning(self, self.tr("History"), core(exc.message))

    def add_note(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        dialog = JournalDialog(self)
        if dialog.exec() and not dialog.is_empty():
            self.store.add_note(sid, **dialog.values())
            self.reload()

    def import_file(self) -> None:
        from flooding_monitor.history import DuplicateImport, import_file
        from flooding_monitor.recordings import RecordingError

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a session or a recording"), "",
            self.tr("Sessions and recordings (*.fmsession *.csv *.txt *.hrm *.fit *.xdf);;All files (*)"))
        if not path:
            return
        try:
            import_file(self.store, path, self.settings)
        except DuplicateImport as exc:
            QMessageBox.information(self, self.tr("Already imported"), self.tr(
                "This recording is already in the history as session {id}.").format(id=exc.session_id))
            return
        except (RecordingError, StoreError) as exc:
            QMessageBox.warning(self, self.tr("Not imported"), core(getattr(exc, "message", str(exc))))
            return
        self.reload()

    def export_one(self) -> None:
        """The session file (everything, to move or keep) or a spreadsheet of its samples."""
        from flooding_monitor.exports import export_session_csv
        from flooding_monitor.session_file import SUFFIX, export_session_file

        sid = self.selected_id()
        if sid is None:
            return
        info = self.store.session(sid)
        session_filter = self.tr("Session file, everything kept (*{suffix})").format(suffix=SUFFIX)
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export session"), f"session-{sid}-{info.started_at:%Y%m%d-%H%M}{SUFFIX}",
            session_filter + ";;" + self.tr("Spreadsheet of the heart rates (*.csv)"))
        if not path:
            return
        try:  # the dialog has asked before replacing a file
            if chosen == session_filter or path.endswith(SUFFIX):
                saved = export_session_file(self.store, sid, Path(path).with_suffix(SUFFIX), overwrite=True)
            else:
                saved = export_session_csv(self.store, sid, Path(path).with_suffix(".csv"), overwrite=True)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), os_error_line(exc, path))
            return
        QMessageBox.information(self, self.tr("Exported"), self.tr("Saved {path}").format(path=saved))

    def export_all(self) -> None:
        """Every session as a session file and a summary spreadsheet; files already there are kept."""
        from flooding_monitor.exports import export_all

        folder = QFileDialog.getExistingDirectory(self, self.tr("Export all sessions to folder"))
        if not folder:
            return
        try:
            report = export_all(self.store, folder)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), os_error_line(exc, folder))
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
            QMessageBox.warning(self, self.tr("Exported, with gaps"), text)
            return
        QMessageBox.information(self, self.tr("Exported"), text)

    def delete(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        info = self.store.session(sid)
        answer = QMessageBox.question(self, self.tr("Delete session?"), self.tr(
            "Delete the session of {when} and its notes? This cannot be undone.").format(when=_when(info.started_at)))
        if answer == QMessageBox.StandardButton.Yes:
            self.store.delete_session(sid)
            self.reload()
