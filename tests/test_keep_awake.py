"""The display stays on through a session and its pause: wakepy against a desktop's ScreenSaver inhibitor.

A fake ``org.freedesktop.ScreenSaver`` (dbus-fast) on a private session bus is the peer; wakepy's own
D-Bus client (jeepney) calls it, as it would a desktop's.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import threading

import pytest
from dbus_fast import BusType
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method

from .fake_bluez import PrivateSystemBus

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="the freedesktop inhibitor is a Linux desktop's"),
    pytest.mark.skipif(shutil.which("dbus-daemon") is None and not os.environ.get("CI"),
                       reason="dbus-daemon not installed (.ci/run installs it, so CI always runs these)"),
]


class ScreenSaver(ServiceInterface):
    def __init__(self) -> None:
        super().__init__("org.freedesktop.ScreenSaver")
        self.cookies: dict[int, tuple[str, str]] = {}
        self.calls: list[str] = []
        self._next = 100

    @method()
    def Inhibit(self, application: "s", reason: "s") -> "u":  # noqa: N802, F821
        self._next += 1
        self.cookies[self._next] = (application, reason)
        self.calls.append("Inhibit")
        return self._next

    @method()
    def UnInhibit(self, cookie: "u"):  # noqa: N802, F821
        self.cookies.pop(cookie, None)
        self.calls.append("UnInhibit")


class Desktop:
    """The session bus's screensaver service, in a thread of its own."""

    def __init__(self, address: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.saver = ScreenSaver()

        async def start() -> MessageBus:
            bus = await MessageBus(bus_address=address, bus_type=BusType.SESSION).connect()
            bus.export("/org/freedesktop/ScreenSaver", self.saver)
            await bus.request_name("org.freedesktop.ScreenSaver")
            return bus

        self.bus = asyncio.run_coroutine_threadsafe(start(), self.loop).result(10)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.bus.disconnect)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture
def session_bus(monkeypatch):
    bus = PrivateSystemBus("session")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")  # a desktop with the freedesktop inhibitor
    yield bus
    bus.close()


def test_a_session_holds_the_inhibitor_through_the_pause_and_lets_go_at_the_end(session_bus, qtbot, tmp_path):
    from devices.scenarios import ARGUMENT
    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from ui.main_window import MainWindow
    from ui.worker import DeviceWorker

    from .helpers import SessionClock

    desktop = Desktop(session_bus.address)
    worker = DeviceWorker()
    try:
        win = MainWindow(Preferences(), PreferencesFile(tmp_path / "p.json"), worker, 50.0, settings_scope="fm-tests")
        qtbot.addWidget(win)
        assert desktop.saver.cookies == {}
        win.conversation.start_session(SessionClock(), "demo", "Demo strap")
        qtbot.waitUntil(lambda: len(desktop.saver.cookies) == 1, timeout=5_000)  # taken when the conversation starts
        for s in ARGUMENT.samples(seed=7, source="x"):
            win.clock.t = s.t_s
            win.controller.feed(s)
            if win.controller.session.alert_active:
                break
        win.start_pause("alert")
        win.clock.t += 15 * 60
        win.controller.tick(win.clock.t)
        win.refresh()
        assert len(desktop.saver.cookies) == 1 and desktop.saver.calls == ["Inhibit"]  # held through the pause
        win.close()
        assert desktop.saver.cookies == {} and desktop.saver.calls == ["Inhibit", "UnInhibit"]
    finally:
        worker.stop()
        desktop.close()


def test_a_desktop_that_refuses_is_said_not_swallowed(session_bus, qtbot, tmp_path):
    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from ui.main_window import MainWindow
    from ui.worker import DeviceWorker

    from .helpers import SessionClock

    worker = DeviceWorker()  # no screensaver service on this bus
    try:
        win = MainWindow(Preferences(), PreferencesFile(tmp_path / "p.json"), worker, 50.0, settings_scope="fm-tests")
        qtbot.addWidget(win)
        win.conversation.start_session(SessionClock(), "demo", "Demo strap")
        qtbot.waitUntil(lambda: "screen may go dark" in win.store_banner.text(), timeout=5_000)
        assert win.store_banner.label.isVisibleTo(win)
        win.close()
    finally:
        worker.stop()
