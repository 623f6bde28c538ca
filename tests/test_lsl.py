"""Lab Streaming Layer: a real liblsl inlet in this process receives what the app publishes.

Two partners' demo physiology runs through a live session; the publisher
pushes HR ticks, RR intervals and events; inlets resolved by LSL itself pull
them back. Values must match what the session computed and timestamps must
be the session times mapped onto LSL's clock.
"""

from __future__ import annotations

import heapq
import json
import math
from dataclasses import replace

import pylsl  # the test extra installs it: a missing pylsl fails here, it is never skipped
import pytest

from flooding_monitor.formats.lsl_output import LslPublisher
from devices.scenarios import ARGUMENT, WITHDRAW  # noqa: I001
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.events import TicksAdded

from .lsl_inlet import resolve


def pull_all(inlet, expect: int | None = None, until=None):
    """Pull until ``expect`` samples arrived or ``until(values)`` holds (at most ~40 s)."""
    values, stamps = [], []
    for _ in range(200):
        chunk, ts = inlet.pull_chunk(timeout=0.2, max_samples=100_000)
        values += chunk
        stamps += ts
        if (expect is not None and len(values) >= expect) or (until is not None and until(values)):
            break
    return values, stamps


def test_an_lsl_inlet_receives_hr_rr_and_events_with_matching_timestamps():
    clock = {"t": 0.0}
    lsl = LslPublisher(lambda: clock["t"], speed=1.0, session_id="test1")
    controller = SessionController(Preferences(), None)  # LSL is an output of the session controller
    controller.start(lambda: clock["t"], "demo", "Demo strap", outputs=[lsl])
    controller.add_partner(1, "Demo strap B")
    session = controller.session
    hr_a, hr_info = resolve("source_id", "flooding-monitor-test1-p0-hr")
    rr_b, _ = resolve("source_id", "flooding-monitor-test1-p1-rr")
    events, ev_info = resolve("source_id", "flooding-monitor-test1-events")

    # Metadata a recorder needs: type, rate, unit, who.
    assert (hr_info.type(), hr_info.nominal_srate(), hr_info.channel_count()) == ("HeartRate", 1.0, 1)
    full = hr_a.info(5.0)
    ch = full.desc().child("channels").child("channel")
    assert (ch.child_value("label"), ch.child_value("unit")) == ("HR", "bpm")
    assert full.desc().child_value("partner") == "Partner A"
    assert ev_info.type() == "Markers" and ev_info.channel_format() == pylsl.cf_string

    ticks_a, beats_b = [], []
    controller.listeners.append(
        lambda e: ticks_a.extend(e.results) if isinstance(e, TicksAdded) and e.slot == 0 else None)
    a = ARGUMENT.samples(7, "A")
    b = (replace(s, partner=1) for s in WITHDRAW.samples(11, "B", 0.4))
    for s in heapq.merge(a, b, key=lambda s: s.t_s):
        if s.t_s > 300:
            break
        clock["t"] = s.t_s
        controller.feed(s)
        if s.partner == 1:
            beats_b += [rr / 1000 for rr in s.rr_us]
        if session.alert_active and not session.pausing:
            controller.start_pause("alert")

    hr_values, hr_stamps = pull_all(hr_a, len(ticks_a))
    assert len(hr_values) == len(ticks_a) > 250
    for (v,), stamp, r in zip(hr_values, hr_stamps, ticks_a):
        assert abs(stamp - lsl.lsl_time(r.tick.t_s)) < 1e-6
        expect = r.tick.hr_bpm if r.tick.valid else math.nan
        assert (math.isnan(v) and math.isnan(expect)) or abs(v - expect) < 1e-3  # float32 on the wire

    rr_values, rr_stamps = pull_all(rr_b, len(beats_b))
    assert len(rr_values) == len(beats_b) > 300
    assert all(abs(v - want) < 1e-3 for (v,), want in zip(rr_values, beats_b))  # float32 on the wire
    assert rr_stamps == sorted(rr_stamps)

    markers, marker_stamps = pull_all(events, until=lambda v: any("pause_started" in m for (m,) in v))
    decoded = [json.loads(m) for (m,) in markers]
    onset = next((d, t) for d, t in zip(decoded, marker_stamps) if d["event"] == "flooding_started")
    episode = session.people[0].episodes[0]
    assert onset[0]["partner"] == 0 and abs(onset[1] - lsl.lsl_time(episode.onset_s)) < 1e-6
    pause_marker = next((d, t) for d, t in zip(decoded, marker_stamps) if d["event"] == "pause_started")
    assert abs(pause_marker[1] - lsl.lsl_time(session.pauses[0].started_s)) < 1e-6
    assert not any(d["event"] == "flooding_started" and d["partner"] == 1 for d in decoded)
    controller.finish()


def test_lsl_times_keep_real_time_spacing_for_a_sped_up_demo():
    clock = {"t": 100.0}
    lsl = LslPublisher(lambda: clock["t"], speed=4.0, session_id="test2")
    assert lsl.lsl_time(140.0) - lsl.lsl_time(100.0) == pytest.approx(10.0)
    lsl.close()


def test_the_app_publishes_the_shared_pause_when_streaming_is_on(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from flooding_monitor.live.preferences import PreferencesFile
    from ui.main_window import MainWindow
    from ui.worker import DeviceWorker

    from .helpers import play_until
    from .session_samples import couple
    from .helpers import SessionClock

    worker = DeviceWorker()
    try:
        win = MainWindow(Preferences(), PreferencesFile(tmp_path / "p.json"), worker, 50.0,
                         settings_scope="fm-tests", lsl=True)
        qtbot.addWidget(win)
        win.conversation.start_session(SessionClock(), "demo", "Strap A")
        win.controller.add_partner(1, "Strap B")
        (lsl,) = win.controller.outputs
        events, _ = resolve("source_id", f"flooding-monitor-{lsl.session_id}-events")
        samples = couple()
        play_until(win, samples, lambda: win.controller.session.alert_active)
        qtbot.mouseClick(win.monitor_page.alert.pause_button, Qt.MouseButton.LeftButton)
        assert "Streaming to Lab Streaming Layer" in win.connection_label.text()
        markers, stamps = pull_all(events, until=lambda v: any("pause_started" in m for (m,) in v))
        decoded = [json.loads(m) for (m,) in markers]
        kinds = [d["event"] for d in decoded]
        assert kinds.index("flooding_started") < kinds.index("alert") < kinds.index("pause_started")
        k = kinds.index("pause_started")
        assert decoded[k]["reason"] == "alert"
        assert abs(stamps[k] - lsl.lsl_time(win.controller.session.pauses[0].started_s)) < 1e-6
        win.close()
        assert win.controller.outputs == [] and lsl.markers is None  # the streams ended with the session
    finally:
        worker.stop()


def test_without_pylsl_the_app_says_how_to_install_it_and_goes_on(qtbot, tmp_path, monkeypatch, worker):
    import flooding_monitor.formats.lsl_output as lsl_outlet
    from flooding_monitor.live.preferences import PreferencesFile
    from ui.main_window import MainWindow

    def missing():
        raise lsl_outlet.LslUnavailable(lsl_outlet._message(ImportError("No module named 'pylsl'")))

    monkeypatch.setattr(lsl_outlet, "_pylsl", missing)
    win = MainWindow(Preferences(), PreferencesFile(tmp_path / "p.json"), worker, 50.0,
                     settings_scope="fm-tests", lsl=True)
    qtbot.addWidget(win)
    win.show()
    win.conversation.use_source("demo")
    assert win.controller.outputs == []
    assert "pip install -e '.[lsl]'" in win.store_banner.text() and win.store_banner.label.isVisible()
    qtbot.waitUntil(lambda: win.controller.session.latest is not None, timeout=20_000)  # monitoring goes on
