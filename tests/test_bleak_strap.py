"""BleakStrap's own logic against a scripted bleak (no Bluetooth here).

The real GATT peer is covered by the bumble integration test; this one checks
what is specific to the bleak path: a fresh client per connection, the
duplicate-notification guard (bleak #2002), finding a strap by name when its
address fails (macOS), battery reading, reconnecting after a drop, and advice
on errors.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import bleak
import pytest
from bleak.exc import BleakDBusError

from devices import errors
from devices.bleak_strap import BATTERY_LEVEL, HEART_RATE_MEASUREMENT, BleakStrap
from devices.clock import InstantClock
from devices.source import Status, StatusKind
from flooding_monitor.samples import HeartRateSample


class FakeServices:
    def __init__(self, uuids):
        self.uuids = set(uuids)

    def get_characteristic(self, uuid):
        return object() if uuid in self.uuids else None


class Script:
    """What the fake stack does: which connections fail, what each one sends."""

    def __init__(self, sessions, find_by_address=True):
        self.sessions = list(sessions)
        self.find_by_address = find_by_address
        self.clients = []
        self.name_lookups = 0


def install(monkeypatch, script: Script):
    class FakeScanner:
        @staticmethod
        async def find_device_by_address(address, timeout):
            return SimpleNamespace(address=address) if script.find_by_address else None

        @staticmethod
        async def find_device_by_name(name, timeout):
            script.name_lookups += 1
            return SimpleNamespace(address="UUID-1234")

    class FakeClient:
        def __init__(self, device, disconnected_callback, timeout):
            self.on_disconnect = disconnected_callback
            self.plan = script.sessions.pop(0) if script.sessions else {"packets": []}
            self.services = FakeServices([HEART_RATE_MEASUREMENT, BATTERY_LEVEL])
            script.clients.append(self)

        async def connect(self):
            if "error" in self.plan:
                raise self.plan["error"]

        async def start_notify(self, uuid, callback):
            async def play():
                for packet in self.plan["packets"]:
                    callback(None, bytearray(packet))
                    await asyncio.sleep(0)
                await asyncio.sleep(0.01)
                self.on_disconnect(self)

            self.task = asyncio.create_task(play())

        async def read_gatt_char(self, uuid):
            return bytearray([77])

        async def disconnect(self):
            return True

    monkeypatch.setattr(bleak, "BleakScanner", FakeScanner)
    monkeypatch.setattr(bleak, "BleakClient", FakeClient)


def run(strap: BleakStrap, until_samples: int):
    async def go():
        events = []
        try:
            await strap.connect()
        except errors.StrapError:
            pass

        async def consume():
            async for e in strap.events():
                events.append(e)
                if sum(isinstance(x, HeartRateSample) for x in events) >= until_samples:
                    return

        await asyncio.wait_for(consume(), 5)
        await strap.close()
        return events

    return asyncio.run(go())


def packet(hr: int) -> bytes:
    return bytes([0x16, hr, 0x00, 0x04])  # contact detected, one RR of 1 s


def test_reconnects_with_a_fresh_client_and_drops_duplicates(monkeypatch):
    script = Script([
        {"packets": [packet(70), packet(70), packet(71)]},  # the second is a BlueZ double delivery
        {"error": BleakDBusError("org.bluez.Error.InProgress", [])},
        {"packets": [packet(72), packet(73)]},
    ])
    install(monkeypatch, script)
    strap = BleakStrap(address="AA:BB:CC:DD:EE:FF", clock=InstantClock(), backoff_s=(0.0, 0.01))
    events = run(strap, until_samples=4)
    samples = [e.hr_bpm for e in events if isinstance(e, HeartRateSample)]
    assert samples == [70, 71, 72, 73]
    assert len(script.clients) == 3  # a new client for every connection
    kinds = [e.kind for e in events if isinstance(e, Status)]
    assert StatusKind.SIGNAL_LOST in kinds and StatusKind.ERROR in kinds
    errors_seen = [e.message for e in events if isinstance(e, Status) and e.kind == StatusKind.ERROR]
    assert "phone" in errors_seen[0]
    battery = [e.value for e in events if isinstance(e, Status) and e.kind == StatusKind.BATTERY]
    assert battery[0] == 77


def test_finds_strap_by_name_when_the_address_is_gone(monkeypatch):
    script = Script([{"packets": [packet(80)]}], find_by_address=False)
    install(monkeypatch, script)
    strap = BleakStrap(address="OLD-UUID", name="Polar H10 1234", clock=InstantClock(), backoff_s=(0.0,))
    events = run(strap, until_samples=1)
    assert script.name_lookups == 1 and strap.address == "UUID-1234"
    assert [e.hr_bpm for e in events if isinstance(e, HeartRateSample)] == [80]


def test_no_adapter_stops_with_advice(monkeypatch):
    class NoBus:
        @staticmethod
        async def find_device_by_address(address, timeout):
            raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(bleak, "BleakScanner", NoBus)
    strap = BleakStrap(address="AA:BB", clock=InstantClock(), backoff_s=(0.0,))

    async def go():
        with pytest.raises(errors.NoAdapter):
            await strap.connect()
        await strap.close()

    asyncio.run(go())
