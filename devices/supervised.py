"""Keep a strap connected: connect, stream, and reconnect after every drop.

Subclasses implement one connection (:meth:`SupervisedStrap._session`); this
base owns the loop around it: status reports, exponential backoff without a
limit while the session is open, marking each gap, counting malformed packets.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence

from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

from . import hrm_codec
from .clock import Clock, ScaledClock
from .errors import StrapError
from .source import EventQueue, SourceEvent, Status, StatusKind, stop_task

log = logging.getLogger(__name__)

DEFAULT_BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)
#: Quiet errors (the adapter busy with another operation) are retried without a word this many times
#: in a row; then they are said like any other.
QUIET_TRIES = 5
#: After subscribing afresh to a silent link, how long a first notification may take before the
#: link is dropped and made again (straps notify about once a second).
RESUBSCRIBE_WAIT_S = 4.0


class SupervisedStrap:
    """Base for BLE straps: connect() returns after the first attempt; the
    supervisor keeps retrying in the background until close()."""

    def __init__(self, name: str, address: str, clock: Clock | None = None,
                 backoff_s: Sequence[float] = DEFAULT_BACKOFF_S) -> None:
        self.name = name
        self.address = address
        self.clock = clock or ScaledClock()
        self.backoff_s = tuple(backoff_s)
        self.malformed = 0
        self.reconnects = 0
        self.gaps: list[tuple[float, float]] = []  # (lost at, back at)
        self._queue = EventQueue()
        self._task: asyncio.Task[None] | None = None
        self._first_attempt: asyncio.Future[None] | None = None
        self._closing = False
        self._session_connected = False
        self.packets = 0  # notifications received, every connection included
        self.heals = 0  # links found silent and healed (re-subscribed or made again)
        self._healing = False

    # -- what subclasses implement ------------------------------------------------
    async def _session(self) -> None:
        """Connect, subscribe and return (or raise) when the link drops.

        Call :meth:`_connected` once notifications flow and :meth:`_on_packet`
        for each notification.
        """
        raise NotImplementedError

    async def _disconnect(self) -> None:
        """Release the link on close (best effort)."""

    async def _resubscribe(self) -> None:
        """Stop and start notifications on the live link (a strap that stopped notifying often
        answers a fresh subscription). Without one, healing goes straight to a new link."""
        raise NotImplementedError

    async def _drop_link(self) -> None:
        """End the current link so that the supervisor makes a new one."""
        await self._disconnect()

    # -- helpers for subclasses -----------------------------------------------------
    def _status(self, kind: StatusKind, message: str = "", value: int | str | None = None) -> None:
        self._queue.put(Status(kind, self.clock.now(), message, value))

    def _connected(self) -> None:
        self._session_connected = True
        now = self.clock.now()
        if self.gaps and self.gaps[-1][1] < 0:
            self.gaps[-1] = (self.gaps[-1][0], now)
            self.reconnects += 1
            self._status(StatusKind.CONNECTED, f"Reconnected to {self.name} after "
                         f"{now - self.gaps[-1][0]:.0f} s")
        else:
            self._status(StatusKind.CONNECTED, f"Connected to {self.name}")
        if self._first_attempt is not None and not self._first_attempt.done():
            self._first_attempt.set_result(None)

    def _on_packet(self, data: bytes) -> None:
        self.packets += 1
        t = self.clock.now()
        try:
            measurement = hrm_codec.parse(data)
        except hrm_codec.MalformedMeasurement as exc:
            self.malformed += 1
            log.warning("skipped malformed packet from %s: %s", self.name, exc)
            self._status(StatusKind.MALFORMED, str(exc), self.malformed)
            return
        self._queue.put(measurement.to_sample(t, self.name))

    # -- the public interface -------------------------------------------------------
    async def connect(self) -> None:
        if self._task is not None:
            return
        loop = asyncio.get_running_loop()
        self._first_attempt = loop.create_future()
        self._task = asyncio.create_task(self._supervise(), name=f"strap-{self.address}")
        await asyncio.shield(self._first_attempt)

    def events(self) -> AsyncIterator[SourceEvent]:
        return self._queue.__aiter__()

    async def heal(self) -> None:
        """The session's clock saw nothing from a link that says it is up (BlueZ keeps ``Connected``
        while a strap stops notifying): subscribe afresh; if nothing comes within
        :data:`RESUBSCRIBE_WAIT_S`, drop the link and let the supervisor reconnect."""
        if self._healing or self._closing or not self._session_connected:
            return
        self._healing = True
        try:
            before = self.packets
            try:
                log.info("%s is silent: subscribing again", self.name)
                await asyncio.wait_for(self._resubscribe(), RESUBSCRIBE_WAIT_S)
                for _ in range(int(RESUBSCRIBE_WAIT_S / 0.1)):
                    if self.packets > before or self._closing:
                        self.heals += 1
                        return
                    await asyncio.sleep(0.1)
            except (NotImplementedError, asyncio.TimeoutError) as exc:
                log.info("%s: no fresh subscription (%r)", self.name, exc)
            except Exception as exc:  # noqa: BLE001 - a failed re-subscription means "make a new link"
                log.info("%s: re-subscribing failed: %r", self.name, exc)
            if self._closing or self.packets > before:
                return
            log.info("%s is still silent: making a new link", self.name)
            self.heals += 1
            self._status(StatusKind.RECONNECTING, f"{self.name} sends nothing: reconnecting…")
            await asyncio.wait_for(self._drop_link(), 5)
        finally:
            self._healing = False

    async def close(self) -> None:
        """Hang up, then stop the supervisor.

        The link is released *before* the session task is cancelled: the
        task's cleanup forgets the client, and a strap that is never told to
        disconnect stays bound to this computer (most accept one central).
        """
        self._closing = True
        try:
            await asyncio.wait_for(self._disconnect(), 5)
        except Exception as exc:  # noqa: BLE001 - closing must always finish
            log.info("disconnect on close: %s", exc)
        await stop_task(self._task)
        self._task = None
        self._status(StatusKind.DISCONNECTED, f"Disconnected from {self.name}")
        self._queue.close()

    async def _supervise(self) -> None:
        attempt = 0
        quiet = 0  # quiet errors in a row
        while not self._closing:
            if quiet == 0:  # a quiet retry is the same attempt, as far as anyone can tell
                self._status(StatusKind.CONNECTING if attempt == 0 else StatusKind.RECONNECTING,
                             f"Connecting to {self.name}…" if attempt == 0 else f"Reconnecting to {self.name}…")
            error: StrapError | None = None
            self._session_connected = False
            try:
                await self._session()
            except asyncio.CancelledError:
                raise
            except StrapError as exc:
                error = exc
            except Exception as exc:  # noqa: BLE001 - any stack error means "try again"
                log.warning("strap %s: %r", self.name, exc)
                error = StrapError(Text(QT_TRANSLATE_NOOP("core", "Lost the strap ({error})"),
                                        error=f"{exc.__class__.__name__}: {exc}"))
            if self._closing:
                return
            if error is not None and error.quiet and quiet < QUIET_TRIES:
                quiet += 1
                log.info("strap %s: %s (retrying quietly)", self.name, error)
                await asyncio.sleep(self.backoff_s[0])
                continue
            quiet = 0
            connected_once = self._first_attempt is not None and self._first_attempt.done()
            if error is not None:
                self._status(StatusKind.ERROR, error.message)
                if not error.retry:  # e.g. not a heart-rate strap: retrying cannot help
                    self._resolve_first(error)
                    self._status(StatusKind.DISCONNECTED, f"Gave up on {self.name}")
                    self._queue.close()
                    return
                if not connected_once:
                    self._resolve_first(error)
            if connected_once and (not self.gaps or self.gaps[-1][1] >= 0):
                self.gaps.append((self.clock.now(), -1.0))
                self._status(StatusKind.SIGNAL_LOST, f"Lost the connection to {self.name}")
            if self._session_connected:
                attempt = 0  # a link that worked starts the backoff again
            delay = self.backoff_s[min(attempt, len(self.backoff_s) - 1)]
            attempt += 1
            await asyncio.sleep(delay)

    def _advise(self, error: StrapError) -> None:
        """Say what is wrong while an attempt is still under way (the first ``connect()`` returns with
        it); the attempt and the retries after it go on."""
        self._status(StatusKind.ERROR, error.message)
        self._resolve_first(error)

    def _resolve_first(self, error: StrapError) -> None:
        if self._first_attempt is not None and not self._first_attempt.done():
            self._first_attempt.set_exception(error)
