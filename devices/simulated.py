"""A simulated chest strap: scenario physiology sent through the real 0x2A37 codec.

Nothing here shortcuts the path a real strap takes: each notification is
encoded to bytes, parsed back and turned into a core sample, so the demo and
the tests exercise the same code as a Polar H10.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

from . import hrm_codec
from .clock import Clock, ScaledClock
from .scenarios import ARGUMENT, Scenario
from .source import EventQueue, SourceEvent, Status, StatusKind, stop_task

log = logging.getLogger(__name__)
#: The demo straps' names, shown translated in the app.
DEMO_STRAP = QT_TRANSLATE_NOOP("core", "Demo strap (simulated)")  # "simulated" wherever it shows
DEMO_STRAP_B = QT_TRANSLATE_NOOP("core", "Demo strap B (simulated)")


class SimulatedStrap:
    def __init__(self, scenario: Scenario = ARGUMENT, clock: Clock | None = None, seed: int = 7,
                 name: str = DEMO_STRAP, start_s: float = 0.0) -> None:
        self.name = name
        self.address = "demo"
        self.scenario = scenario
        self.clock = clock or ScaledClock()
        self.seed = seed
        self.start_s = start_s  # scenario time 0 on the clock (a strap added mid-session starts later)
        self._queue = EventQueue()
        self._task: asyncio.Task[None] | None = None

    def _status(self, kind: StatusKind, message: str = "", value: int | str | None = None) -> None:
        self._queue.put(Status(kind, self.clock.now(), message, value))

    async def connect(self) -> None:
        if self._task is not None:
            return
        self._status(StatusKind.CONNECTING, f"Connecting to {self.name}")
        self._status(StatusKind.CONNECTED, f"Connected to {self.name}")
        self._status(StatusKind.BATTERY, value=self.scenario.battery_percent)
        self._status(StatusKind.BODY_LOCATION, value="chest")
        self._task = asyncio.create_task(self._run(), name=f"simulated-strap-{self.name}")

    async def _run(self) -> None:
        dropouts = [(a + self.start_s, b + self.start_s) for a, b in self.scenario.dropouts()]
        try:
            for sample in self.scenario.samples(self.seed, self.name, self.start_s):
                while dropouts and dropouts[0][0] <= sample.t_s:
                    start, end = dropouts.pop(0)
                    await self.clock.sleep_until(start)
                    self._status(StatusKind.SIGNAL_LOST, "The strap stopped sending")
                    self._status(StatusKind.RECONNECTING, "Reconnecting…")
                    await self.clock.sleep_until(end)
                    self._status(StatusKind.CONNECTED, f"Reconnected to {self.name}")
                await self.clock.sleep_until(sample.t_s)
                packet = hrm_codec.encode(hrm_codec.from_sample(sample))
                self._queue.put(hrm_codec.parse(packet).to_sample(sample.t_s, self.name))
        except asyncio.CancelledError:
            raise
        except Exception:  # pragma: no cover - a bug here must not hang the app silently
            log.exception("simulated strap failed")
            self._status(StatusKind.ERROR, Text(QT_TRANSLATE_NOOP("core", "The demo strap stopped unexpectedly")))

    def events(self) -> AsyncIterator[SourceEvent]:
        return self._queue.__aiter__()

    async def close(self) -> None:
        await stop_task(self._task)
        self._task = None
        self._status(StatusKind.DISCONNECTED, f"Disconnected from {self.name}")
        self._queue.close()
