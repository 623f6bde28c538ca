"""The screens draw immutable pictures of the session that the controller's events carry (issue 21)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from devices.scenarios import ARGUMENT
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.events import AlertRaised, PauseStarted, TicksAdded
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.live.session import Session
from flooding_monitor.live.snapshot import SessionView
from flooding_monitor.live.strap_status import Status, StatusKind
from tests.session_samples import Clock, feed_until

ROOT = Path(__file__).resolve().parent.parent


def _running() -> tuple[SessionController, Clock, list]:
    controller = SessionController(Preferences(), None)
    clock = Clock()
    events: list = []
    controller.listeners.append(events.append)
    controller.start(clock.now, "demo", "Strap A", "demo")
    return controller, clock, events


def test_each_second_comes_with_its_own_picture_that_later_seconds_do_not_change():
    controller, clock, events = _running()
    samples = ARGUMENT.samples(seed=7, source="Strap A")
    feed_until(controller, clock, samples, lambda: clock.t > 60)
    early = [e for e in events if isinstance(e, TicksAdded)][-1]
    assert early.view.t_s == early.results[-1].tick.t_s
    assert early.view.first.latest == early.results[-1]
    kept = (early.view.first.latest, len(early.view.first.trace), early.view.first.calm_since_s)
    feed_until(controller, clock, samples, lambda: controller.session.alert_active)
    assert (early.view.first.latest, len(early.view.first.trace), early.view.first.calm_since_s) == kept
    alert = next(e for e in events if isinstance(e, AlertRaised))
    assert alert.view.alert_active and alert.view.alerted()[0].flooded and alert.view.first.episodes == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        alert.view.alert_active = False  # type: ignore[misc]
    controller.start_pause("alert")
    pause = next(e for e in events if isinstance(e, PauseStarted))
    assert pause.view.pause is not None and pause.view.pause.remaining_s(pause.view.t_s) == 20 * 60
    assert not pause.view.alert_active


def test_a_strap_status_reaches_the_picture_and_the_earlier_picture_keeps_its_own():
    controller, _, events = _running()
    before = controller.view()
    controller.status(Status(StatusKind.BATTERY, 1.0, value=40))
    after = events[-1].view
    assert after.first.connection.battery_percent == 40
    assert before.first.connection.battery_percent is None  # the connection is copied, not shared


def test_the_monitor_draws_a_picture_made_by_hand(qtbot):
    """No session, no controller: a view can be tested with a picture made for it."""
    from types import SimpleNamespace

    from flooding_monitor.detection.detector import State
    from ui.monitor_page import MonitorPage

    view = SessionView.of(Session(Preferences()), 0.0)
    tick = SimpleNamespace(valid=True, hr_bpm=123.0, irregular=False, t_s=0.0)
    latest = SimpleNamespace(tick=tick, state=State.FLOODED, cue=False)
    page = MonitorPage(view)
    qtbot.addWidget(page)
    page.view = dataclasses.replace(view, people=(dataclasses.replace(view.first, latest=latest, flooded=True),))
    page.refresh(0.0, trace=False)
    assert page.hr_label.text() == "123"


def test_no_screen_reads_the_live_session():
    """The window and its pages get pictures: nothing in ui/ imports the live Session or reaches into
    the controller's."""
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "flooding_monitor.live.session":
                offenders.append(f"{path.relative_to(ROOT)}: imports the live session")
            if isinstance(node, ast.Attribute) and node.attr == "session" and "controller" in ast.unparse(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []


def test_a_setting_that_leaves_the_detectors_alone_still_reaches_the_screens():
    """Turning the pause feedback or the 12-hour clock on changed no detector, so no event came and the
    screens drew the old choice until the next second (or never, with no strap running)."""
    from dataclasses import replace

    from flooding_monitor.live.events import SettingsChanged

    controller, _, events = _running()
    controller.apply_prefs(replace(controller.prefs, clock="12-hour", pause_feedback=True))
    assert isinstance(events[-1], SettingsChanged) and events[-1].view.prefs.clock == "12-hour"
