"""An expanding/contracting circle with the words to breathe by."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from flooding_monitor.breathing import BreathingPattern, BreathPhase

from ..i18n import core


class BreathingGuide(QWidget):
    """Paints the pacer at the time set by :meth:`show_time` (no timer of its own)."""

    def __init__(self, pattern: BreathingPattern, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pattern = pattern
        self.phase: BreathPhase = pattern.at(0.0)
        self.setMinimumSize(260, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Breathing guide"))

    def show_time(self, t_s: float) -> None:
        phase = self.pattern.at(t_s)
        if phase.prompt != self.phase.prompt:
            self.setAccessibleDescription(phase.prompt)
        self.phase = phase
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 16
        centre = QPointF(self.width() / 2, self.height() / 2)
        r_min, r_max = side * 0.18, side * 0.48
        radius = r_min + (r_max - r_min) * self.phase.size
        outline = QColor("#3b82c4")
        p.setPen(QPen(QColor(59, 130, 196, 90), 2, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(centre, r_max, r_max)
        fill = QColor(59, 130, 196, 60 + int(80 * self.phase.size))
        p.setPen(QPen(outline, 3))
        p.setBrush(fill)
        p.drawEllipse(centre, radius, radius)
        font = QFont(self.font())
        font.setPixelSize(max(14, int(r_min * 0.27)))  # fits inside the smallest circle
        font.setBold(True)
        p.setFont(font)
        p.setPen(self.palette().windowText().color())
        box = QRectF(centre.x() - r_max, centre.y() - side * 0.08, 2 * r_max, side * 0.12)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.prompt_text())
        small = QFont(self.font())
        small.setPixelSize(max(11, int(r_min * 0.22)))
        p.setFont(small)
        box2 = QRectF(centre.x() - r_max, centre.y() + side * 0.05, 2 * r_max, side * 0.08)
        p.drawText(box2, Qt.AlignmentFlag.AlignCenter, f"{max(1, round(self.phase.seconds_left))}")
        p.end()

    def prompt_text(self) -> str:
        """What the circle says now ("Breathe in"…), in the user's language."""
        return core(self.phase.prompt)
