"""bleak's asyncio beside Qt: one worker thread owns every device.

The GUI sends commands with ``asyncio.run_coroutine_threadsafe``; samples and
statuses come back through a ``queue.SimpleQueue`` that :class:`SourceBridge`
drains on a QTimer (friture's producer/consumer pattern). Devices never touch
Qt, and Windows' apartment threading and macOS dispatch queues stay away from
the GUI thread. See docs/architecture.md.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from devices.source import HeartRateSource, Status, StatusKind
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)


class DeviceWorker:
    """An asyncio loop in a daemon thread; holds strong references to its tasks.

    One source per partner slot: each event leaves the worker stamped with
    the slot of the strap that produced it.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.events: queue.SimpleQueue[object] = queue.SimpleQueue()
        #: Called (from the worker thread) after each event is queued: the
        #: bridge posts itself a queued call so the GUI reacts at once instead
        #: of at its next poll. Must be thread-safe.
        self.wake: Callable[[], None] | None = None
        self._thread = threading.Thread(target=self._run, name="devices", daemon=True)
        self._tasks: set[asyncio.Task[Any]] = set()
        self.sources: dict[int, HeartRateSource] = {}
        self._thread.start()

    @property
    def source(self) -> HeartRateSource | None:
        """The first partner's source (the only one in a one-person session)."""
        return self.sources.get(0)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def submit(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def use(self, source: HeartRateSource, slot: int = 0) -> concurrent.futures.Future[Any]:
        """Give partner ``slot`` this source: close their old one, connect and pump the new one."""
        return self.submit(self._use(source, slot))

    def close(self, slot: int) -> concurrent.futures.Future[Any]:
        """Release partner ``slot``'s strap."""
        return self.submit(self._close_source(slot))

    def close_all(self) -> concurrent.futures.Future[Any]:
        async def close_all() -> None:
            for slot in list(self.sources):
                await self._close_source(slot)

        return self.submit(close_all())

    async def _use(self, source: HeartRateSource, slot: int) -> None:
        if slot in self.sources:
            await self._close_source(slot)
        self.sources[slot] = source
        task = asyncio.create_task(self._pump(source, slot), name=f"pump-{slot}-{source.name}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        try:
            await source.connect()
        except Exception as exc:  # noqa: BLE001 - the supervisor reports and retries
            log.info("first connection to %s failed: %s", source.name, exc)

    async def _pump(self, source: HeartRateSource, slot: int) -> None:
        try:
            async for event in source.events():
                if slot:
                    event = replace(event, partner=slot)
                self.events.put(event)
                if self.wake is not None:
                    self.wake()
        except Exception:  # pragma: no cover
            log.exception("source %s failed", source.name)
            message = Text(QT_TRANSLATE_NOOP("core", "{name} stopped unexpectedly"), name=source.name)
            self.events.put(Status(StatusKind.ERROR, 0.0, message, partner=slot))

    async def _close_source(self, slot: int = 0) -> None:
        source = self.sources.pop(slot, None)
        if source is not None:
            try:
                await asyncio.wait_for(source.close(), 10)
            except Exception as exc:  # noqa: BLE001
                log.info("closing %s: %s", source.name, exc)

    def stop(self, timeout_s: float = 10.0) -> None:
        """Orderly shutdown: close the sources, cancel tasks, stop the loop, join."""
        if not self._thread.is_alive():
            return

        async def shutdown() -> None:
            for slot in list(self.sources):
                await self._close_source(slot)
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)

        try:
            self.submit(shutdown()).result(timeout_s)
        except Exception as exc:  # noqa: BLE001
            log.warning("device shutdown: %s", exc)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout_s)


class SourceBridge(QObject):
    """Drains the worker's queue on the GUI thread and re-emits as Qt signals.

    The worker wakes it with a queued call (latency: one event-loop turn);
    a slow timer drains as well, as a safety net.
    """

    sample = Signal(object)
    status = Signal(object)
    _wake = Signal()

    def __init__(self, events: queue.SimpleQueue[object], interval_ms: int = 2000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._pending = threading.Event()
        # A signal emitted from another thread is delivered queued to this
        # object's (the GUI) thread: Qt's thread-safe way in.
        self._wake.connect(self.drain, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.drain)
        self.timer.start()

    def wake(self) -> None:
        """Thread-safe: ask for a drain soon (coalesced while one is pending)."""
        if not self._pending.is_set():
            self._pending.set()
            self._wake.emit()

    def drain(self) -> int:
        self._pending.clear()
        n = 0
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                return n
            n += 1
            if isinstance(event, Status):
                self.status.emit(event)
            else:
                self.sample.emit(event)

