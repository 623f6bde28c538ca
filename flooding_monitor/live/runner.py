"""Where a session's beats come from and when its time passes: one runner for the app and ``record``.

The controller decides what a beat means; the runner decides *when*. It owns
the strap slots (sources are handed in by a front end, so the core imports no
``devices``), pumps each one's events into a :class:`Sink`, and runs a clock
that ticks whether or not samples come: each partner's second is handed on
half a second after it ends, the history is flushed on time, and a strap that
stops sending is reported as silent. It also decides when the session ends:
the recordings finished, the duration reached, no strap has sent anything for
too long (the straps went back in the drawer), or a stop was asked (the user,
a signal).

``record`` gives it the controller itself as the sink; the app runs it on
its devices thread and gives it a sink that carries each call to the GUI
thread, where the controller lives. See docs/architecture.md.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from flooding_monitor.detection.monitor import LATE_GRACE_S
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.live.strap_status import Status, StatusKind
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

#: A connected strap that sends nothing for this long is reported silent (before the detector's
#: own 5-s "no data" tick, which comes up to a second and a half later).
SILENT_AFTER_S = 5.0
#: The clock wakes at least this often (session seconds): flushes, silence, the pause's end.
MAX_SLEEP_S = 1.0
#: After these statuses a strap sends nothing until it connects again: silence is no news.
NOT_STREAMING = (StatusKind.SIGNAL_LOST, StatusKind.RECONNECTING, StatusKind.DISCONNECTED,
                 StatusKind.FINISHED, StatusKind.SCANNING, StatusKind.CONNECTING)
#: After these a source has ended for good.
FINAL = (StatusKind.FINISHED, StatusKind.DISCONNECTED)

SourceEvent = HeartRateSample | Status


class Source(Protocol):
    """A strap, real or not (``devices.source.HeartRateSource`` satisfies it). A source that can
    repair a link that says it is up but sends nothing also has ``async def heal()`` (a BLE strap:
    subscribe afresh, else make a new link); files and simulations have none."""

    name: str

    async def connect(self) -> None: ...

    def events(self) -> AsyncIterator[SourceEvent]: ...

    async def close(self) -> None: ...


class Clock(Protocol):
    def now(self) -> float: ...

    async def sleep_until(self, t_s: float) -> None: ...


class Sink(Protocol):
    """Where the runner sends what happens (the controller, or a hop to the thread it lives on)."""

    def feed(self, sample: HeartRateSample) -> None: ...

    def status(self, status: Status) -> None: ...

    def tick(self, now_s: float) -> None:
        """Time has passed to ``now_s``: complete seconds, flush the history, the pause's end."""

    def tick_grid(self) -> Sequence[float]:
        """One second boundary of each partner's detector (their ticks fall on it plus whole seconds)."""


@dataclass
class _Partner:
    """What the runner knows of one partner's stream: enough to notice silence."""

    slot: int  # the source it comes from (a two-partner file feeds both partners from slot 0)
    last_sample_s: float | None = None
    streaming: bool = False  # connected and expected to send
    silent: bool = False


class SessionRunner:
    """Runs one session: ``attach`` sources to slots, ``await run()`` until the session ends.

    Everything happens on the loop that awaits :meth:`run`; other threads use
    ``loop.call_soon_threadsafe`` for :meth:`stop` and :meth:`poke`.
    """

    def __init__(self, sink: Sink, clock: Clock, duration_s: float | None = None,
                 end_when_finished: bool = True, lost_after_s: float | None = None) -> None:
        """``lost_after_s``: end the session (how = "lost") once no strap has sent a sample for this
        long; None keeps it open whatever the straps do."""
        self.sink = sink
        self.clock = clock
        self.duration_s = duration_s
        self.end_when_finished = end_when_finished
        self.lost_after_s = lost_after_s
        self._last_heard_s: float | None = None  # the last sample from any strap, the start, or a presence
        self.sources: dict[int, Source] = {}
        self.how: str | None = None  # how the session ended, once it has
        self._pumps: dict[int, asyncio.Task[None]] = {}
        self._ended_slots: set[int] = set()
        self._partners: dict[int, _Partner] = {}
        self._poked = asyncio.Event()
        self._healing: set[asyncio.Task[None]] = set()

    # -- the straps ------------------------------------------------------------------------
    async def attach(self, slot: int, source: Source) -> None:
        """Give slot ``slot`` this source (its old one is closed) and connect it; a first connection
        that fails raises, and the source's own supervisor goes on trying."""
        await self.detach(slot)
        self.sources[slot] = source
        self._ended_slots.discard(slot)
        self._pumps[slot] = asyncio.create_task(self._pump(slot, source), name=f"pump-{slot}-{source.name}")
        await source.connect()

    async def detach(self, slot: int) -> None:
        """Release slot ``slot``'s strap (hang up first, then stop its pump)."""
        source = self.sources.pop(slot, None)
        pump = self._pumps.pop(slot, None)
        if source is not None:
            try:
                await asyncio.wait_for(source.close(), 10)
            except Exception as exc:  # noqa: BLE001 - closing must always finish
                log.info("closing %s: %s", source.name, exc)
        if pump is not None:
            try:  # the close ended its stream; let the last statuses through, then stop waiting
                await asyncio.wait_for(asyncio.shield(pump), 1)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                pump.cancel()

    async def close(self) -> None:
        for task in list(self._healing):
            task.cancel()
        for slot in list(self.sources):
            await self.detach(slot)

    # -- the session's time ------------------------------------------------------------------
    def stop(self, how: str) -> None:
        """End the session (the user ended it, a signal came); the first reason given wins."""
        if self.how is None:
            self.how = how
        self._poked.set()

    def poke(self) -> None:
        """Something changed what the clock waits for (a partner's first second is known)."""
        self._poked.set()

    def present_until(self, t_s: float) -> None:
        """Someone is there, or agreed to be back, until session time ``t_s`` (a pause's return time, a
        button pressed): the session is not "lost" for want of samples before ``lost_after_s`` after it.
        Straps are often taken off for a long pause; ending the conversation under it lost the pause."""
        if self._last_heard_s is None or t_s > self._last_heard_s:
            self._last_heard_s = t_s
        self._poked.set()

    async def run(self) -> str:
        """Tick until the session ends, then release every strap; returns how it ended."""
        if self._last_heard_s is None:
            self._last_heard_s = self.clock.now()
        try:
            while self.how is None:
                await self._sleep_until(self._next_wake(self.clock.now()))
                if self.how is not None:
                    break
                now = self.clock.now()
                self.sink.tick(now)
                self._notice_silence(now)
                if self.duration_s is not None and now >= self.duration_s:
                    self.stop("duration")
                if self._lost_until() is not None and now >= self._lost_until():
                    self.stop("lost")
        finally:
            await self.close()
        return self.how or "app"

    def _next_wake(self, now: float) -> float:
        """The next moment anything is due: a partner's second (plus the grace for late samples),
        a strap's silence, the duration; at least once a second."""
        wake = now + MAX_SLEEP_S
        for t0 in self.sink.tick_grid():
            wake = min(wake, t0 + math.floor(now - LATE_GRACE_S - t0) + 1 + LATE_GRACE_S)
        for p in self._partners.values():
            if p.streaming and not p.silent and p.last_sample_s is not None:
                wake = min(wake, p.last_sample_s + SILENT_AFTER_S)
        if self.duration_s is not None:
            wake = min(wake, self.duration_s)
        if self._lost_until() is not None:
            wake = min(wake, self._lost_until())
        return wake

    def _lost_until(self) -> float | None:
        """When the session ends for want of any sample, if nothing comes before."""
        if self.lost_after_s is None or self._last_heard_s is None:
            return None
        return self._last_heard_s + self.lost_after_s

    async def _sleep_until(self, t_s: float) -> None:
        self._poked.clear()
        if self.how is not None:
            return
        sleeper = asyncio.ensure_future(self.clock.sleep_until(t_s))
        poked = asyncio.ensure_future(self._poked.wait())
        try:
            await asyncio.wait({sleeper, poked}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            poked.cancel()

    # -- the pump ---------------------------------------------------------------------------
    async def _pump(self, slot: int, source: Source) -> None:
        """Every event of one source, stamped with its slot (slot 0 keeps a two-partner file's own)."""
        try:
            async for event in source.events():
                if slot:
                    event = replace(event, partner=slot)
                self._take(slot, event)
        except Exception:  # noqa: BLE001 - a bug in one strap must not stop the session silently
            log.exception("source %s failed", source.name)
            message = Text(QT_TRANSLATE_NOOP("core", "{name} stopped unexpectedly"), name=source.name)
            self.sink.status(Status(StatusKind.ERROR, self.clock.now(), message, partner=slot))
        self._source_ended(slot, source)

    def _take(self, slot: int, event: SourceEvent) -> None:
        partner = self._partners.setdefault(event.partner, _Partner(slot))
        if isinstance(event, Status):
            self.sink.status(event)
            if event.kind == StatusKind.CONNECTED:
                partner.streaming, partner.silent = True, False
                partner.last_sample_s = event.t_s
            elif event.kind in NOT_STREAMING:
                partner.streaming = False
            if event.kind in FINAL and self.sources.get(slot) is not None and event.partner == slot:
                self._source_ended(slot, self.sources[slot])
            return
        first = partner.last_sample_s is None
        partner.last_sample_s = event.t_s
        self._last_heard_s = self.clock.now()
        if partner.silent:  # it speaks again
            partner.silent = False
            self.sink.status(Status(StatusKind.CONNECTED, event.t_s, "", partner=event.partner))
        partner.streaming = True
        self.sink.feed(event)
        if first:
            self.poke()  # this partner's seconds start now: the clock learns their grid

    def _source_ended(self, slot: int, source: Source) -> None:
        if self.sources.get(slot) is not source or slot in self._ended_slots:
            return
        self._ended_slots.add(slot)
        for p in self._partners.values():
            if p.slot == slot:
                p.streaming = False
        if self.end_when_finished and self.sources and self._ended_slots >= set(self.sources):
            self.stop("finished")

    def _notice_silence(self, now: float) -> None:
        """A strap that says it is connected but sends nothing is reported silent (once), and asked to
        heal its link if it can: the clock, not the strap, is what notices that nothing comes."""
        for who, p in self._partners.items():
            if p.streaming and not p.silent and p.last_sample_s is not None \
                    and now - p.last_sample_s >= SILENT_AFTER_S:
                p.silent = True
                self.sink.status(Status(StatusKind.SILENT, now, SILENT_MESSAGE, partner=who))
                self._heal(self.sources.get(p.slot))

    def _heal(self, source: Source | None) -> None:
        heal = getattr(source, "heal", None)
        if heal is None:
            return  # a file or a simulation: nothing to repair, silence is reported and that is all
        task = asyncio.create_task(heal(), name=f"heal-{source.name}")
        self._healing.add(task)
        task.add_done_callback(self._healed)

    def _healed(self, task: asyncio.Task[None]) -> None:
        self._healing.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("healing the link failed: %r", task.exception())


SILENT_MESSAGE = Text(QT_TRANSLATE_NOOP("core", "The strap has sent nothing for {seconds:.0f} s"),
                      seconds=SILENT_AFTER_S)
