"""History's "Report for a therapist…": which notes to share, where to save, then the PDF.

Journal notes are private, so the report leaves every note out unless it is
ticked here; nothing is ticked at first. The session is read on the history's
reader thread (never the GUI thread); Qt draws the PDF on the GUI thread,
where its chart lives, in well under a second.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLabel, QVBoxLayout, QWidget

from flooding_monitor.private_files import os_error_line
from flooding_monitor.review.report import RangeReport, range_report
from flooding_monitor.review.stored_session import StoredSession, read_session
from flooding_monitor.storage.store import NoteRow

from .history_reader import HistoryReader
from .i18n import core
from .screen_fit import FittingDialog, WrappingCheck, scrolling

#: How much of a note the dialog shows to recognise it (the report holds all of a ticked one).
PREVIEW_CHARS = 80


class ShareNotesDialog(FittingDialog):
    """One box per journal note of the session, none ticked: only what a partner ticks is shared."""

    def __init__(self, notes: list[NoteRow], parent: QWidget | None = None, names: dict[int, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal notes in the report"))
        root = QVBoxLayout(self)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("Journal notes are private. Each writer ticks only their own notes they want the "
                               "therapist to read; the report leaves the others out and only counts them."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.boxes: list[WrappingCheck] = []
        names = names or {}
        for n, note in enumerate(notes, 1):
            if note.partner in names:
                text = self.tr("Note {n} by {name}, {when}: {words}").format(
                    n=n, name=core(names[note.partner]), when=_written(note), words=_preview(note))
            else:
                text = self.tr("Note {n}, {when}: {words}").format(n=n, when=_written(note), words=_preview(note))
            box = WrappingCheck(text)
            column.addWidget(box)
            self.boxes.append(box)
        column.addStretch(1)
        root.addWidget(scrolling(body), 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make = self.buttons.addButton(self.tr("Make the report…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.make.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        self.fit_body(body, [self.buttons], width=max(520, 56 * QFontMetrics(self.font()).averageCharWidth()))

    def shared(self) -> list[int]:
        """The numbers (1-based) of the ticked notes."""
        return [n for n, box in enumerate(self.boxes, 1) if box.isChecked()]


class TherapistReport(QObject):
    """Makes one session's report from History: asks the reader, the partners, the file; says how it went."""

    written = Signal(Path)
    failed = Signal(str)

    def __init__(self, reader: HistoryReader, parent: QWidget) -> None:
        super().__init__(parent)
        self.reader = reader
        self.window = parent

    def start(self, session_id: int) -> None:
        self.reader.ask(lambda store: read_session(store, session_id), self._read, owner=self.window,
                        failed=lambda exc: self.failed.emit(core(exc.message)))

    def _read(self, stored: StoredSession) -> None:
        shared: list[int] = []
        if stored.notes:
            dialog = ShareNotesDialog(stored.notes, self.window, {p.slot: p.name for p in stored.people})
            if not dialog.exec():
                return
            shared = dialog.shared()
        suggested = f"session-{stored.info.id}-{stored.info.started_at:%Y%m%d-%H%M}-report.pdf"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save the report"), suggested,
                                              self.tr("PDF document (*.pdf)"))
        if path:
            self.write(stored, Path(path), shared)

    def start_weeks(self) -> None:
        """A report of the last weeks (how many, asked): no notes in it, so nothing to tick."""
        weeks, ok = QInputDialog.getInt(self.window, self.tr("Report of recent weeks"),
                                        self.tr("How many weeks, this one included?"), 4, 1, 52)
        if not ok:
            return
        today = dt.date.today()
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save the report"),
                                              f"weeks-{today:%Y%m%d}-report.pdf", self.tr("PDF document (*.pdf)"))
        if path:
            self.reader.ask(lambda store: range_report(store, weeks, today), lambda r: self.write_weeks(r, Path(path)),
                            owner=self.window, failed=lambda exc: self.failed.emit(core(exc.message)))

    def write_weeks(self, report: RangeReport, path: Path) -> None:
        from .range_report_pdf import write_range_report

        self._save(lambda p: write_range_report(report, p, overwrite=True), path)

    def write(self, stored: StoredSession, path: Path, shared: list[int]) -> None:
        """The file dialog asked before replacing a file: the user named this one."""
        from .report_pdf import write_session_report

        self._save(lambda p: write_session_report(stored, p, shared, overwrite=True), path)

    def _save(self, write, path: Path) -> None:
        from .pdf_report import pdf_path

        path = pdf_path(path)
        try:
            write(path)
        except OSError as exc:
            self.failed.emit(os_error_line(exc, path))
            return
        self.written.emit(path)


def _written(note: NoteRow) -> str:
    try:
        when = dt.datetime.fromisoformat(note.written_at)
    except ValueError:
        return note.written_at
    return f"{QLocale().toString(when.date(), QLocale.FormatType.ShortFormat)} {when:%H:%M}"


def _preview(note: NoteRow) -> str:
    words = " · ".join(text for text in (note.trigger, note.body, note.response, note.familiar, note.other) if text)
    return words if len(words) <= PREVIEW_CHARS else words[:PREVIEW_CHARS - 1] + "…"
