"""What the session screens share: fonts relative to the app's, buttons, labels set only on change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget


def _font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    f = QFont(widget.font())
    f.setPointSizeF(f.pointSizeF() * scale)
    f.setBold(bold)
    return f


def twelve_hour(setting: str) -> bool:
    """12-hour clock if chosen, or if the system's locale writes times with AM/PM."""
    if setting == "system":
        from PySide6.QtCore import QLocale

        return "a" in QLocale.system().timeFormat(QLocale.FormatType.ShortFormat).lower()
    return setting == "12-hour"


def _set(label: QLabel, text: str, style: str | None = None) -> None:
    if label.text() != text:
        label.setText(text)
    if style is not None and label.styleSheet() != style:
        label.setStyleSheet(style)


def big_button(text: str, accessible: str, primary: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(accessible)
    b.setToolTip(accessible)
    b.setMinimumHeight(44)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    set_primary(b, primary)
    return b


# The border is always there (the button's colour until focused): a border that appeared only with focus
# took 4 px from the text, and "Start conversation" lost its last letter when it took the focus.
PRIMARY_STYLE = ("QPushButton { background: #2f6fae; color: white; border-radius: 6px; padding: 6px 18px; "
                 "font-weight: bold; border: 2px solid #2f6fae; } QPushButton:focus { border-color: #1d4f7c; }")


def set_primary(button: QPushButton, primary: bool) -> None:
    """The advised action looks it (blue, bold) and answers Enter; the others look plain."""
    button.setDefault(primary)
    style = PRIMARY_STYLE if primary else ""
    if button.styleSheet() != style:
        button.setStyleSheet(style)
        if not primary:  # the sheet's white-on-blue palette outlives it: back to the window's
            button.setPalette(QPalette())


def describe_rule(rule) -> str:
    """The threshold in force, in words."""
    bpm = f"{rule.threshold_bpm:.0f}"
    if rule.source == "personal":
        return QCoreApplication.translate("MonitorPage", "{bpm} bpm (your resting rate + personal margin)").format(
            bpm=bpm)
    return QCoreApplication.translate("MonitorPage", "{bpm} bpm").format(bpm=bpm)


def base_px(widget: QWidget) -> int:
    """The pixel size the widget's own font has at the window's current text size (its size relative
    to the window's font is noted the first time, before any fitting sets pixel sizes)."""
    rel = widget.property("rel_size")
    if rel is None:
        rel = widget.font().pointSizeF() / widget.window().font().pointSizeF()
        widget.setProperty("rel_size", rel)
    return max(1, round(rel * widget.window().font().pointSizeF() * widget.logicalDpiY() / 72))


def _pixels(widget: QWidget, px: int) -> None:
    base_px(widget)  # note the relative size before the font stops having a point size
    font = widget.font()
    if font.pixelSize() != px:
        font.setPixelSize(max(1, px))
        widget.setFont(font)


def rescale_fonts(root: QWidget, ratio: float) -> None:
    """Every font set in points under ``root`` (the window's own is done by the caller) times ``ratio``."""
    for w in root.findChildren(QWidget):
        if w.testAttribute(Qt.WidgetAttribute.WA_SetFont) and w.font().pointSizeF() > 0:
            font = QFont(w.font())
            font.setPointSizeF(font.pointSizeF() * ratio)
            w.setFont(font)


def match_window_text(widget: QWidget) -> None:
    """A widget built after its window fitted its text took its fonts from the application's (the
    full setting): bring them to the window's."""
    app_pt = QApplication.font().pointSizeF()
    ratio = widget.window().font().pointSizeF() / app_pt if app_pt > 0 else 1.0
    if abs(ratio - 1) > 0.01:
        rescale_fonts(widget, ratio)


def fitting_scale(wanted: float, width: int, height: int) -> float:
    """The text size (relative to the system's) a window this size can show whole: the setting, up to
    about 1.0 at 800x550, 1.5 at 1366x768 and 2.3 at 1920x1080."""
    return max(0.75, min(wanted, height / 470, width / 760))
