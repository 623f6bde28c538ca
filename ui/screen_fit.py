"""Dialogs that fit the screen they open on, whatever the text size.

At 250 % text (the app's setting, or the system's large-text DPI) a dialog
laid out for 100 % grew wider than an 800-px screen and put OK and Cancel
off it. Here a dialog's body scrolls inside the room the screen leaves (its
buttons stay in sight), check boxes wrap their words like labels, and a
dialog never opens larger than the screen's available area.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QWidget,
)

#: Room left around a dialog on its screen (window frame, a little air).
EDGE_PX = 24


def screen_room(widget: QWidget | None) -> QSize:
    """The area a window may take on ``widget``'s screen (task bars and panels left out)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size()
    return QSize(max(320, room.width() - EDGE_PX), max(240, room.height() - EDGE_PX))


def scrolling(body: QWidget) -> QScrollArea:
    """``body`` in a frameless area that scrolls up and down when the screen is too small for it."""
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def open_within_screen(dialog: QDialog, body: QWidget, chrome: QSize, width: int | None = None) -> None:
    """Size ``dialog`` to show all of ``body`` (``width`` wide, or as wide as it asks; ``chrome``: the
    buttons and margins around its scroll area), never more than its screen's room: then it scrolls."""
    room = screen_room(dialog.parentWidget() or dialog)
    wide = min(room.width(), width if width is not None else body.sizeHint().width() + chrome.width())
    tall = body.heightForWidth(wide - chrome.width()) if body.hasHeightForWidth() else -1
    if tall < 0:
        tall = body.sizeHint().height()
    dialog.setMaximumSize(room)
    dialog.resize(wide, min(room.height(), tall + chrome.height()))


class FittingDialog(QDialog):
    """A dialog whose body scrolls (see :func:`scrolling`): on its first showing it opens as large as
    the body asks, never larger than its screen. Subclasses call :meth:`fit_body` once built."""

    def fit_body(self, body: QWidget, beside: list[QWidget], width: int | None = None) -> None:
        """``body``: what scrolls; ``beside``: what stays in sight around it (buttons, a message);
        ``width``: the width wanted (else the body's own)."""
        self._fit = (body, beside, width)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        fit, self._fit = getattr(self, "_fit", None), None  # the first showing only: later, the user's size
        if fit is not None:
            body, beside, width = fit
            m, spacing = self.layout().contentsMargins(), max(0, self.layout().spacing())
            scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            chrome = QSize(m.left() + m.right() + scrollbar + 4, m.top() + m.bottom() + (spacing + 4) * len(beside)
                           + sum(w.sizeHint().height() for w in beside))
            open_within_screen(self, body, chrome, width)


class WrappingCheck(QWidget):
    """A check box whose words wrap like a label's (a QCheckBox keeps its text on one line: at 250 %
    one of ours was 1,800 px wide). Clicking the words toggles it, as with a QCheckBox."""

    toggled = Signal(bool)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setBuddy(self.box)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1, Qt.AlignmentFlag.AlignTop)
        self.box.toggled.connect(self.toggled)
        self.label.mousePressEvent = lambda _event: self.box.toggle()  # the words are part of the box

    def isChecked(self) -> bool:  # noqa: N802 - QCheckBox's name
        return self.box.isChecked()

    def setChecked(self, on: bool) -> None:  # noqa: N802
        self.box.setChecked(on)

    def text(self) -> str:
        return self.label.text()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        self.box.setAccessibleName(name)
        super().setAccessibleName(name)

    def setToolTip(self, tip: str) -> None:  # noqa: N802
        self.box.setToolTip(tip)
        self.label.setToolTip(tip)
        super().setToolTip(tip)


class FillingScrollArea(QScrollArea):
    """Its widget fills the view (a chart in it grows with the window) and scrolls only when the view is
    shorter than the widget's least height at that width. Qt's resizable scroll area sizes a widget whose
    words wrap to its preferred height, so a chart in it grew past the view and pushed the rest away."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(self)  # its content changes its least height (a title on two lines)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # a session shown in it needs more room than the one before: it scrolls, never squeezes
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        widget = self.widget()
        layout = widget.layout()

        def least(width: int) -> int:  # the widget's least height at ``width`` (words wrap narrower)
            if layout is not None and layout.hasHeightForWidth():
                return layout.totalMinimumHeightForWidth(width)
            return widget.minimumSizeHint().height()

        width = self.viewport().width()
        if least(width) > self.viewport().height():  # it scrolls: the scroll bar takes its share of the width
            width = self.width() - self.verticalScrollBar().sizeHint().width()
        widget.resize(width, max(self.viewport().height(), least(width)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().height() * 4)
