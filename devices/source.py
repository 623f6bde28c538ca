"""The interface every heart-rate input implements, and the status it reports.

The UI and the recorder depend only on this: a source is connected, then
iterated for events (samples and status changes) until it is closed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Protocol, runtime_checkable

from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.live.strap_status import Status, StatusKind  # noqa: F401 - re-exported for the sources

log = logging.getLogger(__name__)


SourceEvent = HeartRateSample | Status


@runtime_checkable
class HeartRateSource(Protocol):
    """What the app needs from a strap, real or not."""

    name: str

    async def connect(self) -> None:
        """Start delivering events (returns once the first connection is made or failed)."""

    def events(self) -> AsyncIterator[SourceEvent]:
        """Samples and status changes, in order, until the source is closed."""

    async def close(self) -> None:
        """Stop, release the strap, end the event stream."""


async def stop_task(task: "asyncio.Task[None] | None") -> None:
    """Cancel a source's background task and wait until it has really stopped."""
    if task is None:
        return
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass


_CLOSED = object()


class EventQueue:
    """An async stream that producers push into and one consumer iterates.

    Unbounded on purpose: at ~1 sample/s nothing piles up, and dropping heart
    data to bound memory would be worse than the memory.
    """

    def __init__(self) -> None:
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self.closed = False

    def put(self, event: SourceEvent) -> None:
        if not self.closed:
            self._queue.put_nowait(event)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._queue.put_nowait(_CLOSED)

    async def __aiter__(self) -> AsyncIterator[SourceEvent]:
        while True:
            item = await self._queue.get()
            if item is _CLOSED:
                return
            yield item  # type: ignore[misc]
