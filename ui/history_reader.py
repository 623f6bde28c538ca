"""The history, read and written on a thread of its own: the window never waits for SQLite.

Another program holding the database (a backup, ``flooding-monitor export``
in a terminal) makes a query wait up to the store's lock timeout; on the GUI
thread that froze the rate on screen and the pause's breathing circle. Here
the GUI thread only queues a job (a function of a :class:`SessionStore`); a
"history-reader" thread runs the jobs in order on its own connection and
hands each answer back to the GUI thread, where ``then`` draws it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from flooding_monitor.live.recorder_thread import own_connection
from flooding_monitor.storage.store import SessionStore, StoreError

from .i18n import core

log = logging.getLogger(__name__)
T = TypeVar("T")

#: How long closing waits for the job in hand (each store call waits at most the store's lock timeout).
CLOSE_WAIT_S = 10.0


class HistoryReader(QObject):
    """Runs history jobs off the GUI thread; answers arrive on the GUI thread, in the order asked."""

    _answered = Signal(object)  # a closure to run on the GUI thread (queued: emitted from the reader)
    #: Emitted when a job could not reach the database; the text says why (one line, for the user).
    failed = Signal(str)

    def __init__(self, store: SessionStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._jobs: queue.SimpleQueue[tuple | None] = queue.SimpleQueue()
        self._pending = 0
        self._count = threading.Lock()  # asked from the writer thread too (after its flush)
        self._answered.connect(self._deliver)
        self._thread = threading.Thread(target=self._run, name="history-reader", daemon=True)
        self._thread.start()

    def ask(self, job: Callable[[SessionStore], T], then: Callable[[T], Any], owner: QObject,
            failed: Callable[[StoreError], Any] | None = None) -> None:
        """Run ``job(store)`` on the reader thread, then ``then(result)`` on the GUI thread unless
        ``owner`` (the widget that asked) is gone by then; a :class:`StoreError` goes to ``failed``
        (default: the :attr:`failed` signal). Safe to call from any thread."""
        with self._count:
            self._pending += 1
        self._jobs.put((job, then, owner, failed))

    @property
    def busy(self) -> bool:
        """A job is queued, running or its answer not yet delivered (tests and tools wait on it)."""
        return self._pending > 0

    def close(self) -> None:
        """Finish the jobs already asked for, then stop the thread."""
        self._jobs.put(None)
        self._thread.join(CLOSE_WAIT_S)

    def _run(self) -> None:
        store = own_connection(self.store)
        while (item := self._jobs.get()) is not None:
            job, then, owner, failed = item
            try:
                result = job(store)
            except StoreError as exc:
                self._answered.emit(lambda exc=exc, owner=owner, failed=failed: self._fail(owner, failed, exc))
                continue
            except Exception:  # noqa: BLE001 - one broken job must not stop the ones after it
                log.exception("history reader")
                self._answered.emit(lambda: None)
                continue
            self._answered.emit(lambda result=result, then=then, owner=owner: self._answer(owner, then, result))
        if store is not None and store is not self.store:
            store.close()

    def _deliver(self, answer: Callable[[], Any]) -> None:
        try:
            answer()
        finally:
            with self._count:
                self._pending -= 1

    @staticmethod
    def _answer(owner: QObject, then: Callable[[Any], Any], result: Any) -> None:
        if shiboken6.isValid(owner):  # the window that asked may have been closed meanwhile
            then(result)

    def _fail(self, owner: QObject, failed: Callable[[StoreError], Any] | None, exc: StoreError) -> None:
        if failed is not None and shiboken6.isValid(owner):
            failed(exc)
        elif failed is None:
            self.failed.emit(core(exc.message))
