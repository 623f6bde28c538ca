"""The scrolling heart-rate trace: last five minutes, threshold, baseline, episodes.

One curve per partner in their colour; each partner's flooding shaded in that colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont

from flooding_monitor.detection.detector import State
from flooding_monitor.live.snapshot import PartnerView
from flooding_monitor.heart.spans import merge_spans, true_spans

FLOODING_SHADE = "#d4583b"  # one wearer: the flooding colour

WINDOW_S = 300.0


class HeartRateTrace(pg.PlotWidget):
    def __init__(self, parent=None, dark: bool = False) -> None:
        super().__init__(parent)
        fg = "#c9ccd1" if dark else "#3a3e44"
        self.setBackground(None)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setAccessibleName(self.tr("Heart rate over the last five minutes"))
        self.plotItem.showGrid(x=False, y=True, alpha=0.15)
        for axis in ("left", "bottom"):
            ax = self.getAxis(axis)
            ax.setPen(pg.mkPen(fg))
            ax.setTextPen(pg.mkPen(fg))
        self.curves: list[pg.PlotDataItem] = []
        self._colours: list[str] = []
        self.curve = self._curve(0, "#3b82c4")
        self.threshold_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#d4583b", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine),
                                              label=self.tr("threshold {value:.0f}"),
                                              labelOpts={"position": 0.02, "color": "#d4583b", "anchors": [(0, 1), (0, 1)]})
        self.baseline_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#2e9d6a", width=1.2, style=pg.QtCore.Qt.PenStyle.DotLine),
                                             label=self.tr("resting {value:.0f}"), labelOpts={"position": 0.2, "color": "#2e9d6a",
                                                                                       "anchors": [(0, 0), (0, 0)]})
        self._follow_font()
        self.addItem(self.threshold_line)
        self.addItem(self.baseline_line)
        self.baseline_line.hide()
        self._regions: list[pg.LinearRegionItem] = []
        self._y_range: tuple[float, float] | None = None
        self._spans: list[tuple[float, float, str]] = []
        self.setXRange(-WINDOW_S / 60, 0, padding=0)
        self.setYRange(50, 130)

    def _curve(self, slot: int, colour: str) -> pg.PlotDataItem:
        """Partner ``slot``'s curve, made on first use and recoloured when their colour changes."""
        while len(self.curves) <= slot:
            curve = self.plot(pen=pg.mkPen(colour, width=2.5), connect="finite")
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
            self.curves.append(curve)
            self._colours.append(colour)
        if self._colours[slot] != colour:
            self.curves[slot].setPen(pg.mkPen(colour, width=2.5))
            self._colours[slot] = colour
        return self.curves[slot]

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._follow_font()

    def _follow_font(self) -> None:
        """The axes' numbers and titles in the widget's font: the window's text size, not the app's."""
        font = QFont(self.font())
        for axis, title in (("left", self.tr("bpm")), ("bottom", self.tr("minutes ago"))):
            self.getAxis(axis).setStyle(tickFont=font)
            self.setLabel(axis, title, **{"font-size": f"{font.pointSizeF():.1f}pt"})
        # the lines' words in the window's text size too: in the application's 250 % font "threshold 100"
        # stood over half the plot and was cut at its left edge
        for line in (self.threshold_line, self.baseline_line):
            line.label.setFont(font)

    def update_people(self, people: Sequence[PartnerView], now_s: float, named: bool = False) -> None:
        """Draw every partner's last five minutes; the threshold line is the first partner's."""
        lows, highs, masks = [], [], []
        for person in people:
            ticks = list(person.trace)
            curve = self._curve(person.slot, person.partner.colour)
            if not ticks:
                curve.setData([], [])
                continue
            t = np.fromiter((r.tick.t_s for r in ticks), float, len(ticks))
            hr = np.fromiter((r.tick.hr_bpm if r.tick.valid else math.nan for r in ticks), float, len(ticks))
            x = (t - now_s) / 60.0
            curve.setData(x, hr)
            flooded = np.fromiter((r.state in (State.FLOODED, State.RECOVERING) for r in ticks), bool, len(ticks))
            masks.append((x, flooded, person.partner.colour))
            finite = hr[np.isfinite(hr)]
            if finite.size:
                lows.append(float(finite.min()))
                highs.append(float(finite.max()))
        for curve in self.curves[len(people):]:
            curve.setData([], [])
        self._shade(masks)
        threshold_bpm = people[0].threshold_bpm
        top = max([threshold_bpm + 15] + [h + 5 for h in highs])
        bottom = min([threshold_bpm - 50] + [lo - 5 for lo in lows])
        # Whole tens: the axis (costly to redraw) changes only when the range really does.
        y_range = (max(30.0, 10 * math.floor(bottom / 10)), min(230.0, 10 * math.ceil(top / 10)))
        if y_range != self._y_range:
            self._y_range = y_range
            self.setYRange(*y_range, padding=0)
        self.threshold_line.setValue(threshold_bpm)
        base = people[0].baseline
        if base is not None and not named:  # two resting lines would crowd the plot
            self.baseline_line.setValue(base.hr_bpm)
            self.baseline_line.show()
        else:
            self.baseline_line.hide()

    def _shade(self, masks: list[tuple[np.ndarray, np.ndarray, str]]) -> None:
        """Flooding shaded: in coral for one wearer; in each partner's colour for two, so the shading
        says who flooded."""
        if len(masks) == 1:
            x, mask, _ = masks[0]
            self._apply_spans([(a, b, FLOODING_SHADE) for a, b in merge_spans(true_spans(x, mask))])
            return
        self._apply_spans([(a, b, colour) for x, mask, colour in masks for a, b in merge_spans(true_spans(x, mask))])

    def _apply_spans(self, spans: list[tuple[float, float, str]]) -> None:
        if not spans and not self._spans:
            return  # nothing shaded before or now: leave the items alone
        self._spans = spans
        while len(self._regions) < len(spans):
            region = pg.LinearRegionItem(pen=pg.mkPen(None), movable=False)
            region.setZValue(-10)
            region.colour = None
            self.addItem(region)
            self._regions.append(region)
        for region, (start, end, colour) in zip(self._regions, spans):
            if region.colour != colour:
                shade = QColor(colour)
                shade.setAlpha(45)
                region.setBrush(pg.mkBrush(shade))
                region.colour = colour
            region.setRegion((start, end))
            region.show()
        for region in self._regions[len(spans):]:
            region.hide()
