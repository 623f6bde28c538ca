"""The alert reaches people who are not looking at the screen: a chime that plays, a desktop notification
that a real notification service receives, and a window brought back from minimised."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import stat
import sys
import threading
import wave

import numpy as np
import pytest
from dbus_fast import BusType
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method

from ui.chime import DURATION_S, PEAK, chime_wav, play_chime, player_command
from ui.desktop_notice import DesktopNotice

from .fake_bluez import PrivateSystemBus


def wait_until(condition, seconds: float = 5.0) -> None:
    """Poll a condition another thread makes true (a player process, a D-Bus peer)."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        threading.Event().wait(0.02)


def test_the_chime_is_a_soft_wav_of_a_second_or_so():
    with wave.open(io.BytesIO(chime_wav())) as w:
        frames = np.frombuffer(w.readframes(w.getnframes()), "<i2") / 32767
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        assert w.getnframes() / w.getframerate() == pytest.approx(DURATION_S, abs=0.01)
    assert np.max(np.abs(frames)) == pytest.approx(PEAK, abs=0.01)  # a third of full scale: not a fright
    assert np.max(np.abs(frames[-200:])) < 0.05  # it fades out, no click at the end


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux players")
def test_the_chime_is_played_by_the_first_player_found(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "played.txt"
    player = bin_dir / "paplay"
    player.write_text(f"#!/bin/sh\necho \"$@\" > {log}\n")
    player.chmod(player.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert player_command(tmp_path / "x.wav") == ["paplay", str(tmp_path / "x.wav")]
    assert play_chime(tmp_path / "cache") is None
    wait_until(log.exists, 2.0)
    played = log.read_text().split()
    assert played == [str(tmp_path / "cache" / "chime.wav")]
    assert (tmp_path / "cache" / "chime.wav").read_bytes() == chime_wav()


def test_with_no_player_the_reason_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert "has no sound player" in play_chime(tmp_path / "cache")


class Notifications(ServiceInterface):
    """The freedesktop notification service, as a desktop runs it."""

    def __init__(self) -> None:
        super().__init__("org.freedesktop.Notifications")
        self.received: list[tuple[str, str, str, int]] = []

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s", body: "s",  # noqa: N802, F821
               actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":  # noqa: F821
        self.received.append((app_name, summary, body, int(hints["urgency"].value) if "urgency" in hints else -1))
        return len(self.received)

    @method()
    def GetServerInformation(self) -> "ssss":  # noqa: N802, F821
        return ["fake-desktop", "tests", "1.0", "1.2"]

    @method()
    def GetCapabilities(self) -> "as":  # noqa: N802, F821
        return ["body", "actions"]

    @method()
    def CloseNotification(self, id: "u"):  # noqa: N802, F821, A002
        pass


@pytest.mark.skipif(sys.platform != "linux", reason="the freedesktop notification service is a Linux desktop's")
@pytest.mark.skipif(shutil.which("dbus-daemon") is None and not os.environ.get("CI"),
                    reason="dbus-daemon not installed (.ci/run installs it, so CI always runs this)")
def test_the_alert_reaches_a_notification_service(monkeypatch):
    bus = PrivateSystemBus("session")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    service_loop = asyncio.new_event_loop()
    threading.Thread(target=service_loop.run_forever, daemon=True).start()
    service = Notifications()

    async def serve() -> MessageBus:
        b = await MessageBus(bus_address=bus.address, bus_type=BusType.SESSION).connect()
        b.export("/org/freedesktop/Notifications", service)
        await b.request_name("org.freedesktop.Notifications")
        return b

    server = asyncio.run_coroutine_threadsafe(serve(), service_loop).result(10)
    app_loop = asyncio.new_event_loop()  # stands in for the device worker's loop
    threading.Thread(target=app_loop.run_forever, daemon=True).start()
    try:
        notice = DesktopNotice(lambda coro: asyncio.run_coroutine_threadsafe(coro, app_loop))
        notice.send("Flooding", "heart rate above 100 for 30 s. A good moment for a break.")
        wait_until(lambda: bool(service.received))
        assert service.received == [("Flooding Monitor", "Flooding",
                                     "heart rate above 100 for 30 s. A good moment for a break.", 2)]
        assert notice.problem is None
    finally:
        service_loop.call_soon_threadsafe(server.disconnect)
        app_loop.call_soon_threadsafe(app_loop.stop)
        service_loop.call_soon_threadsafe(service_loop.stop)
        bus.close()


def test_without_a_notification_service_the_problem_is_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/nobody")
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    try:
        notice = DesktopNotice(lambda coro: asyncio.run_coroutine_threadsafe(coro, loop))
        notice.send("Flooding", "text")
        wait_until(lambda: bool(notice.problem))
        assert notice.problem
    finally:
        loop.call_soon_threadsafe(loop.stop)


def test_an_alert_brings_a_minimised_window_back(qtbot, worker, tmp_path, monkeypatch):
    from devices.scenarios import ARGUMENT
    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from ui.main_window import MainWindow

    from .helpers import SessionClock as Clock

    window = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(tmp_path / "p.json"),
                        worker, settings_scope="fm-tests")
    qtbot.addWidget(window)
    window.show()
    window.conversation.start_session(Clock(), "demo", "Demo strap", "demo")
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=2000)
    for s in ARGUMENT.samples(seed=7, source="Demo strap"):
        window.clock.t = s.t_s
        window.controller.feed(s)
        if window.controller.session.alert_active:
            break
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=2000)
    assert window.monitor_page.alert.isVisible()


@pytest.mark.real_questions
def test_closing_in_the_middle_of_a_pause_asks_first(qtbot, worker, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from ui.main_window import MainWindow

    from .helpers import SessionClock as Clock

    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.Cancel}

    def question(parent, title, text, *args):
        asked.append(text)
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "question", question)
    window = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(tmp_path / "p.json"),
                        worker, settings_scope="fm-tests")
    qtbot.addWidget(window)
    window.show()
    window.conversation.start_session(Clock(), "demo", "Demo strap", "demo")
    window.start_pause("manual")
    window.close()
    assert window.isVisible(), "Cancel keeps the window and the pause"
    assert "20 minutes left" in asked[0] and "Close anyway?" in asked[0]
    answer["button"] = QMessageBox.StandardButton.Close
    window.close()
    assert not window.isVisible()


@pytest.mark.real_questions
def test_once_the_conversation_has_ended_closing_asks_nothing(qtbot, worker, tmp_path, monkeypatch):
    """Bug: after the session was finished mid-pause, closing still asked about a pause that no longer ran
    (and the screenshot tool, where nobody answers, hung there)."""
    from PySide6.QtWidgets import QMessageBox

    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from ui.main_window import MainWindow

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text))
    window = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(tmp_path / "p.json"),
                        worker, settings_scope="fm-tests")
    qtbot.addWidget(window)
    window.show()
    window.conversation.start_session(type("Clock", (), {"now": lambda self: 0.0})(), "demo", "Demo strap", "demo")
    window.start_pause("manual")
    window.controller.finish()
    window.close()
    assert asked == [] and not window.isVisible()
