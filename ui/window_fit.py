"""Text as large as the settings ask, within what the window can show.

At 250 % text a 800x550 window cannot hold the monitor's words; the text
size in force is the setting, capped by the window's size
(:func:`~ui.pages_common.fitting_scale`), and follows every resize and
settings change. Dialogs keep the full setting (they scroll or grow).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from .pages_common import fitting_scale, rescale_fonts


def fit_text(window: QWidget, setting: float) -> bool:
    """``window``'s text at ``setting`` (1.0 = the system's size) as far as its size allows; True when
    the text size changed (the pages then size their numbers again)."""
    app = QApplication.instance()
    system_pt = app.property("base_point_size") or app.font().pointSizeF()
    # The system's own large text (font DPI 192, as GNOME's and KDE's setting gives) makes every point
    # twice the pixels: the window's room is measured in pixels, so the cap counts it in too (at 800x550
    # the whole window was drawn twice too large for itself).
    large_system_text = max(1.0, window.logicalDpiY() / 96)
    scale = fitting_scale(setting * large_system_text, window.width(), window.height()) / large_system_text
    now_pt = window.font().pointSizeF()
    target_pt = system_pt * scale
    if abs(target_pt / now_pt - 1) < 0.03:
        return False
    font = QFont(window.font())
    font.setPointSizeF(target_pt)
    window.setFont(font)
    rescale_fonts(window, target_pt / now_pt)
    return True
