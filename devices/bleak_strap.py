"""Real chest straps through bleak (BlueZ on Linux, CoreBluetooth, WinRT).

Lessons from bleak's issue tracker built in here:
* notifications must be re-enabled on every connection, and a reused client
  can deliver each notification twice after a reconnect on BlueZ (bleak
  #2002): every connection gets a fresh ``BleakClient`` and exact duplicates
  arriving within 50 ms are dropped;
* macOS hides MAC addresses behind per-computer UUIDs, so a strap is
  remembered by name as well and found again by name when its address fails;
* errors become typed advice (no adapter, Bluetooth off, permission, not
  found, busy with a phone app) instead of D-Bus jargon.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

from .clock import Clock
from .errors import (
    AdapterBusy,
    BluetoothOff,
    HeldElsewhere,
    NoAdapter,
    NotAHeartRateStrap,
    PermissionMissing,
    StrapBusy,
    StrapError,
    StrapNotFound,
)
from .source import StatusKind
from .supervised import DEFAULT_BACKOFF_S, SupervisedStrap

log = logging.getLogger(__name__)

HEART_RATE_SERVICE = "0000180d-0000-1000-8000-00805f9b34fb"
HEART_RATE_MEASUREMENT = "00002a37-0000-1000-8000-00805f9b34fb"
BODY_SENSOR_LOCATION = "00002a38-0000-1000-8000-00805f9b34fb"
BATTERY_LEVEL = "00002a19-0000-1000-8000-00805f9b34fb"
BODY_LOCATIONS = {0: "other", 1: "chest", 2: "wrist", 3: "finger", 4: "hand", 5: "ear lobe", 6: "foot"}
DUPLICATE_WINDOW_S = 0.05


@dataclass(frozen=True, slots=True)
class FoundStrap:
    name: str
    address: str
    rssi: int | None


#: BlueZ's words (the D-Bus error's message) for a strap that another device holds.
HELD_ELSEWHERE = ("le-connection-abort-by-local", "br-connection-profile-unavailable")


class _BleakRetryWatch(logging.Filter):
    """bleak retries ``le-connection-abort-by-local`` inside ``connect()`` until its timeout and says
    so only in its debug log: listening there is how the strap held by a phone is named on the first
    try instead of after 15 s. The debug records themselves still go only where debug output goes."""

    def __init__(self) -> None:
        super().__init__()
        self.listeners: set[Callable[[], None]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if HELD_ELSEWHERE[0] in record.getMessage():
            for listener in list(self.listeners):
                listener()
        return record.levelno > logging.DEBUG or logging.getLogger().isEnabledFor(logging.DEBUG)

    def install(self) -> None:
        bleak_client = logging.getLogger("bleak.backends.bluezdbus.client")
        if self not in bleak_client.filters:
            bleak_client.addFilter(self)
            if not bleak_client.isEnabledFor(logging.DEBUG):
                bleak_client.setLevel(logging.DEBUG)  # records are made; the filter keeps them from output


_RETRY_WATCH = _BleakRetryWatch()


def translate_error(exc: BaseException, who: str = "", platform: str = sys.platform) -> StrapError:
    """Turn whatever bleak or the OS raised into advice (``platform``: whose words to use)."""
    if isinstance(exc, StrapError):
        return exc
    try:
        from bleak.exc import (
            BleakBluetoothNotAvailableError,
            BleakBluetoothNotAvailableReason,
            BleakDBusError,
            BleakDeviceNotFoundError,
        )
    except ImportError:  # pragma: no cover - bleak is a runtime dependency
        return NoAdapter(QT_TRANSLATE_NOOP("core", "bleak is not installed"))
    text = f"{exc}"
    if isinstance(exc, BleakBluetoothNotAvailableError):
        reason = exc.reason
        if reason == BleakBluetoothNotAvailableReason.POWERED_OFF:
            return BluetoothOff(text)
        if reason.name.startswith("DENIED"):
            return PermissionMissing(text, platform)
        return NoAdapter(text)
    if isinstance(exc, BleakDeviceNotFoundError):
        return StrapNotFound(who or "strap")
    if isinstance(exc, BleakDBusError):
        name = exc.dbus_error
        if name in ("org.freedesktop.DBus.Error.ServiceUnknown", "org.bluez.Error.NotAvailable"):
            return NoAdapter(QT_TRANSLATE_NOOP("core", "the Bluetooth service (bluetoothd) is not running"))
        if name == "org.bluez.Error.NotReady":
            return BluetoothOff(text)
        if name in ("org.freedesktop.DBus.Error.AccessDenied", "org.bluez.Error.NotAuthorized"):
            return PermissionMissing(text, platform)
        if name == "org.bluez.Error.InProgress":
            return AdapterBusy(text)
        if name == "org.bluez.Error.Failed" and any(words in text for words in HELD_ELSEWHERE):
            return HeldElsewhere(who or "strap", text)
        if name == "org.bluez.Error.Failed":
            return StrapBusy(who or "strap", text)
    if "already in progress" in text.lower():  # WinRT and CoreBluetooth say it in words
        return AdapterBusy(text)
    if isinstance(exc, (FileNotFoundError, ConnectionRefusedError)):
        # No D-Bus system bus socket: no Bluetooth stack on this machine.
        return NoAdapter(QT_TRANSLATE_NOOP("core", "no Bluetooth service on this computer"))
    if isinstance(exc, PermissionError):
        return PermissionMissing(text, platform)
    if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
        return StrapBusy(who or "strap", "no answer in time")
    return StrapError(Text(QT_TRANSLATE_NOOP("core", "Bluetooth problem: {error}"),
                           error=f"{exc.__class__.__name__}: {text}"))


async def scan(timeout_s: float = 8.0) -> list[FoundStrap]:
    """Straps advertising the Heart Rate Service, strongest signal first.

    Raises:
        StrapError: with advice when Bluetooth is unavailable.
    """
    from bleak import BleakScanner

    try:
        found = await BleakScanner.discover(timeout=timeout_s, return_adv=True,
                                            service_uuids=[HEART_RATE_SERVICE])
    except Exception as exc:  # noqa: BLE001 - every failure becomes advice
        raise translate_error(exc) from exc
    straps = []
    for device, adv in found.values():
        if HEART_RATE_SERVICE not in [u.lower() for u in adv.service_uuids]:
            continue
        straps.append(FoundStrap(device.name or adv.local_name or "Unnamed strap", device.address,
                                 adv.rssi))
    return sorted(straps, key=lambda s: -(s.rssi if s.rssi is not None else -999))


class BleakStrap(SupervisedStrap):
    """A strap by address (or by name, when the address is unknown or changed)."""

    def __init__(self, address: str | None = None, name: str | None = None, clock: Clock | None = None,
                 backoff_s: Sequence[float] = DEFAULT_BACKOFF_S, connect_timeout_s: float = 15.0,
                 acquire_notify: bool = False) -> None:
        """``acquire_notify``: on BlueZ, take notifications through a socket (``AcquireNotify``)
        instead of D-Bus signals; bleak's default is off because some straps misbehave with it."""
        if not address and not name:
            raise ValueError("give a strap address or name")
        super().__init__(name or address or "strap", address or "", clock, backoff_s)
        self.wanted_name = name
        self.connect_timeout_s = connect_timeout_s
        self.acquire_notify = acquire_notify
        self._client: Any = None
        self._dropped: asyncio.Future[None] | None = None
        self._last_packet: tuple[bytes, float] | None = None

    async def _find(self) -> Any:
        from bleak import BleakScanner

        device = None
        if self.address:
            device = await BleakScanner.find_device_by_address(self.address, timeout=self.connect_timeout_s)
        if device is None and self.wanted_name:
            device = await BleakScanner.find_device_by_name(self.wanted_name, timeout=self.connect_timeout_s)
        if device is None:
            raise StrapNotFound(self.name)
        self.address = device.address
        return device

    async def _session(self) -> None:
        from bleak import BleakClient

        dropped: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._dropped = dropped
        linked = False  # bleak reports the brief links of its own retries (abort-by-local) too

        def on_disconnect(_client: Any) -> None:
            if linked and not dropped.done():
                dropped.get_loop().call_soon_threadsafe(
                    lambda: dropped.done() or dropped.set_result(None))

        try:
            device = await self._find()
            # WinRT: discover the services afresh on every link (a cached table goes stale after a
            # firmware update or a resume, and notifications then never come).
            client = BleakClient(device, disconnected_callback=on_disconnect, timeout=self.connect_timeout_s,
                                 winrt={"use_cached_services": False})
            self._client = client
            await self._connect_watching(client)
            linked = True
            if client.services.get_characteristic(HEART_RATE_MEASUREMENT) is None:
                raise NotAHeartRateStrap(self.name)
            await self._subscribe(client)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001
            await self._disconnect()
            raise translate_error(exc, self.name) from exc
        self._connected()
        await self._read_extras(client)
        try:
            await dropped
        finally:
            self._client = None
            self._dropped = None

    async def _connect_watching(self, client: Any) -> None:
        """``client.connect()``; when BlueZ says meanwhile that another device holds the strap, the user
        hears it at once (the connection attempt goes on)."""
        held = False

        def another_device_holds_it() -> None:
            nonlocal held
            if not held:
                held = True
                self._advise(HeldElsewhere(self.name, HELD_ELSEWHERE[0]))

        _RETRY_WATCH.install()
        _RETRY_WATCH.listeners.add(another_device_holds_it)
        try:
            await client.connect()
        except (asyncio.TimeoutError, TimeoutError) as exc:
            if held:
                raise HeldElsewhere(self.name, HELD_ELSEWHERE[0]) from exc
            raise
        finally:
            _RETRY_WATCH.listeners.discard(another_device_holds_it)

    async def _subscribe(self, client: Any) -> None:
        await client.start_notify(HEART_RATE_MEASUREMENT, self._on_notification,
                                  bluez={"use_start_notify": not self.acquire_notify})

    async def _resubscribe(self) -> None:
        client = self._client
        if client is None:
            raise NotImplementedError("no link to subscribe on")
        try:
            await client.stop_notify(HEART_RATE_MEASUREMENT)
        except Exception as exc:  # noqa: BLE001 - a stale subscription may refuse to stop: subscribe anyway
            log.info("stop_notify on a silent link: %r", exc)
        await self._subscribe(client)

    async def _drop_link(self) -> None:
        """Hang up and end the session now: a silent link may never report its own end."""
        await self._disconnect()
        dropped = self._dropped
        if dropped is not None and not dropped.done():
            dropped.set_result(None)

    def _on_notification(self, _char: Any, data: bytearray) -> None:
        packet = bytes(data)
        now = self.clock.now()
        last = self._last_packet
        self._last_packet = (packet, now)
        if last is not None and last[0] == packet and now - last[1] < DUPLICATE_WINDOW_S:
            log.debug("dropped a duplicated notification (bleak #2002)")
            return
        self._on_packet(packet)

    async def _read_extras(self, client: Any) -> None:
        for uuid, kind in ((BATTERY_LEVEL, StatusKind.BATTERY), (BODY_SENSOR_LOCATION, StatusKind.BODY_LOCATION)):
            if client.services.get_characteristic(uuid) is None:
                continue
            try:
                raw = bytes(await client.read_gatt_char(uuid))
            except Exception as exc:  # noqa: BLE001 - optional data
                log.info("could not read %s: %s", uuid, exc)
                continue
            if raw:
                if kind == StatusKind.BATTERY:
                    self._status(kind, f"Battery {raw[0]} %", int(raw[0]))
                else:
                    self._status(kind, value=BODY_LOCATIONS.get(raw[0], "other"))

    async def _disconnect(self) -> None:
        client = self._client
        if client is not None:
            try:
                await client.disconnect()
            except Exception as exc:  # noqa: BLE001
                log.info("disconnect: %s", exc)
