"""Colours, words and icons for each state: never colour alone.

Colours are calm on purpose: flooding is shown in a warm coral, not a
flashing alarm red, because an alarm would add arousal to an aroused body.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from flooding_monitor.detection.detector import State


@dataclass(frozen=True)
class StateLook:
    label: str
    icon: str
    colour: str
    explain: str


#: Per state: words, icon, and a colour for a light and for a dark window. Each colour is at least
#: 4.5:1 against its window (WCAG AA for any text) in the light theme and 3:1 (large text: the
#: state's words and the rate are large and bold) in the dark one; tests/test_contrast.py checks.
STATE_LOOKS = {
    State.NO_SIGNAL: (QT_TRANSLATE_NOOP("State", "Strap not reading"), "○", ("#6b6f78", "#8a8f98"),
                      QT_TRANSLATE_NOOP("State", "No trustworthy signal: check the strap is on and the "
                                                 "electrodes are wet.")),
    State.CALIBRATING: (QT_TRANSLATE_NOOP("State", "Measuring your resting rate"), "◔", ("#5f55a8", "#8f86d6"),
                        QT_TRANSLATE_NOOP("State", "Sit quietly and breathe normally.")),
    State.CALM: (QT_TRANSLATE_NOOP("State", "Calm"), "●", ("#2a7f56", "#2e9d6a"),
                 QT_TRANSLATE_NOOP("State", "Heart rate in the calm range.")),
    State.RISING: (QT_TRANSLATE_NOOP("State", "Rising"), "▲", ("#956200", "#c98a12"),
                   QT_TRANSLATE_NOOP("State", "Close to the threshold. Slow down, breathe out longer.")),
    State.FLOODED: (QT_TRANSLATE_NOOP("State", "Flooding"), "◆", ("#b84a30", "#e0714f"),
                    QT_TRANSLATE_NOOP("State", "Sustained high heart rate: a good moment for a break.")),
    State.RECOVERING: (QT_TRANSLATE_NOOP("State", "Settling"), "▼", ("#2f6fae", "#5b9ad6"),
                       QT_TRANSLATE_NOOP("State", "Coming down. Keep breathing slowly.")),
}
#: Buttons that carry the advised action: white on this blue is 5.2:1.
PRIMARY_BLUE = "#2f6fae"
#: The windows' backgrounds, light and dark (the palettes below).
WINDOW_BACKGROUND = ("#f6f5f2", "#1f2227")
#: Text of a control that cannot be used now (End conversation before one begins), light and dark.
DISABLED_TEXT = ("#9a9da3", "#6c7178")
#: Chart axes, tick labels and titles, light and dark: pyqtgraph's default grey was 2.7:1.
CHART_TEXT = ("#3a3e44", "#c9ccd1")


def style_chart(plot, title: str | None = None, labelled: bool = True) -> None:
    """Axes, tick labels and the title of a pyqtgraph chart in the window's text colour, with room for
    its text at the text size in force (pyqtgraph's fixed axis sizes put "bpm" over the ticks at 250 %)."""
    import pyqtgraph as pg
    from PySide6.QtGui import QFontMetrics

    colour = CHART_TEXT[is_dark()]
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(colour))
        axis.setTextPen(pg.mkPen(colour))
    text = QFontMetrics(plot.font())
    label = text.height() if labelled else 0  # room for "bpm" and "minutes" beside the tick labels
    plot.getAxis("left").setWidth(text.horizontalAdvance("8888") + label + text.height())
    plot.getAxis("bottom").setHeight(int(text.height() * 1.6) + label)
    if title is not None:
        plot.setTitle(title, color=colour, size=f"{plot.font().pointSizeF():.0f}pt")


def look(state: State, dark: bool | None = None) -> StateLook:
    """The state's words in the user's language, its colour for the theme in use."""
    label, icon, colours, explain = STATE_LOOKS[state]
    dark = is_dark() if dark is None else dark
    return StateLook(QCoreApplication.translate("State", label), icon, colours[1 if dark else 0],
                     QCoreApplication.translate("State", explain))


def is_dark(app: QGuiApplication | None = None) -> bool:
    app = app or QGuiApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, theme: str = "system", font_scale: float = 1.0) -> None:
    """Fusion style with a light or dark palette; ``system`` follows the desktop."""
    app.setStyle(QStyleFactory.create("Fusion"))
    dark = theme == "dark"
    if theme == "system":
        hints = app.styleHints()
        scheme = getattr(hints, "colorScheme", None)
        dark = scheme is not None and scheme() == Qt.ColorScheme.Dark
    palette = QPalette()
    if dark:
        roles = {
            QPalette.ColorRole.Window: "#1f2227", QPalette.ColorRole.WindowText: "#e8e9eb",
            QPalette.ColorRole.Base: "#16181c", QPalette.ColorRole.AlternateBase: "#262a30",
            QPalette.ColorRole.Text: "#e8e9eb", QPalette.ColorRole.Button: "#2b2f36",
            QPalette.ColorRole.ButtonText: "#e8e9eb", QPalette.ColorRole.Highlight: "#3b82c4",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2b2f36",
            QPalette.ColorRole.ToolTipText: "#e8e9eb", QPalette.ColorRole.PlaceholderText: "#8a8f98",
        }
    else:
        roles = {
            QPalette.ColorRole.Window: "#f6f5f2", QPalette.ColorRole.WindowText: "#1d2024",
            QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#efede8",
            QPalette.ColorRole.Text: "#1d2024", QPalette.ColorRole.Button: "#e9e6df",
            QPalette.ColorRole.ButtonText: "#1d2024", QPalette.ColorRole.Highlight: "#3b82c4",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1d2024", QPalette.ColorRole.PlaceholderText: "#7b7f86",
        }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    muted = QColor(DISABLED_TEXT[dark])  # setColor filled every group: greyed controls looked live
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    app.setPalette(palette)
    font = QFont(app.font())
    base = app.property("base_point_size") or font.pointSizeF()
    app.setProperty("base_point_size", base)
    font.setPointSizeF(base * font_scale)
    app.setFont(font)
