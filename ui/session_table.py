"""The history's list of sessions: a model the view asks for the rows it shows.

Ten thousand sessions as table items were eighty thousand objects made before
the window could appear; here a row's text is made when it scrolls into
view, and sorting reads plain numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from flooding_monitor.review.history import SessionSummary

from .durations import duration_text, notes_text
from .i18n import core, join

COLUMNS = (QT_TRANSLATE_NOOP("HistoryWindow", "Date"), QT_TRANSLATE_NOOP("HistoryWindow", "Length"),
           QT_TRANSLATE_NOOP("HistoryWindow", "Episodes"), QT_TRANSLATE_NOOP("HistoryWindow", "Time flooded"),
           QT_TRANSLATE_NOOP("HistoryWindow", "Peak bpm"), QT_TRANSLATE_NOOP("HistoryWindow", "Pauses"),
           QT_TRANSLATE_NOOP("HistoryWindow", "Recovery"), QT_TRANSLATE_NOOP("HistoryWindow", "Notes"))

Index = QModelIndex | QPersistentModelIndex


def episodes_text(s: SessionSummary) -> str:
    """"3" for one wearer; "3 (Mei 2, Jun 1)" for a couple."""
    if not s.partner_names:
        return str(s.episodes)
    return f"{s.episodes} ({join([f'{core(n)} {k}' for n, k in zip(s.partner_names, s.episodes_by_partner)])})"


def sort_key(s: SessionSummary, column: int) -> float:
    return (s.started_at.timestamp(), s.duration_s, s.episodes, s.flooded_s, s.peak_bpm or 0.0, s.pauses,
            -1.0 if s.median_recovery_s is None else s.median_recovery_s, s.notes)[column]


class SessionTableModel(QAbstractTableModel):
    def __init__(self, tr: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.rows: list[SessionSummary] = []

    def set_rows(self, rows: Sequence[SessionSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr_(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(s, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, s: SessionSummary, column: int) -> str:
        if column == 0:
            return f"{s.started_at:%Y-%m-%d %H:%M}"
        if column == 1:
            return duration_text(s.duration_s)
        if column == 2:
            return episodes_text(s)
        if column == 3:
            return duration_text(s.flooded_s) if s.flooded_s > 0 else "–"
        if column == 4:
            return "" if s.peak_bpm is None else f"{s.peak_bpm:.0f}"
        if column == 5:
            return str(s.pauses)
        if column == 6:
            return duration_text(s.median_recovery_s)
        return notes_text(s.notes)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows in a new order; the selection stays on the session it was on."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_ids = [self.rows[i.row()].id for i in kept]
        self.rows.sort(key=lambda s: (sort_key(s, column), s.id), reverse=order == Qt.SortOrder.DescendingOrder)
        row_of = {s.id: r for r, s in enumerate(self.rows)}
        self.changePersistentIndexList(kept, [self.index(row_of[sid], i.column()) for sid, i in zip(kept_ids, kept)])
        self.layoutChanged.emit()


class SessionTable(QTableView):
    """One row per session, one selected at a time; column widths from the first rows only."""

    def __init__(self, tr: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = SessionTableModel(tr, self)
        self.setModel(self.sessions)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(50)  # widths from the first rows, not from every session
        header.setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def fit_columns(self) -> None:
        """Column widths from the first rows' text (once: a user's own widths are kept after)."""
        if not getattr(self, "_fitted", False) and self.sessions.rows:
            self.resizeColumnsToContents()
            self._fitted = True

    def height_for_rows(self, rows: int) -> int:
        """The height that shows the header, ``rows`` whole rows and the sideways scroll bar."""
        bar = self.horizontalScrollBar().sizeHint().height()
        return (self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
                + bar + 2 * self.frameWidth())

    def row_count(self) -> int:
        return self.sessions.rowCount()

    def text(self, row: int, column: int) -> str:
        return self.sessions.text(self.sessions.rows[row], column)

    def selected_id(self) -> int | None:
        chosen = self.selected()
        return chosen.id if chosen is not None else None

    def selected(self) -> SessionSummary | None:
        rows = self.selectionModel().selectedRows()
        return self.sessions.rows[rows[0].row()] if rows else None
