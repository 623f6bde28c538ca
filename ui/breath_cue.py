"""A soft sound at each breath in and out, for breathing with eyes closed (optional, off by default).

It follows the pacer's own phases (``BreathingGuide.phase_changed``): a
rising glide for "in", a falling one for "out", played by the system's
player like the alert's chime, and quieter than it. The first problem
(no player, no sound file) is said once, then the cue stays quiet.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from flooding_monitor.live.preferences import Preferences


class BreathCue(QObject):
    problem = Signal(str)

    def __init__(self, parent: QObject, prefs: Callable[[], Preferences],
                 play: Callable[[bool], str | None] | None = None) -> None:
        """``play(rising)``: sounds one cue, returns why it could not (the system's player by default)."""
        super().__init__(parent)
        self.prefs = prefs
        self.play = play or _system_player
        self.said_problem = False

    def phase(self, name: str) -> None:
        if not self.prefs().breath_sound or name not in ("in", "out"):
            return
        problem = self.play(name == "in")
        if problem and not self.said_problem:
            self.said_problem = True
            self.problem.emit(self.tr("The breathing cue cannot sound: {reason}.").format(reason=problem))


def _system_player(rising: bool) -> str | None:
    from platformdirs import user_cache_path

    from .chime import play_breath

    return play_breath(user_cache_path("flooding-monitor"), rising)
