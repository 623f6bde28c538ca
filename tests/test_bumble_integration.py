"""BumbleStrap against bumble's own Heart Rate Service peripheral, over a virtual link.

Nobody on this project wrote the peer: its GATT server, its encoder and its
link layer are bumble's. The test drops the link from the peripheral side and
checks the supervisor reconnects with nothing sent while connected lost.
"""

from __future__ import annotations

import asyncio

import pytest
from bumble.testing.test_utils import TwoDevices

from devices.bumble_strap import BumbleStrap
from devices.source import Status, StatusKind
from flooding_monitor.heart.samples import HeartRateSample, rr_ticks_to_us

from .bumble_peer import HRM, HeartRatePeripheral

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def rr_seconds(k: int) -> list[float]:
    # multiples of 1/1024 s: bumble's encoder truncates anything else
    return [(800 + (k * 7) % 90) / 1024 for _ in range(1 + k % 3)]


async def collect(strap: BumbleStrap, out: list) -> None:
    async for event in strap.events():
        out.append(event)


def test_connect_stream_drop_and_reconnect():
    async def scenario():
        pair = TwoDevices()
        peripheral = HeartRatePeripheral(pair)
        await peripheral.start()
        strap = BumbleStrap(pair.devices[0], peripheral.address, name="Bumble HRS", backoff_s=(0.05, 0.1))
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        await strap.connect()
        await peripheral.wait_subscribed()
        k = 0
        for _ in range(10):
            assert await peripheral.notify(HRM(70 + k % 5, True, None, rr_seconds(k)))
            k += 1
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.1)
        await peripheral.drop_link()
        # while the link is down, nothing can be delivered
        await asyncio.sleep(0.02)
        await peripheral.wait_subscribed()
        for _ in range(10):
            assert await peripheral.notify(HRM(300, False, 1234, rr_seconds(k)))
            k += 1
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        return peripheral, strap, events

    peripheral, strap, events = asyncio.run(asyncio.wait_for(scenario(), 60))
    samples = [e for e in events if isinstance(e, HeartRateSample)]
    kinds = [e.kind for e in events if isinstance(e, Status)]
    # every measurement sent while connected arrived, in order, decoded exactly
    assert len(samples) == len(peripheral.sent) == 20
    for sent, got in zip(peripheral.sent, samples):
        assert got.hr_bpm == sent.heart_rate
        assert got.rr_us == tuple(rr_ticks_to_us(round(r * 1024)) for r in sent.rr_intervals)
        assert got.energy_kj == sent.energy_expended
    assert samples[-1].hr_bpm == 300  # uint16 rate
    assert samples[-1].contact.name == "NOT_DETECTED"
    # the drop was reported and the gap marked
    assert StatusKind.SIGNAL_LOST in kinds and StatusKind.RECONNECTING in kinds
    assert kinds.count(StatusKind.CONNECTED) == 2
    assert strap.reconnects == 1 and len(strap.gaps) == 1
    lost, back = strap.gaps[0]
    assert back > lost
    assert samples[9].t_s <= lost <= back <= samples[10].t_s
    # battery and body location were read from the peer's services
    battery = [e for e in events if isinstance(e, Status) and e.kind == StatusKind.BATTERY]
    assert battery and battery[0].value == 64
    location = [e for e in events if isinstance(e, Status) and e.kind == StatusKind.BODY_LOCATION]
    assert location and location[0].value == "chest"
    assert kinds[-1] == StatusKind.DISCONNECTED


def test_close_hangs_up_so_the_strap_is_free_for_the_next_start():
    """Bug: close() cancelled the session first, which forgot the link, so no disconnect was ever sent
    and the strap (one central at a time) stayed bound to this computer."""

    async def scenario():
        pair = TwoDevices()
        peripheral = HeartRatePeripheral(pair)
        await peripheral.start()
        strap = BumbleStrap(pair.devices[0], peripheral.address, name="Bumble HRS", backoff_s=(0.05,))
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        await strap.connect()
        await peripheral.wait_subscribed()
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        for _ in range(100):  # the peripheral hears the disconnection over the link
            if peripheral.connection is None:
                break
            await asyncio.sleep(0.01)
        return peripheral.connection, events

    connection, events = asyncio.run(scenario())
    assert connection is None, "the strap is still connected after close()"
    assert events[-1].kind == StatusKind.DISCONNECTED
