"""History: the sessions list, one session in detail, and weekly trends.

The detail view re-analyses the raw samples with the batch detector, so a
changed threshold shows "what if" without touching what was recorded.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from flooding_monitor.detector import STATE_CODES, State
from flooding_monitor.history import export_session_csv, export_summary_csv, reanalyze, weekly_trends
from flooding_monitor.settings import DetectorSettings
from flooding_monitor.store import SessionStore, SessionSummary, StoreError

from .journal_dialog import JournalDialog

COLUMNS = ("Date", "Length", "Episodes", "Minutes flooded", "Peak bpm", "Pauses", "Recovery", "Notes")


class _Item(QTableWidgetItem):
    """Sorts by the number behind the text."""

    def __init__(self, text: str, key: float | str) -> None:
        super().__init__(text)
        self.key = key
        self.setFlags(self.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _Item):
            return (self.key, self.text()) < (other.key, other.text()) if type(self.key) is type(other.key) \
                else str(self.key) < str(other.key)
        return super().__lt__(other)


class SessionDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel("Choose a session")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        layout.addWidget(self.title)
        self.plot = pg.PlotWidget()
        self.plot.setBackground(None)
        self.plot.setLabel("left", "bpm")
        self.plot.setLabel("bottom", "minutes")
        self.plot.showGrid(y=True, alpha=0.15)
        self.plot.setAccessibleName("Whole-session heart rate (drag to pan, wheel to zoom)")
        self.curve = self.plot.plot(pen=pg.mkPen("#3b82c4", width=1.8), connect="finite")
        self.curve.setDownsampling(auto=True, method="peak")
        self.curve.setClipToView(True)
        layout.addWidget(self.plot, 1)
        self.legend = QLabel("<span style='color:#d4583b'>■</span> flooding  "
                             "<span style='color:#3b82c4'>■</span> pause  "
                             "<span style='color:#8a8f98'>|</span> strap lost  "
                             "<span style='color:#d4583b'>- -</span> threshold  "
                             "<span style='color:#2e9d6a'>···</span> resting rate")
        layout.addWidget(self.legend)
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        layout.addWidget(self.stats)
        self.notes = QTextBrowser()
        self.notes.setMaximumHeight(140)
        self.notes.setAccessibleName("Journal notes")
        layout.addWidget(self.notes)
        self._items: list = []

    def show_session(self, store: SessionStore, session_id: int, settings: DetectorSettings | None = None) -> None:
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        info = store.session(session_id)
        analysis = reanalyze(store, session_id, settings)
        t = analysis.ticks.t_s
        if t.size == 0:
            self.title.setText(f"{info.started_at:%A %d %B %Y, %H:%M} — no heart-rate data")
            self.curve.setData([], [])
            return
        t0 = float(analysis.data.t_s[0]) - 1.0 if analysis.data.t_s.size else 0.0
        x = (t - t0) / 60
        hr = np.where(analysis.ticks.valid, analysis.ticks.hr_bpm, np.nan)
        self.curve.setData(x, hr)
        rule = analysis.detection.rule

        def add(item) -> None:
            self.plot.addItem(item)
            self._items.append(item)

        add(pg.InfiniteLine(rule.threshold_bpm, angle=0, pen=pg.mkPen("#d4583b", style=Qt.PenStyle.DashLine)))
        if info.baseline_hr:
            add(pg.InfiniteLine(info.baseline_hr, angle=0, pen=pg.mkPen("#2e9d6a", style=Qt.PenStyle.DotLine)))
        end = float(t[-1])
        for e in analysis.detection.episodes:
            region = pg.LinearRegionItem(((e.start_s - t0) / 60, ((e.end_s or end) - t0) / 60), movable=False,
                                         brush=pg.mkBrush(QColor(212, 88, 59, 50)), pen=pg.mkPen(None))
            region.setZValue(-10)
            add(region)
        for p in store.pauses(session_id):
            stop = p["ended_s"] if p["ended_s"] is not None else p["started_s"] + p["planned_s"] + p["extended_s"]
            region = pg.LinearRegionItem(((p["started_s"] - t0) / 60, (stop - t0) / 60), movable=False,
                                         brush=pg.mkBrush(QColor(59, 130, 196, 45)), pen=pg.mkPen(None))
            region.setZValue(-11)
            add(region)
        for ts, kind, _msg in store.events(session_id):
            if kind == "signal_lost":
                add(pg.InfiniteLine((ts - t0) / 60, angle=90, pen=pg.mkPen("#8a8f98", width=1)))
        no_signal = int(np.count_nonzero(analysis.detection.states == STATE_CODES[State.NO_SIGNAL]))
        valid_hr = analysis.ticks.hr_bpm[analysis.ticks.valid]
        self.plot.setXRange(0, max(1.0, float(x[-1])), padding=0.01)
        counts = analysis.counts
        corrected = sum(counts[k] for k in ("ectopic", "missed", "extra", "long_short"))
        eps = analysis.detection.episodes
        minutes = sum(e.duration_s(end) for e in eps) / 60
        self.title.setText(f"{info.started_at:%A %d %B %Y, %H:%M} — {info.device_name or info.source_kind}")
        pauses = store.pauses(session_id)
        self.stats.setText(
            f"Length {(end - t0) / 60:.0f} min · threshold {rule.describe()} · "
            f"median {np.median(valid_hr):.0f} bpm, highest {np.max(valid_hr):.0f} bpm · "
            f"{len(eps)} episode(s), {minutes:.1f} min flooded · {len(pauses)} pause(s) · "
            f"strap not reading {no_signal} s · {corrected} beats corrected"
            if valid_hr.size else "No trustworthy heart-rate data in this session.")
        notes = store.notes(session_id)
        if notes:
            html = []
            for n in notes:
                parts = [f"<b>{label}</b> {n[key]}" for key, label in
                         (("trigger", "Trigger:"), ("body", "Body:"), ("response", "I did:"),
                          ("familiar", "Familiar:"), ("other", "Also:")) if n[key]]
                html.append(f"<p><i>{n['written_at']}</i><br>{'<br>'.join(parts)}</p>")
            self.notes.setHtml("".join(html))
        else:
            self.notes.setHtml("<i>No journal notes for this session.</i>")


class TrendsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.plots = {}
        for key, title in (("episodes", "Episodes per week"), ("minutes", "Minutes flooded per week"),
                           ("recovery", "Median minutes from pause to calm"), ("near", "Near-misses per week")):
            p = pg.PlotWidget(title=title)
            p.setBackground(None)
            p.setMouseEnabled(x=False, y=False)
            p.setAccessibleName(title)
            layout.addWidget(p)
            self.plots[key] = p
        self.caption = QLabel("Near-miss: 10 s or more in “rising” that did not become flooding — "
                              "a moment you caught in time.")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

    def show_trends(self, store: SessionStore) -> None:
        weeks = weekly_trends(store)
        x = np.arange(len(weeks))
        ticks = [[(i, f"{w.week_start:%d %b}") for i, w in enumerate(weeks)]]
        values = {
            "episodes": [w.episodes for w in weeks],
            "minutes": [w.minutes_flooded for w in weeks],
            "recovery": [w.median_recovery_min if w.median_recovery_min is not None else math.nan for w in weeks],
            "near": [w.near_misses for w in weeks],
        }
        colours = {"episodes": "#d4583b", "minutes": "#d4583b", "recovery": "#3b82c4", "near": "#2e9d6a"}
        for key, plot in self.plots.items():
            plot.clear()
            vals = np.nan_to_num(np.asarray(values[key], float))
            plot.addItem(pg.BarGraphItem(x=x, height=vals, width=0.6, brush=colours[key]))
            plot.getAxis("bottom").setTicks(ticks)


class HistoryWindow(QWidget):
    def __init__(self, store: SessionStore, settings: DetectorSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.settings = settings
        self.setWindowTitle("History — Flooding Monitor")
        self.resize(1150, 760)
        root = QVBoxLayout(self)
        tabs = QTabWidget()
        root.addWidget(tabs)
        sessions = QWidget()
        tabs.addTab(sessions, "Sessions")
        split = QSplitter(Qt.Orientation.Vertical)
        col = QVBoxLayout(sessions)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Recorded sessions")
        self.table.itemSelectionChanged.connect(self._selected)
        split.addWidget(self.table)
        self.detail = SessionDetail()
        split.addWidget(self.detail)
        split.setSizes([260, 480])
        col.addWidget(split, 1)
        buttons = QHBoxLayout()
        for text, slot in (("Add journal note…", self.add_note), ("Import recording…", self.import_file),
                           ("Export session CSV…", self.export_one),
                           ("Export all…", self.export_all), ("Delete session…", self.delete)):
            b = QPushButton(text)
            b.setAccessibleName(text.rstrip("…"))
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        col.addLayout(buttons)
        self.trends = TrendsView()
        tabs.addTab(self.trends, "Trends")
        tabs.currentChanged.connect(lambda i: self.trends.show_trends(self.store) if i == 1 else None)
        self.reload()

    def reload(self) -> None:
        summaries = self.store.summaries()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(summaries))
        for row, s in enumerate(summaries):
            self._fill(row, s)
        self.table.setSortingEnabled(True)
        if summaries:
            self.table.selectRow(0)

    def _fill(self, row: int, s: SessionSummary) -> None:
        rec = "" if s.median_recovery_s is None else f"{s.median_recovery_s / 60:.0f} min"
        cells = [
            _Item(f"{s.started_at:%Y-%m-%d %H:%M}", s.started_at.timestamp()),
            _Item(f"{s.duration_s / 60:.0f} min", s.duration_s),
            _Item(str(s.episodes), s.episodes),
            _Item(f"{s.flooded_s / 60:.1f}", s.flooded_s),
            _Item("" if s.peak_bpm is None else f"{s.peak_bpm:.0f}", s.peak_bpm or 0.0),
            _Item(str(s.pauses), s.pauses),
            _Item(rec, s.median_recovery_s if s.median_recovery_s is not None else -1.0),
            _Item(str(s.notes), s.notes),
        ]
        cells[0].setData(Qt.ItemDataRole.UserRole, s.id)
        for col, item in enumerate(cells):
            self.table.setItem(row, col, item)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def _selected(self) -> None:
        sid = self.selected_id()
        if sid is not None:
            try:
                self.detail.show_session(self.store, sid, self.settings)
            except StoreError as exc:
                QMessageBox.warning(self, "History", str(exc))

    def add_note(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        dialog = JournalDialog(self)
        if dialog.exec() and not dialog.is_empty():
            self.store.add_note(sid, **dialog.values())
            self.reload()

    def import_file(self) -> None:
        from flooding_monitor.history import import_recording
        from flooding_monitor.recordings import RecordingError

        path, _ = QFileDialog.getOpenFileName(self, "Import a recording", "",
                                              "Recordings (*.csv *.txt *.hrm);;All files (*)")
        if not path:
            return
        try:
            import_recording(self.store, path, self.settings)
        except (RecordingError, StoreError) as exc:
            QMessageBox.warning(self, "Not imported", str(exc))
            return
        self.reload()

    def export_one(self) -> None:
        sid = self.selected_id()
        folder = QFileDialog.getExistingDirectory(self, "Export to folder") if sid is not None else ""
        if folder:
            path = export_session_csv(self.store, sid, folder)
            QMessageBox.information(self, "Exported", f"Saved {path}")

    def export_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export all sessions to folder")
        if folder:
            for s in self.store.summaries():
                export_session_csv(self.store, s.id, folder)
            path = export_summary_csv(self.store, folder)
            QMessageBox.information(self, "Exported", f"Saved every session and {Path(path).name}")

    def delete(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        info = self.store.session(sid)
        answer = QMessageBox.question(self, "Delete session?",
                                      f"Delete the session of {info.started_at:%d %B %Y, %H:%M} and its notes? "
                                      "This cannot be undone.")
        if answer == QMessageBox.StandardButton.Yes:
            self.store.delete_session(sid)
            self.reload()
