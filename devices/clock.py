"""Session clocks: real, accelerated (demo) and manual (tests).

Time is an input everywhere: the sources stamp samples with ``clock.now()``
and wait with ``clock.sleep_until()``, so a test can play an hour in
milliseconds and the demo can run at 4x.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the session clock started."""

    async def sleep_until(self, t_s: float) -> None:
        """Wait until ``now() >= t_s``."""


#: The fastest a demo or replay may run: an hour in under 4 s. Faster only starved the loop
#: (signals went unheard) and piled up samples faster than the session could take them.
MAX_SPEED = 1000.0


class ScaledClock:
    """Real time, optionally sped up by ``speed`` (1 = real time, at most :data:`MAX_SPEED`)."""

    def __init__(self, speed: float = 1.0) -> None:
        if not 0 < speed <= MAX_SPEED:
            raise ValueError(f"speed must be above 0 and at most {MAX_SPEED:g}")
        self.speed = speed
        self._start = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._start) * self.speed

    async def sleep_until(self, t_s: float) -> None:
        """Always yields, even when already late: a replay running behind must still let the loop
        hear a signal or a stop."""
        await asyncio.sleep(max(0.0, (t_s - self.now()) / self.speed))


class ManualClock:
    """A clock the test moves; sleepers wake when it passes their time."""

    def __init__(self, t_s: float = 0.0) -> None:
        self._t = t_s
        self._changed = asyncio.Event()

    def now(self) -> float:
        return self._t

    def advance(self, dt_s: float) -> None:
        self.set(self._t + dt_s)

    def set(self, t_s: float) -> None:
        self._t = max(self._t, t_s)
        self._changed.set()

    async def sleep_until(self, t_s: float) -> None:
        while self._t < t_s:
            self._changed.clear()
            await self._changed.wait()


class InstantClock:
    """Jumps to whatever time is asked for: plays a recording as fast as possible."""

    def __init__(self) -> None:
        self._t = 0.0

    def now(self) -> float:
        return self._t

    async def sleep_until(self, t_s: float) -> None:
        self._t = max(self._t, t_s)
        await asyncio.sleep(0)
