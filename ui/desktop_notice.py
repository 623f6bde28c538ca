"""The alert as a desktop notification, through desktop-notifier.

desktop-notifier speaks each desktop's own service (freedesktop
Notifications over D-Bus on Linux, with dbus-fast that bleak already
brings; the notification centre on macOS; toast notifications on Windows),
where Qt's tray message needs a tray that many Linux desktops no longer
have. It is asynchronous: it runs on the device worker's asyncio loop, so
the GUI thread never waits for the desktop.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

log = logging.getLogger(__name__)

APP_NAME = "Flooding Monitor"


class DesktopNotice:
    """Sends notifications from the worker's loop; ``problem`` says why the last one could not go."""

    def __init__(self, submit: Callable[[Any], Future]) -> None:
        self._submit = submit
        self._notifier = None
        self.problem: str | None = None  # written by the worker thread, read by the window

    def send(self, title: str, message: str) -> None:
        if sys.platform.startswith("linux"):  # freedesktop servers may render the body's markup
            message = html.escape(message, quote=False)  # a partner's name is text, never markup
        try:
            future = self._submit(self._send(title, message))
        except RuntimeError as exc:  # the worker has stopped (the app is closing)
            log.info("no notification: %s", exc)
            return
        future.add_done_callback(self._check)

    async def _send(self, title: str, message: str) -> None:
        from desktop_notifier import DesktopNotifier, Urgency

        if self._notifier is None:
            self._notifier = DesktopNotifier(app_name=APP_NAME)
        _FAILURES.into.clear()
        await self._notifier.send(title=title, message=message, urgency=Urgency.Critical, timeout=60)
        if _FAILURES.into:
            raise RuntimeError(_FAILURES.into[-1])

    def _check(self, future: Future) -> None:
        exc = future.exception()
        if exc is not None:
            log.warning("desktop notification failed: %s", exc)
        self.problem = None if exc is None else (str(exc) or type(exc).__name__)


class _Failures(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        reason = record.exc_info[1] if record.exc_info and record.exc_info[1] else record.getMessage()
        self.into.append(str(reason) or type(reason).__name__)


#: desktop-notifier logs a failed delivery instead of raising (its documented behaviour): one listener
#: for the process. Notifications go out one at a time on the worker's loop.
_FAILURES = _Failures([])
logging.getLogger("desktop_notifier").addHandler(_FAILURES)
#: Its failure (no notification service on the session bus) carries a whole traceback: the window says
#: what happened in one line (``problem``); the terminal gets our one-line warning, not the traceback.
logging.getLogger("desktop_notifier").propagate = False
