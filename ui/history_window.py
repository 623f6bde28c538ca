"""History: the sessions list, one session in detail, and weekly trends.

The detail view re-analyses the raw samples with the batch detector, so a
changed threshold shows "what if" without touching what was recorded. Every
read and write goes through the :class:`HistoryReader`'s thread: the window
asks, and draws the answer when it comes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.review.history import summaries, weekly_trends
from flooding_monitor.live.partners import DEFAULT_PARTNERS, Partner
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.review.stored_session import read_session
from flooding_monitor.review.weekly_review import weekly_review
from flooding_monitor.storage.rituals import Rituals
from flooding_monitor.storage.store import StoreError

from .history_reader import HistoryReader
from .screen_fit import FillingScrollArea
from .i18n import core, date_time
from .journal_dialog import JournalDialog
from .check_in_dialog import CheckInDialog
from .history_exports import SessionExports
from .report_flow import TherapistReport
from . import screen_fit
from .session_detail import SessionDetail
from .session_table import SessionTable
from .trends_view import TrendsView
from .weekly_review_view import WeeklyReviewView

#: Sessions listed before the window's first paint (the rest follow at once after it).
FIRST_PAGE = 200


#: Sessions the list always shows whole, however large the text: a couple compares evenings.
LIST_ROWS = 3

class HistoryWindow(QWidget):
    def __init__(self, reader: HistoryReader, settings: DetectorSettings | None = None,
                 parent: QWidget | None = None, partners: tuple[Partner, ...] = DEFAULT_PARTNERS,
                 before_reading: Callable[[Callable[[bool], None]], None] | None = None) -> None:
        """``before_reading(go)``: what must be saved first (the running session's last second)
        calls ``go`` when it is; the first rows are asked for then."""
        super().__init__(parent, Qt.WindowType.Window)
        self.reader = reader
        self.settings = settings
        self.setWindowTitle(self.tr("History — Flooding Monitor"))
        room = screen_fit.screen_room(parent or self)  # never larger than the screen it opens on (an 800x550 laptop)
        self.resize(min(1150, room.width()), min(760, room.height()))
        self.exports = SessionExports(reader, self)
        self.report = TherapistReport(reader, self)
        self.report.written.connect(self._reported)
        self.report.failed.connect(lambda why: QMessageBox.warning(self, self.tr("Report not saved"), why))
        tabs = self.tabs = QTabWidget()
        QVBoxLayout(self).addWidget(tabs)
        tabs.addTab(self._sessions_tab(), self.tr("Sessions"))
        self.trends = TrendsView()
        self.trends.partner_names = tuple(p.name for p in partners)
        self.trends.partner_colours = tuple(p.colour for p in partners)
        tabs.addTab(self.trends, self.tr("Trends"))
        self.review = WeeklyReviewView()
        self.review.week_asked.connect(self.show_review)
        self.review.save_asked.connect(self._save_review)
        self.review.check_in_asked.connect(self._check_in)
        self.review.weeks_report_asked.connect(self.report.start_weeks)
        tabs.addTab(self.review, self.tr("This week"))
        tabs.currentChanged.connect(lambda i: self.show_trends() if i == 1 else self.show_review() if i == 2 else None)
        self.detail.title.setText(self.tr("Reading the history…"))
        self._saving_first = before_reading is not None
        if before_reading is not None:
            before_reading(self._saved)
        else:
            self.reload()

    def _sessions_tab(self) -> QWidget:
        """The list, the chosen session under it, and what can be done with it."""
        sessions = QWidget()
        split = QSplitter(Qt.Orientation.Vertical)
        col = QVBoxLayout(sessions)
        self.table = SessionTable(self.tr)
        self.table.setAccessibleName(self.tr("Recorded sessions"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        split.addWidget(self.table)
        self.detail = SessionDetail()
        # The chosen session scrolls when the window cannot hold it: its chart, stats and notes at large
        # text once squeezed the list to one and a half rows (1366x768 at 250 %).
        split.addWidget(FillingScrollArea(self.detail))
        split.setCollapsible(0, False)
        split.setCollapsible(1, False)
        self.table.setMinimumHeight(self.table.height_for_rows(LIST_ROWS))
        # the list a quarter (at least three rows), the chosen session the rest: on an 800x550 screen
        # 260 px of list left the session's chart 60 px tall
        split.setSizes([self.height() // 4, self.height() * 3 // 4])
        col.addWidget(split, 1)
        col.addLayout(self._buttons())
        return sessions

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        for text, slot, tip in (
                (self.tr("Add journal note…"), self.add_note,
                 self.tr("Write what happened, what you felt and what you did, for the chosen session")),
                (self.tr("Report for a therapist…"), self.make_report,
                 self.tr("A PDF of the chosen session to print or send: both hearts, the episodes, the pauses; "
                         "journal notes only if you tick them")),
                (self.tr("Export"), None,
                 self.tr("Save the chosen session, or every session, as files that keep everything")),
                (self.tr("Import…"), self.import_file,
                 self.tr("Add a session file, or a recording from a strap app, a watch (FIT) or a lab (XDF)")),
                (self.tr("Delete session…"), self.delete,
                 self.tr("Remove the chosen session and its notes from this computer"))):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setAccessibleName(text.rstrip("…"))
            if slot is None:
                b.setMenu(self._export_menu(b))
            else:
                b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        return buttons

    def _export_menu(self, button: QPushButton) -> QMenu:
        menu = QMenu(button)
        menu.addAction(self.tr("This session…"), lambda: self.exports.one(self.table.selected())).setToolTip(
            self.tr("Save the chosen session: a session file that keeps everything, or a spreadsheet"))
        menu.addAction(self.tr("Every session…"), self.exports.every).setToolTip(
            self.tr("Save every session as a session file, with a summary spreadsheet, into a folder"))
        menu.setToolTipsVisible(True)
        return menu

    def make_report(self) -> None:
        """The chosen session's report for a therapist (ui/report_flow.py asks which notes, and where)."""
        sid = self.selected_id()
        if sid is not None:
            self.report.start(sid)

    def _reported(self, path: Path) -> None:
        QMessageBox.information(self, self.tr("Report saved"), self.tr("Saved {path}").format(path=path))

    def _saved(self, _ok: bool) -> None:
        """The running session's last second is saved (called on the writer's thread): read now."""
        self.reload()
        self._saving_first = False

    @property
    def busy(self) -> bool:
        """Waiting for a save or for an answer (tests and tools wait on it)."""
        return self._saving_first or self.reader.busy

    def show_trends(self) -> None:
        """Count the weeks (on the reader's thread) and draw them."""
        self._ask(weekly_trends, self.trends.show_weeks)

    def show_review(self, day: dt.date | None = None) -> None:
        """The weekly review of the week holding ``day`` (this week by default)."""
        day = day or dt.date.today()
        self._ask(lambda store: weekly_review(store, day), self.review.show_review)

    def _save_review(self, week: dt.date, working: str, adjusting: str, near_misses: str) -> None:
        self._ask(lambda store: Rituals(store).save_review(week, working, adjusting, near_misses),
                  lambda _: self.show_review(week))

    def _check_in(self) -> None:
        dialog = CheckInDialog(self)
        dialog.done.connect(lambda seconds: self._ask(lambda store: Rituals(store).add_check_in(seconds),
                                                      lambda _: self.show_review(self.review.week)))
        dialog.exec()

    def _ask(self, job: Callable, then: Callable) -> None:
        self.reader.ask(job, then, owner=self, failed=self._warn)

    def _warn(self, exc: StoreError) -> None:
        QMessageBox.warning(self, self.tr("History"), core(exc.message))

    def reload(self) -> None:
        """The newest sessions first, every other one after them: ten thousand summaries take
        longer than a window should take to fill. (Safe from any thread: it only asks.)"""
        self._ask(lambda store: summaries(store, FIRST_PAGE), self._show_first_rows)

    def _show_first_rows(self, rows: list) -> None:
        self._show_rows(rows, keep_selection=True)
        self.detail.plot.setVisible(bool(rows))
        if not rows:
            self.detail.title.setText(self.tr("No sessions yet"))
            self.detail.stats.setText(self.tr(
                "Each conversation you monitor is kept here, on this computer only: its heart rates, the "
                "flooding episodes and the pauses you took. To add one you recorded elsewhere, use "
                "Import…"))
        elif len(rows) == FIRST_PAGE:
            self._ask(summaries, lambda every: self._show_rows(every, keep_selection=True))

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
        sid, settings = self.selected_id(), self.settings
        if sid is not None:
            self._ask(lambda store: read_session(store, sid, settings), self._show_session)

    def _show_session(self, stored) -> None:
        if stored.info.id == self.selected_id():  # not a session chosen before the last click
            self.detail.show_session(stored)

    def add_note(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        chosen = self.table.selected()
        dialog = JournalDialog(self, chosen.partner_names if chosen is not None else ())
        if dialog.exec() and not dialog.is_empty():
            values, writer = dialog.values(), dialog.writer()
            self._ask(lambda store: store.add_note(sid, **values, partner=writer), lambda _: self._refresh())

    def _refresh(self) -> None:
        """The list and the chosen session again (a note, an import or a deletion changed them)."""
        self.reload()
        self._selected()

    def import_file(self) -> None:
        from flooding_monitor.review.history import DuplicateImport, import_file
        from flooding_monitor.formats.recordings import RecordingError

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a session or a recording"), "",
            self.tr("Sessions and recordings (*.fmsession *.csv *.txt *.hrm *.fit *.xdf);;All files (*)"))
        if not path:
            return
        settings = self.settings

        def job(store) -> Exception | None:
            try:
                import_file(store, path, settings)
            except (DuplicateImport, RecordingError, StoreError) as exc:
                return exc
            return None

        self._ask(job, self._imported)

    def _imported(self, problem: Exception | None) -> None:
        from flooding_monitor.review.history import DuplicateImport

        if isinstance(problem, DuplicateImport):
            QMessageBox.information(self, self.tr("Already imported"), self.tr(
                "This recording is already in the history as session {id}.").format(id=problem.session_id))
        elif problem is not None:
            QMessageBox.warning(self, self.tr("Not imported"), core(getattr(problem, "message", str(problem))))
        else:
            self.reload()

    def delete(self) -> None:
        chosen = self.table.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete session?"), self.tr(
            "Delete the session of {when} and its notes? This cannot be undone.").format(
            when=date_time(chosen.started_at)))
        if answer == QMessageBox.StandardButton.Yes:
            self._ask(lambda store: store.delete_session(chosen.id), lambda _: self.reload())
