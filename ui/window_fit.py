"""Text as large as the settings ask, within what the window can show.

At 250 % text a 800x550 window cannot hold the monitor's words; the text
size in force is the setting, capped by the window's size
(:func:`~ui.pages_common.fitting_scale`), and follows every resize and
settings change. Dialogs keep the full setting (they scroll or grow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from .pages_common import fitting_scale, rescale_fonts

if TYPE_CHECKING:
    from .main_window import MainWindow


def fit_text(window: MainWindow) -> None:
    app = QApplication.instance()
    system_pt = app.property("base_point_size") or app.font().pointSizeF()
    scale = fitting_scale(window.prefs.font_scale, window.width(), window.height())
    now_pt = window.font().pointSizeF()
    target_pt = system_pt * scale
    if abs(target_pt / now_pt - 1) < 0.03:
        return
    font = QFont(window.font())
    font.setPointSizeF(target_pt)
    window.setFont(font)
    rescale_fonts(window, target_pt / now_pt)
    window.monitor_page.refit()
    window.pause_page.set_room(window.room_view)
