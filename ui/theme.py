"""Colours, words and icons for each state: never colour alone.

Colours are calm on purpose: flooding is shown in a warm coral, not a
flashing alarm red, because an alarm would add arousal to an aroused body.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from flooding_monitor.detector import State


@dataclass(frozen=True)
class StateLook:
    label: str
    icon: str
    colour: str
    explain: str


STATE_LOOKS = {
    State.NO_SIGNAL: StateLook(QT_TRANSLATE_NOOP("State", "Strap not reading"), "○", "#8a8f98",
                               QT_TRANSLATE_NOOP("State", "No trustworthy signal: check the strap is on and the "
                                                          "electrodes are wet.")),
    State.CALIBRATING: StateLook(QT_TRANSLATE_NOOP("State", "Measuring your resting rate"), "◔", "#7a6fc2",
                                 QT_TRANSLATE_NOOP("State", "Sit quietly and breathe normally.")),
    State.CALM: StateLook(QT_TRANSLATE_NOOP("State", "Calm"), "●", "#2e9d6a",
                          QT_TRANSLATE_NOOP("State", "Heart rate in the calm range.")),
    State.RISING: StateLook(QT_TRANSLATE_NOOP("State", "Rising"), "▲", "#c98a12",
                            QT_TRANSLATE_NOOP("State", "Close to the threshold. Slow down, breathe out longer.")),
    State.FLOODED: StateLook(QT_TRANSLATE_NOOP("State", "Flooding"), "◆", "#d4583b",
                             QT_TRANSLATE_NOOP("State", "Sustained high heart rate: a good moment for a break.")),
    State.RECOVERING: StateLook(QT_TRANSLATE_NOOP("State", "Settling"), "▼", "#3b82c4",
                                QT_TRANSLATE_NOOP("State", "Coming down. Keep breathing slowly.")),
}


def look(state: State) -> StateLook:
    """The state's words in the user's language."""
    raw = STATE_LOOKS[state]
    return StateLook(QCoreApplication.translate("State", raw.label), raw.icon, raw.colour,
                     QCoreApplication.translate("State", raw.explain))


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
    app.setPalette(palette)
    font = QFont(app.font())
    base = app.property("base_point_size") or font.pointSizeF()
    app.setProperty("base_point_size", base)
    font.setPointSizeF(base * font_scale)
    app.setFont(font)
