"""What the tests on bleak's real BlueZ backend share: when they can run, the private bus, the strap's
address, its notifications, and waiting for something to happen."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import time

import pytest

from devices.bleak_strap import BleakStrap
from devices.hrm_codec import HeartRateMeasurement, encode
from flooding_monitor.heart.samples import Contact
from flooding_monitor.live.strap_status import Status, StatusKind

from .fake_bluez import PrivateSystemBus, use_private_bus

STRAP = "C0:FF:EE:00:00:01"
ON_LINUX_WITH_DBUS = [
    pytest.mark.skipif(sys.platform != "linux", reason="bleak's BlueZ backend exists on Linux only"),
    pytest.mark.skipif(shutil.which("dbus-daemon") is None and not os.environ.get("CI"),
                       reason="dbus-daemon not installed (.ci/run installs it, so CI always runs these)"),
]


@pytest.fixture
def bus(monkeypatch):
    bus = PrivateSystemBus()
    use_private_bus(monkeypatch, bus)
    yield bus
    bus.close()


def packet(hr: int, rr_ticks: tuple[int, ...] = (1024,)) -> bytes:
    return encode(HeartRateMeasurement(hr, Contact.DETECTED, None, rr_ticks))


async def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def collect(strap: BleakStrap, out: list) -> None:
    async for event in strap.events():
        out.append(event)


def kinds(events: list) -> list[StatusKind]:
    return [e.kind for e in events if isinstance(e, Status)]
