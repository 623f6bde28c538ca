"""One session in the history: its heart rates, episodes, pauses and alerts on one chart, its
figures and its journal notes.

The chart re-analyses the raw samples with the batch detector, so a changed
threshold shows "what if" without touching what was recorded. Each partner
keeps one colour everywhere; pauses, the threshold and strap trouble are
drawn in neutral tones so no colour means two things.
"""

from __future__ import annotations


import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from flooding_monitor.detection.detector import STATE_CODES, State
from flooding_monitor.review.history import flooded_seconds
from flooding_monitor.live.partners import DEFAULT_PARTNERS
from flooding_monitor.review.stored_session import StoredSession

from .durations import duration_text
from .i18n import core, date_time, join
from .linkage_overlay import LinkageOverlay
from .notes_view import NotesView
from .pages_common import describe_rule
from .theme import is_dark, style_chart


#: Pauses, the threshold, "Not now" and strap trouble: grey, readable on light and dark (3:1 or more).
NEUTRAL = "#808890"
#: A pause's shading, light and dark: on the dark window the light theme's grey all but vanished.
PAUSE_SHADE = (QColor(118, 118, 118, 45), QColor(170, 176, 186, 60))


class SessionDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Choose a session"))
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.plot = pg.PlotWidget()
        self.plot.setBackground(None)
        self.plot.setLabel("left", self.tr("bpm"))
        self.plot.setLabel("bottom", self.tr("minutes"))
        self.plot.showGrid(y=True, alpha=0.15)
        style_chart(self.plot)
        self.plot.setAccessibleName(self.tr("Whole-session heart rate (drag to pan, wheel to zoom)"))
        self.curve = self.plot.plot(pen=pg.mkPen(DEFAULT_PARTNERS[0].colour, width=1.8), connect="finite")
        self.curve.setDownsampling(auto=True, method="peak")
        self.curve.setClipToView(True)
        self.plot.setMinimumHeight(self.fontMetrics().height() * 6)  # never squeezed out by large text
        layout.addWidget(self.plot, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.together = QCheckBox(self.tr("Show when our hearts moved together"))
        self.together.setToolTip(self.tr("Stretches where both rates rose, calmed or moved in opposite directions "
                                         "at once, more than chance would make them (see Help)"))
        self.together.toggled.connect(self._show_linkage)
        self.together.setVisible(False)
        layout.addWidget(self.together)
        self.linkage = LinkageOverlay(self.plot, NEUTRAL)
        self._drawn: tuple | None = None  # (stored, t0, top) of the session on the chart
        self._legend_text = ""
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.stats.setAlignment(Qt.AlignmentFlag.AlignTop)
        # the figures and what each pause did can outgrow a small window at large text: they scroll
        stats_area = QScrollArea()
        stats_area.setWidget(self.stats)
        stats_area.setWidgetResizable(True)
        stats_area.setFrameShape(QFrame.Shape.NoFrame)
        stats_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        stats_area.setMinimumHeight(self.fontMetrics().height() * 3)
        stats_area.setMaximumHeight(self.fontMetrics().height() * 4)  # the rest is the chart's
        layout.addWidget(stats_area)
        self.notes = NotesView()
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)  # more scrolls: the chart comes first
        layout.addWidget(self.notes)
        self._items: list = []
        self._curves: list[pg.PlotDataItem] = []  # the second partner's

    def show_session(self, stored: StoredSession) -> None:
        """Draw a session read by :func:`read_session` (on the history's reader thread)."""
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        info, people = stored.info, stored.people
        two = len(people) > 1
        analyses = list(zip(people, stored.analyses))
        starts = [float(a.data.t_s[0]) for _, a in analyses if a.data.t_s.size]
        if not starts or all(a.ticks.t_s.size == 0 for _, a in analyses):
            self._show_empty(info)
            return
        t0 = min(starts) - 1.0
        end = max(float(a.ticks.t_s[-1]) for _, a in analyses if a.ticks.t_s.size)
        colours = [who.colour if two else DEFAULT_PARTNERS[0].colour for who, _ in analyses]
        top = max((float(a.ticks.hr_bpm[a.ticks.valid].max()) for _, a in analyses if a.ticks.valid.any()),
                  default=100.0)
        lines = []
        for k, (who, analysis) in enumerate(analyses):
            self._draw_partner(k, who, analysis, analyses[0][1].detection.rule.threshold_bpm, t0, end, colours[k])
            lines.append(self._stats(analysis, end, who.name if two else "", colours[k]))
            lines += [self._pause_line(e, who.name if two else "", colours[k]) for e in stored.effects[k]]
        for curve in self._curves[len(analyses) - 1:]:
            curve.setData([], [])
        pauses = stored.pauses
        for p in pauses:
            self._add(self._region(p.started_s, p.stop_s, t0, self.pause_brush(), -11))
        for item in self._marks(stored, t0, top + 6, colours, bool(pauses)):
            self._add(item)
        self.plot.setXRange(0, max(1.0, (end - t0) / 60), padding=0.01)
        device = join([p.device_name for p in people if p.device_name] or [info.device_name or info.source_kind])
        self.title.setText(f"{date_time(info.started_at)} — {device}")
        self._drawn = (stored, t0, top + 3)
        self.together.setVisible(two)
        self._show_linkage()
        self.stats.setText((self.tr("Length {length} · 1 pause") if len(pauses) == 1 else
                            self.tr("Length {length} · {n} pauses")).format(length=duration_text(end - t0), n=len(pauses))
                           + "<br>" + "<br>".join(lines))
        self.notes.show_notes(stored.notes, {p.slot: p.name for p in people} if two else {})

    def _draw_partner(self, k: int, who, analysis, first_threshold: float, t0: float, end: float,
                      colour: str) -> None:
        """Partner ``k``'s trace, threshold (when not the first partner's), resting rate and episodes."""
        curve = self.curve if k == 0 else self._second_curve()
        curve.setPen(self.trace_pen(k, colour))
        t = analysis.ticks.t_s
        curve.setData((t - t0) / 60, np.where(analysis.ticks.valid, analysis.ticks.hr_bpm, np.nan))
        rule = analysis.detection.rule
        if k == 0 or rule.threshold_bpm != first_threshold:
            self._add(pg.InfiniteLine(rule.threshold_bpm, angle=0, pen=pg.mkPen(NEUTRAL, style=Qt.PenStyle.DashLine)))
        if who.baseline_hr:
            self._add(pg.InfiniteLine(who.baseline_hr, angle=0, pen=pg.mkPen(colour, style=Qt.PenStyle.DotLine)))
        for e in analysis.detection.episodes:
            self._add(self._region(e.start_s, e.end_s or end, t0, self.episode_brush(k, colour), -10))

    def _region(self, start_s: float, end_s: float, t0: float, brush, z: int) -> pg.LinearRegionItem:
        region = pg.LinearRegionItem(((start_s - t0) / 60, (end_s - t0) / 60), movable=False, brush=brush,
                                     pen=pg.mkPen(None))
        region.setZValue(z)
        return region

    def _add(self, item) -> None:
        self.plot.addItem(item)
        self._items.append(item)

    def _show_empty(self, info) -> None:
        self.title.setText(self.tr("{when} — no heart-rate data").format(when=date_time(info.started_at)))
        self._drawn = None
        self.together.setVisible(False)
        self.linkage.clear()
        self.curve.setData([], [])
        for curve in self._curves:
            curve.setData([], [])

    def _show_linkage(self) -> None:
        """The couple's linked stretches on the chart and in words, when asked for."""
        stored = self._drawn[0] if self._drawn else None
        if stored is None or not self.together.isChecked() or stored.linkage is None:
            self.linkage.clear()
            self.legend.setText(self._legend_text)
            return
        _, t0, top = self._drawn
        self.linkage.show(stored.linkage, t0, top)
        self.legend.setText(self._legend_text + "<br>" + self.linkage.sentence(stored.linkage))

    # -- the look: the screen's here, a printed page's in ui/report_chart.py ---------------------
    def trace_pen(self, k: int, colour: str) -> QPen:
        """Partner ``k``'s heart-rate line."""
        return pg.mkPen(colour, width=1.8)

    def episode_brush(self, k: int, colour: str) -> QBrush:
        """The shading of partner ``k``'s flooding."""
        shade = QColor(colour)
        shade.setAlpha(60)
        return pg.mkBrush(shade)

    def pause_brush(self) -> QBrush:
        return pg.mkBrush(PAUSE_SHADE[is_dark()])

    def _marks(self, stored: StoredSession, t0: float, y: float,
               colours: list[str], paused: bool) -> list[pg.GraphicsObject]:
        """Where the alert fired (▼ in the partner's colour), where "Not now" was pressed (○), and
        where the strap was lost (a thin grey line); the legend lists only what this session has."""
        items: list[pg.GraphicsObject] = []
        alerts: dict[int, list[float]] = {}
        for ts, kind, _msg, who in stored.events:
            if kind == "alert":
                alerts.setdefault(who, []).append((ts - t0) / 60)
            elif kind in ("signal_lost", "silent"):
                items.append(pg.InfiniteLine((ts - t0) / 60, angle=90, pen=pg.mkPen(NEUTRAL, width=1)))
        for who, xs in alerts.items():
            colour = colours[min(who, len(colours) - 1)]
            items.append(pg.ScatterPlotItem(xs, [y] * len(xs), symbol="t", size=14, brush=pg.mkBrush(colour),
                                            pen=pg.mkPen(colour)))
        snoozes = [(z.t_s - t0) / 60 for z in stored.snoozes]
        if snoozes:
            items.append(pg.ScatterPlotItem(snoozes, [y] * len(snoozes), symbol="o", size=12,
                                            brush=pg.mkBrush(None), pen=pg.mkPen(NEUTRAL, width=2)))
        alert_colours = [colours[min(who, len(colours) - 1)] for who in sorted(alerts)]
        self._legend(colours, alert_colours, bool(snoozes), paused,
                     any(isinstance(i, pg.InfiniteLine) for i in items))
        return items

    def _legend(self, colours: list[str], alert_colours: list[str], snoozes: bool, pauses: bool, lost: bool) -> None:
        shown = [("".join(f"<span style='color:{c}'>■</span>" for c in colours), self.tr("flooding"))]
        if alert_colours:
            shown.append(("".join(f"<span style='color:{c}'>▼</span>" for c in alert_colours), self.tr("alert")))
        if snoozes:
            shown.append((f"<span style='color:{NEUTRAL}'>○</span>", self.tr("“Not now”")))
        if pauses:
            shown.append((f"<span style='color:{NEUTRAL}'>■</span>", self.tr("pause")))
        if lost:
            shown.append((f"<span style='color:{NEUTRAL}'>|</span>", self.tr("strap lost")))
        shown += [(f"<span style='color:{NEUTRAL}'>- -</span>", self.tr("threshold")),
                  ("".join(f"<span style='color:{c}'>···</span>" for c in colours), self.tr("resting rate"))]
        self._legend_text = "  ".join(f"{mark} {words}" for mark, words in shown)
        self.legend.setText(self._legend_text)

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

    def _pause_line(self, e, name: str, colour: str) -> str:
        """What one pause did, in words: never a score, nothing in red."""
        parts = []
        if e.hr_start_bpm is not None and e.hr_end_bpm is not None:
            parts.append(self.tr("{start} → {end} bpm").format(start=f"{e.hr_start_bpm:.0f}", end=f"{e.hr_end_bpm:.0f}"))
        parts.append(self.tr("calm after {minutes} min").format(minutes=f"{e.calm_after_min:.0f}")
                     if e.calm_after_min is not None else self.tr("not yet calm for a minute in it"))
        if e.swing_bpm is not None:
            parts.append(self.tr("the rate rose and fell {bpm} bpm with each breath").format(bpm=f"{e.swing_bpm:.0f}"))
        if e.coherence is not None:
            parts.append(self.tr("breathing rhythm in the heart {ratio} (coherence)").format(ratio=f"{e.coherence:.1f}"))
        who = f"<b style='color:{colour}'>{core(name)}</b> " if name else ""
        return self.tr("Pause ({length}): {who}{what}").format(
            length=duration_text(e.ended_s - e.started_s), who=who, what=join(parts))

    def _figures(self, analysis, end: float) -> str:
        valid_hr = analysis.ticks.hr_bpm[analysis.ticks.valid]
        if not valid_hr.size:
            return self.tr("no trustworthy heart-rate data.")
        counts = analysis.counts
        corrected = sum(counts[k] for k in ("ectopic", "missed", "extra", "long_short"))
        eps = analysis.detection.episodes
        flooded_s = flooded_seconds(eps, end)
        no_signal = int(np.count_nonzero(analysis.detection.states == STATE_CODES[State.NO_SIGNAL]))
        return self.tr(
            "threshold {rule} · median {median} bpm, highest {highest} bpm · {episodes}, {flooded} flooded · "
            "strap not reading {lost} · {corrected} beats corrected").format(
            rule=describe_rule(analysis.detection.rule), median=f"{np.median(valid_hr):.0f}",
            highest=f"{np.max(valid_hr):.0f}",
            episodes=self.tr("1 episode") if len(eps) == 1 else self.tr("{n} episodes").format(n=len(eps)), flooded=duration_text(flooded_s, "0 min"),
            lost=duration_text(no_signal, "0 s"), corrected=corrected)
