"""An expanding/contracting circle with the words to breathe by."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import QSizePolicy, QWidget

from flooding_monitor.protocol.breathing import PROMPTS, BreathingPattern, BreathPhase

from ..i18n import core


#: Frames while the circle moves: never more than 30 a second, and a new one only when the circle has
#: grown or shrunk by about a pixel (slow near the turns, none while the breath is held).
MIN_FRAME_MS = 33
MAX_FRAME_MS = 250
PIXELS_PER_FRAME = 1.5  # a step of a pixel and a half is not seen; it spares a third of the frames


class BreathingGuide(QWidget):
    """Paints the pacer. Given a clock (:meth:`run`), it animates itself while it is shown: only this
    widget repaints, and only as often as the circle moves (a pause lasts 20 minutes, often on battery).
    ``phase_changed(name)``: a breath in, top-up, hold or out begins (the optional sound cue follows it)."""

    phase_changed = Signal(str)

    def __init__(self, pattern: BreathingPattern, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pattern = pattern
        self.phase: BreathPhase = pattern.at(0.0)
        self.setMinimumSize(260, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Breathing guide"))
        self._clock: Callable[[], float | None] | None = None
        self._painted: tuple[int, str, int] | None = None  # radius px, prompt, seconds shown
        self._ring: tuple[tuple, QPixmap] | None = None
        self._words: dict[tuple[str, int, bool], tuple[QStaticText, QFont]] = {}
        self._prompt_px: tuple[object, int] = (None, 14)  # (size, font, far: the prompt's pixel size there)
        self.far = False  # read from across the room (the room view): larger words, past the smallest circle
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it paints every pixel of itself
        self._frames = QTimer(self)
        self._frames.setSingleShot(True)
        self._frames.setTimerType(Qt.TimerType.PreciseTimer)
        self._frames.timeout.connect(self._frame)

    def run(self, clock: Callable[[], float | None]) -> None:
        """Animate by ``clock`` (seconds into the breathing, or None when there is nothing to show)."""
        self._clock = clock
        if self.isVisible():
            self._frame()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._clock is not None:
            self._frame()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().hideEvent(event)
        self._frames.stop()

    def _frame(self) -> None:
        t = self._clock() if self._clock is not None else None
        if t is None or not self.isVisible():
            return
        self.show_time(t)
        self._frames.start(self._next_frame_ms(t))

    def _next_frame_ms(self, t_s: float) -> int:
        """How long until the circle has moved by about a pixel (its speed now, from the pattern)."""
        step = 0.05
        speed = abs(self.pattern.at(t_s + step).size - self.phase.size) / step * self._radius_range()
        if speed <= 0:
            return MAX_FRAME_MS
        return int(min(MAX_FRAME_MS, max(MIN_FRAME_MS, 1000 * PIXELS_PER_FRAME / speed)))

    def _radius_range(self) -> float:
        side = min(self.width(), self.height()) - 16
        return side * (0.48 - 0.18)

    def show_time(self, t_s: float) -> None:
        phase = self.pattern.at(t_s)
        if phase.prompt != self.phase.prompt:
            self.setAccessibleDescription(phase.prompt)
        if phase.name != self.phase.name:
            self.phase_changed.emit(phase.name)
        self.phase = phase
        shown = (round(self._radius_range() * phase.size), phase.prompt, max(1, round(phase.seconds_left)))
        if shown != self._painted:  # nothing a person could see changed: no repaint
            self.update(self._circle_box())  # the circle's square (the words sit inside it)

    def _circle_box(self) -> QRect:
        """The square of the fullest breath, plus the pen: everything that moves is inside it."""
        side = min(self.width(), self.height()) - 16
        r = side * 0.48 + 4
        c = QPointF(self.width() / 2, self.height() / 2)
        return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r).toAlignedRect()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 16
        centre = QPointF(self.width() / 2, self.height() / 2)
        r_min, r_max = side * 0.18, side * 0.48
        radius = r_min + (r_max - r_min) * self.phase.size
        self._painted = (round(self._radius_range() * self.phase.size), self.phase.prompt,
                         max(1, round(self.phase.seconds_left)))
        outline = QColor("#3b82c4")
        # the background and the dashed ring, drawn once per size and copied: opaque, so nothing under
        # this widget repaints and no pixel is blended (a dashed antialiased ring took most of a frame)
        background = self._background(centre, r_max)
        area, ratio = QRectF(_event.rect()), background.devicePixelRatio()
        # the source rectangle is in the picture's own pixels: on a 200 % screen the logical one drew a
        # quarter of the ring, twice as large
        p.drawPixmap(area, background, QRectF(area.x() * ratio, area.y() * ratio, area.width() * ratio,
                                              area.height() * ratio))
        # the 3-px outline as a filled disc under the fill: filling is far cheaper than stroking a curve
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(outline)
        p.drawEllipse(centre, radius + 1.5, radius + 1.5)
        p.setBrush(self._fill(60 + int(80 * self.phase.size)))
        p.drawEllipse(centre, radius - 1.5, radius - 1.5)
        p.setPen(self.palette().windowText().color())
        words = self._prompt_pixels(side)
        self._draw_words(p, self.prompt_text(), words, True, QPointF(centre.x(), centre.y() - side * 0.02))
        self._draw_words(p, f"{max(1, round(self.phase.seconds_left))}", max(11, int(words * 0.75)), False,
                         QPointF(centre.x(), centre.y() - side * 0.02 + words * 1.3))
        p.end()

    def _prompt_pixels(self, side: float) -> int:
        """The prompt as large as a circle holds its longest words ("Breathe out", in the user's language):
        in the window the smallest circle, so the words stay inside it; read from the sofa (:attr:`far`)
        the middle-sized one, where the smallest held only about 14 px."""
        key = (round(side), self.font().key(), self.far)
        if self._prompt_px[0] != key:
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(100)
            metrics = QFontMetrics(font)
            widest = max(metrics.horizontalAdvance(core(text)) for text in PROMPTS)
            room = (0.6 if self.far else 0.3) * side  # the middle circle's width, or 0.85 of the smallest's
            self._prompt_px = (key, max(14, min(int(side * 0.085), int(100 * room / max(1, widest)))))
        return self._prompt_px[1]

    def _draw_words(self, p: QPainter, text: str, pixels: int, bold: bool, centre: QPointF) -> None:
        """``text`` centred on ``centre``, laid out once and kept (QStaticText): the same few words are
        drawn thirty times a second."""
        key = (text, pixels, bold)
        words = self._words.get(key)
        if words is None:
            font = QFont(self.font())
            font.setPixelSize(pixels)
            font.setBold(bold)
            words = (QStaticText(text), font)
            words[0].prepare(font=font)
            if len(self._words) > 64:
                self._words.clear()
            self._words[key] = words
        static, font = words
        p.setFont(font)
        size = static.size()
        p.drawStaticText(QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), static)

    def _fill(self, alpha: int) -> QColor:
        """The breath's blue at ``alpha`` over this widget's background, as an opaque colour: the same
        look, without blending every pixel of a circle that fills a 4K screen."""
        back = self.palette().window().color()
        a = alpha / 255
        return QColor(round(59 * a + back.red() * (1 - a)), round(130 * a + back.green() * (1 - a)),
                      round(196 * a + back.blue() * (1 - a)))

    def _background(self, centre: QPointF, r_max: float) -> QPixmap:
        """This widget's background with the dashed ring of the fullest breath, as an opaque picture."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self.palette().window().color().rgb())
        if self._ring is None or self._ring[0] != key:
            ring = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            ring.setDevicePixelRatio(ratio)
            ring.fill(self.palette().window().color())
            painter = QPainter(ring)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(59, 130, 196, 90), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, r_max, r_max)
            painter.end()
            self._ring = (key, ring)
        return self._ring[1]

    def prompt_text(self) -> str:
        """What the circle says now ("Breathe in"…), in the user's language."""
        return core(self.phase.prompt)
