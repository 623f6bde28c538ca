"""History: the sessions list, one session in detail, and weekly trends.

The detail view re-analyses the raw samples with the batch detector, so a
changed threshold shows "what if" without touching what was recorded.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.detector import STATE_CODES, State
from flooding_monitor.history import (
    flooded_seconds,
    reanalyze,
    summaries,
    weekly_trends,
)
from flooding_monitor.partners import DEFAULT_PARTNERS, Partner
from flooding_monitor.settings import DetectorSettings
from flooding_monitor.store import SessionStore, StoreError

from .i18n import core, join
from .journal_dialog import JournalDialog
from .pages_common import describe_rule
from .session_table import SessionTable


def _when(d) -> str:
    """A session's date and time in the user's language (e.g. "Wednesday, 25 November 2026 20:14")."""
    locale = QLocale()
    return f"{locale.toString(d.date(), QLocale.FormatType.LongFormat)} {d:%H:%M}"


class SessionDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Choose a session"))
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        layout.addWidget(self.title)
        self.plot = pg.PlotWidget()
        self.plot.setBackground(None)
        self.plot.setLabel("left", self.tr("bpm"))
        self.plot.setLabel("bottom", self.tr("minutes"))
        self.plot.showGrid(y=True, alpha=0.15)
        self.plot.setAccessibleName(self.tr("Whole-session heart rate (drag to pan, wheel to zoom)"))
        self.curve = self.plot.plot(pen=pg.mkPen("#3b82c4", width=1.8), connect="finite")
        self.curve.setDownsampling(auto=True, method="peak")
        self.curve.setClipToView(True)
        layout.addWidget(self.plot, 1)
        self.legend = QLabel("  ".join(f"<span style='color:{colour}'>{mark}</span> {words}" for colour, mark, words in (
            ("#d4583b", "■", self.tr("flooding")), ("#3b82c4", "■", self.tr("pause")),
            ("#8a8f98", "|", self.tr("strap lost")), ("#d4583b", "- -", self.tr("threshold")),
            ("#2e9d6a", "···", self.tr("resting rate")))))
        layout.addWidget(self.legend)
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        layout.addWidget(self.stats)
        self.notes = QTextBrowser()
        self.notes.setMaximumHeight(140)
        self.notes.setAccessibleName(self.tr("Journal notes"))
        layout.addWidget(self.notes)
        self._items: list = []
        self._curves: list[pg.PlotDataItem] = []  # the second partner's

    def show_session(self, store: SessionStore, session_id: int, settings: DetectorSettings | None = None) -> None:
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        info = store.session(session_id)
        people = store.partners(session_id)
        two = len(people) > 1
        analyses = [(p, reanalyze(store, session_id, settings, p.slot)) for p in people]
        starts = [float(a.data.t_s[0]) for _, a in analyses if a.data.t_s.size]
        if not starts or all(a.ticks.t_s.size == 0 for _, a in analyses):
            self.title.setText(self.tr("{when} — no heart-rate data").format(when=_when(info.started_at)))
            self.curve.setData([], [])
            for curve in self._curves:
                curve.setData([], [])
            return
        t0 = min(starts) - 1.0
        end = max(float(a.ticks.t_s[-1]) for _, a in analyses if a.ticks.t_s.size)

        def add(item) -> None:
            self.plot.addItem(item)
            self._items.append(item)

        lines = []
        for k, (who, analysis) in enumerate(analyses):
            curve = self.curve if k == 0 else self._second_curve()
            colour = who.colour if two else "#3b82c4"
            curve.setPen(pg.mkPen(colour, width=1.8))
            t = analysis.ticks.t_s
            curve.setData((t - t0) / 60, np.where(analysis.ticks.valid, analysis.ticks.hr_bpm, np.nan))
            rule = analysis.detection.rule
            if k == 0 or rule.threshold_bpm != analyses[0][1].detection.rule.threshold_bpm:
                add(pg.InfiniteLine(rule.threshold_bpm, angle=0, pen=pg.mkPen("#d4583b", style=Qt.PenStyle.DashLine)))
            if who.baseline_hr:
                add(pg.InfiniteLine(who.baseline_hr, angle=0,
                                    pen=pg.mkPen(colour if two else "#2e9d6a", style=Qt.PenStyle.DotLine)))
            for e in analysis.detection.episodes:
                region = pg.LinearRegionItem(((e.start_s - t0) / 60, ((e.end_s or end) - t0) / 60), movable=False,
                                             brush=pg.mkBrush(QColor(212, 88, 59, 50)), pen=pg.mkPen(None))
                region.setZValue(-10)
                add(region)
            lines.append(self._stats(analysis, end, who.name if two else "", colour))
        for curve in self._curves[len(analyses) - 1:]:
            curve.setData([], [])
        for p in store.pauses(session_id):
            region = pg.LinearRegionItem(((p.started_s - t0) / 60, (p.stop_s - t0) / 60), movable=False,
                                         brush=pg.mkBrush(QColor(59, 130, 196, 45)), pen=pg.mkPen(None))
            region.setZValue(-11)
            add(region)
        for ts, kind, _msg in store.events(session_id):
            if kind == "signal_lost":
                add(pg.InfiniteLine((ts - t0) / 60, angle=90, pen=pg.mkPen("#8a8f98", width=1)))
        self.plot.setXRange(0, max(1.0, (end - t0) / 60), padding=0.01)
        device = join([p.device_name for p in people if p.device_name] or [info.device_name or info.source_kind])
        self.title.setText(f"{_when(info.started_at)} — {device}")
        pauses = store.pauses(session_id)
        self.stats.setText(self.tr("Length {min} min · {n} pause(s)").format(min=f"{(end - t0) / 60:.0f}", n=len(pauses))
                           + "<br>" + "<br>".join(lines))
        self._show_notes(store, session_id)

    def _second_curve(self) -> pg.PlotDataItem:
        if not self._curves:
            curve = self.plot.plot(connect="finite")
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self._curves.append(curve)
        return self._curves[0]

    def _stats(self, analysis, end: float, name: str, colour: str) -> str:
        """One partner's line of figures under the plot (named when there are two)."""
        text = self._figures(analysis, end)
        if not name:
            return text
        return self.tr("{name}: {text}").format(name=f"<b style='color:{colour}'>{core(name)}</b>", text=text)

    def _figures(self, analysis, end: float) -> str:
        valid_hr = analysis.ticks.hr_bpm[analysis.ticks.valid]
        if not valid_hr.size:
            return self.tr("no trustworthy heart-rate data.")
        counts = analysis.counts
        corrected = sum(counts[k] for k in ("ectopic", "missed", "extra", "long_short"))
        eps = analysis.detection.episodes
        minutes = flooded_seconds(eps, end) / 60
        no_signal = int(np.count_nonzero(analysis.detection.states == STATE_CODES[State.NO_SIGNAL]))
        return self.tr(
            "threshold {rule} · median {median} bpm, highest {highest} bpm · {n} episode(s), {min} min flooded · "
            "strap not reading {lost} s · {corrected} beats corrected").format(
            rule=describe_rule(analysis.detection.rule), median=f"{np.median(valid_hr):.0f}",
            highest=f"{np.max(valid_hr):.0f}", n=len(eps), min=f"{minutes:.1f}", lost=no_signal, corrected=corrected)

    def _show_notes(self, store: SessionStore, session_id: int) -> None:
        notes = store.notes(session_id)
        if notes:
            html = []
            for n in notes:
                parts = [f"<b>{label}</b> {getattr(n, key)}" for key, label in
                         (("trigger", self.tr("Trigger:")), ("body", self.tr("Body:")), ("response", self.tr("I did:")),
                          ("familiar", self.tr("Familiar:")), ("other", self.tr("Also:"))) if getattr(n, key)]
                html.append(f"<p><i>{n.written_at}</i><br>{'<br>'.join(parts)}</p>")
            self.notes.setHtml("".join(html))
        else:
            self.notes.setHtml("<i>{}</i>".format(self.tr("No journal notes for this session.")))


class TrendsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.plots = {}
        for key, title in (("episodes", self.tr("Episodes per week")), ("minutes", self.tr("Minutes flooded per week")),
                           ("recovery", self.tr("Median minutes from pause to calm")),
                           ("near", self.tr("Near-misses per week"))):
            p = pg.PlotWidget(title=title)
            p.setBackground(None)
            p.setMouseEnabled(x=False, y=False)
            p.setAccessibleName(title)
            layout.addWidget(p)
            self.plots[key] = p
        self.caption = QLabel(self.near_miss_text())
        self.partner_names = tuple(p.name for p in DEFAULT_PARTNERS)
        self.partner_colours = tuple(p.colour for p in DEFAULT_PARTNERS)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

    def show_trends(self, store: SessionStore) -> None:
        weeks = weekly_trends(store)
        for plot in self.plots.values():
            plot.setVisible(bool(weeks))
        if not weeks:  # an empty chart would show axes of nothing
            self.caption.setText(self.tr("No sessions yet. Week by week, this page will show how often flooding "
                                         "came, for how long, and how soon calm came back."))
            return
        x = np.arange(len(weeks))
        ticks = [[(i, QLocale().toString(w.week_start, "d MMM")) for i, w in enumerate(weeks)]]
        values = {
            "episodes": [w.episodes for w in weeks],
            "minutes": [w.minutes_flooded for w in weeks],
            "recovery": [w.median_recovery_min if w.median_recovery_min is not None else math.nan for w in weeks],
            "near": [w.near_misses for w in weeks],
        }
        colours = {"episodes": "#d4583b", "minutes": "#d4583b", "recovery": "#3b82c4", "near": "#2e9d6a"}
        couples = any(w.couple_sessions for w in weeks)
        for key, plot in self.plots.items():
            plot.clear()
            if key == "episodes" and couples:  # each partner's episodes side by side, in their colours
                for k, offset in ((0, -0.17), (1, 0.17)):
                    heights = np.asarray([w.episodes_by_partner[k] for w in weeks], float)
                    plot.addItem(pg.BarGraphItem(x=x + offset, height=heights, width=0.32,
                                                 brush=self.partner_colours[k]))
            else:
                vals = np.nan_to_num(np.asarray(values[key], float))
                plot.addItem(pg.BarGraphItem(x=x, height=vals, width=0.6, brush=colours[key]))
            plot.getAxis("bottom").setTicks(ticks)
        names = self.partner_names
        self.caption.setText(
            (self.tr("Episodes:") + f" <span style='color:{self.partner_colours[0]}'>■</span> {core(names[0])}  "
             f"<span style='color:{self.partner_colours[1]}'>■</span> {core(names[1])}<br>" if couples else "") +
            self.near_miss_text())

    def near_miss_text(self) -> str:
        return self.tr("Near-miss: 10 s or more in “rising” that did not become flooding — a moment you caught in time.")


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
        for text, slot in ((self.tr("Add journal note…"), self.add_note),
                           (self.tr("Import recording…"), self.import_file),
                           (self.tr("Export session…"), self.export_one),
                           (self.tr("Export all…"), self.export_all), (self.tr("Delete session…"), self.delete)):
            b = QPushButton(text)
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
                "Import recording…"))
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
                saved = Path(path)
                made = export_session_csv(self.store, sid, saved.parent)
                made.replace(saved)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), f"{exc.strerror}: {exc.filename}")
            return
        QMessageBox.information(self, self.tr("Exported"), self.tr("Saved {path}").format(path=saved))

    def export_all(self) -> None:
        """Every session as a session file and a summary spreadsheet; files already there are kept."""
        from flooding_monitor.exports import export_summary_csv
        from flooding_monitor.session_file import export_session_file

        folder = QFileDialog.getExistingDirectory(self, self.tr("Export all sessions to folder"))
        if not folder:
            return
        kept = 0
        try:
            for s in summaries(self.store):
                try:
                    export_session_file(self.store, s.id, folder)
                except FileExistsError:
                    kept += 1
            path = export_summary_csv(self.store, folder)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), f"{exc.strerror}: {exc.filename}")
            return
        text = self.tr("Saved every session and {name}").format(name=Path(path).name)
        if kept:
            text += " " + self.tr("({n} were there already and were left as they were)").format(n=kept)
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
