"""The "speeding up" cue: early before flooding, rare in calm conversation (issue 25, item 1).
Figures: ``python -m tests.cue_corpus``."""

from __future__ import annotations

import statistics

import numpy as np

from flooding_monitor.detection.early_cue import EarlyCue, cues_of
from tests import cue_corpus


def test_the_cue_comes_at_least_half_a_minute_before_the_alert_and_rarely_for_nothing():
    f = cue_corpus.measure()
    assert sum(f.missed.values()) == 0  # every escalation was announced
    assert statistics.median(f.all_leads) >= 30.0
    assert min(f.all_leads) >= 15.0  # even a 40-s climb gets a quarter of a minute
    assert f.false_cues / f.calm_hours <= 1.0  # at most one an hour in talk with speech and laughs


def test_real_recordings_cue_before_their_climbs_and_not_at_rest():
    by_name = {f.name: f for f in cue_corpus.measure_real()}
    assert by_name["rest_rri.txt"].cues == 0 and by_name["polar_h10_premature_beats.csv"].cues == 0
    assert by_name["exercise_rri.hrm"].leads_s and by_name["exercise_rri.hrm"].leads_s[0] >= 30
    assert by_name["08012805.txt"].leads_s and by_name["08012805.txt"].leads_s[0] >= 30
    af_hours = sum(f.hours for n, f in by_name.items() if n.startswith("afdb"))
    assert sum(f.near_misses for n, f in by_name.items() if n.startswith("afdb")) / af_hours <= 1.0


def _series(levels: list[tuple[float, float]], seconds: int) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(float(seconds))
    return t, np.interp(t, [k for k, _ in levels], [v for _, v in levels])


def test_a_climb_from_the_talking_level_cues_and_a_plateau_below_it_does_not():
    t, hr = _series([(0, 80), (300, 80), (420, 100), (600, 100)], 600)
    cues = cues_of(t, hr, np.ones_like(t, bool), np.zeros_like(t, bool))
    assert len(cues) == 1 and 300 < cues[0].start_s < 420
    assert cues[0].near_miss and cues[0].end_s - cues[0].start_s <= 240  # levelled, never flooded
    t, hr = _series([(0, 80), (300, 80), (420, 90), (600, 90)], 600)  # +10: talking a little louder
    assert cues_of(t, hr, np.ones_like(t, bool), np.zeros_like(t, bool)) == []


def test_a_cue_that_turns_into_flooding_is_not_a_near_miss_and_the_next_waits():
    cue = EarlyCue()
    t, hr = _series([(0, 75), (300, 75), (360, 100), (900, 100)], 900)
    started = None
    for k, (x, y) in enumerate(zip(t, hr)):
        event = cue.step(float(x), float(y), True, flooded=x >= 400)
        started = started or (event if event.__class__.__name__ == "CueStarted" else None)
    (only,) = cue.all_cues()
    assert only.became_flooding and not only.near_miss and only.end_s == 400.0
    assert started is not None and started.level_bpm == 75.0


def test_no_cue_without_a_minute_of_conversation_or_through_a_gap():
    t, hr = _series([(0, 70), (15, 70), (50, 100)], 59)  # climbing within the first minute
    assert cues_of(t, hr, np.ones_like(t, bool), np.zeros_like(t, bool)) == []  # no talking level yet
    t, hr = _series([(0, 75), (400, 75), (460, 100), (700, 100)], 700)
    valid = ~((t > 380) & (t < 500))  # the strap off through the climb: nothing to judge it by
    assert cues_of(t, hr, valid, np.zeros_like(t, bool)) == []


def test_the_demo_argument_cues_before_its_alert_records_it_and_the_panel_says_it(tmp_path, qtbot):
    """Live: the cue reaches the history as events and the screen as a line, before the alert; the
    setting turns the line off."""
    from dataclasses import replace

    from devices.scenarios import ARGUMENT
    from flooding_monitor.live.controller import SessionController
    from flooding_monitor.live.preferences import Preferences
    from flooding_monitor.storage.store import SessionStore
    from ui.partner_panel import PartnerPanel

    clock = [0.0]
    controller = SessionController(Preferences(), SessionStore(tmp_path / "history.sqlite3"))
    controller.start(lambda: clock[0], "demo", "Strap A", "demo")
    person = controller.session.first
    panel = PartnerPanel()
    qtbot.addWidget(panel)
    cue_at = None
    for s in ARGUMENT.samples(seed=7, source="Strap A"):
        clock[0] = s.t_s
        controller.feed(s)
        controller.advance()
        if cue_at is None and person.latest is not None and person.latest.cue:
            cue_at = s.t_s
            panel.show_person(controller.view().first, named=False)
            assert "speeding up" in panel.explain_label.text() and "Partner A" in panel.explain_label.text()
            assert "Speeding up" in panel.state_label.text()
            panel.show_person(replace(controller.view().first, early_cue=False), named=False)
            assert "speeding up" not in panel.explain_label.text()
        if controller.session.episodes:
            break
    assert cue_at is not None and controller.session.episodes[0].onset_s - cue_at >= 20
    controller.tick(clock[0] + 2)
    sid = controller.recorder.session_id
    kinds = [(e[1], e[2]) for e in controller.store.events_with_partner(sid) if e[1].startswith("cue")]
    assert kinds[0][0] == "cue" and ("cue_end", "flooding") in kinds
