"""A strap reached through Google's bumble Bluetooth stack.

Used by the integration tests (bumble's own Heart Rate Service peripheral on
an in-process virtual link) and by users who drive a USB Bluetooth dongle
directly with bumble. bumble is an optional extra: import errors are turned
into advice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from .clock import Clock
from .errors import NotAHeartRateStrap, StrapNotFound
from .source import StatusKind
from .supervised import DEFAULT_BACKOFF_S, SupervisedStrap

log = logging.getLogger(__name__)

BODY_LOCATIONS = {0: "other", 1: "chest", 2: "wrist", 3: "finger", 4: "hand", 5: "ear lobe", 6: "foot"}
CONNECT_TIMEOUT_S = 10.0


class BumbleStrap(SupervisedStrap):
    """Central role on a powered-on bumble ``Device``; connects to ``address``."""

    def __init__(self, device: Any, address: Any, name: str = "Heart-rate strap",
                 clock: Clock | None = None, backoff_s: Sequence[float] = DEFAULT_BACKOFF_S) -> None:
        super().__init__(name, str(address), clock, backoff_s)
        self.device = device
        self.peer_address = address
        self._connection: Any = None

    async def _session(self) -> None:
        from bumble import core, gatt
        from bumble.device import Connection, Peer

        try:
            connection = await self.device.connect(self.peer_address, timeout=CONNECT_TIMEOUT_S)
        except (core.TimeoutError, asyncio.TimeoutError, core.ConnectionError) as exc:
            raise StrapNotFound(self.name) from exc
        self._connection = connection
        dropped: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def on_disconnection(*_: object) -> None:
            if not dropped.done():
                dropped.set_result(None)

        connection.on(Connection.EVENT_DISCONNECTION, on_disconnection)
        try:
            peer = Peer(connection)
            await peer.discover_services()
            await peer.discover_characteristics()
            hrm = peer.get_characteristics_by_uuid(gatt.GATT_HEART_RATE_MEASUREMENT_CHARACTERISTIC)
            if not hrm:
                raise NotAHeartRateStrap(self.name)
            await hrm[0].subscribe(lambda value: self._on_packet(bytes(value)))
            self._connected()
            await self._read_extras(peer, gatt)
            await dropped
        finally:
            self._connection = None

    async def _read_extras(self, peer: Any, gatt: Any) -> None:
        """Battery level and body location are optional: read them when present."""
        for uuid, kind in ((gatt.GATT_BATTERY_LEVEL_CHARACTERISTIC, "battery"),
                           (gatt.GATT_BODY_SENSOR_LOCATION_CHARACTERISTIC, "body_location")):
            chars = peer.get_characteristics_by_uuid(uuid)
            if not chars:
                continue
            try:
                raw = bytes(await chars[0].read_value())
            except Exception as exc:  # noqa: BLE001 - optional data
                log.info("could not read %s: %s", kind, exc)
                continue
            if not raw:
                continue
            if kind == "battery":
                self._status(StatusKind.BATTERY, f"Battery {raw[0]} %", int(raw[0]))
            else:
                self._status(StatusKind.BODY_LOCATION, value=BODY_LOCATIONS.get(raw[0], "other"))

    async def _disconnect(self) -> None:
        if self._connection is not None:
            await self._connection.disconnect()
