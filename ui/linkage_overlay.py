"""On a couple's session chart, when the two hearts moved together: optional, described without judgment.

The stretches come from :mod:`flooding_monitor.review.linkage` (computed with
the session on the reader thread). Together is drawn as a band along the
top of the chart, opposite directions as a dotted band; the sentence says
how often, and Help says what linkage does and does not mean.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt

from flooding_monitor.review.linkage import Direction, Linkage

from .i18n import join


class LinkageOverlay(QObject):
    """The linked stretches of one session on ``plot``, shown or hidden as the user chooses."""

    def __init__(self, plot: pg.PlotWidget, colour: str) -> None:
        super().__init__(plot)
        self.plot = plot
        self.colour = colour  # neutral: linkage is neither partner's, and neither good nor bad
        self.items: list[pg.GraphicsObject] = []

    def show(self, linkage: Linkage | None, t0: float, top_bpm: float) -> None:
        """Draw the stretches (minutes from ``t0``) as bands just above ``top_bpm``."""
        self.clear()
        if linkage is None:
            return
        for span in linkage.spans:
            style = Qt.PenStyle.SolidLine if span.direction is Direction.TOGETHER else Qt.PenStyle.DotLine
            band = pg.PlotCurveItem([(span.start_s - t0) / 60, (span.end_s - t0) / 60], [top_bpm, top_bpm],
                                    pen=pg.mkPen(self.colour, width=6, style=style))
            self.plot.addItem(band)
            self.items.append(band)

    def clear(self) -> None:
        for item in self.items:
            self.plot.removeItem(item)
        self.items = []

    def sentence(self, linkage: Linkage | None) -> str:
        """"Your rates rose together twice and calmed together once." — counts, never a verdict."""
        if linkage is None:
            return ""
        rose = linkage.count(Direction.TOGETHER, 1)
        calmed = linkage.count(Direction.TOGETHER, -1)
        together = linkage.count(Direction.TOGETHER) - rose - calmed
        opposite = linkage.count(Direction.OPPOSITE)
        if not linkage.spans:
            return self.tr("Your rates did not move together more than chance would.")
        parts = []
        if rose:
            parts.append(self.tr("rose together once") if rose == 1 else self.tr("rose together {n} times").format(n=rose))
        if calmed:
            parts.append(self.tr("calmed together once") if calmed == 1 else
                         self.tr("calmed together {n} times").format(n=calmed))
        if together:
            parts.append(self.tr("moved together once more") if together == 1 else
                         self.tr("moved together {n} more times").format(n=together))
        if opposite:
            parts.append(self.tr("moved in opposite directions once") if opposite == 1 else
                         self.tr("moved in opposite directions {n} times").format(n=opposite))
        what = parts[0] if len(parts) == 1 else self.tr("{first} and {last}").format(
            first=join(parts[:-1]), last=parts[-1])
        return self.tr("Your rates {what} (▬ together, ┅ opposite).").format(what=what)
