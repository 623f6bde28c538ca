"""bleak's asyncio beside Qt: one worker thread runs the session runner, which owns every strap.

The GUI sends commands with ``asyncio.run_coroutine_threadsafe``; samples,
statuses and the runner's clock ticks come back through a ``queue.SimpleQueue``
that :class:`SourceBridge` drains on the GUI thread (friture's
producer/consumer pattern). Devices never touch
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
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from devices.clock import Clock
from devices.source import HeartRateSource, Status
from flooding_monitor.live.runner import SessionRunner
from flooding_monitor.heart.samples import HeartRateSample

log = logging.getLogger(__name__)
#: With no sample from any strap for this long (straps back in the drawer, the laptop left on), the
#: app ends the conversation at the last reading, so the history does not count a night "together".
LOST_AFTER_S = 60 * 60.0


@dataclass(frozen=True)
class Tick:
    """The session runner's clock reached ``now_s`` (carried to the controller on the GUI thread)."""

    now_s: float


@dataclass(frozen=True)
class SessionEnded:
    """The runner ended the session by itself (a replay finished)."""

    how: str


class QueueSink:
    """The runner's sink in the app: each call becomes an item on the queue the GUI thread drains.

    The controller lives on the GUI thread; the runner, on the devices thread,
    only needs each partner's tick grid, which the GUI publishes here after it
    feeds a sample (:meth:`publish_grid`). Items carry the generation of the
    session they belong to, so a closing strap's last words never reach the
    next session.
    """

    def __init__(self, events: queue.SimpleQueue[object], generation: int, wake: Callable[[], None]) -> None:
        self._events = events
        self.generation = generation
        self._wake = wake
        self.grid: tuple[float, ...] = ()

    def _put(self, item: object) -> None:
        self._events.put((self.generation, item))
        self._wake()

    def feed(self, sample: HeartRateSample) -> None:
        self._put(sample)

    def status(self, status: Status) -> None:
        self._put(status)

    def tick(self, now_s: float) -> None:
        self._put(Tick(now_s))

    def tick_grid(self) -> tuple[float, ...]:
        return self.grid


class DeviceWorker:
    """An asyncio loop in a daemon thread that runs the session's :class:`SessionRunner`.

    The GUI begins a session (:meth:`begin`), gives it straps (:meth:`use`),
    and ends it (:meth:`end`); what the runner emits comes back on
    :attr:`events` as ``(generation, item)`` pairs.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.events: queue.SimpleQueue[object] = queue.SimpleQueue()
        #: Called (from the worker thread) after each event is queued: the
        #: bridge posts itself a queued call so the GUI reacts at once instead
        #: of at its next poll. Must be thread-safe.
        self.wake: Callable[[], None] | None = None
        self.generation = 0  # of the session now running (read on the GUI thread)
        self.sink: QueueSink | None = None
        self.runner: SessionRunner | None = None
        self._run_task: asyncio.Task[str] | None = None
        self._thread = threading.Thread(target=self._run, name="devices", daemon=True)
        self._thread.start()

    @property
    def sources(self) -> dict[int, HeartRateSource]:
        return dict(self.runner.sources) if self.runner is not None else {}

    @property
    def source(self) -> HeartRateSource | None:
        """The first partner's source (the only one in a one-person session)."""
        return self.sources.get(0)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def submit(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def _wake(self) -> None:
        if self.wake is not None:
            self.wake()

    # -- the session (called on the GUI thread) ---------------------------------------------------
    def begin(self, clock: Clock) -> concurrent.futures.Future[Any]:
        """A new session on ``clock``: the running one is ended first (its straps released)."""
        self.generation += 1
        sink = self.sink = QueueSink(self.events, self.generation, self._wake)
        return self.submit(self._begin(sink, clock))

    def use(self, source: HeartRateSource, slot: int = 0) -> concurrent.futures.Future[Any]:
        """Give partner ``slot`` this source: close their old one, connect and pump the new one."""
        return self.submit(self._attach(source, slot))

    def close(self, slot: int) -> concurrent.futures.Future[Any]:
        """Release partner ``slot``'s strap."""
        async def detach() -> None:
            if self.runner is not None:
                await self.runner.detach(slot)

        return self.submit(detach())

    def end(self, how: str = "app") -> concurrent.futures.Future[Any]:
        """End the running session: the runner stops and releases every strap."""
        return self.submit(self._end(how))

    def close_all(self) -> concurrent.futures.Future[Any]:
        return self.end()

    def publish_grid(self, grid: list[float]) -> None:
        """Each partner's tick grid as the controller knows it; the runner re-plans its next wake."""
        sink, runner = self.sink, self.runner
        if sink is not None and tuple(grid) != sink.grid:
            sink.grid = tuple(grid)
            if runner is not None:
                self.loop.call_soon_threadsafe(runner.poke)

    def present_until(self, t_s: float) -> None:
        """The couple is there (or agreed to be back) until session time ``t_s``: the runner does not end
        the conversation as "lost" before :data:`LOST_AFTER_S` after it."""
        runner = self.runner
        if runner is not None:
            self.loop.call_soon_threadsafe(runner.present_until, t_s)

    # -- on the devices thread ----------------------------------------------------------------------
    async def _begin(self, sink: QueueSink, clock: Clock) -> None:
        await self._end("app")
        runner = self.runner = SessionRunner(sink, clock, lost_after_s=LOST_AFTER_S)
        self._run_task = task = asyncio.create_task(runner.run(), name=f"session-{sink.generation}")
        task.add_done_callback(lambda t: self._ended(sink, t))

    def _ended(self, sink: QueueSink, task: asyncio.Task[str]) -> None:
        if not task.cancelled() and task.exception() is None and task.result() in ("finished", "lost"):
            sink._put(SessionEnded(task.result()))

    async def _attach(self, source: HeartRateSource, slot: int) -> None:
        if self.runner is None:
            log.warning("no session to give %s to", source.name)
            return
        try:
            await self.runner.attach(slot, source)
        except Exception as exc:  # noqa: BLE001 - the supervisor reports and retries
            log.info("first connection to %s failed: %s", source.name, exc)

    async def _end(self, how: str) -> None:
        runner, task = self.runner, self._run_task
        self.runner, self._run_task = None, None
        if runner is not None and task is not None:
            runner.stop(how)
            await asyncio.gather(task, return_exceptions=True)

    def stop(self, timeout_s: float = 10.0) -> None:
        """Orderly shutdown: end the session (closing the sources), stop the loop, join."""
        if not self._thread.is_alive():
            return
        try:
            self.submit(self._end("app")).result(timeout_s)
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
    tick = Signal(float)
    ended = Signal(str)
    _wake = Signal()

    def __init__(self, events: queue.SimpleQueue[object], current: Callable[[], int], interval_ms: int = 2000,
                 parent: QObject | None = None) -> None:
        """``current``: the generation of the running session; items of an earlier one are dropped."""
        super().__init__(parent)
        self._events = events
        self._current = current
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
            generation, item = event  # type: ignore[misc]
            if generation != self._current():
                continue
            n += 1
            if isinstance(item, Status):
                self.status.emit(item)
            elif isinstance(item, Tick):
                self.tick.emit(item.now_s)
            elif isinstance(item, SessionEnded):
                self.ended.emit(item.how)
            else:
                self.sample.emit(item)

