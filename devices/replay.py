"""Play a recording file back as if a strap were sending it (real or faster time)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator

from flooding_monitor.formats.recordings import load_recording
from flooding_monitor.heart.samples import HeartRateSample

from .clock import Clock, ScaledClock
from .source import EventQueue, SourceEvent, Status, StatusKind, stop_task


class ReplayStrap:
    """Samples keep their spacing; times are shifted to start at the clock's now."""

    def __init__(self, path: str | os.PathLike[str], clock: Clock | None = None) -> None:
        self.recording = load_recording(path)  # raises RecordingError with a clear message
        self.name = f"Replay of {os.path.basename(os.fspath(path))}"
        self.address = os.fspath(path)
        self.clock = clock or ScaledClock()
        self._queue = EventQueue()
        self._task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        if self._task is None:
            self._queue.put(Status(StatusKind.CONNECTED, self.clock.now(), f"Playing {self.name}"))
            self._task = asyncio.create_task(self._run(), name="replay")

    async def _run(self) -> None:
        samples = self.recording.samples
        start = self.clock.now()
        first = samples[0].t_s
        for s in samples:
            t = start + (s.t_s - first)
            await self.clock.sleep_until(t)
            self._queue.put(HeartRateSample(t, s.hr_bpm, s.rr_us, s.contact, self.name, s.energy_kj, s.partner))
        self._queue.put(Status(StatusKind.FINISHED, self.clock.now(), "End of the recording"))

    def events(self) -> AsyncIterator[SourceEvent]:
        return self._queue.__aiter__()

    async def close(self) -> None:
        await stop_task(self._task)
        self._task = None
        self._queue.put(Status(StatusKind.DISCONNECTED, self.clock.now(), "Replay stopped"))
        self._queue.close()
