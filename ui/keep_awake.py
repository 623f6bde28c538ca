"""Keep the display on while a session runs and through the whole pause.

A 20-minute pause with nobody touching the laptop is exactly when the OS
blanks the screen and hides the countdown and the breathing guide. wakepy's
``keep.presenting`` asks the desktop (the freedesktop/GNOME D-Bus inhibitors
on Linux, the power APIs on Windows and macOS) and is released on exit. A
refusal is reported in words, never swallowed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

from .i18n import core

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

log = logging.getLogger(__name__)


class KeepAwake:
    """One inhibitor at a time: ``hold()`` when a session starts, ``release()`` when it ends."""

    def __init__(self) -> None:
        self._mode = None
        self.problem = ""  # why the display may still sleep, for the window to show

    @property
    def held(self) -> bool:
        return self._mode is not None

    def hold(self) -> bool:
        """Ask the desktop to keep the display on; False (with :attr:`problem`) when it would not."""
        if self._mode is not None:
            return True
        try:
            from wakepy import keep

            mode = keep.presenting(on_fail="pass")
            mode.__enter__()
        except Exception as exc:  # noqa: BLE001 - a missing desktop service must not stop monitoring
            self.problem = Text(QT_TRANSLATE_NOOP("core", "the desktop could not be asked ({detail})"),
                                detail=f"{exc.__class__.__name__}: {exc}"[:120])
            log.warning("cannot keep the display on: %s", self.problem)
            return False
        if not mode.active:
            tried = [r for r in (mode.result.list_methods() if mode.result is not None else []) if not r.success]
            mode.__exit__(None, None, None)
            self.problem = Text(QT_TRANSLATE_NOOP("core", "the desktop offers no way to keep the screen on"))
            log.warning("cannot keep the display on: %s", self.problem)
            log.debug("what the desktop said: %s", "; ".join(str(r.failure_reason) for r in tried))
            return False
        self._mode = mode
        self.problem = ""
        log.info("display kept on by %s", mode.active_method)
        return True

    def hold_or_tell(self, say: Callable[[str], None]) -> None:
        """Hold the display on; when the desktop would not, ``say`` what to do instead, in words."""
        if not self.hold():
            say(translate("MainWindow", "The screen may go dark during a pause ({problem}). Turn off screen "
                                        "blanking in your system settings for this evening.").format(
                problem=core(self.problem)))

    def release(self) -> None:
        if self._mode is not None:
            mode, self._mode = self._mode, None
            try:
                mode.__exit__(None, None, None)
            except Exception as exc:  # noqa: BLE001 - closing must finish
                log.warning("releasing the display inhibitor: %s", exc)
