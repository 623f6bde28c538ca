"""The scrolling heart-rate trace: last five minutes, threshold, baseline, episodes."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from flooding_monitor.detector import State
from flooding_monitor.monitor import TickResult
from flooding_monitor.spans import true_spans

WINDOW_S = 300.0


class HeartRateTrace(pg.PlotWidget):
    def __init__(self, parent=None, dark: bool = False) -> None:
        super().__init__(parent)
        fg = "#c9ccd1" if dark else "#3a3e44"
        self.setBackground(None)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setAccessibleName("Heart rate over the last five minutes")
        self.plotItem.showGrid(x=False, y=True, alpha=0.15)
        for axis in ("left", "bottom"):
            ax = self.getAxis(axis)
            ax.setPen(pg.mkPen(fg))
            ax.setTextPen(pg.mkPen(fg))
        self.setLabel("left", "bpm")
        self.setLabel("bottom", "minutes ago")
        self.curve = self.plot(pen=pg.mkPen("#3b82c4", width=2.5), connect="finite")
        self.curve.setClipToView(True)
        self.curve.setDownsampling(auto=True, method="peak")
        self.threshold_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#d4583b", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine),
                                              label="threshold {value:.0f}",
                                              labelOpts={"position": 0.06, "color": "#d4583b"})
        self.baseline_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#2e9d6a", width=1.2, style=pg.QtCore.Qt.PenStyle.DotLine),
                                             label="resting {value:.0f}", labelOpts={"position": 0.2, "color": "#2e9d6a"})
        self.addItem(self.threshold_line)
        self.addItem(self.baseline_line)
        self.baseline_line.hide()
        self._regions: list[pg.LinearRegionItem] = []
        self._y_range: tuple[float, float] | None = None
        self._spans: list[tuple[float, float]] = []
        self.setXRange(-WINDOW_S / 60, 0, padding=0)
        self.setYRange(50, 130)

    def update_trace(self, ticks: list[TickResult], now_s: float, threshold_bpm: float,
             baseline_bpm: float | None) -> None:
        if ticks:
            t = np.fromiter((r.tick.t_s for r in ticks), float, len(ticks))
            hr = np.fromiter((r.tick.hr_bpm if r.tick.valid else math.nan for r in ticks), float, len(ticks))
            x = (t - now_s) / 60.0
            self.curve.setData(x, hr)
            flooded = np.fromiter((r.state in (State.FLOODED, State.RECOVERING) for r in ticks), bool, len(ticks))
            self._shade(x, flooded)
            finite = hr[np.isfinite(hr)]
            top = max(threshold_bpm + 15, float(finite.max()) + 5 if finite.size else 0)
            bottom = min(threshold_bpm - 50, float(finite.min()) - 5 if finite.size else 200)
            # Whole tens: the axis (costly to redraw) changes only when the range really does.
            y_range = (max(30.0, 10 * math.floor(bottom / 10)), min(230.0, 10 * math.ceil(top / 10)))
            if y_range != self._y_range:
                self._y_range = y_range
                self.setYRange(*y_range, padding=0)
        self.threshold_line.setValue(threshold_bpm)
        if baseline_bpm:
            self.baseline_line.setValue(baseline_bpm)
            self.baseline_line.show()

    def _shade(self, x: np.ndarray, mask: np.ndarray) -> None:
        spans = true_spans(x, mask)
        if not spans and not self._spans:
            return  # nothing shaded before or now: leave the items alone
        self._spans = spans
        while len(self._regions) < len(spans):
            region = pg.LinearRegionItem(brush=pg.mkBrush(QColor(212, 88, 59, 45)), pen=pg.mkPen(None),
                                         movable=False)
            region.setZValue(-10)
            self.addItem(region)
            self._regions.append(region)
        for region, span in zip(self._regions, spans):
            region.setRegion(span)
            region.show()
        for region in self._regions[len(spans):]:
            region.hide()
