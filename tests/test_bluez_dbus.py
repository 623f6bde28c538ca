"""The project's BleakStrap and scan through unmodified bleak, over D-Bus, to a fake bluetoothd.

Everything from bleak down to the socket is real: bleak's BlueZ backend,
dbus-fast, a dbus-daemon. Only bluetoothd is played (tests/fake_bluez.py),
with what bleak reads from it. Covered: discovery with the 0x180D filter,
connect with services resolved, battery and body-location reads,
notifications by StartNotify + PropertiesChanged and by AcquireNotify, the
duplicate guard, a dropped link and the reconnect, finding a strap by name,
close() sending Disconnect, and BlueZ's errors turned into advice.
"""

from __future__ import annotations

import asyncio

import pytest

from devices import errors
from devices.bleak_strap import BleakStrap, scan
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.live.strap_status import Status, StatusKind

from .bluez_support import ON_LINUX_WITH_DBUS, STRAP, bus, collect, kinds, packet, wait_for  # noqa: F401 - bus: fixture
from .fake_bluez import FakeBluez

pytestmark = ON_LINUX_WITH_DBUS


@pytest.fixture
def bluez(bus):
    fake = FakeBluez(bus.address)
    yield fake
    fake.close()


def test_scan_finds_the_strap_with_the_heart_rate_filter(bluez):
    straps = asyncio.run(scan(1.0))
    assert [(s.name, s.address) for s in straps] == [("Polar H10 FAKE", STRAP)]  # not the speaker
    assert straps[0].rssi is not None and -65 <= straps[0].rssi <= -60
    assert bluez.adapter.filters_at_start == [["0000180d-0000-1000-8000-00805f9b34fb"]]


@pytest.mark.parametrize("acquire", [False, True], ids=["StartNotify", "AcquireNotify"])
def test_stream_read_extras_survive_a_drop_and_hang_up_on_close(bus, acquire):
    bluez = FakeBluez(bus.address, acquire_notify=acquire)

    async def scenario() -> list:
        strap = BleakStrap(address=STRAP, backoff_s=(0.1,), connect_timeout_s=5.0, acquire_notify=acquire)
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        await strap.connect()
        await wait_for(bluez.subscribed)
        assert (bluez.hrm.acquired is not None) is acquire  # the path under test was the one taken
        for hr in (70, 71):
            assert bluez.notify(packet(hr))
            await asyncio.sleep(0.1)
        assert bluez.notify(packet(72)) and bluez.notify(packet(72))  # BlueZ's double delivery (bleak #2002)
        await wait_for(lambda: sum(isinstance(e, HeartRateSample) for e in events) >= 3)
        bluez.drop_link()
        await wait_for(lambda: StatusKind.SIGNAL_LOST in kinds(events))
        await wait_for(bluez.subscribed)  # the supervisor reconnected and subscribed again
        await asyncio.sleep(0.1)
        for hr in (80, 81):
            assert bluez.notify(packet(hr))
            await asyncio.sleep(0.1)
        await wait_for(lambda: sum(isinstance(e, HeartRateSample) for e in events) >= 5)
        assert bluez.strap.connected
        hang_ups = bluez.strap.disconnect_calls
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        return events, bluez.strap.disconnect_calls - hang_ups

    try:
        events, hang_ups = asyncio.run(scenario())
        assert [e.hr_bpm for e in events if isinstance(e, HeartRateSample)] == [70, 71, 72, 80, 81]
        assert all(e.rr_us == (1_000_000,) for e in events if isinstance(e, HeartRateSample))
        assert kinds(events).count(StatusKind.CONNECTED) == 2
        assert [e.value for e in events if isinstance(e, Status) and e.kind == StatusKind.BATTERY][0] == 77
        assert [e.value for e in events if isinstance(e, Status) and e.kind == StatusKind.BODY_LOCATION][0] == "chest"
        assert kinds(events)[-1] == StatusKind.DISCONNECTED
        assert hang_ups == 1 and not bluez.strap.connected  # close() sent Device1.Disconnect: the strap is free
        assert bluez.strap.connect_calls == 2
    finally:
        bluez.close()


def test_a_strap_whose_address_changed_is_found_by_name(bluez):
    async def scenario() -> tuple[list, str]:
        strap = BleakStrap(address="11:22:33:44:55:66", name="Polar H10 FAKE", backoff_s=(0.1,),
                           connect_timeout_s=1.0)
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        await strap.connect()
        await wait_for(bluez.subscribed)
        bluez.notify(packet(66))
        await wait_for(lambda: any(isinstance(e, HeartRateSample) for e in events))
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        return events, strap.address

    events, address = asyncio.run(scenario())
    assert address == STRAP
    assert [e.hr_bpm for e in events if isinstance(e, HeartRateSample)] == [66]


def test_no_bluetooth_service_on_the_bus_is_no_adapter(bus):
    with pytest.raises(errors.NoAdapter) as caught:
        asyncio.run(scan(0.5))
    assert "Bluetooth service" in str(caught.value) or "bluetoothd" in str(caught.value)


def test_adapter_powered_off_says_turn_bluetooth_on(bluez):
    bluez.set_powered(False)
    with pytest.raises(errors.BluetoothOff):
        asyncio.run(scan(0.5))


def test_connect_failed_is_reported_as_busy_and_retried(bluez):
    bluez.strap.connect_error = ("org.bluez.Error.Failed", "le-connection-abort-by-remote")

    async def scenario() -> list:
        strap = BleakStrap(address=STRAP, backoff_s=(0.1,), connect_timeout_s=3.0)
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        with pytest.raises(errors.StrapBusy):
            await strap.connect()
        await wait_for(lambda: bluez.strap.connect_calls >= 2)  # the supervisor keeps trying
        bluez.strap.connect_error = None
        await wait_for(bluez.subscribed)
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        return events

    events = asyncio.run(scenario())
    advice = [e.message for e in events if isinstance(e, Status) and e.kind == StatusKind.ERROR]
    assert advice and "phone" in advice[0]  # busy with another app: the advice says what to do
    assert StatusKind.CONNECTED in kinds(events)


def test_a_strap_out_of_range_is_not_found(bluez):
    bluez.in_range = False

    async def scenario() -> None:
        strap = BleakStrap(address=STRAP, backoff_s=(0.1,), connect_timeout_s=1.0)
        try:
            with pytest.raises(errors.StrapNotFound):
                await strap.connect()
        finally:
            await strap.close()

    asyncio.run(scenario())
