"""A strap link that heals itself (issue 22), on bleak's real BlueZ backend and a fake bluetoothd.

The session runner's clock notices that a connected strap sends nothing; the
strap subscribes afresh, and if that brings nothing, makes a new link. Each
test fails for a program that merely waits: the fake strap stays silent
until something is done about it.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from devices.bleak_strap import BleakStrap
from devices.clock import ScaledClock
from flooding_monitor.live.runner import SILENT_AFTER_S, SessionRunner
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.live.strap_status import Status, StatusKind

from .bluez_support import ON_LINUX_WITH_DBUS, STRAP, bus, collect, kinds, packet, wait_for  # noqa: F401 - bus: fixture
from .fake_bluez import FakeBluez, PrivateSystemBus

pytestmark = ON_LINUX_WITH_DBUS


class Seen:
    """The runner's sink: what a front end would be told, with the session time of each."""

    def __init__(self, clock: ScaledClock) -> None:
        self.clock = clock
        self.samples: list[HeartRateSample] = []
        self.statuses: list[Status] = []

    def feed(self, sample: HeartRateSample) -> None:
        self.samples.append(sample)

    def status(self, status: Status) -> None:
        self.statuses.append(status)

    def tick(self, now_s: float) -> None:
        pass

    def tick_grid(self) -> tuple[float, ...]:
        return ()

    def first(self, kind: StatusKind) -> Status | None:
        return next((s for s in self.statuses if s.kind == kind), None)


async def _strap_sends(bluez: FakeBluez, stop: asyncio.Event) -> None:
    """The strap's firmware: a notification every 0.25 s (dropped by the fake while it is mute)."""
    hr = 70
    while not stop.is_set():
        await asyncio.to_thread(bluez.notify, packet(hr))
        hr = 70 + (hr - 69) % 10
        await asyncio.sleep(0.25)


def _heal(bus: PrivateSystemBus, acquire: bool, wakes_on_subscribe: bool) -> tuple[Seen, float, float, BleakStrap,
                                                                                   FakeBluez]:
    bluez = FakeBluez(bus.address, acquire_notify=acquire)

    async def scenario() -> tuple[Seen, float, float, BleakStrap]:
        clock = ScaledClock()
        seen = Seen(clock)
        runner = SessionRunner(seen, clock, end_when_finished=False)
        strap = BleakStrap(address=STRAP, clock=clock, backoff_s=(0.2,), connect_timeout_s=5.0,
                           acquire_notify=acquire)
        running = asyncio.create_task(runner.run())
        await runner.attach(0, strap)
        stop = asyncio.Event()
        sender = asyncio.create_task(_strap_sends(bluez, stop))
        await wait_for(lambda: len(seen.samples) >= 4)
        bluez.go_silent(wakes_on_subscribe)
        await asyncio.sleep(0.3)
        last = seen.samples[-1].t_s
        before = len(seen.samples)
        began = time.monotonic()
        await wait_for(lambda: len(seen.samples) > before + 3, timeout=30)
        streaming_again_after = time.monotonic() - began
        stop.set()
        await sender
        runner.stop("app")
        await asyncio.wait_for(running, 10)
        return seen, last, streaming_again_after, strap

    try:
        seen, last, after, strap = asyncio.run(scenario())
        return seen, last, after, strap, bluez
    finally:
        bluez.close()


@pytest.mark.parametrize("acquire", [False, True], ids=["StartNotify", "AcquireNotify"])
def test_a_silent_link_is_reported_within_6_s_and_a_fresh_subscription_brings_it_back(bus, acquire):
    seen, last, after, strap, bluez = _heal(bus, acquire, wakes_on_subscribe=True)
    silent = seen.first(StatusKind.SILENT)
    assert silent is not None and SILENT_AFTER_S <= silent.t_s - last <= 6.0
    assert after < 30 and strap.heals == 1
    assert bluez.strap.connect_calls == 1  # the same link: subscribing again was enough
    again = [s for s in seen.samples if s.t_s > silent.t_s]
    assert len(again) >= 3


def test_a_link_that_stays_silent_after_a_fresh_subscription_is_made_again(bus):
    seen, last, after, strap, bluez = _heal(bus, acquire=False, wakes_on_subscribe=False)
    silent = seen.first(StatusKind.SILENT)
    assert silent is not None and silent.t_s - last <= 6.0
    assert after < 30
    assert bluez.strap.connect_calls == 2 and bluez.strap.disconnect_calls >= 1  # hung up, connected anew
    said = [s for s in seen.statuses if s.kind == StatusKind.RECONNECTING and s.t_s > silent.t_s]
    assert said and "sends nothing: reconnecting" in said[0].message
    assert StatusKind.CONNECTED in [s.kind for s in seen.statuses if s.t_s > silent.t_s]


def test_a_busy_adapter_twice_then_success_connects_without_a_word(bus):
    """Bug: Connect failing twice with InProgress raised StrapBusy (the phone advice) and `record` exited 3,
    although the strap streamed 0.5 s later."""
    bluez = FakeBluez(bus.address)
    bluez.strap.next_connect_errors = [("org.bluez.Error.InProgress", "Operation already in progress")] * 2

    async def scenario() -> list:
        strap = BleakStrap(address=STRAP, backoff_s=(0.1,), connect_timeout_s=5.0)
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        await strap.connect()  # no exception
        await wait_for(bluez.subscribed)
        assert bluez.notify(packet(72))
        await wait_for(lambda: any(isinstance(e, HeartRateSample) for e in events))
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        return events

    try:
        events = asyncio.run(scenario())
    finally:
        bluez.close()
    assert bluez.strap.connect_calls == 3
    assert StatusKind.ERROR not in kinds(events) and StatusKind.SIGNAL_LOST not in kinds(events)
    assert kinds(events)[:2] == [StatusKind.CONNECTING, StatusKind.CONNECTED]


@pytest.mark.parametrize("words", ["br-connection-profile-unavailable", "le-connection-abort-by-local"])
def test_a_strap_held_by_a_phone_is_named_from_bluezs_own_words(bus, words):
    """The advice comes from the error itself on the first attempt, not from a timeout, and the supervisor
    goes on trying: once the phone lets go, the strap streams."""
    from devices.errors import HeldElsewhere

    bluez = FakeBluez(bus.address)
    bluez.strap.connect_error = ("org.bluez.Error.Failed", words)

    async def scenario() -> tuple[list, float]:
        strap = BleakStrap(address=STRAP, backoff_s=(0.1,), connect_timeout_s=15.0)
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        began = time.monotonic()
        with pytest.raises(HeldElsewhere):
            await strap.connect()
        advised_after = time.monotonic() - began
        await wait_for(lambda: bluez.strap.connect_calls >= 2)
        bluez.strap.connect_error = None  # the phone app was closed
        await wait_for(bluez.subscribed)
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        return events, advised_after

    try:
        events, advised_after = asyncio.run(scenario())
    finally:
        bluez.close()
    assert advised_after < 5  # well before the 15-s connect timeout
    advice = [e.message for e in events if isinstance(e, Status) and e.kind == StatusKind.ERROR]
    assert advice and "phone app" in advice[0] and "Polar Flow" in advice[0]
    assert StatusKind.CONNECTED in kinds(events)


def _streams_again_after(bus, upset, settle=None) -> tuple[float, BleakStrap, FakeBluez]:
    """Stream, upset the link (``upset(bluez)``), then how long until samples flow again."""
    bluez = FakeBluez(bus.address)

    async def scenario() -> tuple[float, BleakStrap]:
        strap = BleakStrap(address=STRAP, backoff_s=(0.2, 0.5, 1.0), connect_timeout_s=5.0)
        events: list = []
        consumer = asyncio.create_task(collect(strap, events))
        await strap.connect()
        stop = asyncio.Event()
        sender = asyncio.create_task(_strap_sends(bluez, stop))
        await wait_for(lambda: sum(isinstance(e, HeartRateSample) for e in events) >= 3)
        upset(bluez)
        began = time.monotonic()
        await asyncio.sleep(0.5)
        if settle is not None:
            settle(bluez)
        before = sum(isinstance(e, HeartRateSample) for e in events)
        await wait_for(lambda: sum(isinstance(e, HeartRateSample) for e in events) > before + 2, timeout=20)
        took = time.monotonic() - began
        stop.set()
        await sender
        await strap.close()
        await asyncio.wait_for(consumer, 5)
        return took, strap

    try:
        took, strap = asyncio.run(scenario())
        return took, strap, bluez
    finally:
        bluez.close()


def test_suspend_and_resume_heals_within_15_s(bus):
    """The adapter powers off and BlueZ forgets the strap's objects; on resume a scan must find it again."""
    took, strap, bluez = _streams_again_after(bus, FakeBluez.power_off_and_forget,
                                               lambda b: b.set_powered(True))
    assert took < 15 and strap.reconnects == 1 and bluez.strap.connect_calls == 2


def test_services_at_new_object_paths_after_a_reconnect_are_found(bus):
    def moved(b: FakeBluez) -> None:
        b.handle_shift = 0x20
        b.drop_link()

    took, strap, bluez = _streams_again_after(bus, moved)
    assert took < 15 and strap.reconnects == 1
    assert [p.rsplit("/", 2)[-2:] for p in bluez.hrm_paths] == [["service000c", "char000d"],
                                                                 ["service002c", "char002d"]]
