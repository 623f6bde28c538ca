"""The room view: full screen, only what matters read from the sofa (F11 or the "Room view" button).

The monitor shows each rate and state over a fifth of the screen tall, the
alert in large print; the pause shows the breathing circle, the time left and
the return time; the return screen its words in large print. Everything else (the top bar, the trace, the details) comes
back when the view is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import MainWindow


def set_room_view(window: MainWindow, room: bool) -> None:
    window.room_view = room
    window.connection_bar.setVisible(not room)
    window.store_banner.setVisible(not room)
    window.monitor_page.set_room(room)
    window.pause_page.set_room(room)
    window.return_page.set_room(room)
    if room:
        window.showFullScreen()
    else:
        window.showNormal()


def toggle_room_view(window: MainWindow) -> None:
    set_room_view(window, not window.room_view)
