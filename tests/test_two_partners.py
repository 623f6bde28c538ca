"""Two partners in one session: own detectors, shared alert, shared pause, both in the history.

The demo's pair: partner A pursues and floods (ARGUMENT), partner B withdraws
and comes close without flooding (WITHDRAW), as in the seed's anxious-avoidant
dance. Samples are merged in time order and fed as the worker would stamp them.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from devices.scenarios import ARGUMENT, WITHDRAW
from flooding_monitor.detection.detector import State
from flooding_monitor.review.exports import export_session_csv
from flooding_monitor.review.history import (
    import_recording,
    reanalyze,
    summaries,
    weekly_trends,
)
from flooding_monitor.live.partners import Partner
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.live.session import Session
from flooding_monitor.storage.store import SessionStore
from flooding_monitor.live.controller import SessionController
from ui.main_window import MainWindow

from .helpers import SessionClock, history_window, play_until, settled
from .session_samples import couple

NAMES = (Partner("Mei", "#3b82c4"), Partner("Jun", "#c27c0e"))


@pytest.fixture
def window(qtbot, worker, tmp_path):
    store = SessionStore(tmp_path / "history.sqlite3")
    win = MainWindow(Preferences(partners=NAMES), PreferencesFile(tmp_path / "prefs.json"), worker,
                     50.0, settings_scope="fm-tests", store=store)
    qtbot.addWidget(win)
    win.show()
    win.conversation.start_session(SessionClock(), "demo", "Strap A", "demo")
    win.controller.add_partner(1, "Strap B")
    return win


def test_one_partner_floods_shared_pause_then_both_calm_before_return(window, qtbot):
    samples = couple()
    page = window.monitor_page
    play_until(window, samples, lambda: window.clock.t > 60)
    assert all(p.state == State.CALM for p in window.controller.session.people)
    assert len(page.panels) == 2
    assert [p.name_label.text() for p in page.panels] == ["Mei", "Jun"]
    assert all(p.hr_label.text().isdigit() for p in page.panels)
    assert len(page.trace.curves) == 2 and all(len(c.getData()[0]) >= 5 for c in page.trace.curves)
    assert [c.opts["pen"].color().name() for c in page.trace.curves] == ["#3b82c4", "#c27c0e"]

    play_until(window, samples, lambda: window.controller.session.alert_active)
    assert window.controller.session.alert_slots == (0,)
    assert "Mei's heart rate has stayed above 100 for 30 s" in page.alert.text.text()
    assert "Flooding" in page.panels[0].state_label.text()
    assert "Flooding" not in page.panels[1].state_label.text()
    qtbot.mouseClick(page.alert.pause_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.pause_page
    pause = window.controller.session.pause
    assert pause.reason == "alert"
    window.pause_page.refresh(window.clock.t)
    lines = window.pause_page.hr_line.text()
    assert "Mei" in lines and "Jun" in lines

    play_until(window, samples, lambda: window.stack.currentWidget() is window.return_page)
    window.return_page.refresh(window.clock.t)
    assert window.return_page.title.text() == "Ready to return"
    assert "Both bodies have calmed" in window.return_page.body.text()
    qtbot.mouseClick(window.return_page.back_button, Qt.MouseButton.LeftButton)
    assert pause.recovered is True and window.stack.currentWidget() is window.monitor_page

    play_until(window, samples, lambda: window.clock.t > pause.ended_s + 5)
    window.close()
    store = window.store
    (summary,) = summaries(store)
    sid = summary.id
    assert summary.partner_names == ("Mei", "Jun")
    assert summary.episodes_by_partner == (1, 0) and summary.pauses == 1
    for person in window.controller.session.people:  # every sample of each partner saved, apart
        assert len(store.samples(sid, person.slot)) == person.monitor.intake.counts.samples
    assert [e.partner for e in store.episodes(sid)] == [0]
    # The batch re-analysis agrees: A floods once, B comes close but does not.
    assert len(reanalyze(store, sid, partner=0).detection.episodes) == 1
    assert len(reanalyze(store, sid, partner=1).detection.episodes) == 0
    assert weekly_trends(store)[0].episodes_by_partner == (1, 0)

    history = history_window(qtbot, store, partners=NAMES)
    assert history.table.text(0, 2) == "1 (Mei 1, Jun 0)"
    stats = history.detail.stats.text()
    assert "Mei</b>: threshold 100" in stats and "Jun</b>: threshold 100" in stats
    assert "1 episode," in stats and "0 episodes," in stats
    assert len(history.detail._curves[0].getData()[0]) > 300  # Jun's curve beside Mei's
    history.show_trends()
    settled(qtbot, history)
    assert "Mei" in history.trends.caption.text() and "Jun" in history.trends.caption.text()


def test_either_partner_raises_the_alert_and_the_pause_waits_for_both(window):
    """B floods, A stays calm: the alert names B; the return waits for B's body too."""
    samples = couple(first=WITHDRAW, second=ARGUMENT)
    play_until(window, samples, lambda: window.controller.session.alert_active)
    assert window.controller.session.alert_slots == (1,)
    assert "Jun's heart rate" in window.monitor_page.alert.text.text()
    window.start_pause("alert")
    # While Jun is still above the calm margin the session is not recovered, whoever is calm.
    assert window.controller.session.people[0].recovered() and not window.controller.session.recovered()
    play_until(window, samples, lambda: window.controller.session.recovered())
    assert window.controller.session.people[1].recovered()


def test_two_partner_export_imports_back_as_two_partners(window, tmp_path):
    samples = couple()
    play_until(window, samples, lambda: window.clock.t > 400)
    window.close()
    store = window.store
    sid = summaries(store)[0].id
    path = export_session_csv(store, sid, tmp_path / "out")
    other = SessionStore(tmp_path / "other.sqlite3")
    new = import_recording(other, path)
    assert [p.slot for p in other.partners(new)] == [0, 1]
    assert len(other.samples(new, 1)) == len(store.samples(sid, 1))
    assert summaries(other)[0].episodes_by_partner == (1, 0)


def test_personal_thresholds_apply_per_partner():
    prefs = Preferences(partners=(Partner("Mei", "#3b82c4"), Partner("Jun", "#c27c0e", threshold_bpm=90)))
    session = Session(prefs, partners=prefs.partners)
    assert [p.threshold_bpm for p in session.people] == [100, 90]
    # WITHDRAW peaks around 96 bpm: flooding for a partner whose threshold is 90.
    for s in couple(first=ARGUMENT, second=WITHDRAW):
        session.feed(s)
        if s.t_s > 320:
            break
    assert [len(p.episodes) for p in session.people] == [1, 1]


def test_demo_runs_two_partners_through_the_real_worker(qtbot, worker, tmp_path):
    win = MainWindow(Preferences(), PreferencesFile(tmp_path / "p.json"), worker, 40.0,
                     settings_scope="fm-tests")
    qtbot.addWidget(win)
    win.show()
    win.conversation.use_source("demo")
    win.conversation.add_second_source("demo")
    qtbot.waitUntil(lambda: all(p.latest is not None and p.latest.tick.valid for p in win.controller.session.people),
                    timeout=20_000)
    qtbot.waitUntil(lambda: "Partner B: Connected to Demo strap B" in win.connection_label.text(), timeout=5_000)
    assert "battery 64 %" in win.connection_label.text()
    # Both numbers are on screen within the one-second redraw cadence.
    qtbot.waitUntil(lambda: all(panel.hr_label.text().isdigit() for panel in win.monitor_page.panels), timeout=3_000)


def test_partner_names_colours_and_own_threshold_are_set_in_settings(window, tmp_path):
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.prefs, window)
    name_b, _, threshold_b = dialog.partner_rows[1]
    name_b.setText("")
    assert not dialog.validate() and "name must be" in dialog.error.text()
    name_b.setText("Mei")
    assert not dialog.validate() and "different names" in dialog.error.text()
    name_b.setText("Ming")
    threshold_b.setValue(92)
    assert dialog.validate()
    window.apply_prefs(dialog.result_prefs())
    assert window.controller.session.people[1].partner.name == "Ming"
    assert window.controller.session.people[1].threshold_bpm == 92 and window.controller.session.people[0].threshold_bpm == 100
    saved, problems = PreferencesFile(tmp_path / "prefs.json").load()
    assert not problems and saved.partners[1] == Partner("Ming", "#c27c0e", 92.0)


def test_a_two_partner_recording_replays_and_analyses_per_partner(window, tmp_path, capsys):
    """A replayed two-partner export brings the second partner in; ``analyze --partner`` reads each apart."""
    import json

    from devices.replay import ReplayStrap
    from ui.terminal.cli import main as cli

    samples = couple()
    play_until(window, samples, lambda: window.clock.t > 400)
    window.close()
    path = export_session_csv(window.store, summaries(window.store)[0].id, tmp_path)

    assert cli(["analyze", "--json", str(path), "--partner", "0"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert cli(["analyze", "--json", str(path), "--partner", "1"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (first["partner"], len(first["episodes"])) == ("A", 1)
    assert (second["partner"], len(second["episodes"])) == ("B", 0)

    replay = ReplayStrap(path)
    assert {s.partner for s in replay.recording.samples} == {0, 1}
    controller = SessionController(window.prefs, None)  # a one-partner session that meets partner 1's samples
    controller.start(lambda: 0.0, "replay", path.name)
    for s in replay.recording.samples[:200]:
        controller.feed(s)
    assert len(controller.session.people) == 2
    assert controller.session.people[1].partner.name == "Jun"


def test_a_strap_taken_off_during_the_pause_is_not_called_calm(window, qtbot):
    """Jun takes the strap off for a walk: the return screen says it cannot tell, and the pause records None."""
    samples = couple()
    play_until(window, samples, lambda: window.controller.session.alert_active)
    window.start_pause("alert")
    pause = window.controller.session.pause
    only_mei = (s for s in samples if s.partner == 0)  # Jun's strap stops sending
    play_until(window, only_mei, lambda: window.stack.currentWidget() is window.return_page)
    page = window.return_page
    page.refresh(window.clock.t)
    assert window.controller.session.not_reading() == [window.controller.session.people[1]]
    assert page.title.text() == "Check in with each other"
    assert "Jun: the strap is not reading" in page.body.text() and "Jun not reading" in page.body.text()
    assert page.phrases.isVisible() and page.back_button.text() == "We're back together"
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert pause.recovered is None  # unknown, not guessed
    window.close()
    assert window.store.pauses(summaries(window.store)[0].id)[0].recovered is None


def test_resting_rate_is_measured_for_the_chosen_partner_only(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from devices.scenarios import CALM
    from ui.calibrate_dialog import CalibrateDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Jun", True))
    samples = couple(first=ARGUMENT, second=CALM)  # Mei argues (72-121 bpm) while Jun sits calmly (68-70)

    def measure(dialog: CalibrateDialog) -> int:
        play_until(window, samples, lambda: dialog.baseline is not None)
        return 1

    monkeypatch.setattr(CalibrateDialog, "exec", measure)
    window.resting_rate.start()
    mei, jun = window.controller.session.people
    assert mei.baseline is None and 66 < jun.baseline.hr_bpm < 72  # Mei's rising beats were not mixed in
    window.controller.finish()
    saved = {p.slot: p.baseline_hr for p in window.store.partners(summaries(window.store)[0].id)}
    assert saved[0] is None and saved[1] == pytest.approx(jun.baseline.hr_bpm)


@settings(max_examples=12, deadline=None)
@given(seed_a=st.integers(0, 10_000), seed_b=st.integers(0, 10_000), peak_a=st.floats(80, 130),
       peak_b=st.floats(80, 130), lag=st.floats(0.0, 0.99))
def test_each_partner_is_detected_exactly_as_if_alone(seed_a, seed_b, peak_a, peak_b, lag):
    """Sharing a session never changes a partner's ticks, states or episodes: the two detectors are apart."""
    from flooding_monitor.heart.synthetic import Artifacts, Profile, recording

    def story(peak: float) -> Profile:
        return Profile(((0, 70), (60, 72), (100, peak), (220, peak), (300, 75), (400, 72)))

    a = recording(story(peak_a), seed_a, Artifacts(ectopic_s=[50.0]))
    b = [replace(s, t_s=s.t_s + lag, partner=1) for s in recording(story(peak_b), seed_b)]
    prefs = Preferences()
    together = Session(prefs, partners=prefs.partners)
    alone_a, alone_b = Session(prefs), Session(prefs)
    for s in heapq.merge(a, b, key=lambda s: s.t_s):
        together.feed(s)
        (alone_a if s.partner == 0 else alone_b).feed(replace(s, partner=0))
    for shared, alone in zip(together.people, (alone_a.first, alone_b.first)):
        assert [(r.tick, r.state) for r in shared.trace] == [(r.tick, r.state) for r in alone.trace]
        assert [(e.start_s, e.onset_s, e.end_s) for e in shared.episodes] == \
               [(e.start_s, e.onset_s, e.end_s) for e in alone.episodes]


def test_the_first_partners_strap_cannot_be_chosen_again_for_the_second(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import ui.device_dialog as device_dialog

    shown = []
    window.conversation.addresses[0] = "AA:BB:CC:DD:EE:01"  # partner A wears it
    monkeypatch.setattr(device_dialog.DeviceDialog, "exec", lambda self: 1)
    monkeypatch.setattr(device_dialog.DeviceDialog, "choice",
                        lambda self: device_dialog.Choice("ble", "AA:BB:CC:DD:EE:01", "Polar H10 A1"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    added = []
    monkeypatch.setattr(window.conversation, "add_second_source", lambda *a: added.append(a))
    window.straps.choose_second()
    assert added == [] and "already worn by Mei" in shown[0]
    del window.conversation.addresses[0]


def test_what_if_threshold_reanalyses_both_partners(tmp_path, capsys, monkeypatch):
    """`history --threshold` once re-analysed partner A only: B's flooding vanished from the what-if table."""
    from devices.scenarios import CALM
    from flooding_monitor.storage.store import DB_NAME
    from ui.terminal.cli import main

    store = SessionStore(tmp_path / DB_NAME)
    controller = SessionController(Preferences(partners=NAMES), store)
    clock = {"t": 0.0}
    controller.start(lambda: clock["t"], "demo", "Strap A")
    controller.add_partner(1, "Strap B")
    for s in couple(first=CALM, second=ARGUMENT):  # only Jun floods
        clock["t"] = s.t_s
        controller.feed(s)
        if s.t_s > 400:
            break
    controller.finish()
    assert [e.partner for e in controller.session.episodes] == [1]
    assert main(["--data-dir", str(tmp_path), "history", "--threshold", "100"]) == 0
    table = capsys.readouterr().out
    row = re.search(r"^\s+1\s+\S+ \S+\s+\d+ min\s+(\d+)\s+(\d+) (min|s)\b", table, re.M)
    assert row is not None, table
    assert int(row.group(1)) == 1 and (row.group(3) == "min" or float(row.group(2)) > 60)  # Jun's episode, his time
    assert "Mei 0, Jun 1" in table


def test_each_partners_flooding_is_shaded_in_their_colour(qtbot):
    import numpy as np

    from ui.widgets.trace import FLOODING_SHADE, HeartRateTrace

    trace = HeartRateTrace()
    qtbot.addWidget(trace)
    x = np.linspace(-5, 0, 300)
    mei = (x > -4) & (x < -3)
    jun = (x > -2) & (x < -1)
    trace._shade([(x, mei, "#2f6fae"), (x, jun, "#956200")])
    shown = [(r.brush.color().name(), round(r.getRegion()[0])) for r in trace._regions if r.isVisible()]
    assert shown == [("#2f6fae", -4), ("#956200", -2)]
    trace._shade([(x, mei, "#2f6fae")])  # one wearer: the flooding colour
    assert [r.brush.color().name() for r in trace._regions if r.isVisible()] == [FLOODING_SHADE]
