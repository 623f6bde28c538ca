"""History's charts with a printed page's look, for the therapist reports.

The same chart History draws (:class:`~ui.session_detail.SessionDetail`), on
white with black axes, and told apart without colour: a report is often
printed in black and white, so the second partner's line is dashed and each
partner's flooding is hatched in its own direction.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPicture
from PySide6.QtWidgets import QApplication

from flooding_monitor.review.stored_session import StoredSession

from .session_detail import SessionDetail
from .trends_view import TrendsView

INK = "#000000"
HATCHES = (Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.FDiagPattern)


class PrintedSessionChart(SessionDetail):
    """A session's chart drawn for paper; :meth:`picture` records it for the PDF."""

    def __init__(self) -> None:
        super().__init__()
        _on_paper(self.plot)
        self.plot.showGrid(y=True, alpha=0.25)

    def trace_pen(self, k: int, colour: str) -> QPen:
        pen = pg.mkPen(QColor(colour).darker(130), width=2.2)
        if k:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def episode_brush(self, k: int, colour: str) -> QBrush:
        return QBrush(QColor(colour).darker(150), HATCHES[k % 2])

    def pause_brush(self) -> QBrush:
        return QBrush(QColor(0, 0, 0, 28))

    def picture(self, stored: StoredSession, size: QSize) -> QPicture:
        """The chart of ``stored`` at ``size``, as drawing commands (a vector chart in the PDF)."""
        picture = QPicture()
        _draw_chart(self, stored, size, picture, QRectF(0, 0, size.width(), size.height()))
        return picture


def _on_paper(plot: pg.PlotWidget) -> None:
    """White page, black axes and tick labels."""
    plot.setBackground("w")
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(INK))
        axis.setTextPen(pg.mkPen(INK))


def chart_image(detail: SessionDetail, stored: StoredSession, size: QSize, scale: float, background) -> QImage:
    """``detail``'s chart of ``stored`` alone, as an image: laid out and ranged as on screen, never shown."""
    out = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_RGB32)
    out.fill(background)
    _draw_chart(detail, stored, size, out, QRectF(out.rect()))
    return out


def _draw_chart(detail: SessionDetail, stored: StoredSession, size: QSize, device, target: QRectF) -> None:
    """``detail``'s chart of ``stored``, laid out at ``size``, drawn on ``device`` (an image or a picture)
    over ``target``: the scene as the widget shows it, scaled (the widget's own render() scaled twice)."""
    plot = _laid_out(detail, stored, size)
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    plot.scene().render(painter, target, QRectF(plot.viewport().rect()))
    painter.end()
    _done(plot)


def _laid_out(detail: SessionDetail, stored: StoredSession, size: QSize) -> pg.PlotWidget:
    """``detail``'s chart alone at ``size``, showing ``stored`` laid out and ranged as on screen, never shown."""
    plot = detail.plot
    plot.setParent(None)  # the chart alone, at the size asked, without the figures and notes
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    plot.resize(size)
    plot.show()
    detail.show_session(stored)
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    return plot


def _done(plot: pg.PlotWidget) -> None:
    plot.hide()
    plot.deleteLater()


class PrintedTrends(TrendsView):
    """History's four weekly charts (episodes, minutes flooded, time to calm, near-misses) for paper."""

    def __init__(self) -> None:
        super().__init__()
        self.partner_colours = ("#555555", "#999999")  # greys that print
        for plot in self.plots.values():
            _on_paper(plot)
            title = plot.getPlotItem().titleLabel
            title.setText(title.text, color=INK)

    def picture(self, weeks: list, size: QSize) -> QPicture:
        """The weeks (``WeekTrend``) at ``size``, as drawing commands (vector charts in the PDF)."""
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.summary.hide()
        self.caption.hide()
        self.resize(size)
        self.show()
        self.show_weeks(weeks)
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        picture = QPicture()
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for plot in self.plots.values():
            place = QRectF(plot.mapTo(self, plot.rect().topLeft()), QSizeF(plot.size()))
            plot.scene().render(painter, place, QRectF(plot.viewport().rect()))
        painter.end()
        self.hide()
        self.deleteLater()
        return picture
